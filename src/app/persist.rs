//! What the app keeps between runs (eframe storage): preferences, the results area's view
//! state, and the last document with its file, so that unsaved work and its mark survive.

use super::{MotiveApp, Prefs, Session, default_document};
use crate::io::{FileKind, load_document_and_kind, parse_document, preset_text};
use crate::model::document::Document;
use crate::ui::views::results::ResultsView;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// Key of the app's state in eframe storage.
const STORAGE_KEY: &str = "motive-lab";

/// App state kept between runs.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Persisted {
    /// Preferences.
    #[serde(flatten)]
    pub prefs: Prefs,
    /// The results area's view state (plot shown, axes, lever and hypothesis chosen).
    pub results: ResultsView,
    /// The last document as preset RON text, restored at start.
    pub last_document: Option<String>,
    /// The last document's file.
    pub last_path: Option<PathBuf>,
    /// The last document as last saved or opened (RON), to restore its unsaved mark.
    pub last_saved: Option<String>,
    /// The last document as opened (RON), for "Reset to preset".
    pub last_opened: Option<String>,
    /// The shipped preset the last document came from.
    pub last_shipped_index: Option<usize>,
}

impl MotiveApp {
    /// The app as eframe starts it: restores the last session, then opens `file` if given.
    #[must_use]
    pub fn new(cc: &eframe::CreationContext<'_>, file: Option<PathBuf>) -> Self {
        let persisted: Persisted = cc
            .storage
            .and_then(|s| eframe::get_value(s, STORAGE_KEY))
            .unwrap_or_default();
        Self::restored(&cc.egui_ctx, persisted, file)
    }

    /// The app from a persisted state (as [`MotiveApp::new`] reads it from storage).
    #[must_use]
    pub fn restored(ctx: &egui::Context, mut persisted: Persisted, file: Option<PathBuf>) -> Self {
        let results = std::mem::take(&mut persisted.results);
        let mut app = Self::with_document(ctx, default_document(), persisted.prefs.clone(), results);
        app.restore_session(&persisted);
        if let Some(file) = file {
            // Through the command queue: restored unsaved work is asked about first.
            app.commands.push(crate::ui::ctx::Command::Open(file));
        }
        app
    }

    fn restore_session(&mut self, p: &Persisted) {
        let Some(text) = p.last_document.as_deref() else { return };
        let dir = p.last_path.as_deref().and_then(Path::parent);
        let doc = match parse_document("last session", text, dir, 0) {
            Ok(d) => d,
            Err(e) => {
                self.file_error(
                    "The last session's document could not be restored; the default scenario is open",
                    &e,
                );
                return;
            }
        };
        // Compare with the file as it is on disk, so unsaved edits keep their mark. Only a
        // preset file can be the document's file: Save must never write over a scenario model.
        let on_disk = p
            .last_path
            .as_deref()
            .and_then(|path| match load_document_and_kind(path) {
                Ok((d, FileKind::Preset)) => Some(d),
                Ok((_, FileKind::Scenario)) => None,
                Err(e) => {
                    self.file_error(
                        "The last session's file could not be read; your work is kept, untitled",
                        &e,
                    );
                    None
                }
            });
        let stored = |t: &Option<String>| {
            t.as_deref()
                .and_then(|t| parse_document("last session", t, dir, 0).ok())
        };
        let untitled = p.last_path.is_none();
        let reference: Option<(Document, Document)> = match on_disk {
            Some(d) => Some((d.clone(), d)),
            None if untitled => stored(&p.last_saved).map(|s| (s.clone(), stored(&p.last_opened).unwrap_or(s))),
            None => None,
        };
        let mut session = match reference {
            Some((saved, opened)) if *saved.scenario == *doc.scenario => {
                let mut s = Session::new(doc, p.last_path.clone());
                s.saved = saved.state;
                s.opened = opened.state;
                s.shipped_index = if untitled { p.last_shipped_index } else { None };
                s
            }
            // The file is gone, is not a preset, or holds another scenario: keep the work,
            // untitled and marked unsaved.
            _ => {
                let mut s = Session::new(doc, None);
                s.saved = default_document().state;
                s
            }
        };
        session.history = super::history::History::default();
        session.commit();
        self.replace_session(session);
    }

    fn replace_session(&mut self, session: Session) {
        if !std::sync::Arc::ptr_eq(&session.doc.scenario, self.derived.scenario()) {
            self.derived = crate::analysis::Derived::new(std::sync::Arc::clone(&session.doc.scenario));
        }
        self.session = session;
    }

    /// Write what is kept between runs. A document that cannot be written is reported on
    /// stderr (the app is closing; there is no window left to show it in).
    pub(super) fn save_state(&mut self, storage: &mut dyn eframe::Storage) {
        let text = |label: &str, doc: &Document| match preset_text(doc) {
            Ok(t) => Some(t),
            Err(e) => {
                eprintln!("motive-lab: could not keep the {label} for the next run: {e}");
                None
            }
        };
        let s = &self.session;
        let persisted = Persisted {
            prefs: self.prefs.clone(),
            results: std::mem::take(&mut self.views.results),
            last_document: text("document", &s.doc),
            last_path: s.path.clone(),
            last_saved: text("saved state", &s.doc.with_state(s.saved.clone())),
            last_opened: text("opened state", &s.doc.with_state(s.opened.clone())),
            last_shipped_index: s.shipped_index,
        };
        eframe::set_value(storage, STORAGE_KEY, &persisted);
        self.views.results = persisted.results;
    }
}
