//! The scenario editor's document: a draft of a scenario, its undo history, and whether it
//! checks. One state machine (`Draft::on`): an edit either is refused (nothing changes), or
//! changes the draft, which then either checks (the results follow it: [`Effect::Publish`]) or
//! does not (the results stay on the last scenario that checked, marked, and the problems are
//! listed). Nothing here knows a widget or a file.

mod add;
mod carry;
mod curves;
mod delete;
pub mod edit;
mod fields;
mod rename;
mod shared;
#[cfg(test)]
mod test_support;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_shared;
mod types;

pub use carry::carry;
pub use fields::MIN_LIKELIHOOD;
pub use shared::driver_range;
pub use types::{Children, EditError, Item, Number, ScenarioEdit, Text};

use crate::model::scenario::Scenario;
use crate::model::validate::{Problem, validate};
use std::sync::Arc;

/// Most undo steps the editor keeps.
const MAX_UNDO: usize = 200;

/// What the user does in the editor.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// Change the draft.
    Edit(ScenarioEdit),
    /// Back one step.
    Undo,
    /// Forward one step.
    Redo,
    /// The draft was written to a file: it is the saved one now.
    Saved,
    /// A drag ended, or a field lost focus: the next edit starts a new undo step even if it
    /// is of the same field.
    EndStroke,
}

/// What the app must do after an event.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// The draft checks and differs from what the results show: show it.
    Publish(Arc<Scenario>),
    /// The draft has this many problems: the results stay on the last scenario that checked.
    Invalid(usize),
    /// The edit was not made (the draft is as it was).
    Refused(EditError),
    /// Nothing to do.
    Nothing,
}

/// Whether the draft checks.
#[derive(Debug, Clone, PartialEq)]
pub enum Check {
    /// It checks: the results show it.
    Valid,
    /// It does not: these problems, and the results show the last draft that checked.
    Invalid(Vec<Problem>),
}

/// An edit that continues the one before it (typing in one field, dragging one point) is
/// folded into its undo step.
#[derive(Debug, Clone, PartialEq)]
enum Stroke {
    Text(Item, usize, Text),
    Number(Item, usize, Number),
    Point(usize),
    FactorPoint(usize),
    Likelihood(usize, String),
    Title,
    Summary,
    Id,
}

/// A scenario being edited.
#[derive(Debug, Clone)]
pub struct Draft {
    scenario: Scenario,
    undo: Vec<Scenario>,
    redo: Vec<Scenario>,
    check: Check,
    /// The last draft that checked: what the results show.
    shown: Arc<Scenario>,
    /// The draft as last saved or opened.
    saved: Scenario,
    stroke: Option<Stroke>,
    /// How many times the draft has changed (edits, undos and redos), to notice a change
    /// without comparing scenarios.
    changes: u64,
}

impl Draft {
    /// A draft of `scenario` (which checks: it is what the app shows).
    #[must_use]
    pub fn open(scenario: Arc<Scenario>) -> Self {
        let check = check(&scenario);
        Self {
            scenario: (*scenario).clone(),
            saved: (*scenario).clone(),
            undo: Vec::new(),
            redo: Vec::new(),
            check,
            shown: scenario,
            stroke: None,
            changes: 0,
        }
    }

    /// A draft recovered after a crash: `draft` as one undoable step from `shown` (the last
    /// version that checked, which the app shows), unsaved. Publishes `draft` if it checks.
    #[must_use]
    pub fn recovered(shown: Arc<Scenario>, draft: Scenario) -> (Self, Effect) {
        let mut d = Self::open(shown);
        if draft == d.scenario {
            return (d, Effect::Nothing);
        }
        d.undo.push(std::mem::replace(&mut d.scenario, draft));
        d.changes = 1;
        let effect = d.settle();
        (d, effect)
    }

    /// How many times the draft has changed since it was opened.
    #[must_use]
    pub fn changes(&self) -> u64 {
        self.changes
    }

    /// The draft as edited.
    #[must_use]
    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    /// Whether it checks, and if not, why.
    #[must_use]
    pub fn check(&self) -> &Check {
        &self.check
    }

    /// The problems (none when it checks).
    #[must_use]
    pub fn problems(&self) -> &[Problem] {
        match &self.check {
            Check::Valid => &[],
            Check::Invalid(p) => p,
        }
    }

    /// The last draft that checked.
    #[must_use]
    pub fn shown(&self) -> &Arc<Scenario> {
        &self.shown
    }

    /// Whether there is a step to undo.
    #[must_use]
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is a step to redo.
    #[must_use]
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Whether the draft differs from the scenario as opened or last saved.
    #[must_use]
    pub fn unsaved(&self) -> bool {
        self.scenario != self.saved
    }

