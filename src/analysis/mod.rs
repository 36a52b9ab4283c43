//! Derived results: every number a view shows, computed in one place from the document and
//! memoised on its inputs, so an unchanged frame computes nothing. Long work (the policy
//! samples of the Pareto view) is handed out as a job for the shell to run off the UI thread;
//! its result comes back through [`Derived::deliver_samples`].

mod class;
mod evidence;
pub mod memo;
mod samples;
mod types;
mod uncertain;

pub use class::{Brier, ClassReport};
pub use evidence::GapResult;
pub use types::{CredenceLines, Pareto, SamplesJob, SamplesState, Side};
pub use uncertain::{Depth, StudyJob, StudyResult, StudyState};

use crate::model::credence::all_shares;
use crate::model::decision::split_utilities;
use crate::model::evaluate::EvaluationCache;
use crate::model::evaluate::{Contribution, Model, WeightError};
use crate::model::frontier::{pareto_front, staircase};
use crate::model::scenario::{Better, Scenario};
use crate::model::settings::Settings;
use crate::model::summary::{Report, report};
use crate::model::sweep::{Sweep, lever_sweep, utility_sweep};
use memo::Memo;
use std::sync::Arc;

/// Policies sampled for the Pareto view.
const PARETO_SAMPLES: usize = 10_000;
/// Most outcome values the Pareto samples may hold (8 bytes each), whatever the scenario's size.
const MAX_SAMPLE_VALUES: usize = 20_000_000;
/// Points along a lever sweep.
const SWEEP_STEPS: usize = 81;

/// A sweep, or why the settings cannot be swept.
type SweepResult = Result<Arc<Sweep>, WeightError>;

/// A report, or why the settings cannot be evaluated.
pub type ReportResult = Result<Arc<Report>, WeightError>;

type MarksKey = (Vec<f64>, Vec<f64>, Option<Vec<f64>>, usize, usize);
type SweepKey = (Vec<f64>, Vec<f64>, usize, usize);
/// The samples' points (held, so their identity is their address) and the marks drawn with them.
type FrontKey = (Arc<Pareto>, Vec<[f64; 2]>);

/// Every derived result of one scenario, memoised. Make a new one when the scenario changes.
#[derive(Debug)]
pub struct Derived {
    scenario: Arc<Scenario>,
    model: Arc<Model>,
    cache: EvaluationCache,
    reports: [Memo<Settings, ReportResult>; 2],
    samples: SamplesState,
    /// Whether the Pareto samples are staged.
    samples_staged: bool,
    pareto: Memo<(Vec<f64>, usize, usize), Pareto>,
    marks: Memo<MarksKey, Vec<[f64; 2]>>,
    sweeps: [Memo<SweepKey, Sweep>; 2],
    credence: [Memo<(Settings, usize), Result<CredenceLines, WeightError>>; 2],
    contributions: Memo<(Vec<f64>, usize), Vec<Contribution>>,
    conflicting: Memo<usize, Option<usize>>,
    shares: Memo<Vec<f64>, Vec<f64>>,
    front: Memo<FrontKey, Vec<[f64; 2]>>,
    utility_sweeps: [Memo<(Settings, usize), SweepResult>; 2],
    decisive: Memo<Settings, Option<usize>>,
    evidence: Memo<Settings, Option<crate::model::evidence::EvidenceReport>>,
    evidence_sets: Memo<(Settings, Vec<usize>), Option<crate::model::evidence::Sample>>,
    evidence_sentence: Memo<Settings, Option<String>>,
    lead_sentences: Memo<Settings, Vec<String>>,
    gap: Memo<(Settings, Vec<f64>, Vec<f64>), GapResult>,
    study: StudyState,
    /// How many samples the study draws for this scenario (worked out once).
    study_samples: usize,
    code: Memo<Vec<f64>, String>,
    class: Memo<class::ClassKey, ClassReport>,
}

fn slot(side: Side) -> usize {
    match side {
        Side::Live => 0,
        Side::Reference => 1,
    }
}

impl Derived {
    /// Derived results of a scenario that validation accepted.
    #[must_use]
    pub fn new(scenario: Arc<Scenario>) -> Self {
        let model = Arc::new(Model::compile(&scenario));
        let study_samples =
            crate::model::uncertainty::Budget::for_study(&scenario, crate::model::uncertainty::DEFAULT_SAMPLES).samples;
        Self {
            scenario,
            model,
            cache: EvaluationCache::default(),
            reports: Default::default(),
            samples: SamplesState::NotStarted,
            samples_staged: false,
            pareto: Memo::default(),
            marks: Memo::default(),
            sweeps: Default::default(),
            credence: Default::default(),
            contributions: Memo::default(),
            conflicting: Memo::default(),
            shares: Memo::default(),
            front: Memo::default(),
            utility_sweeps: Default::default(),
            decisive: Memo::default(),
            evidence: Memo::default(),
            evidence_sets: Memo::default(),
            evidence_sentence: Memo::default(),
            lead_sentences: Memo::default(),
            gap: Memo::default(),
            study: StudyState::default(),
            study_samples,
            code: Memo::default(),
            class: Memo::default(),
        }
    }

