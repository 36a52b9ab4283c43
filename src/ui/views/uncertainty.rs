//! The "Uncertainty" tab: what the Monte Carlo over every effect's range says. The chance each
//! candidate is best, the spread of its utility, what resolving each unknown is worth, the
//! tornado of the best policy's lead, and the settings the search found (which can be adopted).

use crate::format::percent;
use crate::model::decision::Candidate;
use crate::model::explain::in_units;
use crate::model::scenario::Scenario;
use crate::model::uncertainty::{BarKind, CREDENCE_SWING, PolicyStats, Study, unknowns};
use crate::ui::bars::RowBars;
use crate::ui::ctx::{View, ViewCtx};
use crate::ui::views::study_notes::{budget_note, found_ui};
use crate::ui::widgets::category_row;
use egui::RichText;
use egui_plot::{Bar, BarChart};
use serde::{Deserialize, Serialize};

/// Unknowns shown in the value-of-information and tornado charts.
const MOST_UNKNOWNS: usize = 10;
/// Longest label on a chart's axis (the whole name is in the bar's hover text).
const LABEL_CHARS: usize = 44;

/// Which chart the tab shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Section {
    /// The probability each candidate is best.
    #[default]
    ChanceBest,
    /// The spread of each candidate's utility.
    Spread,
    /// The value of information.
    WorthLearning,
    /// The tornado.
    Tornado,
}

/// The uncertainty tab's state.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct UncertaintyView {
    /// The chart shown.
    pub section: Section,
    /// Whether the value of information counts the settings the search found as choices too
    /// (else the named policies alone, as the decision matrix's EVPI).
    pub with_found: bool,
}

fn short(name: &str) -> String {
    if name.chars().count() <= LABEL_CHARS {
        name.to_owned()
    } else {
        name.chars().take(LABEL_CHARS - 1).collect::<String>() + "…"
    }
}

/// A horizontal bar chart, one named row per bar, first at the top, as tall as its rows.
fn bars_chart(ui: &mut egui::Ui, id: &str, labels: Vec<String>, bars: Vec<Bar>, x_label: &str, line: Option<f64>) {
    let mut chart = RowBars::new(id, labels, x_label).fit_rows();
    if let Some(x) = line {
        chart = chart.line(x);
    }
    let width = ui.available_width();
    chart.show(ui, width, vec![BarChart::new(id, bars)]);
}

impl View for UncertaintyView {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        let settings = ctx.settings().clone();
        let fresh = ctx.derived.fresh_study(&settings).is_some();
        let Some((_, latest)) = ctx.derived.study().latest.clone() else {
            let n = crate::format::count(ctx.derived.study_samples());
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(format!("Sampling {n} draws of every effect's range and of the motive…"));
            });
            return;
        };
        let st = match latest.as_ref() {
            Ok(st) => st,
            Err(e) => {
                ui.label(format!("The Monte Carlo cannot run: {e}"));
                return;
            }
        };
        ui.horizontal_wrapped(|ui| {
            ui.selectable_value(&mut self.section, Section::ChanceBest, "Chance best");
            ui.selectable_value(&mut self.section, Section::Spread, "Spread of utility");
            ui.selectable_value(&mut self.section, Section::WorthLearning, "Worth learning");
            ui.selectable_value(&mut self.section, Section::Tornado, "Tornado");
        });
        // How many samples the figures rest on, on a line of its own, so that nothing moves
        // when a finer study arrives.
        let full = ctx.derived.study_samples();
        let line = ui.text_style_height(&egui::TextStyle::Body) + ui.spacing().item_spacing.y;
        crate::ui::widgets::fixed_height(ui, "study-status", line, |ui| {
            ui.horizontal(|ui| {
                let n = crate::format::count(st.mc.samples);
                if !fresh {
                    ui.spinner();
                    ui.label(RichText::new(format!("{n} samples; updating for the new settings…")).small());
                } else if st.mc.samples < full {
                    ui.spinner();
                    ui.label(
                        RichText::new(format!(
                            "A quick look: {n} samples while the settings move; {} once they rest…",
                            crate::format::count(full)
                        ))
                        .small(),
                    );
                } else {
                    ui.label(RichText::new(format!("{n} samples")).small());
                }
            });
        });
        found_ui(ui, ctx, &st.found);
        budget_note(ui, &ctx.doc.scenario, st);
        let say = Say {
            units: ctx.report().ok().and_then(|r| r.units.as_ref().ok().cloned()),
            palette: ctx.theme.palette,
        };
        let s = &ctx.doc.scenario;
        match self.section {
            Section::ChanceBest => self.chance_best(ui, st, &say),
            Section::Spread => spread(ui, st, &say),
            Section::WorthLearning => self.worth_learning(ui, s, st, &say),
            Section::Tornado => self.tornado(ui, s, st, &say),
        }
    }
}

/// How the charts say a difference of utility (in the yardstick's units when there is one),
/// and the colours they draw with.
struct Say {
    units: Option<crate::model::units::Units>,
    palette: crate::ui::theme::Palette,
}

