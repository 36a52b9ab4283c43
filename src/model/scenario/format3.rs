//! What format version 3 adds, and which of it a scenario uses (a file is written as version 3
//! only when it needs to be): the questions and their joint leaves.

use super::Scenario;
use serde::{Deserialize, Serialize};

impl Question {
    /// The essay's two questions, `why` and `how`, as generated and benchmarked scenarios ask
    /// them.
    #[must_use]
    pub fn why_and_how() -> Vec<Question> {
        [("why", "Why did they attack?"), ("how", "How was it organised?")]
            .into_iter()
            .map(|(id, name)| Question {
                id: id.into(),
                name: name.into(),
                description: String::new(),
            })
            .collect()
    }
}

/// An open question about the attack, answered by its own tree of hypotheses (version 3):
/// *why* it happened, *how* it was organised.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Stable identifier, the one top-level hypotheses give as `question`.
    pub id: String,
    /// The question as asked, e.g. "How was it organised?".
    pub name: String,
    /// What answering it involves and how long it may take.
    #[serde(default)]
    pub description: String,
}

impl Scenario {
    /// The version 3 fields this scenario uses, each named once, in the order the format
    /// document lists them.
    #[must_use]
    pub fn format3_fields(&self) -> Vec<&'static str> {
        let mut v3 = Vec::new();
        if !self.questions.is_empty() {
            v3.push("questions");
        }
        if self.hypotheses.iter().any(|h| h.question.is_some()) {
            v3.push("question (of a hypothesis)");
        }
        if self.effects.iter().any(|e| !e.when.is_empty()) {
            v3.push("when (of an effect)");
        }
        let at = |d: Option<&super::Driver>| matches!(d, Some(super::Driver::LeverAt(..)));
        if self
            .effects
            .iter()
            .any(|e| at(e.driver.as_ref()) || at(e.with.as_ref().and_then(|m| m.driver.as_ref())))
        {
            v3.push("LeverAt (a driver)");
        }
        if self.policies.iter().any(|p| !p.stages.is_empty()) {
            v3.push("stages (of a policy)");
        }
        let baselines = |f: fn(&super::Baseline) -> bool| self.baselines.iter().any(f);
        if baselines(|b| b.range.is_some()) {
            v3.push("range (of a baseline)");
        }
        if baselines(|b| b.dist != super::Dist::Triangular) {
            v3.push("dist (of a baseline)");
        }
        if baselines(|b| b.parameter.is_some()) {
            v3.push("parameter (of a baseline)");
        }
        if !self.facts.is_empty() {
            v3.push("facts");
        }
        if self.evidence.iter().any(|e| e.fact.is_some()) {
            v3.push("fact (of an evidence item)");
        }
        v3
    }

    /// The oldest format version that can say everything this scenario says (2 or 3; a
    /// version 1 file moves to 2 on saving).
    #[must_use]
    pub fn needed_version(&self) -> u32 {
        if self.format3_fields().is_empty() { 2 } else { 3 }
    }
}

impl Scenario {
    /// Number of questions: those listed, or the one implicit question.
    #[must_use]
    pub fn n_questions(&self) -> usize {
        self.questions.len().max(1)
    }

    /// The question hypothesis `h` answers: its top-level ancestor's `question` (the first if
    /// it names none, or one that does not exist; validation refuses that).
    #[must_use]
    pub fn question_of(&self, mut h: usize) -> usize {
        for _ in 0..self.hypotheses.len() {
            let Some(p) = self.hypotheses[h]
                .parent
                .as_deref()
                .and_then(|p| self.hypothesis_index(p))
            else {
                break;
            };
            h = p;
        }
        (self.hypotheses[h].question.as_deref())
            .and_then(|q| self.questions.iter().position(|x| x.id == q))
            .unwrap_or(0)
    }

    /// The name of question `q` ("Why did they attack?" when the scenario lists none).
    #[must_use]
    pub fn question_name(&self, q: usize) -> &str {
        self.questions
            .get(q)
            .map_or("Why did they attack?", |x| x.name.as_str())
    }

    /// The joint leaves: every combination of one leaf hypothesis per question, the first
    /// question's outermost, each as its hypothesis indices in question order. With one
    /// question, the leaf hypotheses in scenario order.
    #[must_use]
    pub fn joint_leaves(&self) -> Vec<Vec<usize>> {
        let leaves = self.leaf_indices();
        let mut joint: Vec<Vec<usize>> = vec![Vec::new()];
        for q in 0..self.n_questions() {
            let of_q: Vec<usize> = leaves.iter().copied().filter(|&h| self.question_of(h) == q).collect();
            joint = joint
                .into_iter()
                .flat_map(|prefix| {
                    of_q.iter().map(move |&h| {
                        let mut next = prefix.clone();
                        next.push(h);
                        next
                    })
                })
                .collect();
        }
        joint
    }

    /// The question evidence item `i` bears on: the one its likelihoods (or its fact's) name
    /// hypotheses of; the first when it names none.
    #[must_use]
    pub fn evidence_question(&self, i: usize) -> usize {
        let Some(e) = self.evidence.get(i) else { return 0 };
        let fact = e.fact.as_ref().and_then(|id| self.facts.iter().find(|f| &f.id == id));
        let keys: Vec<&String> = match fact {
            Some(f) => f.likelihoods.keys().chain(f.ratings.keys()).collect(),
            None => e.likelihoods.keys().chain(e.ratings.keys()).collect(),
        };
        (keys.into_iter())
            .find_map(|k| self.hypothesis_index(k))
            .map_or(0, |h| self.question_of(h))
    }

