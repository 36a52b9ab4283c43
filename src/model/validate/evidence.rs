//! Checks of evidence items and facts: known hypotheses, likelihoods in (0, 1], a real date, a
//! reliability in [0, 1], a likelihood for every leaf, and a report's fact known and its own
//! likelihoods absent.

use super::{Collector, unique_ids};
use crate::model::scenario::{Rating, Scenario, is_date};
use std::collections::{BTreeMap, BTreeSet};

/// What gives likelihoods: an item of its own or a fact.
struct Given<'a> {
    /// `evidence[3]` or `facts[0]`.
    at: String,
    likelihoods: &'a BTreeMap<String, f64>,
    ratings: &'a BTreeMap<String, Rating>,
    default_likelihood: Option<f64>,
    needle: Option<String>,
}

pub(super) fn check_evidence(c: &mut Collector, s: &Scenario, hyps: &BTreeSet<&str>) {
    unique_ids(c, "evidence", s.evidence.iter().map(|e| e.id.as_str()));
    let facts = unique_ids(c, "facts", s.facts.iter().map(|f| f.id.as_str()));
    for (i, f) in s.facts.iter().enumerate() {
        let at = format!("facts[{i}]");
        if !s.evidence.iter().any(|e| e.fact.as_ref() == Some(&f.id)) {
            c.push(
                at.clone(),
                format!(
                    "no evidence item reports fact \"{}\"; give one item fact: \"{}\", or remove the fact",
                    f.id, f.id
                ),
                Some(format!("\"{}\"", f.id)),
            );
        }
        let of = Given {
            at,
            likelihoods: &f.likelihoods,
            ratings: &f.ratings,
            default_likelihood: f.default_likelihood,
            needle: Some(format!("\"{}\"", f.id)),
        };
        check_likelihoods(c, s, hyps, &of);
    }
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
        if let Some(fact) = &e.fact {
            c.known(&p("fact"), fact, &facts, "fact");
            if !e.likelihoods.is_empty() || !e.ratings.is_empty() || e.default_likelihood.is_some() {
                c.push(
                    p("fact"),
                    format!(
                        "item \"{}\" reports fact \"{fact}\", whose likelihoods are the fact's; remove the item's own likelihoods, ratings and default_likelihood (a report carries only its reliability)",
                        e.id
                    ),
                    needle.clone(),
                );
            }
            continue;
        }
        let of = Given {
            at: format!("evidence[{i}]"),
            likelihoods: &e.likelihoods,
            ratings: &e.ratings,
            default_likelihood: e.default_likelihood,
            needle,
        };
        check_likelihoods(c, s, hyps, &of);
    }
}

/// Likelihoods or ratings (not both) of known hypotheses, each a probability above 0, and one
/// for every leaf (its own, a parent's or the default).
fn check_likelihoods(c: &mut Collector, s: &Scenario, hyps: &BTreeSet<&str>, of: &Given<'_>) {
    let p = |f: &str| format!("{}.{f}", of.at);
    if !of.likelihoods.is_empty() && !of.ratings.is_empty() {
        c.push(
            p("ratings"),
            "give likelihoods or ratings, not both",
            Some("ratings".into()),
        );
    }
    for (h, &x) in of.likelihoods {
        let path = format!("{}.likelihoods[\"{h}\"]", of.at);
        if c.known(&path, h, hyps, "hypothesis") && c.finite(&path, x) && !(x > 0.0 && x <= 1.0) {
            c.push(
                path,
                format!("{x} is not a likelihood: P(item | hypothesis) must be above 0 and at most 1"),
                Some(format!("\"{h}\"")),
            );
        }
    }
    for h in of.ratings.keys() {
        c.known(&format!("{}.ratings[\"{h}\"]", of.at), h, hyps, "hypothesis");
    }
    let keys = of.likelihoods.keys().chain(of.ratings.keys());
    super::format3::one_question(c, s, &of.at, keys);
    if let Some(x) = of.default_likelihood
        && c.finite(&p("default_likelihood"), x)
        && !(x > 0.0 && x <= 1.0)
    {
        c.push(
            p("default_likelihood"),
            format!("{x} is not a likelihood: it must be above 0 and at most 1"),
            Some("default_likelihood".into()),
        );
    }
    if of.default_likelihood.is_some() {
        return;
    }
    let parent = |id: &str| s.hypotheses.iter().find(|h| h.id == id).and_then(|h| h.parent.clone());
    let covered = |leaf: &str| {
        let mut at = Some(leaf.to_owned());
        while let Some(h) = at {
            if of.likelihoods.contains_key(&h) || of.ratings.contains_key(&h) {
                return true;
            }
            at = parent(&h);
        }
        false
    };
    // The item bears on the question its keys answer (the first question if it names none).
    let keys = of.likelihoods.keys().chain(of.ratings.keys());
    let question = keys
        .filter_map(|id| s.hypothesis_index(id))
        .map(|h| s.question_of(h))
        .next()
        .unwrap_or(0);
    let missing: Vec<&str> = (s.leaf_indices().into_iter())
        .filter(|&i| s.question_of(i) == question)
        .map(|i| s.hypotheses[i].id.as_str())
        .filter(|l| !covered(l))
        .collect();
    if !missing.is_empty() {
        c.push(
            of.at.clone(),
            format!(
                "no likelihood for {}; give one (or one for a parent) or a default_likelihood",
                missing.join(", ")
            ),
            of.needle.clone(),
        );
    }
}
