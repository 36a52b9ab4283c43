//! The outcomes table: the expected value of every outcome at every horizon, its spread over
//! the hypotheses, optionally one column per hypothesis, coloured against the comparison state.

use crate::format::{difference, number};
use crate::model::scenario::Better;
use crate::model::summary::Report;
use crate::ui::ctx::{Command, ViewCtx};
use crate::ui::widgets::short_id;
use egui::{RichText, WidgetInfo};
use std::fmt::Write as _;

/// How a value compares with the comparison state: better, worse, or the same (`None`).
#[must_use]
pub fn judge(better: Better, value: f64, reference: f64) -> Option<bool> {
    let tolerance = 1e-9 * value.abs().max(reference.abs()).max(1.0);
    let diff = value - reference;
    if diff.abs() <= tolerance {
        None
    } else {
        Some(matches!(better, Better::Higher) == (diff > 0.0))
    }
}

/// Draw the table of `report`, coloured against `reference`.
pub fn outcome_table_ui(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, report: &Report, reference: Option<&Report>) {
    let palette = ctx.theme.palette;
    let s = &ctx.doc.scenario;
    let model = ctx.derived.model();
    let ev = &report.evaluation;
    let per_h = ctx.session.per_hypothesis;
    // Classroom mode keeps the table to what reads from the back of a room.
    let spread = !ctx.theme.classroom;
    let mut open = None;
    egui::Grid::new("outcome-table").striped(true).spacing([14.0, 4.0]).show(ui, |ui| {
        ui.label(RichText::new("Outcome").strong());
        ui.label(RichText::new("Unit").strong());
        for t in &s.horizons {
            ui.label(RichText::new(&t.name).strong()).on_hover_text(&t.description);
            if spread {
                ui.label(RichText::new("spread").small())
                    .on_hover_text("Lowest and highest value over the hypotheses you give any credence");
            }
            if per_h {
                for &l in &model.leaves {
                    let name = &s.hypotheses[l].name;
                    ui.label(RichText::new(short_id(name)).small()).on_hover_text(name);
                }
            }
        }
        ui.end_row();
        for (o, out) in s.outcomes.iter().enumerate() {
            ui.horizontal(|ui| {
                ui.label(&out.name).on_hover_text(&out.description);
                if ui
                    .small_button("?")
                    .on_hover_text("Show the assumptions behind this outcome")
                    .clicked()
                {
                    open = Some((o, 0));
                }
            });
            ui.label(RichText::new(&out.unit).small());
            for (t, hz) in s.horizons.iter().enumerate() {
                let cell = model.cell(o, t);
                let y = ev.expected[cell];
                let mut text = RichText::new(number(y)).strong();
                let mut hover = format!("Expected {} over the hypotheses, {}", out.name, hz.name);
                if let Some(r) = reference {
                    let y0 = r.evaluation.expected[cell];
                    // Judged on the numbers as shown: a change too small to show has no colour.
                    let (d, shown) = difference(y, y0);
                    match judge(out.better, d, 0.0) {
                        Some(true) => text = text.color(palette.better),
                        Some(false) => text = text.color(palette.worse),
                        None => {}
                    }
                    let _ = write!(hover, "\nComparison: {} ({shown})", number(y0));
                }
                let name = format!("{}, {}: {}", out.name, hz.name, number(y));
                ui.label(text)
                    .on_hover_text(hover)
                    .widget_info(|| WidgetInfo::labeled(egui::Role::Label, true, &name));
                if spread {
                    ui.label(
                        RichText::new(format!("{}–{}", number(ev.min[cell]), number(ev.max[cell])))
                            .small()
                            .color(palette.muted),
                    )
                    .on_hover_text(format!(
                        "Lowest to highest over the hypotheses you give any credence.\nWith every effect at the low or high end of its uncertainty range the expected value would be {} to {}.",
                        number(ev.expected_low[cell]),
                        number(ev.expected_high[cell])
                    ));
                }
                if per_h {
                    for li in 0..model.leaves.len() {
                        ui.label(RichText::new(number(ev.value(li, cell))).small());
                    }
                }
            }
            ui.end_row();
        }
    });
    if let Some((o, t)) = open {
        ctx.send(Command::ShowAssumptions(o, t));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn judging_respects_the_direction() {
        assert_eq!(judge(Better::Lower, 1.0, 2.0), Some(true));
        assert_eq!(judge(Better::Lower, 3.0, 2.0), Some(false));
        assert_eq!(judge(Better::Higher, 3.0, 2.0), Some(true));
        assert_eq!(judge(Better::Higher, 2.0, 2.0), None);
    }
}
