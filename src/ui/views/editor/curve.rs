//! An effect's curve of points (or its factor's) on a small plot: each point a handle to
//! drag, right-click to remove; a point added in the middle of the widest segment.

use crate::model::draft::ScenarioEdit;
use crate::model::scenario::Curve;
use crate::ui::ctx::{Command, ViewCtx};
use crate::ui::theme;
use egui::RichText;

/// Which of an effect's curves: its own, or its factor's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Part {
    Effect,
    Factor,
}

impl Part {
    /// The edit that sets this curve of effect `e`.
    pub(super) fn curve(self, e: usize, c: Curve) -> ScenarioEdit {
        match self {
            Part::Effect => ScenarioEdit::Curve(e, c),
            Part::Factor => ScenarioEdit::FactorCurve(e, c),
        }
    }

    /// The edit that moves point `k` of this curve of effect `e`.
    pub(super) fn point(self, e: usize, k: usize, xy: (f64, f64)) -> ScenarioEdit {
        match self {
            Part::Effect => ScenarioEdit::Point(e, k, xy),
            Part::Factor => ScenarioEdit::FactorPoint(e, k, xy),
        }
    }
}

/// A curve of points on a small plot over `range`: each point a handle dragged to a new place
/// (the curve stays sorted by x), its x on `step`s from the range's start when given.
pub(super) fn curve_plot(
    ui: &mut egui::Ui,
    ctx: &mut ViewCtx<'_>,
    (e, name, part): (usize, &str, Part),
    points: &[(f64, f64)],
    (range, step): ((f64, f64), Option<f64>),
) {
    let (w, h) = theme::EDITOR_CURVE_SIZE;
    let (rect, _) = ui.allocate_exact_size(egui::vec2(w, h), egui::Sense::hover());
    let (x0, x1) = (
        range.0.min(points.first().map_or(range.0, |p| p.0)),
        range.1.max(points.last().map_or(range.1, |p| p.0)),
    );
    // While a point is dragged the scale stays as it was when the drag began (a scale that
    // followed the point would run away with it), and the point stays inside the plot.
    let handle_id = |k: usize| ui.scope_id().with(("curve-point", e, part, k));
    let range_id = ui.scope_id().with(("curve-range", e, part));
    let dragging = (ui.ctx().dragged_id()).is_some_and(|d| (0..points.len()).any(|k| d == handle_id(k)));
    let frozen: Option<(f64, f64)> = ui.data(|d| d.get_temp(range_id));
    let (y0, y1) = if let Some(r) = frozen.filter(|_| dragging) {
        r
    } else {
        let (lo, hi) = points
            .iter()
            .fold((0.0_f64, 0.0_f64), |(lo, hi), p| (lo.min(p.1), hi.max(p.1)));
        let pad = ((hi - lo) * 0.15).max(1e-6);
        (lo - pad, hi + pad)
    };
    if dragging {
        ui.data_mut(|d| d.insert_temp(range_id, (y0, y1)));
    } else {
        ui.data_mut(|d| d.remove::<(f64, f64)>(range_id));
    }
    let r = theme::EDITOR_HANDLE_RADIUS;
    let inner = rect.shrink(r * 2.0);
    let to_screen = |(x, y): (f64, f64)| {
        egui::pos2(
            inner.left() + ((x - x0) / (x1 - x0)) as f32 * inner.width(),
            inner.bottom() - ((y - y0) / (y1 - y0)) as f32 * inner.height(),
        )
    };
    let from_screen = |p: egui::Pos2| {
        let x = x0 + f64::from((p.x - inner.left()) / inner.width()) * (x1 - x0);
        let y = y0 + f64::from((inner.bottom() - p.y) / inner.height()) * (y1 - y0);
        (x.clamp(x0, x1), round3(y).clamp(y0, y1))
    };
    let painter = ui.painter_at(rect);
    let visuals = ui.visuals();
    painter.rect_filled(rect, 2.0, visuals.extreme_bg_color);
    let zero = to_screen((x0, 0.0)).y;
    if (inner.top()..=inner.bottom()).contains(&zero) {
        painter.hline(inner.x_range(), zero, egui::Stroke::new(1.0, visuals.weak_text_color()));
    }
    let line: Vec<egui::Pos2> = points.iter().map(|&p| to_screen(p)).collect();
    painter.add(egui::Shape::line(
        line.clone(),
        egui::Stroke::new(2.0, visuals.text_color()),
    ));
    for (k, (&p, at)) in points.iter().zip(&line).enumerate() {
        let id = handle_id(k);
        let handle = egui::Rect::from_center_size(*at, egui::Vec2::splat(r * 3.0));
        let label = format!(
            "{name}: point {} ({}, {})",
            k + 1,
            crate::format::number(p.0),
            crate::format::number(p.1)
        );
        let resp = ui.interact(handle, id, egui::Sense::click_and_drag());
        resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Slider, true, &label));
        let hot = resp.hovered() || resp.dragged();
        painter.circle_filled(*at, if hot { r * 1.4 } else { r }, visuals.selection.bg_fill);
        if resp.dragged()
            && let Some(pointer) = resp.interact_pointer_pos()
        {
            let (x, y) = from_screen(pointer);
            ctx.send(Command::EditScenario(part.point(
                e,
                k,
                (snap(x, p.0, (x0, x1), step), y),
            )));
        }
        if resp.secondary_clicked() && points.len() > 2 {
            let mut fewer = points.to_vec();
            fewer.remove(k);
            ctx.send(Command::EditScenario(part.curve(e, Curve::Points(fewer))));
        }
        if resp.drag_stopped() {
            ctx.send(Command::EndScenarioStroke);
        }
        resp.on_hover_text(label);
    }
    // The scale's ends, at the left.
    let font = egui::TextStyle::Small.resolve(ui.style());
    for (y, anchor) in [(y1, egui::Align2::LEFT_TOP), (y0, egui::Align2::LEFT_BOTTOM)] {
        let at = if y == y1 { rect.left_top() } else { rect.left_bottom() };
        painter.text(
            at + egui::vec2(2.0, 0.0),
            anchor,
            crate::format::number(y),
            font.clone(),
            visuals.weak_text_color(),
        );
    }
    // Each point's numbers, to type exactly what a drag only comes near.
    ui.horizontal_wrapped(|ui| {
        for (k, &(x, y)) in points.iter().enumerate() {
            ui.label(RichText::new(format!("{}:", k + 1)).small());
            super::fields::number(ui, ctx, &format!("{name}: point {} x", k + 1), x, |v| {
                part.point(e, k, (v, y))
            });
            super::fields::number(ui, ctx, &format!("{name}: point {} y", k + 1), y, |v| {
                part.point(e, k, (x, v))
            });
        }
    });
    ui.label(
        RichText::new(format!(
            "x from {} to {}; drag a point to move it",
            crate::format::number(x0),
            crate::format::number(x1)
        ))
        .small(),
    );
}

