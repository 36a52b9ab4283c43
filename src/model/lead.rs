//! Where the verdict's answer comes from: the parts of the best candidate's lead over the
//! runner-up by outcome and horizon, and the value weights at which another candidate would be
//! best ("values flip points", beside the credence flip points).
//!
//! A candidate's utility is `sum_o omega_o a_o / W` with `a_o = sum_t tau_t E_w[v_o,t]` (its
//! expected values under the leaf weights `w`) and `W = sum omega tau` common to every
//! candidate, so the ranking is linear in any one weight `omega_o`: candidate `q` overtakes the
//! best `b` where `N_q - N_b + (x - omega_o)(a_q,o - a_b,o) = 0`, `N = sum_o omega_o a_o`.

use crate::model::decision::Candidate;
use crate::model::evaluate::{Model, WeightError, expectation};
use crate::model::explain::{GapPart, gap, runner_up};
use crate::model::scenario::Scenario;
use crate::model::settings::Settings;
use crate::model::summary::Report;

/// The best candidate, the runner-up and the parts of the lead (largest first), or `None` when
/// there is no runner-up.
///
/// # Errors
/// Unusable credences or weights.
pub fn lead_parts(
    model: &Model,
    settings: &Settings,
    report: &Report,
) -> Result<Option<(usize, usize, Vec<GapPart>)>, WeightError> {
    let Some(r) = runner_up(report) else { return Ok(None) };
    let best = report.analysis.best;
    let parts = gap(
        model,
        settings,
        &report.candidates[best].levers,
        &report.candidates[r].levers,
    )?;
    Ok(Some((best, r, parts)))
}

/// Where the best candidate changes as one outcome's value weight moves, the others fixed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ValueFlip {
    /// Outcome index.
    pub outcome: usize,
    /// Its value weight now.
    pub weight: f64,
    /// The nearest weight below the present one at which another candidate is best, and it.
    pub down: Option<(f64, usize)>,
    /// The nearest weight above it, and the candidate.
    pub up: Option<(f64, usize)>,
}

impl ValueFlip {
    /// The nearer of the two flips, if any.
    #[must_use]
    pub fn nearest(&self) -> Option<(f64, usize)> {
        match (self.down, self.up) {
            (Some(d), Some(u)) => Some(if self.weight - d.0 <= u.0 - self.weight { d } else { u }),
            (d, u) => d.or(u),
        }
    }
}

/// Each candidate's `a_o = sum_t tau_t E_w[v_o,t]`, `[candidate][outcome]`.
fn weighted_values(model: &Model, settings: &Settings, candidates: &[Candidate]) -> Result<Vec<Vec<f64>>, WeightError> {
    let w = model.leaf_weights(&settings.credences)?;
    let taus = settings.taus(model);
    let mut y = vec![0.0; model.n_leaves() * model.cells()];
    Ok(candidates
        .iter()
        .map(|c| {
            model.evaluate_into(&c.levers, &mut y);
            (0..model.n_outcomes())
                .map(|o| {
                    (taus.iter().enumerate())
                        .map(|(t, tau)| {
                            tau * expectation(&w, |l| model.normalised(o, y[model.at(l, model.cell(o, t))]))
                        })
                        .sum()
                })
                .collect()
        })
        .collect())
}

/// The value flip of every outcome for `candidates`, `best` the best of them at the present
/// weights. A flip lies at a weight of 0 or more; at it the candidate that overtakes first is
/// best (the first of them on a tie).
///
/// # Errors
/// Unusable credences or weights.
pub fn value_flips(
    model: &Model,
    settings: &Settings,
    candidates: &[Candidate],
    best: usize,
) -> Result<Vec<ValueFlip>, WeightError> {
    let a = weighted_values(model, settings, candidates)?;
    let omega = &settings.value_weights;
    let n: Vec<f64> = a
        .iter()
        .map(|ap| ap.iter().zip(omega).map(|(x, w)| x * w).sum())
        .collect();
    Ok((0..omega.len())
        .map(|o| {
            let mut flip = ValueFlip {
                outcome: o,
                weight: omega[o],
                down: None,
                up: None,
            };
            for q in (0..candidates.len()).filter(|&q| q != best) {
                let (d0, slope) = (n[q] - n[best], a[q][o] - a[best][o]);
                if slope.abs() < 1e-12 || d0 > 0.0 {
                    continue;
                }
                let x = omega[o] - d0 / slope;
                if x < 0.0 || (x - omega[o]).abs() < 1e-12 {
                    continue;
                }
                let side = if x > omega[o] { &mut flip.up } else { &mut flip.down };
                if side.is_none_or(|(y, _)| (x - omega[o]).abs() < (y - omega[o]).abs() - 1e-12) {
                    *side = Some((x, q));
                }
            }
            flip
        })
        .collect())
}

