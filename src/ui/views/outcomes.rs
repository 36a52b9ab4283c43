//! The outcomes table: the expected value of every outcome at every horizon, its spread over
//! the hypotheses, optionally one column per hypothesis, coloured against the comparison state.

use crate::format::{difference, number};
use crate::model::questions::{answers, given};
use crate::model::scenario::{Better, Outcome, Role};
use crate::model::summary::Report;
use crate::ui::ctx::{Command, ViewCtx};
use crate::ui::table::FrozenTable;
use crate::ui::widgets::short_id;
use egui::{RichText, WidgetInfo};
use std::fmt::Write as _;

/// How a value compares with the comparison state: better, worse, or the same (`None`).
#[must_use]
fn judge(better: Better, value: f64, reference: f64) -> Option<bool> {
    let tolerance = 1e-9 * value.abs().max(reference.abs()).max(1.0);
    let diff = value - reference;
    if diff.abs() <= tolerance {
        None
    } else {
        Some(matches!(better, Better::Higher) == (diff > 0.0))
    }
}

/// Whether `y` lies outside the outcome's plausible range, worst to best.
fn past_range(out: &Outcome, y: f64) -> bool {
    let (lo, hi) = (out.worst.min(out.best), out.worst.max(out.best));
    y < lo || y > hi
}

/// Most of the table's width an outcome's name takes before it is cut (whole on hover).
const NAME_SHARE: f32 = 0.45;
/// Least width of an outcome's name.
const MIN_NAME: f32 = 90.0;

/// A column of the outcomes table after the outcome names.
#[derive(Debug, Clone, Copy)]
enum Column {
    /// The unit.
    Unit,
    /// The expected value at a horizon.
    Value(usize),
    /// The lowest to highest value over the hypotheses at a horizon.
    Spread(usize),
    /// The 5th to 95th percentile of the expected value over the Monte Carlo's samples.
    Band(usize),
    /// The value given one answer (an index into [`answers`]) at a horizon: under one leaf
    /// hypothesis, or with several questions given one answer to one of them.
    Leaf(usize, usize),
}

