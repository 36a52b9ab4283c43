//! How an effect's range is read as a distribution of its multiplier, and the named
//! parameters that effects sharing one uncertain quantity point to.

use serde::{Deserialize, Serialize};
use statrs::distribution::{Beta, ContinuousCDF, Normal};

/// The shape of an effect's uncertainty: a distribution of the multiplier on its curve over its
/// `range: (low, high)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Dist {
    /// Triangular from `low` to `high` with its mode at 1, the central estimate (the default).
    #[default]
    Triangular,
    /// Every multiplier from `low` to `high` equally likely.
    Uniform,
    /// Beta-PERT from `low` to `high` with its mode at 1: `a = 1 + 4 (1 - low) / (high - low)`,
    /// `b = 1 + 4 (high - 1) / (high - low)`.
    Pert,
    /// Log-normal with `(low, high)` as its 5th and 95th percentiles (median `sqrt(low high)`).
    LogNormal,
}

/// z of the standard normal's 95th percentile, `Phi^-1(0.95)`.
pub const Z95: f64 = 1.644_853_626_951_472_2;

impl Dist {
    /// The name written in a file.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Dist::Triangular => "Triangular",
            Dist::Uniform => "Uniform",
            Dist::Pert => "Pert",
            Dist::LogNormal => "LogNormal",
        }
    }

    /// Why this distribution cannot be read over `range`, if it cannot.
    #[must_use]
    pub fn misfit(self, (low, high): (f64, f64)) -> Option<String> {
        if !(low.is_finite() && high.is_finite()) || low > high {
            return Some(format!("the range ({low}, {high}) is not an interval"));
        }
        match self {
            Dist::Triangular | Dist::Pert if !(low <= 1.0 && 1.0 <= high) => Some(format!(
                "a {} has its mode at the central estimate 1, which the range ({low}, {high}) does not contain",
                self.name()
            )),
            Dist::LogNormal if low <= 0.0 => Some(format!(
                "a LogNormal range must be positive (it is read as the 5th and 95th percentiles of a log-normal), but it starts at {low}"
            )),
            _ => None,
        }
    }

    /// The multiplier at quantile `u` (0 to 1; clamped into the open interval so the tails
    /// stay finite). A range of one point gives that point.
    #[must_use]
    pub fn quantile(self, (low, high): (f64, f64), u: f64) -> f64 {
        let u = u.clamp(1e-12, 1.0 - 1e-12);
        let width = high - low;
        if width <= 0.0 {
            return low;
        }
        match self {
            Dist::Uniform => low + u * width,
            Dist::Triangular => {
                let mode = 1.0_f64.clamp(low, high);
                let at_mode = (mode - low) / width;
                if u < at_mode {
                    low + (u * width * (mode - low)).sqrt()
                } else {
                    high - ((1.0 - u) * width * (high - mode)).sqrt()
                }
            }
            Dist::Pert => {
                let mode = 1.0_f64.clamp(low, high);
                let a = 1.0 + 4.0 * (mode - low) / width;
                let b = 1.0 + 4.0 * (high - mode) / width;
                Beta::new(a, b).map_or(low + u * width, |beta| low + width * beta.inverse_cdf(u))
            }
            Dist::LogNormal => {
                let (ll, lh) = (low.max(f64::MIN_POSITIVE).ln(), high.ln());
                let mu = f64::midpoint(ll, lh);
                let sigma = (lh - ll) / (2.0 * Z95);
                let z = Normal::standard().inverse_cdf(u);
                (mu + sigma * z).exp()
            }
        }
    }
}

/// The multipliers at quantiles `us` into `out`: [`Dist::quantile`] of each, the same numbers,
/// the triangular and uniform ones without branches on the samples so that the loop
/// vectorises (compiled for the vector units the processor has).
#[multiversion::multiversion(targets("x86_64+avx2+fma", "x86_64+sse4.1"))]
pub fn quantiles(dist: Dist, (low, high): (f64, f64), us: &[f64], out: &mut [f64]) {
    let width = high - low;
    match dist {
        Dist::Triangular if width > 0.0 => {
            let mode = 1.0_f64.clamp(low, high);
            let at_mode = (mode - low) / width;
            for (m, &u) in out.iter_mut().zip(us) {
                let u = u.clamp(1e-12, 1.0 - 1e-12);
                // One square root per sample: of the side's argument, chosen first.
                let lower = u < at_mode;
                let root = if lower {
                    u * width * (mode - low)
                } else {
                    (1.0 - u) * width * (high - mode)
                }
                .sqrt();
                *m = if lower { low + root } else { high - root };
            }
        }
        Dist::Uniform if width > 0.0 => {
            for (m, &u) in out.iter_mut().zip(us) {
                *m = low + u.clamp(1e-12, 1.0 - 1e-12) * width;
            }
        }
        _ => {
            for (m, &u) in out.iter_mut().zip(us) {
                *m = dist.quantile((low, high), u);
            }
        }
    }
}

/// A named uncertain quantity that several effects share: drawn once per sample, each of its
/// effects taking its own distribution's quantile at that draw.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Parameter {
    /// Stable identifier, the one effects give as `parameter`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// What the quantity is.
    #[serde(default)]
    pub description: String,
    /// Where its range comes from; starts with "assumption" when no source supports it.
    #[serde(default)]
    pub source: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn triangular_quantiles_match_the_closed_form() {
        // Triangular(0.5, 1, 1.5): F(x) = 2 (x - 0.5)^2 below the mode.
        let d = Dist::Triangular;
        assert!((d.quantile((0.5, 1.5), 0.5) - 1.0).abs() < 1e-12);
        assert!((d.quantile((0.5, 1.5), 0.02) - 0.6).abs() < 1e-12);
        assert!((d.quantile((0.5, 1.5), 0.98) - 1.4).abs() < 1e-12);
        // Skewed: Triangular(0, 1, 3), F(1) = 1/3.
        assert!((d.quantile((0.0, 3.0), 1.0 / 3.0) - 1.0).abs() < 1e-9);
    }

    #[test]
    fn lognormal_reads_the_range_as_its_90_percent_interval() {
        let d = Dist::LogNormal;
        assert!((d.quantile((0.5, 2.0), 0.05) - 0.5).abs() < 1e-6);
        assert!((d.quantile((0.5, 2.0), 0.95) - 2.0).abs() < 1e-6);
        assert!((d.quantile((0.5, 2.0), 0.5) - 1.0).abs() < 1e-9);
    }

    #[test]
    fn pert_is_symmetric_about_a_central_mode_and_spans_its_range() {
        let d = Dist::Pert;
        assert!((d.quantile((0.5, 1.5), 0.5) - 1.0).abs() < 1e-9);
        let (a, b) = (d.quantile((0.5, 1.5), 0.1), d.quantile((0.5, 1.5), 0.9));
        assert!((a + b - 2.0).abs() < 1e-9 && a > 0.5 && b < 1.5);
        // Beta(3, 3) 10th percentile is 0.2466 (I_x(3,3) = 0.1 solved by bisection).
        assert!((a - 0.7466).abs() < 1e-3, "{a}");
    }

    #[test]
    fn misfits_are_named() {
        assert!(Dist::LogNormal.misfit((0.0, 2.0)).is_some());
        assert!(Dist::Triangular.misfit((1.2, 2.0)).is_some());
        assert!(Dist::Uniform.misfit((1.2, 2.0)).is_none());
        assert!(Dist::LogNormal.misfit((1.2, 2.0)).is_none());
    }
}
