//! Menu bar, header and the non-blocking message banner.

use crate::app::{Command, MotiveApp};
use crate::io::SHIPPED_PRESETS;
use crate::ui::theme::{self, Look};
use egui::RichText;

impl MotiveApp {
    pub(crate) fn menu_ui(&mut self, ui: &mut egui::Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| self.file_menu(ui));
            ui.menu_button("Edit", |ui| {
                if ui.add_enabled(self.history.can_undo(), egui::Button::new("Undo").shortcut_text("Ctrl+Z")).clicked() {
                    self.commands.push(Command::Undo);
                }
                if ui.add_enabled(self.history.can_redo(), egui::Button::new("Redo").shortcut_text("Ctrl+Shift+Z")).clicked()
                {
                    self.commands.push(Command::Redo);
                }
                ui.separator();
                if ui.button("Reset to preset").on_hover_text("Back to the document as it was opened").clicked() {
                    self.commands.push(Command::ResetToPreset);
                }
                ui.separator();
                if ui.button("Pin current state as A").clicked() {
                    self.commands.push(Command::PinA);
                }
                if ui.add_enabled(self.pinned.is_some(), egui::Button::new("Clear comparison A")).clicked() {
                    self.commands.push(Command::ClearA);
                }
            });
            ui.menu_button("Presets", |ui| {
                for (i, p) in SHIPPED_PRESETS.iter().enumerate() {
                    if ui.button(preset_name(p.text, p.id)).clicked() {
                        self.commands.push(Command::OpenShipped(i));
                    }
                }
            });
            ui.menu_button("View", |ui| {
                if ui.add(egui::Button::new("Classroom mode").shortcut_text("F11")).clicked() {
                    self.commands.push(Command::ToggleClassroom);
                }
                ui.separator();
                let mut look = self.persisted.look;
                ui.radio_value(&mut look, Look::Light, "Light theme");
                ui.radio_value(&mut look, Look::Dark, "Dark theme");
                if look != self.persisted.look {
                    self.commands.push(Command::SetLook(look));
                }
                ui.separator();
                ui.checkbox(&mut self.persisted.per_hypothesis, "Outcome values per hypothesis");
            });
            ui.menu_button("Help", |ui| {
                ui.set_max_width(420.0);
                ui.label(RichText::new(&self.doc.scenario.title).strong());
                ui.label(&self.doc.scenario.summary);
                ui.separator();
                ui.label("Every number is an assumption with a source and a range: click ? next to an outcome to see them. The file format is in docs/file-format.md; the command line in docs/cli.md.");
                ui.label("Shortcuts: Ctrl+O open, Ctrl+S save, Ctrl+Z undo, Ctrl+Shift+Z or Ctrl+Y redo, F11 classroom mode (arrow keys step through presets, Esc leaves).");
            });
        });
    }

    fn file_menu(&mut self, ui: &mut egui::Ui) {
        if ui.add(egui::Button::new("New").shortcut_text("Ctrl+N")).clicked() {
            self.commands.push(Command::New);
        }
        if ui.add(egui::Button::new("Open…").shortcut_text("Ctrl+O")).clicked() {
            self.commands.push(Command::OpenDialog);
        }
        ui.menu_button("Open path", |ui| {
            ui.horizontal(|ui| {
                let edit = ui.add(
                    egui::TextEdit::singleline(&mut self.typed_path)
                        .hint_text("path/to/file.ron")
                        .desired_width(260.0),
                );
                let edit = edit.labelled_by(ui.label("Path").id);
                let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                if (ui.button("Open").clicked() || enter) && !self.typed_path.trim().is_empty() {
                    self.commands.push(Command::Open(self.typed_path.trim().into()));
                    ui.close();
                }
            });
        });
        ui.menu_button("Open recent", |ui| {
            if self.persisted.recent.is_empty() {
                ui.label("No recent files");
            }
            for p in self.persisted.recent.clone() {
                if ui.button(p.display().to_string()).clicked() {
                    self.commands.push(Command::Open(p));
                }
            }
        });
        ui.separator();
        if ui.add(egui::Button::new("Save").shortcut_text("Ctrl+S")).clicked() {
            self.commands.push(Command::Save);
        }
        if ui
            .add(egui::Button::new("Save As…").shortcut_text("Ctrl+Shift+S"))
            .clicked()
        {
            self.commands.push(Command::SaveAsDialog);
        }
        ui.separator();
        if ui.button("Quit").clicked() {
            self.commands.push(Command::Quit);
        }
    }

    pub(crate) fn header_ui(&mut self, ui: &mut egui::Ui) {
        ui.add_space(4.0);
        ui.horizontal_wrapped(|ui| {
            ui.heading(&self.doc.scenario.title)
                .on_hover_text(&self.doc.scenario.summary);
            ui.separator();
            let mark = if self.dirty() { " (unsaved)" } else { "" };
            ui.label(RichText::new(format!("{}{mark}", self.doc.name)).strong())
                .on_hover_text(if self.dirty() { "Unsaved changes" } else { "Saved" });
            if let Some(p) = &self.path {
                ui.label(RichText::new(p.display().to_string()).small());
            }
            ui.separator();
            if self.pinned.is_some() {
                ui.label(RichText::new("A pinned").color(theme::palette(self.persisted.look, self.classroom).pinned))
                    .on_hover_text("The table and plots compare the live state with A");
                if ui.button("Clear A").clicked() {
                    self.commands.push(Command::ClearA);
                }
            } else if ui
                .button("Pin as A")
                .on_hover_text("Keep the current state to compare against")
                .clicked()
            {
                self.commands.push(Command::PinA);
            }
            if ui
                .add_enabled(self.history.can_undo(), egui::Button::new("Undo"))
                .clicked()
            {
                self.commands.push(Command::Undo);
            }
            if ui
                .add_enabled(self.history.can_redo(), egui::Button::new("Redo"))
                .clicked()
            {
                self.commands.push(Command::Redo);
            }
            if self.classroom {
                ui.separator();
                let step = self.shipped_index.map_or_else(String::new, |i| {
                    format!("preset {}/{} · ", i + 1, SHIPPED_PRESETS.len())
                });
                ui.label(
                    RichText::new(format!(
                        "{step}Left/Right keys step through presets · F11 or Esc leaves classroom mode"
                    ))
                    .small(),
                );
                if ui.button("Leave classroom mode").clicked() {
                    self.commands.push(Command::ToggleClassroom);
                }
            }
        });
        if !self.doc.notes.is_empty() {
            ui.label(RichText::new(&self.doc.notes).italics());
        }
        ui.add_space(2.0);
    }

    pub(crate) fn notice_ui(&mut self, ui: &mut egui::Ui) {
        let Some(n) = self.notice.clone() else { return };
        let palette = theme::palette(self.persisted.look, self.classroom);
        egui::Frame::new()
            .fill(if n.is_error {
                palette.error_fill
            } else {
                palette.info_fill
            })
            .inner_margin(8.0)
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.label(RichText::new(&n.title).strong());
                    if ui.button("Dismiss").clicked() {
                        self.notice = None;
                    }
                });
                for line in n.lines.iter().take(12) {
                    ui.label(RichText::new(line).monospace());
                }
                if n.lines.len() > 12 {
                    ui.label(format!(
                        "… and {} more (motive-lab check FILE lists them all)",
                        n.lines.len() - 12
                    ));
                }
            });
    }
}

/// The `name` field of a preset's text, for menus, without parsing the whole file.
fn preset_name(text: &str, fallback: &str) -> String {
    text.lines()
        .find_map(|l| l.trim().strip_prefix("name: \"").and_then(|r| r.split('"').next()))
        .map_or_else(|| fallback.to_owned(), str::to_owned)
}
