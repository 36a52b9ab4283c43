//! Optimised settings: the lever values on the levers' steps with the highest expected utility,
//! or with the least maximum regret across the believed leaves, by a deterministic pattern
//! search started from every candidate given.
//!
//! A pattern search (compass search) rather than a general optimiser: the levers move on a
//! grid of steps, the utility is piecewise linear in them (curves are straight lines between
//! points), and every evaluation is exact and cheap, so trying each lever a stride up and down
//! and halving the stride when nothing improves finds a grid point that no single-lever move
//! improves, from each start. Starting from every named policy keeps it out of the poorest
//! local optima.

use crate::model::evaluate::Model;
use crate::model::scenario::Scenario;

/// What the search maximises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Objective {
    /// Expected utility at the current credences.
    ExpectedUtility,
    /// Minus the largest regret over leaves with positive credence, regret counted against the
    /// best of the given candidates and the settings themselves under each leaf.
    MinimaxRegret,
}

/// Grid points a lever without a usable step is divided into.
const DEFAULT_DIVISIONS: f64 = 100.0;

struct Grid {
    min: Vec<f64>,
    step: Vec<f64>,
    points: Vec<i64>,
}

impl Grid {
    /// The levers' grid, repeated for each of `horizons` stages (1: one value per lever).
    fn new(scenario: &Scenario, horizons: usize) -> Self {
        let mut g = Grid {
            min: Vec::new(),
            step: Vec::new(),
            points: Vec::new(),
        };
        for l in (0..horizons).flat_map(|_| &scenario.levers) {
            let span = (l.max - l.min).max(0.0);
            let step = if l.step > 0.0 && span / l.step <= 10_000.0 {
                l.step
            } else {
                span / DEFAULT_DIVISIONS
            };
            let points = if step > 0.0 { (span / step).floor() as i64 } else { 0 };
            g.min.push(l.min);
            g.step.push(step);
            g.points.push(points);
        }
        g
    }
    /// The grid point nearest `levers`: plain values or a schedule, read in every stage of the
    /// grid (a schedule on a plain grid starts from its first horizon's values).
    fn snap(&self, levers: &[f64], n_levers: usize) -> Vec<i64> {
        (0..self.step.len())
            .map(|slot| crate::model::evaluate::Input::read_lever(slot % n_levers.max(1), slot, levers))
            .enumerate()
            .map(|(i, x)| {
                if self.step[i] > 0.0 {
                    (((x - self.min[i]) / self.step[i]).round() as i64).clamp(0, self.points[i])
                } else {
                    0
                }
            })
            .collect()
    }
    fn levers(&self, k: &[i64]) -> Vec<f64> {
        k.iter()
            .enumerate()
            .map(|(i, &k)| self.min[i] + k as f64 * self.step[i])
            .collect()
    }
}

/// The best lever settings found for `objective`, on the levers' steps. `starts` are the
/// candidates' lever values (every search starts from each, and regret is counted against
/// them), `w` the leaf weights, `values` and `horizons` the weights; the search stops after
/// `max_evaluations` evaluations over all starts (see [`super::Budget`]). Returns the levers
/// and the objective's value there; `None` when the weights cannot be used or there is no
/// start.
#[must_use]
pub fn optimise(
    scenario: &Scenario,
    model: &Model,
    starts: &[&[f64]],
    (w, values, horizons): (&[f64], &[f64], &[f64]),
    (objective, max_evaluations, staged): (Objective, usize, bool),
) -> Option<(Vec<f64>, f64)> {
    let total = model.weight_total(values, horizons).ok()?;
    let leaves = model.n_leaves();
    let mut buf = vec![0.0; leaves * model.cells()];
    let mut u = vec![0.0; leaves];
    let mut utilities = |levers: &[f64], u: &mut [f64]| {
        model.evaluate_into(levers, &mut buf);
        model.utilities_into(&buf, values, horizons, total, u);
    };
    let mut top = vec![f64::NEG_INFINITY; leaves];
    for s in starts {
        utilities(s, &mut u);
        for (t, x) in top.iter_mut().zip(&u) {
            *t = t.max(*x);
        }
    }
    // Staged: one value per lever and horizon, each moved on its own.
    let grid = Grid::new(scenario, if staged { scenario.horizons.len() } else { 1 });
    // The searches from different starts meet at the same grid points: each point's score is
    // worked out once (a point revisited still counts as an evaluation, so the budget, and the
    // result, are those of the search without the memory).
    let mut seen: std::collections::HashMap<Vec<i64>, f64> = std::collections::HashMap::new();
    let mut score = |k: &[i64]| {
        if let Some(&v) = seen.get(k) {
            return v;
        }
        utilities(&grid.levers(k), &mut u);
        let v = match objective {
            Objective::ExpectedUtility => (0..leaves).map(|l| w[l] * u[l]).sum::<f64>(),
            Objective::MinimaxRegret => -(0..leaves)
                .filter(|&l| w[l] > 0.0)
                .map(|l| top[l].max(u[l]) - u[l])
                .fold(0.0, f64::max),
        };
        seen.insert(k.to_vec(), v);
        v
    };
    let mut best: Option<(Vec<i64>, f64)> = None;
    let mut evaluations = 0;
    for s in starts {
        if evaluations >= max_evaluations && best.is_some() {
            break;
        }
        let mut at = grid.snap(s, scenario.levers.len());
        let mut here = score(&at);
        let mut stride: Vec<i64> = grid.points.iter().map(|&p| (p / 4).max(1)).collect();
        evaluations += 1;
        loop {
            let mut improved = false;
            for i in 0..at.len() {
                if grid.points[i] == 0 || evaluations >= max_evaluations {
                    continue;
                }
                for dir in [1, -1] {
                    let k = (at[i] + dir * stride[i]).clamp(0, grid.points[i]);
                    if k == at[i] {
                        continue;
                    }
                    let mut next = at.clone();
                    next[i] = k;
                    let v = score(&next);
                    evaluations += 1;
                    if v > here + 1e-12 {
                        (at, here, improved) = (next, v, true);
                        break;
                    }
                }
            }
            if evaluations >= max_evaluations {
                break;
            }
            if !improved {
                if stride.iter().all(|&s| s <= 1) {
                    break;
                }
                for s in &mut stride {
                    *s = (*s / 2).max(1);
                }
            }
        }
        if best.as_ref().is_none_or(|(_, b)| here > *b + 1e-12) {
            best = Some((at, here));
        }
    }
    best.map(|(k, v)| (grid.levers(&k), v))
}
