//! How much each outcome and horizon matters, and the preset's name and notes.

use crate::ui::ctx::{Edit, View, ViewCtx};
use crate::ui::widgets::edit_number;
use egui::RichText;

/// Highest value or horizon weight a slider offers.
const MAX_WEIGHT: f64 = 5.0;

/// The value-weight panel and the preset's name and notes.
#[derive(Debug, Default)]
pub struct WeightsView;

impl View for WeightsView {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        let s = &ctx.doc.scenario;
        let settings = ctx.settings();
        egui::CollapsingHeader::new(RichText::new("How much each outcome matters").strong())
            .default_open(false)
            .show(ui, |ui| {
                ui.label(RichText::new("Relative weights; 1 = as much as any other, 0 = not at all.").small());
                for (i, o) in s.outcomes.iter().enumerate() {
                    let label = ui.label(format!("Weight of {}", o.name)).on_hover_text(&o.description);
                    if let Some(x) = edit_number(ui, settings.value_weights[i], 0.0..=MAX_WEIGHT, 0.1, label.id) {
                        ctx.edit(Edit::ValueWeight(i, x));
                    }
                }
                ui.separator();
                for (i, t) in s.horizons.iter().enumerate() {
                    let label = ui.label(format!("Weight of {}", t.name)).on_hover_text(&t.description);
                    if let Some(x) = edit_number(ui, settings.horizon_weights[i], 0.0..=MAX_WEIGHT, 0.1, label.id) {
                        ctx.edit(Edit::HorizonWeight(i, x));
                    }
                }
            });
        ui.separator();
        egui::CollapsingHeader::new("Preset name and notes").show(ui, |ui| {
            let state = &ctx.doc.state;
            let mut name = state.name.clone();
            let label = ui.label("Name");
            if ui.text_edit_singleline(&mut name).labelled_by(label.id).changed() {
                ctx.edit(Edit::Name(name));
            }
            let mut notes = state.notes.clone();
            let label = ui.label("Notes");
            if ui
                .add(egui::TextEdit::multiline(&mut notes).desired_rows(3))
                .labelled_by(label.id)
                .changed()
            {
                ctx.edit(Edit::Notes(notes));
            }
        });
    }
}
