//! Format version 3 worked out by hand: uncertain baselines and facts reported more than once
//! (questions are in `questions.rs`, staged responses in `stages.rs`).

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
    // Only the two slots the parameter draws have rows of multipliers.
    assert_eq!(d.multipliers.len(), 2 * d.n);
    assert_eq!(d.rows.iter().filter(|r| r.is_some()).count(), 2);
    let base = s.effects.len() + 1;
    for i in 0..d.n {
        // Both at the same quantile q of their own uniform range: 0.5 + q and 1 + 2q.
        let q = d.multiplier(base, i) - 0.5;
        assert!((0.0..1.0).contains(&q));
        assert!((d.multiplier(1, i) - (1.0 + 2.0 * q)).abs() < 1e-12);
        assert!((d.multiplier(0, i) - 1.0).abs() < 1e-12, "a point range stays at 1");
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

/// Two hypotheses A and B at 1/2 each; fact F with `P(F|A) = 0.9`, `P(F|B) = 0.3` (so `P(F) =
/// 0.6`), reported by three items of reliability `r`; policy X pays 1 under A and 0 under B, Y
/// pays 0.4 and 0.6.
fn reports(r: f64) -> Scenario {
    let report = |id: &str| format!(r#"(id: "{id}", name: "{id}", date: "2015-12-01", fact: "f", reliability: {r:?})"#);
    let text = format!(
        r#"(
    format_version: 3, id: "facts", title: "Facts",
    hypotheses: [(id: "a", name: "A", prior: 1.0), (id: "b", name: "B", prior: 1.0)],
    levers: [(id: "x", name: "X", unit: "", min: 0.0, max: 1.0, step: 1.0, default: 0.0)],
    outcomes: [(id: "gain", name: "Gain", unit: "u", better: Higher, worst: 0.0, best: 1.0)],
    horizons: [(id: "t", name: "T", years: 1.0)],
    baselines: [(outcome: "gain", horizon: "t", value: 0.4, by_hypothesis: {{"b": 0.6}}, note: "")],
    effects: [
        (outcome: "gain", horizon: "t", hypothesis: Some("a"), driver: Lever("x"), curve: Linear(0.6), range: (1.0, 1.0), note: "assumption"),
        (outcome: "gain", horizon: "t", hypothesis: Some("b"), driver: Lever("x"), curve: Linear(-0.6), range: (1.0, 1.0), note: "assumption"),
    ],
    policies: [(id: "x", name: "X", levers: {{"x": 1.0}}), (id: "y", name: "Y", levers: {{"x": 0.0}})],
    facts: [(id: "f", name: "F", likelihoods: {{"a": 0.9, "b": 0.3}})],
    evidence: [{}, {}, {}],
)"#,
        report("r1"),
        report("r2"),
        report("r3")
    );
    ron::from_str(&text).expect("test scenario parses")
}

fn posterior_a(s: &Scenario, states: &[crate::model::evidence::Observation]) -> f64 {
    let model = Model::new(s).expect("valid");
    let ev = crate::model::evidence::EvidenceModel::new(s, &model);
    ev.posterior(s, &[0.5, 0.5], states).expect("possible")[0]
}

#[test]
fn reports_of_one_fact_move_belief_no_further_than_the_fact() {
    use crate::model::evidence::Observation::{Open, True};
    // The fact once: 0.45 / (0.45 + 0.15) = 0.75.
    let s = reports(1.0);
    assert!((posterior_a(&s, &[True, Open, Open]) - 0.75).abs() < 1e-12);
    // Three perfectly reliable reports: still exactly 0.75 (counted four times as independent
    // items it would be 0.9^3 / (0.9^3 + 0.3^3) = 0.964).
    assert!((posterior_a(&s, &[True, True, True]) - 0.75).abs() < 1e-12);
    // Reliability 0.8: a report is faithful with 0.8, else "true" with P(F) = 0.6, so
    // P(R|F) = 0.92, P(R|not F) = 0.12. One report: 0.9 x 0.92 + 0.1 x 0.12 = 0.84 under A,
    // 0.3 x 0.92 + 0.7 x 0.12 = 0.36 under B: 0.84 / 1.2 = 0.7, as an item of its own with
    // reliability 0.8.
    let s = reports(0.8);
    assert!((posterior_a(&s, &[True, Open, Open]) - 0.7).abs() < 1e-12);
    // Three: P = 0.9 x 0.92^3 + 0.1 x 0.12^3 = 0.700992 under A, 0.3 x 0.92^3 + 0.7 x 0.12^3
    // = 0.234816 under B: 0.749077, less than the fact itself.
    let three = posterior_a(&s, &[True, True, True]);
    assert!((three - 0.700_992 / (0.700_992 + 0.234_816)).abs() < 1e-12, "{three}");
    assert!(three < 0.75);
    // Two perfectly reliable reports that disagree are impossible, and refused.
    let s = reports(1.0);
    let model = Model::new(&s).expect("valid");
    let ev = crate::model::evidence::EvidenceModel::new(&s, &model);
    let disagree = [True, crate::model::evidence::Observation::False, Open];
    assert!(ev.posterior(&s, &[0.5, 0.5], &disagree).is_err());
}

#[test]
fn learning_a_fact_is_worth_the_same_however_many_faithful_reports_say_it() {
    use crate::model::evidence::Observation::{Open, True};
    use crate::model::evidence::{EvidenceModel, evsi, evsi_of_fact};
    // X: EU 0.5, Y: 0.5 (X first). F true (0.6): A 0.75, X 0.75 > Y 0.45. F false (0.4): A
    // 0.125, Y 0.575 > X 0.125. EVSI = 0.6 x 0.75 + 0.4 x 0.575 - 0.5 = 0.18 (EVPI 0.3).
    let s = reports(1.0);
    let model = Model::new(&s).expect("valid");
    let ev = EvidenceModel::new(&s, &model);
    let settings = Settings::defaults(&s);
    let mut cache = crate::model::evaluate::EvaluationCache::default();
    let report = crate::model::summary::report(&s, &model, &settings, &mut cache).expect("report");
    let values = (
        report.analysis.utility.as_slice(),
        report.analysis.leaf_weights.as_slice(),
    );
    let w = [0.5, 0.5];
    let open = [Open; 3];
    let fact = evsi_of_fact(&ev, values, &w, &open, 0);
    assert!((fact.evsi - 0.18).abs() < 1e-12, "{fact:?}");
    assert!(fact.changes_decision);
    for items in [&[0][..], &[0, 1], &[0, 1, 2]] {
        let v = evsi(&ev, values, &w, &open, items).evsi;
        assert!((v - 0.18).abs() < 1e-12, "{items:?}: {v}");
    }
    // Once one faithful report is in, the fact is known: nothing left to learn.
    let one = [True, Open, Open];
    assert!(evsi_of_fact(&ev, values, &w, &one, 0).evsi.abs() < 1e-12);
    assert!(evsi(&ev, values, &w, &one, &[1, 2]).evsi.abs() < 1e-12);
    // With reliability 0.8, after one report the fact is 0.9857 likely under A, 0.7667 under B.
    let s = reports(0.8);
    let model = Model::new(&s).expect("valid");
    let q = EvidenceModel::new(&s, &model).fact_given(0, &one, &w);
    assert!(
        (q[0] - 0.828 / 0.84).abs() < 1e-12 && (q[1] - 0.276 / 0.36).abs() < 1e-12,
        "{q:?}"
    );
}

#[test]
fn fact_mistakes_are_named() {
    let mut s = reports(1.0);
    s.evidence[0].likelihoods.insert("a".into(), 0.5);
    s.evidence[1].fact = Some("nope".into());
    s.facts.push(Fact {
        id: "lonely".into(),
        name: "Lonely".into(),
        description: String::new(),
        note: String::new(),
        likelihoods: [("a".to_owned(), 0.5)].into(),
        ratings: std::collections::BTreeMap::new(),
        default_likelihood: None,
    });
    let p: Vec<(String, String)> = validate(&s).into_iter().map(|p| (p.path, p.message)).collect();
    assert!(
        p.iter()
            .any(|(path, m)| path == "evidence[0].fact" && m.contains("only its reliability")),
        "{p:?}"
    );
    assert!(
        p.iter()
            .any(|(path, m)| path == "evidence[1].fact" && m.contains("unknown fact \"nope\"")),
        "{p:?}"
    );
    assert!(
        p.iter()
            .any(|(path, m)| path == "facts[1]" && m.contains("no evidence item reports")),
        "{p:?}"
    );
    assert!(
        p.iter()
            .any(|(path, m)| path == "facts[1]" && m.contains("no likelihood for b")),
        "{p:?}"
    );
    s.format_version = 2;
    let p: Vec<String> = validate(&s).into_iter().map(|p| p.message).collect();
    assert!(
        p.iter().any(|m| m.starts_with("facts is a format version 3 field")),
        "{p:?}"
    );
}
