//! The evaluation cache: outcome values of recently evaluated lever settings.

use super::Model;

/// The latest evaluations of lever settings, kept so that repeated analyses evaluate only what
/// changed: a lever moving re-evaluates the current settings, not every named policy. Keyed
/// on the model's identity ([`Model::id`], unique per compilation in the process) and the
/// lever values, so one cache can serve several scenarios.
#[derive(Debug, Default, Clone)]
pub struct EvaluationCache {
    /// The latest evaluations, least recently used first: (model id, levers, outcome values).
    /// A lever moving re-evaluates only the current settings, not every named policy.
    evaluated: Vec<(u64, Vec<f64>, Vec<f64>)>,
}

/// Evaluations an [`EvaluationCache`] keeps (a named policy, the current settings, a few more).
const KEPT_EVALUATIONS: usize = 64;

impl EvaluationCache {
    /// Outcome values of `levers` under every leaf, from the evaluations kept if these
    /// levers were evaluated on this model lately (exactly the same numbers either way).
    pub fn evaluated(&mut self, model: &Model, levers: &[f64]) -> &[f64] {
        let id = model.id();
        if let Some(i) = self.evaluated.iter().position(|(m, l, _)| *m == id && l == levers) {
            let hit = self.evaluated.remove(i);
            self.evaluated.push(hit);
        } else {
            let mut values = vec![0.0; model.joint.len() * model.cells()];
            model.evaluate_into(levers, &mut values);
            if self.evaluated.len() >= KEPT_EVALUATIONS {
                self.evaluated.remove(0);
            }
            self.evaluated.push((id, levers.to_vec(), values));
        }
        self.evaluated.last().map_or(&[], |(_, _, v)| v.as_slice())
    }
}
