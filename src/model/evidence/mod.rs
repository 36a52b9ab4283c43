//! Evidence: observed items move the credences by Bayes' rule, and each open item's expected
//! value of sample information says which question is worth answering first. The mathematics
//! is in `docs/file-format.md`, "Evidence".

use crate::model::evaluate::Model;
use crate::model::scenario::Scenario;

mod report;
#[cfg(test)]
mod tests;

pub use report::{EvidenceReport, ItemRow, evidence_report, evsi_of_set};

/// An item's state in a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Observation {
    /// Not known yet.
    #[default]
    Open,
    /// Observed: the item is true.
    True,
    /// Observed: the item is false.
    False,
}

impl Observation {
    /// The word used in files and on the command line.
    #[must_use]
    pub fn word(self) -> &'static str {
        match self {
            Observation::Open => "open",
            Observation::True => "true",
            Observation::False => "false",
        }
    }
    /// Read `true`, `false` or `open`.
    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim() {
            "true" => Some(Observation::True),
            "false" => Some(Observation::False),
            "open" => Some(Observation::Open),
            _ => None,
        }
    }
}

/// Why observations cannot be used.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EvidenceError {
    /// The observed items have probability 0 under every hypothesis with prior credence.
    #[error(
        "the observed evidence is impossible under every hypothesis you give credence to ({0}); set one of these items back to open"
    )]
    Impossible(String),
}

/// The scenario's evidence items resolved to leaf likelihoods.
#[derive(Debug, Clone, PartialEq)]
pub struct EvidenceModel {
    /// `P(item true | leaf)` per item, `[item][leaf]`, before reliability.
    pub likelihoods: Vec<Vec<f64>>,
    /// Reliability per item.
    pub reliability: Vec<f64>,
}

impl EvidenceModel {
    /// Resolve every item: a leaf takes the likelihood given for it, else for its nearest
    /// ancestor, else the item's default (0.5 if it has none; validation refuses that gap).
    #[must_use]
    pub fn new(scenario: &Scenario, model: &Model) -> Self {
        crate::model::work::count(|w| w.evidence += 1);
        let likelihoods = scenario
            .evidence
            .iter()
            .map(|e| {
                model
                    .leaves()
                    .iter()
                    .map(|&h| {
                        let mut at = Some(h);
                        while let Some(i) = at {
                            let id = &scenario.hypotheses[i].id;
                            if let Some(&x) = e.likelihoods.get(id) {
                                return x;
                            }
                            if let Some(r) = e.ratings.get(id) {
                                return r.likelihood();
                            }
                            at = model.parent()[i];
                        }
                        e.default_likelihood.unwrap_or(0.5)
                    })
                    .collect()
            })
            .collect();
        Self {
            likelihoods,
            reliability: scenario.evidence.iter().map(|e| e.reliability).collect(),
        }
    }

    /// Number of items.
    #[must_use]
    pub fn len(&self) -> usize {
        self.likelihoods.len()
    }

