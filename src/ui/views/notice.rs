//! The non-blocking message banner: what happened, and for a broken file every problem with
//! its line and column.

use crate::ui::ctx::{Command, View, ViewCtx};
use egui::RichText;

/// Most problem lines shown; `motive-lab check` lists them all.
const MAX_LINES: usize = 12;

/// The banner.
#[derive(Debug, Default)]
pub struct NoticeView;

impl View for NoticeView {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        let Some(n) = ctx.session.notice else { return };
        let palette = ctx.theme.palette;
        let mut dismiss = false;
        let mut discard = false;
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
                    dismiss = ui.button("Dismiss").clicked();
                    if ctx.session.recovered
                        && ui
                            .button("Discard recovery")
                            .on_hover_text("Drop the recovered work: back to the document as the app last closed")
                            .clicked()
                    {
                        discard = true;
                    }
                });
                for line in n.lines.iter().take(MAX_LINES) {
                    ui.label(RichText::new(line).monospace());
                }
                if n.lines.len() > MAX_LINES {
                    ui.label(format!(
                        "… and {} more (motive-lab check FILE lists them all)",
                        n.lines.len() - MAX_LINES
                    ));
                }
            });
        if dismiss {
            ctx.send(Command::DismissNotice);
        }
        if discard {
            ctx.send(Command::DiscardRecovery);
        }
    }
}
