//! The eframe application shell: the document, undo/redo, file commands, persistence,
//! classroom mode and the layout of the panels drawn by `ui/`.

mod commands;
mod files;
mod history;

pub use commands::Command;
use files::DialogOutcome;
pub use history::History;

use crate::io::{Document, FileKind, SHIPPED_SCENARIOS, load_document_and_kind, parse_document};
use crate::model::decision::Scratch;
use crate::model::evaluate::Model;
use crate::model::frontier::{Samples, sample_policies};
use crate::model::preset::{ScenarioRef, Settings};
use crate::model::summary::{Report, report};
use crate::ui::theme::{self, Look, PARETO_SAMPLES};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};

/// Most outcome values the Pareto samples may hold (8 bytes each).
const MAX_SAMPLE_VALUES: usize = 20_000_000;
/// Key of the app's state in eframe storage.
const STORAGE_KEY: &str = "motive-lab";

/// Which plot the plot area shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum PlotTab {
    /// Sampled policies on two outcomes with the non-dominated front.
    #[default]
    Pareto,
    /// One lever across its range against one outcome.
    LeverSweep,
    /// Named policies by hypotheses.
    Matrix,
    /// Expected utility as one hypothesis's credence goes from 0 to 100%.
    CredenceSweep,
}

/// App state kept between runs (eframe storage).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct Persisted {
    /// Recently opened or saved files, newest first.
    pub recent: Vec<PathBuf>,
    /// The last document as preset RON text, restored at start.
    pub last_document: Option<String>,
    /// The last document's file.
    pub last_path: Option<PathBuf>,
    /// The last document as last saved or opened (RON), to restore its unsaved mark.
    pub last_saved: Option<String>,
    /// The last document as opened (RON), for "Reset to preset".
    pub last_opened: Option<String>,
    /// The shipped preset the last document came from.
    pub last_shipped_index: Option<usize>,
    /// Light or dark.
    pub look: Look,
    /// Plot shown.
    pub tab: PlotTab,
    /// Pareto view axes: (outcome, horizon) cells.
    pub pareto_x: usize,
    /// Pareto view y axis cell.
    pub pareto_y: usize,
    /// Lever swept.
    pub sweep_lever: usize,
    /// Outcome cell of the sweep.
    pub sweep_cell: usize,
    /// Hypothesis of the credence sweep.
    pub credence_hypothesis: usize,
    /// Show one column per hypothesis in the outcomes table.
    pub per_hypothesis: bool,
}

impl Default for Persisted {
    fn default() -> Self {
        Self {
            recent: Vec::new(),
            last_document: None,
            last_path: None,
            last_saved: None,
            last_opened: None,
            last_shipped_index: None,
            look: Look::Dark,
            tab: PlotTab::Pareto,
            pareto_x: 0,
            pareto_y: 4,
            sweep_lever: 0,
            sweep_cell: 1,
            credence_hypothesis: 5,
            per_hypothesis: false,
        }
    }
}

/// A message shown in a non-blocking banner.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    /// Error or information.
    pub is_error: bool,
    /// Headline.
    pub title: String,
    /// Details, one per line (file:line:column: problem).
    pub lines: Vec<String>,
}

/// The comparison state A.
#[derive(Debug, Clone)]
pub struct Pinned {
    /// Settings when pinned.
    pub settings: Settings,
    /// Their report.
    pub report: Arc<Report>,
}

/// The sampled policies of the Pareto view, computed off the UI thread.
pub enum SamplesState {
    /// Being computed.
    Pending(Receiver<Samples>),
    /// Ready.
    Ready(Arc<Samples>),
    /// Not available.
    Failed,
}

