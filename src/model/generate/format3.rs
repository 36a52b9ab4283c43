//! The parts of a generated scenario that format version 3 adds: two questions, effects that
//! hold only where hypotheses of both hold, and keys that name one question's hypotheses.

use crate::model::scenario::{Question, Scenario};
use arbitrary::{Result, Unstructured};

/// Most hypotheses for which a second question is drawn: it multiplies the joint leaves, and
/// a large shape would pass the limits.
const MAX_HYPOTHESES_FOR_QUESTIONS: usize = 12;

/// A second question, about a third of the time: the last top-level hypothesis (never the
/// first) and some others answer "how", each question keeping a positive prior.
pub(super) fn gen_questions(u: &mut Unstructured<'_>, s: &mut Scenario) -> Result<()> {
    let roots: Vec<usize> = (0..s.hypotheses.len())
        .filter(|&h| s.hypotheses[h].parent.is_none())
        .collect();
    if roots.len() < 2 || s.hypotheses.len() > MAX_HYPOTHESES_FOR_QUESTIONS || !u.ratio(1, 3)? {
        return Ok(());
    }
    s.questions = Question::why_and_how();
    let last = roots[roots.len() - 1];
    for &r in &roots[1..] {
        if r == last || u.ratio(1, 3)? {
            s.hypotheses[r].question = Some("how".into());
        }
    }
    let h = &mut s.hypotheses[last];
    h.prior = h.prior.max(0.5);
    Ok(())
}

/// With two questions: a quarter of the effects also hold only where a hypothesis of the other
/// question holds; every baseline's and evidence item's keys are cut to the first key's question.
pub(super) fn gen_conditions(u: &mut Unstructured<'_>, s: &mut Scenario) -> Result<()> {
    if s.questions.is_empty() {
        return Ok(());
    }
    let question = |s: &Scenario, id: &str| s.hypothesis_index(id).map(|h| s.question_of(h));
    for i in 0..s.effects.len() {
        if !u.ratio(1, 4)? {
            continue;
        }
        let pick = u.choose_index(s.hypotheses.len())?;
        let own = s.effects[i].hypothesis.as_deref().and_then(|h| question(s, h));
        if own != Some(s.question_of(pick)) {
            let id = s.hypotheses[pick].id.clone();
            s.effects[i].when.push(id);
        }
    }
    let keep = |s: &Scenario, keys: Vec<String>| -> Vec<String> {
        let first = keys.first().and_then(|k| question(s, k));
        keys.into_iter().filter(|k| question(s, k) == first).collect()
    };
    for b in 0..s.baselines.len() {
        let kept = keep(s, s.baselines[b].by_hypothesis.keys().cloned().collect());
        s.baselines[b].by_hypothesis.retain(|k, _| kept.contains(k));
    }
    for e in 0..s.evidence.len() {
        let item = &s.evidence[e];
        let kept = keep(s, item.likelihoods.keys().chain(item.ratings.keys()).cloned().collect());
        let item = &mut s.evidence[e];
        item.likelihoods.retain(|k, _| kept.contains(k));
        item.ratings.retain(|k, _| kept.contains(k));
    }
    Ok(())
}

/// Staged responses, about a quarter of the policies, where there is a later horizon: from one
/// horizon on, one lever set to another value on its grid; and a sixth of the lever drivers
/// read the lever as set for the effect's own horizon or an earlier one (`LeverAt`).
pub(super) fn gen_stages(u: &mut Unstructured<'_>, s: &mut Scenario) -> Result<()> {
    let n_h = s.horizons.len();
    if n_h < 2 {
        return Ok(());
    }
    for p in 0..s.policies.len() {
        if !u.ratio(1, 4)? {
            continue;
        }
        let h = s.horizons[u.int_in_range(1..=n_h - 1)?].id.clone();
        let l = &s.levers[u.choose_index(s.levers.len())?];
        let steps = ((l.max - l.min) / l.step).floor() as u32;
        let x = l.min + l.step * f64::from(u.int_in_range(0..=steps)?);
        let id = l.id.clone();
        s.policies[p].stages.entry(h).or_default().insert(id, x);
    }
    for e in 0..s.effects.len() {
        let Some(crate::model::scenario::Driver::Lever(l)) = s.effects[e].driver.clone() else {
            continue;
        };
        if !u.ratio(1, 6)? {
            continue;
        }
        let own = s.horizon_index(&s.effects[e].horizon).unwrap_or(0);
        let h = s.horizons[u.int_in_range(0..=own)?].id.clone();
        s.effects[e].driver = Some(crate::model::scenario::Driver::LeverAt(l, h));
    }
    Ok(())
}
