//! The Monte Carlo's kernel: the model compiled once more, for evaluating a block of samples
//! of one candidate as structure-of-arrays loops the compiler vectorises.
//!
//! Two things make it fast besides the layout. A cell's value under two joint leaves is the
//! same computation whenever the leaves share its baseline, the effects that apply to it and the
//! values of the cells it reads: such leaves form one *class* of the cell, and each class is one
//! *node*, evaluated once for all its leaves (with a *how* question that matters to a few
//! cells, most cells have one class per *why* answer, not one per joint leaf). And a lever effect
//! whose value at a candidate's levers is 0 adds nothing, so it is skipped. Each node adds its
//! terms in exactly the order [`Model::sample_into`] does, so outcome values are the same to the
//! last bit; only the utility's sum over cells is grouped differently (see
//! `docs/file-format.md`, "Uncertainty").

// The helpers of the multiversioned functions are inlined into them, so that they are compiled
// for the same vector units (a helper called out of line would be compiled for the baseline).
#![allow(
    clippy::inline_always,
    reason = "helpers must be compiled inside the multiversioned kernel"
)]

use super::{Input, Model};
use crate::model::scenario::Curve;

use multiversion::multiversion;
use std::collections::HashMap;

/// Samples evaluated together: each node's values for a block lie side by side.
pub const BLOCK: usize = 128;

/// An effect driven by levers alone, added to a node: its value at the candidate's levers
/// times its multiplier.
#[derive(Debug, Clone, Copy)]
struct Term {
    effect: usize,
    /// The multiplier's row in the design; `None` when the effect is certain (multiplier 1).
    row: Option<usize>,
}

/// What an effect that reads cells takes as an input.
#[derive(Debug, Clone, Copy)]
enum Arg {
    /// A lever: one value per candidate.
    Lever,
    /// The values of a node evaluated earlier.
    Node(usize),
}

/// An effect that reads a cell: `multiplier * curve(driver) * factor(with)`.
#[derive(Debug, Clone, Copy)]
struct Reading {
    effect: usize,
    row: Option<usize>,
    driver: Arg,
    with: Option<Arg>,
}

/// One cell under one class of joint leaves.
#[derive(Debug, Clone)]
struct Node {
    base: f64,
    /// Rows of the uncertain baselines of the cell: `y += (m - 1) base`.
    base_rows: Vec<usize>,
    /// Lever effects that apply under this class and not every leaf.
    own: Vec<Term>,
    /// Effects that read other cells, in file order.
    readings: Vec<Reading>,
    limits: (f64, f64),
    /// Whether its value can differ between samples.
    varies: bool,
}

/// One cell: the lever effects that apply under every leaf (summed from 0 once for all its
/// nodes, then added to each node's base), and its nodes.
#[derive(Debug, Clone)]
struct CellPlan {
    common: Vec<Term>,
    nodes: std::ops::Range<usize>,
}

/// Cells whose classes split the joint leaves the same way: their utility terms are summed once
/// per class.
#[derive(Debug, Clone)]
struct Group {
    cells: Vec<usize>,
    /// A leaf of each class.
    representative: Vec<usize>,
    /// The class of each leaf.
    leaf_class: Vec<usize>,
}

/// The model compiled for blocks of samples. Built from a model and the rows of a design's
/// multipliers ([`Model::plan`]).
#[derive(Debug, Clone)]
pub struct Plan {
    /// The cells in evaluation order (a cell after those it reads).
    order: Vec<CellPlan>,
    nodes: Vec<Node>,
    /// The node of each leaf and cell, `[leaf * cells + cell]`.
    leaf_node: Vec<usize>,
    groups: Vec<Group>,
    cells: usize,
    leaves: usize,
    /// The nodes that vary between samples, in node order.
    varying: Vec<usize>,
}

/// What makes a leaf's computation of a cell the same as another's: the baseline's bits, the
/// lever effects of its own, and each effect that reads cells with the nodes it reads.
type ClassKey = (u64, Vec<usize>, Vec<(usize, Option<usize>, Option<usize>)>);

/// A row of multipliers, or [`CERTAIN`].
type Row = u32;
/// The row of a certain slot (multiplier 1).
const CERTAIN: Row = Row::MAX;

