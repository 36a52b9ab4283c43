//! The trade-off plots: the Pareto view, the lever sweep and the credence sweep. Their data
//! are cached and recomputed only when their inputs change.

use crate::app::{MotiveApp, SamplesState};
use crate::format::{number, percent};
use crate::model::decision::split_utilities;
use crate::model::frontier::pareto_front;
use crate::model::preset::Settings;
use crate::model::scenario::Better;
use crate::model::summary::Report;
use crate::ui::theme::{self, MARKER_RADIUS, PLOT_HEIGHT, SWEEP_STEPS};
use egui_plot::{Legend, Line, LineStyle, MarkerShape, Plot, PlotPoints, Points, VLine};

/// Cached plot data.
#[derive(Debug, Default)]
pub struct PlotCache {
    /// Report of the document as opened, for colouring.
    pub comparison: Option<(Settings, std::sync::Arc<Report>)>,
    pareto: Option<(ParetoKey, ParetoData)>,
    sweep: Option<(SweepKey, SweepData)>,
}

type ParetoKey = (Vec<f64>, usize, usize, usize);
type SweepKey = (Vec<f64>, Vec<f64>, usize, usize);

#[derive(Debug)]
struct ParetoData {
    points: Vec<[f64; 2]>,
    plot_points: Vec<egui_plot::PlotPoint>,
    front: Vec<usize>,
}

#[derive(Debug)]
struct SweepData {
    xs: Vec<f64>,
    /// Per leaf, the outcome along the sweep.
    per_leaf: Vec<Vec<f64>>,
    expected: Vec<f64>,
}

/// "Outcome name, horizon name (unit)" for every cell.
fn cell_names(app: &MotiveApp) -> Vec<String> {
    let s = &app.doc.scenario;
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
fn hovered<'a>(hover: &egui_plot::HoverPosition<'a>) -> (&'a str, egui_plot::PlotPoint, Option<usize>) {
    match hover {
        egui_plot::HoverPosition::NearDataPoint {
            plot_name,
            position,
            index,
        } => (plot_name, *position, Some(*index)),
        egui_plot::HoverPosition::Elsewhere { position } => ("", *position, None),
    }
}

/// "Near term (year 1)" -> "near term".
fn short_horizon(name: &str) -> String {
    name.split(" (").next().unwrap_or(name).to_lowercase()
}

fn cell_combo(ui: &mut egui::Ui, label: &str, id: &str, names: &[String], selected: &mut usize) {
    let l = ui.label(label);
    egui::ComboBox::from_id_salt(id)
        .selected_text(names.get(*selected).cloned().unwrap_or_default())
        .width(300.0)
        .show_ui(ui, |ui| {
            for (i, n) in names.iter().enumerate() {
                ui.selectable_value(selected, i, n);
            }
        })
        .response
        .labelled_by(l.id);
}

/// Expected value of `cell` for lever values `levers` under leaf weights.
fn expected_at(app: &MotiveApp, levers: &[f64], weights: &[f64], [cx, cy]: [usize; 2], buf: &mut [f64]) -> [f64; 2] {
    app.model.evaluate_into(levers, buf);
    let cells = app.model.cells();
    let expected = |cell: usize| weights.iter().enumerate().map(|(l, w)| w * buf[l * cells + cell]).sum();
    [expected(cx), expected(cy)]
}

