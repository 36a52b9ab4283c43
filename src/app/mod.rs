//! The eframe application shell: owns the session (document, file, history), the derived
//! results, the views and the jobs; draws the views in their panels and applies the commands
//! they send, once per frame.

mod background;
pub use background::STUDY_DELAY;
pub mod flow;
mod settle;
pub use recovery::{APP_ID, AUTOSAVE_AFTER, RECOVERY_FILE};
pub mod bench;
mod commands;
mod defaults;
pub mod editor;
mod export;
mod files;
pub mod history;
mod jobs;
mod layout;
mod lesson;
mod persist;
mod prefs;
mod recovery;
pub mod session;

pub use jobs::{DialogOutcome, JobOutput, Jobs};
pub use persist::Persisted;
pub use prefs::Prefs;
pub use session::Session;

use defaults::default_document;

use crate::analysis::Derived;
use crate::model::document::Document;
use crate::model::settings::Settings;
use crate::ui::ctx::{Command, Notice, SessionView, Theme, View, ViewCtx};
use crate::ui::theme::{self, Look};
use crate::ui::views::{
    assumptions::AssumptionsView, confirm::ConfirmView, credences::CredencesView, file_window::FileWindowView,
    header::HeaderView, help::HelpView, lesson::LessonView, levers::LeversView, menu::MenuView, notice::NoticeView,
    results::ResultsView, weights::WeightsView,
};
use flow::Flow;
use settle::Settle;
use std::path::{Path, PathBuf};
use std::sync::Arc;

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
    /// The open-or-save-by-path window.
    pub file_window: FileWindowView,
    /// The shipped documents.
    pub help: HelpView,
    confirm: ConfirmView,
    lesson: LessonView,
    /// The scenario editor (its tab, focus and the path typed for saving).
    pub editor: crate::ui::views::editor::EditorView,
}

/// The presets saved beside the document's scenario file, and the scenario source they were
/// read for.
#[derive(Debug, Default)]
struct Beside {
    source: Option<crate::model::document::ScenarioSource>,
    presets: Vec<(String, PathBuf)>,
}

/// What the shell last did to the window, so that it does it again only on change.
#[derive(Debug, Default)]
struct Chrome {
    /// Look, mode and classroom zoom applied.
    applied_look: Option<(Look, bool, f32)>,
    /// The window title last sent.
    shown_title: String,
    /// A menu, popup or combo box was open at the end of the last frame (Esc closes it first).
    popup_open: bool,
    /// An export of the window waits for the next frame's screenshot.
    pending_screenshot: Option<PathBuf>,
}

impl Views {
    /// A new scenario: what the views hold about the old one goes.
    fn scenario_changed(&mut self) {
        self.credences.unlock_all();
        self.assumptions.close();
    }
}

/// The desktop app.
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
    /// Classroom mode.
    pub classroom: bool,
    /// Commands sent this frame, applied at the points [`MotiveApp::frame_ui`] names.
    commands: Vec<Command>,
    jobs: Jobs,
    /// The document flow: the unsaved-changes question, dialogs, the path window, quitting.
    flow: Flow,
    /// The recovery file: where it is and what was last written.
    autosave: recovery::Autosave,
    /// The live settings and since when they have not changed (the study waits for a pause).
    study: Settle<Settings>,
    chrome: Chrome,
    /// The presets beside the scenario file, for the Presets menu.
    beside: Beside,
    /// The lesson being played, if any.
    lesson: Option<lesson::Playing>,
    /// The scenario editor, if open.
    editor: Option<editor::Editing>,
}

impl MotiveApp {
    /// The app as eframe starts it: restores the last session, then opens `file` if given.
    #[must_use]
    pub fn new(cc: &eframe::CreationContext<'_>, file: Option<PathBuf>) -> Self {
        let stored = cc.storage.and_then(|s| s.get_string(persist::STORAGE_KEY));
        let (persisted, problem) = match stored.as_deref().map(Persisted::from_ron) {
            None => (Persisted::default(), None),
            Some(Ok(p)) => (p, None),
            Some(Err(e)) => (Persisted::default(), Some(e)),
        };
        let mut app = Self::restored(&cc.egui_ctx, persisted, file);
        // Autosave goes with eframe's persistence: without storage (tests, a run without a
        // data folder) nothing is written or recovered.
        if cc.storage.is_some() {
            app.set_recovery_dir(recovery::default_dir());
            app.recover();
            app.first_run();
        }
        if let Some(e) = problem {
            app.notice = Some(crate::ui::ctx::Notice::error(
                "The settings of the last run could not be read; the app starts afresh",
                vec![e.to_string()],
            ));
        }
        app
    }

    /// On the first run (the preferences have never shown it), open the first-steps page:
    /// what the tool is for and where to start. Closing it dismisses it; Help brings it back.
    pub fn first_run(&mut self) {
        if !self.prefs.first_steps_seen {
            self.views.help.show(crate::ui::ctx::Doc::FirstSteps);
            self.prefs.first_steps_seen = true;
        }
    }

    /// The app on its built-in default scenario, with no storage (tests and benchmarks).
    #[must_use]
    pub fn new_default(ctx: &egui::Context) -> Self {
        Self::with_document(ctx, default_document(), Prefs::default(), ResultsView::default())
    }

