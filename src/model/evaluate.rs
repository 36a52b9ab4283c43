//! The evaluation core: a scenario compiled into dense tables, credences turned into leaf
//! weights, and outcomes and utilities computed for lever settings.
//!
//! The formulas are the ones documented in `docs/file-format.md`:
//! `y = clamp(baseline(o,t,h) + sum_e curve_e(x[lever_e]) * factor_e(x[with_e]))`,
//! `v = clamp((y - worst) / (best - worst), 0, 1)` and
//! `U_h = sum_{o,t} omega_o tau_t v / sum_{o,t} omega_o tau_t`.

use crate::model::scenario::{Curve, Scenario};
use crate::model::validate::{Problem, validate};
pub use crate::model::weights::WeightError;

/// One effect, resolved to indices.
#[derive(Debug, Clone)]
struct CompiledEffect {
    cell: usize,
    lever: usize,
    curve: Curve,
    with: Option<(usize, Curve)>,
    range: (f64, f64),
    /// Leaf positions (not hypothesis indices) the effect applies to.
    leaves: Vec<usize>,
}

/// A validated scenario compiled for fast, allocation-free evaluation.
#[derive(Debug, Clone)]
pub struct Model {
    /// Hypothesis indices of the leaf hypotheses, in scenario order.
    pub leaves: Vec<usize>,
    /// Parent hypothesis index per hypothesis.
    pub parent: Vec<Option<usize>>,
    /// Child hypothesis indices per hypothesis.
    pub children: Vec<Vec<usize>>,
    /// Top-level hypothesis indices.
    pub roots: Vec<usize>,
    n_outcomes: usize,
    n_horizons: usize,
    n_levers: usize,
    /// `[leaf * cells + cell]`.
    base: Vec<f64>,
    effects: Vec<CompiledEffect>,
    limits: Vec<(f64, f64)>,
    worst: Vec<f64>,
    best: Vec<f64>,
}

/// One effect's part in an outcome cell (see [`Model::contributions`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Contribution {
    /// Index into `Scenario::effects`.
    pub effect: usize,
    /// Change it adds at the current levers.
    pub value: f64,
    /// Lowest change its range allows.
    pub low: f64,
    /// Highest change its range allows.
    pub high: f64,
    /// Leaf positions it applies to.
    pub leaves: Vec<usize>,
}

impl CompiledEffect {
    /// The effect's change at these lever values: `curve(x[lever]) * factor(x[with])`.
    fn value(&self, levers: &[f64]) -> f64 {
        let mut c = self.curve.at(levers[self.lever]);
        if let Some((lever, factor)) = &self.with {
            c *= factor.at(levers[*lever]);
        }
        c
    }
}

/// The cell of outcome `outcome` at horizon `horizon` in a scenario with `n_horizons` horizons:
/// cells run through the horizons of the first outcome, then the second, and so on.
#[must_use]
pub fn cell_index(n_horizons: usize, outcome: usize, horizon: usize) -> usize {
    outcome * n_horizons + horizon
}

/// `sum_l w_l value(l)`: the credence-weighted expectation over leaves, written once.
#[must_use]
pub fn expectation(leaf_weights: &[f64], mut value: impl FnMut(usize) -> f64) -> f64 {
    leaf_weights.iter().enumerate().map(|(l, w)| w * value(l)).sum()
}

impl Model {
    /// Validate and compile a scenario.
    ///
    /// # Errors
    /// Every problem [`validate`] finds.
    pub fn new(s: &Scenario) -> Result<Self, Vec<Problem>> {
        let problems = validate(s);
        if problems.is_empty() {
            Ok(Self::compile(s))
        } else {
            Err(problems)
        }
    }

