//! The command line, driven as analysts drive it: exit codes, formats, overrides, and numbers
//! checked against the documented formulas recomputed here from the JSON itself.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test or benchmark stops at the first surprise"
)]

use serde_json::Value;
use std::path::Path;
use std::process::Output;

mod support;
use support::run;

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json(args: &[&str]) -> Value {
    let o = run(args);
    assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    serde_json::from_slice(&o.stdout).expect("valid JSON")
}

fn presets() -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("presets/paris-2015"))
        .expect("presets folder")
        .map(|e| format!("presets/paris-2015/{}", e.expect("entry").file_name().to_string_lossy()))
        .filter(|p| Path::new(p).extension().is_some_and(|e| e == "ron"))
        .collect();
    v.sort();
    v
}

fn f(v: &Value) -> f64 {
    v.as_f64().expect("number")
}

/// Recompute expected values, utilities, regret and EVPI from the per-hypothesis numbers in the
/// JSON and the scenario's normalisation ranges, by the documented formulas.
fn check_formulas(j: &Value) {
    let scenario_text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/scenarios/paris-2015.ron"))
            .expect("scenario");
    let scenario: motive_lab::model::scenario::Scenario = ron::from_str(&scenario_text).expect("parses");
    // With several questions the evaluation runs over the joint leaves, each weighing the
    // product of its answers' weights.
    let weights: Vec<(String, f64)> = match j["joint_leaves"].as_array() {
        Some(joint) => joint
            .iter()
            .map(|l| (l["id"].as_str().expect("id").to_owned(), f(&l["weight"])))
            .collect(),
        None => j["hypotheses"]
            .as_array()
            .expect("hypotheses")
            .iter()
            .filter(|h| h["leaf"].as_bool() == Some(true))
            .map(|h| (h["id"].as_str().expect("id").to_owned(), f(&h["weight"])))
            .collect(),
    };
    let total: f64 = weights.iter().map(|w| w.1).sum();
    assert!((total - 1.0).abs() < 1e-9);
    let mut utility = vec![0.0; weights.len()];
    let outcomes = j["outcomes"].as_array().expect("outcomes");
    let omega = |o: &Value| f(&j["weights"]["values"][o["id"].as_str().expect("id")]);
    // Format 2 and 3: a horizon counts its weight per year times the years it covers (no
    // discount in the shipped presets): year 1, then years 2 to 5.
    assert_eq!(scenario.format_version, 3);
    assert_eq!(f(&j["weights"]["discount_rate"]), 0.0);
    let years = |t: &str| {
        let i = scenario.horizons.iter().position(|h| h.id == t).expect("horizon");
        scenario.horizons[i].years - if i == 0 { 0.0 } else { scenario.horizons[i - 1].years }
    };
    let tau = |o: &Value| {
        let t = o["horizon"].as_str().expect("horizon");
        f(&j["weights"]["horizons"][t]) * years(t)
    };
    for o in outcomes {
        let t = o["horizon"].as_str().expect("horizon");
        assert!((f(&j["weights"]["horizons_counted"][t]) - tau(o)).abs() < 1e-12);
    }
    let weight_total: f64 = outcomes.iter().map(|o| omega(o) * tau(o)).sum();
    assert_eq!(outcomes.len(), scenario.outcomes.len() * scenario.horizons.len());
    for o in outcomes {
        let by = &o["by_hypothesis"];
        let expected: f64 = weights.iter().map(|(h, w)| w * f(&by[h])).sum();
        assert!((expected - f(&o["expected"])).abs() < 1e-9, "{o}");
        let min = weights
            .iter()
            .filter(|w| w.1 > 0.0)
            .map(|(h, _)| f(&by[h]))
            .fold(f64::INFINITY, f64::min);
        assert!((min - f(&o["min"])).abs() < 1e-12);
        let def = scenario
            .outcomes
            .iter()
            .find(|x| x.id == o["id"].as_str().expect("id"))
            .expect("outcome");
        for (i, (h, _)) in weights.iter().enumerate() {
            // Linear, unclamped (format 2).
            let v = (f(&by[h]) - def.worst) / (def.best - def.worst);
            utility[i] += omega(o) * tau(o) * v / weight_total;
        }
    }
    for (i, (h, _)) in weights.iter().enumerate() {
        assert!(
            (utility[i] - f(&j["utility"]["by_hypothesis"][h])).abs() < 1e-9,
            "utility under {h}"
        );
    }
    let eu: f64 = weights.iter().zip(&utility).map(|((_, w), u)| w * u).sum();
    assert!((eu - f(&j["utility"]["expected"])).abs() < 1e-9);
    // EVPI = sum_h w_h max_p U_h(p) - max_p EU(p), from the policy rows.
    let policies = j["policies"].as_array().expect("policies");
    let best_eu = policies
        .iter()
        .map(|p| f(&p["expected_utility"]))
        .fold(f64::NEG_INFINITY, f64::max);
    let perfect: f64 = weights
        .iter()
        .map(|(h, w)| {
            w * policies
                .iter()
                .map(|p| f(&p["by_hypothesis"][h]))
                .fold(f64::NEG_INFINITY, f64::max)
        })
        .sum();
    assert!((perfect - best_eu - f(&j["evpi"])).abs() < 1e-9);
    let best = policies
        .iter()
        .find(|p| f(&p["expected_utility"]) == best_eu)
        .expect("best");
    assert_eq!(best["id"], j["best_policy"]);
    for p in policies {
        let eu_p: f64 = weights.iter().map(|(h, w)| w * f(&p["by_hypothesis"][h])).sum();
        assert!((eu_p - f(&p["expected_utility"])).abs() < 1e-9);
        let max_regret = weights
            .iter()
            .map(|(h, _)| {
                policies
                    .iter()
                    .map(|q| f(&q["by_hypothesis"][h]))
                    .fold(f64::NEG_INFINITY, f64::max)
                    - f(&p["by_hypothesis"][h])
            })
            .fold(0.0, f64::max);
        assert!((max_regret - f(&p["max_regret"])).abs() < 1e-9);
    }
    // Plain units: dU * s_n * sum(omega) / omega_n yardstick units.
    let units = &j["value_units"];
    let n = units["numeraire"].as_str().expect("a yardstick");
    let scale = |id: &str| {
        let o = scenario.outcomes.iter().find(|x| x.id == id).expect("outcome");
        (o.best - o.worst).abs()
    };
    let w = |id: &str| f(&j["weights"]["values"][id]);
    let sum_w: f64 = scenario.outcomes.iter().map(|o| w(&o.id)).sum();
    let per_utility = scale(n) * sum_w / w(n);
    assert!((f(&units["per_utility"]) - per_utility).abs() < 1e-9 * per_utility);
    assert!((f(&units["evpi"]) - f(&j["evpi"]) * per_utility).abs() < 1e-9 * per_utility);
    for o in &scenario.outcomes {
        let rate = (w(&o.id) / scale(&o.id)) / (w(n) / scale(n));
        assert!(
            (f(&units["exchange_rates"][o.id.as_str()]) - rate).abs() < 1e-12,
            "{}",
            o.id
        );
    }
    for p in policies {
        let units_p = f(&p["expected_regret_units"]);
        assert!((units_p - f(&p["expected_regret"]) * per_utility).abs() < 1e-9 * per_utility.max(1.0));
    }
}

