//! The Monte Carlo's kernel: the model compiled once more, for evaluating a block of samples
//! of one candidate as structure-of-arrays loops the compiler vectorises.
//!
//! Two things make it fast besides the layout. A cell's value under two joint leaves is the
//! same computation whenever the leaves share its baseline, the effects that apply to it and the
//! values of the cells it reads: such leaves form one *class* of the cell, and each class is one
//! [`Node`], evaluated once for all its leaves (with a *how* question that matters to a few
//! cells, most cells have one class per *why* answer, not one per joint leaf). And a lever effect
//! whose value at a candidate's levers is 0 adds nothing, so it is skipped. Each node adds its
//! terms in exactly the order [`Model::sample_into`] does, so outcome values are the same to the
//! last bit; only the utility's sum over cells is grouped differently (see
//! `docs/file-format.md`, "Uncertainty").

use super::{Input, Model};
use crate::model::scenario::Curve;
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
    /// Lever effects that apply under every leaf: summed from 0 first, then added to the base.
    common: Vec<Term>,
    /// Lever effects that apply under this class and not every leaf.
    own: Vec<Term>,
    /// Effects that read other cells, in file order.
    readings: Vec<Reading>,
    limits: (f64, f64),
    /// Whether its value can differ between samples.
    varies: bool,
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
    nodes: Vec<Node>,
    /// The node of each leaf and cell, `[leaf * cells + cell]`.
    leaf_node: Vec<usize>,
    groups: Vec<Group>,
    cells: usize,
    leaves: usize,
    /// The nodes that vary between samples, in node order.
    varying: Vec<usize>,
}

/// What a candidate's levers make of the effects: each lever effect's value, and the values of
/// the lever inputs of effects that read cells. Worked out once per candidate.
#[derive(Debug, Clone, Default)]
pub struct Prepared {
    /// Per effect: a lever effect's value, or the curve's value at a lever driver.
    lever: Vec<f64>,
    /// Per effect: the factor's value at a lever `with`.
    with: Vec<f64>,
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
        for (cell, reading) in order {
            let common: Vec<Term> = (self.common_lever_effects.iter())
                .filter(|&&i| self.effects[i].cell == cell)
                .map(|&i| Term { effect: i, row: row(i) })
                .collect();
            let base_rows: Vec<usize> = (self.uncertain_base.iter())
                .filter(|(c, _, _)| *c == cell)
                .filter_map(|&(_, slot, _)| row(slot))
                .collect();
            let mut classes: HashMap<(u64, Vec<usize>, Vec<(usize, Option<usize>, Option<usize>)>), usize> =
                HashMap::new();
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
                        common: common.clone(),
                        own,
                        readings,
                        limits: self.limits[cell / self.n_horizons],
                        varies,
                    });
                }
                leaf_node[li * cells + cell] = node;
            }
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

    /// What the levers `levers` make of the effects (see [`Prepared`]).
    pub fn prepare(&self, levers: &[f64], out: &mut Prepared) {
        out.lever.clear();
        out.with.clear();
        for e in &self.effects {
            let at = |i: Input, curve: &Curve| match i {
                Input::Lever(l, slot) => curve.at(Input::read_lever(l, slot, levers)),
                Input::Cell(_) => 0.0,
            };
            if e.reads_cells() {
                out.lever.push(at(e.driver, &e.curve));
                out.with.push(e.with.as_ref().map_or(1.0, |(i, f)| at(*i, f)));
            } else {
                out.lever.push(e.value(levers, &[]));
                out.with.push(1.0);
            }
        }
    }
}

/// `target += c * m` over a block (`m` absent: the multiplier is 1).
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

