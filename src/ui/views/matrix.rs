//! The decision matrix: named policies (and the current settings) by hypotheses, with the best
//! per hypothesis highlighted, expected utility, regret, the minimax-regret choice and EVPI.

use crate::format::percent;
use crate::ui::ctx::{Edit, View, ViewCtx};
use crate::ui::theme;
use crate::ui::widgets::{Key, plot_height, short_id, with_legend};
use egui::RichText;
use egui_plot::{Bar, BarChart, Plot};
use serde::{Deserialize, Serialize};

/// Share of the area the matrix may take before it scrolls.
const MATRIX_SHARE: f32 = 0.6;
/// Least height of the matrix before it scrolls.
const MIN_MATRIX_HEIGHT: f32 = 200.0;

/// The decision matrix (no state of its own yet).
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct MatrixView {}

impl View for MatrixView {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        let Ok(report) = ctx.report() else { return };
        // A comparison that cannot be evaluated is reported once, by the results view.
        let pinned = match ctx.session.pinned {
            Some(_) => ctx.reference_report().ok(),
            None => None,
        };
        let palette = ctx.theme.palette;
        let a = &report.analysis;
        let s = &ctx.doc.scenario;
        let leaves = &ctx.derived.model().leaves;
        let mut apply = None;
        egui::ScrollArea::both()
            .id_salt("matrix")
            .max_height((ui.available_height() * MATRIX_SHARE).max(MIN_MATRIX_HEIGHT))
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
                            let is_named = report.is_named(p);
                            let r = ui.add_enabled(is_named, egui::Button::new(name).frame(false));
                            if is_named {
                                let desc = s.policies.get(p).map(|x| x.description.as_str()).unwrap_or_default();
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
                                if a.best_by_leaf.get(l) == Some(&p) {
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
                        if let Some(pin) = &pinned {
                            let pa = &pin.analysis;
                            let cur = pin.current();
                            ui.label(RichText::new("A (pinned, for comparison)").color(palette.pinned))
                                .on_hover_text("A is not a candidate: it is left out of the best-per-hypothesis highlighting, the regret columns and the verdict");
                            for l in 0..pa.n_leaves {
                                ui.label(RichText::new(format!("{:.3}", pa.utility(cur, l))).color(palette.pinned));
                            }
                            if let Some(eu) = pa.expected_utility.get(cur) {
                                ui.label(RichText::new(format!("{eu:.3}")).color(palette.pinned));
                            }
                            ui.end_row();
                        }
                        ui.label(RichText::new("Credence").italics());
                        for &w in &a.leaf_weights {
                            ui.label(RichText::new(percent(w)).italics());
                        }
                        ui.end_row();
                    });
            });
        let name = |p: usize| report.candidates.get(p).map_or("–", |c| c.name.as_str());
        ui.label(format!(
            "Best by expected utility: {}.   Minimax regret: {}.   EVPI (worth of learning the true motive): {}",
            name(a.best),
            name(a.minimax_regret),
            crate::format::fixed(a.evpi, 4)
        ));
        if pinned.is_some() {
            ui.label(
                RichText::new("The A row is for comparison only: it is not highlighted as best and has no regret.")
                    .small(),
            );
        }
        if let Some(p) = apply {
            ctx.edit(Edit::Policy(p));
        }
        let bars = |offset: f64, values: &[f64]| -> Vec<Bar> {
            values
                .iter()
                .enumerate()
                .map(|(i, &v)| Bar::new(i as f64 + offset, v).width(0.35).name(name(i)))
                .collect()
        };
        let names: Vec<String> = report.candidates.iter().map(|c| c.name.clone()).collect();
        let keys = [
            Key::new("Expected regret", theme::series(8)),
            Key::new("Max regret", palette.worse),
        ];
        let height = plot_height(ui);
        with_legend(ui, &keys, |ui, width| {
            Plot::new("matrix-bars")
                .width(width)
                .height(height)
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
                    p.bar_chart(
                        BarChart::new("Expected regret", bars(-0.18, &a.expected_regret)).color(theme::series(8)),
                    );
                    p.bar_chart(BarChart::new("Max regret", bars(0.18, &a.max_regret)).color(palette.worse));
                })
        });
    }
}
