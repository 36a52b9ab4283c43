//! The parts of the JSON report that format version 3's questions add: the questions, the
//! joint leaves with their weights and answers, and what answering each question is worth.

use crate::model::evaluate::Model;
use crate::model::scenario::Scenario;
use crate::model::summary::Report;
use serde::Serialize;
use std::collections::BTreeMap;

/// One question.
#[derive(Debug, Serialize)]
pub struct QuestionJson {
    /// Id.
    pub id: String,
    /// The question as asked.
    pub name: String,
}

/// One joint leaf: an answer to every question.
#[derive(Debug, Serialize)]
pub struct JointLeafJson {
    /// The answers' ids in question order joined by `&`: the key of every `by_hypothesis`.
    pub id: String,
    /// Its weight (the product of its answers' weights).
    pub weight: f64,
    /// Its answer (a leaf hypothesis id) by question id.
    pub answers: BTreeMap<String, String>,
}

/// What answering one question is worth.
#[derive(Debug, Serialize)]
pub struct AnsweringJson {
    /// Question id.
    pub question: String,
    /// Expected value of partial perfect information about it, utility units.
    pub value: f64,
    /// The same in yardstick units (`null` without a yardstick).
    pub value_units: Option<f64>,
}

/// The questions, the joint leaves and the value of answering each question; all empty for a
/// scenario that lists no questions.
#[must_use]
pub fn questions_json(
    s: &Scenario,
    model: &Model,
    rep: &Report,
) -> (Vec<QuestionJson>, Vec<JointLeafJson>, Vec<AnsweringJson>) {
    if s.questions.is_empty() {
        return (Vec::new(), Vec::new(), Vec::new());
    }
    let a = &rep.analysis;
    let questions = (s.questions.iter())
        .map(|q| QuestionJson {
            id: q.id.clone(),
            name: q.name.clone(),
        })
        .collect();
    let leaves = (0..model.n_leaves())
        .map(|l| JointLeafJson {
            id: model.leaf_id(s, l),
            weight: a.leaf_weights.get(l).copied().unwrap_or(0.0),
            answers: (s.questions.iter().zip(model.leaf_answers(l)))
                .map(|(q, &h)| (q.id.clone(), s.hypotheses[h].id.clone()))
                .collect(),
        })
        .collect();
    let units = rep.units.as_ref().ok();
    let answering = (s.questions.iter().zip(&a.value_of_answering))
        .map(|(q, &v)| AnsweringJson {
            question: q.id.clone(),
            value: v,
            value_units: units.map(|u| u.of_utility(v)),
        })
        .collect();
    (questions, leaves, answering)
}
