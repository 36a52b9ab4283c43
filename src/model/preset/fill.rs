//! Checking a preset's numbers: weights, and the sparse maps filled into dense settings.

use super::SettingsProblem;
use std::collections::BTreeMap;

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

pub(super) fn fill(
    dense: &mut [f64],
    sparse: &BTreeMap<String, f64>,
    section: &str,
    ids: &[String],
    check: impl Fn(usize, f64) -> Option<String>,
    problems: &mut Vec<SettingsProblem>,
) {
    for (id, &x) in sparse {
        let path = format!("{section}[\"{id}\"]");
        match ids.iter().position(|known| known == id) {
            None => problems.push(SettingsProblem {
                path,
                message: format!("unknown id \"{id}\"; the scenario has: {}", ids.join(", ")),
                needle: format!("\"{id}\""),
            }),
            Some(i) => match check(i, x) {
                Some(message) => problems.push(SettingsProblem {
                    path,
                    message,
                    needle: format!("\"{id}\""),
                }),
                None => dense[i] = x,
            },
        }
    }
}
