//! Commands: everything with side effects, queued by the UI and applied once per frame, with
//! the unsaved-changes question in front of anything that would replace the document.

use super::{MotiveApp, Notice, Pinned, default_document};
use crate::io::{SHIPPED_PRESETS, load_document};
use crate::ui::theme::Look;
use std::path::PathBuf;
use std::sync::Arc;

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

impl MotiveApp {
    /// Whether a command would throw away unsaved changes.
    pub(super) fn discards(&self, cmd: &Command) -> bool {
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
                        report: Arc::clone(r),
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

    pub(super) fn shortcuts(&mut self, ctx: &egui::Context) {
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

    pub(super) fn dropped_files(&mut self, ctx: &egui::Context) {
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

    pub(super) fn run_commands(&mut self, ctx: &egui::Context) {
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

    pub(super) fn close_request(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested()) && !self.quit_confirmed && self.dirty() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.confirm = Some(Command::Quit);
        }
    }

    pub(super) fn confirm_ui(&mut self, ctx: &egui::Context) {
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
}
