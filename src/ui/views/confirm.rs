//! The unsaved-changes question, asked before anything replaces the document.

use crate::ui::ctx::{Answer, Command, View, ViewCtx};

/// The modal dialog; shown while a command waits for an answer.
#[derive(Debug, Default)]
pub struct ConfirmView;

impl View for ConfirmView {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        let Some(waiting) = ctx.session.confirming else { return };
        let action = action(waiting, ctx.session.presets);
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

/// What the waiting command will do, as the end of "Save changes before ...?".
#[must_use]
pub fn action(command: &Command, presets: &[String]) -> String {
    let file = |p: &std::path::Path| {
        p.file_name()
            .map_or_else(|| p.display().to_string(), |n| n.to_string_lossy().into_owned())
    };
    match command {
        Command::New => "starting a new document".to_owned(),
        Command::Open(p) => format!("opening {}", file(p)),
        Command::OpenDialog => "opening another file".to_owned(),
        Command::OpenShipped(i) => presets.get(*i).map_or_else(
            || "opening a preset".to_owned(),
            |n| format!("opening the preset \"{n}\""),
        ),
        Command::StepPreset(s) if *s < 0 => "stepping back to the previous preset".to_owned(),
        Command::StepPreset(_) => "stepping on to the next preset".to_owned(),
        Command::Quit => "quitting".to_owned(),
        _ => "going on".to_owned(),
    }
}
