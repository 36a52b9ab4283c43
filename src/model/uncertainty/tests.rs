//! The Monte Carlo against numbers worked out by hand, and its invariants on the Paris scenario.

use super::*;
use crate::model::decision::Candidate;
use crate::model::decision::analyse;
use crate::model::evaluate::EvaluationCache;
use crate::model::evaluate::{Model, SampleOut, SampleScratch};
use crate::model::scenario::Scenario;
use crate::model::settings::Settings;
use crate::model::summary::candidates;

/// One hypothesis (or two), two policies: "bet" pays `10 m` with `m` drawn over `range`, "safe"
/// pays a certain 8, on an outcome worth 0 at 0 and 1 at 10.
pub(super) fn bet(range: (f64, f64), dist: &str, second_hypothesis: bool) -> Scenario {
    let hyps = if second_hypothesis {
        r#"(id: "h", name: "H", prior: 1.0), (id: "g", name: "G", prior: 1.0)"#
    } else {
        r#"(id: "h", name: "H", prior: 1.0)"#
    };
    let text = format!(
        r#"(
    format_version: 2, id: "bet", title: "Bet",
    hypotheses: [{hyps}],
    levers: [
        (id: "bet", name: "Bet", unit: "", min: 0.0, max: 1.0, step: 1.0, default: 0.0),
        (id: "safe", name: "Safe", unit: "", min: 0.0, max: 1.0, step: 1.0, default: 0.0),
    ],
    outcomes: [(id: "gain", name: "Gain", unit: "u", better: Higher, worst: 0.0, best: 10.0, role: End)],
    horizons: [(id: "t", name: "T", years: 1.0)],
    baselines: [(outcome: "gain", horizon: "t", value: 0.0, note: "")],
    effects: [
        (outcome: "gain", horizon: "t", driver: Lever("bet"), curve: Linear(10.0), range: {range:?}, dist: {dist}, parameter: "m", note: "assumption"),
        (outcome: "gain", horizon: "t", driver: Lever("safe"), curve: Linear(8.0), range: (1.0, 1.0), note: "assumption"),
    ],
    parameters: [(id: "m", name: "M")],
    policies: [
        (id: "bet", name: "Bet", levers: {{"bet": 1.0, "safe": 0.0}}),
        (id: "safe", name: "Safe", levers: {{"bet": 0.0, "safe": 1.0}}),
    ],
)"#
    );
    ron::from_str(&text).expect("test scenario parses")
}

pub(super) fn paris() -> Scenario {
    let text = crate::io::shipped_scenario_text("paris-2015").expect("shipped");
    ron::from_str(text).expect("parses")
}

fn mc(s: &Scenario, n: usize, seed: u64) -> (Model, Uncertainty, Vec<Candidate>) {
    let model = Model::new(s).expect("valid");
    let settings = Settings::defaults(s);
    let design = Design::new(s, n, seed);
    let c = candidates(s, &settings);
    let w = model.leaf_weights(&settings.credences).expect("weights");
    let taus = settings.taus(&model);
    let weights = Weights {
        leaves: &w,
        values: &settings.value_weights,
        horizons: &taus,
    };
    let u = run(
        &model,
        &design,
        &c,
        weights,
        (c.len() - 1, s.policies.len()),
        &mut Buffers::default(),
    )
    .expect("runs");
    (model, u, c)
}

#[test]
fn a_triangular_bet_against_a_certain_8_is_best_82_percent_of_the_time() {
    // P(10 m > 8) = 1 - F(0.8) with F(x) = 2 (x - 0.5)^2 below the mode: 1 - 0.18 = 0.82.
    let s = bet((0.5, 1.5), "Triangular", false);
    let (_, u, _) = mc(&s, 10_000, 7);
    assert!((u.policies[0].p_best - 0.82).abs() < 0.003, "{}", u.policies[0].p_best);
    assert!((u.policies[0].p_best_motive_averaged - 0.82).abs() < 0.003);
    // E[10 m] = 10, in utility 1.0; the safe 8 is 0.8.
    assert!((u.policies[0].eu_mean - 1.0).abs() < 1e-3);
    assert!((u.policies[1].eu_mean - 0.8).abs() < 1e-12);
}

