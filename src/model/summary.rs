//! One call from a document (scenario + settings) to everything the app and the command line
//! show: outcomes under the current settings and the decision analysis over the named policies
//! plus the current settings.

use crate::model::decision::{Analysis, Candidate, analyse};
use crate::model::evaluate::EvaluationCache;
use crate::model::evaluate::{Model, WeightError, expectation};
use crate::model::scenario::Scenario;
use crate::model::settings::Settings;
use crate::model::units::{Units, UnitsError};

/// Id of the candidate that stands for the live lever settings.
pub const CURRENT_ID: &str = "current";

/// Outcomes under the current settings.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    /// Cells per leaf (outcomes times horizons).
    pub cells: usize,
    /// Outcome values at `[leaf * cells + cell]`.
    pub values: Vec<f64>,
    /// Lowest value each effect's uncertainty range allows, `[leaf * cells + cell]`.
    pub low: Vec<f64>,
    /// Highest value each effect's uncertainty range allows, `[leaf * cells + cell]`.
    pub high: Vec<f64>,
    /// Expected value per cell, `sum_h w_h y_h`.
    pub expected: Vec<f64>,
    /// Smallest value over hypotheses with positive credence, per cell.
    pub min: Vec<f64>,
    /// Largest value over hypotheses with positive credence, per cell.
    pub max: Vec<f64>,
    /// Expected value of [`Evaluation::low`] per cell.
    pub expected_low: Vec<f64>,
    /// Expected value of [`Evaluation::high`] per cell.
    pub expected_high: Vec<f64>,
    /// What each horizon counts in utility, `tau_t` (see [`Model::taus`]).
    pub taus: Vec<f64>,
    /// Utility per leaf.
    pub utility: Vec<f64>,
    /// Expected utility.
    pub expected_utility: f64,
}

impl Evaluation {
    /// Value of `cell` under leaf position `leaf`.
    #[must_use]
    pub fn value(&self, leaf: usize, cell: usize) -> f64 {
        self.values[leaf * self.cells + cell]
    }
}

/// Everything computed from a document.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// Outcomes under the current settings.
    pub evaluation: Evaluation,
    /// The candidates compared: the named policies, then the current settings.
    pub candidates: Vec<Candidate>,
    /// The decision analysis over the candidates.
    pub analysis: Analysis,
    /// Utility differences in yardstick units, or why they cannot be.
    pub units: Result<Units, UnitsError>,
}

impl Report {
    /// Index of the candidate that stands for the current settings (see [`candidates`]).
    #[must_use]
    pub fn current(&self) -> usize {
        current_index(&self.candidates)
    }
    /// Whether candidate `p` is a named policy of the scenario (not the current settings).
    #[must_use]
    pub fn is_named(&self, p: usize) -> bool {
        p < self.current()
    }
}

/// Index of the current settings in a candidate set built by [`candidates`]: the last one.
#[must_use]
fn current_index(candidates: &[Candidate]) -> usize {
    candidates.len().saturating_sub(1)
}

/// The candidate set: every named policy, then the current settings (id [`CURRENT_ID`]).
#[must_use]
pub fn candidates(scenario: &Scenario, settings: &Settings) -> Vec<Candidate> {
    let mut c: Vec<Candidate> = scenario
        .policies
        .iter()
        .map(|p| Candidate {
            id: p.id.clone(),
            name: p.name.clone(),
            levers: scenario.policy_schedule(p),
        })
        .chain(std::iter::once(Candidate {
            id: CURRENT_ID.to_owned(),
            name: "Current settings".to_owned(),
            levers: scenario.schedule(&settings.levers, &settings.stages),
        }))
        .collect();
    as_schedules(scenario, &mut c);
    c
}

/// When any candidate is staged, every candidate as a full schedule (one value per lever and
/// horizon), so that two that do the same thing have the same lever values and compare equal.
pub fn as_schedules(scenario: &Scenario, candidates: &mut [Candidate]) {
    if candidates.iter().any(|c| c.levers.len() > scenario.levers.len()) {
        for c in candidates {
            c.levers = scenario.full_schedule(&c.levers);
        }
    }
}

/// Evaluate outcomes for the current settings.
///
/// # Errors
/// Unusable credences or weights.
pub fn evaluate(model: &Model, settings: &Settings) -> Result<Evaluation, WeightError> {
    let w = model.leaf_weights(&settings.credences)?;
    let taus = settings.taus(model);
    let total = model.weight_total(&settings.value_weights, &taus)?;
    let cells = model.cells();
    let n = model.n_leaves();
    let mut values = vec![0.0; n * cells];
    let mut low = values.clone();
    let mut high = values.clone();
    let levers = settings.schedule(model);
    model.evaluate_into(&levers, &mut values);
    model.evaluate_bounds_into(&levers, &mut low, &mut high);
    let weighted = |v: &[f64], cell: usize| model.expected(&w, v, cell);
    let over_believed = |cell: usize, f: fn(f64, f64) -> f64, init: f64| {
        (0..n)
            .filter(|&h| w[h] > 0.0)
            .map(|h| values[model.at(h, cell)])
            .fold(init, f)
    };
    let mut utility = vec![0.0; n];
    model.utilities_into(&values, &settings.value_weights, &taus, total, &mut utility);
    Ok(Evaluation {
        cells,
        expected: (0..cells).map(|c| weighted(&values, c)).collect(),
        min: (0..cells).map(|c| over_believed(c, f64::min, f64::INFINITY)).collect(),
        max: (0..cells)
            .map(|c| over_believed(c, f64::max, f64::NEG_INFINITY))
            .collect(),
        expected_low: (0..cells).map(|c| weighted(&low, c)).collect(),
        expected_high: (0..cells).map(|c| weighted(&high, c)).collect(),
        expected_utility: expectation(&w, |h| utility[h]),
        taus,
        utility,
        values,
        low,
        high,
    })
}

/// Evaluate and analyse a document.
///
/// # Errors
/// Unusable credences or weights.
pub fn report(
    scenario: &Scenario,
    model: &Model,
    settings: &Settings,
    cache: &mut EvaluationCache,
) -> Result<Report, WeightError> {
    crate::model::work::count(|w| w.reports += 1);
    let evaluation = evaluate(model, settings)?;
    let candidates = candidates(scenario, settings);
    let analysis = analyse(
        model,
        &candidates,
        &settings.credences,
        &settings.value_weights,
        &evaluation.taus,
        cache,
    )?;
    Ok(Report {
        evaluation,
        candidates,
        analysis,
        units: Units::of(scenario, model, settings),
    })
}
