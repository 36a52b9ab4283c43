//! Evaluation of many samples of the effects' multipliers at once, for the Monte Carlo: the
//! same formulas as [`Model::evaluate_into`] with each effect's change scaled by its
//! multiplier in each sample, worked through chunks of samples that stay in cache.

use super::{Input, Model};
use crate::model::scenario::Curve;

/// Samples worked through together: each cell's values for a chunk lie side by side.
const CHUNK: usize = 128;

/// Buffers for [`Model::sample_into`], reused between calls.
#[derive(Debug, Default, Clone)]
pub struct SampleScratch {
    chunk: Vec<f64>,
    common: Vec<f64>,
    lever_values: Vec<f64>,
}

/// What [`Model::sample_into`] writes.
pub struct SampleOut<'a> {
    /// Utility per leaf and sample, `[leaf * n + s]`.
    pub utility: &'a mut [f64],
    /// Outcome values, `[(leaf * cells + cell) * n + s]`, when asked for.
    pub values: Option<&'a mut [f64]>,
}

/// A curve's values at an input over a chunk, written to `out` (its length is the chunk's).
fn curve_into(curve: &Curve, input: Input, levers: &[f64], buf: &[f64], out: &mut [f64]) {
    match input {
        Input::Lever(l, slot) => out.fill(curve.at(Input::read_lever(l, slot, levers))),
        Input::Cell(c) => {
            let xs = &buf[c * CHUNK..c * CHUNK + out.len()];
            match curve {
                Curve::Linear(slope) => {
                    for (y, x) in out.iter_mut().zip(xs) {
                        *y = slope * x;
                    }
                }
                Curve::Points(_) => {
                    for (y, x) in out.iter_mut().zip(xs) {
                        *y = curve.at(*x);
                    }
                }
            }
        }
    }
}

impl Model {
    /// Number of effects.
    #[must_use]
    pub fn n_effects(&self) -> usize {
        self.effects.len()
    }

    /// Number of multiplier slots a sample has: one per effect, then one per baseline.
    #[must_use]
    pub fn n_slots(&self) -> usize {
        self.effects.len() + self.n_baselines
    }

