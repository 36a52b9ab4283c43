//! What the app keeps between runs (eframe storage): preferences, the results area's view
//! state, and the last document with its file, so that unsaved work and its mark survive.

use super::{MotiveApp, Prefs, Session, default_document};
use crate::io::{FileKind, load_document_and_kind, parse_document, preset_text};
use crate::model::document::Document;
use crate::ui::theme::Look;
use crate::ui::views::results::ResultsView;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// Key of the app's state in eframe storage.
pub(super) const STORAGE_KEY: &str = "motive-lab";

/// App state kept between runs.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Persisted {
    /// The preferences: recent files, look, columns.
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
    /// The [`crate::io::fingerprint`] of the last document's file as this app last opened or
    /// saved it, so that Save still notices what another program wrote there while the app
    /// was closed (or had crashed). `None` from older runs: the file is taken as it is at start.
    pub last_fingerprint: Option<u64>,
    /// The scenario editor's draft when it had unsaved changes (canonical scenario RON); only
    /// the recovery file has it, and a recovery opens the editor on it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub editor_draft: Option<String>,
    /// Earlier builds kept the preferences at the top level (`recent`, `look`,
    /// `per_hypothesis`): [`Persisted::from_ron`] reads them into [`Persisted::prefs`]; they
    /// are never written.
    #[serde(skip_serializing, rename = "recent", deserialize_with = "present")]
    pub legacy_recent: Option<Vec<PathBuf>>,
    /// As `legacy_recent`.
    #[serde(skip_serializing, rename = "look", deserialize_with = "present")]
    pub legacy_look: Option<Look>,
    /// As `legacy_recent`.
    #[serde(skip_serializing, rename = "per_hypothesis", deserialize_with = "present")]
    pub legacy_per_hypothesis: Option<bool>,
}

/// A field that is there, as `Some` (RON would otherwise want `Some(...)` written out).
fn present<'de, D: serde::Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<T>, D::Error> {
    T::deserialize(d).map(Some)
}

impl Persisted {
    /// The state as eframe stores it (RON text). Fields this build does not know are ignored
    /// and missing ones take their defaults, so older and newer runs can read each other.
    ///
    /// # Errors
    /// Text that is not RON or has a field of the wrong type.
    pub fn from_ron(text: &str) -> Result<Self, ron::error::SpannedError> {
        let mut p: Self = ron::from_str(text)?;
        if let Some(recent) = p.legacy_recent.take() {
            p.prefs.recent = recent;
        }
        if let Some(look) = p.legacy_look.take() {
            p.prefs.look = look;
        }
        if let Some(per) = p.legacy_per_hypothesis.take() {
            p.prefs.per_hypothesis = per;
        }
        Ok(p)
    }
}

impl MotiveApp {
    /// The app from a persisted state (as [`MotiveApp::new`] reads it from storage).
    #[must_use]
    pub fn restored(ctx: &egui::Context, mut persisted: Persisted, file: Option<PathBuf>) -> Self {
        let results = std::mem::take(&mut persisted.results);
        let mut app = Self::with_document(ctx, default_document(), persisted.prefs.clone(), results);
        app.restore_session(&persisted);
        if app.notice.is_none()
            && let Some(line) = app.changed_while_away()
        {
            app.notice = Some(crate::ui::ctx::Notice::info(line));
        }
        if let Some(file) = file {
            // Through the command queue: restored unsaved work is asked about first.
            app.commands.push(crate::ui::ctx::Command::Open(file));
        }
        app
    }

    pub(super) fn restore_session(&mut self, p: &Persisted) {
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
        // The saved and opened states only set the unsaved mark and "Reset to preset"; if they
        // cannot be read the document is kept and marked unsaved, and the reason logged.
        let stored = |label: &str, t: &Option<String>| {
            let text = t.as_deref()?;
            parse_document("last session", text, dir, 0)
                .map_err(|e| eprintln!("motive-lab: the last session's {label} state could not be read: {e}"))
                .ok()
        };
        let untitled = p.last_path.is_none();
        let reference: Option<(Document, Document)> = match on_disk {
            Some(d) => Some((d.clone(), d)),
            None if untitled => {
                stored("saved", &p.last_saved).map(|s| (s.clone(), stored("opened", &p.last_opened).unwrap_or(s)))
            }
            None => None,
        };
        let mut session = match reference {
            Some((saved, opened)) if *saved.scenario == *doc.scenario => {
                let mut s = Session::new(doc, p.last_path.clone());
                s.saved = Some(saved.state);
                s.opened = opened.state;
                s.shipped_index = if untitled { p.last_shipped_index } else { None };
                s
            }
            // The file is gone, is not a preset, or holds another scenario: keep the work,
            // untitled and marked unsaved.
            _ => {
                let mut s = Session::new(doc, None);
                s.saved = None;
                s
            }
        };
        if session.path.is_some() && p.last_fingerprint.is_some() {
            session.on_disk = p.last_fingerprint;
        }
        session.history = super::history::History::default();
        session.commit();
        self.replace_session(session);
    }

