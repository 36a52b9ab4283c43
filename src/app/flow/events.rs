//! What goes into the document flow (events, with the facts of the document) and what comes
//! out of it (effects for the shell).

use crate::model::document::DocState;
use crate::ui::command::{Action, Answer, ExportKind, FileAction, Notice, Replace};
use std::path::{Path, PathBuf};

/// What happened.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// The user asked for something that replaces the document or ends the session.
    Request(Action),
    /// The window's close button (or the system) asked to close.
    CloseRequested,
    /// Save to the document's file, or ask where if it has none.
    Save,
    /// Ask where to save.
    SaveAs,
    /// Save to this path, already chosen (the system's dialog asked before replacing).
    SaveTo(PathBuf),
    /// Open the path window for this.
    ShowPathWindow(FileAction),
    /// The unsaved-changes question was answered.
    Answer(Answer),
    /// The system's dialog came back, with a path or closed by the user.
    DialogAnswered(Option<PathBuf>),
    /// There is no system dialog (it came back empty at once, failed, or could not start).
    DialogFailed,
    /// The path window's path.
    PathChosen {
        /// The path typed.
        path: PathBuf,
        /// Whether an existing file may be replaced.
        replace: bool,
    },
    /// Back from "Replace it?" to the path field.
    ChooseAnother,
    /// The path window was closed.
    Cancel,
    /// The write or export asked for is done.
    Written,
    /// It could not be done (the shell has said why).
    WriteFailed,
    /// Not written: a file is there, or the document's file changed on disk since it was
    /// opened or saved here.
    WouldReplace(Replace),
}

/// What the shell checks before it writes the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    /// Nothing: the user already agreed to replace whatever is there.
    Nothing,
    /// That the document's own file did not change on disk since it was opened or saved.
    ChangedOnDisk,
    /// That no file is there (and, if it is the document's file, that it did not change).
    Exists,
}

/// What the shell does.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Replace the document or quit, now. Never [`Action::OpenDialog`]: the flow asks for the
    /// file itself.
    Run(Action),
    /// Before quitting with changes the user dropped: what is kept for the next run is the
    /// document as last saved (or nothing, for work never saved).
    DropChanges,
    /// Keep the window open (the close is asked about first).
    CancelClose,
    /// Show the system's file dialog.
    ShowDialog {
        /// To save (else to open).
        save: bool,
    },
    /// The path window opened for this: fill its path field.
    PrefillPath(FileAction),
    /// Write the document to `path`, after `check`; report `Written`, `WriteFailed` or
    /// `WouldReplace`.
    Write {
        /// The file.
        path: PathBuf,
        /// What to check first.
        check: Check,
    },
    /// Export to `path` (an existing file only with `replace`); report as for `Write`.
    Export {
        /// What.
        kind: ExportKind,
        /// The file.
        path: PathBuf,
        /// Whether an existing file may be replaced.
        replace: bool,
    },
    /// Say where to save is being asked, and that `Action` follows.
    SayWhatFollows(Action),
    /// Add to the message just shown that `Action` follows once the document is saved.
    AddWhatFollows(Action),
    /// Show a message.
    Notice(Notice),
}

/// The facts of the document an event is judged on.
#[derive(Debug, Clone, Copy)]
pub struct Doc<'a> {
    /// Unsaved changes.
    pub dirty: bool,
    /// The document's file.
    pub path: Option<&'a Path>,
    /// Its state (compared with an approval to drop changes).
    pub state: &'a DocState,
}
