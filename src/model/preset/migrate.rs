//! Presets made for an older revision of their scenario, brought up to date with a notice for
//! each change.

use super::Preset;
use crate::model::scenario::Scenario;
use std::collections::BTreeMap;

/// Bring a preset made for an older revision of its scenario up to date: an id the scenario
/// retired is moved to its replacement (from [`Scenario::renamed`]) or dropped, and any other
/// id the scenario does not have is dropped. Returns one notice per change, for the user.
pub fn migrate(scenario: &Scenario, preset: &mut Preset) -> Vec<String> {
    let mut notices = Vec::new();
    if preset.revision < scenario.revision {
        // What an id cannot say: a weight may mean something else in the newer revision.
        if !preset.horizons.is_empty()
            && scenario.horizon_weighting() == crate::model::scenario::HorizonWeighting::PerYear
        {
            notices.push(format!(
                "this preset was made for revision {} of the scenario (now {}): its horizon weights now count per year of each horizon; check them",
                preset.revision, scenario.revision
            ));
        }
        let mechanisms: Vec<&str> = preset
            .values
            .keys()
            .filter(|id| {
                scenario
                    .outcomes
                    .iter()
                    .any(|o| &o.id == *id && o.role == crate::model::scenario::Role::Mechanism)
            })
            .map(String::as_str)
            .collect();
        if !mechanisms.is_empty() {
            notices.push(format!(
                "this preset weighs {}, which revision {} of the scenario treats as mechanisms (not scored by default): the weight still counts, on top of the ends they drive",
                mechanisms.join(", "),
                scenario.revision
            ));
        }
    }
    let sections: [(&str, &mut BTreeMap<String, f64>, Vec<&str>); 4] = [
        (
            "credence",
            &mut preset.credences,
            scenario.hypotheses.iter().map(|h| h.id.as_str()).collect(),
        ),
        (
            "lever",
            &mut preset.levers,
            scenario.levers.iter().map(|l| l.id.as_str()).collect(),
        ),
        (
            "value weight",
            &mut preset.values,
            scenario.outcomes.iter().map(|o| o.id.as_str()).collect(),
        ),
        (
            "horizon weight",
            &mut preset.horizons,
            scenario.horizons.iter().map(|h| h.id.as_str()).collect(),
        ),
    ];
    for (what, map, ids) in sections {
        let stale: Vec<String> = map.keys().filter(|k| !ids.contains(&k.as_str())).cloned().collect();
        for old in stale {
            let Some(x) = map.remove(&old) else { continue };
            match scenario.renamed.get(&old) {
                Some(Some(new)) if ids.contains(&new.as_str()) => {
                    if map.contains_key(new) {
                        notices.push(format!(
                            "the {what} of \"{old}\" was dropped: it is now \"{new}\", which the preset also sets"
                        ));
                    } else {
                        map.insert(new.clone(), x);
                        notices.push(format!("the {what} of \"{old}\" now applies to \"{new}\" (renamed)"));
                    }
                }
                Some(_) => notices.push(format!("the {what} of \"{old}\" was dropped: the scenario retired it")),
                None => notices.push(format!(
                    "the {what} of \"{old}\" was dropped: the scenario has no such id"
                )),
            }
        }
    }
    if let Some(id) = preset.numeraire.clone()
        && scenario.outcome_index(&id).is_none()
    {
        preset.numeraire = match scenario.renamed.get(&id) {
            Some(Some(new)) if scenario.outcome_index(new).is_some() => {
                notices.push(format!("the yardstick \"{id}\" is now \"{new}\" (renamed)"));
                Some(new.clone())
            }
            _ => {
                notices.push(format!(
                    "the yardstick \"{id}\" was dropped: the scenario has no such outcome; its own yardstick is used"
                ));
                None
            }
        };
    }
    notices
}
