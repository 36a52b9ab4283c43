//! Evidence: observed items move the credences by Bayes' rule, and each open item's expected
//! value of sample information says which question is worth answering first. The mathematics
//! is in `docs/file-format.md`, "Evidence".

use crate::model::evaluate::Model;
use crate::model::scenario::Scenario;

mod report;
#[cfg(test)]
mod tests;
mod timeline;
mod value;

pub use report::{EvidenceReport, FactRow, ItemRow, evidence_report, evsi_of_set};
pub use timeline::{dates, known_by, timeline_position, timeline_step};
pub use value::{Sample, evsi, evsi_of_fact};

/// An item's state in a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Observation {
    /// Not known yet.
    #[default]
    Open,
    /// Observed: the item is true.
    True,
    /// Observed: the item is false.
    False,
}

impl Observation {
    /// The word used in files and on the command line.
    #[must_use]
    pub fn word(self) -> &'static str {
        match self {
            Observation::Open => "open",
            Observation::True => "true",
            Observation::False => "false",
        }
    }
    /// Read `true`, `false` or `open`.
    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim() {
            "true" => Some(Observation::True),
            "false" => Some(Observation::False),
            "open" => Some(Observation::Open),
            _ => None,
        }
    }
}

/// Why observations cannot be used.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EvidenceError {
    /// The observed items have probability 0 under every hypothesis with prior credence.
    #[error(
        "the observed evidence is impossible under every hypothesis you give credence to ({0}); set one of these items back to open"
    )]
    Impossible(String),
}

/// The scenario's evidence items resolved to leaf likelihoods.
#[derive(Debug, Clone, PartialEq)]
pub struct EvidenceModel {
    /// `P(item true | leaf)` per item, `[item][leaf]`, before reliability; a report of a fact
    /// has the fact's.
    pub likelihoods: Vec<Vec<f64>>,
    /// Reliability per item.
    pub reliability: Vec<f64>,
    /// The fact each item reports, if any (index into the scenario's facts).
    pub fact_of: Vec<Option<usize>>,
    /// `P(fact true | leaf)` per fact, `[fact][leaf]`.
    pub facts: Vec<Vec<f64>>,
}

/// A joint leaf's likelihood: the one given for one of its answers, else for its nearest
/// ancestor (an item's keys name one question's hypotheses, so at most one answer has any),
/// else the default (0.5 if there is none; validation refuses that gap).
fn resolve(
    scenario: &Scenario,
    model: &Model,
    likelihoods: &std::collections::BTreeMap<String, f64>,
    ratings: &std::collections::BTreeMap<String, crate::model::scenario::Rating>,
    default: Option<f64>,
) -> Vec<f64> {
    (0..model.n_leaves())
        .map(|l| {
            for &h in model.leaf_answers(l) {
                let mut at = Some(h);
                while let Some(i) = at {
                    let id = &scenario.hypotheses[i].id;
                    if let Some(&x) = likelihoods.get(id) {
                        return x;
                    }
                    if let Some(r) = ratings.get(id) {
                        return r.likelihood();
                    }
                    at = model.parent()[i];
                }
            }
            default.unwrap_or(0.5)
        })
        .collect()
}

impl EvidenceModel {
    /// Resolve every item and fact: a leaf takes the likelihood given for it, else for its
    /// nearest ancestor, else the default.
    #[must_use]
    pub fn new(scenario: &Scenario, model: &Model) -> Self {
        crate::model::work::count(|w| w.evidence += 1);
        let facts: Vec<Vec<f64>> = (scenario.facts.iter())
            .map(|f| resolve(scenario, model, &f.likelihoods, &f.ratings, f.default_likelihood))
            .collect();
        let fact_of: Vec<Option<usize>> = (scenario.evidence.iter())
            .map(|e| {
                e.fact
                    .as_ref()
                    .and_then(|id| scenario.facts.iter().position(|f| &f.id == id))
            })
            .collect();
        let likelihoods = (scenario.evidence.iter().zip(&fact_of))
            .map(|(e, f)| match f {
                Some(f) => facts[*f].clone(),
                None => resolve(scenario, model, &e.likelihoods, &e.ratings, e.default_likelihood),
            })
            .collect();
        Self {
            likelihoods,
            reliability: scenario.evidence.iter().map(|e| e.reliability).collect(),
            fact_of,
            facts,
        }
    }

