//! `motive-lab code` and `pool` driven as an instructor would: a class of codes made at varied
//! credences, pooled, and the pools checked against the documented formulas recomputed here.

#![allow(clippy::expect_used, reason = "a test stops at the first surprise")]

use serde_json::Value;
use std::process::Output;

mod support;
use support::run;

fn text(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).trim().to_owned()
}

const PARIS: &str = "assets/scenarios/paris-2015.ron";

#[test]
fn a_class_of_codes_is_pooled_as_documented() {
    // 21 students: h1's weight 1 to 21 against the others at 1, the rest at their priors.
    let codes: Vec<String> = (1..=21)
        .map(|i| {
            let o = run(&["code", PARIS, "--weight", &format!("h1={i}")]);
            assert!(o.status.success());
            text(&o)
        })
        .collect();
    assert_eq!(codes[0], "ML1-paris-2015-0H0H0H0H0H0H0S0S0S0S111111-WW");
    let mut args = vec!["pool", "--format", "json", "--answer", "h1"];
    args.extend(codes.iter().map(String::as_str));
    args.push("ML1-paris-2015-0H0H0H0H0H0H0S0S0S0S111111-WX");
    let o = run(&args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let j: Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(j["codes"].as_array().map(Vec::len), Some(21));
    assert_eq!(j["refused"].as_array().map(Vec::len), Some(1));
    assert_eq!(j["other_scenario"], 0);
    // Student i holds h1 at round(100 i / (i + 5))% and each other motive at
    // round(100 / (i + 5))%, each group then scaled to 1; 6a-6d share h6's part equally.
    let students: Vec<f64> = (1..=21)
        .map(|i| {
            let i = f64::from(i);
            let h1 = (100.0 * i / (i + 5.0)).round();
            let other = (100.0 / (i + 5.0)).round();
            h1 / (h1 + 5.0 * other)
        })
        .collect();
    let linear = students.iter().sum::<f64>() / 21.0;
    let leaf = &j["questions"][0]["leaves"][0];
    assert_eq!(leaf["id"], "h1");
    let got = |k: &str| leaf[k].as_f64().expect("number");
    assert!((got("linear") - linear).abs() < 1e-12, "{} vs {linear}", got("linear"));
    let mut sorted = students.clone();
    sorted.sort_by(f64::total_cmp);
    assert!((got("min") - sorted[0]).abs() < 1e-12);
    assert!((got("median") - sorted[10]).abs() < 1e-12);
    assert!((got("max") - sorted[20]).abs() < 1e-12);
    // Brier for h1: (1 - p)^2 plus the other leaves' squares; the students' mean is at least
    // the linear pool's.
    let b = &j["brier"][0];
    assert_eq!(b["students"].as_array().map(Vec::len), Some(21));
    let mean = b["mean"].as_f64().expect("number");
    assert!(b["linear_pool"].as_f64().expect("number") <= mean);
    // The log pool per question sums to 1.
    let log_sum: f64 = (j["questions"][0]["leaves"].as_array().expect("leaves"))
        .iter()
        .map(|l| l["log"].as_f64().expect("number"))
        .sum();
    assert!((log_sum - 1.0).abs() < 1e-12);
}

#[test]
fn no_readable_code_or_an_unknown_answer_exits_2_with_a_message() {
    let o = run(&["pool", "ML1-paris-2015-0H0H-00"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no readable credence code"));
    let o = run(&[
        "pool",
        "ML1-paris-2015-0H0H0H0H0H0H0S0S0S0S111111-WW",
        "--answer",
        "nobody",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--answer nobody"));
}
