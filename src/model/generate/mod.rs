//! Valid scenarios generated from bytes: for structured fuzzing, property tests and the large
//! scenarios the benchmarks and limits are checked on.
//!
//! [`scenario`] reads its choices from an [`arbitrary::Unstructured`], so a fuzzer's bytes or a
//! seeded generator's both give a scenario, and running out of bytes gives the smallest
//! choices. Every scenario it returns passes [`crate::model::validate::validate`] (a property
//! test checks this): ids are unique, parents come before their children, outcome drivers
//! come from earlier cells so the effects have no cycle, ranges fit their distribution, every
//! listed parameter is used, and every evidence item has a default likelihood.

use crate::model::scenario::{
    Horizon, HorizonWeighting, Outcome, Parameter, Policy, Role, SCENARIO_FORMAT_VERSION, Scenario, ValueScale,
};
use arbitrary::{Result, Unstructured};
use parts::{gen_baselines, gen_effect, gen_evidence, gen_facts, gen_hypotheses, gen_levers, gen_outcomes, grid};
use std::collections::BTreeMap;
use std::ops::RangeInclusive;

mod format3;
mod parts;

/// How many of each thing a generated scenario has (each drawn from its range).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shape {
    /// Hypotheses, top-level and nested.
    pub hypotheses: RangeInclusive<usize>,
    /// Levers.
    pub levers: RangeInclusive<usize>,
    /// Outcomes.
    pub outcomes: RangeInclusive<usize>,
    /// Horizons.
    pub horizons: RangeInclusive<usize>,
    /// Effects.
    pub effects: RangeInclusive<usize>,
    /// Named policies.
    pub policies: RangeInclusive<usize>,
    /// Evidence items.
    pub evidence: RangeInclusive<usize>,
    /// Named parameters offered to the effects (those no effect takes are dropped).
    pub parameters: RangeInclusive<usize>,
}

impl Shape {
    /// Small scenarios, quick to analyse: what fuzzing and property tests use.
    #[must_use]
    pub fn small() -> Self {
        Self {
            hypotheses: 1..=8,
            levers: 1..=4,
            outcomes: 1..=4,
            horizons: 1..=3,
            effects: 0..=24,
            policies: 0..=5,
            evidence: 0..=4,
            parameters: 0..=3,
        }
    }

    /// Near the documented limits of what the app stays responsive on (see
    /// `docs/file-format.md`, "Limits"): 300 hypotheses (240 of them leaves), 30 levers,
    /// 30 outcomes over 3 horizons, 3,000 effects, 40 policies and 40 evidence items.
    #[must_use]
    pub fn large() -> Self {
        Self {
            hypotheses: 300..=300,
            levers: 30..=30,
            outcomes: 30..=30,
            horizons: 3..=3,
            effects: 3_000..=3_000,
            policies: 40..=40,
            evidence: 40..=40,
            parameters: 20..=20,
        }
    }
}

fn count(u: &mut Unstructured<'_>, r: &RangeInclusive<usize>) -> Result<usize> {
    u.int_in_range(r.clone())
}

