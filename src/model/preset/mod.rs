//! Presets: a user's credences, lever settings and value weights for a scenario, plus the
//! resolved dense [`Settings`] the engine works on.

use crate::model::evidence::Observation;
use crate::model::scenario::Scenario;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

mod fill;
mod migrate;
mod stages;

use crate::model::settings::Settings;
use crate::model::weights::weight_problem;
use fill::fill;

pub use migrate::migrate;

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
    /// Lever values from a horizon on (a staged response, for a version 3 scenario): horizon
    /// id to lever id to value.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub stages: crate::model::scenario::Stages,
    /// How much each outcome matters, per outcome id (default 1).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub values: BTreeMap<String, f64>,
    /// How much each horizon matters, per horizon id (default 1): per year of the horizon
    /// in a version 2 scenario, for the whole horizon in a version 1 scenario.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub horizons: BTreeMap<String, f64>,
    /// Discount per year of later years (version 2 scenarios): year `k` counts
    /// `(1 + r)^-(k - 1)`. Default 0.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub discount_rate: f64,
    /// The outcome utility differences are measured in, if not the scenario's yardstick.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub numeraire: Option<String>,
    /// The revision of the scenario the preset was made for (0: before revisions, or unknown).
    #[serde(default, skip_serializing_if = "is_zero_u32")]
    pub revision: u32,
    /// Evidence items observed, by id: `true` or `false` (an item not listed is open).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub evidence: BTreeMap<String, bool>,
    /// Whether the credences come from evidence: `credences` are then the prior, and the
    /// posterior given the observed items is what is evaluated.
    #[serde(default, skip_serializing_if = "is_false")]
    pub credences_from_evidence: bool,
}

#[expect(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's skip_serializing_if passes a reference"
)]
fn is_false(x: &bool) -> bool {
    !*x
}

#[expect(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's skip_serializing_if passes a reference"
)]
fn is_zero_u32(x: &u32) -> bool {
    *x == 0
}

