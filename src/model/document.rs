//! A document: the shared, never-edited scenario plus the small state a user edits (credences,
//! levers, value and horizon weights, name and notes). Undo, the unsaved mark and comparisons
//! work on the small state only, so none of them ever clones or compares a scenario.

use crate::model::preset::{Preset, ScenarioRef, Settings};
use crate::model::scenario::Scenario;
use std::sync::Arc;

/// Where a document's scenario comes from, and so how a saved preset refers to it. Unlike
/// [`ScenarioRef`] it holds no copy of the scenario: an embedded scenario is the document's own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScenarioSource {
    /// A scenario shipped with the app, by id.
    Shipped(String),
    /// A scenario file, relative to the preset file's folder.
    Path(String),
    /// Written whole into the preset, so that one file can be shared.
    Embedded,
}

impl ScenarioSource {
    /// The source of a preset's scenario reference.
    #[must_use]
    pub fn of(reference: &ScenarioRef) -> Self {
        match reference {
            ScenarioRef::Shipped(id) => Self::Shipped(id.clone()),
            ScenarioRef::Path(p) => Self::Path(p.clone()),
            ScenarioRef::Embedded(_) => Self::Embedded,
        }
    }
}

/// Everything a user edits in a document: small, cheap to clone and compare.
#[derive(Debug, Clone, PartialEq)]
pub struct DocState {
    /// Credences, levers and weights.
    pub settings: Settings,
    /// Preset name.
    pub name: String,
    /// Preset notes.
    pub notes: String,
    /// How a saved preset refers to the scenario.
    pub source: ScenarioSource,
}

/// A scenario with the settings a user chose for it.
#[derive(Debug, Clone)]
pub struct Document {
    /// The scenario, shared and never edited.
    pub scenario: Arc<Scenario>,
    /// What the user edits.
    pub state: DocState,
}

impl Document {
    /// A document on a scenario with its defaults, named after the scenario.
    #[must_use]
    pub fn from_scenario(scenario: Arc<Scenario>, source: ScenarioSource) -> Self {
        Self {
            state: DocState {
                settings: Settings::defaults(&scenario),
                name: scenario.title.clone(),
                notes: String::new(),
                source,
            },
            scenario,
        }
    }

    /// The same scenario with another state.
    #[must_use]
    pub fn with_state(&self, state: DocState) -> Self {
        Self {
            scenario: Arc::clone(&self.scenario),
            state,
        }
    }

    /// The preset that stores this document. Every setting is written, so a file says exactly
    /// what was used; an embedded scenario is copied in here, at save time only.
    #[must_use]
    pub fn to_preset(&self) -> Preset {
        let reference = match &self.state.source {
            ScenarioSource::Shipped(id) => ScenarioRef::Shipped(id.clone()),
            ScenarioSource::Path(p) => ScenarioRef::Path(p.clone()),
            ScenarioSource::Embedded => ScenarioRef::Embedded(Box::new((*self.scenario).clone())),
        };
        let s = &self.state;
        s.settings.to_preset(&self.scenario, &s.name, &s.notes, reference)
    }
}