/// A value per sample that a reading takes.
#[derive(Debug, Clone, Copy)]
enum Src {
    /// The same in every sample (a curve at a lever).
    Const(f64),
    /// `slope * x` of a node's values.
    Linear(f64, u32),
    /// A curve of points at a node's values: the effect's driver curve (`false`) or factor
    /// (`true`).
    Points(u32, bool, u32),
}

/// One step of a node's value, in the order [`Model::sample_into`] takes them.
#[derive(Debug, Clone, Copy)]
enum Op {
    /// `y += (m - 1) base`.
    BaseRow(Row),
    /// `y += c m` (`y += c` when certain).
    Term(f64, Row),
    /// `y += m (driver * with)`.
    Reading(Row, Src, Option<Src>),
}

/// A candidate's steps: its levers' values folded into each node's and each cell's terms,
/// lever effects worth 0 left out (adding 0 changes nothing). Worked out once per candidate.
#[derive(Debug, Clone, Default)]
pub struct Prepared {
    ops: Vec<Op>,
    /// Per node, its steps in `ops`.
    node_ops: Vec<(u32, u32)>,
    /// Per cell plan, the common terms' steps in `ops`.
    cell_ops: Vec<(u32, u32)>,
}

/// The utility's weights on each cell's value for one run.
#[derive(Debug, Clone)]
pub struct CellWeights {
    /// Per cell: `a_c` (linear values: `U = offset + sum a_c y_c`) or `omega tau / total`
    /// (clamped values); 0 for a cell that does not count.
    weight: Vec<f64>,
    /// The constant of linear values (0 when clamped).
    offset: f64,
}

/// Reusable buffers for [`Plan::evaluate`].
#[derive(Debug, Clone, Default)]
pub struct KernelScratch {
    /// Node values, `[node * BLOCK + j]`.
    pub values: Vec<f64>,
    sums: Vec<f64>,
    common: Vec<f64>,
    tmp: Vec<f64>,
}

impl Model {
    /// Compile the model for blocks of samples whose multipliers sit in rows `rows[slot]`
    /// (`None`: the slot is certain, multiplier 1).
    #[must_use]
    pub fn plan(&self, rows: &[Option<usize>]) -> Plan {
        let cells = self.cells();
        let leaves = self.joint.len();
        let row = |slot: usize| rows.get(slot).copied().flatten();
        let mut nodes: Vec<Node> = Vec::new();
        let mut leaf_node = vec![0usize; leaves * cells];
        let order = self
            .independent
            .iter()
            .map(|&c| (c, &[][..]))
            .chain(self.dependent.iter().map(|(c, r)| (*c, r.as_slice())));
        let mut cell_plans = Vec::new();
        for (cell, reading) in order {
            let first = nodes.len();
            let common: Vec<Term> = (self.common_lever_effects.iter())
                .filter(|&&i| self.effects[i].cell == cell)
                .map(|&i| Term { effect: i, row: row(i) })
                .collect();
            let base_rows: Vec<usize> = (self.uncertain_base.iter())
                .filter(|(c, _, _)| *c == cell)
                .filter_map(|&(_, slot, _)| row(slot))
                .collect();
            let mut classes: HashMap<ClassKey, usize> = HashMap::new();
            for li in 0..leaves {
                let base = self.base[li * cells + cell];
                let own: Vec<usize> = (self.leaf_lever_effects[li].iter())
                    .copied()
                    .filter(|&i| self.effects[i].cell == cell)
                    .collect();
                let input = |i: Input| match i {
                    Input::Cell(c) => Some(leaf_node[li * cells + c]),
                    Input::Lever(..) => None,
                };
                let reads: Vec<(usize, Option<usize>, Option<usize>)> = (reading.iter())
                    .filter(|&&i| self.effects[i].applies[li])
                    .map(|&i| {
                        let e = &self.effects[i];
                        (i, input(e.driver), e.with.as_ref().and_then(|w| input(w.0)))
                    })
                    .collect();
                let key = (base.to_bits(), own, reads);
                let next = nodes.len();
                let node = *classes.entry(key.clone()).or_insert(next);
                if node == next {
                    let (_, own, reads) = key;
                    let arg = |n: Option<usize>| n.map_or(Arg::Lever, Arg::Node);
                    let readings: Vec<Reading> = reads
                        .iter()
                        .map(|&(i, d, w)| Reading {
                            effect: i,
                            row: row(i),
                            driver: arg(d),
                            with: self.effects[i].with.as_ref().map(|_| arg(w)),
                        })
                        .collect();
                    let own: Vec<Term> = own.iter().map(|&i| Term { effect: i, row: row(i) }).collect();
                    let varies = !base_rows.is_empty()
                        || common.iter().chain(&own).any(|t| t.row.is_some())
                        || readings.iter().any(|r| {
                            r.row.is_some()
                                || [Some(r.driver), r.with]
                                    .into_iter()
                                    .flatten()
                                    .any(|a| matches!(a, Arg::Node(n) if nodes[n].varies))
                        });
                    nodes.push(Node {
                        base,
                        base_rows: base_rows.clone(),
                        own,
                        readings,
                        limits: self.limits[cell / self.n_horizons],
                        varies,
                    });
                }
                leaf_node[li * cells + cell] = node;
            }
            cell_plans.push(CellPlan {
                common,
                nodes: first..nodes.len(),
            });
        }
        // Cells whose classes split the leaves alike share a group.
        let mut groups: Vec<Group> = Vec::new();
        let mut by_split: HashMap<Vec<usize>, usize> = HashMap::new();
        for cell in 0..cells {
            let mut label: HashMap<usize, usize> = HashMap::new();
            let mut representative = Vec::new();
            let leaf_class: Vec<usize> = (0..leaves)
                .map(|li| {
                    let next = label.len();
                    let class = *label.entry(leaf_node[li * cells + cell]).or_insert(next);
                    if class == next {
                        representative.push(li);
                    }
                    class
                })
                .collect();
            let next = groups.len();
            let g = *by_split.entry(leaf_class.clone()).or_insert(next);
            if g == next {
                groups.push(Group {
                    cells: Vec::new(),
                    representative,
                    leaf_class,
                });
            }
            groups[g].cells.push(cell);
        }
        let varying = (0..nodes.len()).filter(|&j| nodes[j].varies).collect();
        Plan {
            order: cell_plans,
            nodes,
            leaf_node,
            groups,
            cells,
            leaves,
            varying,
        }
    }

