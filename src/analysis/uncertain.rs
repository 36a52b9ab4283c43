//! The Monte Carlo study of the live settings, run as a job off the UI thread: the samples
//! (drawn once per scenario) and the latest study, with the settings it is for. A result for
//! settings that have since changed is kept to show (marked as updating) until the next one
//! arrives, and a new job starts only when none is running, so a moving slider never queues
//! more than one.

use super::Derived;
use crate::model::evaluate::Model;
use crate::model::scenario::Scenario;
use crate::model::settings::Settings;
use crate::model::uncertainty::{Buffers, DEFAULT_SAMPLES, DEFAULT_SEED, Design, Study, study};
use std::sync::Arc;

/// The study's state.
#[derive(Debug, Default, Clone)]
pub struct StudyState {
    /// The samples, once drawn.
    pub design: Option<Arc<Design>>,
    /// The latest study and the settings it is for.
    pub latest: Option<(Settings, Arc<Result<Study, String>>)>,
    /// Settings a job is computing now.
    pub running: Option<Settings>,
}

/// The work of one study, to run off the UI thread.
#[derive(Debug, Clone)]
pub struct StudyJob {
    pub(super) scenario: Arc<Scenario>,
    pub(super) model: Arc<Model>,
    pub(super) settings: Settings,
    pub(super) design: Option<Arc<Design>>,
}

/// A study job's result.
#[derive(Debug, Clone)]
pub struct StudyResult {
    /// The scenario it is for.
    pub scenario: Arc<Scenario>,
    /// The settings it is for.
    pub settings: Settings,
    /// The samples it used.
    pub design: Arc<Design>,
    /// The study, or why it could not run.
    pub study: Result<Study, String>,
}

impl StudyJob {
    /// Draw the samples if needed, then search, sample and analyse (about a tenth of a second
    /// on the Paris scenario).
    #[must_use]
    pub fn run(self) -> StudyResult {
        let design = self.design.unwrap_or_else(|| {
            // A large scenario takes fewer samples, so that its study stays within seconds.
            let n = crate::model::uncertainty::Budget::for_study(&self.scenario, DEFAULT_SAMPLES).samples;
            Arc::new(Design::new(&self.scenario, n, DEFAULT_SEED))
        });
        let study = study(
            &self.scenario,
            &self.model,
            &self.settings,
            &design,
            &mut Buffers::default(),
        )
        .map_err(|e| e.to_string());
        StudyResult {
            scenario: self.scenario,
            settings: self.settings,
            design,
            study,
        }
    }
}

impl Derived {
    /// The study's state.
    #[must_use]
    pub fn study(&self) -> &StudyState {
        &self.study
    }

    /// The latest study if it is for exactly these settings.
    #[must_use]
    pub fn fresh_study(&self, settings: &Settings) -> Option<&Study> {
        match &self.study.latest {
            Some((s, r)) if s == settings => r.as_ref().as_ref().ok(),
            _ => None,
        }
    }

    /// A study job for these settings, unless one is running or the latest is for them.
    pub fn take_study_job(&mut self, settings: &Settings) -> Option<StudyJob> {
        if self.study.running.is_some() || self.study.latest.as_ref().is_some_and(|(s, _)| s == settings) {
            return None;
        }
        self.study.running = Some(settings.clone());
        Some(StudyJob {
            scenario: Arc::clone(&self.scenario),
            model: Arc::clone(&self.model),
            settings: settings.clone(),
            design: self.study.design.clone(),
        })
    }

    /// A study job's result; ignored if it was for another scenario.
    pub fn deliver_study(&mut self, result: StudyResult) {
        if !Arc::ptr_eq(&result.scenario, &self.scenario) {
            return;
        }
        self.study.running = None;
        self.study.design = Some(result.design);
        self.study.latest = Some((result.settings, Arc::new(result.study)));
    }

    /// A study job that could not run or stopped: no result, and the next frame may try again
    /// with a new job only if the settings change.
    pub fn study_failed(&mut self, scenario: &Arc<Scenario>, settings: Settings, why: String) {
        if !Arc::ptr_eq(scenario, &self.scenario) {
            return;
        }
        self.study.running = None;
        self.study.latest = Some((settings, Arc::new(Err(why))));
    }
}
