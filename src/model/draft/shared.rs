//! The edits of what an effect shares or is scaled by, and what evidence items share: an
//! effect's factor (`with`), a shared uncertain parameter, the fact an item reports. Each
//! keeps a scenario that checked checking: a parameter or fact is made from the effect or item
//! that first has it, and goes when the last one lets it go.

use super::curves::{finite_curve, move_point};
use super::types::{EditError, Item, ScenarioEdit, exists};
use crate::model::scenario::{Curve, Driver, Evidence, Fact, Modulator, Parameter, Scenario};

/// Apply one of the edits of this module. On an error nothing changes.
pub(super) fn apply_shared(s: &mut Scenario, edit: &ScenarioEdit) -> Result<(), EditError> {
    match edit {
        ScenarioEdit::Factor(i, driver) => {
            exists(s, Item::Effect, *i)?;
            let range = driver_range(s, driver);
            let e = &mut s.effects[*i];
            match &mut e.with {
                Some(w) => {
                    w.driver = Some(driver.clone());
                    w.lever = None;
                }
                None => {
                    e.with = Some(Modulator {
                        lever: None,
                        driver: Some(driver.clone()),
                        factor: Curve::Points(vec![(range.0, 1.0), (range.1, 1.0)]),
                    });
                }
            }
        }
        ScenarioEdit::FactorCurve(i, c) => {
            let w = factor(s, *i)?;
            w.factor = finite_curve(c)?;
        }
        ScenarioEdit::FactorPoint(i, k, xy) => move_point(&mut factor(s, *i)?.factor, *k, *xy)?,
        ScenarioEdit::Share(item, i, id) => {
            exists(s, *item, *i)?;
            if let Some(id) = id
                && !s.parameters.iter().any(|p| &p.id == id)
            {
                return Err(EditError::NoField(Item::Parameter, format!("\"{id}\"")));
            }
            parameter_of(s, *item, *i)?.clone_from(id);
            drop_unshared_parameters(s);
        }
        ScenarioEdit::NewParameter(item, i) => {
            exists(s, *item, *i)?;
            let id = super::add::fresh_id("shared", &Item::Parameter.ids(s));
            let name = format!("Shared uncertainty {}", s.parameters.len() + 1);
            *parameter_of(s, *item, *i)? = Some(id.clone());
            s.parameters.push(Parameter {
                id,
                name,
                description: String::new(),
                source: String::new(),
            });
            drop_unshared_parameters(s);
        }
        ScenarioEdit::Reports(e, fact) => {
            exists(s, Item::Evidence, *e)?;
            if let Some(id) = fact {
                if !s.facts.iter().any(|f| &f.id == id) {
                    return Err(EditError::NoField(Item::Fact, format!("\"{id}\"")));
                }
                let item = &mut s.evidence[*e];
                item.likelihoods.clear();
                item.ratings.clear();
                item.default_likelihood = None;
                item.fact = Some(id.clone());
            } else {
                let Some(id) = s.evidence[*e].fact.take() else {
                    return Ok(());
                };
                if let Some(f) = s.facts.iter().find(|f| f.id == id) {
                    take_judgments(&mut s.evidence[*e], &f.clone());
                }
            }
            drop_unreported_facts(s);
        }
        ScenarioEdit::NewFact(e) => {
            exists(s, Item::Evidence, *e)?;
            let id = super::add::fresh_id("fact", &Item::Fact.ids(s));
            let item = &mut s.evidence[*e];
            let fact = Fact {
                id: id.clone(),
                name: item.name.clone(),
                description: item.description.clone(),
                note: std::mem::take(&mut item.note),
                likelihoods: std::mem::take(&mut item.likelihoods),
                ratings: std::mem::take(&mut item.ratings),
                default_likelihood: item.default_likelihood.take(),
            };
            let old = item.fact.replace(id);
            if old.is_some() {
                // It reported another fact: the new one starts from that fact's judgments.
                if let Some(f) = s.facts.iter().find(|f| Some(&f.id) == old.as_ref()) {
                    let mut copy = fact;
                    copy.likelihoods.clone_from(&f.likelihoods);
                    copy.ratings.clone_from(&f.ratings);
                    copy.default_likelihood = f.default_likelihood;
                    s.facts.push(copy);
                }
            } else {
                s.facts.push(fact);
            }
            drop_unreported_facts(s);
        }
        other => return Err(EditError::NoField(Item::Effect, format!("{other:?}"))),
    }
    Ok(())
}

/// An item that reported `fact` and no longer does keeps its judgments as its own.
pub(super) fn take_judgments(item: &mut Evidence, fact: &Fact) {
    item.fact = None;
    item.likelihoods.clone_from(&fact.likelihoods);
    item.ratings.clone_from(&fact.ratings);
    item.default_likelihood = fact.default_likelihood;
}

/// Remove the shared parameters no effect or baseline uses any more (a parameter is an
/// uncertainty effects share; with none left it stands for nothing).
pub(super) fn drop_unshared_parameters(s: &mut Scenario) {
    let used: std::collections::BTreeSet<String> = (s.effects.iter().filter_map(|e| e.parameter.clone()))
        .chain(s.baselines.iter().filter_map(|b| b.parameter.clone()))
        .collect();
    s.parameters.retain(|p| used.contains(&p.id));
}

/// Remove the facts no evidence item reports (a fact stands for what its reports say).
fn drop_unreported_facts(s: &mut Scenario) {
    let reported: Vec<String> = s.evidence.iter().filter_map(|e| e.fact.clone()).collect();
    s.facts.retain(|f| reported.contains(&f.id));
}

/// Effect `i`'s factor.
fn factor(s: &mut Scenario, i: usize) -> Result<&mut Modulator, EditError> {
    exists(s, Item::Effect, i)?;
    s.effects[i]
        .with
        .as_mut()
        .ok_or_else(|| EditError::NoField(Item::Effect, "factor".into()))
}

/// The shared parameter field of an effect or baseline.
fn parameter_of(s: &mut Scenario, item: Item, i: usize) -> Result<&mut Option<String>, EditError> {
    match item {
        Item::Effect => Ok(&mut s.effects[i].parameter),
        Item::Baseline => Ok(&mut s.baselines[i].parameter),
        _ => Err(EditError::NoField(item, "parameter".into())),
    }
}

/// The range a driver's values take: a lever's from min to max, an outcome's from its best to
/// its worst (0 to 1 when that is empty).
#[must_use]
pub fn driver_range(s: &Scenario, d: &Driver) -> (f64, f64) {
    let range = match d {
        Driver::Lever(l) | Driver::LeverAt(l, _) => s.levers.iter().find(|x| &x.id == l).map(|l| (l.min, l.max)),
        Driver::Outcome(o, _) => s
            .outcomes
            .iter()
            .find(|x| &x.id == o)
            .map(|o| (o.worst.min(o.best), o.worst.max(o.best))),
    };
    range.filter(|(a, b)| b > a).unwrap_or((0.0, 1.0))
}