impl MotiveApp {
    pub(crate) fn pareto_ui(&mut self, ui: &mut egui::Ui, report: &Report) {
        let names = cell_names(self);
        let n_cells = names.len();
        self.persisted.pareto_x = self.persisted.pareto_x.min(n_cells - 1);
        self.persisted.pareto_y = self.persisted.pareto_y.min(n_cells - 1);
        ui.horizontal_wrapped(|ui| {
            cell_combo(ui, "x axis", "pareto-x", &names, &mut self.persisted.pareto_x);
            cell_combo(ui, "y axis", "pareto-y", &names, &mut self.persisted.pareto_y);
        });
        let samples = match &self.samples {
            SamplesState::Ready(s) => s.clone(),
            SamplesState::Pending(_) => {
                ui.spinner();
                ui.label("Sampling 10,000 policies across the lever space…");
                return;
            }
            SamplesState::Failed => {
                ui.label("The policy samples could not be computed.");
                return;
            }
        };
        let (cx, cy) = (self.persisted.pareto_x, self.persisted.pareto_y);
        let nh = self.doc.scenario.horizons.len();
        let weights = report.analysis.leaf_weights.clone();
        let better = |cell: usize| matches!(self.doc.scenario.outcomes[cell / nh].better, Better::Higher);
        let key: ParetoKey = (weights.clone(), cx, cy, samples.n);
        if self.plot_cache.pareto.as_ref().map(|(k, _)| k) != Some(&key) {
            let points = samples.expected_points(&weights, cx, cy);
            let front = pareto_front(&points, [better(cx), better(cy)]);
            let plot_points = points.iter().map(|&[x, y]| egui_plot::PlotPoint::new(x, y)).collect();
            self.plot_cache.pareto = Some((
                key,
                ParetoData {
                    points,
                    plot_points,
                    front,
                },
            ));
        }
        let Some((_, data)) = &self.plot_cache.pareto else {
            return;
        };
        let palette = theme::palette(self.persisted.look, self.classroom);
        let mut buf = vec![0.0; self.model.leaves.len() * self.model.cells()];
        let marks: Vec<(String, [f64; 2])> = report
            .candidates
            .iter()
            .map(|c| {
                (
                    c.name.clone(),
                    expected_at(self, &c.levers, &weights, [cx, cy], &mut buf),
                )
            })
            .collect();
        let pinned = self
            .pinned
            .as_ref()
            .map(|p| expected_at(self, &p.settings.levers, &weights, [cx, cy], &mut buf));
        let lever_names: Vec<String> = self.doc.scenario.levers.iter().map(|l| l.name.clone()).collect();
        let samples_for_hover = samples.clone();
        let front_ids = data.front.clone();
        let (xn, yn) = (names[cx].clone(), names[cy].clone());
        let direction = |c: usize| {
            if better(c) {
                "higher is better"
            } else {
                "lower is better"
            }
        };
        ui.label(
            egui::RichText::new(format!(
                "{} sampled policies. x: {}; y: {}. The front (yellow) holds the policies no other sample beats on both; click a point to adopt its settings.",
                samples.n,
                direction(cx),
                direction(cy)
            ))
            .small(),
        );
        let plot = Plot::new("pareto")
            .height(ui.available_height().max(PLOT_HEIGHT))
            .legend(Legend::default())
            .x_axis_label(xn.clone())
            .y_axis_label(yn.clone())
            .label_formatter(move |hover| {
                let (name, p, index) = hovered(hover);
                let mut text = format!("{name}\n{xn}: {}\n{yn}: {}", number(p.x), number(p.y));
                let sample = match (name, index) {
                    ("Sampled policies", Some(i)) => Some(i),
                    ("Pareto front", Some(i)) => front_ids.get(i).copied(),
                    _ => None,
                };
                if let Some(i) = sample {
                    for (l, v) in lever_names.iter().zip(samples_for_hover.levers_of(i)) {
                        text.push_str(&format!("\n{l}: {}", number(*v)));
                    }
                }
                Some(text)
            });
        let shown = plot.show(ui, |p| {
            p.points(
                Points::new("Sampled policies", PlotPoints::Borrowed(&data.plot_points))
                    .radius(theme::SAMPLE_RADIUS)
                    .color(palette.sample),
            );
            let front: Vec<[f64; 2]> = data.front.iter().map(|&i| data.points[i]).collect();
            p.line(
                Line::new("Pareto front", front)
                    .color(palette.front)
                    .width(2.5)
                    .allow_band(false),
            );
            let last = marks.len().saturating_sub(1);
            for (i, (name, xy)) in marks.iter().enumerate() {
                if i == last {
                    p.points(
                        Points::new("Current settings", vec![*xy])
                            .radius(MARKER_RADIUS + 2.0)
                            .color(palette.current)
                            .shape(MarkerShape::Circle),
                    );
                } else {
                    p.points(
                        Points::new(name.clone(), vec![*xy])
                            .radius(MARKER_RADIUS)
                            .shape(MarkerShape::Diamond),
                    );
                }
            }
            if let Some(a) = pinned {
                p.points(
                    Points::new("A (pinned)", vec![a])
                        .radius(MARKER_RADIUS + 1.0)
                        .color(palette.pinned)
                        .shape(MarkerShape::Square),
                );
            }
        });
        // A click on a sampled point adopts its lever settings (an undoable step).
        if shown.response.clicked()
            && let Some(pos) = shown.response.interact_pointer_pos()
        {
            let nearest = data
                .plot_points
                .iter()
                .enumerate()
                .map(|(i, p)| (i, shown.transform.position_from_point(p).distance(pos)))
                .min_by(|a, b| a.1.total_cmp(&b.1));
            if let Some((i, d)) = nearest
                && d <= theme::PICK_RADIUS
            {
                self.doc.settings.levers = samples.levers_of(i).to_vec();
            }
        }
    }

