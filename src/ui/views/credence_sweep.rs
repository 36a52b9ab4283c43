//! The credence sweep: expected utility of every policy as one hypothesis goes from 0 to 100%
//! (the others keeping their proportions), with the flip points where the best policy changes.

use crate::analysis::Side;
use crate::format::{fixed, percent};
use crate::ui::ctx::{View, ViewCtx};
use crate::ui::readout::{self, Lines};
use crate::ui::theme;
use crate::ui::views::cell::index_or_first;
use crate::ui::widgets::{Key, choice, fit_axis_label, plot_height, with_legend};
use egui_plot::{Line, LineStyle, Plot, PlotPoints, VLine};
use serde::{Deserialize, Serialize};

/// Points along each line after the first: one per whole percent of credence, which is what the
/// hover read-out snaps to (the lines are straight, so this sets only the read-out's steps).
const LINE_POINTS: u32 = 100;

/// The hypothesis swept (persisted, by id).
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct CredenceSweepView {
    /// Hypothesis id; by default the one nearest to changing the best policy as the document
    /// was opened (see [`crate::analysis::Derived::decisive_hypothesis`]), else the first.
    pub hypothesis: Option<String>,
    /// Where the plot was drawn last frame (for tests and tools: plot point to screen).
    #[serde(skip)]
    transform: Option<egui_plot::PlotTransform>,
}

impl CredenceSweepView {
    /// Where the plot point `(x, y)` was drawn last frame, if the plot was.
    #[must_use]
    pub fn screen_position(&self, x: f64, y: f64) -> Option<egui::Pos2> {
        self.transform
            .as_ref()
            .map(|t| t.position_from_point(&egui_plot::PlotPoint::new(x, y)))
    }
}