    /// Said after a restore when the document's file changed since this app last opened or
    /// saved it.
    pub(super) fn changed_while_away(&self) -> Option<String> {
        let path = self
            .session
            .path
            .as_deref()
            .filter(|_| self.session.changed_on_disk())?;
        Some(format!(
            "{} changed on disk since Motive Lab last opened or saved it; Save will ask before replacing it",
            path.display()
        ))
    }

    fn replace_session(&mut self, session: Session) {
        if !std::sync::Arc::ptr_eq(&session.doc.scenario, self.derived.scenario()) {
            self.derived = crate::analysis::Derived::new(std::sync::Arc::clone(&session.doc.scenario));
        }
        self.session = session;
    }

    /// The session as it is kept between runs (without the results area's view state).
    pub(super) fn session_snapshot(&self) -> Persisted {
        let text = |label: &str, doc: &Document| match preset_text(doc) {
            Ok(t) => Some(t),
            Err(e) => {
                eprintln!("motive-lab: could not keep the {label} for the next run: {e}");
                None
            }
        };
        let s = &self.session;
        Persisted {
            prefs: self.prefs.clone(),
            results: ResultsView::default(),
            last_document: text("document", &s.doc),
            last_path: s.path.clone(),
            last_saved: s
                .saved
                .as_ref()
                .and_then(|saved| text("saved state", &s.doc.with_state(saved.clone()))),
            last_opened: text("opened state", &s.doc.with_state(s.opened.clone())),
            last_shipped_index: s.shipped_index,
            last_fingerprint: s.on_disk,
            ..Persisted::default()
        }
    }

    /// Write what is kept between runs. A document that cannot be written is reported on
    /// stderr (the app is closing; there is no window left to show it in).
    pub(super) fn save_state(&mut self, storage: &mut dyn eframe::Storage) {
        let mut persisted = self.session_snapshot();
        persisted.results = std::mem::take(&mut self.views.results);
        eframe::set_value(storage, STORAGE_KEY, &persisted);
        self.views.results = persisted.results;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::ctx::PlotTab;

    #[test]
    fn the_stored_state_round_trips_as_eframe_writes_it() {
        let mut p = Persisted {
            prefs: Prefs {
                per_hypothesis: true,
                look: Look::Light,
                ..Prefs::default()
            },
            last_document: Some("Preset(...)".into()),
            last_shipped_index: Some(3),
            last_fingerprint: Some(u64::MAX - 1),
            ..Persisted::default()
        };
        p.results.tab = PlotTab::Matrix;
        p.results.credence.hypothesis = Some("h6".into());
        let text = ron::ser::to_string(&p).expect("serialises");
        let back = Persisted::from_ron(&text).expect("reads");
        assert!(back.prefs.per_hypothesis);
        assert_eq!(back.prefs.look, Look::Light);
        assert_eq!(back.last_shipped_index, Some(3));
        assert_eq!(back.last_fingerprint, Some(u64::MAX - 1));
        assert_eq!(back.results.tab, PlotTab::Matrix);
        assert_eq!(back.results.credence.hypothesis.as_deref(), Some("h6"));
    }

    #[test]
    fn the_previous_builds_stored_state_still_reads() {
        // As the build before view structs stored it: view settings by index at the top level.
        let old = "(recent:[\"/tmp/a.ron\"],last_document:Some(\"x\"),last_path:None,last_saved:None,\
            last_opened:None,last_shipped_index:Some(2),look:Light,tab:Matrix,pareto_x:0,pareto_y:4,\
            sweep_lever:0,sweep_cell:1,credence_hypothesis:5,per_hypothesis:true)";
        let p = Persisted::from_ron(old).expect("reads");
        assert_eq!(p.prefs.recent, vec![PathBuf::from("/tmp/a.ron")]);
        assert_eq!(p.prefs.look, Look::Light);
        assert!(p.prefs.per_hypothesis);
        assert_eq!(p.last_document.as_deref(), Some("x"));
        assert_eq!(p.last_shipped_index, Some(2));
    }

    #[test]
    fn the_preferences_are_written_once_and_the_dialog_setting_not_at_all() {
        let p = Persisted {
            prefs: Prefs {
                recent: vec![PathBuf::from("/tmp/b.ron")],
                system_dialog: false,
                ..Prefs::default()
            },
            ..Persisted::default()
        };
        let text = ron::ser::to_string(&p).expect("serialises");
        assert_eq!(text.matches("recent").count(), 1, "{text}");
        assert!(text.contains("prefs:(recent:[\"/tmp/b.ron\"]"), "{text}");
        assert!(!text.contains("system_dialog"), "{text}");
        // Read back, the preferences are as written, and no earlier build's field is set.
        let back = Persisted::from_ron(&text).expect("reads");
        assert_eq!(back.prefs.recent, vec![PathBuf::from("/tmp/b.ron")]);
        assert_eq!(back.legacy_recent, None);
    }

    #[test]
    fn a_broken_stored_state_is_an_error_not_a_silent_default() {
        assert!(Persisted::from_ron("(look: Purple)").is_err());
    }
}
