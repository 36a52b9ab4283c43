//! Every kind of bad file gets a clear, located message and never a panic or a hang.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test or benchmark stops at the first surprise"
)]

use motive_lab::io::{
    FileError, MAX_FILE_BYTES, SHIPPED_SCENARIOS, load_document, parse_document, parse_scenario, save_document,
};
use std::path::Path;

fn paris() -> &'static str {
    SHIPPED_SCENARIOS[0].text
}

fn preset(body: &str) -> String {
    format!("Preset(format_version: 1, name: \"t\", scenario: Shipped(\"paris-2015\"), {body})")
}

fn message(r: Result<impl std::fmt::Debug, FileError>) -> String {
    r.expect_err("should be refused").to_string()
}

/// The message names the file and a line and column.
fn assert_located(msg: &str, file: &str, line: usize) {
    let prefix = format!("{file}:{line}:");
    assert!(msg.starts_with(&prefix), "expected {prefix}.. in: {msg}");
}

#[test]
fn syntax_error_names_line_and_column() {
    let text = paris().replacen("summary: \"After", "summary: After", 1);
    let line = text.lines().position(|l| l.contains("summary: After")).expect("line") + 1;
    let msg = message(parse_scenario("paris.ron", &text));
    assert_located(&msg, "paris.ron", line);
}

#[test]
fn a_missing_comma_and_a_cut_file_say_what_was_expected() {
    let text = paris().replacen("summary: \"After", "summary_x: 1 summary: \"After", 1);
    let line = text.lines().position(|l| l.contains("summary_x")).expect("line") + 1;
    let msg = message(parse_scenario("paris.ron", &text));
    assert_located(&msg, "paris.ron", line);
    assert!(
        msg.contains(&format!("expected `,` or `)` after the value on line {line}")),
        "{msg}"
    );
    // Cut after its first lines: the end of the file is named, with the bracket left open.
    let cut =
        "Preset(format_version: 1, name: \"t\", scenario: Shipped(\"paris-2015\"),\n levers: {\"airstrikes\": 600.0,\n";
    let msg = message(parse_document("cut.ron", cut, None, 0));
    assert!(
        msg.contains("the file ends here, with the `{` opened on line 2 never closed by `}`"),
        "{msg}"
    );
    // A bracket closed by the wrong one says which was open.
    let msg = message(parse_document(
        "mixed.ron",
        &preset("levers: {\"airstrikes\": 600.0,"),
        None,
        0,
    ));
    assert!(
        msg.contains("found `)` where the `{` opened on line 1 needs its `}` first"),
        "{msg}"
    );
}

#[test]
fn wrong_type_names_line_and_column() {
    let text = paris().replacen("step: 50.0", "step: \"fifty\"", 1);
    let line = text.lines().position(|l| l.contains("\"fifty\"")).expect("line") + 1;
    let msg = message(parse_scenario("paris.ron", &text));
    assert_located(&msg, "paris.ron", line);
}

#[test]
fn unknown_field_is_refused_with_a_pointer_to_the_docs() {
    let text = paris().replacen("step: 50.0", "stepp: 50.0", 1);
    let msg = message(parse_scenario("paris.ron", &text));
    assert!(msg.contains("stepp") && msg.contains("docs/file-format.md"), "{msg}");
}

#[test]
fn unknown_ids_and_inconsistent_ranges_are_all_listed() {
    let text = paris()
        .replacen("hypothesis: Some(\"h2\")", "hypothesis: Some(\"h9\")", 1)
        .replacen(
            "min: 0.0, max: 100.0, step: 5.0, default: 50.0",
            "min: 0.0, max: 100.0, step: 5.0, default: 150.0",
            1,
        )
        .replacen("range: (0.4, 1.5)", "range: (1.5, 0.4)", 1);
    let err = parse_scenario("p.ron", &text).expect_err("invalid");
    let problems = err.problems();
    assert_eq!(problems.len(), 3, "{err}");
    assert!(problems.iter().all(|p| p.line.is_some() && p.column.is_some()), "{err}");
    let msg = err.to_string();
    assert!(msg.contains("unknown hypothesis \"h9\""));
    assert!(msg.contains("default 150 is outside"));
    assert!(msg.contains("range low 1.5 is above high 0.4"));
}

