//! The lead's parts and the value flip points worked out by hand.
//!
//! Two outcomes over one year: attacks (worst 10, best 0) and cost (worst 100, best 0), weighed
//! 1 each. "Hard" gives 2 attacks at 60, "soft" 5 attacks at 10: values (0.8, 0.4) and (0.5,
//! 0.9), so `N_hard = 1.2 < N_soft = 1.4` and soft is best.

use crate::model::evaluate::{EvaluationCache, Model};
use crate::model::lead::{lead_parts, value_flips};
use crate::model::scenario::Scenario;
use crate::model::settings::Settings;
use crate::model::summary::report;

fn hard_or_soft() -> Scenario {
    let text = r#"(
    format_version: 2, id: "hs", title: "Hard or soft",
    hypotheses: [(id: "h", name: "H", prior: 1.0)],
    levers: [(id: "hard", name: "Hard", unit: "", min: 0.0, max: 1.0, step: 1.0, default: 0.0)],
    outcomes: [
        (id: "attacks", name: "Attacks", unit: "attacks/year", better: Lower, worst: 10.0, best: 0.0),
        (id: "cost", name: "Cost", unit: "$bn/year", better: Lower, worst: 100.0, best: 0.0),
    ],
    horizons: [(id: "t", name: "T", years: 1.0)],
    baselines: [
        (outcome: "attacks", horizon: "t", value: 5.0, note: ""),
        (outcome: "cost", horizon: "t", value: 10.0, note: ""),
    ],
    effects: [
        (outcome: "attacks", horizon: "t", driver: Lever("hard"), curve: Linear(-3.0), range: (1.0, 1.0), note: "assumption"),
        (outcome: "cost", horizon: "t", driver: Lever("hard"), curve: Linear(50.0), range: (1.0, 1.0), note: "assumption"),
    ],
    policies: [(id: "hard", name: "Hard", levers: {"hard": 1.0}), (id: "soft", name: "Soft", levers: {"hard": 0.0})],
    numeraire: Some("attacks"),
)"#;
    ron::from_str(text).expect("test scenario parses")
}

#[test]
fn the_lead_adds_up_from_its_parts() {
    let s = hard_or_soft();
    let model = Model::new(&s).expect("valid");
    let settings = Settings::defaults(&s);
    let r = report(&s, &model, &settings, &mut EvaluationCache::default()).expect("report");
    let (best, runner, parts) = lead_parts(&model, &settings, &r)
        .expect("weights")
        .expect("a runner-up");
    assert_eq!(
        (r.candidates[best].id.as_str(), r.candidates[runner].id.as_str()),
        ("soft", "hard")
    );
    // Cost: (0.9 - 0.4) / 2 = +0.25; attacks: (0.5 - 0.8) / 2 = -0.15; the lead 0.1. In attacks a
    // year (x 10 x 2 / 1): +5 and -3, the lead 2.
    assert_eq!((parts[0].outcome, parts[1].outcome), (1, 0));
    assert!((parts[0].utility - 0.25).abs() < 1e-12 && (parts[1].utility + 0.15).abs() < 1e-12);
    let units = r.units.as_ref().expect("a yardstick");
    assert!((units.of_utility(parts[0].utility) - 5.0).abs() < 1e-9);
    let lead: f64 = parts.iter().map(|p| p.utility).sum();
    assert!((lead - (r.analysis.expected_utility[best] - r.analysis.expected_utility[runner])).abs() < 1e-12);
}

#[test]
fn value_flips_are_where_another_candidate_is_best() {
    let s = hard_or_soft();
    let model = Model::new(&s).expect("valid");
    let settings = Settings::defaults(&s);
    let r = report(&s, &model, &settings, &mut EvaluationCache::default()).expect("report");
    let flips = value_flips(&model, &settings, &r.candidates, r.analysis.best).expect("weights");
    // Attacks weighed x: hard - soft = 0.3 x - 0.5, zero at x = 5/3; above it hard is best.
    let attacks = flips[0];
    assert!(attacks.down.is_none());
    let (x, to) = attacks.up.expect("a flip up");
    assert!(
        (x - 5.0 / 3.0).abs() < 1e-12 && r.candidates[to].id == "hard",
        "{attacks:?}"
    );
    // Cost weighed y: hard - soft = 0.3 - 0.5 y, zero at y = 0.6; below it hard is best (one
    // $bn then worth 0.06 attacks instead of 0.1).
    let (y, to) = flips[1].nearest().expect("a flip");
    assert!(
        (y - 0.6).abs() < 1e-12 && r.candidates[to].id == "hard",
        "{:?}",
        flips[1]
    );
    // At the flip the two are level.
    let mut at = settings.clone();
    at.value_weights[1] = y;
    let r = report(&s, &model, &at, &mut EvaluationCache::default()).expect("report");
    let eu = &r.analysis.expected_utility;
    assert!((eu[0] - eu[1]).abs() < 1e-12, "{eu:?}");
}

#[test]
fn the_verdict_says_where_the_lead_comes_from_in_words() {
    use crate::model::lead::{lead_sentences, parts_sentence, values_flip_sentence, your_settings_sentence};
    let s = hard_or_soft();
    let model = Model::new(&s).expect("valid");
    let mut settings = Settings::defaults(&s);
    let r = report(&s, &model, &settings, &mut EvaluationCache::default()).expect("report");
    // The parts above, by outcome, in attacks a year: cost +5 for soft, attacks -3 against it.
    let (_, _, parts) = lead_parts(&model, &settings, &r)
        .expect("weights")
        .expect("a runner-up");
    assert_eq!(
        parts_sentence(&s, &r, &parts).as_deref(),
        Some(
            "Where its lead of 2.00 attacks a year comes from: for it, \u{201c}Cost\u{201d} +5.00; against it, \u{201c}Attacks\u{201d} -3.00."
        )
    );
    // A $bn is worth (1/100)/(1/10) = 0.1 attacks; at the flip weight 0.6, 0.06.
    let flips = value_flips(&model, &settings, &r.candidates, r.analysis.best).expect("weights");
    assert_eq!(
        values_flip_sentence(&s, &r, &flips[1..]).as_deref(),
        Some(
            "Values flip point: with each \u{201c}Cost\u{201d} worth 0.0600 attacks instead of 0.100 attacks (weight 0.600 instead of 1.00), Hard would be best."
        )
    );
    // The yardstick's own weight is said as a weight: 5/3.
    assert_eq!(
        values_flip_sentence(&s, &r, &flips[..1]).as_deref(),
        Some(
            "Values flip point: with \u{201c}Attacks\u{201d} at weight 1.67 instead of 1.00 against the other outcomes, Hard would be best."
        )
    );
    // The current settings are soft's, the best: nothing to say; set to hard's, 2 attacks worse.
    assert_eq!(your_settings_sentence(&r), None);
    assert_eq!(lead_sentences(&s, &model, &settings, &r).len(), 2);
    settings.levers = vec![1.0];
    let r = report(&s, &model, &settings, &mut EvaluationCache::default()).expect("report");
    assert_eq!(
        your_settings_sentence(&r).as_deref(),
        Some("Your settings (Hard): 2.00 attacks a year worse than the best.")
    );
}
