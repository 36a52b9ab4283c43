//! The editor's vocabulary: the lists of a scenario, their fields, and the edits.

use crate::model::scenario::{Better, Curve, Dist, Driver, Rating, Role, Scenario};

/// A list of items in a scenario.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Item {
    /// `questions`.
    Question,
    /// `hypotheses`.
    Hypothesis,
    /// `levers`.
    Lever,
    /// `outcomes`.
    Outcome,
    /// `horizons`.
    Horizon,
    /// `baselines`.
    Baseline,
    /// `effects`.
    Effect,
    /// `policies`.
    Policy,
    /// `evidence`.
    Evidence,
    /// `sources`.
    Source,
    /// `parameters`: an uncertainty several effects or baselines share. One is made from an
    /// effect or baseline ([`ScenarioEdit::NewParameter`]), not added on its own.
    Parameter,
    /// `facts`: what several evidence items report. One is made from an item
    /// ([`ScenarioEdit::NewFact`]), not added on its own.
    Fact,
}

/// A text field of an item (not every item has every field).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Text {
    /// The id: renaming it renames every reference to it.
    Id,
    /// Name (a source's citation).
    Name,
    /// Description.
    Description,
    /// A hypothesis's, evidence item's or shared parameter's source.
    Source,
    /// A lever's or outcome's unit.
    Unit,
    /// A baseline's, effect's, evidence item's or fact's note.
    Note,
    /// An evidence item's date, `YYYY-MM-DD`.
    Date,
}

/// A number field of an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Number {
    /// A hypothesis's prior.
    Prior,
    /// A lever's lowest value.
    Min,
    /// A lever's highest value.
    Max,
    /// A lever's slider step.
    Step,
    /// A lever's default.
    Default,
    /// An outcome's worst plausible value.
    Worst,
    /// An outcome's best plausible value.
    Best,
    /// A horizon's length in years.
    Years,
    /// A baseline's value.
    Value,
    /// The low end of a baseline's or effect's range.
    Low,
    /// The high end of a baseline's or effect's range.
    High,
    /// An evidence item's reliability.
    Reliability,
}

/// What happens to a hypothesis's sub-hypotheses when it is deleted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Children {
    /// They move up to its parent (or become top-level).
    Lift,
    /// They are deleted with it.
    Delete,
}

/// One change to a scenario.
#[derive(Debug, Clone, PartialEq)]
pub enum ScenarioEdit {
    /// The scenario's title.
    Title(String),
    /// The scenario's summary.
    Summary(String),
    /// The scenario's id.
    Id(String),
    /// Whether the scenario is an instructor's case that opens locked.
    Locked(bool),
    /// The outcome whose units measure every difference (the yardstick), by id (`None`: the
    /// utility scale).
    Yardstick(Option<String>),
    /// The scenario's content revision.
    Revision(u32),
    /// A new item at the end of its list, with a fresh id and values that check.
    Add(Item),
    /// Delete an item, and what only it used (a lever's effects, an outcome's baselines and
    /// effects, ...). A hypothesis's sub-hypotheses go as `Children` says.
    Delete(Item, usize, Children),
    /// Move an item one place up (`true`) or down in its list.
    Move(Item, usize, bool),
    /// Set a text field.
    Text(Item, usize, Text, String),
    /// Set a number field.
    Number(Item, usize, Number, f64),
    /// A hypothesis's parent (`None`: top level).
    Parent(usize, Option<String>),
    /// A hypothesis's question.
    Question(usize, Option<String>),
    /// An outcome's role.
    Role(usize, Role),
    /// Which way an outcome is better.
    Better(usize, Better),
    /// An outcome's hard lower (`false`) or upper limit.
    Limit(usize, bool, Option<f64>),
    /// The outcome (`false`) or horizon (`true`) an effect or baseline (`Item`) is on.
    Cell(Item, usize, bool, String),
    /// The hypothesis an effect holds under (`None`: all).
    Under(usize, Option<String>),
    /// The hypotheses that must all hold as well for an effect (at most one per question).
    When(usize, Vec<String>),
    /// Drop an effect's factor (`with`): the effect becomes its curve alone.
    DropFactor(usize),
    /// A baseline's level under a hypothesis (`None`: the baseline's value).
    Level(usize, String, Option<f64>),
    /// What drives an effect.
    Driver(usize, Driver),
    /// An effect's curve.
    Curve(usize, Curve),
    /// Point `.1` of an effect's curve of points moved to `.2`.
    Point(usize, usize, (f64, f64)),
    /// The distribution of an effect's range.
    Dist(usize, Dist),
    /// A policy's value of a lever (by id).
    PolicyLever(usize, String, f64),
    /// A policy's value of a lever (`.2`) from a later horizon (`.1`) on, or `None` to follow
    /// the horizon before.
    Stage(usize, String, String, Option<f64>),
    /// An evidence item's rating under a hypothesis (`None`: not rated).
    Rating(usize, String, Option<Rating>),
    /// An evidence item's likelihood under a hypothesis, kept within 0.01 to 1 (`None`: not
    /// given). An item rated by `ratings` turns to likelihoods, its ratings read as theirs.
    Likelihood(usize, String, Option<f64>),
    /// A fact's rating under a hypothesis, as [`ScenarioEdit::Rating`] for an item.
    FactRating(usize, String, Option<Rating>),
    /// A fact's likelihood under a hypothesis, as [`ScenarioEdit::Likelihood`] for an item.
    FactLikelihood(usize, String, Option<f64>),
    /// The driver of an effect's factor (`with`); an effect without one gets a factor of 1
    /// across the driver's range, to shape by dragging.
    Factor(usize, Driver),
    /// An effect's factor's curve.
    FactorCurve(usize, Curve),
    /// Point `.1` of an effect's factor's curve of points moved to `.2`.
    FactorPoint(usize, usize, (f64, f64)),
    /// The shared parameter of an effect or baseline (`Item`), by id (`None`: its uncertainty
    /// is its own). A parameter no effect or baseline shares any more is removed.
    Share(Item, usize, Option<String>),
    /// A new shared parameter, given to the effect or baseline (`Item`) to share with others.
    NewParameter(Item, usize),
    /// The fact an evidence item reports (`None`: none). A report's own judgments give way
    /// to the fact's; an item that stops reporting takes a copy of them, and a fact no item
    /// reports any more is removed.
    Reports(usize, Option<String>),
    /// A new fact made of an evidence item's judgments, which the item then reports.
    NewFact(usize),
}

