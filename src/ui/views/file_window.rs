//! Opening and saving by a typed path: a small window with a path field, for desktops with no
//! system file dialog (and for anyone who would rather type). Enter does it; saving over an
//! existing file asks first.

use crate::ui::ctx::{Command, View, ViewCtx};
use egui::RichText;
use std::path::PathBuf;

/// What can be exported from the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    /// The outcomes table (every outcome and horizon, expected and per hypothesis) as CSV.
    OutcomesCsv,
    /// The decision matrix (utility of every policy under every hypothesis, regret) as CSV.
    MatrixCsv,
    /// The whole window as a PNG image.
    WindowPng,
}

impl ExportKind {
    /// What the file holds, for file names ("outcomes.csv").
    #[must_use]
    pub fn file_suffix(self) -> &'static str {
        match self {
            Self::OutcomesCsv => "outcomes.csv",
            Self::MatrixCsv => "decision-matrix.csv",
            Self::WindowPng => "window.png",
        }
    }

    fn title(self) -> &'static str {
        match self {
            Self::OutcomesCsv => "Export the outcomes table as CSV",
            Self::MatrixCsv => "Export the decision matrix as CSV",
            Self::WindowPng => "Export the window as PNG",
        }
    }
}

/// What the window is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileAction {
    /// Open the file at the path.
    Open,
    /// Save the document to the path.
    Save,
    /// Export to the path.
    Export(ExportKind),
}

/// The path window; closed unless [`FileWindowView::show`] opened it.
#[derive(Debug, Default)]
pub struct FileWindowView {
    action: Option<FileAction>,
    path: String,
    /// The path that exists and waits for "Replace", and whether it is the document's file
    /// that something else changed since it was opened or saved.
    replace: Option<(PathBuf, bool)>,
    focus: bool,
}

impl FileWindowView {
    /// Open the window for `action` with the path field set to `path`.
    pub fn show(&mut self, action: FileAction, path: &str) {
        self.action = Some(action);
        path.clone_into(&mut self.path);
        self.replace = None;
        self.focus = true;
    }

    /// The path to save or export to exists: ask before replacing it.
    pub fn ask_to_replace(&mut self, action: FileAction, path: PathBuf, changed_on_disk: bool) {
        self.action = Some(action);
        path.display().to_string().clone_into(&mut self.path);
        self.replace = Some((path, changed_on_disk));
    }

    /// Close the window.
    pub fn close(&mut self) {
        self.action = None;
        self.replace = None;
    }

    /// What the window is open for, if it is.
    #[must_use]
    pub fn action(&self) -> Option<FileAction> {
        self.action
    }
}

impl View for FileWindowView {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        let Some(action) = self.action else { return };
        let (title, verb) = match action {
            FileAction::Open => ("Open a file", "Open"),
            FileAction::Save => ("Save the preset as", "Save"),
            FileAction::Export(kind) => (kind.title(), "Export"),
        };
        let mut open = true;
        let mut submit = None;
        let mut cancel = false;
        egui::Window::new(title)
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .show(ui.ctx(), |ui| {
                if let Some((existing, changed)) = &self.replace {
                    if *changed {
                        ui.label(format!(
                            "{} changed on disk since it was opened or saved here: another program, or another Motive Lab window, wrote to it. Replace what it holds now with this document?",
                            existing.display()
                        ));
                    } else {
                        ui.label(format!("{} already exists. Replace it?", existing.display()));
                    }
                    let mut elsewhere = false;
                    ui.horizontal(|ui| {
                        if ui.button("Replace").clicked() {
                            submit = Some(write(action, existing.clone(), true));
                        }
                        elsewhere = ui.button("Choose another file…").clicked();
                        cancel = ui.button("Cancel").clicked();
                    });
                    if elsewhere {
                        // Back to the path field, to type another name.
                        self.replace = None;
                        self.focus = true;
                    }
                    return;
                }
                ui.horizontal(|ui| {
                    let label = ui.label("Path");
                    let edit = ui
                        .add(egui::TextEdit::singleline(&mut self.path).desired_width(420.0))
                        .labelled_by(label.id);
                    if std::mem::take(&mut self.focus) {
                        edit.request_focus();
                    }
                    let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                    let typed = self.path.trim();
                    if (ui.button(verb).clicked() || enter) && !typed.is_empty() {
                        submit = Some(write(action, PathBuf::from(typed), false));
                    }
                });
                ui.label(
                    RichText::new("A path relative to the folder the app was started in, or an absolute one.").small(),
                );
                cancel = ui.button("Cancel").clicked();
            });
        if let Some(c) = submit {
            // The shell closes the window when the file is written (or asks to replace it).
            if action == FileAction::Open {
                self.close();
            }
            ctx.send(c);
        }
        if cancel || !open {
            self.close();
        }
    }
}

/// The command that does `action` at `path`.
fn write(action: FileAction, path: PathBuf, replace: bool) -> Command {
    match action {
        FileAction::Open => Command::Open(path),
        FileAction::Save => Command::SaveTo { path, replace },
        FileAction::Export(kind) => Command::ExportTo { kind, path, replace },
    }
}
