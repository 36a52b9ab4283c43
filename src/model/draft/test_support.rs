//! What the draft's tests share: the shipped Paris scenario, a blank made from it, an edit, and
//! every outcome value of a scenario.

#![allow(clippy::expect_used, reason = "a test stops at the first surprise")]

use super::{Draft, Effect, Event, ScenarioEdit};
use crate::model::evaluate::Model;
use crate::model::scenario::Scenario;
use std::sync::Arc;

pub(super) fn paris() -> Arc<Scenario> {
    let text = crate::io::shipped_scenario_text("paris-2015").expect("shipped");
    Arc::new(ron::from_str(text).expect("parses"))
}

pub(super) fn values(s: &Scenario, levers: &[f64]) -> Vec<f64> {
    let m = Model::new(s).expect("compiles");
    let mut out = vec![0.0; m.n_leaves() * m.cells()];
    m.evaluate_into(levers, &mut out);
    out
}

pub(super) fn edit(d: &mut Draft, e: ScenarioEdit) -> Effect {
    d.on(Event::Edit(e))
}

/// Paris with nothing in it but its first horizon and its settings' frame: a blank to build on.
pub(super) fn emptied() -> Scenario {
    let mut s = (*paris()).clone();
    s.questions.clear();
    s.hypotheses.clear();
    s.levers.clear();
    s.outcomes.clear();
    s.horizons.truncate(1);
    s.baselines.clear();
    s.effects.clear();
    s.policies.clear();
    s.evidence.clear();
    s.facts.clear();
    s.parameters.clear();
    s.renamed.clear();
    s.numeraire = None;
    s
}
