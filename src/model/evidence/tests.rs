//! Bayes on numbers worked by hand, and the invariants of the value of sample information.

use super::*;
use proptest::prelude::*;

fn model(likelihoods: Vec<Vec<f64>>) -> EvidenceModel {
    let n = likelihoods.len();
    EvidenceModel {
        likelihoods,
        reliability: vec![1.0; n],
        fact_of: vec![None; n],
        facts: vec![],
    }
}

fn scenario() -> Scenario {
    crate::model::tests::tiny()
}

#[test]
fn bayes_on_the_textbook_screening_numbers() {
    // Prior 1% / 99%, P(e|h1) = 0.9, P(e|h2) = 0.05: posterior 0.009 / (0.009 + 0.0495).
    let ev = model(vec![vec![0.9, 0.05]]);
    let post = ev
        .posterior(&scenario(), &[0.01, 0.99], &[Observation::True])
        .expect("possible");
    assert!((post[0] - 0.009 / 0.0585).abs() < 1e-12, "{post:?}");
    // Observed false: 0.01 * 0.1 / (0.001 + 0.99 * 0.95).
    let post = ev
        .posterior(&scenario(), &[0.01, 0.99], &[Observation::False])
        .expect("possible");
    assert!((post[0] - 0.001 / (0.001 + 0.9405)).abs() < 1e-12);
}

#[test]
fn the_order_of_observations_does_not_matter() {
    let ev = model(vec![vec![0.9, 0.2, 0.5], vec![0.3, 0.6, 0.8]]);
    let s = scenario();
    let prior = [0.2, 0.5, 0.3];
    let both = ev
        .posterior(&s, &prior, &[Observation::True, Observation::False])
        .expect("ok");
    // One at a time, each posterior the next prior (reliability 1, so tempering is moot).
    let first = ev
        .posterior(&s, &prior, &[Observation::True, Observation::Open])
        .expect("ok");
    let then = ev
        .posterior(&s, &first, &[Observation::Open, Observation::False])
        .expect("ok");
    let other_first = ev
        .posterior(&s, &prior, &[Observation::Open, Observation::False])
        .expect("ok");
    let other_then = ev
        .posterior(&s, &other_first, &[Observation::True, Observation::Open])
        .expect("ok");
    for l in 0..3 {
        assert!((both[l] - then[l]).abs() < 1e-12 && (both[l] - other_then[l]).abs() < 1e-12);
    }
}

#[test]
fn an_item_equally_likely_everywhere_changes_nothing_and_is_worth_nothing() {
    let ev = model(vec![vec![0.4, 0.4, 0.4]]);
    let prior = [0.2, 0.5, 0.3];
    let post = ev.posterior(&scenario(), &prior, &[Observation::True]).expect("ok");
    for l in 0..3 {
        assert!((post[l] - prior[l]).abs() < 1e-12);
    }
    assert_eq!(ev.diagnosticity(0, &prior), 0.0);
    let utility = [1.0, 0.0, 0.5, 0.0, 1.0, 0.5];
    assert_eq!(evsi(&ev, (&utility, &prior), &prior, &[], &[0]).evsi, 0.0);
}

#[test]
fn a_reliability_of_zero_makes_an_item_non_diagnostic() {
    let mut ev = model(vec![vec![0.9, 0.1, 0.5]]);
    ev.reliability[0] = 0.0;
    let prior = [0.2, 0.5, 0.3];
    let post = ev.posterior(&scenario(), &prior, &[Observation::True]).expect("ok");
    for l in 0..3 {
        assert!((post[l] - prior[l]).abs() < 1e-12);
    }
    assert!(ev.diagnosticity(0, &prior).abs() < 1e-12);
}

#[test]
fn evsi_of_a_perfect_test_is_the_evpi() {
    // Two leaves, two policies: p0 pays 1 under h0, p1 pays 1 under h1; a test true only under
    // h0 reveals the motive. EVPI = 1 - 0.5 = 0.5.
    let ev = model(vec![vec![1.0, 0.0]]);
    let utility = [1.0, 0.0, 0.0, 1.0];
    let w = [0.5, 0.5];
    let s = evsi(&ev, (&utility, &w), &w, &[], &[0]);
    assert!((s.evsi - 0.5).abs() < 1e-12);
    assert!(s.changes_decision);
}

#[test]
fn an_impossible_observation_is_an_error() {
    let ev = model(vec![vec![1.0, 1.0]]);
    let e = ev.posterior(&scenario(), &[0.5, 0.5], &[Observation::False]);
    assert!(matches!(e, Err(EvidenceError::Impossible(_))));
}

