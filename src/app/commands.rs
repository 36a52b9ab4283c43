//! Commands: everything with side effects, sent by the views and applied here once, with the
//! unsaved-changes question in front of anything that would replace the document.

use super::flow::{Doc, Effect, Event};
use super::{MotiveApp, default_document};
use crate::io::{load_document, presets_for};
use crate::ui::command::{Scope, UiCommand};
use crate::ui::ctx::{Action, Command, Edit, Notice};
use std::path::PathBuf;

impl MotiveApp {
    /// Apply one command now. Anything that would replace the document or touch a file goes
    /// through the document flow, which asks about unsaved changes first.
    pub fn apply(&mut self, ctx: &egui::Context, cmd: Command) {
        // While a lesson plays, the keys that step through presets step through its steps.
        let cmd = match cmd {
            Command::StepPreset(s) if self.lesson.is_some() => {
                use crate::model::lesson::Move;
                Command::LessonStep(if s >= 0 { Move::Next } else { Move::Previous })
            }
            other => other,
        };
        if let Some(action) = cmd.action() {
            // A broken file is reported at once: there is nothing to ask about.
            if let Action::Open(p) = &action
                && self.session.dirty()
                && let Err(e) = load_document(p)
            {
                self.file_error("Could not open the file; nothing was changed", &e);
                return;
            }
            self.dispatch(ctx, Event::Request(action));
            ctx.request_repaint();
            return;
        }
        match cmd {
            Command::Edit(e) => self.apply_edit(ctx, e),
            Command::AdoptSample(levers) => self.adopt_sample(ctx, levers),
            // While the editor is open, Save writes the scenario to the path it shows.
            Command::Save if self.editor.is_some() => match self.views.editor.save_path() {
                Some(p) => self.save_scenario(&p),
                None => {
                    self.notice = Some(Notice::info(
                        "Type where to save the scenario in the editor's Save to field",
                    ));
                }
            },
            Command::Save => self.dispatch(ctx, Event::Save),
            Command::SaveAsDialog => self.dispatch(ctx, Event::SaveAs),
            Command::SaveAs(p) => self.dispatch(ctx, Event::SaveTo(p)),
            Command::ShowFileWindow(action) => self.dispatch(ctx, Event::ShowPathWindow(action)),
            Command::PathChosen { path, replace } => self.dispatch(ctx, Event::PathChosen { path, replace }),
            Command::ChooseAnotherPath => self.dispatch(ctx, Event::ChooseAnother),
            Command::ClosePathWindow => self.dispatch(ctx, Event::Cancel),
            Command::Answer(a) => self.dispatch(ctx, Event::Answer(a)),
            // While the editor is open, undo steps through the scenario's edits.
            Command::Undo if self.editor.is_some() => self.editor_history(true),
            Command::Redo if self.editor.is_some() => self.editor_history(false),
            Command::Undo => self.session.step_history(true),
            Command::Redo => self.session.step_history(false),
            Command::OpenEditor => self.open_editor(),
            Command::CloseEditor => self.close_editor(),
            Command::UnlockCopy => self.unlock_copy(),
            Command::EditScenario(e) => self.scenario_edit(e),
            Command::SaveScenario(p) => self.save_scenario(&p),
            Command::EndScenarioStroke => {
                if let Some(ed) = self.editor.as_mut() {
                    ed.draft.on(crate::model::draft::Event::EndStroke);
                }
            }
            Command::PinA => {
                // Only a state that can be evaluated can be compared with.
                let settings = &self.session.doc.state.settings;
                match self.derived.report(crate::analysis::Side::Live, settings) {
                    Ok(_) => self.session.pinned = Some(settings.clone()),
                    Err(e) => self.notice = Some(Notice::error("Cannot pin this state as A", vec![e.to_string()])),
                }
            }
            Command::ClearA => self.session.pinned = None,
            Command::ToggleClassroom => {
                self.classroom = !self.classroom;
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(self.classroom));
                // The class sees the scenario, not the first-steps page.
                if self.classroom && self.views.help.open == Some(crate::ui::ctx::Doc::FirstSteps) {
                    self.views.help.open = None;
                }
            }
            Command::SetLook(look) => self.prefs.look = look,
            Command::SetPerHypothesis(on) => self.prefs.per_hypothesis = on,
            Command::SetEmbedScenario(on) => self.prefs.embed_scenario = on,
            Command::ShowAssumptions(o, t) => self.views.assumptions.show(o, t),
            Command::ShowHelp(doc) => self.views.help.show(doc),
            Command::StepTimeline(step) => {
                let doc = &self.session.doc;
                if let Some(next) =
                    crate::model::evidence::timeline_step(&doc.scenario, &doc.state.settings.observed, step)
                {
                    self.apply_edit(ctx, Edit::Observed(next));
                }
            }
            Command::LessonStep(m) => self.lesson_move(m),
            Command::ReadClassCodes(path) => self.read_class_codes(path),
            Command::CloseLesson => self.close_lesson(),
            Command::DismissNotice => self.notice = None,
            Command::DiscardRecovery => self.discard_recovery(),
            // Actions, handled above.
            Command::New
            | Command::OpenDialog
            | Command::Open(_)
            | Command::OpenShipped(_)
            | Command::StepPreset(_)
            | Command::OpenLesson(_)
            | Command::NewFromScenario(_)
            | Command::NewScenario
            | Command::Quit => {}
        }
        ctx.request_repaint();
    }

    /// Feed `event` to the document flow and carry out what it says, feeding back what the
    /// effects report, until nothing is left.
    pub(super) fn dispatch(&mut self, ctx: &egui::Context, event: Event) {
        let mut queue = std::collections::VecDeque::from([event]);
        while let Some(event) = queue.pop_front() {
            let s = &self.session;
            let doc = Doc {
                dirty: s.dirty(),
                path: s.path.as_deref(),
                state: &s.doc.state,
            };
            for effect in self.flow.on(event, &doc) {
                queue.extend(self.perform(ctx, effect));
            }
        }
        ctx.request_repaint();
    }

    /// Carry out one effect of the flow; what it reports back.
    fn perform(&mut self, ctx: &egui::Context, effect: Effect) -> Option<Event> {
        match effect {
            Effect::Run(action) => self.run(ctx, action),
            Effect::DropChanges => {
                // What eframe stores for the next run is the document as last saved, or the
                // default for work that was never saved.
                match self.session.saved.clone() {
                    Some(saved) => self.session.doc.state = saved,
                    None => self.replace_document(default_document(), None, None),
                }
            }
            Effect::CancelClose => ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose),
            Effect::ShowDialog { save } => return self.spawn_dialog(save),
            Effect::PrefillPath(action) => self.prefill_path(action),
            Effect::Write { path, check } => return Some(self.save_to(&path, check)),
            Effect::Export { kind, path, replace } => return Some(self.export_to(ctx, kind, path, replace)),
            Effect::AddWhatFollows(action) => {
                let then = action.describe(crate::io::preset_names());
                if let Some(n) = self.notice.as_mut() {
                    n.lines.push(format!("Once the document is saved, {then} follows."));
                }
            }
            Effect::SayWhatFollows(action) => {
                let then = action.describe(crate::io::preset_names());
                self.notice = Some(Notice::info(format!("Choose where to save; {then} follows")));
            }
            Effect::Notice(n) => self.notice = Some(n),
        }
        None
    }

    /// Replace the document, or quit, now.
    fn run(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::New => self.replace_document(default_document(), None, None),
            Action::Open(p) => self.open(&p),
            Action::OpenShipped(i) => self.open_shipped(i),
            Action::OpenLesson(i) => self.open_lesson(i),
            Action::NewFromScenario(i) => self.new_from_scenario(i),
            Action::NewScenario => self.new_scenario(),
            Action::StepPreset(step) => {
                // The shipped presets of the open scenario, in turn.
                let here = presets_for(&self.session.doc.scenario.id);
                let n = here.len();
                if n > 0 {
                    let at = (self.session.shipped_index).and_then(|i| here.iter().position(|&k| k == i));
                    let next = here[match at {
                        Some(i) if step >= 0 => (i + 1) % n,
                        Some(i) => (i + n - 1) % n,
                        None if step >= 0 => 0,
                        None => n - 1,
                    }];
                    let before = self.session.doc.state.clone();
                    self.open_shipped(next);
                    if self.session.shipped_index == Some(next) {
                        self.session.previous_step = Some(before);
                    }
                }
            }
            // The flow turns this into a dialog or the path window; it never runs as such.
            Action::OpenDialog => {}
            Action::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
        }
    }

    fn apply_edit(&mut self, ctx: &egui::Context, edit: Edit) {
        let (doc, opened) = (&mut self.session.doc, &self.session.opened);
        doc.state.apply(edit, &doc.scenario, self.derived.model(), opened);
        ctx.request_repaint();
    }

    fn adopt_sample(&mut self, ctx: &egui::Context, levers: Vec<f64>) {
        let doc = &self.session.doc;
        let s = &doc.scenario;
        let now = doc.state.settings.schedule(self.derived.model());
        // Each lever said as its plan ("10 then 60" when staged).
        let changes: Vec<String> = (s.levers.iter().enumerate())
            .map(|(i, l)| (l, s.lever_plan(&now, i), s.lever_plan(&levers, i)))
            .filter(|(_, a, b)| a != b)
            .map(|(l, a, b)| format!("{}: {a} to {b} {}", l.name, l.unit))
            .collect();
        if changes.is_empty() {
            return;
        }
        self.apply_edit(ctx, Edit::Levers(levers));
        self.notice = Some(Notice {
            is_error: false,
            title: format!(
                "Adopted a sampled policy's settings; Undo ({}) brings the previous ones back",
                UiCommand::Undo.key_text(ctx)
            ),
            lines: changes,
        });
    }

    /// The keyboard shortcuts pressed this frame, as commands (the table in
    /// [`UiCommand`] says which key does what, and when).
    pub(super) fn shortcuts(&mut self, ctx: &egui::Context) {
        let typing = ctx.egui_wants_keyboard_input();
        for (command, shortcut) in UiCommand::by_specificity() {
            let live = match command.scope() {
                Scope::Anywhere => true,
                Scope::Classroom => self.classroom && !typing,
                Scope::ClassroomNoPopup => self.classroom && !self.chrome.popup_open,
            };
            if live && ctx.input_mut(|i| i.consume_shortcut(shortcut)) {
                self.commands.push(command.command());
            }
        }
    }

    pub(super) fn dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Option<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .find(|p| !p.as_os_str().is_empty())
        });
        if let Some(p) = dropped {
            self.commands.push(Command::Open(p));
        }
    }

    /// Apply the queued commands. While the unsaved-changes question is open only its answer
    /// is taken; anything else queued behind it is dropped.
    pub(super) fn run_commands(&mut self, ctx: &egui::Context) {
        for cmd in std::mem::take(&mut self.commands) {
            if self.flow.asking().is_some() && !matches!(cmd, Command::Answer(_)) {
                continue;
            }
            self.apply(ctx, cmd);
        }
    }

    /// The window's close button: with unsaved changes the flow keeps the window open and asks.
    pub(super) fn close_request(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested()) {
            self.dispatch(ctx, Event::CloseRequested);
        }
    }

    /// Close the unsaved-changes question and the path window as Cancel would (tests: the
    /// monkey settles the app before it checks undo).
    pub fn dismiss_prompts(&mut self, ctx: &egui::Context) {
        if self.flow.asking().is_some() {
            self.dispatch(ctx, Event::Answer(crate::ui::ctx::Answer::Cancel));
        }
        if self.flow.path_window().is_some() {
            self.dispatch(ctx, Event::Cancel);
        }
    }
}
