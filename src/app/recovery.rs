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

/// Autosave state.
#[derive(Debug)]
pub struct Autosave {
    /// The data folder (`None`: no autosave, as in most tests).
    pub dir: Option<PathBuf>,
    /// The state last written (or recovered), so an unchanged document is not written again
    /// and a recovery file this run knows of is removed once nothing is unsaved.
    written: Option<DocState>,
    /// The unsaved state and since when it has not changed.
    pending: Settle<DocState>,
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
        if !self.session.dirty() {
            if self.autosave.written.is_some() {
                self.remove_recovery();
            }
            self.autosave.pending.reset();
            return;
        }
        let state = &self.session.doc.state;
        if self.autosave.written.as_ref() == Some(state) {
            return;
        }
        if let Err(wait) = self.autosave.pending.check(state, Instant::now()) {
            ctx.request_repaint_after(wait);
            return;
        }
        let snapshot = self.session_snapshot();
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
            Ok(()) => self.autosave.written = Some(self.session.doc.state.clone()),
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
        self.autosave.written = Some(self.session.doc.state.clone());
        eprintln!("motive-lab: recovered unsaved changes from {when}");
        let mut lines = vec![
            "The last run ended without saving; its work is back, still marked unsaved.".to_owned(),
            "\"Discard recovery\" returns to the document as the app last closed.".to_owned(),
        ];
        lines.extend(self.changed_while_away());
        self.notice = Some(crate::ui::ctx::Notice {
            is_error: false,
            title: format!("Recovered unsaved changes from {when}"),
            lines,
        });
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
