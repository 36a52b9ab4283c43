//! The samples: a Latin hypercube over the uncertain parameters (and the motive), seeded, and
//! the effect multipliers it implies.

use crate::model::scenario::{Dist, Scenario};
use rand::seq::SliceRandom;
use rand::{RngExt, SeedableRng};
use rand_pcg::Pcg64;

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

/// One Latin hypercube column's strata, shuffled, and the generator where the column's jitter
/// starts (its next `n` draws, one per sample). The caller's generator is moved past them, so
/// columns are shuffled one after another while their jitter is drawn in parallel, each number
/// the same as when every draw is taken in turn from one generator.
struct Shuffled {
    strata: Vec<u32>,
    jitter: Pcg64,
}

impl Shuffled {
    fn new(rng: &mut Pcg64, n: usize) -> Self {
        // u32 strata: the shuffle's swaps depend only on the length and the generator.
        let mut strata: Vec<u32> = (0..n as u32).collect();
        strata.shuffle(rng);
        let jitter = rng.clone();
        // A uniform f64 takes one u64 of PCG-64, one step of its sequence.
        rng.advance(n as u128);
        Self { strata, jitter }
    }

    /// The column: a uniform point in each of its strata, `(stratum + U(0, 1)) / n`.
    fn column(mut self) -> Vec<f64> {
        let n = self.strata.len() as f64;
        (self.strata.iter())
            .map(|&k| (f64::from(k) + self.jitter.random::<f64>()) / n)
            .collect()
    }
}

/// The estimator's bin of each quantile in `q`, `b` bins.
fn bin_into(q: &[f64], b: usize, out: &mut [u8]) {
    let top = (b - 1) as f64;
    for (o, &q) in out.iter_mut().zip(q) {
        // q < 1, so q b < b; the `min` keeps a rounding at the top edge in the last bin.
        *o = (q * b as f64).min(top) as u8;
    }
}

/// What one unknown's column becomes: its estimator bins and its slots' multiplier rows.
struct Column<'a> {
    bins: &'a mut [u8],
    multipliers: &'a mut [f64],
    slots: Vec<usize>,
}

impl Design {
    /// Draw `n` samples with this seed. The same scenario, `n` and seed give the same design on
    /// every machine (PCG-64 and the shuffle are specified bit for bit). The columns are shuffled
    /// in turn on this thread while other threads draw the shuffled columns' points and
    /// multipliers; the numbers do not depend on the threads.
    #[must_use]
    pub fn new(scenario: &Scenario, n: usize, seed: u64) -> Self {
        let mut rng = Pcg64::seed_from_u64(seed);
        let unknowns = unknowns(scenario);
        let mut rows = vec![None; slots(scenario)];
        let mut drawn: Vec<Vec<usize>> = vec![Vec::new(); unknowns.len()];
        let mut count = 0;
        for (u, mine) in unknowns.iter().zip(&mut drawn) {
            for &e in &u.slots {
                if rows[e].is_none() {
                    rows[e] = Some(count);
                    count += 1;
                    mine.push(e);
                }
            }
        }
        let b = super::voi::bins(n);
        // Zeroed memory comes from the system untouched, and every element is written below.
        let mut multipliers = vec![0.0; count * n];
        let mut bins = vec![0; (unknowns.len() + 1) * n];
        let mut motive = Vec::new();
        let mut reference = Vec::new();
        let (mut m_rest, mut b_rest) = (&mut multipliers[..], &mut bins[..]);
        let mut columns = Vec::with_capacity(unknowns.len());
        for slots in drawn {
            let (m, m_tail) = std::mem::take(&mut m_rest).split_at_mut(slots.len() * n);
            let (bins, b_tail) = std::mem::take(&mut b_rest).split_at_mut(n);
            (m_rest, b_rest) = (m_tail, b_tail);
            columns.push(Column {
                bins,
                multipliers: m,
                slots,
            });
        }
        let reference_bins = b_rest;
        rayon::scope(|scope| {
            for column in columns {
                let shuffled = Shuffled::new(&mut rng, n);
                scope.spawn(move |_| {
                    let q = shuffled.column();
                    bin_into(&q, b, column.bins);
                    for (&e, row) in column.slots.iter().zip(column.multipliers.chunks_mut(n.max(1))) {
                        let (dist, range) = slot(scenario, e);
                        crate::model::scenario::quantiles(dist, range, &q, row);
                    }
                });
            }
            let motive_column = Shuffled::new(&mut rng, n);
            scope.spawn(|_| motive = motive_column.column());
            reference = Shuffled::new(&mut rng, n).column();
            bin_into(&reference, b, reference_bins);
        });
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The design drawn the plain way: every column in turn from one generator, its strata
    /// shuffled then its points drawn, then each slot's multipliers and each quantile's bin.
    fn drawn_in_turn(scenario: &Scenario, n: usize, seed: u64) -> (Vec<f64>, Vec<u8>, Vec<f64>, Vec<f64>) {
        let mut rng = Pcg64::seed_from_u64(seed);
        let mut column = || {
            let mut strata: Vec<u32> = (0..n as u32).collect();
            strata.shuffle(&mut rng);
            strata
                .into_iter()
                .map(|k| (f64::from(k) + rng.random::<f64>()) / n as f64)
                .collect::<Vec<f64>>()
        };
        let unknowns = unknowns(scenario);
        let quantiles: Vec<Vec<f64>> = unknowns.iter().map(|_| column()).collect();
        let motive = column();
        let reference = column();
        let mut multipliers = Vec::new();
        let mut seen = vec![false; slots(scenario)];
        for (u, q) in unknowns.iter().zip(&quantiles) {
            for &e in &u.slots {
                if !std::mem::replace(&mut seen[e], true) {
                    let (dist, range) = slot(scenario, e);
                    multipliers.extend(q.iter().map(|&q| dist.quantile(range, q)));
                }
            }
        }
        let b = super::super::voi::bins(n);
        let bins = (quantiles.iter().flatten().chain(&reference))
            .map(|&q| ((q * b as f64) as usize).min(b - 1) as u8)
            .collect();
        (multipliers, bins, motive, reference)
    }

    #[test]
    fn the_design_is_the_one_drawn_in_turn_from_one_generator() {
        let paris = super::super::tests::paris();
        let bet = super::super::tests::bet((0.5, 1.5), "Pert", true);
        for (s, n, seed) in [
            (&paris, 10_000, 7),
            (&paris, 1_000, 1),
            (&paris, 3, 99),
            (&paris, 1, 2),
            (&bet, 257, 5),
        ] {
            let d = Design::new(s, n, seed);
            let (multipliers, bins, motive, reference) = drawn_in_turn(s, n, seed);
            assert_eq!(d.multipliers, multipliers, "n = {n}");
            assert_eq!(d.bins, bins, "n = {n}");
            assert_eq!(d.motive, motive, "n = {n}");
            assert_eq!(d.reference, reference, "n = {n}");
        }
    }
}
