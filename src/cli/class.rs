//! `code` and `pool`: a student's credence code, and a class's codes pooled.

use super::{CliError, Format};
use crate::io::{load_document, shipped_scenario_text};
use crate::model::class::{Brier, Class, Code, QuestionPool, pool};
use crate::model::document::Document;
use crate::model::evaluate::Model;
use crate::model::scenario::Scenario;
use serde_json::json;
use std::fmt::Write as _;
use std::path::Path;

/// The credence code of a document's credences.
pub(super) fn code(doc: &Document, model: &Model) -> String {
    Code::of(&doc.scenario, model, &doc.state.settings.credences).text() + "\n"
}

/// The scenario the codes are for: `file`'s, or the shipped scenario the first readable code
/// names.
fn scenario_of(file: Option<&Path>, codes: &[String]) -> Result<Scenario, CliError> {
    if let Some(f) = file {
        return Ok((*load_document(f)?.scenario).clone());
    }
    let id = codes
        .iter()
        .find_map(|c| Code::parse(c).ok())
        .map(|c| c.scenario)
        .ok_or_else(|| CliError::Input("no readable credence code given".to_owned()))?;
    let text = shipped_scenario_text(&id).ok_or_else(|| {
        CliError::Input(format!(
            "the codes are for \"{id}\", which is not a shipped scenario: give its file with --scenario FILE"
        ))
    })?;
    crate::io::parse_scenario(&id, text).map_err(CliError::File)
}

/// A class's codes (from the arguments and from `from`, one or more a line) pooled, with Brier
/// scores for each answer named.
pub(super) fn pool_codes(
    codes: &[String],
    from: Option<&Path>,
    scenario_file: Option<&Path>,
    answers: &[String],
    format: Format,
) -> Result<String, CliError> {
    let mut all = codes.to_vec();
    if let Some(f) = from {
        let text = crate::io::read_text(f)?;
        all.extend(
            text.lines()
                .filter(|l| !l.trim_start().starts_with('#'))
                .map(str::to_owned),
        );
    }
    let scenario = scenario_of(scenario_file, &all)?;
    let model =
        Model::new(&scenario).map_err(|ps| CliError::Input(format!("{} problems in the scenario", ps.len())))?;
    let class = Class::read(&scenario, &all.join("\n"));
    if class.is_empty() {
        return Err(CliError::Input(format!(
            "no code could be read for {}: {}",
            scenario.id,
            refused_summary(&class)
        )));
    }
    let pools = pool(&model, &class.credences);
    let answers: Vec<(usize, &QuestionPool)> = answers
        .iter()
        .map(|id| {
            let h = scenario.hypotheses.iter().position(|h| &h.id == id).ok_or_else(|| {
                CliError::Input(format!("--answer {id}: no hypothesis has this id in {}", scenario.id))
            })?;
            Ok((h, &pools[model.question_of(h)]))
        })
        .collect::<Result<_, CliError>>()?;
    Ok(match format {
        Format::Json => json_text(&scenario, &model, &class, &pools, &answers),
        Format::Table | Format::Csv => table(&scenario, &model, &class, &pools, &answers),
    })
}

fn refused_summary(class: &Class) -> String {
    let reasons: Vec<String> = class.refused.iter().map(|(c, e)| format!("{c}: {e}")).collect();
    reasons.join("; ")
}

fn pct(x: f64) -> String {
    format!("{:.1}%", 100.0 * x)
}

fn table(
    s: &Scenario,
    model: &Model,
    class: &Class,
    pools: &[QuestionPool],
    answers: &[(usize, &QuestionPool)],
) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} codes for {} ({})", class.len(), s.id, s.title);
    if !class.refused.is_empty() {
        let _ = writeln!(
            out,
            "{} refused ({} for another scenario):",
            class.refused.len(),
            class.other_scenario
        );
        for (c, e) in &class.refused {
            let _ = writeln!(out, "  {c}: {e}");
        }
    }
    let width = (s.hypotheses.iter().map(|h| h.name.chars().count()).max().unwrap_or(10)).min(48);
    for p in pools {
        let q = s.questions.get(p.question).map_or("Why?", |q| q.name.as_str());
        let _ = writeln!(out, "\n{q}");
        let _ = writeln!(
            out,
            "  {:<width$}  {:>7}  {:>7}  {:>7}  {:>7}  {:>7}",
            "answer", "linear", "log", "min", "median", "max"
        );
        for (i, &h) in p.leaves.iter().enumerate() {
            let name: String = s.hypotheses[h].name.chars().take(width).collect();
            let (lo, mid, hi) = p.spread[i];
            let _ = writeln!(
                out,
                "  {name:<width$}  {:>7}  {:>7}  {:>7}  {:>7}  {:>7}",
                pct(p.linear[i]),
                pct(p.log[i]),
                pct(lo),
                pct(mid),
                pct(hi)
            );
        }
    }
    for &(h, p) in answers {
        let b = Brier::of(model, p, h);
        let _ = writeln!(
            out,
            "\nBrier scores if the answer is {} (0 best, 2 worst): linear pool {:.3}, log pool {:.3}, students' mean {:.3}",
            s.hypotheses[h].name, b.linear, b.log, b.mean
        );
        for (c, b) in class.codes.iter().zip(&b.students) {
            let _ = writeln!(out, "  {c}  {b:.3}");
        }
    }
    out
}

fn json_text(
    s: &Scenario,
    model: &Model,
    class: &Class,
    pools: &[QuestionPool],
    answers: &[(usize, &QuestionPool)],
) -> String {
    let questions: Vec<_> = pools
        .iter()
        .map(|p| {
            json!({
                "id": s.questions.get(p.question).map_or("why", |q| q.id.as_str()),
                "leaves": p.leaves.iter().enumerate().map(|(i, &h)| json!({
                    "id": s.hypotheses[h].id,
                    "name": s.hypotheses[h].name,
                    "linear": p.linear[i],
                    "log": p.log[i],
                    "min": p.spread[i].0,
                    "median": p.spread[i].1,
                    "max": p.spread[i].2,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let answers: Vec<_> = answers
        .iter()
        .map(|&(h, p)| {
            let b = Brier::of(model, p, h);
            json!({
                "id": s.hypotheses[h].id,
                "linear_pool": b.linear,
                "log_pool": b.log,
                "mean": b.mean,
                "students": b.students,
            })
        })
        .collect();
    let v = json!({
        "scenario": s.id,
        "codes": class.codes,
        "refused": class.refused.iter().map(|(c, e)| json!({"code": c, "reason": e.to_string()})).collect::<Vec<_>>(),
        "other_scenario": class.other_scenario,
        "questions": questions,
        "brier": answers,
    });
    serde_json::to_string_pretty(&v).unwrap_or_default() + "\n"
}
