//! What a view may ask the shell to do: [`Command`] and the small types it names (the actions
//! that replace the document, the path window's purposes, the shipped documents), and the
//! messages the shell shows. A leaf module: it imports no view and no context, so the context
//! and every view can name these types without an import circle.

mod table;

use crate::model::document::Edit;
use crate::ui::theme::Look;
use std::path::{Path, PathBuf};
pub use table::{Scope, UiCommand};

/// An answer to the unsaved-changes question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// Save, then go on.
    Save,
    /// Drop the changes and go on.
    Discard,
    /// Do nothing.
    Cancel,
}

/// Something that replaces the document or ends the session, so that unsaved changes are
/// asked about first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// A new document on the default scenario.
    New,
    /// Open this file.
    Open(PathBuf),
    /// Ask for a file to open (the system's dialog, or the path window).
    OpenDialog,
    /// Open the shipped preset with this index.
    OpenShipped(usize),
    /// Step through the shipped presets (+1 next, -1 previous).
    StepPreset(i32),
    /// Play the shipped lesson with this index.
    OpenLesson(usize),
    /// A new document on the shipped scenario with this index.
    NewFromScenario(usize),
    /// A new scenario from the small template, in the editor.
    NewScenario,
    /// Quit.
    Quit,
}

impl Action {
    /// What the action will do, as the end of "Save changes before ...?" (`presets`: the
    /// shipped presets' names).
    #[must_use]
    pub fn describe(&self, presets: &[String]) -> String {
        let file = |p: &Path| {
            p.file_name()
                .map_or_else(|| p.display().to_string(), |n| n.to_string_lossy().into_owned())
        };
        match self {
            Self::New => "starting a new document".to_owned(),
            Self::Open(p) => format!("opening {}", file(p)),
            Self::OpenDialog => "opening another file".to_owned(),
            Self::OpenShipped(i) => presets.get(*i).map_or_else(
                || "opening a preset".to_owned(),
                |n| format!("opening the preset \"{n}\""),
            ),
            Self::StepPreset(s) if *s < 0 => "stepping back to the previous preset".to_owned(),
            Self::StepPreset(_) => "stepping on to the next preset".to_owned(),
            Self::OpenLesson(i) => (crate::io::SHIPPED_LESSONS.get(*i))
                .and_then(|l| l.field("title"))
                .map_or_else(
                    || "playing a lesson".to_owned(),
                    |t| format!("playing the lesson \"{t}\""),
                ),
            Self::NewFromScenario(i) => (crate::io::SHIPPED_SCENARIOS.get(*i))
                .and_then(|s| s.field("title"))
                .map_or_else(
                    || "starting a new document".to_owned(),
                    |t| format!("starting anew on \"{t}\""),
                ),
            Self::NewScenario => "starting a new scenario".to_owned(),
            Self::Quit => "quitting".to_owned(),
        }
    }
}

/// What can be exported from the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    /// The outcomes table (every outcome and horizon, expected and per hypothesis) as CSV.
    OutcomesCsv,
    /// The decision matrix (utility of every policy under every hypothesis, regret) as CSV.
    MatrixCsv,
    /// The whole window as a PNG image.
    WindowPng,
    /// The class's credence codes pasted into the Class tab, one a line.
    ClassCodes,
}

impl ExportKind {
    /// What the file holds, for file names ("outcomes.csv").
    #[must_use]
    pub fn file_suffix(self) -> &'static str {
        match self {
            Self::OutcomesCsv => "outcomes.csv",
            Self::MatrixCsv => "decision-matrix.csv",
            Self::WindowPng => "window.png",
            Self::ClassCodes => "class-codes.txt",
        }
    }

    /// The export window's title.
    #[must_use]
    pub fn title(self) -> &'static str {
        match self {
            Self::OutcomesCsv => "Export the outcomes table as CSV",
            Self::MatrixCsv => "Export the decision matrix as CSV",
            Self::WindowPng => "Export the window as PNG",
            Self::ClassCodes => "Save the class's codes as text",
        }
    }
}

/// What the path window is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileAction {
    /// Open the file at the path.
    Open,
    /// Save the document to the path.
    Save,
    /// Export to the path.
    Export(ExportKind),
}

/// A file that exists where a save or an export would go, waiting for "Replace".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replace {
    /// The file.
    pub path: PathBuf,
    /// Whether it is the document's own file and something else changed it since it was
    /// opened or saved here.
    pub changed_on_disk: bool,
}

/// The path window as the shell's document flow has it open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PathPrompt<'a> {
    /// What the window is for.
    pub action: FileAction,
    /// The existing file it asks about replacing, if it does.
    pub replace: Option<&'a Replace>,
}

/// A document shipped with the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Doc {
    /// `docs/first-steps.md`: what the tool is for and where to start.
    FirstSteps,
    /// `docs/file-format.md`: scenario and preset files and the mathematics.
    FileFormat,
    /// `docs/cli.md`: the analyst command line.
    CommandLine,
    /// A glossary of the numbers the app shows, each with its value now.
    Meaning,
}

