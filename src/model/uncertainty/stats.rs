//! Means and percentiles of samples, and the sums of a block's rows.

use crate::model::evaluate::kernel::BLOCK;

/// Mean and percentiles of a sample.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Band {
    /// Mean.
    pub mean: f64,
    /// 5th percentile.
    pub p5: f64,
    /// Median.
    pub p50: f64,
    /// 95th percentile.
    pub p95: f64,
}

/// The `q` quantile of `xs` (0 to 1) by linear interpolation between order statistics (the
/// "type 7" rule of R and `NumPy`'s default). Reorders `xs`; 0 for an empty slice.
pub fn quantile(xs: &mut [f64], q: f64) -> f64 {
    let n = xs.len();
    if n == 0 {
        return 0.0;
    }
    let h = q.clamp(0.0, 1.0) * (n - 1) as f64;
    let lo = h.floor() as usize;
    let (_, &mut a, rest) = xs.select_nth_unstable_by(lo, f64::total_cmp);
    if lo + 1 >= n {
        return a;
    }
    let b = rest.iter().copied().fold(f64::INFINITY, f64::min);
    a + (h - lo as f64) * (b - a)
}

/// The `q` quantile (type 7) from its two order statistics `a` (rank `lo`) and `b` (the next).
fn between(q: f64, n: usize, a: f64, b: Option<f64>) -> f64 {
    let h = q * (n - 1) as f64;
    b.map_or(a, |b| a + (h - h.floor()) * (b - a))
}

/// The smallest of `xs`, if any.
fn least(xs: &[f64]) -> Option<f64> {
    xs.iter().copied().reduce(f64::min)
}

/// Mean, 5th, 50th and 95th percentiles of `xs` (reordered): the same numbers as
/// [`quantile`] gives for each, with one full selection (the median's) and the other two
/// within the halves it leaves.
pub fn band(xs: &mut [f64]) -> Band {
    let n = xs.len();
    if n == 0 {
        return Band::default();
    }
    let mean = xs.iter().sum::<f64>() / n as f64;
    let rank = |q: f64| (q * (n - 1) as f64).floor() as usize;
    let (lo5, lo50, lo95) = (rank(0.05), rank(0.5), rank(0.95));
    let (left, &mut mid, right) = xs.select_nth_unstable_by(lo50, f64::total_cmp);
    let after_mid = least(right);
    let p50 = between(0.5, n, mid, after_mid);
    let p5 = if lo5 == lo50 {
        between(0.05, n, mid, after_mid)
    } else {
        let (_, &mut a, rest) = left.select_nth_unstable_by(lo5, f64::total_cmp);
        between(0.05, n, a, Some(least(rest).map_or(mid, |r| r.min(mid))))
    };
    let p95 = if lo95 == lo50 {
        between(0.95, n, mid, after_mid)
    } else {
        let (_, &mut a, rest) = right.select_nth_unstable_by(lo95 - lo50 - 1, f64::total_cmp);
        between(0.95, n, a, least(rest))
    };
    Band { mean, p5, p50, p95 }
}

/// The sums of the first `rows` rows of `utility` (row `r` the first `k` of
/// `utility[r * BLOCK..]`), each taken in sample order from `-0.0` as [`Iterator::sum`] does.
/// Eight rows are summed side by side, so that their additions overlap instead of each waiting
/// for the one before.
#[inline(always)]
pub(super) fn row_sums(utility: &[f64], rows: usize, k: usize) -> Vec<f64> {
    const SIDE: usize = 8;
    let mut sums = vec![0.0; rows];
    let full = rows / SIDE * SIDE;
    for (at, out) in sums[..full].chunks_exact_mut(SIDE).enumerate() {
        let row = |i: usize| &utility[(at * SIDE + i) * BLOCK..(at * SIDE + i) * BLOCK + k];
        let lines: [&[f64]; SIDE] = std::array::from_fn(row);
        let mut acc = [-0.0; SIDE];
        for j in 0..k {
            for (a, line) in acc.iter_mut().zip(&lines) {
                *a += line[j];
            }
        }
        out.copy_from_slice(&acc);
    }
    for (r, out) in sums.iter_mut().enumerate().skip(full) {
        *out = utility[r * BLOCK..r * BLOCK + k].iter().sum();
    }
    sums
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantiles_interpolate_like_numpy() {
        // numpy.percentile([1, 2, 3, 4, 10], [5, 50, 90]) = [1.2, 3.0, 7.6]
        let mut xs = [10.0, 2.0, 4.0, 1.0, 3.0];
        assert!((quantile(&mut xs, 0.05) - 1.2).abs() < 1e-12);
        assert!((quantile(&mut xs, 0.5) - 3.0).abs() < 1e-12);
        assert!((quantile(&mut xs, 0.9) - 7.6).abs() < 1e-12);
        assert_eq!(quantile(&mut xs, 1.0), 10.0);
        assert_eq!(quantile(&mut [], 0.5), 0.0);
    }

    #[test]
    fn a_band_has_the_quantiles_one_at_a_time() {
        // Sizes around the ranks' coincidences (1 to 40) and a larger one with ties.
        let mut seed = 7_u64;
        let mut next = || {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            ((seed >> 33) % 50) as f64 / 7.0
        };
        for n in (1..=40).chain([1000, 10_001]) {
            let xs: Vec<f64> = (0..n).map(|_| next()).collect();
            let b = band(&mut xs.clone());
            let q = |p: f64| quantile(&mut xs.clone(), p);
            assert_eq!((b.p5, b.p50, b.p95), (q(0.05), q(0.5), q(0.95)), "n = {n}");
            assert_eq!(b.mean, xs.iter().sum::<f64>() / f64::from(n));
        }
        assert_eq!(band(&mut []), Band::default());
    }

    /// Each row's sum is `Iterator::sum`'s to the last bit: rows of values of mixed sizes (where
    /// the order of additions shows), a row of negative zeros, a partial block, and rows that do not
    /// fill the last group of eight.
    #[test]
    fn row_sums_are_iterator_sums_bit_for_bit() {
        for (rows, k) in [(27 * 11, BLOCK), (19, 77), (8, 1), (3, BLOCK)] {
            let mut utility = vec![f64::NAN; rows * BLOCK];
            for r in 0..rows {
                for j in 0..k {
                    let x = ((r * 7919 + j * 104_729) % 1000) as f64;
                    let scale = [1e-4, 1e-3, 0.01, 0.1, 1.0, 10.0, 100.0, 1e3, 1e4][j % 9];
                    utility[r * BLOCK + j] = if r == 1 { -0.0 } else { (x - 500.0) * scale / 3.0 };
                }
            }
            let sums = row_sums(&utility, rows, k);
            for (r, sum) in sums.iter().enumerate() {
                let expected: f64 = utility[r * BLOCK..r * BLOCK + k].iter().sum();
                assert_eq!(sum.to_bits(), expected.to_bits(), "row {r} of {rows}, {k} samples");
            }
        }
    }
}
