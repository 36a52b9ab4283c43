//! The editor's draft: an effect's factor, shared parameters and the facts evidence items
//! report.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test stops at the first surprise"
)]

use super::test_support::{edit, emptied, paris};
use super::*;
use crate::model::evaluate::Model;
use crate::model::evidence::{EvidenceModel, Observation};
use crate::model::scenario::{Curve, Driver, Rating};

/// One hypothesis, one lever (0 to 100), one outcome with a baseline of 10 and one effect of
/// slope -0.05 driven by the lever.
fn small() -> Draft {
    let mut d = Draft::open(Arc::new(emptied()));
    for e in [
        ScenarioEdit::Add(Item::Hypothesis),
        ScenarioEdit::Add(Item::Lever),
        ScenarioEdit::Add(Item::Lever),
        ScenarioEdit::Add(Item::Outcome),
        ScenarioEdit::Number(Item::Baseline, 0, Number::Value, 10.0),
        ScenarioEdit::Add(Item::Effect),
        ScenarioEdit::Curve(0, Curve::Linear(-0.05)),
    ] {
        edit(&mut d, e);
    }
    assert_eq!(d.check(), &Check::Valid, "{:?}", d.problems());
    d
}

fn value(s: &Scenario, levers: &[f64]) -> f64 {
    let m = Model::new(s).expect("compiles");
    let mut out = vec![0.0; m.n_leaves() * m.cells()];
    m.evaluate_into(levers, &mut out);
    out[0]
}

#[test]
fn a_factor_starts_at_one_and_scales_the_effect_as_it_is_dragged() {
    let mut d = small();
    // At lever 1 = 40: 10 - 0.05 * 40 = 8.
    assert_eq!(value(d.scenario(), &[40.0, 30.0]), 8.0);
    let r = edit(&mut d, ScenarioEdit::Factor(0, Driver::Lever("lever2".into())));
    assert!(matches!(r, Effect::Publish(_)), "{r:?} {:?}", d.problems());
    let w = d.scenario().effects[0].with.clone().expect("a factor");
    assert_eq!(w.factor, Curve::Points(vec![(0.0, 1.0), (100.0, 1.0)]));
    // A factor of 1 changes nothing.
    assert_eq!(value(d.scenario(), &[40.0, 30.0]), 8.0);
    // Its right end dragged to 3: at lever 2 = 30 the factor is 1 + 2 * 0.3 = 1.6, the effect
    // -2 * 1.6 = -3.2.
    edit(&mut d, ScenarioEdit::FactorPoint(0, 1, (100.0, 3.0)));
    assert!((value(d.scenario(), &[40.0, 30.0]) - 6.8).abs() < 1e-12);
    // As a slope of 0.01: factor 0.3 at 30, the effect -0.6.
    edit(&mut d, ScenarioEdit::FactorCurve(0, Curve::Linear(0.01)));
    assert!((value(d.scenario(), &[40.0, 30.0]) - 9.4).abs() < 1e-12);
    // Scaled by its own driver: a problem, the results stay where they were.
    let r = edit(&mut d, ScenarioEdit::Factor(0, Driver::Lever("lever1".into())));
    assert_eq!(r, Effect::Invalid(1));
    assert_eq!(d.problems()[0].path, "effects[0].with");
    d.on(Event::Undo);
    assert_eq!(d.check(), &Check::Valid, "{:?}", d.problems());
    assert_eq!(
        d.scenario().effects[0].with.as_ref().map(|w| &w.factor),
        Some(&Curve::Linear(0.01))
    );
    // An effect without a factor has no factor's point to move.
    edit(&mut d, ScenarioEdit::DropFactor(0));
    assert!(matches!(
        edit(&mut d, ScenarioEdit::FactorPoint(0, 0, (1.0, 1.0))),
        Effect::Refused(_)
    ));
}

