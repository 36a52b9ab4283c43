//! The Evidence matrix's cells: the header row, an item's name, a likelihood coloured by how
//! far it is from the average, a fact's row and what observing an item is worth.

use crate::format::day;
use crate::model::evidence::EvidenceReport;
use crate::model::explain::in_units;
use crate::model::scenario::{Evidence, Scenario};
use crate::model::units::Units;
use crate::ui::theme::{Palette, TOOLTIP_WIDTH};
use crate::ui::views::columns::LeafMix;
use crate::ui::widgets::short_id;
use egui::RichText;

/// Columns before the hypotheses: state, date, worth observing.
pub const LEAD_COLUMNS: usize = 3;
/// Widest item name (cut short beyond it, whole on hover), so that the matrix with one
/// question's columns fits a 1280x800 screen.
const ITEM_NAME_WIDTH: f32 = 150.0;

/// The matrix's header row: the lead columns' names, then each theory's short id.
pub fn header_cell(ui: &mut egui::Ui, leaves: &[String], column: usize) {
    let text = match column {
        0 => "Item".to_owned(),
        1 => "State".to_owned(),
        2 => "Public".to_owned(),
        3 => "Worth".to_owned(),
        c => short_id(&leaves[c - LEAD_COLUMNS - 1]),
    };
    let r = ui.label(RichText::new(text).strong());
    if column > LEAD_COLUMNS {
        r.on_hover_text(&leaves[column - LEAD_COLUMNS - 1]);
    } else if column == LEAD_COLUMNS {
        r.on_hover_text("Worth observing: what answering the item before choosing is worth, in the yardstick's units (* when it can change the choice)");
    }
}

/// An item's name (starred if it is the one most worth answering), its description, source
/// and the reasons for its likelihoods on hover.
pub fn item_name(ui: &mut egui::Ui, e: &Evidence, most_worth: bool) {
    let star = if most_worth { "* " } else { "" };
    // A report sits indented under its fact; a long name is cut short (whole on hover).
    let indent = if e.fact.is_some() { "    " } else { "" };
    ui.set_max_width(ITEM_NAME_WIDTH);
    ui.add(egui::Label::new(RichText::new(format!("{indent}{star}{}", e.name))).truncate())
        .on_hover_ui(|ui| {
            ui.set_max_width(TOOLTIP_WIDTH);
            ui.label(RichText::new(&e.name).strong());
            ui.label(&e.description);
            ui.label(RichText::new(format!("Source: {}", e.source)).small());
            ui.label(RichText::new(format!("Why these likelihoods: {}", e.note)).small());
            if e.reliability < 1.0 {
                ui.label(RichText::new(format!("Reliability {:.1}", e.reliability)).small());
            }
            if e.fact.is_some() {
                ui.label(RichText::new("A report of the fact above: its likelihoods are the fact's, tempered by this report's reliability.").small());
            }
        });
}

/// P(item | theory), coloured by how far it is from the average P(item): green favours the
/// theory, red counts against it.
pub fn likelihood_cell(ui: &mut egui::Ui, name: &str, (x, pe): (f64, f64), column: &str, palette: Palette) {
    let strength = ((x / pe.max(1e-12)).ln().abs() / 4f64.ln()).min(1.0) as f32;
    let fill = if x >= pe { palette.better } else { palette.worse }.gamma_multiply(0.15 + 0.6 * strength);
    egui::Frame::new()
        .fill(fill)
        .inner_margin(egui::Margin::symmetric(4, 0))
        .show(ui, |ui| {
            ui.label(format!("{x:.2}"))
                .on_hover_text(format!("P({name} | {column}) = {x:.2}; on average {pe:.2}"));
        });
}

/// A fact's row: its name, how many items report it, when it was first reported, what learning
/// it for sure is worth, and its probability under each theory given its reports so far.
pub fn fact_cell(
    ui: &mut egui::Ui,
    s: &Scenario,
    ev: &EvidenceReport,
    f: usize,
    units: Option<&Units>,
    (cols, column): (&LeafMix, usize),
    palette: Palette,
) {
    let row = &ev.facts[f];
    let fact = &s.facts[row.fact];
    match column {
        0 => {
            ui.set_max_width(ITEM_NAME_WIDTH);
            ui.add(egui::Label::new(RichText::new(format!("Fact: {}", fact.name)).strong()).truncate())
                .on_hover_ui(|ui| {
                    ui.set_max_width(TOOLTIP_WIDTH);
                    ui.label(&fact.description);
                    ui.label(RichText::new(format!("Why these likelihoods: {}", fact.note)).small());
                    ui.label(RichText::new("The reports listed under it are independent given the fact, so together they move belief no further than learning the fact itself.").small());
                });
        }
        1 => {
            ui.label(format!("{} reports", row.reports.len()));
        }
        2 => {
            let first = row.reports.iter().map(|&i| s.evidence[i].date.as_str()).min();
            ui.label(first.map_or(String::new(), day));
        }
        3 => {
            let x = (row.sample.evsi, row.sample.changes_decision);
            worth_cell(
                ui,
                Some(x),
                units,
                "Learning this fact for sure, given its reports observed so far: no number of reports is worth more. ",
            );
        }
        c => {
            let k = c - LEAD_COLUMNS - 1;
            let x = cols.value(k, &row.likelihoods);
            likelihood_cell(ui, &fact.name, (x, row.average), &cols.names[k], palette);
        }
    }
}

/// What observing an item (or learning a fact) is worth, in the yardstick's units: the number,
/// marked * when it can change the choice, the words on hover; "observed" for an observed item.
pub fn worth_cell(ui: &mut egui::Ui, worth: Option<(f64, bool)>, units: Option<&Units>, what: &str) {
    let Some((evsi, changes)) = worth else {
        ui.label(RichText::new("observed").small());
        return;
    };
    let full = in_units(units, evsi);
    let short = full.split(' ').next().unwrap_or_default();
    let mark = if changes { "*" } else { "" };
    let change = if changes { ", and can change the choice" } else { "" };
    ui.label(RichText::new(format!("{short}{mark}")).small()).on_hover_text(format!(
        "{what}Expected value of sample information: what observing this before choosing is worth at the current credences: {full}{change}."
    ));
}
