//! The class's beliefs: credence codes students copy from their app, read back by the
//! instructor's, pooled and scored.

mod code;
mod pool;

pub use code::{CODE_VERSION, Code, CodeError};
pub use pool::{Brier, LOG_POOL_FLOOR, QuestionPool, brier, credences_from, pool, question_leaves};

use crate::model::scenario::Scenario;

/// Codes read for one scenario: the students' credences, and what was refused and why.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Class {
    /// The codes read, in the order given (the same code twice is two students).
    pub codes: Vec<String>,
    /// Each code's credences, per hypothesis.
    pub credences: Vec<Vec<f64>>,
    /// Codes refused: the text and why (another scenario's codes included).
    pub refused: Vec<(String, CodeError)>,
    /// How many of the refused codes were for another scenario.
    pub other_scenario: usize,
}

impl Class {
    /// Read codes from `text`: one or more a line, separated by spaces, commas or semicolons
    /// (or by nothing: a code starts wherever `ML`, a version and `-` start); blank lines and
    /// lines starting with `#` are skipped.
    #[must_use]
    pub fn read(scenario: &Scenario, text: &str) -> Self {
        let mut class = Self::default();
        let words = text
            .lines()
            .filter(|l| !l.trim_start().starts_with('#'))
            .flat_map(|l| l.split(|c: char| c.is_whitespace() || c == ',' || c == ';'))
            .flat_map(split_run_together)
            .filter(|w| !w.is_empty());
        for w in words {
            class.add(scenario, w);
        }
        class
    }

    /// Add one code; it is refused (and kept with the reason) if it cannot be read for `scenario`.
    pub fn add(&mut self, scenario: &Scenario, text: &str) {
        match Code::parse(text).and_then(|c| c.credences(scenario)) {
            Ok(c) => {
                self.codes.push(text.trim().to_owned());
                self.credences.push(c);
            }
            Err(e) => {
                if matches!(e, CodeError::OtherScenario(_)) {
                    self.other_scenario += 1;
                }
                self.refused.push((text.trim().to_owned(), e));
            }
        }
    }

    /// Number of students (codes read).
    #[must_use]
    pub fn len(&self) -> usize {
        self.credences.len()
    }

    /// Whether no code has been read.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.credences.is_empty()
    }
}

/// Codes pasted one after another with nothing between them, split where each starts (`ML`, a
/// digit, then digits and `-`).
fn split_run_together(word: &str) -> Vec<&str> {
    let b = word.as_bytes();
    let starts_code = |i: usize| {
        b[i..].len() > 3 && b[i].eq_ignore_ascii_case(&b'M') && b[i + 1].eq_ignore_ascii_case(&b'L') && {
            let digits = b[i + 2..].iter().take_while(|c| c.is_ascii_digit()).count();
            digits > 0 && b.get(i + 2 + digits) == Some(&b'-')
        }
    };
    let mut parts = Vec::new();
    let mut start = 0;
    for i in 1..b.len() {
        if starts_code(i) {
            parts.push(&word[start..i]);
            start = i;
        }
    }
    parts.push(&word[start..]);
    parts
}

#[cfg(test)]
mod tests;
