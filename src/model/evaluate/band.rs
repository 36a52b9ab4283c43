//! The uncertainty band: every effect and uncertain baseline anywhere in its range, propagated
//! through the outcomes that drive others by interval arithmetic.

use super::{Input, Model};

impl Model {
    /// The uncertainty band: like [`Model::evaluate_into`], but each effect taken anywhere in
    /// its uncertainty range, written as the lowest (`lo`) and highest (`hi`) value each cell
    /// can take. An effect driven by another cell reads that cell's whole band (interval
    /// arithmetic over the curve, its knots inside the band included), so the band of a
    /// driven cell holds every value its drivers' bands allow. Allocates nothing.
    pub fn evaluate_bounds_into(&self, levers: &[f64], lo: &mut [f64], hi: &mut [f64]) {
        let cells = self.cells();
        lo.copy_from_slice(&self.base);
        hi.copy_from_slice(&self.base);
        // An uncertain baseline's level anywhere in its range.
        for &(cell, _, range) in &self.uncertain_base {
            for li in 0..self.joint.len() {
                let b = self.base[li * cells + cell];
                let (a, c) = spread(range, (b, b));
                lo[li * cells + cell] = a;
                hi[li * cells + cell] = c;
            }
        }
        for &i in &self.lever_effects {
            let e = &self.effects[i];
            let (a, b) = spread(e.range, (e.value(levers, &[]), e.value(levers, &[])));
            for &li in &e.leaves {
                lo[li * cells + e.cell] += a;
                hi[li * cells + e.cell] += b;
            }
        }
        let limit = |cell: usize, y: f64| {
            let (l, h) = self.limits[cell / self.n_horizons];
            y.clamp(l, h)
        };
        for (li, (lo_row, hi_row)) in lo.chunks_exact_mut(cells).zip(hi.chunks_exact_mut(cells)).enumerate() {
            for &cell in &self.independent {
                lo_row[cell] = limit(cell, lo_row[cell]);
                hi_row[cell] = limit(cell, hi_row[cell]);
            }
            for (cell, reading) in &self.dependent {
                let (mut a, mut b) = (lo_row[*cell], hi_row[*cell]);
                for &i in reading {
                    let e = &self.effects[i];
                    if !e.applies[li] {
                        continue;
                    }
                    let read = |input: Input| match input {
                        Input::Lever(l, slot) => {
                            let x = Input::read_lever(l, slot, levers);
                            (x, x)
                        }
                        Input::Cell(c) => (lo_row[c], hi_row[c]),
                    };
                    let mut v = e.curve.span(read(e.driver));
                    if let Some((input, factor)) = &e.with {
                        let f = factor.span(read(*input));
                        v = product(v, f);
                    }
                    let (x, y) = spread(e.range, v);
                    a += x;
                    b += y;
                }
                lo_row[*cell] = limit(*cell, a);
                hi_row[*cell] = limit(*cell, b);
            }
        }
    }
}

/// The interval of `r * v` for `r` in `range` and `v` in `(lo, hi)`.
fn spread(range: (f64, f64), v: (f64, f64)) -> (f64, f64) {
    product(range, v)
}

/// The interval of `x * y` for `x` in `a` and `y` in `b`.
fn product(a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
    let c = [a.0 * b.0, a.0 * b.1, a.1 * b.0, a.1 * b.1];
    (
        c.iter().copied().fold(f64::INFINITY, f64::min),
        c.iter().copied().fold(f64::NEG_INFINITY, f64::max),
    )
}
