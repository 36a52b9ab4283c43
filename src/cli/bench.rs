//! The `bench` command: medians of the core's hot paths on the shipped scenario. The app's
//! frame times are added by the binary when it is built with the `gui` feature.

use crate::io::{SHIPPED_SCENARIOS, parse_scenario};
pub use crate::measure::{BenchResult, measure};
use crate::model::evaluate::EvaluationCache;
use crate::model::evaluate::Model;
use crate::model::scenario::Scenario;
use crate::model::settings::Settings;
use crate::model::summary::report;
use std::hint::black_box;

/// Run the core benchmarks and return printable lines.
#[must_use]
pub fn run_benchmarks(samples: usize) -> Vec<String> {
    let Some(shipped) = SHIPPED_SCENARIOS.first() else {
        return vec!["no shipped scenario".to_owned()];
    };
    let scenario = match parse_scenario(shipped.file_name, shipped.text) {
        Ok(s) => s,
        Err(e) => return vec![e.to_string()],
    };
    let model = match Model::new(&scenario) {
        Ok(m) => m,
        Err(problems) => {
            let mut lines = vec!["the shipped scenario does not validate:".to_owned()];
            lines.extend(problems.iter().map(|p| format!("  {}: {}", p.path, p.message)));
            return lines;
        }
    };
    let settings = Settings::defaults(&scenario);
    let mut out = vec![0.0; model.n_leaves() * model.cells()];
    let mut scratch = EvaluationCache::default();
    let mut lines = vec![format!(
        "Paris 2015: {} leaf hypotheses, {} outcomes x {} horizons, {} effects, {} policies + current; one core",
        model.n_leaves(),
        model.n_outcomes(),
        model.n_horizons(),
        scenario.effects.len(),
        scenario.policies.len()
    )];
    lines.push(
        measure("evaluate: all outcomes under all leaf hypotheses", samples, || {
            model.evaluate_into(black_box(&settings.levers), &mut out);
            black_box(&out);
        })
        .to_string(),
    );
    if let Err(e) = report(&scenario, &model, &settings, &mut scratch) {
        lines.push(format!("the full analysis fails at the defaults: {e}"));
        return lines;
    }
    lines.push(
        measure(
            "full analysis: outcomes, policies, regret, EVPI, flip points",
            samples,
            || {
                let r = report(&scenario, &model, black_box(&settings), &mut scratch);
                black_box(&r);
            },
        )
        .to_string(),
    );
    lines.extend(evidence_benchmarks(&scenario, &model, &settings, samples));
    lines.extend(uncertainty_benchmarks(&scenario, &model, &settings, samples.min(30)));
    lines
}

/// Bayes' rule and the value of sample information: the week-1 evidence observed, the rest open.
fn evidence_benchmarks(scenario: &Scenario, model: &Model, settings: &Settings, samples: usize) -> Vec<String> {
    use crate::model::evidence::{EvidenceModel, evsi, known_by};
    let mut s = settings.clone();
    s.observed = known_by(scenario, "2015-11-20");
    s.prior = Some(s.credences.clone());
    if s.update_posterior(scenario, model).is_err() {
        return vec!["the week-1 evidence is impossible at the defaults".to_owned()];
    }
    let Ok(rep) = report(scenario, model, &s, &mut EvaluationCache::default()) else {
        return vec!["the week-1 evidence cannot be evaluated".to_owned()];
    };
    let Ok(prior) = model.leaf_weights(settings.slider_credences()) else {
        return Vec::new();
    };
    let open: Vec<usize> = (0..scenario.evidence.len())
        .filter(|&i| s.observed[i] == crate::model::evidence::Observation::Open)
        .collect();
    vec![
        measure(
            &format!("evidence: posterior + EVSI of each of {} open items", open.len()),
            samples,
            || {
                let ev = EvidenceModel::new(scenario, model);
                let post = ev.posterior(scenario, black_box(&prior), &s.observed);
                if let Ok(w) = post {
                    for &i in &open {
                        black_box(evsi(&ev, (&rep.analysis.utility, &w), &prior, &s.observed, &[i]));
                    }
                }
            },
        )
        .to_string(),
    ]
}

/// The Monte Carlo, the search and the study's other parts, on the defaults.
fn uncertainty_benchmarks(scenario: &Scenario, model: &Model, settings: &Settings, samples: usize) -> Vec<String> {
    use crate::model::uncertainty::{
        Buffers, DEFAULT_SAMPLES, DEFAULT_SEED, Design, QUICK_SAMPLES, Weights, found_candidates, run, search, study,
        study_with, with_found,
    };
    let design = Design::new(scenario, DEFAULT_SAMPLES, DEFAULT_SEED);
    let found = search(scenario, model, settings);
    let candidates = with_found(scenario, settings, &found_candidates(&found));
    let Ok(w) = model.leaf_weights(&settings.credences) else {
        return vec!["the defaults' credences cannot be used".to_owned()];
    };
    let taus = settings.taus(model);
    let weights = Weights {
        leaves: &w,
        values: &settings.value_weights,
        horizons: &taus,
    };
    let mut buffers = Buffers::default();
    let quick = Design::new(scenario, QUICK_SAMPLES, DEFAULT_SEED);
    let mut quick_buffers = Buffers::default();
    let banded = (candidates.len() - 1, scenario.policies.len());
    vec![
        format!(
            "uncertainty: {} unknowns ({} named), {} candidates; kernel: {}",
            design.unknowns.len(),
            scenario.parameters.len(),
            candidates.len(),
            model.plan(&design.rows).describe()
        ),
        measure("uncertainty: draw the design (10,000 Latin hypercube samples)", samples, || {
            black_box(Design::new(scenario, DEFAULT_SAMPLES, DEFAULT_SEED));
        })
        .to_string(),
        measure(
            "uncertainty: 10,000 samples x all candidates (bands, P(best), regret, EVPPI)",
            samples,
            || {
                black_box(run(model, &design, &candidates, weights, banded, &mut buffers).ok());
            },
        )
        .to_string(),
        measure("uncertainty: 1,000 samples x all candidates", samples, || {
            black_box(run(model, &quick, &candidates, weights, banded, &mut quick_buffers).ok());
        })
        .to_string(),
        measure(
            "uncertainty: quick study of 1,000 samples (Monte Carlo, analysis, tornado, beliefs; the search's settings reused)",
            samples,
            || {
                let found = Some(found.clone());
                black_box(study_with(scenario, model, settings, &quick, &mut quick_buffers, found).ok());
            },
        )
        .to_string(),
        measure(
            "optimiser: best and most robust settings on the lever steps",
            samples,
            || {
                black_box(search(scenario, model, black_box(settings)));
            },
        )
        .to_string(),
        measure(
            "uncertainty study: search + Monte Carlo + tornado + believe",
            samples,
            || {
                black_box(study(scenario, model, settings, &design, &mut buffers).ok());
            },
        )
        .to_string(),
    ]
}
