//! The eframe application shell: owns the session (document, file, history), the derived
//! results, the views and the jobs; draws the views in their panels and applies the commands
//! they send, once per frame.

mod background;
pub use background::STUDY_DELAY;
pub use recovery::{APP_ID, AUTOSAVE_AFTER, RECOVERY_FILE};
pub mod bench;
mod commands;
mod defaults;
mod export;
mod files;
pub mod history;
mod jobs;
mod persist;
mod recovery;
pub mod session;

pub use jobs::{DialogOutcome, JobOutput, Jobs};
pub use persist::Persisted;
pub use session::Session;

use defaults::default_document;

use crate::analysis::Derived;
use crate::io::SHIPPED_PRESETS;
use crate::model::document::{DocState, Document};
use crate::model::preset::Settings;
use crate::ui::ctx::{Command, Notice, SessionView, Theme, View, ViewCtx};
use crate::ui::theme::{self, Look};
use crate::ui::views::step_changes::StepChangesView;
use crate::ui::views::{
    assumptions::AssumptionsView, confirm::ConfirmView, credences::CredencesView, file_window::FileWindowView,
    header::HeaderView, help::HelpView, levers::LeversView, menu::MenuView, notice::NoticeView, results::ResultsView,
    weights::WeightsView,
};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Preferences kept between runs.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// Recently opened or saved files, newest first.
    pub recent: Vec<PathBuf>,
    /// Light or dark.
    pub look: Look,
    /// Show one column per hypothesis in the outcomes table.
    pub per_hypothesis: bool,
    /// Ask for files in the system's dialog (false: always in the app's own path window, as
    /// when no dialog service is installed; `MOTIVE_LAB_NO_SYSTEM_DIALOG=1` sets it at start; not remembered).
    pub system_dialog: bool,
}

impl Default for Prefs {
    fn default() -> Self {
        Self {
            recent: Vec::new(),
            look: Look::Dark,
            per_hypothesis: false,
            system_dialog: true,
        }
    }
}

/// Every view of the window. Only the results area's view state persists between runs.
#[derive(Debug, Default)]
pub struct Views {
    menu: MenuView,
    header: HeaderView,
    notice: NoticeView,
    /// The credence panel (its locks).
    pub credences: CredencesView,
    levers: LeversView,
    weights: WeightsView,
    /// The results area and its plots.
    pub results: ResultsView,
    /// The assumptions window.
    pub assumptions: AssumptionsView,
    /// Classroom mode's account of a step.
    step_changes: StepChangesView,
    /// The open-or-save-by-path window.
    pub file_window: FileWindowView,
    /// The shipped documents.
    pub help: HelpView,
    confirm: ConfirmView,
}

/// The desktop app.
#[allow(
    clippy::struct_excessive_bools,
    reason = "independent flags of the shell, not a state machine"
)]
pub struct MotiveApp {
    /// The document and its history.
    pub session: Session,
    /// Every number the views show, memoised.
    pub derived: Derived,
    /// The views.
    pub views: Views,
    /// Preferences kept between runs.
    pub prefs: Prefs,
    /// Banner message.
    pub notice: Option<Notice>,
    /// A command waiting for the unsaved-changes answer.
    pub confirm: Option<Command>,
    /// Classroom mode.
    pub classroom: bool,
    commands: Vec<Command>,
    jobs: Jobs,
    /// The live settings and since when they have not changed (the study waits for a pause).
    settled: Option<(crate::model::preset::Settings, std::time::Instant)>,
    /// The recovery file: where it is and what was last written.
    autosave: recovery::Autosave,
    /// How long the settings must stay the same before their study starts.
    study_delay: std::time::Duration,
    /// A file dialog is open.
    dialog_open: bool,
    /// A dialog's answer that arrived while the unsaved-changes question was open.
    pending_dialog: Option<DialogOutcome>,
    /// Close was confirmed; let the window close.
    quit_confirmed: bool,
    /// Look and zoom applied (to re-apply only on change).
    applied_look: Option<(Look, bool)>,
    /// The window title last sent.
    shown_title: String,
    /// An export of the window waits for the next frame's screenshot.
    pending_screenshot: Option<PathBuf>,
    /// A system file dialog came back empty at once: there is none; use the path window.
    no_system_dialog: bool,
    /// The action an unsaved-changes prompt holds back until the document is saved to a path
    /// still to be chosen; dropped when that choice is abandoned.
    after_save: Option<Command>,
    /// The state before the last classroom step (what the step panel compares with).
    previous_step: Option<DocState>,
    /// A menu, popup or combo box was open at the end of the last frame (Esc closes it first).
    popup_open: bool,
    /// Names of the shipped presets (read once).
    preset_names: Vec<String>,
    /// The user quit discarding work that was never saved: keep no document for the next run.
    forget_document: bool,
    /// The state as it was when the user chose to discard its changes, so that the action
    /// that follows (a file dialog, say) does not ask again.
    discard_approved: Option<DocState>,
}

