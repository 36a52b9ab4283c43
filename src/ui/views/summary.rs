//! The summary line (expected utility of the current settings against the comparison state,
//! the best policy by expected utility, the minimax-regret policy and EVPI) and the verdict in
//! words below it.

use crate::format::{difference_to, fixed};
use crate::model::explain::{amount, verdict};
use crate::model::scenario::Scenario;
use crate::model::summary::Report;
use crate::ui::ctx::{ReferenceKind, Theme};
use egui::RichText;

/// Draw the summary of `report`, compared with `reference` if there is one.
pub fn summary_ui(
    ui: &mut egui::Ui,
    theme: &Theme,
    scenario: &Scenario,
    report: &Report,
    reference: Option<(ReferenceKind, &Report)>,
    extra: Vec<String>,
) {
    let palette = theme.palette;
    let a = &report.analysis;
    let name = |p: usize| report.candidates.get(p).map_or("–", |c| c.name.as_str());
    // Each item stays whole: the row wraps between items, never inside one.
    let item = |ui: &mut egui::Ui, text: RichText| ui.add(egui::Label::new(text).wrap_mode(egui::TextWrapMode::Extend));
    ui.horizontal_wrapped(|ui| {
        let eu = report.evaluation.expected_utility;
        item(ui, RichText::new(format!("Expected utility: {}", fixed(eu, 3))).heading().strong())
            .on_hover_text("Credence-weighted utility of the current settings: 0 = every outcome at its worst plausible level, 1 = at its best");
        if let Some((kind, r)) = reference {
            let r_eu = r.evaluation.expected_utility;
            let (d, shown) = difference_to(eu, r_eu, 3);
            let colour = if d > 0.0 {
                palette.better
            } else if d < 0.0 {
                palette.worse
            } else {
                palette.muted
            };
            let what = match kind {
                ReferenceKind::Pinned => "A",
                ReferenceKind::Opened => "as opened",
            };
            item(ui, RichText::new(format!("{what}: {} ({shown})", fixed(r_eu, 3))).color(colour));
        }
        // The best policy is named in the verdict below.
        ui.separator();
        item(ui, RichText::new(format!("Minimax regret: {}", name(a.minimax_regret))))
            .on_hover_text("The policy whose worst-case regret, over hypotheses you give any credence, is smallest");
        ui.separator();
        let evpi = match &report.units {
            Ok(u) => format!("EVPI: {} = {}", fixed(a.evpi, 4), amount(u.of_utility(a.evpi), &u.unit)),
            Err(_) => format!("EVPI: {}", fixed(a.evpi, 4)),
        };
        item(ui, RichText::new(evpi)).on_hover_text(
            "Expected value of perfect information: how much expected utility you would gain by learning the true motive before choosing among these policies, also in units of the yardstick outcome",
        );
    });
    // The verdict in words, large enough to read from the back of a room.
    let size = ui
        .style()
        .text_styles
        .get(&egui::TextStyle::Body)
        .map_or(14.0, |f| f.size)
        * VERDICT_SCALE;
    // One paragraph, so that short lines do not each take a row. It takes at most a share of
    // the window's height and scrolls beyond it, so that the outcomes and the plot below keep
    // their room on a small screen or a projector.
    let most = (ui.ctx().content_rect().height() * VERDICT_SHARE).max(size * 4.0);
    egui::ScrollArea::vertical()
        .id_salt("verdict")
        .max_height(most)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.spacing_mut().item_spacing.x =
                    ui.fonts_mut(|f| f.glyph_width(&egui::FontId::proportional(size), ' '));
                let mut lines = verdict(scenario, report);
                lines.extend(extra);
                for (i, line) in lines.into_iter().enumerate() {
                    let text = RichText::new(line).size(size);
                    ui.label(if i == 0 { text.strong() } else { text });
                }
            });
        });
}

/// The largest share of the window's height the verdict takes before it scrolls.
const VERDICT_SHARE: f32 = 0.16;

/// Type size of the verdict, relative to body text.
const VERDICT_SCALE: f32 = 1.1;
