//! The verdict line: expected utility of the current settings against the comparison state,
//! the best policy by expected utility, the minimax-regret policy and EVPI.

use crate::model::summary::Report;
use crate::ui::ctx::{ReferenceKind, Theme};
use egui::RichText;

/// Draw the summary of `report`, compared with `reference` if there is one.
pub fn summary_ui(ui: &mut egui::Ui, theme: &Theme, report: &Report, reference: Option<(ReferenceKind, &Report)>) {
    let palette = theme.palette;
    let a = &report.analysis;
    let name = |p: usize| report.candidates.get(p).map_or("–", |c| c.name.as_str());
    ui.horizontal_wrapped(|ui| {
        let eu = report.evaluation.expected_utility;
        ui.label(RichText::new(format!("Expected utility: {eu:.3}")).heading().strong())
            .on_hover_text("Credence-weighted utility of the current settings: 0 = every outcome at its worst plausible level, 1 = at its best");
        if let Some((kind, r)) = reference {
            let d = eu - r.evaluation.expected_utility;
            let colour = if d > 1e-9 {
                palette.better
            } else if d < -1e-9 {
                palette.worse
            } else {
                palette.muted
            };
            let what = match kind {
                ReferenceKind::Pinned => "A",
                ReferenceKind::Opened => "as opened",
            };
            ui.label(RichText::new(format!("{what}: {:.3} ({d:+.3})", r.evaluation.expected_utility)).color(colour));
        }
        ui.separator();
        ui.label(format!("Best by expected utility: {}", name(a.best)))
            .on_hover_text("Among the named policies and the current settings");
        ui.separator();
        ui.label(format!("Minimax regret: {}", name(a.minimax_regret)))
            .on_hover_text("The policy whose worst-case regret, over hypotheses you give any credence, is smallest");
        ui.separator();
        ui.label(format!("EVPI: {:.4}", a.evpi)).on_hover_text(
            "Expected value of perfect information: how much expected utility you would gain by learning the true motive before choosing among these policies",
        );
    });
}
