//! Files: reading scenario and preset files with limits and located errors, the shipped
//! scenarios and presets, and atomic writes.

mod canonical;
pub mod error;
#[cfg(not(target_arch = "wasm32"))]
pub mod fs;
mod lesson;
pub mod overrides;
pub mod report;
mod shipped;
mod syntax;
mod template;

pub use canonical::scenario_text;
pub use error::{FileError, Located};
#[cfg(not(target_arch = "wasm32"))]
pub use fs::{
    absolute, exists, fingerprint, load_document, load_document_and_kind, make_dir, modified, presets_beside,
    read_text, remove, save_document, write_atomic,
};
pub use lesson::{is_lesson, lesson_scenario, parse_lesson, step_preset};
pub use shipped::{
    SHIPPED_LESSONS, SHIPPED_PRESETS, SHIPPED_SCENARIOS, ShippedFile, moved_preset, preset_names, presets_for,
    shipped_scenario_text,
};
pub use template::{PLACEHOLDERS, placeholder_notice, placeholders, scenario_template};

use crate::model::document::{DocState, Document, ScenarioSource};
use crate::model::evaluate::WeightError;
use crate::model::preset::{PRESET_FORMAT_VERSION, Preset, ScenarioRef};
use crate::model::scenario::{SCENARIO_FORMAT_VERSION, Scenario};
use crate::model::validate::validate;
use serde::de::DeserializeOwned;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Largest file read, in bytes; a scenario of the maximum size allowed by validation fits.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;
/// Deepest nesting of a preset that points to a scenario file that is again read.
const MAX_SCENARIO_HOPS: usize = 1;

/// A document as human-readable RON preset text.
///
/// # Errors
/// Only if serialisation fails, which it does not for finite numbers.
pub fn preset_text(doc: &Document) -> Result<String, ron::Error> {
    let body = to_ron(&doc.to_saved_preset())?;
    let header = doc.state.header.trim_end();
    Ok(if header.is_empty() {
        body
    } else {
        format!("{header}\n{body}")
    })
}

/// The comment lines at the top of a file, up to its first line of RON.
#[must_use]
fn header_comment(text: &str) -> String {
    let lines: Vec<&str> = text
        .lines()
        .take_while(|l| l.trim().is_empty() || l.trim_start().starts_with("//"))
        .collect();
    lines.join("\n").trim().to_owned()
}

/// Pretty RON with struct names, as people read and diff it.
///
/// # Errors
/// If serialisation fails.
pub fn to_ron<T: serde::Serialize>(value: &T) -> Result<String, ron::Error> {
    let config = ron::ser::PrettyConfig::new()
        .struct_names(true)
        .indentor("    ".to_owned());
    let mut text = ron::ser::to_string_pretty(value, config)?;
    text.push('\n');
    Ok(text)
}

/// What a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A scenario model.
    Scenario,
    /// A preset.
    Preset,
}

/// Look at a RON text's top level: which kind of file it is and its format version.
fn probe(path: &str, text: &str) -> Result<(FileKind, Option<u64>), FileError> {
    let value: ron::Value = ron::Options::default()
        .from_str(text)
        .map_err(|e| FileError::syntax(path, text, &e))?;
    let ron::Value::Map(map) = value else {
        return Err(FileError::at_start(
            path,
            text,
            "the file must hold a Scenario(...) or a Preset(...)",
        ));
    };
    let get = |k: &str| map.get(&ron::Value::String(k.to_owned()));
    if get("steps").is_some() {
        return Err(FileError::at_start(
            path,
            text,
            "this is a lesson, not a scenario or a preset: play it from Lessons > Open lesson file, or check it with `motive-lab check`",
        ));
    }
    let kind = if get("hypotheses").is_some() {
        FileKind::Scenario
    } else if get("scenario").is_some() {
        FileKind::Preset
    } else {
        return Err(FileError::at_start(
            path,
            text,
            "the file is neither a scenario (it has no `hypotheses`) nor a preset (it has no `scenario`)",
        ));
    };
    let version = match get("format_version") {
        Some(ron::Value::Number(n)) => {
            let x = n.into_f64();
            // Whole, non-negative numbers only; the cast is exact below 2^53.
            (x.fract() == 0.0 && (0.0..9.0e15).contains(&x)).then_some(x as u64)
        }
        _ => None,
    };
    Ok((kind, version))
}