    /// Compile a scenario that [`validate`] accepted. On an invalid one it does not fail or
    /// panic, but unknown references fall back to the first item, so always validate first.
    #[must_use]
    pub fn compile(s: &Scenario) -> Self {
        let n = s.hypotheses.len();
        let index = |id: &str| s.hypothesis_index(id);
        let parent: Vec<Option<usize>> = s
            .hypotheses
            .iter()
            .map(|h| h.parent.as_deref().and_then(index))
            .collect();
        let mut children = vec![Vec::new(); n];
        let mut roots = Vec::new();
        for (i, p) in parent.iter().enumerate() {
            match p {
                Some(p) => children[*p].push(i),
                None => roots.push(i),
            }
        }
        let leaves = s.leaf_indices();
        // Chain from a hypothesis up to its root, itself first.
        let chain = |mut i: usize| {
            let mut v = vec![i];
            while let Some(p) = parent[i] {
                v.push(p);
                i = p;
            }
            v
        };
        let (n_outcomes, n_horizons) = (s.outcomes.len(), s.horizons.len());
        let cells = n_outcomes * n_horizons;
        let cell_of = |o: &str, t: &str| -> usize {
            cell_index(
                n_horizons,
                s.outcome_index(o).unwrap_or(0),
                s.horizon_index(t).unwrap_or(0),
            )
        };
        let mut base = vec![0.0; leaves.len() * cells];
        for b in &s.baselines {
            let cell = cell_of(&b.outcome, &b.horizon);
            for (li, &h) in leaves.iter().enumerate() {
                let value = chain(h)
                    .into_iter()
                    .find_map(|a| b.by_hypothesis.get(&s.hypotheses[a].id).copied())
                    .unwrap_or(b.value);
                base[li * cells + cell] = value;
            }
        }
        let effects = s
            .effects
            .iter()
            .map(|e| {
                let target = e.hypothesis.as_deref().and_then(index);
                CompiledEffect {
                    cell: cell_of(&e.outcome, &e.horizon),
                    lever: s.lever_index(&e.lever).unwrap_or(0),
                    curve: e.curve.clone(),
                    with: e
                        .with
                        .as_ref()
                        .map(|m| (s.lever_index(&m.lever).unwrap_or(0), m.factor.clone())),
                    range: e.range,
                    leaves: leaves
                        .iter()
                        .enumerate()
                        .filter(|&(_, &h)| target.is_none_or(|t| chain(h).contains(&t)))
                        .map(|(li, _)| li)
                        .collect(),
                }
            })
            .collect();
        Self {
            leaves,
            parent,
            children,
            roots,
            n_outcomes,
            n_horizons,
            n_levers: s.levers.len(),
            base,
            effects,
            limits: s
                .outcomes
                .iter()
                .map(|o| {
                    (
                        o.limits.min.unwrap_or(f64::NEG_INFINITY),
                        o.limits.max.unwrap_or(f64::INFINITY),
                    )
                })
                .collect(),
            worst: s.outcomes.iter().map(|o| o.worst).collect(),
            best: s.outcomes.iter().map(|o| o.best).collect(),
        }
    }

    /// Number of (outcome, horizon) cells.
    #[must_use]
    pub fn cells(&self) -> usize {
        self.n_outcomes * self.n_horizons
    }
    /// Number of horizons.
    #[must_use]
    pub fn n_horizons(&self) -> usize {
        self.n_horizons
    }
    /// Number of outcomes.
    #[must_use]
    pub fn n_outcomes(&self) -> usize {
        self.n_outcomes
    }
    /// Number of levers.
    #[must_use]
    pub fn n_levers(&self) -> usize {
        self.n_levers
    }
    /// The cell of an (outcome, horizon) pair: the one place that knows the cell layout.
    #[must_use]
    pub fn cell(&self, outcome: usize, horizon: usize) -> usize {
        cell_index(self.n_horizons, outcome, horizon)
    }
    /// The (outcome, horizon) pair of a cell.
    #[must_use]
    pub fn outcome_horizon(&self, cell: usize) -> (usize, usize) {
        (cell / self.n_horizons.max(1), cell % self.n_horizons.max(1))
    }
    /// Index of `cell` under leaf position `leaf` in a block of outcome values
    /// (as [`Model::evaluate_into`] writes them).
    #[must_use]
    pub fn at(&self, leaf: usize, cell: usize) -> usize {
        leaf * self.cells() + cell
    }
    /// Expected value of `cell` in a block of outcome values under these leaf weights.
    #[must_use]
    pub fn expected(&self, leaf_weights: &[f64], block: &[f64], cell: usize) -> f64 {
        expectation(leaf_weights, |l| block[self.at(l, cell)])
    }
    /// Whether hypothesis `ancestor` is `h` or one of its ancestors.
    #[must_use]
    pub fn is_under(&self, h: usize, ancestor: usize) -> bool {
        let mut at = Some(h);
        while let Some(i) = at {
            if i == ancestor {
                return true;
            }
            at = self.parent[i];
        }
        false
    }

    /// Outcome values under every leaf for these lever values, clamped to the hard limits,
    /// written to `out[leaf * cells + cell]`. Allocates nothing.
    pub fn evaluate_into(&self, levers: &[f64], out: &mut [f64]) {
        self.evaluate_scaled(levers, out, |_, c| c);
    }

    /// Like [`Model::evaluate_into`], but each effect taken at the end of its uncertainty range
    /// that lowers (`high = false`) or raises (`high = true`) the outcome.
    pub fn evaluate_bound_into(&self, levers: &[f64], high: bool, out: &mut [f64]) {
        self.evaluate_scaled(levers, out, |range, c| {
            let (a, b) = (range.0 * c, range.1 * c);
            if high { a.max(b) } else { a.min(b) }
        });
    }

