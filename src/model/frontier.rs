//! The Pareto view's data: many policies sampled across the lever space, their outcomes under
//! every leaf hypothesis, the expected values of two chosen outcomes, and the non-dominated front.

use crate::model::evaluate::Model;
use crate::model::scenario::Scenario;

/// Lever settings sampled evenly across the lever space, evaluated under every leaf.
///
/// Kept compact: a cell's value is the same under the leaves that share its baseline, its
/// effects and the values it reads (one *node* of [`crate::model::evaluate::kernel::Plan`]), so
/// each sample keeps one value per node, not per leaf and cell (on Paris 330 values against 918),
/// in single precision: the samples are for plotting, where seven significant digits are more
/// than a point on the screen can show.
#[derive(Debug, Clone, PartialEq)]
pub struct Samples {
    /// Number of sampled policies.
    pub n: usize,
    /// Lever values, `n * levers` (`n * levers * horizons` when staged).
    pub levers: Vec<f64>,
    /// Outcome values, one per node, `n * nodes`.
    values: Vec<f32>,
    /// The node of each leaf and cell, `[leaf * cells + cell]`.
    node: Vec<usize>,
    /// Whether each sample is a staged schedule.
    pub staged: bool,
    n_levers: usize,
    nodes: usize,
    cells: usize,
}

/// The `index`-th element of the van der Corput sequence in `base`: evenly spread in [0, 1).
fn radical_inverse(mut index: u64, base: u64) -> f64 {
    let mut result = 0.0;
    let mut f = 1.0 / base as f64;
    while index > 0 {
        result += f * (index % base) as f64;
        index /= base;
        f /= base as f64;
    }
    result
}

const PRIMES: [u64; 24] = [
    2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89,
];

/// Sample `n` lever settings with a Halton sequence (low-discrepancy, so the lever space is
/// covered evenly and the result is the same every run), snapped to each lever's step, and
/// evaluate each under every leaf hypothesis. `staged`: each lever's value in each horizon is
/// sampled on its own (each sample a schedule, `[horizon * levers + lever]`).
#[must_use]
pub fn sample_policies(model: &Model, scenario: &Scenario, n: usize, staged: bool) -> Samples {
    let horizons = if staged { scenario.horizons.len().max(1) } else { 1 };
    let n_levers = scenario.levers.len() * horizons;
    let (leaves, cells) = (model.n_leaves(), model.cells());
    let plan = model.plan(&[]);
    let node: Vec<usize> = (0..leaves)
        .flat_map(|l| (0..cells).map(move |c| (l, c)))
        .map(|(l, c)| plan.node(l, c))
        .collect();
    // Where each node's value is in an evaluation: its first leaf and cell.
    let nodes = plan.n_nodes();
    let mut first = vec![0usize; nodes];
    for (at, &j) in node.iter().enumerate().rev() {
        first[j] = at;
    }
    let mut levers = vec![0.0; n * n_levers];
    let mut values = vec![0.0_f32; n * nodes];
    let mut block = vec![0.0; leaves * cells];
    for i in 0..n {
        let row = &mut levers[i * n_levers..(i + 1) * n_levers];
        for (j, l) in (0..horizons).flat_map(|_| &scenario.levers).enumerate() {
            // Beyond the table of primes, fall back to shifted copies of the low dimensions.
            let base = PRIMES[j % PRIMES.len()];
            let u = radical_inverse(i as u64 + 1 + (j / PRIMES.len()) as u64 * 7919, base);
            let x = l.min + u * (l.max - l.min);
            let snapped = if l.step > 0.0 {
                l.min + ((x - l.min) / l.step).round() * l.step
            } else {
                x
            };
            row[j] = snapped.clamp(l.min, l.max);
        }
        model.evaluate_into(row, &mut block);
        for (v, &at) in values[i * nodes..(i + 1) * nodes].iter_mut().zip(&first) {
            *v = block[at] as f32;
        }
    }
    Samples {
        n,
        levers,
        values,
        node,
        staged,
        n_levers,
        nodes,
        cells,
    }
}

impl Samples {
    /// Lever values of sample `i` (a schedule when the samples are staged).
    #[must_use]
    pub fn levers_of(&self, i: usize) -> &[f64] {
        &self.levers[i * self.n_levers..(i + 1) * self.n_levers]
    }

    /// Outcome values of sample `i` under every leaf, laid out as [`Model::evaluate_into`]
    /// writes them (to single precision).
    #[must_use]
    pub fn values_of(&self, i: usize) -> Vec<f64> {
        let row = &self.values[i * self.nodes..(i + 1) * self.nodes];
        self.node.iter().map(|&j| f64::from(row[j])).collect()
    }

    /// Expected value of `cell` in sample `i` under these leaf weights: as
    /// [`Model::expected`] gives it on [`Samples::values_of`].
    #[must_use]
    pub fn expected(&self, i: usize, leaf_weights: &[f64], cell: usize) -> f64 {
        let row = &self.values[i * self.nodes..(i + 1) * self.nodes];
        crate::model::evaluate::expectation(leaf_weights, |l| f64::from(row[self.node[l * self.cells + cell]]))
    }