impl View for CredenceSweepView {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        let s = &ctx.doc.scenario;
        let hyp_names: Vec<String> = s.hypotheses.iter().map(|h| h.name.clone()).collect();
        let k = match self.hypothesis.as_deref() {
            Some(id) => index_or_first(Some(id), s.hypotheses.iter().map(|h| h.id.as_str())),
            None => ctx.derived.decisive_hypothesis(ctx.session.opened).unwrap_or(0),
        };
        ui.horizontal_wrapped(|ui| {
            if let Some(i) = choice(ui, "Hypothesis", "credence-hypothesis", &hyp_names, k) {
                self.hypothesis = s.hypotheses.get(i).map(|h| h.id.clone());
            }
        });
        let Ok(report) = ctx.report() else { return };
        let (Some(hname), Some(flip)) = (hyp_names.get(k), report.analysis.flip_points.get(k).copied()) else {
            return;
        };
        let lines = match ctx.derived.credence_lines(Side::Live, ctx.settings(), &report, k) {
            Ok(l) => l,
            Err(e) => {
                ui.label(format!("Cannot sweep these credences: {e}"));
                return;
            }
        };
        // A comparison that cannot be evaluated is reported once, by the results view; A's
        // lines use the same settings, so they fail only when its report does.
        let pinned = match ctx.session.pinned {
            Some(p) => ctx.reference_report().ok().and_then(|r| {
                ctx.derived
                    .credence_lines(Side::Reference, p, &r, k)
                    .ok()
                    .map(|l| (l, r.current()))
            }),
            None => None,
        };
        let palette = ctx.theme.palette;
        let names: Vec<String> = report.candidates.iter().map(|c| c.name.clone()).collect();
        let name = |p: usize| names.get(p).map_or("–", String::as_str);
        ui.label(
            egui::RichText::new(format!(
                "Now {} of the weight. {}{}",
                percent(flip.credence),
                flip.down.map_or("No flip below. ".to_owned(), |f| format!(
                    "Below {} the best becomes {}. ",
                    percent(f.credence),
                    name(f.to)
                )),
                flip.up.map_or("No flip above.".to_owned(), |f| format!(
                    "Above {} the best becomes {}.",
                    percent(f.credence),
                    name(f.to)
                )),
            ))
            .small(),
        );
        let current = report.current();
        let best = report.analysis.best;
        let mut keys: Vec<Key> = (0..names.len())
            .map(|q| {
                if q == current {
                    Key::new(name(q), palette.current).dashed()
                } else {
                    Key::new(name(q), theme::series(q))
                }
            })
            .collect();
        if pinned.is_some() {
            keys.push(Key::new("A (pinned)", palette.pinned).dashed());
        }
        keys.push(Key::new("Current credence", palette.muted).dashed());
        for f in [flip.down, flip.up].into_iter().flatten() {
            keys.push(Key::new(format!("Flip to {}", name(f.to)), palette.front).dashed());
        }
        let xs: Vec<f64> = (0..=LINE_POINTS)
            .map(|i| 100.0 * f64::from(i) / f64::from(LINE_POINTS))
            .collect();
        let along = |l: &crate::analysis::CredenceLines, q: usize| -> Vec<f64> {
            xs.iter().map(|&x| l.at(q, x / 100.0)).collect()
        };
        let ys: Vec<Vec<f64>> = (0..names.len()).map(|q| along(&lines, q)).collect();
        let a_ys = pinned.as_ref().map(|(a, cur)| along(a, *cur));
        let colour = |q: usize| {
            if q == current {
                palette.current
            } else {
                theme::series(q)
            }
        };
        let mut read = Lines {
            xs: &xs,
            series: Vec::new(),
        };
        for (q, y) in ys.iter().enumerate() {
            read.series.push((name(q), y, colour(q)));
        }
        if let Some(y) = &a_ys {
            read.series.push(("A (pinned)", y, palette.pinned));
        }
        let points = |y: &[f64]| -> PlotPoints { xs.iter().zip(y).map(|(&x, &y)| [x, y]).collect() };
        let x_label = format!("Credence in {hname} (%)");
        let height = plot_height(ui);
        let shown = with_legend(ui, &keys, |ui, width| {
            Plot::new("credence-sweep")
                .width(width)
                .height(height)
                .include_x(0.0)
                .include_x(100.0)
                .x_axis_label(fit_axis_label(ui, &x_label, width))
                .y_axis_label(fit_axis_label(ui, "Expected utility (0 = worst, 1 = best)", height))
                .show_x(false)
                .show_y(false)
                .show(ui, |p| {
                    for (q, y) in ys.iter().enumerate() {
                        let mut l = Line::new(name(q), points(y)).color(colour(q));
                        if q == current {
                            l = l.width(theme::EXPECTED_LINE_WIDTH).style(LineStyle::dashed_loose());
                        } else if q == best {
                            l = l.width(theme::EXPECTED_LINE_WIDTH);
                        }
                        p.line(l);
                    }
                    if let Some(y) = &a_ys {
                        p.line(
                            Line::new("A (pinned)", points(y))
                                .color(palette.pinned)
                                .style(LineStyle::dashed_dense())
                                .width(2.0),
                        );
                    }
                    // Not the current settings' colour: a belief, not a policy.
                    p.vline(
                        VLine::new("Current credence", 100.0 * flip.credence)
                            .color(palette.muted)
                            .style(LineStyle::dotted_dense()),
                    );
                    for f in [flip.down, flip.up].into_iter().flatten() {
                        p.vline(
                            VLine::new(format!("Flip to {}", name(f.to)), 100.0 * f.credence)
                                .color(palette.front)
                                .style(LineStyle::dashed_dense()),
                        );
                    }
                    read.mark(p)
                })
        });
        self.transform = Some(shown.transform);
        // The read-out names the policy line nearest the pointer at the nearest whole percent.
        if let Some((x, policy, y)) = shown.inner.and_then(|hit| read.read(hit)) {
            readout::tooltip(&shown.response, |ui| {
                ui.label(egui::RichText::new(policy).strong());
                ui.label(format!("Credence in {hname}: {x:.0}%"));
                ui.label(format!("Expected utility: {}", fixed(y, 3)));
            });
        }
    }
}
