//! Commands: everything with side effects, sent by the views and applied here once, with the
//! unsaved-changes question in front of anything that would replace the document.

use super::{MotiveApp, default_document};
use crate::format::number;
use crate::io::{SHIPPED_PRESETS, load_document};
use crate::ui::ctx::{Answer, Command, Edit, Notice};
use std::path::PathBuf;

impl MotiveApp {
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
        replaces && self.session.dirty() && self.discard_approved.as_ref() != Some(&self.session.doc.state)
    }

    /// Apply one command now, without asking about unsaved changes.
    pub fn apply(&mut self, ctx: &egui::Context, cmd: Command) {
        match cmd {
            Command::Edit(e) => self.apply_edit(ctx, e),
            Command::AdoptSample(levers) => self.adopt_sample(ctx, levers),
            Command::New => {
                self.replace_document(default_document(), None, None);
            }
            Command::OpenDialog => self.spawn_dialog(false),
            Command::Open(p) => self.open(&p),
            Command::OpenShipped(i) => self.open_shipped(i),
            Command::Save => match self.session.path.clone() {
                Some(p) => {
                    self.save_to(&p, false);
                }
                None => self.spawn_dialog(true),
            },
            Command::SaveAsDialog => self.spawn_dialog(true),
            Command::SaveAs(p) => {
                // The system's dialog asked before replacing a file.
                self.save_to(&p, true);
            }
            Command::SaveTo { path, replace } => {
                if !replace && crate::io::exists(&path) {
                    let changed = self.is_document_file(&path) && self.session.changed_on_disk();
                    self.views.file_window.ask_to_replace(
                        crate::ui::views::file_window::FileAction::Save,
                        path,
                        changed,
                    );
                } else if self.save_to(&path, replace) {
                    self.views.file_window.close();
                }
            }
            Command::ShowFileWindow(action) => self.show_file_window(action),
            Command::ExportTo { kind, path, replace } => self.export_to(ctx, kind, path, replace),
            Command::Undo => self.session.step_history(true),
            Command::Redo => self.session.step_history(false),
            Command::PinA => {
                // Only a state that can be evaluated can be compared with.
                let settings = &self.session.doc.state.settings;
                match self.derived.report(crate::analysis::Side::Live, settings) {
                    Ok(_) => self.session.pinned = Some(settings.clone()),
                    Err(e) => self.notice = Some(Notice::error("Cannot pin this state as A", vec![e.to_string()])),
                }
            }
            Command::ClearA => self.session.pinned = None,
            Command::ToggleClassroom => {
                self.classroom = !self.classroom;
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(self.classroom));
            }
            Command::SetLook(look) => self.prefs.look = look,
            Command::SetPerHypothesis(on) => self.prefs.per_hypothesis = on,
            Command::ShowAssumptions(o, t) => self.views.assumptions.open = Some((o, t)),
            Command::ShowHelp(doc) => self.views.help.open = Some(doc),
            Command::StepTimeline(step) => {
                let doc = &self.session.doc;
                if let Some(next) =
                    crate::model::evidence::timeline_step(&doc.scenario, &doc.state.settings.observed, step)
                {
                    self.apply_edit(ctx, Edit::Observed(next));
                }
            }
            Command::StepPreset(step) => {
                let n = SHIPPED_PRESETS.len();
                if n > 0 {
                    let next = match self.session.shipped_index {
                        Some(i) if step >= 0 => (i + 1) % n,
                        Some(i) => (i + n - 1) % n,
                        None if step >= 0 => 0,
                        None => n - 1,
                    };
                    let before = self.session.doc.state.clone();
                    self.open_shipped(next);
                    if self.session.shipped_index == Some(next) {
                        self.previous_step = Some(before);
                    }
                }
            }
            Command::DismissNotice => self.notice = None,
            Command::DiscardRecovery => self.discard_recovery(),
            Command::Answer(a) => self.answer(ctx, a),
            Command::Quit => {
                self.quit_confirmed = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
        ctx.request_repaint();
    }

    fn apply_edit(&mut self, ctx: &egui::Context, edit: Edit) {
        let (doc, opened) = (&mut self.session.doc, &self.session.opened);
        doc.state.apply(edit, &doc.scenario, opened);
        ctx.request_repaint();
    }

    fn adopt_sample(&mut self, ctx: &egui::Context, levers: Vec<f64>) {
        let doc = &self.session.doc;
        let changes: Vec<String> = doc
            .scenario
            .levers
            .iter()
            .zip(doc.state.settings.levers.iter().zip(&levers))
            .filter(|(_, (a, b))| a != b)
            .map(|(l, (a, b))| format!("{}: {} to {} {}", l.name, number(*a), number(*b), l.unit))
            .collect();
        if changes.is_empty() {
            return;
        }
        self.apply_edit(ctx, Edit::Levers(levers));
        self.notice = Some(Notice {
            is_error: false,
            title: "Adopted a sampled policy's settings; Undo (Ctrl+Z) brings the previous ones back".into(),
            lines: changes,
        });
    }

    /// Apply the document edits queued so far, leaving the other commands queued.
    pub(super) fn apply_edits(&mut self, ctx: &egui::Context) {
        if self.confirm.is_some() {
            return;
        }
        let (edits, rest): (Vec<_>, Vec<_>) = std::mem::take(&mut self.commands)
            .into_iter()
            .partition(|c| matches!(c, Command::Edit(_)));
        self.commands = rest;
        for c in edits {
            if let Command::Edit(e) = c {
                self.apply_edit(ctx, e);
            }
        }
    }

    pub(super) fn shortcuts(&mut self, ctx: &egui::Context) {
        use egui::{Key, KeyboardShortcut, Modifiers};
        let typing = ctx.egui_wants_keyboard_input();
        let shortcut = |m: Modifiers, k: Key| ctx.input_mut(|i| i.consume_shortcut(&KeyboardShortcut::new(m, k)));
        let ctrl_shift = Modifiers::COMMAND | Modifiers::SHIFT;
        let mut send = |c: Command| self.commands.push(c);
        if shortcut(ctrl_shift, Key::Z) || shortcut(Modifiers::COMMAND, Key::Y) {
            send(Command::Redo);
        } else if shortcut(Modifiers::COMMAND, Key::Z) {
            send(Command::Undo);
        }
        if shortcut(ctrl_shift, Key::S) {
            send(Command::SaveAsDialog);
        } else if shortcut(Modifiers::COMMAND, Key::S) {
            send(Command::Save);
        }
        if shortcut(Modifiers::COMMAND, Key::O) {
            send(Command::OpenDialog);
        }
        if shortcut(Modifiers::COMMAND, Key::N) {
            send(Command::New);
        }
        if shortcut(Modifiers::NONE, Key::F11) {
            send(Command::ToggleClassroom);
        }
        if self.classroom {
            // Esc first closes an open menu, popup or combo box (egui does that itself); only
            // with none open does it leave classroom mode.
            if !self.popup_open && shortcut(Modifiers::NONE, Key::Escape) {
                self.commands.push(Command::ToggleClassroom);
            }
            if !typing {
                if shortcut(Modifiers::NONE, Key::ArrowRight) || shortcut(Modifiers::NONE, Key::PageDown) {
                    self.commands.push(Command::StepPreset(1));
                }
                if shortcut(Modifiers::NONE, Key::ArrowLeft) || shortcut(Modifiers::NONE, Key::PageUp) {
                    self.commands.push(Command::StepPreset(-1));
                }
                if shortcut(Modifiers::NONE, Key::ArrowDown) {
                    self.commands.push(Command::StepTimeline(1));
                }
                if shortcut(Modifiers::NONE, Key::ArrowUp) {
                    self.commands.push(Command::StepTimeline(-1));
                }
            }
        }
    }

    pub(super) fn dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Option<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .find(|p| !p.as_os_str().is_empty())
        });
        if let Some(p) = dropped {
            self.commands.push(Command::Open(p));
        }
    }

    /// Apply the queued commands. While the unsaved-changes question is open only its answer
    /// is taken; anything else queued behind it is dropped.
    pub(super) fn run_commands(&mut self, ctx: &egui::Context) {
        for cmd in std::mem::take(&mut self.commands) {
            if self.confirm.is_some() {
                if let Command::Answer(a) = cmd {
                    self.answer(ctx, a);
                }
                continue;
            }
            // A broken file is reported at once: there is nothing to confirm.
            if let Command::Open(p) = &cmd
                && self.session.dirty()
                && let Err(e) = load_document(p)
            {
                self.file_error("Could not open the file; nothing was changed", &e);
                continue;
            }
            if self.discards(&cmd) {
                self.confirm = Some(cmd);
                ctx.request_repaint();
                continue;
            }
            self.apply(ctx, cmd);
        }
    }

    pub(super) fn close_request(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested()) && !self.quit_confirmed && self.session.dirty() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.confirm = Some(Command::Quit);
        }
    }

    fn answer(&mut self, ctx: &egui::Context, answer: Answer) {
        let Some(cmd) = self.confirm.take() else { return };
        match answer {
            Answer::Save => {
                if let Some(p) = self.session.path.clone() {
                    self.save_to(&p, false);
                    if !self.session.dirty() {
                        self.apply(ctx, cmd);
                    }
                } else {
                    let then = crate::ui::views::confirm::action(&cmd, &self.preset_names);
                    self.notice = Some(Notice::info(format!("Choose where to save; {then} follows")));
                    self.after_save = Some(cmd);
                    self.spawn_dialog(true);
                }
            }
            Answer::Discard => {
                if cmd == Command::Quit {
                    // What eframe stores for the next run is the document as last saved, or
                    // nothing for work that was never saved.
                    match self.session.saved.clone() {
                        Some(saved) => self.session.doc.state = saved,
                        None => self.forget_document = true,
                    }
                } else {
                    self.discard_approved = Some(self.session.doc.state.clone());
                }
                self.apply(ctx, cmd);
            }
            Answer::Cancel => {}
        }
        ctx.request_repaint();
    }
}