    /// Number of items.
    #[must_use]
    pub fn len(&self) -> usize {
        self.likelihoods.len()
    }

    /// Whether there are no items.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.likelihoods.is_empty()
    }

    /// `P(e)` of item `i` under leaf weights `w`, before reliability.
    #[must_use]
    fn marginal(&self, i: usize, w: &[f64]) -> f64 {
        self.likelihoods[i].iter().zip(w).map(|(l, w)| l * w).sum()
    }

    /// `P(item i true | leaf)` tempered by its reliability `r`: `r L_h + (1 - r) P(e)`, with
    /// `P(e)` under the prior leaf weights.
    #[must_use]
    pub fn tempered(&self, i: usize, prior: &[f64]) -> Vec<f64> {
        let r = self.reliability[i];
        let pe = self.marginal(i, prior);
        self.likelihoods[i].iter().map(|l| r * l + (1.0 - r) * pe).collect()
    }

    /// The likelihood of item `i`'s observed state under each leaf (1 for an open item).
    #[must_use]
    fn of_state(&self, i: usize, state: Observation, prior: &[f64]) -> Vec<f64> {
        let t = self.tempered(i, prior);
        match state {
            Observation::Open => vec![1.0; t.len()],
            Observation::True => t,
            Observation::False => t.iter().map(|l| 1.0 - l).collect(),
        }
    }

    /// `P(report true | fact true)` and `P(report true | fact false)` of item `i` (a report):
    /// `r + (1 - r) P(F)` and `(1 - r) P(F)`, with `P(F)` under the prior leaf weights. A
    /// faithful report (probability `r`) says what the fact is; otherwise it says "true" with
    /// the fact's prior probability.
    fn report_odds(&self, i: usize, prior: &[f64]) -> (f64, f64) {
        let r = self.reliability[i];
        let pf = self.marginal(i, prior);
        (r + (1.0 - r) * pf, (1.0 - r) * pf)
    }

    /// `P(these answers of fact f's reports | fact true)` and `| fact false`, for the reports
    /// and answers given (`true` for "observed true").
    fn reports_given_fact(&self, answers: impl Iterator<Item = (usize, bool)>, prior: &[f64]) -> (f64, f64) {
        answers.fold((1.0, 1.0), |(a, b), (i, yes)| {
            let (ta, tb) = self.report_odds(i, prior);
            if yes {
                (a * ta, b * tb)
            } else {
                (a * (1.0 - ta), b * (1.0 - tb))
            }
        })
    }

    /// The observed items' states grouped into independent pieces given the leaf: an item of
    /// its own, or all the observed reports of one fact. Each piece's likelihood per leaf,
    /// `P(observed | leaf)`; a report's is `L_F A + (1 - L_F) B` with `A`, `B` the
    /// probabilities of its fact's observed reports given the fact true and false.
    fn observed_pieces(&self, states: &[Observation], prior: &[f64]) -> Vec<Vec<f64>> {
        let mut out: Vec<Vec<f64>> = (states.iter().enumerate().take(self.len()))
            .filter(|&(i, &s)| s != Observation::Open && self.fact_of[i].is_none())
            .map(|(i, &s)| self.of_state(i, s, prior))
            .collect();
        for (f, lf) in self.facts.iter().enumerate() {
            let answers = (states.iter().enumerate().take(self.len()))
                .filter(|&(i, &s)| s != Observation::Open && self.fact_of[i] == Some(f))
                .map(|(i, &s)| (i, s == Observation::True));
            let mut answers = answers.peekable();
            if answers.peek().is_none() {
                continue;
            }
            let (a, b) = self.reports_given_fact(answers, prior);
            out.push(lf.iter().map(|l| l * a + (1.0 - l) * b).collect());
        }
        out
    }

    /// `P(fact f true | leaf, its observed reports)`, per leaf: `L_F A / (L_F A + (1 - L_F) B)`
    /// (`L_F` where no report is observed, or where the reports are impossible under the leaf).
    #[must_use]
    pub fn fact_given(&self, f: usize, states: &[Observation], prior: &[f64]) -> Vec<f64> {
        let answers = (states.iter().enumerate().take(self.len()))
            .filter(|&(i, &s)| s != Observation::Open && self.fact_of[i] == Some(f))
            .map(|(i, &s)| (i, s == Observation::True));
        let (a, b) = self.reports_given_fact(answers, prior);
        (self.facts[f].iter())
            .map(|&l| {
                let z = l * a + (1.0 - l) * b;
                if z > 0.0 { l * a / z } else { l }
            })
            .collect()
    }

    /// The posterior leaf weights: `w_h` proportional to `prior_h` times the likelihood of
    /// every observed piece (items of their own, and each fact's observed reports together),
    /// the pieces conditionally independent given the hypothesis.
    ///
    /// # Errors
    /// The observations have probability 0 under every leaf with prior weight.
    pub fn posterior(
        &self,
        scenario: &Scenario,
        prior: &[f64],
        states: &[Observation],
    ) -> Result<Vec<f64>, EvidenceError> {
        let mut w = prior.to_vec();
        for piece in self.observed_pieces(states, prior) {
            for (x, l) in w.iter_mut().zip(piece) {
                *x *= l;
            }
        }
        let total: f64 = w.iter().sum();
        if total <= 0.0 || !total.is_finite() {
            let observed: Vec<String> = states
                .iter()
                .enumerate()
                .filter(|(_, s)| **s != Observation::Open)
                .filter_map(|(i, s)| scenario.evidence.get(i).map(|e| format!("{} {}", e.id, s.word())))
                .collect();
            return Err(EvidenceError::Impossible(observed.join(", ")));
        }
        Ok(w.iter().map(|x| x / total).collect())
    }

    /// How much item `i` separates the leaves: the spread `max_h ln L_h - min_h ln L_h` of its
    /// (tempered) log likelihoods over leaves with prior weight. 0 for an item equally likely
    /// under every hypothesis.
    #[must_use]
    pub fn diagnosticity(&self, i: usize, prior: &[f64]) -> f64 {
        let t = self.tempered(i, prior);
        let logs = t
            .iter()
            .zip(prior)
            .filter(|(_, w)| **w > 0.0)
            .map(|(l, _)| l.max(1e-300).ln());
        let (lo, hi) = logs.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), x| (a.min(x), b.max(x)));
        if hi >= lo { hi - lo } else { 0.0 }
    }

    /// The ACH inconsistency of each leaf with the observed items: the sum over observed pieces
    /// (an item of its own, or a fact's observed reports together) of `log2(max_h' L'_h' /
    /// L'_h)`, with `L'` the piece's likelihood: how many bits of the evidence count against
    /// the leaf, next to the leaf it fits best.
    #[must_use]
    pub fn inconsistency(&self, prior: &[f64], states: &[Observation]) -> Vec<f64> {
        let mut score = vec![0.0; prior.len()];
        for l in self.observed_pieces(states, prior) {
            let best = l.iter().copied().fold(0.0, f64::max);
            for (s, x) in score.iter_mut().zip(&l) {
                *s += (best / x.max(1e-300)).log2();
            }
        }
        score
    }
}

/// Credences (relative to siblings) that give these leaf weights: a leaf's weight itself, a
/// parent's the sum of its leaves'.
#[must_use]
pub fn credences_for(model: &Model, leaf_weights: &[f64]) -> Vec<f64> {
    (0..model.parent().len())
        .map(|h| {
            (0..model.n_leaves())
                .filter(|&l| model.leaf_has(l, h))
                .map(|l| leaf_weights[l])
                .sum()
        })
        .collect()
}