#[test]
fn non_finite_numbers_are_refused() {
    for bad in ["NaN", "inf", "-inf"] {
        let text = paris().replacen("curve: Linear(0.0058)", &format!("curve: Linear({bad})"), 1);
        let msg = message(parse_scenario("p.ron", &text));
        assert!(msg.contains("not a finite number"), "{bad}: {msg}");
        assert!(msg.starts_with("p.ron:"), "{msg}");
    }
}

#[test]
fn preset_problems_are_located() {
    let text = preset("credences: {\"h1\": -2.0, \"h99\": 1.0}, levers: {\"airstrikes\": 5000.0}");
    let err = parse_document("x.ron", &text, None, 0).expect_err("invalid");
    let msg = err.to_string();
    // An id the scenario does not have is not an error (see the next test); bad numbers are.
    assert_eq!(err.problems().len(), 2, "{msg}");
    assert!(msg.contains("-2 is negative"));
    assert!(msg.contains("outside the lever's range"));
    assert!(msg.starts_with("x.ron:1:"), "{msg}");
}

#[test]
fn a_preset_naming_ids_the_scenario_no_longer_has_opens_with_notices() {
    let text = preset("credences: {\"h1\": 2.0, \"h99\": 1.0}, levers: {\"drones\": 5.0}, values: {\"morale\": 2.0}");
    let doc = parse_document("old.ron", &text, None, 0).expect("opens");
    assert_eq!(doc.state.settings.credences[0], 2.0);
    let notices = doc.notices.join("\n");
    for id in ["h99", "drones", "morale"] {
        assert!(notices.contains(&format!("\"{id}\" was dropped")), "{notices}");
    }
}

#[test]
fn all_zero_credences_are_an_error() {
    let zeros = ["h1", "h2", "h3", "h4", "h5", "h6"]
        .map(|h| format!("\"{h}\": 0.0"))
        .join(", ");
    let msg = message(parse_document(
        "z.ron",
        &preset(&format!("credences: {{{zeros}}}")),
        None,
        0,
    ));
    assert!(msg.contains("every credence is zero"), "{msg}");
}

#[test]
fn unsupported_versions_are_refused_clearly() {
    let text = paris().replacen("format_version: 3", "format_version: 4", 1);
    let msg = message(parse_scenario("future.ron", &text));
    assert!(
        msg.contains("format version 4 is newer") && msg.contains("update motive-lab"),
        "{msg}"
    );
    assert!(msg.starts_with("future.ron:"), "{msg}");
    let msg = message(parse_document(
        "p.ron",
        &preset("").replace("format_version: 1", "format_version: 7"),
        None,
        0,
    ));
    assert!(msg.contains("format version 7"), "{msg}");
    let msg = message(parse_document(
        "p.ron",
        "Preset(name: \"x\", scenario: Shipped(\"paris-2015\"))",
        None,
        0,
    ));
    assert!(msg.contains("format_version"), "{msg}");
}

#[test]
fn unknown_shipped_scenario_and_missing_scenario_file() {
    let msg = message(parse_document(
        "p.ron",
        &preset("").replace("paris-2015", "lisbon-1755"),
        None,
        0,
    ));
    assert!(
        msg.contains("no shipped scenario is called \"lisbon-1755\"") && msg.contains("paris-2015"),
        "{msg}"
    );
    let text = "Preset(format_version: 1, name: \"t\", scenario: Path(\"missing.ron\"))";
    let msg = message(parse_document("p.ron", text, Some(Path::new("/nonexistent")), 0));
    assert!(msg.contains("missing.ron"), "{msg}");
}

#[test]
fn binary_files_are_not_text() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("image.ron");
    std::fs::write(&path, [0x89, b'P', b'N', b'G', 0, 0, 1, 2, 0xff, 0xfe]).expect("write");
    let msg = message(load_document(&path));
    assert!(msg.contains("not a text file"), "{msg}");
    std::fs::write(&path, [b'(', 0xff, 0xfe, b')']).expect("write");
    assert!(message(load_document(&path)).contains("not a text file"));
}

