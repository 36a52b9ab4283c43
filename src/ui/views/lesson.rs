//! The lesson panel: the lesson's title, where the class is in it, the step's narration in
//! large type, the question asked before the results are revealed, and the buttons (and, in
//! classroom mode, the arrow keys) that step through it.

use crate::model::lesson::Move;
use crate::ui::command::UiCommand;
use crate::ui::ctx::{Command, LessonShown, View, ViewCtx};
use egui::RichText;

/// How much larger than body text the narration is.
const NARRATION_SCALE: f32 = 1.25;

/// The lesson panel (it holds nothing: the shell holds the lesson and where it is).
#[derive(Debug, Default)]
pub struct LessonView;

impl View for LessonView {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        let Some(shown) = ctx.session.lesson else { return };
        let Some(step) = shown.lesson.steps.get(shown.step) else {
            return;
        };
        let n = shown.lesson.steps.len();
        let where_ = format!("{}: step {} of {n}", shown.lesson.title, shown.step + 1);
        if ctx.theme.classroom {
            // One row of buttons and where the class is (the step's title is in the header),
            // then the narration: the projector's height goes to the results.
            ui.horizontal_wrapped(|ui| {
                buttons(ui, ctx, shown, n);
                ui.label(RichText::new(where_).small());
            });
        } else {
            ui.label(RichText::new(where_).small());
            ui.heading(&step.title);
        }
        let size = egui::TextStyle::Body.resolve(ui.style()).size * NARRATION_SCALE;
        ui.label(RichText::new(&step.narration).size(size));
        if !ctx.theme.classroom {
            ui.add_space(ui.spacing().item_spacing.y);
            ui.horizontal_wrapped(|ui| buttons(ui, ctx, shown, n));
        }
    }
}

fn buttons(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, shown: LessonShown<'_>, n: usize) {
    // In classroom mode the keys that step through presets step through the lesson.
    let key = |c: UiCommand| {
        if ctx.theme.classroom {
            format!(" ({})", c.key_text(ui.ctx()))
        } else {
            String::new()
        }
    };
    let (back_key, next_key) = (key(UiCommand::PreviousPreset), key(UiCommand::NextPreset));
    {
        let back = format!("Back{back_key}");
        if ui
            .add_enabled(shown.step > 0, egui::Button::new(back))
            .on_hover_text("The step before (shown with its results)")
            .clicked()
        {
            ctx.send(Command::LessonStep(Move::Previous));
        }
        let on = format!("{}{next_key}", if shown.asking { "Reveal" } else { "Next" });
        let last = shown.step + 1 >= n && !shown.asking;
        if ui
            .add_enabled(!last, egui::Button::new(on))
            .on_hover_text(if shown.asking {
                "Show the results the question was about"
            } else {
                "The next step"
            })
            .clicked()
        {
            ctx.send(Command::LessonStep(Move::Next));
        }
        if ui
            .button("End lesson")
            .on_hover_text("Stop the lesson; the state shown stays, to explore")
            .clicked()
        {
            ctx.send(Command::CloseLesson);
        }
    }
}

/// In place of the results while a step's question waits for the class: the question, large,
/// and how to reveal the results.
pub fn curtain(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
    let Some(shown) = ctx.session.lesson else { return };
    let Some(q) = shown.lesson.steps.get(shown.step).and_then(|s| s.question.as_deref()) else {
        return;
    };
    ui.vertical_centered(|ui| {
        ui.add_space(ui.available_height() * 0.3);
        let size = egui::TextStyle::Heading.resolve(ui.style()).size * NARRATION_SCALE;
        ui.label(RichText::new(q).size(size).strong());
        ui.add_space(ui.spacing().item_spacing.y * 2.0);
        let how = if ctx.theme.classroom {
            format!(
                "The results stay hidden until you reveal them ({}).",
                UiCommand::NextPreset.key_text(ui.ctx())
            )
        } else {
            "The results stay hidden until you reveal them.".to_owned()
        };
        ui.label(RichText::new(how).color(ctx.theme.palette.muted));
        if ui.button("Reveal the results").clicked() {
            ctx.send(Command::LessonStep(Move::Next));
        }
    });
}
