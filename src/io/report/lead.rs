//! The parts of the JSON report that say where the answer comes from: the lead's parts by
//! outcome and horizon, and the value weights at which another policy would be best.

use crate::model::evaluate::Model;
use crate::model::lead::{lead_parts, value_flips};
use crate::model::scenario::Scenario;
use crate::model::settings::Settings;
use crate::model::summary::Report;
use serde::Serialize;

/// One outcome at one horizon's part in the best policy's lead over the runner-up.
#[derive(Debug, Serialize)]
pub struct LeadPartJson {
    /// Outcome id.
    pub outcome: String,
    /// Horizon id.
    pub horizon: String,
    /// Its part of the lead, in utility (positive: for the best policy).
    pub utility: f64,
    /// The same in yardstick units (`null` without a yardstick).
    pub units: Option<f64>,
}

/// The nearest value weight of one outcome at which another policy is best.
#[derive(Debug, Serialize)]
pub struct ValueFlipJson {
    /// Outcome id.
    pub outcome: String,
    /// Its value weight now.
    pub now: f64,
    /// The weight at which the best policy changes.
    pub weight: f64,
    /// The policy best beyond it.
    pub policy: String,
}

/// The lead's parts (largest first; empty without a runner-up) and the value flips (only the
/// outcomes with one).
#[must_use]
pub fn lead_json(
    s: &Scenario,
    model: &Model,
    settings: &Settings,
    rep: &Report,
) -> (Vec<LeadPartJson>, Vec<ValueFlipJson>) {
    let units = rep.units.as_ref().ok();
    let parts = match lead_parts(model, settings, rep) {
        Ok(Some((_, _, parts))) => (parts.iter())
            .map(|p| LeadPartJson {
                outcome: s.outcomes[p.outcome].id.clone(),
                horizon: s.horizons[p.horizon].id.clone(),
                utility: p.utility,
                units: units.map(|u| u.of_utility(p.utility)),
            })
            .collect(),
        _ => Vec::new(),
    };
    let flips = value_flips(model, settings, &rep.candidates, rep.analysis.best)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|f| {
            let (weight, to) = f.nearest()?;
            Some(ValueFlipJson {
                outcome: s.outcomes[f.outcome].id.clone(),
                now: f.weight,
                weight,
                policy: rep.candidates[to].id.clone(),
            })
        })
        .collect();
    (parts, flips)
}
