//! The scenario editor in the app: opening it on the document's scenario (or a new one from
//! the template), its edits and undo, showing each version that checks in the results, and
//! saving the scenario in the canonical layout. The draft and its states are
//! [`crate::model::draft`]; this is the shell around it.

use super::MotiveApp;
use crate::analysis::Derived;
use crate::model::document::{Document, ScenarioSource};
use crate::model::draft::{Draft, Effect, Event, ScenarioEdit, carry};
use crate::model::scenario::Scenario;
use crate::ui::ctx::Notice;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The editor while it is open.
#[derive(Debug)]
pub struct Editing {
    /// The scenario being edited.
    pub draft: Draft,
    /// The scenario is locked: the editor asks before unlocking a copy, and edits nothing
    /// until then.
    pub asking_unlock: bool,
    /// The hand-written file the scenario was read from, when it has comments (a save in the
    /// canonical layout drops them; the editor says so before the first save).
    pub comments_in: Option<PathBuf>,
    /// Why the last edit was refused, if it was.
    pub refused: Option<String>,
    /// The file the scenario was read from or last saved to, if any.
    pub file: Option<PathBuf>,
}

/// Whether a scenario file has `//` or `/*` comments (outside strings).
fn has_comments(text: &str) -> bool {
    let (mut in_string, mut escaped, mut slash) = (false, false, false);
    for c in text.chars() {
        if in_string {
            match (escaped, c) {
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => escaped = false,
            }
            continue;
        }
        match c {
            '/' | '*' if slash => return true,
            '"' => in_string = true,
            _ => {}
        }
        slash = c == '/';
    }
    false
}

impl MotiveApp {
    /// Open the editor on the document's scenario.
    pub(super) fn open_editor(&mut self) {
        if self.editor.is_some() {
            return;
        }
        let scenario = Arc::clone(&self.session.doc.scenario);
        let file = self.scenario_file();
        // A file in the canonical layout (the editor's or fmt's) has only the header the
        // writer puts there: nothing to lose.
        let canonical = crate::io::scenario_text(&scenario).ok();
        let comments_in = (file.clone())
            .filter(|p| crate::io::read_text(p).is_ok_and(|t| has_comments(&t) && Some(&t) != canonical.as_ref()));
        self.lesson = None;
        self.editor = Some(Editing {
            asking_unlock: scenario.locked,
            draft: Draft::open(scenario),
            comments_in,
            refused: None,
            file,
        });
    }

    /// Close the editor: the document keeps the last version that checked.
    pub(super) fn close_editor(&mut self) {
        self.editor = None;
    }

    /// A new scenario from the template, in the editor.
    pub(super) fn new_scenario(&mut self) {
        let text = crate::io::scenario_template(3, 2, 2);
        match crate::io::parse_scenario("new scenario", &text) {
            Ok(s) => {
                let doc = Document::from_scenario(Arc::new(s), ScenarioSource::Embedded);
                self.editor = None;
                self.replace_document(doc, None, None);
                self.open_editor();
            }
            Err(e) => self.file_error("The new scenario's template is broken", &e),
        }
    }

    /// Edit a copy of the locked scenario: unlocked, with an id of its own.
    pub(super) fn unlock_copy(&mut self) {
        let Some(ed) = self.editor.as_mut() else { return };
        ed.asking_unlock = false;
        let id = format!("{}-copy", ed.draft.scenario().id);
        ed.draft.on(Event::Edit(ScenarioEdit::Locked(false)));
        let effect = ed.draft.on(Event::Edit(ScenarioEdit::Id(id)));
        self.editor_effect(effect);
    }

    /// Apply an edit to the draft.
    pub(super) fn scenario_edit(&mut self, edit: ScenarioEdit) {
        let Some(ed) = self.editor.as_mut() else { return };
        if ed.asking_unlock {
            return;
        }
        let effect = ed.draft.on(Event::Edit(edit));
        self.editor_effect(effect);
    }

    /// Undo (`back`) or redo in the editor.
    pub(super) fn editor_history(&mut self, back: bool) {
        let Some(ed) = self.editor.as_mut() else { return };
        let effect = ed.draft.on(if back { Event::Undo } else { Event::Redo });
        self.editor_effect(effect);
    }

    pub(super) fn editor_effect(&mut self, effect: Effect) {
        let Some(ed) = self.editor.as_mut() else { return };
        ed.refused = None;
        match effect {
            Effect::Publish(s) => self.show_scenario(s),
            Effect::Refused(e) => ed.refused = Some(e.to_string()),
            Effect::Invalid(_) | Effect::Nothing => {}
        }
    }