#[test]
fn eval_json_of_every_shipped_preset_follows_the_formulas() {
    let all = presets();
    assert!(all.len() >= 5, "{all:?}");
    for p in &all {
        let j = json(&["eval", p, "--format", "json"]);
        for key in [
            "scenario",
            "hypotheses",
            "outcomes",
            "utility",
            "policies",
            "best_policy",
            "minimax_regret_policy",
            "evpi",
            "flip_points",
        ] {
            assert!(j.get(key).is_some(), "{p}: missing {key}");
        }
        check_formulas(&j);
        // The "current" candidate of a policy preset is that policy.
        let policies = j["policies"].as_array().expect("policies");
        let current = policies.iter().find(|x| x["id"] == "current").expect("current");
        assert!(
            policies
                .iter()
                .any(|x| x["id"] != "current" && x["by_hypothesis"] == current["by_hypothesis"]),
            "{p}"
        );
    }
}

#[test]
fn overrides_change_the_result_and_still_follow_the_formulas() {
    let base = json(&["eval", "presets/paris-2015/middle-course.ron", "--format", "json"]);
    let j = json(&[
        "eval",
        "presets/paris-2015/middle-course.ron",
        "--format",
        "json",
        "--weight",
        "h6=5",
        "--lever",
        "ground_troops=150",
        "--value",
        "fiscal_cost=3",
        "--horizon",
        "long=2",
    ]);
    assert_ne!(base["utility"], j["utility"]);
    let h6 = j["hypotheses"]
        .as_array()
        .expect("h")
        .iter()
        .find(|h| h["id"] == "h6")
        .expect("h6")
        .clone();
    assert!((f(&h6["weight"]) - 0.5).abs() < 1e-12, "5 / (5 + 5 * 1)");
    let troops_cost = j["outcomes"]
        .as_array()
        .expect("o")
        .iter()
        .find(|o| o["id"] == "fiscal_cost" && o["horizon"] == "near")
        .expect("cost")
        .clone();
    assert!(f(&troops_cost["expected"]) > 150.0);
}

