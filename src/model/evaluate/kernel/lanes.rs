//! The kernel's loops: a block of samples of one candidate, node by node, each step one loop over
//! the block, compiled for the vector units the processor has.

// The helpers of the multiversioned functions are inlined into them, so that they are compiled
// for the same vector units (a helper called out of line would be compiled for the baseline).
#![allow(
    clippy::inline_always,
    reason = "helpers must be compiled inside the multiversioned kernel"
)]

use super::{BLOCK, CERTAIN, CellWeights, KernelScratch, Model, Op, Plan, Prepared, Row, Src};
use crate::model::scenario::Curve;
use multiversion::multiversion;

/// The node values and the utility per leaf of one candidate for one block (see
/// [`Plan::evaluate`]), compiled for the vector units the processor has (chosen when it runs).
#[multiversion(targets("x86_64+avx2+fma", "x86_64+sse4.1"))]
#[allow(clippy::too_many_arguments, reason = "the kernel's inputs, each used once")]
pub(super) fn nodes(
    plan: &Plan,
    model: &Model,
    prepared: &Prepared,
    (multipliers, n): (&[f64], usize),
    (s0, k): (usize, usize),
    weights: &CellWeights,
    scratch: &mut KernelScratch,
    utility: &mut [f64],
) {
    scratch.values.resize(plan.nodes.len() * BLOCK, 0.0);
    scratch.spare.resize(BLOCK, 0.0);
    let all = scratch.all_values;
    for u in utility.chunks_exact_mut(BLOCK).take(plan.leaves) {
        u[..k].fill(weights.offset);
    }
    scratch.common.resize(BLOCK, 0.0);
    scratch.tmp.resize(2 * BLOCK, 0.0);
    scratch.curves.resize(prepared.curve_rows as usize * BLOCK, 0.0);
    let m_row = |r: Row| &multipliers[r as usize * n + s0..r as usize * n + s0 + k];
    for (c, cell) in plan.order.iter().enumerate() {
        let (a, b) = prepared.cell_ops[c];
        let common = &prepared.ops[a as usize..b as usize];
        let t = &mut scratch.common[..k];
        if !common.is_empty() {
            t.fill(0.0);
            for op in common {
                if let Op::Term(c, r) = *op {
                    add_term(t, c, (r != CERTAIN).then(|| m_row(r)));
                }
            }
        }
        for j in cell.nodes.clone() {
            let node = &plan.nodes[j];
            let (a, b) = prepared.node_ops[j];
            let (before, rest) = scratch.values.split_at_mut(j * BLOCK);
            // A node nobody reads is worked out in the spare row (kept in L1) unless every
            // node's values are asked for.
            let y = if all || plan.read[j] {
                &mut rest[..k]
            } else {
                &mut scratch.spare[..k]
            };
            if common.is_empty() {
                // The base plus a sum of nothing.
                y.fill(node.base + 0.0);
            } else {
                for (y, t) in y.iter_mut().zip(&scratch.common[..k]) {
                    *y = node.base + t;
                }
            }
            let (v, f) = scratch.tmp.split_at_mut(BLOCK);
            let (v, f) = (&mut v[..k], &mut f[..k]);
            for op in &prepared.ops[a as usize..b as usize] {
                match *op {
                    Op::BaseRow(r) => {
                        for (y, m) in y.iter_mut().zip(m_row(r)) {
                            *y += (m - 1.0) * node.base;
                        }
                    }
                    Op::Term(c, r) => add_term(y, c, (r != CERTAIN).then(|| m_row(r))),
                    Op::Reading(r, driver, with) => {
                        // A curve of points first read here is worked out into its row; the
                        // driver's and the factor's other values into the spare rows, where
                        // the driver is not a line through a node's values (that is worked out
                        // in the summing pass).
                        for src in std::iter::once(driver).chain(with) {
                            if let Src::Points(e, factor, node, row) = src {
                                let curve = curve_of(model, e, factor);
                                points_into(curve, xs(before, node, k), &mut scratch.curves[rows(row, k)]);
                            }
                        }
                        if matches!(driver, Src::Const(_)) {
                            src_values(driver, before, v);
                        }
                        if let Some(w @ (Src::Const(_) | Src::Linear(..))) = with {
                            src_values(w, before, f);
                        }
                        let curves = &scratch.curves;
                        let (v, f) = (&*v, &*f);
                        // A source's values: its curve row, or the spare row they were put in.
                        let values = |src: Src, spare| match src {
                            Src::Points(.., row) | Src::Again(row) => &curves[rows(row, k)],
                            _ => spare,
                        };
                        let m = (r != CERTAIN).then(|| m_row(r));
                        match (driver, with) {
                            (Src::Linear(slope, x), None) => {
                                add_values(y, m, xs(before, x, k).iter().map(|x| slope * x));
                            }
                            (Src::Linear(slope, x), Some(w)) => {
                                let line = xs(before, x, k).iter().zip(values(w, f));
                                add_values(y, m, line.map(|(x, f)| slope * x * f));
                            }
                            (d, None) => add_values(y, m, values(d, v).iter().copied()),
                            (d, Some(w)) => {
                                let product = values(d, v).iter().zip(values(w, f));
                                add_values(y, m, product.map(|(v, f)| v * f));
                            }
                        }
                    }
                }
            }
            let (lo, hi) = node.limits;
            if lo != f64::NEG_INFINITY || hi != f64::INFINITY {
                for y in y.iter_mut() {
                    *y = y.clamp(lo, hi);
                }
            }
            // Its weighted value into the utility of each leaf it is a cell of, while the
            // values are at hand.
            let (cell, ref leaves) = plan.node_leaves[j];
            let w = weights.weight[cell as usize];
            if w != 0.0 {
                let at = |leaf: u32| leaf as usize * BLOCK..leaf as usize * BLOCK + k;
                if model.clamp_values {
                    let o = cell as usize / model.n_horizons;
                    for (v, &y) in v.iter_mut().zip(y.iter()) {
                        *v = w * model.normalised(o, y);
                    }
                    for &leaf in leaves {
                        for (u, v) in utility[at(leaf)].iter_mut().zip(v.iter()) {
                            *u += v;
                        }
                    }
                } else {
                    for &leaf in leaves {
                        for (u, y) in utility[at(leaf)].iter_mut().zip(y.iter()) {
                            *u += w * y;
                        }
                    }
                }
            }
        }
    }
}

