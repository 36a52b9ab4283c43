//! The session: the document being edited, its file, the states it is compared with (as
//! saved, as opened, A), and its undo history. Everything here works on the document's small
//! editable state; the scenario is shared and never cloned or compared per frame.

use super::history::{History, Snapshot};
use crate::model::document::{DocState, Document};
use crate::model::settings::Settings;
use std::path::{Path, PathBuf};

/// The document and everything that belongs to it.
#[derive(Debug)]
pub struct Session {
    /// The document being edited.
    pub doc: Document,
    /// The document's file, if any (only ever a preset file).
    pub path: Option<PathBuf>,
    /// The state as last opened or saved (for the unsaved-changes mark); `None` for work
    /// that was never saved on this scenario (always marked unsaved).
    pub saved: Option<DocState>,
    /// The state as opened (for "Reset to preset" and the default comparison).
    pub opened: DocState,
    /// Index of the shipped preset shown last (classroom stepping).
    pub shipped_index: Option<usize>,
    /// Comparison state A.
    pub pinned: Option<Settings>,
    /// Undo and redo.
    pub history: History,
    /// The [`crate::io::fingerprint`] of the file at `path` as last opened or saved, to notice
    /// that something else changed it since.
    pub on_disk: Option<u64>,
    /// Which opened document the current state belongs to (see [`History::adopt_save`]).
    pub(super) lineage: u64,
    /// In classroom mode, the state before the last step through the presets (what the step
    /// panel compares with).
    pub previous_step: Option<DocState>,
}

impl Session {
    /// A session on a freshly opened document.
    #[must_use]
    pub fn new(doc: Document, path: Option<PathBuf>) -> Self {
        let mut s = Self {
            saved: Some(doc.state.clone()),
            opened: doc.state.clone(),
            doc,
            on_disk: path.as_deref().and_then(crate::io::fingerprint),
            path,
            shipped_index: None,
            pinned: None,
            history: History::default(),
            lineage: 0,
            previous_step: None,
        };
        s.commit();
        s
    }

    /// Whether the document's file now holds something other than what was last opened or
    /// saved there (a file deleted since is not a change: saving brings it back).
    #[must_use]
    pub fn changed_on_disk(&self) -> bool {
        let Some(path) = &self.path else { return false };
        self.on_disk.is_some() && crate::io::fingerprint(path).is_some_and(|now| Some(now) != self.on_disk)
    }

    /// Whether the document differs from its file.
    #[must_use]
    pub fn dirty(&self) -> bool {
        self.saved.as_ref() != Some(&self.doc.state)
    }

    /// The window title: file, unsaved mark, app name.
    #[must_use]
    pub fn title(&self) -> String {
        let name = self
            .path
            .as_deref()
            .and_then(Path::file_name)
            .map_or_else(|| self.doc.state.name.clone(), |n| n.to_string_lossy().into_owned());
        format!("{}{name} — Motive Lab", if self.dirty() { "* " } else { "" })
    }

    fn snapshot(&self) -> Snapshot {
        Snapshot {
            state: self.doc.state.clone(),
            path: self.path.clone(),
            on_disk: self.on_disk,
            saved: self.saved.clone(),
            opened: self.opened.clone(),
            shipped_index: self.shipped_index,
            lineage: self.lineage,
        }
    }

    fn restore(&mut self, s: Snapshot) {
        self.doc.state = s.state;
        self.path = s.path;
        self.on_disk = s.on_disk;
        self.saved = s.saved;
        self.opened = s.opened;
        self.shipped_index = s.shipped_index;
        self.lineage = s.lineage;
    }

    fn matches(&self, c: &Snapshot) -> bool {
        c.lineage == self.lineage
            && c.shipped_index == self.shipped_index
            && c.path == self.path
            && c.on_disk == self.on_disk
            && c.state == self.doc.state
            && c.saved == self.saved
            && c.opened == self.opened
    }

    /// Record the current state as a completed undo step. Called every idle frame: it
    /// compares in place and clones only when something changed.
    pub fn commit(&mut self) {
        if !self.history.committed().is_some_and(|c| self.matches(c)) {
            let now = self.snapshot();
            self.history.commit(now);
        }
    }

    /// Replace the document by another on the same scenario, or start afresh on a new one
    /// (`same_scenario` false: the history and A go, since their settings would not fit).
    /// `shipped_index` is the shipped preset it is, if any.
    pub fn replace(&mut self, doc: Document, path: Option<PathBuf>, same_scenario: bool, shipped_index: Option<usize>) {
        self.commit();
        self.lineage += 1;
        if !same_scenario {
            self.history = History::default();
            self.pinned = None;
        }
        self.saved = Some(doc.state.clone());
        self.opened = doc.state.clone();
        self.doc = doc;
        self.on_disk = path.as_deref().and_then(crate::io::fingerprint);
        self.path = path;
        self.shipped_index = shipped_index;
        self.previous_step = None;
        self.commit();
    }

    /// Show an edited version of the scenario: the document's settings (already carried over
    /// to it) stay, its file's state no longer matches (always unsaved), and the history and A
    /// go, since their settings fit the old scenario (the editor keeps its own undo).
    pub fn replace_scenario(&mut self, doc: Document) {
        self.history = History::default();
        self.pinned = None;
        self.saved = None;
        self.opened = doc.state.clone();
        self.doc = doc;
        self.previous_step = None;
        self.commit();
    }

    /// After a successful save to `path`: the current state is the saved one, and every undo
    /// step of the same document now belongs to that file.
    pub fn saved_to(&mut self, path: &Path) {
        self.saved = Some(self.doc.state.clone());
        self.path = Some(path.to_path_buf());
        self.on_disk = crate::io::fingerprint(path);
        let now = self.snapshot();
        self.history.adopt_save(now);
    }

    /// Move one step back (undo) or forward (redo) through the history.
    pub fn step_history(&mut self, back: bool) {
        // A drag in progress becomes its own step first.
        self.commit();
        let now = self.snapshot();
        if let Some(target) = self.history.step(back, now) {
            self.restore(target);
            let committed = self.snapshot();
            self.history.set_committed(committed);
        }
    }
}
