//! What the Monte Carlo's samples are summed into after the blocks: the values of information
//! and the outcome bands.

use super::design::Design;
use super::stats::{Band, band};
use super::voi::{self, Voi};
use super::{CellBands, PolicyStats};
use crate::model::evaluate::kernel::Plan;
use rayon::prelude::*;

/// The value of information over all `m` candidates and over the first `named`: the totals from
/// the samples' top expected utilities (`tops[s * 2]` over all, `+ 1` over the named), the
/// motive's from the utilities' sums per leaf, each unknown's by binning the expected utilities
/// `eu_t[s * m + p]` (each unknown's bins summed once for both).
pub(super) fn vois(
    design: &Design,
    eu_t: &[f64],
    (m, named): (usize, usize),
    policies: &[PolicyStats],
    tops: &[f64],
    (by_leaf, w): (&[f64], &[f64]),
) -> (Voi, Voi) {
    let unknowns = design.unknowns.len();
    let (n, leaves) = (design.n, w.len());
    let nf = n as f64;
    // Every unknown's bins and then the reference's, a few unknowns per pass.
    let of: Vec<&[u8]> = (0..=unknowns).map(|j| design.bins_of(j)).collect();
    let mut parameters: Vec<[f64; 2]> = of
        .par_chunks(voi::GROUP)
        .flat_map_iter(|group| voi::binned_by(eu_t, m, [m, named], group))
        .collect();
    let noise = parameters.pop().unwrap_or_default();
    let over = |k: usize, which: usize| -> Voi {
        if k == 0 {
            return Voi {
                evpi_total: 0.0,
                evppi_motive: 0.0,
                parameters: vec![0.0; unknowns],
            };
        }
        let best_mean = (0..k).map(|p| policies[p].eu_mean).fold(f64::NEG_INFINITY, f64::max);
        let top_expected: f64 = (0..n).map(|s| tops[s * 2 + which]).sum();
        let evppi_motive = (0..leaves)
            .map(|l| {
                w[l] * (0..k)
                    .map(|p| by_leaf[p * leaves + l] / nf)
                    .fold(f64::NEG_INFINITY, f64::max)
            })
            .sum::<f64>()
            - best_mean;
        Voi {
            evpi_total: (top_expected / nf - best_mean).max(0.0),
            evppi_motive: evppi_motive.max(0.0),
            parameters: parameters
                .iter()
                .map(|raw| (raw[which] - noise[which]).max(0.0))
                .collect(),
        }
    };
    (over(m, 0), over(named, 1))
}

/// The bands of every cell for the banded candidate: the expectation's from its column, each
/// leaf's from its node's (computed once per node; a node that never varies has its value as
/// every percentile).
pub(super) fn cell_bands(
    plan: &Plan,
    w: &[f64],
    values: &[f64],
    (n, width): (usize, usize),
    constant: Option<&[f64]>,
) -> Vec<CellBands> {
    let cells = if constant.is_some() {
        width - plan.varying().len()
    } else {
        width
    };
    let leaves = w.len();
    let varying = plan.varying();
    let node_bands: Vec<Option<Band>> = {
        let mut out = vec![None; plan.n_nodes()];
        let computed: Vec<(usize, Band)> = (0..if constant.is_some() { varying.len() } else { 0 })
            .into_par_iter()
            .map_init(Vec::new, |col, v| {
                col.clear();
                col.extend((0..n).map(|s| values[s * width + cells + v]));
                (varying[v], band(col))
            })
            .collect();
        for (node, b) in computed {
            out[node] = Some(b);
        }
        out
    };
    (0..cells)
        .into_par_iter()
        .map_init(Vec::new, |col, cell| {
            col.clear();
            col.extend((0..n).map(|s| values[s * width + cell]));
            let expected = band(col);
            let by_leaf = constant.map_or_else(Vec::new, |constant| {
                (0..leaves)
                    .map(|l| {
                        let node = plan.node(l, cell);
                        node_bands[node].unwrap_or_else(|| constant_band(constant[node], n))
                    })
                    .collect()
            });
            CellBands { expected, by_leaf }
        })
        .collect()
}

/// The band of a node whose value is the same in every sample: its value summed `n` times for
/// the mean (as the samples would be), its value for every percentile.
fn constant_band(x: f64, n: usize) -> Band {
    let sum: f64 = (0..n).map(|_| x).sum();
    Band {
        mean: if n == 0 { 0.0 } else { sum / n as f64 },
        p5: x,
        p50: x,
        p95: x,
    }
}