/// The desktop app.
pub struct MotiveApp {
    /// The document being edited.
    pub doc: Document,
    /// The compiled scenario.
    pub model: Model,
    /// The document's file, if any.
    pub path: Option<PathBuf>,
    /// The document as last opened or saved (for the unsaved-changes mark).
    pub saved: Document,
    /// The document as opened (for reset).
    pub opened: Document,
    /// Undo and redo.
    pub history: History,
    /// The report of the current settings.
    pub report: Result<Arc<Report>, String>,
    report_for: Option<Settings>,
    scratch: Scratch,
    /// Comparison state A.
    pub pinned: Option<Pinned>,
    /// Banner message.
    pub notice: Option<Notice>,
    /// Persisted state.
    pub persisted: Persisted,
    /// Classroom mode.
    pub classroom: bool,
    /// Locked credences (per hypothesis).
    pub locked: Vec<bool>,
    /// Sampled policies for the Pareto view.
    pub samples: SamplesState,
    /// Pending file dialog.
    dialog: Option<Receiver<DialogOutcome>>,
    /// A command waiting for the unsaved-changes answer.
    pub confirm: Option<Command>,
    /// Outcome whose assumptions window is open: (outcome, horizon).
    pub assumptions: Option<(usize, usize)>,
    /// Path typed into the fallback open field.
    pub typed_path: String,
    /// Commands queued this frame.
    pub commands: Vec<Command>,
    /// Close was confirmed; let the window close.
    quit_confirmed: bool,
    /// Index of the shipped preset shown last (classroom stepping).
    pub shipped_index: Option<usize>,
    /// Look and zoom applied (to re-apply only on change).
    applied_look: Option<(Look, bool)>,
    /// Caches of the plots, keyed by their inputs.
    pub plot_cache: crate::ui::plots::PlotCache,
    /// The window title last sent.
    shown_title: String,
    /// Lineage of the current document in the undo history.
    lineage: u64,
    /// The document as it was when the user chose to discard its changes, so that the action
    /// that follows (a file dialog, say) does not ask again.
    discard_approved: Option<Document>,
}

fn default_document() -> Document {
    SHIPPED_SCENARIOS
        .first()
        .and_then(|s| parse_document(s.file_name, s.text, None, 0).ok())
        .map_or_else(
            || {
                // The shipped scenario is checked by the tests; this cannot happen in a release.
                Document::from_scenario(empty_scenario(), ScenarioRef::Shipped("none".into()))
            },
            |mut d| {
                d.name = "Paris 2015 (defaults)".to_owned();
                d
            },
        )
}

fn empty_scenario() -> crate::model::scenario::Scenario {
    use crate::model::scenario::*;
    Scenario {
        format_version: SCENARIO_FORMAT_VERSION,
        id: "none".into(),
        title: "No scenario".into(),
        summary: String::new(),
        sources: vec![],
        hypotheses: vec![Hypothesis {
            id: "h".into(),
            name: "Hypothesis".into(),
            description: String::new(),
            source: String::new(),
            prior: 1.0,
            parent: None,
        }],
        levers: vec![Lever {
            id: "l".into(),
            name: "Lever".into(),
            unit: String::new(),
            min: 0.0,
            max: 1.0,
            step: 0.1,
            default: 0.0,
            description: String::new(),
        }],
        outcomes: vec![Outcome {
            id: "o".into(),
            name: "Outcome".into(),
            unit: String::new(),
            better: Better::Higher,
            worst: 0.0,
            best: 1.0,
            limits: Limits::default(),
            description: String::new(),
        }],
        horizons: vec![Horizon {
            id: "t".into(),
            name: "Horizon".into(),
            years: 1.0,
            description: String::new(),
        }],
        baselines: vec![Baseline {
            outcome: "o".into(),
            horizon: "t".into(),
            value: 0.0,
            by_hypothesis: Default::default(),
            note: String::new(),
        }],
        effects: vec![],
        policies: vec![],
    }
}

impl MotiveApp {
    /// The app on its built-in default scenario, with no storage (tests and benchmarks).
    #[must_use]
    pub fn new_default(ctx: &egui::Context) -> Self {
        Self::with_document(ctx, default_document(), None, Persisted::default())
    }

