//! Rendering a report as an aligned table, JSON with stable keys, or CSV.

use super::Format;
use crate::format::number;
use crate::model::document::Document;
use crate::model::evaluate::cell_index;
use crate::model::summary::Report;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write;

/// The JSON document `eval` prints; keys are stable and documented in docs/cli.md.
#[derive(Debug, Serialize)]
pub struct EvalJson {
    /// Scenario id and title.
    pub scenario: ScenarioJson,
    /// Preset name.
    pub preset: String,
    /// Effective weight of every hypothesis.
    pub hypotheses: Vec<HypothesisJson>,
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
}

/// The value and horizon weights.
#[derive(Debug, Serialize)]
pub struct WeightsJson {
    /// How much each outcome matters, by outcome id.
    pub values: BTreeMap<String, f64>,
    /// How much each horizon matters, by horizon id.
    pub horizons: BTreeMap<String, f64>,
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
    /// Whether the evaluation runs over it (no sub-hypotheses).
    pub leaf: bool,
    /// Effective (normalised) weight.
    pub weight: f64,
}

/// One outcome at one horizon.
#[derive(Debug, Serialize)]
pub struct OutcomeJson {
    /// Outcome id.
    pub id: String,
    /// Unit.
    pub unit: String,
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
    /// Utility per leaf hypothesis id.
    pub by_hypothesis: BTreeMap<String, f64>,
    /// Leaf hypotheses under which this policy is best.
    pub best_under: Vec<String>,
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
    let leaf_ids: Vec<&str> = leaf_ids(doc, rep);
    let per_leaf = |f: &dyn Fn(usize) -> f64| -> BTreeMap<String, f64> {
        leaf_ids
            .iter()
            .enumerate()
            .map(|(l, id)| ((*id).to_owned(), f(l)))
            .collect()
    };
    let mut outcomes = Vec::new();
    for (o, out) in s.outcomes.iter().enumerate() {
        for (t, h) in s.horizons.iter().enumerate() {
            let cell = cell_index(s.horizons.len(), o, t);
            outcomes.push(OutcomeJson {
                id: out.id.clone(),
                unit: out.unit.clone(),
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
    EvalJson {
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
                leaf: s.is_leaf(i),
                weight: a.hypothesis_weights[i],
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
                by_hypothesis: per_leaf(&|l| a.utility(p, l)),
                best_under: (0..a.n_leaves)
                    .filter(|&l| a.best_by_leaf[l] == p)
                    .map(|l| leaf_ids[l].to_owned())
                    .collect(),
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
    }
}

fn leaf_ids<'a>(doc: &'a Document, rep: &Report) -> Vec<&'a str> {
    let _ = rep;
    doc.scenario
        .leaf_indices()
        .into_iter()
        .map(|i| doc.scenario.hypotheses[i].id.as_str())
        .collect()
}

/// Render `eval` output.
///
/// # Errors
/// Only if serialisation fails.
pub fn eval(doc: &Document, rep: &Report, format: Format) -> Result<String, super::CliError> {
    match format {
        Format::Json => json(&eval_json(doc, rep)),
        Format::Csv => csv_outcomes(doc, rep),
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
        Format::Csv => csv_policies(doc, rep),
        Format::Table => Ok(matrix_table(doc, rep)),
    }
}

fn json<T: Serialize>(value: &T) -> Result<String, super::CliError> {
    let mut s = serde_json::to_string_pretty(value).map_err(|e| super::CliError::Input(e.to_string()))?;
    s.push('\n');
    Ok(s)
}

fn csv_err(e: impl std::fmt::Display) -> super::CliError {
    super::CliError::Input(format!("writing CSV: {e}"))
}

fn csv_outcomes(doc: &Document, rep: &Report) -> Result<String, super::CliError> {
    let leaves = leaf_ids(doc, rep);
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header = vec![
        "outcome",
        "unit",
        "horizon",
        "expected",
        "min",
        "max",
        "expected_low",
        "expected_high",
    ];
    header.extend(leaves.iter().copied());
    w.write_record(&header).map_err(csv_err)?;
    for o in eval_json(doc, rep).outcomes {
        let mut row = vec![o.id, o.unit, o.horizon];
        row.extend([o.expected, o.min, o.max, o.expected_low, o.expected_high].map(|x| x.to_string()));
        row.extend(
            leaves
                .iter()
                .map(|l| o.by_hypothesis.get(*l).copied().unwrap_or(f64::NAN).to_string()),
        );
        w.write_record(&row).map_err(csv_err)?;
    }
    String::from_utf8(w.into_inner().map_err(csv_err)?).map_err(csv_err)
}

fn csv_policies(doc: &Document, rep: &Report) -> Result<String, super::CliError> {
    let leaves = leaf_ids(doc, rep);
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header = vec!["policy", "name", "expected_utility", "expected_regret", "max_regret"];
    header.extend(leaves.iter().copied());
    w.write_record(&header).map_err(csv_err)?;
    for p in eval_json(doc, rep).policies {
        let mut row = vec![p.id, p.name];
        row.extend([p.expected_utility, p.expected_regret, p.max_regret].map(|x| x.to_string()));
        row.extend(
            leaves
                .iter()
                .map(|l| p.by_hypothesis.get(*l).copied().unwrap_or(f64::NAN).to_string()),
        );
        w.write_record(&row).map_err(csv_err)?;
    }
    String::from_utf8(w.into_inner().map_err(csv_err)?).map_err(csv_err)
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
        "\nExpected utility of these settings: {:.3} (0 = worst plausible, 1 = best)\n",
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
    let leaves = leaf_ids(doc, rep);
    let mut header = vec!["Policy \\ hypothesis".to_owned()];
    header.extend(leaves.iter().map(|l| (*l).to_owned()));
    header.extend(["EU".to_owned(), "E[regret]".to_owned(), "max regret".to_owned()]);
    let mut rows = vec![header];
    for p in &j.policies {
        let mut row = vec![p.name.clone()];
        row.extend(leaves.iter().map(|l| {
            let u = p.by_hypothesis.get(*l).copied().unwrap_or(f64::NAN);
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
    let mut weights = vec!["credence".to_owned()];
    weights.extend(
        j.hypotheses
            .iter()
            .filter(|h| h.leaf)
            .map(|h| format!("{:.1}% ", 100.0 * h.weight)),
    );
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
    let _ = writeln!(out, "EVPI (worth of learning the true motive): {:.4} utility", j.evpi);
    out
}
