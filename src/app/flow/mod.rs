//! The document flow: everything between a user asking for something that touches files and
//! it being done. The unsaved-changes question, saving first and then going on with what it
//! held back, the system's file dialog or the app's own path window when there is none,
//! replacing an existing file, a file changed on disk since it was opened, and quitting.
//!
//! One state machine, pure and without egui: [`Flow::on`] takes an [`Event`] and the facts of
//! the document ([`Doc`]) and returns the [`Effect`]s the shell carries out. Effects that write
//! report back as events (`Written`, `WriteFailed`, `WouldReplace`), and the shell feeds them
//! in at once, so a write is never left half-handled. Each state holds exactly what it needs:
//! an action held back by a save lives in the state that saves, and goes when that state goes.

mod events;

pub use events::{Check, Doc, Effect, Event};

use crate::model::document::DocState;
use crate::ui::command::{Action, Answer, FileAction, Notice, PathPrompt, Replace};
use std::path::PathBuf;

/// What the flow is waiting for.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum State {
    /// Nothing: the user is working.
    #[default]
    Idle,
    /// The unsaved-changes question is open; `action` follows its answer.
    Asking {
        /// What waits for the answer.
        action: Action,
    },
    /// The system's file dialog is open (off the UI thread).
    Dialog(Pending),
    /// The app's own path window is open.
    PathWindow(Window),
    /// A write was asked for and its outcome has not yet come back (within one dispatch).
    Writing {
        /// What goes on once it is written.
        then: Option<Action>,
        /// The path window to go back to if it is not written.
        window: Option<Window>,
    },
}

/// An open file dialog: what it is for and what follows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Pending {
    /// Saving (else opening).
    pub save: bool,
    /// The action a save holds back, done once the document is written.
    pub then: Option<Action>,
    /// The document state whose changes the user agreed to drop (opening after "Discard"):
    /// opening it is not asked about again unless the document changed since.
    pub approved: Option<DocState>,
}

/// The path window: what it is for, what follows it, and whether it asks about replacing.
#[derive(Debug, Clone, PartialEq)]
pub struct Window {
    /// What the window does.
    pub action: FileAction,
    /// The action a save holds back.
    pub then: Option<Action>,
    /// As in [`Pending::approved`].
    pub approved: Option<DocState>,
    /// The existing file it asks about replacing.
    pub replace: Option<Replace>,
}

impl Window {
    fn new(action: FileAction, then: Option<Action>, approved: Option<DocState>) -> Self {
        Self {
            action,
            then,
            approved,
            replace: None,
        }
    }
}

/// The document flow.
#[derive(Debug, Clone, PartialEq)]
pub struct Flow {
    state: State,
    /// Ask for files in the system's dialog; false once none was found (or when the user
    /// prefers the path window).
    system_dialog: bool,
}

/// Said when something else is asked for while the system's dialog is open.
const DIALOG_OPEN: &str = "A file dialog is open; finish with it first";

impl Flow {
    /// An idle flow; `system_dialog` false asks for files in the path window only.
    #[must_use]
    pub fn new(system_dialog: bool) -> Self {
        Self {
            state: State::Idle,
            system_dialog,
        }
    }

    /// Where the flow is.
    #[must_use]
    pub fn state(&self) -> &State {
        &self.state
    }

    /// Whether files are asked for in the system's dialog.
    #[must_use]
    pub fn uses_system_dialog(&self) -> bool {
        self.system_dialog
    }

    /// The action waiting for the unsaved-changes answer.
    #[must_use]
    pub fn asking(&self) -> Option<&Action> {
        match &self.state {
            State::Asking { action } => Some(action),
            _ => None,
        }
    }