/// Curves of 2 to this many points are worked out without branches (the segment chosen by
/// blends), others point by point.
const MASKED_POINTS: usize = 10;

/// A curve (of points sorted by x, finite, as validation requires) at `xs`: the same numbers as
/// [`Curve::at`]. For 2 to [`MASKED_POINTS`] points, no branch or store depends on the
/// samples, so the loop vectorises with blends.
#[inline(always)]
fn points_into(curve: &Curve, xs: &[f64], out: &mut [f64]) {
    let Curve::Points(p) = curve else {
        for (y, &x) in out.iter_mut().zip(xs) {
            *y = curve.at(x);
        }
        return;
    };
    match p.len() {
        2 => segments_into::<1>(p, xs, out),
        3 => segments_into::<2>(p, xs, out),
        4 => segments_into::<3>(p, xs, out),
        5 => segments_into::<4>(p, xs, out),
        6 => segments_into::<5>(p, xs, out),
        7 => segments_into::<6>(p, xs, out),
        8 => segments_into::<7>(p, xs, out),
        9 => segments_into::<8>(p, xs, out),
        MASKED_POINTS => segments_into::<9>(p, xs, out),
        _ => {
            for (y, &x) in out.iter_mut().zip(xs) {
                *y = curve.at(x);
            }
        }
    }
}

