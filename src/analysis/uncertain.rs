//! The Monte Carlo study of the live settings, run as a job off the UI thread: the samples
//! (drawn once per scenario, a full design and a quick one) and the latest study, with the
//! settings it is for. While a slider moves, quick studies of [`QUICK_SAMPLES`] samples follow
//! it (reusing the settings the last full study's search found); once the settings rest, a full
//! study refines the result. A result for settings that have since changed is kept to show
//! (marked as updating) until the next one arrives, and a new job starts only when none is
//! running, so a moving slider never queues more than one.
//!
//! The jobs run on a pool of their own with one thread fewer than the machine has cores (at
//! least one), so that the frames keep a core to themselves.

use super::Derived;
use crate::model::evaluate::Model;
use crate::model::scenario::Scenario;
use crate::model::settings::Settings;
use crate::model::uncertainty::{Buffers, DEFAULT_SAMPLES, DEFAULT_SEED, Design, QUICK_SAMPLES, Study, study_with};
use std::sync::Arc;

/// The study's state.
#[derive(Debug, Default, Clone)]
pub struct StudyState {
    /// The full study's samples, when a caller keeps them for the next study (the app does not:
    /// see [`Derived::deliver_study`]).
    pub design: Option<Arc<Design>>,
    /// The quick study's samples, once drawn.
    pub quick_design: Option<Arc<Design>>,
    /// The latest study and the settings it is for.
    pub latest: Option<(Settings, Arc<Result<Study, String>>)>,
    /// Settings a job is computing now.
    pub running: Option<Settings>,
}

/// How many samples a study takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Depth {
    /// [`QUICK_SAMPLES`], the search's settings reused: while the settings move.
    Quick,
    /// The scenario's full count, with a search: once they rest.
    Full,
}

/// The work of one study, to run off the UI thread.
#[derive(Debug, Clone)]
pub struct StudyJob {
    pub(super) scenario: Arc<Scenario>,
    pub(super) model: Arc<Model>,
    pub(super) settings: Settings,
    pub(super) design: Option<Arc<Design>>,
    pub(super) depth: Depth,
    /// The settings the last search found (reused by a quick study).
    pub(super) found: Option<Vec<crate::model::uncertainty::Found>>,
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
    /// How deep it went.
    pub depth: Depth,
}

/// The pool studies run on: one thread fewer than the machine's cores, at least one.
fn pool() -> Option<&'static rayon::ThreadPool> {
    static POOL: std::sync::OnceLock<Option<rayon::ThreadPool>> = std::sync::OnceLock::new();
    POOL.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
        rayon::ThreadPoolBuilder::new()
            .num_threads(cores.saturating_sub(1).max(1))
            .thread_name(|i| format!("study-{i}"))
            .build()
            .ok()
    })
    .as_ref()
}

impl StudyJob {
    /// Draw the samples if needed, then search (a full study), sample and analyse: a few
    /// hundredths of a second on the Paris scenario, a few thousandths for a quick one.
    #[must_use]
    pub fn run(self) -> StudyResult {
        let work = || {
            let design = self.design.clone().unwrap_or_else(|| {
                let n = match self.depth {
                    // A large scenario takes fewer samples, so that its study stays within seconds.
                    Depth::Full => {
                        crate::model::uncertainty::Budget::for_study(&self.scenario, DEFAULT_SAMPLES).samples
                    }
                    Depth::Quick => QUICK_SAMPLES,
                };
                Arc::new(Design::new(&self.scenario, n, DEFAULT_SEED))
            });
            let found = match self.depth {
                Depth::Quick => self.found.clone(),
                Depth::Full => None,
            };
            let study = study_with(
                &self.scenario,
                &self.model,
                &self.settings,
                &design,
                &mut Buffers::default(),
                found,
            )
            .map_err(|e| e.to_string());
            (design, study)
        };
        let (design, study) = match pool() {
            Some(pool) => pool.install(work),
            None => work(),
        };
        StudyResult {
            scenario: self.scenario,
            settings: self.settings,
            design,
            study,
            depth: self.depth,
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

    /// A study job of this depth for these settings, unless one is running or the latest is
    /// for them (a quick one is refined by a full one; a failed one is not tried again).
    pub fn take_study_job(&mut self, settings: &Settings, depth: Depth) -> Option<StudyJob> {
        if self.study.running.is_some() {
            return None;
        }
        let full = self.study_samples;
        let have = match &self.study.latest {
            Some((s, r)) if s == settings => Some(r.as_ref().as_ref().map_or(usize::MAX, |st| st.mc.samples)),
            _ => None,
        };
        let enough = match depth {
            Depth::Quick => have.is_some(),
            Depth::Full => have.is_some_and(|n| n >= full),
        };
        if enough {
            return None;
        }
        self.study.running = Some(settings.clone());
        let found = (self.study.latest.as_ref())
            .and_then(|(_, r)| r.as_ref().as_ref().ok())
            .map(|st| st.found.clone());
        let design = match depth {
            Depth::Full => self.study.design.clone(),
            Depth::Quick => self.study.quick_design.clone(),
        };
        Some(StudyJob {
            scenario: Arc::clone(&self.scenario),
            model: Arc::clone(&self.model),
            settings: settings.clone(),
            design,
            depth,
            // Without a search of its own, a quick study needs one done before: until the first
            // full study, it searches too.
            found,
        })
    }

    /// A study job's result; ignored if it was for another scenario.
    pub fn deliver_study(&mut self, result: StudyResult) {
        if !Arc::ptr_eq(&result.scenario, &self.scenario) {
            return;
        }
        self.study.running = None;
        // The quick design is kept for the next quick study; the full one (tens of megabytes)
        // is drawn again by the next full study, a hundredth of a second, rather than held.
        if result.depth == Depth::Quick {
            self.study.quick_design = Some(result.design);
        }
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
