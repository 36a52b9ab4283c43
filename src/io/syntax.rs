//! What a RON syntax error means, said the way a person fixing the file needs it: what was
//! expected after what, which bracket is still open, and the end of the file named as such.

use ron::error::SpannedError;

/// A bracket left open before a point of the text: the closing character it needs and the
/// 1-based line it opened on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Open {
    close: char,
    line: usize,
}

/// Scan `text` up to byte `end`: the brackets still open (innermost last) and the 1-based line
/// of the last character that is not white space or a comment. Strings and comments are
/// skipped, so that a bracket inside them does not count.
fn scan(text: &str, end: usize) -> (Vec<Open>, Option<usize>) {
    let mut stack = Vec::new();
    let mut last = None;
    let (mut line, mut in_string, mut escaped) = (1, false, false);
    let mut chars = text[..end.min(text.len())].chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\n' {
            line += 1;
        }
        if in_string {
            last = Some(line);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        line += 1;
                        break;
                    }
                }
                continue;
            }
            '"' => in_string = true,
            '(' => stack.push(Open { close: ')', line }),
            '[' => stack.push(Open { close: ']', line }),
            '{' => stack.push(Open { close: '}', line }),
            ')' | ']' | '}' => {
                stack.pop();
            }
            _ => {}
        }
        if !c.is_whitespace() {
            last = Some(line);
        }
    }
    (stack, last)
}

/// The byte offset of 1-based `(line, column)` (columns count characters) in `text`.
fn offset(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let rest = text.get(start..).unwrap_or("");
    start
        + rest
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(rest.len(), |(i, _)| i)
}

/// Whether nothing but white space and comments follows byte `at`.
fn only_comments_after(text: &str, at: usize) -> bool {
    text.get(at..)
        .unwrap_or("")
        .lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with("//"))
}

/// The message for `e` in `text`.
#[must_use]
pub fn message(e: &SpannedError, text: &str) -> String {
    let pos = e.span.start;
    let at = offset(text, pos.line, pos.col);
    let (stack, last) = scan(text, at);
    let open = stack.last().copied();
    let after = last.map_or_else(String::new, |l| format!(" after the value on line {l}"));
    let at_end = matches!(e.code, ron::Error::Eof) || only_comments_after(text, at);
    match (&e.code, open) {
        (ron::Error::ExpectedStringEnd, _) => {
            "a string starts here and is never closed with `\"` before the end of the file".to_owned()
        }
        (_, Some(o)) if at_end => format!(
            "the file ends here, with the `{}` opened on line {} never closed by `{}` (is the file cut short?)",
            opening(o.close),
            o.line,
            o.close
        ),
        (_, None) if at_end => "the file ends before its Scenario(...) or Preset(...) is complete".to_owned(),
        (ron::Error::UnexpectedChar(c @ (')' | ']' | '}')), Some(o)) if *c != o.close => format!(
            "found `{c}` where the `{}` opened on line {} needs its `{}` first",
            opening(o.close),
            o.line,
            o.close
        ),
        (
            ron::Error::ExpectedComma
            | ron::Error::ExpectedStructLikeEnd
            | ron::Error::ExpectedOptionEnd
            | ron::Error::ExpectedArrayEnd
            | ron::Error::ExpectedMapEnd,
            Some(o),
        ) => format!(
            "expected `,` or `{}`{after} (is a comma missing between two fields or items?)",
            o.close
        ),
        (code, _) => {
            let text = code.to_string();
            let mut chars = text.chars();
            chars
                .next()
                .map_or(text.clone(), |c| c.to_lowercase().chain(chars).collect())
        }
    }
}

/// The opening bracket of `close`.
fn opening(close: char) -> char {
    match close {
        ')' => '(',
        ']' => '[',
        _ => '{',
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn explain(text: &str) -> String {
        let e = ron::Options::default()
            .from_str::<ron::Value>(text)
            .expect_err("a syntax error");
        message(&e, text)
    }

    #[test]
    fn a_missing_comma_says_what_was_expected_after_what() {
        let m = explain("Preset(\n    format_version: 1,\n    name: \"t\"\n    notes: \"n\",\n)\n");
        assert_eq!(
            m,
            "expected `,` or `)` after the value on line 3 (is a comma missing between two fields or items?)"
        );
        let m = explain("P(\n  levers: {\n    \"a\": 1.0\n    \"b\": 2.0,\n  },\n)\n");
        assert!(m.starts_with("expected `,` or `}` after the value on line 3"), "{m}");
    }

    #[test]
    fn the_end_of_the_file_is_named_as_such() {
        let m = explain("Preset(\n  levers: {\n    \"a\": 1.0,\n");
        assert_eq!(
            m,
            "the file ends here, with the `{` opened on line 2 never closed by `}` (is the file cut short?)"
        );
        let m = explain("Preset(\n  name: \"cut sho");
        assert!(m.contains("never closed") && m.contains("end of the file"), "{m}");
    }

    #[test]
    fn brackets_and_quotes_inside_strings_and_comments_do_not_count() {
        let text = "P( // a ( in a comment\n  a: \"a ) and \\\" in a string\",\n  b: [1, 2,\n";
        let (stack, last) = scan(text, text.len());
        assert_eq!(stack, vec![Open { close: ')', line: 1 }, Open { close: ']', line: 3 }]);
        assert_eq!(last, Some(3));
        assert_eq!(offset("ab\ncd", 2, 2), 4);
    }
}
