//! Autosave and crash recovery: within a few seconds of an unsaved change the session is
//! written atomically to a recovery file in the app's data folder (never over the user's own
//! file); a save, or a document with nothing unsaved, or a clean exit removes it. At start a
//! recovery file left behind means the last run did not exit cleanly: its work is restored,
//! with its file path and unsaved mark, and a notice offers to discard it.

use super::MotiveApp;
use super::persist::Persisted;
use super::settle::Settle;
use crate::io::{make_dir, modified, read_text, remove, write_atomic};
use crate::model::document::DocState;
use std::path::PathBuf;
use std::time::{Duration, Instant, SystemTime};

/// The app id eframe keeps the app's data under (`run_native`'s name, as `src/main.rs` gives it).
pub const APP_ID: &str = "Motive Lab";

/// The recovery file's name in the data folder.
pub const RECOVERY_FILE: &str = "recovery.ron";
/// How long an unsaved change waits before it is written (a burst of edits is written once).
pub const AUTOSAVE_AFTER: Duration = Duration::from_secs(2);

/// The data folder the recovery file lives in: `MOTIVE_LAB_DATA_DIR` if set, else eframe's
/// storage folder for the app (beside the state it keeps between runs).
#[must_use]
pub fn default_dir() -> Option<PathBuf> {
    std::env::var_os("MOTIVE_LAB_DATA_DIR")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| eframe::storage_dir(APP_ID))
}

