//! The analyst command line: `eval`, `policies`, `uncertainty`, `optimise`, `export`, `check`
//! and `bench`.

mod bench;
mod check;
mod class;
mod files;
pub use crate::io::report::json;
pub use files::GenerateSize;
pub mod output;
pub mod uncertain;

pub use bench::{BenchResult, measure, run_benchmarks};

use crate::io::{FileError, load_document};
use crate::model::document::Document;
use crate::model::evaluate::EvaluationCache;
use crate::model::evaluate::Model;
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

/// Format of `export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// JSON, field names as in the RON file.
    Json,
}

pub use crate::io::overrides::Overrides;

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
    /// Monte Carlo over every effect's range: the chance each policy is best, its regret, what
    /// each unknown is worth learning, the tornado and what you would have to believe.
    Uncertainty {
        /// A preset or scenario file.
        file: PathBuf,
        /// Settings given on the command line over those in the file.
        #[command(flatten)]
        overrides: Overrides,
        /// Samples to draw (1 to 200,000; default 10,000, fewer for a scenario so large that
        /// 10,000 would take more than a few seconds).
        #[arg(long)]
        samples: Option<usize>,
        /// Seed of the samples: the same seed gives the same numbers on every machine.
        #[arg(long, default_value_t = crate::model::uncertainty::DEFAULT_SEED)]
        seed: u64,
        /// Output format (CSV: one row per policy).
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// The lever settings with the highest expected utility (or, with --robust, the least
    /// maximum regret) on the levers' steps, printed as a preset that can be saved and opened.
    Optimise {
        /// A preset or scenario file.
        file: PathBuf,
        /// Settings given on the command line over those in the file.
        #[command(flatten)]
        overrides: Overrides,
        /// Minimise the maximum regret across hypotheses instead.
        #[arg(long)]
        robust: bool,
        /// Search staged settings: each lever's value in each horizon on its own.
        #[arg(long)]
        staged: bool,
    },
    /// Write a scenario or preset as JSON with the file's own field names.
    Export {
        /// A preset or scenario file.
        file: PathBuf,
        /// Output format (JSON only).
        #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
        format: ExportFormat,
    },
    /// The evidence matrix: each item's likelihood under each hypothesis, its diagnosticity,
    /// its state and, for an open item, what observing it is worth.
    Evidence {
        /// A preset or scenario file.
        file: PathBuf,
        /// Settings given on the command line over those in the file.
        #[command(flatten)]
        overrides: Overrides,
    },
    /// Validate files and list every problem found.
    Check {
        /// Preset or scenario files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Exit with status 1 when a file that loads gives any note on opening (an id of an
        /// older revision dropped or renamed, a revision notice).
        #[arg(long)]
        strict: bool,
    },
    /// Print a generated scenario, valid but meaningless, for testing: a small one as fuzzing
    /// starts from, or a large one near the limits of what stays responsive.
    Generate {
        /// How big.
        #[arg(long, value_enum, default_value_t = GenerateSize::Small)]
        size: GenerateSize,
        /// Seed: the same seed gives the same scenario.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// The credence code of a file's credences: a short text a student copies and an
    /// instructor pastes into the Class panel or gives to `pool`.
    Code {
        /// A preset or scenario file.
        file: PathBuf,
        /// Settings given on the command line over those in the file.
        #[command(flatten)]
        overrides: Overrides,
    },
    /// A class's credence codes pooled: per answer the linear and logarithmic pools and how
    /// spread the class is, and with --answer each student's Brier score and the class's.
    Pool {
        /// Credence codes (more can come from --from).
        codes: Vec<String>,
        /// A text file of codes, one or more a line (lines starting with # are skipped).
        #[arg(long, value_name = "FILE")]
        from: Option<PathBuf>,
        /// The scenario the codes are for, when it is not a shipped one.
        #[arg(long, value_name = "FILE")]
        scenario: Option<PathBuf>,
        /// A hypothesis the later record supports: Brier scores against it (repeatable, one
        /// per question).
        #[arg(long = "answer", value_name = "ID")]
        answers: Vec<String>,
        /// Output format (table or json).
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Print a scenario file in the canonical layout (the one the app's editor saves): the
    /// same scenario, every number read back to the same bits, comments dropped.
    Fmt {
        /// A scenario file.
        file: PathBuf,
        /// Print nothing; exit 1 if the file is not already in the canonical layout.
        #[arg(long)]
        check: bool,
    },
    /// Print a small valid scenario to start a case from.
    New {
        /// Hypotheses about why (1 to 12).
        #[arg(long, default_value_t = 3)]
        hypotheses: usize,
        /// Levers (1 to 12).
        #[arg(long, default_value_t = 3)]
        levers: usize,
        /// Outcomes (1 to 12).
        #[arg(long, default_value_t = 3)]
        outcomes: usize,
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
        Command::Uncertainty {
            file,
            overrides,
            samples,
            seed,
            format,
        } => load(file, overrides).and_then(|(doc, model)| {
            // The bands under each leaf are in the JSON only.
            let st = uncertain::run_study(&doc, &model, *samples, *seed, *format == Format::Json)?;
            uncertain::uncertainty(&doc, &model, &st, *format)
        }),
        Command::Optimise {
            file,
            overrides,
            robust,
            staged,
        } => load(file, overrides).and_then(|(doc, model)| files::optimise(&doc, &model, (*robust, *staged))),
        Command::Export { file, format: _ } => files::export(file),
        Command::Evidence { file, overrides } => {
            load_and_report(file, overrides).map(|(doc, rep)| output::evidence_table(&doc, &rep))
        }
        Command::Check { files, strict } => return check::check(files, *strict),
        Command::Generate { size, seed } => files::generate(*size, *seed),
        Command::Fmt { file, check } => return files::fmt(file, *check),
        Command::New {
            hypotheses,
            levers,
            outcomes,
        } => files::new_scenario(*hypotheses, *levers, *outcomes),
        Command::Code { file, overrides } => load(file, overrides).map(|(doc, model)| class::code(&doc, &model)),
        Command::Pool {
            codes,
            from,
            scenario,
            answers,
            format,
        } => class::pool_codes(codes, from.as_deref(), scenario.as_deref(), answers, *format),
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

/// Apply command-line overrides to a document's settings.
///
/// # Errors
/// A malformed pair, an unknown id or an out-of-range value.
pub fn apply_overrides(doc: &mut Document, o: &Overrides) -> Result<(), CliError> {
    crate::io::overrides::apply(doc, o).map_err(CliError::Input)
}

/// Load a file, apply overrides and compile its scenario.
///
/// # Errors
/// Bad file or bad override.
pub fn load(file: &std::path::Path, overrides: &Overrides) -> Result<(Document, Model), CliError> {
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
    Ok((doc, model))
}

/// Load a file, apply overrides and compute the report.
///
/// # Errors
/// Bad file, bad override or unusable settings.
fn load_and_report(file: &std::path::Path, overrides: &Overrides) -> Result<(Document, Report), CliError> {
    let (doc, model) = load(file, overrides)?;
    let rep = report(
        &doc.scenario,
        &model,
        &doc.state.settings,
        &mut EvaluationCache::default(),
    )
    .map_err(|e| CliError::Input(format!("{}: {e}", file.display())))?;
    if let Err(e @ crate::model::units::UnitsError::WeightZero(_)) = &rep.units
        && doc.notices.is_empty()
    {
        eprintln!("{}: note: {e}", file.display());
    }
    Ok((doc, rep))
}
