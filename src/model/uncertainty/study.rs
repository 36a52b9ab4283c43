//! One call from a document to everything the uncertainty views and `motive-lab uncertainty`
//! show: the optimised settings, the Monte Carlo over every candidate, the tornado and what
//! you would have to believe for each candidate to be best.

use super::believe::{Belief, believe};
use super::design::Design;
use super::optimise::{Objective, optimise};
use super::tornado::{Bar, tornado};
use super::{Buffers, Uncertainty, UncertaintyError, Weights, run};
use crate::model::decision::{Analysis, Candidate, analyse};
use crate::model::evaluate::EvaluationCache;
use crate::model::evaluate::Model;
use crate::model::scenario::Scenario;
use crate::model::settings::Settings;
use crate::model::summary::candidates;

/// Id of the settings with the highest expected utility found by the search.
pub const BEST_FOUND_ID: &str = "best_found";
/// Id of the settings with the least maximum regret found by the search.
pub const ROBUST_FOUND_ID: &str = "robust_found";

/// Settings found by the search.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// What was maximised.
    pub objective: Objective,
    /// The candidate: id [`BEST_FOUND_ID`] or [`ROBUST_FOUND_ID`].
    pub candidate: Candidate,
    /// The named policy with exactly these settings, if one has them (the candidate is then not
    /// added twice).
    pub same_as: Option<usize>,
}

/// Everything computed about the unknowns for one document state.
#[derive(Debug, Clone, PartialEq)]
pub struct Study {
    /// The candidates compared: the named policies, the found settings not already named,
    /// then the current settings (last).
    pub candidates: Vec<Candidate>,
    /// Number of named policies (the first candidates).
    pub named: usize,
    /// The searches' results (expected utility first, then minimax regret).
    pub found: Vec<Found>,
    /// The decision analysis at the central values over [`Study::candidates`].
    pub analysis: Analysis,
    /// The Monte Carlo over the same candidates; outcome bands for the current settings.
    pub mc: Uncertainty,
    /// Best candidate and runner-up at the central values, whose lead the tornado explains.
    pub lead: Option<(usize, usize)>,
    /// The tornado of that lead, largest swing first.
    pub tornado: Vec<Bar>,
    /// The best named policy and the named runner-up, whose lead the named tornado explains.
    pub lead_named: Option<(usize, usize)>,
    /// The tornado of that lead.
    pub tornado_named: Vec<Bar>,
    /// For each candidate, the nearest credences that make it best among the named policies
    /// (`None` if none do).
    pub beliefs: Vec<Option<Belief>>,
    /// What the study was allowed to do: on a large scenario fewer samples, a shorter search
    /// and a tornado over the unknowns most worth learning.
    pub budget: super::Budget,
}

/// The found settings as candidates, for the report: those not the same as a named policy.
#[must_use]
pub fn found_candidates(found: &[Found]) -> Vec<Candidate> {
    found
        .iter()
        .filter(|f| f.same_as.is_none())
        .map(|f| f.candidate.clone())
        .collect()
}

/// Run the search for both objectives.
#[must_use]
pub fn search(scenario: &Scenario, model: &Model, settings: &Settings) -> Vec<Found> {
    search_with(scenario, model, settings, false)
}

/// [`search`], over staged settings (one value per lever and horizon) when `staged`; a staged
/// result is a schedule, `[horizon * levers + lever]`.
#[must_use]
pub fn search_with(scenario: &Scenario, model: &Model, settings: &Settings, staged: bool) -> Vec<Found> {
    let Ok(w) = model.leaf_weights(&settings.credences) else {
        return Vec::new();
    };
    let taus = settings.taus(model);
    let base = candidates(scenario, settings);
    let starts: Vec<&[f64]> = base.iter().map(|c| c.levers.as_slice()).collect();
    // The two searches run side by side.
    let search_for = |(objective, id, name): (Objective, &str, &str)| {
        let (levers, _) = optimise(
            scenario,
            model,
            &starts,
            (&w, &settings.value_weights, &taus),
            (
                objective,
                super::Budget::for_study(scenario, super::DEFAULT_SAMPLES).search_evaluations,
                staged,
            ),
        )?;
        let full = scenario.full_schedule(&levers);
        let same_as = (0..scenario.policies.len()).find(|&p| scenario.full_schedule(&base[p].levers) == full);
        Some(Found {
            objective,
            candidate: Candidate {
                id: id.to_owned(),
                name: name.to_owned(),
                levers,
            },
            same_as,
        })
    };
    let (best, robust) = rayon::join(
        || search_for((Objective::ExpectedUtility, BEST_FOUND_ID, "Best found")),
        || search_for((Objective::MinimaxRegret, ROBUST_FOUND_ID, "Most robust found")),
    );
    best.into_iter().chain(robust).collect()
}

