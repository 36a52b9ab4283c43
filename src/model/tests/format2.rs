//! Format version 2 worked out by hand on the tiny scenario: outcome drivers, linear values,
//! horizon years, cycles, migration, plain units, the verdict and the gap.

use super::{close, effect, tiny};
use crate::model::evaluate::EvaluationCache;
use crate::model::evaluate::Model;
use crate::model::scenario::*;

/// The tiny scenario in format version 2 with a chain of outcome drivers: harm near drives gain
/// near under every hypothesis, and gain near drives gain long under B. The second is listed
/// first, so only the dependency order gets it right.
fn tiny_v2() -> Scenario {
    // Drivers instead of levers, and version 2's own value scale and horizon weighting.
    let mut s = tiny().to_current_version();
    s.value_scale = None;
    s.horizon_weighting = None;
    let mut long = effect("gain", "long", Some("B"), "x", Curve::Linear(0.5));
    long.lever = None;
    long.driver = Some(Driver::Outcome("gain".into(), "near".into()));
    let mut near = effect("gain", "near", None, "x", Curve::Linear(-2.0));
    near.lever = None;
    near.driver = Some(Driver::Outcome("harm".into(), "near".into()));
    s.effects.insert(0, long);
    s.effects.push(near);
    s
}

#[test]
fn outcome_drivers_are_read_in_dependency_order_after_their_limits() {
    let s = tiny_v2();
    let m = Model::new(&s).expect("valid");
    let mut y = vec![0.0; 12];
    m.evaluate_into(&[4.0, 5.0], &mut y);
    // A: harm near 5 - 4 = 1, so gain near 50 - 2 * 1 = 48; gain long has no effect under A.
    assert_eq!(&y[0..4], &[1.0, 13.0, 48.0, 50.0]);
    // B1: harm near 7 - 4 + 4 = 7, gain near 50 - 14 = 36, gain long 50 + 0.5 * 36 = 68.
    assert_eq!(&y[4..8], &[7.0, 5.0, 36.0, 68.0]);
    // B2: gain long 40 (its own baseline 20 plus the z effect) + 18.
    assert_eq!(&y[8..12], &[7.0, 5.0, 36.0, 58.0]);
    // A harm near 5 - 10 = -5 is clamped to 0 before it drives gain near: 50, not 60.
    m.evaluate_into(&[10.0, 0.0], &mut y);
    assert_eq!((y[0], y[2]), (0.0, 50.0));
    // Each part of an outcome-driven effect, leaf by leaf.
    let c = m.contributions(&[4.0, 5.0], m.cell(1, 0));
    let driven = c
        .iter()
        .find(|c| c.effect == s.effects.len() - 1)
        .expect("the harm-driven effect");
    assert_eq!(driven.values, vec![-2.0, -14.0, -14.0]);
    assert_eq!((driven.low, driven.high), (-28.0, -1.0));
}

#[test]
fn version_2_values_are_linear_and_horizons_count_their_years() {
    let s = tiny_v2();
    let m = Model::new(&s).expect("valid");
    // harm long 13 under A is past its worst (10): -0.3, not 0 as in version 1.
    close(m.normalised(0, 13.0), -0.3);
    close(Model::new(&tiny()).expect("valid").normalised(0, 13.0), 0.0);
    // near covers year 1, long years 2 to 5.
    assert_eq!(m.taus(&[1.0, 1.0], 0.0), vec![1.0, 4.0]);
    assert_eq!(m.taus(&[2.0, 0.5], 0.0), vec![2.0, 2.0]);
    let r: f64 = 0.1;
    let long: f64 = (1..=4).map(|k| (1.0 + r).powi(-k)).sum();
    let taus = m.taus(&[1.0, 1.0], r);
    close(taus[0], 1.0);
    close(taus[1], long);
    // Version 1: the weights as given.
    assert_eq!(
        Model::new(&tiny()).expect("valid").taus(&[1.0, 1.0], 0.1),
        vec![1.0, 1.0]
    );
    // A part year counts its part: 0.5 to 2 years is half of year 1 and all of year 2.
    close(crate::model::evaluate::discounted_years(0.5, 2.0, r), 0.5 + 1.0 / 1.1);
}