proptest! {
    #[test]
    fn evsi_is_never_negative_nor_above_the_evpi(
        w in proptest::collection::vec(0.01f64..1.0, 3),
        l1 in proptest::collection::vec(0.01f64..1.0, 3),
        l2 in proptest::collection::vec(0.01f64..1.0, 3),
        u in proptest::collection::vec(0.0f64..1.0, 9),
        r in 0.0f64..=1.0,
    ) {
        let total: f64 = w.iter().sum();
        let w: Vec<f64> = w.iter().map(|x| x / total).collect();
        let ev = EvidenceModel { likelihoods: vec![l1, l2], reliability: vec![r, 1.0], fact_of: vec![None; 2], facts: vec![] };
        let evpi = (0..3).map(|l| w[l] * (0..3).map(|p| u[p * 3 + l]).fold(0.0, f64::max)).sum::<f64>()
            - (0..3).map(|p| (0..3).map(|l| w[l] * u[p * 3 + l]).sum::<f64>()).fold(0.0, f64::max);
        for items in [vec![0], vec![1], vec![0, 1]] {
            let s = evsi(&ev, (&u, &w), &w, &[], &items);
            prop_assert!(s.evsi >= 0.0);
            prop_assert!(s.evsi <= evpi + 1e-12, "{} > {}", s.evsi, evpi);
        }
        // Two items together are worth at least either alone.
        let both = evsi(&ev, (&u, &w), &w, &[], &[0, 1]).evsi;
        prop_assert!(both + 1e-12 >= evsi(&ev, (&u, &w), &w, &[], &[0]).evsi);
    }
}

#[test]
fn a_preset_keeps_its_prior_and_observations_through_a_save() {
    use crate::model::preset::{Preset, ScenarioRef};
    use crate::model::settings::Settings;
    let text = crate::io::shipped_scenario_text("paris-2015").expect("shipped");
    let s: Scenario = ron::from_str(text).expect("parses");
    let mut settings = Settings::defaults(&s);
    settings.credences[0] = 3.0;
    settings.prior = Some(settings.credences.clone());
    settings.observed[0] = Observation::True;
    settings.observed[1] = Observation::False;
    settings
        .update_posterior(&s, &crate::model::evaluate::Model::compile(&s))
        .expect("possible");
    let preset = Preset::from_settings(&settings, &s, "t", "", ScenarioRef::Shipped(s.id.clone()));
    assert!(preset.credences_from_evidence);
    assert_eq!(preset.credences["h1"], 3.0, "the prior is what is saved");
    let text = crate::io::to_ron(&preset).expect("writes");
    let back: Preset = ron::from_str(&text).expect("reads");
    let again = back.settings(&s).expect("resolves");
    assert_eq!(again, settings);
}

/// Found by fuzzing: with utilities in the millions, the sums behind EVSI round at about 1e-3,
/// which showed an item worth 0.001 where nothing can be worth anything (every policy the
/// same under every hypothesis, EVPI 0). EVSI is clamped into its exact bounds, 0 to the EVPI.
#[test]
fn rounding_never_makes_evsi_exceed_the_evpi() {
    let ev = model(vec![vec![0.9, 0.15], vec![0.3, 0.6]]);
    let w = [0.37, 0.63];
    // Two policies with the same large utilities under both leaves: EVPI is exactly 0.
    let big = [4.1e12 + 0.3, 7.7e12 - 0.1];
    let utility = [big[0], big[1], big[0], big[1]];
    let s = evsi(&ev, (&utility, &w), &w, &[], &[0, 1]);
    assert_eq!(s.evsi, 0.0);
    assert!(!s.changes_decision);
    // Unclamped, the same sums round away from 0 (the case the clamp is for).
    let eu = |x: &[f64]| x[0] * big[0] + x[1] * big[1];
    let t0 = ev.tempered(0, &w);
    let t1 = ev.tempered(1, &w);
    let total: f64 = (0..4)
        .map(|a: usize| {
            let j: Vec<f64> = (0..2)
                .map(|l| {
                    w[l] * if a & 1 == 1 { t0[l] } else { 1.0 - t0[l] } * if a & 2 == 2 { t1[l] } else { 1.0 - t1[l] }
                })
                .collect();
            eu(&j)
        })
        .sum();
    assert_ne!(
        total - eu(&w),
        0.0,
        "this example no longer rounds; pick larger utilities"
    );
}
