//! The analyst command line: `eval`, `policies`, `check` and `bench`.

mod bench;
pub mod json;
pub mod output;

pub use bench::{BenchResult, measure, run_benchmarks};

use crate::io::{FileError, load_document};
use crate::model::decision::Scratch;
use crate::model::document::Document;
use crate::model::evaluate::Model;
use crate::model::preset::Settings;
use crate::model::summary::{Report, report};
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

/// Motive Lab: explore how to respond to an attack when nobody knows yet why it happened.
/// With no command, opens the desktop app on the built-in Paris 2015 scenario.
#[derive(Debug, Parser)]
#[command(name = "motive-lab", version, about)]
pub struct Cli {
    /// What to do; none opens the app.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// A scenario or preset file to open in the app.
    pub file: Option<PathBuf>,
}

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned text for people.
    Table,
    /// JSON with stable keys (see docs/cli.md).
    Json,
    /// CSV, one row per outcome and horizon (eval) or per policy (policies).
    Csv,
}

/// Settings given on the command line over those in the file.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct Overrides {
    /// Credence weight of a hypothesis, relative to its siblings: `--weight h3=2`.
    #[arg(long = "weight", value_name = "ID=X")]
    pub weights: Vec<String>,
    /// Lever value: `--lever airstrikes=1200`.
    #[arg(long = "lever", value_name = "ID=X")]
    pub levers: Vec<String>,
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
}

/// Commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Expected outcomes, utilities and the decision analysis for a preset or scenario.
    Eval {
        /// A preset or scenario file (a scenario is evaluated at its defaults).
        file: PathBuf,
        /// Settings given on the command line over those in the file.
        #[command(flatten)]
        overrides: Overrides,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// The decision matrix: named policies (and the current settings) by hypotheses.
    Policies {
        /// A preset or scenario file.
        file: PathBuf,
        /// Settings given on the command line over those in the file.
        #[command(flatten)]
        overrides: Overrides,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Validate files and list every problem found.
    Check {
        /// Preset or scenario files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Time the core (and the app's frame) and print medians.
    Bench {
        /// Timed samples per measurement.
        #[arg(long, default_value_t = 200)]
        samples: usize,
    },
}

/// An error on bad input: printed to stderr, exit status 2.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// A file problem.
    #[error("{0}")]
    File(#[from] FileError),
    /// A bad override or unusable settings.
    #[error("{0}")]
    Input(String),
}

/// More benchmark lines for `bench` (the app's frame times, from a build with the GUI).
pub type ExtraBench = fn(usize) -> Vec<String>;

/// Run a command (not the GUI) and return the exit status. `extra_bench` adds lines to
/// `bench`.
#[must_use]
#[allow(clippy::print_stdout, reason = "the command line's output goes to stdout")]
pub fn run(command: &Command, extra_bench: Option<ExtraBench>) -> ExitCode {
    let result = match command {
        Command::Eval {
            file,
            overrides,
            format,
        } => load_and_report(file, overrides).and_then(|(doc, rep)| output::eval(&doc, &rep, *format)),
        Command::Policies {
            file,
            overrides,
            format,
        } => load_and_report(file, overrides).and_then(|(doc, rep)| output::policies(&doc, &rep, *format)),
        Command::Check { files } => return check(files),
        Command::Bench { samples } => {
            let samples = *samples.max(&5);
            for line in run_benchmarks(samples) {
                println!("{line}");
            }
            for line in extra_bench.map(|f| f(samples)).unwrap_or_default() {
                println!("{line}");
            }
            return ExitCode::SUCCESS;
        }
    };
    match result {
        Ok(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("motive-lab: {e}");
            ExitCode::from(2)
        }
    }
}

#[allow(clippy::print_stdout, reason = "the command line's output goes to stdout")]
fn check(files: &[PathBuf]) -> ExitCode {
    let mut failed = false;
    for f in files {
        match load_document(f) {
            Ok(doc) => {
                let s = &doc.scenario;
                println!(
                    "{}: ok ({}: {} hypotheses, {} levers, {} outcomes, {} horizons, {} effects, {} policies)",
                    f.display(),
                    s.id,
                    s.hypotheses.len(),
                    s.levers.len(),
                    s.outcomes.len(),
                    s.horizons.len(),
                    s.effects.len(),
                    s.policies.len()
                );
            }
            Err(e) => {
                failed = true;
                let n = e.problems().len();
                eprintln!("{e}");
                eprintln!("{}: {n} problem{} found", f.display(), if n == 1 { "" } else { "s" });
            }
        }
    }
    if failed { ExitCode::from(2) } else { ExitCode::SUCCESS }
}

fn parse_pair(arg: &str, flag: &str) -> Result<(String, f64), CliError> {
    let (id, x) = arg
        .split_once('=')
        .ok_or_else(|| CliError::Input(format!("--{flag} {arg}: expected ID=NUMBER, e.g. --{flag} h3=2")))?;
    let x: f64 = x
        .trim()
        .parse()
        .map_err(|_| CliError::Input(format!("--{flag} {arg}: \"{x}\" is not a number")))?;
    Ok((id.trim().to_owned(), x))
}

/// Apply command-line overrides to a document's settings.
///
/// # Errors
/// A malformed pair, an unknown id or an out-of-range value.
pub fn apply_overrides(doc: &mut Document, o: &Overrides) -> Result<(), CliError> {
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
    if let Some(r) = o.discount {
        preset.discount_rate = r;
    }
    if let Some(y) = &o.yardstick {
        preset.numeraire = Some(y.clone());
    }
    doc.state.settings = Settings::from_preset(&doc.scenario, &preset).map_err(|ps| {
        let lines: Vec<String> = ps
            .iter()
            .map(|p| format!("override {}: {}", p.path, p.message))
            .collect();
        CliError::Input(lines.join("\n"))
    })?;
    Ok(())
}

/// Load a file, apply overrides and compute the report.
///
/// # Errors
/// Bad file, bad override or unusable settings.
pub fn load_and_report(file: &std::path::Path, overrides: &Overrides) -> Result<(Document, Report), CliError> {
    let mut doc = load_document(file)?;
    // A preset made for an older revision of its scenario is evaluated, after saying what
    // changed.
    for n in &doc.notices {
        eprintln!("{}: note: {n}", file.display());
    }
    apply_overrides(&mut doc, overrides)?;
    let model = Model::new(&doc.scenario).map_err(|ps| {
        CliError::Input(
            ps.iter()
                .map(|p| format!("{}: {}", p.path, p.message))
                .collect::<Vec<_>>()
                .join("\n"),
        )
    })?;
    let rep = report(&doc.scenario, &model, &doc.state.settings, &mut Scratch::default())
        .map_err(|e| CliError::Input(format!("{}: {e}", file.display())))?;
    if let Err(e @ crate::model::units::UnitsError::WeightZero(_)) = &rep.units
        && doc.notices.is_empty()
    {
        eprintln!("{}: note: {e}", file.display());
    }
    Ok((doc, rep))
}
