//! A class's credences pooled: per question, every student's probability of each leaf
//! hypothesis, their linear pool (the mean) and logarithmic pool (the normalised geometric mean
//! with a floor), how spread they are, and Brier scores once an answer is named.

use crate::model::evaluate::Model;

/// In the logarithmic pool a probability counts as at least this (half the codes' 1% step, so a
/// share written as 0% is read as "below half a percent"): one student's zero does not veto a
/// hypothesis the rest of the class holds.
pub const LOG_POOL_FLOOR: f64 = 0.005;

/// One question's pools.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionPool {
    /// The question's index.
    pub question: usize,
    /// Its leaf hypotheses, in scenario order.
    pub leaves: Vec<usize>,
    /// Each student's probability of each leaf, `[student][leaf]` (each student's summing to 1).
    pub students: Vec<Vec<f64>>,
    /// The linear pool: the mean of the students' probabilities, per leaf.
    pub linear: Vec<f64>,
    /// The logarithmic pool: per leaf the geometric mean of `max(p, floor)`, normalised.
    pub log: Vec<f64>,
    /// Per leaf: the lowest, median and highest student's probability.
    pub spread: Vec<(f64, f64, f64)>,
}

/// Leaf hypotheses of question `q`, in scenario order.
#[must_use]
pub fn question_leaves(model: &Model, q: usize) -> Vec<usize> {
    (0..model.children().len())
        .filter(|&h| model.question_of(h) == q && model.children()[h].is_empty())
        .collect()
}

/// The median of `xs` (the mean of the middle two when there are an even number); 0 if empty.
fn median(xs: &[f64]) -> f64 {
    let mut v = xs.to_vec();
    v.sort_by(f64::total_cmp);
    match v.len() {
        0 => 0.0,
        n if n % 2 == 1 => v[n / 2],
        n => f64::midpoint(v[n / 2 - 1], v[n / 2]),
    }
}

/// Pool the students' credences (each a credence per hypothesis) question by question. Each
/// student's credences are made coherent first: every sibling group's shares scaled to add up
/// to 1 ([`Model::hypothesis_weights`]), so a leaf's probability is the product of the shares
/// down its tree. A student whose credences cannot be read is left out.
#[must_use]
pub fn pool(model: &Model, students: &[Vec<f64>]) -> Vec<QuestionPool> {
    let n_h = model.children().len();
    let effective: Vec<Vec<f64>> = students
        .iter()
        .filter_map(|c| {
            let mut w = vec![0.0; n_h];
            model.hypothesis_weights(c, &mut w).ok().map(|()| w)
        })
        .collect();
    (0..model.n_questions())
        .map(|q| {
            let leaves = question_leaves(model, q);
            let students: Vec<Vec<f64>> = effective
                .iter()
                .map(|w| leaves.iter().map(|&h| w[h]).collect())
                .collect();
            let n = students.len().max(1) as f64;
            let column = |i: usize| students.iter().map(|p| p[i]).collect::<Vec<f64>>();
            let linear = (0..leaves.len()).map(|i| column(i).iter().sum::<f64>() / n).collect();
            let geometric: Vec<f64> = (0..leaves.len())
                .map(|i| (column(i).iter().map(|p| p.max(LOG_POOL_FLOOR).ln()).sum::<f64>() / n).exp())
                .collect();
            let total: f64 = geometric.iter().sum();
            let log = geometric.iter().map(|g| g / total).collect();
            let spread = (0..leaves.len())
                .map(|i| {
                    let c = column(i);
                    let lo = c.iter().copied().fold(f64::INFINITY, f64::min);
                    let hi = c.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                    if c.is_empty() {
                        (0.0, 0.0, 0.0)
                    } else {
                        (lo, median(&c), hi)
                    }
                })
                .collect();
            QuestionPool {
                question: q,
                leaves,
                students,
                linear,
                log,
                spread,
            }
        })
        .collect()
}

/// Credences that give each question's leaves the probabilities `pooled` (`[question][leaf]`, as
/// in [`QuestionPool`]): each hypothesis's credence is the probability of the leaves under it,
/// so every sibling group's shares are the pool's.
#[must_use]
pub fn credences_from(model: &Model, pools: &[QuestionPool], pick: impl Fn(&QuestionPool) -> &[f64]) -> Vec<f64> {
    let n_h = model.children().len();
    let mut out = vec![0.0; n_h];
    for p in pools {
        for (&leaf, &x) in p.leaves.iter().zip(pick(p)) {
            let mut h = Some(leaf);
            while let Some(i) = h {
                out[i] += x;
                h = model.parent()[i];
            }
        }
    }
    out
}

/// The Brier score of `probabilities` of a question's `leaves` when the answer is hypothesis
/// `answer` (a leaf, or a hypothesis with sub-hypotheses taken as one outcome):
/// `(1 - P(answer))^2 + sum over leaves not under the answer of P(leaf)^2`. 0 is a sure right
/// answer, 2 a sure wrong one.
#[must_use]
pub fn brier(model: &Model, leaves: &[usize], probabilities: &[f64], answer: usize) -> f64 {
    let under = |leaf: usize| {
        let mut h = Some(leaf);
        while let Some(i) = h {
            if i == answer {
                return true;
            }
            h = model.parent()[i];
        }
        false
    };
    let p_answer: f64 = (leaves.iter().zip(probabilities))
        .filter(|(l, _)| under(**l))
        .map(|(_, p)| p)
        .sum();
    let others: f64 = (leaves.iter().zip(probabilities))
        .filter(|(l, _)| !under(**l))
        .map(|(_, p)| p * p)
        .sum();
    (1.0 - p_answer).powi(2) + others
}

/// A class's Brier scores against one answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Brier {
    /// The hypothesis the later record supports.
    pub answer: usize,
    /// Each student's score, in the order of the codes.
    pub students: Vec<f64>,
    /// The linear pool's score.
    pub linear: f64,
    /// The logarithmic pool's score.
    pub log: f64,
    /// The students' mean score.
    pub mean: f64,
}

impl Brier {
    /// The scores of `pool` (the pool of `answer`'s question) against `answer`.
    #[must_use]
    pub fn of(model: &Model, pool: &QuestionPool, answer: usize) -> Self {
        let students: Vec<f64> = (pool.students.iter())
            .map(|x| brier(model, &pool.leaves, x, answer))
            .collect();
        Self {
            answer,
            mean: students.iter().sum::<f64>() / students.len().max(1) as f64,
            linear: brier(model, &pool.leaves, &pool.linear, answer),
            log: brier(model, &pool.leaves, &pool.log, answer),
            students,
        }
    }
}
