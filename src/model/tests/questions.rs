//! Format version 3's questions worked out by hand: joint leaves, `when`, the value of
//! answering each question, flip points, and the mistakes `check` names.

use crate::model::evaluate::Model;
use crate::model::scenario::*;
use crate::model::settings::Settings;
use crate::model::validate::validate;

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

#[test]
fn a_flip_from_all_of_a_question_keeps_the_other_questions_weights() {
    // why: a (credence 1), b (0); how: d (3), o (1). P pays 0.4 under a, 1 under b&d, 0 under
    // b&o; Q pays 0.5. At c = credence in a, EU_P = 0.4 c + (1 - c)(0.75 x 1 + 0.25 x 0): P
    // overtakes Q below c = 0.25 / 0.35 = 5/7 (b's answers weighted by how's 3:1, not equally).
    let text = r#"(
    format_version: 3, id: "flip", title: "Flip",
    questions: [(id: "why", name: "Why?"), (id: "how", name: "How?")],
    hypotheses: [
        (id: "a", name: "A", prior: 1.0), (id: "b", name: "B", prior: 0.0),
        (id: "d", name: "D", prior: 3.0, question: Some("how")), (id: "o", name: "O", prior: 1.0, question: Some("how")),
    ],
    levers: [(id: "p", name: "P", unit: "", min: 0.0, max: 1.0, step: 1.0, default: 0.0)],
    outcomes: [(id: "gain", name: "Gain", unit: "u", better: Higher, worst: 0.0, best: 1.0)],
    horizons: [(id: "t", name: "T", years: 1.0)],
    baselines: [(outcome: "gain", horizon: "t", value: 0.5, note: "")],
    effects: [
        (outcome: "gain", horizon: "t", hypothesis: Some("a"), driver: Lever("p"), curve: Linear(-0.1), range: (1.0, 1.0), note: "assumption"),
        (outcome: "gain", horizon: "t", when: ["b", "d"], driver: Lever("p"), curve: Linear(0.5), range: (1.0, 1.0), note: "assumption"),
        (outcome: "gain", horizon: "t", when: ["b", "o"], driver: Lever("p"), curve: Linear(-0.5), range: (1.0, 1.0), note: "assumption"),
    ],
    policies: [(id: "p", name: "P", levers: {"p": 1.0}), (id: "q", name: "Q", levers: {"p": 0.0})],
)"#;
    let s: Scenario = ron::from_str(text).expect("parses");
    let (_, report) = analysed(&s);
    let a = &report.analysis.flip_points[0];
    let down = a.down.expect("a flip below");
    assert!((down.credence - 5.0 / 7.0).abs() < 1e-12 && down.to == 0, "{a:?}");
}

#[test]
fn a_hypothesis_and_its_own_sub_hypothesis_may_both_be_conditions() {
    let mut s = two_questions();
    s.hypotheses.push(Hypothesis {
        id: "b1".into(),
        name: "B1".into(),
        description: String::new(),
        source: String::new(),
        prior: 1.0,
        parent: Some("b".into()),
        question: None,
    });
    s.effects[1].hypothesis = Some("b".into());
    s.effects[1].when = vec!["b1".into(), "d".into()];
    assert_eq!(validate(&s), vec![]);
}

#[test]
fn what_you_would_have_to_believe_moves_one_questions_credences() {
    // For Y: given d, X 0.75 against Y 0.5; given o, X 0.1 against 0.3. With o weighted t (why
    // as it is), EU_X - EU_Y = 0.25 - 0.45 t: Y is best above t = 5/9, 5.6 points from 1/2.
    // Why alone cannot do it (given b they are level, given a X leads).
    use crate::model::uncertainty::{Buffers, Design, study};
    let s = two_questions();
    let model = Model::new(&s).expect("valid");
    let settings = Settings::defaults(&s);
    let st = study(&s, &model, &settings, &Design::new(&s, 64, 1), &mut Buffers::default()).expect("study");
    let y = st.candidates.iter().position(|c| c.id == "y").expect("Y");
    let b = st.beliefs[y].as_ref().expect("a belief");
    assert!((b.distance - 2.0 * (5.0 / 9.0 - 0.5)).abs() < 1e-6, "{b:?}");
    // The weights factor: why stays at 1/4, 3/4; how moves to 4/9, 5/9; and Y is then best.
    let c = crate::model::evidence::credences_for(&model, &b.weights);
    assert!((c[0] - 0.25).abs() < 1e-9 && (c[3] - 5.0 / 9.0).abs() < 1e-6, "{c:?}");
    let mut at = settings.clone();
    at.credences = c;
    let (_, r) = {
        let mut cache = crate::model::evaluate::EvaluationCache::default();
        (
            0,
            crate::model::summary::report(&s, &model, &at, &mut cache).expect("report"),
        )
    };
    let eu = &r.analysis.expected_utility;
    assert!(eu[1] > eu[0], "{eu:?}");
}

#[test]
fn a_tornado_bar_moves_one_question_and_keeps_the_others() {
    // a (1/4) moved to 0.45: a&d and a&o get 0.45 x 1/2 each, b's 0.55 x 1/2; with a at 0
    // (all of why on b; how at 3:1), moving it to 0.2 gives a&d 0.15 and a&o 0.05, how kept.
    let s = two_questions();
    let model = Model::new(&s).expect("valid");
    let w = model.leaf_weights(&[1.0, 3.0, 1.0, 1.0]).expect("weights");
    let x = crate::model::uncertainty::moved(&model, &w, 0, 0.45).expect("moves");
    for (got, want) in x.iter().zip([0.225, 0.225, 0.275, 0.275]) {
        assert!((got - want).abs() < 1e-12, "{x:?}");
    }
    let w = model.leaf_weights(&[0.0, 3.0, 3.0, 1.0]).expect("weights");
    let x = crate::model::uncertainty::moved(&model, &w, 0, 0.2).expect("moves");
    for (got, want) in x.iter().zip([0.15, 0.05, 0.6, 0.2]) {
        assert!((got - want).abs() < 1e-12, "{x:?}");
    }
}
