//! Response curves: a straight line or straight lines between points.

use serde::{Deserialize, Serialize};

/// A response curve: the change in an outcome as a function of a lever value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Curve {
    /// `slope * x`.
    Linear(f64),
    /// Straight lines through `(x, y)` points sorted by `x`; flat beyond the first and last.
    Points(Vec<(f64, f64)>),
}

impl Curve {
    /// The curve's value at lever value `x`.
    #[must_use]
    pub fn at(&self, x: f64) -> f64 {
        match self {
            Curve::Linear(slope) => slope * x,
            Curve::Points(points) => interpolate(points, x),
        }
    }
}

impl Curve {
    /// The lowest and highest value of the curve for `x` in `(lo, hi)`: at the ends or at a
    /// knot between them.
    #[must_use]
    pub fn span(&self, (lo, hi): (f64, f64)) -> (f64, f64) {
        let (a, b) = (self.at(lo), self.at(hi));
        let (mut min, mut max) = (a.min(b), a.max(b));
        if let Curve::Points(points) = self {
            for &(x, y) in points {
                if x > lo && x < hi {
                    min = min.min(y);
                    max = max.max(y);
                }
            }
        }
        (min, max)
    }
}

fn interpolate(points: &[(f64, f64)], x: f64) -> f64 {
    let Some(&(x0, y0)) = points.first() else {
        return 0.0;
    };
    if x <= x0 {
        return y0;
    }
    for pair in points.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if x <= b.0 {
            let span = b.0 - a.0;
            if span <= 0.0 {
                return b.1;
            }
            // The segment's slope, then the line: the Monte Carlo's kernel takes each
            // segment's slope once and the same two steps per sample, so it gives these bits.
            return a.1 + (b.1 - a.1) / span * (x - a.0);
        }
    }
    points.last().map_or(y0, |p| p.1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linear_curve_is_slope_times_x() {
        assert_eq!(Curve::Linear(-0.5).at(40.0), -20.0);
    }

    #[test]
    fn points_interpolate_and_hold_flat_outside() {
        let c = Curve::Points(vec![(0.0, 0.0), (10.0, 5.0), (30.0, 6.0)]);
        assert_eq!(c.at(-5.0), 0.0);
        assert_eq!(c.at(5.0), 2.5);
        assert_eq!(c.at(10.0), 5.0);
        assert_eq!(c.at(20.0), 5.5);
        assert_eq!(c.at(100.0), 6.0);
    }

    #[test]
    fn a_vertical_step_jumps_at_the_threshold() {
        let c = Curve::Points(vec![(0.0, 0.0), (50.0, 0.0), (50.0, 10.0), (100.0, 10.0)]);
        assert_eq!(c.at(49.0), 0.0);
        assert_eq!(c.at(50.0), 0.0);
        assert_eq!(c.at(51.0), 10.0);
    }
}
