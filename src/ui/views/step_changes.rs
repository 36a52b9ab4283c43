//! Classroom mode's account of a step: what the preset just stepped to changes from the one
//! before (levers, credences, how much each outcome and horizon matters), and the weights it
//! uses that the classroom layout does not show as sliders.

use crate::format::{number, percent};
use crate::model::document::DocState;
use crate::model::scenario::Scenario;
use crate::ui::ctx::ViewCtx;
use egui::RichText;

/// One line per setting that differs between `before` and `after`, in the order the panel
/// shows settings: credences (as shares of their group), levers, value weights, horizon weights.
#[must_use]
pub fn step_changes(
    s: &Scenario,
    shares_before: &[f64],
    shares_after: &[f64],
    before: &DocState,
    after: &DocState,
) -> Vec<String> {
    let mut lines = Vec::new();
    for (i, h) in s.hypotheses.iter().enumerate() {
        if let (Some(a), Some(b)) = (shares_before.get(i), shares_after.get(i))
            && percent(*a) != percent(*b)
        {
            lines.push(format!("{}: {} to {} of its group", h.name, percent(*a), percent(*b)));
        }
    }
    let (x, y) = (&before.settings, &after.settings);
    for (i, l) in s.levers.iter().enumerate() {
        if let (Some(a), Some(b)) = (x.levers.get(i), y.levers.get(i))
            && a != b
        {
            lines.push(format!("{}: {} to {} {}", l.name, number(*a), number(*b), l.unit));
        }
    }
    for (i, o) in s.outcomes.iter().enumerate() {
        if let (Some(a), Some(b)) = (x.value_weights.get(i), y.value_weights.get(i))
            && a != b
        {
            lines.push(format!("Weight of {}: {} to {}", o.name, number(*a), number(*b)));
        }
    }
    for (i, t) in s.horizons.iter().enumerate() {
        if let (Some(a), Some(b)) = (x.horizon_weights.get(i), y.horizon_weights.get(i))
            && a != b
        {
            lines.push(format!("Weight of {}: {} to {}", t.name, number(*a), number(*b)));
        }
    }
    lines
}

/// What the step changed and the weights the classroom layout has no sliders for, as items of
/// a wrapped row (drawn in classroom mode's header, above everything an instructor aims at).
/// Nothing is said of what did not change.
pub fn step_changes_ui(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
    let s = &ctx.doc.scenario;
    let after = &ctx.doc.state;
    if let Some(before) = ctx.session.previous_step {
        let shares_before = ctx.derived.shares(&before.settings.credences);
        let shares_after = ctx.derived.shares(&after.settings.credences);
        let lines = step_changes(s, &shares_before, &shares_after, before, after);
        if !lines.is_empty() {
            ui.label(RichText::new(format!("Changed from \"{}\":", before.name)).strong());
            for l in &lines {
                ui.label(l);
            }
        }
    }
    // The weights classroom mode has no sliders for, read-only.
    // Mechanisms never count: their weight is no choice of the preset's.
    let weights: Vec<String> = s
        .outcomes
        .iter()
        .zip(&after.settings.value_weights)
        .filter(|(o, w)| **w != 1.0 && o.role != crate::model::scenario::Role::Mechanism)
        .map(|(o, w)| format!("{} counts {}×", o.name, number(*w)))
        .chain(
            s.horizons
                .iter()
                .zip(&after.settings.horizon_weights)
                .filter(|(_, w)| **w != 1.0)
                .map(|(t, w)| format!("{} counts {}×", t.name, number(*w))),
        )
        .collect();
    if !weights.is_empty() {
        ui.label(RichText::new("This preset weighs outcomes unequally:").strong());
        for w in &weights {
            ui.label(w);
        }
    }
}
