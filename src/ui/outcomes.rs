//! The results area: the expected-utility summary, the outcomes table and the plot tabs.

use crate::app::{MotiveApp, PlotTab};
use crate::format::number;
use crate::model::scenario::Better;
use crate::model::summary::Report;
use crate::ui::theme;
use egui::{RichText, WidgetInfo};
use std::sync::Arc;

/// How a value compares with the comparison state.
fn judge(better: Better, value: f64, reference: f64) -> Option<bool> {
    let tolerance = 1e-9 * value.abs().max(reference.abs()).max(1.0);
    let diff = value - reference;
    if diff.abs() <= tolerance {
        None
    } else {
        Some(matches!(better, Better::Higher) == (diff > 0.0))
    }
}

impl MotiveApp {
    pub(crate) fn results_ui(&mut self, ui: &mut egui::Ui) {
        let report = match &self.report {
            // A shared handle: the drawing below needs `&mut self` for its caches.
            Ok(r) => Arc::clone(r),
            Err(e) => {
                ui.colored_label(
                    theme::palette(self.persisted.look, self.classroom).worse,
                    format!("Cannot evaluate: {e}"),
                );
                return;
            }
        };
        let reference = self.comparison_report();
        self.summary_ui(ui, &report, reference.as_deref());
        if !self.classroom {
            ui.checkbox(
                &mut self.persisted.per_hypothesis,
                "Show the value under each hypothesis",
            );
        }
        ui.separator();
        let table_height = (ui.available_height() * 0.42).max(160.0);
        egui::ScrollArea::both()
            .id_salt("outcomes")
            .max_height(table_height)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                self.outcome_table_ui(ui, &report, reference.as_deref());
            });
        ui.separator();
        ui.horizontal(|ui| {
            let tab = &mut self.persisted.tab;
            ui.selectable_value(tab, PlotTab::Pareto, "Pareto view");
            ui.selectable_value(tab, PlotTab::LeverSweep, "Lever sweep");
            ui.selectable_value(tab, PlotTab::Matrix, "Decision matrix");
            ui.selectable_value(tab, PlotTab::CredenceSweep, "Credence sweep");
        });
        match self.persisted.tab {
            PlotTab::Pareto => self.pareto_ui(ui, &report),
            PlotTab::LeverSweep => self.sweep_ui(ui, &report),
            PlotTab::Matrix => self.matrix_ui(ui, &report),
            PlotTab::CredenceSweep => self.credence_sweep_ui(ui, &report),
        }
    }

    /// The state the live one is compared with: A if pinned, else the document as opened.
    pub(crate) fn comparison_report(&mut self) -> Option<Arc<Report>> {
        if let Some(p) = &self.pinned {
            return Some(Arc::clone(&p.report));
        }
        let cache = &mut self.plot_cache.comparison;
        if cache.as_ref().map(|(s, _)| s) != Some(&self.opened.settings) {
            let r = crate::model::summary::report(
                &self.doc.scenario,
                &self.model,
                &self.opened.settings,
                &mut crate::model::decision::Scratch::default(),
            )
            .ok()?;
            *cache = Some((self.opened.settings.clone(), Arc::new(r)));
        }
        cache.as_ref().map(|(_, r)| Arc::clone(r))
    }

    fn summary_ui(&self, ui: &mut egui::Ui, report: &Report, reference: Option<&Report>) {
        let palette = theme::palette(self.persisted.look, self.classroom);
        let a = &report.analysis;
        let name = |p: usize| report.candidates[p].name.clone();
        ui.horizontal_wrapped(|ui| {
            let eu = report.evaluation.expected_utility;
            let text = format!("Expected utility: {eu:.3}");
            ui.label(RichText::new(&text).heading().strong())
                .on_hover_text("Credence-weighted utility of the current settings: 0 = every outcome at its worst plausible level, 1 = at its best");
            if let Some(r) = reference {
                let d = eu - r.evaluation.expected_utility;
                let colour = if d > 1e-9 { palette.better } else if d < -1e-9 { palette.worse } else { palette.muted };
                let what = if self.pinned.is_some() { "A" } else { "as opened" };
                ui.label(RichText::new(format!("{what}: {:.3} ({d:+.3})", r.evaluation.expected_utility)).color(colour));
            }
            ui.separator();
            ui.label(format!("Best by expected utility: {}", name(a.best)))
                .on_hover_text("Among the named policies and the current settings");
            ui.separator();
            ui.label(format!("Minimax regret: {}", name(a.minimax_regret)))
                .on_hover_text("The policy whose worst-case regret, over hypotheses you give any credence, is smallest");
            ui.separator();
            ui.label(format!("EVPI: {:.4}", a.evpi)).on_hover_text(
                "Expected value of perfect information: how much expected utility you would gain by learning the true motive before choosing among these policies",
            );
        });
    }

    fn outcome_table_ui(&mut self, ui: &mut egui::Ui, report: &Report, reference: Option<&Report>) {
        let palette = theme::palette(self.persisted.look, self.classroom);
        let s = &self.doc.scenario;
        let ev = &report.evaluation;
        let leaves = self.model.leaves.clone();
        let per_h = self.persisted.per_hypothesis;
        // Classroom mode keeps the table to what reads from the back of a room.
        let spread = !self.classroom;
        let nh = s.horizons.len();
        let mut open = None;
        egui::Grid::new("outcome-table").striped(true).spacing([14.0, 4.0]).show(ui, |ui| {
            ui.label(RichText::new("Outcome").strong());
            ui.label(RichText::new("Unit").strong());
            for t in &s.horizons {
                ui.label(RichText::new(&t.name).strong()).on_hover_text(&t.description);
                if spread {
                    ui.label(RichText::new("spread").small())
                        .on_hover_text("Lowest and highest value over the hypotheses you give any credence");
                }
                if per_h {
                    for &l in &leaves {
                        ui.label(RichText::new(short_id(&s.hypotheses[l].name)).small()).on_hover_text(&s.hypotheses[l].name);
                    }
                }
            }
            ui.end_row();
            for (o, out) in s.outcomes.iter().enumerate() {
                ui.horizontal(|ui| {
                    ui.label(&out.name).on_hover_text(&out.description);
                    if ui.small_button("?").on_hover_text("Show the assumptions behind this outcome").clicked() {
                        open = Some((o, 0));
                    }
                });
                ui.label(RichText::new(&out.unit).small());
                for (t, hz) in s.horizons.iter().enumerate() {
                    let cell = o * nh + t;
                    let y = ev.expected[cell];
                    let mut text = RichText::new(number(y)).strong();
                    let mut hover = format!("Expected {} over the hypotheses, {}", out.name, hz.name);
                    if let Some(r) = reference {
                        let y0 = r.evaluation.expected[cell];
                        match judge(out.better, y, y0) {
                            Some(true) => text = text.color(palette.better),
                            Some(false) => text = text.color(palette.worse),
                            None => {}
                        }
                        hover.push_str(&format!("\nComparison: {} ({:+})", number(y0), number(y - y0)));
                    }
                    let name = format!("{}, {}: {}", out.name, hz.name, number(y));
                    ui.label(text).on_hover_text(hover).widget_info(|| WidgetInfo::labeled(egui::Role::Label, true, &name));
                    if spread {
                        ui.label(RichText::new(format!("{}–{}", number(ev.min[cell]), number(ev.max[cell]))).small().color(palette.muted))
                        .on_hover_text(format!(
                            "Lowest to highest over the hypotheses you give any credence.\nWith every effect at the low or high end of its uncertainty range the expected value would be {} to {}.",
                            number(ev.expected_low[cell]),
                            number(ev.expected_high[cell])
                        ));
                    }
                    if per_h {
                        for (li, _) in leaves.iter().enumerate() {
                            ui.label(RichText::new(number(ev.value(li, cell))).small());
                        }
                    }
                }
                ui.end_row();
            }
        });
        if open.is_some() {
            self.assumptions = open;
        }
    }
}

/// The short id at the start of a hypothesis name ("6a. Drain..." -> "6a").
pub(crate) fn short_id(name: &str) -> String {
    name.split_once(". ")
        .map_or_else(|| name.chars().take(8).collect(), |(id, _)| id.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn judging_respects_the_direction() {
        assert_eq!(judge(Better::Lower, 1.0, 2.0), Some(true));
        assert_eq!(judge(Better::Lower, 3.0, 2.0), Some(false));
        assert_eq!(judge(Better::Higher, 3.0, 2.0), Some(true));
        assert_eq!(judge(Better::Higher, 2.0, 2.0), None);
        assert_eq!(short_id("6a. Drain their resources"), "6a");
    }
}
