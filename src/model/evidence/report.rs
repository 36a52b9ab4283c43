//! What the evidence panel and `motive-lab evidence` show: each item's state, how diagnostic
//! it is and whom it favours, each open item's value of sample information, and each
//! hypothesis's inconsistency with what has been observed.

use super::{EvidenceModel, Observation, Sample, evsi, evsi_of_fact};
use crate::model::evaluate::Model;
use crate::model::scenario::Scenario;
use crate::model::settings::Settings;
use crate::model::summary::Report;

/// One item's row.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemRow {
    /// Item index in the scenario.
    pub item: usize,
    /// Its state.
    pub state: Observation,
    /// Spread of its log likelihoods over the believed leaves (0: worthless).
    pub diagnosticity: f64,
    /// Leaf positions under which it is likelier than on average (observing it true favours
    /// them).
    pub favours: Vec<usize>,
    /// The tempered likelihood of the item under each leaf.
    pub likelihoods: Vec<f64>,
    /// Its likelihood on average over the leaves at the current credences, P(e).
    pub average: f64,
    /// For an open item: its value of sample information.
    pub sample: Option<Sample>,
}

/// One fact's row: its reports and what learning it for sure is worth.
#[derive(Debug, Clone, PartialEq)]
pub struct FactRow {
    /// Fact index in the scenario.
    pub fact: usize,
    /// The items that report it, in scenario order.
    pub reports: Vec<usize>,
    /// `P(fact true | leaf)` given its reports observed so far.
    pub likelihoods: Vec<f64>,
    /// Its probability on average over the leaves at the current credences.
    pub average: f64,
    /// What learning the fact for sure is worth now.
    pub sample: Sample,
}

/// The evidence analysis of a document state.
#[derive(Debug, Clone, PartialEq)]
pub struct EvidenceReport {
    /// Items, most diagnostic first.
    pub rows: Vec<ItemRow>,
    /// ACH inconsistency per leaf position.
    pub inconsistency: Vec<f64>,
    /// The open item most worth observing (highest EVSI, if any is above 0).
    pub most_worth: Option<usize>,
    /// The prior leaf weights (the sliders).
    pub prior: Vec<f64>,
    /// Facts, in scenario order.
    pub facts: Vec<FactRow>,
}

/// Analyse the evidence for these settings and their report (its central utilities and leaf
/// weights, the posterior when credences come from evidence).
#[must_use]
pub fn evidence_report(scenario: &Scenario, model: &Model, settings: &Settings, report: &Report) -> EvidenceReport {
    let ev = EvidenceModel::new(scenario, model);
    let w = &report.analysis.leaf_weights;
    let prior = model
        .leaf_weights(settings.slider_credences())
        .unwrap_or_else(|_| w.clone());
    let state = |i: usize| settings.observed.get(i).copied().unwrap_or_default();
    let values = (report.analysis.utility.as_slice(), w.as_slice());
    // With credences set by hand nothing observed moves the weights, so nothing observed
    // conditions a fact either.
    let all_open = vec![Observation::Open; settings.observed.len()];
    let conditioned = if settings.prior.is_some() {
        settings.observed.as_slice()
    } else {
        all_open.as_slice()
    };
    let mut rows: Vec<ItemRow> = (0..ev.len())
        .map(|i| {
            let likelihoods = ev.tempered(i, &prior);
            let pe: f64 = likelihoods.iter().zip(w).map(|(l, w)| l * w).sum();
            ItemRow {
                item: i,
                state: state(i),
                diagnosticity: ev.diagnosticity(i, &prior),
                favours: (0..likelihoods.len())
                    .filter(|&l| likelihoods[l] > pe + 1e-12)
                    .collect(),
                sample: (state(i) == Observation::Open).then(|| evsi(&ev, values, &prior, conditioned, &[i])),
                likelihoods,
                average: pe,
            }
        })
        .collect();
    rows.sort_by(|a, b| b.diagnosticity.total_cmp(&a.diagnosticity).then(a.item.cmp(&b.item)));
    let most_worth = rows
        .iter()
        .filter_map(|r| r.sample.map(|s| (r.item, s.evsi)))
        .filter(|(_, v)| *v > 1e-12)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i);
    let facts = (0..ev.facts.len())
        .map(|f| {
            let likelihoods = ev.fact_given(f, conditioned, &prior);
            FactRow {
                fact: f,
                reports: (0..ev.len()).filter(|&i| ev.fact_of[i] == Some(f)).collect(),
                average: likelihoods.iter().zip(w).map(|(l, w)| l * w).sum(),
                likelihoods,
                sample: evsi_of_fact(&ev, values, &prior, conditioned, f),
            }
        })
        .collect();
    EvidenceReport {
        rows,
        inconsistency: ev.inconsistency(&prior, &settings.observed),
        most_worth,
        prior,
        facts,
    }
}

/// EVSI of a chosen set of open items observed together.
#[must_use]
pub fn evsi_of_set(
    scenario: &Scenario,
    model: &Model,
    settings: &Settings,
    report: &Report,
    items: &[usize],
) -> Sample {
    let ev = EvidenceModel::new(scenario, model);
    let prior = model
        .leaf_weights(settings.slider_credences())
        .unwrap_or_else(|_| report.analysis.leaf_weights.clone());
    // As in the report: with credences by hand nothing observed conditions a fact.
    let all_open = vec![Observation::Open; settings.observed.len()];
    let conditioned = if settings.prior.is_some() {
        settings.observed.as_slice()
    } else {
        all_open.as_slice()
    };
    evsi(
        &ev,
        (&report.analysis.utility, &report.analysis.leaf_weights),
        &prior,
        conditioned,
        items,
    )
}