    /// How many joint leaves there are, without listing them (saturating).
    #[must_use]
    pub fn n_joint_leaves(&self) -> usize {
        let leaves = self.leaf_indices();
        (0..self.n_questions())
            .map(|q| leaves.iter().filter(|&&h| self.question_of(h) == q).count())
            .fold(1usize, usize::saturating_mul)
    }
}

impl Scenario {
    /// A policy's `stages` as dense settings, `[horizon * levers + lever]`, `None` where a stage
    /// sets nothing (empty when there are no stages). Unknown ids are skipped (validation
    /// refuses them).
    #[must_use]
    pub fn dense_stages(&self, stages: &super::Stages) -> Vec<Option<f64>> {
        if stages.is_empty() {
            return Vec::new();
        }
        let n = self.levers.len();
        let mut out = vec![None; n * self.horizons.len()];
        for (h, set) in stages {
            let Some(t) = self.horizon_index(h) else { continue };
            for (l, &x) in set {
                if let Some(l) = self.lever_index(l) {
                    out[t * n + l] = Some(x);
                }
            }
        }
        out
    }

    /// Dense stage settings back as a policy's `stages`, by ids (horizons with nothing set left
    /// out).
    #[must_use]
    pub fn sparse_stages(&self, dense: &[Option<f64>]) -> super::Stages {
        let n = self.levers.len();
        let mut out = super::Stages::new();
        for (slot, x) in dense.iter().enumerate() {
            if let (Some(x), Some(h), Some(l)) =
                (x, self.horizons.get(slot / n.max(1)), self.levers.get(slot % n.max(1)))
            {
                out.entry(h.id.clone()).or_default().insert(l.id.clone(), *x);
            }
        }
        out
    }

    /// The lever values the engine evaluates for `base` and dense `stages` (see [`schedule`]).
    #[must_use]
    pub fn schedule(&self, base: &[f64], stages: &[Option<f64>]) -> Vec<f64> {
        schedule(base, stages, self.horizons.len())
    }

    /// The stages a schedule holds, by ids: each lever's value from each horizon after the first
    /// where it changes (empty for plain values).
    #[must_use]
    pub fn stages_of(&self, levers: &[f64]) -> super::Stages {
        let n = self.levers.len();
        let mut out = super::Stages::new();
        if levers.len() <= n {
            return out;
        }
        for t in 1..self.horizons.len() {
            for l in 0..n {
                let (now, before) = (levers.get(t * n + l), levers.get((t - 1) * n + l));
                if let (Some(&x), Some(&y)) = (now, before)
                    && x != y
                {
                    out.entry(self.horizons[t].id.clone())
                        .or_default()
                        .insert(self.levers[l].id.clone(), x);
                }
            }
        }
        out
    }

    /// Any lever values as a full schedule, one value per lever and horizon (plain values
    /// repeat in every horizon), so that two settings compare as what they do.
    #[must_use]
    pub fn full_schedule(&self, levers: &[f64]) -> Vec<f64> {
        let n = self.levers.len();
        (0..self.horizons.len() * n)
            .map(|slot| crate::model::evaluate::Input::read_lever(slot % n.max(1), slot, levers))
            .collect()
    }

    /// Each lever whose value changes between horizons, with its plan: "Troops: 10 then 60".
    #[must_use]
    pub fn staged_plan(&self, levers: &[f64]) -> Vec<String> {
        (0..self.levers.len())
            .map(|l| (l, self.lever_plan(levers, l)))
            .filter(|(_, plan)| plan.contains(" then "))
            .map(|(l, plan)| format!("{}: {plan}", self.levers[l].name))
            .collect()
    }

    /// A named policy's schedule: its levers, staged where it says.
    #[must_use]
    pub fn policy_schedule(&self, policy: &super::Policy) -> Vec<f64> {
        self.schedule(&self.policy_levers(policy), &self.dense_stages(&policy.stages))
    }

    /// Lever `l`'s value in each horizon of `levers` (plain values or a schedule), said plainly:
    /// "5" when it never changes, "5 then 30" (or "5, 10 then 30") when it does.
    #[must_use]
    pub fn lever_plan(&self, levers: &[f64], l: usize) -> String {
        let n = self.levers.len();
        let mut values: Vec<f64> = (0..self.horizons.len())
            .map(|t| crate::model::evaluate::Input::read_lever(l, t * n + l, levers))
            .collect();
        values.dedup();
        // As many decimals as the lever's step has.
        let step = self.levers.get(l).map_or(1.0, |x| x.step);
        let digits = (0..6usize)
            .find(|&d| {
                let scaled = step * 10f64.powi(i32::try_from(d).unwrap_or(0));
                (scaled.round() - scaled).abs() < 1e-9
            })
            .unwrap_or(2);
        let words: Vec<String> = values.iter().map(|&x| crate::format::fixed(x, digits)).collect();
        match words.as_slice() {
            [] => String::new(),
            [one] => one.clone(),
            [rest @ .., last] => format!("{} then {last}", rest.join(", ")),
        }
    }
}

/// The lever values the engine evaluates: `base` (one per lever) when nothing is staged, else
/// a schedule `[horizon * levers + lever]` over `n_horizons` in which a lever's value in horizon
/// `t` is the one set by the latest stage at or before `t` (horizons in time order), else its
/// base. `stages` are dense, `[horizon * levers + lever]`, `None` where nothing is set.
#[must_use]
pub fn schedule(base: &[f64], stages: &[Option<f64>], n_horizons: usize) -> Vec<f64> {
    let n = base.len();
    if stages.iter().all(Option::is_none) || stages.len() != n * n_horizons {
        return base.to_vec();
    }
    let mut out = Vec::with_capacity(stages.len());
    for t in 0..n_horizons {
        for l in 0..n {
            let set = (0..=t).rev().find_map(|k| stages[k * n + l]);
            out.push(set.unwrap_or(base[l]));
        }
    }
    out
}
