//! One lever across its range against one outcome: the outcome under every leaf hypothesis
//! and its credence-weighted expectation, the others levers held where they are.

use crate::model::evaluate::{Model, WeightError, expectation};
use crate::model::scenario::Lever;

/// An outcome along a lever's range.
#[derive(Debug, Clone, PartialEq)]
pub struct Sweep {
    /// Lever values, evenly spaced from the lever's minimum to its maximum.
    pub xs: Vec<f64>,
    /// Per leaf position, the outcome at each lever value.
    pub per_leaf: Vec<Vec<f64>>,
    /// The credence-weighted outcome at each lever value.
    pub expected: Vec<f64>,
}

/// Sweep lever `index` (described by `lever`) over `steps` evenly spaced values with the other
/// levers at `levers`, reading outcome cell `cell` under every leaf and its expectation under
/// `leaf_weights`. Fewer than two steps sweep the two ends.
#[must_use]
pub fn lever_sweep(
    model: &Model,
    lever: &Lever,
    index: usize,
    levers: &[f64],
    leaf_weights: &[f64],
    cell: usize,
    steps: usize,
) -> Sweep {
    sweep(model, lever, index, levers, steps, |buf, per_leaf| {
        for (l, ys) in per_leaf.iter_mut().enumerate() {
            ys.push(buf[model.at(l, cell)]);
        }
        model.expected(leaf_weights, buf, cell)
    })
}

/// Like [`lever_sweep`], but of utility: each leaf's utility and the expected utility under
/// these value and horizon weights as the lever moves.
///
/// # Errors
/// Value or horizon weights the engine cannot use.
#[allow(clippy::too_many_arguments, reason = "the sweep's inputs, each a different quantity")]
pub fn utility_sweep(
    model: &Model,
    lever: &Lever,
    index: usize,
    levers: &[f64],
    leaf_weights: &[f64],
    value_weights: &[f64],
    horizon_weights: &[f64],
    steps: usize,
) -> Result<Sweep, WeightError> {
    let total = model.weight_total(value_weights, horizon_weights)?;
    let mut utility = vec![0.0; model.n_leaves()];
    Ok(sweep(model, lever, index, levers, steps, |buf, per_leaf| {
        model.utilities_into(buf, value_weights, horizon_weights, total, &mut utility);
        for (l, us) in per_leaf.iter_mut().enumerate() {
            us.push(utility[l]);
        }
        expectation(leaf_weights, |l| utility[l])
    }))
}

/// Most values a sweep takes at the lever's own steps; a finer lever is swept at `steps` evenly
/// spaced values instead.
const MAX_STEP_POINTS: usize = 401;

/// The values a sweep of `lever` takes: every value its slider can take (min, min + step, ...,
/// max) when there are at most [`MAX_STEP_POINTS`] of them, else `steps` evenly spaced values
/// of its range. Either way the first is `min` and the last `max`.
#[must_use]
fn sweep_points(lever: &Lever, steps: usize) -> Vec<f64> {
    let span = lever.max - lever.min;
    let count = if lever.step > 0.0 {
        span / lever.step
    } else {
        f64::INFINITY
    };
    if count.is_finite() && count >= 1.0 && count < (MAX_STEP_POINTS - 1) as f64 + 0.5 {
        let n = count.ceil() as usize;
        return (0..=n)
            .map(|k| (lever.min + k as f64 * lever.step).min(lever.max))
            .collect();
    }
    let steps = steps.max(2);
    (0..steps)
        .map(|k| lever.min + span * k as f64 / (steps - 1) as f64)
        .collect()
}