#[test]
fn a_shared_parameter_is_made_from_an_effect_and_goes_with_its_last_sharer() {
    let p = paris();
    let mut d = Draft::open(Arc::clone(&p));
    let own: Vec<usize> = (0..p.effects.len())
        .filter(|&e| p.effects[e].parameter.is_none())
        .take(2)
        .collect();
    let before = p.parameters.len();
    let r = edit(&mut d, ScenarioEdit::NewParameter(Item::Effect, own[0]));
    assert!(matches!(r, Effect::Publish(_)), "{r:?} {:?}", d.problems());
    let id = d.scenario().parameters.last().expect("made").id.clone();
    assert_eq!(d.scenario().parameters.len(), before + 1);
    assert_eq!(d.scenario().effects[own[0]].parameter.as_deref(), Some(id.as_str()));
    edit(&mut d, ScenarioEdit::Share(Item::Effect, own[1], Some(id.clone())));
    assert_eq!(d.scenario().effects[own[1]].parameter.as_deref(), Some(id.as_str()));
    // Renamed, every sharer follows.
    let k = before;
    edit(
        &mut d,
        ScenarioEdit::Text(Item::Parameter, k, Text::Id, "morale".into()),
    );
    assert_eq!(d.scenario().effects[own[0]].parameter.as_deref(), Some("morale"));
    assert_eq!(d.scenario().effects[own[1]].parameter.as_deref(), Some("morale"));
    assert_eq!(d.check(), &Check::Valid, "{:?}", d.problems());
    // An unknown parameter is refused and changes nothing.
    let now = d.scenario().clone();
    assert!(matches!(
        edit(&mut d, ScenarioEdit::Share(Item::Effect, own[0], Some("nope".into()))),
        Effect::Refused(_)
    ));
    assert_eq!(d.scenario(), &now);
    // Let go by both, it is gone, and the scenario checks.
    edit(&mut d, ScenarioEdit::Share(Item::Effect, own[0], None));
    assert_eq!(d.scenario().parameters.len(), before + 1);
    edit(&mut d, ScenarioEdit::Share(Item::Effect, own[1], None));
    assert_eq!(d.scenario().parameters.len(), before);
    assert_eq!(d.check(), &Check::Valid, "{:?}", d.problems());
    // A parameter deleted: its sharers' uncertainty is their own again.
    let q = p
        .effects
        .iter()
        .find_map(|e| e.parameter.clone())
        .expect("Paris shares one");
    let qi = p.parameters.iter().position(|x| x.id == q).expect("listed");
    edit(&mut d, ScenarioEdit::Delete(Item::Parameter, qi, Children::Lift));
    assert!(d.scenario().effects.iter().all(|e| e.parameter.as_ref() != Some(&q)));
    assert_eq!(d.check(), &Check::Valid, "{:?}", d.problems());
    // Neither is added on its own.
    assert!(matches!(
        edit(&mut d, ScenarioEdit::Add(Item::Parameter)),
        Effect::Refused(_)
    ));
}

/// The posterior leaf weights with every item observed true.
fn posterior(s: &Scenario) -> Vec<f64> {
    let m = Model::new(s).expect("compiles");
    let ev = EvidenceModel::new(s, &m);
    let prior = m
        .leaf_weights(&crate::model::settings::Settings::defaults(s).credences)
        .expect("weights");
    let states = vec![Observation::True; s.evidence.len()];
    ev.posterior(s, &prior, &states).expect("possible")
}

/// The likelihood an item gives `h` of its own, rated or weighed.
fn judgment(e: &crate::model::scenario::Evidence, h: &str) -> Option<f64> {
    (e.ratings.get(h).map(|r| r.likelihood())).or_else(|| e.likelihoods.get(h).copied())
}

