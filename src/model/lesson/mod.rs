//! Lessons: an ordered list of steps an instructor plays to a class, each with a title, a
//! narration, the state to show (a shipped preset and overrides), the evidence known by a date,
//! the tab to show, and optionally a question asked before the results are revealed and the
//! answer the later record supports.

mod player;

pub use player::{Move, Player, Shown};

use crate::model::scenario::Stages;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The lesson format version this build reads and writes.
pub const LESSON_FORMAT_VERSION: u32 = 1;

/// The tab a step shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum LessonTab {
    /// Sampled policies on two outcomes.
    Pareto,
    /// One lever across its range.
    LeverSweep,
    /// Named policies by hypotheses.
    Matrix,
    /// Expected utility as one credence moves.
    CredenceSweep,
    /// What drives the gap between the best and the runner-up.
    Gap,
    /// The Monte Carlo.
    Uncertainty,
    /// The evidence matrix and timeline.
    Evidence,
    /// The class's credences pooled.
    Class,
}

/// A lesson file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lesson {
    /// Format version; see [`LESSON_FORMAT_VERSION`].
    pub format_version: u32,
    /// Id, e.g. `paris-does-the-motive-matter`.
    pub id: String,
    /// Title shown in menus and above the narration.
    pub title: String,
    /// The shipped scenario it plays on, by id.
    pub scenario: String,
    /// What the class will see and take away, for the menu's tooltip.
    #[serde(default)]
    pub summary: String,
    /// About how long it takes in class, in minutes.
    #[serde(default)]
    pub minutes: u32,
    /// The steps, in order.
    pub steps: Vec<Step>,
}

/// One step of a lesson.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// Title, e.g. "Six theories".
    pub title: String,
    /// A few sentences shown large.
    pub narration: String,
    /// The shipped preset the state starts from (its file stem); the scenario's defaults if
    /// none.
    #[serde(default)]
    pub preset: Option<String>,
    /// Credence weights over the preset's, per hypothesis id.
    #[serde(default)]
    pub credences: BTreeMap<String, f64>,
    /// Lever values over the preset's, per lever id.
    #[serde(default)]
    pub levers: BTreeMap<String, f64>,
    /// Lever values from a horizon on over the preset's: horizon id to lever id to value.
    #[serde(default)]
    pub stages: Stages,
    /// How much each outcome matters over the preset's, per outcome id.
    #[serde(default)]
    pub values: BTreeMap<String, f64>,
    /// What was known by this date (`YYYY-MM-DD`): every evidence item public by then is
    /// observed and the credences come from the evidence.
    #[serde(default)]
    pub known_by: Option<String>,
    /// The tab to show.
    #[serde(default)]
    pub tab: Option<LessonTab>,
    /// A question to the class before the results are revealed ("Before we look: which
    /// response do you expect to be best?").
    #[serde(default)]
    pub question: Option<String>,
    /// The hypothesis the later record supports, by id: the Class tab scores each code
    /// against it from this step on.
    #[serde(default)]
    pub answer: Option<String>,
}

impl Lesson {
    /// The answer named at step `i`: the last one named at or before it.
    #[must_use]
    pub fn answer_at(&self, i: usize) -> Option<&str> {
        self.steps.iter().take(i + 1).rev().find_map(|s| s.answer.as_deref())
    }
}