#[test]
fn with_the_motive_certain_the_one_parameter_is_worth_all_information() {
    // EVPI = E[max(m, 0.8)] - 1 = E[(0.8 - m)+] = int_0^0.3 (0.3 - t) 4 t dt = 0.018.
    let s = bet((0.5, 1.5), "Triangular", false);
    let (_, u, _) = mc(&s, 10_000, 11);
    assert!((u.voi.evpi_total - 0.018).abs() < 3e-4, "{}", u.voi.evpi_total);
    assert!((u.voi.parameters[0] - u.voi.evpi_total).abs() < 1e-3, "{:?}", u.voi);
    assert!(u.voi.evppi_motive.abs() < 1e-12);
}

#[test]
fn with_every_range_a_point_the_motive_is_worth_todays_evpi() {
    let mut s = paris();
    for e in &mut s.effects {
        e.range = (1.0, 1.0);
        e.parameter = None;
    }
    for b in &mut s.baselines {
        b.range = None;
        b.parameter = None;
    }
    s.parameters.clear();
    let (model, u, c) = mc(&s, 200, 1);
    let settings = Settings::defaults(&s);
    let a = analyse(
        &model,
        &c,
        &settings.credences,
        &settings.value_weights,
        &settings.taus(&model),
        &mut EvaluationCache::default(),
    )
    .expect("analyses");
    assert!(
        (u.voi.evppi_motive - a.evpi).abs() < 1e-12,
        "{} vs {}",
        u.voi.evppi_motive,
        a.evpi
    );
    assert!((u.voi.evpi_total - a.evpi).abs() < 1e-12);
    // The current settings are the middle course's, so the named policies alone agree.
    assert!((u.voi_named.evppi_motive - a.evpi).abs() < 1e-12);
    for (p, stats) in u.policies.iter().enumerate() {
        assert!((stats.eu_mean - a.expected_utility[p]).abs() < 1e-12);
        assert!((stats.expected_regret - a.expected_regret[p]).abs() < 1e-12);
    }
}

#[test]
fn sampled_evaluation_at_multipliers_of_one_is_the_plain_evaluation() {
    let s = paris();
    let model = Model::new(&s).expect("valid");
    let settings = Settings::defaults(&s);
    let taus = settings.taus(&model);
    let total = model.weight_total(&settings.value_weights, &taus).expect("weights");
    let n = 300; // more than two chunks, the last one short
    let ones = vec![1.0; model.n_slots() * n];
    let leaves = model.n_leaves();
    for c in candidates(&s, &settings) {
        let mut sampled = vec![0.0; leaves * n];
        let mut values = vec![0.0; leaves * model.cells() * n];
        model.sample_into(
            &c.levers,
            &ones,
            n,
            (&settings.value_weights, &taus, total),
            &mut SampleScratch::default(),
            SampleOut {
                utility: &mut sampled,
                values: Some(&mut values),
            },
        );
        let mut plain = vec![0.0; leaves * model.cells()];
        model.evaluate_into(&c.levers, &mut plain);
        let mut u = vec![0.0; leaves];
        model.utilities_into(&plain, &settings.value_weights, &taus, total, &mut u);
        for l in 0..leaves {
            for s in [0, 127, 128, 256, n - 1] {
                assert!((sampled[l * n + s] - u[l]).abs() < 1e-12);
            }
            for cell in 0..model.cells() {
                assert!((values[(l * model.cells() + cell) * n + 5] - plain[l * model.cells() + cell]).abs() < 1e-9);
            }
        }
    }
}

