//! The assumptions behind one outcome number: its baseline and every effect on it, with the
//! effect's size now, its range and its source.

use crate::app::MotiveApp;
use crate::format::number;
use crate::model::attribution::contributions;
use crate::model::scenario::Curve;
use egui::RichText;

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

impl MotiveApp {
    pub(crate) fn assumptions_window(&mut self, ctx: &egui::Context) {
        let Some((o, mut t)) = self.assumptions else { return };
        let s = &self.doc.scenario;
        let Some(out) = s.outcomes.get(o).filter(|_| t < s.horizons.len()) else {
            self.assumptions = None;
            return;
        };
        let mut open = true;
        egui::Window::new(format!("Assumptions: {}", out.name))
            .open(&mut open)
            .default_width(640.0)
            .vscroll(true)
            .show(ctx, |ui| {
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
                        let name = s
                            .hypotheses
                            .iter()
                            .find(|x| &x.id == h)
                            .map_or(h.as_str(), |x| x.name.as_str());
                        ui.label(format!("    under {name}: {}", number(*v)));
                    }
                    ui.label(RichText::new(&b.note).italics());
                }
                ui.separator();
                ui.label(RichText::new("Effects at the current settings").strong());
                let parts = contributions(s, &self.doc.settings.levers, o, t);
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
                        for c in parts {
                            let e = &s.effects[c.effect];
                            let lever = s
                                .levers
                                .iter()
                                .find(|l| l.id == e.lever)
                                .map_or(e.lever.as_str(), |l| l.name.as_str());
                            let mut lever_text = lever.to_owned();
                            if let Some(m) = &e.with {
                                let other = s
                                    .levers
                                    .iter()
                                    .find(|l| l.id == m.lever)
                                    .map_or(m.lever.as_str(), |l| l.name.as_str());
                                lever_text.push_str(&format!("\n× factor of {other}"));
                            }
                            ui.label(lever_text);
                            let applies = e.hypothesis.as_ref().map_or("all hypotheses".to_owned(), |h| {
                                s.hypotheses
                                    .iter()
                                    .find(|x| &x.id == h)
                                    .map_or(h.clone(), |x| x.name.clone())
                            });
                            ui.label(applies);
                            ui.label(RichText::new(format!("{:+}", number(c.value))).strong());
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
        self.assumptions = open.then_some((o, t));
    }
}
