//! The evidence panel: the analysis-of-competing-hypotheses matrix (items by hypotheses,
//! coloured by how strongly each item favours or counts against each, most diagnostic first),
//! each item's state, date, source and what observing it is worth, the switch between
//! credences by hand and from evidence, and the timeline of what was known when.

use crate::format::day;
use crate::model::evidence::{Observation, dates, evidence_report, timeline_position, timeline_step};
use crate::model::explain::in_units;
use crate::ui::ctx::{Edit, View, ViewCtx};
use crate::ui::table::FrozenTable;
use crate::ui::theme::TOOLTIP_WIDTH;
use crate::ui::widgets::short_id;
use egui::{RichText, WidgetInfo};

/// Columns before the hypotheses: state, date, worth observing.
const LEAD_COLUMNS: usize = 3;

/// The evidence panel.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct EvidenceView {
    /// Open items chosen to be observed together (item indices).
    pub together: Vec<usize>,
}

impl View for EvidenceView {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        let s = std::sync::Arc::clone(&ctx.doc.scenario);
        if s.evidence.is_empty() {
            ui.label("This scenario lists no evidence items.");
            return;
        }
        let Ok(report) = ctx.report() else { return };
        let settings = ctx.settings().clone();
        let from_evidence = settings.prior.is_some();
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("Credences:").strong());
            if ui
                .radio(!from_evidence, "set by hand")
                .on_hover_text("The sliders are your credences; the evidence is shown but moves nothing.")
                .clicked()
            {
                ctx.edit(Edit::CredencesFromEvidence(false));
            }
            if ui
                .radio(from_evidence, "from the evidence")
                .on_hover_text("The sliders are your prior; the items observed move it by Bayes' rule to the credences everything else uses.")
                .clicked()
            {
                ctx.edit(Edit::CredencesFromEvidence(true));
            }
        });
        // The timeline: what was known by each date an item became public.
        let all = dates(&s);
        let at = timeline_position(&s, &settings.observed);
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("What was known by:").strong());
            if ui
                .add_enabled(at != Some(0), egui::Button::new("< Earlier"))
                .on_hover_text("Step back to the date before (Up arrow in classroom mode)")
                .clicked()
                && let Some(next) = timeline_step(&s, &settings.observed, -1)
            {
                ctx.edit(Edit::Observed(next));
            }
            let shown = match at {
                Some(0) => "before any of the items".to_owned(),
                Some(k) => day(&all[k - 1]),
                None => "(items set one by one)".to_owned(),
            };
            ui.label(RichText::new(shown).strong());
            if ui
                .add_enabled(at != Some(all.len()), egui::Button::new("Later >"))
                .on_hover_text("Step on to the next date an item became public (Down arrow in classroom mode)")
                .clicked()
                && let Some(next) = timeline_step(&s, &settings.observed, 1)
            {
                ctx.edit(Edit::Observed(next));
            }
        });
        let model = ctx.derived.model();
        let ev = evidence_report(&s, model, &settings, &report);
        let units = report.units.as_ref().ok();
        let leaves = model.leaves.clone();
        let most = ev.most_worth.map_or_else(
            || "No single open item would change the best policy at these settings.".to_owned(),
            |i| {
                format!(
                    "The open question most worth answering (marked *): {}.",
                    s.evidence[i].name
                )
            },
        );
        ui.label(RichText::new(most).strong());
        // The value of observing the chosen open items together.
        self.together
            .retain(|&i| settings.observed.get(i) == Some(&Observation::Open));
        if self.together.is_empty() {
            ui.label(RichText::new("Tick \"ask\" on open items to see what answering them together is worth.").small());
        } else {
            let set = crate::model::evidence::evsi_of_set(&s, model, &settings, &report, &self.together);
            ui.label(format!(
                "Answering the {} ticked questions together is worth {}{}.",
                self.together.len(),
                in_units(units, set.evsi),
                if set.changes_decision {
                    " and can change the choice"
                } else {
                    ""
                }
            ));
        }
        ui.label(
            RichText::new(
                "Cells: how likely the item is under each theory, P(item | theory); green: observing it favours the theory, red: counts against it. Rows: most diagnostic first.",
            )
            .small(),
        );
        let palette = ctx.theme.palette;
        let mut change: Option<(usize, Observation)> = None;
        let columns = LEAD_COLUMNS + leaves.len() + 1;
        let rows = ev.rows.len() + 1;
        let table = FrozenTable::new("evidence-table", columns, rows).max_height(ui.available_height().max(200.0));
        table.show(ui, |ui, at| {
            let Some(row) = at.row else {
                let text = match at.column {
                    0 => "Item".to_owned(),
                    1 => "State".to_owned(),
                    2 => "Public".to_owned(),
                    3 => "Worth observing".to_owned(),
                    c => short_id(&s.hypotheses[leaves[c - LEAD_COLUMNS - 1]].name),
                };
                let r = ui.label(RichText::new(text).strong());
                if at.column > LEAD_COLUMNS {
                    r.on_hover_text(&s.hypotheses[leaves[at.column - LEAD_COLUMNS - 1]].name);
                }
                return;
            };
            let Some(r) = ev.rows.get(row) else {
                // The last row: each theory's inconsistency with what is observed.
                match at.column {
                    0 => {
                        ui.label(RichText::new("Against the evidence (bits)").strong()).on_hover_text(
                            "ACH inconsistency: the sum over observed items of log2(best fit / this theory's fit). 0: nothing observed counts against it.",
                        );
                    }
                    c if c > LEAD_COLUMNS => {
                        let x = ev.inconsistency[c - LEAD_COLUMNS - 1];
                        ui.label(format!("{x:.1}"));
                    }
                    _ => {}
                }
                return;
            };
            let e = &s.evidence[r.item];
            match at.column {
                0 => {
                    let star = if ev.most_worth == Some(r.item) { "* " } else { "" };
                    ui.add(egui::Label::new(RichText::new(format!("{star}{}", e.name))).extend())
                        .on_hover_ui(|ui| {
                            ui.set_max_width(TOOLTIP_WIDTH);
                            ui.label(RichText::new(&e.name).strong());
                            ui.label(&e.description);
                            ui.label(RichText::new(format!("Source: {}", e.source)).small());
                            ui.label(RichText::new(format!("Why these likelihoods: {}", e.note)).small());
                            if e.reliability < 1.0 {
                                ui.label(RichText::new(format!("Reliability {:.1}", e.reliability)).small());
                            }
                        });
                }
                1 => {
                    ui.horizontal(|ui| {
                        for state in [Observation::Open, Observation::True, Observation::False] {
                            let on = r.state == state;
                            let name = format!("{}: {}", e.id, state.word());
                            let b = ui.selectable_label(on, state.word());
                            b.widget_info(|| WidgetInfo::selected(egui::Role::RadioButton, true, on, &name));
                            if b.clicked() && !on {
                                change = Some((r.item, state));
                            }
                        }
                        if r.state == Observation::Open {
                            let mut ask = self.together.contains(&r.item);
                            let name = format!("Ask {} together", e.id);
                            let c = ui.checkbox(&mut ask, "ask").on_hover_text("Count this open question in the set answered together");
                            c.widget_info(|| WidgetInfo::selected(egui::Role::CheckBox, true, ask, &name));
                            if c.changed() {
                                if ask {
                                    self.together.push(r.item);
                                } else {
                                    self.together.retain(|&i| i != r.item);
                                }
                            }
                        }
                    });
                }
                2 => {
                    ui.label(day(&e.date));
                }
                3 => {
                    let text = r.sample.map_or_else(
                        || "observed".to_owned(),
                        |x| {
                            let mut t = in_units(units, x.evsi);
                            if x.changes_decision {
                                t.push_str(", can change the choice");
                            }
                            t
                        },
                    );
                    ui.label(RichText::new(text).small()).on_hover_text(
                        "Expected value of sample information: what observing this item before choosing is worth, over both answers, at the current credences.",
                    );
                }
                c => {
                    let l = c - LEAD_COLUMNS - 1;
                    let x = r.likelihoods[l];
                    let pe: f64 = r.likelihoods.iter().zip(&report.analysis.leaf_weights).map(|(a, b)| a * b).sum();
                    let strength = ((x / pe.max(1e-12)).ln().abs() / 4f64.ln()).min(1.0) as f32;
                    let fill = if x >= pe { palette.better } else { palette.worse }.gamma_multiply(0.15 + 0.6 * strength);
                    egui::Frame::new()
                        .fill(fill)
                        .inner_margin(egui::Margin::symmetric(4, 0))
                        .show(ui, |ui| {
                            ui.label(format!("{x:.2}")).on_hover_text(format!(
                                "P({} | {}) = {x:.2}; on average {pe:.2}",
                                e.name,
                                s.hypotheses[leaves[l]].name
                            ));
                        });
                }
            }
        });
        if let Some((i, state)) = change {
            ctx.edit(Edit::Observe(i, state));
        }
    }
}
