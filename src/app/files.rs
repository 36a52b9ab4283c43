//! Files: opening, saving, native dialogs on worker threads, recent files.

use super::{Command, History, MotiveApp, Notice};
use crate::io::{
    Document, FileError, FileKind, SHIPPED_PRESETS, load_document_and_kind, parse_document, save_document,
};
use crate::model::evaluate::Model;
use crate::model::preset::ScenarioRef;
use std::path::{Path, PathBuf};
use std::sync::mpsc::channel;
use std::time::{Duration, Instant};

/// Most recent files remembered.
const MAX_RECENT: usize = 8;

/// What a file dialog came back with.
#[derive(Debug)]
pub(super) enum DialogOutcome {
    Open(Option<PathBuf>, Duration),
    Save(Option<PathBuf>, Duration),
}

impl MotiveApp {
    /// Replace the document (after opening a file or a preset). The change is undoable.
    pub(super) fn replace_document(&mut self, ctx: &egui::Context, doc: Document, path: Option<PathBuf>) {
        self.commit();
        self.lineage += 1;
        let scenario_changed = doc.scenario != self.doc.scenario;
        if scenario_changed {
            match Model::new(&doc.scenario) {
                Ok(m) => self.model = m,
                Err(ps) => {
                    self.notice = Some(Notice {
                        is_error: true,
                        title: "That scenario is not valid".into(),
                        lines: ps.iter().map(|p| format!("{}: {}", p.path, p.message)).collect(),
                    });
                    return;
                }
            }
            // Undo across scenarios would mix incompatible settings.
            self.history = History::default();
            self.pinned = None;
            self.locked = vec![false; doc.scenario.hypotheses.len()];
            self.plot_cache = crate::ui::plots::PlotCache::default();
        }
        self.saved = doc.clone();
        self.opened = doc.clone();
        self.doc = doc;
        self.path = path;
        if scenario_changed {
            // Everything indexed by the old scenario goes.
            self.report_for = None;
            self.assumptions = None;
            self.start_sampling(ctx);
        }
        self.refresh();
        self.commit();
    }

    /// Open a file; a broken file leaves the document untouched and shows what is wrong.
    pub fn open(&mut self, ctx: &egui::Context, path: &Path) {
        match load_document_and_kind(path) {
            Ok((doc, kind)) => {
                // A scenario file is a model, not a preset: saving must not overwrite it, so the
                // document starts untitled and Save asks where to put the preset.
                let is_preset = kind == FileKind::Preset;
                self.shipped_index = None;
                self.replace_document(ctx, doc, is_preset.then(|| path.to_path_buf()));
                self.remember(path);
                let title = if is_preset {
                    format!("Opened {}", path.display())
                } else {
                    format!(
                        "Opened the scenario {}; Save writes your settings to a new preset file",
                        path.display()
                    )
                };
                self.notice = Some(Notice {
                    is_error: false,
                    title,
                    lines: vec![],
                });
            }
            Err(e) => self.file_error("Could not open the file; nothing was changed", &e),
        }
    }

    pub(super) fn file_error(&mut self, title: &str, e: &FileError) {
        let lines = match e {
            FileError::Invalid { path, problems } => problems.iter().map(|p| format!("{path}:{p}")).collect(),
            other => vec![other.to_string()],
        };
        self.notice = Some(Notice {
            is_error: true,
            title: title.to_owned(),
            lines,
        });
    }

    pub(super) fn open_shipped(&mut self, ctx: &egui::Context, index: usize) {
        let Some(p) = SHIPPED_PRESETS.get(index) else { return };
        match parse_document(p.file_name, p.text, None, 0) {
            Ok(doc) => {
                self.shipped_index = Some(index);
                self.replace_document(ctx, doc, None);
                self.notice = None;
            }
            Err(e) => self.file_error("A shipped preset is broken", &e),
        }
    }

