//! The lever sweep: one lever across its range against one outcome, under each hypothesis and
//! expected, with the current setting and A's.

use crate::analysis::Side;
use crate::format::number;
use crate::model::questions::{answers, given};
use crate::ui::ctx::{View, ViewCtx};
use crate::ui::plot_nav::{PlotNav, shown_key};
use crate::ui::readout::{self, Lines};
use crate::ui::theme;
use crate::ui::views::cell::{CellRef, cell_or, index_or_first};
use crate::ui::widgets::{Key, cell_names, choice, fit_axis_label, plot_height, with_legend};
use egui_plot::{Line, LineStyle, Plot, PlotPoints, VLine};
use serde::{Deserialize, Serialize};

/// The lever swept and the outcome shown (persisted, by id).
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct LeverSweepView {
    /// Lever id; by default the first lever.
    pub lever: Option<String>,
    /// Outcome cell; by default the first outcome at the last horizon.
    pub cell: Option<CellRef>,
    /// Sweep expected utility instead of an outcome.
    pub utility: bool,
    /// Where the plot was drawn last frame (for tests and tools: plot point to screen).
    #[serde(skip)]
    transform: Option<egui_plot::PlotTransform>,
    /// How the plot moves and resets.
    #[serde(skip)]
    nav: PlotNav,
}

/// The last entry of the outcome list: utility itself.
const UTILITY: &str = "Expected utility (0 = worst, 1 = best)";

impl LeverSweepView {
    /// Where the last frame drew the plotted area (inside the axes), if it drew one.
    #[must_use]
    pub fn plot_frame(&self) -> Option<egui::Rect> {
        self.transform.as_ref().map(|t| *t.frame())
    }

    /// Where the plot point `(x, y)` was drawn last frame, if the plot was.
    #[must_use]
    pub fn screen_position(&self, x: f64, y: f64) -> Option<egui::Pos2> {
        self.transform
            .as_ref()
            .map(|t| t.position_from_point(&egui_plot::PlotPoint::new(x, y)))
    }
}

