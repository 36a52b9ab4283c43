//! `optimise`, `export` and `generate`: the settings found as a preset, a scenario or preset
//! as JSON, and a generated scenario for testing.

use super::CliError;
use crate::model::document::Document;
use crate::model::evaluate::Model;

/// The found settings as a preset: the document with its levers set to them.
pub(super) fn optimise(doc: &Document, model: &Model, (robust, staged): (bool, bool)) -> Result<String, CliError> {
    use crate::model::uncertainty::{ROBUST_FOUND_ID, search_with};
    let found = search_with(&doc.scenario, model, &doc.state.settings, staged);
    let want = if robust {
        ROBUST_FOUND_ID
    } else {
        crate::model::uncertainty::BEST_FOUND_ID
    };
    let f = found
        .into_iter()
        .find(|f| f.candidate.id == want)
        .ok_or_else(|| CliError::Input("the settings cannot be optimised: no usable weights".to_owned()))?;
    let mut out = doc.clone();
    // A staged result is a schedule: its first horizon's values, then its stages.
    let s = &doc.scenario;
    out.state.settings.levers = f.candidate.levers.iter().take(s.levers.len()).copied().collect();
    out.state.settings.stages = s.dense_stages(&s.stages_of(&f.candidate.levers));
    out.state.name = format!("{} ({})", doc.state.name, f.candidate.name.to_lowercase());
    let same = f
        .same_as
        .map(|p| format!(", the same as the named policy {}", doc.scenario.policies[p].name))
        .unwrap_or_default();
    eprintln!("motive-lab: {}{same}", f.candidate.name);
    crate::io::preset_text(&out).map_err(|e| CliError::Input(e.to_string()))
}

/// A scenario or preset file as JSON.
pub(super) fn export(file: &std::path::Path) -> Result<String, CliError> {
    let (doc, kind) = crate::io::load_document_and_kind(file)?;
    let text = match kind {
        crate::io::FileKind::Scenario => serde_json::to_string_pretty(&*doc.scenario),
        crate::io::FileKind::Preset => serde_json::to_string_pretty(&doc.to_saved_preset()),
    };
    text.map(|t| t + "\n").map_err(|e| CliError::Input(e.to_string()))
}

/// Size of a `generate`d scenario.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum GenerateSize {
    /// Up to 8 hypotheses, 4 levers, 4 outcomes, 3 horizons and 24 effects.
    Small,
    /// 300 hypotheses, 30 levers, 30 outcomes, 3 horizons, 3,000 effects, 40 policies.
    Large,
}

/// A generated scenario as RON text.
pub(super) fn generate(size: GenerateSize, seed: u64) -> Result<String, CliError> {
    let shape = match size {
        GenerateSize::Small => crate::model::generate::Shape::small(),
        GenerateSize::Large => crate::model::generate::Shape::large(),
    };
    crate::model::generate::seeded(&shape, seed)
        .map_err(|e| CliError::Input(format!("cannot generate: {e}")))
        .and_then(|s| crate::io::to_ron(&s).map_err(|e| CliError::Input(e.to_string())))
}

/// `fmt`: the scenario in `file` in the canonical layout, printed; with `check`, exit 1 (and
/// say so) if the file is not already laid out that way.
#[allow(clippy::print_stdout, reason = "the command line's output goes to stdout")]
pub(super) fn fmt(file: &std::path::Path, check: bool) -> std::process::ExitCode {
    use std::process::ExitCode;
    let result = crate::io::read_text(file).and_then(|text| {
        let scenario = crate::io::parse_scenario(&file.display().to_string(), &text)?;
        Ok((text, scenario))
    });
    let (text, scenario) = match result {
        Ok(x) => x,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let canonical = match crate::io::scenario_text(&scenario) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("motive-lab: {}: {e}", file.display());
            return ExitCode::from(2);
        }
    };
    if check {
        if canonical == text {
            return ExitCode::SUCCESS;
        }
        eprintln!(
            "{}: not in the canonical layout (motive-lab fmt prints it)",
            file.display()
        );
        return ExitCode::from(1);
    }
    print!("{canonical}");
    ExitCode::SUCCESS
}

/// Most hypotheses, levers or outcomes `new` writes.
const MOST_IN_TEMPLATE: usize = 12;

/// `new`: a small valid scenario to start a case from, in the canonical layout.
pub(super) fn new_scenario(hypotheses: usize, levers: usize, outcomes: usize) -> Result<String, CliError> {
    for (n, what) in [(hypotheses, "hypotheses"), (levers, "levers"), (outcomes, "outcomes")] {
        if !(1..=MOST_IN_TEMPLATE).contains(&n) {
            return Err(CliError::Input(format!(
                "--{what} {n}: a new scenario has 1 to {MOST_IN_TEMPLATE} {what}"
            )));
        }
    }
    let text = crate::io::scenario_template(hypotheses, levers, outcomes);
    let scenario = crate::io::parse_scenario("new scenario", &text)?;
    crate::io::scenario_text(&scenario).map_err(|e| CliError::Input(e.to_string()))
}
