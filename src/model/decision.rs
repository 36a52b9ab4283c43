//! Decision analysis over a set of candidate policies: expected utility, the best policy under
//! each hypothesis, regret, minimax regret, the expected value of perfect information (EVPI)
//! and the credences at which the best policy flips.

use crate::model::evaluate::{EvaluationCache, Model, WeightError, expectation};

/// A policy to compare: a name and complete lever values.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// Stable id (`"current"` for the live settings).
    pub id: String,
    /// Display name.
    pub name: String,
    /// Lever values in scenario order.
    pub levers: Vec<f64>,
}

/// Where the EU-best policy changes as one hypothesis's credence moves, the others rescaled in
/// proportion.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Flip {
    /// The hypothesis's effective credence (0 to 1) at which the change happens.
    pub credence: f64,
    /// Candidate index that becomes best there.
    pub to: usize,
}

/// Flip points of one hypothesis.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FlipPoint {
    /// Hypothesis index (a leaf or a parent).
    pub hypothesis: usize,
    /// Its effective credence now.
    pub credence: f64,
    /// The nearest change when its credence falls, if any.
    pub down: Option<Flip>,
    /// The nearest change when its credence rises, if any.
    pub up: Option<Flip>,
}

/// The full decision analysis.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    /// Number of joint leaves (columns of the matrices).
    pub n_leaves: usize,
    /// What answering each question is worth (EVPPI), in question order; with one question
    /// it is the EVPI.
    pub value_of_answering: Vec<f64>,
    /// Effective weight per leaf.
    pub leaf_weights: Vec<f64>,
    /// Effective weight per hypothesis (leaves and parents).
    pub hypothesis_weights: Vec<f64>,
    /// `U_h(p)` at `[candidate * n_leaves + leaf]`.
    pub utility: Vec<f64>,
    /// `EU(p)` per candidate.
    pub expected_utility: Vec<f64>,
    /// `R_h(p)` at `[candidate * n_leaves + leaf]`.
    pub regret: Vec<f64>,
    /// `sum_h w_h R_h(p)` per candidate.
    pub expected_regret: Vec<f64>,
    /// Largest regret over hypotheses with positive credence, per candidate.
    pub max_regret: Vec<f64>,
    /// Candidate with the highest expected utility (first on ties).
    pub best: usize,
    /// Candidate with the smallest maximum regret (first on ties).
    pub minimax_regret: usize,
    /// Best candidate under each leaf.
    pub best_by_leaf: Vec<usize>,
    /// Expected value of perfect information about the motive, in utility units.
    pub evpi: f64,
    /// Flip points for every hypothesis, in scenario order.
    pub flip_points: Vec<FlipPoint>,
}

impl Analysis {
    /// `U_h(p)` for candidate `p` and leaf position `leaf`.
    #[must_use]
    pub fn utility(&self, p: usize, leaf: usize) -> f64 {
        self.utility[p * self.n_leaves + leaf]
    }
    /// `R_h(p)` for candidate `p` and leaf position `leaf`.
    #[must_use]
    pub fn regret(&self, p: usize, leaf: usize) -> f64 {
        self.regret[p * self.n_leaves + leaf]
    }
}

impl Analysis {
    /// The hypothesis whose credence is nearest to changing the best policy: the smallest
    /// distance from its effective credence to its nearest flip point (first on ties), or
    /// `None` if no credence change alone can change the best policy.
    #[must_use]
    pub fn nearest_flip(&self) -> Option<usize> {
        let mut best: Option<(usize, f64)> = None;
        for f in &self.flip_points {
            for flip in [f.down, f.up].into_iter().flatten() {
                let d = (flip.credence - f.credence).abs();
                if best.is_none_or(|(_, b)| d < b) {
                    best = Some((f.hypothesis, d));
                }
            }
        }
        best.map(|(h, _)| h)
    }
}

/// Index of the largest value, first on ties.
pub(crate) fn argmax(xs: impl Iterator<Item = f64>) -> usize {
    let mut best = (0, f64::NEG_INFINITY);
    for (i, x) in xs.enumerate() {
        if x > best.1 {
            best = (i, x);
        }
    }
    best.0
}

