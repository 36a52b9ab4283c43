//! Consistency checks of a scenario: every problem is collected, not just the first.

mod effects;
mod evidence;
mod format2;
mod format3;

use crate::model::scenario::{Better, OLDEST_SCENARIO_FORMAT_VERSION, SCENARIO_FORMAT_VERSION, Scenario};
use effects::{Known, check_baselines, check_effects};
use format2::{check_numeraire, check_renamed, check_version_fields};
use format3::{check_baseline_ranges, check_questions, check_stages, check_version3_fields};
use std::collections::BTreeSet;

/// Most items of one kind (hypotheses, levers, ...) a scenario may hold; keeps evaluation
/// time and memory bounded whatever a file says.
const MAX_ITEMS: usize = 1_000;
/// Most effects a scenario may hold.
const MAX_EFFECTS: usize = 20_000;
/// Most (leaf hypothesis, outcome, horizon) values one evaluation may produce.
const MAX_LEAF_CELLS: usize = 100_000;
/// Most (leaf hypothesis, effect) applications one evaluation may make.
pub const MAX_EFFECT_WORK: usize = 2_000_000;
/// Most points one curve may hold.
pub const MAX_CURVE_POINTS: usize = 1_000;
/// Latest end of a horizon, in years after the attack.
pub const MAX_YEARS: f64 = 1_000.0;

/// One thing wrong with a scenario.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where in the scenario, e.g. `effects[3].lever`.
    pub path: String,
    /// What is wrong and what to do.
    pub message: String,
    /// Text to search for in the file to locate the problem, when there is a telling one.
    pub needle: Option<String>,
}

struct Collector(Vec<Problem>);

impl Collector {
    fn push(&mut self, path: impl Into<String>, message: impl Into<String>, needle: Option<String>) {
        self.0.push(Problem {
            path: path.into(),
            message: message.into(),
            needle,
        });
    }
    fn finite(&mut self, path: &str, x: f64) -> bool {
        if x.is_finite() {
            true
        } else {
            self.push(path, format!("{x} is not a finite number"), Some(non_finite_needle(x)));
            false
        }
    }
    fn known(&mut self, path: &str, id: &str, known: &BTreeSet<&str>, kind: &str) -> bool {
        if known.contains(id) {
            true
        } else {
            let list: Vec<&str> = known.iter().copied().collect();
            self.push(
                path,
                format!("unknown {kind} \"{id}\"; known: {}", list.join(", ")),
                Some(format!("\"{id}\"")),
            );
            false
        }
    }
}

fn non_finite_needle(x: f64) -> String {
    if x.is_nan() { "NaN" } else { "inf" }.to_owned()
}

fn unique_ids<'a>(c: &mut Collector, section: &str, ids: impl Iterator<Item = &'a str>) -> BTreeSet<&'a str> {
    let mut seen = BTreeSet::new();
    for (i, id) in ids.enumerate() {
        if id.trim().is_empty() {
            c.push(format!("{section}[{i}].id"), "the id is empty", None);
        } else if !seen.insert(id) {
            c.push(
                format!("{section}[{i}].id"),
                format!("the id \"{id}\" is used twice; ids must be unique"),
                Some(format!("\"{id}\"")),
            );
        }
    }
    seen
}

