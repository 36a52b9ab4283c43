//! The decision matrix: named policies (and the current settings) by hypotheses, with the best
//! per hypothesis highlighted, expected utility, regret, the minimax-regret choice and EVPI.

use crate::format::percent;
use crate::model::scenario::Scenario;
use crate::model::summary::Report;
use crate::model::units::Units;
use crate::ui::bars::RowBars;
use crate::ui::ctx::{Edit, View, ViewCtx};
use crate::ui::table::FrozenTable;
use crate::ui::theme::{self, Palette};
use crate::ui::widgets::{Key, category_row, short_id, with_legend};
use egui::RichText;
use egui_plot::{Bar, BarChart};
use serde::{Deserialize, Serialize};

/// Share of the area the matrix may take before it scrolls.
const MATRIX_SHARE: f32 = 0.6;
/// Least height of the matrix before it scrolls.
const MIN_MATRIX_HEIGHT: f32 = 200.0;

/// The decision matrix and the "what would you have to believe?" panel.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct MatrixView {
    /// The named policy the belief panel is about.
    pub believe: usize,
}

impl View for MatrixView {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        let Ok(report) = ctx.report() else { return };
        crate::ui::views::believe::believe_ui(ui, ctx, &mut self.believe);
        // The settings the search found (once the uncertainty study is in), to adopt.
        let found = ctx.derived.fresh_study(ctx.settings()).map(|st| st.found.clone());
        if let Some(found) = found {
            crate::ui::views::uncertainty::found_ui(ui, ctx, &found);
        }
        ui.separator();
        // A comparison that cannot be evaluated is reported once, by the results view.
        let pinned = match ctx.session.pinned {
            Some(_) => ctx.reference_report().ok(),
            None => None,
        };
        let apply = matrix_table(ui, ctx, &report, pinned.as_deref());
        summary_line(ui, &report, pinned.is_some());
        if let Some(p) = apply {
            ctx.edit(Edit::Policy(p));
            self.believe = p;
        }
        regret_chart(ui, ctx, &report);
    }
}

/// The matrix: a row per candidate (then A, when pinned, then the credences), a column per
/// theory, then expected utility and regret; the named policy clicked, if any.
fn matrix_table(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, report: &Report, pinned: Option<&Report>) -> Option<usize> {
    let palette = ctx.theme.palette;
    let a = &report.analysis;
    let s = &ctx.doc.scenario;
    let leaves = &ctx.derived.model().leaves();
    let mut apply = None;
    let n_leaves = leaves.len();
    let n_policies = report.candidates.len();
    // Rows: the candidates, A (when pinned), the credences.
    let a_row = pinned.map(|_| n_policies);
    let rows = n_policies + usize::from(a_row.is_some()) + 1;
    let max_height = (ui.available_height() * MATRIX_SHARE).max(MIN_MATRIX_HEIGHT);
    let units = report.units.as_ref().ok();
    let extra = usize::from(units.is_some());
    let table = FrozenTable::new("decision-matrix", n_leaves + 4 + extra, rows).max_height(max_height);
    table.show(ui, |ui, at| {
        // Columns after the first: one per leaf, then EU, expected regret, max regret.
        let column = at.column.checked_sub(1);
        let leaf = column.filter(|&c| c < n_leaves);
        let summary = column.and_then(|c| c.checked_sub(n_leaves));
        let Some(row) = at.row else {
            header_cell(ui, s, leaves, units, leaf, summary);
            return;
        };
        if row < n_policies {
            if policy_cell(ui, s, report, leaves, palette, row, (leaf, summary)) {
                apply = Some(row);
            }
        } else if Some(row) == a_row {
            let Some(pin) = pinned else { return };
            let pa = &pin.analysis;
            let cur = pin.current();
            match (leaf, summary) {
                (None, None) => {
                    ui.label(RichText::new("A (pinned, for comparison)").color(palette.pinned))
                        .on_hover_text("A is not a candidate: it is left out of the best-per-hypothesis highlighting, the regret columns and the verdict");
                }
                (Some(l), _) => {
                    ui.label(RichText::new(format!("{:.3}", pa.utility(cur, l))).color(palette.pinned));
                }
                (None, Some(0)) => {
                    if let Some(eu) = pa.expected_utility.get(cur) {
                        ui.label(RichText::new(format!("{eu:.3}")).color(palette.pinned));
                    }
                }
                (None, Some(_)) => {}
            }
        } else {
            match leaf {
                Some(l) => {
                    let w = a.leaf_weights.get(l).copied().unwrap_or(0.0);
                    ui.label(RichText::new(percent(w)).italics());
                }
                None if column.is_none() => {
                    ui.label(RichText::new("Credence").italics());
                }
                None => {}
            }
        }
    });
    apply
}