/// [`points_into`] for a curve of `S + 1` points. [`Curve::at`] takes the first segment `(a,
/// b)` with `x <= b.x` once `x` is past the first point and not past the last: for sorted points
/// that is the last segment with `a.x < x` (a segment of zero width is followed by one that
/// starts at the same x, which is chosen over it). Its start, height and slope `rise / width`
/// (worked out once per curve) are chosen by blends, and its line `a.y + slope (x - a.x)` taken
/// as [`Curve::at`] does: no division per sample.
#[inline(always)]
fn segments_into<const S: usize>(points: &[(f64, f64)], xs: &[f64], out: &mut [f64]) {
    let (x0, y0) = points[0];
    let (xn, yn) = points[S];
    let segments: [(f64, f64, f64); S] = std::array::from_fn(|i| {
        let (a, b) = (points[i], points[i + 1]);
        (a.0, a.1, (b.1 - a.1) / (b.0 - a.0))
    });
    let first = segments[0];
    for (y, &x) in out.iter_mut().zip(xs) {
        let mut chosen = first;
        for &segment in &segments[1..] {
            chosen = if segment.0 < x { segment } else { chosen };
        }
        let (ax, ay, slope) = chosen;
        let line = ay + slope * (x - ax);
        let flat = if x <= x0 { y0 } else { yn };
        *y = if x0 < x && x <= xn { line } else { flat };
    }
}

/// A node's values over the first `k` samples of a block.
#[inline(always)]
fn xs(before: &[f64], node: u32, k: usize) -> &[f64] {
    &before[node as usize * BLOCK..node as usize * BLOCK + k]
}

/// `y += m * v` over a block (`m` absent: `y += v`), `v` the values of a reading.
#[inline(always)]
fn add_values(y: &mut [f64], m: Option<&[f64]>, v: impl Iterator<Item = f64>) {
    match m {
        Some(m) => {
            for ((y, m), v) in y.iter_mut().zip(m).zip(v) {
                *y += m * v;
            }
        }
        None => {
            for (y, v) in y.iter_mut().zip(v) {
                *y += v;
            }
        }
    }
}

/// `target += c * m` over a block (`m` absent: the multiplier is 1).
#[inline(always)]
fn add_term(target: &mut [f64], c: f64, m: Option<&[f64]>) {
    match m {
        Some(m) => {
            for (y, m) in target.iter_mut().zip(m) {
                *y += c * m;
            }
        }
        None => {
            for y in target {
                *y += c;
            }
        }
    }
}

/// The values of a constant or a line through a node's values over a block, into `out` (curves
/// of points go to their rows).
#[inline(always)]
fn src_values(src: Src, before: &[f64], out: &mut [f64]) {
    match src {
        Src::Const(c) => out.fill(c),
        Src::Linear(slope, node) => {
            let k = out.len();
            for (y, x) in out.iter_mut().zip(xs(before, node, k)) {
                *y = slope * x;
            }
        }
        Src::Points(..) | Src::Again(_) => {}
    }
}

/// Effect `e`'s driver curve, or its factor's (`factor`).
#[inline(always)]
fn curve_of(model: &Model, e: u32, factor: bool) -> &Curve {
    let e = &model.effects[e as usize];
    match (&e.with, factor) {
        (Some((_, f)), true) => f,
        _ => &e.curve,
    }
}

/// The first `k` samples of curve row `row`.
#[inline(always)]
fn rows(row: u32, k: usize) -> std::ops::Range<usize> {
    row as usize * BLOCK..row as usize * BLOCK + k
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every curve of up to twelve points, segments of zero width included, at the knots, between and
    /// beyond them: the same numbers as [`Curve::at`], bit for bit.
    #[test]
    fn curves_of_points_are_worked_out_as_curve_at_does() {
        let knots = [
            (-2.0, 1.0),
            (0.0, -3.0),
            (0.0, 4.0),
            (1.5, 0.25),
            (10.0, 7.0),
            (12.0, -1.0),
            (12.0, 2.0),
            (13.0, -0.0),
            (14.0, 0.0),
            (20.0, 3.5),
            (21.0, 3.5),
            (25.0, 9.0),
        ];
        let xs: Vec<f64> = (-60..=600)
            .map(|i| f64::from(i) * 0.05)
            .chain([-2.0, 0.0, 1.5, 10.0, 12.0, 13.0, 25.0])
            .collect();
        for len in 0..=knots.len() {
            for start in 0..=knots.len() - len {
                let curve = Curve::Points(knots[start..start + len].to_vec());
                let mut out = vec![f64::NAN; xs.len()];
                points_into(&curve, &xs, &mut out);
                for (x, y) in xs.iter().zip(&out) {
                    assert_eq!(y.to_bits(), curve.at(*x).to_bits(), "{curve:?} at {x}");
                }
            }
        }
    }
}
