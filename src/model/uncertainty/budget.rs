//! How much work a study may do. Its cost grows with the scenario: one evaluation of a policy
//! touches every effect and baseline under every joint leaf (the same measure the validation
//! limit `MAX_EFFECT_WORK` bounds). On the Paris scenario (27 joint leaves, 219 effects and
//! baselines) only the search is trimmed, to 16,911 evaluations; on a scenario near the limits the sample count, the search
//! and the tornado scale down so that a study stays within a few seconds on one core, in the
//! background, and says so.

use crate::model::scenario::Scenario;

/// Work units (an effect or baseline under one joint leaf) the Monte Carlo may spend: about
/// 0.6 s on one core (measured at about 0.7 ns a unit); the Paris scenario's full study (27
/// joint leaves x 219 effects and baselines x 12 candidates x 10,000 samples) fits.
const MONTE_CARLO_WORK: usize = 800_000_000;
/// Work units the search for the best and most robust settings may spend, both together.
const SEARCH_WORK: usize = 200_000_000;
/// Work units the tornado may spend (four evaluations per unknown).
const TORNADO_WORK: usize = 200_000_000;
/// Fewest samples a scaled-down Monte Carlo takes, however large the scenario.
const MIN_SAMPLES: usize = 100;
/// Most evaluations the search takes for one objective, over all its starts.
const MAX_SEARCH_EVALUATIONS: usize = 20_000;
/// Fewest evaluations the search takes for one objective.
const MIN_SEARCH_EVALUATIONS: usize = 100;
/// Fewest unknowns a scaled-down tornado shows.
const MIN_TORNADO_UNKNOWNS: usize = 20;

/// Work of one evaluation of one policy: joint leaves (every combination of one answer per
/// question) x (effects + baselines).
#[must_use]
pub fn evaluation_work(scenario: &Scenario) -> usize {
    scenario
        .n_joint_leaves()
        .saturating_mul(scenario.effects.len() + scenario.baselines.len())
        .max(1)
}

/// What a study of this scenario may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    /// Samples of the Monte Carlo when none are asked for.
    pub samples: usize,
    /// Evaluations the search may take per objective, over all its starts.
    pub search_evaluations: usize,
    /// Unknowns the tornado covers (those most worth learning first).
    pub tornado_unknowns: usize,
}

impl Budget {
    /// The budget for `scenario` with `candidates` policies compared and `unknowns` unknowns,
    /// asking for `wanted` samples.
    #[must_use]
    pub fn new(scenario: &Scenario, candidates: usize, unknowns: usize, wanted: usize) -> Self {
        let work = evaluation_work(scenario);
        Self {
            samples: (MONTE_CARLO_WORK / (work * candidates.max(1)))
                .max(MIN_SAMPLES)
                .min(wanted),
            search_evaluations: (SEARCH_WORK / 2 / work).clamp(MIN_SEARCH_EVALUATIONS, MAX_SEARCH_EVALUATIONS),
            tornado_unknowns: (TORNADO_WORK / 4 / work).max(MIN_TORNADO_UNKNOWNS).min(unknowns),
        }
    }

    /// The budget of a study with the named policies, the two found settings and the current
    /// settings compared, asking for `wanted` samples.
    #[must_use]
    pub fn for_study(scenario: &Scenario, wanted: usize) -> Self {
        Self::new(
            scenario,
            scenario.policies.len() + 3,
            super::design::unknowns(scenario).len(),
            wanted,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::{SHIPPED_SCENARIOS, parse_scenario};
    use crate::model::generate::{Shape, seeded};

    #[test]
    fn paris_gets_the_full_study_and_a_large_scenario_a_scaled_one() {
        let paris = parse_scenario("paris", SHIPPED_SCENARIOS[0].text).expect("valid");
        // 27 joint leaves (9 answers to why times 3 to how) x (185 effects + 34 baselines).
        assert_eq!(evaluation_work(&paris), 27 * 219);
        let b = Budget::for_study(&paris, 10_000);
        assert_eq!(b.samples, 10_000);
        // 1e8 per objective / 5,913 = 16,911 evaluations.
        assert_eq!(b.search_evaluations, 16_911);
        assert_eq!(b.tornado_unknowns, super::super::unknowns(&paris).len());
        // Asked for fewer, it takes fewer.
        assert_eq!(Budget::for_study(&paris, 500).samples, 500);

        let large = seeded(&Shape::large(), 1).expect("generates");
        let work = evaluation_work(&large);
        assert_eq!(work, 639_630, "the generator changed: work these out again");
        let b = Budget::for_study(&large, 10_000);
        // 8e8 / (639,630 x 43 candidates) = 29: the floor of 100 samples.
        assert_eq!(b.samples, MIN_SAMPLES);
        // 1e8 per objective / 639,630 = 156 evaluations; 5e7 / 639,630 = 78 unknowns.
        assert_eq!(b.search_evaluations, 156);
        assert_eq!(b.tornado_unknowns, 78);
    }
}
