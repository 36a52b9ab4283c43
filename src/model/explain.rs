//! What the numbers mean, in words: the verdict sentence and what drives the gap between two
//! policies, both generated from the analysis (never written by hand).

use crate::format::{fixed, number, percent};
use crate::model::evaluate::{Model, WeightError, expectation};
use crate::model::scenario::Scenario;
use crate::model::settings::Settings;
use crate::model::summary::Report;
use crate::model::units::Units;
use std::fmt::Write as _;

/// A utility difference said in the yardstick's units when there are any ("0.4 attacks a
/// year"), else on the utility scale ("0.012 of utility").
#[must_use]
pub fn in_units(units: Option<&Units>, du: f64) -> String {
    match units {
        Some(u) => amount(u.of_utility(du), &u.unit),
        None => format!("{} of utility", fixed(du, 4)),
    }
}

/// `x` of `unit`, with "/year" read as "a year": "0.4 attacks a year", "$1.2bn a year".
#[must_use]
pub fn amount(x: f64, unit: &str) -> String {
    let shown = number(x);
    match unit.strip_suffix("/year") {
        Some(stem) if stem.starts_with('$') => format!("{}{shown}{} a year", "$", &stem[1..]),
        Some(stem) => format!("{shown} {stem} a year"),
        None => format!("{shown} {unit}"),
    }
}

/// The candidate nearest the best that is a different policy (other lever values), if any.
#[must_use]
pub fn runner_up(report: &Report) -> Option<usize> {
    let a = &report.analysis;
    let c = &report.candidates;
    let best = &c.get(a.best)?.levers;
    // The current settings count only when they are not a named policy already.
    let current = report.current();
    let duplicate = (0..current).any(|p| c[p].levers == c[current].levers);
    (0..c.len())
        .filter(|&p| p != a.best && &c[p].levers != best && !(p == current && duplicate))
        .max_by(|&p, &q| a.expected_utility[p].total_cmp(&a.expected_utility[q]))
}

/// With several questions: what answering each is worth, all of them together, and which to
/// answer first ("Answering “How?” would be worth 0.4; “Why?”, 1.6; all of them, 1.9: answer
/// “Why?” first.").
fn answering(scenario: &Scenario, a: &crate::model::decision::Analysis, units: Option<&Units>) -> String {
    let mut order: Vec<usize> = (0..a.value_of_answering.len()).collect();
    order.sort_by(|&p, &q| {
        a.value_of_answering[q]
            .total_cmp(&a.value_of_answering[p])
            .then(p.cmp(&q))
    });
    let quoted = |q: usize| format!("\u{201c}{}\u{201d}", scenario.question_name(q));
    // Worth less than the last digit shown: no question is worth answering first.
    let shown_zero = |v: f64| units.map_or(v < 5e-5, |u| u.of_utility(v).abs() < 0.005);
    if shown_zero(a.evpi) {
        return format!(
            "Answering the questions would be worth almost nothing here (all of them, {}): no answer changes the choice by much.",
            in_units(units, a.evpi)
        );
    }
    let parts: Vec<String> = (order.iter().enumerate())
        .map(|(k, &q)| {
            let v = in_units(units, a.value_of_answering[q]);
            if k == 0 {
                format!("Answering {} would be worth {v}", quoted(q))
            } else {
                format!("{}, {v}", quoted(q))
            }
        })
        .collect();
    format!(
        "{}; all of them, {}: answer {} first.",
        parts.join("; "),
        in_units(units, a.evpi),
        quoted(order[0])
    )
}