impl MotiveApp {
    /// The app on its built-in default scenario, with no storage (tests and benchmarks).
    #[must_use]
    pub fn new_default(ctx: &egui::Context) -> Self {
        Self::with_document(ctx, default_document(), Prefs::default(), ResultsView::default())
    }

    /// The app on `doc`, untitled (tests of other scenarios).
    #[must_use]
    pub fn with_document(ctx: &egui::Context, doc: Document, prefs: Prefs, results: ResultsView) -> Self {
        let system_dialog = prefs.system_dialog;
        Self {
            derived: Derived::new(Arc::clone(&doc.scenario)),
            session: Session::new(doc, None),
            views: Views {
                results,
                ..Views::default()
            },
            prefs,
            notice: None,
            confirm: None,
            classroom: false,
            commands: Vec::new(),
            jobs: Jobs::new(ctx),
            dialog_open: false,
            pending_dialog: None,
            settled: None,
            autosave: recovery::Autosave::default(),
            study_delay: STUDY_DELAY,
            quit_confirmed: false,
            applied_look: None,
            shown_title: String::new(),
            discard_approved: None,
            forget_document: false,
            popup_open: false,
            previous_step: None,
            no_system_dialog: !system_dialog,
            after_save: None,
            pending_screenshot: None,
            preset_names: SHIPPED_PRESETS.iter().map(crate::io::ShippedFile::name).collect(),
        }
    }

    /// The document.
    #[must_use]
    pub fn doc(&self) -> &Document {
        &self.session.doc
    }

    /// The settings being edited.
    #[must_use]
    pub fn settings(&self) -> &Settings {
        &self.session.doc.state.settings
    }

    /// The document's file.
    #[must_use]
    pub fn path(&self) -> Option<&Path> {
        self.session.path.as_deref()
    }

    /// Whether the document differs from its file.
    #[must_use]
    pub fn dirty(&self) -> bool {
        self.session.dirty()
    }

    /// The window title.
    #[must_use]
    pub fn title(&self) -> String {
        self.session.title()
    }

