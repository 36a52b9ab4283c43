//! What a horizon counts: its weight per year times the (discounted) years it covers.

use super::Model;

impl Model {
    /// The weight each horizon counts in utility, `tau_t`: its weight per year times the years
    /// it covers, each year `k` (the first is 1) discounted by `(1 + r)^-(k - 1)` (a part year
    /// counts its part); or, in version 1, its weight as given.
    #[must_use]
    pub fn taus(&self, horizon_weights: &[f64], discount_rate: f64) -> Vec<f64> {
        if !self.per_year {
            return horizon_weights.to_vec();
        }
        horizon_weights
            .iter()
            .zip(&self.spans)
            .map(|(w, &(a, b))| w * discounted_years(a, b, discount_rate))
            .collect()
    }
}

/// The years from `a` to `b` after the attack, year `k` (covering `k - 1` to `k`) counting
/// `(1 + r)^-(k - 1)` and a part of a year its part: `b - a` without discounting.
#[must_use]
pub fn discounted_years(a: f64, b: f64, r: f64) -> f64 {
    if !(a.is_finite() && b.is_finite()) || b <= a {
        return 0.0;
    }
    if r == 0.0 {
        return b - a;
    }
    let mut total = 0.0;
    let mut k = a.floor();
    // Bounded by validation (horizons of at most MAX_YEARS years).
    while k < b {
        let part = (k + 1.0).min(b) - k.max(a);
        total += part * (1.0 + r).powf(-k);
        k += 1.0;
    }
    total
}