#[test]
fn the_tornado_swings_the_lead_between_the_parameters_percentiles() {
    // Lead of the bet over the safe 8: m - 0.8. Triangular(0.5, 1, 1.5) percentiles:
    // 5th 0.5 + sqrt(0.05 * 0.5) = 0.65811, 95th 1.34189.
    let s = bet((0.5, 1.5), "Triangular", false);
    let model = Model::new(&s).expect("valid");
    let settings = Settings::defaults(&s);
    let c = candidates(&s, &settings);
    let all: Vec<usize> = (0..unknowns(&s).len()).collect();
    let bars = tornado(
        &s,
        &model,
        (&unknowns(&s), &all),
        (&c[0], &c[1]),
        (&[1.0], &settings.value_weights, &settings.taus(&model)),
        (&[1.0], &[0.8]),
    );
    assert_eq!(bars.len(), 1, "one parameter and no second top-level hypothesis");
    assert!((bars[0].low - (0.658_113_883 - 0.8)).abs() < 1e-6, "{bars:?}");
    assert!((bars[0].high - (1.341_886_117 - 0.8)).abs() < 1e-6);
}

#[test]
fn seeded_runs_repeat_and_two_seeds_agree_within_their_errors() {
    let s = paris();
    let (_, a, _) = mc(&s, 4000, 5);
    let (_, b, _) = mc(&s, 4000, 5);
    assert_eq!(a, b);
    let (_, c, _) = mc(&s, 4000, 6);
    for (x, y) in a.policies.iter().zip(&c.policies) {
        // Binomial standard error of a share from 4,000 samples (Latin hypercube only lowers it).
        let se = (x.p_best * (1.0 - x.p_best) / 4000.0).sqrt().max(1e-3);
        assert!(
            (x.p_best - y.p_best).abs() < 5.0 * se * std::f64::consts::SQRT_2,
            "{x:?} {y:?}"
        );
        assert!((x.eu_mean - y.eu_mean).abs() < 0.01);
    }
}

#[test]
fn values_of_information_are_ordered_and_never_negative_on_paris() {
    let s = paris();
    let (_, u, _) = mc(&s, 5000, 3);
    let v = &u.voi;
    assert!(v.evpi_total >= v.evppi_motive - 1e-12, "{v:?}");
    for &x in &v.parameters {
        assert!(x >= 0.0 && x <= v.evpi_total + 1e-9, "{v:?}");
    }
    let p: f64 = u.policies.iter().map(|p| p.p_best).sum();
    assert!((p - 1.0).abs() < 1e-9);
    // EVPI is the least expected regret.
    let least = u
        .policies
        .iter()
        .map(|p| p.expected_regret)
        .fold(f64::INFINITY, f64::min);
    assert!((least - v.evpi_total).abs() < 1e-9, "{least} vs {}", v.evpi_total);
}

