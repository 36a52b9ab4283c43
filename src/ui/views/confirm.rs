//! The unsaved-changes question, asked before anything replaces the document.

use crate::ui::ctx::{Answer, Command, View, ViewCtx};

/// The modal dialog; shown while an action waits for an answer.
#[derive(Debug, Default)]
pub struct ConfirmView;

impl View for ConfirmView {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        let Some(waiting) = ctx.session.confirming else { return };
        let action = waiting.describe(ctx.session.presets);
        let mut answer = None;
        egui::Modal::new(egui::Id::unique("unsaved-changes")).show(ui.ctx(), |ui| {
            ui.heading("Unsaved changes");
            ui.label(format!("Save changes to \"{}\" before {action}?", ctx.doc.state.name));
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button("Save").clicked() {
                    answer = Some(Answer::Save);
                }
                if ui.button("Discard changes").clicked() {
                    answer = Some(Answer::Discard);
                }
                if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                    answer = Some(Answer::Cancel);
                }
            });
        });
        if let Some(a) = answer {
            ctx.send(Command::Answer(a));
        }
    }
}
