//! The editor's draft: edits, renames, deletions, the valid and invalid states, undo.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test stops at the first surprise"
)]

use super::test_support::{edit, emptied, paris, values};
use super::*;
use crate::model::scenario::{Curve, Driver};

#[test]
fn renaming_a_lever_renames_every_reference_and_changes_no_number() {
    let p = paris();
    let mut d = Draft::open(Arc::clone(&p));
    let uses = |s: &Scenario, id: &str| {
        let effects = s.effects.iter().filter(|e| e.lever_id() == Some(id)).count();
        let policies = s.policies.iter().filter(|x| x.levers.contains_key(id)).count();
        (effects, policies)
    };
    let before = uses(&p, "airstrikes");
    assert!(before.0 > 10 && before.1 > 3, "{before:?}");
    let l = p.lever_index("airstrikes").expect("lever");
    let Effect::Publish(s) = edit(&mut d, ScenarioEdit::Text(Item::Lever, l, Text::Id, "strikes".into())) else {
        panic!("a rename checks and is shown")
    };
    assert_eq!(uses(&s, "strikes"), before);
    assert_eq!(uses(&s, "airstrikes"), (0, 0));
    let levers: Vec<f64> = p.levers.iter().map(|l| l.default).collect();
    assert_eq!(values(&s, &levers), values(&p, &levers));
    // An id another lever has is refused, and nothing changes.
    let taken = p.levers[1].id.clone();
    let r = edit(&mut d, ScenarioEdit::Text(Item::Lever, l, Text::Id, taken.clone()));
    assert_eq!(r, Effect::Refused(EditError::BadId(taken)));
    assert_eq!(d.scenario(), &*s);
}

#[test]
fn an_edit_that_breaks_the_scenario_keeps_the_last_that_checked_until_undone() {
    let p = paris();
    let mut d = Draft::open(Arc::clone(&p));
    let l = p.lever_index("ground_troops").expect("lever");
    let r = edit(&mut d, ScenarioEdit::Number(Item::Lever, l, Number::Max, -5.0));
    assert!(matches!(r, Effect::Invalid(n) if n >= 1), "{r:?}");
    assert!(
        d.problems()
            .iter()
            .any(|x| problem_item(&x.path) == Some((Item::Lever, l))),
        "{:?}",
        d.problems()
    );
    assert!(Arc::ptr_eq(d.shown(), &p));
    assert!(d.unsaved());
    assert_eq!(d.on(Event::Undo), Effect::Nothing);
    assert_eq!(d.check(), &Check::Valid);
    assert!(!d.unsaved());
    assert!(d.can_redo());
    assert!(matches!(d.on(Event::Redo), Effect::Invalid(_)));
}

#[test]
fn typing_in_one_field_is_one_undo_step_and_another_field_starts_one() {
    let mut d = Draft::open(paris());
    for t in ["W", "Wh", "Why"] {
        edit(&mut d, ScenarioEdit::Title(t.into()));
    }
    edit(&mut d, ScenarioEdit::Summary("S".into()));
    edit(&mut d, ScenarioEdit::Summary("Su".into()));
    assert_eq!(d.scenario().title, "Why");
    d.on(Event::Undo);
    assert_eq!(d.scenario().title, "Why");
    assert_eq!(d.scenario().summary, paris().summary);
    d.on(Event::Undo);
    assert_eq!(d.scenario(), &*paris());
    assert!(!d.can_undo());
    // Two drags of one point, the stroke ended between them: two steps.
    let mut d = Draft::open(paris());
    edit(&mut d, ScenarioEdit::Title("A".into()));
    d.on(Event::EndStroke);
    edit(&mut d, ScenarioEdit::Title("B".into()));
    d.on(Event::Undo);
    assert_eq!(d.scenario().title, "A");
}

