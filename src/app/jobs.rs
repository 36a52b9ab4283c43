//! Work off the UI thread: each job runs on its own native thread (on the web it would be a
//! `wasm_bindgen_futures::spawn_local` task), and its result comes back through one channel
//! with a repaint request, so the UI picks it up on the next frame.

use crate::model::frontier::Samples;
use crate::model::scenario::Scenario;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::Duration;

/// What a file dialog came back with, and how long it was open.
#[derive(Debug)]
pub enum DialogOutcome {
    /// A file to open, or none.
    Open(Option<PathBuf>, Duration),
    /// A file to save to, or none.
    Save(Option<PathBuf>, Duration),
}

/// A finished job.
#[derive(Debug)]
pub enum JobOutput {
    /// The Pareto view's policy samples for a scenario.
    Samples(Arc<Scenario>, Result<Samples, String>),
    /// A file dialog's answer.
    Dialog(DialogOutcome),
    /// An export written (or why not).
    Exported(PathBuf, Result<(), String>),
    /// The uncertainty study of some settings.
    Study(Box<crate::analysis::StudyResult>),
    /// The uncertainty study stopped with an internal error.
    StudyFailed(Arc<Scenario>, crate::model::settings::Settings),
    /// The file of class codes the system's dialog picked (`None`: closed, or no dialog), and
    /// how long the dialog was open.
    ClassCodesPicked(Option<PathBuf>, std::time::Duration),
}

/// Sends a result back to the app from anywhere, waking it.
#[derive(Clone)]
pub struct JobSender {
    tx: Sender<JobOutput>,
    ctx: egui::Context,
}

impl JobSender {
    /// Deliver `out`; dropped if the app has quit.
    pub fn send(&self, out: JobOutput) {
        if self.tx.send(out).is_ok() {
            self.ctx.request_repaint();
        }
    }
}

/// One running job thread, counted out of [`Jobs`] when dropped.
struct Running(Arc<AtomicUsize>);

impl Drop for Running {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Runs jobs and collects their results.
pub struct Jobs {
    tx: Sender<JobOutput>,
    rx: Receiver<JobOutput>,
    ctx: egui::Context,
    /// Spawned jobs whose result is not yet sent (each thread counts itself out after sending).
    running: Arc<AtomicUsize>,
}

impl Jobs {
    /// Jobs that wake `ctx` when they finish.
    #[must_use]
    pub fn new(ctx: &egui::Context) -> Self {
        let (tx, rx) = channel();
        Self {
            tx,
            rx,
            ctx: ctx.clone(),
            running: Arc::new(AtomicUsize::new(0)),
        }
    }

    /// Run `work` off the UI thread; a panic in it comes back as `on_panic()`.
    ///
    /// # Errors
    /// The system could not start a thread.
    pub fn spawn(
        &self,
        name: &str,
        work: impl FnOnce() -> JobOutput + Send + 'static,
        on_panic: impl FnOnce() -> JobOutput + Send + 'static,
    ) -> Result<(), String> {
        let (tx, ctx, running) = (self.tx.clone(), self.ctx.clone(), Arc::clone(&self.running));
        self.running.fetch_add(1, Ordering::SeqCst);
        std::thread::Builder::new()
            .name(name.to_owned())
            .spawn(move || {
                // Counted out when the thread ends, however it ends, after the result is sent.
                let _running = Running(running);
                let out = std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)).unwrap_or_else(|_| on_panic());
                // The receiver lives as long as the app; if it is gone the app has quit.
                if tx.send(out).is_ok() {
                    ctx.request_repaint();
                }
            })
            .map(drop)
            .map_err(|e| {
                self.running.fetch_sub(1, Ordering::SeqCst);
                format!("could not start the {name} thread: {e}")
            })
    }

    /// The context the jobs wake.
    #[must_use]
    pub fn context(&self) -> egui::Context {
        self.ctx.clone()
    }

    /// A sender for work that reports back by callback rather than as a spawned job.
    #[must_use]
    pub fn sender(&self) -> JobSender {
        JobSender {
            tx: self.tx.clone(),
            ctx: self.ctx.clone(),
        }
    }

    /// Every result that has arrived.
    pub fn finished(&self) -> Vec<JobOutput> {
        self.rx.try_iter().collect()
    }

    /// Block until the next result (tests and benchmarks).
    #[must_use]
    pub fn wait(&self) -> Option<JobOutput> {
        self.rx.recv().ok()
    }

    /// Block until every spawned job has finished, and take all the results that have arrived
    /// (tests, so that what a frame shows does not depend on how fast the machine is). Results
    /// sent through a `JobSender` (a screenshot export, which the UI thread writes) are taken
    /// if they have arrived, not waited for.
    #[must_use]
    pub fn wait_all(&self) -> Vec<JobOutput> {
        let mut out = Vec::new();
        // A thread counts itself out only after sending, so at 0 every result is in the channel.
        while self.running.load(Ordering::SeqCst) > 0 {
            if let Ok(o) = self.rx.recv_timeout(Duration::from_millis(5)) {
                out.push(o);
            }
        }
        out.extend(self.rx.try_iter());
        out
    }
}
