//! Renaming an id and every reference to it, so that a rename never breaks a scenario.

use super::types::{EditError, Item};
use crate::model::scenario::{Driver, Scenario};
use std::collections::BTreeMap;

/// Give item `i` (which exists) the id `new`, and rename every reference to its old id.
///
/// # Errors
/// An empty id, or one another item of the kind has.
pub(super) fn rename(s: &mut Scenario, item: Item, i: usize, new: &str) -> Result<(), EditError> {
    let ids = item.ids(s);
    let Some(old) = ids.get(i).map(|x| (*x).to_owned()) else {
        return Err(EditError::NoField(item, "id".into()));
    };
    if old == new {
        return Ok(());
    }
    if new.trim().is_empty() || ids.contains(&new) {
        return Err(EditError::BadId(new.to_owned()));
    }
    let new = new.to_owned();
    let swap = |x: &mut String| {
        if *x == old {
            x.clone_from(&new);
        }
    };
    let swap_opt = |x: &mut Option<String>| {
        if let Some(x) = x {
            swap(x);
        }
    };
    match item {
        Item::Question => {
            s.questions[i].id.clone_from(&new);
            s.hypotheses.iter_mut().for_each(|h| swap_opt(&mut h.question));
        }
        Item::Hypothesis => {
            s.hypotheses[i].id.clone_from(&new);
            s.hypotheses.iter_mut().for_each(|h| swap_opt(&mut h.parent));
            for e in &mut s.effects {
                swap_opt(&mut e.hypothesis);
                e.when.iter_mut().for_each(swap);
            }
            s.baselines
                .iter_mut()
                .for_each(|b| rekey(&mut b.by_hypothesis, &old, &new));
            for e in &mut s.evidence {
                rekey(&mut e.likelihoods, &old, &new);
                rekey(&mut e.ratings, &old, &new);
            }
            for f in &mut s.facts {
                rekey(&mut f.likelihoods, &old, &new);
                rekey(&mut f.ratings, &old, &new);
            }
        }
        Item::Lever => {
            s.levers[i].id.clone_from(&new);
            let driver = |d: &mut Option<Driver>| {
                if let Some(Driver::Lever(l) | Driver::LeverAt(l, _)) = d {
                    swap(l);
                }
            };
            for e in &mut s.effects {
                swap_opt(&mut e.lever);
                driver(&mut e.driver);
                if let Some(w) = &mut e.with {
                    swap_opt(&mut w.lever);
                    driver(&mut w.driver);
                }
            }
            for p in &mut s.policies {
                rekey(&mut p.levers, &old, &new);
                p.stages.values_mut().for_each(|stage| rekey(stage, &old, &new));
            }
        }
        Item::Outcome => {
            s.outcomes[i].id.clone_from(&new);
            let driver = |d: &mut Option<Driver>| {
                if let Some(Driver::Outcome(o, _)) = d {
                    swap(o);
                }
            };
            s.baselines.iter_mut().for_each(|b| swap(&mut b.outcome));
            for e in &mut s.effects {
                swap(&mut e.outcome);
                driver(&mut e.driver);
                if let Some(w) = &mut e.with {
                    driver(&mut w.driver);
                }
            }
            swap_opt(&mut s.numeraire);
        }
        Item::Horizon => {
            s.horizons[i].id.clone_from(&new);
            let driver = |d: &mut Option<Driver>| {
                if let Some(Driver::Outcome(_, h) | Driver::LeverAt(_, h)) = d {
                    swap(h);
                }
            };
            s.baselines.iter_mut().for_each(|b| swap(&mut b.horizon));
            for e in &mut s.effects {
                swap(&mut e.horizon);
                driver(&mut e.driver);
                if let Some(w) = &mut e.with {
                    driver(&mut w.driver);
                }
            }
            s.policies.iter_mut().for_each(|p| rekey(&mut p.stages, &old, &new));
        }
        Item::Policy => s.policies[i].id.clone_from(&new),
        Item::Evidence => s.evidence[i].id.clone_from(&new),
        Item::Source => s.sources[i].id.clone_from(&new),
        Item::Parameter => {
            s.parameters[i].id.clone_from(&new);
            s.effects.iter_mut().for_each(|e| swap_opt(&mut e.parameter));
            s.baselines.iter_mut().for_each(|b| swap_opt(&mut b.parameter));
        }
        Item::Fact => {
            s.facts[i].id.clone_from(&new);
            s.evidence.iter_mut().for_each(|e| swap_opt(&mut e.fact));
        }
        Item::Baseline | Item::Effect => return Err(EditError::NoField(item, "id".into())),
    }
    Ok(())
}

/// Move the entry under `old` to `new`.
fn rekey<V>(map: &mut BTreeMap<String, V>, old: &str, new: &str) {
    if let Some(v) = map.remove(old) {
        map.insert(new.to_owned(), v);
    }
}
