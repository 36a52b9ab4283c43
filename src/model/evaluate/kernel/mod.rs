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
//! last bit; only the utility's sum over cells is taken in another order: each node's weighted
//! value is added to the utility of its leaves as soon as it is computed, while it is in the
//! processor's nearest cache (see `docs/file-format.md`, "Uncertainty").

// The helpers of the multiversioned functions are inlined into them, so that they are compiled
// for the same vector units (a helper called out of line would be compiled for the baseline).
#![allow(
    clippy::inline_always,
    reason = "helpers must be compiled inside the multiversioned kernel"
)]

use super::{Input, Model};
use std::collections::HashMap;

mod compile;
mod lanes;
use crate::model::scenario::Curve;

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

/// The model compiled for blocks of samples. Built from a model and the rows of a design's
/// multipliers ([`Model::plan`]).
#[derive(Debug, Clone)]
pub struct Plan {
    /// The cells in evaluation order (a cell after those it reads).
    order: Vec<CellPlan>,
    nodes: Vec<Node>,
    /// The node of each leaf and cell, `[leaf * cells + cell]`.
    leaf_node: Vec<usize>,
    cells: usize,
    leaves: usize,
    /// The nodes that vary between samples, in node order.
    varying: Vec<usize>,
    /// Per node, its cell and the leaves whose utility its weighted value is added to.
    node_leaves: Vec<(u32, Vec<u32>)>,
    /// Per node, whether a later node reads its values (else they are needed only for the
    /// utility, and need not be kept).
    read: Vec<bool>,
    /// Per effect, an id of its driver curve's points and of its factor's (the same id for the
    /// same points bit for bit; unused for a line).
    curve_ids: Vec<[u32; 2]>,
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
    /// (`true`), worked out into curve row `.3` (see [`Prepared::curve_rows`]).
    Points(u32, bool, u32, u32),
    /// Curve row `.0`, worked out by an earlier reading of the same points at the same node.
    Again(u32),
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
    /// Rows of a block's values of curves of points: a curve of the same points at the same
    /// node is worked out once per block, whichever effects read it (in Paris, 12 rows serve
    /// 140 factors), and read again from its row.
    curve_rows: u32,
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
    /// Node values, `[node * BLOCK + j]`: every node's when [`KernelScratch::all_values`] is
    /// set, else only those of the nodes other nodes read (the others are added to the utility
    /// from a spare row, and their rows here are stale).
    pub values: Vec<f64>,
    /// Whether to keep every node's values in [`KernelScratch::values`] (the outcome bands need
    /// them; the utilities do not).
    pub all_values: bool,
    common: Vec<f64>,
    tmp: Vec<f64>,
    spare: Vec<f64>,
    /// A block's values of curves of points, `[row * BLOCK + j]` (see [`Prepared::curve_rows`]).
    curves: Vec<f64>,
}

impl Plan {
    /// Number of nodes (cells times their classes).
    #[must_use]
    pub fn n_nodes(&self) -> usize {
        self.nodes.len()
    }

    /// What the plan saves, in words: nodes against leaves x cells.
    #[must_use]
    pub fn describe(&self) -> String {
        let terms: usize = self.order.iter().map(|c| c.common.len()).sum::<usize>()
            + self.nodes.iter().map(|n| n.own.len() + n.readings.len()).sum::<usize>();
        let readings: usize = self.nodes.iter().map(|n| n.readings.len()).sum();
        format!(
            "{} nodes for {} leaves x {} cells ({} varying, {terms} terms, {readings} reading cells); utility added per leaf as each node is computed",
            self.nodes.len(),
            self.leaves,
            self.cells,
            self.varying.len(),
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
        // The row of each curve of points at a node, by its points' id and the node.
        let mut curves: HashMap<(u32, u32), u32> = HashMap::new();
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
                    let mut src = |arg: Arg, input: Input, curve: &Curve, factor: bool| match (arg, input) {
                        (Arg::Node(i), _) => match curve {
                            Curve::Linear(slope) => Src::Linear(*slope, i as u32),
                            Curve::Points(_) => {
                                let points = self.curve_ids[r.effect][usize::from(factor)];
                                let next = curves.len() as u32;
                                match *curves.entry((points, i as u32)).or_insert(next) {
                                    row if row == next => Src::Points(r.effect as u32, factor, i as u32, row),
                                    row => Src::Again(row),
                                }
                            }
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
        out.curve_rows = curves.len() as u32;
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
        lanes::nodes(
            self,
            model,
            prepared,
            (multipliers, n),
            (s0, k),
            weights,
            scratch,
            utility,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Paris's readings of curves of points: each curve row is worked out by the first reading of
    /// its points at its node and only read after, and most readings find their row worked out.
    #[test]
    fn the_same_points_at_the_same_node_are_worked_out_once_per_block() {
        let shipped = crate::io::SHIPPED_SCENARIOS.first().expect("Paris ships");
        let s = crate::io::parse_scenario(shipped.file_name, shipped.text).expect("parses");
        let model = Model::new(&s).expect("valid");
        let design = crate::model::uncertainty::Design::new(&s, 1, 1);
        let plan = model.plan(&design.rows);
        let mut prepared = Prepared::default();
        plan.prepare(
            &model,
            &crate::model::settings::Settings::defaults(&s).levers,
            &mut prepared,
        );
        let mut worked_out = vec![false; prepared.curve_rows as usize];
        let mut reads = 0;
        for op in &prepared.ops {
            let Op::Reading(_, driver, with) = *op else {
                continue;
            };
            for src in std::iter::once(driver).chain(with) {
                match src {
                    Src::Points(.., row) => {
                        assert!(
                            !std::mem::replace(&mut worked_out[row as usize], true),
                            "row {row} twice"
                        );
                    }
                    Src::Again(row) => assert!(worked_out[row as usize], "row {row} read before it is worked out"),
                    Src::Const(_) | Src::Linear(..) => continue,
                }
                reads += 1;
            }
        }
        assert!(worked_out.iter().all(|&w| w));
        let rows = worked_out.len();
        assert!(
            rows > 0 && 4 * rows < reads,
            "{rows} rows for {reads} readings of curves of points"
        );
    }
}
