//! A curve as an edit sets it: its numbers finite, its points sorted by x.

use super::types::{EditError, Item};
use crate::model::scenario::Curve;

/// `c` if its numbers are all finite.
pub(super) fn finite_curve(c: &Curve) -> Result<Curve, EditError> {
    let finite = match c {
        Curve::Linear(x) => x.is_finite(),
        Curve::Points(p) => p.iter().all(|(x, y)| x.is_finite() && y.is_finite()),
    };
    if finite {
        Ok(c.clone())
    } else {
        Err(EditError::NotFinite(f64::NAN))
    }
}

/// Move point `k` of a curve of points to `(x, y)`, keeping the points sorted by x.
pub(super) fn move_point(curve: &mut Curve, k: usize, (x, y): (f64, f64)) -> Result<(), EditError> {
    if !x.is_finite() || !y.is_finite() {
        return Err(EditError::NotFinite(if x.is_finite() { y } else { x }));
    }
    let Curve::Points(points) = curve else {
        return Err(EditError::NoField(Item::Effect, "curve of points".into()));
    };
    let Some(p) = points.get_mut(k) else {
        return Err(EditError::NoField(Item::Effect, format!("point {k}")));
    };
    *p = (x, y);
    // Kept sorted by x, as a curve must be: a point dragged past its neighbour swaps.
    points.sort_by(|a, b| a.0.total_cmp(&b.0));
    Ok(())
}
