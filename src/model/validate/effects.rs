//! Checks of baselines, curves and effects: every reference known, every number finite, every
//! effect with a note and a range around 1.

use super::{Collector, MAX_CURVE_POINTS};
use crate::model::evaluate::{Input, cell_index, dependency_order};
use crate::model::scenario::{Curve, Driver, Scenario};
use std::collections::BTreeSet;
pub(super) fn check_baselines(
    c: &mut Collector,
    s: &Scenario,
    hyps: &BTreeSet<&str>,
    outcomes: &BTreeSet<&str>,
    horizons: &BTreeSet<&str>,
) {
    let mut seen = BTreeSet::new();
    for (i, b) in s.baselines.iter().enumerate() {
        let known = c.known(&format!("baselines[{i}].outcome"), &b.outcome, outcomes, "outcome")
            & c.known(&format!("baselines[{i}].horizon"), &b.horizon, horizons, "horizon");
        c.finite(&format!("baselines[{i}].value"), b.value);
        for (h, &x) in &b.by_hypothesis {
            let path = format!("baselines[{i}].by_hypothesis[\"{h}\"]");
            c.known(&path, h, hyps, "hypothesis");
            c.finite(&path, x);
        }
        if known && !seen.insert((b.outcome.as_str(), b.horizon.as_str())) {
            c.push(
                format!("baselines[{i}]"),
                format!(
                    "a second baseline for outcome \"{}\" at horizon \"{}\"",
                    b.outcome, b.horizon
                ),
                Some(format!("\"{}\"", b.outcome)),
            );
        }
    }
    for o in &s.outcomes {
        for h in &s.horizons {
            if !seen.contains(&(o.id.as_str(), h.id.as_str())) {
                c.push(
                    "baselines",
                    format!("no baseline for outcome \"{}\" at horizon \"{}\"; add one", o.id, h.id),
                    None,
                );
            }
        }
    }
}

fn check_curve(c: &mut Collector, path: &str, curve: &Curve) {
    match curve {
        Curve::Linear(slope) => {
            c.finite(path, *slope);
        }
        Curve::Points(points) => {
            if points.is_empty() {
                c.push(path, "a Points curve needs at least one point", None);
            } else if points.len() > MAX_CURVE_POINTS {
                c.push(
                    path,
                    format!(
                        "{} points is more than the limit of {MAX_CURVE_POINTS} ({} too many)",
                        points.len(),
                        points.len() - MAX_CURVE_POINTS
                    ),
                    None,
                );
            } else if points.iter().all(|&(x, y)| c.finite(path, x) & c.finite(path, y))
                && points.windows(2).any(|w| w[1].0 < w[0].0)
            {
                c.push(path, "points must be sorted by lever value (x)", None);
            }
        }
    }
}

/// Check one driver: known ids, of the kind the file's version allows. Returns its cell when
/// it is an outcome.
fn check_driver(
    c: &mut Collector,
    path: &str,
    s: &Scenario,
    lever: Option<&String>,
    driver: Option<&Driver>,
    known: &Known<'_>,
) -> Option<Input> {
    let v2 = s.format_version >= 2;
    match (lever, driver) {
        (Some(_), Some(_)) => {
            c.push(path, "give either lever or driver, not both", Some("driver".into()));
            None
        }
        (None, None) => {
            let what = if v2 {
                "driver: Lever(\"...\") or driver: Outcome(\"...\", \"...\")"
            } else {
                "lever"
            };
            c.push(path, format!("no driver: add {what}"), None);
            None
        }
        (Some(l), None) => {
            if v2 {
                c.push(
                    format!("{path}.lever"),
                    format!("in format version 2 write driver: Lever(\"{l}\") instead of lever"),
                    Some("lever".into()),
                );
            }
            c.known(&format!("{path}.lever"), l, known.levers, "lever")
                .then(|| Input::Lever(s.lever_index(l).unwrap_or(0), usize::MAX))
        }
        (None, Some(d)) => {
            if !v2 {
                c.push(
                    format!("{path}.driver"),
                    "driver is a format version 2 field; this file says format_version: 1 (write lever, or move the file to version 2)",
                    Some("driver".into()),
                );
            }
            match d {
                Driver::Lever(l) => c
                    .known(&format!("{path}.driver"), l, known.levers, "lever")
                    .then(|| Input::Lever(s.lever_index(l).unwrap_or(0), usize::MAX)),
                Driver::LeverAt(l, t) => {
                    let ok = c.known(&format!("{path}.driver"), l, known.levers, "lever")
                        & c.known(&format!("{path}.driver"), t, known.horizons, "horizon");
                    // Told apart from the lever read at the effect's own horizon by its slot.
                    ok.then(|| Input::Lever(s.lever_index(l).unwrap_or(0), s.horizon_index(t).unwrap_or(0)))
                }
                Driver::Outcome(o, t) => {
                    let ok = c.known(&format!("{path}.driver"), o, known.outcomes, "outcome")
                        & c.known(&format!("{path}.driver"), t, known.horizons, "horizon");
                    ok.then(|| {
                        let (o, t) = (s.outcome_index(o).unwrap_or(0), s.horizon_index(t).unwrap_or(0));
                        Input::Cell(cell_index(s.horizons.len(), o, t))
                    })
                }
            }
        }
    }
}

/// The ids effects may name.
pub(super) struct Known<'a> {
    pub hyps: &'a BTreeSet<&'a str>,
    pub levers: &'a BTreeSet<&'a str>,
    pub outcomes: &'a BTreeSet<&'a str>,
    pub horizons: &'a BTreeSet<&'a str>,
}

