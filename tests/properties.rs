//! Properties of the decision analysis that hold for any credences, levers and weights on the
//! shipped scenario.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test or benchmark stops at the first surprise"
)]

use motive_lab::io::{SHIPPED_SCENARIOS, parse_scenario};
use motive_lab::model::evaluate::EvaluationCache;
use motive_lab::model::evaluate::Model;
use motive_lab::model::scenario::Scenario;
use motive_lab::model::settings::Settings;
use motive_lab::model::summary::{Report, report};
use proptest::prelude::*;
use std::sync::OnceLock;

fn paris() -> &'static (Scenario, Model) {
    static P: OnceLock<(Scenario, Model)> = OnceLock::new();
    P.get_or_init(|| {
        let s = parse_scenario("paris", SHIPPED_SCENARIOS[0].text).expect("valid");
        let m = Model::new(&s).expect("compiles");
        (s, m)
    })
}

fn settings() -> impl Strategy<Value = Settings> {
    let (s, _) = paris();
    let n_h = s.hypotheses.len();
    let levers: Vec<_> = s.levers.iter().map(|l| l.min..=l.max).collect();
    (
        prop::collection::vec(0.0..10.0f64, n_h),
        levers,
        prop::collection::vec(0.0..5.0f64, s.outcomes.len()),
        prop::collection::vec(0.1..5.0f64, s.horizons.len()),
    )
        .prop_map(|(mut credences, levers, mut values, horizons)| {
            // Every question's answers need some credence between them.
            for (c, h) in credences.iter_mut().zip(&s.hypotheses) {
                if h.parent.is_none() {
                    *c += 0.01;
                }
            }
            values[0] += 0.01;
            Settings {
                credences,
                levers,
                stages: Vec::new(),
                value_weights: values,
                horizon_weights: horizons,
                discount_rate: 0.0,
                numeraire: None,
                observed: Vec::new(),
                prior: None,
            }
        })
}

