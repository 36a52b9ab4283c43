//! Small widgets and labels the views share.

use crate::format::fixed;
use crate::model::scenario::Scenario;
use crate::ui::theme::{
    COMBO_WIDTH, LEGEND_SHARE, LEGEND_WIDTH, MIN_PLOT_HEIGHT, MIN_PLOT_WIDTH, MIN_SLIDER, PLOT_BOTTOM_MARGIN,
    SLIDER_FIELD,
};
use egui::{Color32, RichText, Slider};

/// Make the next slider fill the row, leaving room for its number field, without widening the panel.
pub fn fit_slider(ui: &mut egui::Ui) {
    ui.spacing_mut().slider_width = (ui.available_width() - SLIDER_FIELD).max(MIN_SLIDER);
}

/// A slider over a copy of `value`; returns the new value only when the user changed it.
/// Drawing a slider clamps and snaps its value to the step, which must not rewrite what a
/// file says (a preset's 1234 strikes/month stays 1234 until someone moves the slider).
pub fn edit_number(
    ui: &mut egui::Ui,
    value: f64,
    range: std::ops::RangeInclusive<f64>,
    step: f64,
    label: egui::Id,
) -> Option<f64> {
    fit_slider(ui);
    let mut copy = value;
    // The same digits at every width and zoom: as many as the step has (a value off the
    // step, as a file may give, shows two more).
    let digits = step_digits(step);
    let slider = Slider::new(&mut copy, range)
        .step_by(step)
        .clamping(egui::SliderClamping::Edits)
        .custom_formatter(move |v, _| {
            let d = if (v - fixed(v, digits).parse::<f64>().unwrap_or(v)).abs() > 1e-9 {
                digits + 2
            } else {
                digits
            };
            fixed(v, d)
        });
    let r = ui.add(slider).labelled_by(label);
    (r.changed() && copy != value).then_some(copy)
}

/// One entry of a legend drawn beside a plot.
#[derive(Debug, Clone)]
pub struct Key {
    /// The series' name, as the plot's hover read-out gives it.
    pub name: String,
    /// Its colour.
    pub colour: egui::Color32,
    /// Drawn dashed.
    pub dashed: bool,
    /// A marker (a dot), not a line.
    pub marker: bool,
}

impl Key {
    /// A solid entry.
    #[must_use]
    pub fn new(name: impl Into<String>, colour: egui::Color32) -> Self {
        Self {
            name: name.into(),
            colour,
            dashed: false,
            marker: false,
        }
    }

    /// An entry for points, drawn as a dot.
    #[must_use]
    pub fn marker(mut self) -> Self {
        self.marker = true;
        self
    }

    /// A dashed entry.
    #[must_use]
    pub fn dashed(mut self) -> Self {
        self.dashed = true;
        self
    }
}

/// A plot with its legend beside it, outside the plotted data, so that no entry hides a marker
/// or a line (and hover read-outs never sit under a legend). `plot` draws the plot in the
/// width it is given.
pub fn with_legend<R>(ui: &mut egui::Ui, keys: &[Key], plot: impl FnOnce(&mut egui::Ui, f32) -> R) -> R {
    legend_beside(ui, keys, None, plot)
}

/// [`with_legend`] whose entries a click hides or shows: `hidden` holds the hidden names, and
/// `plot` should leave their series out.
pub fn with_toggle_legend<R>(
    ui: &mut egui::Ui,
    keys: &[Key],
    hidden: &mut std::collections::BTreeSet<String>,
    plot: impl FnOnce(&mut egui::Ui, f32) -> R,
) -> R {
    legend_beside(ui, keys, Some(hidden), plot)
}

fn legend_beside<R>(
    ui: &mut egui::Ui,
    keys: &[Key],
    mut hidden: Option<&mut std::collections::BTreeSet<String>>,
    plot: impl FnOnce(&mut egui::Ui, f32) -> R,
) -> R {
    ui.horizontal_top(|ui| {
        let legend = LEGEND_WIDTH.min(ui.available_width() * LEGEND_SHARE);
        let width = (ui.available_width() - legend - ui.spacing().item_spacing.x).max(MIN_PLOT_WIDTH);
        let shown = plot(ui, width);
        ui.vertical(|ui| {
            ui.set_width(legend);
            // Rows close together, so that a long legend fits beside a short plot.
            ui.spacing_mut().item_spacing.y = LEGEND_ROW_GAP;
            for k in keys {
                let off = hidden.as_deref().is_some_and(|h| h.contains(&k.name));
                ui.horizontal(|ui| {
                    let (rect, _) = ui.allocate_exact_size(egui::vec2(18.0, 10.0), egui::Sense::hover());
                    let colour = if off { ui.visuals().weak_text_color() } else { k.colour };
                    let stroke = egui::Stroke::new(2.5, colour);
                    let (l, r) = (rect.left_center(), rect.right_center());
                    if k.marker {
                        ui.painter().circle_filled(rect.center(), 4.0, colour);
                    } else if k.dashed {
                        let third = (r - l) / 3.0;
                        ui.painter().line_segment([l, l + third], stroke);
                        ui.painter().line_segment([r - third, r], stroke);
                    } else {
                        ui.painter().line_segment([l, r], stroke);
                    }
                    // Cut short at the legend's edge (the whole name shows on hover).
                    let mut text = RichText::new(&k.name).small();
                    if off {
                        text = text.strikethrough().weak();
                    }
                    match hidden.as_deref_mut() {
                        Some(h) => {
                            let r = ui
                                .add(egui::Label::new(text).truncate().sense(egui::Sense::click()))
                                .on_hover_text(format!("{}: click to {}", k.name, if off { "show" } else { "hide" }));
                            if r.clicked() && !h.remove(&k.name) {
                                h.insert(k.name.clone());
                            }
                        }
                        None => {
                            ui.add(egui::Label::new(text).truncate());
                        }
                    }
                });
            }
        });
        shown
    })
    .inner
}

