//! The eframe application shell: the document, undo/redo, file commands, persistence,
//! classroom mode and the layout of the panels drawn by `ui/`.

use crate::io::{
    Document, FileError, FileKind, SHIPPED_PRESETS, SHIPPED_SCENARIOS, load_document, load_document_and_kind,
    parse_document, save_document,
};
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
use std::time::{Duration, Instant};

/// Most recent files remembered.
const MAX_RECENT: usize = 8;
/// Most undo steps kept.
const MAX_UNDO: usize = 200;
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

/// Something with side effects, applied once per frame by the shell.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// A new document on the default scenario.
    New,
    /// Ask for a file to open.
    OpenDialog,
    /// Open this file.
    Open(PathBuf),
    /// Open the shipped preset with this index.
    OpenShipped(usize),
    /// Save to the current file (asks for one if there is none).
    Save,
    /// Ask for a file to save to.
    SaveAsDialog,
    /// Save to this file.
    SaveAs(PathBuf),
    /// Undo the last change.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Back to the document as it was opened.
    ResetToPreset,
    /// Set every lever to a named policy.
    ApplyPolicy(usize),
    /// Pin the current state as comparison A.
    PinA,
    /// Drop comparison A.
    ClearA,
    /// Classroom mode on or off.
    ToggleClassroom,
    /// Light or dark look.
    SetLook(Look),
    /// Step through the shipped presets.
    StepPreset(i32),
    /// Quit (asks first with unsaved changes).
    Quit,
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
    pub report: Report,
}

/// What a file dialog came back with.
#[derive(Debug)]
enum DialogOutcome {
    Open(Option<PathBuf>, Duration),
    Save(Option<PathBuf>, Duration),
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

/// One undo step: the document with the file it belongs to, so that undoing an open returns
/// to the previous file as it was (saved or not).
#[derive(Debug, Clone, PartialEq)]
struct Snapshot {
    doc: Document,
    path: Option<PathBuf>,
    saved: Document,
    opened: Document,
    shipped_index: Option<usize>,
    /// Which opened document the step belongs to: a save updates the steps of its own lineage.
    lineage: u64,
}

/// Undo history; a whole slider drag is one step.
#[derive(Debug, Default)]
pub struct History {
    undo: Vec<Snapshot>,
    redo: Vec<Snapshot>,
    /// The state after the last completed step.
    committed: Option<Snapshot>,
}

impl History {
    /// Record `now` as a completed step if it differs from the last one.
    fn commit(&mut self, now: Snapshot) {
        match self.committed.take() {
            Some(c) if c == now => self.committed = Some(c),
            Some(c) => {
                self.undo.push(c);
                if self.undo.len() > MAX_UNDO {
                    self.undo.remove(0);
                }
                self.redo.clear();
                self.committed = Some(now);
            }
            None => self.committed = Some(now),
        }
    }
    /// Whether there is something to undo.
    #[must_use]
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }
    /// Whether there is something to redo.
    #[must_use]
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
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
    pub report: Result<Report, String>,
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

    fn snapshot(&self) -> Snapshot {
        Snapshot {
            doc: self.doc.clone(),
            path: self.path.clone(),
            saved: self.saved.clone(),
            opened: self.opened.clone(),
            shipped_index: self.shipped_index,
            lineage: self.lineage,
        }
    }

    fn restore(&mut self, s: Snapshot) {
        self.doc = s.doc;
        self.path = s.path;
        self.saved = s.saved;
        self.opened = s.opened;
        self.shipped_index = s.shipped_index;
        self.lineage = s.lineage;
    }

