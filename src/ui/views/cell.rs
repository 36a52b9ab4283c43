//! A persisted choice of an outcome at a horizon (or a lever, or a hypothesis), stored by id
//! so that it survives a change of scenario, with a default that depends on no scenario.

use crate::model::scenario::Scenario;
use serde::{Deserialize, Serialize};

/// An outcome at a horizon, by id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CellRef {
    /// Outcome id.
    pub outcome: String,
    /// Horizon id.
    pub horizon: String,
}

impl CellRef {
    /// The cell of `s` with this outcome and horizon, if it has them.
    #[must_use]
    pub fn resolve(&self, s: &Scenario) -> Option<usize> {
        let o = s.outcome_index(&self.outcome)?;
        let t = s.horizon_index(&self.horizon)?;
        Some(crate::model::evaluate::cell_index(s.horizons.len(), o, t))
    }

    /// The reference to cell `cell` of `s`.
    #[must_use]
    pub fn of(s: &Scenario, cell: usize) -> Option<Self> {
        let n = s.horizons.len().max(1);
        Some(Self {
            outcome: s.outcomes.get(cell / n)?.id.clone(),
            horizon: s.horizons.get(cell % n)?.id.clone(),
        })
    }
}

/// The chosen cell, or `fallback` if none is chosen or the scenario lacks it, kept in range.
#[must_use]
pub fn cell_or(choice: Option<&CellRef>, s: &Scenario, fallback: usize) -> usize {
    let cells = s.outcomes.len() * s.horizons.len();
    choice
        .and_then(|c| c.resolve(s))
        .unwrap_or(fallback)
        .min(cells.saturating_sub(1))
}

/// The chosen id's index among `ids`, or 0.
#[must_use]
pub fn index_or_first<'a>(choice: Option<&str>, mut ids: impl Iterator<Item = &'a str>) -> usize {
    choice.and_then(|c| ids.position(|id| id == c)).unwrap_or(0)
}
