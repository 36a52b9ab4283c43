//! Files: reading scenario and preset files with limits and located errors, the shipped
//! scenarios and presets, and atomic writes.

pub mod error;
mod shipped;

pub use error::{FileError, Located};
pub use shipped::{SHIPPED_PRESETS, SHIPPED_SCENARIOS, ShippedFile, shipped_scenario_text};

use crate::model::evaluate::WeightError;
use crate::model::preset::{PRESET_FORMAT_VERSION, Preset, ScenarioRef, Settings};
use crate::model::scenario::{SCENARIO_FORMAT_VERSION, Scenario};
use crate::model::validate::validate;
use serde::de::DeserializeOwned;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// Largest file read, in bytes; a scenario of the maximum size allowed by validation fits.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;
/// Deepest nesting of a preset that points to a scenario file that is again read.
const MAX_SCENARIO_HOPS: usize = 1;

/// A document: a scenario with the settings a user chose for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The scenario.
    pub scenario: Scenario,
    /// Where the scenario comes from, for saving.
    pub source: ScenarioRef,
    /// Credences, levers and weights.
    pub settings: Settings,
    /// Preset name.
    pub name: String,
    /// Preset notes.
    pub notes: String,
}

impl Document {
    /// A document on a scenario with its defaults.
    #[must_use]
    pub fn from_scenario(scenario: Scenario, source: ScenarioRef) -> Self {
        Self {
            settings: Settings::defaults(&scenario),
            name: scenario.title.clone(),
            notes: String::new(),
            scenario,
            source,
        }
    }

    /// The preset that stores this document.
    #[must_use]
    pub fn to_preset(&self) -> Preset {
        self.settings
            .to_preset(&self.scenario, &self.name, &self.notes, self.source.clone())
    }

    /// The document as human-readable RON preset text.
    ///
    /// # Errors
    /// Only if serialisation fails, which it does not for finite numbers.
    pub fn to_ron(&self) -> Result<String, ron::Error> {
        to_ron(&self.to_preset())
    }
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

/// Read a file as text with a size limit; binary content is refused.
///
/// # Errors
/// Unreadable, too large, or not UTF-8 text.
pub fn read_text(path: &Path) -> Result<String, FileError> {
    let display = path.display().to_string();
    let io = |e: std::io::Error| FileError::Io {
        path: display.clone(),
        message: e.to_string(),
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(FileError::TooLarge {
            path: display,
            limit: MAX_FILE_BYTES,
        });
    }
    text_from_bytes(&display, bytes)
}

fn text_from_bytes(path: &str, bytes: Vec<u8>) -> Result<String, FileError> {
    if bytes.contains(&0) {
        return Err(FileError::NotText {
            path: path.to_owned(),
            detail: "it contains NUL bytes".into(),
        });
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let before = String::from_utf8_lossy(&e.as_bytes()[..valid]);
        let (line, column) = error::position(&before, before.len());
        FileError::NotText {
            path: path.to_owned(),
            detail: format!("invalid UTF-8 at line {line}, column {column}"),
        }
    })
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
        .map_err(|e| FileError::syntax(path, &e))?;
    let ron::Value::Map(map) = value else {
        return Err(FileError::at_start(
            path,
            text,
            "the file must hold a Scenario(...) or a Preset(...)",
        ));
    };
    let get = |k: &str| map.get(&ron::Value::String(k.to_owned()));
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
    let supported = u64::from(match kind {
        FileKind::Scenario => SCENARIO_FORMAT_VERSION,
        FileKind::Preset => PRESET_FORMAT_VERSION,
    });
    match version {
        Some(v) if v == supported => Ok(()),
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
            &format!("format version {v} is not supported; this build reads version {supported}"),
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

fn parse_typed<T: DeserializeOwned>(path: &str, text: &str) -> Result<T, FileError> {
    ron::Options::default()
        .from_str(text)
        .map_err(|e| FileError::syntax(path, &e))
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

/// Read and parse a scenario or preset file into a document.
///
/// # Errors
/// Anything wrong with the file or the scenario it names, located.
pub fn load_document(path: &Path) -> Result<Document, FileError> {
    load_document_and_kind(path).map(|(d, _)| d)
}

/// Like [`load_document`], also saying whether the file was a scenario or a preset.
///
/// # Errors
/// Anything wrong with the file or the scenario it names, located.
pub fn load_document_and_kind(path: &Path) -> Result<(Document, FileKind), FileError> {
    let text = read_text(path)?;
    let name = path.display().to_string();
    let (kind, _) = probe(&name, &text)?;
    Ok((parse_document(&name, &text, path.parent(), 0)?, kind))
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
            Some(s) => ScenarioRef::Shipped(s.id.to_owned()),
            None => ScenarioRef::Embedded(Box::new(scenario.clone())),
        };
        return Ok(Document::from_scenario(scenario, source));
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
            let body = read_text(&full).map_err(|e| e.referenced_from(path))?;
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
    let settings = Settings::from_preset(&scenario, &preset).map_err(|ps| {
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
    Ok(Document {
        scenario,
        source: preset.scenario,
        settings,
        name: preset.name,
        notes: preset.notes,
    })
}

/// Write a file atomically: a temporary file in the same folder, flushed to disk, then renamed
/// over the target, so a crash leaves either the old or the new file, never half of one.
///
/// # Errors
/// Any IO failure; the target is then untouched.
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<(), FileError> {
    let display = path.display().to_string();
    let io = |e: std::io::Error| FileError::Io {
        path: display.clone(),
        message: e.to_string(),
    };
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(contents)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)?;
        if let Ok(d) = std::fs::File::open(dir) {
            // Persisting the rename; not every platform can sync a directory.
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(io)
}

/// Save a document as a preset file, atomically.
///
/// # Errors
/// Serialisation or IO failure.
pub fn save_document(path: &Path, doc: &Document) -> Result<(), FileError> {
    let text = doc.to_ron().map_err(|e| FileError::Io {
        path: path.display().to_string(),
        message: e.to_string(),
    })?;
    write_atomic(path, text.as_bytes())
}