fn analyse(settings: &Settings) -> Report {
    let (s, m) = paris();
    report(s, m, settings, &mut EvaluationCache::default()).expect("report")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn decision_invariants(settings in settings()) {
        let r = analyse(&settings);
        let a = &r.analysis;
        let total: f64 = a.leaf_weights.iter().sum();
        prop_assert!((total - 1.0).abs() < 1e-9);
        // Values are linear in format 2, so a utility may leave 0-1; it is always a number.
        prop_assert!(a.utility.iter().all(|u| u.is_finite()));
        prop_assert!(a.evpi >= 0.0);
        // EVPI equals the smallest expected regret, which the EU-best policy attains.
        let least = a.expected_regret.iter().copied().fold(f64::INFINITY, f64::min);
        prop_assert!((a.evpi - least).abs() < 1e-9);
        prop_assert!((a.expected_regret[a.best] - least).abs() < 1e-9);
        let mm = a.max_regret[a.minimax_regret];
        prop_assert!(a.max_regret.iter().all(|&r| r >= mm));
        prop_assert!(a.regret.iter().all(|&r| r >= -1e-12));
        // The current settings are a candidate: their EU is the evaluation's.
        let cur = r.current();
        prop_assert!((a.expected_utility[cur] - r.evaluation.expected_utility).abs() < 1e-12);
        // Expected values lie within the min-max spread and the uncertainty band.
        for c in 0..r.evaluation.cells {
            let e = &r.evaluation;
            prop_assert!(e.min[c] - 1e-9 <= e.expected[c] && e.expected[c] <= e.max[c] + 1e-9);
            prop_assert!(e.expected_low[c] - 1e-9 <= e.expected[c] && e.expected[c] <= e.expected_high[c] + 1e-9);
        }
    }

    #[test]
    fn flip_points_are_where_the_best_policy_changes(settings in settings(), k in 0usize..5) {
        // h1..h5 are top-level leaves: credence c in k means k's weight c / (1 - c) times the
        // other top-level weights of its question, which keeps the others in proportion.
        let (s, _) = paris();
        let r = analyse(&settings);
        let f = r.analysis.flip_points[k];
        // The other answers to the same question (why): how's answers are a question of their own.
        let others: f64 = s.hypotheses.iter().enumerate().filter(|(i, h)| *i != k && h.parent.is_none() && s.question_of(*i) == s.question_of(k)).map(|(i, _)| settings.credences[i]).sum();
        let at = |c: f64| {
            let mut x = settings.clone();
            x.credences[k] = others * c / (1.0 - c);
            analyse(&x).analysis.best
        };
        for (flip, dir) in [(f.up, 1.0), (f.down, -1.0)] {
            if let Some(flip) = flip {
                let c = flip.credence;
                if c > 1e-4 && c < 1.0 - 1e-4 {
                    prop_assert_eq!(at(c + dir * 1e-5), flip.to, "past the flip at {}", c);
                    if (c - f.credence).abs() > 1e-4 {
                        prop_assert_eq!(at(c - dir * 1e-5), r.analysis.best, "before the flip at {}", c);
                    }
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Random valid scenarios (from the generator the structured fuzzer uses) at random
    /// settings: they validate, survive a save and a reopen, and every invariant holds:
    /// every number shown is finite, weights sum to 1, regrets and values of information are
    /// not negative, the EVPI is the least expected regret (in the decision analysis and in
    /// the Monte Carlo), and EVSI lies between 0 and the EVPI.
    #[test]
    fn random_valid_scenarios_keep_every_invariant(bytes in prop::collection::vec(any::<u8>(), 0..6000)) {
        motive_lab::checks::structured(&bytes);
    }
}

/// The property above is not vacuous: for most byte strings it gets as far as the Monte
/// Carlo study.
#[test]
fn random_scenarios_reach_the_monte_carlo() {
    use rand::{RngExt, SeedableRng};
    let mut rng = rand_pcg::Pcg64::seed_from_u64(11);
    let mut studied = 0;
    for _ in 0..40 {
        let bytes: Vec<u8> = (0..3000).map(|_| rng.random::<u8>()).collect();
        let checked = motive_lab::checks::structured_checked(&bytes).expect("a scenario");
        studied += usize::from(checked.study);
    }
    assert!(studied >= 30, "only {studied} of 40 reached the study");
}

/// The generator makes what it says: scenarios of every size in its range, with sub-theories,
/// outcome-driven effects, modulators, parameters, evidence, uncertain baselines, facts,
/// questions and stages, all valid.
#[test]
fn the_generator_covers_the_format() {
    use motive_lab::model::generate::{Shape, seeded};
    use motive_lab::model::scenario::Driver;
    let (mut nested, mut chained, mut modulated, mut shared, mut evidence) = (0, 0, 0, 0, 0);
    let (mut uncertain_baselines, mut facts, mut questions, mut conditions) = (0, 0, 0, 0);
    let (mut staged, mut lever_at) = (0, 0);
    for seed in 0..40 {
        let s = seeded(&Shape::small(), seed).expect("generates");
        assert!(motive_lab::model::validate::validate(&s).is_empty(), "seed {seed}");
        nested += s.hypotheses.iter().filter(|h| h.parent.is_some()).count();
        chained += s
            .effects
            .iter()
            .filter(|e| matches!(e.driver, Some(Driver::Outcome(..))))
            .count();
        modulated += s.effects.iter().filter(|e| e.with.is_some()).count();
        shared += s.parameters.len();
        evidence += s.evidence.len();
        uncertain_baselines += s.baselines.iter().filter(|b| b.range.is_some()).count();
        facts += s.facts.len();
        questions += usize::from(s.questions.len() > 1);
        conditions += s.effects.iter().filter(|e| !e.when.is_empty()).count();
        staged += s.policies.iter().filter(|p| !p.stages.is_empty()).count();
        lever_at += s
            .effects
            .iter()
            .filter(|e| matches!(e.driver, Some(Driver::LeverAt(..))))
            .count();
        assert_eq!(s.format_version, s.needed_version(), "seed {seed}");
    }
    for (what, n) in [
        ("sub-hypotheses", nested),
        ("outcome drivers", chained),
        ("modulators", modulated),
        ("parameters", shared),
        ("evidence items", evidence),
        ("uncertain baselines", uncertain_baselines),
        ("facts", facts),
        ("scenarios with two questions", questions),
        ("effects with conditions", conditions),
        ("staged policies", staged),
        ("LeverAt drivers", lever_at),
    ] {
        assert!(n > 5, "only {n} {what} in 40 scenarios");
    }
    let large = seeded(&Shape::large(), 1).expect("generates");
    assert!(motive_lab::model::validate::validate(&large).is_empty());
    assert_eq!(
        (large.hypotheses.len(), large.effects.len(), large.policies.len()),
        (300, 3000, 40)
    );
}
