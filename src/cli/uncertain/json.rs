//! The JSON document `motive-lab uncertainty` prints; its keys are documented in docs/cli.md.

use crate::model::document::Document;
use crate::model::evaluate::Model;
use crate::model::scenario::Scenario;
use crate::model::uncertainty::{BarKind, Objective, Study, Unknown, Voi, describe};
use crate::model::units::Units;
use serde::Serialize;
use std::collections::BTreeMap;

/// What a study may do (see `docs/cli.md`).
#[derive(Debug, Serialize)]
pub struct BudgetJson {
    /// Work of one evaluation of one policy: leaves x (effects + baselines).
    pub evaluation_work: usize,
    /// Samples drawn.
    pub samples: usize,
    /// Evaluations the search may take per objective.
    pub search_evaluations: usize,
    /// Unknowns the tornado covers (those most worth learning).
    pub tornado_unknowns: usize,
}

/// The JSON document `uncertainty` prints.
#[derive(Debug, Serialize)]
pub struct UncertaintyJson {
    /// Samples drawn.
    pub samples: usize,
    /// What the study was allowed to do for this scenario's size.
    pub budget: BudgetJson,
    /// Seed.
    pub seed: u64,
    /// Bands of every outcome and horizon under the current settings.
    pub outcomes: Vec<BandJson>,
    /// Every candidate, named policies first, then the found settings, then the current ones.
    pub policies: Vec<PolicyStatsJson>,
    /// Value of information over every candidate (the settings found among them).
    pub voi: VoiJson,
    /// The same over the named policies alone.
    pub voi_named: VoiJson,
    /// The tornado of the best candidate's lead over the runner-up.
    pub tornado: Option<TornadoJson>,
    /// The same for the best named policy and the named runner-up.
    pub tornado_named: Option<TornadoJson>,
    /// Per candidate, the nearest credences that make it best.
    pub believe: Vec<BelieveJson>,
    /// The settings the searches found.
    pub optimised: Vec<OptimisedJson>,
}

/// Mean and percentiles of one outcome at one horizon.
#[derive(Debug, Serialize)]
pub struct BandJson {
    /// Outcome id.
    pub id: String,
    /// Horizon id.
    pub horizon: String,
    /// Mean over samples of the credence-weighted value.
    pub mean: f64,
    /// 5th percentile.
    pub p5: f64,
    /// Median.
    pub p50: f64,
    /// 95th percentile.
    pub p95: f64,
    /// The same under each leaf hypothesis, by id.
    pub by_hypothesis: BTreeMap<String, [f64; 4]>,
}

/// One candidate's Monte Carlo statistics (utility units unless named `_units`).
#[derive(Debug, Serialize)]
pub struct PolicyStatsJson {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Share of samples it is best in, the motive drawn per sample.
    pub p_best: f64,
    /// Share of samples it is best in, the motive averaged out.
    pub p_best_motive_averaged: f64,
    /// For a named policy, its share of samples best among the named policies alone.
    pub p_best_named: Option<f64>,
    /// Mean utility.
    pub eu_mean: f64,
    /// 5th percentile of utility.
    pub eu_p5: f64,
    /// 95th percentile of utility.
    pub eu_p95: f64,
    /// Expected regret.
    pub expected_regret: f64,
    /// 90th percentile of regret.
    pub regret_p90: f64,
    /// Expected regret in yardstick units (`null` without a yardstick).
    pub expected_regret_units: Option<f64>,
}

/// Value of information, utility units, and the same in yardstick units.
#[derive(Debug, Serialize)]
pub struct VoiJson {
    /// Perfect information about everything.
    pub evpi_total: f64,
    /// About the motive alone.
    pub evppi_motive: f64,
    /// About each unknown, largest first.
    pub parameters: Vec<ParameterVoiJson>,
    /// The same in yardstick units (`null` without a yardstick).
    pub units: Option<VoiUnitsJson>,
}

/// One unknown's EVPPI.
#[derive(Debug, Serialize)]
pub struct ParameterVoiJson {
    /// Parameter id, or `effect-N` for an effect drawn alone.
    pub id: String,
    /// Name.
    pub name: String,
    /// Whether the scenario names it.
    pub named: bool,
    /// EVPPI in utility units.
    pub evppi: f64,
}

