//! The evaluation core: a scenario compiled into dense tables, credences turned into leaf
//! weights, and outcomes and utilities computed for lever settings.
//!
//! The formulas are the ones documented in `docs/file-format.md`:
//! `y = clamp(baseline(o,t,h) + sum_e curve_e(d_e) * factor_e(w_e))` with each driver `d_e`,
//! `w_e` a lever value or the final value of another cell under the same hypothesis (cells in
//! dependency order), `v = (y - worst) / (best - worst)` (clamped to 0-1 in version 1) and
//! `U_h = sum_{o,t} omega_o tau_t v / sum_{o,t} omega_o tau_t`.

use crate::model::scenario::{Curve, Scenario};
use crate::model::validate::{Problem, validate};

mod band;
mod cache;
mod compile;
pub mod kernel;
mod order;
mod parts;
mod sampled;
mod values;
mod weights;
mod years;

pub use crate::model::weights::WeightError;
pub use cache::EvaluationCache;
pub use order::dependency_order;
pub use parts::Contribution;
pub use sampled::{SampleOut, SampleScratch};
pub use years::discounted_years;

/// What an effect reads: a lever value, or a cell's value under the same leaf.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// Lever index and its slot in a staged schedule, `horizon * levers + lever` (see
    /// [`Input::read_lever`]).
    Lever(usize, usize),
    /// Cell index.
    Cell(usize),
}

/// One effect, resolved to indices.
#[derive(Debug, Clone)]
struct CompiledEffect {
    cell: usize,
    driver: Input,
    curve: Curve,
    with: Option<(Input, Curve)>,
    range: (f64, f64),
    /// Joint leaf positions (not hypothesis indices) the effect applies to.
    leaves: Vec<usize>,
    /// Whether it applies to each joint leaf position.
    applies: Vec<bool>,
}

/// A validated scenario compiled for fast, allocation-free evaluation.
#[derive(Debug, Clone)]
pub struct Model {
    /// The joint leaves: per leaf, one leaf hypothesis index per question, in question order
    /// (with one question, the leaf hypotheses in scenario order).
    joint: Vec<Vec<usize>>,
    /// The question each hypothesis answers.
    question_of: Vec<usize>,
    /// Top-level hypothesis indices per question.
    question_roots: Vec<Vec<usize>>,
    /// Parent hypothesis index per hypothesis.
    parent: Vec<Option<usize>>,
    /// Child hypothesis indices per hypothesis.
    children: Vec<Vec<usize>>,
    /// Top-level hypothesis indices.
    roots: Vec<usize>,
    n_outcomes: usize,
    n_horizons: usize,
    n_levers: usize,
    /// `[leaf * cells + cell]`.
    base: Vec<f64>,
    /// The uncertain baselines: cell, multiplier slot (`effects + baseline index`) and range.
    uncertain_base: Vec<(usize, usize, (f64, f64))>,
    n_baselines: usize,
    effects: Vec<CompiledEffect>,
    /// Effects driven by levers only (their value is the same under every leaf), file order.
    lever_effects: Vec<usize>,
    /// Those of them that apply under every leaf.
    common_lever_effects: Vec<usize>,
    /// The others, per leaf position: those that apply under it.
    leaf_lever_effects: Vec<Vec<usize>>,
    /// Cells with at least one effect driven by another cell, in dependency order, each with
    /// those effects (file order): evaluated after the cells they read.
    dependent: Vec<(usize, Vec<usize>)>,
    /// Cells final after the lever effects (no effect of theirs reads another cell).
    independent: Vec<usize>,
    limits: Vec<(f64, f64)>,
    worst: Vec<f64>,
    best: Vec<f64>,
    clamp_values: bool,
    per_year: bool,
    spans: Vec<(f64, f64)>,
    /// Unique to each compilation (clones share it): what a cache of evaluations is keyed by.
    id: u64,
}

impl Input {
    /// A lever input's value in `levers`: plain lever values (one per lever) or a staged
    /// schedule (one per lever and horizon, `[horizon * levers + lever]`). In plain values a
    /// lever has one value at every horizon.
    #[must_use]
    pub fn read_lever(lever: usize, slot: usize, levers: &[f64]) -> f64 {
        match levers.get(slot) {
            Some(&x) => x,
            None => levers[lever],
        }
    }
}

impl CompiledEffect {
    /// The effect's change at these lever values and this leaf's row of cell values:
    /// `curve(d) * factor(w)`.
    fn value(&self, levers: &[f64], row: &[f64]) -> f64 {
        let read = |i: Input| match i {
            Input::Lever(l, slot) => Input::read_lever(l, slot, levers),
            Input::Cell(c) => row[c],
        };
        let mut c = self.curve.at(read(self.driver));
        if let Some((input, factor)) = &self.with {
            c *= factor.at(read(*input));
        }
        c
    }
    fn reads_cells(&self) -> bool {
        matches!(self.driver, Input::Cell(_)) || matches!(self.with, Some((Input::Cell(_), _)))
    }
}

