//! The header: scenario title, preset name with its unsaved mark, file, comparison A, undo and
//! redo, and in classroom mode where the presets stand.

use crate::ui::ctx::{Command, View, ViewCtx};
use egui::RichText;

/// The header row.
#[derive(Debug, Default)]
pub struct HeaderView;

impl View for HeaderView {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        let (doc, s) = (ctx.doc, ctx.session);
        ui.add_space(4.0);
        ui.horizontal_wrapped(|ui| {
            ui.heading(&doc.scenario.title).on_hover_text(&doc.scenario.summary);
            ui.separator();
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
            if ctx.theme.classroom {
                ui.separator();
                let step = s
                    .shipped_index
                    .map_or_else(String::new, |i| format!("preset {}/{} · ", i + 1, s.presets.len()));
                ui.label(
                    RichText::new(format!(
                        "{step}Left/Right keys step through presets · F11 or Esc leaves classroom mode"
                    ))
                    .small(),
                );
                if ui.button("Leave classroom mode").clicked() {
                    ctx.send(Command::ToggleClassroom);
                }
            }
        });
        if !doc.state.notes.is_empty() {
            ui.label(RichText::new(&doc.state.notes).italics());
        }
        ui.add_space(2.0);
    }
}