    /// The utility's weight on each cell for these value and horizon weights (`total` their
    /// [`Model::weight_total`]).
    #[must_use]
    pub fn cell_weights(&self, values: &[f64], horizons: &[f64], total: f64) -> CellWeights {
        let mut weight = vec![0.0; self.cells()];
        let mut offset = 0.0;
        for o in 0..self.n_outcomes {
            for t in 0..self.n_horizons {
                let w = values[o] * horizons[t] / total;
                if values[o] == 0.0 || w == 0.0 {
                    continue;
                }
                let scale = self.best[o] - self.worst[o];
                if self.clamp_values {
                    weight[self.cell(o, t)] = w;
                } else {
                    weight[self.cell(o, t)] = w / scale;
                    offset += -w * self.worst[o] / scale;
                }
            }
        }
        CellWeights { weight, offset }
    }
}

impl Plan {
    /// Number of nodes (cells times their classes).
    #[must_use]
    pub fn n_nodes(&self) -> usize {
        self.nodes.len()
    }

    /// What the plan saves, in words: nodes against leaves x cells, and the utility's groups.
    #[must_use]
    pub fn describe(&self) -> String {
        let terms: usize = self.order.iter().map(|c| c.common.len()).sum::<usize>()
            + self.nodes.iter().map(|n| n.own.len() + n.readings.len()).sum::<usize>();
        let classes: usize = self.groups.iter().map(|g| g.representative.len()).sum();
        let readings: usize = self.nodes.iter().map(|n| n.readings.len()).sum();
        format!(
            "{} nodes for {} leaves x {} cells ({} varying, {terms} terms, {readings} reading cells); utility from {} groups, {classes} class sums",
            self.nodes.len(),
            self.leaves,
            self.cells,
            self.varying.len(),
            self.groups.len(),
        )
    }

    /// The node of `cell` under leaf `leaf`.
    #[must_use]
    pub fn node(&self, leaf: usize, cell: usize) -> usize {
        self.leaf_node[leaf * self.cells + cell]
    }

    /// The nodes whose values differ between samples.
    #[must_use]
    pub fn varying(&self) -> &[usize] {
        &self.varying
    }

