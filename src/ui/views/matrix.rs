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
use crate::ui::views::columns::{Columns, Shown, columns, shown_ui};
use crate::ui::widgets::{Key, category_row, short_id, with_legend};
use egui::RichText;
use egui_plot::{Bar, BarChart};
use serde::{Deserialize, Serialize};

/// Share of the area the matrix may take before it scrolls.
const MATRIX_SHARE: f32 = 0.6;
/// Widest policy name in the matrix (cut short beyond it, whole on hover), so that every
/// column fits a 1280x800 screen.
const POLICY_NAME_WIDTH: f32 = 180.0;
/// Least height of the matrix before it scrolls.
const MIN_MATRIX_HEIGHT: f32 = 200.0;

/// The decision matrix and the "what would you have to believe?" panel.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct MatrixView {
    /// The named policy the belief panel is about.
    pub believe: usize,
    /// The columns shown: one question's answers, or every combination.
    pub shown: Shown,
}

impl View for MatrixView {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        let Ok(report) = ctx.report() else { return };
        crate::ui::views::believe::believe_ui(ui, ctx, &mut self.believe);
        // The settings the search found (once the uncertainty study is in), to adopt.
        let found = ctx.derived.fresh_study(ctx.settings()).map(|st| st.found.clone());
        if let Some(found) = found {
            crate::ui::views::study_notes::found_ui(ui, ctx, &found);
        }
        ui.separator();
        // A comparison that cannot be evaluated is reported once, by the results view.
        let pinned = match ctx.session.pinned {
            Some(_) => ctx.reference_report().ok(),
            None => None,
        };
        let s = std::sync::Arc::clone(&ctx.doc.scenario);
        let model = ctx.derived.model();
        shown_ui(ui, &s, model, &mut self.shown);
        let cols = columns(&s, model, &report.analysis, self.shown);
        let pinned_cols = pinned.as_ref().map(|p| columns(&s, model, &p.analysis, self.shown));
        let apply = matrix_table(ui, ctx, &report, pinned.as_deref().zip(pinned_cols.as_ref()), &cols);
        summary_line(ui, &s, (&report, &cols), self.shown, pinned.is_some());
        if let Some(p) = apply {
            ctx.edit(Edit::Policy(p));
            self.believe = p;
        }
        regret_chart(ui, ctx, &report, &cols);
    }
}

