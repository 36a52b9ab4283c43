//! The scenario model as it is written in a RON file: hypotheses about the attacker's motive,
//! policy levers, outcomes, horizons, baselines, effects and named policies.
//!
//! These are plain serde types. They say nothing about how numbers are combined; that is
//! [`crate::model::evaluate`].

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

mod curve;
mod evidence;
mod format2;
mod format3;
mod lookup;
mod uncertain;

pub use curve::Curve;
pub use evidence::{Evidence, Fact, Rating, is_date};
pub use format2::{Driver, HorizonWeighting, Role, ValueScale};
use format2::{bare, bare_out, is_end, is_triangular, is_zero};
pub use format3::{Question, schedule};
pub use uncertain::{Dist, Parameter, Z95, quantiles};

/// The scenario format version this build writes (and the newest it reads).
pub const SCENARIO_FORMAT_VERSION: u32 = 3;
/// The oldest scenario format version this build reads (and evaluates exactly as it was).
pub const OLDEST_SCENARIO_FORMAT_VERSION: u32 = 1;

/// A complete scenario: the competing motive hypotheses and a model of how response levers
/// move outcomes under each of them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Format version of the file; see [`SCENARIO_FORMAT_VERSION`].
    pub format_version: u32,
    /// Short stable identifier, used by presets to name a shipped scenario.
    pub id: String,
    /// Title shown in the app.
    pub title: String,
    /// A paragraph on what the scenario is about.
    #[serde(default)]
    pub summary: String,
    /// An instructor's case: the app opens it for exploring, and its editor asks before
    /// unlocking a copy to edit.
    #[serde(default, skip_serializing_if = "is_false")]
    pub locked: bool,
    /// Works cited by the notes of hypotheses, baselines and effects.
    #[serde(default)]
    pub sources: Vec<Source>,
    /// The open questions the hypotheses answer (version 3); without any there is one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<Question>,
    /// Competing explanations of why the attack happened.
    pub hypotheses: Vec<Hypothesis>,
    /// Response-policy levers the user can move.
    pub levers: Vec<Lever>,
    /// Outcomes the model predicts.
    pub outcomes: Vec<Outcome>,
    /// Time horizons over which outcomes are assessed.
    pub horizons: Vec<Horizon>,
    /// Outcome levels with every lever at zero.
    pub baselines: Vec<Baseline>,
    /// How each lever changes each outcome.
    pub effects: Vec<Effect>,
    /// Named response policies: complete lever settings.
    #[serde(default)]
    pub policies: Vec<Policy>,
    /// Facts that evidence items report (version 3).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub facts: Vec<Fact>,
    /// Evidence items that move the credences by Bayes' rule when observed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
    /// The named uncertain parameters effects may share (see [`Effect::parameter`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parameters: Vec<Parameter>,
    /// Revision of the scenario's content (version 2): presets made for an older revision
    /// open with a notice of what [`Scenario::renamed`] changed.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub revision: u32,
    /// Retired ids (of hypotheses, levers, outcomes, horizons or policies) and what replaced
    /// them, or `None` for an id dropped without replacement (version 2).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub renamed: BTreeMap<String, Option<String>>,
    /// The outcome whose units measure every utility difference (the yardstick, version 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub numeraire: Option<String>,
    /// How outcome values are scaled (version 2; a version 1 file is always `Clamped`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_scale: Option<ValueScale>,
    /// How horizon weights count (version 2; a version 1 file is always `PerHorizon`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub horizon_weighting: Option<HorizonWeighting>,
}

#[expect(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's skip_serializing_if passes a reference"
)]
fn is_false(x: &bool) -> bool {
    !*x
}

/// A work cited by the scenario.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Short key used in notes, e.g. `"europol-tesat"`.
    pub id: String,
    /// Full citation.
    pub citation: String,
}

/// One explanation of the attacker's motive.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hypothesis {
    /// Stable identifier.
    pub id: String,
    /// Short name shown next to its slider.
    pub name: String,
    /// What the hypothesis claims and what it implies for the response.
    #[serde(default)]
    pub description: String,
    /// Where the hypothesis comes from.
    #[serde(default)]
    pub source: String,
    /// Default credence weight, relative to its siblings.
    pub prior: f64,
    /// Parent hypothesis id for a sub-hypothesis.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// The question a top-level hypothesis answers (version 3; default the first);
    /// sub-hypotheses belong to their parent's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
}

/// A response-policy lever.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lever {
    /// Stable identifier.
    pub id: String,
    /// Name shown next to its slider.
    pub name: String,
    /// Unit of the lever value, e.g. `"strikes/month"`.
    pub unit: String,
    /// Lowest settable value.
    pub min: f64,
    /// Highest settable value.
    pub max: f64,
    /// Slider step.
    pub step: f64,
    /// Value in a new document.
    pub default: f64,
    /// What the lever stands for and where its scale comes from.
    #[serde(default)]
    pub description: String,
}

/// Which direction of an outcome is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Better {
    /// More is better.
    Higher,
    /// Less is better.
    Lower,
}

/// Hard physical or logical limits of an outcome; model values are clamped into them.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Limits {
    /// Lowest possible value, if any.
    #[serde(default)]
    pub min: Option<f64>,
    /// Highest possible value, if any.
    #[serde(default)]
    pub max: Option<f64>,
}

