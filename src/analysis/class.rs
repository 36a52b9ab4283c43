//! The class's beliefs as the views show them: the credence code of the live credences, and a
//! class's codes read, pooled and scored, memoised on the codes' text and the answer named.

use super::Derived;
pub use crate::model::class::Brier;
use crate::model::class::{Class, Code, QuestionPool, credences_from, pool};

/// A class's codes read and pooled for the open scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct ClassReport {
    /// The codes read and those refused.
    pub class: Class,
    /// Per question, the students' leaf probabilities and both pools.
    pub pools: Vec<QuestionPool>,
    /// Credences that set the sliders to the linear pool.
    pub linear: Vec<f64>,
    /// Credences that set the sliders to the logarithmic pool.
    pub log: Vec<f64>,
    /// With an answer named: its hypothesis, each student's Brier score (in the order of the
    /// codes), the linear pool's, the log pool's and the students' mean.
    pub brier: Option<Brier>,
}

/// The memo's key: the codes' text and the answer named.
pub(super) type ClassKey = (String, Option<usize>);

impl Derived {
    /// The credence code of `credences` on this scenario.
    pub fn credence_code(&mut self, credences: &[f64]) -> std::sync::Arc<String> {
        let (scenario, model) = (&self.scenario, &self.model);
        self.code.get_with(
            |k| k[..] == credences[..],
            || credences.to_vec(),
            |c| Code::of(scenario, model, c).text(),
        )
    }

    /// The codes in `text` read for this scenario, pooled, and scored against `answer`.
    pub fn class(&mut self, text: &str, answer: Option<usize>) -> std::sync::Arc<ClassReport> {
        let (scenario, model) = (&self.scenario, &self.model);
        self.class.get_with(
            |(t, a)| t == text && *a == answer,
            || (text.to_owned(), answer),
            |(t, a)| {
                let class = Class::read(scenario, t);
                let pools = pool(model, &class.credences);
                let linear = credences_from(model, &pools, |p| &p.linear);
                let log = credences_from(model, &pools, |p| &p.log);
                let brier = (a.filter(|_| !class.is_empty()))
                    .and_then(|h| Some(Brier::of(model, pools.get(model.question_of(h))?, h)));
                ClassReport {
                    class,
                    pools,
                    linear,
                    log,
                    brier,
                }
            },
        )
    }
}
