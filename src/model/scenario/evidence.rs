//! Evidence items: dated observations with how likely each is under each hypothesis.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// An analysis-of-competing-hypotheses rating of how consistent an item is with a hypothesis,
/// read as `P(item | hypothesis)` (see [`Rating::likelihood`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Rating {
    /// Very consistent: 0.9.
    CC,
    /// Consistent: 0.7.
    C,
    /// Neutral: 0.5.
    N,
    /// Inconsistent: 0.3.
    I,
    /// Very inconsistent: 0.1.
    II,
}

impl Rating {
    /// The likelihood a rating stands for.
    #[must_use]
    pub fn likelihood(self) -> f64 {
        match self {
            Rating::CC => 0.9,
            Rating::C => 0.7,
            Rating::N => 0.5,
            Rating::I => 0.3,
            Rating::II => 0.1,
        }
    }
}

/// One evidence item: a statement that may be observed true or false, or be still open.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// Stable identifier.
    pub id: String,
    /// Short name.
    pub name: String,
    /// What the item says.
    #[serde(default)]
    pub description: String,
    /// When it became public, `YYYY-MM-DD`.
    pub date: String,
    /// Where it comes from.
    #[serde(default)]
    pub source: String,
    /// Why the likelihoods are what they are.
    #[serde(default)]
    pub note: String,
    /// `P(item is true | hypothesis)` by hypothesis id, in (0, 1]; sub-hypotheses inherit.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub likelihoods: BTreeMap<String, f64>,
    /// Or ACH ratings by hypothesis id (not both).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub ratings: BTreeMap<String, Rating>,
    /// The likelihood of hypotheses neither listed nor under a listed one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_likelihood: Option<f64>,
    /// How far the item is to be trusted, 0 to 1 (default 1): it tempers each likelihood toward
    /// the item's probability under the prior, `r P(e|h) + (1 - r) P(e)`.
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub reliability: f64,
    /// The fact this item reports (version 3): it then carries no likelihoods of its own, and
    /// the reports of one fact are independent given the fact, not given the hypothesis.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::format2::bare",
        serialize_with = "super::format2::bare_out"
    )]
    pub fact: Option<String>,
}

/// A fact that several evidence items may report (version 3): what depends on the hypotheses is
/// the fact, so any number of reports of it moves belief no further than learning it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    /// Stable identifier, the one reports give as `fact`.
    pub id: String,
    /// Short name.
    pub name: String,
    /// What the fact is.
    #[serde(default)]
    pub description: String,
    /// Why the likelihoods are what they are.
    #[serde(default)]
    pub note: String,
    /// `P(fact is true | hypothesis)` by hypothesis id, in (0, 1]; sub-hypotheses inherit.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub likelihoods: BTreeMap<String, f64>,
    /// Or ACH ratings by hypothesis id (not both).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub ratings: BTreeMap<String, Rating>,
    /// The likelihood of hypotheses neither listed nor under a listed one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_likelihood: Option<f64>,
}

fn one() -> f64 {
    1.0
}

#[expect(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's skip_serializing_if passes a reference"
)]
fn is_one(x: &f64) -> bool {
    *x == 1.0
}

/// Whether `text` is a date `YYYY-MM-DD` of the Gregorian calendar.
#[must_use]
pub fn is_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return false;
    };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 || !text.bytes().all(|b| b.is_ascii_digit() || b == b'-') {
        return false;
    }
    let (Ok(y), Ok(m), Ok(d)) = (y.parse::<u32>(), m.parse::<u32>(), d.parse::<u32>()) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_checked_for_real_days() {
        assert!(is_date("2015-11-13"));
        assert!(is_date("2016-02-29"));
        assert!(!is_date("2015-02-29"));
        assert!(!is_date("2015-13-01"));
        assert!(!is_date("13 Nov 2015"));
        assert!(!is_date("2015-1-13"));
    }
}
