//! Means and percentiles of samples.

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

/// Mean, 5th, 50th and 95th percentiles of `xs` (reordered).
pub fn band(xs: &mut [f64]) -> Band {
    let mean = if xs.is_empty() {
        0.0
    } else {
        xs.iter().sum::<f64>() / xs.len() as f64
    };
    Band {
        mean,
        p5: quantile(xs, 0.05),
        p50: quantile(xs, 0.5),
        p95: quantile(xs, 0.95),
    }
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
}