    /// The app on `doc`, untitled (tests of other scenarios).
    #[must_use]
    pub fn with_document(ctx: &egui::Context, doc: Document, prefs: Prefs, results: ResultsView) -> Self {
        // The settings the app opens on have not moved: their full study starts at once.
        let study = Settle::settled(doc.state.settings.clone(), STUDY_DELAY);
        Self {
            derived: Derived::new(Arc::clone(&doc.scenario)),
            session: Session::new(doc, None),
            views: Views {
                results,
                ..Views::default()
            },
            flow: Flow::new(prefs.system_dialog),
            prefs,
            notice: None,
            classroom: false,
            commands: Vec::new(),
            jobs: Jobs::new(ctx),
            study,
            autosave: recovery::Autosave::default(),
            chrome: Chrome::default(),
            beside: Beside::default(),
            lesson: None,
            editor: None,
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
            can_undo: self
                .editor
                .as_ref()
                .map_or_else(|| s.history.can_undo(), |e| e.draft.can_undo()),
            can_redo: self
                .editor
                .as_ref()
                .map_or_else(|| s.history.can_redo(), |e| e.draft.can_redo()),
            pinned: s.pinned.as_ref(),
            opened: &s.opened.settings,
            shipped_index: s.shipped_index,
            recent: &self.prefs.recent,
            presets: crate::io::preset_names(),
            shipped_presets_fit: crate::io::SHIPPED_PRESETS
                .iter()
                .any(|p| p.scenario == s.doc.scenario.id),
            presets_beside: &self.beside.presets,
            embed_scenario: self.prefs.embed_scenario,
            per_hypothesis: self.prefs.per_hypothesis,
            notice: self.notice.as_ref(),
            recovered: self.autosave.before_recovery.is_some(),
            confirming: self.flow.asking(),
            path_window: self.flow.path_window(),
            previous_step: s.previous_step.as_ref(),
            lesson: self.lesson.as_ref().map(|p| crate::ui::ctx::LessonShown {
                lesson: &p.lesson,
                step: p.player.step(),
                asking: p.player.asking(),
            }),
            editor: self.editor.as_ref().map(|e| crate::ui::ctx::EditorShown {
                draft: &e.draft,
                asking_unlock: e.asking_unlock,
                comments_in: e.comments_in.as_deref(),
                refused: e.refused.as_deref(),
                file: e.file.as_deref(),
            }),
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
    ///
    /// The order of a frame, and the one point where commands are applied:
    /// 1. finished jobs are taken (a dialog's answer goes to the document flow at once);
    /// 2. the keyboard shortcuts and dropped files become commands (not while the
    ///    unsaved-changes question is open), and the window's close button goes to the flow;
    /// 3. every command queued is applied, in the order sent: the views' from the last frame
    ///    in their drawing order, commands sent from outside a frame, then this frame's
    ///    shortcuts and dropped files; while the question is open only its answer is taken;
    /// 4. background work starts for the settings as they now are (a quick study while they
    ///    move, the full one once they have settled);
    /// 5. a screenshot an export asked for is requested of this frame; the recovery file and
    ///    the title are brought up to date;
    /// 6. every view draws what the document now is, each sending commands, and a frame is
    ///    asked for if any did;
    /// 7. a finished gesture becomes an undo step, once its last edit is applied.
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        // Classroom type grows with the screen: the zoom follows the window's height in
        // points at zoom 1 (steady under its own change: the height in pixels stays).
        let zoom = theme::classroom_zoom(ctx.content_rect().height() * ctx.zoom_factor());
        let applied = (self.prefs.look, self.classroom, zoom);
        let same_zoom = |z: f32| !self.classroom || (z - zoom).abs() < 0.01;
        if !self
            .chrome
            .applied_look
            .is_some_and(|(l, c, z)| l == applied.0 && c == applied.1 && same_zoom(z))
        {
            theme::apply(&ctx, self.prefs.look, self.classroom, zoom);
            self.chrome.applied_look = Some(applied);
        }
        for out in self.jobs.finished() {
            self.job_done(&ctx, out);
        }
        if self.flow.asking().is_none() {
            self.shortcuts(&ctx);
            self.dropped_files(&ctx);
        }
        self.close_request(&ctx);
        self.run_commands(&ctx);
        // After the commands, so that a study starts for the settings this frame shows.
        self.start_jobs(Some(&ctx));
        self.follow_presets_beside();
        // An export of the window asked for just now is taken of this frame, drawn without
        // the path window.
        self.take_screenshot(&ctx);
        self.autosave(&ctx);
        // Viewport commands request a repaint: send the title only when it changes.
        let title = self.session.title();
        if title != self.chrome.shown_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.chrome.shown_title = title;
        }
        self.layout_ui(ui);
        // Menus, popups and combo boxes draw in the foreground layer (the unsaved-changes modal
        // does too, but while it is open no shortcut runs).
        self.chrome.popup_open = ctx.memory(|m| {
            m.areas()
                .visible_layer_ids()
                .iter()
                .any(|l| l.order == egui::Order::Foreground)
        });
        if !self.commands.is_empty() {
            ctx.request_repaint();
        }
        // A drag in progress is not yet an undo step: commit when the pointer is released and
        // the drag's last edit is applied.
        if self.commands.is_empty() && !ctx.input(|i| i.pointer.any_down()) {
            self.session.commit();
        }
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
