//! The Monte Carlo run: every candidate evaluated on every sample, block by block across the
//! machine's cores, and what the samples say about each candidate.
//!
//! Each block of [`BLOCK`] samples is worked through by one thread: the kernel evaluates every
//! candidate's utilities under every leaf for the block, and the per-sample figures (expected
//! utility, regret, the utility under the drawn motive, the winners) are written to arrays laid
//! out sample by sample, so the statistics afterwards read them in sample order whatever the
//! number of threads. Sums over samples are taken in sample order, except the two the
//! value-of-information needs per leaf (block sums added in block order): the figures are the
//! same on every machine.

use super::figures::{cell_bands, vois};
use super::stats::{quantile, row_sums};
use super::{Buffers, Draw, Kept, PolicyStats, Uncertainty, UncertaintyError, Weights};
use crate::model::decision::{Candidate, argmax};
use crate::model::evaluate::Model;
use crate::model::evaluate::kernel::{BLOCK, KernelScratch, Plan, Prepared};
use multiversion::multiversion;
use rayon::prelude::*;

use super::design::Design;

/// Per-sample figures of one candidate, in the record of a sample.
const EU: usize = 0;
const DRAWN: usize = 1;
const DRAWN_REGRET: usize = 2;
const REGRET: usize = 3;
/// Figures per candidate in a sample's record.
const PER_CANDIDATE: usize = 4;

/// A block's scratch: node values, utilities `[(p * leaves + l) * BLOCK + j]`, the best utility
/// per leaf and sample.
#[derive(Default)]
struct BlockScratch {
    kernel: KernelScratch,
    utility: Vec<f64>,
    tops: Vec<f64>,
}

/// What the run needs from every block, fixed for the run.
struct Shared<'a> {
    model: &'a Model,
    plan: &'a Plan,
    design: &'a Design,
    prepared: &'a [Prepared],
    weights: &'a crate::model::evaluate::kernel::CellWeights,
    w: &'a [f64],
    drawn: &'a [usize],
    named: usize,
    banded: usize,
    /// The first candidate with the same levers as each.
    same_as: &'a [usize],
}

