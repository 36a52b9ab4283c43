//! The assumptions behind one outcome number: its baseline and every effect on it, with the
//! effect's size now, its range and its source.

use crate::format::{number, signed};
use crate::model::scenario::{Curve, Driver, Scenario};
use crate::ui::ctx::{View, ViewCtx};
use crate::ui::widgets::short_horizon;
use egui::RichText;
use std::fmt::Write as _;

/// The assumptions window; open on an (outcome, horizon) pair or closed.
#[derive(Debug, Default)]
pub struct AssumptionsView {
    /// The outcome and horizon shown, if the window is open.
    pub open: Option<(usize, usize)>,
    /// The area the window stays inside (the results area), set by the shell.
    area: Option<egui::Rect>,
}

impl AssumptionsView {
    /// Open the window on an outcome and a horizon.
    pub fn show(&mut self, outcome: usize, horizon: usize) {
        self.open = Some((outcome, horizon));
    }

    /// Close the window.
    pub fn close(&mut self) {
        self.open = None;
    }

    /// Keep the window inside `area` (the results area, as drawn this frame).
    pub fn set_area(&mut self, area: egui::Rect) {
        self.area = Some(area);
    }
}

/// A lever setting: whole numbers without decimals.
fn setting(x: f64) -> String {
    if x.fract() == 0.0 { format!("{x:.0}") } else { number(x) }
}

/// "rises by" or "falls by" with the size of a change.
fn change(d: f64) -> String {
    if d > 0.0 {
        format!("rises by {}", number(d))
    } else {
        format!("falls by {}", number(-d))
    }
}

/// A curve as a sentence about the lever (`unit` is the lever's): "falls by 4.00 per 100
/// strikes/month up to 600, then flattens".
#[must_use]
pub fn describe(curve: &Curve, unit: &str) -> String {
    match curve {
        Curve::Linear(slope) if *slope == 0.0 => "no change at any setting".to_owned(),
        Curve::Linear(slope) => format!("{} per 1 {unit}", change(*slope)),
        Curve::Points(points) => {
            let Some(&(x0, y0)) = points.first() else {
                return "no change at any setting".to_owned();
            };
            let mut parts = vec![format!("{} at {} {unit}", signed(y0), setting(x0))];
            for w in points.windows(2) {
                let ((xa, ya), (xb, yb)) = (w[0], w[1]);
                let d = yb - ya;
                parts.push(if xb == xa {
                    format!("jumps to {} at {}", signed(yb), setting(xb))
                } else if d == 0.0 {
                    format!("stays there up to {}", setting(xb))
                } else {
                    format!(
                        "{} per 100 {unit} up to {} ({} there)",
                        change(d * 100.0 / (xb - xa)),
                        setting(xb),
                        signed(yb)
                    )
                });
            }
            parts.push("then flattens".to_owned());
            parts.join(", ")
        }
    }
}

/// What drives an effect, by name: a lever, or an outcome at a horizon.
fn driver_name(s: &Scenario, d: Option<&Driver>) -> String {
    match d {
        Some(Driver::Lever(id)) => s
            .lever_index(id)
            .map_or_else(|| id.clone(), |i| s.levers[i].name.clone()),
        Some(Driver::Outcome(o, t)) => {
            let o = s.outcome_index(o).map_or(o.as_str(), |i| s.outcomes[i].name.as_str());
            let t = s.horizon_index(t).map_or(t.as_str(), |i| s.horizons[i].name.as_str());
            format!("{o}, {}", short_horizon(t))
        }
        Some(Driver::LeverAt(id, t)) => {
            let l = s.lever_index(id).map_or(id.as_str(), |i| s.levers[i].name.as_str());
            let t = s.horizon_index(t).map_or(t.as_str(), |i| s.horizons[i].name.as_str());
            format!("{l} as set for the {}", short_horizon(t))
        }
        None => String::new(),
    }
}

/// The unit of an effect's driver.
fn driver_unit<'a>(s: &'a Scenario, d: Option<&Driver>) -> &'a str {
    match d {
        Some(Driver::Lever(id) | Driver::LeverAt(id, _)) => s.lever_index(id).map_or("", |i| s.levers[i].unit.as_str()),
        Some(Driver::Outcome(o, _)) => s.outcome_index(o).map_or("", |i| s.outcomes[i].unit.as_str()),
        None => "",
    }
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
        let levers = &ctx.settings().schedule(ctx.derived.model());
        let mut open = true;
        let mut window = egui::Window::new(format!("Assumptions: {}", out.name)).open(&mut open);
        if let Some(area) = self.area {
            // Inside the results area, never over the menu bar or the settings.
            window = window
                .constrain_to(area)
                .default_pos(area.left_top() + egui::vec2(12.0, 12.0));
        }
        window.default_width(640.0).vscroll(true).show(ui.ctx(), |ui| {
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
                // Every leaf whose baseline differs, its own or inherited from a parent.
                let model = ctx.derived.model();
                let cell = model.cell(o, t);
                for l in 0..model.n_leaves() {
                    let v = model.baseline(l, cell);
                    if v != b.value {
                        ui.label(format!("    under {}: {}", model.leaf_name(s, l), number(v)));
                    }
                }
                ui.label(baseline_range(s, b, &out.unit));
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
                        let driver = e.source();
                        let mut lever_text = driver_name(s, driver.as_ref());
                        if let Some(m) = &e.with {
                            let _ = write!(lever_text, "\n× factor of {}", driver_name(s, m.source().as_ref()));
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
                            ui.label(RichText::new(describe(&e.curve, driver_unit(s, driver.as_ref()))).small());
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

/// How well a baseline is known, in words and in the outcome's units.
fn baseline_range(s: &Scenario, b: &crate::model::scenario::Baseline, unit: &str) -> String {
    let Some((lo, hi)) = b.range.filter(|(lo, hi)| lo < hi) else {
        return "Certain: no range is given, so the Monte Carlo never varies it.".to_owned();
    };
    let shared = b.parameter.as_deref().map_or(String::new(), |id| {
        let name = s.parameters.iter().find(|q| q.id == id).map_or(id, |q| q.name.as_str());
        format!("; drawn with the parameter \"{name}\"")
    });
    format!(
        "Uncertain: every level times {} to {} ({}), here {} to {} {unit}{shared}.",
        number(lo),
        number(hi),
        b.dist.name(),
        number(lo * b.value),
        number(hi * b.value)
    )
}