/// Value of information in yardstick units.
#[derive(Debug, Serialize)]
pub struct VoiUnitsJson {
    /// The yardstick's unit.
    pub unit: String,
    /// Perfect information about everything.
    pub evpi_total: f64,
    /// About the motive.
    pub evppi_motive: f64,
    /// Per unknown, in the order of `voi.parameters`.
    pub parameters: Vec<ParameterUnitsJson>,
}

/// One unknown's EVPPI in yardstick units.
#[derive(Debug, Serialize)]
pub struct ParameterUnitsJson {
    /// Id.
    pub id: String,
    /// EVPPI in yardstick units.
    pub evppi: f64,
}

/// The tornado.
#[derive(Debug, Serialize)]
pub struct TornadoJson {
    /// The best candidate's id.
    pub policy: String,
    /// The runner-up's id.
    pub runner_up: String,
    /// The lead at the central values, utility units.
    pub lead: f64,
    /// The lead in yardstick units.
    pub lead_units: Option<f64>,
    /// Bars, largest swing first.
    pub bars: Vec<BarJson>,
}

/// One tornado bar.
#[derive(Debug, Serialize)]
pub struct BarJson {
    /// `parameter` (5th to 95th percentile) or `credence` (20 points down and up).
    pub kind: &'static str,
    /// Parameter or hypothesis id.
    pub id: String,
    /// Name.
    pub name: String,
    /// The lead at the low end.
    pub low: f64,
    /// The lead at the high end.
    pub high: f64,
}

/// What one would have to believe for a candidate to be best.
#[derive(Debug, Serialize)]
pub struct BelieveJson {
    /// Candidate id.
    pub policy: String,
    /// L1 distance of the leaf weights moved (`null` when no belief makes it best).
    pub distance: Option<f64>,
    /// The leaf weights, by id (`null` when impossible).
    pub weights: Option<BTreeMap<String, f64>>,
    /// In words.
    pub words: String,
}

/// Settings found by a search.
#[derive(Debug, Serialize)]
pub struct OptimisedJson {
    /// `best_found` or `robust_found`.
    pub id: String,
    /// `expected_utility` or `minimax_regret`.
    pub objective: &'static str,
    /// Lever values by id.
    pub levers: BTreeMap<String, f64>,
    /// The named policy with the same settings, if any.
    pub same_as: Option<String>,
}

fn belief_words(s: &Scenario, model: &Model, st: &Study, p: usize) -> String {
    let name = &st.candidates[p].name;
    match &st.beliefs[p] {
        Some(b) if b.distance < 0.005 => format!("{name} is best at these credences"),
        Some(b) => format!(
            "{name} becomes best if you {}",
            describe(s, model, b, &st.analysis.leaf_weights)
        ),
        None if model.n_questions() > 1 => {
            format!("no change of one question's credences (the others as they are) makes {name} best")
        }
        None => format!("no belief about the motive makes {name} best"),
    }
}

fn bar_name(s: &Scenario, design_names: &[(String, String)], kind: BarKind) -> (&'static str, String, String) {
    match kind {
        BarKind::Unknown(k) => ("parameter", design_names[k].0.clone(), design_names[k].1.clone()),
        BarKind::Credence(h) => ("credence", s.hypotheses[h].id.clone(), s.hypotheses[h].name.clone()),
    }
}

/// A value of information as JSON, the unknowns ranked largest first.
fn voi_json(v: &Voi, unknowns: &[Unknown], units: Option<&Units>) -> VoiJson {
    let mut ranked: Vec<usize> = (0..v.parameters.len()).collect();
    ranked.sort_by(|&a, &b| v.parameters[b].total_cmp(&v.parameters[a]));
    let parameters: Vec<ParameterVoiJson> = ranked
        .iter()
        .map(|&k| ParameterVoiJson {
            id: unknowns[k].id.clone(),
            name: unknowns[k].name.clone(),
            named: unknowns[k].named,
            evppi: v.parameters[k],
        })
        .collect();
    VoiJson {
        evpi_total: v.evpi_total,
        evppi_motive: v.evppi_motive,
        units: units.map(|u| VoiUnitsJson {
            unit: u.unit.clone(),
            evpi_total: u.of_utility(v.evpi_total),
            evppi_motive: u.of_utility(v.evppi_motive),
            parameters: parameters
                .iter()
                .map(|p| ParameterUnitsJson {
                    id: p.id.clone(),
                    evppi: u.of_utility(p.evppi),
                })
                .collect(),
        }),
        parameters,
    }
}

