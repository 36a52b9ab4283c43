//! The window's panels: the menu and header, the notice, the lesson, the settings at the left
//! and the results (or a lesson's question in their place), then the windows above them.

use super::MotiveApp;
use crate::ui::theme;

impl MotiveApp {
    pub(super) fn layout_ui(&mut self, ui: &mut egui::Ui) {
        if !self.classroom {
            egui::Panel::top("menu").show(ui, |ui| self.show(ui, |v| &mut v.menu));
        }
        egui::Panel::top("header").show(ui, |ui| self.show(ui, |v| &mut v.header));
        if self.notice.is_some() {
            egui::Panel::bottom("notice").show(ui, |ui| self.show(ui, |v| &mut v.notice));
        }
        if self.lesson.is_some() {
            // The narration above the results in classroom mode, where the class reads it
            // first; at the right in normal mode.
            if self.classroom {
                egui::Panel::top("lesson").show(ui, |ui| self.show(ui, |v| &mut v.lesson));
            } else {
                egui::Panel::right("lesson")
                    .resizable(false)
                    .exact_size(theme::LESSON_PANEL_WIDTH)
                    .show(ui, |ui| {
                        egui::ScrollArea::vertical().show(ui, |ui| self.show(ui, |v| &mut v.lesson));
                    });
            }
        }
        // Classroom mode shows the case, not its making: the editor waits outside it.
        if self.editor.is_some() && !self.classroom {
            // The editor takes the settings' place, wider, beside the live results.
            egui::Panel::left("editor")
                .resizable(true)
                .default_size(theme::editor_panel_width(ui.ctx().content_rect().width()))
                .show(ui, |ui| self.show(ui, |v| &mut v.editor));
        } else {
            self.settings_ui(ui);
        }
        let asking = self.lesson.as_ref().is_some_and(|p| p.player.asking());
        let stale = (self.editor.as_ref()).map_or(0, |e| e.draft.problems().len());
        let central = egui::CentralPanel::default().show(ui, |ui| {
            if stale > 0 {
                let palette = theme::palette(self.prefs.look, self.classroom);
                ui.label(
                    egui::RichText::new(format!(
                        "Results of the last version of the scenario that checked: the draft has {stale} problem{} (listed in the editor)",
                        if stale == 1 { "" } else { "s" }
                    ))
                    .strong()
                    .color(palette.worse),
                );
            }
            if asking {
                let (_, mut ctx) = self.split();
                crate::ui::views::lesson::curtain(ui, &mut ctx);
            } else {
                self.show(ui, |v| &mut v.results);
            }
        });
        // The assumptions window opens inside the results area.
        self.show(ui, |v| {
            v.assumptions.set_area(central.response.rect);
            &mut v.assumptions
        });
        self.show(ui, |v| &mut v.file_window);
        self.show(ui, |v| &mut v.help);
        self.show(ui, |v| &mut v.confirm);
    }

    /// The settings at the left: credences, levers and (outside classroom mode) weights.
    fn settings_ui(&mut self, ui: &mut egui::Ui) {
        let width = theme::side_panel_width(self.classroom, ui.ctx().content_rect().width());
        egui::Panel::left("settings")
            .resizable(false)
            .exact_size(width)
            .show(ui, |ui| {
                egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
                    self.show(ui, |v| &mut v.credences);
                    ui.separator();
                    self.show(ui, |v| &mut v.levers);
                    if !self.classroom {
                        ui.separator();
                        self.show(ui, |v| &mut v.weights);
                    }
                });
            });
    }
}
