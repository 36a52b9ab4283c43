//! Settings given on the command line over those in a file (`--lever airstrikes=1200`,
//! `--observe claim=true`, ...): parsed, checked against the scenario and applied through the
//! preset's own resolution, so an override is held to the same rules as the file.

use crate::model::document::Document;

/// Settings given on the command line over those in the file.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct Overrides {
    /// Credence weight of a hypothesis, relative to its siblings: `--weight h3=2`.
    #[arg(long = "weight", value_name = "ID=X")]
    pub weights: Vec<String>,
    /// Lever value: `--lever airstrikes=1200`.
    #[arg(long = "lever", value_name = "ID=X")]
    pub levers: Vec<String>,
    /// A lever's value from a horizon on (a staged response): `--stage later:troops=30`.
    #[arg(long = "stage", value_name = "HORIZON:ID=X")]
    pub stages: Vec<String>,
    /// How much an outcome matters: `--value fiscal_cost=0.5`.
    #[arg(long = "value", value_name = "ID=X")]
    pub values: Vec<String>,
    /// How much a horizon matters (per year of it in a format 2 scenario): `--horizon long=2`.
    #[arg(long = "horizon", value_name = "ID=X")]
    pub horizons: Vec<String>,
    /// Discount per year of later years: `--discount 0.03`.
    #[arg(long = "discount", value_name = "RATE")]
    pub discount: Option<f64>,
    /// The outcome differences are measured in: `--yardstick deaths_west`.
    #[arg(long = "yardstick", value_name = "OUTCOME")]
    pub yardstick: Option<String>,
    /// An evidence item observed (or open again): `--observe claim=true`. Credences then come
    /// from the evidence.
    #[arg(long = "observe", value_name = "ID=true|false|open")]
    pub observe: Vec<String>,
    /// Observe every evidence item public by this date, the rest open: `--known-by 2015-11-20`.
    #[arg(long = "known-by", value_name = "YYYY-MM-DD")]
    pub known_by: Option<String>,
}

fn parse_pair(arg: &str, flag: &str) -> Result<(String, f64), String> {
    let (id, x) = arg
        .split_once('=')
        .ok_or_else(|| format!("--{flag} {arg}: expected ID=NUMBER, e.g. --{flag} h3=2"))?;
    let x: f64 = x
        .trim()
        .parse()
        .map_err(|_| format!("--{flag} {arg}: \"{x}\" is not a number"))?;
    Ok((id.trim().to_owned(), x))
}

/// Apply command-line overrides to a document's settings.
///
/// # Errors
/// A malformed pair, an unknown id or an out-of-range value.
pub fn apply(doc: &mut Document, o: &Overrides) -> Result<(), String> {
    let mut preset = doc.to_preset();
    for (args, flag, map) in [
        (&o.weights, "weight", &mut preset.credences),
        (&o.levers, "lever", &mut preset.levers),
        (&o.values, "value", &mut preset.values),
        (&o.horizons, "horizon", &mut preset.horizons),
    ] {
        for a in args {
            let (id, x) = parse_pair(a, flag)?;
            map.insert(id, x);
        }
    }
    for a in &o.stages {
        let (horizon, pair) = a
            .split_once(':')
            .ok_or_else(|| format!("--stage {a}: expected HORIZON:LEVER=NUMBER, e.g. --stage later:troops=30"))?;
        let (id, x) = parse_pair(pair, "stage")?;
        preset
            .stages
            .entry(horizon.trim().to_owned())
            .or_default()
            .insert(id, x);
    }
    if let Some(r) = o.discount {
        preset.discount_rate = r;
    }
    if let Some(y) = &o.yardstick {
        preset.numeraire = Some(y.clone());
    }
    if let Some(date) = &o.known_by {
        if !crate::model::scenario::is_date(date) {
            return Err(format!(
                "--known-by {date}: not a date; write it as YYYY-MM-DD, e.g. 2015-11-20"
            ));
        }
        preset.observe_known_by(&doc.scenario, date);
    }
    for a in &o.observe {
        use crate::model::evidence::Observation;
        let (id, state) = a
            .split_once('=')
            .ok_or_else(|| format!("--observe {a}: expected ID=true|false|open"))?;
        let state = Observation::parse(state)
            .ok_or_else(|| format!("--observe {a}: \"{state}\" is not true, false or open"))?;
        let id = id.trim().to_owned();
        match state {
            Observation::Open => {
                preset.evidence.remove(&id);
            }
            Observation::True | Observation::False => {
                preset.evidence.insert(id, state == Observation::True);
            }
        }
        preset.credences_from_evidence = true;
    }
    doc.state.settings = preset.settings(&doc.scenario).map_err(|ps| {
        let lines: Vec<String> = ps
            .iter()
            .map(|p| format!("override {}: {}", p.path, p.message))
            .collect();
        lines.join("\n")
    })?;
    Ok(())
}
