//! A view's context without the app: an owned document, its derived results and the session
//! facts a view reads, so that one view can be drawn on its own (for example in a test with
//! `egui_kittest::Harness::new_ui_state`). Edits the view asks for are applied to the document
//! as the app would; every command it sends is kept in [`Standalone::sent`].

use crate::analysis::Derived;
use crate::model::document::{DocState, Document};
use crate::model::settings::Settings;
use crate::ui::ctx::{Action, Command, Notice, SessionView, Theme, View, ViewCtx};
use crate::ui::theme::Look;
use std::path::PathBuf;
use std::sync::Arc;

/// Everything a [`ViewCtx`] borrows, owned.
pub struct Standalone {
    /// The document.
    pub doc: Document,
    /// Its derived results.
    pub derived: Derived,
    /// The state as opened (the comparison, and what the unsaved mark compares with).
    pub opened: DocState,
    /// Comparison state A.
    pub pinned: Option<Settings>,
    /// The look.
    pub theme: Theme,
    /// The banner message.
    pub notice: Option<Notice>,
    /// An action waiting for the unsaved-changes answer.
    pub confirming: Option<Action>,
    /// Whether the outcomes table shows a column per hypothesis.
    pub per_hypothesis: bool,
    /// Recent files.
    pub recent: Vec<PathBuf>,
    /// The document's file.
    pub path: Option<PathBuf>,
    /// Names of the shipped presets.
    pub presets: Vec<String>,
    /// The state before the last classroom step.
    pub previous_step: Option<DocState>,
    /// Every command the views sent, in order.
    pub sent: Vec<Command>,
}

impl Standalone {
    /// A context on `doc`, as opened, in the dark look.
    #[must_use]
    pub fn new(doc: Document) -> Self {
        Self {
            derived: Derived::new(Arc::clone(&doc.scenario)),
            opened: doc.state.clone(),
            doc,
            pinned: None,
            theme: Theme::new(Look::Dark, false),
            notice: None,
            confirming: None,
            per_hypothesis: false,
            recent: Vec::new(),
            path: None,
            presets: crate::io::preset_names().to_vec(),
            sent: Vec::new(),
            previous_step: None,
        }
    }

    /// Compute the Pareto samples now, on this thread.
    #[must_use]
    pub fn with_samples(mut self) -> Self {
        if let Some(job) = self.derived.take_samples_job() {
            let samples = job.run();
            let scenario = Arc::clone(job.scenario());
            self.derived.deliver_samples(&scenario, Ok(samples));
        }
        self
    }

    /// Draw `view` (after running the uncertainty study of the settings if it has none), then
    /// apply the edits it asked for.
    pub fn show(&mut self, ui: &mut egui::Ui, view: &mut dyn View) {
        // The uncertainty study, which the app runs off the UI thread, runs here at once.
        if let Some(job) = self
            .derived
            .take_study_job(&self.doc.state.settings, crate::analysis::Depth::Full)
        {
            self.derived.deliver_study(job.run());
        }
        let mut commands = Vec::new();
        let session = SessionView {
            path: self.path.as_deref(),
            dirty: self.doc.state != self.opened,
            can_undo: false,
            can_redo: false,
            pinned: self.pinned.as_ref(),
            opened: &self.opened.settings,
            shipped_index: None,
            recent: &self.recent,
            presets: &self.presets,
            shipped_presets_fit: true,
            presets_beside: &[],
            embed_scenario: false,
            per_hypothesis: self.per_hypothesis,
            notice: self.notice.as_ref(),
            recovered: false,
            confirming: self.confirming.as_ref(),
            path_window: None,
            previous_step: self.previous_step.as_ref(),
            lesson: None,
            editor: None,
        };
        let mut ctx = ViewCtx::new(&self.doc, &mut self.derived, session, self.theme, &mut commands);
        view.ui(ui, &mut ctx);
        for c in commands {
            if let Command::Edit(e) = &c {
                self.doc
                    .state
                    .apply(e.clone(), &self.doc.scenario, self.derived.model(), &self.opened);
                ui.ctx().request_repaint();
            }
            self.sent.push(c);
        }
    }
}
