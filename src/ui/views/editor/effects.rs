//! The editor's baselines and effects, one outcome and horizon at a time: the baseline (its
//! value, range and note), then each effect on that cell (the hypothesis it holds under, its
//! driver, its curve as a slope or as points dragged on a small plot, its range, distribution
//! and note).

use super::curve::Part;
use super::fields::{choice, number, text};
use super::{EditorView, Focus, mark_if_focused, row_buttons};
use crate::model::draft::{Item, Number, ScenarioEdit, Text};
use crate::model::scenario::{Curve, Dist, Driver, Effect, Scenario};
use crate::ui::ctx::{Command, EditorShown, ViewCtx};
use egui::RichText;

/// The baseline and effects of the chosen outcome and horizon.
pub(super) fn cell(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, ed: EditorShown<'_>, view: &mut EditorView, focus: Focus) {
    let s = ed.draft.scenario();
    if s.outcomes.is_empty() || s.horizons.is_empty() {
        ui.label("Add an outcome and a horizon first.");
        return;
    }
    let (o, h) = (
        view.cell.0.min(s.outcomes.len() - 1),
        view.cell.1.min(s.horizons.len() - 1),
    );
    ui.horizontal_wrapped(|ui| {
        let l = ui.label("Outcome");
        egui::ComboBox::from_id_salt("editor-effects-outcome")
            .selected_text(&s.outcomes[o].name)
            .show_index(ui, &mut view.cell.0, s.outcomes.len(), |i| s.outcomes[i].name.clone())
            .labelled_by(l.id);
        let l = ui.label("Horizon");
        egui::ComboBox::from_id_salt("editor-effects-horizon")
            .selected_text(&s.horizons[h].name)
            .show_index(ui, &mut view.cell.1, s.horizons.len(), |i| s.horizons[i].name.clone())
            .labelled_by(l.id);
    });
    let (oid, hid) = (&s.outcomes[o].id, &s.horizons[h].id);
    ui.label(RichText::new(format!("Baseline ({}, with every lever at 0)", s.outcomes[o].unit)).strong());
    if let Some(b) = s.baselines.iter().position(|b| &b.outcome == oid && &b.horizon == hid) {
        let base = &s.baselines[b];
        let r = ui
            .horizontal_wrapped(|ui| {
                number(ui, ctx, "Baseline: value", base.value, |x| {
                    ScenarioEdit::Number(Item::Baseline, b, Number::Value, x)
                });
                // A multiplier of every level of the baseline, drawn once per sample.
                let (lo, hi) = base.range.unwrap_or((1.0, 1.0));
                ui.label("multiplier range");
                number(ui, ctx, "Baseline: low", lo, |x| {
                    ScenarioEdit::Number(Item::Baseline, b, Number::Low, x)
                });
                number(ui, ctx, "Baseline: high", hi, |x| {
                    ScenarioEdit::Number(Item::Baseline, b, Number::High, x)
                });
                ui.label("note");
                text(ui, ctx, ("Baseline: note", true), &base.note, |t| {
                    ScenarioEdit::Text(Item::Baseline, b, Text::Note, t)
                });
                if base.range.is_some() {
                    super::shape::uncertainty(ui, ctx, s, (Item::Baseline, b), ("Baseline", &base.parameter));
                }
            })
            .response;
        mark_if_focused(ui, &r, focus, (Item::Baseline, b));
        levels(ui, ctx, s, b);
    } else if ui.button("Add the baseline").clicked() {
        ctx.send(Command::EditScenario(ScenarioEdit::Add(Item::Baseline)));
    }
    ui.separator();
    ui.label(RichText::new("Effects").strong());
    let here: Vec<usize> = (0..s.effects.len())
        .filter(|&e| &s.effects[e].outcome == oid && &s.effects[e].horizon == hid)
        .collect();
    if here.is_empty() {
        ui.label("No effect changes this outcome at this horizon.");
    }
    for (k, &e) in here.iter().enumerate() {
        let r = ui.group(|ui| effect(ui, ctx, s, e, k + 1)).response;
        mark_if_focused(ui, &r, focus, (Item::Effect, e));
    }
    if ui.button("Add effect").clicked() {
        let e = s.effects.len();
        for edit in [
            ScenarioEdit::Add(Item::Effect),
            ScenarioEdit::Cell(Item::Effect, e, false, oid.clone()),
            ScenarioEdit::Cell(Item::Effect, e, true, hid.clone()),
        ] {
            ctx.send(Command::EditScenario(edit));
        }
    }
}

