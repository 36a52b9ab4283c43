//! New items: each with a fresh id and values that check, and what it needs to check (a new
//! outcome's baselines, a new lever's place in the policies, a new question's answers).

use super::types::Item;
use crate::model::scenario::{
    Baseline, Better, Curve, Dist, Driver, Effect, Evidence, Horizon, Hypothesis, Lever, Limits, Outcome, Policy,
    Question, Role, Scenario, Source,
};
use std::collections::BTreeMap;

/// `stem1`, `stem2`, ...: the first not among `taken`.
pub(super) fn fresh_id(stem: &str, taken: &[&str]) -> String {
    // One more candidate than there are ids: one of them is free.
    (1..=taken.len() + 1)
        .map(|i| format!("{stem}{i}"))
        .find(|id| !taken.contains(&id.as_str()))
        .unwrap_or_else(|| stem.to_owned())
}

/// A new item of `item`'s kind at the end of its list: a fresh id, and values that check
/// (a new outcome gets a baseline of 0 in each horizon; a new lever is in every policy at its
/// default).
pub(super) fn add(s: &mut Scenario, item: Item) {
    let taken = item.ids(s);
    let first = |ids: Vec<&str>| ids.first().map(|x| (*x).to_owned()).unwrap_or_default();
    match item {
        Item::Question => add_question(s),
        Item::Hypothesis => {
            let id = fresh_id("h", &taken);
            let question = s.questions.first().map(|q| q.id.clone());
            s.hypotheses.push(Hypothesis {
                name: format!("Hypothesis {}", s.hypotheses.len() + 1),
                id,
                description: String::new(),
                source: String::new(),
                prior: 1.0,
                parent: None,
                question,
            });
        }
        Item::Lever => {
            let id = fresh_id("lever", &taken);
            for p in &mut s.policies {
                p.levers.insert(id.clone(), 0.0);
            }
            s.levers.push(Lever {
                name: format!("Lever {}", s.levers.len() + 1),
                id,
                unit: "% of full effort".into(),
                min: 0.0,
                max: 100.0,
                step: 1.0,
                default: 0.0,
                description: String::new(),
            });
        }
        Item::Outcome => {
            let id = fresh_id("outcome", &taken);
            for h in &s.horizons {
                s.baselines.push(baseline(&id, &h.id));
            }
            s.outcomes.push(Outcome {
                name: format!("Outcome {}", s.outcomes.len() + 1),
                id,
                unit: "units/year".into(),
                better: Better::Lower,
                worst: 100.0,
                best: 0.0,
                limits: Limits {
                    min: Some(0.0),
                    max: None,
                },
                description: String::new(),
                role: Role::End,
            });
        }
        Item::Horizon => {
            let id = fresh_id("horizon", &taken);
            for o in &s.outcomes {
                s.baselines.push(baseline(&o.id, &id));
            }
            // Horizons end one after another: the new one a year after the last.
            let years = s.horizons.last().map_or(1.0, |h| h.years + 1.0);
            s.horizons.push(Horizon {
                name: format!("Horizon {}", s.horizons.len() + 1),
                id,
                years,
                description: String::new(),
            });
        }
        Item::Baseline => {
            // A cell has one baseline, and a new outcome or horizon brings its own: this adds
            // one only where a cell has none.
            let missing = (s.outcomes.iter()).find_map(|o| {
                (s.horizons.iter())
                    .find(|h| !s.baselines.iter().any(|b| b.outcome == o.id && b.horizon == h.id))
                    .map(|h| baseline(&o.id, &h.id))
            });
            s.baselines.extend(missing);
        }
        Item::Effect => s.effects.push(Effect {
            outcome: first(Item::Outcome.ids(s)),
            horizon: first(Item::Horizon.ids(s)),
            hypothesis: None,
            when: Vec::new(),
            lever: None,
            driver: Some(Driver::Lever(first(Item::Lever.ids(s)))),
            curve: Curve::Linear(0.0),
            with: None,
            range: (1.0, 1.0),
            dist: Dist::default(),
            parameter: None,
            note: "assumption: replace with where this effect comes from".into(),
        }),
        Item::Policy => {
            let id = fresh_id("policy", &taken);
            let levers = s.levers.iter().map(|l| (l.id.clone(), l.default)).collect();
            s.policies.push(Policy {
                name: format!("Policy {}", s.policies.len() + 1),
                id,
                description: String::new(),
                levers,
                stages: BTreeMap::default(),
            });
        }
        Item::Evidence => {
            let id = fresh_id("e", &taken);
            s.evidence.push(Evidence {
                name: format!("Evidence {}", s.evidence.len() + 1),
                id,
                description: String::new(),
                date: "2000-01-01".into(),
                source: String::new(),
                note: String::new(),
                likelihoods: BTreeMap::default(),
                ratings: BTreeMap::default(),
                default_likelihood: None,
                reliability: 1.0,
                fact: None,
            });
        }
        Item::Source => {
            let id = fresh_id("source", &taken);
            s.sources.push(Source {
                id,
                citation: String::new(),
            });
        }
        // Made from what first has them (see `super::shared`).
        Item::Parameter | Item::Fact => {}
    }
}

/// A new question with two answers. Questions are format 3: a scenario of an older format
/// becomes format 3, and its hypotheses, which answered its one unnamed question, answer a
/// first named one.
fn add_question(s: &mut Scenario) {
    s.format_version = s.format_version.max(3);
    let mut taken: Vec<String> = Item::Question.ids(s).into_iter().map(str::to_owned).collect();
    let fresh = |taken: &mut Vec<String>, stem: &str| {
        let id = fresh_id(stem, &taken.iter().map(String::as_str).collect::<Vec<_>>());
        taken.push(id.clone());
        id
    };
    if s.questions.is_empty() && !s.hypotheses.is_empty() {
        let id = fresh(&mut taken, "q");
        for h in s.hypotheses.iter_mut().filter(|h| h.parent.is_none()) {
            h.question = Some(id.clone());
        }
        s.questions.push(Question {
            id,
            name: "Why did they attack?".into(),
            description: String::new(),
        });
    }
    let id = fresh(&mut taken, "q");
    let mut hypotheses: Vec<String> = Item::Hypothesis.ids(s).into_iter().map(str::to_owned).collect();
    for k in 1..=2 {
        let h = fresh(&mut hypotheses, "h");
        s.hypotheses.push(Hypothesis {
            id: h,
            name: format!("Answer {k}"),
            description: String::new(),
            source: String::new(),
            prior: 1.0,
            parent: None,
            question: Some(id.clone()),
        });
    }
    s.questions.push(Question {
        name: format!("Question {}", s.questions.len() + 1),
        id,
        description: String::new(),
    });
}

/// A certain baseline of 0.
fn baseline(outcome: &str, horizon: &str) -> Baseline {
    Baseline {
        outcome: outcome.to_owned(),
        horizon: horizon.to_owned(),
        value: 0.0,
        by_hypothesis: BTreeMap::default(),
        range: None,
        dist: Dist::default(),
        parameter: None,
        note: String::new(),
    }
}