/// A curve's values at a block of inputs.
fn curve_at(curve: &Curve, xs: &[f64], out: &mut [f64]) {
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

impl Plan {
    /// Number of nodes (cells times their classes).
    #[must_use]
    pub fn n_nodes(&self) -> usize {
        self.nodes.len()
    }

    /// What the plan saves, in words: nodes against leaves x cells, and the utility's groups.
    #[must_use]
    pub fn describe(&self) -> String {
        let terms: usize = self.nodes.iter().map(|n| n.common.len() + n.own.len() + n.readings.len()).sum();
        let classes: usize = self.groups.iter().map(|g| g.representative.len()).sum();
        format!(
            "{} nodes for {} leaves x {} cells ({} varying, {terms} terms); utility from {} groups, {classes} class sums",
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

    /// Evaluate samples `s0..s0 + k` (`k <= BLOCK`) of one candidate: node values into
    /// `scratch.values` (`[node * BLOCK + j]`) and utility per leaf into `utility`
    /// (`[leaf * BLOCK + j]`). `multipliers[row * n + s]` are the design's.
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
        scratch.values.resize(self.nodes.len() * BLOCK, 0.0);
        scratch.tmp.resize(2 * BLOCK, 0.0);
        let m_row = |r: usize| &multipliers[r * n + s0..r * n + s0 + k];
        let row = |r: Option<usize>| r.map(m_row);
        for (j, node) in self.nodes.iter().enumerate() {
            let (before, rest) = scratch.values.split_at_mut(j * BLOCK);
            let y = &mut rest[..k];
            let (t, f) = scratch.tmp.split_at_mut(BLOCK);
            let (t, f) = (&mut t[..k], &mut f[..k]);
            if node.common.is_empty() {
                y.fill(node.base + 0.0);
            } else {
                t.fill(0.0);
                for term in &node.common {
                    let c = prepared.lever[term.effect];
                    if c != 0.0 {
                        add_term(t, c, row(term.row));
                    }
                }
                for (y, t) in y.iter_mut().zip(t.iter()) {
                    *y = node.base + t;
                }
            }
            for &r in &node.base_rows {
                for (y, m) in y.iter_mut().zip(m_row(r)) {
                    *y += (m - 1.0) * node.base;
                }
            }
            for term in &node.own {
                let c = prepared.lever[term.effect];
                if c != 0.0 {
                    add_term(y, c, row(term.row));
                }
            }
            for r in &node.readings {
                let e = &model.effects[r.effect];
                match r.driver {
                    Arg::Lever => t.fill(prepared.lever[r.effect]),
                    Arg::Node(i) => curve_at(&e.curve, &before[i * BLOCK..i * BLOCK + k], t),
                }
                if let (Some(with), Some((_, factor))) = (r.with, &e.with) {
                    match with {
                        Arg::Lever => f.fill(prepared.with[r.effect]),
                        Arg::Node(i) => curve_at(factor, &before[i * BLOCK..i * BLOCK + k], f),
                    }
                    for (v, f) in t.iter_mut().zip(f.iter()) {
                        *v *= f;
                    }
                }
                match row(r.row) {
                    Some(m) => {
                        for ((y, m), v) in y.iter_mut().zip(m).zip(t.iter()) {
                            *y += m * v;
                        }
                    }
                    None => {
                        for (y, v) in y.iter_mut().zip(t.iter()) {
                            *y += v;
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
        self.utility(model, weights, k, scratch, utility);
    }

    /// Utility per leaf from the node values: each group's terms summed once per class, then
    /// the groups' sums added per leaf.
    fn utility(&self, model: &Model, weights: &CellWeights, k: usize, scratch: &mut KernelScratch, utility: &mut [f64]) {
        let classes: usize = self.groups.iter().map(|g| g.representative.len()).sum();
        scratch.sums.resize(classes * BLOCK, 0.0);
        let values = &scratch.values;
        let mut at = 0;
        for g in &self.groups {
            for &leaf in &g.representative {
                let sum = &mut scratch.sums[at * BLOCK..at * BLOCK + k];
                sum.fill(0.0);
                for &cell in &g.cells {
                    let w = weights.weight[cell];
                    if w == 0.0 {
                        continue;
                    }
                    let j = self.leaf_node[leaf * self.cells + cell];
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
        for leaf in 0..self.leaves {
            let u = &mut utility[leaf * BLOCK..leaf * BLOCK + k];
            u.fill(weights.offset);
            let mut first = 0;
            for g in &self.groups {
                let c = first + g.leaf_class[leaf];
                for (u, s) in u.iter_mut().zip(&scratch.sums[c * BLOCK..c * BLOCK + k]) {
                    *u += s;
                }
                first += g.representative.len();
            }
        }
    }
}
