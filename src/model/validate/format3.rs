//! Checks of what format version 3 adds: its fields refused in an older file, the questions
//! (each hypothesis's, an effect's `when`, keys that name one question), and uncertain
//! baselines' ranges, distributions and parameters.

use super::{Collector, unique_ids};
use crate::model::scenario::{Dist, Scenario};
use std::collections::BTreeSet;

/// Fields of version 3 in a version 1 or 2 file are refused, not silently ignored.
pub(super) fn check_version3_fields(c: &mut Collector, s: &Scenario) {
    if s.format_version >= 3 {
        return;
    }
    for field in s.format3_fields() {
        let name = field.split(' ').next().unwrap_or(field);
        let needle = if name == "LeverAt" {
            "LeverAt(".to_owned()
        } else {
            format!("{name}:")
        };
        c.push(
            name,
            format!(
                "{field} is a format version 3 field; this file says format_version: {} (move the file to version 3)",
                s.format_version
            ),
            Some(needle),
        );
    }
}

/// An uncertain baseline: a finite interval its distribution can be read over, a known
/// parameter, and no `dist` or `parameter` without a range.
pub(super) fn check_baseline_ranges(c: &mut Collector, s: &Scenario) {
    for (i, b) in s.baselines.iter().enumerate() {
        let p = |f: &str| format!("baselines[{i}].{f}");
        if let Some((lo, hi)) = b.range {
            if c.finite(&p("range"), lo) & c.finite(&p("range"), hi) {
                if lo > hi {
                    c.push(p("range"), format!("range low {lo} is above high {hi}"), None);
                } else if let Some(why) = b.dist.misfit((lo, hi)) {
                    let needle = (b.dist != Dist::Triangular).then(|| b.dist.name().to_owned());
                    c.push(p("dist"), why, needle.or_else(|| Some("range:".into())));
                }
            }
        } else {
            if b.dist != Dist::Triangular {
                c.push(
                    p("dist"),
                    "a dist without a range says nothing: give the baseline a range (multipliers of its levels), or remove the dist",
                    Some(b.dist.name().to_owned()),
                );
            }
            if b.parameter.is_some() {
                c.push(
                    p("parameter"),
                    "a baseline shares a parameter through its range: give it a range (multipliers of its levels), or remove the parameter",
                    Some("parameter:".into()),
                );
            }
        }
        if let Some(id) = &b.parameter
            && !s.parameters.iter().any(|q| &q.id == id)
        {
            c.push(
                p("parameter"),
                format!("unknown parameter \"{id}\"; list it in the scenario's parameters"),
                Some(format!("\"{id}\"")),
            );
        }
    }
}

/// Questions: unique ids; a top-level hypothesis names a known one (a sub-hypothesis none);
/// every question has a hypothesis with a positive prior; an effect's conditions name at most
/// one hypothesis of each question; a baseline's levels name one question's hypotheses.
pub(super) fn check_questions(c: &mut Collector, s: &Scenario, hyps: &BTreeSet<&str>) {
    let questions = unique_ids(c, "questions", s.questions.iter().map(|q| q.id.as_str()));
    for (i, h) in s.hypotheses.iter().enumerate() {
        let Some(q) = &h.question else { continue };
        let path = format!("hypotheses[{i}].question");
        if h.parent.is_some() {
            c.push(
                path,
                format!(
                    "\"{}\" is a sub-hypothesis, so it answers its parent's question; remove its question",
                    h.id
                ),
                Some(format!("\"{q}\"")),
            );
        } else if questions.is_empty() {
            c.push(
                path,
                format!("\"{q}\" is not a question: the scenario lists no questions; add it to questions"),
                Some(format!("\"{q}\"")),
            );
        } else {
            c.known(&path, q, &questions, "question");
        }
    }
    for (q, question) in s.questions.iter().enumerate() {
        let positive = (0..s.hypotheses.len()).any(|h| {
            let x = &s.hypotheses[h];
            x.parent.is_none() && s.question_of(h) == q && x.prior.is_finite() && x.prior > 0.0
        });
        if !positive {
            c.push(
                format!("questions[{q}]"),
                format!(
                    "question \"{}\" has no answer: no top-level hypothesis with a positive prior answers it (a sub-hypothesis answers its parent's question); give a top-level hypothesis `question: Some(\"{}\")` and a prior above 0, or remove the question",
                    question.id, question.id
                ),
                Some(format!("\"{}\"", question.id)),
            );
        }
    }
    let question = |id: &str| s.hypothesis_index(id).map(|h| s.question_of(h));
    for (i, e) in s.effects.iter().enumerate() {
        let mut seen: Vec<(usize, &str)> = Vec::new();
        for (k, id) in e.when.iter().enumerate() {
            let path = format!("effects[{i}].when[{k}]");
            c.known(&path, id, hyps, "hypothesis");
        }
        // One of a hypothesis and its own sub-hypothesis: both hold where the sub-hypothesis does.
        let related = |x: &str, y: &str| {
            let (Some(x), Some(y)) = (s.hypothesis_index(x), s.hypothesis_index(y)) else {
                return false;
            };
            let up = |mut h: usize, to: usize| {
                for _ in 0..s.hypotheses.len() {
                    if h == to {
                        return true;
                    }
                    match s.hypotheses[h].parent.as_deref().and_then(|p| s.hypothesis_index(p)) {
                        Some(p) => h = p,
                        None => return false,
                    }
                }
                false
            };
            up(x, y) || up(y, x)
        };
        for id in e.hypothesis.iter().chain(&e.when) {
            let Some(q) = question(id) else { continue };
            if let Some((_, other)) = seen
                .iter()
                .find(|(p, other)| *p == q && *other != id && !related(other, id))
            {
                c.push(
                    format!("effects[{i}].when"),
                    format!(
                        "\"{other}\" and \"{id}\" answer the same question ({}), so both cannot hold; name at most one hypothesis of each question",
                        s.question_name(q)
                    ),
                    Some(format!("\"{id}\"")),
                );
            }
            seen.push((q, id.as_str()));
        }
    }
    for (i, b) in s.baselines.iter().enumerate() {
        one_question(c, s, &format!("baselines[{i}].by_hypothesis"), b.by_hypothesis.keys());
    }
}