fn check_version(path: &str, text: &str, kind: FileKind, version: Option<u64>) -> Result<(), FileError> {
    let (oldest, supported) = match kind {
        FileKind::Scenario => (
            u64::from(crate::model::scenario::OLDEST_SCENARIO_FORMAT_VERSION),
            u64::from(SCENARIO_FORMAT_VERSION),
        ),
        FileKind::Preset => (u64::from(PRESET_FORMAT_VERSION), u64::from(PRESET_FORMAT_VERSION)),
    };
    match version {
        Some(v) if (oldest..=supported).contains(&v) => Ok(()),
        Some(v) if v > supported => Err(FileError::located(
            path,
            text,
            &format!(
                "format version {v} is newer than this build of motive-lab reads (version {supported}); update motive-lab to open it"
            ),
            Some("format_version"),
        )),
        Some(v) => Err(FileError::located(
            path,
            text,
            &format!("format version {v} is not supported; this build reads versions {oldest} to {supported}"),
            Some("format_version"),
        )),
        None => Err(FileError::at_start(
            path,
            text,
            &format!("`format_version: {supported}` is missing or not a whole number"),
        )),
    }
}

/// A scenario embedded in a preset from a newer build would fail on its unknown fields before
/// its version is read: look at its version first, so the message says to update.
fn check_embedded_version(path: &str, text: &str) -> Result<(), FileError> {
    let Some(embedded) = text.find("Embedded(") else {
        return Ok(());
    };
    let Some(key) = text[embedded..].find("format_version:").map(|i| i + embedded) else {
        return Ok(());
    };
    let digits: String = text[key + "format_version:".len()..]
        .trim_start()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    match digits.parse::<u32>() {
        Ok(v) if v > SCENARIO_FORMAT_VERSION => {
            let (line, column) = error::position(text, key);
            Err(FileError::Invalid {
                path: path.to_owned(),
                problems: vec![Located {
                    line: Some(line),
                    column: Some(column),
                    path: "scenario".to_owned(),
                    message: format!(
                        "the embedded scenario has format version {v}, newer than this build of motive-lab reads (version {SCENARIO_FORMAT_VERSION}); update motive-lab to open it"
                    ),
                }],
            })
        }
        _ => Ok(()),
    }
}

/// A scenario file named by a preset's relative path.
#[cfg(not(target_arch = "wasm32"))]
fn read_scenario_file(path: &Path) -> Result<String, FileError> {
    fs::read_text(path)
}

/// A scenario file named by a preset's relative path: the web build has no files to read.
#[cfg(target_arch = "wasm32")]
fn read_scenario_file(path: &Path) -> Result<String, FileError> {
    Err(FileError::Io {
        path: path.display().to_string(),
        message: "scenario files named by path cannot be read here; embed the scenario".into(),
    })
}

fn parse_typed<T: DeserializeOwned>(path: &str, text: &str) -> Result<T, FileError> {
    ron::Options::default()
        .from_str(text)
        .map_err(|e| FileError::syntax(path, text, &e))
}

/// Parse and validate scenario text. `path` names the file in messages.
///
/// # Errors
/// Syntax, version and every validation problem, located.
pub fn parse_scenario(path: &str, text: &str) -> Result<Scenario, FileError> {
    let (kind, version) = probe(path, text)?;
    if kind != FileKind::Scenario {
        return Err(FileError::at_start(path, text, "this is a preset, not a scenario"));
    }
    check_version(path, text, kind, version)?;
    let scenario: Scenario = parse_typed(path, text)?;
    let problems = validate(&scenario);
    if problems.is_empty() {
        Ok(scenario)
    } else {
        Err(FileError::invalid(
            path,
            text,
            problems.into_iter().map(|p| (p.path, p.message, p.needle)),
        ))
    }
}