    /// What a candidate's levers make of the steps (see [`Prepared`]).
    pub fn prepare(&self, model: &Model, levers: &[f64], out: &mut Prepared) {
        out.ops.clear();
        out.node_ops.clear();
        out.cell_ops.clear();
        let row = |r: Option<usize>| r.map_or(CERTAIN, |r| r as Row);
        let value = |e: usize| model.effects[e].value(levers, &[]);
        let span = |ops: &mut Vec<Op>, f: &mut dyn FnMut(&mut Vec<Op>)| {
            let start = ops.len() as u32;
            f(ops);
            (start, ops.len() as u32)
        };
        for c in &self.order {
            let range = span(&mut out.ops, &mut |ops| {
                for t in &c.common {
                    let v = value(t.effect);
                    if v != 0.0 {
                        ops.push(Op::Term(v, row(t.row)));
                    }
                }
            });
            out.cell_ops.push(range);
        }
        for node in &self.nodes {
            let range = span(&mut out.ops, &mut |ops| {
                ops.extend(node.base_rows.iter().map(|&r| Op::BaseRow(r as Row)));
                for t in &node.own {
                    let v = value(t.effect);
                    if v != 0.0 {
                        ops.push(Op::Term(v, row(t.row)));
                    }
                }
                for r in &node.readings {
                    let e = &model.effects[r.effect];
                    let src = |arg: Arg, input: Input, curve: &Curve, factor: bool| match (arg, input) {
                        (Arg::Node(i), _) => match curve {
                            Curve::Linear(slope) => Src::Linear(*slope, i as u32),
                            Curve::Points(_) => Src::Points(r.effect as u32, factor, i as u32),
                        },
                        (Arg::Lever, Input::Lever(l, slot)) => Src::Const(curve.at(Input::read_lever(l, slot, levers))),
                        (Arg::Lever, Input::Cell(_)) => Src::Const(0.0),
                    };
                    let driver = src(r.driver, e.driver, &e.curve, false);
                    let with = (r.with.zip(e.with.as_ref())).map(|(a, (input, f))| src(a, *input, f, true));
                    ops.push(Op::Reading(row(r.row), driver, with));
                }
            });
            out.node_ops.push(range);
        }
    }

    /// Evaluate samples `s0..s0 + k` (`k <= BLOCK`) of one candidate: node values into
    /// `scratch.values` (`[node * BLOCK + j]`) and utility per leaf into `utility`
    /// (`[leaf * BLOCK + j]`). `multipliers[row * n + s]` are the design's.
    ///
    /// Each step is one loop over the block, in the order [`Model::sample_into`] takes them, so
    /// the values are the same to the last bit.
    #[allow(clippy::too_many_arguments, reason = "the kernel's inputs, each used once")]
    pub fn evaluate(
        &self,
        model: &Model,
        prepared: &Prepared,
        (multipliers, n): (&[f64], usize),
        (s0, k): (usize, usize),
        weights: &CellWeights,
        scratch: &mut KernelScratch,
        utility: &mut [f64],
    ) {
        nodes(self, model, prepared, (multipliers, n), (s0, k), scratch);
        leaf_utility(self, model, weights, k, scratch, utility);
    }

    /// The values of `src` over a block, into `out`.
    #[inline(always)]
    fn src(model: &Model, src: Src, before: &[f64], out: &mut [f64]) {
        let k = out.len();
        let xs = |node: u32| &before[node as usize * BLOCK..node as usize * BLOCK + k];
        match src {
            Src::Const(c) => out.fill(c),
            Src::Linear(slope, node) => {
                for (y, x) in out.iter_mut().zip(xs(node)) {
                    *y = slope * x;
                }
            }
            Src::Points(e, factor, node) => {
                let e = &model.effects[e as usize];
                let curve = match (&e.with, factor) {
                    (Some((_, f)), true) => f,
                    _ => &e.curve,
                };
                match curve {
                    Curve::Points(points) if points.len() <= MASKED_POINTS => points_into(points, xs(node), out),
                    _ => {
                        for (y, x) in out.iter_mut().zip(xs(node)) {
                            *y = curve.at(*x);
                        }
                    }
                }
            }
        }
    }
}