    /// Evaluate `n` samples for one set of lever values. `multipliers[slot * n + s]` scales
    /// each effect's change (slot: the effect's index) and each uncertain baseline's levels
    /// (slot: the number of effects plus the baseline's index) in sample `s` (1 everywhere
    /// gives [`Model::evaluate_into`]'s values). `values` and `horizons` are the value and horizon weights, `total` their
    /// [`Model::weight_total`]. Allocates only when the scratch buffers grow.
    ///
    /// Samples are worked through in chunks; within a chunk each cell's values lie side by side,
    /// so every effect is a short loop over the chunk. The lever effects that apply under every
    /// leaf are summed once per chunk, not once per leaf.
    pub fn sample_into(
        &self,
        levers: &[f64],
        multipliers: &[f64],
        n: usize,
        (values, horizons, total): (&[f64], &[f64], f64),
        scratch: &mut SampleScratch,
        out: SampleOut<'_>,
    ) {
        let cells = self.cells();
        let leaves = self.joint.len();
        scratch.chunk.resize(cells * CHUNK, 0.0);
        scratch.common.resize(cells * CHUNK, 0.0);
        scratch.lever_values.clear();
        scratch.lever_values.extend(
            self.effects
                .iter()
                .map(|e| if e.reads_cells() { 0.0 } else { e.value(levers, &[]) }),
        );
        let SampleOut {
            utility,
            values: mut cells_out,
        } = out;
        let (buf, common, lever_values) = (&mut scratch.chunk, &mut scratch.common, &scratch.lever_values);
        // Utility is affine in the outcome values when values are not clamped:
        // U = sum_c a_c y_c + b with a_c = omega_o tau_t / (total (best_o - worst_o)).
        let weighted: Vec<(usize, usize, f64)> = (0..self.n_outcomes)
            .filter(|&o| values[o] != 0.0)
            .flat_map(|o| (0..self.n_horizons).map(move |t| (o, t)))
            .map(|(o, t)| (o, self.cell(o, t), values[o] * horizons[t] / total))
            .filter(|&(_, _, w)| w != 0.0)
            .collect();
        let affine: Vec<(usize, f64)> = weighted
            .iter()
            .map(|&(o, cell, w)| (cell, w / (self.best[o] - self.worst[o])))
            .collect();
        let offset: f64 = weighted
            .iter()
            .map(|&(o, _, w)| -w * self.worst[o] / (self.best[o] - self.worst[o]))
            .sum();
        let add = |target: &mut [f64], c: f64, m: &[f64]| {
            for (y, m) in target.iter_mut().zip(m) {
                *y += c * m;
            }
        };
        // A reading's values and its factor's over a chunk (overwritten before each is read).
        let (mut v_buf, mut f_buf) = ([0.0; CHUNK], [0.0; CHUNK]);
        let mut s0 = 0;
        while s0 < n {
            let k = CHUNK.min(n - s0);
            // Only the first k values of each cell's row are read.
            for row in common.chunks_exact_mut(CHUNK) {
                row[..k].fill(0.0);
            }
            for &i in &self.common_lever_effects {
                let e = &self.effects[i];
                add(
                    &mut common[e.cell * CHUNK..e.cell * CHUNK + k],
                    lever_values[i],
                    &multipliers[i * n + s0..i * n + s0 + k],
                );
            }
            for li in 0..leaves {
                let base = &self.base[li * cells..(li + 1) * cells];
                for (cell, &b) in base.iter().enumerate() {
                    let row = cell * CHUNK..cell * CHUNK + k;
                    for (y, c) in buf[row.clone()].iter_mut().zip(&common[row]) {
                        *y = b + c;
                    }
                }
                // An uncertain baseline's level is b * m: add (m - 1) b to b + c.
                for &(cell, slot, _) in &self.uncertain_base {
                    let b = base[cell];
                    let m = &multipliers[slot * n + s0..slot * n + s0 + k];
                    for (y, m) in buf[cell * CHUNK..cell * CHUNK + k].iter_mut().zip(m) {
                        *y += (m - 1.0) * b;
                    }
                }
                for &i in &self.leaf_lever_effects[li] {
                    let e = &self.effects[i];
                    add(
                        &mut buf[e.cell * CHUNK..e.cell * CHUNK + k],
                        lever_values[i],
                        &multipliers[i * n + s0..i * n + s0 + k],
                    );
                }
                for &cell in &self.independent {
                    self.limit_chunk(cell, &mut buf[cell * CHUNK..cell * CHUNK + k]);
                }
                for (cell, reading) in &self.dependent {
                    for &i in reading {
                        let e = &self.effects[i];
                        if !e.applies[li] {
                            continue;
                        }
                        let v = &mut v_buf[..k];
                        curve_into(&e.curve, e.driver, levers, buf, v);
                        if let Some((input, factor)) = &e.with {
                            let f = &mut f_buf[..k];
                            curve_into(factor, *input, levers, buf, f);
                            for (v, f) in v.iter_mut().zip(f.iter()) {
                                *v *= f;
                            }
                        }
                        let m = &multipliers[i * n + s0..i * n + s0 + k];
                        for ((y, m), v) in buf[cell * CHUNK..cell * CHUNK + k].iter_mut().zip(m).zip(v.iter()) {
                            *y += m * v;
                        }
                    }
                    self.limit_chunk(*cell, &mut buf[cell * CHUNK..cell * CHUNK + k]);
                }
                let u = &mut utility[li * n + s0..li * n + s0 + k];
                if self.clamp_values {
                    u.fill(0.0);
                    for &(o, cell, w) in &weighted {
                        for (u, &y) in u.iter_mut().zip(&buf[cell * CHUNK..cell * CHUNK + k]) {
                            *u += w * self.normalised(o, y);
                        }
                    }
                } else {
                    u.fill(offset);
                    for &(cell, a) in &affine {
                        add(u, a, &buf[cell * CHUNK..cell * CHUNK + k]);
                    }
                }
                if let Some(out) = cells_out.as_deref_mut() {
                    for cell in 0..cells {
                        let at = (li * cells + cell) * n + s0;
                        out[at..at + k].copy_from_slice(&buf[cell * CHUNK..cell * CHUNK + k]);
                    }
                }
            }
            s0 += k;
        }
    }

    fn limit_chunk(&self, cell: usize, ys: &mut [f64]) {
        let (lo, hi) = self.limits[cell / self.n_horizons];
        if lo == f64::NEG_INFINITY && hi == f64::INFINITY {
            return;
        }
        for y in ys {
            *y = y.clamp(lo, hi);
        }
    }
}