    /// Record the current state as a completed undo step.
    fn commit(&mut self) {
        let now = self.snapshot();
        self.history.commit(now);
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
        self.report =
            report(&self.doc.scenario, &self.model, &self.doc.settings, &mut self.scratch).map_err(|e| e.to_string());
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

    /// Replace the document (after opening a file or a preset). The change is undoable.
    fn replace_document(&mut self, ctx: &egui::Context, doc: Document, path: Option<PathBuf>) {
        self.commit();
        self.lineage += 1;
        let scenario_changed = doc.scenario != self.doc.scenario;
        if scenario_changed {
            match Model::new(&doc.scenario) {
                Ok(m) => self.model = m,
                Err(ps) => {
                    self.notice = Some(Notice {
                        is_error: true,
                        title: "That scenario is not valid".into(),
                        lines: ps.iter().map(|p| format!("{}: {}", p.path, p.message)).collect(),
                    });
                    return;
                }
            }
            // Undo across scenarios would mix incompatible settings.
            self.history = History::default();
            self.pinned = None;
            self.locked = vec![false; doc.scenario.hypotheses.len()];
            self.plot_cache = crate::ui::plots::PlotCache::default();
        }
        self.saved = doc.clone();
        self.opened = doc.clone();
        self.doc = doc;
        self.path = path;
        if scenario_changed {
            // Everything indexed by the old scenario goes.
            self.report_for = None;
            self.assumptions = None;
            self.start_sampling(ctx);
        }
        self.refresh();
        self.commit();
    }

    /// Open a file; a broken file leaves the document untouched and shows what is wrong.
    pub fn open(&mut self, ctx: &egui::Context, path: &Path) {
        match load_document_and_kind(path) {
            Ok((doc, kind)) => {
                // A scenario file is a model, not a preset: saving must not overwrite it, so the
                // document starts untitled and Save asks where to put the preset.
                let is_preset = kind == FileKind::Preset;
                self.shipped_index = None;
                self.replace_document(ctx, doc, is_preset.then(|| path.to_path_buf()));
                self.remember(path);
                let title = if is_preset {
                    format!("Opened {}", path.display())
                } else {
                    format!(
                        "Opened the scenario {}; Save writes your settings to a new preset file",
                        path.display()
                    )
                };
                self.notice = Some(Notice {
                    is_error: false,
                    title,
                    lines: vec![],
                });
            }
            Err(e) => self.file_error("Could not open the file; nothing was changed", &e),
        }
    }

    fn file_error(&mut self, title: &str, e: &FileError) {
        let lines = match e {
            FileError::Invalid { path, problems } => problems.iter().map(|p| format!("{path}:{p}")).collect(),
            other => vec![other.to_string()],
        };
        self.notice = Some(Notice {
            is_error: true,
            title: title.to_owned(),
            lines,
        });
    }

    fn open_shipped(&mut self, ctx: &egui::Context, index: usize) {
        let Some(p) = SHIPPED_PRESETS.get(index) else { return };
        match parse_document(p.file_name, p.text, None, 0) {
            Ok(doc) => {
                self.shipped_index = Some(index);
                self.replace_document(ctx, doc, None);
                self.notice = None;
            }
            Err(e) => self.file_error("A shipped preset is broken", &e),
        }
    }

    fn remember(&mut self, path: &Path) {
        let abs = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        self.persisted.recent.retain(|p| p != &abs);
        self.persisted.recent.insert(0, abs);
        self.persisted.recent.truncate(MAX_RECENT);
    }

    fn save_to(&mut self, path: &Path) {
        // A drag in progress becomes its own step before the save.
        self.commit();
        let mut doc = self.doc.clone();
        // A relative scenario path would break when the preset moves: embed the scenario.
        if matches!(doc.source, ScenarioRef::Path(_)) && self.path.as_deref().and_then(Path::parent) != path.parent() {
            doc.source = ScenarioRef::Embedded(Box::new(doc.scenario.clone()));
        }
        match save_document(path, &doc) {
            Ok(()) => {
                self.doc.source = doc.source;
                self.saved = self.doc.clone();
                self.path = Some(path.to_path_buf());
                self.remember(path);
                self.notice = Some(Notice {
                    is_error: false,
                    title: format!("Saved {}", path.display()),
                    lines: vec![],
                });
                self.history.committed = Some(self.snapshot());
                // Every step of this document now belongs to the saved file: undo after a
                // save shows the unsaved mark, and Save after an undo writes to the new file.
                let (lineage, path, saved, source) = (
                    self.lineage,
                    self.path.clone(),
                    self.saved.clone(),
                    self.doc.source.clone(),
                );
                for s in self.history.undo.iter_mut().chain(self.history.redo.iter_mut()) {
                    if s.lineage == lineage {
                        s.path.clone_from(&path);
                        s.saved = saved.clone();
                        s.doc.source = source.clone();
                    }
                }
            }
            Err(e) => self.file_error("Could not save; the file on disk is unchanged", &e),
        }
    }

    fn spawn_dialog(&mut self, ctx: &egui::Context, save: bool) {
        if self.dialog.is_some() {
            self.notice = Some(Notice {
                is_error: false,
                title: "A file dialog is already open; finish with it first".into(),
                lines: vec![],
            });
            return;
        }
        let (tx, rx) = channel();
        let ctx = ctx.clone();
        let dir = self.path.as_deref().and_then(Path::parent).map(Path::to_path_buf);
        let file_name = self.path.as_deref().and_then(Path::file_name).map_or_else(
            || {
                format!(
                    "{}.ron",
                    self.doc
                        .name
                        .to_lowercase()
                        .replace(|c: char| !c.is_alphanumeric(), "-")
                )
            },
            |n| n.to_string_lossy().into_owned(),
        );
        let spawned = std::thread::Builder::new().name("file-dialog".into()).spawn(move || {
            let started = Instant::now();
            let mut dialog = rfd::FileDialog::new().add_filter("Motive Lab files", &["ron"]);
            if let Some(d) = dir {
                dialog = dialog.set_directory(d);
            }
            let outcome = if save {
                DialogOutcome::Save(dialog.set_file_name(file_name).save_file(), started.elapsed())
            } else {
                DialogOutcome::Open(dialog.pick_file(), started.elapsed())
            };
            let _ = tx.send(outcome);
            ctx.request_repaint();
        });
        if spawned.is_ok() {
            self.dialog = Some(rx);
        }
    }

    fn poll_dialog(&mut self) {
        // An answer waits in its channel while the unsaved-changes question is open.
        if self.confirm.is_some() {
            return;
        }
        let Some(rx) = &self.dialog else { return };
        let Ok(outcome) = rx.try_recv() else { return };
        self.dialog = None;
        // A dialog that comes back empty at once had no dialog service to show it.
        let unavailable = |took: Duration| took < Duration::from_millis(150);
        match outcome {
            // Through the command queue, so that edits made meanwhile are asked about.
            DialogOutcome::Open(Some(p), _) => self.commands.push(Command::Open(p)),
            DialogOutcome::Save(Some(p), _) => self.save_to(&p),
            DialogOutcome::Open(None, took) | DialogOutcome::Save(None, took) if unavailable(took) => {
                self.notice = Some(Notice {
                    is_error: true,
                    title: "No file dialog is available on this system".into(),
                    lines: vec![
                        "Install xdg-desktop-portal (or zenity) for file dialogs.".into(),
                        "Meanwhile: drop a .ron file on the window, use File › Open recent or Presets, or type a path in File › Open path.".into(),
                    ],
                });
            }
            DialogOutcome::Open(None, _) | DialogOutcome::Save(None, _) => {}
        }
    }

    /// Whether a command would throw away unsaved changes.
    fn discards(&self, cmd: &Command) -> bool {
        let replaces = matches!(
            cmd,
            Command::New
                | Command::Open(_)
                | Command::OpenDialog
                | Command::Quit
                | Command::OpenShipped(_)
                | Command::StepPreset(_)
        );
        replaces && self.dirty() && self.discard_approved.as_ref() != Some(&self.doc)
    }

    /// Apply one command now (after any confirmation).
    pub fn apply(&mut self, ctx: &egui::Context, cmd: Command) {
        match cmd {
            Command::New => {
                self.shipped_index = None;
                self.replace_document(ctx, default_document(), None);
            }
            Command::OpenDialog => self.spawn_dialog(ctx, false),
            Command::Open(p) => self.open(ctx, &p),
            Command::OpenShipped(i) => self.open_shipped(ctx, i),
            Command::Save => match self.path.clone() {
                Some(p) => self.save_to(&p),
                None => self.spawn_dialog(ctx, true),
            },
            Command::SaveAsDialog => self.spawn_dialog(ctx, true),
            Command::SaveAs(p) => self.save_to(&p),
            Command::Undo => self.undo(),
            Command::Redo => self.redo(),
            Command::ResetToPreset => self.doc = self.opened.clone(),
            Command::ApplyPolicy(i) => {
                if let Some(p) = self.doc.scenario.policies.get(i) {
                    self.doc.settings.levers = self.doc.scenario.policy_levers(p);
                }
            }
            Command::PinA => {
                self.refresh();
                if let Ok(r) = &self.report {
                    self.pinned = Some(Pinned {
                        settings: self.doc.settings.clone(),
                        report: r.clone(),
                    });
                }
            }
            Command::ClearA => self.pinned = None,
            Command::ToggleClassroom => {
                self.classroom = !self.classroom;
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(self.classroom));
            }
            Command::SetLook(look) => self.persisted.look = look,
            Command::StepPreset(step) => {
                let n = SHIPPED_PRESETS.len() as i32;
                let next = match self.shipped_index {
                    Some(i) => (i as i32 + step).rem_euclid(n),
                    None if step >= 0 => 0,
                    None => n - 1,
                };
                self.open_shipped(ctx, next as usize);
            }
            Command::Quit => {
                self.quit_confirmed = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    fn undo(&mut self) {
        self.step_history(true);
    }

    fn redo(&mut self) {
        self.step_history(false);
    }

    /// Move one step back (undo) or forward (redo) through the history.
    fn step_history(&mut self, back: bool) {
        // A drag in progress becomes its own step first.
        self.commit();
        let now = self.snapshot();
        let (from, to) = if back {
            (&mut self.history.undo, &mut self.history.redo)
        } else {
            (&mut self.history.redo, &mut self.history.undo)
        };
        let Some(target) = from.pop() else { return };
        to.push(now);
        self.restore(target);
        self.history.committed = Some(self.snapshot());
    }

    fn shortcuts(&mut self, ctx: &egui::Context) {
        use egui::{Key, KeyboardShortcut, Modifiers};
        let typing = ctx.egui_wants_keyboard_input();
        let shortcut = |m: Modifiers, k: Key| ctx.input_mut(|i| i.consume_shortcut(&KeyboardShortcut::new(m, k)));
        let ctrl_shift = Modifiers::COMMAND | Modifiers::SHIFT;
        if shortcut(ctrl_shift, Key::Z) || shortcut(Modifiers::COMMAND, Key::Y) {
            self.commands.push(Command::Redo);
        } else if shortcut(Modifiers::COMMAND, Key::Z) {
            self.commands.push(Command::Undo);
        }
        if shortcut(ctrl_shift, Key::S) {
            self.commands.push(Command::SaveAsDialog);
        } else if shortcut(Modifiers::COMMAND, Key::S) {
            self.commands.push(Command::Save);
        }
        if shortcut(Modifiers::COMMAND, Key::O) {
            self.commands.push(Command::OpenDialog);
        }
        if shortcut(Modifiers::COMMAND, Key::N) {
            self.commands.push(Command::New);
        }
        if shortcut(Modifiers::NONE, Key::F11) {
            self.commands.push(Command::ToggleClassroom);
        }
        if self.classroom && shortcut(Modifiers::NONE, Key::Escape) {
            self.commands.push(Command::ToggleClassroom);
        }
        if self.classroom && !typing {
            if shortcut(Modifiers::NONE, Key::ArrowRight) || shortcut(Modifiers::NONE, Key::PageDown) {
                self.commands.push(Command::StepPreset(1));
            }
            if shortcut(Modifiers::NONE, Key::ArrowLeft) || shortcut(Modifiers::NONE, Key::PageUp) {
                self.commands.push(Command::StepPreset(-1));
            }
        }
    }

    fn dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if let Some(p) = dropped.into_iter().next() {
            self.commands.push(Command::Open(p));
        }
    }

    fn run_commands(&mut self, ctx: &egui::Context) {
        for cmd in std::mem::take(&mut self.commands) {
            // A broken file is reported at once: there is nothing to confirm.
            if let Command::Open(p) = &cmd
                && self.dirty()
                && let Err(e) = load_document(p)
            {
                self.file_error("Could not open the file; nothing was changed", &e);
                continue;
            }
            if self.discards(&cmd) {
                // Ask, and drop whatever else was queued behind the question.
                self.confirm = Some(cmd);
                self.commands.clear();
                break;
            }
            self.apply(ctx, cmd);
        }
    }

    fn close_request(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested()) && !self.quit_confirmed && self.dirty() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.confirm = Some(Command::Quit);
        }
    }

