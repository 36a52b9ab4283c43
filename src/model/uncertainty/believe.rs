//! What you would have to believe: the smallest change of credences (L1 distance on the leaf
//! weights) that makes a candidate the best in expected utility, as an exact linear programme.

use crate::model::evaluate::Model;
use crate::model::scenario::Scenario;
use good_lp::{Expression, Solution, SolverModel, microlp, variable, variables};

/// How much a candidate must lead every other at the returned credences, in utility, so that
/// it is best without a tie.
pub const MARGIN: f64 = 1e-9;

/// The nearest credences at which a candidate is best.
#[derive(Debug, Clone, PartialEq)]
pub struct Belief {
    /// Candidate index.
    pub policy: usize,
    /// `sum_l |x_l - w_l|`: twice the credence moved.
    pub distance: f64,
    /// The leaf weights `x`.
    pub weights: Vec<f64>,
}

impl Belief {
    /// Points of credence moved (0 to 100): half the L1 distance, in percent.
    #[must_use]
    pub fn points(&self) -> f64 {
        self.distance * 50.0
    }
}

/// For candidate `p`: the leaf weights `x` nearest to `w` in L1 distance at which `p`'s
/// expected utility beats every other candidate's by at least [`MARGIN`]:
///
/// `min sum_l d_l` subject to `d_l >= x_l - w_l`, `d_l >= w_l - x_l`, `x_l >= 0`,
/// `sum_l x_l = 1` and `sum_l x_l (U_pl - U_ql) >= MARGIN` for every other candidate `q`
/// among the rivals whose levers differ from `p`'s (`U` at `[candidate * leaves + leaf]`).
///
/// `None` when no belief about the motive makes it best. A candidate already best is
/// returned at distance 0. Only the first `rivals` candidates (the named policies) count as
/// rivals: the question is which named policy one would have to believe in.
#[must_use]
pub fn believe(utility: &[f64], levers: &[&[f64]], w: &[f64], p: usize, rivals: usize) -> Option<Belief> {
    let n = w.len();
    let m = levers.len().min(rivals);
    let u = |q: usize, l: usize| utility[q * n + l];
    let rivals: Vec<usize> = (0..m).filter(|&q| q != p && levers[q] != levers[p]).collect();
    let lead = |x: &[f64], q: usize| (0..n).map(|l| x[l] * (u(p, l) - u(q, l))).sum::<f64>();
    if rivals.iter().all(|&q| lead(w, q) >= MARGIN) {
        return Some(Belief {
            policy: p,
            distance: 0.0,
            weights: w.to_vec(),
        });
    }
    let mut vars = variables!();
    let x: Vec<_> = (0..n).map(|_| vars.add(variable().min(0.0).max(1.0))).collect();
    let d: Vec<_> = (0..n).map(|_| vars.add(variable().min(0.0))).collect();
    let objective: Expression = d.iter().sum();
    let mut problem = vars.minimise(objective).using(microlp);
    let sum: Expression = x.iter().sum();
    problem = problem.with(sum.eq(1.0));
    for l in 0..n {
        problem = problem.with((d[l] - x[l]).geq(-w[l]));
        problem = problem.with((d[l] + x[l]).geq(w[l]));
    }
    for &q in &rivals {
        let e: Expression = (0..n).map(|l| (u(p, l) - u(q, l)) * x[l]).sum();
        problem = problem.with(e.geq(MARGIN));
    }
    let solution = problem.solve().ok()?;
    let weights: Vec<f64> = x.iter().map(|&v| solution.value(v).clamp(0.0, 1.0)).collect();
    let total: f64 = weights.iter().sum();
    let weights: Vec<f64> = weights.iter().map(|v| v / total).collect();
    let distance = weights.iter().zip(w).map(|(a, b)| (a - b).abs()).sum();
    Some(Belief {
        policy: p,
        distance,
        weights,
    })
}

/// The belief in words: "move 34 points of credence to 2. Capability (from 6b and 6c)".
/// Leaves that gain or lose less than half a point are left out; where every leaf under a
/// top-level hypothesis moves the same way, the top-level one is named instead.
#[must_use]
pub fn describe(scenario: &Scenario, model: &Model, belief: &Belief, w: &[f64]) -> String {
    if belief.distance < 0.005 {
        return "it is already best at these credences".to_owned();
    }
    let change: Vec<f64> = belief.weights.iter().zip(w).map(|(x, w)| x - w).collect();
    // Each hypothesis's change of credence: the sum over the joint leaves where it holds.
    let marginal = |h: usize| -> f64 {
        (0..change.len())
            .filter(|&l| model.leaf_has(l, h))
            .map(|l| change[l])
            .sum()
    };
    let hypothesis_leaves: Vec<usize> = (0..model.parent().len())
        .filter(|&h| model.children()[h].is_empty())
        .collect();
    let names = |sign: f64| -> Vec<String> {
        let mut out = Vec::new();
        for &root in model.roots() {
            let under: Vec<usize> = hypothesis_leaves
                .iter()
                .copied()
                .filter(|&h| model.is_under(h, root))
                .collect();
            let moving: Vec<usize> = under.iter().copied().filter(|&h| marginal(h) * sign > 0.005).collect();
            if moving.is_empty() {
                continue;
            }
            if moving.len() == under.len() {
                out.push(scenario.hypotheses[root].name.clone());
            } else {
                out.extend(moving.iter().map(|&h| scenario.hypotheses[h].name.clone()));
            }
        }
        out
    };
    let list = |v: Vec<String>| match v.len() {
        0 => String::new(),
        1 => v[0].clone(),
        _ => format!("{} and {}", v[..v.len() - 1].join(", "), v[v.len() - 1]),
    };
    let to = list(names(1.0));
    let from = list(names(-1.0));
    format!("move {:.0} points of credence to {to} (from {from})", belief.points())
}
