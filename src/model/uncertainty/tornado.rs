//! The tornado: how far the best candidate's lead over the runner-up swings as each unknown
//! goes from its 5th to its 95th percentile (the others at their central value), and as each
//! top-level credence moves 20 points either way.

use super::design::{Unknown, one_at};
use crate::model::decision::Candidate;
use crate::model::evaluate::Model;
use crate::model::evaluate::kernel::{BLOCK, KernelScratch, Prepared};
use crate::model::scenario::Scenario;

/// `x` rounded to 12 significant digits.
fn significant(x: f64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let scale = 10_f64.powi(11 - x.abs().log10().floor() as i32);
    (x * scale).round() / scale
}

/// How far credences move in the tornado: 20 points.
pub const CREDENCE_SWING: f64 = 0.2;

/// What a bar moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BarKind {
    /// An unknown (index into the design's unknowns), from its 5th to its 95th percentile.
    Unknown(usize),
    /// A top-level hypothesis's credence, 20 points down and up (the others rescaled).
    Credence(usize),
}

/// One bar: the lead at the low and the high end.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bar {
    /// What moves.
    pub kind: BarKind,
    /// The lead with it at its low end (5th percentile, or 20 points less credence).
    pub low: f64,
    /// The lead with it at its high end.
    pub high: f64,
}

impl Bar {
    /// `|high - low|`.
    #[must_use]
    pub fn swing(&self) -> f64 {
        (self.high - self.low).abs()
    }
}

/// Leaf weights with top-level hypothesis `root`'s weight moved to `to` (clamped to 0-1) and
/// the other top-level hypotheses of its question rescaled in proportion; the other questions
/// keep their weights (joint leaf weights are products of each question's). With nothing to
/// rescale from, the answers on that side share equally. `None` if nothing can take up the
/// change.
#[must_use]
pub fn moved(model: &Model, w: &[f64], root: usize, to: f64) -> Option<Vec<f64>> {
    let q = model.question_of(root);
    let n = w.len();
    // Each question's weight of each answer, from the joint weights.
    let marginal =
        |j: usize, h: usize| -> f64 { (0..n).filter(|&l| model.leaf_answers(l)[j] == h).map(|l| w[l]).sum() };
    let under: Vec<bool> = (0..n).map(|l| model.leaf_has(l, root)).collect();
    if under.iter().all(|u| *u) {
        return None;
    }
    let now: f64 = w.iter().zip(&under).filter(|(_, u)| **u).map(|(x, _)| x).sum();
    let to = to.clamp(0.0, 1.0);
    let rest = 1.0 - now;
    let answers = |u: bool| -> usize {
        let mut a: Vec<usize> = (0..n)
            .filter(|&l| under[l] == u)
            .map(|l| model.leaf_answers(l)[q])
            .collect();
        a.sort_unstable();
        a.dedup();
        a.len().max(1)
    };
    let (n_under, n_rest) = (answers(true), answers(false));
    Some(
        (0..n)
            .map(|l| {
                let answers = model.leaf_answers(l);
                let others: f64 = (answers.iter().enumerate())
                    .filter(|&(j, _)| j != q)
                    .map(|(j, &h)| marginal(j, h))
                    .product();
                let mine = marginal(q, answers[q]);
                let share = if under[l] {
                    if now > 0.0 {
                        mine * to / now
                    } else {
                        to / n_under as f64
                    }
                } else if rest > 0.0 {
                    mine * (1.0 - to) / rest
                } else {
                    (1.0 - to) / n_rest as f64
                };
                share * others
            })
            .collect(),
    )
}

