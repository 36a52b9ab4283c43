//! What a view sees and what it may ask for: [`ViewCtx`] gives read access to the document,
//! the session, the derived results and the theme, and takes [`Command`]s, which the shell
//! applies. Views never touch the shell itself.

use crate::analysis::{Derived, ReportResult, Side};
use crate::model::document::Document;
pub use crate::model::document::Edit;
use crate::model::settings::Settings;
pub use crate::ui::command::{Action, Answer, Command, Doc, ExportKind, FileAction, Notice, PathPrompt, Replace};
use crate::ui::theme::{Look, Palette, palette};
use std::path::{Path, PathBuf};

/// Which plot the plot area shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum PlotTab {
    /// Sampled policies on two outcomes with the non-dominated front.
    Pareto,
    /// One lever across its range against one outcome: the first view, since it shows where
    /// the theories agree and where they fan out.
    #[default]
    LeverSweep,
    /// Named policies by hypotheses.
    Matrix,
    /// Expected utility as one hypothesis's credence goes from 0 to 100%.
    CredenceSweep,
    /// What drives the gap between the best policy and the runner-up.
    Gap,
    /// The Monte Carlo over the effects' ranges: chance best, spread, value of information.
    Uncertainty,
    /// The evidence matrix, its states and the timeline.
    Evidence,
    /// The class's credence codes pooled.
    Class,
}

impl From<crate::model::lesson::LessonTab> for PlotTab {
    fn from(t: crate::model::lesson::LessonTab) -> Self {
        use crate::model::lesson::LessonTab as L;
        match t {
            L::Pareto => Self::Pareto,
            L::LeverSweep => Self::LeverSweep,
            L::Matrix => Self::Matrix,
            L::CredenceSweep => Self::CredenceSweep,
            L::Gap => Self::Gap,
            L::Uncertainty => Self::Uncertainty,
            L::Evidence => Self::Evidence,
            L::Class => Self::Class,
        }
    }
}

/// The look views draw with.
#[derive(Debug, Clone, Copy)]
pub struct Theme {
    /// Light or dark.
    pub look: Look,
    /// Classroom mode: large, high-contrast, editing chrome hidden.
    pub classroom: bool,
    /// Colours for this look.
    pub palette: Palette,
}

impl Theme {
    /// The theme of a look.
    #[must_use]
    pub fn new(look: Look, classroom: bool) -> Self {
        Self {
            look,
            classroom,
            palette: palette(look, classroom),
        }
    }
}

/// What views may know of the session: the file, the unsaved mark, history, comparison.
#[derive(Debug, Clone, Copy)]
#[allow(
    clippy::struct_excessive_bools,
    reason = "independent facts a view reads, not a state machine"
)]
pub struct SessionView<'a> {
    /// The document's file, if any.
    pub path: Option<&'a Path>,
    /// Whether the document differs from its file.
    pub dirty: bool,
    /// Whether there is something to undo.
    pub can_undo: bool,
    /// Whether there is something to redo.
    pub can_redo: bool,
    /// Comparison state A, if pinned.
    pub pinned: Option<&'a Settings>,
    /// The settings as opened (the comparison when nothing is pinned).
    pub opened: &'a Settings,
    /// Index of the shipped preset shown (classroom stepping).
    pub shipped_index: Option<usize>,
    /// Recently used files, newest first.
    pub recent: &'a [PathBuf],
    /// Names of the shipped presets, in classroom order.
    pub presets: &'a [String],
    /// Whether the shipped presets are made for the open scenario.
    pub shipped_presets_fit: bool,
    /// The presets saved beside the open scenario's file: name and path.
    pub presets_beside: &'a [(String, PathBuf)],
    /// Presets are saved with their scenario inside.
    pub embed_scenario: bool,
    /// Whether the outcomes table shows a column per hypothesis.
    pub per_hypothesis: bool,
    /// The banner message, if any.
    pub notice: Option<&'a Notice>,
    /// Whether the document was recovered at start from unsaved work (it can be discarded).
    pub recovered: bool,
    /// The action waiting for the unsaved-changes answer, if any.
    pub confirming: Option<&'a Action>,
    /// The path window, if the document flow has it open.
    pub path_window: Option<PathPrompt<'a>>,
    /// In classroom mode, the state before the last step through the presets.
    pub previous_step: Option<&'a crate::model::document::DocState>,
    /// The lesson being played, if any.
    pub lesson: Option<LessonShown<'a>>,
    /// The scenario editor, if open.
    pub editor: Option<EditorShown<'a>>,
}

/// The lesson being played, as the views see it.
#[derive(Debug, Clone, Copy)]
pub struct LessonShown<'a> {
    /// The lesson.
    pub lesson: &'a crate::model::lesson::Lesson,
    /// The step shown.
    pub step: usize,
    /// Whether its question still hides the results.
    pub asking: bool,
}

/// The scenario editor, as the views see it.
#[derive(Debug, Clone, Copy)]
pub struct EditorShown<'a> {
    /// The scenario being edited, its problems and history.
    pub draft: &'a crate::model::draft::Draft,
    /// The scenario is locked: the editor asks before unlocking a copy.
    pub asking_unlock: bool,
    /// The hand-written file whose comments a save would drop, if any.
    pub comments_in: Option<&'a Path>,
    /// Why the last edit was refused, if it was.
    pub refused: Option<&'a str>,
    /// Where the scenario was last saved, or the file it was read from.
    pub file: Option<&'a Path>,
}

/// The comparison state the live one is measured against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReferenceKind {
    /// Pinned by the user as A.
    Pinned,
    /// The document as it was opened.
    Opened,
}

/// Everything a view gets.
pub struct ViewCtx<'a> {
    /// The document.
    pub doc: &'a Document,
    /// Derived results, memoised.
    pub derived: &'a mut Derived,
    /// The session.
    pub session: SessionView<'a>,
    /// The look.
    pub theme: Theme,
    commands: &'a mut Vec<Command>,
}

impl<'a> ViewCtx<'a> {
    /// A context over these parts; commands go to `commands`.
    pub fn new(
        doc: &'a Document,
        derived: &'a mut Derived,
        session: SessionView<'a>,
        theme: Theme,
        commands: &'a mut Vec<Command>,
    ) -> Self {
        Self {
            doc,
            derived,
            session,
            theme,
            commands,
        }
    }

    /// Ask the shell to do something.
    pub fn send(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// Ask the shell to change the document.
    pub fn edit(&mut self, edit: Edit) {
        self.commands.push(Command::Edit(edit));
    }

    /// The settings being edited.
    #[must_use]
    pub fn settings(&self) -> &'a Settings {
        &self.doc.state.settings
    }

    /// The report of the live settings.
    ///
    /// # Errors
    /// Settings the engine cannot evaluate.
    pub fn report(&mut self) -> ReportResult {
        self.derived.report(Side::Live, &self.doc.state.settings)
    }

    /// The comparison state: A if pinned, else the document as opened.
    #[must_use]
    pub fn reference_settings(&self) -> (ReferenceKind, &'a Settings) {
        match self.session.pinned {
            Some(s) => (ReferenceKind::Pinned, s),
            None => (ReferenceKind::Opened, self.session.opened),
        }
    }

    /// The report of the comparison state.
    ///
    /// # Errors
    /// Comparison settings the engine cannot evaluate.
    pub fn reference_report(&mut self) -> ReportResult {
        let (_, settings) = self.reference_settings();
        self.derived.report(Side::Reference, settings)
    }
}

/// A panel or plot: a struct owning its own view state, drawn from a context.
pub trait View {
    /// Draw the view.
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>);
}
