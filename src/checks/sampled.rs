//! The sampled evaluation against the plain one: a sample's multipliers on the baselines give
//! the plain evaluation of the scenario with each baseline's levels scaled by its multiplier.

use crate::model::evaluate::{Model, SampleOut, SampleScratch};
use crate::model::scenario::Scenario;
use crate::model::settings::Settings;
use crate::model::uncertainty::Design;

/// Check the baselines' multipliers on the first sample of a small design.
pub(super) fn check_baseline_multipliers(s: &Scenario) {
    let model = Model::compile(s);
    let design = Design::new(s, 2, 1);
    let n = design.n;
    // Effects at their central value; baselines at their draw in sample 0.
    let mut multipliers = vec![1.0; model.n_slots() * n];
    let effects = s.effects.len();
    let mut scaled = s.clone();
    for (b, baseline) in scaled.baselines.iter_mut().enumerate() {
        let m = design.multiplier(effects + b, 0);
        multipliers[(effects + b) * n] = m;
        multipliers[(effects + b) * n + 1] = m;
        baseline.value *= m;
        for x in baseline.by_hypothesis.values_mut() {
            *x *= m;
        }
    }
    let settings = Settings::defaults(s);
    let taus = settings.taus(&model);
    let Ok(total) = model.weight_total(&settings.value_weights, &taus) else {
        return;
    };
    let leaves = model.n_leaves();
    let mut utility = vec![0.0; leaves * n];
    let mut values = vec![0.0; leaves * model.cells() * n];
    model.sample_into(
        &settings.levers,
        &multipliers,
        n,
        (&settings.value_weights, &taus, total),
        &mut SampleScratch::default(),
        SampleOut {
            utility: &mut utility,
            values: Some(&mut values),
        },
    );
    let mut plain = vec![0.0; leaves * model.cells()];
    Model::compile(&scaled).evaluate_into(&settings.levers, &mut plain);
    for (i, y) in plain.iter().enumerate() {
        let sampled = values[i * n];
        assert!(
            (sampled - y).abs() <= 1e-9 * (1.0 + y.abs()),
            "value {i}: sampled {sampled} with the baselines' multipliers, {y} with the baselines scaled"
        );
    }
}