#[test]
fn a_scenario_file_is_evaluated_at_its_defaults() {
    let a = json(&["eval", "assets/scenarios/paris-2015.ron", "--format", "json"]);
    let b = json(&["eval", "presets/paris-2015/middle-course.ron", "--format", "json"]);
    assert_eq!(a["outcomes"], b["outcomes"]);
}

#[test]
fn table_and_csv_are_readable() {
    let o = run(&["policies", "presets/paris-2015/middle-course.ron"]);
    assert!(o.status.success());
    let t = stdout(&o);
    assert!(t.contains("Decision matrix"));
    assert!(t.contains("Article 5 allied invasion"));
    assert!(t.contains("EVPI"));
    let o = run(&["eval", "presets/paris-2015/middle-course.ron", "--format", "csv"]);
    let text = stdout(&o);
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let headers = r.headers().expect("header").clone();
    assert_eq!(&headers[0], "outcome");
    // One column per joint leaf: 9 answers to why times 3 to how.
    assert!(headers.iter().any(|h| h == "h6d&loyalists"));
    assert_eq!(headers.iter().filter(|h| h.contains('&')).count(), 27);
    // 17 outcomes at 2 horizons; 9 named policies and the current settings.
    assert_eq!(r.records().count(), 34);
    let o = run(&["policies", "presets/paris-2015/middle-course.ron", "--format", "csv"]);
    assert_eq!(stdout(&o).lines().count(), 1 + 9 + 1);
}

