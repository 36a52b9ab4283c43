//! Files: opening, saving, native dialogs as jobs, recent files.

use super::{DialogOutcome, JobOutput, MotiveApp};
use crate::analysis::Derived;
use crate::io::{
    FileError, FileKind, SHIPPED_PRESETS, absolute, load_document_and_kind, parse_document, save_document,
};
use crate::model::document::{Document, ScenarioSource};
use crate::ui::ctx::{Command, Notice};
use crate::ui::views::file_window::FileAction;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Most recent files remembered.
const MAX_RECENT: usize = 8;
/// A dialog that comes back empty sooner than this had no dialog service to show it.
const NO_DIALOG: Duration = Duration::from_millis(150);

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
            // Everything indexed by the old scenario goes.
            self.derived = Derived::new(Arc::clone(&doc.scenario));
            self.views.credences.locked.clear();
            self.views.assumptions.open = None;
        }
        self.session.replace(doc, path, same, shipped_index);
        self.previous_step = None;
    }

    /// Open a file; a broken file leaves the document untouched and shows what is wrong.
    pub fn open(&mut self, path: &Path) {
        match load_document_and_kind(path) {
            Ok((doc, kind)) => {
                // A scenario file is a model, not a preset: saving must not overwrite it, so the
                // document starts untitled and Save asks where to put the preset.
                let is_preset = kind == FileKind::Preset;
                let migrated = doc.notices.clone();
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

    /// Save to `path`; whether it worked (a failure is shown in the banner). Unless `replace`,
    /// a document file that something else changed since it was opened or saved is not
    /// written over: the path window asks first.
    pub(super) fn save_to(&mut self, path: &Path, replace: bool) -> bool {
        // A drag in progress becomes its own step before the save.
        self.session.commit();
        if !replace && self.is_document_file(path) && self.session.changed_on_disk() {
            self.views
                .file_window
                .ask_to_replace(FileAction::Save, path.to_path_buf(), true);
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
            return false;
        }
        let mut doc = self.session.doc.clone();
        // A relative scenario path would break when the preset moves: embed the scenario.
        if matches!(doc.state.source, ScenarioSource::Path(_))
            && self.session.path.as_deref().and_then(Path::parent) != path.parent()
        {
            doc.state.source = ScenarioSource::Embedded;
        }
        match save_document(path, &doc) {
            Ok(()) => {
                self.session.doc.state.source = doc.state.source;
                self.session.saved_to(path);
                self.remember(path);
                self.notice = Some(Notice::info(format!("Saved {}", path.display())));
                // The action an unsaved-changes prompt held back goes on now.
                if let Some(c) = self.after_save.take() {
                    self.commands.push(c);
                }
                true
            }
            Err(e) => {
                self.file_error(
                    "Could not save; the file on disk is unchanged and your work stays here, unsaved",
                    &e,
                );
                false
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

    /// Open the path window for `action`, prefilled.
    pub(super) fn show_file_window(&mut self, action: FileAction) {
        let prefill = match action {
            FileAction::Save => self.default_save_path(),
            FileAction::Export(kind) => self.default_export_path(kind),
            FileAction::Open => self.default_dir(),
        };
        let mut text = prefill.display().to_string();
        if action == FileAction::Open && !text.is_empty() && !text.ends_with(std::path::MAIN_SEPARATOR) {
            text.push(std::path::MAIN_SEPARATOR);
        }
        self.views.file_window.show(action, &text);
    }

    /// Ask for a file in the system's dialog, off the UI thread.
    pub(super) fn spawn_dialog(&mut self, save: bool) {
        if self.no_system_dialog {
            self.show_file_window(if save { FileAction::Save } else { FileAction::Open });
            return;
        }
        if self.dialog_open {
            self.notice = Some(Notice::info("A file dialog is already open; finish with it first"));
            return;
        }
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
            Ok(()) => self.dialog_open = true,
            Err(e) => self.notice = Some(Notice::error("Could not show a file dialog", vec![e])),
        }
    }

    pub(super) fn dialog_answered(&mut self, outcome: DialogOutcome) {
        match outcome {
            // Through the command queue, so that edits made meanwhile are asked about.
            DialogOutcome::Open(Some(p), _) => self.commands.push(Command::Open(p)),
            DialogOutcome::Save(Some(p), _) => {
                self.save_to(&p, true);
            }
            DialogOutcome::Open(None, took) | DialogOutcome::Save(None, took) if took < NO_DIALOG => {
                // No dialog service: type the path instead, from now on.
                self.no_system_dialog = true;
                let action = match outcome {
                    DialogOutcome::Open(..) => FileAction::Open,
                    DialogOutcome::Save(..) => FileAction::Save,
                };
                self.show_file_window(action);
                self.notice = Some(Notice {
                    is_error: false,
                    title: "No system file dialog is available here: type the path instead".into(),
                    lines: vec![
                        "Installing xdg-desktop-portal (or zenity) brings the system dialog.".into(),
                        "A .ron file dropped on the window opens too.".into(),
                    ],
                });
            }
            DialogOutcome::Open(None, _) | DialogOutcome::Save(None, _) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::views::file_window::FileAction;

    #[test]
    fn a_dialog_that_answers_at_once_means_there_is_none() {
        let mut app = MotiveApp::new_default(&egui::Context::default());
        app.dialog_answered(DialogOutcome::Save(None, Duration::from_millis(3)));
        assert!(app.no_system_dialog);
        assert_eq!(app.views.file_window.action(), Some(FileAction::Save));
        assert!(
            app.notice
                .as_ref()
                .is_some_and(|n| n.title.starts_with("No system file dialog"))
        );
        // From now on Open asks in the app's window without trying the system's.
        app.views.file_window.close();
        app.spawn_dialog(false);
        assert_eq!(app.views.file_window.action(), Some(FileAction::Open));
        assert!(!app.dialog_open);
    }

    #[test]
    fn a_dialog_closed_by_the_user_changes_nothing() {
        let mut app = MotiveApp::new_default(&egui::Context::default());
        app.dialog_answered(DialogOutcome::Open(None, Duration::from_secs(4)));
        assert!(!app.no_system_dialog);
        assert_eq!(app.views.file_window.action(), None);
        assert!(app.notice.is_none());
    }
}