#[test]
fn huge_files_are_refused_before_parsing() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("huge.ron");
    let f = std::fs::File::create(&path).expect("create");
    f.set_len(MAX_FILE_BYTES + 10).expect("sparse file");
    let msg = message(load_document(&path));
    assert!(msg.contains("larger than"), "{msg}");
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let msg = message(parse_document("deep.ron", &deep, None, 0));
    assert!(msg.starts_with("deep.ron:1:"), "{msg}");
    let text = paris().replacen("sources: [", &format!("sources: {}[", "[".repeat(5_000)), 1);
    let msg = message(parse_scenario("deep.ron", &text));
    assert!(msg.contains("deep.ron:"), "{msg}");
}

#[test]
fn neither_scenario_nor_preset() {
    let msg = message(parse_document("x.ron", "(a: 1)", None, 0));
    assert!(msg.contains("neither a scenario"), "{msg}");
    let msg = message(parse_document("x.ron", "", None, 0));
    assert!(msg.starts_with("x.ron:"), "{msg}");
}

#[test]
fn saving_round_trips_and_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().expect("tmp");
    let doc = parse_document("paris.ron", paris(), None, 0).expect("parses");
    let path = dir.path().join("saved.ron");
    save_document(&path, &doc).expect("saves");
    let back = load_document(&path).expect("loads");
    assert_eq!(back.state.settings, doc.state.settings);
    assert_eq!(back.scenario, doc.scenario);
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("dir")
        .map(|e| e.expect("e").file_name())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
    // A failed save leaves the old file as it was.
    let text = std::fs::read_to_string(&path).expect("read");
    let bad = dir.path().join("no-such-dir").join("x.ron");
    assert!(save_document(&bad, &doc).is_err());
    assert_eq!(std::fs::read_to_string(&path).expect("read"), text);
}

#[test]
fn embedded_scenario_presets_stand_alone() {
    let dir = tempfile::tempdir().expect("tmp");
    let custom = paris().replacen("id: \"paris-2015\"", "id: \"paris-variant\"", 1);
    let scenario_path = dir.path().join("variant.ron");
    std::fs::write(&scenario_path, &custom).expect("write");
    let doc = load_document(&scenario_path).expect("loads");
    assert!(matches!(
        doc.state.source,
        motive_lab::model::document::ScenarioSource::Embedded
    ));
    let preset_path = dir.path().join("shared.ron");
    save_document(&preset_path, &doc).expect("saves");
    std::fs::remove_file(&scenario_path).expect("rm");
    let back = load_document(&preset_path).expect("loads without the scenario file");
    assert_eq!(back.scenario.id, "paris-variant");
    // A preset naming a scenario by relative path finds it next to itself.
    std::fs::write(dir.path().join("variant.ron"), &custom).expect("write");
    std::fs::write(
        dir.path().join("rel.ron"),
        "Preset(format_version: 1, name: \"r\", scenario: Path(\"variant.ron\"), levers: {\"airstrikes\": 0.0})",
    )
    .expect("write");
    let rel = load_document(&dir.path().join("rel.ron")).expect("loads");
    assert_eq!(rel.scenario.id, "paris-variant");
    assert_eq!(rel.state.settings.levers[0], 0.0);
}

#[test]
fn invalid_utf8_names_its_line_and_column() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("latin1.ron");
    std::fs::write(&path, b"Preset(\n  name: \"caf\xe9\",\n)").expect("write");
    let msg = message(load_document(&path));
    assert!(msg.contains("invalid UTF-8 at line 2, column 13"), "{msg}");
}

