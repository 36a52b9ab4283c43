//! The user's settings carried from a scenario to its edited version, by id: what the edit
//! kept keeps its credence, lever value, weight and evidence state; what it added starts at
//! the scenario's default.

use crate::model::scenario::Scenario;
use crate::model::settings::Settings;

/// `settings` (made for `from`) on `to`. A lever value is kept within the lever's new range.
/// Credences from evidence keep their prior here; the caller updates the posterior with the
/// new model.
#[must_use]
pub fn carry(settings: &Settings, from: &Scenario, to: &Scenario) -> Settings {
    let mut out = Settings::defaults(to);
    let index = |ids: &[&str], id: &str| ids.iter().position(|x| *x == id);
    let hyp_from: Vec<&str> = from.hypotheses.iter().map(|h| h.id.as_str()).collect();
    let lever_from: Vec<&str> = from.levers.iter().map(|l| l.id.as_str()).collect();
    let out_from: Vec<&str> = from.outcomes.iter().map(|o| o.id.as_str()).collect();
    let hz_from: Vec<&str> = from.horizons.iter().map(|h| h.id.as_str()).collect();
    let ev_from: Vec<&str> = from.evidence.iter().map(|e| e.id.as_str()).collect();
    for (i, h) in to.hypotheses.iter().enumerate() {
        if let Some(j) = index(&hyp_from, &h.id) {
            out.credences[i] = settings.credences.get(j).copied().unwrap_or(h.prior);
            if let Some(prior) = &settings.prior {
                let p = out
                    .prior
                    .get_or_insert_with(|| to.hypotheses.iter().map(|h| h.prior).collect());
                p[i] = prior.get(j).copied().unwrap_or(h.prior);
            }
        }
    }
    if settings.prior.is_some() && out.prior.is_none() {
        out.prior = Some(to.hypotheses.iter().map(|h| h.prior).collect());
    }
    for (i, l) in to.levers.iter().enumerate() {
        if let Some(x) = index(&lever_from, &l.id).and_then(|j| settings.levers.get(j)) {
            out.levers[i] = x.clamp(l.min.min(l.max), l.max.max(l.min));
        }
    }
    if !settings.stages.is_empty() {
        let (n_from, n_to) = (from.levers.len(), to.levers.len());
        let mut stages = vec![None; n_to * to.horizons.len()];
        for (t, h) in to.horizons.iter().enumerate() {
            let Some(tf) = index(&hz_from, &h.id) else { continue };
            for (l, lever) in to.levers.iter().enumerate() {
                let Some(lf) = index(&lever_from, &lever.id) else {
                    continue;
                };
                stages[t * n_to + l] = (settings.stages.get(tf * n_from + lf).copied().flatten())
                    .map(|x| x.clamp(lever.min.min(lever.max), lever.max.max(lever.min)));
            }
        }
        if stages.iter().any(Option::is_some) {
            out.stages = stages;
        }
    }
    for (i, o) in to.outcomes.iter().enumerate() {
        if let Some(w) = index(&out_from, &o.id).and_then(|j| settings.value_weights.get(j)) {
            out.value_weights[i] = *w;
        }
    }
    for (i, h) in to.horizons.iter().enumerate() {
        if let Some(w) = index(&hz_from, &h.id).and_then(|j| settings.horizon_weights.get(j)) {
            out.horizon_weights[i] = *w;
        }
    }
    for (i, e) in to.evidence.iter().enumerate() {
        if let Some(o) = index(&ev_from, &e.id).and_then(|j| settings.observed.get(j)) {
            out.observed[i] = *o;
        }
    }
    out.discount_rate = settings.discount_rate;
    out.numeraire = (settings.numeraire)
        .and_then(|o| from.outcomes.get(o))
        .and_then(|o| to.outcome_index(&o.id));
    out
}