/// The verdict in words: which policy is best for these beliefs and by how much, what learning
/// the motive is worth, and what belief would change the choice.
#[must_use]
pub fn verdict(scenario: &Scenario, report: &Report) -> Vec<String> {
    let a = &report.analysis;
    let units = report.units.as_ref().ok();
    let name = |p: usize| report.candidates.get(p).map_or("–", |c| c.name.as_str());
    let mut out = Vec::new();
    let first = match runner_up(report) {
        Some(r) => format!(
            "{} is best for these beliefs, ahead of {} by the equivalent of {}.",
            name(a.best),
            name(r),
            in_units(units, a.expected_utility[a.best] - a.expected_utility[r])
        ),
        None => format!("{} is best for these beliefs.", name(a.best)),
    };
    out.push(first);
    // Does the motive matter here? Only if another policy is best under some believed leaf.
    let believed: Vec<usize> = (0..a.n_leaves).filter(|&l| a.leaf_weights[l] > 0.0).collect();
    let same_everywhere = believed.iter().all(|&l| {
        let top = a.utility(a.best_by_leaf[l], l);
        (a.utility(a.best, l) - top).abs() <= 1e-12
    });
    let several = a.value_of_answering.len() > 1;
    if same_everywhere && several {
        out.push(format!(
            "No answer changes this choice: {} is best under every combination of answers you give any credence, so answering the questions is worth nothing here.",
            name(a.best)
        ));
    } else if same_everywhere {
        out.push(format!(
            "The motive does not matter for this choice: {} is best under every theory you give any credence, so learning why they attacked is worth nothing here.",
            name(a.best)
        ));
    } else if several {
        out.push(answering(scenario, a, units));
    } else {
        out.push(format!(
            "Learning the true motive would be worth {}.",
            in_units(units, a.evpi)
        ));
    }
    // The nearest flip of the best policy over the top-level theories, else over any theory
    // (a sub-theory alone may change the choice).
    let nearest_among = |top: bool| {
        a.flip_points
            .iter()
            .filter(move |f| {
                !top || scenario
                    .hypotheses
                    .get(f.hypothesis)
                    .is_some_and(|h| h.parent.is_none())
            })
            .flat_map(|f| [f.down, f.up].into_iter().flatten().map(move |to| (f, to)))
            .min_by(|(f, x), (g, y)| {
                (x.credence - f.credence)
                    .abs()
                    .total_cmp(&(y.credence - g.credence).abs())
            })
    };
    let nearest = nearest_among(true).or_else(|| nearest_among(false));
    out.push(match nearest {
        Some((f, to)) => {
            let h = &scenario.hypotheses[f.hypothesis].name;
            let verb = if to.credence > f.credence {
                "passes"
            } else {
                "falls below"
            };
            format!(
                "The choice changes if credence in \u{201c}{h}\u{201d} {verb} {} (now {}): then {} is best.",
                percent(to.credence),
                percent(f.credence),
                name(to.to)
            )
        }
        None => "No change in the credence of any one theory changes the choice.".to_owned(),
    });
    out
}

/// One outcome at one horizon's part in the gap between two policies.
#[derive(Debug, Clone, PartialEq)]
pub struct GapPart {
    /// Outcome index.
    pub outcome: usize,
    /// Horizon index.
    pub horizon: usize,
    /// Its part in `EU(first) - EU(second)`, in utility.
    pub utility: f64,
    /// The expected outcome level under each policy.
    pub levels: (f64, f64),
}

/// What drives the gap `EU(first) - EU(second)` between two lever settings: each weighted
/// outcome and horizon's part, `sum_h w_h omega_o tau_t (v_first - v_second) / W`. The parts
/// add up to the gap; sorted by size, largest first.
///
/// # Errors
/// Unusable credences or weights.
pub fn gap(model: &Model, settings: &Settings, first: &[f64], second: &[f64]) -> Result<Vec<GapPart>, WeightError> {
    let w = model.leaf_weights(&settings.credences)?;
    let taus = settings.taus(model);
    let total = model.weight_total(&settings.value_weights, &taus)?;
    let n = model.n_leaves() * model.cells();
    let (mut ya, mut yb) = (vec![0.0; n], vec![0.0; n]);
    model.evaluate_into(first, &mut ya);
    model.evaluate_into(second, &mut yb);
    let mut parts = Vec::new();
    for (o, &omega) in settings.value_weights.iter().enumerate() {
        for (t, &tau) in taus.iter().enumerate() {
            if omega == 0.0 || tau == 0.0 {
                continue;
            }
            let cell = model.cell(o, t);
            let dv = expectation(&w, |l| {
                model.normalised(o, ya[model.at(l, cell)]) - model.normalised(o, yb[model.at(l, cell)])
            });
            parts.push(GapPart {
                outcome: o,
                horizon: t,
                utility: omega * tau * dv / total,
                levels: (model.expected(&w, &ya, cell), model.expected(&w, &yb, cell)),
            });
        }
    }
    parts.sort_by(|a, b| b.utility.abs().total_cmp(&a.utility.abs()));
    Ok(parts)
}

