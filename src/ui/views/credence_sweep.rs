//! The credence sweep: expected utility of every policy as one hypothesis goes from 0 to 100%
//! (the others keeping their proportions), with the flip points where the best policy changes.

use crate::analysis::Side;
use crate::format::{fixed, percent};
use crate::ui::ctx::{View, ViewCtx};
use crate::ui::plot_nav::{PlotNav, shown_key};
use crate::ui::readout::{self, Lines};
use crate::ui::theme;
use crate::ui::views::cell::index_or_first;
use crate::ui::widgets::{Key, choice, fit_axis_label, plot_height, with_toggle_legend};
use egui_plot::{Line, LineStyle, Plot, PlotPoints, VLine};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

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
    /// Draw every policy, not only those in the running (best or runner-up at some credence).
    pub all_policies: bool,
    /// The series a click on the legend hid.
    #[serde(skip)]
    hidden: BTreeSet<String>,
    /// How the plot moves and resets.
    #[serde(skip)]
    nav: PlotNav,
}

impl CredenceSweepView {
    /// Where the plot point `(x, y)` was drawn last frame, if the plot was.
    #[must_use]
    pub fn screen_position(&self, x: f64, y: f64) -> Option<egui::Pos2> {
        self.transform
            .as_ref()
            .map(|t| t.position_from_point(&egui_plot::PlotPoint::new(x, y)))
    }

    /// Whether a click on the legend hid the series `name`.
    #[must_use]
    pub fn is_hidden(&self, name: &str) -> bool {
        self.hidden.contains(name)
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
            self.nav.reset_button(ui);
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
        let xs: Vec<f64> = (0..=LINE_POINTS)
            .map(|i| 100.0 * f64::from(i) / f64::from(LINE_POINTS))
            .collect();
        let along = |l: &crate::analysis::CredenceLines, q: usize| -> Vec<f64> {
            xs.iter().map(|&x| l.at(q, x / 100.0)).collect()
        };
        let ys: Vec<Vec<f64>> = (0..names.len()).map(|q| along(&lines, q)).collect();
        // In the running: best or runner-up at some credence, and the current settings. The
        // others (a policy far below, as the invasion is) would set the scale and flatten the
        // lines whose crossings the text describes.
        let running = in_the_running(&ys, current);
        let left_out: Vec<&str> = (0..names.len()).filter(|&q| !running[q]).map(name).collect();
        if !left_out.is_empty() {
            ui.horizontal_wrapped(|ui| {
                let note = if self.all_policies {
                    format!("Every policy drawn ({} never best or runner-up).", left_out.len())
                } else {
                    format!(
                        "Drawn: the {} policies that are best or runner-up at some credence. Not drawn: {}.",
                        names.len() - left_out.len(),
                        left_out.join(", ")
                    )
                };
                ui.label(egui::RichText::new(note).small());
                ui.checkbox(&mut self.all_policies, "all policies")
                    .on_hover_text("Draw every policy, even those never best or runner-up (they may set the scale)");
            });
        }
        let drawn = |q: usize| self.all_policies || running.get(q).copied().unwrap_or(true);
        let mut keys: Vec<Key> = (0..names.len())
            .filter(|&q| drawn(q))
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
        let hidden = &mut self.hidden;
        let visible = |q: usize, hidden: &BTreeSet<String>| drawn(q) && !hidden.contains(name(q));
        for (q, y) in ys.iter().enumerate() {
            if visible(q, hidden) {
                read.series.push((name(q), y, colour(q)));
            }
        }
        if let Some(y) = a_ys.as_ref().filter(|_| !hidden.contains("A (pinned)")) {
            read.series.push(("A (pinned)", y, palette.pinned));
        }
        let points = |y: &[f64]| -> PlotPoints { xs.iter().zip(y).map(|(&x, &y)| [x, y]).collect() };
        let x_label = format!("Credence in {hname} (%)");
        let height = plot_height(ui);
        // What is drawn, by value (the lines are recomputed into a new allocation each frame).
        let key = shown_key((
            ys.iter().flatten().map(|v| v.to_bits()).collect::<Vec<_>>(),
            a_ys.iter().flatten().map(|v| v.to_bits()).collect::<Vec<_>>(),
            k,
            self.all_policies,
            hidden.iter().collect::<Vec<_>>(),
            ctx.theme.classroom,
        ));
        let nav = &mut self.nav;
        let hidden_now = hidden.clone();
        let shown = with_toggle_legend(ui, &keys, hidden, |ui, width| {
            nav.apply(Plot::new("credence-sweep"), key)
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
                        if !visible(q, &hidden_now) {
                            continue;
                        }
                        let mut l = Line::new(name(q), points(y)).color(colour(q));
                        if q == current {
                            l = l.width(theme::EXPECTED_LINE_WIDTH).style(LineStyle::dashed_loose());
                        } else if q == best {
                            l = l.width(theme::EXPECTED_LINE_WIDTH);
                        }
                        p.line(l);
                    }
                    if let Some(y) = a_ys.as_ref().filter(|_| !hidden_now.contains("A (pinned)")) {
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

/// Which policies are in the running: best or runner-up at some point of the sweep, and the
/// current settings (`ys[q][i]`: policy q's expected utility at point i).
#[must_use]
pub fn in_the_running(ys: &[Vec<f64>], current: usize) -> Vec<bool> {
    let mut running = vec![false; ys.len()];
    if let Some(c) = running.get_mut(current) {
        *c = true;
    }
    let points = ys.iter().map(Vec::len).min().unwrap_or(0);
    for i in 0..points {
        let mut order: Vec<usize> = (0..ys.len()).collect();
        order.sort_by(|&a, &b| ys[b][i].total_cmp(&ys[a][i]));
        for &q in order.iter().take(2) {
            running[q] = true;
        }
    }
    running
}

#[cfg(test)]
mod tests {
    use super::in_the_running;

    #[test]
    fn the_running_are_the_best_and_runner_up_somewhere_and_the_current() {
        // Policy 0 best on the left, 1 best on the right, 2 runner-up in the middle only,
        // 3 always last, 4 the current settings (third everywhere).
        let ys = vec![
            vec![0.9, 0.5, 0.1],
            vec![0.1, 0.5, 0.9],
            vec![0.2, 0.6, 0.2],
            vec![-1.0, -1.0, -1.0],
            vec![0.15, 0.3, 0.15],
        ];
        assert_eq!(in_the_running(&ys, 4), vec![true, true, true, false, true]);
    }
}
