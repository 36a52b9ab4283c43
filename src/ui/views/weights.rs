//! How much each outcome and horizon matters, and the preset's name and notes.

use crate::format::number;
use crate::model::evaluate::discounted_years;
use crate::model::scenario::{HorizonWeighting, Role};
use crate::ui::ctx::{Edit, View, ViewCtx};
use crate::ui::widgets::{choice, edit_number};
use egui::RichText;

/// Highest discount rate the slider offers (a file may give up to 1).
const MAX_DISCOUNT: f64 = 0.2;

/// Horizon weights, per year in a version 2 scenario, with the years each counts and the
/// discount rate: a present bias is a visible choice.
fn horizon_weights(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
    let s = &ctx.doc.scenario;
    let settings = ctx.settings();
    let per_year = s.horizon_weighting() == HorizonWeighting::PerYear;
    // What each horizon counts in utility, from the report (nothing counts when the settings
    // cannot be evaluated).
    let report = ctx.report().ok();
    let taus: &[f64] = report.as_ref().map_or(&[], |r| &r.evaluation.taus);
    for (i, t) in s.horizons.iter().enumerate() {
        let text = if per_year {
            format!("Weight per year of {}", t.name)
        } else {
            format!("Weight of {}", t.name)
        };
        let label = ui.label(text).on_hover_text(&t.description);
        if let Some(x) = edit_number(ui, settings.horizon_weights[i], 0.0..=MAX_WEIGHT, 0.1, label.id) {
            ctx.edit(Edit::HorizonWeight(i, x));
        }
        if per_year {
            let (a, b) = s.horizon_span(i);
            ui.label(
                RichText::new(format!(
                    "covers {} year{}, discounted to {}; counts {} in utility",
                    number(b - a),
                    if (b - a - 1.0).abs() < 1e-9 { "" } else { "s" },
                    number(discounted_years(a, b, settings.discount_rate)),
                    number(taus.get(i).copied().unwrap_or(0.0))
                ))
                .small(),
            );
        }
    }
    if per_year {
        let label = ui.label("Discount per year of later years").on_hover_text(
            "Year k counts (1 + r)^-(k - 1): 0 weighs every year the same; 0.05 makes year 5 count 82% of year 1",
        );
        if let Some(r) = edit_number(ui, settings.discount_rate, 0.0..=MAX_DISCOUNT, 0.01, label.id) {
            ctx.edit(Edit::DiscountRate(r));
        }
    }
}

/// The yardstick and what one unit of each outcome is worth in it under these weights;
/// editing a rate sets the outcome's weight.
fn exchange_rates(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
    let s = &ctx.doc.scenario;
    let settings = ctx.settings().clone();
    let names: Vec<String> = s.outcomes.iter().map(|o| o.name.clone()).collect();
    let current = settings.yardstick(s).unwrap_or(0);
    if let Some(i) = choice(ui, "Yardstick", "yardstick", &names, current) {
        ctx.edit(Edit::Numeraire(Some(i)));
    }
    let s = &ctx.doc.scenario;
    let report = match ctx.report() {
        Ok(r) => r,
        Err(e) => {
            ui.label(RichText::new(e.to_string()).color(ctx.theme.palette.worse));
            return;
        }
    };
    let units = match &report.units {
        Ok(u) => u,
        Err(e) => {
            ui.label(RichText::new(e.to_string()).color(ctx.theme.palette.worse));
            return;
        }
    };
    let model = ctx.derived.model();
    let n = &s.outcomes[units.numeraire];
    ui.label(
        RichText::new(format!(
            "With these weights one unit of each outcome counts as much as this many {} ({}). Set a rate to set the weight.",
            crate::format::in_sentence(&n.name),
            n.unit
        ))
        .small(),
    );
    let mut set = None;
    egui::Grid::new("exchange-rates").striped(true).show(ui, |ui| {
        for (o, out) in s.outcomes.iter().enumerate() {
            if o == units.numeraire || settings.value_weights[o] == 0.0 {
                continue;
            }
            let label = ui.label(format!(
                "1 {} of {}",
                out.unit.trim_end_matches("/year"),
                crate::format::in_sentence(&out.name)
            ));
            let mut rate = units.rates[o];
            let speed = rate.abs() * 0.01 + 1e-6;
            let r = ui
                .add(
                    egui::DragValue::new(&mut rate)
                        .range(0.0..=f64::MAX)
                        .speed(speed)
                        .max_decimals(6),
                )
                .labelled_by(label.id);
            if r.changed() && rate.is_finite() && rate >= 0.0 {
                set = Some((o, units.weight_for_rate(model, &settings, o, rate)));
            }
            ui.label(RichText::new(n.unit.trim_end_matches("/year")).small());
            ui.end_row();
        }
    });
    if let Some((o, w)) = set {
        ctx.edit(Edit::ValueWeight(o, w));
    }
}

/// Highest value or horizon weight a slider offers.
const MAX_WEIGHT: f64 = 5.0;

/// The value-weight panel and the preset's name and notes.
#[derive(Debug, Default)]
pub struct WeightsView;

impl View for WeightsView {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        let s = &ctx.doc.scenario;
        let settings = ctx.settings();
        egui::CollapsingHeader::new(RichText::new("How much each outcome matters").strong())
            .default_open(false)
            .show(ui, |ui| {
                ui.label(
                    RichText::new("Relative weights; 1 = as much as any other, 0 = not at all. A mechanism counts 0 unless you weigh it.")
                        .small(),
                );
                for (i, o) in s.outcomes.iter().enumerate() {
                    let what = if o.role == Role::Mechanism { " (mechanism)" } else { "" };
                    let label = ui.label(format!("Weight of {}{what}", o.name)).on_hover_text(&o.description);
                    if let Some(x) = edit_number(ui, settings.value_weights[i], 0.0..=MAX_WEIGHT, 0.1, label.id) {
                        ctx.edit(Edit::ValueWeight(i, x));
                    }
                }
                ui.separator();
                horizon_weights(ui, ctx);
            });
        egui::CollapsingHeader::new(RichText::new("Exchange rates: what the weights imply").strong())
            .default_open(false)
            .show(ui, |ui| exchange_rates(ui, ctx));
        ui.separator();
        egui::CollapsingHeader::new("Preset name and notes").show(ui, |ui| {
            let state = &ctx.doc.state;
            let mut name = state.name.clone();
            let label = ui.label("Name");
            if ui.text_edit_singleline(&mut name).labelled_by(label.id).changed() {
                ctx.edit(Edit::Name(name));
            }
            let mut notes = state.notes.clone();
            let label = ui.label("Notes");
            if ui
                .add(egui::TextEdit::multiline(&mut notes).desired_rows(3))
                .labelled_by(label.id)
                .changed()
            {
                ctx.edit(Edit::Notes(notes));
            }
        });
    }
}