    /// The path window, if it is open.
    #[must_use]
    pub fn path_window(&self) -> Option<PathPrompt<'_>> {
        match &self.state {
            State::PathWindow(w) => Some(PathPrompt {
                action: w.action,
                replace: w.replace.as_ref(),
            }),
            _ => None,
        }
    }

    /// Whether the system's dialog is open.
    #[must_use]
    pub fn dialog_open(&self) -> bool {
        matches!(self.state, State::Dialog(_))
    }

    /// Take `event`; what the shell must do.
    pub fn on(&mut self, event: Event, doc: &Doc<'_>) -> Vec<Effect> {
        let state = std::mem::take(&mut self.state);
        match (state, event) {
            // The question holds everything but its answer and a close.
            (State::Asking { action }, Event::Answer(answer)) => self.answer(action, answer, doc),
            (State::Asking { .. }, Event::CloseRequested) => {
                self.state = State::Asking { action: Action::Quit };
                vec![Effect::CancelClose]
            }
            // Cancel closes the question (as its Cancel button does).
            // Closed by the user: what a save held back goes with it.
            (State::Asking { .. } | State::PathWindow(_), Event::Cancel)
            | (State::Dialog(_), Event::DialogAnswered(None)) => {
                vec![]
            }
            (state @ State::Asking { .. }, _) => {
                self.state = state;
                vec![]
            }
            (State::Dialog(p), Event::DialogAnswered(Some(path))) if p.save => {
                self.write(path, Check::Nothing, p.then, None)
            }
            (State::Dialog(p), Event::DialogAnswered(Some(path))) => {
                self.request(Action::Open(path), p.approved.as_ref(), doc)
            }
            (State::Dialog(p), Event::DialogFailed) => {
                self.system_dialog = false;
                let action = if p.save { FileAction::Save } else { FileAction::Open };
                let follows = p.then.clone().map(Effect::AddWhatFollows);
                self.state = State::PathWindow(Window::new(action, p.then, p.approved));
                let mut effects = vec![
                    Effect::PrefillPath(action),
                    Effect::Notice(Notice {
                        is_error: false,
                        title: "No system file dialog is available here: type the path instead".into(),
                        lines: vec![
                            "Installing xdg-desktop-portal (or zenity) brings the system dialog.".into(),
                            "A .ron file dropped on the window opens too.".into(),
                        ],
                    }),
                ];
                effects.extend(follows);
                effects
            }
            (state @ State::Dialog(_), event) => {
                self.state = state;
                match event {
                    Event::CloseRequested if doc.dirty => {
                        vec![Effect::CancelClose, Effect::Notice(Notice::info(DIALOG_OPEN))]
                    }
                    Event::Request(_) | Event::Save | Event::SaveAs | Event::SaveTo(_) | Event::ShowPathWindow(_) => {
                        vec![Effect::Notice(Notice::info(DIALOG_OPEN))]
                    }
                    _ => vec![],
                }
            }
            (State::PathWindow(w), Event::PathChosen { path, replace }) => self.chosen(w, path, replace, doc),
            (State::PathWindow(mut w), Event::ChooseAnother) => {
                w.replace = None;
                self.state = State::PathWindow(w);
                vec![]
            }
            (State::Writing { then, .. }, Event::Written) => match then {
                Some(action) => self.request(action, None, doc),
                None => vec![],
            },
            (State::Writing { window, .. }, Event::WriteFailed) => {
                // In the path window the user may try another path; the held-back action stays.
                if let Some(w) = window {
                    self.state = State::PathWindow(w);
                }
                vec![]
            }
            (State::Writing { then, window }, Event::WouldReplace(replace)) => {
                let mut w = window.unwrap_or_else(|| Window::new(FileAction::Save, then, None));
                w.replace = Some(replace);
                self.state = State::PathWindow(w);
                vec![]
            }
            (state @ State::Writing { .. }, _) => {
                // Only a write's outcome can come now (the shell reports it in the same dispatch).
                self.state = state;
                vec![]
            }
            // Idle, or the path window abandoned for something new: what was held back goes.
            (State::Idle | State::PathWindow(_), event) => self.fresh(event, doc),
        }
    }

    /// An event with nothing pending.
    fn fresh(&mut self, event: Event, doc: &Doc<'_>) -> Vec<Effect> {
        match event {
            Event::Request(action) => self.request(action, None, doc),
            Event::CloseRequested if doc.dirty => {
                self.state = State::Asking { action: Action::Quit };
                vec![Effect::CancelClose]
            }
            Event::Save => match doc.path {
                Some(path) => self.write(path.to_path_buf(), Check::ChangedOnDisk, None, None),
                None => self.ask_where(None),
            },
            Event::SaveAs => self.ask_where(None),
            Event::SaveTo(path) => self.write(path, Check::Nothing, None, None),
            Event::ShowPathWindow(action) => self.window(Window::new(action, None, None)),
            _ => vec![],
        }
    }

    /// Do `action`, asking first about unsaved changes unless the user already agreed to
    /// drop exactly these (`approved`).
    fn request(&mut self, action: Action, approved: Option<&DocState>, doc: &Doc<'_>) -> Vec<Effect> {
        let agreed = approved.is_some_and(|a| a == doc.state);
        if doc.dirty && !agreed {
            self.state = State::Asking { action };
            return vec![];
        }
        match action {
            Action::OpenDialog => self.ask_for_file(approved.cloned()),
            action => vec![Effect::Run(action)],
        }
    }

    fn answer(&mut self, action: Action, answer: Answer, doc: &Doc<'_>) -> Vec<Effect> {
        match answer {
            Answer::Cancel => vec![],
            Answer::Save => {
                if let Some(path) = doc.path {
                    return self.write(path.to_path_buf(), Check::ChangedOnDisk, Some(action), None);
                }
                let mut effects = vec![Effect::SayWhatFollows(action.clone())];
                effects.extend(self.ask_where(Some(action)));
                effects
            }
            Answer::Discard => match action {
                Action::Quit => vec![Effect::DropChanges, Effect::Run(Action::Quit)],
                Action::OpenDialog => self.ask_for_file(Some(doc.state.clone())),
                action => vec![Effect::Run(action)],
            },
        }
    }

    /// Ask where to save, then write and go on with `then`.
    fn ask_where(&mut self, then: Option<Action>) -> Vec<Effect> {
        if self.system_dialog {
            self.state = State::Dialog(Pending {
                save: true,
                then,
                approved: None,
            });
            vec![Effect::ShowDialog { save: true }]
        } else {
            self.window(Window::new(FileAction::Save, then, None))
        }
    }

    /// Ask which file to open.
    fn ask_for_file(&mut self, approved: Option<DocState>) -> Vec<Effect> {
        if self.system_dialog {
            self.state = State::Dialog(Pending {
                save: false,
                then: None,
                approved,
            });
            vec![Effect::ShowDialog { save: false }]
        } else {
            self.window(Window::new(FileAction::Open, None, approved))
        }
    }

    fn window(&mut self, w: Window) -> Vec<Effect> {
        let action = w.action;
        self.state = State::PathWindow(w);
        vec![Effect::PrefillPath(action)]
    }

    fn write(&mut self, path: PathBuf, check: Check, then: Option<Action>, window: Option<Window>) -> Vec<Effect> {
        self.state = State::Writing { then, window };
        vec![Effect::Write { path, check }]
    }

    fn chosen(&mut self, mut w: Window, path: PathBuf, replace: bool, doc: &Doc<'_>) -> Vec<Effect> {
        w.replace = None;
        match w.action {
            FileAction::Open => self.request(Action::Open(path), w.approved.as_ref(), doc),
            FileAction::Save => {
                let check = if replace { Check::Nothing } else { Check::Exists };
                let then = w.then.clone();
                self.write(path, check, then, Some(w))
            }
            FileAction::Export(kind) => {
                self.state = State::Writing {
                    then: None,
                    window: Some(w),
                };
                vec![Effect::Export { kind, path, replace }]
            }
        }
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod window_tests;
