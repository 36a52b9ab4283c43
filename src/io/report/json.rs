//! The JSON document `eval` and `policies` print; its keys are stable and documented in
//! docs/cli.md.

use super::leaf_ids;
use crate::model::document::Document;
use crate::model::evaluate::cell_index;
use crate::model::scenario::{Better, Role};
use crate::model::summary::Report;
use serde::Serialize;
use std::collections::BTreeMap;

/// The JSON document `eval` prints; keys are stable and documented in docs/cli.md.
#[derive(Debug, Serialize)]
pub struct EvalJson {
    /// Scenario id and title.
    pub scenario: ScenarioJson,
    /// Preset name.
    pub preset: String,
    /// The questions (version 3; absent when the scenario lists none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<super::questions::QuestionJson>,
    /// Effective weight of every hypothesis.
    pub hypotheses: Vec<HypothesisJson>,
    /// The joint leaves, every `by_hypothesis` key (version 3; absent without questions).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub joint_leaves: Vec<super::questions::JointLeafJson>,
    /// What answering each question is worth (version 3; absent without questions).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub value_of_answering: Vec<super::questions::AnsweringJson>,
    /// Value weight per outcome id and weight per horizon id used for the utilities.
    pub weights: WeightsJson,
    /// One entry per outcome and horizon.
    pub outcomes: Vec<OutcomeJson>,
    /// Utility of the current settings.
    pub utility: UtilityJson,
    /// Every candidate policy.
    pub policies: Vec<PolicyJson>,
    /// Id of the candidate with the highest expected utility.
    pub best_policy: String,
    /// Id of the candidate with the smallest maximum regret.
    pub minimax_regret_policy: String,
    /// Expected value of perfect information about the motive (utility units).
    pub evpi: f64,
    /// Where the best policy changes, per hypothesis.
    pub flip_points: Vec<FlipJson>,
    /// Utility differences in yardstick units (`null` when there is no usable yardstick).
    pub value_units: Option<ValueUnitsJson>,
    /// The verdict in words, one sentence per entry (generated from the analysis).
    pub verdict: Vec<String>,
    /// The parts of the best policy's lead over the runner-up, largest first.
    pub verdict_parts: Vec<super::lead::LeadPartJson>,
    /// For each outcome with one, the nearest value weight at which another policy is best.
    pub value_flips: Vec<super::lead::ValueFlipJson>,
    /// Whether the credences come from evidence (`hypotheses[].weight` is then the posterior).
    pub credences_from_evidence: bool,
    /// Every evidence item, by date.
    pub evidence: Vec<super::evidence::EvidenceJson>,
    /// Every fact (version 3), in scenario order, with what learning it for sure is worth.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub facts: Vec<super::evidence::FactJson>,
}

/// The yardstick and the exchange rates the value weights imply.
#[derive(Debug, Serialize)]
pub struct ValueUnitsJson {
    /// The yardstick outcome's id.
    pub numeraire: String,
    /// Its unit.
    pub unit: String,
    /// EVPI in yardstick units.
    pub evpi: f64,
    /// Yardstick units per utility point.
    pub per_utility: f64,
    /// Yardstick units one unit of each outcome is worth, by outcome id.
    pub exchange_rates: BTreeMap<String, f64>,
}

/// The value and horizon weights.
#[derive(Debug, Serialize)]
pub struct WeightsJson {
    /// How much each outcome matters, by outcome id.
    pub values: BTreeMap<String, f64>,
    /// How much each horizon matters, by horizon id (per year of it in a version 2 scenario).
    pub horizons: BTreeMap<String, f64>,
    /// Discount per year of later years.
    pub discount_rate: f64,
    /// What each horizon counts in utility, `tau_t`: its weight times its discounted years in
    /// version 2, its weight in version 1.
    pub horizons_counted: BTreeMap<String, f64>,
}

/// Scenario identity.
#[derive(Debug, Serialize)]
pub struct ScenarioJson {
    /// Id.
    pub id: String,
    /// Title.
    pub title: String,
}

/// A hypothesis's effective weight.
#[derive(Debug, Serialize)]
pub struct HypothesisJson {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Parent id, if a sub-hypothesis.
    pub parent: Option<String>,
    /// The id of the question it answers (version 3; absent without questions).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    /// Whether the evaluation runs over it (no sub-hypotheses).
    pub leaf: bool,
    /// Effective (normalised) weight: the posterior when credences come from evidence.
    pub weight: f64,
    /// The weight before the evidence (the same as `weight` when credences are set by hand).
    pub prior_weight: f64,
}

