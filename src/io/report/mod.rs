//! Reports of an evaluation for other programs: the JSON document `eval` and `policies` print
//! ([`json`]) and the outcomes table and decision matrix as CSV, written by the command line and
//! exported by the app alike.

pub mod evidence;
pub mod json;
pub mod lead;
pub mod questions;

use crate::model::document::Document;
use crate::model::summary::Report;
use json::eval_json;

/// The ids of the joint leaves, in the order reports list them: each the ids of its answers in
/// question order joined by `&` (with one question, the leaf hypothesis's id).
#[must_use]
pub fn leaf_ids(doc: &Document) -> Vec<String> {
    let s = &doc.scenario;
    (s.joint_leaves().iter())
        .map(|answers| {
            let ids: Vec<&str> = answers.iter().map(|&h| s.hypotheses[h].id.as_str()).collect();
            ids.join("&")
        })
        .collect()
}

fn csv_err(e: impl std::fmt::Display) -> String {
    format!("writing CSV: {e}")
}

/// The outcomes table as CSV: one row per outcome and horizon (the `eval --format csv` output).
///
/// # Errors
/// Only if the CSV writer fails, which it does not in memory.
pub fn csv_outcomes(doc: &Document, rep: &Report) -> Result<String, String> {
    let leaves = leaf_ids(doc);
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header = vec![
        "outcome",
        "unit",
        "horizon",
        "expected",
        "min",
        "max",
        "expected_low",
        "expected_high",
    ];
    header.extend(leaves.iter().map(String::as_str));
    w.write_record(&header).map_err(csv_err)?;
    for o in eval_json(doc, rep).outcomes {
        let mut row = vec![o.id, o.unit, o.horizon];
        row.extend([o.expected, o.min, o.max, o.expected_low, o.expected_high].map(|x| x.to_string()));
        row.extend(
            leaves
                .iter()
                .map(|l| o.by_hypothesis.get(l).copied().unwrap_or(f64::NAN).to_string()),
        );
        w.write_record(&row).map_err(csv_err)?;
    }
    String::from_utf8(w.into_inner().map_err(csv_err)?).map_err(csv_err)
}

/// The decision matrix as CSV: one row per candidate policy (the `policies --format csv` output).
///
/// # Errors
/// Only if the CSV writer fails, which it does not in memory.
pub fn csv_policies(doc: &Document, rep: &Report) -> Result<String, String> {
    let leaves = leaf_ids(doc);
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header = vec!["policy", "name", "expected_utility", "expected_regret", "max_regret"];
    header.extend(leaves.iter().map(String::as_str));
    w.write_record(&header).map_err(csv_err)?;
    for p in eval_json(doc, rep).policies {
        let mut row = vec![p.id, p.name];
        row.extend([p.expected_utility, p.expected_regret, p.max_regret].map(|x| x.to_string()));
        row.extend(
            leaves
                .iter()
                .map(|l| p.by_hypothesis.get(l).copied().unwrap_or(f64::NAN).to_string()),
        );
        w.write_record(&row).map_err(csv_err)?;
    }
    String::from_utf8(w.into_inner().map_err(csv_err)?).map_err(csv_err)
}
