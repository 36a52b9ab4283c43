//! The result types views read: which state a result is for, the policy samples' state and
//! job, the Pareto points, the credence-sweep lines.

use crate::model::evaluate::Model;
use crate::model::frontier::{Samples, sample_policies};
use crate::model::scenario::Scenario;
use std::sync::Arc;

/// Which state a derived result is for: the live document or the comparison state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The document being edited.
    Live,
    /// The comparison state (A, or the document as opened).
    Reference,
}

/// The Pareto view's policy samples: not asked for yet, being computed, ready, or failed.
#[derive(Debug, Clone)]
pub enum SamplesState {
    /// No view has asked for them yet.
    NotStarted,
    /// A job is computing them.
    Pending,
    /// Computed.
    Ready(Arc<Samples>),
    /// The job could not run or failed; the message says why.
    Failed(String),
}

/// The work of sampling policies, to run off the UI thread.
#[derive(Debug, Clone)]
pub struct SamplesJob {
    pub(super) scenario: Arc<Scenario>,
    pub(super) model: Arc<Model>,
    pub(super) n: usize,
    pub(super) staged: bool,
}

impl SamplesJob {
    /// Sample and evaluate the policies (seconds of work on a large scenario).
    #[must_use]
    pub fn run(&self) -> Samples {
        sample_policies(&self.model, &self.scenario, self.n, self.staged)
    }
    /// The scenario the samples are for.
    #[must_use]
    pub fn scenario(&self) -> &Arc<Scenario> {
        &self.scenario
    }
}

/// The sampled policies' expected values on two outcome cells (their front, over every point
/// drawn, is [`super::Derived::front`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Pareto {
    /// The samples the points come from.
    pub samples: Arc<Samples>,
    /// Expected `(x, y)` of every sample.
    pub points: Vec<[f64; 2]>,
}

/// Expected utility of every candidate as one hypothesis's credence `c` goes from 0 to 1:
/// `EU_p(c) = c * inside[p] + (1 - c) * outside[p]`.
#[derive(Debug, Clone, PartialEq)]
pub struct CredenceLines {
    /// Hypothesis swept.
    pub hypothesis: usize,
    /// Expected utility of each candidate if the hypothesis is true.
    pub inside: Vec<f64>,
    /// Expected utility of each candidate if it is false.
    pub outside: Vec<f64>,
}

impl CredenceLines {
    /// `EU_p(c)` of candidate `p` at credence `c`.
    #[must_use]
    pub fn at(&self, p: usize, c: f64) -> f64 {
        c * self.inside[p] + (1.0 - c) * self.outside[p]
    }
}
