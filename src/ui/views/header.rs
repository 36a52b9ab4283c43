//! The header: scenario title, preset name with its unsaved mark, file, comparison A, undo and
//! redo, and in classroom mode where the presets stand.

use crate::ui::command::UiCommand;
use crate::ui::ctx::{Command, View, ViewCtx};
use crate::ui::theme::Look;
use crate::ui::views::step_changes::step_changes_ui;
use crate::ui::widgets::fixed_height;
use egui::RichText;

/// The header row.
#[derive(Debug, Default)]
pub struct HeaderView;

impl View for HeaderView {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        let doc = ctx.doc;
        ui.add_space(4.0);
        if ctx.theme.classroom {
            classroom_header(ui, ctx);
        } else {
            ui.horizontal_wrapped(|ui| {
                ui.heading(&doc.scenario.title).on_hover_text(&doc.scenario.summary);
                ui.separator();
                state_row(ui, ctx);
            });
            if !doc.state.notes.is_empty() {
                ui.label(RichText::new(&doc.state.notes).italics());
            }
        }
        ui.add_space(2.0);
    }
}

/// Lines of the classroom header's box for the preset's notes and what the step changed.
const CLASSROOM_NOTE_LINES: f32 = 2.0;

/// Classroom mode's header keeps its height from preset to preset, so that nothing an
/// instructor aims at moves: the title, one row of controls, and a box of fixed height with what
/// the last step changed and the preset's notes (it scrolls if they run longer).
fn classroom_header(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
    let (doc, s) = (ctx.doc, ctx.session);
    // Rows that never wrap: a long title or preset name is cut short (whole on hover).
    ui.add(egui::Label::new(RichText::new(&doc.scenario.title).heading()).truncate())
        .on_hover_text(&doc.scenario.summary);
    ui.horizontal(|ui| {
        let step = s
            .shipped_index
            .map_or_else(String::new, |i| format!(" ({}/{})", i + 1, s.presets.len()));
        let keys = |c: UiCommand| c.key_text(ui.ctx());
        let hint = format!(
            "{}/{} step through presets · {}/{} step the evidence timeline · {} or {} leaves classroom mode",
            keys(UiCommand::PreviousPreset),
            keys(UiCommand::NextPreset),
            keys(UiCommand::EarlierEvidence),
            keys(UiCommand::LaterEvidence),
            keys(UiCommand::Classroom),
            keys(UiCommand::LeaveClassroom),
        );
        // The buttons first, so that on a narrow screen the names are cut short, not them.
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let (other, label) = match ctx.theme.look {
                Look::Dark => (Look::Light, "Light projector palette"),
                Look::Light => (Look::Dark, "Dark projector palette"),
            };
            if ui
                .button(label)
                .on_hover_text("Many rooms wash out dark slides")
                .clicked()
            {
                ctx.send(Command::SetLook(other));
            }
            if ui
                .button(UiCommand::LeaveClassroom.label())
                .on_hover_text(UiCommand::LeaveClassroom.tooltip())
                .clicked()
            {
                ctx.send(Command::ToggleClassroom);
            }
            ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                state_row_with(ui, ctx, &step);
                // The keys in what room is left (whole on hover).
                ui.add(egui::Label::new(RichText::new(&hint).small()).truncate())
                    .on_hover_text(&hint);
            });
        });
    });
    // A lesson's narration, in its own panel below, takes the place of the notes.
    if ctx.session.lesson.is_some() {
        return;
    }
    let height = CLASSROOM_NOTE_LINES * ui.text_style_height(&egui::TextStyle::Body)
        + (CLASSROOM_NOTE_LINES - 1.0) * ui.spacing().item_spacing.y;
    // What the step changed first: after a step it is what the room needs to see.
    fixed_height(ui, "classroom-notes", height, |ui| {
        ui.horizontal_wrapped(|ui| step_changes_ui(ui, ctx));
        if !doc.state.notes.is_empty() {
            ui.label(RichText::new(&doc.state.notes).italics());
        }
    });
}

/// The preset's name and file, comparison A, undo and redo.
fn state_row(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
    state_row_with(ui, ctx, "");
}

/// [`state_row`] with `step` after the preset's name (where classroom stepping stands); the
/// name is cut short when the row is full.
fn state_row_with(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, step: &str) {
    let (doc, s) = (ctx.doc, ctx.session);
    let mark = if s.dirty { " (unsaved)" } else { "" };
    let name = format!("{}{mark}{step}", doc.state.name);
    let label = egui::Label::new(RichText::new(&name).strong());
    // In classroom mode's single row the name is cut short; elsewhere the row wraps.
    ui.add(if ctx.theme.classroom { label.truncate() } else { label })
        .on_hover_text(if s.dirty { "Unsaved changes" } else { "Saved" });
    // The file, whole on hover; not in classroom mode's single row, where the class has no use
    // for it and it pushed the buttons over each other at 1024 wide.
    if let Some(p) = s.path.filter(|_| !ctx.theme.classroom) {
        ui.label(RichText::new(short_path(p)).small())
            .on_hover_text(p.display().to_string());
    }
    ui.separator();
    if s.pinned.is_some() {
        ui.label(RichText::new("A pinned").color(ctx.theme.palette.pinned))
            .on_hover_text("The table and plots compare the live state with A");
        if ui.button("Clear A").clicked() {
            ctx.send(Command::ClearA);
        }
    } else if ui
        .button("Pin as A")
        .on_hover_text("Keep the current state to compare against")
        .clicked()
    {
        ctx.send(Command::PinA);
    }
    if ui.add_enabled(s.can_undo, egui::Button::new("Undo")).clicked() {
        ctx.send(Command::Undo);
    }
    if ui.add_enabled(s.can_redo, egui::Button::new("Redo")).clicked() {
        ctx.send(Command::Redo);
    }
}

/// Longest folder name [`short_path`] shows before the file name.
const SHORT_FOLDER: usize = 24;

/// `…/folder/file.ron` for a path deeper than its folder and file name (`…/file.ron` when
/// the folder's name is long), else the path: the header's row wraps, and a deep path would
/// take the lines the results need.
fn short_path(p: &std::path::Path) -> String {
    let tail: Vec<_> = p.components().rev().take(3).collect();
    let sep = std::path::MAIN_SEPARATOR;
    match tail.as_slice() {
        [file, folder, _] if folder.as_os_str().len() <= SHORT_FOLDER => format!(
            "…{sep}{}{sep}{}",
            folder.as_os_str().to_string_lossy(),
            file.as_os_str().to_string_lossy()
        ),
        [file, _, _] => format!("…{sep}{}", file.as_os_str().to_string_lossy()),
        _ => p.display().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::short_path;
    use std::path::Path;

    #[test]
    fn a_deep_path_shows_its_folder_and_file_name() {
        let sep = std::path::MAIN_SEPARATOR;
        assert_eq!(
            short_path(Path::new("/a/very/deep/clone/presets/paris-2015/x.ron")),
            format!("…{sep}paris-2015{sep}x.ron")
        );
        assert_eq!(
            short_path(Path::new("/tmp/a-folder-name-of-more-than-24/x.ron")),
            format!("…{sep}x.ron")
        );
        assert_eq!(short_path(Path::new("presets/x.ron")), "presets/x.ron");
        assert_eq!(short_path(Path::new("x.ron")), "x.ron");
        assert_eq!(short_path(Path::new("/x.ron")), "/x.ron");
    }
}