/// What one would have to believe for candidate `p` to be best. With one question, the nearest
/// leaf weights ([`believe`]). With several, the questions are independent, so credences can only
/// say products of each question's weights: the nearest weights of one question (the others as
/// they are) at which `p` is best, over every question, returned as joint leaf weights; `None`
/// when no change of one question's credences alone does it.
#[must_use]
pub fn believe_by_question(
    model: &Model,
    analysis: &crate::model::decision::Analysis,
    levers: &[&[f64]],
    p: usize,
    rivals: usize,
) -> Option<super::Belief> {
    if model.n_questions() <= 1 {
        return believe(&analysis.utility, levers, &analysis.leaf_weights, p, rivals);
    }
    let hw = &analysis.hypothesis_weights;
    let mut nearest: Option<super::Belief> = None;
    for q in 0..model.n_questions() {
        let by = crate::model::questions::by_question(model, hw, &analysis.utility, q);
        let Some(b) = believe(&by.utility, levers, &by.weights, p, rivals) else {
            continue;
        };
        let weights = (0..model.n_leaves())
            .map(|l| {
                let answers = model.leaf_answers(l);
                let mine = by.answers.binary_search(&answers[q]).map_or(0.0, |k| b.weights[k]);
                let others: f64 = (answers.iter().enumerate())
                    .filter(|&(j, _)| j != q)
                    .map(|(_, &h)| hw[h])
                    .product();
                mine * others
            })
            .collect();
        if nearest.as_ref().is_none_or(|n| b.distance < n.distance) {
            nearest = Some(super::Belief {
                policy: p,
                distance: b.distance,
                weights,
            });
        }
    }
    nearest
}

/// The candidate set with the found settings: named, found (not already named), current.
#[must_use]
pub fn with_found(scenario: &Scenario, settings: &Settings, found: &[Candidate]) -> Vec<Candidate> {
    let mut c = candidates(scenario, settings);
    let current = c.pop();
    c.extend(found.iter().cloned());
    c.extend(current);
    crate::model::summary::as_schedules(scenario, &mut c);
    c
}

/// Search, sample and analyse one document state.
///
/// # Errors
/// Unusable credences or weights.
pub fn study(
    scenario: &Scenario,
    model: &Model,
    settings: &Settings,
    design: &Design,
    buffers: &mut Buffers,
) -> Result<Study, UncertaintyError> {
    study_with(scenario, model, settings, design, buffers, None)
}

/// [`study`], with the settings an earlier search found when `found` is given (the quick study
/// the app runs while a slider moves: the search waits for the settings to rest).
///
/// # Errors
/// Unusable credences or weights.
pub fn study_with(
    scenario: &Scenario,
    model: &Model,
    settings: &Settings,
    design: &Design,
    buffers: &mut Buffers,
    found: Option<Vec<Found>>,
) -> Result<Study, UncertaintyError> {
    // Settings planned by stage are searched by stage.
    let found = found.unwrap_or_else(|| search_with(scenario, model, settings, !settings.stages.is_empty()));
    let candidates = with_found(scenario, settings, &found_candidates(&found));
    let taus = settings.taus(model);
    let analysis = analyse(
        model,
        &candidates,
        &settings.credences,
        &settings.value_weights,
        &taus,
        &mut EvaluationCache::default(),
    )?;
    let w = analysis.leaf_weights.clone();
    let weights = Weights {
        leaves: &w,
        values: &settings.value_weights,
        horizons: &taus,
    };
    let current = candidates.len().saturating_sub(1);
    let mc = run(
        model,
        design,
        &candidates,
        weights,
        (current, scenario.policies.len()),
        buffers,
    )?;
    let n = analysis.n_leaves;
    let budget = super::Budget {
        samples: design.n,
        ..super::Budget::for_study(scenario, design.n)
    };
    // On a large scenario the tornado covers the unknowns most worth learning (over every
    // candidate or over the named policies), as many as its budget allows.
    let mut which: Vec<usize> = (0..design.unknowns.len()).collect();
    let worth = |k: usize| mc.voi.parameters[k].max(mc.voi_named.parameters[k]);
    which.sort_by(|&a, &b| worth(b).total_cmp(&worth(a)).then(a.cmp(&b)));
    which.truncate(budget.tornado_unknowns);
    which.sort_unstable();
    // The best candidate and the runner-up among the first `k` candidates, and their tornado.
    let tornado_over = |k: usize| {
        let eu = &analysis.expected_utility;
        let best = (0..k).max_by(|&p, &q| eu[p].total_cmp(&eu[q]).then(q.cmp(&p)))?;
        let runner_up = (0..k)
            .filter(|&p| p != best && candidates[p].levers != candidates[best].levers)
            .max_by(|&p, &q| eu[p].total_cmp(&eu[q]).then(q.cmp(&p)))?;
        let bars = tornado(
            scenario,
            model,
            (&design.unknowns, &which),
            (&candidates[best], &candidates[runner_up]),
            (&w, &settings.value_weights, &taus),
            (
                &analysis.utility[best * n..(best + 1) * n],
                &analysis.utility[runner_up * n..(runner_up + 1) * n],
            ),
        );
        Some(((best, runner_up), bars))
    };
    let (lead, tornado) = tornado_over(candidates.len()).map_or((None, Vec::new()), |(l, b)| (Some(l), b));
    let (lead_named, tornado_named) =
        tornado_over(scenario.policies.len()).map_or((None, Vec::new()), |(l, b)| (Some(l), b));
    let levers: Vec<&[f64]> = candidates.iter().map(|c| c.levers.as_slice()).collect();
    let beliefs = (0..candidates.len())
        .map(|p| believe_by_question(model, &analysis, &levers, p, scenario.policies.len()))
        .collect();
    Ok(Study {
        budget,
        named: scenario.policies.len(),
        candidates,
        found,
        analysis,
        mc,
        lead,
        tornado,
        lead_named,
        tornado_named,
        beliefs,
    })
}