#[test]
fn bad_input_exits_2_with_a_message() {
    let o = run(&["eval", "presets/paris-2015/middle-course.ron", "--lever", "airstrike=3"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("unknown id \"airstrike\""), "{}", stderr(&o));
    let o = run(&[
        "eval",
        "presets/paris-2015/middle-course.ron",
        "--lever",
        "airstrikes=99999",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("outside the lever's range"));
    let o = run(&["eval", "presets/paris-2015/middle-course.ron", "--weight", "h1=-1"]);
    assert_eq!(o.status.code(), Some(2));
    let o = run(&["eval", "presets/paris-2015/middle-course.ron", "--weight", "h1"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("ID=NUMBER"));
    let o = run(&["eval", "no/such/file.ron"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no/such/file.ron"));
}

#[test]
fn check_prints_every_note_of_opening_and_strict_fails_on_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("presets/paris-2015/middle-course.ron"))
            .expect("read");
    let path = dir.path().join("odd.ron");
    std::fs::write(&path, text.replacen("\"borders\"", "\"bordrs\"", 1)).expect("write");
    let file = path.to_str().expect("utf8");
    let o = run(&["check", file]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout).to_string();
    assert!(out.contains(": ok ("), "{out}");
    assert!(
        out.contains("note:") && out.contains("bordrs"),
        "the dropped id is named: {out}"
    );
    let o = run(&["check", "--strict", file]);
    assert_eq!(o.status.code(), Some(1));
    // A file that fits its scenario passes strict.
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("presets/paris-2015/middle-course.ron");
    let o = run(&["check", "--strict", shipped.to_str().expect("utf8")]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stdout));
}

#[test]
fn check_lists_every_problem_with_line_and_column() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/scenarios/paris-2015.ron"))
        .expect("read");
    let bad = text
        .replacen(
            "driver: Lever(\"homeland\"), curve",
            "driver: Lever(\"homelnad\"), curve",
            1,
        )
        .replacen("min: 0.0, max: 2000.0", "min: 3000.0, max: 2000.0", 1)
        .replacen(
            "prior: 1.0,\n         description: \"Global",
            "prior: -1.0,\n         description: \"Global",
            1,
        );
    let path = dir.path().join("bad.ron");
    std::fs::write(&path, bad).expect("write");
    let o = run(&["check", path.to_str().expect("utf8")]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("unknown lever \"homelnad\""), "{err}");
    assert!(err.contains("min 3000 must be below max 2000"), "{err}");
    assert!(err.contains("prior -1 is negative"), "{err}");
    assert!(err.contains("3 problems found"), "{err}");
    // The unknown lever is located at its line and column.
    let line = text
        .lines()
        .position(|l| l.contains("driver: Lever(\"homeland\"), curve"))
        .expect("line")
        + 1;
    assert!(err.contains(&format!("bad.ron:{line}:")), "{err}");
    let o = run(&[
        "check",
        "assets/scenarios/paris-2015.ron",
        "presets/paris-2015/disengage.ron",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn no_arguments_and_help() {
    let o = run(&["--help"]);
    assert!(o.status.success());
    let h = stdout(&o);
    for c in ["eval", "policies", "check", "bench"] {
        assert!(h.contains(c));
    }
}

#[test]
fn the_value_perspective_presets_weigh_what_their_notes_say() {
    let rates = |preset: &str| -> Value {
        let j = json(&["eval", preset, "--format", "json"]);
        j["value_units"].clone()
    };
    let close = |v: &Value, x: f64| (f(v) - x).abs() < 1e-9;
    // Western security first: civilians abroad count nothing; the rest as by default.
    let w = rates("presets/paris-2015/values-western-security-first.ron");
    assert!(
        close(&w["exchange_rates"]["civilian_deaths"], 0.0) && close(&w["exchange_rates"]["isis_rule_deaths"], 0.0)
    );
    assert!(close(&w["exchange_rates"]["deaths_west"], 0.1) && close(&w["exchange_rates"]["fiscal_cost"], 1.0));
    // Every life the same: a death is worth a tenth of an attack wherever it happens.
    let e = rates("presets/paris-2015/values-every-life-the-same.ron");
    for o in ["deaths_west", "isis_rule_deaths", "civilian_deaths", "own_deaths"] {
        assert!(close(&e["exchange_rates"][o], 0.1), "{o}: {}", e["exchange_rates"][o]);
    }
    // A statistical life at $10 million: said in dollars, a death $0.01bn wherever it happens,
    // an attack $0.015bn for its injuries, cohesion nothing.
    let v = rates("presets/paris-2015/values-statistical-life.ron");
    assert_eq!(v["numeraire"], "fiscal_cost");
    for o in ["deaths_west", "isis_rule_deaths", "civilian_deaths", "own_deaths"] {
        assert!(close(&v["exchange_rates"][o], 0.01), "{o}: {}", v["exchange_rates"][o]);
    }
    assert!(close(&v["exchange_rates"]["attacks_west"], 0.015) && close(&v["exchange_rates"]["cohesion"], 0.0));
    // Attacks and deaths only.
    let a = json(&[
        "eval",
        "presets/paris-2015/values-attacks-and-deaths-only.ron",
        "--format",
        "json",
    ]);
    let weighted: Vec<&str> = (a["weights"]["values"].as_object().expect("values").iter())
        .filter(|(_, w)| f(w) > 0.0)
        .map(|(id, _)| id.as_str())
        .collect();
    assert_eq!(weighted, ["attacks_west", "deaths_west"]);
}

#[test]
fn the_yardstick_and_discount_can_be_set_from_the_command_line() {
    let j = json(&[
        "eval",
        "presets/paris-2015/middle-course.ron",
        "--yardstick",
        "deaths_west",
        "--format",
        "json",
    ]);
    let u = &j["value_units"];
    assert_eq!(u["numeraire"], "deaths_west");
    // s_deaths * sum(omega) / omega_deaths = 300 * 7 / 1 at the default weights (7 ends).
    assert!((f(&u["per_utility"]) - 300.0 * 7.0).abs() < 1e-9, "{u}");
    assert!((f(&u["evpi"]) - f(&j["evpi"]) * 2100.0).abs() < 1e-9);
    // A yardstick weighted 0 measures nothing: evaluated anyway, with a note.
    let o = run(&[
        "eval",
        "presets/paris-2015/middle-course.ron",
        "--value",
        "attacks_west=0",
        "--format",
        "json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("has value weight 0"), "{}", stderr(&o));
    let j: Value = serde_json::from_slice(&o.stdout).expect("json");
    assert!(j["value_units"].is_null());
    let j = json(&[
        "eval",
        "presets/paris-2015/middle-course.ron",
        "--discount",
        "0.1",
        "--format",
        "json",
    ]);
    let long: f64 = (1..=4).map(|k| 1.1f64.powi(-k)).sum();
    assert!((f(&j["weights"]["horizons_counted"]["long"]) - long).abs() < 1e-12);
}

#[test]
fn uncertainty_json_has_the_documented_keys_and_repeats_with_its_seed() {
    let args = [
        "uncertainty",
        "assets/scenarios/paris-2015.ron",
        "--samples",
        "2000",
        "--seed",
        "9",
        "--format",
        "json",
    ];
    let a = json(&args);
    assert_eq!(a, json(&args), "the same seed gives the same numbers");
    assert_eq!(a["samples"], 2000);
    assert_eq!(a["seed"], 9);
    let policies = a["policies"].as_array().expect("policies");
    let total: f64 = policies.iter().map(|p| p["p_best"].as_f64().expect("p_best")).sum();
    assert!((total - 1.0).abs() < 1e-9);
    let named: f64 = policies.iter().filter_map(|p| p["p_best_named"].as_f64()).sum();
    assert!((named - 1.0).abs() < 1e-9);
    assert!(policies.iter().any(|p| p["id"] == "current"));
    let voi = &a["voi"];
    assert!(voi["evpi_total"].as_f64().expect("evpi") >= voi["evppi_motive"].as_f64().expect("motive"));
    assert!(voi["units"]["unit"].as_str().is_some());
    assert!(a["outcomes"].as_array().expect("outcomes").len() == 34);
    assert!(a["tornado"]["bars"].as_array().is_some_and(|b| !b.is_empty()));
    // Among the named policies the tornado is of the best named policy's lead over the named
    // runner-up, the pair the decision matrix names.
    let e = json(&["eval", "assets/scenarios/paris-2015.ron", "--format", "json"]);
    assert_eq!(a["tornado_named"]["policy"], e["best_policy"]);
    let named: Vec<&Value> = (e["policies"].as_array().expect("policies").iter())
        .filter(|p| p["id"] != "current")
        .collect();
    let runner = (named.iter())
        .filter(|p| p["id"] != e["best_policy"])
        .max_by(|p, q| f(&p["expected_utility"]).total_cmp(&f(&q["expected_utility"])))
        .expect("a runner-up");
    assert_eq!(a["tornado_named"]["runner_up"], runner["id"]);
    assert_eq!(a["believe"].as_array().expect("believe").len(), policies.len());
    assert_eq!(a["optimised"].as_array().expect("optimised").len(), 2);
}

#[test]
fn uncertainty_refuses_zero_samples_and_too_many() {
    for n in ["0", "200001"] {
        let o = run(&["uncertainty", "assets/scenarios/paris-2015.ron", "--samples", n]);
        assert_eq!(o.status.code(), Some(2));
        assert!(stderr(&o).contains("ask for 1 to 200000"), "{}", stderr(&o));
    }
}

#[test]
fn optimise_prints_a_preset_that_opens_with_the_settings_found() {
    let o = run(&["optimise", "assets/scenarios/paris-2015.ron", "--robust"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("robust.ron");
    std::fs::write(&path, stdout(&o)).expect("write");
    let doc = motive_lab::io::load_document(&path).expect("the preset opens");
    let s = &doc.scenario;
    let model = motive_lab::model::evaluate::Model::new(s).expect("valid");
    let settings = motive_lab::model::settings::Settings::defaults(s);
    let found = motive_lab::model::uncertainty::search(s, &model, &settings);
    assert_eq!(doc.state.settings.levers, found[1].candidate.levers);
}

#[test]
fn export_writes_a_scenario_as_json_with_its_field_names() {
    let v = json(&["export", "assets/scenarios/paris-2015.ron", "--format", "json"]);
    assert_eq!(v["id"], "paris-2015");
    assert!(v["effects"][0]["range"].is_array());
    assert!(v["parameters"].as_array().is_some_and(|p| !p.is_empty()));
    let preset = json(&["export", "presets/paris-2015/france-2015.ron"]);
    assert!(preset["levers"].is_object(), "{preset}");
}

/// Most credence on capability (theory 2) and only attacks and deaths in the West valued: where
/// the answer to how changes the choice.
const CAPABILITY_AND_ATTACKS_ONLY: [&str; 12] = [
    "--weight",
    "h2=80",
    "--value",
    "isis_rule_deaths=0",
    "--value",
    "civilian_deaths=0",
    "--value",
    "fiscal_cost=0",
    "--value",
    "own_deaths=0",
    "--value",
    "cohesion=0",
];

#[test]
fn eval_with_evidence_reports_the_posterior_beside_the_prior() {
    let by_hand = json(&["eval", "assets/scenarios/paris-2015.ron", "--format", "json"]);
    assert_eq!(by_hand["credences_from_evidence"], false);
    let h1 = |v: &Value, key: &str| {
        v["hypotheses"]
            .as_array()
            .unwrap()
            .iter()
            .find(|h| h["id"] == "h1")
            .unwrap()[key]
            .as_f64()
            .unwrap()
    };
    assert_eq!(h1(&by_hand, "weight"), h1(&by_hand, "prior_weight"));
    // Nemmouche (P = 0.65 under theory 1) observed: theory 1's weight rises by Bayes' rule,
    // 0.65 / P(e), with P(e) the prior mean of the item's likelihoods over the answers to why.
    let v = json(&[
        "eval",
        "assets/scenarios/paris-2015.ron",
        "--observe",
        "nemmouche=true",
        "--format",
        "json",
    ]);
    assert_eq!(v["credences_from_evidence"], true);
    let top = [0.65, 0.6, 0.4, 0.5, 0.35, 0.5];
    let pe: f64 = top.iter().sum::<f64>() / 6.0;
    assert!(
        (h1(&v, "weight") - (1.0 / 6.0) * 0.65 / pe).abs() < 1e-12,
        "{}",
        h1(&v, "weight")
    );
    assert!((h1(&v, "prior_weight") - 1.0 / 6.0).abs() < 1e-12);
    let items = v["evidence"].as_array().unwrap();
    let nem = items.iter().find(|e| e["id"] == "nemmouche").unwrap();
    assert_eq!(nem["state"], "true");
    assert!(nem["evsi"].is_null());
    // Where the answer to how changes the choice (attacks and deaths only, most credence on
    // capability), a report of how the attack was organised is worth observing.
    let v = json(
        &[
            &["eval", "assets/scenarios/paris-2015.ron"][..],
            &CAPABILITY_AND_ATTACKS_ONLY,
            &["--format", "json"],
        ]
        .concat(),
    );
    let items = v["evidence"].as_array().unwrap();
    let team = items.iter().find(|e| e["id"] == "syria_team").unwrap();
    assert!(
        team["evsi_units"].as_f64().unwrap() > 0.0 && team["changes_decision"] == true,
        "{team}"
    );
    assert_eq!(team["fact"], "directed_from_raqqa");
}

#[test]
fn known_by_observes_what_was_public_and_the_evidence_command_marks_the_question_to_ask() {
    let v = json(&[
        "eval",
        "assets/scenarios/paris-2015.ron",
        "--known-by",
        "2015-11-20",
        "--format",
        "json",
    ]);
    for e in v["evidence"].as_array().unwrap() {
        let public = e["date"].as_str().unwrap() <= "2015-11-20";
        assert_eq!(e["state"], if public { "true" } else { "open" }, "{e}");
    }
    let o = run(&[
        &["evidence", "assets/scenarios/paris-2015.ron"][..],
        &CAPABILITY_AND_ATTACKS_ONLY,
    ]
    .concat());
    let out = stdout(&o);
    let marked = out
        .lines()
        .find(|l| l.contains("most worth answering"))
        .expect("a marked item");
    // The most valuable item is a report of how the attack was organised (the fact's reports
    // with the highest reliability tie).
    assert!(
        ["abaaoud", "syria_team", "brussels", "emni"]
            .iter()
            .any(|id| marked.starts_with(id)),
        "{out}"
    );
    let bad = run(&["eval", "assets/scenarios/paris-2015.ron", "--known-by", "20 Nov 2015"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("not a date"));
    let bad = run(&["eval", "assets/scenarios/paris-2015.ron", "--observe", "claim=maybe"]);
    assert!(stderr(&bad).contains("not true, false or open"));
}

const SMALL_V3: &str = "tests/fixtures/format3-small.ron";

/// The policy with this id in an `eval --format json` document.
fn policy(d: &Value, id: &str) -> Value {
    (d["policies"].as_array().unwrap().iter())
        .find(|p| p["id"] == id)
        .unwrap_or_else(|| panic!("no policy {id}"))
        .clone()
}

fn close(x: &Value, want: f64) {
    let got = x.as_f64().unwrap_or_else(|| panic!("{x} is not a number"));
    assert!((got - want).abs() < 1e-9, "{got} != {want}");
}

/// The numbers docs/file-format.md works out by hand for its version 3 example.
#[test]
fn the_small_version_3_scenario_gives_the_numbers_worked_by_hand() {
    let o = run(&["check", SMALL_V3]);
    assert!(o.status.success(), "{}", stderr(&o));
    let d = json(&["eval", SMALL_V3, "--format", "json"]);
    close(&policy(&d, "hold")["expected_utility"], 0.8);
    close(&policy(&d, "strike")["expected_utility"], 0.83);
    close(&policy(&d, "staged")["expected_utility"], 0.677);
    close(&policy(&d, "staged")["by_hypothesis"]["provoke&directed"], 0.655);
    assert_eq!(policy(&d, "staged")["stages"]["later"]["troops"], 60.0);
    assert!(policy(&d, "strike").get("stages").is_none());
    assert_eq!(d["best_policy"], "strike");
    close(&d["evpi"], 0.005);
    close(&d["value_units"]["evpi"], 0.1);
    let answering = d["value_of_answering"].as_array().unwrap();
    assert_eq!(
        (answering[0]["question"].as_str(), answering[1]["question"].as_str()),
        (Some("why"), Some("how"))
    );
    close(&answering[0]["value"], 0.0);
    close(&answering[1]["value_units"], 0.1);
    let leaves: Vec<&str> = d["joint_leaves"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        leaves,
        [
            "punish&directed",
            "punish&loyalists",
            "provoke&directed",
            "provoke&loyalists"
        ]
    );
    close(&d["joint_leaves"][0]["weight"], 0.25);
    close(&d["facts"][0]["evsi_units"], 0.01);
    assert_eq!(d["facts"][0]["reports"].as_array().unwrap().len(), 3);
    assert_eq!(d["evidence"][0]["fact"], "directed_cell");
    let verdict = d["verdict"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        verdict.contains("answer \u{201c}How was it organised?\u{201d} first"),
        "{verdict}"
    );
    assert!(
        verdict.contains("\u{201c}Directed\u{201d} falls below 12.5%"),
        "{verdict}"
    );
    // Strike's lead over Hold: 2 fewer attacks later under directed (+0.04 utility = +0.8 attacks
    // a year), 2 more near under punish (-0.01 = -0.2); 0.6 in all. No value weight of 0 or more
    // changes the choice strictly (Hold only ties Strike when attacks count for nothing).
    let parts = d["verdict_parts"].as_array().unwrap();
    assert_eq!(
        (parts[0]["outcome"].as_str(), parts[0]["horizon"].as_str()),
        (Some("attacks"), Some("later"))
    );
    close(&parts[0]["units"], 0.8);
    close(&parts[1]["units"], -0.2);
    let lead: f64 = parts.iter().map(|p| p["units"].as_f64().unwrap()).sum();
    assert!((lead - 0.6).abs() < 1e-9);
    assert_eq!(d["value_flips"].as_array().unwrap().len(), 0);
}

#[test]
fn the_small_version_3_scenario_reports_its_fact_and_band() {
    // The later attack rate 4 m, m ~ Triangular(0.5, 1, 1.5): 5th percentile 4 (0.5 +
    // sqrt(0.025)) = 2.632, 95th 4 (1.5 - sqrt(0.025)) = 5.368, for the current settings (Hold).
    let d = json(&["uncertainty", SMALL_V3, "--format", "json"]);
    let later = d["outcomes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["id"] == "attacks" && o["horizon"] == "later")
        .unwrap()
        .clone();
    let q = 0.025f64.sqrt();
    assert!(
        (later["p5"].as_f64().unwrap() - 4.0 * (0.5 + q)).abs() < 0.01,
        "{later}"
    );
    assert!(
        (later["p95"].as_f64().unwrap() - 4.0 * (1.5 - q)).abs() < 0.01,
        "{later}"
    );
    assert_eq!(d["voi"]["parameters"][0]["id"], "baseline-2");
    let table = stdout(&run(&["policies", SMALL_V3]));
    assert!(
        table.contains("Strike, then troops is staged: Troops: 10 then 60"),
        "{table}"
    );
    let credence = table.lines().find(|l| l.starts_with("credence")).unwrap_or_default();
    assert_eq!(
        credence.matches("25.0%").count(),
        4,
        "each joint leaf weighs 1/4: {table}"
    );
    let text = stdout(&run(&["evidence", SMALL_V3]));
    assert!(
        text.contains("fact directed_cell") && text.contains("reported by prosecutor, press, claim"),
        "{text}"
    );
}

#[test]
fn a_stage_on_the_command_line_stages_the_current_settings() {
    // Strike, then 60 thousand troops from the later horizon: the staged policy's numbers.
    let d = json(&[
        "eval",
        SMALL_V3,
        "--lever",
        "strikes=1",
        "--lever",
        "troops=10",
        "--stage",
        "later:troops=60",
        "--format",
        "json",
    ]);
    let current = policy(&d, "current");
    close(&current["expected_utility"], 0.677);
    assert_eq!(current["stages"]["later"]["troops"], 60.0);
    let o = run(&["eval", SMALL_V3, "--stage", "someday:troops=60"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("unknown horizon \"someday\""), "{}", stderr(&o));
    let o = run(&["eval", SMALL_V3, "--stage", "troops=60"]);
    assert!(stderr(&o).contains("expected HORIZON:LEVER=NUMBER"), "{}", stderr(&o));
}

#[test]
fn a_staged_search_finds_act_later_where_acting_now_costs() {
    // Strikes near bring punishment (2 attacks near under punish) and later degrade a directed
    // cell (2 fewer later under directed): striking only from the later horizon on gives
    // 0.88, 0.80, 0.88, 0.80 under the four joint leaves, EU 0.84, above Strike's 0.83.
    let o = run(&["optimise", SMALL_V3, "--staged"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let dir = std::env::temp_dir().join(format!("motive-lab-staged-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let path = dir.join("staged.ron");
    std::fs::write(&path, &o.stdout).expect("write");
    let d = json(&["eval", path.to_str().unwrap(), "--format", "json"]);
    let current = policy(&d, "current");
    close(&current["expected_utility"], 0.84);
    assert_eq!(current["stages"]["later"]["strikes"], 1.0);
    // Unstaged, the best is Strike throughout.
    let o = run(&["optimise", SMALL_V3]);
    std::fs::write(&path, &o.stdout).expect("write");
    let d = json(&["eval", path.to_str().unwrap(), "--format", "json"]);
    let current = policy(&d, "current");
    close(&current["expected_utility"], 0.83);
    assert!(current.get("stages").is_none(), "{current}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_staged_setting_that_changes_nothing_is_the_same_policy_and_baselines_widen_the_band() {
    // Strike with troops "staged" at the same 0 later: the current settings are Strike, so the
    // runner-up is Hold, not a copy of Strike 0 behind.
    let d = json(&[
        "eval",
        SMALL_V3,
        "--lever",
        "strikes=1",
        "--stage",
        "later:troops=0",
        "--format",
        "json",
    ]);
    let verdict = d["verdict"][0].as_str().unwrap();
    assert!(verdict.contains("ahead of Hold by the equivalent of 0.60"), "{verdict}");
    // The central band of Hold's later attacks spans the baseline's range, 4 x (0.5, 1.5).
    let d = json(&["eval", SMALL_V3, "--format", "json"]);
    let later = d["outcomes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["id"] == "attacks" && o["horizon"] == "later")
        .unwrap()
        .clone();
    close(&later["expected_low"], 2.0);
    close(&later["expected_high"], 6.0);
}
