//! Compiling a validated scenario into the model's dense tables: joint leaves, baselines per
//! leaf and cell, effects resolved to indices (lever slots, cells, the leaves they apply to),
//! and the cells in dependency order.

use super::{CompiledEffect, Input, Model, cell_index, dependency_order};
use crate::model::scenario::{Driver, HorizonWeighting, Scenario, ValueScale};

impl Model {
    /// Compile a scenario that [`crate::model::validate::validate`] accepted. On an invalid one it does not fail or
    /// panic, but unknown references fall back to the first item, so always validate first.
    #[must_use]
    pub fn compile(s: &Scenario) -> Self {
        crate::model::work::count(|w| w.compilations += 1);
        let n = s.hypotheses.len();
        let index = |id: &str| s.hypothesis_index(id);
        let parent: Vec<Option<usize>> = s
            .hypotheses
            .iter()
            .map(|h| h.parent.as_deref().and_then(index))
            .collect();
        let mut children = vec![Vec::new(); n];
        let mut roots = Vec::new();
        for (i, p) in parent.iter().enumerate() {
            match p {
                Some(p) => children[*p].push(i),
                None => roots.push(i),
            }
        }
        let joint = s.joint_leaves();
        let question_of: Vec<usize> = (0..n).map(|h| s.question_of(h)).collect();
        let question_roots = (0..s.n_questions())
            .map(|q| roots.iter().copied().filter(|&r| question_of[r] == q).collect())
            .collect();
        // Chain from a hypothesis up to its root, itself first.
        let chain = |mut i: usize| {
            let mut v = vec![i];
            while let Some(p) = parent[i] {
                v.push(p);
                i = p;
            }
            v
        };
        // Whether hypothesis t holds at a joint leaf: it is one of its answers or above one.
        let holds = |answers: &[usize], t: usize| answers.iter().any(|&a| chain(a).contains(&t));
        let (n_outcomes, n_horizons) = (s.outcomes.len(), s.horizons.len());
        let cells = n_outcomes * n_horizons;
        let cell_of = |o: &str, t: &str| -> usize {
            cell_index(
                n_horizons,
                s.outcome_index(o).unwrap_or(0),
                s.horizon_index(t).unwrap_or(0),
            )
        };
        let mut base = vec![0.0; joint.len() * cells];
        for b in &s.baselines {
            let cell = cell_of(&b.outcome, &b.horizon);
            for (li, answers) in joint.iter().enumerate() {
                // The keys belong to one question: its answer's nearest listed ancestor.
                let value = (answers.iter().flat_map(|&h| chain(h)))
                    .find_map(|a| b.by_hypothesis.get(&s.hypotheses[a].id).copied())
                    .unwrap_or(b.value);
                base[li * cells + cell] = value;
            }
        }
        let uncertain_base = (s.baselines.iter().enumerate())
            .filter_map(|(i, b)| b.range.filter(|(lo, hi)| lo < hi).map(|r| (i, b, r)))
            .map(|(i, b, r)| (cell_of(&b.outcome, &b.horizon), s.effects.len() + i, r))
            .collect();
        let n_levers = s.levers.len();
        // A lever read at horizon `t`: its slot in a staged schedule.
        let at = |l: &str, t: usize| {
            let l = s.lever_index(l).unwrap_or(0);
            Input::Lever(l, t * n_levers + l)
        };
        let input = |d: Option<Driver>, t: usize| match d {
            Some(Driver::Outcome(o, h)) => Input::Cell(cell_of(&o, &h)),
            Some(Driver::Lever(l)) => at(&l, t),
            Some(Driver::LeverAt(l, h)) => at(&l, s.horizon_index(&h).unwrap_or(0)),
            None => Input::Lever(0, 0),
        };
        let effects: Vec<CompiledEffect> = s
            .effects
            .iter()
            .map(|e| {
                let targets: Vec<usize> = (e.hypothesis.iter().chain(&e.when)).filter_map(|h| index(h)).collect();
                let applies: Vec<bool> = (joint.iter())
                    .map(|answers| targets.iter().all(|&t| holds(answers, t)))
                    .collect();
                let t = s.horizon_index(&e.horizon).unwrap_or(0);
                CompiledEffect {
                    cell: cell_of(&e.outcome, &e.horizon),
                    driver: input(e.source(), t),
                    curve: e.curve.clone(),
                    with: e.with.as_ref().map(|m| (input(m.source(), t), m.factor.clone())),
                    range: e.range,
                    leaves: (0..joint.len()).filter(|&li| applies[li]).collect(),
                    applies,
                }
            })
            .collect();
        let lever_effects: Vec<usize> = (0..effects.len()).filter(|&i| !effects[i].reads_cells()).collect();
        let everywhere = |i: usize| effects[i].applies.iter().all(|&a| a);
        let common_lever_effects = lever_effects.iter().copied().filter(|&i| everywhere(i)).collect();
        let leaf_lever_effects = (0..joint.len())
            .map(|li| {
                lever_effects
                    .iter()
                    .copied()
                    .filter(|&i| !everywhere(i) && effects[i].applies[li])
                    .collect()
            })
            .collect();
        let edges: Vec<(usize, usize)> = effects
            .iter()
            .flat_map(|e| {
                [Some(e.driver), e.with.as_ref().map(|w| w.0)]
                    .into_iter()
                    .flatten()
                    .filter_map(move |i| match i {
                        Input::Cell(c) => Some((c, e.cell)),
                        Input::Lever(..) => None,
                    })
            })
            .collect();
        // A cycle is refused by validation; compiled anyway, its cells are left out.
        let (order, _) = dependency_order(cells, &edges);
        let dependent: Vec<(usize, Vec<usize>)> = order
            .iter()
            .map(|&cell| {
                let reading = (0..effects.len())
                    .filter(|&i| effects[i].cell == cell && effects[i].reads_cells())
                    .collect();
                (cell, reading)
            })
            .collect();
        let independent = (0..cells).filter(|c| !order.contains(c)).collect();
        Self {
            joint,
            question_of,
            question_roots,
            parent,
            children,
            roots,
            n_outcomes,
            n_horizons,
            n_levers: s.levers.len(),
            base,
            uncertain_base,
            n_baselines: s.baselines.len(),
            effects,
            lever_effects,
            common_lever_effects,
            leaf_lever_effects,
            dependent,
            independent,
            clamp_values: s.value_scale() == ValueScale::Clamped,
            per_year: s.horizon_weighting() == HorizonWeighting::PerYear,
            spans: (0..n_horizons).map(|t| s.horizon_span(t)).collect(),
            limits: s
                .outcomes
                .iter()
                .map(|o| {
                    (
                        o.limits.min.unwrap_or(f64::NEG_INFINITY),
                        o.limits.max.unwrap_or(f64::INFINITY),
                    )
                })
                .collect(),
            worst: s.outcomes.iter().map(|o| o.worst).collect(),
            best: s.outcomes.iter().map(|o| o.best).collect(),
            id: {
                static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
                NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
            },
        }
    }
}