/// The node values of one candidate for one block (see [`Plan::evaluate`]), compiled for the
/// vector units the processor has (chosen when it runs).
#[multiversion(targets("x86_64+avx2+fma", "x86_64+sse4.1"))]
fn nodes(
    plan: &Plan,
    model: &Model,
    prepared: &Prepared,
    (multipliers, n): (&[f64], usize),
    (s0, k): (usize, usize),
    scratch: &mut KernelScratch,
) {
    scratch.values.resize(plan.nodes.len() * BLOCK, 0.0);
    scratch.common.resize(BLOCK, 0.0);
    scratch.tmp.resize(2 * BLOCK, 0.0);
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
            let y = &mut rest[..k];
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
                        // The driver's and the factor's values, where the driver is not a line
                        // through a node's values (that is worked out in the summing pass).
                        if !matches!(driver, Src::Linear(..)) {
                            Plan::src(model, driver, before, v);
                        }
                        if let Some(w) = with {
                            Plan::src(model, w, before, f);
                        }
                        let m = (r != CERTAIN).then(|| m_row(r));
                        match (driver, with) {
                            (Src::Linear(slope, x), None) => {
                                add_values(y, m, xs(before, x, k).iter().map(|x| slope * x));
                            }
                            (Src::Linear(slope, x), Some(_)) => {
                                let line = xs(before, x, k).iter().zip(f.iter());
                                add_values(y, m, line.map(|(x, f)| slope * x * f));
                            }
                            (_, None) => add_values(y, m, v.iter().copied()),
                            (_, Some(_)) => add_values(y, m, v.iter().zip(f.iter()).map(|(v, f)| v * f)),
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
        }
    }
}

/// Utility per leaf from the node values: each group's terms summed once per class, then
/// the groups' sums added per leaf.
#[multiversion(targets("x86_64+avx2+fma", "x86_64+sse4.1"))]
fn leaf_utility(
    plan: &Plan,
    model: &Model,
    weights: &CellWeights,
    k: usize,
    scratch: &mut KernelScratch,
    utility: &mut [f64],
) {
    let classes: usize = plan.groups.iter().map(|g| g.representative.len()).sum();
    scratch.sums.resize(classes * BLOCK, 0.0);
    let values = &scratch.values;
    let mut at = 0;
    for g in &plan.groups {
        for &leaf in &g.representative {
            let sum = &mut scratch.sums[at * BLOCK..at * BLOCK + k];
            sum.fill(0.0);
            for &cell in &g.cells {
                let w = weights.weight[cell];
                if w == 0.0 {
                    continue;
                }
                let j = plan.leaf_node[leaf * plan.cells + cell];
                let ys = &values[j * BLOCK..j * BLOCK + k];
                if model.clamp_values {
                    let o = cell / model.n_horizons;
                    for (u, &y) in sum.iter_mut().zip(ys) {
                        *u += w * model.normalised(o, y);
                    }
                } else {
                    for (u, y) in sum.iter_mut().zip(ys) {
                        *u += w * y;
                    }
                }
            }
            at += 1;
        }
    }
    for leaf in 0..plan.leaves {
        let u = &mut utility[leaf * BLOCK..leaf * BLOCK + k];
        u.fill(weights.offset);
        let mut first = 0;
        for g in &plan.groups {
            let c = first + g.leaf_class[leaf];
            for (u, s) in u.iter_mut().zip(&scratch.sums[c * BLOCK..c * BLOCK + k]) {
                *u += s;
            }
            first += g.representative.len();
        }
    }
}

/// Curves of up to this many points are worked out without branches (every segment at every
/// sample, the right one kept), beyond it point by point.
const MASKED_POINTS: usize = 5;

/// A curve of points (sorted by x, finite, as validation requires) at `xs`: the same numbers as
/// [`Curve::at`], each segment's line worked out for every sample and kept where the sample
/// falls in it (`a.x < x <= b.x`, which for sorted points is the first segment with
/// `x <= b.x` that [`Curve::at`] takes). No branch depends on the samples, so the loops
/// vectorise.
#[inline(always)]
fn points_into(points: &[(f64, f64)], xs: &[f64], out: &mut [f64]) {
    let (Some(&(x0, y0)), Some(&(_, last))) = (points.first(), points.last()) else {
        out.fill(0.0);
        return;
    };
    for (y, &x) in out.iter_mut().zip(xs) {
        *y = if x <= x0 { y0 } else { last };
    }
    for w in points.windows(2) {
        let (a, b) = (w[0], w[1]);
        let span = b.0 - a.0;
        if span <= 0.0 {
            // No sample falls strictly inside a segment of zero width.
            continue;
        }
        let rise = b.1 - a.1;
        for (y, &x) in out.iter_mut().zip(xs) {
            let v = a.1 + rise * (x - a.0) / span;
            *y = if a.0 < x && x <= b.0 { v } else { *y };
        }
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
