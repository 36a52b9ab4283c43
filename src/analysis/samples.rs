//! The Pareto view's policy samples: how many, the job that draws them off the UI thread, its
//! result, and the default axis they suggest.

use super::{Derived, MAX_SAMPLE_VALUES, PARETO_SAMPLES, SamplesJob, SamplesState};
use crate::model::frontier::{Samples, most_conflicting};
use crate::model::scenario::{Better, Role, Scenario};
use std::sync::Arc;

impl Derived {
    /// How many policies the Pareto view samples for this scenario (fewer than
    /// 10,000 for a scenario so large that they would not fit in memory).
    #[must_use]
    pub fn pareto_samples(&self) -> usize {
        let per_sample = (self.model.n_leaves() * self.model.cells()).max(1);
        PARETO_SAMPLES.min(MAX_SAMPLE_VALUES / per_sample).max(1)
    }

    /// The Pareto samples' state.
    #[must_use]
    pub fn samples(&self) -> &SamplesState {
        &self.samples
    }

    /// The sampling job, the first time a view needs the samples; the caller runs it and
    /// passes the result to [`Derived::deliver_samples`].
    pub fn take_samples_job(&mut self) -> Option<SamplesJob> {
        if !matches!(self.samples, SamplesState::NotStarted) {
            return None;
        }
        self.samples = SamplesState::Pending;
        Some(SamplesJob {
            scenario: Arc::clone(&self.scenario),
            model: Arc::clone(&self.model),
            n: self.pareto_samples(),
            staged: self.samples_staged,
        })
    }

    /// Whether the Pareto samples are staged settings (each lever's value in each horizon
    /// sampled on its own); unstaged by default.
    #[must_use]
    pub fn samples_staged(&self) -> bool {
        self.samples_staged
    }

    /// Sample staged settings or not; a change draws the samples again.
    pub fn set_samples_staged(&mut self, staged: bool) {
        if staged != self.samples_staged {
            self.samples_staged = staged;
            self.samples = SamplesState::NotStarted;
            self.pareto.clear();
            self.conflicting.clear();
        }
    }

    /// A sampling job's result; ignored if it was for another scenario.
    pub fn deliver_samples(&mut self, scenario: &Arc<Scenario>, result: Result<Samples, String>) {
        // A result for another scenario, or drawn before staging was switched, is stale.
        let stale = result.as_ref().is_ok_and(|s| s.staged != self.samples_staged);
        if !Arc::ptr_eq(scenario, &self.scenario) || stale {
            return;
        }
        self.samples = match result {
            Ok(s) => SamplesState::Ready(Arc::new(s)),
            Err(e) => SamplesState::Failed(e),
        };
        self.pareto.clear();
        self.conflicting.clear();
    }

    /// The default y axis of a Pareto view whose x axis is `cx`: the cell of another outcome
    /// that most conflicts with it across the samples, with credences at the scenario's
    /// priors (so the default does not move while the sliders do). `None` until the samples
    /// are ready, or if no other outcome varies.
    pub fn conflicting_cell(&mut self, cx: usize) -> Option<usize> {
        let SamplesState::Ready(samples) = &self.samples else {
            return None;
        };
        let (model, scenario) = (&self.model, &self.scenario);
        *self.conflicting.get(cx, |&cx| {
            let priors: Vec<f64> = scenario.hypotheses.iter().map(|h| h.prior).collect();
            let weights = model.leaf_weights(&priors).ok()?;
            let better: Vec<bool> = scenario.outcomes.iter().map(|o| o.better == Better::Higher).collect();
            // The other axis shows an end (a mechanism drives the ends, it is not what is traded off).
            let ends: Vec<bool> = scenario.outcomes.iter().map(|o| o.role == Role::End).collect();
            most_conflicting(model, samples, &weights, &better, &ends, cx)
        })
    }
}
