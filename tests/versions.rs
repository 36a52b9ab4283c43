//! Files of earlier versions keep working: the version 1 Paris scenario gives the numbers the
//! build before format 2 gave, and every preset shipped before the rebuild opens and evaluates
//! on the rebuilt scenario.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test stops at the first surprise"
)]

use motive_lab::io::{load_document, parse_document, preset_text};
use motive_lab::model::evaluate::EvaluationCache;
use motive_lab::model::evaluate::Model;
use motive_lab::model::summary::{Report, report};
use std::path::Path;

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

fn analyse(doc: &motive_lab::model::document::Document) -> Report {
    let model = Model::new(&doc.scenario).expect("valid");
    report(
        &doc.scenario,
        &model,
        &doc.state.settings,
        &mut EvaluationCache::default(),
    )
    .expect("report")
}

/// Printed by `motive-lab eval tests/fixtures/paris-2015-v1.ron --format json` built from
/// commit 331c02e, the last before format version 2.
const BEFORE: [(&str, f64, f64); 7] = [
    ("disengage", 0.613_199_845_679_012_3, 0.154_058_950_617_283_7),
    ("middle_course", 0.726_397_170_781_892_8, 0.016_658_333_333_333_44),
    ("article5_invasion", 0.553_830_891_065_917_2, 0.306_137_847_222_222_26),
    ("homeland_first", 0.720_274_125_514_403_3, 0.027_570_061_728_394_823),
    ("air_surge", 0.675_480_702_527_924_6, 0.066_299_074_074_074_1),
    ("fortress", 0.595_987_874_779_541_1, 0.178_029_850_088_183_4),
    ("current", 0.726_397_170_781_892_8, 0.016_658_333_333_333_44),
];

#[test]
fn the_version_1_scenario_gives_the_numbers_it_gave_before() {
    let doc = load_document(&fixture("paris-2015-v1.ron")).expect("a version 1 scenario still reads");
    assert_eq!(doc.scenario.format_version, 1);
    let r = analyse(&doc);
    assert!((r.analysis.evpi - 0.002_827_469_135_802_562_8).abs() < 1e-12);
    assert!((r.evaluation.expected_utility - 0.726_397_170_781_892_8).abs() < 1e-12);
    assert!((r.evaluation.expected[0] - 16.894_444_444_444_442).abs() < 1e-12);
    assert!((r.evaluation.expected[2] - 136.133_333_333_333_33).abs() < 1e-12);
    for (id, eu, max_regret) in BEFORE {
        let p = r.candidates.iter().position(|c| c.id == id).expect("candidate");
        assert!((r.analysis.expected_utility[p] - eu).abs() < 1e-12, "{id}");
        assert!((r.analysis.max_regret[p] - max_regret).abs() < 1e-12, "{id}");
    }
    // No yardstick in version 1: values stay on the utility scale.
    assert!(r.units.is_err());
}

#[test]
fn a_version_1_scenario_saved_in_a_preset_is_written_as_version_2_and_evaluates_the_same() {
    let mut doc = load_document(&fixture("paris-2015-v1.ron")).expect("reads");
    doc.state.settings.levers[0] = 1200.0;
    let before = analyse(&doc);
    let text = preset_text(&doc).expect("serialises");
    assert!(
        text.contains("format_version: 2"),
        "the embedded scenario is written in version 2"
    );
    assert!(text.contains("driver: Lever(\"airstrikes\")"));
    assert!(
        text.contains("value_scale: Some(Clamped)") && text.contains("horizon_weighting: Some(PerHorizon)"),
        "{}",
        &text[..2000]
    );
    let back = parse_document("saved.ron", &text, None, 0).expect("reads back");
    let after = analyse(&back);
    assert_eq!(before.analysis.expected_utility, after.analysis.expected_utility);
    assert_eq!(before.evaluation.expected, after.evaluation.expected);
}

