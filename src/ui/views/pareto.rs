//! The Pareto view: 10,000 policies sampled across the lever space on two chosen outcomes,
//! their non-dominated front, the named policies, the current settings and A. A click on a
//! sample adopts its settings.

use crate::analysis::{Pareto, SamplesState};
use crate::format::number;
use crate::model::scenario::Better;
use crate::ui::ctx::{Command, View, ViewCtx};
use crate::ui::plot_nav::{PlotNav, shown_key};
use crate::ui::theme::{self, MARKER_RADIUS};
use crate::ui::views::cell::{CellRef, cell_or};
use crate::ui::widgets::{Key, cell_names, choice, fit_axis_label, hovered, plot_height, with_legend};
use egui_plot::{Line, MarkerShape, Plot, PlotPoint, PlotPoints, Points};
use serde::{Deserialize, Serialize};
use std::fmt::Write as _;
use std::sync::Arc;

/// Name of the sampled points in the plot (and so in hover read-outs).
const SAMPLES: &str = "Sampled policies";
/// Name of the front line.
const FRONT: &str = "Pareto front";

/// The Pareto view's axes (persisted) and its plot points (derived, kept while unchanged).
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ParetoView {
    /// The x axis; by default the first outcome's first horizon.
    pub x: Option<CellRef>,
    /// The y axis; by default the cell of another outcome that most conflicts with x across
    /// the sampled policies (see [`crate::analysis::Derived::conflicting_cell`]).
    pub y: Option<CellRef>,
    #[serde(skip)]
    points: Option<(Arc<Pareto>, Vec<PlotPoint>)>,
    /// How the last frame mapped plot coordinates to the screen.
    #[serde(skip)]
    transform: Option<egui_plot::PlotTransform>,
    /// How the plot moves and resets.
    #[serde(skip)]
    nav: PlotNav,
}

impl ParetoView {
    /// The cells on the two axes.
    #[must_use]
    pub fn axes(&self, ctx: &mut ViewCtx<'_>) -> (usize, usize) {
        let s = &ctx.doc.scenario;
        let cx = cell_or(self.x.as_ref(), s, 0);
        let fallback = match self.y {
            Some(_) => s.horizons.len(),
            None => ctx.derived.conflicting_cell(cx).unwrap_or(s.horizons.len()),
        };
        (cx, cell_or(self.y.as_ref(), s, fallback))
    }

    /// Where the last frame drew the plotted area (inside the axes), if it drew one.
    #[must_use]
    pub fn plot_frame(&self) -> Option<egui::Rect> {
        self.transform.as_ref().map(|t| *t.frame())
    }

    /// The plot coordinates the last frame showed, if it drew the plot.
    #[must_use]
    pub fn plot_bounds(&self) -> Option<egui_plot::PlotBounds> {
        self.transform.as_ref().map(|t| *t.bounds())
    }

    /// Where sample `i` was drawn in the last frame, if it was (for pointer tests and tools).
    #[must_use]
    pub fn screen_position(&self, i: usize) -> Option<egui::Pos2> {
        let (t, (_, points)) = (self.transform.as_ref()?, self.points.as_ref()?);
        points.get(i).map(|p| t.position_from_point(p))
    }
}

