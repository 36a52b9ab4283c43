//! Number formatting shared by the command line and the app. A number is shown with as many
//! digits as its size needs, never as "-0", and a difference between two shown numbers is the
//! difference of the numbers as shown, so that a reader who subtracts gets the same answer.

/// Decimals [`number`] shows for `x`: none from 100 up, one from 10, two below.
fn decimals(x: f64) -> usize {
    let a = x.abs();
    if a >= 99.95 {
        0
    } else if a >= 9.995 {
        1
    } else {
        2
    }
}

/// `x` with `digits` decimals, without a sign when it rounds to zero.
#[must_use]
pub fn fixed(x: f64, digits: usize) -> String {
    if !x.is_finite() {
        return "–".to_owned();
    }
    let s = format!("{x:.digits$}");
    match s.strip_prefix('-') {
        Some(rest) if rest.chars().all(|c| c == '0' || c == '.') => rest.to_owned(),
        _ => s,
    }
}

/// The value a reader sees in `fixed(x, digits)`.
fn as_shown(x: f64, digits: usize) -> f64 {
    fixed(x, digits).parse().unwrap_or(x)
}

/// A number with as many digits as a table needs: none from 100 up, one from 10, two below.
#[must_use]
pub fn number(x: f64) -> String {
    fixed(x, decimals(x))
}

/// `x` to `digits` significant figures (at most 6 decimals): `0.00402`, `4.02`, `402`.
#[must_use]
pub fn significant(x: f64, digits: usize) -> String {
    if x == 0.0 || !x.is_finite() {
        return fixed(x, 0);
    }
    #[allow(clippy::cast_possible_truncation, reason = "a small exponent")]
    let magnitude = x.abs().log10().floor() as i64;
    let decimals = (i64::try_from(digits).unwrap_or(3) - 1 - magnitude).clamp(0, 6);
    fixed(x, usize::try_from(decimals).unwrap_or(0))
}

/// A change with its sign: `+12.5`, `-3.00`, `0.00` (as many digits as [`number`]).
#[must_use]
pub fn signed(x: f64) -> String {
    let s = number(x);
    if as_shown(x, decimals(x)) > 0.0 {
        format!("+{s}")
    } else {
        s
    }
}

/// `a - b` as worked out from the two numbers as [`number`] shows them, with its sign, and
/// the value of that difference (0 when the two look the same).
#[must_use]
pub fn difference(a: f64, b: f64) -> (f64, String) {
    difference_to(a, b, decimals(a).max(decimals(b)))
}

/// `a - b` as worked out from `a` and `b` shown with `digits` decimals, with its sign, and the
/// value of that difference (0 when the two look the same).
#[must_use]
pub fn difference_to(a: f64, b: f64, digits: usize) -> (f64, String) {
    let d = as_shown(as_shown(a, digits) - as_shown(b, digits), digits);
    let text = fixed(d, digits);
    if d > 0.0 { (d, format!("+{text}")) } else { (d, text) }
}

/// A count with thousands separated by commas: `639630` as `639,630`.
#[must_use]
pub fn count(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A share as a percentage with one decimal.
#[must_use]
pub fn percent(x: f64) -> String {
    format!("{}%", fixed(100.0 * x, 1))
}

/// A name as it reads inside a sentence: its first letter lower-cased unless its first word is
/// an acronym or a proper name's ("Cost of the response" -> "cost of the response"; "ISIS-linked
/// attacks in the West" stays as it is). Only the first letter ever changes.
#[must_use]
pub fn in_sentence(name: &str) -> String {
    let mut chars = name.chars();
    let (Some(first), Some(second)) = (chars.next(), chars.clone().next()) else {
        return name.to_owned();
    };
    if second.is_uppercase() {
        return name.to_owned();
    }
    first.to_lowercase().chain(chars).collect()
}

/// "13 Nov 2015" from "2015-11-13".
#[must_use]
pub fn day(date: &str) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let parts: Vec<&str> = date.split('-').collect();
    match parts.as_slice() {
        [y, m, d] => {
            let month = m.parse::<usize>().ok().and_then(|m| MONTHS.get(m.wrapping_sub(1)));
            let d = d.trim_start_matches('0');
            month.map_or_else(|| date.to_owned(), |m| format!("{d} {m} {y}"))
        }
        _ => date.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_a_sentence_keep_acronyms_and_proper_names() {
        assert_eq!(in_sentence("Cost of the response"), "cost of the response");
        assert_eq!(
            in_sentence("ISIS-linked attacks in the West"),
            "ISIS-linked attacks in the West"
        );
        assert_eq!(
            in_sentence("Civilians killed by ISIS where it rules"),
            "civilians killed by ISIS where it rules"
        );
        assert_eq!(in_sentence("Near term"), "near term");
        assert_eq!(in_sentence("A"), "A");
    }

    #[test]
    fn digits_follow_magnitude() {
        assert_eq!(number(2525.4), "2525");
        assert_eq!(number(16.94), "16.9");
        assert_eq!(number(4.5), "4.50");
        assert_eq!(number(f64::NAN), "–");
        assert_eq!(percent(0.1667), "16.7%");
        assert_eq!(count(639_630), "639,630");
        assert_eq!(count(1_000_000), "1,000,000");
        assert_eq!(count(999), "999");
        assert_eq!(count(0), "0");
        assert_eq!(signed(12.5), "+12.5");
        assert_eq!(signed(-3.0), "-3.00");
        assert_eq!(signed(0.0), "0.00");
        // 99.97 rounds to 100 and is shown as such, not as "100.0".
        assert_eq!(number(99.97), "100");
        assert_eq!(significant(0.004_02, 3), "0.00402");
        assert_eq!(significant(4.018, 3), "4.02");
        assert_eq!(significant(402.4, 3), "402");
        assert_eq!(significant(-0.01, 3), "-0.0100");
        assert_eq!(significant(0.0, 3), "0");
    }

    #[test]
    fn no_negative_zero() {
        assert_eq!(number(-0.001), "0.00");
        assert_eq!(signed(-0.001), "0.00");
        assert_eq!(signed(0.001), "0.00");
        assert_eq!(fixed(-0.0004, 3), "0.000");
        assert_eq!(percent(-0.0001), "0.0%");
    }

    #[test]
    fn differences_agree_with_the_numbers_shown() {
        // 0.7204 and 0.7256 show as 0.720 and 0.726: the reader works out -0.006, and the
        // unrounded -0.0052 would show as -0.005.
        assert_eq!(difference_to(0.7204, 0.7256, 3), (-0.006, "-0.006".to_owned()));
        // Too small to show: zero, unsigned.
        assert_eq!(difference_to(0.72601, 0.72598, 3), (0.0, "0.000".to_owned()));
        assert_eq!(difference(16.94, 16.0).1, "+0.9");
        assert_eq!(difference(2525.4, 2524.6).1, "0");
        assert_eq!(difference(2526.4, 2524.6).1, "+1");
    }
}