/// Parse a scenario or preset text into a document. `dir` resolves relative scenario paths.
///
/// # Errors
/// Anything wrong with the text or the scenario it names, located.
pub fn parse_document(path: &str, text: &str, dir: Option<&Path>, hops: usize) -> Result<Document, FileError> {
    let (kind, version) = probe(path, text)?;
    check_version(path, text, kind, version)?;
    if kind == FileKind::Scenario {
        let scenario = parse_scenario(path, text)?;
        // A shipped scenario is referred to by id; any other is embedded whole so that a saved
        // preset stands on its own wherever it is moved.
        let source = match SHIPPED_SCENARIOS.iter().find(|s| s.text == text) {
            Some(s) => ScenarioSource::Shipped(s.id.to_owned()),
            None => ScenarioSource::Embedded,
        };
        let notice = template::placeholder_notice(&scenario);
        let mut doc = Document::from_scenario(Arc::new(scenario), source);
        doc.notices.extend(notice);
        return Ok(doc);
    }
    check_embedded_version(path, text)?;
    let preset: Preset = parse_typed(path, text)?;
    let scenario = match &preset.scenario {
        ScenarioRef::Shipped(id) => {
            let Some(body) = shipped_scenario_text(id) else {
                let known: Vec<&str> = SHIPPED_SCENARIOS.iter().map(|s| s.id).collect();
                return Err(FileError::located(
                    path,
                    text,
                    &format!("no shipped scenario is called \"{id}\"; shipped: {}", known.join(", ")),
                    Some(&format!("\"{id}\"")),
                ));
            };
            parse_scenario(&format!("<shipped scenario {id}>"), body)?
        }
        ScenarioRef::Path(rel) => {
            if hops >= MAX_SCENARIO_HOPS {
                return Err(FileError::located(
                    path,
                    text,
                    "a scenario path inside a scenario path is not followed",
                    None,
                ));
            }
            let full: PathBuf = dir.map_or_else(|| PathBuf::from(rel), |d| d.join(rel));
            let body = read_scenario_file(&full).map_err(|e| e.referenced_from(path))?;
            parse_scenario(&full.display().to_string(), &body).map_err(|e| e.referenced_from(path))?
        }
        ScenarioRef::Embedded(s) => {
            let problems = validate(s);
            if !problems.is_empty() {
                return Err(FileError::invalid(
                    path,
                    text,
                    problems.into_iter().map(|p| (p.path, p.message, p.needle)),
                ));
            }
            (**s).clone()
        }
    };
    let (settings, mut notices) = preset.settings_migrating(&scenario).map_err(|ps| {
        FileError::invalid_in_preset(path, text, ps.into_iter().map(|p| (p.path, p.message, Some(p.needle))))
    })?;
    if let Err(e) = settings.usable(&scenario) {
        let section = match e {
            WeightError::NothingMatters => "values",
            _ => "credences",
        };
        let (line, column) = error::locate_last(text, section, &format!("{section}:")).unzip();
        return Err(FileError::Invalid {
            path: path.to_owned(),
            problems: vec![Located {
                line,
                column,
                path: section.to_owned(),
                message: e.to_string(),
            }],
        });
    }
    // A yardstick that counts for nothing measures nothing: say so where the file set it, and
    // show values on the utility scale (the document still opens, nothing is lost).
    if let Some(n) = settings.yardstick(&scenario)
        && settings.value_weights.get(n) == Some(&0.0)
    {
        let id = &scenario.outcomes[n].id;
        let at = error::locate_last(text, "values", &format!("\"{id}\""))
            .or_else(|| error::locate(text, "", "numeraire"))
            .map_or_else(String::new, |(l, c)| format!("{path}:{l}:{c}: "));
        notices.push(format!(
            "{at}the yardstick \"{id}\" has value weight 0, so nothing can be measured in its units: differences are shown on the utility scale; weigh it, or choose another yardstick"
        ));
    }
    Ok(Document {
        scenario: Arc::new(scenario),
        state: DocState {
            source: ScenarioSource::of(&preset.scenario),
            settings,
            name: preset.name,
            notes: preset.notes,
            header: header_comment(text),
        },
        notices,
    })
}
