//! The decision matrix: named policies (and the current settings) by hypotheses, with the best
//! per hypothesis highlighted, expected utility, regret, the minimax-regret choice and EVPI.

use crate::app::{Command, MotiveApp};
use crate::model::summary::Report;
use crate::ui::outcomes::short_id;
use crate::ui::theme::{self, PLOT_HEIGHT};
use egui::RichText;
use egui_plot::{Bar, BarChart, Legend, Plot};

impl MotiveApp {
    pub(crate) fn matrix_ui(&mut self, ui: &mut egui::Ui, report: &Report) {
        let palette = theme::palette(self.persisted.look, self.classroom);
        let a = &report.analysis;
        let s = &self.doc.scenario;
        let leaves = &self.model.leaves;
        let mut apply = None;
        egui::ScrollArea::both()
            .id_salt("matrix")
            .max_height((ui.available_height() * 0.6).max(200.0))
            .show(ui, |ui| {
                egui::Grid::new("decision-matrix")
                    .striped(true)
                    .spacing([10.0, 4.0])
                    .show(ui, |ui| {
                        ui.label(RichText::new("Policy \\ hypothesis").strong());
                        for &h in leaves {
                            ui.label(RichText::new(short_id(&s.hypotheses[h].name)).strong())
                                .on_hover_text(&s.hypotheses[h].name);
                        }
                        ui.label(RichText::new("EU").strong())
                            .on_hover_text("Expected utility: credence-weighted utility");
                        ui.label(RichText::new("E[regret]").strong()).on_hover_text(
                            "Expected regret: credence-weighted shortfall from the best policy under each hypothesis",
                        );
                        ui.label(RichText::new("Max regret").strong())
                            .on_hover_text("Largest regret over the hypotheses you give any credence");
                        ui.end_row();
                        for (p, c) in report.candidates.iter().enumerate() {
                            let mut name = c.name.clone();
                            if p == a.best {
                                name.push_str(" [best EU]");
                            }
                            if p == a.minimax_regret {
                                name.push_str(" [minimax]");
                            }
                            let is_named = p + 1 < report.candidates.len();
                            let r = ui.add_enabled(is_named, egui::Button::new(name).frame(false));
                            if is_named {
                                let desc = s.policies.get(p).map(|x| x.description.clone()).unwrap_or_default();
                                if r.on_hover_text(format!("{desc}\nClick to set all levers to this policy."))
                                    .clicked()
                                {
                                    apply = Some(p);
                                }
                            }
                            for (l, &leaf) in leaves.iter().enumerate() {
                                let u = a.utility(p, l);
                                let text = RichText::new(format!("{u:.3}"));
                                let hover = format!(
                                    "{} under {}: utility {u:.3}, regret {:.3}",
                                    c.name,
                                    s.hypotheses[leaf].name,
                                    a.regret(p, l)
                                );
                                if a.best_by_leaf[l] == p {
                                    egui::Frame::new()
                                        .fill(palette.best_fill)
                                        .inner_margin(2.0)
                                        .show(ui, |ui| {
                                            ui.label(text.strong())
                                                .on_hover_text(format!("{hover}\nBest under this hypothesis"));
                                        });
                                } else {
                                    ui.label(text).on_hover_text(hover);
                                }
                            }
                            ui.label(RichText::new(format!("{:.3}", a.expected_utility[p])).strong());
                            ui.label(format!("{:.3}", a.expected_regret[p]));
                            ui.label(format!("{:.3}", a.max_regret[p]));
                            ui.end_row();
                        }
                        if let Some(pin) = &self.pinned {
                            let pa = &pin.report.analysis;
                            let cur = pin.report.candidates.len() - 1;
                            ui.label(RichText::new("A (pinned)").color(palette.pinned));
                            for l in 0..pa.n_leaves {
                                ui.label(RichText::new(format!("{:.3}", pa.utility(cur, l))).color(palette.pinned));
                            }
                            ui.label(RichText::new(format!("{:.3}", pa.expected_utility[cur])).color(palette.pinned));
                            ui.end_row();
                        }
                        ui.label(RichText::new("Credence").italics());
                        for &w in &a.leaf_weights {
                            ui.label(RichText::new(crate::format::percent(w)).italics());
                        }
                        ui.end_row();
                    });
            });
        ui.label(format!(
            "Best by expected utility: {}.   Minimax regret: {}.   EVPI (worth of learning the true motive): {:.4}",
            report.candidates[a.best].name, report.candidates[a.minimax_regret].name, a.evpi
        ));
        if let Some(p) = apply {
            self.commands.push(Command::ApplyPolicy(p));
        }
        let bars = |offset: f64, values: &[f64]| -> Vec<Bar> {
            values
                .iter()
                .enumerate()
                .map(|(i, &v)| {
                    Bar::new(i as f64 + offset, v)
                        .width(0.35)
                        .name(report.candidates[i].name.clone())
                })
                .collect()
        };
        let names: Vec<String> = report.candidates.iter().map(|c| c.name.clone()).collect();
        Plot::new("matrix-bars")
            .height((ui.available_height()).max(PLOT_HEIGHT * 0.6))
            .legend(Legend::default())
            .x_axis_label("Policy")
            .y_axis_label("Regret (utility units)")
            .x_axis_formatter(move |mark, _| {
                let i = mark.value.round();
                if (mark.value - i).abs() < 1e-6 && i >= 0.0 {
                    names.get(i as usize).cloned().unwrap_or_default()
                } else {
                    String::new()
                }
            })
            .show(ui, |p| {
                p.bar_chart(BarChart::new("Expected regret", bars(-0.18, &a.expected_regret)).color(palette.current));
                p.bar_chart(BarChart::new("Max regret", bars(0.18, &a.max_regret)).color(palette.worse));
            });
    }
}
