//! The value of observing open items (or learning a fact) before choosing: the expected value
//! of sample information, exact over every joint answer.

use super::{EvidenceModel, Observation};

/// The value of observing some open items before choosing.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sample {
    /// Expected value of sample information, in utility units.
    pub evsi: f64,
    /// Whether some answer with positive probability changes the best candidate.
    pub changes_decision: bool,
}

/// One piece of what is to be observed, independent of the others given the leaf.
enum Piece {
    /// An item of its own: its answer bit and `P(true | leaf)` (tempered).
    Item(usize, Vec<f64>),
    /// Open reports of one fact: the fact, `P(fact | leaf, its observed reports)`, and each
    /// report's answer bit with its `P(true | fact true)` and `P(true | fact false)`.
    Reports(usize, Vec<f64>, Vec<(usize, (f64, f64))>),
}

/// EVSI of observing `items` together, for candidates with central utilities
/// `utility[p * leaves + l]`, at posterior leaf weights `w` given the `observed` states
/// (`prior` tempers reliability): `sum over joint answers a of max_p sum_h w_h P(a|h) U_ph -
/// max_p sum_h w_h U_ph`. Items of their own are independent given the leaf; the reports of one
/// fact are independent given the fact, so their joint answer has `P(a|h) = q_h A + (1 - q_h)
/// B`, `q_h` the fact's probability given the leaf and its reports observed so far. Never below
/// 0 and never above the EVPI `sum_h w_h max_p U_ph - max_p sum_h w_h U_ph`, which bound it
/// exactly; a rounding difference past either (with utilities in the millions the sums round at
/// 1e-3) is clamped.
#[must_use]
pub fn evsi(
    ev: &EvidenceModel,
    (utility, w): (&[f64], &[f64]),
    prior: &[f64],
    observed: &[Observation],
    items: &[usize],
) -> Sample {
    let mut pieces: Vec<Piece> = Vec::new();
    for (bit, &i) in items.iter().enumerate() {
        let Some(f) = ev.fact_of[i] else {
            pieces.push(Piece::Item(bit, ev.tempered(i, prior)));
            continue;
        };
        let odds = (bit, ev.report_odds(i, prior));
        match pieces
            .iter_mut()
            .find(|p| matches!(p, Piece::Reports(g, ..) if *g == f))
        {
            Some(Piece::Reports(_, _, reports)) => reports.push(odds),
            _ => pieces.push(Piece::Reports(f, ev.fact_given(f, observed, prior), vec![odds])),
        }
    }
    value(utility, w, &pieces, items.len())
}

/// What learning fact `f` for sure is worth: the EVSI of one perfectly reliable report of it,
/// `P(true | leaf)` the fact's probability given the leaf and its reports observed so far.
#[must_use]
pub fn evsi_of_fact(
    ev: &EvidenceModel,
    (utility, w): (&[f64], &[f64]),
    prior: &[f64],
    observed: &[Observation],
    f: usize,
) -> Sample {
    value(utility, w, &[Piece::Item(0, ev.fact_given(f, observed, prior))], 1)
}

/// The EVSI of `pieces` with `bits` answers in all.
fn value(utility: &[f64], w: &[f64], pieces: &[Piece], bits: usize) -> Sample {
    let n = w.len();
    let m = utility.len().checked_div(n).unwrap_or(0);
    if m == 0 {
        return Sample {
            evsi: 0.0,
            changes_decision: false,
        };
    }
    let eu = |x: &[f64], p: usize| (0..n).map(|l| x[l] * utility[p * n + l]).sum::<f64>();
    let best = |x: &[f64]| {
        (0..m).fold((0, f64::NEG_INFINITY), |(b, v), p| {
            let u = eu(x, p);
            if u > v { (p, u) } else { (b, v) }
        })
    };
    let (now, base) = best(w);
    let scale = utility.iter().fold(0.0f64, |s, u| s.max(u.abs()));
    // Differences of sums this large round at about this much.
    let noise = 1e-12 * (1.0 + scale);
    let evpi = (0..n)
        .map(|l| w[l] * (0..m).map(|p| utility[p * n + l]).fold(f64::NEG_INFINITY, f64::max))
        .sum::<f64>()
        - base;
    let mut total = 0.0;
    let mut changes = false;
    let mut joint = vec![0.0; n];
    for answer in 0..(1usize << bits) {
        let yes = |b: usize| answer >> b & 1 == 1;
        joint.copy_from_slice(w);
        for p in pieces {
            match p {
                Piece::Item(b, t) => {
                    for (x, t) in joint.iter_mut().zip(t) {
                        *x *= if yes(*b) { *t } else { 1.0 - t };
                    }
                }
                Piece::Reports(_, q, reports) => {
                    let (a, c) = reports.iter().fold((1.0, 1.0), |(a, c), &(b, (ta, tb))| {
                        if yes(b) {
                            (a * ta, c * tb)
                        } else {
                            (a * (1.0 - ta), c * (1.0 - tb))
                        }
                    });
                    for (x, q) in joint.iter_mut().zip(q) {
                        *x *= q * a + (1.0 - q) * c;
                    }
                }
            }
        }
        let (p, v) = best(&joint);
        total += v;
        if p != now && joint.iter().sum::<f64>() > 1e-12 && v > eu(&joint, now) + noise {
            changes = true;
        }
    }
    Sample {
        evsi: (total - base).clamp(0.0, evpi.max(0.0)),
        changes_decision: changes,
    }
}