    pub(crate) fn sweep_ui(&mut self, ui: &mut egui::Ui, report: &Report) {
        let names = cell_names(self);
        let s = &self.doc.scenario;
        let lever_names: Vec<String> = s.levers.iter().map(|l| format!("{} ({})", l.name, l.unit)).collect();
        self.persisted.sweep_lever = self.persisted.sweep_lever.min(lever_names.len() - 1);
        self.persisted.sweep_cell = self.persisted.sweep_cell.min(names.len() - 1);
        ui.horizontal_wrapped(|ui| {
            cell_combo(
                ui,
                "Lever",
                "sweep-lever",
                &lever_names,
                &mut self.persisted.sweep_lever,
            );
            cell_combo(ui, "Outcome", "sweep-outcome", &names, &mut self.persisted.sweep_cell);
        });
        let (li, cell) = (self.persisted.sweep_lever, self.persisted.sweep_cell);
        let weights = report.analysis.leaf_weights.clone();
        let key: SweepKey = (self.doc.settings.levers.clone(), weights.clone(), li, cell);
        if self.plot_cache.sweep.as_ref().map(|(k, _)| k) != Some(&key) {
            let data = self.sweep_data(&self.doc.settings.levers, &weights, li, cell);
            self.plot_cache.sweep = Some((key, data));
        }
        let pinned = self.pinned.as_ref().map(|p| {
            let w = &p.report.analysis.leaf_weights;
            (self.sweep_data(&p.settings.levers, w, li, cell), p.settings.levers[li])
        });
        let Some((_, data)) = &self.plot_cache.sweep else {
            return;
        };
        let palette = theme::palette(self.persisted.look, self.classroom);
        let lever = &self.doc.scenario.levers[li];
        let x_now = self.doc.settings.levers[li];
        let leaf_names: Vec<String> = self
            .model
            .leaves
            .iter()
            .map(|&h| self.doc.scenario.hypotheses[h].name.clone())
            .collect();
        let (xl, yl) = (lever_names[li].clone(), names[cell].clone());
        let (xl2, yl2) = (xl.clone(), yl.clone());
        Plot::new("lever-sweep")
            .height(ui.available_height().max(PLOT_HEIGHT))
            .legend(Legend::default())
            .x_axis_label(xl)
            .y_axis_label(yl)
            .label_formatter(move |hover| {
                let (name, p, _) = hovered(hover);
                Some(format!("{name}\n{xl2}: {}\n{yl2}: {}", number(p.x), number(p.y)))
            })
            .show(ui, |p| {
                for (l, ys) in data.per_leaf.iter().enumerate() {
                    let pts: PlotPoints = data.xs.iter().zip(ys).map(|(&x, &y)| [x, y]).collect();
                    p.line(Line::new(leaf_names[l].clone(), pts).width(theme::THIN_LINE_WIDTH));
                }
                let pts: PlotPoints = data.xs.iter().zip(&data.expected).map(|(&x, &y)| [x, y]).collect();
                p.line(
                    Line::new("Expected (credence-weighted)", pts)
                        .width(theme::EXPECTED_LINE_WIDTH)
                        .color(palette.current),
                );
                p.vline(
                    VLine::new(format!("Current {}", lever.name.to_lowercase()), x_now)
                        .color(palette.current)
                        .style(LineStyle::dashed_loose()),
                );
                if let Some((a, ax)) = &pinned {
                    let pts: PlotPoints = a.xs.iter().zip(&a.expected).map(|(&x, &y)| [x, y]).collect();
                    p.line(
                        Line::new("A (pinned), expected", pts)
                            .color(palette.pinned)
                            .style(LineStyle::dashed_dense())
                            .width(2.0),
                    );
                    p.vline(
                        VLine::new("A's setting", *ax)
                            .color(palette.pinned)
                            .style(LineStyle::dotted_dense()),
                    );
                }
            });
    }

    fn sweep_data(&self, levers: &[f64], weights: &[f64], li: usize, cell: usize) -> SweepData {
        let lever = &self.doc.scenario.levers[li];
        let n = self.model.leaves.len();
        let cells = self.model.cells();
        let mut buf = vec![0.0; n * cells];
        let mut x = levers.to_vec();
        let xs: Vec<f64> = (0..SWEEP_STEPS)
            .map(|k| lever.min + (lever.max - lever.min) * k as f64 / (SWEEP_STEPS - 1) as f64)
            .collect();
        let mut per_leaf = vec![Vec::with_capacity(SWEEP_STEPS); n];
        let mut expected = Vec::with_capacity(SWEEP_STEPS);
        for &v in &xs {
            x[li] = v;
            self.model.evaluate_into(&x, &mut buf);
            let mut e = 0.0;
            for (l, w) in weights.iter().enumerate() {
                let y = buf[l * cells + cell];
                per_leaf[l].push(y);
                e += w * y;
            }
            expected.push(e);
        }
        SweepData { xs, per_leaf, expected }
    }

