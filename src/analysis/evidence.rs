//! The evidence matrix, the value of answering open questions, what the evidence did to the
//! credences, and what drives the gap between two policies: memoised like every derived
//! number, so the Evidence and gap views only draw.

use super::{Derived, Side};
use crate::model::evaluate::WeightError;
use crate::model::evidence::{EvidenceReport, Sample, evidence_report, evsi_of_set};
use crate::model::explain::{GapPart, evidence_sentence, gap};
use crate::model::lead::lead_sentences;
use crate::model::settings::Settings;
use std::sync::Arc;

/// The gap between two lever settings, part by part, or why it cannot be computed.
pub type GapResult = Result<Vec<GapPart>, WeightError>;

impl Derived {
    /// The evidence analysis of these settings (`None` if they cannot be evaluated).
    pub fn evidence(&mut self, settings: &Settings) -> Arc<Option<EvidenceReport>> {
        let report = self.report(Side::Live, settings).ok();
        let (scenario, model) = (&self.scenario, &self.model);
        self.evidence.get_with(
            |k| k == settings,
            || settings.clone(),
            |s| report.map(|r| evidence_report(scenario, model, s, &r)),
        )
    }

    /// What observing the open `items` together is worth at these settings.
    pub fn evidence_set(&mut self, settings: &Settings, items: &[usize]) -> Arc<Option<Sample>> {
        let report = self.report(Side::Live, settings).ok();
        let (scenario, model) = (&self.scenario, &self.model);
        self.evidence_sets.get_with(
            |(s, i)| s == settings && i[..] == items[..],
            || (settings.clone(), items.to_vec()),
            |(s, i)| report.map(|r| evsi_of_set(scenario, model, s, &r, i)),
        )
    }

    /// What the evidence did to the credences, in a sentence (`None` with credences set by
    /// hand, nothing observed, or settings that cannot be evaluated).
    pub fn evidence_sentence(&mut self, settings: &Settings) -> Arc<Option<String>> {
        let report = self.report(Side::Live, settings).ok();
        let (scenario, model) = (&self.scenario, &self.model);
        self.evidence_sentence.get_with(
            |k| k == settings,
            || settings.clone(),
            |s| report.and_then(|r| evidence_sentence(scenario, model, s, &r)),
        )
    }

    /// Where the verdict's answer comes from, in sentences (the lead's parts, the nearest values
    /// flip point, the user's settings against the best); empty for settings that cannot be
    /// evaluated.
    pub fn lead_sentences(&mut self, settings: &Settings) -> Arc<Vec<String>> {
        let report = self.report(Side::Live, settings).ok();
        let (scenario, model) = (&self.scenario, &self.model);
        self.lead_sentences.get_with(
            |k| k == settings,
            || settings.clone(),
            |s| {
                report
                    .map(|r| lead_sentences(scenario, model, s, &r))
                    .unwrap_or_default()
            },
        )
    }

    /// Each outcome and horizon's part in the utility gap between the levers `first` and
    /// `second` under these settings' weights.
    pub fn gap(&mut self, settings: &Settings, first: &[f64], second: &[f64]) -> Arc<GapResult> {
        let model = &self.model;
        self.gap.get_with(
            |(s, a, b)| s == settings && a[..] == first[..] && b[..] == second[..],
            || (settings.clone(), first.to_vec(), second.to_vec()),
            |(s, a, b)| gap(model, s, a, b),
        )
    }
}