    /// The app as eframe starts it: restores persisted state, then opens `file` if given.
    #[must_use]
    pub fn new(cc: &eframe::CreationContext<'_>, file: Option<PathBuf>) -> Self {
        let persisted: Persisted = cc
            .storage
            .and_then(|s| eframe::get_value(s, STORAGE_KEY))
            .unwrap_or_default();
        let mut restore_error = None;
        let restored = persisted.last_document.as_deref().and_then(|text| {
            let dir = persisted.last_path.as_deref().and_then(Path::parent);
            parse_document("last session", text, dir, 0)
                .map_err(|e| restore_error = Some(e))
                .ok()
        });
        let last_path = persisted.last_path.clone();
        let mut app = match restored {
            Some(doc) => {
                // Compare with the file as it is on disk, so unsaved edits keep their mark.
                // Only a preset file can be the document's file: Save must never write over a
                // scenario model.
                let on_disk = last_path
                    .as_deref()
                    .and_then(|p| load_document_and_kind(p).ok())
                    .filter(|(_, kind)| *kind == FileKind::Preset)
                    .map(|(d, _)| d);
                let stored = |text: &Option<String>| {
                    text.as_deref()
                        .and_then(|t| parse_document("last session", t, None, 0).ok())
                };
                let (stored_saved, stored_opened) = (stored(&persisted.last_saved), stored(&persisted.last_opened));
                let shipped_index = persisted.last_shipped_index;
                let mut app = Self::with_document(&cc.egui_ctx, doc, last_path.clone(), persisted);
                // Unsaved work from the last run keeps its mark: compare with the file on disk,
                // or, for an untitled document, with the built-in defaults.
                let untitled = last_path.is_none();
                let reference = match on_disk {
                    Some(d) => Some((d.clone(), d)),
                    None if untitled => stored_saved.map(|s| (s.clone(), stored_opened.unwrap_or(s))),
                    None => None,
                };
                match reference {
                    Some((saved, opened)) if saved.scenario == app.doc.scenario => {
                        app.saved = saved;
                        app.opened = opened;
                        app.shipped_index = if untitled { shipped_index } else { None };
                    }
                    _ => {
                        // The file is gone, is not a preset, or holds another scenario: keep the
                        // work, untitled and marked unsaved.
                        app.path = None;
                        app.saved = default_document();
                    }
                }
                app.history = History::default();
                app.commit();
                app
            }
            None => Self::with_document(&cc.egui_ctx, default_document(), None, persisted),
        };
        if let Some(e) = restore_error {
            app.file_error(
                "The last session's document could not be restored; the default scenario is open",
                &e,
            );
        }
        if let Some(file) = file {
            // Through the command queue: restored unsaved work is asked about first.
            app.commands.push(Command::Open(file));
        }
        app
    }

    fn with_document(ctx: &egui::Context, doc: Document, path: Option<PathBuf>, persisted: Persisted) -> Self {
        // Documents are validated when read; compile without a second validation.
        let model = Model::compile(&doc.scenario);
        let mut app = Self {
            locked: vec![false; doc.scenario.hypotheses.len()],
            saved: doc.clone(),
            opened: doc.clone(),
            model,
            doc,
            path,
            history: History::default(),
            report: Err("not computed".into()),
            report_for: None,
            scratch: Scratch::default(),
            pinned: None,
            notice: None,
            persisted,
            classroom: false,
            samples: SamplesState::Failed,
            dialog: None,
            confirm: None,
            assumptions: None,
            typed_path: String::new(),
            commands: Vec::new(),
            quit_confirmed: false,
            shipped_index: None,
            applied_look: None,
            plot_cache: crate::ui::plots::PlotCache::default(),
            shown_title: String::new(),
            lineage: 0,
            discard_approved: None,
        };
        app.start_sampling(ctx);
        app.refresh();
        app.commit();
        app
    }

    /// Sample the lever space for the Pareto view on a worker thread.
    fn start_sampling(&mut self, ctx: &egui::Context) {
        let (tx, rx) = channel();
        let model = self.model.clone();
        let scenario = self.doc.scenario.clone();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("pareto-samples".into())
            .spawn(move || {
                // Bounded memory whatever the scenario's size: fewer samples for huge scenarios.
                let per_sample = (model.leaves.len() * model.cells()).max(1);
                let n = PARETO_SAMPLES.min(MAX_SAMPLE_VALUES / per_sample).max(1);
                let samples = sample_policies(&model, &scenario, n);
                // The receiver is gone only if the app moved on to another scenario.
                let _ = tx.send(samples);
                ctx.request_repaint();
            });
        self.samples = if spawned.is_ok() {
            SamplesState::Pending(rx)
        } else {
            SamplesState::Failed
        };
    }