impl Say {
    /// A difference of utility in words.
    fn say(&self, du: f64) -> String {
        in_units(self.units.as_ref(), du)
    }

    /// A difference of utility on the chart's axis.
    fn value(&self, du: f64) -> f64 {
        self.units.as_ref().map_or(du, |u| u.of_utility(du))
    }

    /// The axis's unit.
    fn unit(&self) -> String {
        self.units
            .as_ref()
            .map_or_else(|| "utility".to_owned(), |u| u.unit.clone())
    }

    /// The best policy's bar stands out.
    fn fill(&self, best: bool) -> egui::Color32 {
        if best { self.palette.better } else { self.palette.sample }
    }
}

/// A bar per candidate of the study, the best one standing out; `bar` makes candidate `c`'s
/// bar (with policy statistics `p`) at chart row `row`.
fn policy_chart(
    ui: &mut egui::Ui,
    st: &Study,
    id: &str,
    x_label: &str,
    bar: impl Fn(f64, &Candidate, &PolicyStats) -> Bar,
    say: &Say,
) {
    let labels: Vec<String> = st.candidates.iter().map(|c| short(&c.name)).collect();
    let n = labels.len();
    let bars = st
        .candidates
        .iter()
        .zip(&st.mc.policies)
        .enumerate()
        .map(|(i, (c, p))| bar(category_row(n, i), c, p).fill(say.fill(i == st.mc.best)))
        .collect();
    bars_chart(ui, id, labels, bars, x_label, None);
}

/// The 5th to 95th percentile of each candidate's utility over the samples.
fn spread(ui: &mut egui::Ui, st: &Study, say: &Say) {
    ui.label(
        "Each bar runs from the 5th to the 95th percentile of the policy's utility over the samples (motive drawn per sample); hover for the mean and the regret.",
    );
    policy_chart(
        ui,
        st,
        "spread",
        "Utility (5th to 95th percentile)",
        |row, c, p| {
            Bar::new(row, p.eu_p95 - p.eu_p5)
                .base_offset(p.eu_p5)
                .width(0.5)
                .name(format!(
                    "{}: utility {:.3} to {:.3}, mean {:.3}; expected regret {} (90th percentile {})",
                    c.name,
                    p.eu_p5,
                    p.eu_p95,
                    p.eu_mean,
                    say.say(p.expected_regret),
                    say.say(p.regret_p90)
                ))
        },
        say,
    );
}

impl UncertaintyView {
    /// Whether the settings the search found (and the current settings) are choices too.
    fn found_switch(&mut self, ui: &mut egui::Ui) {
        ui.checkbox(&mut self.with_found, "Count the settings the search found among the choices")
            .on_hover_text("Off: the choice is among the named policies, as in the verdict and the decision matrix. On: the settings found by the search and your current settings are choices too.");
    }

    /// The chance each candidate in the running comes out best over the samples.
    fn chance_best(&mut self, ui: &mut egui::Ui, st: &Study, say: &Say) {
        ui.label(format!(
            "In each of {} samples the effects take a value in their ranges and the motive is drawn from your credences; the bar is the share of samples in which the policy comes out best among those in the running.",
            crate::format::count(st.mc.samples)
        ));
        self.found_switch(ui);
        let named = st.mc.policies.iter().filter(|p| p.p_best_named.is_some()).count();
        // Named only: each named policy's wins among the named policies, as the verdict counts
        // them (with the found settings in the running they take the wins of the policies
        // they improve on).
        let with_found = self.with_found;
        let running = if with_found {
            format!(
                "In the running: the {named} named policies, the {} settings the search found and your current settings.",
                st.candidates.len().saturating_sub(named + 1)
            )
        } else {
            format!("In the running: the {named} named policies, as in the verdict and the decision matrix.")
        };
        ui.label(RichText::new(running).strong());
        // Your own settings' chance, whether or not they are in the running: what a moving
        // lever changes.
        if let Some(current) = st.candidates.last() {
            // Settings the same as an earlier candidate's share its wins (a tie goes to the
            // first), so they are given as that candidate's.
            let last = st.candidates.len() - 1;
            let same = (0..last).find(|&q| st.candidates[q].levers == current.levers);
            let (who, p) = match same {
                Some(q) => (
                    format!("{} (the same as {})", current.name, st.candidates[q].name),
                    st.mc.policies.get(q),
                ),
                None => (current.name.clone(), st.mc.policies.get(last)),
            };
            if let Some(p) = p {
                ui.label(format!(
                    "{who}: best in {} of the samples among every candidate ({} with the motive averaged out).",
                    percent(p.p_best),
                    percent(p.p_best_motive_averaged)
                ));
            }
        }
        let chance = |p: &PolicyStats| if with_found { Some(p.p_best) } else { p.p_best_named };
        let shown: Vec<usize> = (0..st.candidates.len())
            .filter(|&i| st.mc.policies.get(i).and_then(chance).is_some())
            .collect();
        let best = crate::model::decision::argmax(shown.iter().map(|&i| chance(&st.mc.policies[i]).unwrap_or(0.0)));
        let labels: Vec<String> = shown.iter().map(|&i| short(&st.candidates[i].name)).collect();
        let n = labels.len();
        let bars = shown
            .iter()
            .enumerate()
            .map(|(row, &i)| {
                let (c, p) = (&st.candidates[i], &st.mc.policies[i]);
                let x = chance(p).unwrap_or(0.0);
                Bar::new(category_row(n, row), x * 100.0)
                    .width(0.6)
                    .fill(say.fill(row == best))
                    .name(format!(
                        "{}: best in {} of samples ({} with the motive averaged out, {} among every candidate)",
                        c.name,
                        percent(x),
                        percent(p.p_best_motive_averaged),
                        percent(p.p_best)
                    ))
            })
            .collect();
        bars_chart(ui, "p-best", labels, bars, "Chance of being best (%)", None);
    }

