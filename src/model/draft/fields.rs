//! The edits of one field that is not plain text or a number: a hypothesis's parent and
//! question, an outcome's role, direction and limits, what an effect is on, holds under and is
//! driven by, its curve, a policy's levers, an evidence item's ratings.

use super::curves::{finite_curve, move_point};
use super::types::{EditError, Item, ScenarioEdit, exists};
use crate::model::scenario::{Rating, Scenario};
use std::collections::BTreeMap;

/// The least likelihood a dragged bar gives (a likelihood of 0 would rule a hypothesis out for
/// good, which a bar is too coarse to say).
pub const MIN_LIKELIHOOD: f64 = 0.01;

/// Apply one of the field edits [`super::edit::apply`] hands on. On an error nothing changes.
pub(super) fn apply_field(s: &mut Scenario, edit: &ScenarioEdit) -> Result<(), EditError> {
    match edit {
        ScenarioEdit::Parent(i, parent) => {
            exists(s, Item::Hypothesis, *i)?;
            let h = &mut s.hypotheses[*i];
            h.parent.clone_from(parent);
            // A sub-hypothesis answers its parent's question.
            if parent.is_some() {
                h.question = None;
            }
        }
        ScenarioEdit::Question(i, q) => {
            exists(s, Item::Hypothesis, *i)?;
            s.hypotheses[*i].question.clone_from(q);
        }
        ScenarioEdit::Role(i, role) => {
            exists(s, Item::Outcome, *i)?;
            s.outcomes[*i].role = *role;
        }
        ScenarioEdit::Better(i, better) => {
            exists(s, Item::Outcome, *i)?;
            s.outcomes[*i].better = *better;
        }
        ScenarioEdit::Limit(i, upper, x) => {
            exists(s, Item::Outcome, *i)?;
            if let Some(x) = x.filter(|x| !x.is_finite()) {
                return Err(EditError::NotFinite(x));
            }
            let limits = &mut s.outcomes[*i].limits;
            if *upper { limits.max = *x } else { limits.min = *x }
        }
        ScenarioEdit::Cell(item, i, horizon, id) => {
            exists(s, *item, *i)?;
            let slot = match (item, horizon) {
                (Item::Baseline, false) => &mut s.baselines[*i].outcome,
                (Item::Baseline, true) => &mut s.baselines[*i].horizon,
                (Item::Effect, false) => &mut s.effects[*i].outcome,
                (Item::Effect, true) => &mut s.effects[*i].horizon,
                _ => return Err(EditError::NoField(*item, "outcome or horizon".into())),
            };
            id.clone_into(slot);
        }
        ScenarioEdit::Under(i, h) => {
            exists(s, Item::Effect, *i)?;
            s.effects[*i].hypothesis.clone_from(h);
        }
        ScenarioEdit::When(i, hs) => {
            exists(s, Item::Effect, *i)?;
            s.effects[*i].when.clone_from(hs);
        }
        ScenarioEdit::DropFactor(i) => {
            exists(s, Item::Effect, *i)?;
            s.effects[*i].with = None;
        }
        ScenarioEdit::Level(b, h, x) => {
            exists(s, Item::Baseline, *b)?;
            if let Some(x) = x.filter(|x| !x.is_finite()) {
                return Err(EditError::NotFinite(x));
            }
            let levels = &mut s.baselines[*b].by_hypothesis;
            match x {
                Some(x) => {
                    levels.insert(h.clone(), *x);
                }
                None => {
                    levels.remove(h);
                }
            }
        }
        ScenarioEdit::Driver(i, d) => {
            exists(s, Item::Effect, *i)?;
            let e = &mut s.effects[*i];
            e.driver = Some(d.clone());
            // A format 1 lever field would name a second driver.
            e.lever = None;
        }
        ScenarioEdit::Curve(i, c) => {
            exists(s, Item::Effect, *i)?;
            s.effects[*i].curve = finite_curve(c)?;
        }
        ScenarioEdit::Point(i, k, xy) => {
            exists(s, Item::Effect, *i)?;
            move_point(&mut s.effects[*i].curve, *k, *xy)?;
        }
        ScenarioEdit::Dist(i, d) => {
            exists(s, Item::Effect, *i)?;
            s.effects[*i].dist = *d;
        }
        ScenarioEdit::PolicyLever(p, lever, x) => {
            exists(s, Item::Policy, *p)?;
            if !x.is_finite() {
                return Err(EditError::NotFinite(*x));
            }
            s.policies[*p].levers.insert(lever.clone(), *x);
        }
        ScenarioEdit::Stage(p, horizon, lever, x) => {
            exists(s, Item::Policy, *p)?;
            if let Some(x) = x.filter(|x| !x.is_finite()) {
                return Err(EditError::NotFinite(x));
            }
            let stages = &mut s.policies[*p].stages;
            match x {
                Some(x) => {
                    stages.entry(horizon.clone()).or_default().insert(lever.clone(), *x);
                }
                None => {
                    if let Some(stage) = stages.get_mut(horizon) {
                        stage.remove(lever);
                        if stage.is_empty() {
                            stages.remove(horizon);
                        }
                    }
                }
            }
        }
        ScenarioEdit::Likelihood(e, h, p) => {
            exists(s, Item::Evidence, *e)?;
            let item = &mut s.evidence[*e];
            set_likelihood((&mut item.likelihoods, &mut item.ratings), h, *p)?;
        }
        ScenarioEdit::Rating(e, h, r) => {
            exists(s, Item::Evidence, *e)?;
            let item = &mut s.evidence[*e];
            set_rating((&mut item.likelihoods, &mut item.ratings), h, *r);
        }
        ScenarioEdit::FactLikelihood(f, h, p) => {
            let fact = s
                .facts
                .get_mut(*f)
                .ok_or_else(|| EditError::NoField(Item::Evidence, format!("fact {f}")))?;
            set_likelihood((&mut fact.likelihoods, &mut fact.ratings), h, *p)?;
        }
        ScenarioEdit::FactRating(f, h, r) => {
            let fact = s
                .facts
                .get_mut(*f)
                .ok_or_else(|| EditError::NoField(Item::Evidence, format!("fact {f}")))?;
            set_rating((&mut fact.likelihoods, &mut fact.ratings), h, *r);
        }
        _ => super::shared::apply_shared(s, edit)?,
    }
    Ok(())
}

