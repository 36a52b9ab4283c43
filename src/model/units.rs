//! Values in plain units: utility differences said in units of a yardstick outcome (the
//! numeraire), and the exchange rates the value weights imply between outcomes.
//!
//! With values `v_o = (y - worst_o) / (best_o - worst_o)`, value weights `omega` and horizon
//! weights `tau` (`W = sum_{o,t} omega_o tau_t`, `T = sum_t tau_t`), one unit more of outcome
//! `o` at every horizon changes utility by `omega_o * T / (W * |best_o - worst_o|)`. So one unit
//! of `o` is worth `r_o = (omega_o / s_o) / (omega_n / s_n)` units of the yardstick `n`
//! (`s = |best - worst|`), and a utility difference `dU` is
//! `dU * W * s_n / (omega_n * T) = dU * (sum_o omega_o) * s_n / omega_n` yardstick units.
//! In a version 1 scenario values are clamped, so these hold only inside the outcomes' ranges.

use crate::model::evaluate::Model;
use crate::model::scenario::{Better, Scenario};
use crate::model::settings::Settings;
use thiserror::Error;

/// Why utility cannot be said in yardstick units.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum UnitsError {
    /// The scenario names no yardstick and the user chose none.
    #[error("no yardstick outcome is chosen, so values are on the 0-1 utility scale only")]
    NoYardstick,
    /// The yardstick counts for nothing.
    #[error(
        "the yardstick \"{0}\" has value weight 0, so nothing can be measured in its units: weigh it, or choose another yardstick"
    )]
    WeightZero(String),
}

/// The yardstick and the rates between outcomes under a set of value weights.
#[derive(Debug, Clone, PartialEq)]
pub struct Units {
    /// The yardstick outcome.
    pub numeraire: usize,
    /// Its unit, e.g. "attacks/year".
    pub unit: String,
    /// Yardstick units per utility point: multiply a utility difference by it.
    pub per_utility: f64,
    /// Yardstick units one unit of each outcome is worth (`r_o`; 0 for an outcome with no
    /// weight).
    pub rates: Vec<f64>,
    /// Whether more of the yardstick is better (a utility gain is then "more" of it).
    pub higher_is_better: bool,
}

impl Units {
    /// The units of `settings` (the user's yardstick, else the scenario's).
    ///
    /// # Errors
    /// No yardstick, or a yardstick with weight 0.
    pub fn of(scenario: &Scenario, model: &Model, settings: &Settings) -> Result<Self, UnitsError> {
        let n = settings.yardstick(scenario).ok_or(UnitsError::NoYardstick)?;
        let omega = &settings.value_weights;
        let w_n = omega.get(n).copied().unwrap_or(0.0);
        let out = &scenario.outcomes[n];
        if w_n <= 0.0 {
            return Err(UnitsError::WeightZero(out.id.clone()));
        }
        let s_n = model.scale(n);
        let per_weight = |o: usize| omega[o] / model.scale(o);
        Ok(Self {
            numeraire: n,
            unit: out.unit.clone(),
            per_utility: omega.iter().sum::<f64>() * s_n / w_n,
            rates: (0..omega.len()).map(|o| per_weight(o) / per_weight(n)).collect(),
            higher_is_better: out.better == Better::Higher,
        })
    }

    /// A utility difference in yardstick units.
    #[must_use]
    pub fn of_utility(&self, du: f64) -> f64 {
        du * self.per_utility
    }

    /// The value weight that makes one unit of outcome `o` worth `rate` yardstick units, the
    /// other weights as in `settings` (the inverse of [`Units::rates`]).
    #[must_use]
    pub fn weight_for_rate(&self, model: &Model, settings: &Settings, o: usize, rate: f64) -> f64 {
        let n = self.numeraire;
        rate * settings.value_weights[n] * model.scale(o) / model.scale(n)
    }
}