    /// What learning everything, the motive, or each unknown would be worth.
    fn worth_learning(&mut self, ui: &mut egui::Ui, s: &Scenario, st: &Study, say: &Say) {
        let unit_name = say.unit();
        ui.label(format!(
            "What it would be worth, in {unit_name} over the horizons, to know before choosing: everything, the motive alone, or one unknown at a time (estimated from the same samples).",
        ));
        self.found_switch(ui);
        let voi = if self.with_found { &st.mc.voi } else { &st.mc.voi_named };
        let names = unknowns(s);
        let mut ranked: Vec<usize> = (0..voi.parameters.len()).collect();
        ranked.sort_by(|&a, &b| voi.parameters[b].total_cmp(&voi.parameters[a]));
        let mut rows: Vec<(String, f64)> = vec![
            ("Everything: the motive and every effect".to_owned(), voi.evpi_total),
            ("The motive alone".to_owned(), voi.evppi_motive),
        ];
        rows.extend(
            ranked
                .iter()
                .take(MOST_UNKNOWNS)
                .map(|&k| (names[k].name.clone(), voi.parameters[k])),
        );
        let labels: Vec<String> = rows.iter().map(|(name, _)| short(name)).collect();
        let n = labels.len();
        let bars = rows
            .iter()
            .enumerate()
            .map(|(i, (name, v))| {
                Bar::new(category_row(n, i), say.value(*v))
                    .width(0.6)
                    .fill(if i == 0 { say.palette.muted } else { say.palette.current })
                    .name(format!("{name}: {}", say.say(*v)))
            })
            .collect();
        bars_chart(
            ui,
            "voi",
            labels,
            bars,
            &format!("Value of information ({unit_name})"),
            None,
        );
    }

    /// The best policy's lead over the runner-up with one unknown, or one credence, at a time
    /// at its low and high end.
    fn tornado(&mut self, ui: &mut egui::Ui, s: &Scenario, st: &Study, say: &Say) {
        self.found_switch(ui);
        let (lead, bars) = if self.with_found {
            (st.lead, &st.tornado)
        } else {
            (st.lead_named, &st.tornado_named)
        };
        let Some((a, b)) = lead else {
            ui.label("There is no second policy to compare with.");
            return;
        };
        let lead = st.analysis.expected_utility[a] - st.analysis.expected_utility[b];
        ui.label(format!(
            "{}'s lead over {} is {} at the central values (the line). Each bar shows the lead with one unknown at its 5th and 95th percentile, or one theory's credence {:.0} points lower and higher.",
            st.candidates[a].name,
            st.candidates[b].name,
            say.say(lead),
            CREDENCE_SWING * 100.0
        ));
        let names = unknowns(s);
        let shown: Vec<_> = bars.iter().take(MOST_UNKNOWNS).collect();
        let name = |k: BarKind| match k {
            BarKind::Unknown(k) => names[k].name.clone(),
            BarKind::Credence(h) => format!("Credence in {}", s.hypotheses[h].name),
        };
        let labels: Vec<String> = shown.iter().map(|bar| short(&name(bar.kind))).collect();
        let n = labels.len();
        let bars = shown
            .iter()
            .enumerate()
            .map(|(i, bar)| {
                let (lo, hi) = (say.value(bar.low.min(bar.high)), say.value(bar.low.max(bar.high)));
                Bar::new(category_row(n, i), hi - lo)
                    .base_offset(lo)
                    .width(0.6)
                    .fill(if bar.high >= bar.low {
                        say.palette.better
                    } else {
                        say.palette.worse
                    })
                    .name(format!(
                        "{}: lead {} at the low end, {} at the high end",
                        name(bar.kind),
                        say.say(bar.low),
                        say.say(bar.high)
                    ))
            })
            .collect();
        bars_chart(
            ui,
            "tornado",
            labels,
            bars,
            &format!("Lead ({})", say.unit()),
            Some(say.value(lead)),
        );
    }
}