#[expect(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's skip_serializing_if passes a reference"
)]
fn is_zero(x: &f64) -> bool {
    *x == 0.0
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

impl Preset {
    /// Resolve a preset's sparse maps against its scenario, collecting every problem. Ids the
    /// scenario no longer has are first migrated (see [`migrate`]); what that changed is
    /// returned as notices.
    ///
    /// # Errors
    /// Every negative, non-finite or out-of-range number, as a list.
    pub fn settings_migrating(&self, scenario: &Scenario) -> Result<(Settings, Vec<String>), Vec<SettingsProblem>> {
        let mut preset = self.clone();
        let notices = migrate(scenario, &mut preset);
        preset.settings(scenario).map(|s| (s, notices))
    }

    /// Observe every evidence item of `scenario` public by `date` (`YYYY-MM-DD`, compared as
    /// text), the rest open, and take the credences from the evidence.
    pub fn observe_known_by(&mut self, scenario: &Scenario, date: &str) {
        self.evidence = (scenario.evidence.iter())
            .filter(|e| e.date.as_str() <= date)
            .map(|e| (e.id.clone(), true))
            .collect();
        self.credences_from_evidence = true;
    }

    /// Resolve a preset's sparse maps against its scenario, collecting every problem.
    ///
    /// # Errors
    /// Every unknown id, and every negative or non-finite number, as a list.
    pub fn settings(&self, scenario: &Scenario) -> Result<Settings, Vec<SettingsProblem>> {
        let preset = self;
        let mut settings = Settings::defaults(scenario);
        let mut problems = Vec::new();
        let ids = |v: Vec<&String>| v.into_iter().cloned().collect::<Vec<_>>();
        fill(
            &mut settings.credences,
            &preset.credences,
            "credences",
            &ids(scenario.hypotheses.iter().map(|h| &h.id).collect()),
            |_, x| weight_problem(x),
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
        stages::fill_stages(scenario, &preset.stages, &mut settings, &mut problems);
        fill(
            &mut settings.value_weights,
            &preset.values,
            "values",
            &ids(scenario.outcomes.iter().map(|o| &o.id).collect()),
            |_, x| weight_problem(x),
            &mut problems,
        );
        fill(
            &mut settings.horizon_weights,
            &preset.horizons,
            "horizons",
            &ids(scenario.horizons.iter().map(|h| &h.id).collect()),
            |_, x| weight_problem(x),
            &mut problems,
        );
        if !preset.discount_rate.is_finite() || preset.discount_rate < 0.0 || preset.discount_rate > 1.0 {
            problems.push(SettingsProblem {
                path: "discount_rate".into(),
                message: format!(
                    "{} is not a discount rate: give a number from 0 (no discounting) to 1 (100% a year)",
                    preset.discount_rate
                ),
                needle: "discount_rate".into(),
            });
        } else {
            settings.discount_rate = preset.discount_rate;
        }
        if let Some(id) = &preset.numeraire {
            match scenario.outcome_index(id) {
                Some(o) => settings.numeraire = Some(o),
                None => problems.push(SettingsProblem {
                    path: "numeraire".into(),
                    message: format!("unknown outcome \"{id}\" as the yardstick"),
                    needle: format!("\"{id}\""),
                }),
            }
        }
        for (id, &x) in &preset.evidence {
            match scenario.evidence.iter().position(|e| &e.id == id) {
                Some(i) => settings.observed[i] = if x { Observation::True } else { Observation::False },
                None => problems.push(SettingsProblem {
                    path: format!("evidence[\"{id}\"]"),
                    message: format!(
                        "unknown evidence item \"{id}\"; the scenario has: {}",
                        scenario
                            .evidence
                            .iter()
                            .map(|e| e.id.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                    needle: format!("\"{id}\""),
                }),
            }
        }
        if preset.credences_from_evidence && problems.is_empty() {
            settings.prior = Some(settings.credences.clone());
            if let Err(e) = settings.update_posterior(scenario, &crate::model::evaluate::Model::compile(scenario)) {
                problems.push(SettingsProblem {
                    path: "evidence".into(),
                    message: e.to_string(),
                    needle: "evidence".into(),
                });
            }
        }
        if problems.is_empty() {
            Ok(settings)
        } else {
            Err(problems)
        }
    }

    /// The sparse maps of a preset holding these settings (every entry written, so a file
    /// says exactly what was used).
    #[must_use]
    pub fn from_settings(
        settings: &Settings,
        scenario: &Scenario,
        name: &str,
        notes: &str,
        source: ScenarioRef,
    ) -> Self {
        let map = |ids: Vec<&String>, vals: &[f64]| {
            ids.into_iter()
                .cloned()
                .zip(vals.iter().copied())
                .collect::<BTreeMap<_, _>>()
        };
        Self {
            format_version: PRESET_FORMAT_VERSION,
            name: name.to_owned(),
            notes: notes.to_owned(),
            scenario: source,
            credences: map(
                scenario.hypotheses.iter().map(|h| &h.id).collect(),
                settings.slider_credences(),
            ),
            levers: map(scenario.levers.iter().map(|l| &l.id).collect(), &settings.levers),
            stages: scenario.sparse_stages(&settings.stages),
            values: map(
                scenario.outcomes.iter().map(|o| &o.id).collect(),
                &settings.value_weights,
            ),
            horizons: map(
                scenario.horizons.iter().map(|h| &h.id).collect(),
                &settings.horizon_weights,
            ),
            discount_rate: settings.discount_rate,
            // The scenario's own yardstick is the default: said only when another is chosen.
            numeraire: settings
                .numeraire
                .filter(|&o| Some(o) != scenario.numeraire_index())
                .and_then(|o| scenario.outcomes.get(o))
                .map(|o| o.id.clone()),
            revision: scenario.revision,
            evidence: scenario
                .evidence
                .iter()
                .zip(&settings.observed)
                .filter(|(_, o)| **o != Observation::Open)
                .map(|(e, o)| (e.id.clone(), *o == Observation::True))
                .collect(),
            credences_from_evidence: settings.prior.is_some(),
        }
    }
}
