//! The evidence panel: the analysis-of-competing-hypotheses matrix (items by hypotheses,
//! coloured by how strongly each item favours or counts against each, most diagnostic first),
//! each item's state, date, source and what observing it is worth, the switch between
//! credences by hand and from evidence, and the timeline of what was known when.

use crate::format::day;
use crate::model::evidence::{EvidenceReport, ItemRow, Observation, dates, timeline_position, timeline_step};
use crate::model::explain::in_units;
use crate::model::scenario::{Evidence, Scenario};
use crate::model::settings::Settings;
use crate::model::units::Units;
use crate::ui::ctx::{Edit, View, ViewCtx};
use crate::ui::table::FrozenTable;
use crate::ui::theme::Palette;
use crate::ui::views::columns::{LeafMix, Shown, shown_ui};
use egui::{RichText, WidgetInfo};

use crate::ui::views::evidence_cells::{LEAD_COLUMNS, fact_cell, header_cell, item_name, likelihood_cell, worth_cell};

/// A row of the matrix: an item (index into the report's rows), or a fact with its reports
/// listed under it.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Line {
    Item(usize),
    Fact(usize),
}

/// The matrix's rows: items most diagnostic first, each fact where its most diagnostic report
/// would be, with all its reports under it.
fn lines(ev: &EvidenceReport, s: &Scenario) -> Vec<Line> {
    let mut out = Vec::with_capacity(ev.rows.len() + ev.facts.len());
    let mut placed = vec![false; ev.facts.len()];
    for (k, r) in ev.rows.iter().enumerate() {
        let fact = s.evidence[r.item].fact.as_ref();
        match fact.and_then(|id| ev.facts.iter().position(|f| &s.facts[f.fact].id == id)) {
            None => out.push(Line::Item(k)),
            Some(f) if !placed[f] => {
                placed[f] = true;
                out.push(Line::Fact(f));
                for (j, other) in ev.rows.iter().enumerate() {
                    if ev.facts[f].reports.contains(&other.item) {
                        out.push(Line::Item(j));
                    }
                }
            }
            Some(_) => {}
        }
    }
    out
}

/// The evidence panel.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct EvidenceView {
    /// Open items chosen to be observed together (item indices).
    pub together: Vec<usize>,
    /// The columns: one question's answers (the first by default, so that the matrix fits a
    /// laptop screen) or every combination.
    pub shown: Shown,
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
        credence_mode(ui, ctx, settings.prior.is_some());
        timeline(ui, ctx, &s, &settings.observed);
        let ev = ctx.derived.evidence(&settings);
        let Some(ev) = ev.as_ref() else { return };
        let units = report.units.as_ref().ok();
        self.worth(ui, ctx, &s, &settings, ev, units);
        ui.label(
            RichText::new(
                "Cells: how likely the item is under each theory, P(item | theory); green: observing it favours the theory, red: counts against it. Rows: most diagnostic first.",
            )
            .small(),
        );
        let model = ctx.derived.model();
        shown_ui(ui, &s, model, &mut self.shown);
        let cols = LeafMix::new(&s, model, &report.analysis.hypothesis_weights, self.shown);
        let palette = ctx.theme.palette;
        if let Some((i, state)) = self.matrix(ui, &s, ev, units, &cols, palette) {
            ctx.edit(Edit::Observe(i, state));
        }
    }
}

/// Credences set by hand, or from the evidence (the sliders then set the prior).
fn credence_mode(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, from_evidence: bool) {
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
}

/// The timeline: what was known by each date an item became public, a step at a time.
fn timeline(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, s: &Scenario, observed: &[Observation]) {
    let all = dates(s);
    let at = timeline_position(s, observed);
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("What was known by:").strong());
        if ui
            .add_enabled(at != Some(0), egui::Button::new("< Earlier"))
            .on_hover_text("Step back to the date before (Up arrow in classroom mode)")
            .clicked()
            && let Some(next) = timeline_step(s, observed, -1)
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
            && let Some(next) = timeline_step(s, observed, 1)
        {
            ctx.edit(Edit::Observed(next));
        }
    });
}

