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
    Baseline, Better, Curve, Dist, Driver, Effect, Evidence, Horizon, HorizonWeighting, Hypothesis, Lever, Limits,
    Modulator, Outcome, Parameter, Policy, Rating, Role, SCENARIO_FORMAT_VERSION, Scenario, ValueScale,
};
use arbitrary::{Result, Unstructured};
use std::collections::BTreeMap;
use std::ops::RangeInclusive;

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

/// A number `lo + k (hi - lo) / steps` for a drawn `k`: finite, on a grid, in `[lo, hi]`.
fn grid(u: &mut Unstructured<'_>, lo: f64, hi: f64, steps: u32) -> Result<f64> {
    let k = u.int_in_range(0..=steps)?;
    Ok(lo + (hi - lo) * f64::from(k) / f64::from(steps))
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
        sources: Vec::new(),
        hypotheses,
        levers,
        outcomes,
        horizons,
        baselines: Vec::new(),
        effects: Vec::new(),
        policies: Vec::new(),
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
    scenario.baselines = gen_baselines(u, &scenario)?;
    let n_params = count(u, &shape.parameters)?;
    scenario.effects = (0..count(u, &shape.effects)?)
        .map(|_| gen_effect(u, &scenario, n_params))
        .collect::<Result<_>>()?;
    scenario.parameters = (0..n_params)
        .map(|k| format!("q{k}"))
        .filter(|id| scenario.effects.iter().any(|e| e.parameter.as_ref() == Some(id)))
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
        });
    }
    scenario.evidence = (0..count(u, &shape.evidence)?)
        .map(|i| gen_evidence(u, &scenario, i))
        .collect::<Result<_>>()?;
    if u.arbitrary()? {
        let ends: Vec<&Outcome> = scenario.outcomes.iter().filter(|o| o.role == Role::End).collect();
        scenario.numeraire = Some(u.choose(&ends)?.id.clone());
    }
    Ok(scenario)
}

fn gen_hypotheses(u: &mut Unstructured<'_>, n: usize) -> Result<Vec<Hypothesis>> {
    let mut out: Vec<Hypothesis> = Vec::with_capacity(n);
    for i in 0..n {
        // A parent among the hypotheses before, about half the time (never for the first, so
        // there is a top level; its prior is positive so the top level has weight).
        let parent = if i > 0 && u.arbitrary()? {
            Some(out[u.choose_index(i)?].id.clone())
        } else {
            None
        };
        let prior = if i == 0 {
            grid(u, 0.5, 5.0, 9)?
        } else {
            grid(u, 0.0, 5.0, 10)?
        };
        out.push(Hypothesis {
            id: format!("h{i}"),
            name: format!("Hypothesis {i}"),
            description: String::new(),
            source: String::new(),
            prior,
            parent,
        });
    }
    Ok(out)
}

fn gen_levers(u: &mut Unstructured<'_>, n: usize) -> Result<Vec<Lever>> {
    (0..n)
        .map(|i| {
            let min = grid(u, -100.0, 100.0, 20)?;
            let steps = u.int_in_range(1..=50u32)?;
            let step = grid(u, 0.5, 50.0, 99)?;
            let max = min + step * f64::from(steps);
            let default = min + step * f64::from(u.int_in_range(0..=steps)?);
            Ok(Lever {
                id: format!("l{i}"),
                name: format!("Lever {i}"),
                unit: "units".into(),
                min,
                max,
                step,
                default,
                description: String::new(),
            })
        })
        .collect()
}

fn gen_outcomes(u: &mut Unstructured<'_>, n: usize) -> Result<Vec<Outcome>> {
    (0..n)
        .map(|i| {
            let better = if u.arbitrary()? { Better::Higher } else { Better::Lower };
            let a = grid(u, -1000.0, 1000.0, 40)?;
            let b = a + grid(u, 1.0, 1000.0, 37)?;
            let (worst, best) = match better {
                Better::Higher => (a, b),
                Better::Lower => (b, a),
            };
            let lo = if u.ratio(1, 3)? {
                Some(a - grid(u, 0.0, 100.0, 4)?)
            } else {
                None
            };
            let hi = if u.ratio(1, 3)? {
                Some(b + grid(u, 0.0, 100.0, 4)?)
            } else {
                None
            };
            Ok(Outcome {
                id: format!("o{i}"),
                name: format!("Outcome {i}"),
                unit: "units".into(),
                better,
                worst,
                best,
                limits: Limits { min: lo, max: hi },
                description: String::new(),
                // The first is an end so that something matters at the default weights.
                role: if i > 0 && u.ratio(1, 4)? {
                    Role::Mechanism
                } else {
                    Role::End
                },
            })
        })
        .collect()
}

