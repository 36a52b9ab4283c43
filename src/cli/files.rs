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
    let text = template(hypotheses, levers, outcomes);
    let scenario = crate::io::parse_scenario("new scenario", &text)?;
    crate::io::scenario_text(&scenario).map_err(|e| CliError::Input(e.to_string()))
}

/// The template's RON: `h` motives, `l` levers that cost money and change attacks differently
/// under different motives, `o` outcomes (attacks, cost, then others to fill in), one horizon,
/// two policies. Every number is marked as an assumption to replace.
fn template(h: usize, l: usize, o: usize) -> String {
    use std::fmt::Write as _;
    let mut t = String::from(
        "Scenario(format_version: 2, id: \"my-case\", title: \"A new case: why did they attack, and how should we respond?\",\n\
         summary: \"A template from motive-lab new: replace the motives, levers, outcomes and every number marked as an assumption.\",\n\
         sources: [(id: \"assumption\", citation: \"Replace with the source of each number\")],\n\
         hypotheses: [\n",
    );
    for i in 1..=h {
        let _ = writeln!(
            t,
            "(id: \"m{i}\", name: \"Motive {i}\", prior: 1.0, description: \"What this motive says and what would show it.\", source: \"assumption\"),"
        );
    }
    t.push_str("],\nlevers: [\n");
    for j in 1..=l {
        let _ = writeln!(
            t,
            "(id: \"lever{j}\", name: \"Lever {j}\", unit: \"% of full effort\", min: 0.0, max: 100.0, step: 10.0, default: 0.0, description: \"What this response does.\"),"
        );
    }
    t.push_str("],\noutcomes: [\n");
    for k in 1..=o {
        let (id, name, unit, worst) = match k {
            1 => ("attacks".to_owned(), "Attacks".to_owned(), "attacks/year", 20.0),
            2 => ("cost".to_owned(), "Cost of the response".to_owned(), "$bn/year", 50.0),
            _ => (format!("outcome{k}"), format!("Outcome {k}"), "units/year", 100.0),
        };
        let _ = writeln!(
            t,
            "(id: \"{id}\", name: \"{name}\", unit: \"{unit}\", better: Lower, worst: {worst:?}, best: 0.0, role: End, description: \"What this outcome counts.\"),"
        );
    }
    t.push_str("],\nhorizons: [(id: \"year1\", name: \"Year 1\", years: 1.0)],\nbaselines: [\n");
    let outcome_id = |k: usize| match k {
        1 => "attacks".to_owned(),
        2 => "cost".to_owned(),
        _ => format!("outcome{k}"),
    };
    for k in 1..=o {
        let value = if k == 1 { 10.0 } else { 0.0 };
        let _ = writeln!(
            t,
            "(outcome: \"{}\", horizon: \"year1\", value: {value:?}, note: \"assumption: the level with no response\"),",
            outcome_id(k)
        );
    }
    t.push_str("],\neffects: [\n");
    for j in 1..=l {
        // Under one motive the lever cuts attacks; under the next it is what the attackers
        // wanted and adds to them: the motive decides what it does.
        let cuts = (j - 1) % h + 1;
        let _ = writeln!(
            t,
            "(outcome: \"attacks\", horizon: \"year1\", hypothesis: Some(\"m{cuts}\"), driver: Lever(\"lever{j}\"), curve: Linear(-0.05), range: (0.5, 1.5), note: \"assumption: under motive {cuts} this lever cuts attacks\"),"
        );
        if h > 1 {
            let backfires = cuts % h + 1;
            let _ = writeln!(
                t,
                "(outcome: \"attacks\", horizon: \"year1\", hypothesis: Some(\"m{backfires}\"), driver: Lever(\"lever{j}\"), curve: Linear(0.03), range: (0.5, 1.5), note: \"assumption: under motive {backfires} this lever is what the attackers wanted\"),"
            );
        }
        if o > 1 {
            let _ = writeln!(
                t,
                "(outcome: \"cost\", horizon: \"year1\", driver: Lever(\"lever{j}\"), curve: Linear(0.1), range: (0.5, 1.5), note: \"assumption: the lever's cost\"),"
            );
        }
    }
    let levers = |x: f64| {
        (1..=l)
            .map(|j| format!("\"lever{j}\": {x:?}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let _ = write!(
        t,
        "],\npolicies: [\n(id: \"none\", name: \"No response\", levers: {{{}}}),\n(id: \"full\", name: \"Every lever at full effort\", levers: {{{}}}),\n],\n)\n",
        levers(0.0),
        levers(100.0)
    );
    t
}