/// An outcome the model predicts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    /// Stable identifier.
    pub id: String,
    /// Name shown in tables and plots.
    pub name: String,
    /// Unit of the outcome value.
    pub unit: String,
    /// Which direction is better.
    pub better: Better,
    /// The plausible worst value, mapped to normalised value 0.
    pub worst: f64,
    /// The plausible best value, mapped to normalised value 1.
    pub best: f64,
    /// Hard limits on the value.
    #[serde(default)]
    pub limits: Limits,
    /// What is measured and how.
    #[serde(default)]
    pub description: String,
    /// An end in itself or a mechanism (version 2).
    #[serde(default, skip_serializing_if = "is_end")]
    pub role: Role,
}

/// A time horizon.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Horizon {
    /// Stable identifier.
    pub id: String,
    /// Name shown in tables.
    pub name: String,
    /// Years from the attack that the horizon covers.
    pub years: f64,
    /// What the horizon covers.
    #[serde(default)]
    pub description: String,
}

/// The level of an outcome at a horizon with every lever at zero.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    /// Outcome id.
    pub outcome: String,
    /// Horizon id.
    pub horizon: String,
    /// The level under every hypothesis without an override.
    pub value: f64,
    /// Levels under particular hypotheses (each also applies to that hypothesis's
    /// sub-hypotheses unless they have their own).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub by_hypothesis: BTreeMap<String, f64>,
    /// Plausible range of every level of this baseline as multipliers, `(low, high)`, drawn once
    /// per sample (version 3); without one the baseline is certain.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "bare",
        serialize_with = "bare_out"
    )]
    pub range: Option<(f64, f64)>,
    /// How the range is read as a distribution of the multiplier (version 3).
    #[serde(default, skip_serializing_if = "is_triangular")]
    pub dist: Dist,
    /// The named uncertain quantity this baseline shares with effects or other baselines
    /// (version 3).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "bare",
        serialize_with = "bare_out"
    )]
    pub parameter: Option<String>,
    /// Where the level comes from.
    #[serde(default)]
    pub note: String,
}

/// A second driver that scales an effect: the effect is `curve(d) * factor(w)` with `d` the
/// effect's driver and `w` this one's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Modulator {
    /// The modulating lever (version 1).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "bare",
        serialize_with = "bare_out"
    )]
    pub lever: Option<String>,
    /// The modulating driver (version 2).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "bare",
        serialize_with = "bare_out"
    )]
    pub driver: Option<Driver>,
    /// The multiplying factor as a function of the driver's value.
    pub factor: Curve,
}

impl Modulator {
    /// The driver, whichever way the file wrote it.
    #[must_use]
    pub fn source(&self) -> Option<Driver> {
        either(self.driver.as_ref(), self.lever.as_ref())
    }
}

/// A version 2 `driver`, else a version 1 `lever` as a lever driver.
fn either(driver: Option<&Driver>, lever: Option<&String>) -> Option<Driver> {
    driver.cloned().or_else(|| lever.cloned().map(Driver::Lever))
}

/// How one lever changes one outcome at one horizon, under all hypotheses or one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Effect {
    /// Outcome id.
    pub outcome: String,
    /// Horizon id.
    pub horizon: String,
    /// Hypothesis id this effect applies to (with its sub-hypotheses); `None` for all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hypothesis: Option<String>,
    /// Hypotheses that must all hold for the effect to apply, at most one per question
    /// (version 3), as well as `hypothesis`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub when: Vec<String>,
    /// Lever id (version 1).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "bare",
        serialize_with = "bare_out"
    )]
    pub lever: Option<String>,
    /// What drives the effect (version 2).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "bare",
        serialize_with = "bare_out"
    )]
    pub driver: Option<Driver>,
    /// Change in the outcome as a function of the driver's value.
    pub curve: Curve,
    /// Optional second driver that scales the effect.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub with: Option<Modulator>,
    /// Plausible range of the effect as multipliers of the curve, `(low, high)`.
    pub range: (f64, f64),
    /// How the range is read as a distribution of the multiplier (Triangular by default).
    #[serde(default, skip_serializing_if = "is_triangular")]
    pub dist: Dist,
    /// The named uncertain quantity this effect shares with others, if any; without one the
    /// effect is its own parameter.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "bare",
        serialize_with = "bare_out"
    )]
    pub parameter: Option<String>,
    /// Source or rationale; starts with "assumption" when no source supports the size.
    pub note: String,
}

/// A named response policy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    /// Stable identifier.
    pub id: String,
    /// Name shown in lists and plots.
    pub name: String,
    /// What the policy stands for.
    #[serde(default)]
    pub description: String,
    /// Lever settings; a lever not listed takes its default.
    pub levers: BTreeMap<String, f64>,
    /// Lever settings from a horizon on, by horizon id (version 3): a staged response.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub stages: Stages,
}

/// Lever settings from a horizon on: horizon id to lever id to value. A lever's value in
/// horizon `t` is the one set by the latest stage at or before `t`, else the base setting.
pub type Stages = BTreeMap<String, BTreeMap<String, f64>>;

impl Effect {
    /// The driver, whichever way the file wrote it.
    #[must_use]
    pub fn source(&self) -> Option<Driver> {
        either(self.driver.as_ref(), self.lever.as_ref())
    }
    /// The driving lever's id, if a lever drives the effect.
    #[must_use]
    pub fn lever_id(&self) -> Option<&str> {
        match &self.driver {
            Some(Driver::Lever(l) | Driver::LeverAt(l, _)) => Some(l),
            Some(Driver::Outcome(..)) => None,
            None => self.lever.as_deref(),
        }
    }
}