fn gen_baselines(u: &mut Unstructured<'_>, s: &Scenario) -> Result<Vec<Baseline>> {
    let mut out = Vec::new();
    for o in &s.outcomes {
        for h in &s.horizons {
            let mut by_hypothesis = BTreeMap::new();
            for _ in 0..u.int_in_range(0..=2u8)? {
                by_hypothesis.insert(u.choose(&s.hypotheses)?.id.clone(), grid(u, o.worst, o.best, 10)?);
            }
            out.push(Baseline {
                outcome: o.id.clone(),
                horizon: h.id.clone(),
                value: grid(u, o.worst, o.best, 10)?,
                by_hypothesis,
                note: String::new(),
            });
        }
    }
    Ok(out)
}

/// A curve over the driver's span `(lo, hi)`.
fn gen_curve(u: &mut Unstructured<'_>, (lo, hi): (f64, f64), size: f64) -> Result<Curve> {
    let width = (hi - lo).max(1.0);
    if u.arbitrary()? {
        return Ok(Curve::Linear(grid(u, -size, size, 20)? / width));
    }
    let n = u.int_in_range(1..=5usize)?;
    let mut xs: Vec<f64> = (0..n)
        .map(|_| grid(u, lo - width / 4.0, hi + width / 4.0, 24))
        .collect::<Result<_>>()?;
    xs.sort_by(f64::total_cmp);
    let points = xs
        .into_iter()
        .map(|x| Ok((x, grid(u, -size, size, 20)?)))
        .collect::<Result<_>>()?;
    Ok(Curve::Points(points))
}

/// A lever driver, or (for a target cell past the first) the outcome at an earlier cell.
fn gen_driver(u: &mut Unstructured<'_>, s: &Scenario, target: usize) -> Result<(Driver, (f64, f64))> {
    let n_h = s.horizons.len();
    if target > 0 && u.ratio(1, 3)? {
        let from = u.choose_index(target)?;
        let o = &s.outcomes[from / n_h];
        let span = (o.worst.min(o.best), o.worst.max(o.best));
        return Ok((Driver::Outcome(o.id.clone(), s.horizons[from % n_h].id.clone()), span));
    }
    let l = u.choose(&s.levers)?;
    Ok((Driver::Lever(l.id.clone()), (l.min, l.max)))
}

fn gen_effect(u: &mut Unstructured<'_>, s: &Scenario, n_params: usize) -> Result<Effect> {
    let n_h = s.horizons.len();
    let target = u.choose_index(s.outcomes.len() * n_h)?;
    let o = &s.outcomes[target / n_h];
    let size = (o.best - o.worst).abs();
    let (driver, span) = gen_driver(u, s, target)?;
    let curve = gen_curve(u, span, size)?;
    let with = if u.ratio(1, 5)? {
        let (d, span) = gen_driver(u, s, target)?;
        if d == driver {
            None
        } else {
            Some(Modulator {
                lever: None,
                driver: Some(d),
                factor: gen_curve(u, span, 2.0)?,
            })
        }
    } else {
        None
    };
    let dist = *u.choose(&[Dist::Triangular, Dist::Uniform, Dist::Pert, Dist::LogNormal])?;
    let low = grid(u, 0.1, 1.0, 9)?;
    let high = grid(u, 1.0, 3.0, 8)?;
    let range = if u.ratio(1, 6)? { (1.0, 1.0) } else { (low, high) };
    let hypothesis = if u.arbitrary()? {
        Some(u.choose(&s.hypotheses)?.id.clone())
    } else {
        None
    };
    let parameter = if n_params > 0 && u.ratio(1, 3)? {
        Some(format!("q{}", u.choose_index(n_params)?))
    } else {
        None
    };
    Ok(Effect {
        outcome: o.id.clone(),
        horizon: s.horizons[target % n_h].id.clone(),
        hypothesis,
        lever: None,
        driver: Some(driver),
        curve,
        with,
        range,
        dist,
        parameter,
        note: "assumption: generated".into(),
    })
}

fn gen_evidence(u: &mut Unstructured<'_>, s: &Scenario, i: usize) -> Result<Evidence> {
    let mut likelihoods = BTreeMap::new();
    let mut ratings = BTreeMap::new();
    let rated = u.arbitrary()?;
    for _ in 0..u.int_in_range(0..=4u8)? {
        let h = u.choose(&s.hypotheses)?.id.clone();
        if rated {
            let r = *u.choose(&[Rating::CC, Rating::C, Rating::N, Rating::I, Rating::II])?;
            ratings.insert(h, r);
        } else {
            likelihoods.insert(h, grid(u, 0.05, 1.0, 19)?);
        }
    }
    Ok(Evidence {
        id: format!("e{i}"),
        name: format!("Item {i}"),
        description: String::new(),
        date: format!(
            "{}-{:02}-{:02}",
            u.int_in_range(2000..=2030u32)?,
            u.int_in_range(1..=12u32)?,
            u.int_in_range(1..=28u32)?
        ),
        source: String::new(),
        note: String::new(),
        likelihoods,
        ratings,
        default_likelihood: Some(grid(u, 0.05, 1.0, 19)?),
        reliability: grid(u, 0.0, 1.0, 10)?,
    })
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
