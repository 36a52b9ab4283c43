//! The decision matrix's columns: every joint leaf (every combination of answers), or one
//! question's answers, each the expected utility given that answer with the other questions
//! averaged by their weights; with the regrets and the value of information they imply.

use crate::model::decision::Analysis;
use crate::model::evaluate::Model;
use crate::model::questions::by_question;
use crate::model::scenario::Scenario;
use serde::{Deserialize, Serialize};

/// Which columns the matrix shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Shown {
    /// One question's answers (the first by default).
    Question(usize),
    /// Every joint leaf.
    Joint,
}

impl Default for Shown {
    fn default() -> Self {
        Shown::Question(0)
    }
}

/// The columns of the matrix and what the analysis says of each.
#[derive(Debug, Clone, PartialEq)]
pub struct Columns {
    /// Column names (hypothesis names, or joint leaves' names).
    pub names: Vec<String>,
    /// Weight of each column.
    pub weights: Vec<f64>,
    /// Utility of candidate `p` in column `c` at `[p * columns + c]`.
    pub utility: Vec<f64>,
    /// Regret of candidate `p` in column `c`, the same layout.
    pub regret: Vec<f64>,
    /// The best candidate per column.
    pub best_by: Vec<usize>,
    /// Weight-averaged regret per candidate.
    pub expected_regret: Vec<f64>,
    /// Largest regret over columns with weight, per candidate.
    pub max_regret: Vec<f64>,
    /// What learning which column holds is worth: the EVPI over joint leaves, the question's
    /// EVPPI over its answers.
    pub value: f64,
}

impl Columns {
    /// Number of columns.
    #[must_use]
    pub fn len(&self) -> usize {
        self.names.len()
    }
    /// Whether there are none.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
    /// The candidate with the least maximum regret over these columns (first on ties).
    #[must_use]
    pub fn minimax(&self) -> usize {
        crate::model::decision::argmax(self.max_regret.iter().map(|r| -r))
    }
    /// Utility of candidate `p` in column `c`.
    #[must_use]
    pub fn utility(&self, p: usize, c: usize) -> f64 {
        self.utility[p * self.len() + c]
    }
    /// Regret of candidate `p` in column `c`.
    #[must_use]
    pub fn regret(&self, p: usize, c: usize) -> f64 {
        self.regret[p * self.len() + c]
    }
}

/// The columns `shown` (every joint leaf with one question, whatever is asked).
#[must_use]
pub fn columns(s: &Scenario, model: &Model, a: &Analysis, shown: Shown) -> Columns {
    let q = match shown {
        Shown::Question(q) if model.n_questions() > 1 && q < model.n_questions() => q,
        _ => {
            return Columns {
                names: (0..model.n_leaves()).map(|l| model.leaf_name(s, l)).collect(),
                weights: a.leaf_weights.clone(),
                utility: a.utility.clone(),
                regret: a.regret.clone(),
                best_by: a.best_by_leaf.clone(),
                expected_regret: a.expected_regret.clone(),
                max_regret: a.max_regret.clone(),
                value: a.evpi,
            };
        }
    };
    let by = by_question(model, &a.hypothesis_weights, &a.utility, q);
    let (n, m) = (by.len(), a.expected_utility.len());
    let regret: Vec<f64> = (0..m)
        .flat_map(|p| (0..n).map(move |c| (p, c)))
        .map(|(p, c)| by.regret(p, c))
        .collect();
    let best_by = (0..n)
        .map(|c| crate::model::decision::argmax((0..m).map(|p| by.utility(p, c))))
        .collect();
    let expected_regret = (0..m)
        .map(|p| (0..n).map(|c| by.weights[c] * regret[p * n + c]).sum())
        .collect();
    let max_regret = (0..m)
        .map(|p| {
            (0..n)
                .filter(|&c| by.weights[c] > 0.0)
                .map(|c| regret[p * n + c])
                .fold(0.0, f64::max)
        })
        .collect();
    Columns {
        names: by.answers.iter().map(|&h| s.hypotheses[h].name.clone()).collect(),
        weights: by.weights.clone(),
        value: by.value(),
        utility: by.utility,
        regret,
        best_by,
        expected_regret,
        max_regret,
    }
}
