//! Opening, saving and exporting by a typed path: a small window with a path field, for
//! desktops with no system file dialog (and for anyone who would rather type). Enter does it;
//! saving over an existing file asks first. Whether the window is open, what for, and whether
//! it asks about replacing a file is the shell's document flow; the view keeps the text typed.

pub use crate::ui::command::{ExportKind, FileAction};
use crate::ui::ctx::{Command, View, ViewCtx};
use egui::RichText;
use std::path::PathBuf;

/// The path field of the path window, shown while the document flow has the window open.
#[derive(Debug, Default)]
pub struct FileWindowView {
    path: String,
    focus: bool,
}

impl FileWindowView {
    /// The window opened: set the path field to `path` and give it the keyboard.
    pub fn prefill(&mut self, path: &str) {
        path.clone_into(&mut self.path);
        self.focus = true;
    }
}

impl View for FileWindowView {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        let Some(prompt) = ctx.session.path_window else { return };
        let (title, verb) = match prompt.action {
            FileAction::Open => ("Open a file", "Open"),
            FileAction::Save => ("Save the preset as", "Save"),
            FileAction::Export(kind) => (kind.title(), "Export"),
        };
        let mut open = true;
        let mut sent = None;
        egui::Window::new(title)
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .show(ui.ctx(), |ui| {
                if let Some(existing) = prompt.replace {
                    let path = existing.path.display();
                    if existing.changed_on_disk {
                        ui.label(format!(
                            "{path} changed on disk since it was opened or saved here: another program, or another Motive Lab window, wrote to it. Replace what it holds now with this document?"
                        ));
                    } else {
                        ui.label(format!("{path} already exists. Replace it?"));
                    }
                    ui.horizontal(|ui| {
                        if ui.button("Replace").clicked() {
                            sent = Some(Command::PathChosen {
                                path: existing.path.clone(),
                                replace: true,
                            });
                        }
                        if ui.button("Choose another file…").clicked() {
                            // Back to the path field, to type another name.
                            self.prefill(&existing.path.display().to_string());
                            sent = Some(Command::ChooseAnotherPath);
                        }
                        if ui.button("Cancel").clicked() {
                            sent = Some(Command::ClosePathWindow);
                        }
                    });
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
                        sent = Some(Command::PathChosen {
                            path: PathBuf::from(typed),
                            replace: false,
                        });
                    }
                });
                ui.label(
                    RichText::new("A path relative to the folder the app was started in, or an absolute one.").small(),
                );
                if ui.button("Cancel").clicked() {
                    sent = Some(Command::ClosePathWindow);
                }
            });
        if !open {
            sent = Some(Command::ClosePathWindow);
        }
        if let Some(c) = sent {
            ctx.send(c);
        }
    }
}
