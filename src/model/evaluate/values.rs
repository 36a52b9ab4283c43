//! Values and utilities: an outcome level on its 0-1 value scale, and utility per leaf.

use super::Model;

impl Model {
    /// Normalised value of outcome `o` at level `y`: 0 at worst, 1 at best; linear beyond
    /// them in version 2, clamped to 0-1 in version 1.
    #[must_use]
    pub fn normalised(&self, o: usize, y: f64) -> f64 {
        let v = (y - self.worst[o]) / (self.best[o] - self.worst[o]);
        if self.clamp_values { v.clamp(0.0, 1.0) } else { v }
    }

    /// Whether values are clamped to 0-1 (version 1) rather than linear.
    #[must_use]
    pub fn clamps_values(&self) -> bool {
        self.clamp_values
    }

    /// `|best - worst|` of outcome `o`: the size of its value scale.
    #[must_use]
    pub fn scale(&self, o: usize) -> f64 {
        (self.best[o] - self.worst[o]).abs()
    }

    /// Utility per leaf from evaluated outcome values, written to `out` (one per leaf).
    /// `total` is [`Model::weight_total`]. Allocates nothing.
    pub fn utilities_into(&self, values_out: &[f64], values: &[f64], horizons: &[f64], total: f64, out: &mut [f64]) {
        for (li, u) in out.iter_mut().enumerate() {
            let row = &values_out[self.at(li, 0)..self.at(li + 1, 0)];
            let mut sum = 0.0;
            for (o, &omega) in values.iter().enumerate() {
                if omega == 0.0 {
                    continue;
                }
                for (t, &tau) in horizons.iter().enumerate() {
                    sum += omega * tau * self.normalised(o, row[self.cell(o, t)]);
                }
            }
            *u = sum / total;
        }
    }
}