    /// Show `scenario` (a version of the document's that checks): the settings carried over by
    /// id, everything derived from the old one recomputed.
    fn show_scenario(&mut self, scenario: Arc<Scenario>) {
        let derived = Derived::new(Arc::clone(&scenario));
        let doc = &self.session.doc;
        let mut settings = carry(&doc.state.settings, &doc.scenario, &scenario);
        if settings.prior.is_some() && settings.update_posterior(&scenario, derived.model()).is_err() {
            // The evidence observed rules every hypothesis out under the new likelihoods: the
            // credences go back to being set by hand.
            settings.credences = settings.prior.take().unwrap_or_default();
            settings.observed.fill(crate::model::evidence::Observation::Open);
        }
        let mut state = doc.state.clone();
        state.settings = settings;
        // A document named after its scenario follows the scenario's new title.
        if state.name == doc.scenario.title {
            state.name.clone_from(&scenario.title);
        }
        if !matches!(state.source, ScenarioSource::Path(_)) || self.editor.as_ref().is_some_and(|e| e.draft.unsaved()) {
            state.source = ScenarioSource::Embedded;
        }
        self.derived = derived;
        self.views.scenario_changed();
        self.session.replace_scenario(Document {
            scenario,
            state,
            notices: Vec::new(),
        });
    }

    /// Write the draft to `path` in the canonical layout (the writer `motive-lab fmt` uses).
    /// A draft that does not check, or a path over a shipped scenario, is refused with a notice.
    pub(super) fn save_scenario(&mut self, path: &Path) {
        let Some(ed) = self.editor.as_mut() else { return };
        let problems = ed.draft.problems().len();
        if problems > 0 {
            self.notice = Some(Notice::error(
                "Not saved: the scenario does not check",
                vec![format!("{problems} problems are listed in the editor; fix them first")],
            ));
            return;
        }
        if is_shipped_path(path) {
            self.notice = Some(Notice::error(
                "Not saved: that is a scenario shipped with the app",
                vec!["Save the edited scenario as a new file".to_owned()],
            ));
            return;
        }
        let text = match crate::io::scenario_text(ed.draft.scenario()) {
            Ok(t) => t,
            Err(e) => {
                self.notice = Some(Notice::error("Could not write the scenario", vec![e.to_string()]));
                return;
            }
        };
        match crate::io::write_atomic(path, text.as_bytes()) {
            Ok(()) => {
                ed.draft.on(Event::Saved);
                ed.file = Some(path.to_path_buf());
                ed.comments_in = None;
                self.session.doc.state.source = ScenarioSource::Path(path.display().to_string());
                self.notice = Some(Notice::info(format!("Saved the scenario to {}", path.display())));
            }
            Err(e) => self.file_error("Could not save the scenario; the file on disk is unchanged", &e),
        }
    }

    /// The editor, if open.
    #[must_use]
    pub fn editing(&self) -> Option<&Editing> {
        self.editor.as_ref()
    }
}

/// Whether `path` is where a shipped scenario lives in the project (`assets/scenarios/`).
fn is_shipped_path(path: &Path) -> bool {
    let in_assets = path.parent().is_some_and(|d| {
        d.file_name().is_some_and(|n| n == "scenarios")
            && d.parent().and_then(Path::file_name).is_some_and(|n| n == "assets")
    });
    in_assets
        && path
            .file_name()
            .is_some_and(|n| crate::io::SHIPPED_SCENARIOS.iter().any(|s| n == s.file_name))
}

#[cfg(test)]
mod tests {
    use super::{has_comments, is_shipped_path};
    use std::path::Path;

    #[test]
    fn comments_are_found_outside_strings_only() {
        assert!(has_comments("Scenario(\n// a note\nid: \"x\")"));
        assert!(has_comments("(id: \"x\", /* why */ prior: 1.0)"));
        assert!(!has_comments(
            "(citation: \"https://example.org/a\", note: \"a \\\" // b\")"
        ));
    }

    #[test]
    fn only_the_shipped_files_in_assets_are_refused() {
        assert!(is_shipped_path(Path::new("/x/assets/scenarios/paris-2015.ron")));
        assert!(is_shipped_path(Path::new("/x/assets/scenarios/madrid-2004.ron")));
        assert!(!is_shipped_path(Path::new("/x/assets/scenarios/a-new-case.ron")));
        assert!(!is_shipped_path(Path::new("/x/mine/paris-2015.ron")));
    }
}
