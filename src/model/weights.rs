//! What makes a weight a weight: the bound on credences, value and horizon weights, why a
//! number is not one, and why a set of them cannot be used. A leaf module: validation, the
//! preset files and the evaluation all check weights with it.

use thiserror::Error;

/// The largest credence, value or horizon weight (and prior) a file may give. Weights are
/// relative, so nothing is lost by the bound; without it sums of weights could overflow to
/// infinity and every utility become NaN.
pub const MAX_WEIGHT: f64 = 1e9;

/// Why a weight is not one (`None` if it is).
#[must_use]
pub fn weight_problem(x: f64) -> Option<String> {
    if !x.is_finite() {
        Some("is not a finite number".to_owned())
    } else if x < 0.0 {
        Some(format!("{x} is negative; weights must be 0 or more"))
    } else if x > MAX_WEIGHT {
        // 1e308 in full would be 309 digits.
        let shown = if x >= 1e15 { format!("{x:e}") } else { x.to_string() };
        Some(format!(
            "{shown} is more than the largest weight, 1e9; weights are relative, so divide them all by the same number"
        ))
    } else {
        None
    }
}

/// Why a set of weights cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum WeightError {
    /// Every credence is zero.
    #[error(
        "every credence is zero: give at least one hypothesis a positive weight (with several questions, at least one answer to each)"
    )]
    AllCredencesZero,
    /// Every value or horizon weight is zero.
    #[error("every outcome value weight or every horizon weight is zero: nothing would matter")]
    NothingMatters,
    /// A weight is negative or not finite.
    #[error("{0} has a negative or non-finite weight")]
    BadWeight(String),
    /// The settings do not fit the scenario.
    #[error("the settings have {found} {what}, the scenario {expected}")]
    WrongLength {
        /// Which list.
        what: &'static str,
        /// Entries given.
        found: usize,
        /// Entries the scenario has.
        expected: usize,
    },
}