#[test]
fn a_cycle_of_drivers_is_refused_naming_its_cells() {
    let mut s = tiny_v2();
    let mut back = effect("harm", "near", None, "x", Curve::Linear(0.1));
    back.lever = None;
    back.driver = Some(Driver::Outcome("gain".into(), "long".into()));
    s.effects.push(back);
    let problems = crate::model::validate::validate(&s);
    let cycle = problems
        .iter()
        .find(|p| p.message.contains("cycle"))
        .unwrap_or_else(|| panic!("{problems:?}"));
    for cell in ["harm/near", "gain/near", "gain/long"] {
        assert!(cycle.message.contains(cell), "{}", cycle.message);
    }
    assert!(cycle.path.starts_with("effects["), "{}", cycle.path);
}

#[test]
fn fields_of_the_other_version_are_refused() {
    let mut s = tiny();
    s.effects[0].driver = Some(Driver::Lever("x".into()));
    s.effects[0].lever = None;
    s.numeraire = Some("harm".into());
    let problems = crate::model::validate::validate(&s);
    assert!(
        problems
            .iter()
            .any(|p| p.message.contains("driver is a format version 2 field")),
        "{problems:?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.message.contains("numeraire is a format version 2 field")),
        "{problems:?}"
    );
    let mut s = tiny_v2();
    s.effects[1].lever = Some("x".into());
    s.effects[1].driver = None;
    let problems = crate::model::validate::validate(&s);
    assert!(
        problems
            .iter()
            .any(|p| p.message.contains("write driver: Lever(\"x\")")),
        "{problems:?}"
    );
}

#[test]
fn a_version_1_scenario_in_the_current_format_evaluates_exactly_as_before() {
    let old = tiny();
    let new = old.to_current_version();
    // Nothing of version 3 is used, so it is written as version 2.
    assert_eq!(new.format_version, 2);
    assert!(new.effects.iter().all(|e| e.lever.is_none() && e.driver.is_some()));
    let (a, b) = (Model::new(&old).expect("valid"), Model::new(&new).expect("valid"));
    for x in [[0.0, 0.0], [4.0, 5.0], [10.0, 10.0]] {
        let (mut ya, mut yb) = (vec![0.0; 12], vec![0.0; 12]);
        a.evaluate_into(&x, &mut ya);
        b.evaluate_into(&x, &mut yb);
        assert_eq!(ya, yb);
        let (mut ua, mut ub) = (vec![0.0; 3], vec![0.0; 3]);
        let (ta, tb) = (a.taus(&[1.0, 2.0], 0.05), b.taus(&[1.0, 2.0], 0.05));
        a.utilities_into(
            &ya,
            &[1.0, 1.0],
            &ta,
            a.weight_total(&[1.0, 1.0], &ta).expect("w"),
            &mut ua,
        );
        b.utilities_into(
            &yb,
            &[1.0, 1.0],
            &tb,
            b.weight_total(&[1.0, 1.0], &tb).expect("w"),
            &mut ub,
        );
        assert_eq!(ua, ub);
    }
}

#[test]
fn retired_ids_and_yardsticks_are_checked() {
    let mut s = tiny_v2();
    s.renamed.insert("harm".into(), None);
    s.renamed.insert("old".into(), Some("missing".into()));
    s.numeraire = Some("nope".into());
    let problems = crate::model::validate::validate(&s);
    let text = format!("{problems:?}");
    assert!(text.contains("\\\"harm\\\" is still an id"), "{text}");
    assert!(text.contains("which is not an id"), "{text}");
    assert!(text.contains("unknown outcome \\\"nope\\\""), "{text}");
    s.renamed.clear();
    s.numeraire = Some("gain".into());
    s.outcomes[1].role = Role::Mechanism;
    let problems = crate::model::validate::validate(&s);
    assert!(format!("{problems:?}").contains("is a mechanism"), "{problems:?}");
}

