//! Checks of what format version 2 adds: its fields refused in a version 1 file, the
//! yardstick, and the table of retired ids.

use super::Collector;
use crate::model::scenario::{Role, Scenario};
use std::collections::BTreeSet;

/// Fields of version 2 in a version 1 file are refused, not silently ignored.
pub(super) fn check_version_fields(c: &mut Collector, s: &Scenario) {
    if s.format_version >= 2 {
        return;
    }
    let mut v2 = Vec::new();
    if s.revision != 0 {
        v2.push("revision");
    }
    if !s.renamed.is_empty() {
        v2.push("renamed");
    }
    if s.numeraire.is_some() {
        v2.push("numeraire");
    }
    if s.value_scale.is_some() {
        v2.push("value_scale");
    }
    if s.horizon_weighting.is_some() {
        v2.push("horizon_weighting");
    }
    if s.outcomes.iter().any(|o| o.role != Role::End) {
        v2.push("role");
    }
    for field in v2 {
        c.push(
            field,
            format!("{field} is a format version 2 field; this file says format_version: 1"),
            Some(format!("{field}:")),
        );
    }
}

pub(super) fn check_numeraire(c: &mut Collector, s: &Scenario, outcomes: &BTreeSet<&str>) {
    let Some(id) = &s.numeraire else { return };
    if !c.known("numeraire", id, outcomes, "outcome") {
        return;
    }
    if let Some(o) = s.outcomes.iter().find(|o| &o.id == id)
        && o.role == Role::Mechanism
    {
        c.push(
            "numeraire",
            format!(
                "the yardstick \"{id}\" is a mechanism, so its default value weight is 0 and nothing could be measured in its units; choose an end"
            ),
            Some(format!("\"{id}\"")),
        );
    }
}

pub(super) fn check_renamed(c: &mut Collector, s: &Scenario) {
    let ids: BTreeSet<&str> = s
        .hypotheses
        .iter()
        .map(|h| h.id.as_str())
        .chain(s.levers.iter().map(|l| l.id.as_str()))
        .chain(s.outcomes.iter().map(|o| o.id.as_str()))
        .chain(s.horizons.iter().map(|h| h.id.as_str()))
        .chain(s.policies.iter().map(|p| p.id.as_str()))
        .collect();
    for (old, new) in &s.renamed {
        let path = format!("renamed[\"{old}\"]");
        if ids.contains(old.as_str()) {
            c.push(
                path.clone(),
                format!("\"{old}\" is still an id of this scenario, so it cannot also be retired"),
                Some(format!("\"{old}\"")),
            );
        }
        if let Some(new) = new
            && !ids.contains(new.as_str())
        {
            c.push(
                path,
                format!("\"{old}\" is renamed to \"{new}\", which is not an id of this scenario"),
                Some(format!("\"{new}\"")),
            );
        }
    }
}
