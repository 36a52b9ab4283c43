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

/// Unknowns whose bins [`binned_by`] sums in one pass over the samples: each row of expected
/// utilities is read once for all of them.
pub(crate) const GROUP: usize = 4;

/// [`binned`] over the first `k` of the `m` candidates of `eu` (`eu[s * m + p]`), for each
/// `k` of `ks`, the samples grouped by the precomputed bins `of[u][s]` of each unknown `u` (as
/// [`super::Design::bins`] holds them): the same numbers, each bin's sums taken in sample order
/// once for every `k`, [`GROUP`] unknowns at a time.
#[must_use]
pub fn binned_by<const K: usize>(eu: &[f64], m: usize, ks: [usize; K], of: &[&[u8]]) -> Vec<[f64; K]> {
    let n = of.first().map_or(0, |bin| bin.len());
    if m == 0 || n == 0 {
        return vec![[0.0; K]; of.len()];
    }
    let b = bins(n);
    let eu = &eu[..n * m];
    let mut sums = vec![0.0; of.len() * b * m];
    for (group, sums) in of.chunks(GROUP).zip(sums.chunks_mut(GROUP * b * m)) {
        // Rows of a width known when compiled are added without a loop over the width.
        match m {
            1 => bin_sums::<1>(eu, group, sums),
            2 => bin_sums::<2>(eu, group, sums),
            3 => bin_sums::<3>(eu, group, sums),
            4 => bin_sums::<4>(eu, group, sums),
            5 => bin_sums::<5>(eu, group, sums),
            6 => bin_sums::<6>(eu, group, sums),
            7 => bin_sums::<7>(eu, group, sums),
            8 => bin_sums::<8>(eu, group, sums),
            9 => bin_sums::<9>(eu, group, sums),
            10 => bin_sums::<10>(eu, group, sums),
            11 => bin_sums::<11>(eu, group, sums),
            12 => bin_sums::<12>(eu, group, sums),
            13 => bin_sums::<13>(eu, group, sums),
            14 => bin_sums::<14>(eu, group, sums),
            15 => bin_sums::<15>(eu, group, sums),
            16 => bin_sums::<16>(eu, group, sums),
            _ => {
                let per = b * m;
                for (s, row) in eu.chunks_exact(m).enumerate() {
                    for (u, bin) in group.iter().enumerate() {
                        let at = u * per + usize::from(bin[s]) * m;
                        for (x, y) in sums[at..at + m].iter_mut().zip(row) {
                            *x += y;
                        }
                    }
                }
            }
        }
    }
    sums.chunks_exact(b * m)
        .map(|sums| {
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
        })
        .collect()
}

/// Each bin's sums of the rows of `eu` (`M` wide) whose sample is in it, for each unknown of
/// `group` (`sums[u][bin][p]`, laid out flat), in sample order.
#[multiversion::multiversion(targets("x86_64+avx2+fma", "x86_64+sse4.1"))]
fn bin_sums<const M: usize>(eu: &[f64], group: &[&[u8]], sums: &mut [f64]) {
    let (rows, _) = eu.as_chunks::<M>();
    let (sums, _) = sums.as_chunks_mut::<M>();
    let per = sums.len() / group.len().max(1);
    for (s, row) in rows.iter().enumerate() {
        for (u, bin) in group.iter().enumerate() {
            let sum = &mut sums[u * per + usize::from(bin[s])];
            for (x, y) in sum.iter_mut().zip(row) {
                *x += y;
            }
        }
    }
}

/// EVPPI of one unknown from the samples: the binned estimate on its quantiles `q(s)` less
/// `noise`, the same estimate on a quantile per sample that no effect reads (it measures the
/// estimator's upward bias from the noise within each bin), floored at 0.
#[must_use]
pub fn evppi_binned(eu: &[f64], m: usize, n: usize, q: impl Fn(usize) -> f64, noise: f64) -> f64 {
    (binned(eu, m, n, q) - noise).max(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::{RngExt, SeedableRng};

    /// Grouped and width-specialised sums give [`binned`]'s figures bit for bit: widths below,
    /// at and above the specialised ones, groups of one unknown to more than [`GROUP`].
    #[test]
    fn binned_by_gives_the_plain_estimates_for_every_width_and_group() {
        let mut rng = rand_pcg::Pcg64::seed_from_u64(4);
        let n = 333;
        let b = bins(n);
        for m in [1, 2, 5, 11, 16, 17, 23] {
            let eu: Vec<f64> = (0..n * m).map(|_| rng.random::<f64>() - 0.3).collect();
            for unknowns in [1, GROUP, GROUP + 3, 2 * GROUP + 1] {
                let of: Vec<Vec<u8>> = (0..unknowns)
                    .map(|_| (0..n).map(|_| rng.random_range(0..b) as u8).collect())
                    .collect();
                let refs: Vec<&[u8]> = of.iter().map(Vec::as_slice).collect();
                let ks = [m, m.div_ceil(2)];
                let got = binned_by(&eu, m, ks, &refs);
                assert_eq!(got.len(), unknowns);
                for (bin, got) in of.iter().zip(&got) {
                    for (k, g) in ks.iter().zip(got) {
                        let row = |s: usize| &eu[s * m..s * m + k];
                        let sub: Vec<f64> = (0..n).flat_map(row).copied().collect();
                        let q = |s: usize| (f64::from(bin[s]) + 0.5) / b as f64;
                        assert_eq!(g.to_bits(), binned(&sub, *k, n, q).to_bits(), "m {m}, k {k}");
                    }
                }
            }
        }
    }
}
