//! Format version 3 worked out by hand: uncertain baselines (and, as they land, questions,
//! staged responses and facts reported more than once).

use crate::model::evaluate::Model;
use crate::model::scenario::*;
use crate::model::settings::Settings;
use crate::model::summary::candidates;
use crate::model::uncertainty::{Buffers, Design, Uncertainty, Weights, run, unknowns};
use crate::model::validate::validate;

/// The bet of the Monte Carlo's tests with its uncertainty in a baseline: a mechanism "stock"
/// is 10 with every level times `m ~ range`; "bet" turns the stock into gain (`gain += stock *
/// bet`), "safe" pays a certain 8, on a gain worth 0 at 0 and 1 at 10.
fn stock(range: &str, dist: &str) -> Scenario {
    let text = format!(
        r#"(
    format_version: 3, id: "stock", title: "Stock",
    hypotheses: [(id: "h", name: "H", prior: 1.0)],
    levers: [
        (id: "bet", name: "Bet", unit: "", min: 0.0, max: 1.0, step: 1.0, default: 0.0),
        (id: "safe", name: "Safe", unit: "", min: 0.0, max: 1.0, step: 1.0, default: 0.0),
    ],
    outcomes: [
        (id: "gain", name: "Gain", unit: "u", better: Higher, worst: 0.0, best: 10.0),
        (id: "stock", name: "Stock", unit: "u", better: Higher, worst: 0.0, best: 20.0, role: Mechanism),
    ],
    horizons: [(id: "t", name: "T", years: 1.0)],
    baselines: [
        (outcome: "gain", horizon: "t", value: 0.0, note: ""),
        (outcome: "stock", horizon: "t", value: 10.0, range: {range}, dist: {dist}, note: "assumption"),
    ],
    effects: [
        (outcome: "gain", horizon: "t", driver: Outcome("stock", "t"), curve: Linear(1.0),
         with: Some((driver: Lever("bet"), factor: Linear(1.0))), range: (1.0, 1.0), note: "assumption"),
        (outcome: "gain", horizon: "t", driver: Lever("safe"), curve: Linear(8.0), range: (1.0, 1.0), note: "assumption"),
    ],
    policies: [
        (id: "bet", name: "Bet", levers: {{"bet": 1.0, "safe": 0.0}}),
        (id: "safe", name: "Safe", levers: {{"bet": 0.0, "safe": 1.0}}),
    ],
)"#
    );
    ron::from_str(&text).expect("test scenario parses")
}

fn mc(s: &Scenario, n: usize, seed: u64) -> Uncertainty {
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
    let named = s.policies.len();
    run(&model, &design, &c, weights, (0, named), &mut Buffers::default()).expect("runs")
}

#[test]
fn an_uncertain_baseline_enters_the_monte_carlo_like_an_effect() {
    // The bet pays 10 m with m ~ Triangular(0.5, 1, 1.5): P(10 m > 8) = 1 - 2 (0.8 - 0.5)^2
    // = 0.82, E[10 m] = 10 (utility 1.0), and EVPI = E[(0.8 - m)+] = int_0^0.3 (0.3 - t) 4 t dt
    // = 0.018, all of it the baseline's (the motive is certain).
    let s = stock("(0.5, 1.5)", "Triangular");
    let u = mc(&s, 10_000, 7);
    assert!((u.policies[0].p_best - 0.82).abs() < 0.003, "{}", u.policies[0].p_best);
    assert!((u.policies[0].eu_mean - 1.0).abs() < 1e-3);
    assert!((u.policies[1].eu_mean - 0.8).abs() < 1e-12);
    assert!((u.voi.evpi_total - 0.018).abs() < 3e-4, "{}", u.voi.evpi_total);
    let k = unknowns(&s);
    assert_eq!(k.len(), 1);
    assert_eq!(k[0].id, "baseline-2");
    assert_eq!(k[0].slots, vec![s.effects.len() + 1]);
    assert!((u.voi.parameters[0] - u.voi.evpi_total).abs() < 1e-3, "{:?}", u.voi);
}

#[test]
fn a_uniform_baseline_shares_a_parameter_with_an_effect() {
    // A parameter drawn once per sample: the baseline's multiplier is Uniform(0.5, 1.5) at
    // quantile q, 0.5 + q; the shared effect's is Uniform(1, 3), 1 + 2 q.
    let mut s = stock("(0.5, 1.5)", "Uniform");
    s.parameters.push(Parameter {
        id: "q".into(),
        name: "Q".into(),
        description: String::new(),
        source: "assumption".into(),
    });
    s.baselines[1].parameter = Some("q".into());
    s.effects[1].range = (1.0, 3.0);
    s.effects[1].dist = Dist::Uniform;
    s.effects[1].parameter = Some("q".into());
    assert_eq!(validate(&s), vec![]);
    let d = Design::new(&s, 64, 3);
    assert_eq!(d.unknowns.len(), 1);
    let base = s.effects.len() + 1;
    for i in 0..d.n {
        let q = d.quantile(0, i);
        assert!((d.multipliers[base * d.n + i] - (0.5 + q)).abs() < 1e-12);
        assert!((d.multipliers[d.n + i] - (1.0 + 2.0 * q)).abs() < 1e-12);
        assert!((d.multipliers[i] - 1.0).abs() < 1e-12, "a point range stays at 1");
    }
}

#[test]
fn a_certain_baseline_is_not_an_unknown_and_the_file_stays_version_2() {
    let mut s = stock("(0.5, 1.5)", "Triangular");
    s.baselines[1].range = None;
    assert!(unknowns(&s).is_empty());
    assert_eq!(s.needed_version(), 2);
    assert_eq!(s.to_current_version().format_version, 2);
    s.baselines[1].range = Some((0.8, 1.2));
    assert_eq!(s.to_current_version().format_version, 3);
    // Written without Some(...), read back the same.
    let text = ron::ser::to_string(&s).expect("writes");
    assert!(text.contains("range:(0.8,1.2)"), "{text}");
    assert_eq!(ron::from_str::<Scenario>(&text).expect("reads"), s);
}

#[test]
fn uncertain_baseline_mistakes_are_named() {
    let problems =
        |s: &Scenario| -> Vec<(String, String)> { validate(s).into_iter().map(|p| (p.path, p.message)).collect() };
    let mut s = stock("(0.5, 1.5)", "Triangular");
    s.format_version = 2;
    let p = problems(&s);
    assert!(
        p.iter()
            .any(|(path, m)| path == "range" && m.contains("format version 3 field")),
        "{p:?}"
    );
    let s = stock("(1.2, 2.0)", "Pert");
    let p = problems(&s);
    assert!(
        p.iter()
            .any(|(path, m)| path == "baselines[1].dist" && m.contains("mode")),
        "{p:?}"
    );
    let mut s = stock("(0.5, 1.5)", "LogNormal");
    s.baselines[1].range = None;
    s.baselines[1].parameter = Some("nope".into());
    let p = problems(&s);
    assert!(
        p.iter()
            .any(|(path, m)| path == "baselines[1].dist" && m.contains("without a range")),
        "{p:?}"
    );
    assert!(
        p.iter()
            .any(|(path, m)| path == "baselines[1].parameter" && m.contains("through its range")),
        "{p:?}"
    );
    assert!(
        p.iter()
            .any(|(path, m)| path == "baselines[1].parameter" && m.contains("unknown parameter")),
        "{p:?}"
    );
}
