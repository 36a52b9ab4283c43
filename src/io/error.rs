//! File errors that say which file, where in it, what is wrong and what to do.

use std::fmt;
use thiserror::Error;

/// One located problem in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    /// 1-based line, if known.
    pub line: Option<usize>,
    /// 1-based column, if known.
    pub column: Option<usize>,
    /// Where in the document structure, e.g. `effects[3].lever` (may be empty).
    pub path: String,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for Located {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let (Some(l), Some(c)) = (self.line, self.column) {
            write!(f, "{l}:{c}: ")?;
        }
        if !self.path.is_empty() {
            write!(f, "{}: ", self.path)?;
        }
        write!(f, "{}", self.message)
    }
}

/// Why a file could not be used.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum FileError {
    /// Reading or writing failed.
    #[error("{path}: {message}")]
    Io {
        /// The file.
        path: String,
        /// The system's message.
        message: String,
    },
    /// The file is larger than the limit.
    #[error("{path}: the file is larger than {limit} bytes; this is not a scenario or preset")]
    TooLarge {
        /// The file.
        path: String,
        /// The limit in bytes.
        limit: u64,
    },
    /// The file is not UTF-8 text.
    #[error("{path}: not a text file ({detail}); scenario and preset files are RON text")]
    NotText {
        /// The file.
        path: String,
        /// What gave it away.
        detail: String,
    },
    /// One or more located problems.
    #[error("{}", render(path, problems))]
    Invalid {
        /// The file.
        path: String,
        /// Every problem found.
        problems: Vec<Located>,
    },
}

fn render(path: &str, problems: &[Located]) -> String {
    let lines: Vec<String> = problems.iter().map(|p| format!("{path}:{p}")).collect();
    lines.join("\n")
}

impl FileError {
    /// A RON parse error of `text`, with its position and what was expected there.
    #[must_use]
    pub fn syntax(path: &str, text: &str, e: &ron::error::SpannedError) -> Self {
        let pos = e.span.start;
        let hint = match &e.code {
            ron::Error::ExceededRecursionLimit => " (the file is nested too deeply)",
            ron::Error::NoSuchStructField { .. } | ron::Error::MissingStructField { .. } => {
                " (see docs/file-format.md for the fields)"
            }
            _ => "",
        };
        let said = super::syntax::message(e, text);
        Self::Invalid {
            path: path.to_owned(),
            problems: vec![Located {
                line: Some(pos.line),
                column: Some(pos.col),
                path: String::new(),
                message: format!("{said}{hint}"),
            }],
        }
    }

    /// One problem, located at the first occurrence of `needle` in `text` when given.
    #[must_use]
    pub fn located(path: &str, text: &str, message: &str, needle: Option<&str>) -> Self {
        let (line, column) = needle.and_then(|n| locate(text, "", n)).unzip();
        Self::Invalid {
            path: path.to_owned(),
            problems: vec![Located {
                line,
                column,
                path: String::new(),
                message: message.to_owned(),
            }],
        }
    }

    /// Validation problems `(structure path, message, needle)`, each located in `text` by
    /// searching for its needle after the start of its section.
    #[must_use]
    pub fn invalid(path: &str, text: &str, problems: impl Iterator<Item = (String, String, Option<String>)>) -> Self {
        Self::invalid_at(path, text, problems, false)
    }

    /// Like [`FileError::invalid`] for a preset's own sections, which come after any scenario
    /// embedded in it: each section is looked up at its last occurrence.
    #[must_use]
    pub fn invalid_in_preset(
        path: &str,
        text: &str,
        problems: impl Iterator<Item = (String, String, Option<String>)>,
    ) -> Self {
        Self::invalid_at(path, text, problems, true)
    }

    /// One problem located at the first thing in the file that is not a comment.
    #[must_use]
    pub fn at_start(path: &str, text: &str, message: &str) -> Self {
        let (line, column) = start_of_code(text);
        Self::Invalid {
            path: path.to_owned(),
            problems: vec![Located {
                line: Some(line),
                column: Some(column),
                path: String::new(),
                message: message.to_owned(),
            }],
        }
    }

    fn invalid_at(
        path: &str,
        text: &str,
        problems: impl Iterator<Item = (String, String, Option<String>)>,
        last: bool,
    ) -> Self {
        let problems = problems
            .map(|(where_, message, needle)| {
                // Without a telling needle, look for the field the path ends in.
                let needle = needle.or_else(|| {
                    let field = where_.rsplit('.').next().filter(|f| !f.contains('['))?;
                    Some(format!("{field}:"))
                });
                let (line, column) = needle
                    .and_then(|n| {
                        if last {
                            let section = where_.split(['[', '.']).next().unwrap_or("");
                            locate_last(text, section, &n)
                        } else {
                            locate_in_entry(text, &where_, &n)
                        }
                    })
                    .unzip();
                Located {
                    line,
                    column,
                    path: where_,
                    message,
                }
            })
            .collect();
        Self::Invalid {
            path: path.to_owned(),
            problems,
        }
    }

    /// The same error, said to come from a scenario that the preset `preset` refers to.
    #[must_use]
    pub fn referenced_from(self, preset: &str) -> Self {
        match self {
            Self::Invalid { path, problems } => Self::Invalid {
                path: path.clone(),
                problems: problems
                    .into_iter()
                    .map(|mut p| {
                        p.message = format!("{} (in the scenario that {preset} names)", p.message);
                        p
                    })
                    .collect(),
            },
            Self::Io { path, message } => Self::Io {
                path,
                message: format!("{message} (the scenario that {preset} names)"),
            },
            other => other,
        }
    }

