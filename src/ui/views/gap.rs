//! What drives the gap: for the best policy against the runner-up (or the current settings
//! against A), each outcome and horizon's part in the difference of expected utility, in the
//! yardstick's units, largest first.

use crate::format::number;
use crate::model::explain::{GapPart, in_units, runner_up};
use crate::ui::bars::RowBars;
use crate::ui::ctx::{View, ViewCtx};
use crate::ui::widgets::{Key, category_row, short_horizon, with_legend};
use egui::RichText;
use egui_plot::{Bar, BarChart};
use serde::{Deserialize, Serialize};

/// Most parts drawn; the rest are summed in the caption.
const MOST_PARTS: usize = 12;

/// The gap breakdown (no state of its own).
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct GapView {}

impl View for GapView {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        let Ok(report) = ctx.report() else { return };
        let s = &ctx.doc.scenario;
        let settings = ctx.settings();
        // Against A when one is pinned; else the best policy against the runner-up.
        let (first, second, names) = if let Some(a) = ctx.session.pinned {
            (
                settings.schedule(ctx.derived.model()),
                a.schedule(ctx.derived.model()),
                ("the current settings".to_owned(), "A".to_owned()),
            )
        } else {
            let Some(r) = runner_up(&report) else {
                ui.label("There is no second policy to compare with.");
                return;
            };
            let best = report.analysis.best;
            (
                report.candidates[best].levers.clone(),
                report.candidates[r].levers.clone(),
                (report.candidates[best].name.clone(), report.candidates[r].name.clone()),
            )
        };
        let parts = ctx.derived.gap(settings, &first, &second);
        let parts = match parts.as_ref() {
            Ok(p) => p,
            Err(e) => {
                ui.label(format!("Cannot compare: {e}"));
                return;
            }
        };
        let units = report.units.as_ref().ok();
        let say = |du: f64| in_units(units, du);
        let say_signed = |du: f64| {
            let text = say(du);
            if du > 0.0 { format!("+{text}") } else { text }
        };
        let total: f64 = parts.iter().map(|p| p.utility).sum();
        let shown: Vec<&GapPart> = parts.iter().filter(|p| p.utility != 0.0).take(MOST_PARTS).collect();
        let rest: f64 = total - shown.iter().map(|p| p.utility).sum::<f64>();
        let unit_name = units.map_or("utility", |u| u.unit.as_str());
        ui.label(
            RichText::new(format!(
                "What drives the gap: {} against {}, {} in all (positive: in favour of {}).",
                names.0,
                names.1,
                say(total),
                names.0
            ))
            .strong(),
        );
        if rest.abs() > 0.0 && parts.len() > shown.len() {
            ui.label(RichText::new(format!("The other parts add {}.", say_signed(rest))).small());
        }
        if let Some(u) = units {
            ui.label(
                RichText::new(format!(
                    "Each part is what that outcome and horizon adds to the difference in expected utility at your weights, said as the {} of {} at every horizon that would count as much (so a part from one horizon reads smaller than the change there).",
                    u.unit, s.outcomes[u.numeraire].name
                ))
                .small(),
            );
        }
        let label = |p: &GapPart| {
            format!(
                "{}, {}",
                s.outcomes[p.outcome].name,
                short_horizon(&s.horizons[p.horizon].name)
            )
        };
        let labels: Vec<String> = shown.iter().map(|p| label(p)).collect();
        let value = |p: &GapPart| units.map_or(p.utility, |u| u.of_utility(p.utility));
        let n = shown.len();
        let palette = ctx.theme.palette;
        let bars: Vec<Bar> = shown
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let unit = &s.outcomes[p.outcome].unit;
                Bar::new(category_row(n, i), value(p))
                    .width(0.6)
                    .fill(if p.utility >= 0.0 {
                        palette.better
                    } else {
                        palette.worse
                    })
                    .name(format!(
                        "{}: {} ({} against {} {unit})",
                        label(p),
                        say(p.utility),
                        number(p.levels.0),
                        number(p.levels.1)
                    ))
            })
            .collect();
        let keys = [
            Key::new(format!("In favour of {}", names.0), palette.better),
            Key::new(format!("In favour of {}", names.1), palette.worse),
        ];
        let chart = RowBars::new("gap-bars", labels, &format!("Part of the gap ({unit_name})"));
        with_legend(ui, &keys, |ui, width| {
            chart.show(ui, width, vec![BarChart::new("gap", bars)]);
        });
    }
}
