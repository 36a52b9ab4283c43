//! What we don't know about the effects: a Monte Carlo over every effect's range (and the
//! motive), the chance each candidate is best, its regret, and what resolving each unknown is
//! worth. The mathematics is in `docs/file-format.md`, "Uncertainty".
//!
//! The design (the samples) depends only on the scenario, the sample count and the seed, so it
//! is drawn once and reused while credences, weights and levers move; every candidate is
//! evaluated on the same samples (common random numbers), so their differences are not noise.

mod believe;
mod budget;
mod design;
mod figures;
mod montecarlo;
mod optimise;
mod stats;
mod study;
mod tornado;
mod voi;

pub use believe::{Belief, MARGIN, believe, describe};
pub use budget::{Budget, evaluation_work};
pub use design::{Design, Unknown, one_at, unknowns};
pub use montecarlo::run;
pub use optimise::{Objective, optimise};
pub use stats::{Band, band, quantile};
pub use study::{
    BEST_FOUND_ID, Found, ROBUST_FOUND_ID, Study, believe_by_question, found_candidates, search, search_with, study,
    study_with, with_found,
};
pub use tornado::{Bar, BarKind, CREDENCE_SWING, moved, tornado};
pub use voi::{Voi, evppi_binned};

use crate::model::evaluate::WeightError;

/// Samples when none are asked for.
pub const DEFAULT_SAMPLES: usize = 10_000;
/// Samples of the quick study the app runs while a slider moves.
pub const QUICK_SAMPLES: usize = 1_000;
/// The most samples a run may take (memory grows with samples x candidates x leaves).
pub const MAX_SAMPLES: usize = 200_000;
/// The default seed.
pub const DEFAULT_SEED: u64 = 2015;

/// Why a Monte Carlo cannot run.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum UncertaintyError {
    /// A sample count of 0 or above [`MAX_SAMPLES`].
    #[error("{0} samples: ask for 1 to {MAX_SAMPLES}")]
    Samples(usize),
    /// Unusable credences or weights.
    #[error(transparent)]
    Weights(#[from] WeightError),
}

/// Check a sample count.
///
/// # Errors
/// 0 or more than [`MAX_SAMPLES`].
pub fn check_samples(n: usize) -> Result<usize, UncertaintyError> {
    if n == 0 || n > MAX_SAMPLES {
        Err(UncertaintyError::Samples(n))
    } else {
        Ok(n)
    }
}

/// What the Monte Carlo says about one candidate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PolicyStats {
    /// Share of samples in which it has the highest utility, the motive drawn from the
    /// credences in each sample.
    pub p_best: f64,
    /// Share of samples in which it has the highest expected utility over the motive.
    pub p_best_motive_averaged: f64,
    /// For a named policy, the share of samples in which it is best among the named policies
    /// alone (motive drawn per sample); `None` for the other candidates.
    pub p_best_named: Option<f64>,
    /// Mean utility over samples and the motive.
    pub eu_mean: f64,
    /// 5th percentile of its utility (motive drawn per sample).
    pub eu_p5: f64,
    /// 95th percentile of its utility (motive drawn per sample).
    pub eu_p95: f64,
    /// Expected regret: mean over samples of `sum_h w_h (max_q U_q - U_p)`.
    pub expected_regret: f64,
    /// 90th percentile of its regret (motive drawn per sample).
    pub regret_p90: f64,
}

/// The bands of one outcome cell under the candidate they are asked for.
#[derive(Debug, Clone, PartialEq)]
pub struct CellBands {
    /// The credence-weighted expectation over the motive, sample by sample.
    pub expected: Band,
    /// Under each leaf (empty unless asked for: [`Buffers::by_leaf`]).
    pub by_leaf: Vec<Band>,
}

/// Everything one Monte Carlo run computes.
#[derive(Debug, Clone, PartialEq)]
pub struct Uncertainty {
    /// Samples.
    pub samples: usize,
    /// Seed.
    pub seed: u64,
    /// Per candidate, in the order given.
    pub policies: Vec<PolicyStats>,
    /// Candidate with the highest mean utility.
    pub best: usize,
    /// Outcome bands per cell for the candidate asked for.
    pub cells: Vec<CellBands>,
    /// Value of information over every candidate.
    pub voi: Voi,
    /// Value of information over the named policies alone (what the decision matrix's EVPI
    /// is about).
    pub voi_named: Voi,
}

/// What one run keeps for the next (the model compiled for the design's samples, keyed on the
/// model's identity and the design's seed and size), and what it is asked to compute.
#[derive(Debug, Default, Clone)]
pub struct Buffers {
    plan: Option<(u64, u64, usize, crate::model::evaluate::kernel::Plan)>,
    /// The last run's per-sample arrays, reused so that a run does not fault in fresh pages.
    kept: Kept,
    /// Whether to compute each outcome's band under each leaf ([`CellBands::by_leaf`]) as well
    /// as the expected one. The command line's JSON reports them; the app shows only the
    /// expected bands, so it leaves them out (empty).
    pub by_leaf: bool,
}

impl Buffers {
    /// Buffers for a run that computes the bands under each leaf too.
    #[must_use]
    pub fn by_leaf() -> Self {
        Self {
            by_leaf: true,
            ..Self::default()
        }
    }
}

/// A run's per-sample arrays (see `montecarlo`): records, top expected utilities, winners,
/// the banded candidate's values, expected utilities sample by sample.
#[derive(Debug, Default, Clone)]
struct Kept {
    rec: Vec<f64>,
    tops: Vec<f64>,
    win: Vec<u32>,
    band: Vec<f64>,
    eu_t: Vec<f64>,
}

/// The weights a run reads: leaf weights, value weights and horizon weights.
#[derive(Debug, Clone, Copy)]
pub struct Weights<'a> {
    /// Effective weight per leaf.
    pub leaves: &'a [f64],
    /// Value weight per outcome.
    pub values: &'a [f64],
    /// What each horizon counts, `tau_t`.
    pub horizons: &'a [f64],
}

/// The leaf drawn for each motive quantile under leaf weights `w`: the first leaf of positive
/// weight whose running share of the weights is above the quantile (the last such leaf when none
/// is), the running shares worked out once instead of once per sample.
struct Draw {
    /// The running sum of the weights' shares up to each leaf of positive weight.
    sums: Vec<f64>,
    /// Those leaves.
    leaves: Vec<usize>,
    /// The last of them (the leaf when the quantile is past every sum).
    last: usize,
}

impl Draw {
    fn new(w: &[f64]) -> Self {
        let total: f64 = w.iter().sum();
        let mut acc = 0.0;
        let (mut sums, mut leaves) = (Vec::new(), Vec::new());
        for (l, &x) in w.iter().enumerate() {
            if x > 0.0 {
                acc += x / total;
                sums.push(acc);
                leaves.push(l);
            }
        }
        let last = leaves.last().copied().unwrap_or(0);
        Self { sums, leaves, last }
    }

    /// The leaf drawn for quantile `u`: the first whose running sum is above `u`.
    fn at(&self, u: f64) -> usize {
        self.sums
            .iter()
            .position(|&a| u < a)
            .map_or(self.last, |i| self.leaves[i])
    }
}

#[cfg(test)]
mod reference;
#[cfg(test)]
mod tests;