    fn evaluate_scaled(&self, levers: &[f64], out: &mut [f64], pick: impl Fn((f64, f64), f64) -> f64) {
        let cells = self.cells();
        out.copy_from_slice(&self.base);
        for e in &self.effects {
            let c = pick(e.range, e.value(levers));
            for &li in &e.leaves {
                out[li * cells + e.cell] += c;
            }
        }
        for (li, row) in out.chunks_exact_mut(cells).enumerate() {
            debug_assert!(li < self.leaves.len());
            for (cell, y) in row.iter_mut().enumerate() {
                let (lo, hi) = self.limits[cell / self.n_horizons];
                *y = y.clamp(lo, hi);
            }
        }
    }

    /// Each effect's part in `cell` at these lever values, in file order: the effect
    /// mathematics of [`Model::evaluate_into`], before the outcome's hard limits are applied.
    #[must_use]
    pub fn contributions(&self, levers: &[f64], cell: usize) -> Vec<Contribution> {
        self.effects
            .iter()
            .enumerate()
            .filter(|(_, e)| e.cell == cell)
            .map(|(i, e)| {
                let value = e.value(levers);
                let (a, b) = (e.range.0 * value, e.range.1 * value);
                Contribution {
                    effect: i,
                    value,
                    low: a.min(b),
                    high: a.max(b),
                    leaves: e.leaves.clone(),
                }
            })
            .collect()
    }

    /// The level of `cell` under leaf position `leaf` with every lever at zero.
    #[must_use]
    pub fn baseline(&self, leaf: usize, cell: usize) -> f64 {
        self.base[self.at(leaf, cell)]
    }

    /// The hard limits of outcome `o`, `(min, max)`, infinite where there is none.
    #[must_use]
    pub fn limits(&self, o: usize) -> (f64, f64) {
        self.limits[o]
    }

    /// Normalised value of outcome `o` at level `y`: 0 at worst, 1 at best, clamped.
    #[must_use]
    pub fn normalised(&self, o: usize, y: f64) -> f64 {
        ((y - self.worst[o]) / (self.best[o] - self.worst[o])).clamp(0.0, 1.0)
    }

    /// Utility per leaf from evaluated outcome values, written to `out` (one per leaf).
    /// `total` is [`Model::weight_total`]. Allocates nothing.
    pub fn utilities_into(&self, values_out: &[f64], values: &[f64], horizons: &[f64], total: f64, out: &mut [f64]) {
        for (li, u) in out.iter_mut().enumerate() {
            let row = &values_out[self.at(li, 0)..self.at(li + 1, 0)];
            let mut sum = 0.0;
            for (o, &omega) in values.iter().enumerate() {
                if omega == 0.0 {
                    continue;
                }
                for (t, &tau) in horizons.iter().enumerate() {
                    sum += omega * tau * self.normalised(o, row[self.cell(o, t)]);
                }
            }
            *u = sum / total;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) {
        assert!((a - b).abs() < 1e-12, "{a} != {b}");
    }

    fn tiny() -> Scenario {
        crate::model::tests::tiny()
    }

    #[test]
    fn contributions_match_the_evaluation() {
        let s = tiny();
        let m = Model::new(&s).expect("valid");
        // gain long under B2 at x = 4, z = 5: (10 * 5) * 0.4 = 20, range (0.5, 2) -> 10 .. 40.
        let c = m.contributions(&[4.0, 5.0], m.cell(1, 1));
        assert_eq!(c.len(), 1);
        assert_eq!((c[0].effect, c[0].value, c[0].low, c[0].high), (2, 20.0, 10.0, 40.0));
        // It applies to B2 only: the third leaf.
        assert_eq!(c[0].leaves, vec![2]);
        // harm near: -x for all (-4) and B's points curve (+4, for B's two leaves).
        let c = m.contributions(&[4.0, 5.0], m.cell(0, 0));
        assert_eq!(c.iter().map(|c| c.value).collect::<Vec<_>>(), vec![-4.0, 4.0]);
        assert_eq!(c[0].leaves, vec![0, 1, 2]);
        assert_eq!(c[1].leaves, vec![1, 2]);
        // Baseline plus contributions is the evaluation wherever no limit binds.
        let mut out = vec![0.0; m.leaves.len() * m.cells()];
        m.evaluate_into(&[4.0, 5.0], &mut out);
        for leaf in 0..m.leaves.len() {
            let sum: f64 = m.baseline(leaf, 0)
                + c.iter()
                    .filter(|x| x.leaves.contains(&leaf))
                    .map(|x| x.value)
                    .sum::<f64>();
            let (lo, hi) = m.limits(0);
            close(out[m.at(leaf, 0)], sum.clamp(lo, hi));
        }
    }
}