    /// Whether there are no items.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.likelihoods.is_empty()
    }

    /// `P(e)` of item `i` under leaf weights `w`, before reliability.
    #[must_use]
    fn marginal(&self, i: usize, w: &[f64]) -> f64 {
        self.likelihoods[i].iter().zip(w).map(|(l, w)| l * w).sum()
    }

    /// `P(item i true | leaf)` tempered by its reliability `r`: `r L_h + (1 - r) P(e)`, with
    /// `P(e)` under the prior leaf weights.
    #[must_use]
    pub fn tempered(&self, i: usize, prior: &[f64]) -> Vec<f64> {
        let r = self.reliability[i];
        let pe = self.marginal(i, prior);
        self.likelihoods[i].iter().map(|l| r * l + (1.0 - r) * pe).collect()
    }

    /// The likelihood of item `i`'s observed state under each leaf (1 for an open item).
    #[must_use]
    fn of_state(&self, i: usize, state: Observation, prior: &[f64]) -> Vec<f64> {
        let t = self.tempered(i, prior);
        match state {
            Observation::Open => vec![1.0; t.len()],
            Observation::True => t,
            Observation::False => t.iter().map(|l| 1.0 - l).collect(),
        }
    }

    /// The posterior leaf weights: `w_h` proportional to `prior_h` times the product of the
    /// observed items' likelihoods (conditionally independent given the hypothesis).
    ///
    /// # Errors
    /// The observations have probability 0 under every leaf with prior weight.
    pub fn posterior(
        &self,
        scenario: &Scenario,
        prior: &[f64],
        states: &[Observation],
    ) -> Result<Vec<f64>, EvidenceError> {
        let mut w = prior.to_vec();
        for (i, &state) in states.iter().enumerate().take(self.len()) {
            for (x, l) in w.iter_mut().zip(self.of_state(i, state, prior)) {
                *x *= l;
            }
        }
        let total: f64 = w.iter().sum();
        if total <= 0.0 || !total.is_finite() {
            let observed: Vec<String> = states
                .iter()
                .enumerate()
                .filter(|(_, s)| **s != Observation::Open)
                .filter_map(|(i, s)| scenario.evidence.get(i).map(|e| format!("{} {}", e.id, s.word())))
                .collect();
            return Err(EvidenceError::Impossible(observed.join(", ")));
        }
        Ok(w.iter().map(|x| x / total).collect())
    }

    /// How much item `i` separates the leaves: the spread `max_h ln L_h - min_h ln L_h` of its
    /// (tempered) log likelihoods over leaves with prior weight. 0 for an item equally likely
    /// under every hypothesis.
    #[must_use]
    pub fn diagnosticity(&self, i: usize, prior: &[f64]) -> f64 {
        let t = self.tempered(i, prior);
        let logs = t
            .iter()
            .zip(prior)
            .filter(|(_, w)| **w > 0.0)
            .map(|(l, _)| l.max(1e-300).ln());
        let (lo, hi) = logs.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), x| (a.min(x), b.max(x)));
        if hi >= lo { hi - lo } else { 0.0 }
    }

    /// The ACH inconsistency of each leaf with the observed items: the sum over observed items
    /// of `log2(max_h' L'_h' / L'_h)`, with `L'` the likelihood of the observed state: how many
    /// bits of the evidence count against the leaf, next to the leaf it fits best.
    #[must_use]
    pub fn inconsistency(&self, prior: &[f64], states: &[Observation]) -> Vec<f64> {
        let mut score = vec![0.0; prior.len()];
        for (i, &state) in states.iter().enumerate().take(self.len()) {
            if state == Observation::Open {
                continue;
            }
            let l = self.of_state(i, state, prior);
            let best = l.iter().copied().fold(0.0, f64::max);
            for (s, x) in score.iter_mut().zip(&l) {
                *s += (best / x.max(1e-300)).log2();
            }
        }
        score
    }
}

/// Credences (relative to siblings) that give these leaf weights: a leaf's weight itself, a
/// parent's the sum of its leaves'.
#[must_use]
pub fn credences_for(model: &Model, leaf_weights: &[f64]) -> Vec<f64> {
    (0..model.parent().len())
        .map(|h| {
            (0..model.leaves().len())
                .filter(|&l| model.is_under(model.leaves()[l], h))
                .map(|l| leaf_weights[l])
                .sum()
        })
        .collect()
}

/// The states of every item known by `date` (`YYYY-MM-DD`): observed true if it became public
/// on or before that day, open otherwise.
#[must_use]
pub fn known_by(scenario: &Scenario, date: &str) -> Vec<Observation> {
    scenario
        .evidence
        .iter()
        .map(|e| {
            if e.date.as_str() <= date {
                Observation::True
            } else {
                Observation::Open
            }
        })
        .collect()
}

/// The distinct dates of the scenario's items, in order.
#[must_use]
pub fn dates(scenario: &Scenario) -> Vec<String> {
    let mut d: Vec<String> = scenario.evidence.iter().map(|e| e.date.clone()).collect();
    d.sort();
    d.dedup();
    d
}

/// The value of observing some open items before choosing.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sample {
    /// Expected value of sample information, in utility units.
    pub evsi: f64,
    /// Whether some answer with positive probability changes the best candidate.
    pub changes_decision: bool,
}

