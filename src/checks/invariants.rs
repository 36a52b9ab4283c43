//! The invariants themselves: finite numbers, weights summing to 1, regrets and values of
//! information not below 0, and the EVPI equal to the least expected regret.

use crate::model::decision::Analysis;
use crate::model::summary::Report;
use crate::model::uncertainty::Study;

/// How far below 0 a difference of utilities may round, relative to their size.
pub(super) fn slack(scale: f64) -> f64 {
    1e-9 * (1.0 + scale.abs())
}

pub(super) fn finite(what: &str, xs: &[f64]) {
    if let Some((i, x)) = xs.iter().enumerate().find(|(_, x)| !x.is_finite()) {
        panic!("{what}[{i}] is {x}");
    }
}

pub(super) fn sums_to_one(what: &str, xs: &[f64]) {
    let total: f64 = xs.iter().sum();
    assert!((total - 1.0).abs() < 1e-9, "{what} sum to {total}, not 1");
    assert!(xs.iter().all(|&x| x >= 0.0), "{what} has a negative weight: {xs:?}");
}

pub(super) fn shown(text: &str) {
    let lower = text.to_lowercase();
    assert!(
        !lower.contains("nan") && !lower.contains("inf"),
        "a sentence shows a number that is not finite: {text}"
    );
}

/// The decision analysis's invariants.
pub(super) fn check_analysis(a: &Analysis) {
    finite("leaf weights", &a.leaf_weights);
    sums_to_one("leaf weights", &a.leaf_weights);
    finite("utilities", &a.utility);
    finite("expected utilities", &a.expected_utility);
    finite("regrets", &a.regret);
    let scale = a.utility.iter().fold(0.0f64, |m, u| m.max(u.abs()));
    assert!(a.regret.iter().all(|&r| r >= -slack(scale)), "a regret is below 0");
    assert!(a.evpi >= -slack(scale), "EVPI {} is below 0", a.evpi);
    finite("values of answering", &a.value_of_answering);
    for (q, v) in a.value_of_answering.iter().enumerate() {
        // Answering one question is worth at most answering them all.
        assert!(
            *v >= -slack(scale) && *v <= a.evpi + slack(scale) * 10.0,
            "answering question {q} is worth {v}, outside 0 to the EVPI {}",
            a.evpi
        );
    }
    if let [only] = a.value_of_answering[..] {
        assert!(
            (only - a.evpi).abs() <= slack(scale) * 10.0,
            "with one question its value {only} is not the EVPI {}",
            a.evpi
        );
    }
    let least = a.expected_regret.iter().copied().fold(f64::INFINITY, f64::min);
    if least.is_finite() {
        assert!(
            (a.evpi - least).abs() <= slack(scale) * 10.0,
            "EVPI {} is not the least expected regret {least}",
            a.evpi
        );
    }
}

pub(super) fn check_report(r: &Report) {
    let e = &r.evaluation;
    for (what, xs) in [
        ("values", &e.values),
        ("low", &e.low),
        ("high", &e.high),
        ("expected", &e.expected),
        ("min", &e.min),
        ("max", &e.max),
        ("utility", &e.utility),
    ] {
        finite(what, xs);
    }
    assert!(
        e.expected_utility.is_finite(),
        "expected utility {}",
        e.expected_utility
    );
    check_analysis(&r.analysis);
}

pub(super) fn check_study(s: &Study) {
    check_analysis(&s.analysis);
    let mc = &s.mc;
    let p_best: f64 = mc.policies.iter().map(|p| p.p_best).sum();
    assert!(
        mc.policies.is_empty() || (p_best - 1.0).abs() < 1e-9,
        "P(best) sums to {p_best}"
    );
    let scale = mc
        .policies
        .iter()
        .fold(0.0f64, |m, p| m.max(p.eu_p5.abs()).max(p.eu_p95.abs()));
    for p in &mc.policies {
        finite(
            "a candidate's Monte Carlo figures",
            &[p.eu_mean, p.eu_p5, p.eu_p95, p.expected_regret, p.regret_p90],
        );
        assert!(
            p.expected_regret >= -slack(scale),
            "expected regret {}",
            p.expected_regret
        );
    }
    for voi in [&mc.voi, &mc.voi_named] {
        finite("values of information", &voi.parameters);
        for x in [voi.evpi_total, voi.evppi_motive]
            .into_iter()
            .chain(voi.parameters.iter().copied())
        {
            assert!(x.is_finite() && x >= -slack(scale), "a value of information is {x}");
        }
    }
    let least = mc
        .policies
        .iter()
        .map(|p| p.expected_regret)
        .fold(f64::INFINITY, f64::min);
    if least.is_finite() {
        assert!(
            (mc.voi.evpi_total - least).abs() <= slack(scale) * 10.0,
            "Monte Carlo EVPI {} is not the least expected regret {least}",
            mc.voi.evpi_total
        );
    }
    for band in mc
        .cells
        .iter()
        .flat_map(|c| std::iter::once(&c.expected).chain(&c.by_leaf))
    {
        finite("an outcome band", &[band.mean, band.p5, band.p95]);
    }
    for bar in s.tornado.iter().chain(&s.tornado_named) {
        finite("a tornado bar", &[bar.low, bar.high]);
    }
}
