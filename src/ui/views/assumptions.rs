//! The assumptions behind one outcome number: its baseline and every effect on it, with the
//! effect's size now, its range and its source.

use crate::format::{number, signed};
use crate::model::scenario::{Curve, Scenario};
use crate::ui::ctx::{View, ViewCtx};
use egui::RichText;
use std::fmt::Write as _;

/// The assumptions window; open on an (outcome, horizon) pair or closed.
#[derive(Debug, Default)]
pub struct AssumptionsView {
    /// The outcome and horizon shown, if the window is open.
    pub open: Option<(usize, usize)>,
}

fn describe(curve: &Curve) -> String {
    match curve {
        Curve::Linear(slope) => format!("linear, {} per unit", number(*slope)),
        Curve::Points(points) => {
            let pts: Vec<String> = points
                .iter()
                .map(|(x, y)| format!("({}, {})", number(*x), number(*y)))
                .collect();
            format!("points {}", pts.join(" "))
        }
    }
}

fn lever_name<'a>(s: &'a Scenario, id: &'a str) -> &'a str {
    s.lever_index(id).map_or(id, |i| s.levers[i].name.as_str())
}

fn hypothesis_name<'a>(s: &'a Scenario, id: &'a str) -> &'a str {
    s.hypothesis_index(id).map_or(id, |i| s.hypotheses[i].name.as_str())
}

impl View for AssumptionsView {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        let Some((o, mut t)) = self.open else { return };
        let s = &ctx.doc.scenario;
        let Some(out) = s.outcomes.get(o).filter(|_| t < s.horizons.len()) else {
            self.open = None;
            return;
        };
        let levers = &ctx.settings().levers;
        let mut open = true;
        egui::Window::new(format!("Assumptions: {}", out.name))
            .open(&mut open)
            .default_width(640.0)
            .vscroll(true)
            .show(ui.ctx(), |ui| {
                ui.label(&out.description);
                ui.horizontal(|ui| {
                    for (i, h) in s.horizons.iter().enumerate() {
                        ui.radio_value(&mut t, i, &h.name);
                    }
                });
                ui.label(format!(
                    "Normalised between worst {} and best {} {}; {} is better.",
                    number(out.worst),
                    number(out.best),
                    out.unit,
                    if out.best > out.worst { "higher" } else { "lower" }
                ));
                ui.separator();
                if let Some(b) = s
                    .baselines
                    .iter()
                    .find(|b| b.outcome == out.id && b.horizon == s.horizons[t].id)
                {
                    ui.label(
                        RichText::new(format!(
                            "Baseline with every lever at 0: {} {}",
                            number(b.value),
                            out.unit
                        ))
                        .strong(),
                    );
                    for (h, v) in &b.by_hypothesis {
                        ui.label(format!("    under {}: {}", hypothesis_name(s, h), number(*v)));
                    }
                    ui.label(RichText::new(&b.note).italics());
                }
                ui.separator();
                // After the horizon buttons, so a click shows its own horizon's effects.
                let cell = ctx.derived.model().cell(o, t);
                let parts = ctx.derived.contributions(levers, cell);
                ui.label(RichText::new("Effects at the current settings").strong());
                if parts.is_empty() {
                    ui.label("No lever changes this outcome at this horizon.");
                }
                egui::Grid::new("assumptions")
                    .striped(true)
                    .spacing([10.0, 6.0])
                    .show(ui, |ui| {
                        for head in ["Lever", "Applies to", "Now", "Range", "Curve and source"] {
                            ui.label(RichText::new(head).strong());
                        }
                        ui.end_row();
                        for c in parts.iter() {
                            let Some(e) = s.effects.get(c.effect) else { continue };
                            let mut lever_text = lever_name(s, &e.lever).to_owned();
                            if let Some(m) = &e.with {
                                let _ = write!(lever_text, "\n× factor of {}", lever_name(s, &m.lever));
                            }
                            ui.label(lever_text);
                            ui.label(
                                e.hypothesis
                                    .as_deref()
                                    .map_or("all hypotheses", |h| hypothesis_name(s, h)),
                            );
                            ui.label(RichText::new(signed(c.value)).strong());
                            ui.label(format!("{} to {}", number(c.low), number(c.high)));
                            ui.vertical(|ui| {
                                ui.set_max_width(300.0);
                                ui.label(RichText::new(describe(&e.curve)).small());
                                ui.label(&e.note);
                            });
                            ui.end_row();
                        }
                    });
                ui.separator();
                egui::CollapsingHeader::new("Sources").show(ui, |ui| {
                    for src in &s.sources {
                        ui.label(format!("{}: {}", src.id, src.citation));
                    }
                });
            });
        self.open = open.then_some((o, t));
    }
}
