//! Hover read-outs of line plots: the point nearest the pointer, snapped to the x values the
//! lines are drawn at (a lever's steps, whole percents of credence), marked on the plot and
//! named, with its series and value, in a tooltip that draws above the plot and its legend.

use egui::Color32;
use egui_plot::{LineStyle, PlotUi, Points, VLine};

/// Radius of the marker on the point read out.
const MARK_RADIUS: f32 = 5.0;

/// Lines drawn over the same x values: what a read-out can name.
#[derive(Debug, Default)]
pub struct Lines<'a> {
    /// The x values every line is drawn at, ascending.
    pub xs: &'a [f64],
    /// Each line's name, its value at each of `xs`, and its colour.
    pub series: Vec<(&'a str, &'a [f64], Color32)>,
}

/// A point read out: the index into the x values and the series.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Index into [`Lines::xs`].
    pub index: usize,
    /// Index into [`Lines::series`].
    pub series: usize,
}

impl Lines<'_> {
    /// The point nearest `(x, y)`: the x value nearest `x`, then at it the series whose value
    /// is nearest `y` (the vertical distance on screen, which is the distance in values times
    /// the same factor for every series). Series without a finite value there are skipped.
    #[must_use]
    pub fn nearest(&self, x: f64, y: f64) -> Option<Hit> {
        let index = self
            .xs
            .iter()
            .enumerate()
            .filter(|(_, v)| v.is_finite())
            .min_by(|(_, a), (_, b)| (*a - x).abs().total_cmp(&(*b - x).abs()))?
            .0;
        let series = self
            .series
            .iter()
            .enumerate()
            .filter_map(|(k, (_, ys, _))| ys.get(index).filter(|v| v.is_finite()).map(|v| (k, (v - y).abs())))
            .min_by(|a, b| a.1.total_cmp(&b.1))?
            .0;
        Some(Hit { index, series })
    }

    /// The x value, series name and value of `hit`.
    #[must_use]
    pub fn read(&self, hit: Hit) -> Option<(f64, &str, f64)> {
        let (name, ys, _) = self.series.get(hit.series)?;
        Some((*self.xs.get(hit.index)?, name, *ys.get(hit.index)?))
    }

    /// Inside `Plot::show`: while the pointer is over the plot, find the point it is nearest
    /// and mark it (a dot on the line and a faint line at its x value).
    pub fn mark(&self, p: &mut PlotUi<'_>) -> Option<Hit> {
        if !p.response().hovered() {
            return None;
        }
        let pointer = p.pointer_coordinate()?;
        let hit = self.nearest(pointer.x, pointer.y)?;
        let (x, _, y) = self.read(hit)?;
        let colour = self.series.get(hit.series).map_or(Color32::GRAY, |s| s.2);
        p.vline(
            VLine::new("", x)
                .color(colour.gamma_multiply(0.5))
                .style(LineStyle::dotted_loose()),
        );
        p.points(Points::new("", vec![[x, y]]).radius(MARK_RADIUS).color(colour));
        Some(hit)
    }
}

/// After `Plot::show`: a tooltip at the pointer with what `add` writes, above everything else.
pub fn tooltip(response: &egui::Response, add: impl FnOnce(&mut egui::Ui)) {
    egui::Tooltip::always_open(
        response.ctx.clone(),
        response.layer_id,
        response.id,
        egui::PopupAnchor::Pointer,
    )
    .gap(12.0)
    .show(add);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_nearest_point_snaps_to_the_x_values_then_the_nearest_line() {
        let xs = [0.0, 50.0, 100.0];
        let low = [1.0, 2.0, 3.0];
        let high = [10.0, 20.0, f64::NAN];
        let lines = Lines {
            xs: &xs,
            series: vec![("low", &low, Color32::RED), ("high", &high, Color32::BLUE)],
        };
        // x = 30 snaps to 50; y = 12 is nearer 20 than 2.
        assert_eq!(lines.nearest(30.0, 12.0), Some(Hit { index: 1, series: 1 }));
        assert_eq!(lines.read(Hit { index: 1, series: 1 }), Some((50.0, "high", 20.0)));
        assert_eq!(lines.nearest(30.0, 10.0), Some(Hit { index: 1, series: 0 }));
        // Past the end it stays on the last value; a missing value is not a candidate.
        assert_eq!(lines.nearest(1000.0, 100.0), Some(Hit { index: 2, series: 0 }));
        assert_eq!(Lines::default().nearest(1.0, 1.0), None);
    }
}
