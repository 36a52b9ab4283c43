//! Format version 3's staged responses worked out by hand: stages, `LeverAt`, schedules,
//! the edits that plan a lever by stage, and the search by stage.

use crate::model::evaluate::Model;
use crate::model::scenario::*;
use crate::model::settings::Settings;
use crate::model::validate::validate;

/// Troops near (year 1) and later (years 2-5): the cost each horizon is the troops there, plus
/// later half the troops sent near (an invasion's lasting cost, `LeverAt`). "Taken" sends 5,
/// then 30 from the later horizon on.
fn staged() -> Scenario {
    let text = r#"(
    format_version: 3, id: "staged", title: "Staged",
    hypotheses: [(id: "h", name: "H", prior: 1.0)],
    levers: [(id: "troops", name: "Troops", unit: "k", min: 0.0, max: 50.0, step: 5.0, default: 0.0)],
    outcomes: [(id: "cost", name: "Cost", unit: "$bn", better: Lower, worst: 100.0, best: 0.0)],
    horizons: [(id: "near", name: "Near", years: 1.0), (id: "later", name: "Later", years: 5.0)],
    baselines: [
        (outcome: "cost", horizon: "near", value: 0.0, note: ""),
        (outcome: "cost", horizon: "later", value: 0.0, note: ""),
    ],
    effects: [
        (outcome: "cost", horizon: "near", driver: Lever("troops"), curve: Linear(1.0), range: (1.0, 1.0), note: "assumption"),
        (outcome: "cost", horizon: "later", driver: Lever("troops"), curve: Linear(1.0), range: (1.0, 1.0), note: "assumption"),
        (outcome: "cost", horizon: "later", driver: LeverAt("troops", "near"), curve: Linear(0.5), range: (1.0, 1.0), note: "assumption"),
    ],
    policies: [
        (id: "taken", name: "As taken", levers: {"troops": 5.0}, stages: {"later": {"troops": 30.0}}),
        (id: "light", name: "Light", levers: {"troops": 5.0}),
    ],
)"#;
    ron::from_str(text).expect("test scenario parses")
}

#[test]
fn a_staged_policy_sets_levers_from_a_horizon_on() {
    let s = staged();
    let model = Model::new(&s).expect("valid");
    let taken = s.policy_schedule(&s.policies[0]);
    // [near troops, later troops]: 5 near, 30 from the later horizon on.
    assert_eq!(taken, [5.0, 30.0]);
    assert_eq!(s.lever_plan(&taken, 0), "5 then 30");
    let mut out = vec![0.0; 2];
    // Near: 5. Later: 30 now there, plus half the 5 sent near: 32.5.
    model.evaluate_into(&taken, &mut out);
    assert_eq!(out, [5.0, 32.5]);
    // Unstaged, 5 throughout: later 5 + 2.5.
    let light = s.policy_schedule(&s.policies[1]);
    assert_eq!(light, [5.0]);
    assert_eq!(s.lever_plan(&light, 0), "5");
    model.evaluate_into(&light, &mut out);
    assert_eq!(out, [5.0, 7.5]);
    // The stages survive a save and a reopen, as version 3.
    assert_eq!(s.needed_version(), 3);
    let text = ron::ser::to_string(&s).expect("writes");
    assert_eq!(ron::from_str::<Scenario>(&text).expect("reads"), s);
}