/// The header row: each theory's short name, then the summary columns'.
fn header_cell(
    ui: &mut egui::Ui,
    s: &Scenario,
    leaves: &[usize],
    units: Option<&Units>,
    leaf: Option<usize>,
    summary: Option<usize>,
) {
    match (leaf, summary) {
        (Some(l), _) => {
            let h = &s.hypotheses[leaves[l]];
            ui.label(RichText::new(short_id(&h.name)).strong())
                .on_hover_text(&h.name);
        }
        (None, Some(0)) => {
            ui.label(RichText::new("EU").strong())
                .on_hover_text("Expected utility: credence-weighted utility");
        }
        (None, Some(1)) => {
            ui.label(RichText::new("E[regret]").strong()).on_hover_text(
                "Expected regret: credence-weighted shortfall from the best policy under each hypothesis",
            );
        }
        (None, Some(2)) => {
            ui.label(RichText::new("Max regret").strong())
                .on_hover_text("Largest regret over the hypotheses you give any credence");
        }
        (None, Some(_)) => {
            if let Some(u) = units {
                ui.label(RichText::new(format!("E[regret] in {}", u.unit)).strong())
                    .on_hover_text("Expected regret in units of the yardstick outcome");
            }
        }
        (None, None) => {
            ui.label(RichText::new("Policy \\ hypothesis").strong());
        }
    }
}

/// One cell of candidate `p`'s row; whether its name was clicked (to adopt a named policy).
fn policy_cell(
    ui: &mut egui::Ui,
    s: &Scenario,
    report: &Report,
    leaves: &[usize],
    palette: Palette,
    p: usize,
    (leaf, summary): (Option<usize>, Option<usize>),
) -> bool {
    let a = &report.analysis;
    let c = &report.candidates[p];
    match (leaf, summary) {
        (None, None) => {
            let mut name = c.name.clone();
            if p == a.best {
                name.push_str(" [best EU]");
            }
            if p == a.minimax_regret {
                name.push_str(" [minimax]");
            }
            let is_named = report.is_named(p);
            let r = ui.add_enabled(is_named, egui::Button::new(name).frame(false));
            if is_named {
                let desc = s.policies.get(p).map(|x| x.description.as_str()).unwrap_or_default();
                return r
                    .on_hover_text(format!("{desc}\nClick to set all levers to this policy."))
                    .clicked();
            }
        }
        (Some(l), _) => {
            let u = a.utility(p, l);
            let text = RichText::new(format!("{u:.3}"));
            let hover = format!(
                "{} under {}: utility {u:.3}, regret {:.3}",
                c.name,
                s.hypotheses[leaves[l]].name,
                a.regret(p, l)
            );
            if a.best_by_leaf.get(l) == Some(&p) {
                egui::Frame::new()
                    .fill(palette.best_fill)
                    .inner_margin(egui::Margin::symmetric(2, 0))
                    .show(ui, |ui| {
                        ui.label(text.strong())
                            .on_hover_text(format!("{hover}\nBest under this hypothesis"));
                    });
            } else {
                ui.label(text).on_hover_text(hover);
            }
        }
        (None, Some(0)) => {
            ui.label(RichText::new(format!("{:.3}", a.expected_utility[p])).strong());
        }
        (None, Some(1)) => {
            ui.label(format!("{:.3}", a.expected_regret[p]));
        }
        (None, Some(2)) => {
            ui.label(format!("{:.3}", a.max_regret[p]));
        }
        (None, Some(_)) => {
            if let Ok(u) = report.units.as_ref() {
                ui.label(crate::format::number(u.of_utility(a.expected_regret[p])));
            }
        }
    }
    false
}

/// The line under the matrix: the best policy, the minimax-regret choice and EVPI.
fn summary_line(ui: &mut egui::Ui, report: &Report, pinned: bool) {
    let a = &report.analysis;
    let units = report.units.as_ref().ok();
    let name = |p: usize| report.candidates.get(p).map_or("–", |c| c.name.as_str());
    let evpi = match units {
        Some(u) => format!(
            "{} = {}",
            crate::format::fixed(a.evpi, 4),
            crate::model::explain::amount(u.of_utility(a.evpi), &u.unit)
        ),
        None => crate::format::fixed(a.evpi, 4),
    };
    ui.label(format!(
        "Best by expected utility: {}.   Minimax regret: {}.   EVPI (worth of learning the true motive): {evpi}",
        name(a.best),
        name(a.minimax_regret),
    ));
    if pinned {
        ui.label(
            RichText::new("The A row is for comparison only: it is not highlighted as best and has no regret.").small(),
        );
    }
}

/// Expected and maximum regret of each candidate, policies down the side.
fn regret_chart(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, report: &Report) {
    let a = &report.analysis;
    let palette = ctx.theme.palette;
    let name = |p: usize| report.candidates.get(p).map_or("–", |c| c.name.as_str());
    // Policies down the side, first at the top, so that every name has a row of its own
    // and reads horizontally at any width.
    let n = report.candidates.len();
    let bars = |offset: f64, values: &[f64]| -> Vec<Bar> {
        values
            .iter()
            .enumerate()
            .map(|(i, &v)| Bar::new(category_row(n, i) + offset, v).width(0.35).name(name(i)))
            .collect()
    };
    let names: Vec<String> = report.candidates.iter().map(|c| c.name.clone()).collect();
    let keys = [
        Key::new("Expected regret", theme::series(8)),
        Key::new("Max regret", palette.worse),
    ];
    // Room for every policy's name on its own row.
    let chart = RowBars::new("matrix-bars", names, "Regret (utility units)");
    with_legend(ui, &keys, |ui, width| {
        chart.show(
            ui,
            width,
            vec![
                BarChart::new("Max regret", bars(-0.18, &a.max_regret)).color(palette.worse),
                BarChart::new("Expected regret", bars(0.18, &a.expected_regret)).color(theme::series(8)),
            ],
        );
    });
}