impl EvidenceView {
    /// Which open question is most worth answering, and what answering the ticked ones
    /// together is worth.
    fn worth(
        &mut self,
        ui: &mut egui::Ui,
        ctx: &mut ViewCtx<'_>,
        s: &Scenario,
        settings: &Settings,
        ev: &EvidenceReport,
        units: Option<&Units>,
    ) {
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
            return;
        }
        let set = ctx.derived.evidence_set(settings, &self.together);
        let Some(set) = set.as_ref() else { return };
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

    /// The matrix: items down the side, theories across; the state of an item the user
    /// changed, if any.
    fn matrix(
        &mut self,
        ui: &mut egui::Ui,
        s: &Scenario,
        ev: &EvidenceReport,
        units: Option<&Units>,
        cols: &LeafMix,
        palette: Palette,
    ) -> Option<(usize, Observation)> {
        let mut change = None;
        let columns = LEAD_COLUMNS + cols.names.len() + 1;
        let lines = lines(ev, s);
        let rows = lines.len() + 1;
        let table = FrozenTable::new("evidence-table", columns, rows).max_height(ui.available_height().max(200.0));
        table.show(ui, |ui, at| {
            let Some(row) = at.row else {
                header_cell(ui, &cols.names, at.column);
                return;
            };
            let r = match lines.get(row) {
                Some(Line::Item(k)) => &ev.rows[*k],
                Some(Line::Fact(f)) => {
                    fact_cell(ui, s, ev, *f, units, (cols, at.column), palette);
                    return;
                }
                None => {
                    // The last row: each theory's inconsistency with what is observed.
                    match at.column {
                        0 => {
                            ui.label(RichText::new("Against the evidence (bits)").strong()).on_hover_text(
                                "ACH inconsistency: the sum over observed items of log2(best fit / this theory's fit), the reports of one fact counted once together. 0: nothing observed counts against it. In a column for one answer: its least over the combinations with that answer.",
                            );
                        }
                        c if c > LEAD_COLUMNS => {
                            let x = cols.least(c - LEAD_COLUMNS - 1, &ev.inconsistency);
                            ui.label(format!("{x:.1}"));
                        }
                        _ => {}
                    }
                    return;
                }
            };
            let e = &s.evidence[r.item];
            match at.column {
                0 => item_name(ui, e, ev.most_worth == Some(r.item)),
                1 => {
                    if let Some(c) = self.state_cell(ui, e, r) {
                        change = Some(c);
                    }
                }
                2 => {
                    // With several questions, the one the item speaks to under its date.
                    // With several questions, the one the item speaks to is on hover (a line of
                    // its own would widen the column past a laptop screen).
                    let label = ui.label(day(&e.date));
                    if s.n_questions() > 1 {
                        let q = s.question_name(s.evidence_question(r.item));
                        label.on_hover_text(format!("Bears on \u{201c}{q}\u{201d}"));
                    }
                }
                3 => {
                    worth_cell(ui, r.sample.map(|x| (x.evsi, x.changes_decision)), units, "");
                }
                c => {
                    let k = c - LEAD_COLUMNS - 1;
                    let x = cols.value(k, &r.likelihoods);
                    likelihood_cell(ui, &e.name, (x, r.average), &cols.names[k], palette);
                }
            }
        });
        change
    }

    /// An item's state (open, true, false) and its "ask together" tick; the state chosen, if
    /// the user changed it.
    fn state_cell(&mut self, ui: &mut egui::Ui, e: &Evidence, r: &ItemRow) -> Option<(usize, Observation)> {
        let mut change = None;
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
                // No text beside the box (the column stays narrow): the name is on hover and in
                // the accessible name.
                let c = ui
                    .checkbox(&mut ask, "")
                    .on_hover_text("Ask: count this open question in the set answered together");
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
        change
    }
}
