//! The evidence part of the JSON report: every item's state and worth, and every fact's.

use crate::model::evaluate::Model;
use crate::model::scenario::Scenario;
use crate::model::settings::Settings;
use crate::model::summary::Report;
use serde::Serialize;

/// One fact: the items that report it and what learning it for sure is worth now.
#[derive(Debug, Serialize)]
pub struct FactJson {
    /// Id.
    pub id: String,
    /// Ids of the items that report it.
    pub reports: Vec<String>,
    /// Expected value of learning it for sure, utility units.
    pub evsi: f64,
    /// The same in yardstick units.
    pub evsi_units: Option<f64>,
    /// Whether either answer would change the best policy.
    pub changes_decision: bool,
}

/// One evidence item's state and worth.
#[derive(Debug, Serialize)]
pub struct EvidenceJson {
    /// Id.
    pub id: String,
    /// When it became public.
    pub date: String,
    /// `true`, `false` or `open`.
    pub state: &'static str,
    /// Spread of its log likelihoods over the hypotheses.
    pub diagnosticity: f64,
    /// Expected value of sample information of an open item, utility units (`null` if observed).
    pub evsi: Option<f64>,
    /// The same in yardstick units.
    pub evsi_units: Option<f64>,
    /// Whether either answer would change the best policy (`null` if observed).
    pub changes_decision: Option<bool>,
    /// The fact it reports, if any (version 3).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fact: Option<String>,
}

/// The evidence items (by date) and the facts (in scenario order) of a report.
#[must_use]
pub fn evidence_json(
    s: &Scenario,
    model: &Model,
    settings: &Settings,
    rep: &Report,
) -> (Vec<EvidenceJson>, Vec<FactJson>) {
    let evidence = crate::model::evidence::evidence_report(s, model, settings, rep);
    let units = rep.units.as_ref().ok();
    let mut evidence_rows: Vec<EvidenceJson> = evidence
        .rows
        .iter()
        .map(|r| {
            let e = &s.evidence[r.item];
            EvidenceJson {
                id: e.id.clone(),
                date: e.date.clone(),
                state: r.state.word(),
                diagnosticity: r.diagnosticity,
                evsi: r.sample.map(|x| x.evsi),
                evsi_units: r.sample.and_then(|x| units.map(|u| u.of_utility(x.evsi))),
                changes_decision: r.sample.map(|x| x.changes_decision),
                fact: e.fact.clone(),
            }
        })
        .collect();
    evidence_rows.sort_by(|a, b| a.date.cmp(&b.date).then(a.id.cmp(&b.id)));
    let facts = (evidence.facts.iter())
        .map(|f| FactJson {
            id: s.facts[f.fact].id.clone(),
            reports: f.reports.iter().map(|&i| s.evidence[i].id.clone()).collect(),
            evsi: f.sample.evsi,
            evsi_units: units.map(|u| u.of_utility(f.sample.evsi)),
            changes_decision: f.sample.changes_decision,
        })
        .collect();
    (evidence_rows, facts)
}