/// Run the full analysis of `candidates` under these credences and weights.
///
/// # Errors
/// Unusable credences or weights.
pub fn analyse(
    model: &Model,
    candidates: &[Candidate],
    credences: &[f64],
    values: &[f64],
    horizons: &[f64],
    cache: &mut EvaluationCache,
) -> Result<Analysis, WeightError> {
    let n = model.n_leaves();
    let mut hypothesis_weights = vec![0.0; model.parent().len()];
    model.hypothesis_weights(credences, &mut hypothesis_weights)?;
    let w = model.joint_weights(&hypothesis_weights);
    let total = model.weight_total(values, horizons)?;
    let mut utility = vec![0.0; candidates.len() * n];
    for (p, c) in candidates.iter().enumerate() {
        if c.levers.len() != model.n_levers() && c.levers.len() != model.n_levers() * model.n_horizons() {
            return Err(WeightError::WrongLength {
                what: "lever values",
                found: c.levers.len(),
                expected: model.n_levers(),
            });
        }
        let buf = cache.evaluated(model, &c.levers);
        model.utilities_into(buf, values, horizons, total, &mut utility[p * n..(p + 1) * n]);
    }
    let m = candidates.len();
    let u = |p: usize, h: usize| utility[p * n + h];
    let expected_utility: Vec<f64> = (0..m).map(|p| expectation(&w, |h| u(p, h))).collect();
    let best_by_leaf: Vec<usize> = (0..n).map(|h| argmax((0..m).map(|p| u(p, h)))).collect();
    let top: Vec<f64> = (0..n)
        .map(|h| if m == 0 { 0.0 } else { u(best_by_leaf[h], h) })
        .collect();
    let regret: Vec<f64> = (0..m)
        .flat_map(|p| (0..n).map(move |h| (p, h)))
        .map(|(p, h)| top[h] - u(p, h))
        .collect();
    let expected_regret: Vec<f64> = (0..m).map(|p| expectation(&w, |h| regret[p * n + h])).collect();
    let max_regret: Vec<f64> = (0..m)
        .map(|p| {
            (0..n)
                .filter(|&h| w[h] > 0.0)
                .map(|h| regret[p * n + h])
                .fold(0.0, f64::max)
        })
        .collect();
    let best = argmax(expected_utility.iter().copied());
    let minimax_regret = argmax(max_regret.iter().map(|r| -r));
    let evpi = if m == 0 {
        0.0
    } else {
        (expectation(&w, |h| top[h]) - expected_utility[best]).max(0.0)
    };
    let flip_points = (0..model.parent().len())
        .map(|k| flip_point(model, k, credences, &hypothesis_weights, &utility, m, best))
        .collect::<Result<Vec<_>, _>>()?;
    let value_of_answering = crate::model::questions::value_of_answering(model, &hypothesis_weights, &utility);
    Ok(Analysis {
        n_leaves: n,
        value_of_answering,
        leaf_weights: w,
        hypothesis_weights,
        utility,
        expected_utility,
        regret,
        expected_regret,
        max_regret,
        best,
        minimax_regret,
        best_by_leaf,
        evpi,
        flip_points,
    })
}

