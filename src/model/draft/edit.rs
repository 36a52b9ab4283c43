//! The edits the scenario editor makes: add, delete and move items, set a field, rename an id
//! (and every reference to it). Each applies to a scenario in place and says what it did not
//! do, so a refused edit leaves the scenario as it was.

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
    /// A hypothesis's or evidence item's source.
    Source,
    /// A lever's or outcome's unit.
    Unit,
    /// A baseline's, effect's or evidence item's note.
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
    /// An evidence item's rating under a hypothesis (`None`: not rated).
    Rating(usize, String, Option<Rating>),
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
        }
    }

    /// Every item kind.
    pub const ALL: [Item; 10] = [
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
            Item::Baseline | Item::Effect => Vec::new(),
        }
    }
}

/// Apply `edit` to `s`. On an error nothing is changed.
///
/// # Errors
/// An item that does not exist, a field it does not have, an id that is empty or taken, a
/// number that is not finite.
pub fn apply(s: &mut Scenario, edit: &ScenarioEdit) -> Result<(), EditError> {
    match edit {
        ScenarioEdit::Title(t) => t.clone_into(&mut s.title),
        ScenarioEdit::Summary(t) => t.clone_into(&mut s.summary),
        ScenarioEdit::Id(t) => t.clone_into(&mut s.id),
        ScenarioEdit::Locked(on) => s.locked = *on,
        ScenarioEdit::Add(item) => super::add::add(s, *item),
        ScenarioEdit::Delete(item, i, children) => {
            exists(s, *item, *i)?;
            super::delete::delete(s, *item, *i, *children);
        }
        ScenarioEdit::Move(item, i, up) => {
            exists(s, *item, *i)?;
            let j = if *up {
                i.checked_sub(1)
            } else {
                Some(i + 1).filter(|&j| j < item.len(s))
            };
            if let Some(j) = j {
                swap(s, *item, *i, j);
            }
        }
        ScenarioEdit::Text(item, i, field, t) => {
            exists(s, *item, *i)?;
            if *field == Text::Id {
                return super::rename::rename(s, *item, *i, t);
            }
            let slot =
                text_slot(s, *item, *i, *field).ok_or_else(|| EditError::NoField(*item, format!("{field:?}")))?;
            t.clone_into(slot);
        }
        ScenarioEdit::Number(item, i, field, x) => {
            exists(s, *item, *i)?;
            if !x.is_finite() {
                return Err(EditError::NotFinite(*x));
            }
            set_number(s, *item, *i, *field, *x)?;
        }
        _ => super::fields::apply_field(s, edit)?,
    }
    Ok(())
}

/// An error unless item `i` exists.
pub(super) fn exists(s: &Scenario, item: Item, i: usize) -> Result<(), EditError> {
    if i < item.len(s) {
        Ok(())
    } else {
        Err(EditError::NoItem(item, i))
    }
}

fn swap(s: &mut Scenario, item: Item, i: usize, j: usize) {
    match item {
        Item::Question => s.questions.swap(i, j),
        Item::Hypothesis => s.hypotheses.swap(i, j),
        Item::Lever => s.levers.swap(i, j),
        Item::Outcome => s.outcomes.swap(i, j),
        Item::Horizon => s.horizons.swap(i, j),
        Item::Baseline => s.baselines.swap(i, j),
        Item::Effect => s.effects.swap(i, j),
        Item::Policy => s.policies.swap(i, j),
        Item::Evidence => s.evidence.swap(i, j),
        Item::Source => s.sources.swap(i, j),
    }
}

fn text_slot(s: &mut Scenario, item: Item, i: usize, field: Text) -> Option<&mut String> {
    Some(match (item, field) {
        (Item::Question, Text::Name) => &mut s.questions[i].name,
        (Item::Question, Text::Description) => &mut s.questions[i].description,
        (Item::Hypothesis, Text::Name) => &mut s.hypotheses[i].name,
        (Item::Hypothesis, Text::Description) => &mut s.hypotheses[i].description,
        (Item::Hypothesis, Text::Source) => &mut s.hypotheses[i].source,
        (Item::Lever, Text::Name) => &mut s.levers[i].name,
        (Item::Lever, Text::Unit) => &mut s.levers[i].unit,
        (Item::Lever, Text::Description) => &mut s.levers[i].description,
        (Item::Outcome, Text::Name) => &mut s.outcomes[i].name,
        (Item::Outcome, Text::Unit) => &mut s.outcomes[i].unit,
        (Item::Outcome, Text::Description) => &mut s.outcomes[i].description,
        (Item::Horizon, Text::Name) => &mut s.horizons[i].name,
        (Item::Horizon, Text::Description) => &mut s.horizons[i].description,
        (Item::Baseline, Text::Note) => &mut s.baselines[i].note,
        (Item::Effect, Text::Note) => &mut s.effects[i].note,
        (Item::Policy, Text::Name) => &mut s.policies[i].name,
        (Item::Policy, Text::Description) => &mut s.policies[i].description,
        (Item::Evidence, Text::Name) => &mut s.evidence[i].name,
        (Item::Evidence, Text::Description) => &mut s.evidence[i].description,
        (Item::Evidence, Text::Source) => &mut s.evidence[i].source,
        (Item::Evidence, Text::Note) => &mut s.evidence[i].note,
        (Item::Evidence, Text::Date) => &mut s.evidence[i].date,
        (Item::Source, Text::Name) => &mut s.sources[i].citation,
        _ => return None,
    })
}

fn set_number(s: &mut Scenario, item: Item, i: usize, field: Number, x: f64) -> Result<(), EditError> {
    let range = |r: &mut (f64, f64), low: bool| {
        if low { r.0 = x } else { r.1 = x }
    };
    match (item, field) {
        (Item::Hypothesis, Number::Prior) => s.hypotheses[i].prior = x,
        (Item::Lever, Number::Min) => s.levers[i].min = x,
        (Item::Lever, Number::Max) => s.levers[i].max = x,
        (Item::Lever, Number::Step) => s.levers[i].step = x,
        (Item::Lever, Number::Default) => s.levers[i].default = x,
        (Item::Outcome, Number::Worst) => s.outcomes[i].worst = x,
        (Item::Outcome, Number::Best) => s.outcomes[i].best = x,
        (Item::Horizon, Number::Years) => s.horizons[i].years = x,
        (Item::Baseline, Number::Value) => s.baselines[i].value = x,
        (Item::Baseline, Number::Low | Number::High) => {
            let b = &mut s.baselines[i];
            let r = b.range.get_or_insert((b.value, b.value));
            range(r, field == Number::Low);
        }
        (Item::Effect, Number::Low | Number::High) => range(&mut s.effects[i].range, field == Number::Low),
        (Item::Evidence, Number::Reliability) => s.evidence[i].reliability = x,
        _ => return Err(EditError::NoField(item, format!("{field:?}"))),
    }
    Ok(())
}
