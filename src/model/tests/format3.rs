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

/// Two questions: why (a prior 1, b prior 3: weights 1/4, 3/4) and how (d, o at 1/2 each), so
/// the joint leaves a&d, a&o, b&d, b&o weigh 1/8, 1/8, 3/8, 3/8. Gain (0 worst, 10 best) has
/// baseline 2 where d holds (a key of the how question), 0 elsewhere; lever x adds 4 under a
/// and 6 when b and d both hold; lever y adds 3 everywhere. X = (x 1, y 0), Y = (x 0, y 1).
fn two_questions() -> Scenario {
    let text = r#"(
    format_version: 3, id: "two", title: "Two questions",
    questions: [(id: "why", name: "Why?"), (id: "how", name: "How?")],
    hypotheses: [
        (id: "a", name: "A", prior: 1.0),
        (id: "b", name: "B", prior: 3.0),
        (id: "d", name: "D", prior: 1.0, question: Some("how")),
        (id: "o", name: "O", prior: 1.0, question: Some("how")),
    ],
    levers: [
        (id: "x", name: "X", unit: "", min: 0.0, max: 1.0, step: 1.0, default: 0.0),
        (id: "y", name: "Y", unit: "", min: 0.0, max: 1.0, step: 1.0, default: 0.0),
    ],
    outcomes: [(id: "gain", name: "Gain", unit: "u", better: Higher, worst: 0.0, best: 10.0)],
    horizons: [(id: "t", name: "T", years: 1.0)],
    baselines: [(outcome: "gain", horizon: "t", value: 0.0, by_hypothesis: {"d": 2.0}, note: "")],
    effects: [
        (outcome: "gain", horizon: "t", hypothesis: Some("a"), driver: Lever("x"), curve: Linear(4.0), range: (1.0, 1.0), note: "assumption"),
        (outcome: "gain", horizon: "t", when: ["b", "d"], driver: Lever("x"), curve: Linear(6.0), range: (1.0, 1.0), note: "assumption"),
        (outcome: "gain", horizon: "t", driver: Lever("y"), curve: Linear(3.0), range: (1.0, 1.0), note: "assumption"),
    ],
    policies: [(id: "x", name: "X", levers: {"x": 1.0}), (id: "y", name: "Y", levers: {"y": 1.0})],
)"#;
    ron::from_str(text).expect("test scenario parses")
}

fn analysed(s: &Scenario) -> (Model, crate::model::summary::Report) {
    let model = Model::new(s).expect("valid");
    let settings = Settings::defaults(s);
    let mut cache = crate::model::evaluate::EvaluationCache::default();
    let report = crate::model::summary::report(s, &model, &settings, &mut cache).expect("report");
    (model, report)
}

#[test]
fn joint_leaves_multiply_the_questions_weights() {
    let s = two_questions();
    let (model, _) = analysed(&s);
    let ids: Vec<String> = (0..model.n_leaves()).map(|l| model.leaf_id(&s, l)).collect();
    assert_eq!(ids, ["a&d", "a&o", "b&d", "b&o"]);
    let w = model.leaf_weights(&[1.0, 3.0, 1.0, 1.0]).expect("weights");
    for (x, want) in w.iter().zip([0.125, 0.125, 0.375, 0.375]) {
        assert!((x - want).abs() < 1e-12, "{w:?}");
    }
    // Gain under X: a&d 2 + 4, a&o 4, b&d 2 + 6, b&o 0; under Y: 2 + 3, 3, 2 + 3, 3.
    let mut out = vec![0.0; model.n_leaves()];
    model.evaluate_into(&[1.0, 0.0], &mut out);
    assert_eq!(out, [6.0, 4.0, 8.0, 0.0]);
    model.evaluate_into(&[0.0, 1.0], &mut out);
    assert_eq!(out, [5.0, 3.0, 5.0, 3.0]);
}

