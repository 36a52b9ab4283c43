//! The response levers: a named policy sets them all at once, or each is moved on its own.

use crate::ui::ctx::{Edit, View, ViewCtx};
use crate::ui::theme::TOOLTIP_WIDTH;
use crate::ui::widgets::edit_number;
use egui::RichText;

/// The lever panel.
#[derive(Debug, Default)]
pub struct LeversView;

impl View for LeversView {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        let s = &ctx.doc.scenario;
        let levers = &ctx.settings().levers;
        ui.heading("Response");
        let matching = s.policies.iter().position(|p| s.policy_levers(p) == *levers);
        let selected = matching.map_or("Custom settings".to_owned(), |i| s.policies[i].name.clone());
        let mut choice = None;
        ui.horizontal(|ui| {
            let label = ui.label("Named policy");
            egui::ComboBox::from_id_salt("named-policy")
                .selected_text(selected)
                .width(220.0)
                .show_ui(ui, |ui| {
                    for (i, p) in s.policies.iter().enumerate() {
                        if ui
                            .selectable_label(matching == Some(i), &p.name)
                            .on_hover_text(&p.description)
                            .clicked()
                        {
                            choice = Some(i);
                        }
                    }
                })
                .response
                .labelled_by(label.id);
        });
        if let Some(i) = choice {
            ctx.edit(Edit::Policy(i));
        }
        for (i, l) in s.levers.iter().enumerate() {
            let label = ui
                .label(RichText::new(format!("{} ({})", l.name, l.unit)).strong())
                .on_hover_ui(|ui| {
                    ui.set_max_width(TOOLTIP_WIDTH);
                    ui.label(&l.description);
                    ui.label(RichText::new(format!("Range {} to {}, default {}", l.min, l.max, l.default)).small());
                });
            if let Some(x) = edit_number(ui, levers[i], l.min..=l.max, l.step, label.id) {
                ctx.edit(Edit::Lever(i, x));
            }
        }
    }
}
