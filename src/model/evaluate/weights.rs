//! Credences and value weights turned into the numbers the evaluation uses: effective weights
//! of every hypothesis down each question's tree, joint leaf weights summing to 1, and the
//! utility normaliser; and the joint leaves themselves.

use super::Model;
use crate::model::scenario::Scenario;
use crate::model::weights::WeightError;

impl Model {
    /// Number of joint leaves (with one question, of leaf hypotheses): what every evaluation
    /// runs over.
    #[must_use]
    pub fn n_leaves(&self) -> usize {
        self.joint.len()
    }

    /// The answers of joint leaf `l`: one leaf hypothesis index per question, in question order.
    #[must_use]
    pub fn leaf_answers(&self, l: usize) -> &[usize] {
        &self.joint[l]
    }

    /// Whether hypothesis `h` holds at joint leaf `l`: it is one of its answers or above one.
    #[must_use]
    pub fn leaf_has(&self, l: usize, h: usize) -> bool {
        self.joint[l].iter().any(|&a| self.is_under(a, h))
    }

    /// Number of questions.
    #[must_use]
    pub fn n_questions(&self) -> usize {
        self.question_roots.len()
    }

    /// The question hypothesis `h` answers.
    #[must_use]
    pub fn question_of(&self, h: usize) -> usize {
        self.question_of[h]
    }

    /// Top-level hypothesis indices of question `q`.
    #[must_use]
    pub fn question_roots(&self, q: usize) -> &[usize] {
        &self.question_roots[q]
    }

    /// The joint leaf's name: its answers' names joined by " & " (one question: the name).
    #[must_use]
    pub fn leaf_name(&self, s: &Scenario, l: usize) -> String {
        let names: Vec<&str> = self.joint[l].iter().map(|&h| s.hypotheses[h].name.as_str()).collect();
        names.join(" & ")
    }

    /// The joint leaf's id: its answers' ids joined by `&` (one question: the leaf's id).
    #[must_use]
    pub fn leaf_id(&self, s: &Scenario, l: usize) -> String {
        let ids: Vec<&str> = self.joint[l].iter().map(|&h| s.hypotheses[h].id.as_str()).collect();
        ids.join("&")
    }

    /// Joint leaf weights from effective hypothesis weights: each the product of its answers'.
    #[must_use]
    pub fn joint_weights(&self, hypothesis_weights: &[f64]) -> Vec<f64> {
        (self.joint.iter())
            .map(|answers| answers.iter().map(|&h| hypothesis_weights[h]).product())
            .collect()
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

    /// Effective weight of every hypothesis (leaves and parents) within its question: a
    /// hypothesis's share of its siblings' total credence times its parent's effective weight,
    /// each question's top-level hypotheses sharing 1. Siblings whose credences are all zero
    /// under a parent with weight share it equally.
    ///
    /// # Errors
    /// Negative or non-finite credences, or all top-level credences of a question zero.
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
        for roots in &self.question_roots {
            if roots.iter().map(|&r| credences[r]).sum::<f64>() <= 0.0 {
                return Err(WeightError::AllCredencesZero);
            }
        }
        for roots in &self.question_roots {
            self.share(roots, 1.0, credences, out);
        }
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

    /// Weight per joint leaf, summing to 1: the product of its answers' effective weights (the
    /// questions are independent a priori).
    ///
    /// # Errors
    /// As [`Model::hypothesis_weights`].
    pub fn leaf_weights(&self, credences: &[f64]) -> Result<Vec<f64>, WeightError> {
        let mut all = vec![0.0; self.parent.len()];
        self.hypothesis_weights(credences, &mut all)?;
        Ok(self.joint_weights(&all))
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
