//! Files: opening, saving, native dialogs as jobs, recent files.

use super::flow::{Check, Event};
use super::{DialogOutcome, JobOutput, MotiveApp};
use crate::analysis::Derived;
use crate::io::{
    FileError, FileKind, SHIPPED_PRESETS, absolute, load_document_and_kind, parse_document, save_document,
};
use crate::model::document::{Document, ScenarioSource};
use crate::ui::ctx::{FileAction, Notice, Replace};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Most recent files remembered.
const MAX_RECENT: usize = 8;
/// A dialog that comes back empty sooner than this had no dialog service to show it.
pub(super) const NO_DIALOG: Duration = Duration::from_millis(150);

impl MotiveApp {
    /// Replace the document (after opening a file or a preset). The change is undoable when
    /// the scenario stays the same; a new scenario starts a new history. `shipped_index` says
    /// which shipped preset it is, if any.
    pub(super) fn replace_document(&mut self, doc: Document, path: Option<PathBuf>, shipped_index: Option<usize>) {
        let current = &self.session.doc.scenario;
        // Compared once per open, never per frame.
        let same = Arc::ptr_eq(&doc.scenario, current) || *doc.scenario == **current;
        let doc = if same {
            self.session.doc.with_state(doc.state)
        } else {
            doc
        };
        if !same {
            // Everything indexed by the old scenario goes, and a lesson on it ends.
            self.derived = Derived::new(Arc::clone(&doc.scenario));
            self.views.scenario_changed();
            self.lesson = None;
            // The editor edits the scenario it was opened on.
            self.editor = None;
        }
        self.session.replace(doc, path, same, shipped_index);
    }

    /// The scenario file the document's scenario was read from, if it was read from a file
    /// (a scenario opened from disk, or a preset naming its scenario by path).
    #[must_use]
    pub fn scenario_file(&self) -> Option<PathBuf> {
        let ScenarioSource::Path(p) = &self.session.doc.state.source else {
            return None;
        };
        let p = Path::new(p);
        if p.is_absolute() {
            return Some(p.to_path_buf());
        }
        let dir = self.session.path.as_deref().and_then(Path::parent)?;
        Some(absolute(&dir.join(p)))
    }

    /// How a preset saved to `path` refers to its scenario: by file name when the scenario
    /// file sits beside it (and embedding is not asked for), else embedded whole so that the
    /// preset stands alone; a shipped scenario by its id.
    fn source_for(&self, path: &Path) -> ScenarioSource {
        match (&self.session.doc.state.source, self.scenario_file()) {
            (ScenarioSource::Shipped(id), _) => ScenarioSource::Shipped(id.clone()),
            (_, Some(file)) if !self.prefs.embed_scenario && file.parent() == absolute(path).parent() => {
                ScenarioSource::Path(
                    file.file_name()
                        .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
                )
            }
            _ => ScenarioSource::Embedded,
        }
    }

    /// The presets beside the document's scenario file, read again after a save and when the
    /// document's scenario source changes (an open, an undo of one): a comparison per frame,
    /// the folder read only then.
    pub(super) fn refresh_presets_beside(&mut self) {
        self.beside.source = Some(self.session.doc.state.source.clone());
        self.beside.presets = self
            .scenario_file()
            .map(|f| crate::io::presets_beside(&f))
            .unwrap_or_default();
    }

    /// [`Self::refresh_presets_beside`] if the scenario source changed.
    pub(super) fn follow_presets_beside(&mut self) {
        if self.beside.source.as_ref() != Some(&self.session.doc.state.source) {
            self.refresh_presets_beside();
        }
    }

    /// Open a file; a broken file leaves the document untouched and shows what is wrong.
    pub fn open(&mut self, path: &Path) {
        match load_document_and_kind(path) {
            Ok((doc, kind)) => {
                // A scenario file is a model, not a preset: saving must not overwrite it, so the
                // document starts untitled and Save asks where to put the preset.
                let is_preset = kind == FileKind::Preset;
                let migrated = doc.notices.clone();
                let mut doc = doc;
                // A scenario read from disk remembers its file, so that a preset saved beside
                // it can name it rather than copy it.
                if !is_preset && matches!(doc.state.source, ScenarioSource::Embedded) {
                    doc.state.source = ScenarioSource::Path(absolute(path).display().to_string());
                }
                self.replace_document(doc, is_preset.then(|| path.to_path_buf()), None);
                self.remember(path);
                let title = if is_preset {
                    format!("Opened {}", path.display())
                } else {
                    format!(
                        "Opened the scenario {}; Save writes your settings to a new preset file",
                        path.display()
                    )
                };
                self.notice = Some(if migrated.is_empty() {
                    Notice::info(title)
                } else {
                    // Made for an older revision of its scenario: say what changed.
                    Notice {
                        is_error: false,
                        title: format!("{title}; updated for this revision of its scenario"),
                        lines: migrated,
                    }
                });
            }
            Err(e) => self.file_error("Could not open the file; nothing was changed", &e),
        }
    }

