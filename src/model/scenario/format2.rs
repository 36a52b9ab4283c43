//! The types format version 2 adds (roles, drivers, value scale, horizon weighting) and the
//! serde helpers that let optional fields be written without `Some(...)`.

use serde::{Deserialize, Serialize};

/// How an outcome's level becomes its value on the 0-1 scale between worst and best.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ValueScale {
    /// `(y - worst) / (best - worst)`, unclamped: an outcome past its plausible range keeps
    /// counting (the default of version 2).
    Linear,
    /// The same, clamped to 0-1 (version 1).
    Clamped,
}

/// What a horizon's weight means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum HorizonWeighting {
    /// A weight per year: the horizon counts its weight times the (discounted) years it
    /// covers (the default of version 2).
    PerYear,
    /// A weight for the whole horizon, whatever its length (version 1).
    PerHorizon,
}

/// Whether an outcome is scored for its own sake or only drives other outcomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Role {
    /// Scored: its default value weight is 1.
    #[default]
    End,
    /// Drives other outcomes; shown, but its default value weight is 0.
    Mechanism,
}

/// What drives an effect: a lever, or an outcome at a horizon (its value under the same
/// hypothesis, after its own effects and limits).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Driver {
    /// A lever, by id.
    Lever(String),
    /// An outcome at a horizon, by ids.
    Outcome(String, String),
    /// A lever's value as set for a given horizon, by ids (version 3): a choice made early
    /// that still acts later.
    LeverAt(String, String),
}

/// Write an optional field without `Some(...)` (it is skipped when `None`).
#[expect(
    clippy::ref_option,
    reason = "serde's serialize_with passes a reference to the field"
)]
pub(super) fn bare_out<S: serde::Serializer, T: Serialize>(v: &Option<T>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(x) => x.serialize(s),
        None => s.serialize_none(),
    }
}

/// An optional field written without `Some(...)`: `lever: "id"`, `driver: Lever("id")`.
pub(super) fn bare<'de, D: serde::Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<T>, D::Error> {
    T::deserialize(d).map(Some)
}

#[expect(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's skip_serializing_if passes a reference"
)]
pub(super) fn is_zero(x: &u32) -> bool {
    *x == 0
}

#[expect(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's skip_serializing_if passes a reference"
)]
pub(super) fn is_end(r: &Role) -> bool {
    *r == Role::End
}

#[expect(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's skip_serializing_if passes a reference"
)]
pub(super) fn is_triangular(d: &super::Dist) -> bool {
    *d == super::Dist::Triangular
}