/// `points` with one more, in the middle of the widest segment (on the line, so the curve is
/// unchanged until it is dragged).
pub(super) fn with_point(points: &[(f64, f64)]) -> Vec<(f64, f64)> {
    let mut out = points.to_vec();
    let widest = (0..points.len().saturating_sub(1))
        .max_by(|&a, &b| (points[a + 1].0 - points[a].0).total_cmp(&(points[b + 1].0 - points[b].0)));
    if let Some(k) = widest {
        let (a, b) = (points[k], points[k + 1]);
        out.insert(k + 1, (f64::midpoint(a.0, b.0), f64::midpoint(a.1, b.1)));
    }
    out
}

/// A dragged point's x: where it was while the pointer is within half a step of it (so that a
/// drag up or down leaves it there), else on the driving lever's steps from the range's start,
/// or to three figures for an outcome (a step of a hundredth of the range).
fn snap(x: f64, was: f64, (x0, x1): (f64, f64), step: Option<f64>) -> f64 {
    let s = step.filter(|s| *s > 0.0);
    if (x - was).abs() < s.unwrap_or((x1 - x0) * 0.01) / 2.0 {
        return was;
    }
    match s {
        Some(s) => (x0 + ((x - x0) / s).round() * s).clamp(x0, x1),
        None => round3(x),
    }
}

/// `y` to three significant figures, so that a dragged point writes a readable number.
fn round3(y: f64) -> f64 {
    if y == 0.0 || !y.is_finite() {
        return y;
    }
    let scale = 10f64.powf(2.0 - y.abs().log10().floor());
    (y * scale).round() / scale
}

#[cfg(test)]
mod tests {
    use super::snap;

    #[test]
    fn a_dragged_point_keeps_its_x_within_half_a_step_and_lands_on_a_step_beyond() {
        // A lever of step 10 from 0 to 50; the point was at 25 (off the steps).
        assert_eq!(snap(27.0, 25.0, (0.0, 50.0), Some(10.0)), 25.0);
        assert_eq!(snap(19.0, 25.0, (0.0, 50.0), Some(10.0)), 20.0);
        assert_eq!(snap(33.0, 25.0, (0.0, 50.0), Some(10.0)), 30.0);
        assert_eq!(snap(58.0, 45.0, (0.0, 50.0), Some(10.0)), 50.0);
        // An outcome's range of 0 to 100: within half a hundredth it stays, else three figures.
        assert_eq!(snap(0.4, 0.0, (0.0, 100.0), None), 0.0);
        assert_eq!(snap(12.345, 0.0, (0.0, 100.0), None), 12.3);
    }
}