/// Check a scenario; an empty list means it is usable.
#[must_use]
pub fn validate(s: &Scenario) -> Vec<Problem> {
    let mut c = Collector(Vec::new());
    if !(OLDEST_SCENARIO_FORMAT_VERSION..=SCENARIO_FORMAT_VERSION).contains(&s.format_version) {
        c.push(
            "format_version",
            format!(
                "format version {} is not supported; this build reads versions {OLDEST_SCENARIO_FORMAT_VERSION} to {SCENARIO_FORMAT_VERSION}",
                s.format_version
            ),
            Some("format_version".into()),
        );
        return c.0;
    }
    check_version_fields(&mut c, s);
    check_version3_fields(&mut c, s);
    if s.id.trim().is_empty() {
        c.push(
            "id",
            "the scenario's id is empty; presets name their scenario by it",
            Some("id:".into()),
        );
    }
    for (section, n, max) in [
        ("questions", s.questions.len(), MAX_ITEMS),
        ("hypotheses", s.hypotheses.len(), MAX_ITEMS),
        ("levers", s.levers.len(), MAX_ITEMS),
        ("outcomes", s.outcomes.len(), MAX_ITEMS),
        ("horizons", s.horizons.len(), MAX_ITEMS),
        ("policies", s.policies.len(), MAX_ITEMS),
        ("baselines", s.baselines.len(), MAX_EFFECTS),
        ("effects", s.effects.len(), MAX_EFFECTS),
    ] {
        if n > max {
            c.push(
                section,
                format!("{n} entries is more than the limit of {max} ({} too many)", n - max),
                None,
            );
            return c.0;
        }
    }
    // Work per evaluation grows with leaves x cells and effects x leaves: bound both, so that
    // no valid file can make a slider move take seconds or the app's samples take gigabytes.
    let leaves = s.n_joint_leaves();
    let cells = s.outcomes.len() * s.horizons.len();
    if leaves.saturating_mul(cells) > MAX_LEAF_CELLS {
        c.push(
            "hypotheses",
            format!(
                "{leaves} {} x {cells} outcome-horizon pairs is {} values, more than the limit of {MAX_LEAF_CELLS} ({:.1} times it)",
                if s.n_questions() > 1 { "joint leaves (one answer to each question)" } else { "leaf hypotheses" },
                leaves * cells,
                (leaves * cells) as f64 / MAX_LEAF_CELLS as f64
            ),
            None,
        );
        return c.0;
    }
    if leaves.saturating_mul(s.effects.len() + s.baselines.len()) > MAX_EFFECT_WORK {
        c.push(
            "effects",
            format!(
                "{} effects and baselines under {leaves} leaf hypotheses is {} evaluations per policy, more than the limit of {MAX_EFFECT_WORK} ({:.1} times it)",
                s.effects.len() + s.baselines.len(),
                leaves * (s.effects.len() + s.baselines.len()),
                (leaves * (s.effects.len() + s.baselines.len())) as f64 / MAX_EFFECT_WORK as f64
            ),
            None,
        );
        return c.0;
    }
    for (section, n) in [
        ("hypotheses", s.hypotheses.len()),
        ("levers", s.levers.len()),
        ("outcomes", s.outcomes.len()),
        ("horizons", s.horizons.len()),
    ] {
        if n == 0 {
            c.push(
                section,
                format!("a scenario needs at least one entry in {section}"),
                None,
            );
        }
    }
    let hyps = unique_ids(&mut c, "hypotheses", s.hypotheses.iter().map(|h| h.id.as_str()));
    let levers = unique_ids(&mut c, "levers", s.levers.iter().map(|l| l.id.as_str()));
    let outcomes = unique_ids(&mut c, "outcomes", s.outcomes.iter().map(|o| o.id.as_str()));
    let horizons = unique_ids(&mut c, "horizons", s.horizons.iter().map(|h| h.id.as_str()));
    unique_ids(&mut c, "policies", s.policies.iter().map(|p| p.id.as_str()));

    check_hypotheses(&mut c, s, &hyps);
    check_questions(&mut c, s, &hyps);
    check_levers(&mut c, s);
    check_outcomes(&mut c, s);
    let mut end = 0.0;
    for (i, h) in s.horizons.iter().enumerate() {
        let path = format!("horizons[{i}].years");
        if !c.finite(&path, h.years) {
            continue;
        }
        if h.years <= 0.0 || h.years > MAX_YEARS {
            c.push(
                path,
                format!(
                    "{} years: a horizon must end after 0 and within {MAX_YEARS} years",
                    h.years
                ),
                Some(format!("\"{}\"", h.id)),
            );
        } else if s.horizon_weighting() == crate::model::scenario::HorizonWeighting::PerYear && h.years <= end {
            // Version 2 weighs the years a horizon covers: from the end of the one before.
            c.push(
                path,
                format!(
                    "horizon \"{}\" ends at {} years, not after the horizon before it ({end}); list horizons in time order",
                    h.id, h.years
                ),
                Some(format!("\"{}\"", h.id)),
            );
        }
        end = h.years;
    }
    check_baselines(&mut c, s, &hyps, &outcomes, &horizons);
    check_baseline_ranges(&mut c, s);
    let known = Known {
        hyps: &hyps,
        levers: &levers,
        outcomes: &outcomes,
        horizons: &horizons,
    };
    check_effects(&mut c, s, &known);
    check_stages(&mut c, s);
    effects::check_parameters(&mut c, s);
    evidence::check_evidence(&mut c, s, &hyps);
    check_numeraire(&mut c, s, &outcomes);
    check_renamed(&mut c, s);
    for (i, p) in s.policies.iter().enumerate() {
        for (id, &x) in &p.levers {
            let path = format!("policies[{i}].levers[\"{id}\"]");
            if c.known(&path, id, &levers, "lever")
                && c.finite(&path, x)
                && let Some(l) = s.levers.iter().find(|l| &l.id == id)
                // A lever whose own range is broken is reported once, above.
                && l.min < l.max
                && (x < l.min || x > l.max)
            {
                c.push(
                    path,
                    format!("{x} is outside the lever's range {} to {} {}", l.min, l.max, l.unit),
                    Some(format!("\"{id}\"")),
                );
            }
        }
    }
    c.0
}