#[test]
fn new_items_check_and_a_new_outcome_has_a_baseline_in_each_horizon() {
    let p = paris();
    let mut d = Draft::open(Arc::clone(&p));
    for item in Item::ALL {
        let r = edit(&mut d, ScenarioEdit::Add(item));
        if item == Item::Hypothesis {
            // Until it is rated against each evidence item, a new hypothesis does not check,
            // and the problems say where.
            assert!(matches!(r, Effect::Invalid(n) if n > 3), "{r:?}");
            let items: Vec<usize> = (d.problems().iter())
                .map(|x| match problem_item(&x.path) {
                    Some((Item::Evidence, e)) => e,
                    other => panic!("{other:?}"),
                })
                .collect();
            let h = d.scenario().hypotheses.last().expect("added").id.clone();
            for e in items {
                edit(
                    &mut d,
                    ScenarioEdit::Rating(e, h.clone(), Some(crate::model::scenario::Rating::N)),
                );
            }
            assert_eq!(d.check(), &Check::Valid, "{:?}", d.problems());
            continue;
        }
        if item == Item::Evidence {
            // A new item is rated under no hypothesis yet: the grid's row to fill in.
            assert_eq!(r, Effect::Invalid(1));
            let last = d.scenario().evidence.len() - 1;
            assert_eq!(problem_item(&d.problems()[0].path), Some((Item::Evidence, last)));
            d.on(Event::Undo);
            assert_eq!(d.check(), &Check::Valid);
            continue;
        }
        if matches!(item, Item::Parameter | Item::Fact) {
            // Made from what first has them, never on their own.
            assert!(matches!(r, Effect::Refused(_)), "{r:?}");
            continue;
        }
        if item == Item::Baseline {
            // Every cell has its baseline already.
            assert_eq!(r, Effect::Nothing);
            continue;
        }
        assert!(matches!(r, Effect::Publish(_)), "{item:?}: {r:?} {:?}", d.problems());
    }
    let s = d.scenario();
    let o = s.outcomes.last().expect("added");
    assert_eq!(
        s.baselines.iter().filter(|b| b.outcome == o.id).count(),
        s.horizons.len()
    );
    let l = s.levers.last().expect("added");
    assert!(s.policies.iter().all(|x| x.levers.get(&l.id) == Some(&l.default)));
    // Two answers of the new question, and the hypothesis added.
    assert_eq!(s.hypotheses.len(), p.hypotheses.len() + 3);
}

#[test]
fn deleting_a_parent_lifts_or_deletes_its_children() {
    let p = paris();
    let h6 = p.hypotheses.iter().position(|h| h.id == "h6").expect("h6");
    let children = p
        .hypotheses
        .iter()
        .filter(|h| h.parent.as_deref() == Some("h6"))
        .count();
    assert_eq!(children, 4);
    let mut lift = Draft::open(Arc::clone(&p));
    let r = edit(&mut lift, ScenarioEdit::Delete(Item::Hypothesis, h6, Children::Lift));
    assert!(matches!(r, Effect::Publish(_)), "{r:?} {:?}", lift.problems());
    let s = lift.scenario();
    assert_eq!(s.hypotheses.len(), p.hypotheses.len() - 1);
    assert!(
        s.hypotheses
            .iter()
            .filter(|h| h.id.starts_with("h6"))
            .all(|h| h.parent.is_none())
    );
    assert!(s.effects.iter().all(|e| e.hypothesis.as_deref() != Some("h6")));
    let mut all = Draft::open(Arc::clone(&p));
    let r = edit(&mut all, ScenarioEdit::Delete(Item::Hypothesis, h6, Children::Delete));
    assert!(matches!(r, Effect::Publish(_)), "{r:?} {:?}", all.problems());
    let s = all.scenario();
    assert_eq!(s.hypotheses.len(), p.hypotheses.len() - 5);
    assert!(!s.hypotheses.iter().any(|h| h.id.starts_with("h6")));
    assert!(
        s.effects
            .iter()
            .all(|e| !e.hypothesis.as_ref().is_some_and(|h| h.starts_with("h6")))
    );
}

#[test]
fn deleting_a_lever_or_an_outcome_takes_what_only_it_used() {
    let p = paris();
    let mut d = Draft::open(Arc::clone(&p));
    let l = p.lever_index("airstrikes").expect("lever");
    let r = edit(&mut d, ScenarioEdit::Delete(Item::Lever, l, Children::Lift));
    assert!(matches!(r, Effect::Publish(_)), "{r:?} {:?}", d.problems());
    assert!(d.scenario().effects.iter().all(|e| e.lever_id() != Some("airstrikes")));
    let o = d.scenario().outcomes.len() - 1;
    let id = d.scenario().outcomes[o].id.clone();
    let r = edit(&mut d, ScenarioEdit::Delete(Item::Outcome, o, Children::Lift));
    assert!(matches!(r, Effect::Publish(_)), "{r:?} {:?}", d.problems());
    assert!(d.scenario().baselines.iter().all(|b| b.outcome != id));
}