#[test]
fn the_value_of_answering_each_question_is_worked_by_hand() {
    let s = two_questions();
    let (model, report) = analysed(&s);
    let a = &report.analysis;
    // EU X = (0.6 + 0.4) / 8 + 3 (0.8 + 0) / 8 = 0.425; EU Y = 0.4. Knowing everything:
    // (0.6 + 0.4) / 8 + 3 (0.8 + 0.3) / 8 = 0.5375, so EVPI = 0.1125.
    assert!((a.expected_utility[0] - 0.425).abs() < 1e-12);
    assert!((a.expected_utility[1] - 0.4).abs() < 1e-12);
    assert!((a.evpi - 0.1125).abs() < 1e-12);
    // Why: given a, X 0.5 > Y 0.4; given b, X 0.4 = Y 0.4: 0.25 x 0.5 + 0.75 x 0.4 = 0.425,
    // nothing gained. How: given d, X 0.25 x 0.6 + 0.75 x 0.8 = 0.75 > Y 0.5; given o, X 0.1 <
    // Y 0.3: 0.5 x 0.75 + 0.5 x 0.3 = 0.525, worth 0.1.
    assert!(a.value_of_answering[0].abs() < 1e-12, "{:?}", a.value_of_answering);
    assert!(
        (a.value_of_answering[1] - 0.1).abs() < 1e-12,
        "{:?}",
        a.value_of_answering
    );
    let how = crate::model::questions::by_question(&model, &a.hypothesis_weights, &a.utility, 1);
    assert_eq!(how.answers, [2, 3]);
    assert!((how.utility(0, 0) - 0.75).abs() < 1e-12 && (how.utility(1, 1) - 0.3).abs() < 1e-12);
    assert!((how.regret(0, 1) - 0.2).abs() < 1e-12);
    let said = crate::model::explain::verdict(&s, &report).join(" ");
    assert!(said.contains("Answering \u{201c}How?\u{201d} would be worth"), "{said}");
    assert!(said.contains("answer \u{201c}How?\u{201d} first"), "{said}");
    // Flip point of d: EU_X - EU_Y = 0.25 c - 0.2 (1 - c) = 0 at c = 4/9, below today's 1/2.
    let d = &a.flip_points[2];
    let down = d.down.expect("a flip below");
    assert!((down.credence - 4.0 / 9.0).abs() < 1e-12 && down.to == 1, "{d:?}");
}

#[test]
fn question_mistakes_are_named() {
    let problems =
        |s: &Scenario| -> Vec<(String, String)> { validate(s).into_iter().map(|p| (p.path, p.message)).collect() };
    let mut s = two_questions();
    s.effects[1].when = vec!["b".into(), "d".into(), "o".into()];
    s.baselines[0].by_hypothesis.insert("a".into(), 1.0);
    let p = problems(&s);
    let has = |path: &str, text: &str| p.iter().any(|(x, m)| x == path && m.contains(text));
    assert!(
        has("effects[1].when", "\"d\" and \"o\" answer the same question"),
        "{p:?}"
    );
    assert!(
        has("baselines[0].by_hypothesis", "must all answer one question"),
        "{p:?}"
    );
    let mut s = two_questions();
    s.hypotheses[3].question = Some("who".into());
    s.hypotheses.push(Hypothesis {
        id: "a1".into(),
        name: "A1".into(),
        description: String::new(),
        source: String::new(),
        prior: 1.0,
        parent: Some("a".into()),
        question: Some("how".into()),
    });
    let p = problems(&s);
    let has = |path: &str, text: &str| p.iter().any(|(x, m)| x == path && m.contains(text));
    assert!(has("hypotheses[3].question", "unknown question \"who\""), "{p:?}");
    assert!(has("hypotheses[4].question", "answers its parent's question"), "{p:?}");
    let mut s = two_questions();
    s.hypotheses[2].prior = 0.0;
    s.hypotheses[3].prior = 0.0;
    assert!(
        problems(&s)
            .iter()
            .any(|(x, m)| x == "questions[1]" && m.contains("no top-level hypothesis with a positive prior"))
    );
    s.format_version = 2;
    assert!(
        problems(&s)
            .iter()
            .any(|(x, m)| x == "questions" && m.contains("format version 3"))
    );
}

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