/// What the Monte Carlo adds to the verdict: how often the best named policy stays best over
/// the samples of the effects' ranges and the motive, and which unknown is most worth
/// resolving. `None` when the best is not a named policy or nothing was sampled.
#[must_use]
pub fn uncertainty_sentence(
    scenario: &Scenario,
    report: &Report,
    study: &crate::model::uncertainty::Study,
) -> Option<String> {
    let best = report.analysis.best;
    let p = study.mc.policies.get(best)?.p_best_named?;
    let units = report.units.as_ref().ok();
    let name = &report.candidates.get(best)?.name;
    // Over the named policies, as the EVPI the verdict gives.
    let voi = &study.mc.voi_named;
    let top = (0..voi.parameters.len()).max_by(|&a, &b| voi.parameters[a].total_cmp(&voi.parameters[b]));
    let names = crate::model::uncertainty::unknowns(scenario);
    // With several questions, "the motive" is every question's answer together.
    let motive = if scenario.n_questions() > 1 {
        "the answers to the questions"
    } else {
        "the motive"
    };
    // Worth at least the last digit shown (0.005 of the yardstick, or 5e-5 of utility).
    let matters = |v: f64| units.map_or(v >= 5e-5, |u| u.of_utility(v).abs() >= 0.005);
    let worth = match top {
        Some(k) if voi.parameters[k] > voi.evppi_motive && matters(voi.parameters[k]) => format!(
            "here the answer depends more on {} (worth {} to learn) than on {motive} ({}): learn it first",
            names[k].name,
            in_units(units, voi.parameters[k]),
            in_units(units, voi.evppi_motive)
        ),
        _ if matters(voi.evppi_motive) => {
            let next = top
                .filter(|&k| matters(voi.parameters[k]))
                .map(|k| format!(", then {} ({})", names[k].name, in_units(units, voi.parameters[k])))
                .unwrap_or_default();
            format!(
                "among them the unknown most worth resolving is {motive} (worth {}{next})",
                in_units(units, voi.evppi_motive)
            )
        }
        _ => "among them no single unknown is worth resolving before choosing".to_owned(),
    };
    Some(format!(
        "Over {} samples of the effects' ranges and {motive}, {name} is the best named policy in {}; {worth}.",
        crate::format::count(study.mc.samples),
        percent(p)
    ))
}

/// What the evidence did to the credences, when they come from it: how many items are
/// observed and the top-level theories that rose and fell most, e.g. "With the 8 items
/// observed (the latest public on 20 Nov 2015), credence in "2. Always the plan" rose from
/// 17% to 32%, and in "1. They attack whatever we do" fell from 17% to 3%." `None` when
/// credences are set by hand or nothing is observed.
#[must_use]
pub fn evidence_sentence(scenario: &Scenario, model: &Model, settings: &Settings, report: &Report) -> Option<String> {
    use crate::model::evidence::Observation;
    let prior = settings.prior.as_ref()?;
    let observed: Vec<usize> = (0..settings.observed.len())
        .filter(|&i| settings.observed[i] != Observation::Open)
        .collect();
    if observed.is_empty() {
        return None;
    }
    let mut before = vec![0.0; model.parent().len()];
    model.hypothesis_weights(prior, &mut before).ok()?;
    let after = &report.analysis.hypothesis_weights;
    let change = |h: usize| after[h] - before[h];
    let rose = model
        .roots()
        .iter()
        .copied()
        .max_by(|&a, &b| change(a).total_cmp(&change(b)))?;
    let fell = model
        .roots()
        .iter()
        .copied()
        .min_by(|&a, &b| change(a).total_cmp(&change(b)))?;
    let last = observed
        .iter()
        .map(|&i| scenario.evidence[i].date.as_str())
        .max()
        .unwrap_or_default();
    let name = |h: usize| &scenario.hypotheses[h].name;
    let mut text = format!(
        "With the {} item{} of evidence observed (the latest public on {}), credence in {} rose from {} to {}",
        observed.len(),
        if observed.len() == 1 { "" } else { "s" },
        crate::format::day(last),
        name(rose),
        percent(before[rose]),
        percent(after[rose])
    );
    if fell != rose && change(fell) < -0.005 {
        let _ = write!(
            text,
            ", and in {} fell from {} to {}",
            name(fell),
            percent(before[fell]),
            percent(after[fell])
        );
    }
    text.push('.');
    Some(text)
}