/// One effect, `k`th on its cell.
fn effect(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, s: &Scenario, e: usize, k: usize) {
    let fx = &s.effects[e];
    let name = format!("Effect {k}");
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(&name).strong());
        ui.label("under");
        let under: Vec<(String, Option<String>)> = std::iter::once(("every hypothesis".to_owned(), None))
            .chain(s.hypotheses.iter().map(|h| (h.name.clone(), Some(h.id.clone()))))
            .collect();
        choice(ui, ctx, &format!("{name}: under"), &fx.hypothesis, &under, |h| {
            ScenarioEdit::Under(e, h)
        });
        ui.label("driven by");
        // Not the effect's own outcome at its horizon: a cell cannot drive itself.
        let own = Some(Driver::Outcome(fx.outcome.clone(), fx.horizon.clone()));
        let drivers: Vec<_> = (super::shape::drivers(s).into_iter())
            .filter(|(_, d)| *d != own)
            .collect();
        choice(ui, ctx, &format!("{name}: driver"), &fx.source(), &drivers, |d| {
            ScenarioEdit::Driver(e, d.unwrap_or(Driver::Lever(String::new())))
        });
        row_buttons(ui, ctx, Item::Effect, e, &name);
    });
    ui.horizontal_wrapped(|ui| {
        super::shape::curve_buttons(ui, ctx, (e, &name, Part::Effect), &fx.curve, driver_range(s, fx));
        ui.label("multiplier range");
        number(ui, ctx, &format!("{name}: low"), fx.range.0, |x| {
            ScenarioEdit::Number(Item::Effect, e, Number::Low, x)
        });
        number(ui, ctx, &format!("{name}: high"), fx.range.1, |x| {
            ScenarioEdit::Number(Item::Effect, e, Number::High, x)
        });
        let dists = [
            ("Triangular".to_owned(), Dist::Triangular),
            ("Uniform".to_owned(), Dist::Uniform),
            ("PERT".to_owned(), Dist::Pert),
            ("Log-normal".to_owned(), Dist::LogNormal),
        ];
        choice(ui, ctx, &format!("{name}: distribution"), &fx.dist, &dists, |d| {
            ScenarioEdit::Dist(e, d)
        });
    });
    if let Curve::Points(points) = &fx.curve {
        let step = super::shape::step(s, fx.source());
        super::curve::curve_plot(ui, ctx, (e, &name, Part::Effect), points, (driver_range(s, fx), step));
    }
    conditions(ui, ctx, s, e, &name);
    ui.horizontal(|ui| {
        ui.label("source or assumption");
        text(ui, ctx, (&format!("{name}: note"), true), &fx.note, |t| {
            ScenarioEdit::Text(Item::Effect, e, Text::Note, t)
        });
    });
}

/// An effect's further conditions (`when`), whether its uncertainty is shared, and its factor
/// (`with`).
fn conditions(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, s: &Scenario, e: usize, name: &str) {
    let fx = &s.effects[e];
    ui.horizontal_wrapped(|ui| {
        let shown = if fx.when.is_empty() {
            "and nothing else".to_owned()
        } else {
            let names: Vec<&str> = (fx.when.iter())
                .map(|id| {
                    s.hypotheses
                        .iter()
                        .find(|h| &h.id == id)
                        .map_or(id.as_str(), |h| h.name.as_str())
                })
                .collect();
            format!("and when {}", names.join(" and "))
        };
        ui.label("holds");
        ui.menu_button(shown, |ui| {
            ui.label(RichText::new("Hypotheses that must hold as well (one per question)").small());
            for h in &s.hypotheses {
                let mut on = fx.when.contains(&h.id);
                if ui.checkbox(&mut on, &h.name).changed() {
                    let mut when: Vec<String> = fx.when.iter().filter(|x| **x != h.id).cloned().collect();
                    if on {
                        when.push(h.id.clone());
                    }
                    ctx.send(Command::EditScenario(ScenarioEdit::When(e, when)));
                }
            }
        })
        .response
        .accessible_name(format!("{name}: when"));
        super::shape::uncertainty(ui, ctx, s, (Item::Effect, e), (name, &fx.parameter));
    });
    super::shape::factor(ui, ctx, s, e, name);
}

/// A baseline's levels under particular hypotheses (its value elsewhere).
fn levels(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, s: &Scenario, b: usize) {
    let base = &s.baselines[b];
    ui.horizontal_wrapped(|ui| {
        for (h, x) in &base.by_hypothesis {
            let hname = s
                .hypotheses
                .iter()
                .find(|x| &x.id == h)
                .map_or(h.as_str(), |x| x.name.as_str());
            ui.label(format!("under {hname}"));
            let id = h.clone();
            number(ui, ctx, &format!("Baseline under {hname}"), *x, move |v| {
                ScenarioEdit::Level(b, id, Some(v))
            });
            if ui
                .small_button("x")
                .accessible_name(format!("Baseline under {hname}: remove"))
                .clicked()
            {
                ctx.send(Command::EditScenario(ScenarioEdit::Level(b, h.clone(), None)));
            }
        }
        ui.menu_button("Level under a hypothesis", |ui| {
            for h in s.hypotheses.iter().filter(|h| !base.by_hypothesis.contains_key(&h.id)) {
                if ui.button(&h.name).clicked() {
                    ctx.send(Command::EditScenario(ScenarioEdit::Level(
                        b,
                        h.id.clone(),
                        Some(base.value),
                    )));
                }
            }
        });
    });
}

/// The x range a curve is drawn over: the driving lever's range, or the driving outcome's
/// worst to best.
fn driver_range(s: &Scenario, fx: &Effect) -> (f64, f64) {
    fx.source()
        .map_or((0.0, 1.0), |d| crate::model::draft::driver_range(s, &d))
}