#[test]
fn a_fact_is_made_from_an_item_and_its_judgments_follow_it() {
    let p = paris();
    let mut d = Draft::open(Arc::clone(&p));
    let (a, b) = {
        let own: Vec<usize> = (0..p.evidence.len())
            .filter(|&e| p.evidence[e].fact.is_none())
            .collect();
        (own[0], own[1])
    };
    let judged = |e: &crate::model::scenario::Evidence| (e.likelihoods.clone(), e.ratings.clone());
    let was = judged(&p.evidence[a]);
    let facts = p.facts.len();
    let r = edit(&mut d, ScenarioEdit::NewFact(a));
    assert!(matches!(r, Effect::Publish(_)), "{r:?} {:?}", d.problems());
    let s = d.scenario();
    let fact = s.facts.last().expect("made").clone();
    assert_eq!(s.facts.len(), facts + 1);
    assert_eq!((fact.likelihoods.clone(), fact.ratings.clone()), was);
    assert_eq!(s.evidence[a].fact.as_deref(), Some(fact.id.as_str()));
    assert!(s.evidence[a].likelihoods.is_empty() && s.evidence[a].ratings.is_empty());
    // One report of a fact, fully reliable, moves belief as the item did.
    let (before, after) = (posterior(&p), posterior(s));
    for (x, y) in before.iter().zip(&after) {
        assert!((x - y).abs() < 1e-12, "{before:?} {after:?}");
    }
    // A second item reports it: its own judgments give way.
    edit(&mut d, ScenarioEdit::Reports(b, Some(fact.id.clone())));
    assert!(d.scenario().evidence[b].ratings.is_empty() && d.scenario().evidence[b].likelihoods.is_empty());
    assert_eq!(d.check(), &Check::Valid, "{:?}", d.problems());
    // The first stops reporting it: it takes a copy of the fact's judgments; the fact stays.
    edit(&mut d, ScenarioEdit::Reports(a, None));
    assert_eq!(judged(&d.scenario().evidence[a]), was);
    assert_eq!(d.scenario().facts.len(), facts + 1);
    // The fact rated again, then deleted: its last report keeps its judgments.
    let h = p.hypotheses[0].id.clone();
    edit(&mut d, ScenarioEdit::FactRating(facts, h.clone(), Some(Rating::II)));
    edit(&mut d, ScenarioEdit::Delete(Item::Fact, facts, Children::Lift));
    let s = d.scenario();
    assert_eq!(s.facts.len(), facts);
    assert_eq!(s.evidence[b].fact, None);
    assert_eq!(judgment(&s.evidence[b], &h), Some(0.1));
    assert_eq!(d.check(), &Check::Valid, "{:?}", d.problems());
    // The last report let go: the fact goes too.
    edit(&mut d, ScenarioEdit::NewFact(b));
    assert_eq!(d.scenario().facts.len(), facts + 1);
    edit(&mut d, ScenarioEdit::Reports(b, None));
    assert_eq!(d.scenario().facts.len(), facts);
    assert_eq!(judgment(&d.scenario().evidence[b], &h), Some(0.1));
    assert_eq!(d.check(), &Check::Valid, "{:?}", d.problems());
}

#[test]
fn a_field_of_format_3_moves_a_format_2_scenario_to_format_3() {
    let text = crate::io::scenario_template(3, 2, 2);
    let s: Scenario = ron::from_str(&text).expect("parses");
    assert_eq!(s.format_version, 2);
    let mut d = Draft::open(Arc::new(s));
    // A baseline's range is a format 3 field: a multiplier of its levels, certain at first.
    let r = edit(&mut d, ScenarioEdit::Number(Item::Baseline, 0, Number::High, 1.2));
    assert!(matches!(r, Effect::Publish(_)), "{r:?} {:?}", d.problems());
    assert_eq!(d.scenario().format_version, 3);
    assert_eq!(d.scenario().baselines[0].range, Some((1.0, 1.2)));
    d.on(Event::Undo);
    assert_eq!(d.scenario().format_version, 2);
}

#[test]
fn the_yardstick_and_the_revision_are_set() {
    let p = paris();
    let mut d = Draft::open(Arc::clone(&p));
    let other = p.outcomes[1].id.clone();
    assert_ne!(p.numeraire.as_ref(), Some(&other));
    edit(&mut d, ScenarioEdit::Yardstick(Some(other.clone())));
    assert_eq!(d.scenario().numeraire, Some(other));
    edit(&mut d, ScenarioEdit::Yardstick(None));
    assert_eq!(d.scenario().numeraire, None);
    edit(&mut d, ScenarioEdit::Revision(p.revision + 1));
    assert_eq!(d.scenario().revision, p.revision + 1);
    assert_eq!(d.check(), &Check::Valid, "{:?}", d.problems());
}