#[test]
fn a_preset_entry_is_located_in_the_preset_not_in_its_embedded_scenario() {
    let dir = tempfile::tempdir().expect("tmp");
    let scenario = dir.path().join("variant.ron");
    std::fs::write(&scenario, paris().replacen("id: \"paris-2015\"", "id: \"variant\"", 1)).expect("write");
    let doc = load_document(&scenario).expect("loads");
    let saved = dir.path().join("shared.ron");
    save_document(&saved, &doc).expect("saves");
    let text = std::fs::read_to_string(&saved).expect("read");
    let bad = format!(
        "{}\"airstrikes\": 99999.0,",
        &text[..text.rfind("\"airstrikes\":").expect("preset lever")]
    ) + {
        let rest = &text[text.rfind("\"airstrikes\":").expect("lever")..];
        &rest[rest.find(',').expect("comma") + 1..]
    };
    std::fs::write(&saved, &bad).expect("write");
    let line = bad.lines().position(|l| l.contains("99999")).expect("line") + 1;
    let msg = message(load_document(&saved));
    assert!(msg.contains(&format!("shared.ron:{line}:")), "{msg}");
}

#[test]
fn files_that_are_not_scenario_or_preset_point_at_their_first_code() {
    let msg = message(parse_document("x.ron", "// a comment\n\n  (a: 1)", None, 0));
    assert!(msg.starts_with("x.ron:3:3:"), "{msg}");
    let msg = message(parse_document(
        "p.ron",
        "Preset(name: \"x\", scenario: Shipped(\"paris-2015\"))",
        None,
        0,
    ));
    assert!(msg.starts_with("p.ron:1:1:") && msg.contains("format_version"), "{msg}");
}

#[test]
fn a_newer_embedded_scenario_asks_to_update() {
    let newer = paris().replacen("format_version: 3", "format_version: 4", 1).replacen(
        "title:",
        "future_field: 1,\n    title:",
        1,
    );
    let body = &newer[newer.find("Scenario(").expect("a scenario")..];
    let text = format!("Preset(format_version: 1, name: \"n\", scenario: Embedded({body}))");
    let msg = message(parse_document("shared.ron", &text, None, 0));
    assert!(
        msg.contains("format version 4") && msg.contains("update motive-lab"),
        "{msg}"
    );
    // Located at the embedded scenario's own format_version line.
    assert!(msg.starts_with("shared.ron:2:5:"), "{msg}");
}

#[test]
fn a_saved_preset_keeps_its_header_comment_and_writes_what_a_reader_needs() {
    let dir = tempfile::tempdir().expect("tmp");
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let original = std::fs::read_to_string(root.join("presets/paris-2015/middle-course.ron")).expect("read");
    let doc = load_document(&root.join("presets/paris-2015/middle-course.ron")).expect("loads");
    let path = dir.path().join("copy.ron");
    save_document(&path, &doc).expect("saves");
    let text = std::fs::read_to_string(&path).expect("read");
    let first = original.lines().next().expect("a first line");
    assert!(first.starts_with("//"));
    assert!(text.starts_with(first), "{text}");
    // Every credence and lever is written; weights of 1 (the format's default) are not.
    for id in ["\"h1\"", "\"h6d\"", "\"airstrikes\"", "\"crackdown\""] {
        assert!(text.contains(id), "{id} missing: {text}");
    }
    assert!(!text.contains("values:") && !text.contains("horizons:"), "{text}");
    let back = load_document(&path).expect("loads");
    assert_eq!(back.state.settings, doc.state.settings);
    // Weights that differ from 1 are written.
    let safety = load_document(&root.join("presets/paris-2015/safety-at-home-first.ron")).expect("loads");
    let path = dir.path().join("safety.ron");
    save_document(&path, &safety).expect("saves");
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text.contains("values:"), "{text}");
    assert_eq!(
        load_document(&path).expect("loads").state.settings,
        safety.state.settings
    );
}

/// A small format 2 scenario for the errors of format 2.
const V2: &str = r#"Scenario(
    format_version: 2,
    id: "v2",
    title: "Format 2",
    numeraire: Some("attacks"),
    hypotheses: [(id: "h", name: "H", prior: 1.0)],
    levers: [(id: "l", name: "L", unit: "u", min: 0.0, max: 1.0, step: 0.1, default: 0.0)],
    outcomes: [
        (id: "attacks", name: "Attacks", unit: "attacks/year", better: Lower, worst: 10.0, best: 0.0),
        (id: "reach", name: "Reach", unit: "index", better: Lower, worst: 10.0, best: 0.0, role: Mechanism),
    ],
    horizons: [(id: "t", name: "Now", years: 1.0)],
    baselines: [
        (outcome: "attacks", horizon: "t", value: 1.0, note: "n"),
        (outcome: "reach", horizon: "t", value: 1.0, note: "n"),
    ],
    effects: [
        (outcome: "attacks", horizon: "t", driver: Outcome("reach", "t"), curve: Linear(1.0), range: (0.5, 1.5), note: "assumption"),
        (outcome: "reach", horizon: "t", driver: Lever("l"), curve: Linear(1.0), range: (0.5, 1.5), note: "assumption"),
    ],
)"#;

