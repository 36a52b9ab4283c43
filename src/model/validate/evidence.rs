//! Checks of evidence items: known hypotheses, likelihoods in (0, 1], a real date, a
//! reliability in [0, 1], and a likelihood for every leaf.

use super::{Collector, unique_ids};
use crate::model::scenario::{Scenario, is_date};
use std::collections::BTreeSet;

pub(super) fn check_evidence(c: &mut Collector, s: &Scenario, hyps: &BTreeSet<&str>) {
    unique_ids(c, "evidence", s.evidence.iter().map(|e| e.id.as_str()));
    let parent = |id: &str| s.hypotheses.iter().find(|h| h.id == id).and_then(|h| h.parent.clone());
    let leaves: Vec<&str> = s
        .leaf_indices()
        .into_iter()
        .map(|i| s.hypotheses[i].id.as_str())
        .collect();
    for (i, e) in s.evidence.iter().enumerate() {
        let p = |f: &str| format!("evidence[{i}].{f}");
        let needle = Some(format!("\"{}\"", e.id));
        if !is_date(&e.date) {
            c.push(
                p("date"),
                format!(
                    "\"{}\" is not a date; write it as YYYY-MM-DD, e.g. \"2015-11-14\"",
                    e.date
                ),
                Some(format!("\"{}\"", e.date)),
            );
        }
        if !e.likelihoods.is_empty() && !e.ratings.is_empty() {
            c.push(
                p("ratings"),
                "give likelihoods or ratings, not both",
                Some("ratings".into()),
            );
        }
        for (h, &x) in &e.likelihoods {
            let path = format!("evidence[{i}].likelihoods[\"{h}\"]");
            if c.known(&path, h, hyps, "hypothesis") && c.finite(&path, x) && !(x > 0.0 && x <= 1.0) {
                c.push(
                    path,
                    format!("{x} is not a likelihood: P(item | hypothesis) must be above 0 and at most 1"),
                    Some(format!("\"{h}\"")),
                );
            }
        }
        for h in e.ratings.keys() {
            c.known(&format!("evidence[{i}].ratings[\"{h}\"]"), h, hyps, "hypothesis");
        }
        if let Some(x) = e.default_likelihood
            && c.finite(&p("default_likelihood"), x)
            && !(x > 0.0 && x <= 1.0)
        {
            c.push(
                p("default_likelihood"),
                format!("{x} is not a likelihood: it must be above 0 and at most 1"),
                Some("default_likelihood".into()),
            );
        }
        if c.finite(&p("reliability"), e.reliability) && !(0.0..=1.0).contains(&e.reliability) {
            c.push(
                p("reliability"),
                format!(
                    "reliability {} must be from 0 (worthless) to 1 (fully trusted)",
                    e.reliability
                ),
                Some("reliability".into()),
            );
        }
        if e.default_likelihood.is_none() {
            let covered = |leaf: &str| {
                let mut at = Some(leaf.to_owned());
                while let Some(h) = at {
                    if e.likelihoods.contains_key(&h) || e.ratings.contains_key(&h) {
                        return true;
                    }
                    at = parent(&h);
                }
                false
            };
            let missing: Vec<&str> = leaves.iter().copied().filter(|l| !covered(l)).collect();
            if !missing.is_empty() {
                c.push(
                    format!("evidence[{i}]"),
                    format!(
                        "no likelihood for {}; give one (or one for a parent) or a default_likelihood",
                        missing.join(", ")
                    ),
                    needle.clone(),
                );
            }
        }
    }
}