/// A one-cell scenario worked by hand: baseline 10, an effect of slope -0.05 per unit of the
/// lever under m1 only, so at lever 40 the value is 10 - 2 = 8 under m1 and 10 under m2.
#[test]
fn a_scenario_built_by_edits_evaluates_to_the_numbers_worked_by_hand() {
    let mut d = Draft::open(Arc::new(emptied()));
    for e in [
        ScenarioEdit::Add(Item::Hypothesis),
        ScenarioEdit::Add(Item::Hypothesis),
        ScenarioEdit::Add(Item::Lever),
        ScenarioEdit::Add(Item::Outcome),
        ScenarioEdit::Number(Item::Baseline, 0, Number::Value, 10.0),
        ScenarioEdit::Add(Item::Effect),
        ScenarioEdit::Under(0, Some("h1".into())),
        ScenarioEdit::Curve(0, Curve::Linear(-0.05)),
    ] {
        edit(&mut d, e);
    }
    assert_eq!(d.check(), &Check::Valid, "{:?}", d.problems());
    let s = d.scenario();
    assert_eq!(s.effects[0].driver, Some(Driver::Lever("lever1".into())));
    let v = values(s, &[40.0]);
    assert_eq!(v, vec![8.0, 10.0]);
    // A curve of points, its second point dragged past the third: kept sorted.
    edit(
        &mut d,
        ScenarioEdit::Curve(0, Curve::Points(vec![(0.0, 0.0), (50.0, -1.0), (100.0, -4.0)])),
    );
    edit(&mut d, ScenarioEdit::Point(0, 1, (80.0, -3.0)));
    assert_eq!(
        d.scenario().effects[0].curve,
        Curve::Points(vec![(0.0, 0.0), (80.0, -3.0), (100.0, -4.0)])
    );
    // At 40: half-way to 80 is -1.5.
    assert_eq!(values(d.scenario(), &[40.0]), vec![8.5, 10.0]);
}

#[test]
fn a_problems_path_names_its_item() {
    assert_eq!(problem_item("effects[3].lever"), Some((Item::Effect, 3)));
    assert_eq!(problem_item("hypotheses[12]"), Some((Item::Hypothesis, 12)));
    assert_eq!(problem_item("numeraire"), None);
    assert_eq!(problem_item("nonsense[1]"), None);
}

#[test]
fn settings_carry_over_by_id_and_new_items_start_at_their_defaults() {
    let p = paris();
    let mut settings = crate::model::settings::Settings::defaults(&p);
    let l = p.lever_index("ground_troops").expect("lever");
    settings.levers[l] = 150.0;
    settings.credences[0] = 7.0;
    settings.value_weights[1] = 0.25;
    let mut d = Draft::open(Arc::clone(&p));
    edit(&mut d, ScenarioEdit::Move(Item::Lever, l, true));
    edit(&mut d, ScenarioEdit::Number(Item::Lever, l - 1, Number::Max, 100.0));
    edit(&mut d, ScenarioEdit::Add(Item::Lever));
    let to = d.scenario();
    let carried = carry(&settings, &p, to);
    // Moved up one place, and its new range caps it at 100.
    assert_eq!(carried.levers[l - 1], 100.0);
    assert_eq!(carried.levers[l], settings.levers[l - 1]);
    assert_eq!(carried.levers.last(), Some(&0.0));
    assert_eq!(carried.credences[0], 7.0);
    assert_eq!(carried.value_weights[1], 0.25);
    assert_eq!(carried.levers.len(), to.levers.len());
}

#[test]
fn stages_are_set_and_cleared_and_sources_know_who_cites_them() {
    let p = paris();
    let mut d = Draft::open(Arc::clone(&p));
    let i = p
        .policies
        .iter()
        .position(|x| x.stages.is_empty())
        .expect("an unstaged policy");
    let (h, l) = (p.horizons[1].id.clone(), p.levers[0].id.clone());
    assert!(matches!(
        edit(&mut d, ScenarioEdit::Stage(i, h.clone(), l.clone(), Some(0.0))),
        Effect::Publish(_)
    ));
    assert_eq!(d.scenario().policies[i].stages[&h][&l], 0.0);
    edit(&mut d, ScenarioEdit::Stage(i, h.clone(), l.clone(), None));
    assert!(d.scenario().policies[i].stages.is_empty());
    // A source id cited as a word, not inside another id.
    let mut s = (*p).clone();
    s.effects[0].note = "from nie_2006, table 2".into();
    s.effects[1].note = "nie_20066 is another".into();
    s.hypotheses[0].source = "(nie_2006)".into();
    let cites = cited_by(&s, "nie_2006");
    assert!(
        cites.contains(&"effects[0]".to_owned()) && cites.contains(&"hypotheses[0]".to_owned()),
        "{cites:?}"
    );
    assert!(!cites.contains(&"effects[1]".to_owned()));
}