fn line_of(text: &str, needle: &str) -> usize {
    text.lines().position(|l| l.contains(needle)).expect("needle") + 1
}

#[test]
fn the_format_2_example_for_these_tests_is_valid() {
    parse_scenario("v2.ron", V2).expect("valid");
}

#[test]
fn a_cycle_of_drivers_names_its_cells_at_its_line() {
    let text = V2.replacen("driver: Lever(\"l\")", "driver: Outcome(\"attacks\", \"t\")", 1);
    let msg = message(parse_scenario("v2.ron", &text));
    assert!(msg.contains("drive each other in a cycle"), "{msg}");
    assert!(msg.contains("attacks/t") && msg.contains("reach/t"), "{msg}");
    assert_located(
        &msg,
        "v2.ron",
        line_of(&text, "outcome: \"attacks\", horizon: \"t\", driver"),
    );
}

#[test]
fn a_driver_naming_an_unknown_outcome_or_horizon_is_located() {
    let text = V2.replacen("Outcome(\"reach\", \"t\")", "Outcome(\"rech\", \"later\")", 1);
    let err = parse_scenario("v2.ron", &text).expect_err("invalid");
    let msg = err.to_string();
    assert!(msg.contains("unknown outcome \"rech\""), "{msg}");
    assert!(msg.contains("unknown horizon \"later\""), "{msg}");
    assert_located(&msg, "v2.ron", line_of(&text, "rech"));
}

#[test]
fn a_rename_to_an_unknown_id_and_a_mechanism_yardstick_are_refused() {
    let text = V2.replacen(
        "numeraire: Some(\"attacks\")",
        "numeraire: Some(\"reach\"),\n    renamed: {\"old\": Some(\"gone\")}",
        1,
    );
    let err = parse_scenario("v2.ron", &text).expect_err("invalid");
    let msg = err.to_string();
    assert!(msg.contains("renamed to \"gone\", which is not an id"), "{msg}");
    assert!(msg.contains("the yardstick \"reach\" is a mechanism"), "{msg}");
    assert!(err.problems().iter().all(|p| p.line.is_some()), "{msg}");
}

#[test]
fn a_version_2_field_in_a_version_1_file_and_the_reverse_are_refused() {
    let text = paris().replacen("format_version: 3", "format_version: 1", 1);
    let msg = message(parse_scenario("old.ron", &text));
    assert!(msg.contains("driver is a format version 2 field"), "{msg}");
    assert!(msg.contains("numeraire is a format version 2 field"), "{msg}");
    assert!(msg.starts_with("old.ron:"), "{msg}");
    let text = V2.replacen("driver: Lever(\"l\")", "lever: \"l\"", 1);
    let msg = message(parse_scenario("v2.ron", &text));
    assert!(
        msg.contains("in format version 2 write driver: Lever(\"l\") instead of lever"),
        "{msg}"
    );
    assert_located(&msg, "v2.ron", line_of(&text, "lever: \"l\""));
}

#[test]
fn a_negative_discount_rate_is_refused_and_a_yardstick_weighted_zero_is_said_in_a_preset() {
    let msg = message(parse_document("p.ron", &preset("discount_rate: -0.1"), None, 0));
    assert!(msg.contains("-0.1 is not a discount rate"), "{msg}");
    assert!(msg.starts_with("p.ron:1:"), "{msg}");
    // A yardstick weighted 0 measures nothing: the preset still opens (nothing a user saved is
    // lost), with a notice located where the file set the weight.
    let doc = parse_document("p.ron", &preset("values: {\"attacks_west\": 0.0}"), None, 0).expect("opens");
    let notice = doc.notices.join("\n");
    assert!(
        notice.contains("the yardstick \"attacks_west\" has value weight 0"),
        "{notice}"
    );
    assert!(notice.starts_with("p.ron:1:"), "{notice}");
    // Choosing another yardstick is fine.
    let doc = parse_document(
        "p.ron",
        &preset("values: {\"attacks_west\": 0.0}, numeraire: Some(\"deaths_west\")"),
        None,
        0,
    )
    .expect("valid");
    assert_eq!(
        doc.state.settings.yardstick(&doc.scenario),
        doc.scenario.outcome_index("deaths_west")
    );
}

