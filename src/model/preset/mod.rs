//! Presets: a user's credences, lever settings and value weights for a scenario, plus the
//! resolved dense [`Settings`] the engine works on.

use crate::model::evidence::Observation;
use crate::model::scenario::Scenario;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

mod evidence;
mod fill;
mod migrate;

use fill::fill;
pub use fill::{MAX_WEIGHT, weight_problem};

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

/// Dense settings in scenario order: what the engine evaluates.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// Credence weight per hypothesis (all hypotheses, not only leaves), relative to siblings.
    pub credences: Vec<f64>,
    /// Value per lever.
    pub levers: Vec<f64>,
    /// How much each outcome matters: its value weight, per outcome.
    pub value_weights: Vec<f64>,
    /// How much each horizon matters, per horizon (per year of it in version 2).
    pub horizon_weights: Vec<f64>,
    /// Discount per year of later years (version 2).
    pub discount_rate: f64,
    /// The yardstick outcome chosen by the user, if not the scenario's.
    pub numeraire: Option<usize>,
    /// Each evidence item's state, in scenario order.
    pub observed: Vec<Observation>,
    /// The prior credences when the credences come from evidence (`credences` then holds the
    /// posterior, as credences); `None` when they are set by hand.
    pub prior: Option<Vec<f64>>,
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
    /// The scenario's defaults: priors, lever defaults, value weights 1 for ends and 0 for
    /// mechanisms, horizon weights 1, no discounting, the scenario's yardstick.
    #[must_use]
    pub fn defaults(scenario: &Scenario) -> Self {
        Self {
            credences: scenario.hypotheses.iter().map(|h| h.prior).collect(),
            levers: scenario.levers.iter().map(|l| l.default).collect(),
            value_weights: scenario.outcomes.iter().map(default_value_weight).collect(),
            horizon_weights: vec![1.0; scenario.horizons.len()],
            discount_rate: 0.0,
            numeraire: None,
            observed: vec![Observation::Open; scenario.evidence.len()],
            prior: None,
        }
    }

    /// The weight each horizon counts in utility under these settings (see
    /// [`crate::model::evaluate::Model::taus`]).
    #[must_use]
    pub fn taus(&self, model: &crate::model::evaluate::Model) -> Vec<f64> {
        model.taus(&self.horizon_weights, self.discount_rate)
    }

    /// The yardstick outcome: the user's choice, else the scenario's, else none.
    #[must_use]
    pub fn yardstick(&self, scenario: &Scenario) -> Option<usize> {
        self.numeraire.or_else(|| scenario.numeraire_index())
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

    /// Resolve a preset's sparse maps against its scenario, collecting every problem. Ids the
    /// scenario no longer has are first migrated (see [`migrate`]); what that changed is
    /// returned as notices.
    ///
    /// # Errors
    /// Every negative, non-finite or out-of-range number, as a list.
    pub fn from_preset_migrating(
        scenario: &Scenario,
        preset: &Preset,
    ) -> Result<(Self, Vec<String>), Vec<SettingsProblem>> {
        let mut preset = preset.clone();
        let notices = migrate(scenario, &mut preset);
        Self::from_preset(scenario, &preset).map(|s| (s, notices))
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
            if let Err(e) = settings.update_posterior(scenario) {
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
            credences: map(
                scenario.hypotheses.iter().map(|h| &h.id).collect(),
                self.slider_credences(),
            ),
            levers: map(scenario.levers.iter().map(|l| &l.id).collect(), &self.levers),
            values: map(scenario.outcomes.iter().map(|o| &o.id).collect(), &self.value_weights),
            horizons: map(scenario.horizons.iter().map(|h| &h.id).collect(), &self.horizon_weights),
            discount_rate: self.discount_rate,
            // The scenario's own yardstick is the default: said only when another is chosen.
            numeraire: self
                .numeraire
                .filter(|&o| Some(o) != scenario.numeraire_index())
                .and_then(|o| scenario.outcomes.get(o))
                .map(|o| o.id.clone()),
            revision: scenario.revision,
            evidence: scenario
                .evidence
                .iter()
                .zip(&self.observed)
                .filter(|(_, o)| **o != Observation::Open)
                .map(|(e, o)| (e.id.clone(), *o == Observation::True))
                .collect(),
            credences_from_evidence: self.prior.is_some(),
        }
    }
}

/// An end counts 1 by default, a mechanism 0.
fn default_value_weight(o: &crate::model::scenario::Outcome) -> f64 {
    match o.role {
        crate::model::scenario::Role::End => 1.0,
        crate::model::scenario::Role::Mechanism => 0.0,
    }
}