    /// Wait for the Pareto samples (tests and benchmarks).
    pub fn wait_for_samples(&mut self) {
        if let SamplesState::Pending(rx) = &self.samples {
            self.samples = rx
                .recv()
                .map_or(SamplesState::Failed, |s| SamplesState::Ready(Arc::new(s)));
        }
    }

    fn poll_samples(&mut self) {
        if let SamplesState::Pending(rx) = &self.samples {
            match rx.try_recv() {
                Ok(s) => self.samples = SamplesState::Ready(Arc::new(s)),
                Err(std::sync::mpsc::TryRecvError::Empty) => {}
                Err(std::sync::mpsc::TryRecvError::Disconnected) => self.samples = SamplesState::Failed,
            }
        }
    }

    /// Recompute the report if the settings changed since the last one.
    pub fn refresh(&mut self) {
        if self.report_for.as_ref() == Some(&self.doc.settings) {
            return;
        }
        self.report = report(&self.doc.scenario, &self.model, &self.doc.settings, &mut self.scratch)
            .map(Arc::new)
            .map_err(|e| e.to_string());
        self.report_for = Some(self.doc.settings.clone());
    }

    /// Whether the document differs from the file.
    #[must_use]
    pub fn dirty(&self) -> bool {
        self.doc != self.saved
    }

    /// The window title: file, unsaved mark, app name.
    #[must_use]
    pub fn title(&self) -> String {
        let name = self
            .path
            .as_deref()
            .and_then(Path::file_name)
            .map_or_else(|| self.doc.name.clone(), |n| n.to_string_lossy().into_owned());
        format!("{}{name} — Motive Lab", if self.dirty() { "* " } else { "" })
    }

    /// Everything drawn in one frame, without eframe's `Frame` (used by tests and `bench`).
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if self.applied_look != Some((self.persisted.look, self.classroom)) {
            theme::apply(&ctx, self.persisted.look, self.classroom);
            self.applied_look = Some((self.persisted.look, self.classroom));
        }
        self.poll_samples();
        self.poll_dialog();
        // While the unsaved-changes question is open, nothing else may change the document.
        if self.confirm.is_none() {
            self.shortcuts(&ctx);
            self.dropped_files(&ctx);
            self.run_commands(&ctx);
        }
        self.close_request(&ctx);
        self.refresh();
        // Viewport commands request a repaint: send the title only when it changes.
        let title = self.title();
        if title != self.shown_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }

        self.layout_ui(ui);
        self.confirm_ui(&ctx);
        if self.confirm.is_none() {
            self.run_commands(&ctx);
        } else {
            self.commands.clear();
        }
        self.refresh();
        // A drag in progress is not yet an undo step: commit when the pointer is released.
        if !ctx.input(|i| i.pointer.any_down()) {
            self.commit();
        }
    }

    fn layout_ui(&mut self, ui: &mut egui::Ui) {
        if !self.classroom {
            egui::Panel::top("menu").show(ui, |ui| self.menu_ui(ui));
        }
        egui::Panel::top("header").show(ui, |ui| self.header_ui(ui));
        if self.notice.is_some() {
            egui::Panel::bottom("notice").show(ui, |ui| self.notice_ui(ui));
        }
        egui::Panel::left("settings")
            .resizable(true)
            .default_size(theme::SIDE_PANEL_WIDTH)
            .min_size(260.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .auto_shrink([false, false])
                    .show(ui, |ui| self.settings_ui(ui));
            });
        egui::CentralPanel::default().show(ui, |ui| self.results_ui(ui));
        self.assumptions_window(ui.ctx());
    }
}

impl eframe::App for MotiveApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame_ui(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.persisted.last_document = self.doc.to_ron().ok();
        self.persisted.last_saved = self.saved.to_ron().ok();
        self.persisted.last_opened = self.opened.to_ron().ok();
        self.persisted.last_shipped_index = self.shipped_index;
        self.persisted.last_path.clone_from(&self.path);
        eframe::set_value(storage, STORAGE_KEY, &self.persisted);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_scenario_is_valid() {
        assert!(Model::new(&empty_scenario()).is_ok());
    }
}
