//! Playing a lesson: opening it on its scenario, and each step's state, tab and answer set as
//! one undoable change (the user's own edits within a step stay until they step on).

use super::MotiveApp;
use crate::io::{SHIPPED_LESSONS, SHIPPED_SCENARIOS, parse_document, parse_lesson, step_preset};
use crate::model::lesson::{Lesson, Move, Player, Shown};
use crate::ui::ctx::{Notice, PlotTab};
use std::sync::Arc;

/// A lesson being played.
#[derive(Debug)]
pub(super) struct Playing {
    /// The lesson.
    pub lesson: Arc<Lesson>,
    /// Where it is.
    pub player: Player,
}

impl MotiveApp {
    /// Play shipped lesson `index` from its first step, on its scenario.
    pub(super) fn open_lesson(&mut self, index: usize) {
        let Some(file) = SHIPPED_LESSONS.get(index) else { return };
        let lesson = match parse_lesson(file.file_name, file.text) {
            Ok(l) => l,
            Err(e) => return self.file_error("A shipped lesson is broken", &e),
        };
        if self.session.doc.scenario.id != lesson.scenario {
            let Some(s) = SHIPPED_SCENARIOS.iter().find(|s| s.id == lesson.scenario) else {
                return;
            };
            match parse_document(s.file_name, s.text, None, 0) {
                Ok(doc) => self.replace_document(doc, None, None),
                Err(e) => return self.file_error("The lesson's scenario is broken", &e),
            }
        }
        let (player, shown) = Player::start(lesson.steps.iter().map(|s| s.question.is_some()).collect());
        self.lesson = Some(Playing {
            lesson: Arc::new(lesson),
            player,
        });
        self.notice = None;
        self.lesson_shows(shown);
    }

    /// A new, untitled document on shipped scenario `index` at its defaults.
    pub(super) fn new_from_scenario(&mut self, index: usize) {
        let Some(s) = SHIPPED_SCENARIOS.get(index) else { return };
        match parse_document(s.file_name, s.text, None, 0) {
            Ok(mut doc) => {
                "Scenario defaults".clone_into(&mut doc.state.name);
                self.replace_document(doc, None, None);
                self.notice = None;
            }
            Err(e) => self.file_error("A shipped scenario is broken", &e),
        }
    }

    /// A move in the lesson being played.
    pub(super) fn lesson_move(&mut self, m: Move) {
        let Some(p) = self.lesson.as_mut() else { return };
        let shown = p.player.on(m);
        self.lesson_shows(shown);
    }

    /// Stop playing the lesson; the state shown stays.
    pub(super) fn close_lesson(&mut self) {
        self.lesson = None;
    }

    /// Whether a lesson is being played.
    #[must_use]
    pub fn playing_lesson(&self) -> bool {
        self.lesson.is_some()
    }

    fn lesson_shows(&mut self, shown: Shown) {
        let Shown::Step(i) = shown else { return };
        let Some(p) = self.lesson.as_ref() else { return };
        let lesson = Arc::clone(&p.lesson);
        let Some(step) = lesson.steps.get(i) else { return };
        let scenario = Arc::clone(&self.session.doc.scenario);
        let settings = step_preset(&lesson, step, &scenario).and_then(|preset| {
            preset.settings(&scenario).map_err(|ps| {
                let lines: Vec<String> = ps.iter().map(|p| format!("{}: {}", p.path, p.message)).collect();
                lines.join("; ")
            })
        });
        match settings {
            Ok(settings) => {
                // One undo step: what was shown before the step comes back with Undo.
                self.session.commit();
                let state = &mut self.session.doc.state;
                state.settings = settings;
                state.name.clone_from(&step.title);
                state.notes.clear();
                self.session.commit();
            }
            Err(e) => {
                self.notice = Some(Notice::error(
                    format!("Step {} of the lesson cannot be shown", i + 1),
                    vec![e],
                ));
            }
        }
        if let Some(tab) = step.tab {
            self.views.results.tab = PlotTab::from(tab);
        }
        self.views.results.class.answer = lesson.answer_at(i).map(str::to_owned);
    }
}
