//! Credences and value weights turned into the numbers the evaluation uses: effective weights
//! of every hypothesis down the tree, leaf weights summing to 1, and the utility normaliser.

use super::Model;
use crate::model::weights::WeightError;

impl Model {
    /// Hypothesis indices of the leaf hypotheses, in scenario order.
    #[must_use]
    pub fn leaves(&self) -> &[usize] {
        &self.leaves
    }

    /// Parent hypothesis index per hypothesis.
    #[must_use]
    pub fn parent(&self) -> &[Option<usize>] {
        &self.parent
    }

    /// Child hypothesis indices per hypothesis.
    #[must_use]
    pub fn children(&self) -> &[Vec<usize>] {
        &self.children
    }

    /// Top-level hypothesis indices.
    #[must_use]
    pub fn roots(&self) -> &[usize] {
        &self.roots
    }

    /// Effective weight of every hypothesis (leaves and parents): a hypothesis's share of its
    /// siblings' total credence times its parent's effective weight. Siblings whose credences
    /// are all zero under a parent with weight share it equally.
    ///
    /// # Errors
    /// Negative or non-finite credences, or all top-level credences zero.
    pub fn hypothesis_weights(&self, credences: &[f64], out: &mut [f64]) -> Result<(), WeightError> {
        if credences.len() != self.parent.len() || out.len() != self.parent.len() {
            return Err(WeightError::WrongLength {
                what: "credences",
                found: credences.len(),
                expected: self.parent.len(),
            });
        }
        if let Some(i) = credences.iter().position(|c| !c.is_finite() || *c < 0.0) {
            return Err(WeightError::BadWeight(format!("hypothesis #{}", i + 1)));
        }
        if self.roots.iter().map(|&r| credences[r]).sum::<f64>() <= 0.0 {
            return Err(WeightError::AllCredencesZero);
        }
        self.share(&self.roots, 1.0, credences, out);
        Ok(())
    }

    /// Split `mass` among `group` in proportion to credences (equally if all are zero), recursively.
    fn share(&self, group: &[usize], mass: f64, credences: &[f64], out: &mut [f64]) {
        let total: f64 = group.iter().map(|&i| credences[i]).sum();
        for &i in group {
            let w = if total > 0.0 {
                mass * credences[i] / total
            } else {
                mass / group.len() as f64
            };
            out[i] = w;
            self.share(&self.children[i], w, credences, out);
        }
    }

    /// Effective weight per leaf, in [`Model::leaves`] order, summing to 1.
    ///
    /// # Errors
    /// As [`Model::hypothesis_weights`].
    pub fn leaf_weights(&self, credences: &[f64]) -> Result<Vec<f64>, WeightError> {
        let mut all = vec![0.0; self.parent.len()];
        self.hypothesis_weights(credences, &mut all)?;
        Ok(self.leaves.iter().map(|&h| all[h]).collect())
    }

    /// Check value and horizon weights and return the utility normaliser `sum omega tau`.
    ///
    /// # Errors
    /// Negative or non-finite weights, or nothing weighted at all.
    pub fn weight_total(&self, values: &[f64], horizons: &[f64]) -> Result<f64, WeightError> {
        if values.len() != self.n_outcomes() {
            return Err(WeightError::WrongLength {
                what: "value weights",
                found: values.len(),
                expected: self.n_outcomes(),
            });
        }
        if horizons.len() != self.n_horizons() {
            return Err(WeightError::WrongLength {
                what: "horizon weights",
                found: horizons.len(),
                expected: self.n_horizons(),
            });
        }
        if let Some(i) = values.iter().position(|c| !c.is_finite() || *c < 0.0) {
            return Err(WeightError::BadWeight(format!("outcome #{}", i + 1)));
        }
        if let Some(i) = horizons.iter().position(|c| !c.is_finite() || *c < 0.0) {
            return Err(WeightError::BadWeight(format!("horizon #{}", i + 1)));
        }
        let total = values.iter().sum::<f64>() * horizons.iter().sum::<f64>();
        if total > 0.0 {
            Ok(total)
        } else {
            Err(WeightError::NothingMatters)
        }
    }
}
