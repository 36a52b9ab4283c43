//! The samples: a Latin hypercube over the uncertain parameters (and the motive), seeded, and
//! the effect multipliers it implies.

use crate::model::scenario::{Dist, Scenario};
use rand::seq::SliceRandom;
use rand::{RngExt, SeedableRng};
use rand_pcg::Pcg64;
use rayon::prelude::*;

/// One uncertain quantity: a named parameter shared by effects and baselines, or one effect or
/// baseline of its own.
#[derive(Debug, Clone, PartialEq)]
pub struct Unknown {
    /// The parameter's id, or `effect-N` or `baseline-N` (N counted from 1 in file order) for
    /// an effect or a baseline of its own.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Whether the scenario names it (a shared parameter), rather than one item's own range.
    pub named: bool,
    /// Multiplier slots drawn from it: an effect's index, or the number of effects plus a
    /// baseline's index (see [`crate::model::evaluate::Model::sample_into`]).
    pub slots: Vec<usize>,
}

/// The range and distribution of multiplier slot `k`; a certain baseline's is the point 1.
fn slot(scenario: &Scenario, k: usize) -> (Dist, (f64, f64)) {
    match scenario.effects.get(k) {
        Some(e) => (e.dist, e.range),
        None => scenario
            .baselines
            .get(k - scenario.effects.len())
            .map_or((Dist::Uniform, (1.0, 1.0)), |b| (b.dist, b.range.unwrap_or((1.0, 1.0)))),
    }
}

/// Multiplier slots a sample has: one per effect, then one per baseline.
fn slots(scenario: &Scenario) -> usize {
    scenario.effects.len() + scenario.baselines.len()
}

/// The Latin hypercube design: `n` samples of each unknown and of the motive. Each unknown's
/// quantiles are kept only as what they become: the multipliers of its slots and the bins of the
/// value-of-information estimator (so the design holds no more than the Monte Carlo reads).
#[derive(Debug, Clone, PartialEq)]
pub struct Design {
    /// Samples.
    pub n: usize,
    /// The seed it was drawn with.
    pub seed: u64,
    /// The uncertain quantities, named parameters first (scenario order), then effects of
    /// their own (file order), then baselines of their own (file order). Effects and baselines
    /// whose range is one point (or absent) are left out.
    pub unknowns: Vec<Unknown>,
    /// A quantile per sample for drawing the motive.
    pub motive: Vec<f64>,
    /// A quantile per sample that nothing reads: the no-information reference of the
    /// binning estimator (see `voi`).
    pub reference: Vec<f64>,
    /// The row of each multiplier slot (effects, then baselines) in [`Design::multipliers`];
    /// `None` for a slot that no unknown draws (its multiplier is 1 in every sample).
    pub rows: Vec<Option<usize>>,
    /// Multiplier of each drawn slot per sample, `[row * n + s]` (see [`Design::rows`]).
    pub multipliers: Vec<f64>,
    /// The bin of each unknown's quantile per sample for the value-of-information estimator,
    /// `[unknown * n + s]`, then the reference quantile's bins (see `voi`).
    pub bins: Vec<u8>,
}

/// The uncertain quantities of a scenario.
#[must_use]
pub fn unknowns(scenario: &Scenario) -> Vec<Unknown> {
    let mut out: Vec<Unknown> = scenario
        .parameters
        .iter()
        .map(|p| Unknown {
            id: p.id.clone(),
            name: p.name.clone(),
            named: true,
            slots: (scenario.effects.iter().map(|e| &e.parameter))
                .chain(scenario.baselines.iter().map(|b| &b.parameter))
                .enumerate()
                .filter(|(_, q)| q.as_ref() == Some(&p.id))
                .map(|(k, _)| k)
                .collect(),
        })
        .collect();
    for (i, e) in scenario.effects.iter().enumerate() {
        if e.parameter.is_none() && e.range.0 < e.range.1 {
            out.push(Unknown {
                id: format!("effect-{}", i + 1),
                name: scenario.effect_name(i),
                named: false,
                slots: vec![i],
            });
        }
    }
    for (i, b) in scenario.baselines.iter().enumerate() {
        if b.parameter.is_none()
            && let Some((lo, hi)) = b.range
            && lo < hi
        {
            out.push(Unknown {
                id: format!("baseline-{}", i + 1),
                name: scenario.baseline_name(i),
                named: false,
                slots: vec![scenario.effects.len() + i],
            });
        }
    }
    out
}