    /// The scenario.
    #[must_use]
    pub fn scenario(&self) -> &Arc<Scenario> {
        &self.scenario
    }

    /// The model work done on this thread so far (compilations, evaluations, reports,
    /// evidence analyses): unchanged across a frame that recomputed nothing.
    #[must_use]
    pub fn work() -> crate::model::work::Work {
        crate::model::work::done()
    }

    /// The compiled scenario.
    #[must_use]
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// Outcomes and the decision analysis for these settings.
    ///
    /// # Errors
    /// Settings the engine cannot evaluate (all credences zero, nothing weighted).
    pub fn report(&mut self, side: Side, settings: &Settings) -> ReportResult {
        let (scenario, model, cache) = (&self.scenario, &self.model, &mut self.cache);
        let r = self.reports[slot(side)].get_with(
            |k| k == settings,
            || settings.clone(),
            |s| report(scenario, model, s, cache).map(Arc::new),
        );
        (*r).clone()
    }

    /// How many samples the uncertainty study draws for this scenario (fewer than the default
    /// for a scenario so large that the default would take more than a few seconds).
    #[must_use]
    pub fn study_samples(&self) -> usize {
        self.study_samples
    }

    /// The non-dominated front over every point a Pareto view draws (the samples in `pareto`
    /// and the `marks`: named policies, current settings, A), as a staircase (see
    /// [`staircase`]).
    pub fn front(&mut self, pareto: &Arc<Pareto>, marks: &[[f64; 2]], cx: usize, cy: usize) -> Arc<Vec<[f64; 2]>> {
        let (model, scenario) = (&self.model, &self.scenario);
        // The same Arc, the same points: the key holds it, so its address is not reused.
        self.front.get_with(
            |(p, m)| Arc::ptr_eq(p, pareto) && m[..] == marks[..],
            || (Arc::clone(pareto), marks.to_vec()),
            |_| {
                let better = |cell: usize| {
                    let (o, _) = model.outcome_horizon(cell);
                    scenario.outcomes.get(o).is_some_and(|o| o.better == Better::Higher)
                };
                let dirs = [better(cx), better(cy)];
                let all: Vec<[f64; 2]> = pareto.points.iter().chain(marks).copied().collect();
                let front: Vec<[f64; 2]> = pareto_front(&all, dirs).into_iter().map(|i| all[i]).collect();
                staircase(&front, dirs)
            },
        )
    }

    /// Every hypothesis's share of its sibling group under these credences.
    pub fn shares(&mut self, credences: &[f64]) -> Arc<Vec<f64>> {
        let model = &self.model;
        self.shares.get_with(
            |k| k[..] == credences[..],
            || credences.to_vec(),
            |c| all_shares(model, c),
        )
    }

    /// The hypothesis a credence sweep shows by default: the one nearest to changing the best
    /// policy at `settings` (the document as opened, so the default stays put while the
    /// sliders move); `None` if no credence change alone changes it.
    pub fn decisive_hypothesis(&mut self, settings: &Settings) -> Option<usize> {
        let (scenario, model, cache) = (&self.scenario, &self.model, &mut self.cache);
        *self.decisive.get_with(
            |k| k == settings,
            || settings.clone(),
            |s| report(scenario, model, s, cache).ok()?.analysis.nearest_flip(),
        )
    }

    /// Expected values of the samples on cells `cx` and `cy` and their front; `None` until the
    /// samples are ready.
    pub fn pareto(&mut self, leaf_weights: &[f64], cx: usize, cy: usize) -> Option<Arc<Pareto>> {
        let SamplesState::Ready(samples) = &self.samples else {
            return None;
        };
        let model = &self.model;
        let p = self.pareto.get_with(
            |(w, x, y)| w[..] == leaf_weights[..] && (*x, *y) == (cx, cy),
            || (leaf_weights.to_vec(), cx, cy),
            |(w, cx, cy)| Pareto {
                samples: Arc::clone(samples),
                points: samples.expected_points(model, w, *cx, *cy),
            },
        );
        Some(p)
    }