/// A scenario of the given shape, valid by construction.
///
/// # Errors
/// Only what [`Unstructured`] reports (it does not fail for running out of bytes).
pub fn scenario(u: &mut Unstructured<'_>, shape: &Shape) -> Result<Scenario> {
    let n = count(u, &shape.hypotheses)?.max(1);
    let hypotheses = gen_hypotheses(u, n)?;
    let n = count(u, &shape.levers)?.max(1);
    let levers = gen_levers(u, n)?;
    let n = count(u, &shape.outcomes)?.max(1);
    let outcomes = gen_outcomes(u, n)?;
    let mut horizons = Vec::new();
    let mut years = 0.0;
    for t in 0..count(u, &shape.horizons)?.max(1) {
        years += grid(u, 0.5, 20.0, 39)?;
        horizons.push(Horizon {
            id: format!("t{t}"),
            name: format!("Horizon {t}"),
            years,
            description: String::new(),
        });
    }
    let mut scenario = Scenario {
        format_version: SCENARIO_FORMAT_VERSION,
        id: "generated".into(),
        title: "A generated scenario".into(),
        summary: "Generated from bytes to test the program; its numbers mean nothing.".into(),
        locked: false,
        sources: Vec::new(),
        questions: Vec::new(),
        hypotheses,
        levers,
        outcomes,
        horizons,
        baselines: Vec::new(),
        effects: Vec::new(),
        policies: Vec::new(),
        facts: Vec::new(),
        evidence: Vec::new(),
        parameters: Vec::new(),
        revision: 0,
        renamed: BTreeMap::new(),
        numeraire: None,
        value_scale: Some(if u.arbitrary()? {
            ValueScale::Linear
        } else {
            ValueScale::Clamped
        }),
        horizon_weighting: Some(if u.arbitrary()? {
            HorizonWeighting::PerYear
        } else {
            HorizonWeighting::PerHorizon
        }),
    };
    format3::gen_questions(u, &mut scenario)?;
    let n_params = count(u, &shape.parameters)?;
    scenario.baselines = gen_baselines(u, &scenario, n_params)?;
    scenario.effects = (0..count(u, &shape.effects)?)
        .map(|_| gen_effect(u, &scenario, n_params))
        .collect::<Result<_>>()?;
    scenario.parameters = (0..n_params)
        .map(|k| format!("q{k}"))
        .filter(|id| {
            let used = |p: &Option<String>| p.as_ref() == Some(id);
            scenario.effects.iter().any(|e| used(&e.parameter)) || scenario.baselines.iter().any(|b| used(&b.parameter))
        })
        .map(|id| Parameter {
            name: format!("Parameter {id}"),
            id,
            description: String::new(),
            source: "assumption: generated".into(),
        })
        .collect();
    for p in 0..count(u, &shape.policies)? {
        let mut set = BTreeMap::new();
        for l in &scenario.levers {
            if u.ratio(3, 4)? {
                let steps = ((l.max - l.min) / l.step).floor() as u32;
                set.insert(l.id.clone(), l.min + l.step * f64::from(u.int_in_range(0..=steps)?));
            }
        }
        scenario.policies.push(Policy {
            id: format!("p{p}"),
            name: format!("Policy {p}"),
            description: String::new(),
            levers: set,
            stages: BTreeMap::new(),
        });
    }
    format3::gen_stages(u, &mut scenario)?;
    scenario.evidence = (0..count(u, &shape.evidence)?)
        .map(|i| gen_evidence(u, &scenario, i))
        .collect::<Result<_>>()?;
    format3::gen_conditions(u, &mut scenario)?;
    gen_facts(u, &mut scenario)?;
    if u.arbitrary()? {
        let ends: Vec<&Outcome> = scenario.outcomes.iter().filter(|o| o.role == Role::End).collect();
        scenario.numeraire = Some(u.choose(&ends)?.id.clone());
    }
    scenario.format_version = scenario.needed_version();
    Ok(scenario)
}

/// A scenario of the given shape from a seeded PCG-64 byte stream: the same seed gives the
/// same scenario on every machine.
///
/// # Errors
/// A shape with an empty range.
pub fn seeded(shape: &Shape, seed: u64) -> Result<Scenario> {
    use rand::{RngExt, SeedableRng};
    let mut rng = rand_pcg::Pcg64::seed_from_u64(seed);
    // Enough bytes that the largest shape never runs out (running out would only make the
    // remaining choices the smallest ones).
    let words = 64
        + 64 * shape.effects.end()
        + 32 * shape.hypotheses.end()
        + 8 * shape.policies.end() * shape.levers.end()
        + 8 * shape.evidence.end();
    let bytes: Vec<u8> = (0..words).flat_map(|_| rng.random::<u64>().to_le_bytes()).collect();
    scenario(&mut Unstructured::new(&bytes), shape)
}