/// One Latin hypercube column: a random permutation of the `n` strata, a uniform point in each.
fn column(rng: &mut Pcg64, n: usize) -> Vec<f64> {
    // u32 strata: the shuffle's swaps depend only on the length and the generator.
    let mut strata: Vec<u32> = (0..n as u32).collect();
    strata.shuffle(rng);
    strata
        .into_iter()
        .map(|k| (f64::from(k) + rng.random::<f64>()) / n as f64)
        .collect()
}

impl Design {
    /// Draw `n` samples with this seed. The same scenario, `n` and seed give the same design on
    /// every machine (PCG-64 and the shuffle are specified bit for bit).
    #[must_use]
    pub fn new(scenario: &Scenario, n: usize, seed: u64) -> Self {
        let mut rng = Pcg64::seed_from_u64(seed);
        let unknowns = unknowns(scenario);
        let mut quantiles = Vec::with_capacity(unknowns.len() * n);
        for _ in &unknowns {
            quantiles.extend(column(&mut rng, n));
        }
        let motive = column(&mut rng, n);
        let reference = column(&mut rng, n);
        let mut rows = vec![None; slots(scenario)];
        let mut drawn = Vec::new();
        for (k, u) in unknowns.iter().enumerate() {
            for &e in &u.slots {
                if rows[e].is_none() {
                    rows[e] = Some(drawn.len());
                    drawn.push((e, k));
                }
            }
        }
        // Each drawn slot's multipliers from its unknown's quantiles, in parallel (each row is
        // worked out alone, so the numbers do not depend on the threads).
        // Zeroed memory comes from the system untouched, and every row is written below.
        let mut multipliers = vec![0.0; drawn.len() * n];
        multipliers
            .par_chunks_mut(n.max(1))
            .zip(&drawn)
            .for_each(|(row, &(e, k))| {
                let (dist, range) = slot(scenario, e);
                crate::model::scenario::quantiles(dist, range, &quantiles[k * n..(k + 1) * n], row);
            });
        let b = super::voi::bins(n);
        let bins = quantiles
            .iter()
            .chain(&reference)
            .map(|&q| ((q * b as f64) as usize).min(b - 1) as u8)
            .collect();
        Self {
            n,
            seed,
            unknowns,
            motive,
            reference,
            rows,
            multipliers,
            bins,
        }
    }

    /// The multiplier of slot `slot` in sample `s` (1 for a slot no unknown draws).
    #[must_use]
    pub fn multiplier(&self, slot: usize, s: usize) -> f64 {
        self.rows
            .get(slot)
            .copied()
            .flatten()
            .map_or(1.0, |r| self.multipliers[r * self.n + s])
    }

    /// Every slot's multipliers, `[slot * n + s]`, as [`crate::model::evaluate::Model::sample_into`]
    /// reads them.
    #[must_use]
    pub fn slot_multipliers(&self) -> Vec<f64> {
        let mut out = vec![1.0; self.rows.len() * self.n];
        for (slot, r) in self.rows.iter().enumerate() {
            if let Some(r) = r {
                out[slot * self.n..(slot + 1) * self.n]
                    .copy_from_slice(&self.multipliers[r * self.n..(r + 1) * self.n]);
            }
        }
        out
    }

    /// The bins of unknown `k`'s quantiles (`k` = the number of unknowns: the reference's).
    #[must_use]
    pub fn bins_of(&self, k: usize) -> &[u8] {
        &self.bins[k * self.n..(k + 1) * self.n]
    }
}

/// Multipliers with every unknown at its central value (1) but unknown `k`'s slots at
/// quantile `u`: one sample, `[slot]`.
#[must_use]
pub fn one_at(scenario: &Scenario, unknown: &Unknown, u: f64) -> Vec<f64> {
    let mut m = vec![1.0; slots(scenario)];
    for &e in &unknown.slots {
        let (dist, range) = slot(scenario, e);
        m[e] = dist.quantile(range, u);
    }
    m
}
