//! Number formatting shared by the command line and the app.

/// A number with as many digits as a table needs: none from 100 up, one from 10, two below.
#[must_use]
pub fn number(x: f64) -> String {
    let a = x.abs();
    if !x.is_finite() {
        "–".to_owned()
    } else if a >= 100.0 {
        format!("{x:.0}")
    } else if a >= 10.0 {
        format!("{x:.1}")
    } else {
        format!("{x:.2}")
    }
}

/// A change with its sign: `+12.5`, `-3.00`, `0.00` (as many digits as [`number`]).
#[must_use]
pub fn signed(x: f64) -> String {
    if x > 0.0 { format!("+{}", number(x)) } else { number(x) }
}

/// A share as a percentage with one decimal.
#[must_use]
pub fn percent(x: f64) -> String {
    format!("{:.1}%", 100.0 * x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_follow_magnitude() {
        assert_eq!(number(2525.4), "2525");
        assert_eq!(number(16.94), "16.9");
        assert_eq!(number(4.5), "4.50");
        assert_eq!(number(f64::NAN), "–");
        assert_eq!(percent(0.1667), "16.7%");
        assert_eq!(signed(12.5), "+12.5");
        assert_eq!(signed(-3.0), "-3.00");
        assert_eq!(signed(0.0), "0.00");
    }
}