#[test]
fn every_preset_shipped_before_the_rebuild_opens_and_evaluates() {
    let dir = fixture("presets-revision-1");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).expect("fixtures") {
        let path = entry.expect("entry").path();
        let doc = load_document(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let r = analyse(&doc);
        assert!(r.evaluation.expected_utility.is_finite(), "{}", path.display());
        // Their ids all exist in revision 2: nothing to rename or drop.
        assert!(doc.notices.is_empty(), "{}: {:?}", path.display(), doc.notices);
        n += 1;
    }
    assert_eq!(n, 7);
}

#[test]
fn the_documented_format_2_example_parses_and_gives_the_documented_numbers() {
    let doc_text = include_str!("../docs/file-format.md");
    let start = doc_text
        .find("```ron\nScenario(\n    format_version: 2")
        .expect("the example")
        + "```ron\n".len();
    let end = start + doc_text[start..].find("```").expect("its end");
    let doc = parse_document("example.ron", &doc_text[start..end], None, 0).expect("the example is valid");
    let model = Model::new(&doc.scenario).expect("valid");
    let mut y = vec![0.0; model.n_leaves() * model.cells()];
    model.evaluate_into(&[800.0], &mut y);
    let at = |leaf: usize, o: usize, t: usize| y[model.at(leaf, model.cell(o, t))];
    let close = |a: f64, b: f64| assert!((a - b).abs() < 1e-9, "{a} != {b}");
    // capability: territory 56 and 28.57, attacks 9.6 and 6.857; grievance: attacks 8 and 4.
    close(at(0, 0, 0), 56.0);
    close(at(0, 0, 1), 90.0 - 40.0 - 30.0 / 700.0 * 500.0);
    close(at(0, 1, 0), 9.6);
    close(at(0, 1, 1), 4.0 + 0.1 * (90.0 - 40.0 - 30.0 / 700.0 * 500.0));
    close(at(1, 1, 0), 8.0);
    close(at(1, 1, 1), 4.0);
    // Attacks are the only end, and the yardstick: a utility point is 20 attacks a year.
    let r = analyse(&doc);
    let u = r.units.as_ref().expect("units");
    close(u.per_utility, 20.0);
}

#[test]
fn a_version_1_scenario_with_horizons_out_of_time_order_converts_to_a_valid_version_2() {
    let text = std::fs::read_to_string(fixture("paris-2015-v1.ron")).expect("reads");
    // Swap the two horizons' order in the list.
    let near = "        (id: \"near\", name: \"Near term (year 1)\", years: 1.0, description: \"The first year after the attack.\"),\n";
    assert!(text.contains(near));
    let swapped = text.replacen(near, "", 1);
    let swapped = swapped.replacen(
        "    ],\n    baselines: [",
        &format!("{near}    ],\n    baselines: ["),
        1,
    );
    let doc = parse_document("swapped.ron", &swapped, None, 0).expect("a valid version 1 scenario");
    assert_eq!(doc.scenario.horizons[1].id, "near");
    let current = doc.scenario.to_current_version();
    let problems = motive_lab::model::validate::validate(&current);
    assert!(problems.is_empty(), "{problems:?}");
}

#[test]
fn a_preset_for_an_older_revision_says_what_its_horizon_and_mechanism_weights_mean_now() {
    let text = "Preset(format_version: 1, name: \"old\", scenario: Shipped(\"paris-2015\"), values: {\"territory\": 1.0}, horizons: {\"long\": 4.0})";
    let doc = parse_document("old.ron", text, None, 0).expect("opens");
    let notices = doc.notices.join("\n");
    assert!(notices.contains("horizon weights now count per year"), "{notices}");
    assert!(
        notices.contains("territory, which revision 3 of the scenario treats as mechanisms"),
        "{notices}"
    );
    // Saved again, it records the revision and opens without them.
    let saved = preset_text(&doc).expect("serialises");
    assert!(saved.contains("revision: 3"), "{saved}");
    let again = parse_document("new.ron", &saved, None, 0).expect("opens");
    assert!(again.notices.is_empty(), "{:?}", again.notices);
}