    /// The problems, located, for display one per line.
    #[must_use]
    pub fn problems(&self) -> Vec<Located> {
        match self {
            Self::Invalid { problems, .. } => problems.clone(),
            other => vec![Located {
                line: None,
                column: None,
                path: String::new(),
                message: other.to_string(),
            }],
        }
    }
}

/// 1-based (line, column) of `needle` in `text`, searching after the first `section:` key when
/// there is one, else from the start.
#[must_use]
pub fn locate(text: &str, section: &str, needle: &str) -> Option<(usize, usize)> {
    let start = if section.is_empty() {
        0
    } else {
        text.find(&format!("{section}:")).unwrap_or(0)
    };
    find_from(text, start, needle)
}

/// Position of `needle` at or after byte `start`, else anywhere in the text.
fn find_from(text: &str, start: usize, needle: &str) -> Option<(usize, usize)> {
    let at = text[start..]
        .find(needle)
        .map(|i| i + start)
        .or_else(|| text.find(needle))?;
    Some(position(text, at))
}

/// 1-based (line, column) of `needle` after the last `section:` key.
#[must_use]
pub fn locate_last(text: &str, section: &str, needle: &str) -> Option<(usize, usize)> {
    find_from(text, text.rfind(&format!("{section}:")).unwrap_or(0), needle)
}

/// 1-based (line, column) of the first character that is neither white space nor in a `//`
/// comment (the end of the text if there is none).
#[must_use]
fn start_of_code(text: &str) -> (usize, usize) {
    let mut at = 0;
    let rest = |at: usize| &text[at..];
    loop {
        let trimmed = rest(at).trim_start();
        at = text.len() - trimmed.len();
        if trimmed.starts_with("//") {
            at += trimmed.find('\n').unwrap_or(trimmed.len());
        } else {
            break;
        }
    }
    position(text, at)
}

/// Locate `needle` inside the entry a structure path names, e.g. `effects[12].lever`: the
/// search starts at the 13th element of the `effects: [...]` list. Falls back to [`locate`].
#[must_use]
fn locate_in_entry(text: &str, path: &str, needle: &str) -> Option<(usize, usize)> {
    let section = path.split(['[', '.']).next().unwrap_or("");
    let index: Option<usize> = path
        .strip_prefix(section)
        .and_then(|rest| rest.strip_prefix('['))
        .and_then(|rest| rest.split(']').next())
        .and_then(|i| i.parse().ok());
    let start = index.and_then(|i| element_start(text, section, i));
    match start {
        Some(at) => text[at..]
            .find(needle)
            .map(|i| position(text, at + i))
            .or_else(|| locate(text, section, needle)),
        None => locate(text, section, needle),
    }
}

/// Byte offset of the `index`-th element of the list that follows `section:`, skipping strings
/// and comments.
fn element_start(text: &str, section: &str, index: usize) -> Option<usize> {
    let key = format!("{section}:");
    let from = text.find(&key)? + key.len();
    let open = from + text[from..].find('[')?;
    let bytes = text.as_bytes();
    let (mut depth, mut count, mut i) = (0usize, 0usize, open + 1);
    let mut in_string = false;
    while i < bytes.len() {
        let b = bytes[i];
        if in_string {
            match b {
                b'\\' => i += 1,
                b'"' => in_string = false,
                _ => {}
            }
        } else {
            match b {
                b'"' => in_string = true,
                b'/' if bytes.get(i + 1) == Some(&b'/') => {
                    i += text[i..].find('\n').unwrap_or(text.len() - i);
                    continue;
                }
                b'(' | b'[' | b'{' => {
                    if depth == 0 {
                        if count == index {
                            return Some(i);
                        }
                        count += 1;
                    }
                    depth += 1;
                }
                b')' | b'}' => depth = depth.saturating_sub(1),
                b']' if depth == 0 => return None,
                b']' => depth -= 1,
                _ => {}
            }
        }
        i += 1;
    }
    None
}

/// 1-based (line, column) of byte offset `at`.
#[must_use]
pub fn position(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let column = before
        .rfind('\n')
        .map_or(before.chars().count(), |nl| before[nl + 1..].chars().count())
        + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locate_counts_lines_and_columns_from_one() {
        let text = "a: 1,\nlevers: [\n  (id: \"x\"),\n]";
        assert_eq!(locate(text, "levers", "\"x\""), Some((3, 8)));
        assert_eq!(locate(text, "", "a"), Some((1, 1)));
        assert_eq!(locate(text, "", "zzz"), None);
        assert_eq!(start_of_code("// a\n  // b\n\n  Preset(\n"), (4, 3));
        assert_eq!(locate_last("a: [levers: x]\nlevers: x", "levers", "x"), Some((2, 9)));
        let list = "levers: [\n  (id: \"a\", x: \"k\"), // (\n  (id: \"b\", s: \")\", x: \"k\"),\n]";
        assert_eq!(locate_in_entry(list, "levers[1].x", "\"k\""), Some((3, 24)));
        assert_eq!(locate_in_entry(list, "levers[0].x", "\"k\""), Some((2, 16)));
    }
}
