//! The Monte Carlo as it was computed before the kernel, kept as the reference the kernel's
//! figures are tested against (`tests.rs`).

use super::stats::{band, quantile};
use super::voi::{self, Voi, evppi_binned};
use super::{CellBands, Design, PolicyStats, Uncertainty, UncertaintyError, Weights};
use crate::model::decision::{Candidate, argmax};
use crate::model::evaluate::{Model, SampleOut, SampleScratch};

/// The leaf drawn for motive quantile `u` under these leaf weights.
pub(super) fn leaf_at(w: &[f64], u: f64) -> usize {
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

/// The reference's buffers.
#[derive(Default)]
struct Reference {
    utility: Vec<f64>,
    values: Vec<f64>,
    scratch: SampleScratch,
}

/// The Monte Carlo as it was before the kernel: every candidate's utilities for every sample
/// by [`Model::sample_into`], then the statistics sample by sample, in one thread.
pub fn reference_run(
    model: &Model,
    design: &Design,
    candidates: &[Candidate],
    weights: Weights<'_>,
    (banded, named): (usize, usize),
) -> Result<Uncertainty, UncertaintyError> {
    let mut buffers = Reference::default();
    let slot_multipliers = design.slot_multipliers();
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
            &slot_multipliers,
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
                .map(|j| {
                    // The middle of each sample's bin: the design keeps the bins, not the quantiles.
                    let b = voi::bins(n) as f64;
                    evppi_binned(&eu_t, k, n, |s| (f64::from(design.bins_of(j)[s]) + 0.5) / b, noise)
                })
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

/// The kernel's figures against the reference's.
mod compared {
    use super::super::tests::{bet, paris};
    use super::super::*;
    use crate::model::evaluate::Model;
    use crate::model::scenario::Scenario;
    use crate::model::settings::Settings;

    /// Equal to 1e-12 of the larger magnitude (or absolutely, below 1).
    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-12 * a.abs().max(b.abs()).max(1.0)
    }

    /// The kernel's figures against the reference's: counts exactly, the rest to 1e-12.
    fn assert_same(fast: &Uncertainty, slow: &Uncertainty) {
        assert_eq!(fast.best, slow.best);
        assert_eq!(fast.policies.len(), slow.policies.len());
        for (p, (a, b)) in fast.policies.iter().zip(&slow.policies).enumerate() {
            assert_eq!(a.p_best, b.p_best, "P(best) of {p}");
            assert_eq!(a.p_best_motive_averaged, b.p_best_motive_averaged, "{p}");
            assert_eq!(a.p_best_named, b.p_best_named, "{p}");
            for (x, y, what) in [
                (a.eu_mean, b.eu_mean, "E[U]"),
                (a.eu_p5, b.eu_p5, "U p5"),
                (a.eu_p95, b.eu_p95, "U p95"),
                (a.expected_regret, b.expected_regret, "E[regret]"),
                (a.regret_p90, b.regret_p90, "regret p90"),
            ] {
                assert!(close(x, y), "{what} of {p}: {x} against {y}");
            }
        }
        assert_eq!(fast.cells.len(), slow.cells.len());
        let bands = |b: &Band| [b.mean, b.p5, b.p50, b.p95];
        for (c, (a, b)) in fast.cells.iter().zip(&slow.cells).enumerate() {
            for (x, y) in std::iter::once((&a.expected, &b.expected)).chain(a.by_leaf.iter().zip(&b.by_leaf)) {
                for (x, y) in bands(x).into_iter().zip(bands(y)) {
                    assert!(close(x, y), "cell {c}: {x} against {y}");
                }
            }
            assert_eq!(a.by_leaf.len(), b.by_leaf.len());
        }
        for (a, b) in [(&fast.voi, &slow.voi), (&fast.voi_named, &slow.voi_named)] {
            assert!(close(a.evpi_total, b.evpi_total), "{} {}", a.evpi_total, b.evpi_total);
            assert!(
                close(a.evppi_motive, b.evppi_motive),
                "{} {}",
                a.evppi_motive,
                b.evppi_motive
            );
            for (x, y) in a.parameters.iter().zip(&b.parameters) {
                assert!(close(*x, *y), "{x} {y}");
            }
            assert_eq!(a.parameters.len(), b.parameters.len());
        }
    }

    /// Both runs on `s` at its defaults with the found settings among the candidates, bands for
    /// candidate `banded` (clamped to the last), the kernel's with fresh buffers.
    fn both(s: &Scenario, n: usize, seed: u64, banded: usize) -> (Uncertainty, Uncertainty) {
        both_with(s, n, seed, banded, &mut Buffers::by_leaf())
    }

    /// [`both`], the kernel's run with these buffers.
    fn both_with(s: &Scenario, n: usize, seed: u64, banded: usize, kept: &mut Buffers) -> (Uncertainty, Uncertainty) {
        let model = Model::new(s).expect("valid");
        let settings = Settings::defaults(s);
        let design = Design::new(s, n, seed);
        let found = search(s, &model, &settings);
        let c = with_found(s, &settings, &found_candidates(&found));
        let w = model.leaf_weights(&settings.credences).expect("weights");
        let taus = settings.taus(&model);
        let weights = Weights {
            leaves: &w,
            values: &settings.value_weights,
            horizons: &taus,
        };
        let banded = banded.min(c.len() - 1);
        let named = s.policies.len();
        let fast = run(&model, &design, &c, weights, (banded, named), kept).expect("runs");
        let slow = super::reference_run(&model, &design, &c, weights, (banded, named)).expect("runs");
        (fast, slow)
    }

    #[test]
    fn the_kernel_gives_the_reference_figures_on_paris() {
        let s = paris();
        // A full design, and one whose last block is short.
        for (n, seed, banded) in [(10_000, DEFAULT_SEED, usize::MAX), (1_001, 3, 0), (77, 11, 4)] {
            let (fast, slow) = both(&s, n, seed, banded);
            assert_same(&fast, &slow);
            assert_eq!(fast.samples, n);
        }
    }

    #[test]
    fn buffers_kept_from_other_runs_give_the_reference_figures() {
        // Each run finds the arrays of the one before in the buffers: larger, smaller, of
        // another scenario (other candidates, leaves and cells), banded or not.
        let paris = paris();
        let bet = bet((0.2, 1.1), "Pert", true);
        let mut kept = Buffers::by_leaf();
        for (s, n, banded) in [
            (&paris, 1_001, 0),
            (&bet, 2_000, 1),
            (&paris, 77, 4),
            (&paris, 300, usize::MAX),
            (&bet, 130, 0),
            (&paris, 1_001, 2),
        ] {
            let (fast, slow) = both_with(s, n, 8, banded, &mut kept);
            assert_same(&fast, &slow);
            assert_eq!(fast, both(s, n, 8, banded).0, "{n} samples");
        }
    }

    #[test]
    fn the_kernel_gives_the_reference_figures_on_small_scenarios() {
        for s in [
            bet((0.5, 1.5), "Triangular", false),
            bet((0.2, 1.1), "Pert", true),
            bet((0.5, 2.0), "LogNormal", true),
        ] {
            let (fast, slow) = both(&s, 2_000, 5, 0);
            assert_same(&fast, &slow);
        }
    }

    #[test]
    fn the_kernel_gives_the_reference_figures_on_generated_scenarios() {
        use crate::model::generate::{Shape, seeded};
        let larger = Shape {
            hypotheses: 6..=12,
            levers: 3..=6,
            outcomes: 4..=8,
            effects: 40..=80,
            ..Shape::small()
        };
        // Scenarios of every kind the generator makes (nested hypotheses, several questions,
        // clamped and linear values, curves of points, outcome-driven effects), and larger ones.
        let mut compared = 0;
        for seed in 0..24 {
            let shape = if seed % 3 == 0 { larger.clone() } else { Shape::small() };
            let s = seeded(&shape, seed).expect("generates");
            if Model::new(&s).is_err() || Settings::defaults(&s).value_weights.iter().all(|&w| w == 0.0) {
                continue;
            }
            let (fast, slow) = both(&s, 300, seed, (seed % 4) as usize);
            assert_same(&fast, &slow);
            compared += 1;
        }
        assert!(compared >= 16, "only {compared} generated scenarios compared");
    }

    #[test]
    fn the_figures_do_not_depend_on_the_number_of_threads() {
        let s = paris();
        let one = rayon::ThreadPoolBuilder::new().num_threads(1).build().expect("pool");
        let three = rayon::ThreadPoolBuilder::new().num_threads(3).build().expect("pool");
        let (a, _) = one.install(|| both(&s, 700, 9, 0));
        let (b, _) = three.install(|| both(&s, 700, 9, 0));
        assert_eq!(a, b);
    }
}