/// A box exactly `height` tall whatever it holds (it scrolls when the contents run longer), so
/// that nothing below it moves when its text changes.
pub fn fixed_height(ui: &mut egui::Ui, id: &str, height: f32, contents: impl FnOnce(&mut egui::Ui)) {
    egui::ScrollArea::vertical()
        .id_salt(id)
        .max_height(height)
        .min_scrolled_height(height)
        .auto_shrink([false, false])
        .show(ui, contents);
}

/// Vertical gap between legend rows.
const LEGEND_ROW_GAP: f32 = 1.0;

/// Room an axis loses to the other axis's ticks and label.
const AXIS_MARGIN: f32 = 60.0;

/// `text` shortened with "…" so that it fits an axis of a plot `length` points long (a y-axis
/// title of a short plot would otherwise run past the plot over the caption above it). The
/// full text stays in the view's caption or combo box.
#[must_use]
pub fn fit_axis_label(ui: &egui::Ui, text: &str, length: f32) -> String {
    let room = (length - AXIS_MARGIN).max(0.0);
    let font = egui::TextStyle::Body.resolve(ui.style());
    let width = |t: &str| ui.fonts_mut(|f| f.layout_no_wrap(t.to_owned(), font.clone(), Color32::WHITE).size().x);
    if width(text) <= room {
        return text.to_owned();
    }
    let chars: Vec<char> = text.chars().collect();
    // The longest prefix that fits with the ellipsis (the width grows with the prefix).
    let (mut lo, mut hi) = (0, chars.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        let candidate: String = chars[..mid].iter().collect::<String>() + "…";
        if width(&candidate) <= room {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    chars[..lo].iter().collect::<String>().trim_end().to_owned() + "…"
}

/// Decimals a step needs: 0 for 5, 1 for 0.1, 2 for 0.05.
#[must_use]
fn step_digits(step: f64) -> usize {
    (0..6)
        .find(|&d| {
            let scaled = step * 10f64.powi(d);
            (scaled - scaled.round()).abs() < 1e-9
        })
        .map_or(2, |d| d as usize)
}

/// Most of the row's width one combo box may take.
const COMBO_SHARE: f32 = 0.38;

/// A labelled combo box over `names`; returns the index picked this frame, if any.
pub fn choice(ui: &mut egui::Ui, label: &str, id: &str, names: &[String], selected: usize) -> Option<usize> {
    let l = ui.label(label);
    let mut picked = None;
    let text = names.get(selected).cloned().unwrap_or_default();
    // Two choices side by side fit a narrow results area: the width is a most, not a least,
    // and a long name is cut short rather than pushing the next choice onto a new row.
    let width = COMBO_WIDTH.min(ui.available_width() * COMBO_SHARE);
    ui.scope(|ui| {
        ui.set_max_width(width);
        egui::ComboBox::from_id_salt(id)
            .selected_text(text.clone())
            .truncate()
            .width(width)
            .show_ui(ui, |ui| {
                for (i, n) in names.iter().enumerate() {
                    if ui.selectable_label(i == selected, n).clicked() {
                        picked = Some(i);
                    }
                }
            })
            .response
            .labelled_by(l.id)
            .on_hover_text(text);
    });
    picked.filter(|&i| i != selected)
}

/// The height a plot may take: what is left of the visible area below the cursor, but never
/// less than [`MIN_PLOT_HEIGHT`] (the results area scrolls to show the rest).
#[must_use]
pub fn plot_height(ui: &egui::Ui) -> f32 {
    (ui.clip_rect().bottom() - ui.cursor().top() - PLOT_BOTTOM_MARGIN).max(MIN_PLOT_HEIGHT)
}

/// The short id at the start of a hypothesis name ("6a. Drain..." -> "6a").
#[must_use]
pub fn short_id(name: &str) -> String {
    // A joint leaf's name is its answers' names joined by " & ": each answer shortened.
    let short = |name: &str| -> String {
        name.split_once(". ")
            .map_or_else(|| name.chars().take(8).collect(), |(id, _)| id.to_owned())
    };
    let parts: Vec<String> = name.split(" & ").map(short).collect();
    parts.join("&")
}

/// The name of every joint leaf of the model, in leaf order.
#[must_use]
pub fn leaf_names(s: &Scenario, model: &crate::model::evaluate::Model) -> Vec<String> {
    (0..model.n_leaves()).map(|l| model.leaf_name(s, l)).collect()
}

/// "Near term (year 1)" -> "near term".
#[must_use]
pub fn short_horizon(name: &str) -> String {
    crate::format::in_sentence(name.split(" (").next().unwrap_or(name))
}

/// "Outcome name, horizon name (unit)" for every cell, in cell order.
#[must_use]
pub fn cell_names(s: &Scenario) -> Vec<String> {
    s.outcomes
        .iter()
        .flat_map(|o| {
            s.horizons
                .iter()
                .map(move |t| format!("{}, {} ({})", o.name, short_horizon(&t.name), o.unit))
        })
        .collect()
}

/// The plot item's name, the position and the data point's index under the pointer.
#[must_use]
pub fn hovered<'a>(hover: &egui_plot::HoverPosition<'a>) -> (&'a str, egui_plot::PlotPoint, Option<usize>) {
    match hover {
        egui_plot::HoverPosition::NearDataPoint {
            plot_name,
            position,
            index,
        } => (plot_name, *position, Some(*index)),
        egui_plot::HoverPosition::Elsewhere { position } => ("", *position, None),
    }
}

/// Hypotheses in display order (parents followed by their children) with their depth, question
/// by question.
#[must_use]
pub fn hypothesis_order(model: &crate::model::evaluate::Model) -> Vec<(usize, usize)> {
    (0..model.n_questions())
        .flat_map(|q| question_order(model, q))
        .collect()
}

/// Question `q`'s hypotheses in display order with their depth.
#[must_use]
pub fn question_order(model: &crate::model::evaluate::Model, q: usize) -> Vec<(usize, usize)> {
    fn walk(m: &crate::model::evaluate::Model, h: usize, depth: usize, out: &mut Vec<(usize, usize)>) {
        out.push((h, depth));
        for &c in &m.children()[h] {
            walk(m, c, depth + 1, out);
        }
    }
    let mut out = Vec::new();
    for &r in model.question_roots(q) {
        walk(model, r, 0, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn step_digits_follow_the_step() {
        assert_eq!(step_digits(50.0), 0);
        assert_eq!(step_digits(5.0), 0);
        assert_eq!(step_digits(0.1), 1);
        assert_eq!(step_digits(0.05), 2);
    }

    #[test]
    fn short_names() {
        assert_eq!(short_id("6a. Drain their resources"), "6a");
        assert_eq!(short_horizon("Near term (year 1)"), "near term");
    }
}

/// The y value of category `i` of `n` on a horizontal bar chart: the first at the top.
#[must_use]
pub fn category_row(n: usize, i: usize) -> f64 {
    n.saturating_sub(1 + i) as f64
}

/// One grid mark per category row, so that every category is named on the axis.
#[must_use]
pub fn category_marks(n: usize) -> Vec<egui_plot::GridMark> {
    (0..n)
        .map(|i| egui_plot::GridMark {
            value: category_row(n, i),
            step_size: 1.0,
        })
        .collect()
}

/// The name of the category whose row is at `value` (empty between rows).
#[must_use]
pub fn category_label(names: &[String], value: f64) -> String {
    let row = value.round();
    if (value - row).abs() > 1e-6 || row < 0.0 {
        return String::new();
    }
    let from_top = names.len().checked_sub(1 + row as usize);
    from_top.and_then(|i| names.get(i)).cloned().unwrap_or_default()
}

#[cfg(test)]
mod category_tests {
    use super::*;

    #[test]
    fn every_category_row_has_a_mark_and_its_name() {
        let names: Vec<String> = ["first", "second", "third"].map(String::from).to_vec();
        let marks = category_marks(3);
        let labels: Vec<String> = marks.iter().map(|m| category_label(&names, m.value)).collect();
        assert_eq!(labels, names);
        assert_eq!(marks.iter().map(|m| m.value).collect::<Vec<_>>(), vec![2.0, 1.0, 0.0]);
        assert_eq!(category_label(&names, 0.5), "");
        assert_eq!(category_label(&names, 3.0), "");
        assert_eq!(category_label(&names, -1.0), "");
    }
}