impl View for ParetoView {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        let s = &ctx.doc.scenario;
        let names = cell_names(s);
        let (cx, cy) = self.axes(ctx);
        ui.horizontal_wrapped(|ui| {
            if let Some(i) = choice(ui, "x axis", "pareto-x", &names, cx) {
                self.x = CellRef::of(s, i);
            }
            if let Some(i) = choice(ui, "y axis", "pareto-y", &names, cy) {
                self.y = CellRef::of(s, i);
            }
            // Staged settings: each lever's value in each horizon sampled on its own.
            if s.format_version >= 3 && s.horizons.len() > 1 {
                let mut staged = ctx.derived.samples_staged();
                if ui
                    .checkbox(&mut staged, "staged settings")
                    .on_hover_text("Sample each lever's value in each horizon on its own (act now, change later), not one value per lever throughout")
                    .changed()
                {
                    ctx.derived.set_samples_staged(staged);
                }
            }
            self.nav.reset_button(ui);
        });
        let (cx, cy) = self.axes(ctx);
        match ctx.derived.samples() {
            SamplesState::Ready(_) => {}
            SamplesState::NotStarted | SamplesState::Pending => {
                ui.spinner();
                ui.label(format!(
                    "Sampling {} policies across the lever space…",
                    crate::format::count(ctx.derived.pareto_samples())
                ));
                return;
            }
            SamplesState::Failed(e) => {
                ui.label(format!("The policy samples could not be computed: {e}"));
                return;
            }
        }
        let Ok(report) = ctx.report() else { return };
        let Some(pareto) = ctx.derived.pareto(&report.analysis.leaf_weights, cx, cy) else {
            return;
        };
        let pinned = ctx.session.pinned.map(|p| p.schedule(ctx.derived.model()));
        let marks = ctx.derived.policy_points(&report, pinned.as_deref(), cx, cy);
        let front = ctx.derived.front(&pareto, &marks, cx, cy);
        if !self.points.as_ref().is_some_and(|(p, _)| Arc::ptr_eq(p, &pareto)) {
            let pts = pareto.points.iter().map(|&[x, y]| PlotPoint::new(x, y)).collect();
            self.points = Some((Arc::clone(&pareto), pts));
        }
        let Some((_, plot_points)) = &self.points else { return };
        let palette = ctx.theme.palette;
        let direction = |cell: usize| {
            let (o, _) = ctx.derived.model().outcome_horizon(cell);
            match s.outcomes.get(o).map(|o| o.better) {
                Some(Better::Higher) => "higher is better",
                _ => "lower is better",
            }
        };
        let classroom = ctx.theme.classroom;
        let adopt = if classroom {
            ""
        } else {
            " Double-click a point to adopt its settings."
        };
        ui.label(
            egui::RichText::new(format!(
                "{} sampled policies. x: {}; y: {}. The front line joins the policies no other sample beats on both.{adopt}",
                pareto.samples.n,
                direction(cx),
                direction(cy)
            ))
            .small(),
        );
        let lever_names: Vec<(String, String)> = s.levers.iter().map(|l| (l.name.clone(), l.unit.clone())).collect();
        let hover_pareto = Arc::clone(&pareto);
        let (xn, yn) = (names[cx].clone(), names[cy].clone());
        let current = report.current();
        let mut keys: Vec<Key> = report
            .candidates
            .iter()
            .enumerate()
            .map(|(i, c)| {
                if i == current {
                    Key::new("Current settings", palette.current).marker()
                } else {
                    Key::new(c.name.clone(), theme::series(i)).marker()
                }
            })
            .collect();
        if pinned.is_some() {
            keys.push(Key::new("A (pinned)", palette.pinned).marker());
        }
        keys.push(Key::new(FRONT, palette.front));
        keys.push(Key::new(SAMPLES, palette.sample).marker());
        let height = plot_height(ui);
        let x_title = xn.clone();
        let key = shown_key((Arc::as_ptr(&pareto) as usize, cx, cy, classroom));
        let plot = self
            .nav
            .apply(Plot::new("pareto"), key)
            .height(height)
            .y_axis_label(fit_axis_label(ui, &yn, height))
            .label_formatter(move |hover| {
                let (name, p, index) = hovered(hover);
                let mut text = format!("{name}\n{xn}: {}\n{yn}: {}", number(p.x), number(p.y));
                // The front is drawn through its corners as well: only the samples layer names
                // a sampled policy.
                let sample = match (name, index) {
                    (SAMPLES, Some(i)) => Some(i),
                    _ => None,
                };
                if let Some(i) = sample.filter(|&i| i < hover_pareto.samples.n) {
                    for ((l, unit), v) in lever_names.iter().zip(hover_pareto.samples.levers_of(i)) {
                        let _ = write!(text, "\n{l}: {} {unit}", number(*v));
                    }
                }
                Some(text)
            });
        let shown = with_legend(ui, &keys, |ui, width| {
            let x_title = fit_axis_label(ui, &x_title, width);
            plot.width(width).x_axis_label(x_title).show(ui, |p| {
                p.points(
                    Points::new(SAMPLES, PlotPoints::Borrowed(plot_points))
                        .radius(theme::SAMPLE_RADIUS)
                        .color(palette.sample),
                );
                p.line(
                    Line::new(FRONT, front.as_slice().to_vec())
                        .color(palette.front)
                        .width(2.5)
                        .allow_band(false),
                );
                for (i, c) in report.candidates.iter().enumerate() {
                    let Some(&xy) = marks.get(i) else { continue };
                    if i == current {
                        p.points(
                            Points::new("Current settings", vec![xy])
                                .radius(MARKER_RADIUS + 2.0)
                                .color(palette.current)
                                .shape(MarkerShape::Circle),
                        );
                    } else {
                        p.points(
                            Points::new(c.name.clone(), vec![xy])
                                .radius(MARKER_RADIUS)
                                .color(theme::series(i))
                                .shape(MarkerShape::Diamond),
                        );
                    }
                }
                if let (Some(_), Some(&a)) = (pinned, marks.get(report.candidates.len())) {
                    p.points(
                        Points::new("A (pinned)", vec![a])
                            .radius(MARKER_RADIUS + 1.0)
                            .color(palette.pinned)
                            .shape(MarkerShape::Square),
                    );
                }
            })
        });
        // What the user saw when they clicked: the last frame's view.
        let seen = self.transform.replace(shown.transform).unwrap_or(shown.transform);
        // Adopting a sampled policy replaces every lever, so it takes a deliberate double click
        // on a drawn sample (an undoable step, announced by the shell); a double click on empty
        // space adopts nothing. In classroom mode the plot is for looking.
        if !classroom
            && shown.response.double_clicked()
            && let Some(pos) = shown.response.interact_pointer_pos()
            && seen.frame().contains(pos)
        {
            let nearest = plot_points
                .iter()
                .enumerate()
                .map(|(i, p)| (i, seen.position_from_point(p).distance(pos)))
                .min_by(|a, b| a.1.total_cmp(&b.1));
            if let Some((i, d)) = nearest
                && d <= theme::PICK_RADIUS
            {
                ctx.send(Command::AdoptSample(pareto.samples.levers_of(i).to_vec()));
            }
        }
    }
}