#[test]
fn a_preset_for_an_older_revision_is_migrated_with_notices() {
    use crate::model::preset::ScenarioRef;
    use crate::model::settings::Settings;
    let mut s = tiny_v2();
    s.revision = 2;
    s.renamed.insert("y".into(), Some("z".into()));
    s.renamed.insert("C".into(), None);
    s.numeraire = Some("gain".into());
    let mut p = crate::model::preset::Preset::from_settings(
        &Settings::defaults(&s),
        &s,
        "old",
        "",
        ScenarioRef::Shipped("tiny".into()),
    );
    p.levers.remove("z");
    p.levers.insert("y".into(), 7.0);
    p.credences.insert("C".into(), 3.0);
    p.numeraire = Some("y".into());
    let (settings, notices) = p.settings_migrating(&s).expect("migrates");
    assert_eq!(settings.levers, vec![2.0, 7.0], "y's value now sets z");
    assert_eq!(notices.len(), 3, "{notices:?}");
    assert!(
        notices[0].contains("\"C\" was dropped: the scenario retired it"),
        "{notices:?}"
    );
    assert!(notices[1].contains("\"y\" now applies to \"z\""), "{notices:?}");
    // y is no outcome: the scenario's own yardstick is used.
    assert!(notices[2].contains("yardstick \"y\" was dropped"), "{notices:?}");
    assert_eq!(settings.yardstick(&s), Some(1));
}

#[test]
fn a_utility_difference_reads_in_yardstick_units() {
    use crate::model::settings::Settings;
    use crate::model::units::{Units, UnitsError};
    let mut s = tiny_v2();
    s.numeraire = Some("harm".into());
    let m = Model::new(&s).expect("valid");
    let settings = Settings::defaults(&s);
    let u = Units::of(&s, &m, &settings).expect("units");
    // Weights 1 and 1; harm's scale 10, gain's 100: a utility point is 2 * 10 / 1 = 20 harm,
    // and one gain is worth (1 / 100) / (1 / 10) = 0.1 harm.
    close(u.per_utility, 20.0);
    close(u.rates[0], 1.0);
    close(u.rates[1], 0.1);
    // One more unit of harm at every horizon under A costs exactly one harm of utility.
    let mut y = vec![0.0; 12];
    m.evaluate_into(&[4.0, 5.0], &mut y);
    let taus = settings.taus(&m);
    let total = m.weight_total(&settings.value_weights, &taus).expect("weights");
    let (mut before, mut after) = (vec![0.0; 3], vec![0.0; 3]);
    m.utilities_into(&y, &settings.value_weights, &taus, total, &mut before);
    y[0] += 1.0;
    y[1] += 1.0;
    m.utilities_into(&y, &settings.value_weights, &taus, total, &mut after);
    close(u.of_utility(after[0] - before[0]), -1.0);
    // Setting a rate sets the weight: gain worth 0.5 harm needs weight 5.
    close(u.weight_for_rate(&m, &settings, 1, 0.5), 5.0);
    let mut heavier = settings.clone();
    heavier.value_weights[1] = 5.0;
    close(Units::of(&s, &m, &heavier).expect("units").rates[1], 0.5);
    // A yardstick that counts for nothing measures nothing.
    heavier.value_weights[0] = 0.0;
    assert_eq!(Units::of(&s, &m, &heavier), Err(UnitsError::WeightZero("harm".into())));
}

