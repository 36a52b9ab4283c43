//! Rendering a report as an aligned table, JSON with stable keys (see [`crate::io::report::json`]), or CSV.

use super::Format;
use crate::format::number;
use crate::io::report::json::{FlipToJson, eval_json};
pub use crate::io::report::{csv_outcomes, csv_policies, leaf_ids};
use crate::model::document::Document;
use crate::model::summary::Report;
use serde::Serialize;
use std::fmt::Write;

/// Render `eval` output.
///
/// # Errors
/// Only if serialisation fails.
pub fn eval(doc: &Document, rep: &Report, format: Format) -> Result<String, super::CliError> {
    match format {
        Format::Json => json(&eval_json(doc, rep)),
        Format::Csv => csv_outcomes(doc, rep).map_err(super::CliError::Input),
        Format::Table => Ok(eval_table(doc, rep)),
    }
}

/// Render `policies` output.
///
/// # Errors
/// Only if serialisation fails.
pub fn policies(doc: &Document, rep: &Report, format: Format) -> Result<String, super::CliError> {
    match format {
        Format::Json => json(&eval_json(doc, rep).policies),
        Format::Csv => csv_policies(doc, rep).map_err(super::CliError::Input),
        Format::Table => Ok(matrix_table(doc, rep)),
    }
}

fn json<T: Serialize>(value: &T) -> Result<String, super::CliError> {
    let mut s = serde_json::to_string_pretty(value).map_err(|e| super::CliError::Input(e.to_string()))?;
    s.push('\n');
    Ok(s)
}

/// Columns of text, left-aligned first column, right-aligned others.
fn columns(rows: &[Vec<String>]) -> String {
    let n = rows.iter().map(Vec::len).max().unwrap_or(0);
    let width: Vec<usize> = (0..n)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| s.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for r in rows {
        let cells: Vec<String> = r
            .iter()
            .enumerate()
            .map(|(c, s)| {
                if c == 0 {
                    format!("{s:<w$}", w = width[c])
                } else {
                    format!("{s:>w$}", w = width[c])
                }
            })
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    out
}

fn eval_table(doc: &Document, rep: &Report) -> String {
    let s = &doc.scenario;
    let j = eval_json(doc, rep);
    let mut out = String::new();
    let _ = writeln!(out, "{} — preset: {}\n", s.title, doc.state.name);
    let mut rows = vec![vec!["Hypothesis".to_owned(), "credence".to_owned()]];
    for h in &j.hypotheses {
        let indent = if h.parent.is_some() { "  " } else { "" };
        rows.push(vec![format!("{indent}{}", h.name), format!("{:.1}%", 100.0 * h.weight)]);
    }
    out.push_str(&columns(&rows));
    out.push('\n');
    let mut rows = vec![vec![
        "Outcome".to_owned(),
        "horizon".to_owned(),
        "expected".to_owned(),
        "min".to_owned(),
        "max".to_owned(),
        "unit".to_owned(),
    ]];
    for o in &j.outcomes {
        let name = s
            .outcomes
            .iter()
            .find(|x| x.id == o.id)
            .map_or(o.id.as_str(), |x| x.name.as_str());
        rows.push(vec![
            name.to_owned(),
            o.horizon.clone(),
            number(o.expected),
            number(o.min),
            number(o.max),
            o.unit.clone(),
        ]);
    }
    out.push_str(&columns(&rows));
    let _ = writeln!(
        out,
        "\nExpected utility of these settings: {:.3} (0 = every outcome at its worst plausible level, 1 = at its best; past them it goes on)\n",
        j.utility.expected
    );
    out.push_str(&matrix_table(doc, rep));
    out.push_str("\nFlip points (credence at which the best policy changes, others rescaled):\n");
    let mut rows = Vec::new();
    for f in &j.flip_points {
        let show = |d: &Option<FlipToJson>| {
            d.as_ref().map_or("none".to_owned(), |d| {
                format!("{:.1}% -> {}", 100.0 * d.credence, d.policy)
            })
        };
        rows.push(vec![
            format!("  {}", f.hypothesis),
            format!("now {:.1}%", 100.0 * f.credence),
            format!("down: {}", show(&f.down)),
            format!("up: {}", show(&f.up)),
        ]);
    }
    // Text columns read best left-aligned.
    let width = |c: usize| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0);
    let widths: Vec<usize> = (0..4).map(width).collect();
    let rows: Vec<Vec<String>> = rows
        .into_iter()
        .map(|r| r.into_iter().zip(&widths).map(|(s, &w)| format!("{s:<w$}")).collect())
        .collect();
    out.push_str(&columns(&rows));
    out
}

