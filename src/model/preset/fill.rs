//! Checking a preset's numbers: weights, and the sparse maps filled into dense settings.

use super::SettingsProblem;
use std::collections::BTreeMap;

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