/// Utilities of each candidate split into the part under hypothesis `k` (`A_p`, conditional on
/// `k`) and the part under all others (`B_p`, conditional on not `k`), so that with credence
/// `c` in `k`, `EU_p(c) = c A_p + (1 - c) B_p`. `utility` and `weights` are an [`Analysis`]'s
/// `utility` and `hypothesis_weights`; `m` is the number of candidates.
///
/// # Errors
/// Unusable credences.
pub fn split_utilities(
    model: &Model,
    k: usize,
    credences: &[f64],
    weights: &[f64],
    utility: &[f64],
    m: usize,
) -> Result<(Vec<f64>, Vec<f64>), WeightError> {
    let n = model.n_leaves();
    // Inside k: the structural split of k's own weight among its leaves.
    let mut inside = vec![0.0; model.parent().len()];
    let mut forced = credences.to_vec();
    let chain_to_root = |mut i: usize, f: &mut Vec<f64>| {
        f[i] = 1.0;
        while let Some(p) = model.parent()[i] {
            for &s in &model.children()[p] {
                if s != i {
                    f[s] = 0.0;
                }
            }
            f[p] = 1.0;
            i = p;
        }
        // Only k's own question: the other questions keep their weights.
        for &r in model.question_roots(model.question_of(k)) {
            if !model.is_under(k, r) {
                f[r] = 0.0;
            }
        }
    };
    chain_to_root(k, &mut forced);
    model.hypothesis_weights(&forced, &mut inside)?;
    // Outside k: the others in proportion to their current weights, or, if k holds all the
    // weight now, as they would be with k's credence set to zero (equal shares if nothing is left).
    let under = |l: usize| model.leaf_has(l, k);
    let outside: Vec<f64> = if weights[k] < 1.0 {
        let rest = 1.0 - weights[k];
        let w = model.joint_weights(weights);
        (0..n).map(|l| if under(l) { 0.0 } else { w[l] / rest }).collect()
    } else {
        let mut zeroed = credences.to_vec();
        zeroed[k] = 0.0;
        let mut all = vec![0.0; model.parent().len()];
        let zeroed_ok = model.hypothesis_weights(&zeroed, &mut all).is_ok();
        let w = model.joint_weights(&all);
        let s: f64 = (0..n).filter(|&l| !under(l)).map(|l| w[l]).sum();
        if zeroed_ok && s > 0.0 {
            (0..n).map(|l| if under(l) { 0.0 } else { w[l] / s }).collect()
        } else {
            // Nothing else in k's question has credence: its other answers share equally, and
            // the other questions keep their weights.
            let q = model.question_of(k);
            let mut rest: Vec<usize> = (0..n)
                .filter(|&l| !under(l))
                .map(|l| model.leaf_answers(l)[q])
                .collect();
            rest.sort_unstable();
            rest.dedup();
            let share = 1.0 / rest.len().max(1) as f64;
            let others = |l: usize| -> f64 {
                (model.leaf_answers(l).iter().enumerate())
                    .filter(|&(j, _)| j != q)
                    .map(|(_, &a)| weights[a])
                    .product()
            };
            (0..n).map(|l| if under(l) { 0.0 } else { share * others(l) }).collect()
        }
    };
    let inside = model.joint_weights(&inside);
    let a = (0..m).map(|p| expectation(&inside, |l| utility[p * n + l])).collect();
    let b = (0..m).map(|p| expectation(&outside, |l| utility[p * n + l])).collect();
    Ok((a, b))
}

fn flip_point(
    model: &Model,
    k: usize,
    credences: &[f64],
    weights: &[f64],
    utility: &[f64],
    m: usize,
    best: usize,
) -> Result<FlipPoint, WeightError> {
    let c0 = weights[k];
    let mut point = FlipPoint {
        hypothesis: k,
        credence: c0,
        down: None,
        up: None,
    };
    let all_leaves_under_k = (0..model.n_leaves()).all(|l| model.leaf_has(l, k));
    if m < 2 || all_leaves_under_k {
        return Ok(point);
    }
    let (a, b) = split_utilities(model, k, credences, weights, utility, m)?;
    let slope = |p: usize| a[p] - b[p];
    for q in (0..m).filter(|&q| q != best) {
        // d(c) = EU_q(c) - EU_best(c) = d0 + d1 c
        let d0 = b[q] - b[best];
        let d1 = slope(q) - slope(best);
        if d1.abs() < 1e-12 {
            continue;
        }
        let c = -d0 / d1;
        if d1 > 0.0 && c >= c0 && c <= 1.0 {
            let better = point
                .up
                .is_none_or(|f| c < f.credence || (c == f.credence && d1 > slope(f.to) - slope(best)));
            if better {
                point.up = Some(Flip { credence: c, to: q });
            }
        } else if d1 < 0.0 && c <= c0 && c >= 0.0 {
            let better = point
                .down
                .is_none_or(|f| c > f.credence || (c == f.credence && d1 < slope(f.to) - slope(best)));
            if better {
                point.down = Some(Flip { credence: c, to: q });
            }
        }
    }
    Ok(point)
}
