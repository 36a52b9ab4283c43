//! Compiling a model into a [`Plan`]: the classes of joint leaves that share each cell's
//! computation, the cells' evaluation order, and the leaves each node's value counts for.

use super::{Arg, CellPlan, CellWeights, ClassKey, Input, Model, Node, Plan, Reading, Term};
use crate::model::scenario::Curve;
use std::collections::HashMap;

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
        let varying = (0..nodes.len()).filter(|&j| nodes[j].varies).collect();
        // An id for each distinct set of points among the effects' curves and factors.
        let mut ids: HashMap<Vec<(u64, u64)>, u32> = HashMap::new();
        let mut id = |curve: &Curve| match curve {
            Curve::Points(points) => {
                let next = ids.len() as u32;
                *ids.entry(points.iter().map(|(x, y)| (x.to_bits(), y.to_bits())).collect())
                    .or_insert(next)
            }
            Curve::Linear(_) => u32::MAX,
        };
        let curve_ids = (self.effects.iter())
            .map(|e| [id(&e.curve), e.with.as_ref().map_or(u32::MAX, |(_, f)| id(f))])
            .collect();
        let mut read = vec![false; nodes.len()];
        for r in nodes.iter().flat_map(|n| &n.readings) {
            for arg in [Some(r.driver), r.with].into_iter().flatten() {
                if let Arg::Node(j) = arg {
                    read[j] = true;
                }
            }
        }
        // The leaves whose utility each node's weighted value goes into.
        let mut node_leaves: Vec<(u32, Vec<u32>)> = vec![(0, Vec::new()); nodes.len()];
        for li in 0..leaves {
            for cell in 0..cells {
                let at = &mut node_leaves[leaf_node[li * cells + cell]];
                at.0 = cell as u32;
                at.1.push(li as u32);
            }
        }
        Plan {
            node_leaves,
            read,
            curve_ids,
            order: cell_plans,
            nodes,
            leaf_node,
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