/// Draw the table of `report`, coloured against `reference`, at most `max_height` tall (its
/// header row and outcome names stay in view when it scrolls).
pub fn outcome_table_ui(
    ui: &mut egui::Ui,
    ctx: &mut ViewCtx<'_>,
    report: &Report,
    reference: Option<&Report>,
    max_height: f32,
) {
    let palette = ctx.theme.palette;
    let s = &ctx.doc.scenario;
    let model = ctx.derived.model();
    let ev = &report.evaluation;
    let per_h = ctx.session.per_hypothesis;
    let answers = answers(model);
    let hw = &report.analysis.hypothesis_weights;
    let value_given = |k: usize, cell: usize| given(model, hw, answers[k], |l| ev.value(l, cell));
    // Classroom mode keeps the table to what reads from the back of a room.
    let spread = !ctx.theme.classroom;
    // The columns after the frozen outcome names.
    let mut columns = vec![Column::Unit];
    for t in 0..s.horizons.len() {
        columns.push(Column::Value(t));
        if spread {
            columns.push(Column::Spread(t));
            columns.push(Column::Band(t));
        }
        if per_h {
            columns.extend((0..answers.len()).map(|k| Column::Leaf(t, k)));
        }
    }
    // The Monte Carlo's bands, when its latest study is for these settings.
    let fresh = ctx.derived.fresh_study(ctx.settings());
    let bands: Option<Vec<crate::model::uncertainty::Band>> =
        fresh.map(|st| st.mc.cells.iter().map(|c| c.expected).collect());
    let samples = fresh.map_or_else(|| ctx.derived.study_samples(), |st| st.mc.samples);
    let band_tip = format!(
        "The 5th to 95th percentile of the expected value when every effect is drawn from its range (Monte Carlo, {} samples)",
        crate::format::count(samples)
    );
    // A value past its plausible range is marked * where it appears, and the header says what
    // the mark means (in the header, so that the table keeps its height).
    let any_past = !model.clamps_values()
        && (s.outcomes.iter().enumerate())
            .any(|(o, out)| (0..s.horizons.len()).any(|t| past_range(out, ev.expected[model.cell(o, t)])));
    let mut open = None;
    // An outcome's name takes at most this much of the table's width (the "?" after it).
    let name_room = (ui.available_width() * NAME_SHARE - ui.spacing().interact_size.y * 2.0).max(MIN_NAME);
    let table = FrozenTable::new("outcome-table", columns.len() + 1, s.outcomes.len()).max_height(max_height);
    table.show(ui, |ui, at| {
        let column = at.column.checked_sub(1).and_then(|c| columns.get(c).copied());
        let Some(o) = at.row else {
            // The header row.
            match column {
                None if any_past => ui.label(RichText::new("Outcome (* past its range)").strong()).on_hover_text(
                    "* A value past the plausible range the scenario gives the outcome (its worst to its best). It goes on counting there: its utility goes below 0 past the worst (above 1 past the best), so a policy that far out can score below 0 overall.",
                ),
                None => ui.label(RichText::new("Outcome").strong()),
                Some(Column::Unit) => ui.label(RichText::new("Unit").strong()),
                Some(Column::Value(t)) => {
                    ui.label(RichText::new(&s.horizons[t].name).strong()).on_hover_text(&s.horizons[t].description)
                }
                Some(Column::Spread(_)) => ui
                    .label(RichText::new("spread").small())
                    .on_hover_text("Lowest and highest value over the hypotheses you give any credence"),
                Some(Column::Band(_)) => ui.label(RichText::new("5–95%").small()).on_hover_text(&band_tip),
                Some(Column::Leaf(t, k)) => {
                    let name = &s.hypotheses[answers[k].1].name;
                    let given = if model.n_questions() > 1 { "given " } else { "" };
                    ui.label(RichText::new(short_id(name)).small())
                        .on_hover_text(format!("{given}{name}, {}", s.horizons[t].name))
                }
            };
            return;
        };
        let out = &s.outcomes[o];
        let mechanism = out.role == Role::Mechanism;
        let Some(column) = column else {
            // A mechanism reads differently: it drives other outcomes and is not scored unless
            // weighed.
            let name = if mechanism {
                RichText::new(format!("{} (mechanism)", out.name)).italics().color(palette.muted)
            } else {
                RichText::new(&out.name)
            };
            let hover = if mechanism {
                format!("{}\n\nA mechanism: it drives other outcomes and counts 0 in utility unless you weigh it.", out.description)
            } else {
                out.description.clone()
            };
            // The name whole up to its share of the width, cut beyond it (whole on hover), the
            // "?" beside it always in view.
            let font = egui::TextStyle::Body.resolve(ui.style());
            let text = name.text().to_owned();
            let natural = ui.fonts_mut(|f| f.layout_no_wrap(text, font, egui::Color32::WHITE).size().x);
            let width = natural.min(name_room);
            ui.scope(|ui| {
                ui.set_min_width(width);
                ui.set_max_width(width);
                ui.add(egui::Label::new(name).truncate()).on_hover_text(hover);
            });
            if ui
                .small_button("?")
                .on_hover_text("Show the assumptions behind this outcome")
                .clicked()
            {
                open = Some((o, 0));
            }
            return;
        };
        match column {
            Column::Unit => {
                ui.label(RichText::new(&out.unit).small());
            }
            Column::Value(t) => {
                let hz = &s.horizons[t];
                let cell = model.cell(o, t);
                let y = ev.expected[cell];
                // Past its plausible range a linear value keeps counting: say so.
                let past = !model.clamps_values() && past_range(out, y);
                let shown_y = if past { format!("{}*", number(y)) } else { number(y) };
                let mut text = RichText::new(shown_y.clone()).strong();
                let mut hover = format!("Expected {} over the hypotheses, {}", out.name, hz.name);
                if past {
                    let _ = write!(
                        hover,
                        "\n* Past the plausible range {} to {}: its value goes on counting beyond 0-1.",
                        number(out.worst),
                        number(out.best)
                    );
                }
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
                let name = format!("{}, {}: {shown_y}", out.name, hz.name);
                ui.label(text)
                    .on_hover_text(hover)
                    .widget_info(|| WidgetInfo::labeled(egui::Role::Label, true, &name));
            }
            Column::Spread(t) => {
                let cell = model.cell(o, t);
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
            Column::Band(t) => {
                let cell = model.cell(o, t);
                let text = bands
                    .as_ref()
                    .and_then(|b| b.get(cell))
                    .map_or_else(|| "…".to_owned(), |b| format!("{}–{}", number(b.p5), number(b.p95)));
                let hover = bands.as_ref().and_then(|b| b.get(cell)).map_or_else(
                    || "The Monte Carlo is running for these settings.".to_owned(),
                    |b| {
                        format!(
                            "{}, {}: 90% of the samples of the effects' ranges give an expected value from {} to {} (median {}, mean {}; at the central estimates {}).",
                            out.name,
                            s.horizons[t].name,
                            number(b.p5),
                            number(b.p95),
                            number(b.p50),
                            number(b.mean),
                            number(ev.expected[cell])
                        )
                    },
                );
                let name = format!("{}, {}, 5 to 95%: {text}", out.name, s.horizons[t].name);
                ui.label(RichText::new(text).small().color(palette.muted))
                    .on_hover_text(hover)
                    .widget_info(|| WidgetInfo::labeled(egui::Role::Label, true, &name));
            }
            Column::Leaf(t, k) => {
                let cell = model.cell(o, t);
                let y = value_given(k, cell);
                let under = if model.n_questions() > 1 { "given" } else { "under" };
                let name = format!(
                    "{}, {}, {under} {}: {}",
                    out.name,
                    s.horizons[t].name,
                    s.hypotheses[answers[k].1].name,
                    number(y)
                );
                ui.label(RichText::new(number(y)).small())
                    .widget_info(|| WidgetInfo::labeled(egui::Role::Label, true, &name));
            }
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