#[test]
fn a_dist_that_does_not_fit_its_range_and_an_unknown_parameter_are_located() {
    // An effect's range made to start at 0 and read as a LogNormal.
    let first = "range: (0.3, 2.0), note: \"assumption: local offensives";
    assert!(paris().contains(first));
    let text = paris()
        .replacen(
            first,
            "dist: LogNormal, range: (0.0, 2.0), note: \"assumption: local offensives",
            1,
        )
        .replacen(
            "parameter: \"homeland_effectiveness\"",
            "parameter: \"homeland_effectivenes\"",
            1,
        );
    let err = parse_scenario("u.ron", &text).expect_err("invalid");
    let msg = err.to_string();
    assert!(msg.contains("a LogNormal range must be positive"), "{msg}");
    assert!(msg.contains("unknown parameter \"homeland_effectivenes\""), "{msg}");
    let lognormal = text.lines().position(|l| l.contains("dist: LogNormal")).expect("line") + 1;
    let unknown = text
        .lines()
        .position(|l| l.contains("homeland_effectivenes\""))
        .expect("line")
        + 1;
    let lines: Vec<Option<usize>> = err.problems().iter().map(|p| p.line).collect();
    assert!(
        lines.contains(&Some(lognormal)) && lines.contains(&Some(unknown)),
        "{lines:?} {msg}"
    );
}

#[test]
fn a_triangular_range_must_hold_its_mode_of_one() {
    let text = paris().replacen(
        "range: (0.3, 2.0), note: \"assumption: local offensives",
        "range: (1.1, 2.0), note: \"assumption: local offensives",
        1,
    );
    let msg = message(parse_scenario("t.ron", &text));
    assert!(msg.contains("mode at the central estimate 1"), "{msg}");
    assert!(msg.starts_with("t.ron:"), "{msg}");
}

#[test]
fn evidence_with_impossible_likelihoods_unknown_theories_or_bad_dates_is_located() {
    let text = paris()
        .replacen("date: \"2015-11-14\"", "date: \"14 Nov 2015\"", 1)
        .replacen("\"h4\": 0.8, \"h5\": 0.5", "\"h4\": 1.8, \"h5\": 0.5", 1)
        .replacen("{\"h1\": 0.35, \"h2\": 0.45", "{\"h9\": 0.35, \"h2\": 0.45", 1)
        .replacen("\"h6\": 0.5, \"h6d\": 0.9", "\"h6\": 0.0, \"h6d\": 0.9", 1);
    let err = parse_scenario("e.ron", &text).expect_err("invalid");
    let msg = err.to_string();
    assert!(msg.contains("\"14 Nov 2015\" is not a date"), "{msg}");
    assert!(msg.contains("1.8 is not a likelihood"), "{msg}");
    assert!(msg.contains("0 is not a likelihood"), "{msg}");
    assert!(msg.contains("unknown hypothesis \"h9\""), "{msg}");
    // The unknown theory leaves theory 1 without a likelihood.
    assert!(msg.contains("no likelihood for h1"), "{msg}");
    assert!(err.problems().iter().all(|p| p.line.is_some()), "{msg}");
}