fn check_hypotheses(c: &mut Collector, s: &Scenario, hyps: &BTreeSet<&str>) {
    let parents: std::collections::BTreeMap<&str, Option<&str>> = s
        .hypotheses
        .iter()
        .map(|h| (h.id.as_str(), h.parent.as_deref()))
        .collect();
    for (i, h) in s.hypotheses.iter().enumerate() {
        let path = format!("hypotheses[{i}].prior");
        if c.finite(&path, h.prior)
            && let Some(why) = crate::model::weights::weight_problem(h.prior)
        {
            c.push(path, format!("prior {why}"), Some(format!("\"{}\"", h.id)));
        }
        if let Some(parent) = &h.parent {
            let path = format!("hypotheses[{i}].parent");
            if parent == &h.id {
                c.push(
                    path,
                    format!("\"{}\" cannot be its own parent", h.id),
                    Some(format!("\"{parent}\"")),
                );
            } else if c.known(&path, parent, hyps, "hypothesis") {
                // Walk up; a chain longer than the list means a cycle.
                let mut at = parent.as_str();
                let mut steps = 0;
                while let Some(p) = parents.get(at).copied().flatten() {
                    steps += 1;
                    if p == h.id || steps > s.hypotheses.len() {
                        c.push(
                            path,
                            format!("\"{}\" is its own ancestor (a parent cycle)", h.id),
                            Some(format!("\"{parent}\"")),
                        );
                        break;
                    }
                    at = p;
                }
            }
        }
    }
    let roots_total: f64 = s
        .hypotheses
        .iter()
        .filter(|h| h.parent.is_none() && h.prior.is_finite() && h.prior > 0.0)
        .map(|h| h.prior)
        .sum();
    if !s.hypotheses.is_empty() && roots_total <= 0.0 {
        c.push(
            "hypotheses",
            "every top-level prior is zero; at least one must be positive",
            None,
        );
    }
}

fn check_levers(c: &mut Collector, s: &Scenario) {
    for (i, l) in s.levers.iter().enumerate() {
        let ok = [("min", l.min), ("max", l.max), ("step", l.step), ("default", l.default)]
            .into_iter()
            .all(|(f, x)| c.finite(&format!("levers[{i}].{f}"), x));
        if !ok {
            continue;
        }
        if l.min >= l.max {
            c.push(
                format!("levers[{i}].min"),
                format!("min {} must be below max {}", l.min, l.max),
                Some(format!("\"{}\"", l.id)),
            );
        } else if l.default < l.min || l.default > l.max {
            c.push(
                format!("levers[{i}].default"),
                format!("default {} is outside min {} to max {}", l.default, l.min, l.max),
                Some(format!("\"{}\"", l.id)),
            );
        }
        if l.step <= 0.0 {
            c.push(
                format!("levers[{i}].step"),
                format!("step {} must be above 0", l.step),
                Some(format!("\"{}\"", l.id)),
            );
        }
    }
}

fn check_outcomes(c: &mut Collector, s: &Scenario) {
    for (i, o) in s.outcomes.iter().enumerate() {
        if !(c.finite(&format!("outcomes[{i}].worst"), o.worst) & c.finite(&format!("outcomes[{i}].best"), o.best)) {
            continue;
        }
        let needle = Some(format!("\"{}\"", o.id));
        match o.better {
            Better::Higher if o.best <= o.worst => c.push(
                format!("outcomes[{i}]"),
                format!(
                    "better is Higher, so best ({}) must be above worst ({})",
                    o.best, o.worst
                ),
                needle.clone(),
            ),
            Better::Lower if o.best >= o.worst => c.push(
                format!("outcomes[{i}]"),
                format!(
                    "better is Lower, so best ({}) must be below worst ({})",
                    o.best, o.worst
                ),
                needle.clone(),
            ),
            _ => {}
        }
        let (lo, hi) = (o.limits.min, o.limits.max);
        for (f, x) in [("min", lo), ("max", hi)] {
            if let Some(x) = x {
                c.finite(&format!("outcomes[{i}].limits.{f}"), x);
            }
        }
        if let (Some(lo), Some(hi)) = (lo, hi)
            && lo > hi
        {
            c.push(
                format!("outcomes[{i}].limits"),
                format!("limit min {lo} is above limit max {hi}"),
                needle,
            );
        }
    }
}
