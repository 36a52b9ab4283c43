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
mod optimise;
mod stats;
mod study;
mod tornado;
mod voi;

pub use believe::{Belief, MARGIN, believe, describe};
pub use budget::{Budget, evaluation_work};
pub use design::{Design, Unknown, one_at, unknowns};
pub use optimise::{Objective, optimise};
pub use stats::{Band, band, quantile};
pub use study::{
    BEST_FOUND_ID, Found, ROBUST_FOUND_ID, Study, believe_by_question, found_candidates, search, search_with, study,
    with_found,
};
pub use tornado::{Bar, BarKind, CREDENCE_SWING, moved, tornado};
pub use voi::{Voi, evppi_binned};

use crate::model::decision::{Candidate, argmax};
use crate::model::evaluate::{Model, SampleOut, SampleScratch, WeightError};

/// Samples when none are asked for.
pub const DEFAULT_SAMPLES: usize = 10_000;
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
    /// Under each leaf.
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

/// Reusable buffers: utilities of every candidate, leaf and sample.
#[derive(Debug, Default, Clone)]
pub struct Buffers {
    utility: Vec<f64>,
    values: Vec<f64>,
    scratch: SampleScratch,
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

/// The leaf drawn for motive quantile `u` under these leaf weights.
fn leaf_at(w: &[f64], u: f64) -> usize {
    let total: f64 = w.iter().sum();
    let mut acc = 0.0;
    let mut last = 0;
    for (l, &x) in w.iter().enumerate() {
        if x > 0.0 {
            last = l;
            acc += x / total;
            if u < acc {
                return l;
            }
        }
    }
    last
}

/// Run the Monte Carlo for `candidates` on `design`; outcome bands for candidate `banded`;
/// the first `named` candidates are the named policies.
///
/// # Errors
/// Unusable weights.
pub fn run(
    model: &Model,
    design: &Design,
    candidates: &[Candidate],
    weights: Weights<'_>,
    (banded, named): (usize, usize),
    buffers: &mut Buffers,
) -> Result<Uncertainty, UncertaintyError> {
    let n = design.n;
    let leaves = model.n_leaves();
    let m = candidates.len();
    let w = weights.leaves;
    let total = model.weight_total(weights.values, weights.horizons)?;
    let cells = model.cells();
    buffers.utility.resize(m * leaves * n, 0.0);
    buffers.values.resize(leaves * cells * n, 0.0);
    for (p, c) in candidates.iter().enumerate() {
        let utility = &mut buffers.utility[p * leaves * n..(p + 1) * leaves * n];
        let values = (p == banded).then_some(&mut buffers.values[..]);
        model.sample_into(
            &c.levers,
            &design.multipliers,
            n,
            (weights.values, weights.horizons, total),
            &mut buffers.scratch,
            SampleOut { utility, values },
        );
    }
    let u = |p: usize, l: usize, s: usize| buffers.utility[(p * leaves + l) * n + s];
    // Expected utility over the motive per candidate and sample.
    let eu: Vec<f64> = (0..m)
        .flat_map(|p| (0..n).map(move |s| (p, s)))
        .map(|(p, s)| (0..leaves).map(|l| w[l] * u(p, l, s)).sum())
        .collect();
    let drawn: Vec<usize> = design.motive.iter().map(|&q| leaf_at(w, q)).collect();
    let mut wins = vec![0usize; m];
    let mut wins_averaged = vec![0usize; m];
    let named = named.min(m);
    let mut wins_named = vec![0usize; m];
    let mut regret_sum = vec![0.0; m];
    let mut drawn_u = vec![0.0; m * n];
    let mut drawn_regret = vec![0.0; m * n];
    let mut tops = vec![0.0; leaves];
    for s in 0..n {
        if m == 0 {
            break;
        }
        for (l, top) in tops.iter_mut().enumerate() {
            *top = (0..m).map(|p| u(p, l, s)).fold(f64::NEG_INFINITY, f64::max);
        }
        for (p, r) in regret_sum.iter_mut().enumerate() {
            *r += (0..leaves).map(|l| w[l] * (tops[l] - u(p, l, s))).sum::<f64>();
        }
        let h = drawn[s];
        wins[argmax((0..m).map(|p| u(p, h, s)))] += 1;
        wins_averaged[argmax((0..m).map(|p| eu[p * n + s]))] += 1;
        if named > 0 {
            wins_named[argmax((0..named).map(|p| u(p, h, s)))] += 1;
        }
        for p in 0..m {
            drawn_u[p * n + s] = u(p, h, s);
            drawn_regret[p * n + s] = tops[h] - u(p, h, s);
        }
    }
    let nf = n as f64;
    let policies: Vec<PolicyStats> = (0..m)
        .map(|p| {
            let du = &mut drawn_u[p * n..(p + 1) * n];
            let (eu_p5, eu_p95) = (quantile(du, 0.05), quantile(du, 0.95));
            PolicyStats {
                p_best: wins[p] as f64 / nf,
                p_best_motive_averaged: wins_averaged[p] as f64 / nf,
                p_best_named: (p < named).then(|| wins_named[p] as f64 / nf),
                eu_mean: eu[p * n..(p + 1) * n].iter().sum::<f64>() / nf,
                eu_p5,
                eu_p95,
                expected_regret: regret_sum[p] / nf,
                regret_p90: quantile(&mut drawn_regret[p * n..(p + 1) * n], 0.9),
            }
        })
        .collect();
    let best = argmax(policies.iter().map(|p| p.eu_mean));
    // The value of information over the first `k` candidates.
    let voi_over = |k: usize| -> Voi {
        if k == 0 {
            return Voi {
                evpi_total: 0.0,
                evppi_motive: 0.0,
                parameters: vec![0.0; design.unknowns.len()],
            };
        }
        let best_mean = (0..k).map(|p| policies[p].eu_mean).fold(f64::NEG_INFINITY, f64::max);
        let mut top_expected = 0.0;
        for s in 0..n {
            for (l, wl) in w.iter().enumerate() {
                top_expected += wl * (0..k).map(|p| u(p, l, s)).fold(f64::NEG_INFINITY, f64::max);
            }
        }
        let by_leaf_mean = |p: usize, l: usize| (0..n).map(|s| u(p, l, s)).sum::<f64>() / nf;
        let evppi_motive = (0..leaves)
            .map(|l| w[l] * (0..k).map(|p| by_leaf_mean(p, l)).fold(f64::NEG_INFINITY, f64::max))
            .sum::<f64>()
            - best_mean;
        // Sample-major for the binning: eu_t[s * k + p].
        let mut eu_t = vec![0.0; k * n];
        for p in 0..k {
            for s in 0..n {
                eu_t[s * k + p] = eu[p * n + s];
            }
        }
        let noise = voi::binned(&eu_t, k, n, |s| design.reference[s]);
        Voi {
            evpi_total: (top_expected / nf - best_mean).max(0.0),
            evppi_motive: evppi_motive.max(0.0),
            parameters: (0..design.unknowns.len())
                .map(|j| evppi_binned(&eu_t, k, n, |s| design.quantile(j, s), noise))
                .collect(),
        }
    };
    let voi = voi_over(m);
    let voi_named = voi_over(named);
    let cells_out = if banded < m {
        let v = &buffers.values;
        let mut column = vec![0.0; n];
        (0..cells)
            .map(|cell| {
                for (s, x) in column.iter_mut().enumerate() {
                    *x = (0..leaves).map(|l| w[l] * v[(l * cells + cell) * n + s]).sum();
                }
                let expected = band(&mut column);
                let by_leaf = (0..leaves)
                    .map(|l| {
                        column.copy_from_slice(&v[(l * cells + cell) * n..(l * cells + cell + 1) * n]);
                        band(&mut column)
                    })
                    .collect();
                CellBands { expected, by_leaf }
            })
            .collect()
    } else {
        Vec::new()
    };
    Ok(Uncertainty {
        samples: n,
        seed: design.seed,
        policies,
        best,
        cells: cells_out,
        voi,
        voi_named,
    })
}

#[cfg(test)]
mod tests;
