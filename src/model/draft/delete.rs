//! Deleting an item and what only it used, so that a deletion leaves a scenario that still
//! checks wherever it checked before.

use super::types::{Children, Item};
use crate::model::scenario::{Driver, Scenario};

/// Delete item `i` (which exists) of `item`'s kind. A lever takes its effects and its place in
/// the policies; an outcome or horizon its baselines and effects (and effects it drives); a
/// hypothesis the effects that hold only under it, its entries in baselines and evidence, and
/// its sub-hypotheses as `children` says; a question its hypotheses' link to it.
pub(super) fn delete(s: &mut Scenario, item: Item, i: usize, children: Children) {
    match item {
        Item::Question => {
            let id = s.questions.remove(i).id;
            for h in &mut s.hypotheses {
                if h.question.as_deref() == Some(id.as_str()) {
                    h.question = None;
                }
            }
        }
        Item::Hypothesis => delete_hypothesis(s, i, children),
        Item::Lever => {
            let id = s.levers.remove(i).id;

            s.effects
                .retain(|e| e.lever_id().is_none_or(|l| l != id) && !modulated_by_lever(e, &id));
            for p in &mut s.policies {
                p.levers.remove(&id);
                for stage in p.stages.values_mut() {
                    stage.remove(&id);
                }
            }
        }
        Item::Outcome => {
            let id = s.outcomes.remove(i).id;
            s.baselines.retain(|b| b.outcome != id);
            let reads = |d: &Option<Driver>| matches!(d, Some(Driver::Outcome(o, _)) if *o == id);
            s.effects
                .retain(|e| e.outcome != id && !reads(&e.driver) && !e.with.as_ref().is_some_and(|w| reads(&w.driver)));
            if s.numeraire.as_deref() == Some(id.as_str()) {
                s.numeraire = None;
            }
        }
        Item::Horizon => {
            let id = s.horizons.remove(i).id;
            s.baselines.retain(|b| b.horizon != id);
            let reads =
                |d: &Option<Driver>| matches!(d, Some(Driver::Outcome(_, h) | Driver::LeverAt(_, h)) if *h == id);
            s.effects
                .retain(|e| e.horizon != id && !reads(&e.driver) && !e.with.as_ref().is_some_and(|w| reads(&w.driver)));
            for p in &mut s.policies {
                p.stages.remove(&id);
            }
        }
        Item::Baseline => {
            s.baselines.remove(i);
        }
        Item::Effect => {
            s.effects.remove(i);
        }
        Item::Policy => {
            s.policies.remove(i);
        }
        Item::Evidence => {
            s.evidence.remove(i);
        }
        Item::Source => {
            s.sources.remove(i);
        }
        Item::Parameter => {
            // What shared it has an uncertainty of its own again.
            let id = s.parameters.remove(i).id;
            for p in
                (s.effects.iter_mut().map(|e| &mut e.parameter)).chain(s.baselines.iter_mut().map(|b| &mut b.parameter))
            {
                if p.as_deref() == Some(id.as_str()) {
                    *p = None;
                }
            }
        }
        Item::Fact => {
            // Its reports keep its judgments as their own.
            let fact = s.facts.remove(i);
            for e in s
                .evidence
                .iter_mut()
                .filter(|e| e.fact.as_deref() == Some(fact.id.as_str()))
            {
                super::shared::take_judgments(e, &fact);
            }
        }
    }
    super::shared::drop_unshared_parameters(s);
}

/// What held under the deleted `parent` holds under each of its `lifted` sub-hypotheses that
/// says nothing of its own: its effects (one copy each), its baseline values, its likelihoods
/// and ratings. A lifted sub-hypothesis so evaluates as it did.
fn inherit(s: &mut Scenario, parent: &str, lifted: &[String]) {
    fn spread<V: Clone>(map: &mut std::collections::BTreeMap<String, V>, parent: &str, lifted: &[String]) {
        if let Some(v) = map.remove(parent) {
            for h in lifted {
                map.entry(h.clone()).or_insert_with(|| v.clone());
            }
        }
    }
    if lifted.is_empty() {
        return;
    }
    let mut effects = Vec::with_capacity(s.effects.len());
    for e in s.effects.drain(..) {
        if e.hypothesis.as_deref() == Some(parent) {
            for h in lifted {
                let mut copy = e.clone();
                copy.hypothesis = Some(h.clone());
                effects.push(copy);
            }
        } else {
            effects.push(e);
        }
    }
    s.effects = effects;
    for e in &mut s.effects {
        if e.when.iter().any(|h| h == parent) {
            e.when.retain(|h| h != parent);
            e.when.extend(lifted.iter().cloned());
        }
    }
    for b in &mut s.baselines {
        spread(&mut b.by_hypothesis, parent, lifted);
    }
    for e in &mut s.evidence {
        spread(&mut e.likelihoods, parent, lifted);
        spread(&mut e.ratings, parent, lifted);
    }
    for f in &mut s.facts {
        spread(&mut f.likelihoods, parent, lifted);
        spread(&mut f.ratings, parent, lifted);
    }
}

fn modulated_by_lever(e: &crate::model::scenario::Effect, id: &str) -> bool {
    e.with.as_ref().is_some_and(|w| {
        w.lever.as_deref() == Some(id) || matches!(&w.driver, Some(Driver::Lever(l) | Driver::LeverAt(l, _)) if l == id)
    })
}

fn delete_hypothesis(s: &mut Scenario, i: usize, children: Children) {
    let gone = s.hypotheses.remove(i);
    let mut removed = vec![gone.id.clone()];
    match children {
        Children::Lift => {
            let mut lifted = Vec::new();
            for h in &mut s.hypotheses {
                if h.parent.as_deref() == Some(gone.id.as_str()) {
                    h.parent.clone_from(&gone.parent);
                    if h.parent.is_none() {
                        h.question.clone_from(&gone.question);
                    }
                    lifted.push(h.id.clone());
                }
            }
            inherit(s, &gone.id, &lifted);
        }
        Children::Delete => {
            // Every descendant, however deep.
            loop {
                let before = removed.len();
                for h in &s.hypotheses {
                    if h.parent.as_ref().is_some_and(|p| removed.contains(p)) && !removed.contains(&h.id) {
                        removed.push(h.id.clone());
                    }
                }
                if removed.len() == before {
                    break;
                }
            }
            s.hypotheses.retain(|h| !removed.contains(&h.id));
        }
    }
    s.effects
        .retain(|e| !e.hypothesis.as_ref().is_some_and(|h| removed.contains(h)));
    for e in &mut s.effects {
        e.when.retain(|h| !removed.contains(h));
    }
    for b in &mut s.baselines {
        b.by_hypothesis.retain(|h, _| !removed.contains(h));
    }
    for e in &mut s.evidence {
        e.likelihoods.retain(|h, _| !removed.contains(h));
        e.ratings.retain(|h, _| !removed.contains(h));
    }
    for f in &mut s.facts {
        f.likelihoods.retain(|h, _| !removed.contains(h));
        f.ratings.retain(|h, _| !removed.contains(h));
    }
}