    pub(super) fn remember(&mut self, path: &Path) {
        let abs = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        self.persisted.recent.retain(|p| p != &abs);
        self.persisted.recent.insert(0, abs);
        self.persisted.recent.truncate(MAX_RECENT);
    }

    pub(super) fn save_to(&mut self, path: &Path) {
        // A drag in progress becomes its own step before the save.
        self.commit();
        let mut doc = self.doc.clone();
        // A relative scenario path would break when the preset moves: embed the scenario.
        if matches!(doc.source, ScenarioRef::Path(_)) && self.path.as_deref().and_then(Path::parent) != path.parent() {
            doc.source = ScenarioRef::Embedded(Box::new(doc.scenario.clone()));
        }
        match save_document(path, &doc) {
            Ok(()) => {
                self.doc.source = doc.source;
                self.saved = self.doc.clone();
                self.path = Some(path.to_path_buf());
                self.remember(path);
                self.notice = Some(Notice {
                    is_error: false,
                    title: format!("Saved {}", path.display()),
                    lines: vec![],
                });
                let now = self.snapshot();
                self.history.adopt_save(now);
            }
            Err(e) => self.file_error("Could not save; the file on disk is unchanged", &e),
        }
    }

    pub(super) fn spawn_dialog(&mut self, ctx: &egui::Context, save: bool) {
        if self.dialog.is_some() {
            self.notice = Some(Notice {
                is_error: false,
                title: "A file dialog is already open; finish with it first".into(),
                lines: vec![],
            });
            return;
        }
        let (tx, rx) = channel();
        let ctx = ctx.clone();
        let dir = self.path.as_deref().and_then(Path::parent).map(Path::to_path_buf);
        let file_name = self.path.as_deref().and_then(Path::file_name).map_or_else(
            || {
                format!(
                    "{}.ron",
                    self.doc
                        .name
                        .to_lowercase()
                        .replace(|c: char| !c.is_alphanumeric(), "-")
                )
            },
            |n| n.to_string_lossy().into_owned(),
        );
        let spawned = std::thread::Builder::new().name("file-dialog".into()).spawn(move || {
            let started = Instant::now();
            let mut dialog = rfd::FileDialog::new().add_filter("Motive Lab files", &["ron"]);
            if let Some(d) = dir {
                dialog = dialog.set_directory(d);
            }
            let outcome = if save {
                DialogOutcome::Save(dialog.set_file_name(file_name).save_file(), started.elapsed())
            } else {
                DialogOutcome::Open(dialog.pick_file(), started.elapsed())
            };
            let _ = tx.send(outcome);
            ctx.request_repaint();
        });
        if spawned.is_ok() {
            self.dialog = Some(rx);
        }
    }

    pub(super) fn poll_dialog(&mut self) {
        // An answer waits in its channel while the unsaved-changes question is open.
        if self.confirm.is_some() {
            return;
        }
        let Some(rx) = &self.dialog else { return };
        let Ok(outcome) = rx.try_recv() else { return };
        self.dialog = None;
        // A dialog that comes back empty at once had no dialog service to show it.
        let unavailable = |took: Duration| took < Duration::from_millis(150);
        match outcome {
            // Through the command queue, so that edits made meanwhile are asked about.
            DialogOutcome::Open(Some(p), _) => self.commands.push(Command::Open(p)),
            DialogOutcome::Save(Some(p), _) => self.save_to(&p),
            DialogOutcome::Open(None, took) | DialogOutcome::Save(None, took) if unavailable(took) => {
                self.notice = Some(Notice {
                    is_error: true,
                    title: "No file dialog is available on this system".into(),
                    lines: vec![
                        "Install xdg-desktop-portal (or zenity) for file dialogs.".into(),
                        "Meanwhile: drop a .ron file on the window, use File › Open recent or Presets, or type a path in File › Open path.".into(),
                    ],
                });
            }
            DialogOutcome::Open(None, _) | DialogOutcome::Save(None, _) => {}
        }
    }
}
