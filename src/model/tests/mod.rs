//! Unit tests of the mathematics against numbers computed by hand on a tiny scenario.
//!
//! Hypotheses A (prior 1) and B (prior 3) with sub-hypotheses B1, B2 (prior 1 each): leaf
//! weights A = 1/4, B1 = B2 = 3/8. Levers x, z in 0..10. Outcomes harm (lower is better,
//! worst 10, best 0, never below 0) and gain (higher is better, worst 0, best 100); horizons
//! near and long. The hand calculation is written out next to each assertion.

use crate::model::decision::{Candidate, analyse};
use crate::model::evaluate::EvaluationCache;
use crate::model::evaluate::{Model, WeightError};
use crate::model::scenario::*;
use std::collections::BTreeMap;

const EPS: f64 = 1e-12;

fn close(a: f64, b: f64) {
    assert!((a - b).abs() < EPS, "{a} != {b}");
}

fn hyp(id: &str, prior: f64, parent: Option<&str>) -> Hypothesis {
    Hypothesis {
        id: id.into(),
        name: id.into(),
        description: String::new(),
        source: String::new(),
        prior,
        parent: parent.map(Into::into),
        question: None,
    }
}

fn lever(id: &str, default: f64) -> Lever {
    Lever {
        id: id.into(),
        name: id.into(),
        unit: "u".into(),
        min: 0.0,
        max: 10.0,
        step: 1.0,
        default,
        description: String::new(),
    }
}

fn effect(outcome: &str, horizon: &str, hypothesis: Option<&str>, lever: &str, curve: Curve) -> Effect {
    Effect {
        outcome: outcome.into(),
        horizon: horizon.into(),
        hypothesis: hypothesis.map(Into::into),
        when: Vec::new(),
        lever: Some(lever.into()),
        driver: None,
        curve,
        with: None,
        range: (0.5, 2.0),
        dist: Dist::Triangular,
        parameter: None,
        note: "assumption: test".into(),
    }
}

pub(crate) fn tiny() -> Scenario {
    let baseline = |o: &str, t: &str, v: f64, over: &[(&str, f64)]| Baseline {
        outcome: o.into(),
        horizon: t.into(),
        value: v,
        by_hypothesis: over.iter().map(|(h, x)| ((*h).to_owned(), *x)).collect(),
        range: None,
        dist: Dist::Triangular,
        parameter: None,
        note: String::new(),
    };
    let mut e3 = effect("gain", "long", Some("B2"), "z", Curve::Linear(10.0));
    e3.with = Some(Modulator {
        lever: Some("x".into()),
        driver: None,
        factor: Curve::Points(vec![(0.0, 0.0), (10.0, 1.0)]),
    });
    Scenario {
        // Version 1: clamped values, weights per horizon (the hand-worked numbers below).
        format_version: 1,
        id: "tiny".into(),
        title: "Tiny".into(),
        summary: String::new(),
        locked: false,
        sources: vec![],
        questions: vec![],
        hypotheses: vec![
            hyp("A", 1.0, None),
            hyp("B", 3.0, None),
            hyp("B1", 1.0, Some("B")),
            hyp("B2", 1.0, Some("B")),
        ],
        levers: vec![lever("x", 2.0), lever("z", 0.0)],
        outcomes: vec![
            Outcome {
                id: "harm".into(),
                name: "Harm".into(),
                unit: "u".into(),
                better: Better::Lower,
                worst: 10.0,
                best: 0.0,
                limits: Limits {
                    min: Some(0.0),
                    max: None,
                },
                description: String::new(),
                role: Role::End,
            },
            Outcome {
                id: "gain".into(),
                name: "Gain".into(),
                unit: "u".into(),
                better: Better::Higher,
                worst: 0.0,
                best: 100.0,
                limits: Limits::default(),
                description: String::new(),
                role: Role::End,
            },
        ],
        horizons: vec![
            Horizon {
                id: "near".into(),
                name: "Near".into(),
                years: 1.0,
                description: String::new(),
            },
            Horizon {
                id: "long".into(),
                name: "Long".into(),
                years: 5.0,
                description: String::new(),
            },
        ],
        baselines: vec![
            baseline("harm", "near", 5.0, &[("B", 7.0)]),
            baseline("harm", "long", 5.0, &[]),
            baseline("gain", "near", 50.0, &[]),
            baseline("gain", "long", 50.0, &[("B2", 20.0)]),
        ],
        effects: vec![
            effect("harm", "near", None, "x", Curve::Linear(-1.0)),
            effect(
                "harm",
                "near",
                Some("B"),
                "x",
                Curve::Points(vec![(0.0, 0.0), (4.0, 4.0), (10.0, 5.0)]),
            ),
            e3,
            effect("harm", "long", Some("A"), "x", Curve::Linear(2.0)),
        ],
        policies: vec![
            Policy {
                id: "p1".into(),
                name: "P1".into(),
                description: String::new(),
                levers: BTreeMap::from([("x".into(), 0.0), ("z".into(), 0.0)]),
                stages: BTreeMap::new(),
            },
            Policy {
                id: "p2".into(),
                name: "P2".into(),
                description: String::new(),
                levers: BTreeMap::from([("x".into(), 4.0), ("z".into(), 5.0)]),
                stages: BTreeMap::new(),
            },
        ],
        parameters: vec![],
        facts: vec![],
        evidence: vec![],
        revision: 0,
        renamed: BTreeMap::new(),
        numeraire: None,
        value_scale: None,
        horizon_weighting: None,
    }
}

