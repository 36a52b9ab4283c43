//! Checks of what format version 3 adds: its fields refused in an older file, and uncertain
//! baselines' ranges, distributions and parameters.

use super::Collector;
use crate::model::scenario::{Dist, Scenario};

/// Fields of version 3 in a version 1 or 2 file are refused, not silently ignored.
pub(super) fn check_version3_fields(c: &mut Collector, s: &Scenario) {
    if s.format_version >= 3 {
        return;
    }
    for field in s.format3_fields() {
        let name = field.split(' ').next().unwrap_or(field);
        c.push(
            name,
            format!(
                "{field} is a format version 3 field; this file says format_version: {} (move the file to version 3)",
                s.format_version
            ),
            Some(format!("{name}:")),
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
