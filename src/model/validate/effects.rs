//! Checks of baselines, curves and effects: every reference known, every number finite, every
//! effect with a note and a range around 1.

use super::{Collector, MAX_CURVE_POINTS};
use crate::model::scenario::{Curve, Scenario};
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
                    format!("{} points is more than the limit of {MAX_CURVE_POINTS}", points.len()),
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

pub(super) fn check_effects(
    c: &mut Collector,
    s: &Scenario,
    hyps: &BTreeSet<&str>,
    levers: &BTreeSet<&str>,
    outcomes: &BTreeSet<&str>,
    horizons: &BTreeSet<&str>,
) {
    for (i, e) in s.effects.iter().enumerate() {
        let p = |f: &str| format!("effects[{i}].{f}");
        c.known(&p("outcome"), &e.outcome, outcomes, "outcome");
        c.known(&p("horizon"), &e.horizon, horizons, "horizon");
        c.known(&p("lever"), &e.lever, levers, "lever");
        if let Some(h) = &e.hypothesis {
            c.known(&p("hypothesis"), h, hyps, "hypothesis");
        }
        check_curve(c, &p("curve"), &e.curve);
        if let Some(m) = &e.with {
            if c.known(&p("with.lever"), &m.lever, levers, "lever") && m.lever == e.lever {
                c.push(
                    p("with.lever"),
                    "an effect cannot be modulated by its own lever",
                    Some(format!("\"{}\"", m.lever)),
                );
            }
            check_curve(c, &p("with.factor"), &m.factor);
        }
        let (lo, hi) = e.range;
        if c.finite(&p("range"), lo) & c.finite(&p("range"), hi) && lo > hi {
            c.push(p("range"), format!("range low {lo} is above high {hi}"), None);
        }
        if e.note.trim().is_empty() {
            c.push(
                p("note"),
                "every effect needs a source or an \"assumption: ...\" note",
                None,
            );
        }
    }
}