fn candidates(s: &Scenario) -> Vec<Candidate> {
    let mut c: Vec<Candidate> = s
        .policies
        .iter()
        .map(|p| Candidate {
            id: p.id.clone(),
            name: p.name.clone(),
            levers: s.policy_levers(p),
        })
        .collect();
    c.push(Candidate {
        id: "current".into(),
        name: "Current".into(),
        levers: vec![2.0, 0.0],
    });
    c
}

#[test]
fn leaf_weights_multiply_down_the_tree() {
    let m = Model::new(&tiny()).expect("valid");
    let w = m.leaf_weights(&[1.0, 3.0, 1.0, 1.0]).expect("weights");
    // A: 1/4; B: 3/4 split evenly between B1 and B2.
    let answers: Vec<&[usize]> = (0..m.n_leaves()).map(|l| m.leaf_answers(l)).collect();
    assert_eq!(answers, vec![&[0][..], &[2], &[3]]);
    close(w[0], 0.25);
    close(w[1], 0.375);
    close(w[2], 0.375);
    // B1 weighted 3:1 against B2 inside B.
    let w = m.leaf_weights(&[1.0, 1.0, 3.0, 1.0]).expect("weights");
    close(w[1], 0.5 * 0.75);
    close(w[2], 0.5 * 0.25);
}

#[test]
fn zero_credences_are_an_error_and_zero_siblings_share_equally() {
    let m = Model::new(&tiny()).expect("valid");
    assert_eq!(m.leaf_weights(&[0.0; 4]), Err(WeightError::AllCredencesZero));
    assert!(matches!(
        m.leaf_weights(&[1.0, -1.0, 1.0, 1.0]),
        Err(WeightError::BadWeight(_))
    ));
    assert!(matches!(
        m.leaf_weights(&[f64::NAN, 1.0, 1.0, 1.0]),
        Err(WeightError::BadWeight(_))
    ));
    let w = m.leaf_weights(&[1.0, 1.0, 0.0, 0.0]).expect("weights");
    close(w[1], 0.25);
    close(w[2], 0.25);
}

#[test]
fn outcomes_add_baseline_effects_of_ancestors_and_clamp() {
    let m = Model::new(&tiny()).expect("valid");
    let mut y = vec![0.0; 3 * m.cells()];
    m.evaluate_into(&[4.0, 5.0], &mut y);
    // cells: harm-near 0, harm-long 1, gain-near 2, gain-long 3
    // A: harm near 5 - 4 = 1; harm long 5 + 2*4 = 13; gains at baseline.
    assert_eq!(&y[0..4], &[1.0, 13.0, 50.0, 50.0]);
    // B1: harm near 7 (B's baseline) - 4 + 4 (B's effect applies to its children) = 7.
    assert_eq!(&y[4..8], &[7.0, 5.0, 50.0, 50.0]);
    // B2: gain long 20 + (10 * 5) * (4 / 10) = 40 (joint effect of z and x).
    assert_eq!(&y[8..12], &[7.0, 5.0, 50.0, 40.0]);
    // Clamp at the hard limit: x = 10 gives A harm near 5 - 10 = -5, clamped to 0.
    m.evaluate_into(&[10.0, 0.0], &mut y);
    assert_eq!(y[0], 0.0);
}

#[test]
fn bounds_scale_each_effect_by_the_end_of_its_range() {
    let m = Model::new(&tiny()).expect("valid");
    let (mut lo, mut hi) = (vec![0.0; 12], vec![0.0; 12]);
    m.evaluate_bounds_into(&[4.0, 0.0], &mut lo, &mut hi);
    // A harm near: 5 + range (0.5, 2.0) of -4 -> 5 - 8 = -3 -> 0 and 5 - 2 = 3.
    assert_eq!(lo[0], 0.0);
    assert_eq!(hi[0], 3.0);
    // A harm long: 5 + (4 .. 16) = 9 .. 21.
    assert_eq!((lo[1], hi[1]), (9.0, 21.0));
}

