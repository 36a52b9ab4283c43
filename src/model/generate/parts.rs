//! The parts of a generated scenario, each valid by construction.

use crate::model::scenario::{
    Baseline, Better, Curve, Dist, Driver, Effect, Evidence, Fact, Hypothesis, Lever, Limits, Modulator, Outcome,
    Rating, Role, Scenario,
};
use arbitrary::{Result, Unstructured};
use std::collections::BTreeMap;

/// A number `lo + k (hi - lo) / steps` for a drawn `k`: finite, on a grid, in `[lo, hi]`.
pub(super) fn grid(u: &mut Unstructured<'_>, lo: f64, hi: f64, steps: u32) -> Result<f64> {
    let k = u.int_in_range(0..=steps)?;
    Ok(lo + (hi - lo) * f64::from(k) / f64::from(steps))
}

pub(super) fn gen_hypotheses(u: &mut Unstructured<'_>, n: usize) -> Result<Vec<Hypothesis>> {
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
            question: None,
        });
    }
    Ok(out)
}

pub(super) fn gen_levers(u: &mut Unstructured<'_>, n: usize) -> Result<Vec<Lever>> {
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

pub(super) fn gen_outcomes(u: &mut Unstructured<'_>, n: usize) -> Result<Vec<Outcome>> {
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

pub(super) fn gen_baselines(u: &mut Unstructured<'_>, s: &Scenario, n_params: usize) -> Result<Vec<Baseline>> {
    let mut out = Vec::new();
    for o in &s.outcomes {
        for h in &s.horizons {
            let mut by_hypothesis = BTreeMap::new();
            for _ in 0..u.int_in_range(0..=2u8)? {
                by_hypothesis.insert(u.choose(&s.hypotheses)?.id.clone(), grid(u, o.worst, o.best, 10)?);
            }
            let value = grid(u, o.worst, o.best, 10)?;
            let (range, dist, parameter) = if u.ratio(1, 4)? {
                let (range, dist, parameter) = gen_uncertainty(u, n_params)?;
                (Some(range), dist, parameter)
            } else {
                (None, Dist::Triangular, None)
            };
            out.push(Baseline {
                outcome: o.id.clone(),
                horizon: h.id.clone(),
                value,
                by_hypothesis,
                range,
                dist,
                parameter,
                note: String::new(),
            });
        }
    }
    Ok(out)
}

/// A curve over the driver's span `(lo, hi)`.
pub(super) fn gen_curve(u: &mut Unstructured<'_>, (lo, hi): (f64, f64), size: f64) -> Result<Curve> {
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
pub(super) fn gen_driver(u: &mut Unstructured<'_>, s: &Scenario, target: usize) -> Result<(Driver, (f64, f64))> {
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

pub(super) fn gen_effect(u: &mut Unstructured<'_>, s: &Scenario, n_params: usize) -> Result<Effect> {
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
    let (range, dist, parameter) = gen_uncertainty(u, n_params)?;
    let hypothesis = if u.arbitrary()? {
        Some(u.choose(&s.hypotheses)?.id.clone())
    } else {
        None
    };
    Ok(Effect {
        outcome: o.id.clone(),
        horizon: s.horizons[target % n_h].id.clone(),
        hypothesis,
        when: Vec::new(),
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

pub(super) fn gen_evidence(u: &mut Unstructured<'_>, s: &Scenario, i: usize) -> Result<Evidence> {
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
        fact: None,
    })
}

/// Facts made from some of the items' likelihoods, each reported by one or more items (which
/// then carry no likelihoods of their own); a fact no item reports is dropped.
pub(super) fn gen_facts(u: &mut Unstructured<'_>, s: &mut Scenario) -> Result<()> {
    let n = u.int_in_range(0..=2usize)?.min(s.evidence.len());
    let facts: Vec<Fact> = (0..n)
        .map(|f| {
            let e = &s.evidence[f];
            Fact {
                id: format!("f{f}"),
                name: format!("Fact {f}"),
                description: String::new(),
                note: String::new(),
                likelihoods: e.likelihoods.clone(),
                ratings: e.ratings.clone(),
                default_likelihood: e.default_likelihood,
            }
        })
        .collect();
    if facts.is_empty() {
        return Ok(());
    }
    for e in &mut s.evidence {
        if u.ratio(1, 2)? {
            e.fact = Some(u.choose(&facts)?.id.clone());
            e.likelihoods.clear();
            e.ratings.clear();
            e.default_likelihood = None;
        }
    }
    s.facts = facts
        .into_iter()
        .filter(|f| s.evidence.iter().any(|e| e.fact.as_ref() == Some(&f.id)))
        .collect();
    Ok(())
}

/// A range that fits its distribution, sometimes one point, and sometimes a shared parameter.
fn gen_uncertainty(u: &mut Unstructured<'_>, n_params: usize) -> Result<((f64, f64), Dist, Option<String>)> {
    let dist = *u.choose(&[Dist::Triangular, Dist::Uniform, Dist::Pert, Dist::LogNormal])?;
    let low = grid(u, 0.1, 1.0, 9)?;
    let high = grid(u, 1.0, 3.0, 8)?;
    let range = if u.ratio(1, 6)? { (1.0, 1.0) } else { (low, high) };
    let parameter = if n_params > 0 && u.ratio(1, 3)? {
        Some(format!("q{}", u.choose_index(n_params)?))
    } else {
        None
    };
    Ok((range, dist, parameter))
}
