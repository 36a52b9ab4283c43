//! The parts of an effect beyond its driver and size: its curve's controls (a slope, or points
//! on a small plot), its factor (`with`: a second driver that scales it, shaped the same way),
//! and whether its uncertainty is its own or shared with others (a named parameter).

use super::curve::{Part, curve_plot, with_point};
use super::fields::{choice, number};
use crate::model::draft::{Item, ScenarioEdit, driver_range};
use crate::model::scenario::{Curve, Driver, Scenario};
use crate::ui::ctx::{Command, ViewCtx};
use egui::RichText;

/// What may drive an effect or its factor: every lever (as set in each horizon, or as set for
/// one horizon), every outcome at every horizon.
pub(super) fn drivers(s: &Scenario) -> Vec<(String, Option<Driver>)> {
    // A lever as set for an earlier horizon acts later too (with more than one horizon).
    let set_for = (s.horizons.len() > 1).then(|| {
        s.levers.iter().flat_map(|l| {
            s.horizons.iter().map(move |h| {
                (
                    format!("{} as set for {}", l.name, h.name),
                    Some(Driver::LeverAt(l.id.clone(), h.id.clone())),
                )
            })
        })
    });
    (s.levers.iter())
        .map(|l| (l.name.clone(), Some(Driver::Lever(l.id.clone()))))
        .chain(set_for.into_iter().flatten())
        .chain(s.outcomes.iter().flat_map(|o| {
            s.horizons.iter().map(move |h| {
                (
                    format!("{}, {}", o.name, h.name),
                    Some(Driver::Outcome(o.id.clone(), h.id.clone())),
                )
            })
        }))
        .collect()
}

/// The slider step of the lever a driver reads (`None` for an outcome).
pub(super) fn step(s: &Scenario, d: Option<Driver>) -> Option<f64> {
    match d? {
        Driver::Lever(l) | Driver::LeverAt(l, _) => s.levers.iter().find(|x| x.id == l).map(|l| l.step),
        Driver::Outcome(..) => None,
    }
}

/// The buttons that turn a curve into points or a slope, its slope, or a point more.
pub(super) fn curve_buttons(
    ui: &mut egui::Ui,
    ctx: &mut ViewCtx<'_>,
    (e, name, part): (usize, &str, Part),
    curve: &Curve,
    (lo, hi): (f64, f64),
) {
    match curve {
        Curve::Linear(slope) => {
            ui.label("slope");
            number(ui, ctx, &format!("{name}: slope"), *slope, |x| {
                part.curve(e, Curve::Linear(x))
            });
            if ui
                .small_button("Use points")
                .accessible_name(format!("{name}: use points"))
                .on_hover_text("A curve through points you drag")
                .clicked()
            {
                let mid = f64::midpoint(lo, hi);
                let points = vec![(lo, slope * lo), (mid, slope * mid), (hi, slope * hi)];
                ctx.send(Command::EditScenario(part.curve(e, Curve::Points(points))));
            }
        }
        Curve::Points(points) => {
            if ui
                .small_button("Use a slope")
                .accessible_name(format!("{name}: use a slope"))
                .on_hover_text("A straight line through 0 with the slope from the first to the last point")
                .clicked()
            {
                let slope = match (points.first(), points.last()) {
                    (Some(a), Some(b)) if b.0 != a.0 => (b.1 - a.1) / (b.0 - a.0),
                    _ => 0.0,
                };
                ctx.send(Command::EditScenario(part.curve(e, Curve::Linear(slope))));
            }
            if ui
                .small_button("Add a point")
                .accessible_name(format!("{name}: add a point"))
                .on_hover_text("In the middle of the widest segment; right-click a point to remove it")
                .clicked()
            {
                ctx.send(Command::EditScenario(part.curve(e, Curve::Points(with_point(points)))));
            }
        }
    }
}