/// Why an edit was not made.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EditError {
    /// The item does not exist.
    #[error("there is no {0:?} number {1}")]
    NoItem(Item, usize),
    /// The item has no such field.
    #[error("a {0:?} has no {1}")]
    NoField(Item, String),
    /// The new id is taken or empty.
    #[error("the id \"{0}\" is empty or already used")]
    BadId(String),
    /// The number is not finite.
    #[error("{0} is not a finite number")]
    NotFinite(f64),
}

impl Item {
    /// How many the scenario has.
    #[must_use]
    pub fn len(self, s: &Scenario) -> usize {
        match self {
            Item::Question => s.questions.len(),
            Item::Hypothesis => s.hypotheses.len(),
            Item::Lever => s.levers.len(),
            Item::Outcome => s.outcomes.len(),
            Item::Horizon => s.horizons.len(),
            Item::Baseline => s.baselines.len(),
            Item::Effect => s.effects.len(),
            Item::Policy => s.policies.len(),
            Item::Evidence => s.evidence.len(),
            Item::Source => s.sources.len(),
            Item::Parameter => s.parameters.len(),
            Item::Fact => s.facts.len(),
        }
    }

    /// The item's list's name in the file (and in a problem's path).
    #[must_use]
    pub fn section(self) -> &'static str {
        match self {
            Item::Question => "questions",
            Item::Hypothesis => "hypotheses",
            Item::Lever => "levers",
            Item::Outcome => "outcomes",
            Item::Horizon => "horizons",
            Item::Baseline => "baselines",
            Item::Effect => "effects",
            Item::Policy => "policies",
            Item::Evidence => "evidence",
            Item::Source => "sources",
            Item::Parameter => "parameters",
            Item::Fact => "facts",
        }
    }

    /// Every item kind.
    pub const ALL: [Item; 12] = [
        Item::Question,
        Item::Hypothesis,
        Item::Lever,
        Item::Outcome,
        Item::Horizon,
        Item::Baseline,
        Item::Effect,
        Item::Policy,
        Item::Evidence,
        Item::Source,
        Item::Parameter,
        Item::Fact,
    ];

    /// The ids of the items of this kind (baselines and effects have none).
    #[must_use]
    pub fn ids(self, s: &Scenario) -> Vec<&str> {
        match self {
            Item::Question => s.questions.iter().map(|x| x.id.as_str()).collect(),
            Item::Hypothesis => s.hypotheses.iter().map(|x| x.id.as_str()).collect(),
            Item::Lever => s.levers.iter().map(|x| x.id.as_str()).collect(),
            Item::Outcome => s.outcomes.iter().map(|x| x.id.as_str()).collect(),
            Item::Horizon => s.horizons.iter().map(|x| x.id.as_str()).collect(),
            Item::Policy => s.policies.iter().map(|x| x.id.as_str()).collect(),
            Item::Evidence => s.evidence.iter().map(|x| x.id.as_str()).collect(),
            Item::Source => s.sources.iter().map(|x| x.id.as_str()).collect(),
            Item::Parameter => s.parameters.iter().map(|x| x.id.as_str()).collect(),
            Item::Fact => s.facts.iter().map(|x| x.id.as_str()).collect(),
            Item::Baseline | Item::Effect => Vec::new(),
        }
    }
}

/// An error unless item `i` exists.
pub(super) fn exists(s: &Scenario, item: Item, i: usize) -> Result<(), EditError> {
    if i < item.len(s) {
        Ok(())
    } else {
        Err(EditError::NoItem(item, i))
    }
}
