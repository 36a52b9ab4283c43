//! Undo and redo: steps are snapshots of the document together with the file it belongs to.

use super::MotiveApp;
use crate::io::Document;
use std::path::PathBuf;

/// Most undo steps kept.
const MAX_UNDO: usize = 200;

/// One undo step: the document with the file it belongs to, so that undoing an open returns
/// to the previous file as it was (saved or not).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Snapshot {
    doc: Document,
    path: Option<PathBuf>,
    saved: Document,
    opened: Document,
    shipped_index: Option<usize>,
    /// Which opened document the step belongs to: a save updates the steps of its own lineage.
    lineage: u64,
}

/// Undo history; a whole slider drag is one step.
#[derive(Debug, Default)]
pub struct History {
    undo: Vec<Snapshot>,
    redo: Vec<Snapshot>,
    /// The state after the last completed step.
    committed: Option<Snapshot>,
}

impl History {
    /// Record `now` as a completed step if it differs from the last one.
    pub(super) fn commit(&mut self, now: Snapshot) {
        match self.committed.take() {
            Some(c) if c == now => self.committed = Some(c),
            Some(c) => {
                self.undo.push(c);
                if self.undo.len() > MAX_UNDO {
                    self.undo.remove(0);
                }
                self.redo.clear();
                self.committed = Some(now);
            }
            None => self.committed = Some(now),
        }
    }
    /// After a save: `now` is the saved state, and every step of the same document now belongs
    /// to the saved file, so undo after a save shows the unsaved mark and Save after an undo
    /// writes to the file just saved.
    pub(super) fn adopt_save(&mut self, now: Snapshot) {
        for s in self.undo.iter_mut().chain(self.redo.iter_mut()) {
            if s.lineage == now.lineage {
                s.path.clone_from(&now.path);
                s.saved = now.saved.clone();
                s.doc.source = now.doc.source.clone();
            }
        }
        self.committed = Some(now);
    }

    /// Whether there is something to undo.
    #[must_use]
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }
    /// Whether there is something to redo.
    #[must_use]
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}

impl MotiveApp {
    pub(super) fn snapshot(&self) -> Snapshot {
        Snapshot {
            doc: self.doc.clone(),
            path: self.path.clone(),
            saved: self.saved.clone(),
            opened: self.opened.clone(),
            shipped_index: self.shipped_index,
            lineage: self.lineage,
        }
    }

    pub(super) fn restore(&mut self, s: Snapshot) {
        self.doc = s.doc;
        self.path = s.path;
        self.saved = s.saved;
        self.opened = s.opened;
        self.shipped_index = s.shipped_index;
        self.lineage = s.lineage;
    }

    /// Record the current state as a completed undo step.
    pub(super) fn commit(&mut self) {
        // Called every idle frame: compare in place and clone only when something changed.
        let unchanged = self.history.committed.as_ref().is_some_and(|c| {
            c.lineage == self.lineage
                && c.shipped_index == self.shipped_index
                && c.path == self.path
                && c.doc == self.doc
                && c.saved == self.saved
                && c.opened == self.opened
        });
        if !unchanged {
            let now = self.snapshot();
            self.history.commit(now);
        }
    }

    pub(super) fn undo(&mut self) {
        self.step_history(true);
    }

    pub(super) fn redo(&mut self) {
        self.step_history(false);
    }

    /// Move one step back (undo) or forward (redo) through the history.
    pub(super) fn step_history(&mut self, back: bool) {
        // A drag in progress becomes its own step first.
        self.commit();
        let now = self.snapshot();
        let (from, to) = if back {
            (&mut self.history.undo, &mut self.history.redo)
        } else {
            (&mut self.history.redo, &mut self.history.undo)
        };
        let Some(target) = from.pop() else { return };
        to.push(now);
        self.restore(target);
        self.history.committed = Some(self.snapshot());
    }
}