/// Move lever `index` over [`sweep_points`] of its range (the other levers at `levers`, plain
/// values or a staged schedule; in a schedule the lever moves in every horizon at once),
/// evaluate every leaf at each, and let `read` push one value per leaf from the evaluated
/// block and return the expected one.
fn sweep(
    model: &Model,
    lever: &Lever,
    index: usize,
    levers: &[f64],
    steps: usize,
    mut read: impl FnMut(&[f64], &mut [Vec<f64>]) -> f64,
) -> Sweep {
    let n = model.n_leaves();
    let mut buf = vec![0.0; n * model.cells()];
    let mut x = levers.to_vec();
    let xs = sweep_points(lever, steps);
    let mut per_leaf = vec![Vec::with_capacity(xs.len()); n];
    let mut expected = Vec::with_capacity(xs.len());
    for &v in &xs {
        let n = model.n_levers().max(1);
        for (_, slot) in x.iter_mut().enumerate().filter(|(k, _)| k % n == index) {
            *slot = v;
        }
        model.evaluate_into(&x, &mut buf);
        expected.push(read(&buf, &mut per_leaf));
    }
    Sweep { xs, per_leaf, expected }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sweep_reads_the_evaluation_at_each_step() {
        let s = crate::model::tests::tiny();
        let m = Model::new(&s).expect("valid");
        let w = [0.5, 0.25, 0.25];
        let sweep = lever_sweep(&m, &s.levers[0], 0, &[4.0, 5.0], &w, 0, 11);
        assert_eq!(sweep.xs.len(), 11);
        assert_eq!((sweep.xs[0], sweep.xs[10]), (s.levers[0].min, s.levers[0].max));
        let mut out = vec![0.0; m.n_leaves() * m.cells()];
        for (k, &x) in sweep.xs.iter().enumerate() {
            m.evaluate_into(&[x, 5.0], &mut out);
            for l in 0..3 {
                assert_eq!(sweep.per_leaf[l][k], out[m.at(l, 0)]);
            }
            let e = 0.5 * out[0] + 0.25 * out[m.at(1, 0)] + 0.25 * out[m.at(2, 0)];
            assert!((sweep.expected[k] - e).abs() < 1e-12);
        }
    }

    #[test]
    fn a_sweep_takes_the_sliders_steps_when_there_are_few() {
        let mut l = crate::model::tests::tiny().levers[0].clone();
        (l.min, l.max, l.step) = (0.0, 2000.0, 50.0);
        let xs = sweep_points(&l, 81);
        assert_eq!(xs.len(), 41);
        assert_eq!((xs[0], xs[12], xs[40]), (0.0, 600.0, 2000.0));
        // A range that is not a whole number of steps ends at max, not past it.
        (l.min, l.max, l.step) = (0.0, 1.0, 0.3);
        let xs = sweep_points(&l, 81);
        let want = [0.0, 0.3, 0.6, 0.9, 1.0];
        assert_eq!(xs.len(), want.len());
        assert!(xs.iter().zip(want).all(|(x, w)| (x - w).abs() < 1e-12), "{xs:?}");
        // Too fine (or no step): evenly spaced.
        (l.min, l.max, l.step) = (0.0, 1.0, 0.001);
        let xs = sweep_points(&l, 5);
        assert_eq!(xs, vec![0.0, 0.25, 0.5, 0.75, 1.0]);
        l.step = 0.0;
        assert_eq!(sweep_points(&l, 3), vec![0.0, 0.5, 1.0]);
    }

    #[test]
    fn a_utility_sweep_is_the_utility_at_each_step() {
        let s = crate::model::tests::tiny();
        let m = Model::new(&s).expect("valid");
        let w = [0.5, 0.25, 0.25];
        let sweep = utility_sweep(&m, &s.levers[0], 0, &[4.0, 5.0], &w, &[1.0, 1.0], &[1.0, 1.0], 5).expect("weights");
        // At x = 0 with z = 5 the report of the tiny scenario's evaluation gives the same.
        let mut out = vec![0.0; m.n_leaves() * m.cells()];
        let mut u = vec![0.0; 3];
        for (k, &x) in sweep.xs.iter().enumerate() {
            m.evaluate_into(&[x, 5.0], &mut out);
            m.utilities_into(&out, &[1.0, 1.0], &[1.0, 1.0], 4.0, &mut u);
            assert_eq!(sweep.per_leaf[2][k], u[2]);
            assert!((sweep.expected[k] - (0.5 * u[0] + 0.25 * u[1] + 0.25 * u[2])).abs() < 1e-12);
        }
        assert!(utility_sweep(&m, &s.levers[0], 0, &[4.0, 5.0], &w, &[0.0, 0.0], &[1.0, 1.0], 5).is_err());
    }
}
