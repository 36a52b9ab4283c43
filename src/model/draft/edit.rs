//! Applying an edit to a scenario: add, delete and move items, set a field, rename an id
//! (and every reference to it). An edit that cannot be made changes nothing and says why.

use super::types::{EditError, Item, Number, ScenarioEdit, Text, exists};
use crate::model::scenario::Scenario;

/// Apply `edit` to `s`. On an error nothing is changed.
///
/// # Errors
/// An item that does not exist, a field it does not have, an id that is empty or taken, a
/// number that is not finite.
pub fn apply(s: &mut Scenario, edit: &ScenarioEdit) -> Result<(), EditError> {
    match edit {
        ScenarioEdit::Title(t) => t.clone_into(&mut s.title),
        ScenarioEdit::Summary(t) => t.clone_into(&mut s.summary),
        ScenarioEdit::Id(t) => t.clone_into(&mut s.id),
        ScenarioEdit::Locked(on) => s.locked = *on,
        ScenarioEdit::Yardstick(o) => s.numeraire.clone_from(o),
        ScenarioEdit::Revision(r) => s.revision = *r,
        ScenarioEdit::Add(item @ (Item::Parameter | Item::Fact)) => {
            return Err(EditError::NoField(
                *item,
                "a new one on its own (it is made from the effect or evidence item that first has it)".into(),
            ));
        }
        ScenarioEdit::Add(item) => super::add::add(s, *item),
        ScenarioEdit::Delete(item, i, children) => {
            exists(s, *item, *i)?;
            super::delete::delete(s, *item, *i, *children);
        }
        ScenarioEdit::Move(item, i, up) => {
            exists(s, *item, *i)?;
            let j = if *up {
                i.checked_sub(1)
            } else {
                Some(i + 1).filter(|&j| j < item.len(s))
            };
            if let Some(j) = j {
                swap(s, *item, *i, j);
            }
        }
        ScenarioEdit::Text(item, i, field, t) => {
            exists(s, *item, *i)?;
            if *field == Text::Id {
                return super::rename::rename(s, *item, *i, t);
            }
            let slot =
                text_slot(s, *item, *i, *field).ok_or_else(|| EditError::NoField(*item, format!("{field:?}")))?;
            t.clone_into(slot);
        }
        ScenarioEdit::Number(item, i, field, x) => {
            exists(s, *item, *i)?;
            if !x.is_finite() {
                return Err(EditError::NotFinite(*x));
            }
            set_number(s, *item, *i, *field, *x)?;
        }
        _ => super::fields::apply_field(s, edit)?,
    }
    // A field of a newer format (a baseline's range, a stage, a fact) moves the scenario to
    // that format, as saving would have to: the editor never leaves a version problem behind.
    s.format_version = s.format_version.max(s.needed_version());
    Ok(())
}

fn swap(s: &mut Scenario, item: Item, i: usize, j: usize) {
    match item {
        Item::Question => s.questions.swap(i, j),
        Item::Hypothesis => s.hypotheses.swap(i, j),
        Item::Lever => s.levers.swap(i, j),
        Item::Outcome => s.outcomes.swap(i, j),
        Item::Horizon => s.horizons.swap(i, j),
        Item::Baseline => s.baselines.swap(i, j),
        Item::Effect => s.effects.swap(i, j),
        Item::Policy => s.policies.swap(i, j),
        Item::Evidence => s.evidence.swap(i, j),
        Item::Source => s.sources.swap(i, j),
        Item::Parameter => s.parameters.swap(i, j),
        Item::Fact => s.facts.swap(i, j),
    }
}

fn text_slot(s: &mut Scenario, item: Item, i: usize, field: Text) -> Option<&mut String> {
    Some(match (item, field) {
        (Item::Question, Text::Name) => &mut s.questions[i].name,
        (Item::Question, Text::Description) => &mut s.questions[i].description,
        (Item::Hypothesis, Text::Name) => &mut s.hypotheses[i].name,
        (Item::Hypothesis, Text::Description) => &mut s.hypotheses[i].description,
        (Item::Hypothesis, Text::Source) => &mut s.hypotheses[i].source,
        (Item::Lever, Text::Name) => &mut s.levers[i].name,
        (Item::Lever, Text::Unit) => &mut s.levers[i].unit,
        (Item::Lever, Text::Description) => &mut s.levers[i].description,
        (Item::Outcome, Text::Name) => &mut s.outcomes[i].name,
        (Item::Outcome, Text::Unit) => &mut s.outcomes[i].unit,
        (Item::Outcome, Text::Description) => &mut s.outcomes[i].description,
        (Item::Horizon, Text::Name) => &mut s.horizons[i].name,
        (Item::Horizon, Text::Description) => &mut s.horizons[i].description,
        (Item::Baseline, Text::Note) => &mut s.baselines[i].note,
        (Item::Effect, Text::Note) => &mut s.effects[i].note,
        (Item::Policy, Text::Name) => &mut s.policies[i].name,
        (Item::Policy, Text::Description) => &mut s.policies[i].description,
        (Item::Evidence, Text::Name) => &mut s.evidence[i].name,
        (Item::Evidence, Text::Description) => &mut s.evidence[i].description,
        (Item::Evidence, Text::Source) => &mut s.evidence[i].source,
        (Item::Evidence, Text::Note) => &mut s.evidence[i].note,
        (Item::Evidence, Text::Date) => &mut s.evidence[i].date,
        (Item::Source, Text::Name) => &mut s.sources[i].citation,
        (Item::Parameter, Text::Name) => &mut s.parameters[i].name,
        (Item::Parameter, Text::Description) => &mut s.parameters[i].description,
        (Item::Parameter, Text::Source) => &mut s.parameters[i].source,
        (Item::Fact, Text::Name) => &mut s.facts[i].name,
        (Item::Fact, Text::Description) => &mut s.facts[i].description,
        (Item::Fact, Text::Note) => &mut s.facts[i].note,
        _ => return None,
    })
}

fn set_number(s: &mut Scenario, item: Item, i: usize, field: Number, x: f64) -> Result<(), EditError> {
    let range = |r: &mut (f64, f64), low: bool| {
        if low { r.0 = x } else { r.1 = x }
    };
    match (item, field) {
        (Item::Hypothesis, Number::Prior) => s.hypotheses[i].prior = x,
        (Item::Lever, Number::Min) => s.levers[i].min = x,
        (Item::Lever, Number::Max) => s.levers[i].max = x,
        (Item::Lever, Number::Step) => s.levers[i].step = x,
        (Item::Lever, Number::Default) => s.levers[i].default = x,
        (Item::Outcome, Number::Worst) => s.outcomes[i].worst = x,
        (Item::Outcome, Number::Best) => s.outcomes[i].best = x,
        (Item::Horizon, Number::Years) => s.horizons[i].years = x,
        (Item::Baseline, Number::Value) => s.baselines[i].value = x,
        (Item::Baseline, Number::Low | Number::High) => {
            let b = &mut s.baselines[i];
            // A multiplier of every level: certain at first.
            let r = b.range.get_or_insert((1.0, 1.0));
            range(r, field == Number::Low);
        }
        (Item::Effect, Number::Low | Number::High) => range(&mut s.effects[i].range, field == Number::Low),
        (Item::Evidence, Number::Reliability) => s.evidence[i].reliability = x,
        _ => return Err(EditError::NoField(item, format!("{field:?}"))),
    }
    Ok(())
}
