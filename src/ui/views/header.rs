//! The header: scenario title, preset name with its unsaved mark, file, comparison A, undo and
//! redo, and in classroom mode where the presets stand.

use crate::ui::command::UiCommand;
use crate::ui::ctx::{Command, View, ViewCtx};
use crate::ui::theme::Look;
use egui::RichText;

/// The header row.
#[derive(Debug, Default)]
pub struct HeaderView;

impl View for HeaderView {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        let (doc, s) = (ctx.doc, ctx.session);
        ui.add_space(4.0);
        let classroom = ctx.theme.classroom;
        if classroom {
            // Rows that never wrap: the header keeps one height whatever the preset's name.
            ui.horizontal(|ui| {
                ui.add(egui::Label::new(RichText::new(&doc.scenario.title).heading()).truncate())
                    .on_hover_text(&doc.scenario.summary);
            });
            ui.horizontal(|ui| state_row(ui, ctx));
        } else {
            ui.horizontal_wrapped(|ui| {
                ui.heading(&doc.scenario.title).on_hover_text(&doc.scenario.summary);
                ui.separator();
                state_row(ui, ctx);
            });
        }
        if classroom {
            // Classroom mode keeps the header's height from preset to preset, so that nothing
            // an instructor aims at moves: one row for the stepping hint, two lines of notes.
            // The buttons first, so that on a narrow screen the hint is cut short, not them.
            ui.horizontal(|ui| {
                let step = s
                    .shipped_index
                    .map_or_else(String::new, |i| format!("preset {}/{} · ", i + 1, s.presets.len()));
                let keys = |c: UiCommand| c.key_text(ui.ctx());
                let hint = format!(
                    "{step}{}/{} keys step through presets · {}/{} step the evidence timeline · {} or {} leaves classroom mode",
                    keys(UiCommand::PreviousPreset),
                    keys(UiCommand::NextPreset),
                    keys(UiCommand::EarlierEvidence),
                    keys(UiCommand::LaterEvidence),
                    keys(UiCommand::Classroom),
                    keys(UiCommand::LeaveClassroom),
                );
                if ui
                    .button(UiCommand::LeaveClassroom.label())
                    .on_hover_text(UiCommand::LeaveClassroom.tooltip())
                    .clicked()
                {
                    ctx.send(Command::ToggleClassroom);
                }
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
                ui.add(egui::Label::new(RichText::new(&hint).small()).truncate())
                    .on_hover_text(&hint);
            });
            let height = 2.0 * ui.text_style_height(&egui::TextStyle::Body) + ui.spacing().item_spacing.y;
            egui::ScrollArea::vertical()
                .id_salt("classroom-notes")
                .max_height(height)
                .min_scrolled_height(height)
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    ui.label(RichText::new(&doc.state.notes).italics());
                });
        } else if !doc.state.notes.is_empty() {
            ui.label(RichText::new(&doc.state.notes).italics());
        }
        ui.add_space(2.0);
    }
}

/// The preset's name and file, comparison A, undo and redo.
fn state_row(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
    let (doc, s) = (ctx.doc, ctx.session);
    let mark = if s.dirty { " (unsaved)" } else { "" };
    ui.label(RichText::new(format!("{}{mark}", doc.state.name)).strong())
        .on_hover_text(if s.dirty { "Unsaved changes" } else { "Saved" });
    if let Some(p) = s.path {
        ui.label(RichText::new(p.display().to_string()).small());
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
