//! The horizontal bar chart the app draws in three places (the chance each policy is best and
//! its spread, the parts of a gap, the regret of each policy): one named row per bar, the first
//! at the top, every name on its own row of the y axis.

use crate::ui::theme::{BAR_LABEL_GAP, BAR_MARGIN, BAR_ROW};
use crate::ui::widgets::{category_label, category_marks, fit_axis_label, plot_height};
use egui_plot::{BarChart, Plot, VLine};

/// A horizontal bar chart with a named row per bar.
#[derive(Debug)]
pub struct RowBars {
    id: String,
    labels: Vec<String>,
    x_label: String,
    line: Option<f64>,
    fit_rows: bool,
}

impl RowBars {
    /// A chart `id` with one row per label (first at the top) and this x axis label.
    #[must_use]
    pub fn new(id: &str, labels: Vec<String>, x_label: &str) -> Self {
        Self {
            id: id.to_owned(),
            labels,
            x_label: x_label.to_owned(),
            line: None,
            fit_rows: false,
        }
    }

    /// Exactly as tall as its rows (else at least as tall as a plot).
    #[must_use]
    pub fn fit_rows(mut self) -> Self {
        self.fit_rows = true;
        self
    }

    /// A vertical line at `x` (the central estimate).
    #[must_use]
    pub fn line(mut self, x: f64) -> Self {
        self.line = Some(x);
        self
    }

    /// Draw `charts` (bars at [`crate::ui::widgets::category_row`] positions), `width` wide.
    pub fn show(self, ui: &mut egui::Ui, width: f32, charts: Vec<BarChart>) {
        let n = self.labels.len();
        let rows = BAR_ROW * n as f32 + BAR_MARGIN;
        let height = if self.fit_rows { rows } else { plot_height(ui).max(rows) };
        let labels = self.labels;
        let y_axis = egui_plot::AxisHints::new_y()
            .formatter(move |mark, _| category_label(&labels, mark.value))
            .label_spacing(BAR_LABEL_GAP..=BAR_ROW);
        // Every bar is always in view: the chart does not move (the wheel scrolls the page).
        let plot = crate::ui::plot_nav::fixed(Plot::new(&self.id))
            .width(width)
            .height(height)
            .x_axis_label(fit_axis_label(ui, &self.x_label, width))
            .include_x(0.0)
            .y_grid_spacer(move |_| category_marks(n))
            .custom_y_axes(vec![y_axis]);
        let line = self.line;
        plot.show(ui, |p| {
            for chart in charts {
                p.bar_chart(chart.horizontal());
            }
            if let Some(x) = line {
                p.vline(VLine::new("central", x).width(1.5));
            }
        });
    }
}
