//! The decision matrix's columns: every joint leaf (every combination of answers), or one
//! question's answers, each the expected utility given that answer with the other questions
//! averaged by their weights; with the regrets and the value of information they imply.

use crate::model::decision::Analysis;
use crate::model::evaluate::Model;
use crate::model::questions::{by_question, others_weight};
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

/// Columns made of joint leaves: column `c` is the sum over `(leaf, weight)` in `mix[c]` of
/// weight times the leaf's value. One question's answers (each the value given that answer,
/// the other questions' answers weighted by their weights, as in [`given`]) or every joint leaf
/// (weight 1 each).
///
/// [`given`]: crate::model::questions::given
#[derive(Debug, Clone, PartialEq)]
pub struct LeafMix {
    /// Column names.
    pub names: Vec<String>,
    /// Each column's leaves and their weights.
    pub mix: Vec<Vec<(usize, f64)>>,
}

impl LeafMix {
    /// The columns `shown` (every joint leaf with one question, whatever is asked), with the
    /// other questions weighted by `hypothesis_weights`.
    #[must_use]
    pub fn new(s: &Scenario, model: &Model, hypothesis_weights: &[f64], shown: Shown) -> Self {
        let q = match shown {
            Shown::Question(q) if model.n_questions() > 1 && q < model.n_questions() => q,
            _ => {
                return Self {
                    names: (0..model.n_leaves()).map(|l| model.leaf_name(s, l)).collect(),
                    mix: (0..model.n_leaves()).map(|l| vec![(l, 1.0)]).collect(),
                };
            }
        };
        let answers: Vec<usize> = crate::model::questions::answers(model)
            .into_iter()
            .filter(|&(question, _)| question == q)
            .map(|(_, h)| h)
            .collect();
        let mix = answers
            .iter()
            .map(|&h| {
                (0..model.n_leaves())
                    .filter(|&l| model.leaf_answers(l)[q] == h)
                    .map(|l| (l, others_weight(model, hypothesis_weights, q, l)))
                    .collect()
            })
            .collect();
        Self {
            names: answers.iter().map(|&h| s.hypotheses[h].name.clone()).collect(),
            mix,
        }
    }

    /// Column `c` of `per_leaf` (a value per joint leaf).
    #[must_use]
    pub fn value(&self, c: usize, per_leaf: &[f64]) -> f64 {
        self.mix[c]
            .iter()
            .map(|&(l, w)| w * per_leaf.get(l).copied().unwrap_or(0.0))
            .sum()
    }

    /// The least of `per_leaf` over column `c`'s leaves with weight (with one question's
    /// answers, the answer's most favourable combination with the others).
    #[must_use]
    pub fn least(&self, c: usize, per_leaf: &[f64]) -> f64 {
        self.mix[c]
            .iter()
            .filter(|&&(_, w)| w > 0.0)
            .filter_map(|&(l, _)| per_leaf.get(l).copied())
            .fold(f64::INFINITY, f64::min)
    }
}

/// The row that switches between one question's answers and every combination (only with more
/// than one question).
pub fn shown_ui(ui: &mut egui::Ui, s: &Scenario, model: &Model, shown: &mut Shown) {
    if model.n_questions() < 2 {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new("Columns:").strong());
        for q in 0..model.n_questions() {
            ui.radio_value(shown, Shown::Question(q), s.question_name(q))
                .on_hover_text(
                    "One column per answer to this question, the other questions averaged by your credences",
                );
        }
        ui.radio_value(shown, Shown::Joint, "every combination")
            .on_hover_text("One column per combination of answers, one to each question");
    });
}