/// One outcome at one horizon.
#[derive(Debug, Serialize)]
pub struct OutcomeJson {
    /// Outcome id.
    pub id: String,
    /// Unit.
    pub unit: String,
    /// `End` (scored) or `Mechanism` (drives other outcomes).
    pub role: Role,
    /// The level mapped to value 0.
    pub worst: f64,
    /// The level mapped to value 1.
    pub best: f64,
    /// `Higher` or `Lower`.
    pub better: Better,
    /// Horizon id.
    pub horizon: String,
    /// Credence-weighted value.
    pub expected: f64,
    /// Smallest value over hypotheses with positive credence.
    pub min: f64,
    /// Largest value over hypotheses with positive credence.
    pub max: f64,
    /// Expected value with every effect at the low end of its range.
    pub expected_low: f64,
    /// Expected value with every effect at the high end of its range.
    pub expected_high: f64,
    /// Value per leaf hypothesis id.
    pub by_hypothesis: BTreeMap<String, f64>,
}

/// Utility of the current settings.
#[derive(Debug, Serialize)]
pub struct UtilityJson {
    /// Expected utility.
    pub expected: f64,
    /// Utility per leaf hypothesis id.
    pub by_hypothesis: BTreeMap<String, f64>,
}

/// One candidate policy.
#[derive(Debug, Serialize)]
pub struct PolicyJson {
    /// Id (`current` for the live settings).
    pub id: String,
    /// Name.
    pub name: String,
    /// Expected utility.
    pub expected_utility: f64,
    /// Credence-weighted regret.
    pub expected_regret: f64,
    /// Largest regret over hypotheses with positive credence.
    pub max_regret: f64,
    /// Expected regret in yardstick units (`null` without a yardstick).
    pub expected_regret_units: Option<f64>,
    /// Largest regret in yardstick units (`null` without a yardstick).
    pub max_regret_units: Option<f64>,
    /// Utility per leaf hypothesis id.
    pub by_hypothesis: BTreeMap<String, f64>,
    /// Leaf hypotheses under which this policy is best.
    pub best_under: Vec<String>,
    /// Lever values from a horizon on, where the policy is staged (version 3): horizon id to
    /// lever id to value, each where it changes; absent for an unstaged policy.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub stages: crate::model::scenario::Stages,
}

/// A flip of the best policy.
#[derive(Debug, Serialize)]
pub struct FlipToJson {
    /// The hypothesis's effective credence where the best policy changes.
    pub credence: f64,
    /// The policy that becomes best there.
    pub policy: String,
}

/// Flip points of one hypothesis.
#[derive(Debug, Serialize)]
pub struct FlipJson {
    /// Hypothesis id.
    pub hypothesis: String,
    /// Its effective credence now.
    pub credence: f64,
    /// Nearest flip below, if any.
    pub down: Option<FlipToJson>,
    /// Nearest flip above, if any.
    pub up: Option<FlipToJson>,
}