#[test]
fn stage_mistakes_are_named() {
    let mut s = staged();
    s.policies[0]
        .stages
        .insert("someday".into(), [("troops".to_owned(), 10.0)].into());
    s.policies[0]
        .stages
        .get_mut("later")
        .expect("stage")
        .insert("tanks".into(), 1.0);
    s.policies[1]
        .stages
        .insert("later".into(), [("troops".to_owned(), 500.0)].into());
    s.effects[0].driver = Some(Driver::LeverAt("troops".into(), "later".into()));
    let p: Vec<(String, String)> = validate(&s).into_iter().map(|p| (p.path, p.message)).collect();
    let has = |path: &str, text: &str| p.iter().any(|(x, m)| x == path && m.contains(text));
    assert!(
        has("policies[0].stages[\"someday\"]", "unknown horizon \"someday\""),
        "{p:?}"
    );
    assert!(
        has("policies[0].stages[\"later\"][\"tanks\"]", "unknown lever \"tanks\""),
        "{p:?}"
    );
    assert!(
        has(
            "policies[1].stages[\"later\"][\"troops\"]",
            "500 is outside the lever's range"
        ),
        "{p:?}"
    );
    assert!(
        has("effects[0].driver", "a later horizon than the effect's own"),
        "{p:?}"
    );
    let mut s = staged();
    s.format_version = 2;
    let p: Vec<String> = validate(&s).into_iter().map(|p| p.message).collect();
    assert!(
        p.iter()
            .any(|m| m.starts_with("LeverAt (a driver) is a format version 3 field")),
        "{p:?}"
    );
    assert!(
        p.iter()
            .any(|m| m.starts_with("stages (of a policy) is a format version 3 field")),
        "{p:?}"
    );
}

#[test]
fn a_schedule_sets_the_levers_and_their_stages() {
    use crate::model::document::{Document, Edit, ScenarioSource};
    let s = staged();
    let model = Model::new(&s).expect("valid");
    let doc = Document::from_scenario(std::sync::Arc::new(s.clone()), ScenarioSource::Embedded);
    let mut state = doc.state.clone();
    state.apply(Edit::Levers(vec![5.0, 30.0]), &s, &model, &doc.state);
    assert_eq!(state.settings.levers, [5.0]);
    assert_eq!(state.settings.stages, [None, Some(30.0)]);
    assert_eq!(state.settings.schedule(&model), [5.0, 30.0]);
    // One value per lever: nothing staged any more.
    state.apply(Edit::Levers(vec![10.0]), &s, &model, &doc.state);
    assert!(state.settings.stages.is_empty());
    // Planning the lever by stage starts every later horizon at its present value.
    state.apply(Edit::StagedLever(0, true), &s, &model, &doc.state);
    assert_eq!(state.settings.stages, [None, Some(10.0)]);
    state.apply(Edit::Stage(1, 0, Some(40.0)), &s, &model, &doc.state);
    assert_eq!(state.settings.schedule(&model), [10.0, 40.0]);
    state.apply(Edit::StagedLever(0, false), &s, &model, &doc.state);
    assert!(state.settings.stages.is_empty());
}

#[test]
fn settings_planned_by_stage_are_searched_by_stage() {
    // The small version 3 example: striking only from the later horizon on (0 then 1) is best
    // by stage (EU 0.84, docs/file-format.md); unstaged, Strike throughout (0.83).
    let text = include_str!("../../../tests/fixtures/format3-small.ron");
    let s: Scenario = ron::from_str(text).expect("parses");
    let model = Model::new(&s).expect("valid");
    let mut settings = Settings::defaults(&s);
    let best = |settings: &Settings| {
        let found = crate::model::uncertainty::search_with(&s, &model, settings, !settings.stages.is_empty());
        found
            .into_iter()
            .find(|f| f.candidate.id == crate::model::uncertainty::BEST_FOUND_ID)
            .map(|f| f.candidate.levers)
    };
    let plain = best(&settings).expect("found");
    assert_eq!(s.full_schedule(&plain), [1.0, 0.0, 1.0, 0.0]);
    settings.stages = vec![None, None, Some(0.0), None];
    let staged = best(&settings).expect("found");
    assert_eq!(staged, [0.0, 0.0, 1.0, 0.0]);
}

#[test]
fn a_stage_on_the_first_horizon_is_refused() {
    let mut s = staged();
    s.policies[0]
        .stages
        .insert("near".into(), [("troops".to_owned(), 10.0)].into());
    let p: Vec<(String, String)> = validate(&s).into_iter().map(|p| (p.path, p.message)).collect();
    assert!(
        p.iter()
            .any(|(x, m)| x == "policies[0].stages[\"near\"]" && m.contains("is the first horizon")),
        "{p:?}"
    );
}
