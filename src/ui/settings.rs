//! The settings panel: credences over the motive hypotheses, the policy levers, and how much
//! each outcome and horizon matters.

use crate::app::{Command, MotiveApp};
use crate::format::percent;
use crate::model::credence::{group_of, set_share, shares};
use crate::model::preset::Settings;
use egui::{RichText, Slider, WidgetInfo};

impl MotiveApp {
    pub(crate) fn settings_ui(&mut self, ui: &mut egui::Ui) {
        self.credences_ui(ui);
        ui.separator();
        self.levers_ui(ui);
        if !self.classroom {
            ui.separator();
            self.values_ui(ui);
            ui.separator();
            egui::CollapsingHeader::new("Preset name and notes").show(ui, |ui| {
                let name = ui.label("Name");
                ui.text_edit_singleline(&mut self.doc.name).labelled_by(name.id);
                let notes = ui.label("Notes");
                ui.add(egui::TextEdit::multiline(&mut self.doc.notes).desired_rows(3))
                    .labelled_by(notes.id);
            });
        }
    }

    fn credences_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            ui.heading("Why did they attack?");
        });
        if !self.classroom {
            ui.horizontal(|ui| {
                if ui
                    .button("Equalise")
                    .on_hover_text("Give every hypothesis the same share of its group")
                    .clicked()
                {
                    self.doc.settings.credences.iter_mut().for_each(|c| *c = 1.0);
                }
                if ui
                    .button("Reset to priors")
                    .on_hover_text("The scenario's default credences")
                    .clicked()
                {
                    let defaults = Settings::defaults(&self.doc.scenario);
                    self.doc.settings.credences = defaults.credences;
                }
            });
            ui.label(RichText::new("Slider: share of its group. Lock a share to keep it while moving others.").small());
        }
        let weights = self
            .report
            .as_ref()
            .map(|r| r.analysis.hypothesis_weights.clone())
            .unwrap_or_default();
        let order = self.hypothesis_order();
        for (h, depth) in order {
            let hyp = self.doc.scenario.hypotheses[h].clone();
            let group = group_of(&self.model, h).to_vec();
            let share = shares(&self.doc.settings.credences, &group)[group.iter().position(|&i| i == h).unwrap_or(0)];
            let label = ui.horizontal(|ui| {
                ui.add_space(18.0 * depth as f32);
                if !self.classroom {
                    let mut locked = self.locked[h];
                    let r = ui
                        .toggle_value(&mut locked, "lock")
                        .on_hover_text("Lock this share while moving the others");
                    let name = format!("Lock {}", hyp.name);
                    r.widget_info(|| WidgetInfo::selected(egui::Role::CheckBox, true, locked, &name));
                    self.locked[h] = locked;
                }
                let label = ui.label(RichText::new(&hyp.name).strong()).on_hover_ui(|ui| {
                    ui.set_max_width(380.0);
                    ui.label(&hyp.description);
                    ui.label(RichText::new(format!("Source: {}", hyp.source)).small());
                });
                let effective = weights.get(h).copied().unwrap_or(0.0);
                let detail = if depth > 0 {
                    format!("{} of all", percent(effective))
                } else {
                    String::new()
                };
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    ui.label(RichText::new(detail).small());
                });
                label.id
            });
            ui.horizontal(|ui| {
                ui.add_space(18.0 * depth as f32 + if self.classroom { 0.0 } else { 36.0 });
                fit_slider(ui);
                let before = 100.0 * share;
                let mut pct = before;
                // Formatting only: a rounding slider would rewrite the credences every frame.
                let slider = Slider::new(&mut pct, 0.0..=100.0).custom_formatter(|v, _| format!("{v:.1}%"));
                // The slider's accessible name is the hypothesis name.
                let r = ui.add(slider).labelled_by(label.inner).on_hover_text(&hyp.description);
                if r.changed() && (pct - before).abs() > 1e-9 {
                    set_share(
                        &self.model,
                        &mut self.doc.settings.credences,
                        h,
                        pct / 100.0,
                        &self.locked,
                    );
                }
            });
        }
    }

    /// Hypotheses in display order (parents followed by their children) with their depth.
    pub(crate) fn hypothesis_order(&self) -> Vec<(usize, usize)> {
        fn walk(m: &crate::model::evaluate::Model, h: usize, depth: usize, out: &mut Vec<(usize, usize)>) {
            out.push((h, depth));
            for &c in &m.children[h] {
                walk(m, c, depth + 1, out);
            }
        }
        let mut out = Vec::new();
        for &r in &self.model.roots {
            walk(&self.model, r, 0, &mut out);
        }
        out
    }

    fn levers_ui(&mut self, ui: &mut egui::Ui) {
        ui.heading("Response");
        let s = &self.doc.scenario;
        let matching = s
            .policies
            .iter()
            .position(|p| s.policy_levers(p) == self.doc.settings.levers);
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
            self.commands.push(Command::ApplyPolicy(i));
        }
        for (i, l) in self.doc.scenario.levers.iter().enumerate() {
            let label = ui
                .label(RichText::new(format!("{} ({})", l.name, l.unit)).strong())
                .on_hover_ui(|ui| {
                    ui.set_max_width(380.0);
                    ui.label(&l.description);
                    ui.label(RichText::new(format!("Range {} to {}, 2015 level {}", l.min, l.max, l.default)).small());
                });
            edit_number(ui, &mut self.doc.settings.levers[i], l.min..=l.max, l.step, label.id);
        }
    }

    fn values_ui(&mut self, ui: &mut egui::Ui) {
        egui::CollapsingHeader::new(RichText::new("How much each outcome matters").strong())
            .default_open(false)
            .show(ui, |ui| {
                ui.label(RichText::new("Relative weights; 1 = as much as any other, 0 = not at all.").small());
                for (i, o) in self.doc.scenario.outcomes.iter().enumerate() {
                    let label = ui.label(format!("Weight of {}", o.name)).on_hover_text(&o.description);
                    edit_number(ui, &mut self.doc.settings.values[i], 0.0..=5.0, 0.1, label.id);
                }
                ui.separator();
                for (i, t) in self.doc.scenario.horizons.iter().enumerate() {
                    let label = ui.label(format!("Weight of {}", t.name)).on_hover_text(&t.description);
                    edit_number(ui, &mut self.doc.settings.horizons[i], 0.0..=5.0, 0.1, label.id);
                }
            });
    }
}

/// Make the next slider fill the row, leaving room for its number field, without widening the panel.
fn fit_slider(ui: &mut egui::Ui) {
    ui.spacing_mut().slider_width = (ui.available_width() - 80.0).max(80.0);
}

/// A slider over a copy of `value`, written back only when the user changed it: drawing a
/// slider clamps and snaps its value to the step, which must not rewrite what a file says
/// (a preset's 1234 strikes/month stays 1234 until someone moves the slider).
fn edit_number(ui: &mut egui::Ui, value: &mut f64, range: std::ops::RangeInclusive<f64>, step: f64, label: egui::Id) {
    fit_slider(ui);
    let mut copy = *value;
    let slider = Slider::new(&mut copy, range)
        .step_by(step)
        .clamping(egui::SliderClamping::Edits);
    let r = ui.add(slider).labelled_by(label);
    if r.changed() && copy != *value {
        *value = copy;
    }
}
