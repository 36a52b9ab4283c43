//! The menu bar: files, editing, presets, view options and help.

use crate::ui::command::{Scope, UiCommand};
use crate::ui::ctx::{Command, Doc, View, ViewCtx};
use crate::ui::theme::{Look, TOOLTIP_WIDTH};
use egui::RichText;

/// The menu bar.
#[derive(Debug, Default)]
pub struct MenuView;

impl View for MenuView {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| Self::file_menu(ui, ctx));
            ui.menu_button("Edit", |ui| edit_menu(ui, ctx));
            ui.menu_button("Presets", |ui| presets_menu(ui, ctx));
            ui.menu_button("Lessons", |ui| lessons_menu(ui, ctx));
            ui.menu_button("View", |ui| view_menu(ui, ctx));
            ui.menu_button("Help", |ui| {
                ui.set_max_width(TOOLTIP_WIDTH + 40.0);
                ui.label(RichText::new(&ctx.doc.scenario.title).strong());
                ui.label(&ctx.doc.scenario.summary);
                ui.separator();
                ui.label(
                    "Every number is an assumption with a source and a range: click ? next to an outcome to see them.",
                );
                for doc in [Doc::FirstSteps, Doc::Meaning, Doc::FileFormat, Doc::CommandLine] {
                    if ui.button(doc.title()).clicked() {
                        ctx.send(Command::ShowHelp(doc));
                    }
                }
                ui.menu_button("Keyboard shortcuts", shortcuts);
            });
        });
    }
}

impl MenuView {
    fn file_menu(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        for c in [
            UiCommand::New,
            UiCommand::NewScenario,
            UiCommand::Open,
            UiCommand::OpenPath,
        ] {
            if c.button(ui, true).clicked() {
                ctx.send(c.command());
            }
        }
        ui.menu_button("New from scenario", |ui| {
            ui.set_max_width(TOOLTIP_WIDTH);
            for (i, s) in crate::io::SHIPPED_SCENARIOS.iter().enumerate() {
                let title = s.field("title").unwrap_or_else(|| s.id.to_owned());
                if ui.button(RichText::new(title).strong()).clicked() {
                    ctx.send(Command::NewFromScenario(i));
                }
                ui.label(RichText::new(s.field("summary").unwrap_or_default()).small());
                ui.separator();
            }
        });
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
        for c in [UiCommand::Save, UiCommand::SaveAs, UiCommand::SavePath] {
            if c.button(ui, true).clicked() {
                ctx.send(c.command());
            }
        }
        let mut embed = ctx.session.embed_scenario;
        if ui
            .checkbox(&mut embed, "Save with the scenario inside (one file to share)")
            .on_hover_text("Off: a preset saved beside its scenario file names it by file name, and follows its edits. On: the scenario is written into the preset, which then stands alone wherever it goes.")
            .changed()
        {
            ctx.send(Command::SetEmbedScenario(embed));
        }
        ui.menu_button("Export", |ui| {
            for c in [
                UiCommand::ExportOutcomes,
                UiCommand::ExportMatrix,
                UiCommand::ExportWindow,
            ] {
                if c.button(ui, true).clicked() {
                    ctx.send(c.command());
                }
            }
        });
        ui.separator();
        if UiCommand::Quit.button(ui, true).clicked() {
            ctx.send(Command::Quit);
        }
    }
}

/// The presets of the open scenario: the shipped ones made for it, then those saved beside its
/// file.
fn presets_menu(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
    let s = ctx.session;
    if s.shipped_presets_fit {
        let here = |i: usize| {
            crate::io::SHIPPED_PRESETS
                .get(i)
                .is_some_and(|p| p.scenario == ctx.doc.scenario.id)
        };
        for (i, name) in s.presets.iter().enumerate().filter(|(i, _)| here(*i)) {
            if ui.button(name).clicked() {
                ctx.send(Command::OpenShipped(i));
            }
        }
    }
    if !s.presets_beside.is_empty() {
        if s.shipped_presets_fit {
            ui.separator();
        }
        for (name, path) in s.presets_beside {
            if ui.button(name).on_hover_text(path.display().to_string()).clicked() {
                ctx.send(Command::Open(path.clone()));
            }
        }
    }
    if !s.shipped_presets_fit && s.presets_beside.is_empty() {
        ui.label("No presets for this scenario yet: File > Save writes one beside it.");
    }
}

/// Every keyboard shortcut, from the command table.
fn shortcuts(ui: &mut egui::Ui) {
    egui::Grid::new("shortcuts")
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            for c in UiCommand::ALL {
                if let Some(keys) = c.shortcut_text(ui.ctx()) {
                    let when = match c.scope() {
                        Scope::Anywhere => "",
                        Scope::Classroom | Scope::ClassroomNoPopup => " (classroom mode)",
                    };
                    ui.label(keys);
                    ui.label(format!("{}{when}", c.label())).on_hover_text(c.tooltip());
                    ui.end_row();
                }
            }
        });
}

fn edit_menu(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
    let s = ctx.session;
    for (c, enabled) in [
        (UiCommand::Undo, s.can_undo),
        (UiCommand::Redo, s.can_redo),
        (UiCommand::ResetToOpened, true),
        (UiCommand::PinA, true),
        (UiCommand::ClearA, s.pinned.is_some()),
        (UiCommand::EditScenario, s.editor.is_none()),
    ] {
        if matches!(c, UiCommand::ResetToOpened | UiCommand::PinA | UiCommand::EditScenario) {
            ui.separator();
        }
        if c.button(ui, enabled).clicked() {
            ctx.send(c.command());
        }
    }
}

fn view_menu(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
    if UiCommand::Classroom.button(ui, true).clicked() {
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

/// The shipped lessons, and ending the one being played.
fn lessons_menu(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
    ui.set_max_width(TOOLTIP_WIDTH);
    ui.label(RichText::new("Play a lesson to a class: F11 for classroom mode, then the arrow keys step.").small());
    for (i, l) in crate::io::SHIPPED_LESSONS.iter().enumerate() {
        let title = l.field("title").unwrap_or_else(|| l.id.to_owned());
        let summary = l.field("summary").unwrap_or_default();
        if ui.button(title).on_hover_text(summary).clicked() {
            ctx.send(Command::OpenLesson(i));
        }
    }
    if ctx.session.lesson.is_some() {
        ui.separator();
        if ui.button("End lesson").clicked() {
            ctx.send(Command::CloseLesson);
        }
    }
}