    /// Expected values of two cells for every sample under these leaf weights.
    #[must_use]
    pub fn expected_points(&self, _model: &Model, leaf_weights: &[f64], cell_x: usize, cell_y: usize) -> Vec<[f64; 2]> {
        (0..self.n)
            .map(|i| {
                [
                    self.expected(i, leaf_weights, cell_x),
                    self.expected(i, leaf_weights, cell_y),
                ]
            })
            .collect()
    }
}

/// The cell of another outcome that most conflicts with `cell_x` across the samples: the
/// lowest Pearson correlation between the two cells' expected values under `leaf_weights`,
/// each signed so that higher is better (`higher_is_better` per outcome). A strongly negative
/// correlation means that policies which do well on one do badly on the other: the trade-off
/// a Pareto view is for. Only outcomes marked `eligible` are candidates; cells that do not
/// vary are skipped; `None` if none is left.
#[must_use]
pub fn most_conflicting(
    model: &Model,
    samples: &Samples,
    leaf_weights: &[f64],
    higher_is_better: &[bool],
    eligible: &[bool],
    cell_x: usize,
) -> Option<usize> {
    let cells = model.cells();
    let sign = |c: usize| {
        let (o, _) = model.outcome_horizon(c);
        if higher_is_better.get(o).copied().unwrap_or(true) {
            1.0
        } else {
            -1.0
        }
    };
    let column = |c: usize| -> Vec<f64> {
        (0..samples.n)
            .map(|i| sign(c) * samples.expected(i, leaf_weights, c))
            .collect()
    };
    let x = column(cell_x);
    let (ox, _) = model.outcome_horizon(cell_x);
    (0..cells)
        .filter(|&c| {
            model.outcome_horizon(c).0 != ox && eligible.get(model.outcome_horizon(c).0).copied().unwrap_or(true)
        })
        .filter_map(|c| correlation(&x, &column(c)).map(|r| (c, r)))
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(c, _)| c)
}

/// Pearson correlation of two equally long series; `None` if either does not vary.
#[must_use]
fn correlation(a: &[f64], b: &[f64]) -> Option<f64> {
    let n = a.len().min(b.len());
    if n < 2 {
        return None;
    }
    let mean = |v: &[f64]| v[..n].iter().sum::<f64>() / n as f64;
    let (ma, mb) = (mean(a), mean(b));
    let (mut sab, mut saa, mut sbb) = (0.0, 0.0, 0.0);
    for (x, y) in a[..n].iter().zip(&b[..n]) {
        let (dx, dy) = (x - ma, y - mb);
        sab += dx * dy;
        saa += dx * dx;
        sbb += dy * dy;
    }
    let scale = ma.abs().max(mb.abs()).max(1.0);
    let tiny = 1e-24 * scale * scale * n as f64;
    (saa > tiny && sbb > tiny).then(|| sab / (saa * sbb).sqrt())
}

/// Indices of the non-dominated points, sorted by x. `higher_is_better` says, per axis, which
/// direction is better. A point is dominated if another is at least as good on both axes and
/// better on one.
#[must_use]
pub fn pareto_front(points: &[[f64; 2]], higher_is_better: [bool; 2]) -> Vec<usize> {
    let sign = higher_is_better.map(|h| if h { 1.0 } else { -1.0 });
    let mut order: Vec<usize> = (0..points.len()).collect();
    // Best x first; among equal x, best y first.
    order.sort_by(|&a, &b| {
        (sign[0] * points[b][0])
            .total_cmp(&(sign[0] * points[a][0]))
            .then((sign[1] * points[b][1]).total_cmp(&(sign[1] * points[a][1])))
    });
    let mut front = Vec::new();
    let mut best_y = f64::NEG_INFINITY;
    for i in order {
        let y = sign[1] * points[i][1];
        if y > best_y {
            front.push(i);
            best_y = y;
        }
    }
    front.sort_by(|&a, &b| points[a][0].total_cmp(&points[b][0]));
    front
}