impl Doc {
    /// The window title.
    #[must_use]
    pub fn title(self) -> &'static str {
        match self {
            Self::FirstSteps => "First steps",
            Self::FileFormat => "The file format and the mathematics",
            Self::CommandLine => "The command line",
            Self::Meaning => "What the numbers mean",
        }
    }

    /// The Markdown text.
    #[must_use]
    pub fn text(self) -> &'static str {
        match self {
            Self::FirstSteps => include_str!("../../../docs/first-steps.md"),
            Self::FileFormat => include_str!("../../../docs/file-format.md"),
            Self::CommandLine => include_str!("../../../docs/cli.md"),
            Self::Meaning => "",
        }
    }
}

/// Something with side effects, applied once by the shell.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Change the document.
    Edit(Edit),
    /// Set every lever to a sampled policy's, saying what changed.
    AdoptSample(Vec<f64>),
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
    /// Save to this file (as the system's dialog chose it: it asked before replacing).
    SaveAs(PathBuf),
    /// Open the window to open, save or export by a typed path.
    ShowFileWindow(FileAction),
    /// The path window's answer: do its action at this path; an existing file is replaced
    /// only with `replace`.
    PathChosen {
        /// The file.
        path: PathBuf,
        /// Whether an existing file may be replaced.
        replace: bool,
    },
    /// The path window asked about replacing a file; type another path instead.
    ChooseAnotherPath,
    /// Close the path window without doing anything.
    ClosePathWindow,
    /// Undo the last change.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Pin the current state as comparison A.
    PinA,
    /// Drop comparison A.
    ClearA,
    /// Classroom mode on or off.
    ToggleClassroom,
    /// Light or dark look.
    SetLook(Look),
    /// Show or hide a column per hypothesis in the outcomes table.
    SetPerHypothesis(bool),
    /// Save presets with their scenario inside (one file to share), or naming a scenario file
    /// beside them.
    SetEmbedScenario(bool),
    /// Show a shipped document.
    ShowHelp(Doc),
    /// Open the assumptions behind an outcome (outcome, horizon).
    ShowAssumptions(usize, usize),
    /// Step through the shipped presets.
    StepPreset(i32),
    /// Step along the evidence timeline (+1 later, -1 earlier).
    StepTimeline(i64),
    /// Read credence codes from a text file into the Class tab (added to those there); `None`
    /// asks for the file.
    ReadClassCodes(Option<PathBuf>),
    /// Play the shipped lesson with this index (asks first with unsaved changes).
    OpenLesson(usize),
    /// A new document on the shipped scenario with this index, at its defaults.
    NewFromScenario(usize),
    /// A new scenario from the small template, opened in the editor (asks first with unsaved
    /// changes).
    NewScenario,
    /// Edit the open scenario beside the results.
    OpenEditor,
    /// Close the editor; the results stay on the last version that checked.
    CloseEditor,
    /// Edit a copy of a locked scenario.
    UnlockCopy,
    /// Change the scenario being edited.
    EditScenario(crate::model::draft::ScenarioEdit),
    /// Write the scenario being edited to this file, in the canonical layout.
    SaveScenario(PathBuf),
    /// A drag or a field's edit in the editor ended: the next edit is a new undo step.
    EndScenarioStroke,
    /// A move in the lesson being played.
    LessonStep(crate::model::lesson::Move),
    /// Stop playing the lesson.
    CloseLesson,
    /// Hide the message banner.
    DismissNotice,
    /// Drop the work recovered at start, back to the document as the app last closed.
    DiscardRecovery,
    /// Answer the unsaved-changes question.
    Answer(Answer),
    /// Quit (asks first with unsaved changes).
    Quit,
}

impl Command {
    /// The action this command asks for, if it would replace the document or end the session.
    #[must_use]
    pub fn action(&self) -> Option<Action> {
        Some(match self {
            Self::New => Action::New,
            Self::Open(p) => Action::Open(p.clone()),
            Self::OpenDialog => Action::OpenDialog,
            Self::OpenShipped(i) => Action::OpenShipped(*i),
            Self::StepPreset(s) => Action::StepPreset(*s),
            Self::OpenLesson(i) => Action::OpenLesson(*i),
            Self::NewFromScenario(i) => Action::NewFromScenario(*i),
            Self::NewScenario => Action::NewScenario,
            Self::Quit => Action::Quit,
            _ => return None,
        })
    }
}

/// A message shown in a non-blocking banner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// Error or information.
    pub is_error: bool,
    /// Headline.
    pub title: String,
    /// Details, one per line (`file:line:column: problem`).
    pub lines: Vec<String>,
}

impl Notice {
    /// An information banner.
    #[must_use]
    pub fn info(title: impl Into<String>) -> Self {
        Self {
            is_error: false,
            title: title.into(),
            lines: vec![],
        }
    }
    /// An error banner.
    #[must_use]
    pub fn error(title: impl Into<String>, lines: Vec<String>) -> Self {
        Self {
            is_error: true,
            title: title.into(),
            lines,
        }
    }
}