pub(super) fn check_effects(c: &mut Collector, s: &Scenario, known: &Known<'_>) {
    // (driver cell, target cell, effect) for the cycle check.
    let mut edges = Vec::new();
    for (i, e) in s.effects.iter().enumerate() {
        let p = |f: &str| format!("effects[{i}].{f}");
        let target = c.known(&p("outcome"), &e.outcome, known.outcomes, "outcome")
            & c.known(&p("horizon"), &e.horizon, known.horizons, "horizon");
        let target = target.then(|| {
            let (o, t) = (
                s.outcome_index(&e.outcome).unwrap_or(0),
                s.horizon_index(&e.horizon).unwrap_or(0),
            );
            cell_index(s.horizons.len(), o, t)
        });
        let driver = check_driver(
            c,
            &format!("effects[{i}]"),
            s,
            e.lever.as_ref(),
            e.driver.as_ref(),
            known,
        );
        if let Some(h) = &e.hypothesis {
            c.known(&p("hypothesis"), h, known.hyps, "hypothesis");
        }
        check_curve(c, &p("curve"), &e.curve);
        let mut inputs = vec![driver];
        if let Some(m) = &e.with {
            let with = check_driver(c, &p("with"), s, m.lever.as_ref(), m.driver.as_ref(), known);
            if with.is_some() && with == driver {
                c.push(
                    p("with"),
                    "an effect cannot be modulated by its own driver",
                    Some("with".into()),
                );
            }
            inputs.push(with);
            check_curve(c, &p("with.factor"), &m.factor);
        }
        if let Some(target) = target {
            for input in inputs.into_iter().flatten() {
                if let Input::Cell(from) = input {
                    if from == target {
                        c.push(
                            p("driver"),
                            format!("outcome \"{}\" at \"{}\" cannot drive itself", e.outcome, e.horizon),
                            Some("Outcome(".into()),
                        );
                    } else {
                        edges.push((from, target, i));
                    }
                }
            }
        }
        let (lo, hi) = e.range;
        if c.finite(&p("range"), lo) & c.finite(&p("range"), hi) {
            if lo > hi {
                c.push(p("range"), format!("range low {lo} is above high {hi}"), None);
            } else if let Some(why) = e.dist.misfit(e.range) {
                c.push(
                    p("dist"),
                    why,
                    (e.dist != crate::model::scenario::Dist::Triangular).then(|| e.dist.name().to_owned()),
                );
            }
        }
        if let Some(id) = &e.parameter
            && !s.parameters.iter().any(|q| &q.id == id)
        {
            c.push(
                p("parameter"),
                format!("unknown parameter \"{id}\"; list it in the scenario's parameters"),
                Some(format!("\"{id}\"")),
            );
        }
        if e.note.trim().is_empty() {
            c.push(
                p("note"),
                "every effect needs a source or an \"assumption: ...\" note",
                None,
            );
        }
    }
    check_cycles(c, s, &edges);
}

/// Named parameters: unique ids, each shared by at least one effect or baseline.
pub(super) fn check_parameters(c: &mut Collector, s: &Scenario) {
    let mut seen = BTreeSet::new();
    for (i, q) in s.parameters.iter().enumerate() {
        if q.id.trim().is_empty() {
            c.push(format!("parameters[{i}].id"), "a parameter needs an id", None);
        } else if !seen.insert(q.id.as_str()) {
            c.push(
                format!("parameters[{i}].id"),
                format!("a second parameter with id \"{}\"", q.id),
                Some(format!("\"{}\"", q.id)),
            );
        } else if !s.effects.iter().any(|e| e.parameter.as_ref() == Some(&q.id))
            && !s.baselines.iter().any(|b| b.parameter.as_ref() == Some(&q.id))
        {
            c.push(
                format!("parameters[{i}]"),
                format!(
                    "no effect or baseline shares parameter \"{}\"; give it to one or remove it",
                    q.id
                ),
                Some(format!("\"{}\"", q.id)),
            );
        }
    }
}

/// Outcomes that drive each other in a circle cannot be evaluated: name the cells of a cycle
/// and point at an effect in it.
fn check_cycles(c: &mut Collector, s: &Scenario, edges: &[(usize, usize, usize)]) {
    let cells = s.outcomes.len() * s.horizons.len();
    let pairs: Vec<(usize, usize)> = edges.iter().map(|&(a, b, _)| (a, b)).collect();
    let (_, cycle) = dependency_order(cells, &pairs);
    if cycle.is_empty() {
        return;
    }
    let nh = s.horizons.len().max(1);
    let name = |cell: usize| format!("{}/{}", s.outcomes[cell / nh].id, s.horizons[cell % nh].id);
    // The cycle lists each cell before the one it reads: say it in driving order.
    let mut driving: Vec<usize> = cycle.iter().rev().copied().collect();
    driving.push(driving[0]);
    let names: Vec<String> = driving.iter().map(|&cell| name(cell)).collect();
    // An effect on the cycle: it targets the second cell and reads the first.
    let effect = edges
        .iter()
        .find(|&&(from, to, _)| from == driving[0] && to == driving[1])
        .map_or(0, |e| e.2);
    c.push(
        format!("effects[{effect}].driver"),
        format!(
            "these outcomes drive each other in a cycle, which cannot be evaluated: {}",
            names.join(" drives ")
        ),
        Some("Outcome(".into()),
    );
}