/// "14:02 UTC" for a time.
fn clock(t: SystemTime) -> String {
    let secs = t.duration_since(SystemTime::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    format!("{:02}:{:02} UTC", secs / 3600 % 24, secs / 60 % 60)
}

/// What is unsaved: the document's state, and the editor's draft (by its count of changes)
/// when it has unsaved changes.
type Unsaved = (DocState, Option<u64>);

/// Autosave state.
#[derive(Debug)]
pub struct Autosave {
    /// The data folder (`None`: no autosave, as in most tests).
    pub dir: Option<PathBuf>,
    /// The state last written (or recovered), so an unchanged document is not written again
    /// and a recovery file this run knows of is removed once nothing is unsaved.
    written: Option<Unsaved>,
    /// The unsaved state and since when it has not changed.
    pending: Settle<Unsaved>,
    /// The session a recovery replaced, for "Discard recovery".
    pub before_recovery: Option<Persisted>,
}

impl Default for Autosave {
    fn default() -> Self {
        Self {
            dir: None,
            written: None,
            pending: Settle::new(AUTOSAVE_AFTER),
            before_recovery: None,
        }
    }
}

impl Autosave {
    fn file(&self) -> Option<PathBuf> {
        self.dir.as_ref().map(|d| d.join(RECOVERY_FILE))
    }
}

impl MotiveApp {
    /// Write the recovery file when the document has had unsaved changes for
    /// [`AUTOSAVE_AFTER`]; remove it when nothing is unsaved.
    pub(super) fn autosave(&mut self, ctx: &egui::Context) {
        let Some(file) = self.autosave.file() else { return };
        // A draft with unsaved changes is kept too, whether it checks or not.
        let draft = (self.editor.as_ref()).filter(|e| e.draft.unsaved()).map(|e| &e.draft);
        if !self.session.dirty() && draft.is_none() {
            if self.autosave.written.is_some() {
                self.remove_recovery();
            }
            self.autosave.pending.reset();
            return;
        }
        let state = &self.session.doc.state;
        let changes = draft.map(crate::model::draft::Draft::changes);
        if (self.autosave.written.as_ref()).is_some_and(|(s, c)| s == state && *c == changes) {
            return;
        }
        let now = (state.clone(), changes);
        if let Err(wait) = self.autosave.pending.check(&now, Instant::now()) {
            ctx.request_repaint_after(wait);
            return;
        }
        let mut snapshot = self.session_snapshot();
        snapshot.editor_draft = draft.and_then(|d| crate::io::scenario_text(d.scenario()).ok());
        let text = match ron::ser::to_string_pretty(&snapshot, ron::ser::PrettyConfig::default()) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("motive-lab: could not write the recovery file: {e}");
                return;
            }
        };
        if let Some(dir) = &self.autosave.dir
            && let Err(e) = make_dir(dir)
        {
            eprintln!("motive-lab: could not make the data folder: {e}");
            return;
        }
        match write_atomic(&file, text.as_bytes()) {
            Ok(()) => self.autosave.written = Some(now),
            Err(e) => eprintln!("motive-lab: {e}"),
        }
    }

    /// Remove the recovery file (a save or a clean exit: nothing is left to recover).
    pub(super) fn remove_recovery(&mut self) {
        if let Some(file) = self.autosave.file()
            && let Err(e) = remove(&file)
        {
            eprintln!("motive-lab: could not remove the recovery file: {e}");
        }
        self.autosave.written = None;
    }

    /// At start: restore a recovery file left by a run that did not exit cleanly (the app as
    /// eframe starts it does this itself).
    pub fn recover(&mut self) {
        let Some(file) = self.autosave.file() else { return };
        let Ok(text) = read_text(&file) else {
            return;
        };
        let when = modified(&file).map_or_else(|| "the last run".to_owned(), clock);
        let rec = match Persisted::from_ron(&text) {
            Ok(p) => p,
            Err(e) => {
                self.notice = Some(crate::ui::ctx::Notice::error(
                    format!(
                        "Unsaved changes from {when} were found but could not be read; they are left in {}",
                        file.display()
                    ),
                    vec![e.to_string()],
                ));
                return;
            }
        };
        let before = self.session_snapshot();
        self.restore_session(&rec);
        self.autosave.before_recovery = Some(before);
        let draft = rec.editor_draft.as_deref().map(|text| self.recover_draft(text));
        let changes = self
            .editor
            .as_ref()
            .map(|e| e.draft.changes())
            .filter(|_| draft == Some(true));
        self.autosave.written = Some((self.session.doc.state.clone(), changes));
        eprintln!("motive-lab: recovered unsaved changes from {when}");
        let mut lines = vec![
            "The last run ended without saving; its work is back, still marked unsaved.".to_owned(),
            "\"Discard recovery\" returns to the document as the app last closed.".to_owned(),
        ];
        if draft == Some(true) {
            lines.push("The scenario editor is open on its unsaved draft, as it was.".to_owned());
        }
        lines.extend(self.changed_while_away());
        self.notice = Some(crate::ui::ctx::Notice {
            is_error: false,
            title: format!("Recovered unsaved changes from {when}"),
            lines,
        });
    }

    /// Open the editor on a recovered draft (scenario RON): one undoable step from the
    /// scenario the document shows. Whether it could be read.
    fn recover_draft(&mut self, text: &str) -> bool {
        // Not validated: a draft that did not check is recovered as it was.
        match ron::from_str::<crate::model::scenario::Scenario>(text) {
            Ok(draft) => {
                self.editor = None;
                self.open_editor();
                let shown = std::sync::Arc::clone(&self.session.doc.scenario);
                let (d, effect) = crate::model::draft::Draft::recovered(shown, draft);
                if let Some(ed) = self.editor.as_mut() {
                    ed.draft = d;
                    ed.asking_unlock = false;
                }
                self.editor_effect(effect);
                true
            }
            Err(e) => {
                eprintln!("motive-lab: the scenario editor's recovered draft could not be read: {e}");
                false
            }
        }
    }

    /// Undo a recovery: the session it replaced comes back, and the recovery file goes.
    pub(super) fn discard_recovery(&mut self) {
        if let Some(before) = self.autosave.before_recovery.take() {
            self.restore_session(&before);
        }
        self.remove_recovery();
        self.notice = self.changed_while_away().map(crate::ui::ctx::Notice::info);
    }

    /// Where the recovery file is kept (`None` turns autosave off).
    pub fn set_recovery_dir(&mut self, dir: Option<PathBuf>) {
        self.autosave.dir = dir;
    }
}