/// The boundary of what a front dominates, as a staircase through its points (sorted by x):
/// between two neighbours it turns at the corner that is worse than both on each axis, so no
/// segment suggests a policy between them that nobody found. `higher_is_better` per axis.
#[must_use]
pub fn staircase(front: &[[f64; 2]], higher_is_better: [bool; 2]) -> Vec<[f64; 2]> {
    let worse = |axis: usize, a: f64, b: f64| if higher_is_better[axis] { a.min(b) } else { a.max(b) };
    let mut out = Vec::with_capacity(front.len() * 2);
    for (i, p) in front.iter().enumerate() {
        if let Some(q) = i.checked_sub(1).and_then(|j| front.get(j)) {
            out.push([worse(0, q[0], p[0]), worse(1, q[1], p[1])]);
        }
        out.push(*p);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_keeps_exactly_the_non_dominated_points() {
        // Maximise x, minimise y.
        let pts = [
            [1.0, 1.0],
            [2.0, 2.0],
            [2.0, 3.0],
            [3.0, 5.0],
            [0.5, 0.5],
            [1.0, 4.0],
            [3.0, 5.0],
        ];
        let front = pareto_front(&pts, [true, false]);
        // [1,4] is dominated by [1,1]; [2,3] by [2,2]; the duplicate [3,5] appears once.
        assert_eq!(front, vec![4, 0, 1, 3]);
        // Brute force agrees for every point.
        for (i, p) in pts.iter().enumerate() {
            let dominated = pts
                .iter()
                .any(|q| q[0] >= p[0] && q[1] <= p[1] && (q[0] > p[0] || q[1] < p[1]));
            assert_eq!(!dominated, front.contains(&i) || (i == 6), "point {i}");
        }
    }

    #[test]
    fn a_staircase_turns_at_the_corner_worse_than_both_neighbours() {
        // Lower is better on both: (1,5), (2,3), (4,1) -> corners (2,5) and (4,3).
        let s = staircase(&[[1.0, 5.0], [2.0, 3.0], [4.0, 1.0]], [false, false]);
        assert_eq!(s, vec![[1.0, 5.0], [2.0, 5.0], [2.0, 3.0], [4.0, 3.0], [4.0, 1.0]]);
        // Lower x, higher y better: (1,3), (2,5) -> corner (2,3).
        let s = staircase(&[[1.0, 3.0], [2.0, 5.0]], [false, true]);
        assert_eq!(s, vec![[1.0, 3.0], [2.0, 3.0], [2.0, 5.0]]);
        assert!(staircase(&[], [true, true]).is_empty());
    }

    #[test]
    fn correlation_matches_the_hand_calculation() {
        // a = 1,2,3; b = 2,4,7: means 2 and 13/3; sab = 5, saa = 2, sbb = 38/3 * ... by hand:
        // deviations b: -7/3, -1/3, 8/3 -> sab = 7/3 + 0 + 8/3 = 5, sbb = (49 + 1 + 64) / 9 = 38/3.
        let r = correlation(&[1.0, 2.0, 3.0], &[2.0, 4.0, 7.0]).expect("varies");
        assert!((r - 5.0 / (2.0_f64 * 38.0 / 3.0).sqrt()).abs() < 1e-12);
        assert_eq!(correlation(&[1.0, 1.0, 1.0], &[2.0, 4.0, 7.0]), None);
        assert!((correlation(&[1.0, 2.0], &[5.0, 3.0]).expect("varies") + 1.0).abs() < 1e-12);
    }

    #[test]
    fn the_most_conflicting_cell_has_the_lowest_correlation() {
        let s = crate::model::tests::tiny();
        let m = Model::new(&s).expect("valid");
        let samples = sample_policies(&m, &s, 200, false);
        let w = [0.25, 0.375, 0.375];
        let better: Vec<bool> = s
            .outcomes
            .iter()
            .map(|o| o.better == crate::model::scenario::Better::Higher)
            .collect();
        let chosen = most_conflicting(&m, &samples, &w, &better, &[true; 2], 0).expect("another outcome varies");
        // Only cells of the other outcome compete; check the choice against each of them.
        assert!(m.outcome_horizon(chosen).0 != 0);
        let col = |c: usize| -> Vec<f64> {
            let sign = if better[m.outcome_horizon(c).0] { 1.0 } else { -1.0 };
            (0..samples.n).map(|i| sign * samples.expected(i, &w, c)).collect()
        };
        let r = |c: usize| correlation(&col(0), &col(c));
        for c in (0..m.cells()).filter(|&c| m.outcome_horizon(c).0 != 0) {
            if let (Some(rc), Some(rb)) = (r(c), r(chosen)) {
                assert!(rb <= rc, "cell {c}: {rc} < chosen {rb}");
            }
        }
    }

    #[test]
    fn halton_samples_cover_the_lever_space_evenly() {
        let s = crate::model::tests::tiny();
        let m = Model::new(&s).expect("valid");
        let samples = sample_policies(&m, &s, 1000, false);
        for j in 0..2 {
            let xs: Vec<f64> = (0..1000).map(|i| samples.levers_of(i)[j]).collect();
            let mean = xs.iter().sum::<f64>() / 1000.0;
            assert!((mean - 5.0).abs() < 0.2, "lever {j} mean {mean}");
            assert!(xs.iter().all(|x| (0.0..=10.0).contains(x) && x.fract() == 0.0));
            for v in 0..=10 {
                assert!(
                    xs.iter().any(|&x| x == f64::from(v)),
                    "value {v} of lever {j} never sampled"
                );
            }
        }
        // Each sample's outcome block is the model's evaluation of its levers.
        let mut out = vec![0.0; 12];
        m.evaluate_into(samples.levers_of(17), &mut out);
        for (a, b) in samples.values_of(17).iter().zip(&out) {
            assert!((a - b).abs() <= 1e-6 * b.abs().max(1.0), "{a} against {b}");
        }
        // Expected points weight the leaves.
        let pts = samples.expected_points(&m, &[0.25, 0.375, 0.375], 0, 3);
        let e: f64 = [0.25, 0.375, 0.375]
            .iter()
            .enumerate()
            .map(|(l, w)| w * out[l * 4])
            .sum();
        assert!((pts[17][0] - e).abs() < 1e-12);
    }
}
