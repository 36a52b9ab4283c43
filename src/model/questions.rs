//! The decision seen one question at a time: the expected utility of each candidate given each
//! answer to a question (the other questions averaged by their weights), and what answering
//! the question is worth, `EVPPI(Q) = sum_q w_q max_p E[U_p | q] - max_p EU_p`.

use crate::model::evaluate::Model;

/// One question's answers and each candidate's expected utility given each.
#[derive(Debug, Clone, PartialEq)]
pub struct ByQuestion {
    /// The question's leaf hypotheses, in scenario order.
    pub answers: Vec<usize>,
    /// The weight of each answer (its effective weight; they sum to 1).
    pub weights: Vec<f64>,
    /// `E[U_p | answer]` at `[candidate * answers + answer]`.
    pub utility: Vec<f64>,
}

impl ByQuestion {
    /// Number of answers.
    #[must_use]
    pub fn len(&self) -> usize {
        self.answers.len()
    }
    /// Whether the question has no answers.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.answers.is_empty()
    }
    /// `E[U_p | answer a]`.
    #[must_use]
    pub fn utility(&self, p: usize, a: usize) -> f64 {
        self.utility[p * self.answers.len() + a]
    }
    /// The regret of candidate `p` given answer `a`: the best candidate's utility there less `p`'s.
    #[must_use]
    pub fn regret(&self, p: usize, a: usize) -> f64 {
        let m = self.utility.len() / self.answers.len().max(1);
        let best = (0..m).map(|q| self.utility(q, a)).fold(f64::NEG_INFINITY, f64::max);
        best - self.utility(p, a)
    }
    /// `sum_a w_a max_p E[U_p | a] - max_p EU_p`, never below 0: what learning the answer to
    /// this question alone is worth.
    #[must_use]
    pub fn value(&self) -> f64 {
        let n = self.answers.len();
        let m = self.utility.len() / n.max(1);
        if m == 0 {
            return 0.0;
        }
        let eu = |p: usize| (0..n).map(|a| self.weights[a] * self.utility(p, a)).sum::<f64>();
        let best_now = (0..m).map(eu).fold(f64::NEG_INFINITY, f64::max);
        let informed: f64 = (0..n)
            .map(|a| self.weights[a] * (0..m).map(|p| self.utility(p, a)).fold(f64::NEG_INFINITY, f64::max))
            .sum();
        (informed - best_now).max(0.0)
    }
}

/// Question `q` seen on its own: for each of its answers `a` and each candidate `p`,
/// `E[U_p | a] = sum over joint leaves l with answer a of (prod of l's other answers' weights)
/// U_p(l)`. `hypothesis_weights` are the effective weights of every hypothesis, `utility` the
/// analysis's `[candidate * leaves + leaf]`.
#[must_use]
pub fn by_question(model: &Model, hypothesis_weights: &[f64], utility: &[f64], q: usize) -> ByQuestion {
    let n = model.n_leaves();
    let m = utility.len().checked_div(n).unwrap_or(0);
    let mut answers: Vec<usize> = (0..n).map(|l| model.leaf_answers(l)[q]).collect();
    answers.sort_unstable();
    answers.dedup();
    let k = answers.len();
    let mut out = vec![0.0; m * k];
    for l in 0..n {
        let mine = model.leaf_answers(l)[q];
        let Ok(a) = answers.binary_search(&mine) else { continue };
        let others: f64 = (model.leaf_answers(l).iter().enumerate())
            .filter(|&(j, _)| j != q)
            .map(|(_, &h)| hypothesis_weights[h])
            .product();
        for p in 0..m {
            out[p * k + a] += others * utility[p * n + l];
        }
    }
    ByQuestion {
        weights: answers.iter().map(|&h| hypothesis_weights[h]).collect(),
        answers,
        utility: out,
    }
}

/// What answering each question is worth (EVPPI), in question order; with one question it is
/// the EVPI.
#[must_use]
pub fn value_of_answering(model: &Model, hypothesis_weights: &[f64], utility: &[f64]) -> Vec<f64> {
    (0..model.n_questions())
        .map(|q| by_question(model, hypothesis_weights, utility, q).value())
        .collect()
}

/// Every question's answers, question by question: `(question, leaf hypothesis)`. With one
/// question, the leaf hypotheses in leaf order.
#[must_use]
pub fn answers(model: &Model) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for q in 0..model.n_questions() {
        let mut of_q: Vec<usize> = (0..model.n_leaves()).map(|l| model.leaf_answers(l)[q]).collect();
        of_q.sort_unstable();
        of_q.dedup();
        out.extend(of_q.into_iter().map(|h| (q, h)));
    }
    out
}

/// The expected value of `x` (a value per joint leaf) given answer `h` to question `q`: the
/// sum over joint leaves with that answer of the product of their other answers' weights times
/// `x`. With one question it is `x` at that leaf.
#[must_use]
pub fn given(model: &Model, hypothesis_weights: &[f64], (q, h): (usize, usize), x: impl Fn(usize) -> f64) -> f64 {
    (0..model.n_leaves())
        .filter(|&l| model.leaf_answers(l)[q] == h)
        .map(|l| others_weight(model, hypothesis_weights, q, l) * x(l))
        .sum()
}

/// The weight of joint leaf `l`'s answers to every question but `q`: the product of their
/// hypothesis weights.
#[must_use]
pub fn others_weight(model: &Model, hypothesis_weights: &[f64], q: usize, l: usize) -> f64 {
    (model.leaf_answers(l).iter().enumerate())
        .filter(|&(j, _)| j != q)
        .map(|(_, &a)| hypothesis_weights.get(a).copied().unwrap_or(0.0))
        .product()
}