impl View for LeverSweepView {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        let s = &ctx.doc.scenario;
        let mut names = cell_names(s);
        let n_cells = names.len();
        names.push(UTILITY.to_owned());
        let lever_names: Vec<String> = s.levers.iter().map(|l| format!("{} ({})", l.name, l.unit)).collect();
        let li = index_or_first(self.lever.as_deref(), s.levers.iter().map(|l| l.id.as_str()));
        let cell = cell_or(self.cell.as_ref(), s, s.horizons.len().saturating_sub(1));
        let shown = if self.utility { n_cells } else { cell };
        let (Some(lever), Some(cell_name)) = (s.levers.get(li), names.get(shown)) else {
            ui.label("The scenario has no lever or no outcome to sweep.");
            return;
        };
        ui.horizontal_wrapped(|ui| {
            if let Some(i) = choice(ui, "Lever", "sweep-lever", &lever_names, li) {
                self.lever = s.levers.get(i).map(|l| l.id.clone());
            }
            if let Some(i) = choice(ui, "Outcome", "sweep-outcome", &names, shown) {
                self.utility = i == n_cells;
                if !self.utility {
                    self.cell = CellRef::of(s, i);
                }
            }
            self.nav.reset_button(ui);
        });
        let Ok(report) = ctx.report() else { return };
        let settings = ctx.settings();
        let data = if self.utility {
            match ctx.derived.utility_sweep(Side::Live, settings, li) {
                Ok(d) => d,
                Err(e) => {
                    ui.label(format!("Cannot sweep utility: {e}"));
                    return;
                }
            }
        } else {
            ctx.derived.lever_sweep(
                Side::Live,
                &settings.schedule(ctx.derived.model()),
                &report.analysis.leaf_weights,
                li,
                cell,
            )
        };
        // A comparison that cannot be evaluated is reported once, by the results view.
        let pinned = match ctx.session.pinned {
            Some(p) if self.utility => ctx
                .derived
                .utility_sweep(Side::Reference, p, li)
                .ok()
                .map(|d| (d, p.levers[li])),
            Some(p) => ctx.reference_report().ok().map(|r| {
                let d = ctx
                    .derived
                    .lever_sweep(Side::Reference, &p.levers, &r.analysis.leaf_weights, li, cell);
                (d, p.levers[li])
            }),
            None => None,
        };
        let palette = ctx.theme.palette;
        let model = ctx.derived.model();
        let x_now = settings.levers[li];
        let (xl, yl) = (lever_names[li].clone(), cell_name.clone());
        let expected_name = if self.utility {
            "Expected utility"
        } else {
            "Expected (credence-weighted)"
        };
        let current_name = format!("Current {}", crate::format::in_sentence(&lever.name));
        // One line per answer (with one question, per leaf hypothesis): the value given that
        // answer, the other questions averaged by their weights.
        let answers = answers(model);
        let hw = &report.analysis.hypothesis_weights;
        let per_answer: Vec<Vec<f64>> = (answers.iter())
            .map(|&a| {
                (0..data.xs.len())
                    .map(|i| given(model, hw, a, |l| data.per_leaf[l][i]))
                    .collect()
            })
            .collect();
        let names: Vec<String> = answers.iter().map(|&(_, h)| s.hypotheses[h].name.clone()).collect();
        // Sub-hypotheses (and the answers to later questions) are dashed, so a family reads as one.
        let dashed = |k: usize| answers[k].0 > 0 || s.hypotheses[answers[k].1].parent.is_some();
        let mut keys: Vec<Key> = (names.iter().enumerate())
            .map(|(l, name)| {
                let k = Key::new(name.clone(), theme::series(l));
                if dashed(l) { k.dashed() } else { k }
            })
            .collect();
        keys.push(Key::new(expected_name, palette.current));
        keys.push(Key::new(current_name.clone(), palette.current).dashed());
        if pinned.is_some() {
            keys.push(Key::new("A (pinned), expected", palette.pinned).dashed());
        }
        let mut lines = Lines {
            xs: &data.xs,
            series: Vec::new(),
        };
        for (l, ys) in per_answer.iter().enumerate() {
            let name = names.get(l).map_or("", String::as_str);
            lines.series.push((name, ys, theme::series(l)));
        }
        lines.series.push((expected_name, &data.expected, palette.current));
        if let Some((a, _)) = &pinned {
            lines.series.push(("A (pinned), expected", &a.expected, palette.pinned));
        }
        let height = plot_height(ui);
        // What is drawn, by value (a sweep may be recomputed into a new allocation).
        let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
        let key = shown_key((
            bits(&data.xs),
            per_answer.iter().map(|ys| bits(ys)).collect::<Vec<_>>(),
            bits(&data.expected),
            pinned.as_ref().map(|(a, ax)| (bits(&a.expected), ax.to_bits())),
            ctx.theme.classroom,
        ));
        let nav = &mut self.nav;
        let shown = with_legend(ui, &keys, |ui, width| {
            nav.apply(Plot::new("lever-sweep"), key)
                .width(width)
                .height(height)
                .x_axis_label(fit_axis_label(ui, &xl, width))
                .y_axis_label(fit_axis_label(ui, &yl, height))
                .show_x(false)
                .show_y(false)
                .show(ui, |p| {
                    for (l, ys) in per_answer.iter().enumerate() {
                        let pts: PlotPoints = data.xs.iter().zip(ys).map(|(&x, &y)| [x, y]).collect();
                        let name = names.get(l).map_or("", String::as_str);
                        let style = if l < names.len() && dashed(l) {
                            LineStyle::dashed_dense()
                        } else {
                            LineStyle::Solid
                        };
                        p.line(
                            Line::new(name, pts)
                                .width(theme::THIN_LINE_WIDTH + 0.5)
                                .color(theme::series(l))
                                .style(style),
                        );
                    }
                    let pts: PlotPoints = data.xs.iter().zip(&data.expected).map(|(&x, &y)| [x, y]).collect();
                    p.line(
                        Line::new(expected_name, pts)
                            .width(theme::EXPECTED_LINE_WIDTH)
                            .color(palette.current),
                    );
                    p.vline(
                        VLine::new(current_name, x_now)
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
                    lines.mark(p)
                })
        });
        self.transform = Some(shown.transform);
        // The read-out names the line nearest the pointer at the nearest step of the lever.
        if let Some((x, name, y)) = shown.inner.and_then(|hit| lines.read(hit)) {
            readout::tooltip(&shown.response, |ui| {
                ui.label(egui::RichText::new(name).strong());
                ui.label(format!("{}: {} {}", lever.name, number(x), lever.unit));
                ui.label(format!("{yl}: {}", number(y)));
            });
        }
    }
}