    pub(crate) fn credence_sweep_ui(&mut self, ui: &mut egui::Ui, report: &Report) {
        let s = &self.doc.scenario;
        let hyp_names: Vec<String> = s.hypotheses.iter().map(|h| h.name.clone()).collect();
        self.persisted.credence_hypothesis = self.persisted.credence_hypothesis.min(hyp_names.len() - 1);
        ui.horizontal_wrapped(|ui| {
            cell_combo(
                ui,
                "Hypothesis",
                "credence-hypothesis",
                &hyp_names,
                &mut self.persisted.credence_hypothesis,
            );
        });
        let k = self.persisted.credence_hypothesis;
        let a = &report.analysis;
        let m = report.candidates.len();
        let lines = split_utilities(
            &self.model,
            k,
            &self.doc.settings.credences,
            &a.hypothesis_weights,
            &a.utility,
            m,
        );
        let Ok((inside, outside)) = lines else {
            ui.label("Cannot sweep these credences.");
            return;
        };
        let pinned_line = self.pinned.as_ref().and_then(|p| {
            let pa = &p.report.analysis;
            let cur = p.report.candidates.len() - 1;
            split_utilities(
                &self.model,
                k,
                &p.settings.credences,
                &pa.hypothesis_weights,
                &pa.utility,
                p.report.candidates.len(),
            )
            .ok()
            .map(|(i, o)| (i[cur], o[cur]))
        });
        let palette = theme::palette(self.persisted.look, self.classroom);
        let flip = a.flip_points[k];
        let names: Vec<String> = report.candidates.iter().map(|c| c.name.clone()).collect();
        let hname = hyp_names[k].clone();
        let hname2 = hname.clone();
        ui.label(
            egui::RichText::new(format!(
                "Now {} of the weight. {}{}",
                percent(flip.credence),
                flip.down.map_or("No flip below. ".to_owned(), |f| format!(
                    "Below {} the best becomes {}. ",
                    percent(f.credence),
                    names[f.to]
                )),
                flip.up.map_or("No flip above.".to_owned(), |f| format!(
                    "Above {} the best becomes {}.",
                    percent(f.credence),
                    names[f.to]
                )),
            ))
            .small(),
        );
        Plot::new("credence-sweep")
            .height(ui.available_height().max(PLOT_HEIGHT))
            .legend(Legend::default())
            .include_x(0.0)
            .include_x(100.0)
            .x_axis_label(format!("Credence in {hname} (%)"))
            .y_axis_label("Expected utility (0 = worst, 1 = best)")
            .label_formatter(move |hover| {
                let (name, p, _) = hovered(hover);
                Some(format!(
                    "{name}\ncredence in {hname2}: {:.1}%\nexpected utility: {:.3}",
                    p.x, p.y
                ))
            })
            .show(ui, |p| {
                let line = |a: f64, b: f64| -> PlotPoints {
                    (0..=20)
                        .map(|i| f64::from(i) / 20.0)
                        .map(|c| [100.0 * c, c * a + (1.0 - c) * b])
                        .collect()
                };
                for q in 0..m {
                    let mut l = Line::new(names[q].clone(), line(inside[q], outside[q]));
                    if q == m - 1 {
                        l = l
                            .color(palette.current)
                            .width(theme::EXPECTED_LINE_WIDTH)
                            .style(LineStyle::dashed_loose());
                    } else if q == a.best {
                        l = l.width(theme::EXPECTED_LINE_WIDTH);
                    }
                    p.line(l);
                }
                if let Some((ai, ao)) = pinned_line {
                    p.line(
                        Line::new("A (pinned)", line(ai, ao))
                            .color(palette.pinned)
                            .style(LineStyle::dashed_dense())
                            .width(2.0),
                    );
                }
                p.vline(VLine::new("Current credence", 100.0 * flip.credence).color(palette.current));
                for f in [flip.down, flip.up].into_iter().flatten() {
                    p.vline(
                        VLine::new(format!("Flip to {}", names[f.to]), 100.0 * f.credence)
                            .color(palette.front)
                            .style(LineStyle::dashed_dense()),
                    );
                }
            });
    }
}
