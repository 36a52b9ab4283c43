//! Credence codes and the class's pools against numbers worked out by hand.

use super::*;
use crate::model::evaluate::Model;
use crate::model::scenario::Scenario;
use crate::model::settings::Settings;
use proptest::prelude::*;

/// Why (a; b with sub-hypotheses b1, b2) and how (x, y).
fn nested() -> Scenario {
    let text = r#"(
    format_version: 3, id: "nested", title: "Nested",
    questions: [(id: "why", name: "Why?"), (id: "how", name: "How?")],
    hypotheses: [
        (id: "a", name: "A", prior: 1.0),
        (id: "b", name: "B", prior: 1.0),
        (id: "b1", name: "B1", prior: 1.0, parent: Some("b")),
        (id: "b2", name: "B2", prior: 1.0, parent: Some("b")),
        (id: "x", name: "X", prior: 1.0, question: Some("how")),
        (id: "y", name: "Y", prior: 1.0, question: Some("how")),
    ],
    levers: [(id: "l", name: "L", unit: "", min: 0.0, max: 1.0, step: 1.0, default: 0.0)],
    outcomes: [(id: "gain", name: "Gain", unit: "u", better: Higher, worst: 0.0, best: 10.0)],
    horizons: [(id: "t", name: "T", years: 1.0)],
    baselines: [(outcome: "gain", horizon: "t", value: 0.0, note: "")],
    effects: [(outcome: "gain", horizon: "t", driver: Lever("l"), curve: Linear(4.0), range: (1.0, 1.0), note: "assumption")],
    policies: [(id: "p", name: "P", levers: {"l": 1.0})],
)"#;
    ron::from_str(text).expect("test scenario parses")
}

fn paris() -> Scenario {
    let text = crate::io::shipped_scenario_text("paris-2015").expect("shipped");
    ron::from_str(text).expect("parses")
}

/// A code of the nested scenario with these percentages (a, b, b1, b2, x, y).
fn code(p: [u8; 6]) -> String {
    Code {
        scenario: "nested".to_owned(),
        percent: p.to_vec(),
    }
    .text()
}

#[test]
fn the_paris_defaults_have_the_code_worked_out_by_hand() {
    let s = paris();
    let m = Model::new(&s).expect("valid");
    let c = Code::of(&s, &m, &Settings::defaults(&s).credences);
    // Six motives at 1/6 (17% = "0H"), four sub-motives at 25% ("0S"), three answers of how at
    // 33% ("11"); the check sum_i (i + 1) x_i mod 1021 over 1, the id's bytes and the shares is
    // 924 = 28 x 32 + 28, "WW".
    assert_eq!(c.text(), "ML1-paris-2015-0H0H0H0H0H0H0S0S0S0S111111-WW");
    assert_eq!(Code::parse(&c.text()), Ok(c.clone()));
    // Letters in either case, O for 0 and spaces around are read the same.
    assert_eq!(Code::parse(" ml1-paris-2015-OhOh0h0h0h0h0s0s0s0s111111-ww\n"), Ok(c));
}

#[test]
fn slips_are_refused_with_what_is_wrong() {
    let s = nested();
    let good = code([50, 50, 100, 0, 100, 0]);
    assert!(matches!(Code::parse("hello"), Err(CodeError::Malformed(_))));
    assert!(matches!(Code::parse(&good.replacen("ML1", "ML2", 1)), Err(CodeError::Version(v)) if v == "2"));
    assert_eq!(
        Code::parse(&good.replacen("-1J", "-UJ", 1).replace("1J", "UJ")),
        Err(CodeError::Character('U'))
    );
    // 3Z reads 127%.
    let over = format!("ML1-nested-3Z{}", &good["ML1-nested-1J".len()..]);
    assert_eq!(Code::parse(&over), Err(CodeError::Share(127)));
    let other = Code {
        scenario: "paris-2015".to_owned(),
        percent: vec![50; 6],
    };
    assert_eq!(
        Code::parse(&other.text()).and_then(|c| c.credences(&s)),
        Err(CodeError::OtherScenario("paris-2015".to_owned()))
    );
    let short = Code {
        scenario: "nested".to_owned(),
        percent: vec![50; 4],
    };
    assert_eq!(
        Code::parse(&short.text()).and_then(|c| c.credences(&s)),
        Err(CodeError::Hypotheses { found: 4, expected: 6 })
    );
    let class = Class::read(&s, &format!("# period 3\n{good}, {}\n\n{}  junk", other.text(), good));
    assert_eq!(class.len(), 2);
    assert_eq!(class.refused.len(), 2);
    assert_eq!(class.other_scenario, 1);
    // Codes run together (a paste that lost its line breaks) are read one by one.
    let run = Class::read(&s, &format!("{good}{good}{}", other.text().to_lowercase()));
    assert_eq!((run.len(), run.refused.len(), run.other_scenario), (2, 1, 1));
}

