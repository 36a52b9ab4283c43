//! The document the app starts on, and the smallest valid scenario it falls back to if the
//! shipped one could not be read (which the tests rule out for a release).

use crate::io::{SHIPPED_SCENARIOS, parse_document};
use crate::model::document::{Document, ScenarioSource};
use crate::model::scenario::Scenario;
use std::sync::Arc;

/// The built-in default document: the first shipped scenario at its defaults.
pub(super) fn default_document() -> Document {
    let parsed = SHIPPED_SCENARIOS
        .first()
        .map(|s| parse_document(s.file_name, s.text, None, 0));
    match parsed {
        Some(Ok(mut d)) => {
            "Scenario defaults".clone_into(&mut d.state.name);
            d
        }
        // The shipped scenario is checked by the tests; this cannot happen in a release.
        _ => Document::from_scenario(Arc::new(empty_scenario()), ScenarioSource::Embedded),
    }
}

fn empty_scenario() -> Scenario {
    use crate::model::scenario::{
        Baseline, Better, Dist, Horizon, Hypothesis, Lever, Limits, Outcome, SCENARIO_FORMAT_VERSION,
    };
    Scenario {
        format_version: SCENARIO_FORMAT_VERSION,
        id: "none".into(),
        title: "No scenario".into(),
        summary: String::new(),
        locked: false,
        sources: vec![],
        questions: vec![],
        hypotheses: vec![Hypothesis {
            id: "h".into(),
            name: "Hypothesis".into(),
            description: String::new(),
            source: String::new(),
            prior: 1.0,
            parent: None,
            question: None,
        }],
        levers: vec![Lever {
            id: "l".into(),
            name: "Lever".into(),
            unit: String::new(),
            min: 0.0,
            max: 1.0,
            step: 0.1,
            default: 0.0,
            description: String::new(),
        }],
        outcomes: vec![Outcome {
            id: "o".into(),
            name: "Outcome".into(),
            unit: String::new(),
            better: Better::Higher,
            worst: 0.0,
            best: 1.0,
            limits: Limits::default(),
            description: String::new(),
            role: crate::model::scenario::Role::End,
        }],
        horizons: vec![Horizon {
            id: "t".into(),
            name: "Horizon".into(),
            years: 1.0,
            description: String::new(),
        }],
        baselines: vec![Baseline {
            outcome: "o".into(),
            horizon: "t".into(),
            value: 0.0,
            by_hypothesis: std::collections::BTreeMap::default(),
            range: None,
            dist: Dist::Triangular,
            parameter: None,
            note: String::new(),
        }],
        effects: vec![],
        revision: 0,
        renamed: std::collections::BTreeMap::default(),
        numeraire: None,
        value_scale: None,
        horizon_weighting: None,
        policies: vec![],
        parameters: vec![],
        facts: vec![],
        evidence: vec![],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_scenario_is_valid() {
        assert!(crate::model::evaluate::Model::new(&empty_scenario()).is_ok());
    }
}