    /// Show a file error in the banner, one line per located problem.
    pub(super) fn file_error(&mut self, title: &str, e: &FileError) {
        let lines = match e {
            FileError::Invalid { path, problems } => problems.iter().map(|p| format!("{path}:{p}")).collect(),
            other => vec![other.to_string()],
        };
        self.notice = Some(Notice::error(title, lines));
    }

    pub(super) fn open_shipped(&mut self, index: usize) {
        let Some(p) = SHIPPED_PRESETS.get(index) else { return };
        match parse_document(p.file_name, p.text, None, 0) {
            Ok(doc) => {
                self.replace_document(doc, None, Some(index));
                self.notice = None;
            }
            Err(e) => self.file_error("A shipped preset is broken", &e),
        }
    }

    pub(super) fn remember(&mut self, path: &Path) {
        let abs = absolute(path);
        self.prefs.recent.retain(|p| p != &abs);
        self.prefs.recent.insert(0, abs);
        self.prefs.recent.truncate(MAX_RECENT);
    }

    /// Whether `path` names the document's own file.
    pub(super) fn is_document_file(&self, path: &Path) -> bool {
        self.session
            .path
            .as_deref()
            .is_some_and(|p| absolute(p) == absolute(path))
    }

    /// Save to `path` after `check`; what happened, for the document flow (a failure is
    /// shown in the banner). A document file that something else changed since it was opened
    /// or saved, or a file that is there where a typed path points, is not written over: the
    /// flow asks first.
    pub(super) fn save_to(&mut self, path: &Path, check: Check) -> Event {
        // A drag in progress becomes its own step before the save.
        self.session.commit();
        let changed_on_disk = || self.is_document_file(path) && self.session.changed_on_disk();
        match check {
            Check::ChangedOnDisk if changed_on_disk() => {
                self.notice = Some(Notice::error(
                    format!(
                        "Not saved: {} changed on disk since it was opened or saved here",
                        path.display()
                    ),
                    vec![
                        "Another program, or another Motive Lab window, wrote to it.".to_owned(),
                        "Replace it with this document, choose another file, or cancel: your work stays here, unsaved."
                            .to_owned(),
                    ],
                ));
                return Event::WouldReplace(Replace {
                    path: path.to_path_buf(),
                    changed_on_disk: true,
                });
            }
            Check::Exists if crate::io::exists(path) => {
                return Event::WouldReplace(Replace {
                    path: path.to_path_buf(),
                    changed_on_disk: changed_on_disk(),
                });
            }
            Check::Nothing | Check::ChangedOnDisk | Check::Exists => {}
        }
        let mut doc = self.session.doc.clone();
        doc.state.source = self.source_for(path);
        match save_document(path, &doc) {
            Ok(()) => {
                self.session.doc.state.source = doc.state.source;
                self.session.saved_to(path);
                self.remember(path);
                self.refresh_presets_beside();
                self.notice = Some(Notice::info(format!("Saved {}", path.display())));
                Event::Written
            }
            Err(e) => {
                self.file_error(
                    "Could not save; the file on disk is unchanged and your work stays here, unsaved",
                    &e,
                );
                Event::WriteFailed
            }
        }
    }

    /// The document file's stem, or a file name made of the preset's name.
    pub(super) fn file_stem(&self) -> String {
        self.session.path.as_deref().and_then(Path::file_stem).map_or_else(
            || {
                let name = self.session.doc.state.name.to_lowercase();
                name.replace(|c: char| !c.is_alphanumeric(), "-")
            },
            |s| s.to_string_lossy().into_owned(),
        )
    }