/// An item's or fact's likelihoods and ratings (it has one or the other).
type Judged<'a> = (&'a mut BTreeMap<String, f64>, &'a mut BTreeMap<String, Rating>);

/// Set (or with `None` clear) a likelihood, kept within [`MIN_LIKELIHOOD`] to 1; ratings turn
/// to likelihoods first.
fn set_likelihood((likelihoods, ratings): Judged<'_>, h: &str, p: Option<f64>) -> Result<(), EditError> {
    if let Some(p) = p.filter(|p| !p.is_finite()) {
        return Err(EditError::NotFinite(p));
    }
    let rated = std::mem::take(ratings);
    likelihoods.extend(rated.into_iter().map(|(h, r)| (h, r.likelihood())));
    match p {
        Some(p) => {
            likelihoods.insert(h.to_owned(), p.clamp(MIN_LIKELIHOOD, 1.0));
        }
        None => {
            likelihoods.remove(h);
        }
    }
    Ok(())
}

/// Set (or with `None` clear) a rating; where likelihoods are given, the rating's likelihood.
fn set_rating((likelihoods, ratings): Judged<'_>, h: &str, r: Option<Rating>) {
    match r {
        Some(r) if !likelihoods.is_empty() => {
            likelihoods.insert(h.to_owned(), r.likelihood());
        }
        Some(r) => {
            ratings.insert(h.to_owned(), r);
        }
        None => {
            likelihoods.remove(h);
            ratings.remove(h);
        }
    }
}