/// The tornado for the lead of candidate `a` over `b`, sorted by swing (largest first), over
/// the unknowns at the indices `which` (and every theory's credence).
/// `utility[p * leaves + l]` are the central utilities (as in the decision analysis).
#[must_use]
pub fn tornado(
    scenario: &Scenario,
    model: &Model,
    (unknowns, which): (&[Unknown], &[usize]),
    (a, b): (&Candidate, &Candidate),
    (w, values, horizons): (&[f64], &[f64], &[f64]),
    central: (&[f64], &[f64]),
) -> Vec<Bar> {
    let Ok(total) = model.weight_total(values, horizons) else {
        return Vec::new();
    };
    let leaves = model.n_leaves();
    // Two samples per unknown, its 5th and its 95th percentile with every other multiplier 1,
    // worked out by the Monte Carlo's kernel for both candidates at once.
    let unknowns_at: Vec<(usize, &Unknown)> = which.iter().filter_map(|&k| Some((k, unknowns.get(k)?))).collect();
    let samples = 2 * unknowns_at.len();
    let mut rows: Vec<Option<usize>> = vec![None; model.n_slots()];
    let mut drawn = 0;
    for (_, u) in &unknowns_at {
        for &slot in &u.slots {
            if let Some(r) = rows.get_mut(slot).filter(|r| r.is_none()) {
                *r = Some(drawn);
                drawn += 1;
            }
        }
    }
    let mut multipliers = vec![1.0; drawn * samples];
    for (i, (_, u)) in unknowns_at.iter().enumerate() {
        for (q, s) in [(0.05, 2 * i), (0.95, 2 * i + 1)] {
            let m = one_at(scenario, u, q);
            for &slot in &u.slots {
                if let Some(r) = rows[slot] {
                    multipliers[r * samples + s] = m[slot];
                }
            }
        }
    }
    let plan = model.plan(&rows);
    let weights = model.cell_weights(values, horizons, total);
    let mut scratch = KernelScratch::default();
    let utility_of = |c: &Candidate, scratch: &mut KernelScratch| {
        let mut prepared = Prepared::default();
        plan.prepare(model, &c.levers, &mut prepared);
        let mut out = vec![0.0; leaves * samples];
        let mut block = vec![0.0; leaves * BLOCK];
        for s0 in (0..samples).step_by(BLOCK) {
            let k = BLOCK.min(samples - s0);
            plan.evaluate(
                model,
                &prepared,
                (&multipliers, samples),
                (s0, k),
                &weights,
                scratch,
                &mut block,
            );
            for l in 0..leaves {
                out[l * samples + s0..l * samples + s0 + k].copy_from_slice(&block[l * BLOCK..l * BLOCK + k]);
            }
        }
        out
    };
    let (ua, ub) = (utility_of(a, &mut scratch), utility_of(b, &mut scratch));
    let lead_at = |s: usize| {
        (0..leaves)
            .map(|l| w[l] * (ua[l * samples + s] - ub[l * samples + s]))
            .sum::<f64>()
    };
    let mut bars: Vec<Bar> = unknowns_at
        .iter()
        .enumerate()
        .map(|(i, &(k, _))| Bar {
            kind: BarKind::Unknown(k),
            low: lead_at(2 * i),
            high: lead_at(2 * i + 1),
        })
        .collect();
    let (central_a, central_b) = central;
    let lead_with = |w2: &[f64]| (0..leaves).map(|l| w2[l] * (central_a[l] - central_b[l])).sum::<f64>();
    for &root in model.roots() {
        let now: f64 = (0..leaves).filter(|&l| model.leaf_has(l, root)).map(|l| w[l]).sum();
        let (Some(down), Some(up)) = (
            moved(model, w, root, now - CREDENCE_SWING),
            moved(model, w, root, now + CREDENCE_SWING),
        ) else {
            continue;
        };
        bars.push(Bar {
            kind: BarKind::Credence(root),
            low: lead_with(&down),
            high: lead_with(&up),
        });
    }
    // Largest swing first; swings equal to 12 significant digits keep the unknowns' order, so
    // the order does not turn on the last bits of a sum (see "How it is computed").
    bars.sort_by(|x, y| significant(y.swing()).total_cmp(&significant(x.swing())));
    bars
}