/// The matrix: a row per candidate (then A, when pinned, then the credences), a column per
/// theory, then expected utility and regret; the named policy clicked, if any.
fn matrix_table(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    report: &Report,
    pinned: Option<(&Report, &Columns)>,
    cols: &Columns,
) -> Option<usize> {
    let palette = ctx.theme.palette;
    let s = &ctx.doc.scenario;
    let mut apply = None;
    let n_leaves = cols.len();
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
            header_cell(ui, &cols.names, units, leaf, summary);
            return;
        };
        if row < n_policies {
            if policy_cell(ui, s, (report, cols), palette, row, (leaf, summary)) {
                apply = Some(row);
            }
        } else if Some(row) == a_row {
            let Some((pin, pin_cols)) = pinned else { return };
            let pa = &pin.analysis;
            let cur = pin.current();
            match (leaf, summary) {
                (None, None) => {
                    ui.label(RichText::new("A (pinned, for comparison)").color(palette.pinned))
                        .on_hover_text("A is not a candidate: it is left out of the best-per-hypothesis highlighting, the regret columns and the verdict");
                }
                (Some(l), _) => {
                    ui.label(RichText::new(format!("{:.3}", pin_cols.utility(cur, l))).color(palette.pinned));
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
                    let w = cols.weights.get(l).copied().unwrap_or(0.0);
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
    leaves: &[String],
    units: Option<&Units>,
    leaf: Option<usize>,
    summary: Option<usize>,
) {
    match (leaf, summary) {
        (Some(l), _) => {
            let name = &leaves[l];
            ui.label(RichText::new(short_id(name)).strong()).on_hover_text(name);
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
                ui.label(RichText::new(format!("in {}", u.unit)).strong())
                    .on_hover_text(format!("Expected regret in {}, the yardstick outcome's unit", u.unit));
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
    (report, cols): (&Report, &Columns),
    palette: Palette,
    p: usize,
    (leaf, summary): (Option<usize>, Option<usize>),
) -> bool {
    let a = &report.analysis;
    let c = &report.candidates[p];
    match (leaf, summary) {
        (None, None) => {
            // The marks first, so that cutting a long name short never hides them.
            let mut name = String::new();
            if p == a.best {
                name.push_str("[best EU] ");
            }
            if p == cols.minimax() {
                name.push_str("[minimax] ");
            }
            name.push_str(&c.name);
            let is_named = report.is_named(p);
            ui.set_max_width(POLICY_NAME_WIDTH);
            let r = ui.add_enabled(is_named, egui::Button::new(name).frame(false).truncate());
            if is_named {
                let desc = s.policies.get(p).map(|x| x.description.as_str()).unwrap_or_default();
                let plan: String = s
                    .staged_plan(&c.levers)
                    .iter()
                    .flat_map(|l| ["\n", l.as_str()])
                    .collect();
                return r
                    .on_hover_text(format!(
                        "{}\n{desc}{plan}\nClick to set all levers to this policy.",
                        c.name
                    ))
                    .clicked();
            }
        }
        (Some(l), _) => {
            let u = cols.utility(p, l);
            let text = RichText::new(format!("{u:.3}"));
            let hover = format!(
                "{} under {}: utility {u:.3}, regret {:.3}",
                c.name,
                cols.names[l],
                cols.regret(p, l)
            );
            if cols.best_by.get(l) == Some(&p) {
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
            ui.label(format!("{:.3}", cols.expected_regret[p]));
        }
        (None, Some(2)) => {
            ui.label(format!("{:.3}", cols.max_regret[p]));
        }
        (None, Some(_)) => {
            if let Ok(u) = report.units.as_ref() {
                ui.label(crate::format::number(u.of_utility(cols.expected_regret[p])));
            }
        }
    }
    false
}

/// The line under the matrix: the best policy, the minimax-regret choice and EVPI (with one
/// question's columns, what answering it is worth, and the EVPI of every question).
fn summary_line(ui: &mut egui::Ui, s: &Scenario, (report, cols): (&Report, &Columns), shown: Shown, pinned: bool) {
    let a = &report.analysis;
    let units = report.units.as_ref().ok();
    let name = |p: usize| report.candidates.get(p).map_or("–", |c| c.name.as_str());
    let worth = |v: f64| match units {
        Some(u) => format!(
            "{} = {}",
            crate::format::fixed(v, 4),
            crate::model::explain::amount(u.of_utility(v), &u.unit)
        ),
        None => crate::format::fixed(v, 4),
    };
    let minimax = cols.minimax();
    let value = match shown {
        Shown::Question(q) if a.value_of_answering.len() > 1 => format!(
            "Worth of answering \u{201c}{}\u{201d}: {}.   EVPI (every question): {}",
            s.question_name(q),
            worth(cols.value),
            worth(a.evpi)
        ),
        _ if a.value_of_answering.len() > 1 => format!("EVPI (worth of answering every question): {}", worth(a.evpi)),
        _ => format!("EVPI (worth of learning the true motive): {}", worth(a.evpi)),
    };
    ui.label(format!(
        "Best by expected utility: {}.   Minimax regret: {}.   {value}",
        name(a.best),
        name(minimax),
    ));
    // Utilities outside 0-1, explained where they appear.
    let below: Vec<&str> = (0..report.candidates.len())
        .filter(|&p| (0..cols.len()).any(|c| cols.utility(p, c) < 0.0))
        .map(name)
        .collect();
    if !below.is_empty() {
        ui.label(
            RichText::new(format!(
                "Below 0: {} takes some outcome past its plausible worst, where utility goes on falling (0 is every outcome at its worst plausible level, not the lowest possible).",
                below.join(", ")
            ))
            .small(),
        );
    }
    if pinned {
        ui.label(
            RichText::new("The A row is for comparison only: it is not highlighted as best and has no regret.").small(),
        );
    }
}

/// Expected and maximum regret of each candidate, policies down the side.
fn regret_chart(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, report: &Report, cols: &Columns) {
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
                BarChart::new("Max regret", bars(-0.18, &cols.max_regret)).color(palette.worse),
                BarChart::new("Expected regret", bars(0.18, &cols.expected_regret)).color(theme::series(8)),
            ],
        );
    });
}