    /// The folder of the document's file, if it has one.
    fn file_dir(&self) -> Option<PathBuf> {
        self.session
            .path
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_path_buf)
    }

    /// Where new files go by default: the document file's folder, else the current folder.
    pub(super) fn default_dir(&self) -> PathBuf {
        self.file_dir()
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_default()
    }

    /// Where a save goes by default: the document's file, else a file named after the preset
    /// in the default folder.
    fn default_save_path(&self) -> PathBuf {
        match &self.session.path {
            Some(p) => p.clone(),
            None => self.default_dir().join(format!("{}.ron", self.file_stem())),
        }
    }

    /// The path window opened for `action`: fill its path field.
    pub(super) fn prefill_path(&mut self, action: FileAction) {
        let prefill = match action {
            FileAction::Save => self.default_save_path(),
            FileAction::Export(kind) => self.default_export_path(kind),
            FileAction::Open => self.default_dir(),
        };
        let mut text = prefill.display().to_string();
        if action == FileAction::Open && !text.is_empty() && !text.ends_with(std::path::MAIN_SEPARATOR) {
            text.push(std::path::MAIN_SEPARATOR);
        }
        self.views.file_window.prefill(&text);
    }

    /// Ask for a file in the system's dialog, off the UI thread; `DialogFailed` if it cannot
    /// start.
    pub(super) fn spawn_dialog(&mut self, save: bool) -> Option<Event> {
        let dir = self.file_dir();
        let file_name = match self.session.path.as_deref().and_then(Path::file_name) {
            Some(n) => n.to_string_lossy().into_owned(),
            None => format!("{}.ron", self.file_stem()),
        };
        let work = move || {
            let started = Instant::now();
            let mut dialog = rfd::FileDialog::new().add_filter("Motive Lab files", &["ron"]);
            if let Some(d) = dir {
                dialog = dialog.set_directory(d);
            }
            JobOutput::Dialog(if save {
                DialogOutcome::Save(dialog.set_file_name(file_name).save_file(), started.elapsed())
            } else {
                DialogOutcome::Open(dialog.pick_file(), started.elapsed())
            })
        };
        // A dialog that fails inside reads as "no dialog available".
        let failed = move || {
            JobOutput::Dialog(if save {
                DialogOutcome::Save(None, Duration::ZERO)
            } else {
                DialogOutcome::Open(None, Duration::ZERO)
            })
        };
        match self.jobs.spawn("file-dialog", work, failed) {
            Ok(()) => None,
            Err(e) => {
                eprintln!("motive-lab: could not show a file dialog: {e}");
                Some(Event::DialogFailed)
            }
        }
    }

    /// The system's dialog came back: a path, closed by the user, or (empty at once) none
    /// there.
    pub(super) fn dialog_answered(&mut self, ctx: &egui::Context, outcome: DialogOutcome) {
        let event = match outcome {
            DialogOutcome::Open(Some(p), _) | DialogOutcome::Save(Some(p), _) => Event::DialogAnswered(Some(p)),
            DialogOutcome::Open(None, took) | DialogOutcome::Save(None, took) if took < NO_DIALOG => {
                Event::DialogFailed
            }
            DialogOutcome::Open(None, _) | DialogOutcome::Save(None, _) => Event::DialogAnswered(None),
        };
        self.dispatch(ctx, event);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::ctx::{Command, FileAction};

    #[test]
    fn a_dialog_that_answers_at_once_means_there_is_none() {
        let ctx = egui::Context::default();
        let mut app = MotiveApp::new_default(&ctx);
        // The system's save dialog open (without starting one).
        let state = app.session.doc.state.clone();
        let doc = crate::app::flow::Doc {
            dirty: false,
            path: None,
            state: &state,
        };
        assert_eq!(
            app.flow.on(Event::SaveAs, &doc),
            vec![crate::app::flow::Effect::ShowDialog { save: true }]
        );
        app.dialog_answered(&ctx, DialogOutcome::Save(None, Duration::from_millis(3)));
        assert!(!app.flow.uses_system_dialog());
        assert_eq!(app.flow.path_window().map(|w| w.action), Some(FileAction::Save));
        assert!(
            app.notice
                .as_ref()
                .is_some_and(|n| n.title.starts_with("No system file dialog"))
        );
        // From now on Open asks in the app's window without trying the system's.
        app.apply(&ctx, Command::ClosePathWindow);
        app.apply(&ctx, Command::OpenDialog);
        assert_eq!(app.flow.path_window().map(|w| w.action), Some(FileAction::Open));
        assert!(!app.flow.dialog_open());
    }

    #[test]
    fn a_dialog_closed_by_the_user_changes_nothing() {
        let ctx = egui::Context::default();
        let mut app = MotiveApp::new_default(&ctx);
        app.dialog_answered(&ctx, DialogOutcome::Open(None, Duration::from_secs(4)));
        assert!(app.flow.uses_system_dialog());
        assert_eq!(app.flow.path_window(), None);
        assert!(app.notice.is_none());
    }
}
