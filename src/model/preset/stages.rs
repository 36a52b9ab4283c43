//! A preset's staged lever settings (for a scenario of format version 3): horizon id to lever id
//! to value, resolved to the dense stages of [`Settings`], every problem located.

use super::SettingsProblem;
use crate::model::scenario::{Scenario, Stages};
use crate::model::settings::Settings;

/// Set `settings.stages` from a preset's `stages`, pushing a problem for each unknown horizon
/// or lever and each value outside its lever's range.
pub(super) fn fill_stages(
    scenario: &Scenario,
    stages: &Stages,
    settings: &mut Settings,
    problems: &mut Vec<SettingsProblem>,
) {
    if stages.is_empty() {
        return;
    }
    let n = scenario.levers.len();
    let mut dense = vec![None; n * scenario.horizons.len()];
    for (h, set) in stages {
        if scenario.horizon_index(h) == Some(0) {
            problems.push(SettingsProblem {
                path: format!("stages[\"{h}\"]"),
                message: format!(
                    "\"{h}\" is the first horizon: set its values in levers; a stage starts at a later horizon"
                ),
                needle: format!("\"{h}\""),
            });
            continue;
        }
        let Some(t) = scenario.horizon_index(h) else {
            let known: Vec<&str> = scenario.horizons.iter().map(|x| x.id.as_str()).collect();
            problems.push(SettingsProblem {
                path: format!("stages[\"{h}\"]"),
                message: format!("unknown horizon \"{h}\"; the scenario has: {}", known.join(", ")),
                needle: format!("\"{h}\""),
            });
            continue;
        };
        for (id, &x) in set {
            let path = format!("stages[\"{h}\"][\"{id}\"]");
            let Some(l) = scenario.lever_index(id) else {
                let known: Vec<&str> = scenario.levers.iter().map(|x| x.id.as_str()).collect();
                problems.push(SettingsProblem {
                    path,
                    message: format!("unknown lever \"{id}\"; the scenario has: {}", known.join(", ")),
                    needle: format!("\"{id}\""),
                });
                continue;
            };
            let lever = &scenario.levers[l];
            if !x.is_finite() || x < lever.min || x > lever.max {
                problems.push(SettingsProblem {
                    path,
                    message: format!(
                        "{x} is outside the lever's range {} to {} {}",
                        lever.min, lever.max, lever.unit
                    ),
                    needle: format!("\"{id}\""),
                });
                continue;
            }
            dense[t * n + l] = Some(x);
        }
    }
    settings.stages = dense;
}
