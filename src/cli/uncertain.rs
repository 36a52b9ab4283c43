//! `uncertainty`, `optimise` and `export`: the Monte Carlo, the optimised settings as a preset,
//! and a file as JSON. JSON keys are documented in docs/cli.md.

use super::{CliError, Format};
use crate::format::{fixed, number, percent};
use crate::model::document::Document;
use crate::model::evaluate::Model;
use crate::model::explain::in_units;
use crate::model::scenario::Scenario;
use crate::model::uncertainty::{
    BarKind, Buffers, Design, Objective, Study, Unknown, Voi, check_samples, describe, study,
};
use crate::model::units::Units;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write;

/// The JSON document `uncertainty` prints.
#[derive(Debug, Serialize)]
pub struct UncertaintyJson {
    /// Samples drawn.
    pub samples: usize,
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

/// Load, check the sample count and run the study.
///
/// # Errors
/// A bad sample count or unusable settings.
pub fn run_study(doc: &Document, model: &Model, samples: usize, seed: u64) -> Result<Study, CliError> {
    let n = check_samples(samples).map_err(|e| CliError::Input(format!("--samples {e}")))?;
    let design = Design::new(&doc.scenario, n, seed);
    study(
        &doc.scenario,
        model,
        &doc.state.settings,
        &design,
        &mut Buffers::default(),
    )
    .map_err(|e| CliError::Input(e.to_string()))
}

fn belief_words(s: &Scenario, model: &Model, st: &Study, p: usize) -> String {
    let name = &st.candidates[p].name;
    match &st.beliefs[p] {
        Some(b) if b.distance < 0.005 => format!("{name} is best at these credences"),
        Some(b) => format!(
            "{name} becomes best if you {}",
            describe(s, model, b, &st.analysis.leaf_weights)
        ),
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
    let leaf_ids: Vec<&str> = model.leaves.iter().map(|&h| s.hypotheses[h].id.as_str()).collect();
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
                    .map(|(x, id)| ((*id).to_owned(), [x.mean, x.p5, x.p50, x.p95]))
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
    let tornado = st.lead.map(|(a, b)| {
        let lead = st.analysis.expected_utility[a] - st.analysis.expected_utility[b];
        TornadoJson {
            policy: st.candidates[a].id.clone(),
            runner_up: st.candidates[b].id.clone(),
            lead,
            lead_units: units.map(|u| u.of_utility(lead)),
            bars: st
                .tornado
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
    });
    let believe = (0..st.candidates.len())
        .map(|p| BelieveJson {
            policy: st.candidates[p].id.clone(),
            distance: st.beliefs[p].as_ref().map(|b| b.distance),
            weights: st.beliefs[p].as_ref().map(|b| {
                leaf_ids
                    .iter()
                    .zip(&b.weights)
                    .map(|(id, w)| ((*id).to_owned(), *w))
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
        samples: st.mc.samples,
        seed: st.mc.seed,
        outcomes,
        policies,
        voi,
        voi_named,
        tornado,
        believe,
        optimised,
    }
}

/// Render `uncertainty` output.
///
/// # Errors
/// Only if serialisation fails.
pub fn uncertainty(doc: &Document, model: &Model, st: &Study, format: Format) -> Result<String, CliError> {
    let units = Units::of(&doc.scenario, model, &doc.state.settings).ok();
    let json = uncertainty_json(doc, model, st, units.as_ref());
    match format {
        Format::Json => serde_json::to_string_pretty(&json)
            .map(|t| t + "\n")
            .map_err(|e| CliError::Input(e.to_string())),
        Format::Csv => {
            let mut w = csv::Writer::from_writer(Vec::new());
            let row = [
                "policy",
                "name",
                "p_best",
                "p_best_motive_averaged",
                "eu_mean",
                "eu_p5",
                "eu_p95",
                "expected_regret",
                "regret_p90",
            ];
            w.write_record(row).map_err(|e| CliError::Input(e.to_string()))?;
            for p in &json.policies {
                w.write_record([
                    p.id.clone(),
                    p.name.clone(),
                    p.p_best.to_string(),
                    p.p_best_motive_averaged.to_string(),
                    p.p_best_named.map(|x| x.to_string()).unwrap_or_default(),
                    p.eu_mean.to_string(),
                    p.eu_p5.to_string(),
                    p.eu_p95.to_string(),
                    p.expected_regret.to_string(),
                    p.regret_p90.to_string(),
                ])
                .map_err(|e| CliError::Input(e.to_string()))?;
            }
            let bytes = w.into_inner().map_err(|e| CliError::Input(e.to_string()))?;
            String::from_utf8(bytes).map_err(|e| CliError::Input(e.to_string()))
        }
        Format::Table => Ok(table(doc, st, &json, units.as_ref())),
    }
}

fn table(doc: &Document, st: &Study, json: &UncertaintyJson, units: Option<&Units>) -> String {
    let mut out = String::new();
    let named = json.voi.parameters.iter().filter(|p| p.named).count();
    let _ = writeln!(
        out,
        "{}: Monte Carlo over {} samples (Latin hypercube, seed {}); {named} named parameters and {} effects drawn alone",
        doc.scenario.id,
        number(json.samples as f64),
        json.seed,
        json.voi.parameters.len() - named
    );
    let _ = writeln!(out);
    let width = json.policies.iter().map(|p| p.name.len()).max().unwrap_or(6).max(6);
    let _ = writeln!(
        out,
        "{:width$}  {:>7}  {:>9}  {:>8}  {:>7}  {:>15}  {:>9}  {:>8}",
        "Policy", "P(best)", "(motive", "(named", "E[U]", "U 5-95%", "E[regret]", "regret"
    );
    let _ = writeln!(
        out,
        "{:width$}  {:>7}  {:>9}  {:>8}  {:>7}  {:>15}  {:>9}  {:>8}",
        "", "", "averaged)", "only)", "", "", "", "p90"
    );
    for p in &json.policies {
        let _ = writeln!(
            out,
            "{:width$}  {:>7}  {:>9}  {:>8}  {:>7}  {:>15}  {:>9}  {:>8}",
            p.name,
            percent(p.p_best),
            percent(p.p_best_motive_averaged),
            p.p_best_named.map(percent).unwrap_or_default(),
            fixed(p.eu_mean, 3),
            format!("{} to {}", fixed(p.eu_p5, 3), fixed(p.eu_p95, 3)),
            fixed(p.expected_regret, 4),
            fixed(p.regret_p90, 4)
        );
    }
    let _ = writeln!(out);
    for (title, voi) in [
        ("among the named policies", &json.voi_named),
        ("with the settings found among the choices", &json.voi),
    ] {
        let _ = writeln!(out, "What it is worth to learn, {title}:");
        let _ = writeln!(
            out,
            "  everything, motive and every effect  {}",
            in_units(units, voi.evpi_total)
        );
        let _ = writeln!(
            out,
            "  the motive alone                     {}",
            in_units(units, voi.evppi_motive)
        );
        for p in voi.parameters.iter().take(6) {
            let _ = writeln!(out, "  {:<36} {}", p.name, in_units(units, p.evppi));
        }
    }
    if let Some(t) = &json.tornado {
        let name = |id: &str| {
            st.candidates
                .iter()
                .find(|c| c.id == id)
                .map_or(id.to_owned(), |c| c.name.clone())
        };
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "Tornado: {}'s lead over {} is {} at the central values; it moves to",
            name(&t.policy),
            name(&t.runner_up),
            in_units(units, t.lead)
        );
        for b in t.bars.iter().take(10) {
            let how = if b.kind == "credence" {
                "credence -20 / +20 points"
            } else {
                "5th / 95th percentile"
            };
            let _ = writeln!(
                out,
                "  {} ({how}): {} / {}",
                b.name,
                in_units(units, b.low),
                in_units(units, b.high)
            );
        }
    }
    let _ = writeln!(out);
    let _ = writeln!(out, "What you would have to believe:");
    for b in &json.believe {
        let _ = writeln!(out, "  {}", b.words);
    }
    if !json.optimised.is_empty() {
        let _ = writeln!(out);
        let _ = writeln!(out, "Settings found by search on the lever steps:");
        for f in &st.found {
            let levers: Vec<String> = doc
                .scenario
                .levers
                .iter()
                .zip(&f.candidate.levers)
                .map(|(l, x)| format!("{} {}", l.name, number(*x)))
                .collect();
            let same = f
                .same_as
                .map(|p| format!(" (the same as {})", doc.scenario.policies[p].name))
                .unwrap_or_default();
            let _ = writeln!(out, "  {}{same}: {}", f.candidate.name, levers.join(", "));
        }
    }
    out
}
