//! Credences from evidence: the sliders set the prior, and the posterior given the observed
//! items is what the settings evaluate.

use super::Settings;
use crate::model::evidence::{EvidenceError, EvidenceModel, credences_for};
use crate::model::scenario::Scenario;

impl Settings {
    /// The credences the sliders show and move: the prior when they come from evidence.
    #[must_use]
    pub fn slider_credences(&self) -> &[f64] {
        self.prior.as_deref().unwrap_or(&self.credences)
    }

    /// With credences from evidence, set `credences` to the posterior given the observed items.
    ///
    /// # Errors
    /// The observations are impossible under every hypothesis with prior credence (nothing
    /// is changed).
    pub fn update_posterior(&mut self, scenario: &Scenario) -> Result<(), EvidenceError> {
        let Some(prior) = &self.prior else {
            return Ok(());
        };
        let model = crate::model::evaluate::Model::compile(scenario);
        let Ok(leaf_prior) = model.leaf_weights(prior) else {
            // All prior credences zero: nothing to update (evaluation reports it).
            self.credences.clone_from(prior);
            return Ok(());
        };
        let ev = EvidenceModel::new(scenario, &model);
        let posterior = ev.posterior(scenario, &leaf_prior, &self.observed)?;
        self.credences = credences_for(&model, &posterior);
        Ok(())
    }
}
