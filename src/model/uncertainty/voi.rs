//! Value of information from the samples: the total, the motive's, and each unknown's by a
//! binning estimator.

/// Value of information, in utility units.
#[derive(Debug, Clone, PartialEq)]
pub struct Voi {
    /// Expected value of perfect information about everything (the motive and every unknown):
    /// `E_s[sum_h w_h max_p U_p(h, s)] - max_p E[U_p]`.
    pub evpi_total: f64,
    /// Of the motive alone: `sum_h w_h max_p E_s[U_p(h, s)] - max_p E[U_p]`.
    pub evppi_motive: f64,
    /// Of each unknown (in [`super::Design::unknowns`] order), estimated by binning.
    pub parameters: Vec<f64>,
}

/// Bins of the estimator for `n` samples: about `sqrt(n) / 2`, at least 2, at most 100.
#[must_use]
pub(crate) fn bins(n: usize) -> usize {
    (((n as f64).sqrt() / 2.0).round() as usize).clamp(2, 100).min(n.max(1))
}

/// The raw binned estimate: samples grouped by their quantile `q(s)` into equal bins, the best
/// candidate chosen in each bin by its mean there: `mean_b max_p mean_{s in b} eu_p(s) - max_p
/// mean_s eu_p(s)`. `eu[s * m + p]` is candidate `p`'s expected utility in sample `s`.
#[must_use]
pub fn binned(eu: &[f64], m: usize, n: usize, q: impl Fn(usize) -> f64) -> f64 {
    if m == 0 || n == 0 {
        return 0.0;
    }
    let b = bins(n);
    let mut sums = vec![0.0; b * m];
    let mut overall = vec![0.0; m];
    for s in 0..n {
        let bin = ((q(s) * b as f64) as usize).min(b - 1);
        let row = &eu[s * m..(s + 1) * m];
        for (x, y) in sums[bin * m..(bin + 1) * m].iter_mut().zip(row) {
            *x += y;
        }
    }
    for k in 0..b {
        for (o, x) in overall.iter_mut().zip(&sums[k * m..(k + 1) * m]) {
            *o += x;
        }
    }
    let best_overall = overall.iter().copied().fold(f64::NEG_INFINITY, f64::max) / n as f64;
    let within: f64 = (0..b)
        .map(|k| {
            sums[k * m..(k + 1) * m]
                .iter()
                .copied()
                .fold(f64::NEG_INFINITY, f64::max)
        })
        .sum::<f64>()
        / n as f64;
    within - best_overall
}

/// [`binned`] over the first `k` of the `m` candidates of `eu` (`eu[s * m + p]`), for each
/// `k` of `ks`, the samples grouped by the precomputed bins `bin[s]` (as
/// [`super::Design::bins`] holds them): the same numbers, each bin's sums taken in sample order
/// once for every `k`.
#[must_use]
pub fn binned_by<const K: usize>(eu: &[f64], m: usize, ks: [usize; K], bin: &[u8]) -> [f64; K] {
    let n = bin.len();
    if m == 0 || n == 0 {
        return [0.0; K];
    }
    let b = bins(n);
    let mut sums = vec![0.0; b * m];
    for (s, &at) in bin.iter().enumerate() {
        let at = usize::from(at);
        for (x, y) in sums[at * m..(at + 1) * m].iter_mut().zip(&eu[s * m..(s + 1) * m]) {
            *x += y;
        }
    }
    let mut overall = vec![0.0; m];
    for row in sums.chunks_exact(m) {
        for (o, x) in overall.iter_mut().zip(row) {
            *o += x;
        }
    }
    ks.map(|k| {
        let k = k.min(m);
        if k == 0 {
            return 0.0;
        }
        let best_overall = overall[..k].iter().copied().fold(f64::NEG_INFINITY, f64::max) / n as f64;
        let within: f64 = sums
            .chunks_exact(m)
            .map(|row| row[..k].iter().copied().fold(f64::NEG_INFINITY, f64::max))
            .sum::<f64>()
            / n as f64;
        within - best_overall
    })
}

/// EVPPI of one unknown from the samples: the binned estimate on its quantiles `q(s)` less
/// `noise`, the same estimate on a quantile per sample that no effect reads (it measures the
/// estimator's upward bias from the noise within each bin), floored at 0.
#[must_use]
pub fn evppi_binned(eu: &[f64], m: usize, n: usize, q: impl Fn(usize) -> f64, noise: f64) -> f64 {
    (binned(eu, m, n, q) - noise).max(0.0)
}
