//! Lesson files: parsed, checked against their shipped scenario and presets (every problem
//! located), and each step's state resolved as a preset.

use super::error::FileError;
use super::shipped::{SHIPPED_PRESETS, shipped_scenario_text};
use crate::model::lesson::{LESSON_FORMAT_VERSION, Lesson, Step};
use crate::model::preset::{PRESET_FORMAT_VERSION, Preset, ScenarioRef};
use crate::model::scenario::{Scenario, is_date};
use std::collections::BTreeMap;

/// Whether a RON text is a lesson (its top level has `steps`), without parsing it whole.
#[must_use]
pub fn is_lesson(text: &str) -> bool {
    matches!(
        ron::Options::default().from_str::<ron::Value>(text),
        Ok(ron::Value::Map(m)) if m.get(&ron::Value::String("steps".to_owned())).is_some()
    )
}

/// The preset a step starts from, parsed; `None` for the scenario's defaults.
fn base_preset(id: &str) -> Option<Result<Preset, String>> {
    let p = SHIPPED_PRESETS.iter().find(|p| p.id == id)?;
    Some(
        ron::Options::default()
            .from_str::<Preset>(p.text)
            .map_err(|e| e.to_string()),
    )
}

/// Step `step`'s state as a preset: its preset (or the scenario's defaults) with the step's
/// overrides over it, and what was known by its date.
///
/// # Errors
/// A preset that is not shipped, is for another scenario, or cannot be read.
pub fn step_preset(lesson: &Lesson, step: &Step, scenario: &Scenario) -> Result<Preset, String> {
    let mut preset = match &step.preset {
        None => Preset {
            format_version: PRESET_FORMAT_VERSION,
            name: String::new(),
            notes: String::new(),
            scenario: ScenarioRef::Shipped(lesson.scenario.clone()),
            credences: BTreeMap::default(),
            levers: BTreeMap::default(),
            stages: BTreeMap::default(),
            values: BTreeMap::default(),
            horizons: BTreeMap::default(),
            discount_rate: 0.0,
            numeraire: None,
            revision: 0,
            evidence: BTreeMap::default(),
            credences_from_evidence: false,
        },
        Some(id) => {
            let p = base_preset(id).ok_or_else(|| format!("no shipped preset is called \"{id}\""))??;
            if p.scenario != ScenarioRef::Shipped(lesson.scenario.clone()) {
                return Err(format!(
                    "the preset \"{id}\" is not for the scenario \"{}\"",
                    lesson.scenario
                ));
            }
            p
        }
    };
    preset.name.clone_from(&step.title);
    preset.notes.clone_from(&step.narration);
    preset.credences.extend(step.credences.clone());
    preset.levers.extend(step.levers.clone());
    for (h, levers) in &step.stages {
        preset.stages.entry(h.clone()).or_default().extend(levers.clone());
    }
    preset.values.extend(step.values.clone());
    if let Some(date) = &step.known_by {
        preset.observe_known_by(scenario, date);
    }
    Ok(preset)
}

/// The lesson's scenario, parsed.
///
/// # Errors
/// A scenario that is not shipped.
pub fn lesson_scenario(lesson: &Lesson) -> Result<Scenario, String> {
    let text = shipped_scenario_text(&lesson.scenario)
        .ok_or_else(|| format!("\"{}\" is not a shipped scenario", lesson.scenario))?;
    super::parse_scenario(&lesson.scenario, text).map_err(|e| e.to_string())
}

/// Every problem of a lesson: `(path, message, text to find it by)`.
fn problems(lesson: &Lesson) -> Vec<(String, String, Option<String>)> {
    let mut out = Vec::new();
    if lesson.steps.is_empty() {
        out.push((
            "steps".to_owned(),
            "a lesson needs at least one step".to_owned(),
            Some("steps".to_owned()),
        ));
    }
    let scenario = match lesson_scenario(lesson) {
        Ok(s) => s,
        Err(e) => {
            out.push(("scenario".to_owned(), e, Some(format!("\"{}\"", lesson.scenario))));
            return out;
        }
    };
    for (i, step) in lesson.steps.iter().enumerate() {
        let at = |field: &str| format!("steps[{i}].{field}");
        let needle = |t: &str| Some(format!("\"{t}\""));
        if step.title.trim().is_empty() {
            out.push((at("title"), "a step needs a title".to_owned(), Some("title".to_owned())));
        }
        if step.narration.trim().is_empty() {
            out.push((
                at("narration"),
                "a step needs a narration".to_owned(),
                needle(&step.title),
            ));
        }
        if let Some(d) = step.known_by.as_deref().filter(|d| !is_date(d)) {
            out.push((
                at("known_by"),
                format!("\"{d}\" is not a date; write it as YYYY-MM-DD"),
                needle(d),
            ));
        }
        if let Some(a) = step
            .answer
            .as_deref()
            .filter(|a| !scenario.hypotheses.iter().any(|h| h.id == *a))
        {
            out.push((
                at("answer"),
                format!("no hypothesis of {} has the id \"{a}\"", scenario.id),
                needle(a),
            ));
        }
        match step_preset(lesson, step, &scenario) {
            Err(e) => out.push((at("preset"), e, step.preset.as_deref().and_then(needle))),
            Ok(p) => {
                if let Err(ps) = p.settings(&scenario) {
                    out.extend(ps.into_iter().map(|p| (at(&p.path), p.message, Some(p.needle))));
                }
            }
        }
    }
    out
}

/// Parse and check a lesson. `path` names the file in messages.
///
/// # Errors
/// Syntax, version and every problem with its scenario, presets, ids and dates, located.
pub fn parse_lesson(path: &str, text: &str) -> Result<Lesson, FileError> {
    let lesson: Lesson = ron::Options::default()
        .from_str(text)
        .map_err(|e| FileError::syntax(path, text, &e))?;
    if lesson.format_version != LESSON_FORMAT_VERSION {
        return Err(FileError::located(
            path,
            text,
            &format!(
                "lesson format version {} is not supported; this build reads version {LESSON_FORMAT_VERSION}",
                lesson.format_version
            ),
            Some("format_version"),
        ));
    }
    let problems = problems(&lesson);
    if problems.is_empty() {
        Ok(lesson)
    } else {
        Err(FileError::invalid(path, text, problems.into_iter()))
    }
}