#[test]
fn a_dragged_likelihood_is_kept_in_range_and_turns_ratings_into_likelihoods() {
    let p = paris();
    let mut d = Draft::open(Arc::clone(&p));
    // A new item rated in the grid: very consistent with h1, inconsistent with h2.
    edit(&mut d, ScenarioEdit::Add(Item::Evidence));
    let e = d.scenario().evidence.len() - 1;
    edit(
        &mut d,
        ScenarioEdit::Rating(e, "h1".into(), Some(crate::model::scenario::Rating::CC)),
    );
    edit(
        &mut d,
        ScenarioEdit::Rating(e, "h2".into(), Some(crate::model::scenario::Rating::I)),
    );
    let rated = d.scenario().evidence[e].ratings.clone();
    let (h, r, other) = ("h1".to_owned(), rated["h1"], "h2".to_owned());
    edit(&mut d, ScenarioEdit::Likelihood(e, h.clone(), Some(0.0)));
    let item = &d.scenario().evidence[e];
    assert!(item.ratings.is_empty());
    assert_eq!(item.likelihoods[&h], 0.01);
    assert_eq!(item.likelihoods[&other], rated[&other].likelihood());
    assert_ne!(r.likelihood(), 0.01);
    edit(&mut d, ScenarioEdit::Likelihood(e, h.clone(), Some(1.5)));
    assert_eq!(d.scenario().evidence[e].likelihoods[&h], 1.0);
}

#[test]
fn conditions_factors_and_levels_are_set_and_cleared() {
    let p = paris();
    let mut d = Draft::open(Arc::clone(&p));
    let e = p
        .effects
        .iter()
        .position(|x| x.with.is_some())
        .expect("an effect with a factor");
    edit(&mut d, ScenarioEdit::DropFactor(e));
    assert!(d.scenario().effects[e].with.is_none());
    let how = p
        .hypotheses
        .iter()
        .find(|h| h.id == "central")
        .expect("a how answer")
        .id
        .clone();
    edit(&mut d, ScenarioEdit::When(0, vec![how.clone()]));
    assert_eq!(d.scenario().effects[0].when, vec![how]);
    edit(&mut d, ScenarioEdit::Level(0, "h1".into(), Some(3.0)));
    assert_eq!(d.scenario().baselines[0].by_hypothesis["h1"], 3.0);
    edit(&mut d, ScenarioEdit::Level(0, "h1".into(), None));
    assert!(!d.scenario().baselines[0].by_hypothesis.contains_key("h1"));
    assert_eq!(d.check(), &Check::Valid, "{:?}", d.problems());
}

#[test]
fn an_empty_scenario_id_does_not_check() {
    let mut d = Draft::open(paris());
    assert_eq!(edit(&mut d, ScenarioEdit::Id(String::new())), Effect::Invalid(1));
    assert_eq!(d.problems()[0].path, "id");
}

#[test]
fn a_fact_is_rated_or_weighed_as_an_item_is() {
    let p = paris();
    assert!(!p.facts.is_empty());
    let mut d = Draft::open(Arc::clone(&p));
    let f = 0;
    let h = p.hypotheses[0].id.clone();
    edit(&mut d, ScenarioEdit::FactLikelihood(f, h.clone(), Some(0.42)));
    assert_eq!(d.scenario().facts[f].likelihoods[&h], 0.42);
    edit(
        &mut d,
        ScenarioEdit::FactRating(f, h.clone(), Some(crate::model::scenario::Rating::II)),
    );
    // Likelihoods given: the rating's likelihood.
    assert_eq!(d.scenario().facts[f].likelihoods[&h], 0.1);
    assert_eq!(
        edit(&mut d, ScenarioEdit::FactRating(99, h, None)),
        Effect::Refused(EditError::NoField(Item::Evidence, "fact 99".into()))
    );
}
