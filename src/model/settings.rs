//! The engine's input: credences, levers and their values, value and horizon weights, the
//! yardstick and the evidence state, dense in scenario order. Preset files convert to and from
//! it (`crate::model::preset`); everything that evaluates takes it.

use crate::model::evaluate::Model;
use crate::model::evidence::{EvidenceError, EvidenceModel, Observation, credences_for};
use crate::model::scenario::Scenario;
use crate::model::weights::WeightError;

/// Dense settings in scenario order: what the engine evaluates.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// Credence weight per hypothesis (all hypotheses, not only leaves), relative to siblings.
    pub credences: Vec<f64>,
    /// Value per lever (in the first horizon, and in every horizon a stage does not change).
    pub levers: Vec<f64>,
    /// Lever values from a horizon on, `[horizon * levers + lever]`, `None` where no stage sets
    /// one; empty when nothing is staged (see [`crate::model::scenario::schedule`]).
    pub stages: Vec<Option<f64>>,
    /// How much each outcome matters: its value weight, per outcome.
    pub value_weights: Vec<f64>,
    /// How much each horizon matters, per horizon (per year of it in version 2).
    pub horizon_weights: Vec<f64>,
    /// Discount per year of later years (version 2).
    pub discount_rate: f64,
    /// The yardstick outcome chosen by the user, if not the scenario's.
    pub numeraire: Option<usize>,
    /// Each evidence item's state, in scenario order.
    pub observed: Vec<Observation>,
    /// The prior credences when the credences come from evidence (`credences` then holds the
    /// posterior, as credences); `None` when they are set by hand.
    pub prior: Option<Vec<f64>>,
}

impl Settings {
    /// The scenario's defaults: priors, lever defaults, value weights 1 for ends and 0 for
    /// mechanisms, horizon weights 1, no discounting, the scenario's yardstick.
    #[must_use]
    pub fn defaults(scenario: &Scenario) -> Self {
        Self {
            credences: scenario.hypotheses.iter().map(|h| h.prior).collect(),
            levers: scenario.levers.iter().map(|l| l.default).collect(),
            stages: Vec::new(),
            value_weights: scenario.outcomes.iter().map(default_value_weight).collect(),
            horizon_weights: vec![1.0; scenario.horizons.len()],
            discount_rate: 0.0,
            numeraire: None,
            observed: vec![Observation::Open; scenario.evidence.len()],
            prior: None,
        }
    }

    /// The weight each horizon counts in utility under these settings (see
    /// [`Model::taus`]).
    #[must_use]
    pub fn taus(&self, model: &Model) -> Vec<f64> {
        model.taus(&self.horizon_weights, self.discount_rate)
    }

    /// The lever values the engine evaluates: the levers, or their schedule when staged.
    #[must_use]
    pub fn schedule(&self, model: &Model) -> Vec<f64> {
        crate::model::scenario::schedule(&self.levers, &self.stages, model.n_horizons())
    }

    /// Whether lever `l` is planned by stage (some stage sets it).
    #[must_use]
    pub fn staged(&self, l: usize) -> bool {
        let n = self.levers.len().max(1);
        self.stages
            .iter()
            .enumerate()
            .any(|(slot, x)| x.is_some() && slot % n == l)
    }

    /// The yardstick outcome: the user's choice, else the scenario's, else none.
    #[must_use]
    pub fn yardstick(&self, scenario: &Scenario) -> Option<usize> {
        self.numeraire.or_else(|| scenario.numeraire_index())
    }

    /// Whether the engine can evaluate these settings: some credence and some value and
    /// horizon weight must be positive.
    ///
    /// # Errors
    /// All credences zero, or nothing weighted.
    pub fn usable(&self, scenario: &Scenario) -> Result<(), WeightError> {
        // Each question's top-level answers need some credence between them.
        for q in 0..scenario.n_questions() {
            let roots: f64 = (scenario.hypotheses.iter().enumerate())
                .zip(&self.credences)
                .filter(|((i, h), _)| h.parent.is_none() && scenario.question_of(*i) == q)
                .map(|(_, c)| *c)
                .sum();
            if roots <= 0.0 {
                return Err(WeightError::AllCredencesZero);
            }
        }
        if self.value_weights.iter().sum::<f64>() <= 0.0 || self.horizon_weights.iter().sum::<f64>() <= 0.0 {
            return Err(WeightError::NothingMatters);
        }
        Ok(())
    }

    /// The credences the sliders show and move: the prior when they come from evidence.
    #[must_use]
    pub fn slider_credences(&self) -> &[f64] {
        self.prior.as_deref().unwrap_or(&self.credences)
    }

    /// With credences from evidence, set `credences` to the posterior given the observed items
    /// (`model`: the scenario compiled, as the caller has it; it is never compiled per edit).
    ///
    /// # Errors
    /// The observations are impossible under every hypothesis with prior credence (nothing
    /// is changed).
    pub fn update_posterior(&mut self, scenario: &Scenario, model: &Model) -> Result<(), EvidenceError> {
        let Some(prior) = &self.prior else {
            return Ok(());
        };
        let Ok(leaf_prior) = model.leaf_weights(prior) else {
            // All prior credences zero: nothing to update (evaluation reports it).
            self.credences.clone_from(prior);
            return Ok(());
        };
        let ev = EvidenceModel::new(scenario, model);
        let posterior = ev.posterior(scenario, &leaf_prior, &self.observed)?;
        self.credences = credences_for(model, &posterior);
        Ok(())
    }
}

/// An end counts 1 by default, a mechanism 0.
fn default_value_weight(o: &crate::model::scenario::Outcome) -> f64 {
    match o.role {
        crate::model::scenario::Role::End => 1.0,
        crate::model::scenario::Role::Mechanism => 0.0,
    }
}