/// The largest parts of the lead, by outcome (its horizons added), in the yardstick's units (or
/// utility): "Where its lead of 18.8 attacks a year comes from: for it, “Civilian deaths from
/// coalition action” +20.4 and “Cost of the response” +7.2; against it, “Civilians killed by
/// ISIS where it rules” -6.4." Up to three parts for and two against, each at least a twentieth
/// of the largest; `None` without a runner-up or a lead.
#[must_use]
pub fn parts_sentence(scenario: &Scenario, report: &Report, parts: &[GapPart]) -> Option<String> {
    let units = report.units.as_ref().ok();
    let mut by_outcome = vec![0.0; scenario.outcomes.len()];
    for p in parts {
        by_outcome[p.outcome] += p.utility;
    }
    let size = |du: f64| units.map_or(du, |u| u.of_utility(du));
    let lead: f64 = by_outcome.iter().sum();
    let largest = by_outcome.iter().fold(0.0_f64, |m, &x| m.max(x.abs()));
    if lead <= 0.0 || largest <= 0.0 {
        return None;
    }
    let mut order: Vec<usize> = (0..by_outcome.len())
        .filter(|&o| by_outcome[o].abs() >= largest / 20.0)
        .collect();
    order.sort_by(|&a, &b| by_outcome[b].abs().total_cmp(&by_outcome[a].abs()));
    let said = |o: usize| {
        format!(
            "\u{201c}{}\u{201d} {}",
            scenario.outcomes[o].name,
            crate::format::signed(size(by_outcome[o]))
        )
    };
    let list = |items: Vec<String>| match items.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    };
    let pros: Vec<String> = order
        .iter()
        .filter(|&&o| by_outcome[o] > 0.0)
        .take(3)
        .map(|&o| said(o))
        .collect();
    let cons: Vec<String> = order
        .iter()
        .filter(|&&o| by_outcome[o] < 0.0)
        .take(2)
        .map(|&o| said(o))
        .collect();
    let mut text = format!(
        "Where its lead of {} comes from: for it, {}",
        crate::model::explain::in_units(units, lead),
        list(pros)
    );
    if !cons.is_empty() {
        text.push_str("; against it, ");
        text.push_str(&list(cons));
    }
    text.push('.');
    Some(text)
}

/// The values flip point nearest the present weights, relative to each weight (an end's weight
/// of 0 is not moved): "Values flip point: with each “Civilians killed by ISIS where it rules”
/// worth 0.0402 attacks instead of 0.01 (weight 4.02 instead of 1), The 2015 middle course
/// would be best." For the yardstick itself the weight alone is said. `None` if no single
/// weight changes the choice.
#[must_use]
pub fn values_flip_sentence(scenario: &Scenario, report: &Report, flips: &[ValueFlip]) -> Option<String> {
    let ratio = |f: &ValueFlip| f.nearest().map(|(x, _)| (x.max(1e-12) / f.weight).ln().abs());
    let f = flips
        .iter()
        .filter(|f| f.weight > 0.0 && f.nearest().is_some())
        .min_by(|a, b| {
            ratio(a)
                .unwrap_or(f64::INFINITY)
                .total_cmp(&ratio(b).unwrap_or(f64::INFINITY))
        })?;
    let (x, to) = f.nearest()?;
    let policy = &report.candidates.get(to)?.name;
    let name = &scenario.outcomes[f.outcome].name;
    let weights = format!(
        "weight {} instead of {}",
        crate::format::significant(x, 3),
        crate::format::significant(f.weight, 3)
    );
    Some(match report.units.as_ref().ok() {
        Some(u) if u.numeraire != f.outcome => {
            let stem = u.unit.strip_suffix("/year").unwrap_or(&u.unit);
            let rate = u.rates[f.outcome];
            // "$bn" reads "$0.0441bn"; other units follow the number.
            let worth = |r: f64| match stem.strip_prefix('$') {
                Some(rest) => format!("${}{rest}", crate::format::significant(r, 3)),
                None => format!("{} {stem}", crate::format::significant(r, 3)),
            };
            format!(
                "Values flip point: with each \u{201c}{name}\u{201d} worth {} instead of {} ({weights}), {policy} would be best.",
                worth(rate * x / f.weight),
                worth(rate)
            )
        }
        _ => format!(
            "Values flip point: with \u{201c}{name}\u{201d} at {weights} against the other outcomes, {policy} would be best."
        ),
    })
}

/// How the user's own settings compare with the best: "Your settings (The 2015 middle course,
/// continued): 18.8 attacks a year worse than the best." `None` when they are the best.
#[must_use]
pub fn your_settings_sentence(report: &Report) -> Option<String> {
    let a = &report.analysis;
    let current = report.current();
    let c = &report.candidates;
    if current == a.best || c.get(current)?.levers == c.get(a.best)?.levers {
        return None;
    }
    let same = (0..current).find(|&p| c[p].levers == c[current].levers);
    let label = same.map_or_else(
        || "Your settings".to_owned(),
        |p| format!("Your settings ({})", c[p].name),
    );
    Some(format!(
        "{label}: {} worse than the best.",
        crate::model::explain::in_units(
            report.units.as_ref().ok(),
            a.expected_utility[a.best] - a.expected_utility[current]
        )
    ))
}

/// The verdict's sentences on where the answer comes from: the lead's parts, the nearest values
/// flip point and the user's settings against the best.
#[must_use]
pub fn lead_sentences(scenario: &Scenario, model: &Model, settings: &Settings, report: &Report) -> Vec<String> {
    let mut out = Vec::new();
    if let Ok(Some((_, _, parts))) = lead_parts(model, settings, report) {
        out.extend(parts_sentence(scenario, report, &parts));
    }
    if let Ok(flips) = value_flips(model, settings, &report.candidates, report.analysis.best) {
        out.extend(values_flip_sentence(scenario, report, &flips));
    }
    out.extend(your_settings_sentence(report));
    out
}