proptest! {
    /// Any one character of a code mistyped as another of the alphabet (or a neighbouring pair
    /// swapped) is refused, never read as other credences.
    #[test]
    fn a_slip_is_never_read_as_other_credences(p in proptest::collection::vec(0u8..=100, 6), at in 0usize..64, with in 0usize..32) {
        let text = code(p.clone().try_into().expect("six"));
        let body = "ML1-nested-".len();
        let at = body + at % (text.len() - body);
        let alphabet = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        let mut typo = text.clone().into_bytes();
        if typo[at] != b'-' && typo[at] != alphabet[with] {
            typo[at] = alphabet[with];
            let typo = String::from_utf8(typo).expect("ascii");
            prop_assert!(Code::parse(&typo).is_err(), "{text} -> {typo}");
        }
        let mut swapped = text.clone().into_bytes();
        if at + 1 < swapped.len() && swapped[at] != swapped[at + 1] && swapped[at] != b'-' && swapped[at + 1] != b'-' {
            swapped.swap(at, at + 1);
            let swapped = String::from_utf8(swapped).expect("ascii");
            prop_assert!(Code::parse(&swapped).is_err(), "{text} -> {swapped}");
        }
    }

    /// Codes of any credences read back to their percentages, and the credences they give
    /// round to the same code.
    #[test]
    fn codes_round_trip(c in proptest::collection::vec(0.0f64..10.0, 6)) {
        let s = nested();
        let m = Model::new(&s).expect("valid");
        let mut c = c;
        c[0] += 0.1;
        c[4] += 0.1;
        let code = Code::of(&s, &m, &c);
        let back = Code::parse(&code.text()).expect("reads");
        prop_assert_eq!(&back, &code);
        let again = Code::of(&s, &m, &back.credences(&s).expect("same scenario"));
        prop_assert_eq!(again.text(), code.text());
    }
}

#[test]
fn pools_of_three_students_worked_out_by_hand() {
    let s = nested();
    let m = Model::new(&s).expect("valid");
    let class = Class::read(
        &s,
        &[
            code([50, 50, 100, 0, 100, 0]),
            code([0, 100, 50, 50, 50, 50]),
            code([20, 80, 25, 75, 0, 100]),
        ]
        .join("\n"),
    );
    assert_eq!(class.len(), 3);
    let pools = pool(&m, &class.credences);
    let why = &pools[0];
    assert_eq!(why.leaves, [0, 2, 3]);
    // Leaves a, b1, b2: (0.5, 0.5, 0), (0, 0.5, 0.5), (0.2, 0.2, 0.6).
    let close = |a: &[f64], b: &[f64]| a.iter().zip(b).all(|(x, y)| (x - y).abs() < 1e-12);
    assert!(close(&why.students[2], &[0.2, 0.2, 0.6]), "{:?}", why.students);
    assert!(
        close(&why.linear, &[0.7 / 3.0, 1.2 / 3.0, 1.1 / 3.0]),
        "{:?}",
        why.linear
    );
    // Geometric means with 0 read as 0.005: (0.0005)^(1/3), (0.05)^(1/3), (0.0015)^(1/3),
    // normalised.
    assert!(
        close(
            &why.log,
            &[
                0.141_166_404_847_208_44,
                0.655_236_408_420_063_6,
                0.203_597_186_732_728_03
            ]
        ),
        "{:?}",
        why.log
    );
    assert!(close(
        &[why.spread[0].0, why.spread[0].1, why.spread[0].2],
        &[0.0, 0.2, 0.5]
    ));
    // How: x 1, 0.5, 0: both pools split evenly.
    assert!(close(&pools[1].linear, &[0.5, 0.5]) && close(&pools[1].log, &[0.5, 0.5]));
    // Brier: student 3 on b2, (1 - 0.6)^2 + 0.2^2 + 0.2^2 = 0.24; student 1 on b (b1 and b2 as
    // one outcome), (1 - 0.5)^2 + 0.5^2 = 0.5.
    assert!((brier(&m, &why.leaves, &why.students[2], 3) - 0.24).abs() < 1e-12);
    assert!((brier(&m, &why.leaves, &why.students[0], 1) - 0.5).abs() < 1e-12);
    // The linear pool as credences: a 0.7/3, b 2.3/3, b1 1.2/3, b2 1.1/3 (b's children share
    // 12:11), x and y 1/2.
    let c = credences_from(&m, &pools, |p| &p.linear);
    assert!(
        close(&c, &[0.7 / 3.0, 2.3 / 3.0, 1.2 / 3.0, 1.1 / 3.0, 0.5, 0.5]),
        "{c:?}"
    );
}

#[test]
fn the_mean_students_brier_score_is_never_better_than_the_linear_pools() {
    // Brier is convex in the probabilities: the pool's score is at most the mean score.
    let s = nested();
    let m = Model::new(&s).expect("valid");
    let class = Class::read(
        &s,
        &[code([90, 10, 50, 50, 50, 50]), code([10, 90, 80, 20, 50, 50])].join(" "),
    );
    let why = &pool(&m, &class.credences)[0];
    for answer in [0, 1, 2, 3] {
        let mean = why
            .students
            .iter()
            .map(|p| brier(&m, &why.leaves, p, answer))
            .sum::<f64>()
            / 2.0;
        assert!(brier(&m, &why.leaves, &why.linear, answer) <= mean + 1e-12);
    }
}