    /// Queue a command, as a view would.
    pub fn send(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// The views' context and the views, borrowed apart.
    fn split(&mut self) -> (&mut Views, ViewCtx<'_>) {
        let s = &self.session;
        let session = SessionView {
            path: s.path.as_deref(),
            dirty: s.dirty(),
            can_undo: s.history.can_undo(),
            can_redo: s.history.can_redo(),
            pinned: s.pinned.as_ref(),
            opened: &s.opened.settings,
            shipped_index: s.shipped_index,
            recent: &self.prefs.recent,
            presets: &self.preset_names,
            per_hypothesis: self.prefs.per_hypothesis,
            notice: self.notice.as_ref(),
            recovered: self.autosave.before_recovery.is_some(),
            confirming: self.confirm.as_ref(),
            previous_step: self.previous_step.as_ref(),
        };
        let theme = Theme::new(self.prefs.look, self.classroom);
        let ctx = ViewCtx::new(&s.doc, &mut self.derived, session, theme, &mut self.commands);
        (&mut self.views, ctx)
    }

    /// Draw one view in `ui`.
    fn show(&mut self, ui: &mut egui::Ui, pick: impl FnOnce(&mut Views) -> &mut dyn View) {
        let (views, mut ctx) = self.split();
        pick(views).ui(ui, &mut ctx);
    }

    /// Everything drawn in one frame, without eframe's `Frame` (used by tests and `bench`).
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if self.applied_look != Some((self.prefs.look, self.classroom)) {
            theme::apply(&ctx, self.prefs.look, self.classroom);
            self.applied_look = Some((self.prefs.look, self.classroom));
        }
        for out in self.jobs.finished() {
            self.job_done(out);
        }
        self.start_jobs(Some(&ctx));
        self.take_screenshot(&ctx);
        // While the unsaved-changes question is open, nothing else may change the document.
        if self.confirm.is_none() {
            if let Some(outcome) = self.pending_dialog.take() {
                self.dialog_open = false;
                self.dialog_answered(outcome);
            }
            self.shortcuts(&ctx);
            self.dropped_files(&ctx);
        }
        self.run_commands(&ctx);
        self.autosave(&ctx);
        if self.after_save.is_some() && !self.dialog_open && self.views.file_window.action().is_none() {
            // Where to save was not chosen: the held-back action is dropped, not run later.
            self.after_save = None;
        }
        self.close_request(&ctx);
        // Viewport commands request a repaint: send the title only when it changes.
        let title = self.session.title();
        if title != self.shown_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
        self.layout_ui(ui);
        // Menus, popups and combo boxes draw in the foreground layer (the unsaved-changes modal
        // does too, but while it is open no shortcut runs).
        self.popup_open = ctx.memory(|m| {
            m.areas()
                .visible_layer_ids()
                .iter()
                .any(|l| l.order == egui::Order::Foreground)
        });
        self.run_commands(&ctx);
        // A drag in progress is not yet an undo step: commit when the pointer is released.
        if !ctx.input(|i| i.pointer.any_down()) {
            self.session.commit();
        }
    }

    fn layout_ui(&mut self, ui: &mut egui::Ui) {
        if !self.classroom {
            egui::Panel::top("menu").show(ui, |ui| self.show(ui, |v| &mut v.menu));
        }
        egui::Panel::top("header").show(ui, |ui| self.show(ui, |v| &mut v.header));
        if self.notice.is_some() {
            egui::Panel::bottom("notice").show(ui, |ui| self.show(ui, |v| &mut v.notice));
        }
        egui::Panel::left("settings")
            .resizable(true)
            .default_size(theme::SIDE_PANEL_WIDTH)
            .min_size(260.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
                    self.show(ui, |v| &mut v.credences);
                    ui.separator();
                    self.show(ui, |v| &mut v.levers);
                    ui.separator();
                    if self.classroom {
                        // Below the sliders, so that stepping moves nothing an instructor aims at.
                        self.show(ui, |v| &mut v.step_changes);
                    } else {
                        self.show(ui, |v| &mut v.weights);
                    }
                });
            });
        // The results below show the edits just made in the settings panel.
        self.apply_edits(ui.ctx());
        let central = egui::CentralPanel::default().show(ui, |ui| self.show(ui, |v| &mut v.results));
        self.views.assumptions.area = Some(central.response.rect);
        self.show(ui, |v| &mut v.assumptions);
        self.show(ui, |v| &mut v.file_window);
        self.show(ui, |v| &mut v.help);
        self.show(ui, |v| &mut v.confirm);
    }
}

impl eframe::App for MotiveApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame_ui(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.save_state(storage);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // A clean exit: the session is in eframe's storage, nothing is left to recover.
        self.remove_recovery();
    }
}
