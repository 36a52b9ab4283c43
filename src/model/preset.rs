//! Presets: a user's credences, lever settings and value weights for a scenario, plus the
//! resolved dense [`Settings`] the engine works on.

use crate::model::scenario::Scenario;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The preset format version this build reads and writes.
pub const PRESET_FORMAT_VERSION: u32 = 1;

/// Which scenario a preset applies to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ScenarioRef {
    /// A scenario shipped with the app, by id (e.g. `"paris-2015"`).
    Shipped(String),
    /// A scenario file, relative to the preset file's folder.
    Path(String),
    /// The whole scenario, so that one file can be shared.
    Embedded(Box<Scenario>),
}

/// A preset file: everything a user sets, sparse (anything unlisted takes the scenario's default).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Preset {
    /// Format version; see [`PRESET_FORMAT_VERSION`].
    pub format_version: u32,
    /// Name shown in the app.
    pub name: String,
    /// Free-text notes: why these settings.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// The scenario.
    pub scenario: ScenarioRef,
    /// Credence weight per hypothesis id (relative to siblings).
    #[serde(default)]
    pub credences: BTreeMap<String, f64>,
    /// Lever value per lever id.
    #[serde(default)]
    pub levers: BTreeMap<String, f64>,
    /// How much each outcome matters, per outcome id (default 1).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub values: BTreeMap<String, f64>,
    /// How much each horizon matters, per horizon id (default 1).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub horizons: BTreeMap<String, f64>,
}

/// Dense settings in scenario order: what the engine evaluates.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// Credence weight per hypothesis (all hypotheses, not only leaves), relative to siblings.
    pub credences: Vec<f64>,
    /// Value per lever.
    pub levers: Vec<f64>,
    /// How much each outcome matters: its value weight, per outcome.
    pub value_weights: Vec<f64>,
    /// How much each horizon matters, per horizon.
    pub horizon_weights: Vec<f64>,
}

/// A preset entry that does not fit its scenario.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingsProblem {
    /// Where in the preset, e.g. `levers["airstrike"]`.
    pub path: String,
    /// What is wrong.
    pub message: String,
    /// Text to look for in the file to locate the problem.
    pub needle: String,
}

impl Settings {
    /// The scenario's defaults: priors, lever defaults, all weights 1.
    #[must_use]
    pub fn defaults(scenario: &Scenario) -> Self {
        Self {
            credences: scenario.hypotheses.iter().map(|h| h.prior).collect(),
            levers: scenario.levers.iter().map(|l| l.default).collect(),
            value_weights: vec![1.0; scenario.outcomes.len()],
            horizon_weights: vec![1.0; scenario.horizons.len()],
        }
    }

    /// Whether the engine can evaluate these settings: some credence and some value and
    /// horizon weight must be positive.
    ///
    /// # Errors
    /// All credences zero, or nothing weighted.
    pub fn usable(&self, scenario: &Scenario) -> Result<(), crate::model::evaluate::WeightError> {
        use crate::model::evaluate::WeightError;
        let roots: f64 = scenario
            .hypotheses
            .iter()
            .zip(&self.credences)
            .filter(|(h, _)| h.parent.is_none())
            .map(|(_, c)| *c)
            .sum();
        if roots <= 0.0 {
            return Err(WeightError::AllCredencesZero);
        }
        if self.value_weights.iter().sum::<f64>() <= 0.0 || self.horizon_weights.iter().sum::<f64>() <= 0.0 {
            return Err(WeightError::NothingMatters);
        }
        Ok(())
    }

    /// Resolve a preset's sparse maps against its scenario, collecting every problem.
    ///
    /// # Errors
    /// Every unknown id, and every negative or non-finite number, as a list.
    pub fn from_preset(scenario: &Scenario, preset: &Preset) -> Result<Self, Vec<SettingsProblem>> {
        let mut settings = Self::defaults(scenario);
        let mut problems = Vec::new();
        let ids = |v: Vec<&String>| v.into_iter().cloned().collect::<Vec<_>>();
        fill(
            &mut settings.credences,
            &preset.credences,
            "credences",
            &ids(scenario.hypotheses.iter().map(|h| &h.id).collect()),
            |_, x| nonneg(x),
            &mut problems,
        );
        fill(
            &mut settings.levers,
            &preset.levers,
            "levers",
            &ids(scenario.levers.iter().map(|l| &l.id).collect()),
            |i, x| {
                let l = &scenario.levers[i];
                if !x.is_finite() {
                    Some("is not a finite number".to_owned())
                } else if x < l.min || x > l.max {
                    Some(format!(
                        "{x} is outside the lever's range {} to {} {}",
                        l.min, l.max, l.unit
                    ))
                } else {
                    None
                }
            },
            &mut problems,
        );
        fill(
            &mut settings.value_weights,
            &preset.values,
            "values",
            &ids(scenario.outcomes.iter().map(|o| &o.id).collect()),
            |_, x| nonneg(x),
            &mut problems,
        );
        fill(
            &mut settings.horizon_weights,
            &preset.horizons,
            "horizons",
            &ids(scenario.horizons.iter().map(|h| &h.id).collect()),
            |_, x| nonneg(x),
            &mut problems,
        );
        if problems.is_empty() {
            Ok(settings)
        } else {
            Err(problems)
        }
    }

    /// The sparse maps of a preset holding these settings (every entry written, so a file
    /// says exactly what was used).
    #[must_use]
    pub fn to_preset(&self, scenario: &Scenario, name: &str, notes: &str, source: ScenarioRef) -> Preset {
        let map = |ids: Vec<&String>, vals: &[f64]| {
            ids.into_iter()
                .cloned()
                .zip(vals.iter().copied())
                .collect::<BTreeMap<_, _>>()
        };
        Preset {
            format_version: PRESET_FORMAT_VERSION,
            name: name.to_owned(),
            notes: notes.to_owned(),
            scenario: source,
            credences: map(scenario.hypotheses.iter().map(|h| &h.id).collect(), &self.credences),
            levers: map(scenario.levers.iter().map(|l| &l.id).collect(), &self.levers),
            values: map(scenario.outcomes.iter().map(|o| &o.id).collect(), &self.value_weights),
            horizons: map(scenario.horizons.iter().map(|h| &h.id).collect(), &self.horizon_weights),
        }
    }
}

fn nonneg(x: f64) -> Option<String> {
    if !x.is_finite() {
        Some("is not a finite number".to_owned())
    } else if x < 0.0 {
        Some(format!("{x} is negative; weights must be 0 or more"))
    } else {
        None
    }
}

fn fill(
    dense: &mut [f64],
    sparse: &BTreeMap<String, f64>,
    section: &str,
    ids: &[String],
    check: impl Fn(usize, f64) -> Option<String>,
    problems: &mut Vec<SettingsProblem>,
) {
    for (id, &x) in sparse {
        let path = format!("{section}[\"{id}\"]");
        match ids.iter().position(|known| known == id) {
            None => problems.push(SettingsProblem {
                path,
                message: format!("unknown id \"{id}\"; the scenario has: {}", ids.join(", ")),
                needle: format!("\"{id}\""),
            }),
            Some(i) => match check(i, x) {
                Some(message) => problems.push(SettingsProblem {
                    path,
                    message,
                    needle: format!("\"{id}\""),
                }),
                None => dense[i] = x,
            },
        }
    }
}
