//! The menu bar: files, editing, presets, view options and help.

use crate::ui::ctx::{Command, Edit, View, ViewCtx};
use crate::ui::theme::{Look, TOOLTIP_WIDTH};
use crate::ui::views::file_window::{ExportKind, FileAction};
use crate::ui::views::help::Doc;
use egui::RichText;

/// The menu bar.
#[derive(Debug, Default)]
pub struct MenuView;

impl View for MenuView {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| Self::file_menu(ui, ctx));
            ui.menu_button("Edit", |ui| edit_menu(ui, ctx));
            ui.menu_button("Presets", |ui| {
                for (i, name) in ctx.session.presets.iter().enumerate() {
                    if ui.button(name).clicked() {
                        ctx.send(Command::OpenShipped(i));
                    }
                }
            });
            ui.menu_button("View", |ui| view_menu(ui, ctx));
            ui.menu_button("Help", |ui| {
                ui.set_max_width(TOOLTIP_WIDTH + 40.0);
                ui.label(RichText::new(&ctx.doc.scenario.title).strong());
                ui.label(&ctx.doc.scenario.summary);
                ui.separator();
                ui.label("Every number is an assumption with a source and a range: click ? next to an outcome to see them.");
                for doc in [Doc::Meaning, Doc::FileFormat, Doc::CommandLine] {
                    if ui.button(doc.title()).clicked() {
                        ctx.send(Command::ShowHelp(doc));
                    }
                }
                ui.label("Shortcuts: Ctrl+O open, Ctrl+S save, Ctrl+Z undo, Ctrl+Shift+Z or Ctrl+Y redo, F11 classroom mode (arrow keys step through presets, Esc leaves).");
            });
        });
    }
}

impl MenuView {
    fn file_menu(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        if ui.add(egui::Button::new("New").shortcut_text("Ctrl+N")).clicked() {
            ctx.send(Command::New);
        }
        if ui.add(egui::Button::new("Open…").shortcut_text("Ctrl+O")).clicked() {
            ctx.send(Command::OpenDialog);
        }
        if ui.button("Open path…").clicked() {
            ctx.send(Command::ShowFileWindow(FileAction::Open));
        }
        ui.menu_button("Open recent", |ui| {
            if ctx.session.recent.is_empty() {
                ui.label("No recent files");
            }
            for p in ctx.session.recent {
                if ui.button(p.display().to_string()).clicked() {
                    ctx.send(Command::Open(p.clone()));
                }
            }
        });
        ui.separator();
        if ui.add(egui::Button::new("Save").shortcut_text("Ctrl+S")).clicked() {
            ctx.send(Command::Save);
        }
        if ui
            .add(egui::Button::new("Save As…").shortcut_text("Ctrl+Shift+S"))
            .clicked()
        {
            ctx.send(Command::SaveAsDialog);
        }
        if ui.button("Save to path…").clicked() {
            ctx.send(Command::ShowFileWindow(FileAction::Save));
        }
        ui.menu_button("Export", |ui| {
            for (kind, label) in [
                (ExportKind::OutcomesCsv, "Outcomes table as CSV…"),
                (ExportKind::MatrixCsv, "Decision matrix as CSV…"),
                (ExportKind::WindowPng, "Window as PNG…"),
            ] {
                if ui.button(label).clicked() {
                    ctx.send(Command::ShowFileWindow(FileAction::Export(kind)));
                }
            }
        });
        ui.separator();
        if ui.button("Quit").clicked() {
            ctx.send(Command::Quit);
        }
    }
}

fn edit_menu(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
    let s = ctx.session;
    if ui
        .add_enabled(s.can_undo, egui::Button::new("Undo").shortcut_text("Ctrl+Z"))
        .clicked()
    {
        ctx.send(Command::Undo);
    }
    if ui
        .add_enabled(s.can_redo, egui::Button::new("Redo").shortcut_text("Ctrl+Shift+Z"))
        .clicked()
    {
        ctx.send(Command::Redo);
    }
    ui.separator();
    if ui
        .button("Reset to preset")
        .on_hover_text("Back to the document as it was opened")
        .clicked()
    {
        ctx.edit(Edit::ResetToOpened);
    }
    ui.separator();
    if ui.button("Pin current state as A").clicked() {
        ctx.send(Command::PinA);
    }
    if ui
        .add_enabled(s.pinned.is_some(), egui::Button::new("Clear comparison A"))
        .clicked()
    {
        ctx.send(Command::ClearA);
    }
}

fn view_menu(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
    if ui
        .add(egui::Button::new("Classroom mode").shortcut_text("F11"))
        .clicked()
    {
        ctx.send(Command::ToggleClassroom);
    }
    ui.separator();
    let mut look = ctx.theme.look;
    ui.radio_value(&mut look, Look::Light, "Light theme");
    ui.radio_value(&mut look, Look::Dark, "Dark theme");
    if look != ctx.theme.look {
        ctx.send(Command::SetLook(look));
    }
    ui.separator();
    let mut per = ctx.session.per_hypothesis;
    if ui.checkbox(&mut per, "Outcome values per hypothesis").changed() {
        ctx.send(Command::SetPerHypothesis(per));
    }
}
