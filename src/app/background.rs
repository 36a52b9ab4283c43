//! The app's background work: the Pareto samples and the uncertainty study run as jobs off the
//! UI thread, their results handed to the derived results when they come back.

use super::{JobOutput, MotiveApp};
use crate::analysis::{Depth, SamplesState};
use std::sync::Arc;

/// How long the settings must stay the same before the uncertainty study of them starts.
pub const STUDY_DELAY: std::time::Duration = std::time::Duration::from_millis(250);

impl MotiveApp {
    /// Wait for the Pareto samples (tests and benchmarks).
    pub fn wait_for_samples(&mut self) {
        self.start_jobs(None);
        while matches!(self.derived.samples(), SamplesState::Pending) {
            match self.jobs.wait() {
                Some(out) => {
                    let ctx = self.jobs.context();
                    self.job_done(&ctx, out);
                }
                None => break,
            }
        }
    }

    /// Start the Pareto samples a new scenario needs and wait for every spawned job in flight,
    /// delivering the results; whether any came back. A study waiting for its delay is not
    /// started. Tests: the monkey calls it after each action, so that a replay of its seed sees
    /// the same frames on any machine.
    pub fn wait_for_jobs(&mut self) -> bool {
        let mut any = false;
        loop {
            self.start_samples();
            let done = self.jobs.wait_all();
            if done.is_empty() {
                return any;
            }
            any = true;
            let ctx = self.jobs.context();
            for out in done {
                self.job_done(&ctx, out);
            }
        }
    }

    /// How long the settings must stay the same before their uncertainty study starts
    /// ([`STUDY_DELAY`] by default; 0 starts it on the frame they change, as tests want).
    pub fn set_study_delay(&mut self, delay: std::time::Duration) {
        self.study.set_delay(delay);
    }

    /// Wait for the full uncertainty study of the live settings (tests and benchmarks),
    /// starting it at once if it has not started.
    pub fn wait_for_study(&mut self) {
        self.start_study(None);
        while self.derived.study().running.is_some() {
            match self.jobs.wait() {
                Some(out) => {
                    let ctx = self.jobs.context();
                    self.job_done(&ctx, out);
                }
                None => break,
            }
            self.start_study(None);
        }
    }

    /// Start the uncertainty study of the live settings: a quick one while they change, the
    /// full one once they have stayed the same for the study delay (with `ctx`; at once
    /// without, or with a delay of 0). One job at a time: a slider being dragged is followed by
    /// one quick study after another, each for the settings of the frame it starts on.
    pub(super) fn start_study(&mut self, ctx: Option<&egui::Context>) {
        let settings = self.session.doc.state.settings.clone();
        let mut depth = Depth::Full;
        if let Some(ctx) = ctx
            && let Err(wait) = self.study.check(&settings, std::time::Instant::now())
        {
            ctx.request_repaint_after(wait);
            depth = Depth::Quick;
        }
        let Some(job) = self.derived.take_study_job(&settings, depth) else {
            return;
        };
        let scenario = Arc::clone(self.derived.scenario());
        let started = self.jobs.spawn(
            "uncertainty",
            move || JobOutput::Study(Box::new(job.run())),
            move || JobOutput::StudyFailed(scenario, settings),
        );
        if let Err(e) = started {
            let scenario = Arc::clone(self.derived.scenario());
            let settings = self.session.doc.state.settings.clone();
            self.derived.study_failed(&scenario, settings, e);
        }
    }

    /// Start the background work the frame needs: the study, and the Pareto samples once the
    /// Pareto view is shown (not before: until then they would only take memory), or when
    /// waited for (`ctx` absent).
    pub(super) fn start_jobs(&mut self, ctx: Option<&egui::Context>) {
        self.start_study(ctx);
        if ctx.is_none() || self.views.results.tab == crate::ui::ctx::PlotTab::Pareto {
            self.start_samples();
        }
    }

    /// Start the Pareto samples of the scenario if it has none and none are being drawn.
    fn start_samples(&mut self) {
        let Some(job) = self.derived.take_samples_job() else {
            return;
        };
        let (for_work, for_panic) = (Arc::clone(job.scenario()), Arc::clone(job.scenario()));
        let started = self.jobs.spawn(
            "pareto-samples",
            move || JobOutput::Samples(for_work, Ok(job.run())),
            move || JobOutput::Samples(for_panic, Err("the sampling job stopped with an internal error".into())),
        );
        if let Err(e) = started {
            let scenario = Arc::clone(self.derived.scenario());
            self.derived.deliver_samples(&scenario, Err(e));
        }
    }

    pub(super) fn job_done(&mut self, ctx: &egui::Context, out: JobOutput) {
        match out {
            JobOutput::Samples(scenario, result) => self.derived.deliver_samples(&scenario, result),
            JobOutput::Dialog(outcome) => self.dialog_answered(ctx, outcome),
            JobOutput::ClassCodesPicked(Some(path), _) => self.read_class_codes(Some(path)),
            JobOutput::ClassCodesPicked(None, took) if took < super::files::NO_DIALOG => {
                self.notice = Some(crate::ui::ctx::Notice::info(
                    "No file dialog on this desktop: paste the codes into the Class tab instead",
                ));
            }
            JobOutput::ClassCodesPicked(None, _) => {}
            JobOutput::Exported(path, result) => {
                self.exported(&path, result);
            }
            JobOutput::Study(result) => self.derived.deliver_study(*result),
            JobOutput::StudyFailed(scenario, settings) => self.derived.study_failed(
                &scenario,
                settings,
                "the uncertainty study stopped with an internal error".to_owned(),
            ),
        }
    }
}