#[test]
fn utilities_normalise_and_weight_by_value_and_horizon() {
    let s = tiny();
    let m = Model::new(&s).expect("valid");
    let mut y = vec![0.0; 12];
    m.evaluate_into(&[4.0, 5.0], &mut y);
    let mut u = vec![0.0; 3];
    let total = m.weight_total(&[1.0, 1.0], &[1.0, 1.0]).expect("weights");
    m.utilities_into(&y, &[1.0, 1.0], &[1.0, 1.0], total, &mut u);
    // A: v = 0.9, clamp(-0.3) = 0, 0.5, 0.5 -> 1.9 / 4
    close(u[0], 0.475);
    close(u[1], 1.8 / 4.0);
    close(u[2], 1.7 / 4.0);
    // Only harm matters, long term twice as much: A = (1 * 0.9 + 2 * 0) / 3.
    let total = m.weight_total(&[1.0, 0.0], &[1.0, 2.0]).expect("weights");
    m.utilities_into(&y, &[1.0, 0.0], &[1.0, 2.0], total, &mut u);
    close(u[0], 0.3);
    close(u[1], (0.3 + 2.0 * 0.5) / 3.0);
    assert_eq!(
        m.weight_total(&[0.0, 0.0], &[1.0, 1.0]),
        Err(WeightError::NothingMatters)
    );
}

/// The analysis of the tiny scenario at its priors and equal weights.
fn tiny_analysis() -> crate::model::decision::Analysis {
    let s = tiny();
    let m = Model::new(&s).expect("valid");
    analyse(
        &m,
        &candidates(&s),
        &[1.0, 3.0, 1.0, 1.0],
        &[1.0, 1.0],
        &[1.0, 1.0],
        &mut EvaluationCache::default(),
    )
    .expect("analysis")
}

#[test]
fn decision_analysis_matches_the_hand_calculation() {
    let a = tiny_analysis();
    // U rows (A, B1, B2): p1 (.5, .45, .375), p2 (.475, .45, .425), current (.45, .45, .375)
    for (p, row) in [[0.5, 0.45, 0.375], [0.475, 0.45, 0.425], [0.45, 0.45, 0.375]]
        .iter()
        .enumerate()
    {
        for (h, &u) in row.iter().enumerate() {
            close(a.utility(p, h), u);
        }
    }
    close(a.expected_utility[0], 0.434_375);
    close(a.expected_utility[1], 0.446_875);
    close(a.expected_utility[2], 0.421_875);
    assert_eq!(a.best, 1);
    assert_eq!(a.best_by_leaf, vec![0, 0, 1]);
    close(a.regret(0, 2), 0.05);
    close(a.regret(1, 0), 0.025);
    close(a.max_regret[0], 0.05);
    close(a.max_regret[1], 0.025);
    close(a.max_regret[2], 0.05);
    close(a.expected_regret[0], 0.01875);
    close(a.expected_regret[1], 0.00625);
    close(a.expected_regret[2], 0.03125);
    assert_eq!(a.minimax_regret, 1);
    // EVPI = (.25 * .5 + .375 * .45 + .375 * .425) - .446875 = .00625, the least expected regret.
    close(a.evpi, 0.00625);
}

#[test]
fn the_nearest_flip_is_the_smallest_credence_change_that_changes_the_choice() {
    let a = tiny_analysis();
    // A is 0.25 from its flip, B 0.25, B2 0.375 - 1/6 = 0.208 (B1 below).
    let f1 = a.flip_points[2];
    let d1 = [f1.down, f1.up]
        .into_iter()
        .flatten()
        .map(|f| (f.credence - f1.credence).abs())
        .fold(f64::INFINITY, f64::min);
    assert!(d1 > 0.375 - 1.0 / 6.0, "B1 is farther: {d1}");
    assert_eq!(a.nearest_flip(), Some(3));
}

#[test]
fn flip_points_match_the_hand_calculation() {
    let a = tiny_analysis();
    // A: EU_p1(c) = .5c + .4125(1-c), EU_p2(c) = .475c + .4375(1-c): equal at c = 0.5.
    let fa = a.flip_points[0];
    close(fa.credence, 0.25);
    assert_eq!(fa.down, None);
    let up = fa.up.expect("flip up");
    close(up.credence, 0.5);
    assert_eq!(up.to, 0);
    // B (parent) is the mirror image: p1 takes over when B falls to 0.5.
    let fb = a.flip_points[1];
    let down = fb.down.expect("flip down");
    close(down.credence, 0.5);
    assert_eq!((down.to, fb.up), (0, None));
    // B2: others rescaled (A .4, B1 .6): p1 .47 + (.375 - .47)c, p2 .46 + (.425 - .46)c: c = 1/6.
    let f2 = a.flip_points[3];
    let down = f2.down.expect("flip down");
    close(down.credence, 1.0 / 6.0);
    assert_eq!(down.to, 0);
    assert_eq!(f2.up, None);
}

mod cache;
mod format2;
mod format3;
mod lead;
mod questions;
mod stages;
mod validation;