    /// Take an event; say what the app must do.
    pub fn on(&mut self, event: Event) -> Effect {
        match event {
            Event::Edit(edit) => {
                let mut next = self.scenario.clone();
                if let Err(e) = edit::apply(&mut next, &edit) {
                    return Effect::Refused(e);
                }
                if next == self.scenario {
                    return Effect::Nothing;
                }
                let stroke = stroke(&edit);
                if stroke.is_none() || stroke != self.stroke {
                    self.undo.push(std::mem::replace(&mut self.scenario, next));
                    if self.undo.len() > MAX_UNDO {
                        self.undo.remove(0);
                    }
                } else {
                    self.scenario = next;
                }
                self.stroke = stroke;
                self.redo.clear();
                self.changes += 1;
            }
            Event::Undo | Event::Redo => {
                let (from, to) = if event == Event::Undo {
                    (&mut self.undo, &mut self.redo)
                } else {
                    (&mut self.redo, &mut self.undo)
                };
                let Some(target) = from.pop() else {
                    return Effect::Nothing;
                };
                to.push(std::mem::replace(&mut self.scenario, target));
                self.stroke = None;
                self.changes += 1;
            }
            Event::Saved => {
                self.saved = self.scenario.clone();
                self.stroke = None;
                return Effect::Nothing;
            }
            Event::EndStroke => {
                self.stroke = None;
                return Effect::Nothing;
            }
        }
        self.settle()
    }

    /// Check the draft; publish it if it checks and is not what is shown.
    fn settle(&mut self) -> Effect {
        self.check = check(&self.scenario);
        match &self.check {
            Check::Invalid(p) => Effect::Invalid(p.len()),
            Check::Valid if *self.shown == self.scenario => Effect::Nothing,
            Check::Valid => {
                self.shown = Arc::new(self.scenario.clone());
                Effect::Publish(Arc::clone(&self.shown))
            }
        }
    }
}

fn check(s: &Scenario) -> Check {
    let problems = validate(s);
    if problems.is_empty() {
        Check::Valid
    } else {
        Check::Invalid(problems)
    }
}

fn stroke(edit: &ScenarioEdit) -> Option<Stroke> {
    Some(match edit {
        ScenarioEdit::Text(item, i, field, _) => Stroke::Text(*item, *i, *field),
        ScenarioEdit::Number(item, i, field, _) => Stroke::Number(*item, *i, *field),
        ScenarioEdit::Point(i, ..) => Stroke::Point(*i),
        ScenarioEdit::FactorPoint(i, ..) => Stroke::FactorPoint(*i),
        ScenarioEdit::Likelihood(e, h, _) => Stroke::Likelihood(*e, h.clone()),
        ScenarioEdit::Title(_) => Stroke::Title,
        ScenarioEdit::Summary(_) => Stroke::Summary,
        ScenarioEdit::Id(_) => Stroke::Id,
        _ => return None,
    })
}

/// The items whose source or note names source `id` (as a word: `nie_2006` in
/// `"NIE 2006 (nie_2006)"`), as `section[index]` paths.
#[must_use]
pub fn cited_by(s: &Scenario, id: &str) -> Vec<String> {
    let names = |text: &str| {
        text.match_indices(id).any(|(at, _)| {
            let word = |c: char| c.is_alphanumeric() || c == '_' || c == '-';
            let before = text[..at].chars().next_back().is_none_or(|c| !word(c));
            let after = text[at + id.len()..].chars().next().is_none_or(|c| !word(c));
            before && after
        })
    };
    let mut out = Vec::new();
    let mut cite = |section: &str, texts: &mut dyn Iterator<Item = &str>| {
        for (i, t) in texts.enumerate() {
            if names(t) {
                out.push(format!("{section}[{i}]"));
            }
        }
    };
    cite("hypotheses", &mut s.hypotheses.iter().map(|h| h.source.as_str()));
    cite("baselines", &mut s.baselines.iter().map(|b| b.note.as_str()));
    cite("effects", &mut s.effects.iter().map(|e| e.note.as_str()));
    cite("evidence", &mut s.evidence.iter().map(|e| e.source.as_str()));
    cite("parameters", &mut s.parameters.iter().map(|p| p.source.as_str()));
    out
}

/// Where a problem's path points: the item's kind and index (`effects[3].lever` is effect 3).
#[must_use]
pub fn problem_item(path: &str) -> Option<(Item, usize)> {
    let (section, rest) = path.split_once('[')?;
    let (index, _) = rest.split_once(']')?;
    let item = Item::ALL.into_iter().find(|i| i.section() == section)?;
    Some((item, index.parse().ok()?))
}
