//! `uncertainty`: the Monte Carlo over every effect's range as a table, JSON or CSV.

mod json;

pub use json::{UncertaintyJson, uncertainty_json};

use super::{CliError, Format};
use crate::format::{fixed, number, percent};
use crate::model::document::Document;
use crate::model::evaluate::Model;
use crate::model::explain::in_units;
use crate::model::uncertainty::{Budget, Buffers, DEFAULT_SAMPLES, Design, Study, check_samples, study};
use crate::model::units::Units;
use std::fmt::Write;

/// Load, check the sample count and run the study (with the bands under each leaf when
/// `by_leaf`). Without a sample count, the default
/// scaled to the scenario's size (see [`Budget`]).
///
/// # Errors
/// A bad sample count or unusable settings.
pub fn run_study(
    doc: &Document,
    model: &Model,
    samples: Option<usize>,
    seed: u64,
    by_leaf: bool,
) -> Result<Study, CliError> {
    let samples = samples.unwrap_or_else(|| Budget::for_study(&doc.scenario, DEFAULT_SAMPLES).samples);
    let n = check_samples(samples).map_err(|e| CliError::Input(format!("--samples {e}")))?;
    let design = Design::new(&doc.scenario, n, seed);
    study(
        &doc.scenario,
        model,
        &doc.state.settings,
        &design,
        &mut if by_leaf {
            Buffers::by_leaf()
        } else {
            Buffers::default()
        },
    )
    .map_err(|e| CliError::Input(e.to_string()))
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
    let b = &json.budget;
    if b.samples < DEFAULT_SAMPLES {
        let _ = writeln!(
            out,
            "fewer samples than the default {} because one evaluation here is {} units of work (leaves x effects and baselines); --samples asks for more",
            number(DEFAULT_SAMPLES as f64),
            number(b.evaluation_work as f64)
        );
    }
    if b.tornado_unknowns < json.voi.parameters.len() {
        let _ = writeln!(
            out,
            "the tornado covers the {} unknowns most worth learning, of {}",
            b.tornado_unknowns,
            json.voi.parameters.len()
        );
    }
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
    for t in [&json.tornado_named, &json.tornado].into_iter().flatten() {
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