/// EVSI of observing `items` together, for candidates with central utilities
/// `utility[p * leaves + l]`, at posterior leaf weights `w` (`prior` tempers reliability):
/// `sum over joint answers a of max_p sum_h w_h P(a|h) U_ph - max_p sum_h w_h U_ph`, the
/// answers' likelihoods multiplied (conditional independence). Never below 0 and never above
/// the EVPI `sum_h w_h max_p U_ph - max_p sum_h w_h U_ph`, which bound it exactly; a rounding
/// difference past either (with utilities in the millions the sums round at 1e-3) is clamped.
#[must_use]
pub fn evsi(ev: &EvidenceModel, utility: &[f64], w: &[f64], prior: &[f64], items: &[usize]) -> Sample {
    let n = w.len();
    let m = utility.len().checked_div(n).unwrap_or(0);
    if m == 0 {
        return Sample {
            evsi: 0.0,
            changes_decision: false,
        };
    }
    let eu = |x: &[f64], p: usize| (0..n).map(|l| x[l] * utility[p * n + l]).sum::<f64>();
    let best = |x: &[f64]| {
        (0..m).fold((0, f64::NEG_INFINITY), |(b, v), p| {
            let u = eu(x, p);
            if u > v { (p, u) } else { (b, v) }
        })
    };
    let (now, base) = best(w);
    let scale = utility.iter().fold(0.0f64, |s, u| s.max(u.abs()));
    // Differences of sums this large round at about this much.
    let noise = 1e-12 * (1.0 + scale);
    let evpi = (0..n)
        .map(|l| w[l] * (0..m).map(|p| utility[p * n + l]).fold(f64::NEG_INFINITY, f64::max))
        .sum::<f64>()
        - base;
    let tempered: Vec<Vec<f64>> = items.iter().map(|&i| ev.tempered(i, prior)).collect();
    let mut total = 0.0;
    let mut changes = false;
    let mut joint = vec![0.0; n];
    for answer in 0..(1usize << items.len()) {
        for (l, x) in joint.iter_mut().enumerate() {
            *x = w[l];
            for (k, t) in tempered.iter().enumerate() {
                *x *= if answer >> k & 1 == 1 { t[l] } else { 1.0 - t[l] };
            }
        }
        let (p, v) = best(&joint);
        total += v;
        if p != now && joint.iter().sum::<f64>() > 1e-12 && v > eu(&joint, now) + noise {
            changes = true;
        }
    }
    Sample {
        evsi: (total - base).clamp(0.0, evpi.max(0.0)),
        changes_decision: changes,
    }
}

/// Where the states sit on the timeline of [`dates`]: `Some(0)` with every item open, `Some(k)`
/// when they are exactly what was known by the `k`-th date (counted from 1), `None` when they
/// are not a point of the timeline.
#[must_use]
pub fn timeline_position(scenario: &Scenario, observed: &[Observation]) -> Option<usize> {
    if observed.iter().all(|o| *o == Observation::Open) {
        return Some(0);
    }
    dates(scenario)
        .iter()
        .position(|d| known_by(scenario, d) == observed)
        .map(|k| k + 1)
}

/// The states one step along the timeline from `observed` (`step` +1 later, -1 earlier): from
/// off the timeline, the step starts at the latest date by which everything observed true was
/// public. `None` past either end.
#[must_use]
pub fn timeline_step(scenario: &Scenario, observed: &[Observation], step: i64) -> Option<Vec<Observation>> {
    let d = dates(scenario);
    let at = timeline_position(scenario, observed).unwrap_or_else(|| {
        scenario
            .evidence
            .iter()
            .zip(observed)
            .filter(|(_, o)| **o == Observation::True)
            .filter_map(|(e, _)| d.iter().position(|x| *x == e.date))
            .max()
            .map_or(0, |k| k + 1)
    });
    let next = if step >= 0 {
        at.checked_add(usize::try_from(step).ok()?)?
    } else {
        at.checked_sub(usize::try_from(step.unsigned_abs()).ok()?)?
    };
    if next > d.len() {
        return None;
    }
    Some(if next == 0 {
        vec![Observation::Open; scenario.evidence.len()]
    } else {
        known_by(scenario, &d[next - 1])
    })
}