/// The hypotheses named as keys all answer one question; the path names the first that does not.
pub(super) fn one_question<'a>(c: &mut Collector, s: &Scenario, path: &str, keys: impl Iterator<Item = &'a String>) {
    let mut first: Option<(usize, &str)> = None;
    for id in keys {
        let Some(q) = s.hypothesis_index(id).map(|h| s.question_of(h)) else {
            continue;
        };
        match first {
            None => first = Some((q, id)),
            Some((p, other)) if p != q => {
                c.push(
                    path,
                    format!(
                        "\"{other}\" answers \"{}\" and \"{id}\" answers \"{}\": the keys here must all answer one question",
                        s.question_name(p),
                        s.question_name(q)
                    ),
                    Some(format!("\"{id}\"")),
                );
                return;
            }
            Some(_) => {}
        }
    }
}

/// Stages name known horizons and levers with values in range, and `LeverAt` never reads a
/// horizon later than its effect's own (a choice cannot act before it is made).
pub(super) fn check_stages(c: &mut Collector, s: &Scenario) {
    for (i, p) in s.policies.iter().enumerate() {
        for (h, set) in &p.stages {
            let path = format!("policies[{i}].stages[\"{h}\"]");
            let horizons: BTreeSet<&str> = s.horizons.iter().map(|x| x.id.as_str()).collect();
            if c.known(&path, h, &horizons, "horizon") && s.horizon_index(h) == Some(0) {
                c.push(
                    path.clone(),
                    format!("\"{h}\" is the first horizon: set its values in the policy's levers; a stage starts at a later horizon"),
                    Some(format!("\"{h}\"")),
                );
            }
            let levers: BTreeSet<&str> = s.levers.iter().map(|x| x.id.as_str()).collect();
            for (id, &x) in set {
                let at = format!("{path}[\"{id}\"]");
                if c.known(&at, id, &levers, "lever")
                    && c.finite(&at, x)
                    && let Some(l) = s.levers.iter().find(|l| &l.id == id)
                    && l.min < l.max
                    && (x < l.min || x > l.max)
                {
                    c.push(
                        at,
                        format!("{x} is outside the lever's range {} to {} {}", l.min, l.max, l.unit),
                        Some(format!("\"{id}\"")),
                    );
                }
            }
        }
    }
    for (i, e) in s.effects.iter().enumerate() {
        let own = s.horizon_index(&e.horizon);
        let drivers = [e.driver.as_ref(), e.with.as_ref().and_then(|m| m.driver.as_ref())];
        for d in drivers.into_iter().flatten() {
            if let crate::model::scenario::Driver::LeverAt(l, h) = d
                && let (Some(t), Some(own)) = (s.horizon_index(h), own)
                && t > own
            {
                c.push(
                    format!("effects[{i}].driver"),
                    format!(
                        "LeverAt(\"{l}\", \"{h}\") reads the lever as set for a later horizon than the effect's own (\"{}\"); a choice cannot act before it is made",
                        e.horizon
                    ),
                    Some("LeverAt(".into()),
                );
            }
        }
    }
}