/// Work through block `b`: per-sample records (`rec[j * m * 4 + figure * m + p]`), the
/// top expected utilities (`tops[j * 2]` over all candidates, `+ 1` over the named ones),
/// the winners (`win[j * 3]` drawn motive, `+ 1` motive averaged, `+ 2` among the named),
/// the banded candidate's expected cells and varying node values (`band[j * width + ..]`).
/// Returns the block's sums of utility per candidate and leaf. Compiled, like the kernel, for the
/// vector units the processor has.
#[multiversion(targets("x86_64+avx2+fma", "x86_64+sse4.1"))]
fn block(
    shared: &Shared<'_>,
    scratch: &mut BlockScratch,
    b: usize,
    (rec, tops_out, win, band): (&mut [f64], &mut [f64], &mut [u32], &mut [f64]),
) -> Vec<f64> {
    let (n, m, leaves) = (shared.design.n, shared.prepared.len(), shared.model.n_leaves());
    let s0 = b * BLOCK;
    let k = BLOCK.min(n - s0);
    scratch.utility.resize(m * leaves * BLOCK, 0.0);
    scratch.tops.resize(leaves * BLOCK, 0.0);
    let cells = shared.model.cells();
    let width = band.len() / k.max(1);
    for (p, prepared) in shared.prepared.iter().enumerate() {
        // A candidate with the same levers as an earlier one has its utilities.
        let q = shared.same_as[p];
        if q != p {
            scratch
                .utility
                .copy_within(q * leaves * BLOCK..(q + 1) * leaves * BLOCK, p * leaves * BLOCK);
            continue;
        }
        let u = &mut scratch.utility[p * leaves * BLOCK..(p + 1) * leaves * BLOCK];
        // Only the banded candidate's bands read the values of every node.
        let banded = shared.same_as.get(shared.banded) == Some(&p);
        scratch.kernel.all_values = banded;
        shared.plan.evaluate(
            shared.model,
            prepared,
            (&shared.design.multipliers, n),
            (s0, k),
            shared.weights,
            &mut scratch.kernel,
            u,
        );
        // The banded candidate's values (or those of the first with its levers).
        if banded {
            let values = &scratch.kernel.values;
            // Each cell's expectation over the leaves, the leaves summed in order for every
            // sample of the block at once.
            let mut column = [-0.0; BLOCK];
            for cell in 0..cells {
                let column = &mut column[..k];
                column.fill(-0.0);
                for l in 0..leaves {
                    let at = shared.plan.node(l, cell) * BLOCK;
                    let wl = shared.w[l];
                    for (x, v) in column.iter_mut().zip(&values[at..at + k]) {
                        *x += wl * v;
                    }
                }
                for (j, x) in column.iter().enumerate() {
                    band[j * width + cell] = *x;
                }
            }
            for j in 0..k {
                let out = &mut band[j * width..(j + 1) * width];
                for (x, &node) in out[cells..]
                    .iter_mut()
                    .zip(shared.plan.varying().iter().take(width - cells))
                {
                    *x = values[node * BLOCK + j];
                }
            }
        }
    }
    let utility = &scratch.utility;
    let u = |p: usize, l: usize| &utility[(p * leaves + l) * BLOCK..(p * leaves + l) * BLOCK + k];
    // The best utility under each leaf, over every candidate.
    for l in 0..leaves {
        let top = &mut scratch.tops[l * BLOCK..l * BLOCK + k];
        top.fill(f64::NEG_INFINITY);
        for p in 0..m {
            for (t, &x) in top.iter_mut().zip(u(p, l)) {
                *t = t.max(x);
            }
        }
    }
    let tops = &scratch.tops;
    let top = |l: usize| &tops[l * BLOCK..l * BLOCK + k];
    // Per candidate: E over the motive of its utility and of its regret, sample by sample
    // (`rec[(figure * m + p) * k + j]`), each summed over the leaves in leaf order.
    for p in 0..m {
        let (eu, rest) = rec[(EU * m + p) * k..].split_at_mut(k);
        eu.fill(-0.0);
        let regret = &mut rest[(REGRET * m - EU * m - 1) * k..][..k];
        regret.fill(-0.0);
        for l in 0..leaves {
            let wl = shared.w[l];
            for (((e, r), &x), &t) in eu.iter_mut().zip(regret.iter_mut()).zip(u(p, l)).zip(top(l)) {
                *e += wl * x;
                *r += wl * (t - x);
            }
        }
    }
    // The best among the named policies under each leaf, then both tops' expectations.
    let mut named_top = [f64::NEG_INFINITY; BLOCK];
    let mut all = [-0.0; BLOCK];
    let mut named = [-0.0; BLOCK];
    for l in 0..leaves {
        let wl = shared.w[l];
        let nt = &mut named_top[..k];
        nt.fill(f64::NEG_INFINITY);
        for p in 0..shared.named {
            for (t, &x) in nt.iter_mut().zip(u(p, l)) {
                *t = t.max(x);
            }
        }
        for (((a, n), &t), &nt) in all.iter_mut().zip(named.iter_mut()).zip(top(l)).zip(nt.iter()) {
            *a += wl * t;
            *n += wl * nt;
        }
    }
    for j in 0..k {
        tops_out[j * 2] = all[j];
        tops_out[j * 2 + 1] = named[j];
        let h = shared.drawn[s0 + j];
        for p in 0..m {
            rec[(DRAWN * m + p) * k + j] = u(p, h)[j];
            rec[(DRAWN_REGRET * m + p) * k + j] = top(h)[j] - u(p, h)[j];
        }
        win[j * 3] = argmax((0..m).map(|p| u(p, h)[j])) as u32;
        win[j * 3 + 1] = argmax((0..m).map(|p| rec[(EU * m + p) * k + j])) as u32;
        win[j * 3 + 2] = argmax((0..shared.named).map(|p| u(p, h)[j])) as u32;
    }
    row_sums(&scratch.utility, m * leaves, k)
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
    let named = named.min(m);
    if buffers
        .plan
        .as_ref()
        .is_none_or(|(id, seed, n, _)| (*id, *seed, *n) != (model.id(), design.seed, design.n))
    {
        buffers.plan = Some((model.id(), design.seed, design.n, model.plan(&design.rows)));
    }
    let Some((.., plan)) = &buffers.plan else {
        return Err(UncertaintyError::Samples(n));
    };
    let cell_weights = model.cell_weights(weights.values, weights.horizons, total);
    // Each candidate's steps on the pool's threads.
    let prepared: Vec<Prepared> = candidates
        .par_iter()
        .map(|c| {
            let mut p = Prepared::default();
            plan.prepare(model, &c.levers, &mut p);
            p
        })
        .collect();
    let same_as: Vec<usize> = (0..m)
        .map(|p| {
            (0..p)
                .find(|&q| candidates[q].levers == candidates[p].levers)
                .unwrap_or(p)
        })
        .collect();
    let draw = Draw::new(w);
    let drawn: Vec<usize> = design.motive.iter().map(|&q| draw.at(q)).collect();
    let leaf_bands = buffers.by_leaf;
    let width = match (banded < m, leaf_bands) {
        (true, true) => cells + plan.varying().len(),
        (true, false) => cells,
        (false, _) => 1,
    };
    // The run's arrays, kept from the last run: every element is written before it is read.
    let Kept {
        mut rec,
        mut tops,
        mut win,
        mut band,
        mut eu_t,
    } = std::mem::take(&mut buffers.kept);
    rec.resize(n * PER_CANDIDATE * m.max(1), 0.0);
    tops.resize(n * 2, 0.0);
    win.resize(n * 3, 0);
    band.resize(n * width, 0.0);
    eu_t.resize(n * m, 0.0);
    let shared = Shared {
        model,
        plan,
        design,
        prepared: &prepared,
        weights: &cell_weights,
        w,
        drawn: &drawn,
        named,
        banded,
        same_as: &same_as,
    };
    let block_sums: Vec<Vec<f64>> = if m == 0 {
        Vec::new()
    } else {
        (
            rec.par_chunks_mut(BLOCK * PER_CANDIDATE * m),
            tops.par_chunks_mut(BLOCK * 2),
            win.par_chunks_mut(BLOCK * 3),
            band.par_chunks_mut(BLOCK * width),
        )
            .into_par_iter()
            .enumerate()
            .map_init(BlockScratch::default, |scratch, (b, outs)| {
                block(&shared, scratch, b, outs)
            })
            .collect()
    };
    let nf = n as f64;
    // A figure of candidate p over every sample: each block's run of it, in block order.
    let column = |figure: usize, p: usize| {
        rec.chunks(BLOCK * PER_CANDIDATE * m).flat_map(move |block| {
            let k = block.len() / (PER_CANDIDATE * m);
            &block[(figure * m + p) * k..(figure * m + p + 1) * k]
        })
    };
    // Wins of each candidate: under the drawn motive, the motive averaged, among the named.
    let mut wins = vec![[0usize; 3]; m];
    for w in win.chunks_exact(3) {
        for (kind, &p) in w.iter().enumerate() {
            if let Some(c) = wins.get_mut(p as usize) {
                c[kind] += 1;
            }
        }
    }
    let count = |kind: usize, p: usize| wins[p][kind];
    // Each candidate's figures on its own thread: the same numbers, in candidate order.
    // A column copied into a thread's scratch (a selection reorders it).
    let copy = |col: &mut Vec<f64>, figure: usize, p: usize| {
        col.clear();
        col.extend(column(figure, p));
    };
    let policies: Vec<PolicyStats> = (0..m)
        .into_par_iter()
        .map_init(Vec::new, |col, p| {
            copy(col, DRAWN, p);
            let (eu_p5, eu_p95) = (quantile(col, 0.05), quantile(col, 0.95));
            copy(col, DRAWN_REGRET, p);
            let regret_p90 = quantile(col, 0.9);
            let mut regret = 0.0;
            for r in column(REGRET, p) {
                regret += r;
            }
            let eu: f64 = column(EU, p).sum();
            PolicyStats {
                p_best: count(0, p) as f64 / nf,
                p_best_motive_averaged: count(1, p) as f64 / nf,
                p_best_named: (p < named).then(|| count(2, p) as f64 / nf),
                eu_mean: eu / nf,
                eu_p5,
                eu_p95,
                expected_regret: regret / nf,
                regret_p90,
            }
        })
        .collect();
    let best = argmax(policies.iter().map(|p| p.eu_mean));
    // Utility per candidate and leaf summed over samples, block by block.
    let mut by_leaf = vec![0.0; m * leaves];
    for sums in &block_sums {
        for (t, s) in by_leaf.iter_mut().zip(sums) {
            *t += s;
        }
    }
    // Sample-major, as the binning reads them: each block's records turned, blocks in parallel.
    if m > 0 {
        eu_t.par_chunks_mut(BLOCK * m)
            .zip(rec.par_chunks(BLOCK * PER_CANDIDATE * m))
            .for_each(|(out, block)| {
                let k = out.len() / m;
                for (j, row) in out.chunks_exact_mut(m).enumerate() {
                    for (p, x) in row.iter_mut().enumerate() {
                        *x = block[(EU * m + p) * k + j];
                    }
                }
            });
    }
    let (voi, voi_named) = vois(design, &eu_t, (m, named), &policies, &tops, (&by_leaf, w));
    let cells_out = if let Some(c) = prepared.get(banded) {
        // For the bands under each leaf, the values of the nodes that never vary, from the first
        // sample.
        let constant = leaf_bands.then(|| {
            let mut scratch = KernelScratch::default();
            scratch.all_values = true;
            let mut utility = vec![0.0; leaves * BLOCK];
            plan.evaluate(
                model,
                c,
                (&design.multipliers, n),
                (0, 1),
                &cell_weights,
                &mut scratch,
                &mut utility,
            );
            (0..plan.n_nodes())
                .map(|j| scratch.values[j * BLOCK])
                .collect::<Vec<f64>>()
        });
        cell_bands(plan, w, &band, (n, width), constant.as_deref())
    } else {
        Vec::new()
    };
    buffers.kept = Kept {
        rec,
        tops,
        win,
        band,
        eu_t,
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