    fn confirm_ui(&mut self, ctx: &egui::Context) {
        let Some(cmd) = self.confirm.clone() else { return };
        let mut choice = None;
        egui::Modal::new(egui::Id::unique("unsaved-changes")).show(ctx, |ui| {
            ui.heading("Unsaved changes");
            ui.label(format!("\"{}\" has changes that are not saved.", self.doc.name));
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button("Save").clicked() {
                    choice = Some(0);
                }
                if ui.button("Discard changes").clicked() {
                    choice = Some(1);
                }
                if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                    choice = Some(2);
                }
            });
        });
        match choice {
            Some(0) => {
                self.confirm = None;
                if let Some(p) = self.path.clone() {
                    self.save_to(&p);
                    if !self.dirty() {
                        self.apply(ctx, cmd);
                    }
                } else {
                    self.notice = Some(Notice {
                        is_error: false,
                        title: "Choose where to save, then repeat the action".into(),
                        lines: vec![],
                    });
                    self.spawn_dialog(ctx, true);
                }
            }
            Some(1) => {
                self.confirm = None;
                if cmd == Command::Quit {
                    // What eframe stores for the next run is the document as last saved.
                    self.doc = self.saved.clone();
                } else {
                    self.discard_approved = Some(self.doc.clone());
                }
                self.apply(ctx, cmd);
            }
            Some(_) => self.confirm = None,
            None => {}
        }
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