fn matrix_table(doc: &Document, rep: &Report) -> String {
    let j = eval_json(doc, rep);
    let leaves = leaf_ids(doc);
    let mut header = vec!["Policy \\ hypothesis".to_owned()];
    header.extend(leaves.iter().cloned());
    header.extend(["EU".to_owned(), "E[regret]".to_owned(), "max regret".to_owned()]);
    let mut rows = vec![header];
    for p in &j.policies {
        let mut row = vec![p.name.clone()];
        row.extend(leaves.iter().map(|l| {
            let u = p.by_hypothesis.get(l).copied().unwrap_or(f64::NAN);
            let star = if p.best_under.iter().any(|b| b == l) { "*" } else { " " };
            format!("{u:.3}{star}")
        }));
        row.extend([
            format!("{:.3}", p.expected_utility),
            format!("{:.3}", p.expected_regret),
            format!("{:.3}", p.max_regret),
        ]);
        rows.push(row);
    }
    // The weight of each column: a leaf's, or with several questions a joint leaf's.
    let mut weights = vec!["credence".to_owned()];
    weights.extend(rep.analysis.leaf_weights.iter().map(|w| format!("{:.1}% ", 100.0 * w)));
    rows.push(weights);
    let mut out = String::from("Decision matrix: utility of each policy under each hypothesis (* = best under it)\n");
    out.push_str(&columns(&rows));
    let name = |id: &str| {
        j.policies
            .iter()
            .find(|p| p.id == id)
            .map_or(id.to_owned(), |p| p.name.clone())
    };
    let _ = writeln!(out, "\nBest by expected utility: {}", name(&j.best_policy));
    let _ = writeln!(out, "Minimax-regret choice:    {}", name(&j.minimax_regret_policy));
    let what = if j.questions.is_empty() {
        "learning the true motive"
    } else {
        "answering every question"
    };
    let _ = write!(out, "EVPI (worth of {what}): {:.4} utility", j.evpi);
    if let Some(u) = &j.value_units {
        let _ = write!(out, " = {}", crate::model::explain::amount(u.evpi, &u.unit));
    }
    out.push('\n');
    // Staged policies, said plainly.
    for (p, c) in rep.candidates.iter().enumerate() {
        for plan in doc.scenario.staged_plan(&c.levers) {
            let _ = writeln!(
                out,
                "{} is staged: {plan}",
                j.policies.get(p).map_or(c.name.as_str(), |x| x.name.as_str())
            );
        }
    }
    for line in &j.verdict {
        let _ = writeln!(out, "{line}");
    }
    out
}

/// Render `evidence`: the matrix of items by hypotheses, most diagnostic first.
#[must_use]
pub fn evidence_table(doc: &Document, rep: &Report) -> String {
    use crate::model::evidence::evidence_report;
    use crate::model::explain::in_units;
    let s = &doc.scenario;
    let model = crate::model::evaluate::Model::compile(s);
    let ev = evidence_report(s, &model, &doc.state.settings, rep);
    let units = rep.units.as_ref().ok();
    let mut out = String::new();
    if s.evidence.is_empty() {
        let _ = writeln!(out, "{}: the scenario lists no evidence items", s.id);
        return out;
    }
    let leaves = leaf_ids(doc);
    let _ = writeln!(
        out,
        "{}: {} evidence items, most diagnostic first; credences {}",
        s.id,
        s.evidence.len(),
        if doc.state.settings.prior.is_some() {
            "from the evidence"
        } else {
            "set by hand"
        }
    );
    let _ = write!(out, "{:<10} {:<6} {:<10} {:>6} ", "item", "state", "date", "diag");
    for id in &leaves {
        let _ = write!(out, "{id:>5} ");
    }
    let _ = writeln!(out, " worth observing");
    for r in &ev.rows {
        let e = &s.evidence[r.item];
        let _ = write!(
            out,
            "{:<10} {:<6} {:<10} {:>6.2} ",
            e.id.chars().take(10).collect::<String>(),
            r.state.word(),
            e.date,
            r.diagnosticity
        );
        for l in &r.likelihoods {
            let _ = write!(out, "{l:>5.2} ");
        }
        let worth = r.sample.map_or_else(
            || "(observed)".to_owned(),
            |x| {
                format!(
                    "{}{}",
                    in_units(units, x.evsi),
                    if x.changes_decision {
                        ", could change the choice"
                    } else {
                        ""
                    }
                )
            },
        );
        let mark = if ev.most_worth == Some(r.item) {
            "  <- most worth answering"
        } else {
            ""
        };
        let _ = writeln!(out, " {worth}{mark}");
    }
    let _ = write!(out, "{:<36}", "inconsistency (bits against)");
    for x in &ev.inconsistency {
        let _ = write!(out, "{x:>5.2} ");
    }
    let _ = writeln!(out);
    for f in &ev.facts {
        let _ = write!(out, "{:<36}", format!("fact {}", s.facts[f.fact].id));
        for l in &f.likelihoods {
            let _ = write!(out, "{l:>5.2} ");
        }
        let reports: Vec<&str> = f.reports.iter().map(|&i| s.evidence[i].id.as_str()).collect();
        let _ = writeln!(
            out,
            " learning it for sure: {}{}; reported by {}",
            in_units(units, f.sample.evsi),
            if f.sample.changes_decision {
                ", could change the choice"
            } else {
                ""
            },
            reports.join(", ")
        );
    }
    for r in &ev.rows {
        let e = &s.evidence[r.item];
        let reports = e
            .fact
            .as_ref()
            .map_or(String::new(), |f| format!(" (reports fact {f})"));
        let on = if s.n_questions() > 1 {
            format!(" [on: {}]", s.question_name(s.evidence_question(r.item)))
        } else {
            String::new()
        };
        let _ = writeln!(out, "  {}: {}{reports}{on}", e.id, e.name);
    }
    for f in &s.facts {
        let _ = writeln!(out, "  fact {}: {}", f.id, f.name);
    }
    out
}