#[test]
fn an_observation_that_rules_out_every_theory_is_refused() {
    // A certain item (likelihood 1 everywhere) observed false is impossible.
    let certain = paris().replacen(
        "likelihoods: {\"h1\": 0.5, \"h2\": 0.5, \"h3\": 0.5, \"h4\": 0.8, \"h5\": 0.5, \"h6\": 0.5}",
        "likelihoods: {\"h1\": 1.0, \"h2\": 1.0, \"h3\": 1.0, \"h4\": 1.0, \"h5\": 1.0, \"h6\": 1.0}",
        1,
    );
    assert_ne!(certain, paris());
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("s.ron"), &certain).unwrap();
    let text = "Preset(format_version: 1, name: \"t\", scenario: Path(\"s.ron\"), credences_from_evidence: true, evidence: {\"al_qaeda_rivalry\": false})";
    let err = parse_document("p.ron", text, Some(dir.path()), 0).expect_err("impossible");
    let msg = err.to_string();
    assert!(msg.contains("impossible under every hypothesis"), "{msg}");
    assert!(msg.contains("al_qaeda_rivalry false"), "{msg}");
}

#[test]
fn an_unknown_evidence_item_in_a_preset_is_located() {
    let text = preset("evidence: {\"claims\": true}");
    let msg = message(parse_document("x.ron", &text, None, 0));
    assert!(msg.contains("unknown evidence item \"claims\""), "{msg}");
    assert!(msg.starts_with("x.ron:1:"), "{msg}");
}

/// Found by fuzzing the command-line overrides: a weight of 1e308 made the sum of weights
/// infinite and every utility NaN. Weights are relative, so the largest is bounded.
#[test]
fn a_weight_too_large_to_add_up_is_refused() {
    let text = format!(
        "{}\n",
        preset("values: {\"attacks_west\": 1e308},\n credences: {\"h2\": 2e9}")
    );
    let err = parse_document("big.ron", &text, None, 0).expect_err("invalid");
    let msg = err.to_string();
    assert_eq!(err.problems().len(), 2, "{msg}");
    assert!(msg.contains("1e308 is more than the largest weight, 1e9"), "{msg}");
    assert!(msg.contains("2000000000 is more than the largest weight"), "{msg}");
    assert!(msg.contains("big.ron:1:80: values"), "{msg}");
    assert!(msg.contains("big.ron:2:14: credences"), "{msg}");
    let scenario = paris().replacen("prior: 1.0", "prior: 1e300", 1);
    assert_ne!(scenario, paris());
    let msg = message(parse_scenario("huge-prior.ron", &scenario));
    assert!(msg.contains("prior 1e300 is more than the largest weight"), "{msg}");
}

/// Above a limit, the message says which limit and by how much.
#[test]
fn a_scenario_over_a_limit_says_which_and_by_how_much() {
    use motive_lab::model::generate::{Shape, seeded};
    let base = seeded(&Shape::small(), 3).expect("generates");
    let mut many = base.clone();
    let h = many.hypotheses[0].clone();
    many.hypotheses = (0..1_003)
        .map(|i| motive_lab::model::scenario::Hypothesis {
            id: format!("x{i}"),
            ..h.clone()
        })
        .collect();
    let text = motive_lab::io::to_ron(&many).expect("ron");
    let msg = message(parse_scenario("many.ron", &text));
    assert!(
        msg.contains("hypotheses: 1003 entries is more than the limit of 1000 (3 too many)"),
        "{msg}"
    );
    // 400 leaves x 3 outcomes x 100 horizons = 120,000 values, 1.2 times the limit.
    let mut wide = base;
    wide.hypotheses = (0..400)
        .map(|i| motive_lab::model::scenario::Hypothesis {
            id: format!("x{i}"),
            ..h.clone()
        })
        .collect();
    let o = wide.outcomes[0].clone();
    wide.outcomes = (0..3)
        .map(|i| motive_lab::model::scenario::Outcome {
            id: format!("o{i}"),
            ..o.clone()
        })
        .collect();
    let t = wide.horizons[0].clone();
    wide.horizons = (0..100)
        .map(|i| motive_lab::model::scenario::Horizon {
            id: format!("t{i}"),
            years: f64::from(i + 1),
            ..t.clone()
        })
        .collect();
    let text = motive_lab::io::to_ron(&wide).expect("ron");
    let msg = message(parse_scenario("wide.ron", &text));
    assert!(
        msg.contains("400 leaf hypotheses x 300 outcome-horizon pairs is 120000 values, more than the limit of 100000 (1.2 times it)"),
        "{msg}"
    );
}