#[test]
fn the_band_of_a_driven_outcome_holds_every_value_its_drivers_allow() {
    let m = Model::new(&tiny_v2()).expect("valid");
    let (mut lo, mut hi, mut y) = (vec![0.0; 12], vec![0.0; 12], vec![0.0; 12]);
    m.evaluate_bounds_into(&[4.0, 5.0], &mut lo, &mut hi);
    m.evaluate_into(&[4.0, 5.0], &mut y);
    // A harm near: 5 - 4 * (0.5 .. 2) = 3 .. -3, clamped at 0: 0 .. 3.
    assert_eq!((lo[0], hi[0]), (0.0, 3.0));
    // A gain near: 50 + (-2 * harm in 0 .. 3 = -6 .. 0) * (0.5 .. 2) = 38 .. 50; central 48.
    assert_eq!((lo[2], hi[2]), (38.0, 50.0));
    for i in 0..12 {
        assert!(
            lo[i] <= y[i] && y[i] <= hi[i],
            "cell {i}: {} <= {} <= {}",
            lo[i],
            y[i],
            hi[i]
        );
    }
}

#[test]
fn the_gap_between_two_policies_is_the_sum_of_its_parts() {
    use crate::model::explain::gap;
    use crate::model::settings::Settings;
    let mut s = tiny_v2();
    s.numeraire = Some("harm".into());
    let m = Model::new(&s).expect("valid");
    let settings = Settings::defaults(&s);
    let rep = crate::model::summary::report(&s, &m, &settings, &mut EvaluationCache::default()).expect("report");
    let (p1, p2) = (&rep.candidates[0].levers, &rep.candidates[1].levers);
    let parts = gap(&m, &settings, p2, p1).expect("gap");
    let sum: f64 = parts.iter().map(|p| p.utility).sum();
    close(sum, rep.analysis.expected_utility[1] - rep.analysis.expected_utility[0]);
    // Largest first; each part's levels are the expected outcome under each policy.
    assert!(parts.windows(2).all(|w| w[0].utility.abs() >= w[1].utility.abs()));
    let w = m.leaf_weights(&settings.credences).expect("weights");
    let mut y = vec![0.0; 12];
    m.evaluate_into(p2, &mut y);
    for part in &parts {
        close(part.levels.0, m.expected(&w, &y, m.cell(part.outcome, part.horizon)));
    }
}

#[test]
fn the_verdict_says_who_wins_by_how_much_and_what_would_change_it() {
    use crate::model::explain::{amount, verdict};
    use crate::model::settings::Settings;
    let mut s = tiny_v2();
    s.numeraire = Some("harm".into());
    let m = Model::new(&s).expect("valid");
    let settings = Settings::defaults(&s);
    let rep = crate::model::summary::report(&s, &m, &settings, &mut EvaluationCache::default()).expect("report");
    let lines = verdict(&s, &rep);
    let a = &rep.analysis;
    let best = &rep.candidates[a.best].name;
    assert!(
        lines[0].starts_with(&format!("{best} is best for these beliefs, ahead of ")),
        "{lines:?}"
    );
    let units = rep.units.as_ref().expect("units");
    let r = crate::model::explain::runner_up(&rep).expect("a runner-up");
    let lead = units.of_utility(a.expected_utility[a.best] - a.expected_utility[r]);
    assert!(
        lines[0].ends_with(&format!("by the equivalent of {}.", amount(lead, "u"))),
        "{lines:?}"
    );
    assert_eq!(amount(0.4, "attacks/year"), "0.40 attacks a year");
    assert_eq!(amount(12.0, "$bn/year"), "$12.0bn a year");
    // With all credence on one leaf the motive cannot matter.
    let mut sure = settings.clone();
    sure.credences = vec![1.0, 0.0, 0.0, 0.0];
    let rep = crate::model::summary::report(&s, &m, &sure, &mut EvaluationCache::default()).expect("report");
    let lines = verdict(&s, &rep);
    assert!(
        lines[1].starts_with("The motive does not matter for this choice"),
        "{lines:?}"
    );
}