/// The JSON of a study.
#[must_use]
pub fn uncertainty_json(doc: &Document, model: &Model, st: &Study, units: Option<&Units>) -> UncertaintyJson {
    let s = &doc.scenario;
    let names: Vec<(String, String)> = crate::model::uncertainty::unknowns(s)
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect();
    let leaf_ids: Vec<String> = (0..model.n_leaves()).map(|l| model.leaf_id(s, l)).collect();
    let outcomes = st
        .mc
        .cells
        .iter()
        .enumerate()
        .map(|(cell, b)| {
            let (o, t) = model.outcome_horizon(cell);
            BandJson {
                id: s.outcomes[o].id.clone(),
                horizon: s.horizons[t].id.clone(),
                mean: b.expected.mean,
                p5: b.expected.p5,
                p50: b.expected.p50,
                p95: b.expected.p95,
                by_hypothesis: b
                    .by_leaf
                    .iter()
                    .zip(&leaf_ids)
                    .map(|(x, id)| (id.clone(), [x.mean, x.p5, x.p50, x.p95]))
                    .collect(),
            }
        })
        .collect();
    let policies = st
        .candidates
        .iter()
        .zip(&st.mc.policies)
        .map(|(c, p)| PolicyStatsJson {
            id: c.id.clone(),
            name: c.name.clone(),
            p_best: p.p_best,
            p_best_motive_averaged: p.p_best_motive_averaged,
            p_best_named: p.p_best_named,
            eu_mean: p.eu_mean,
            eu_p5: p.eu_p5,
            eu_p95: p.eu_p95,
            expected_regret: p.expected_regret,
            regret_p90: p.regret_p90,
            expected_regret_units: units.map(|u| u.of_utility(p.expected_regret)),
        })
        .collect();
    let unknowns = crate::model::uncertainty::unknowns(s);
    let voi = voi_json(&st.mc.voi, &unknowns, units);
    let voi_named = voi_json(&st.mc.voi_named, &unknowns, units);
    let tornado_of = |lead: Option<(usize, usize)>, bars: &[crate::model::uncertainty::Bar]| {
        lead.map(|(a, b)| {
            let lead = st.analysis.expected_utility[a] - st.analysis.expected_utility[b];
            TornadoJson {
                policy: st.candidates[a].id.clone(),
                runner_up: st.candidates[b].id.clone(),
                lead,
                lead_units: units.map(|u| u.of_utility(lead)),
                bars: bars
                    .iter()
                    .map(|bar| {
                        let (kind, id, name) = bar_name(s, &names, bar.kind);
                        BarJson {
                            kind,
                            id,
                            name,
                            low: bar.low,
                            high: bar.high,
                        }
                    })
                    .collect(),
            }
        })
    };
    let tornado = tornado_of(st.lead, &st.tornado);
    let tornado_named = tornado_of(st.lead_named, &st.tornado_named);
    let believe = (0..st.candidates.len())
        .map(|p| BelieveJson {
            policy: st.candidates[p].id.clone(),
            distance: st.beliefs[p].as_ref().map(|b| b.distance),
            weights: st.beliefs[p].as_ref().map(|b| {
                leaf_ids
                    .iter()
                    .zip(&b.weights)
                    .map(|(id, w)| (id.clone(), *w))
                    .collect()
            }),
            words: belief_words(s, model, st, p),
        })
        .collect();
    let optimised = st
        .found
        .iter()
        .map(|f| OptimisedJson {
            id: f.candidate.id.clone(),
            objective: match f.objective {
                Objective::ExpectedUtility => "expected_utility",
                Objective::MinimaxRegret => "minimax_regret",
            },
            levers: s
                .levers
                .iter()
                .zip(&f.candidate.levers)
                .map(|(l, x)| (l.id.clone(), *x))
                .collect(),
            same_as: f.same_as.map(|p| s.policies[p].id.clone()),
        })
        .collect();
    UncertaintyJson {
        budget: BudgetJson {
            evaluation_work: crate::model::uncertainty::evaluation_work(s),
            samples: st.budget.samples,
            search_evaluations: st.budget.search_evaluations,
            tornado_unknowns: st.budget.tornado_unknowns,
        },
        samples: st.mc.samples,
        seed: st.mc.seed,
        outcomes,
        policies,
        voi,
        voi_named,
        tornado,
        tornado_named,
        believe,
        optimised,
    }
}
