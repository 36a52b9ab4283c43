//! Each effect's part in an outcome cell, for the assumptions view.

use super::Model;

/// One effect's part in an outcome cell (see [`Model::contributions`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Contribution {
    /// Index into `Scenario::effects`.
    pub effect: usize,
    /// Change it adds at the current levers (under the first leaf it applies to; see
    /// `values` for an effect driven by an outcome, which may differ between leaves).
    pub value: f64,
    /// Change it adds under each leaf in `leaves`.
    pub values: Vec<f64>,
    /// Lowest change its range allows.
    pub low: f64,
    /// Highest change its range allows.
    pub high: f64,
    /// Leaf positions it applies to.
    pub leaves: Vec<usize>,
}

impl Model {
    /// Each effect's part in `cell` at these lever values, in file order: the effect
    /// mathematics of [`Model::evaluate_into`], before the outcome's hard limits are applied.
    #[must_use]
    pub fn contributions(&self, levers: &[f64], cell: usize) -> Vec<Contribution> {
        let cells = self.cells();
        let mut block = vec![0.0; self.joint.len() * cells];
        self.evaluate_into(levers, &mut block);
        self.effects
            .iter()
            .enumerate()
            .filter(|(_, e)| e.cell == cell)
            .map(|(i, e)| {
                // A driver cell may differ between leaves, and with it the effect.
                let values: Vec<f64> = e
                    .leaves
                    .iter()
                    .map(|&li| e.value(levers, &block[li * cells..(li + 1) * cells]))
                    .collect();
                let ends = values.iter().flat_map(|v| [e.range.0 * v, e.range.1 * v]);
                let low = ends.clone().fold(f64::INFINITY, f64::min);
                let high = ends.fold(f64::NEG_INFINITY, f64::max);
                Contribution {
                    effect: i,
                    value: values.first().copied().unwrap_or(0.0),
                    low: if low.is_finite() { low } else { 0.0 },
                    high: if high.is_finite() { high } else { 0.0 },
                    leaves: e.leaves.clone(),
                    values,
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::scenario::Scenario;

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
        let mut out = vec![0.0; m.joint.len() * m.cells()];
        m.evaluate_into(&[4.0, 5.0], &mut out);
        for leaf in 0..m.joint.len() {
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