/// The cell of outcome `outcome` at horizon `horizon` in a scenario with `n_horizons` horizons:
/// cells run through the horizons of the first outcome, then the second, and so on.
#[must_use]
pub fn cell_index(n_horizons: usize, outcome: usize, horizon: usize) -> usize {
    outcome * n_horizons + horizon
}

/// `sum_l w_l value(l)`: the credence-weighted expectation over leaves, written once.
#[must_use]
pub fn expectation(leaf_weights: &[f64], mut value: impl FnMut(usize) -> f64) -> f64 {
    leaf_weights.iter().enumerate().map(|(l, w)| w * value(l)).sum()
}

impl Model {
    /// Validate and compile a scenario.
    ///
    /// # Errors
    /// Every problem [`validate`] finds.
    pub fn new(s: &Scenario) -> Result<Self, Vec<Problem>> {
        let problems = validate(s);
        if problems.is_empty() {
            Ok(Self::compile(s))
        } else {
            Err(problems)
        }
    }

    /// Unique to this compilation of a scenario (a clone shares it).
    #[must_use]
    pub fn id(&self) -> u64 {
        self.id
    }

    /// Number of (outcome, horizon) cells.
    #[must_use]
    pub fn cells(&self) -> usize {
        self.n_outcomes * self.n_horizons
    }
    /// Number of horizons.
    #[must_use]
    pub fn n_horizons(&self) -> usize {
        self.n_horizons
    }
    /// Number of outcomes.
    #[must_use]
    pub fn n_outcomes(&self) -> usize {
        self.n_outcomes
    }
    /// Number of levers.
    #[must_use]
    pub fn n_levers(&self) -> usize {
        self.n_levers
    }
    /// The cell of an (outcome, horizon) pair: the one place that knows the cell layout.
    #[must_use]
    pub fn cell(&self, outcome: usize, horizon: usize) -> usize {
        cell_index(self.n_horizons, outcome, horizon)
    }
    /// The (outcome, horizon) pair of a cell.
    #[must_use]
    pub fn outcome_horizon(&self, cell: usize) -> (usize, usize) {
        (cell / self.n_horizons.max(1), cell % self.n_horizons.max(1))
    }
    /// Index of `cell` under leaf position `leaf` in a block of outcome values
    /// (as [`Model::evaluate_into`] writes them).
    #[must_use]
    pub fn at(&self, leaf: usize, cell: usize) -> usize {
        leaf * self.cells() + cell
    }
    /// Expected value of `cell` in a block of outcome values under these leaf weights.
    #[must_use]
    pub fn expected(&self, leaf_weights: &[f64], block: &[f64], cell: usize) -> f64 {
        expectation(leaf_weights, |l| block[self.at(l, cell)])
    }
    /// Whether hypothesis `ancestor` is `h` or one of its ancestors.
    #[must_use]
    pub fn is_under(&self, h: usize, ancestor: usize) -> bool {
        let mut at = Some(h);
        while let Some(i) = at {
            if i == ancestor {
                return true;
            }
            at = self.parent[i];
        }
        false
    }

    /// Outcome values under every leaf for these lever values, clamped to the hard limits,
    /// written to `out[leaf * cells + cell]`. Allocates nothing.
    pub fn evaluate_into(&self, levers: &[f64], out: &mut [f64]) {
        crate::model::work::count(|w| w.evaluations += 1);
        let cells = self.cells();
        out.copy_from_slice(&self.base);
        // Effects of levers alone: one value for every leaf they apply to.
        for &i in &self.lever_effects {
            let e = &self.effects[i];
            let c = e.value(levers, &[]);
            for &li in &e.leaves {
                out[li * cells + e.cell] += c;
            }
        }
        let limit = |cell: usize, y: f64| {
            let (lo, hi) = self.limits[cell / self.n_horizons];
            y.clamp(lo, hi)
        };
        for (li, row) in out.chunks_exact_mut(cells).enumerate() {
            for &cell in &self.independent {
                row[cell] = limit(cell, row[cell]);
            }
            // Then the cells that read others, each after the cells it reads are final.
            for (cell, reading) in &self.dependent {
                let mut y = row[*cell];
                for &i in reading {
                    let e = &self.effects[i];
                    if e.applies[li] {
                        y += e.value(levers, row);
                    }
                }
                row[*cell] = limit(*cell, y);
            }
        }
    }

    /// The level of `cell` under leaf position `leaf` with every lever at zero.
    #[must_use]
    pub fn baseline(&self, leaf: usize, cell: usize) -> f64 {
        self.base[self.at(leaf, cell)]
    }

    /// The hard limits of outcome `o`, `(min, max)`, infinite where there is none.
    #[must_use]
    pub fn limits(&self, o: usize) -> (f64, f64) {
        self.limits[o]
    }
}
