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