#[test]
fn the_belief_found_makes_the_policy_best_and_just_short_of_it_does_not() {
    let s = paris();
    let model = Model::new(&s).expect("valid");
    // Valuing attacks and deaths in the West only, where which policy is best turns on the
    // answers (at the default values one policy is best under every answer).
    let mut settings = Settings::defaults(&s);
    for (w, o) in settings.value_weights.iter_mut().zip(&s.outcomes) {
        *w = f64::from(u8::from(o.id == "attacks_west" || o.id == "deaths_west"));
    }
    let c = candidates(&s, &settings);
    let a = analyse(
        &model,
        &c,
        &settings.credences,
        &settings.value_weights,
        &settings.taus(&model),
        &mut EvaluationCache::default(),
    )
    .expect("analyses");
    let levers: Vec<&[f64]> = c.iter().map(|x| x.levers.as_slice()).collect();
    let n = a.n_leaves;
    let eu = |x: &[f64], p: usize| (0..n).map(|l| x[l] * a.utility(p, l)).sum::<f64>();
    let mut some_moved = false;
    for p in 0..c.len() {
        let Some(b) = believe(&a.utility, &levers, &a.leaf_weights, p, c.len()) else {
            // No belief at all: the policy is dominated under every leaf by one rival.
            continue;
        };
        let best_at = |x: &[f64]| {
            (0..c.len())
                .filter(|&q| levers[q] != levers[p])
                .all(|q| eu(x, p) > eu(x, q))
        };
        assert!(best_at(&b.weights), "{p}: {b:?}");
        assert!((b.weights.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        if b.distance > 1e-6 {
            some_moved = true;
            let short: Vec<f64> = (0..n)
                .map(|l| a.leaf_weights[l] + 0.98 * (b.weights[l] - a.leaf_weights[l]))
                .collect();
            assert!(!best_at(&short), "{p}: just short of the answer it is already best");
        }
    }
    assert!(some_moved);
}

#[test]
fn no_belief_makes_a_dominated_policy_best() {
    let mut s = bet((1.0, 1.0), "Triangular", true);
    s.policies[0].levers.insert("bet".into(), 0.5); // pays 5 under every hypothesis, below 8
    let model = Model::new(&s).expect("valid");
    let settings = Settings::defaults(&s);
    let c = candidates(&s, &settings);
    let a = analyse(
        &model,
        &c,
        &settings.credences,
        &settings.value_weights,
        &settings.taus(&model),
        &mut EvaluationCache::default(),
    )
    .expect("analyses");
    let levers: Vec<&[f64]> = c.iter().map(|x| x.levers.as_slice()).collect();
    assert_eq!(believe(&a.utility, &levers, &a.leaf_weights, 0, 2), None);
    assert_eq!(
        believe(&a.utility, &levers, &a.leaf_weights, 1, 2).map(|b| b.distance),
        Some(0.0)
    );
}

#[test]
fn the_search_beats_every_named_policy_on_its_own_objective() {
    let s = paris();
    let model = Model::new(&s).expect("valid");
    let settings = Settings::defaults(&s);
    let found = search(&s, &model, &settings);
    assert_eq!(found.len(), 2);
    let c = with_found(&s, &settings, &found_candidates(&found));
    let a = analyse(
        &model,
        &c,
        &settings.credences,
        &settings.value_weights,
        &settings.taus(&model),
        &mut EvaluationCache::default(),
    )
    .expect("analyses");
    let best_found = c
        .iter()
        .position(|x| x.id == BEST_FOUND_ID)
        .or(found[0].same_as)
        .expect("found");
    for p in 0..c.len() {
        assert!(a.expected_utility[best_found] >= a.expected_utility[p] - 1e-12);
    }
    // The robust search counts regret against the named policies, the current settings and
    // itself: compare in that candidate set.
    let c = with_found(&s, &settings, &[found[1].candidate.clone()]);
    let a = analyse(
        &model,
        &c,
        &settings.credences,
        &settings.value_weights,
        &settings.taus(&model),
        &mut EvaluationCache::default(),
    )
    .expect("analyses");
    let robust = s.policies.len();
    for p in 0..c.len() {
        assert!(a.max_regret[robust] <= a.max_regret[p] + 1e-12, "{p}");
    }
    // Every lever of the found settings is on its grid of steps.
    for (l, x) in s.levers.iter().zip(&found[0].candidate.levers) {
        let k = (x - l.min) / l.step;
        assert!((k - k.round()).abs() < 1e-9 && *x >= l.min && *x <= l.max);
    }
}

#[test]
fn sample_counts_outside_the_limits_are_refused() {
    assert!(check_samples(0).is_err());
    assert!(check_samples(MAX_SAMPLES + 1).is_err());
    assert_eq!(check_samples(10), Ok(10));
    assert!(check_samples(0).unwrap_err().to_string().contains("ask for 1 to"));
}

/// The drawn leaf from the running sums worked out once is the reference's (summed anew for each
/// sample) for every quantile:
/// weights with zeros (first, inside, last), one leaf, all weight on one, and quantiles at, just
/// below and past each running sum.
#[test]
fn the_leaf_drawn_is_the_one_the_running_sums_give() {
    for w in [
        vec![0.2, 0.0, 0.5, 0.3],
        vec![0.0, 0.0, 1.0],
        vec![1.0],
        vec![0.1, 0.2, 0.3, 0.0],
        vec![0.0, 3.0, 0.0, 1.0, 0.0],
        vec![1.0 / 3.0; 3],
    ] {
        let draw = Draw::new(&w);
        let total: f64 = w.iter().sum();
        let mut qs: Vec<f64> = (0..=200).map(|i| f64::from(i) / 200.0).collect();
        let mut acc = 0.0;
        for x in &w {
            acc += x / total;
            qs.extend([acc, acc.next_down(), acc.next_up()]);
        }
        for q in qs {
            assert_eq!(draw.at(q), super::reference::leaf_at(&w, q), "{w:?} at {q}");
        }
    }
}
