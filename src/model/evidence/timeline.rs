//! The timeline: what was known by each date of the scenario's items.

use super::Observation;
use crate::model::scenario::Scenario;

/// The states of every item known by `date` (`YYYY-MM-DD`): observed true if it became public
/// on or before that day, open otherwise.
#[must_use]
pub fn known_by(scenario: &Scenario, date: &str) -> Vec<Observation> {
    scenario
        .evidence
        .iter()
        .map(|e| {
            if e.date.as_str() <= date {
                Observation::True
            } else {
                Observation::Open
            }
        })
        .collect()
}

/// The distinct dates of the scenario's items, in order.
#[must_use]
pub fn dates(scenario: &Scenario) -> Vec<String> {
    let mut d: Vec<String> = scenario.evidence.iter().map(|e| e.date.clone()).collect();
    d.sort();
    d.dedup();
    d
}

/// Where the states sit on the timeline of [`dates`]: `Some(0)` with every item open, `Some(k)`
/// when they are exactly what was known by the `k`-th date (counted from 1), `None` when they
/// are not a point of the timeline.
#[must_use]
pub fn timeline_position(scenario: &Scenario, observed: &[Observation]) -> Option<usize> {
    if observed.iter().all(|o| *o == Observation::Open) {
        return Some(0);
    }
    dates(scenario)
        .iter()
        .position(|d| known_by(scenario, d) == observed)
        .map(|k| k + 1)
}

/// The states one step along the timeline from `observed` (`step` +1 later, -1 earlier): from
/// off the timeline, the step starts at the latest date by which everything observed true was
/// public. `None` past either end.
#[must_use]
pub fn timeline_step(scenario: &Scenario, observed: &[Observation], step: i64) -> Option<Vec<Observation>> {
    let d = dates(scenario);
    let at = timeline_position(scenario, observed).unwrap_or_else(|| {
        scenario
            .evidence
            .iter()
            .zip(observed)
            .filter(|(_, o)| **o == Observation::True)
            .filter_map(|(e, _)| d.iter().position(|x| *x == e.date))
            .max()
            .map_or(0, |k| k + 1)
    });
    let next = if step >= 0 {
        at.checked_add(usize::try_from(step).ok()?)?
    } else {
        at.checked_sub(usize::try_from(step.unsigned_abs()).ok()?)?
    };
    if next > d.len() {
        return None;
    }
    Some(if next == 0 {
        vec![Observation::Open; scenario.evidence.len()]
    } else {
        known_by(scenario, &d[next - 1])
    })
}