    /// Expected `(x, y)` on cells `cx`, `cy` of every candidate of `report`, then of the
    /// comparison levers if given.
    pub fn policy_points(
        &mut self,
        report: &Report,
        reference: Option<&[f64]>,
        cx: usize,
        cy: usize,
    ) -> Arc<Vec<[f64; 2]>> {
        let current = &report.candidates[report.current()].levers;
        let weights = &report.analysis.leaf_weights;
        let is_key = |(c, w, r, x, y): &MarksKey| {
            c == current && w == weights && r.as_deref() == reference && (*x, *y) == (cx, cy)
        };
        let key = || (current.clone(), weights.clone(), reference.map(<[f64]>::to_vec), cx, cy);
        let (model, cache) = (&self.model, &mut self.cache);
        self.marks.get_with(is_key, key, |(_, w, reference, cx, cy)| {
            // The named policies were evaluated for the report: only the moved settings are new.
            let mut at = |levers: &[f64]| {
                let values = cache.evaluated(model, levers);
                [model.expected(w, values, *cx), model.expected(w, values, *cy)]
            };
            let mut points: Vec<[f64; 2]> = report.candidates.iter().map(|c| at(&c.levers)).collect();
            if let Some(r) = reference {
                points.push(at(r));
            }
            points
        })
    }

    /// Lever `lever` across its range against cell `cell`, the other levers at `levers`.
    pub fn lever_sweep(
        &mut self,
        side: Side,
        levers: &[f64],
        leaf_weights: &[f64],
        lever: usize,
        cell: usize,
    ) -> Arc<Sweep> {
        let (model, scenario) = (&self.model, &self.scenario);
        let is_key =
            |(x, w, l, c): &SweepKey| x[..] == levers[..] && w[..] == leaf_weights[..] && (*l, *c) == (lever, cell);
        let key = || (levers.to_vec(), leaf_weights.to_vec(), lever, cell);
        self.sweeps[slot(side)].get_with(is_key, key, |(x, w, lever, cell)| match scenario.levers.get(*lever) {
            Some(l) => lever_sweep(model, l, *lever, x, w, *cell, SWEEP_STEPS),
            None => Sweep {
                xs: vec![],
                per_leaf: vec![],
                expected: vec![],
            },
        })
    }

    /// Lever `lever` across its range against utility under each leaf and expected, with the
    /// rest of `settings` as they are.
    ///
    /// # Errors
    /// Weights the engine cannot use.
    pub fn utility_sweep(&mut self, side: Side, settings: &Settings, lever: usize) -> SweepResult {
        let (model, scenario) = (&self.model, &self.scenario);
        let sweep = self.utility_sweeps[slot(side)].get_with(
            |(s, l)| s == settings && *l == lever,
            || (settings.clone(), lever),
            |(s, lever)| {
                let weights = model.leaf_weights(&s.credences)?;
                let sweep = match scenario.levers.get(*lever) {
                    Some(l) => utility_sweep(
                        model,
                        l,
                        *lever,
                        &s.schedule(model),
                        &weights,
                        &s.value_weights,
                        &s.taus(model),
                        SWEEP_STEPS,
                    ),
                    None => Ok(Sweep {
                        xs: vec![],
                        per_leaf: vec![],
                        expected: vec![],
                    }),
                };
                sweep.map(Arc::new)
            },
        );
        (*sweep).clone()
    }

    /// Expected utility of every candidate of `report` (computed for `settings`) as the
    /// credence in hypothesis `k` goes from 0 to 1.
    ///
    /// # Errors
    /// Settings the engine cannot evaluate.
    pub fn credence_lines(
        &mut self,
        side: Side,
        settings: &Settings,
        report: &Report,
        k: usize,
    ) -> Result<Arc<CredenceLines>, WeightError> {
        let model = &self.model;
        let lines = self.credence[slot(side)].get_with(
            |(s, h)| s == settings && *h == k,
            || (settings.clone(), k),
            |(s, k)| {
                let a = &report.analysis;
                split_utilities(
                    model,
                    *k,
                    &s.credences,
                    &a.hypothesis_weights,
                    &a.utility,
                    report.candidates.len(),
                )
                .map(|(inside, outside)| CredenceLines {
                    hypothesis: *k,
                    inside,
                    outside,
                })
            },
        );
        lines.as_ref().clone().map(Arc::new)
    }

    /// Each effect's part in `cell` at these lever values.
    pub fn contributions(&mut self, levers: &[f64], cell: usize) -> Arc<Vec<Contribution>> {
        let model = &self.model;
        self.contributions.get_with(
            |(x, c)| x[..] == levers[..] && *c == cell,
            || (levers.to_vec(), cell),
            |(x, cell)| model.contributions(x, *cell),
        )
    }
}

#[cfg(test)]
mod tests;