/// Effect `e`'s factor: the driver that scales it and the factor's curve, or a menu to add one.
pub(super) fn factor(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, s: &Scenario, e: usize, name: &str) {
    let fx = &s.effects[e];
    let own = fx.source();
    // An effect cannot be scaled by its own driver.
    let options: Vec<(String, Option<Driver>)> = drivers(s).into_iter().filter(|(_, d)| *d != own).collect();
    let Some(w) = &fx.with else {
        ui.menu_button("Scale it by a factor…", |ui| {
            ui.label(RichText::new("A second driver whose curve multiplies the effect (1 at first)").small());
            for (label, d) in &options {
                if let Some(d) = d
                    && ui.button(label).clicked()
                {
                    ctx.send(Command::EditScenario(ScenarioEdit::Factor(e, d.clone())));
                }
            }
        })
        .response
        .accessible_name(format!("{name}: add a factor"));
        return;
    };
    let fname = format!("{name}: factor");
    let range = w.source().map_or((0.0, 1.0), |d| driver_range(s, &d));
    ui.horizontal_wrapped(|ui| {
        ui.label("times a factor of");
        choice(ui, ctx, &format!("{fname} driver"), &w.source(), &options, |d| {
            ScenarioEdit::Factor(e, d.unwrap_or(Driver::Lever(String::new())))
        });
        curve_buttons(ui, ctx, (e, &fname, Part::Factor), &w.factor, range);
        if ui
            .small_button("Drop the factor")
            .accessible_name(format!("{name}: drop the factor"))
            .on_hover_text("The effect becomes its curve alone")
            .clicked()
        {
            ctx.send(Command::EditScenario(ScenarioEdit::DropFactor(e)));
        }
    });
    if let Curve::Points(points) = &w.factor {
        curve_plot(ui, ctx, (e, &fname, Part::Factor), points, (range, step(s, w.source())));
    }
}

/// Whether the uncertainty of an effect or baseline (`item`, `i`) is its own or a shared
/// parameter's, and a button to share it under a new one.
pub(super) fn uncertainty(
    ui: &mut egui::Ui,
    ctx: &mut ViewCtx<'_>,
    s: &Scenario,
    (item, i): (Item, usize),
    (name, now): (&str, &Option<String>),
) {
    let options: Vec<(String, Option<String>)> = std::iter::once(("its own".to_owned(), None))
        .chain(
            s.parameters
                .iter()
                .map(|p| (format!("shared: {}", p.name), Some(p.id.clone()))),
        )
        .collect();
    ui.label("uncertainty");
    choice(ui, ctx, &format!("{name}: shared parameter"), now, &options, |p| {
        ScenarioEdit::Share(item, i, p)
    });
    if ui
        .small_button("Share it…")
        .accessible_name(format!("{name}: new shared parameter"))
        .on_hover_text(
            "A new named uncertainty: effects that share it are drawn high or low together (name it under Sources)",
        )
        .clicked()
    {
        ctx.send(Command::EditScenario(ScenarioEdit::NewParameter(item, i)));
    }
}

#[cfg(test)]
mod tests {
    use super::drivers;
    use crate::model::scenario::{Driver, Scenario};

    /// Every driver a shipped case's effects and factors use is offered (a driver not in the
    /// list would show as "(none)", and choosing in that list would lose it).
    #[test]
    fn every_driver_the_shipped_cases_use_is_offered() {
        for c in crate::io::SHIPPED_SCENARIOS {
            let s: Scenario = ron::from_str(c.text).expect("parses");
            let offered: Vec<Option<Driver>> = drivers(&s).into_iter().map(|(_, d)| d).collect();
            for e in &s.effects {
                for d in
                    std::iter::once(e.source()).chain(e.with.as_ref().map(crate::model::scenario::Modulator::source))
                {
                    assert!(offered.contains(&d), "{}: {d:?}", c.id);
                }
            }
        }
        let madrid: Scenario =
            ron::from_str(crate::io::shipped_scenario_text("madrid-2004").expect("shipped")).expect("parses");
        assert!(
            madrid
                .effects
                .iter()
                .any(|e| matches!(e.source(), Some(Driver::LeverAt(..))))
        );
    }
}
