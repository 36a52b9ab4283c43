//! Credence codes: a student's credences on every question of a scenario as a short text that
//! survives being read aloud, typed or pasted, and that refuses a slip rather than misreading it.
//!
//! `ML1-paris-2015-3A1K…-7Q`: the version, the scenario's id, each hypothesis's share of its
//! sibling group in whole percent (two Crockford base-32 characters each, in scenario order)
//! and a check of two characters (see `docs/file-format.md`, "Credence codes").

use crate::model::credence::all_shares;
use crate::model::evaluate::Model;
use crate::model::scenario::Scenario;

/// The code's version: the `1` of `ML1`.
pub const CODE_VERSION: u32 = 1;
/// What every code starts with, before its version.
const PREFIX: &str = "ML";
/// Crockford's base 32: digits and letters without I, L, O and U, which read as 1, 1, 0 and V.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// The check is a weighted sum modulo this prime (less than 32 x 32, so it fits two characters).
const CHECK_MODULUS: u32 = 1021;

/// A credence code read back: whose scenario, and each hypothesis's share in percent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Code {
    /// The scenario's id.
    pub scenario: String,
    /// Each hypothesis's share of its sibling group, in percent (0 to 100), scenario order.
    pub percent: Vec<u8>,
}

/// Why a code cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CodeError {
    /// Not the shape of a code at all.
    #[error("not a credence code (one looks like ML1-paris-2015-…-7Q): {0}")]
    Malformed(String),
    /// A code of a version this build does not read.
    #[error("a credence code of version {0}; this Motive Lab reads version {CODE_VERSION}")]
    Version(String),
    /// A character outside the code's alphabet.
    #[error("'{0}' is not a character a credence code uses (digits and letters but U)")]
    Character(char),
    /// The check does not match: a character was mistyped or lost.
    #[error("the check does not match: a character is mistyped or missing")]
    Check,
    /// A share above 100%.
    #[error("a share of {0}% is more than 100%: a character is mistyped")]
    Share(u32),
    /// A code made for another scenario.
    #[error("a code for the scenario \"{0}\", not this one")]
    OtherScenario(String),
    /// A code for this scenario's id but another number of hypotheses (another revision).
    #[error("a code with {found} hypotheses, but this scenario has {expected}: made for another revision of it")]
    Hypotheses {
        /// In the code.
        found: usize,
        /// In the scenario.
        expected: usize,
    },
}

fn digit(c: char) -> Result<u32, CodeError> {
    let up = match c.to_ascii_uppercase() {
        'I' | 'L' => '1',
        'O' => '0',
        u => u,
    };
    (ALPHABET.iter().position(|&a| char::from(a) == up))
        .map(|i| i as u32)
        .ok_or(CodeError::Character(c))
}

fn pair(x: u32) -> [char; 2] {
    [
        char::from(ALPHABET[(x / 32) as usize]),
        char::from(ALPHABET[(x % 32) as usize]),
    ]
}

/// The check of a code: `sum_i (i + 1) x_i mod 1021` over the version, the id's bytes and the
/// shares in turn. Any one value changed (by less than 1021) or two neighbours swapped changes it.
fn check(scenario: &str, percent: &[u8]) -> u32 {
    let values = std::iter::once(CODE_VERSION)
        .chain(scenario.bytes().map(u32::from))
        .chain(percent.iter().map(|&p| u32::from(p)));
    values.enumerate().fold(0, |acc, (i, x)| {
        (acc + (i as u32 % CHECK_MODULUS + 1) * x) % CHECK_MODULUS
    })
}

impl Code {
    /// The code of `credences` on `scenario`: each hypothesis's share of its siblings, rounded
    /// to a whole percent.
    #[must_use]
    pub fn of(scenario: &Scenario, model: &Model, credences: &[f64]) -> Self {
        let percent = all_shares(model, credences)
            .iter()
            .map(|s| (s * 100.0).round().clamp(0.0, 100.0) as u8)
            .collect();
        Self {
            scenario: scenario.id.clone(),
            percent,
        }
    }

    /// The code's text.
    #[must_use]
    pub fn text(&self) -> String {
        let payload: String = self.percent.iter().flat_map(|&p| pair(u32::from(p))).collect();
        let check: String = pair(check(&self.scenario, &self.percent)).iter().collect();
        format!("{PREFIX}{CODE_VERSION}-{}-{payload}-{check}", self.scenario)
    }

    /// Read a code's text (spaces around it ignored; letters in either case).
    ///
    /// # Errors
    /// A text that is not a code, of another version, with a character outside the alphabet, a
    /// share above 100% or a check that does not match.
    pub fn parse(text: &str) -> Result<Self, CodeError> {
        let text = text.trim();
        let malformed = || CodeError::Malformed(text.chars().take(40).collect());
        let rest = (text.get(..PREFIX.len()))
            .filter(|p| p.eq_ignore_ascii_case(PREFIX))
            .and_then(|_| text.get(PREFIX.len()..))
            .ok_or_else(malformed)?;
        let (version, rest) = rest.split_once('-').ok_or_else(malformed)?;
        if version != CODE_VERSION.to_string() {
            return Err(if version.chars().all(|c| c.is_ascii_digit()) && !version.is_empty() {
                CodeError::Version(version.to_owned())
            } else {
                malformed()
            });
        }
        let (rest, check_text) = rest.rsplit_once('-').ok_or_else(malformed)?;
        let (scenario, payload) = rest.rsplit_once('-').ok_or_else(malformed)?;
        if scenario.is_empty() || payload.len() % 2 != 0 || check_text.chars().count() != 2 {
            return Err(malformed());
        }
        let digits = |s: &str| s.chars().map(digit).collect::<Result<Vec<u32>, _>>();
        let values = digits(payload)?;
        let c = digits(check_text)?;
        let mut percent = Vec::with_capacity(values.len() / 2);
        for v in values.chunks_exact(2) {
            let p = v[0] * 32 + v[1];
            if p > 100 {
                return Err(CodeError::Share(p));
            }
            percent.push(p as u8);
        }
        if c[0] * 32 + c[1] != check(scenario, &percent) {
            return Err(CodeError::Check);
        }
        Ok(Self {
            scenario: scenario.to_owned(),
            percent,
        })
    }

    /// The code's credences on `scenario`: the shares as credences, so that each sibling group's
    /// shares are made to add up to 100% (a group of zeros shares equally) when they are used.
    ///
    /// # Errors
    /// A code for another scenario or another number of hypotheses.
    pub fn credences(&self, scenario: &Scenario) -> Result<Vec<f64>, CodeError> {
        if self.scenario != scenario.id {
            return Err(CodeError::OtherScenario(self.scenario.clone()));
        }
        if self.percent.len() != scenario.hypotheses.len() {
            return Err(CodeError::Hypotheses {
                found: self.percent.len(),
                expected: scenario.hypotheses.len(),
            });
        }
        Ok(self.percent.iter().map(|&p| f64::from(p) / 100.0).collect())
    }
}