/// Build the JSON document of a report.
#[must_use]
pub fn eval_json(doc: &Document, rep: &Report) -> EvalJson {
    let s = &doc.scenario;
    let a = &rep.analysis;
    let ev = &rep.evaluation;
    let leaf_ids: Vec<String> = leaf_ids(doc);
    let model = crate::model::evaluate::Model::compile(s);
    let mut prior_weights = vec![0.0; s.hypotheses.len()];
    if model
        .hypothesis_weights(doc.state.settings.slider_credences(), &mut prior_weights)
        .is_err()
    {
        prior_weights.clone_from(&a.hypothesis_weights);
    }
    let (evidence_rows, facts) = super::evidence::evidence_json(s, &model, &doc.state.settings, rep);
    let units = rep.units.as_ref().ok();
    let per_leaf = |f: &dyn Fn(usize) -> f64| -> BTreeMap<String, f64> {
        leaf_ids.iter().enumerate().map(|(l, id)| (id.clone(), f(l))).collect()
    };
    let mut outcomes = Vec::new();
    for (o, out) in s.outcomes.iter().enumerate() {
        for (t, h) in s.horizons.iter().enumerate() {
            let cell = cell_index(s.horizons.len(), o, t);
            outcomes.push(OutcomeJson {
                id: out.id.clone(),
                unit: out.unit.clone(),
                role: out.role,
                worst: out.worst,
                best: out.best,
                better: out.better,
                horizon: h.id.clone(),
                expected: ev.expected[cell],
                min: ev.min[cell],
                max: ev.max[cell],
                expected_low: ev.expected_low[cell],
                expected_high: ev.expected_high[cell],
                by_hypothesis: per_leaf(&|l| ev.value(l, cell)),
            });
        }
    }
    let cand_id = |p: usize| rep.candidates[p].id.clone();
    let (questions, joint_leaves, value_of_answering) = super::questions::questions_json(s, &model, rep);
    let (verdict_parts, value_flips) = super::lead::lead_json(s, &model, &doc.state.settings, rep);
    EvalJson {
        verdict_parts,
        value_flips,
        questions,
        joint_leaves,
        value_of_answering,
        scenario: ScenarioJson {
            id: s.id.clone(),
            title: s.title.clone(),
        },
        preset: doc.state.name.clone(),
        hypotheses: s
            .hypotheses
            .iter()
            .enumerate()
            .map(|(i, h)| HypothesisJson {
                id: h.id.clone(),
                name: h.name.clone(),
                parent: h.parent.clone(),
                question: s.questions.get(s.question_of(i)).map(|q| q.id.clone()),
                leaf: s.is_leaf(i),
                weight: a.hypothesis_weights[i],
                prior_weight: prior_weights.get(i).copied().unwrap_or(a.hypothesis_weights[i]),
            })
            .collect(),
        weights: WeightsJson {
            values: s
                .outcomes
                .iter()
                .map(|o| o.id.clone())
                .zip(doc.state.settings.value_weights.iter().copied())
                .collect(),
            horizons: s
                .horizons
                .iter()
                .map(|h| h.id.clone())
                .zip(doc.state.settings.horizon_weights.iter().copied())
                .collect(),
            discount_rate: doc.state.settings.discount_rate,
            horizons_counted: s
                .horizons
                .iter()
                .map(|h| h.id.clone())
                .zip(rep.evaluation.taus.iter().copied())
                .collect(),
        },
        outcomes,
        utility: UtilityJson {
            expected: ev.expected_utility,
            by_hypothesis: per_leaf(&|l| ev.utility[l]),
        },
        policies: rep
            .candidates
            .iter()
            .enumerate()
            .map(|(p, c)| PolicyJson {
                id: c.id.clone(),
                name: c.name.clone(),
                expected_utility: a.expected_utility[p],
                expected_regret: a.expected_regret[p],
                max_regret: a.max_regret[p],
                expected_regret_units: units.map(|u| u.of_utility(a.expected_regret[p])),
                max_regret_units: units.map(|u| u.of_utility(a.max_regret[p])),
                by_hypothesis: per_leaf(&|l| a.utility(p, l)),
                best_under: (0..a.n_leaves)
                    .filter(|&l| a.best_by_leaf[l] == p)
                    .map(|l| leaf_ids[l].clone())
                    .collect(),
                stages: s.stages_of(&c.levers),
            })
            .collect(),
        best_policy: cand_id(a.best),
        minimax_regret_policy: cand_id(a.minimax_regret),
        evpi: a.evpi,
        flip_points: a
            .flip_points
            .iter()
            .map(|f| FlipJson {
                hypothesis: s.hypotheses[f.hypothesis].id.clone(),
                credence: f.credence,
                down: f.down.map(|d| FlipToJson {
                    credence: d.credence,
                    policy: cand_id(d.to),
                }),
                up: f.up.map(|d| FlipToJson {
                    credence: d.credence,
                    policy: cand_id(d.to),
                }),
            })
            .collect(),
        value_units: units.map(|u| ValueUnitsJson {
            numeraire: s.outcomes[u.numeraire].id.clone(),
            unit: u.unit.clone(),
            evpi: u.of_utility(a.evpi),
            per_utility: u.per_utility,
            exchange_rates: s
                .outcomes
                .iter()
                .map(|o| o.id.clone())
                .zip(u.rates.iter().copied())
                .collect(),
        }),
        verdict: crate::model::explain::verdict(s, rep)
            .into_iter()
            .chain(crate::model::lead::lead_sentences(s, &model, &doc.state.settings, rep))
            .collect(),
        credences_from_evidence: doc.state.settings.prior.is_some(),
        evidence: evidence_rows,
        facts,
    }
}
