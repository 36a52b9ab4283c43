//! The credence sweep: expected utility of every policy as one hypothesis goes from 0 to 100%
//! (the others keeping their proportions), with the flip points where the best policy changes.

use crate::analysis::Side;
use crate::format::percent;
use crate::ui::ctx::{View, ViewCtx};
use crate::ui::theme;
use crate::ui::views::cell::index_or_first;
use crate::ui::widgets::{Key, choice, hovered, plot_height, with_legend};
use egui_plot::{Line, LineStyle, Plot, PlotPoints, VLine};
use serde::{Deserialize, Serialize};

/// Points along each line (the lines are straight; this only sets the hover resolution).
const LINE_POINTS: u32 = 20;

/// The hypothesis swept (persisted, by id).
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct CredenceSweepView {
    /// Hypothesis id; by default the one nearest to changing the best policy as the document
    /// was opened (see [`crate::analysis::Derived::decisive_hypothesis`]), else the first.
    pub hypothesis: Option<String>,
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
        let hname2 = hname.clone();
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
        let height = plot_height(ui);
        with_legend(ui, &keys, |ui, width| {
            Plot::new("credence-sweep")
                .width(width)
                .height(height)
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
                    let line = |l: &crate::analysis::CredenceLines, q: usize| -> PlotPoints {
                        (0..=LINE_POINTS)
                            .map(|i| f64::from(i) / f64::from(LINE_POINTS))
                            .map(|c| [100.0 * c, l.at(q, c)])
                            .collect()
                    };
                    for q in 0..names.len() {
                        let mut l = Line::new(name(q), line(&lines, q)).color(theme::series(q));
                        if q == current {
                            l = l
                                .color(palette.current)
                                .width(theme::EXPECTED_LINE_WIDTH)
                                .style(LineStyle::dashed_loose());
                        } else if q == best {
                            l = l.width(theme::EXPECTED_LINE_WIDTH);
                        }
                        p.line(l);
                    }
                    if let Some((a, cur)) = &pinned {
                        p.line(
                            Line::new("A (pinned)", line(a, *cur))
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
                })
        });
    }
}
