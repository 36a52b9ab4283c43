//! The response levers: a named policy sets them all at once, or each is moved on its own.

use crate::ui::ctx::{Edit, View, ViewCtx};
use crate::ui::theme::TOOLTIP_WIDTH;
use crate::ui::widgets::{edit_number, short_horizon};
use egui::RichText;
use std::fmt::Write as _;

/// The lever panel.
#[derive(Debug, Default)]
pub struct LeversView;

impl View for LeversView {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        let s = std::sync::Arc::clone(&ctx.doc.scenario);
        let settings = ctx.settings().clone();
        let levers = &settings.levers;
        let schedule = s.full_schedule(&settings.schedule(ctx.derived.model()));
        ui.heading("Response");
        let matching = (s.policies.iter()).position(|p| s.full_schedule(&s.policy_schedule(p)) == schedule);
        let selected = matching.map_or("Custom settings".to_owned(), |i| s.policies[i].name.clone());
        let mut choice = None;
        ui.horizontal(|ui| {
            let label = ui.label("Named policy");
            // At most the room left in the panel: a long name is cut short, never widening it.
            let width = (ui.available_width() - ui.spacing().item_spacing.x).clamp(80.0, 220.0);
            egui::ComboBox::from_id_salt("named-policy")
                .selected_text(selected)
                .truncate()
                .width(width)
                .show_ui(ui, |ui| {
                    for (i, p) in s.policies.iter().enumerate() {
                        if ui
                            .selectable_label(matching == Some(i), &p.name)
                            .on_hover_text(policy_hover(&s, i))
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
        let n = s.levers.len();
        let staging = s.horizons.len() > 1 && s.format_version >= 3;
        for (i, l) in s.levers.iter().enumerate() {
            let staged = settings.staged(i);
            let text = if staged {
                format!("{} ({}): {}", l.name, l.unit, s.lever_plan(&schedule, i))
            } else {
                format!("{} ({})", l.name, l.unit)
            };
            let header = |ui: &mut egui::Ui| {
                ui.label(RichText::new(text.as_str()).strong()).on_hover_ui(|ui| {
                    ui.set_max_width(TOOLTIP_WIDTH);
                    ui.label(&l.description);
                    ui.label(RichText::new(format!("Range {} to {}, default {}", l.min, l.max, l.default)).small());
                })
            };
            // The name wraps as any label does; a staged scenario adds its switch after it.
            let header = if staging {
                ui.horizontal_wrapped(|ui| {
                    let header = header(ui);
                    let mut on = staged;
                    let name = format!("Plan {} by stage", l.name);
                    let r = ui
                        .checkbox(&mut on, "by stage")
                        .on_hover_text("Set this lever differently from a later horizon on (act now, change later)");
                    r.widget_info(|| egui::WidgetInfo::selected(egui::Role::CheckBox, true, on, &name));
                    if r.changed() {
                        ctx.edit(Edit::StagedLever(i, on));
                    }
                    header.id
                })
                .inner
            } else {
                header(ui).id
            };
            if staged {
                for (t, h) in s.horizons.iter().enumerate() {
                    let label = ui.label(format!("    from the {}", short_horizon(&h.name)));
                    if let Some(x) = edit_number(ui, schedule[t * n + i], l.min..=l.max, l.step, label.id) {
                        ctx.edit(if t == 0 {
                            Edit::Lever(i, x)
                        } else {
                            Edit::Stage(t, i, Some(x))
                        });
                    }
                }
            } else if let Some(x) = edit_number(ui, levers[i], l.min..=l.max, l.step, header) {
                ctx.edit(Edit::Lever(i, x));
            }
        }
    }
}

/// A named policy's description and, where it is staged, each staged lever's plan.
fn policy_hover(s: &crate::model::scenario::Scenario, i: usize) -> String {
    let p = &s.policies[i];
    let mut text = p.description.clone();
    for line in s.staged_plan(&s.policy_schedule(p)) {
        let _ = write!(text, "\n{line}");
    }
    text
}
