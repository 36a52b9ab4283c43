//! Tests of the derived results on the small hand-checked scenario.

use super::*;

fn ready() -> Derived {
    let mut d = Derived::new(Arc::new(crate::model::tests::tiny()));
    let job = d.take_samples_job().expect("a job");
    let scenario = Arc::clone(job.scenario());
    d.deliver_samples(&scenario, Ok(job.run()));
    d
}

#[test]
fn the_front_is_over_every_point_drawn() {
    let mut d = ready();
    let pareto = d.pareto(&[0.25, 0.375, 0.375], 0, 2).expect("samples ready");
    let better: Vec<bool> = d
        .scenario()
        .outcomes
        .iter()
        .map(|o| o.better == Better::Higher)
        .collect();
    let (bx, by) = (better[0], better[1]);
    let extreme = |higher: bool, axis: usize| {
        let v = pareto.points.iter().map(|p| p[axis]);
        if higher {
            v.fold(f64::NEG_INFINITY, f64::max) + 1.0
        } else {
            v.fold(f64::INFINITY, f64::min) - 1.0
        }
    };
    // A mark better than every sample on both axes is the whole front.
    let champion = [extreme(bx, 0), extreme(by, 1)];
    let front = d.front(&pareto, &[champion], 0, 2);
    assert_eq!(*front, vec![champion]);
    // Without it, the front's points (every other entry of the staircase; corners between)
    // are samples that no sample dominates.
    let front = d.front(&pareto, &[], 0, 2);
    assert!(!front.is_empty());
    let good = |higher: bool, a: f64, b: f64| if higher { a >= b } else { a <= b };
    for p in front.iter().step_by(2) {
        assert!(pareto.points.contains(p), "{p:?} is a sample");
        let dominated = pareto
            .points
            .iter()
            .any(|q| good(bx, q[0], p[0]) && good(by, q[1], p[1]) && (q[0] != p[0] || q[1] != p[1]));
        assert!(!dominated, "{p:?} is not dominated");
    }
}

#[test]
fn samples_for_another_scenario_are_ignored() {
    let mut d = Derived::new(Arc::new(crate::model::tests::tiny()));
    let job = d.take_samples_job().expect("a job");
    let other = Arc::new(crate::model::tests::tiny());
    d.deliver_samples(&other, Ok(job.run()));
    assert!(matches!(d.samples(), SamplesState::Pending));
    assert!(d.take_samples_job().is_none(), "one job per scenario");
}

#[test]
fn staged_samples_are_schedules_and_a_switch_draws_them_again() {
    // The tiny scenario: 2 levers over 2 horizons, so a staged sample has 4 values.
    let mut d = ready();
    let SamplesState::Ready(plain) = d.samples() else {
        panic!("ready")
    };
    assert_eq!(plain.levers_of(0).len(), 2);
    let old = d.take_samples_job();
    assert!(old.is_none());
    d.set_samples_staged(true);
    assert!(matches!(d.samples(), SamplesState::NotStarted));
    let job = d.take_samples_job().expect("a new job");
    let scenario = Arc::clone(job.scenario());
    // A result drawn before the switch is stale and dropped.
    let stale = crate::model::frontier::sample_policies(d.model(), &scenario, 10, false);
    d.deliver_samples(&scenario, Ok(stale));
    assert!(matches!(d.samples(), SamplesState::Pending));
    d.deliver_samples(&scenario, Ok(job.run()));
    let SamplesState::Ready(staged) = d.samples() else {
        panic!("ready")
    };
    assert_eq!(staged.levers_of(0).len(), 4);
    // Each sample is evaluated as its schedule: its outcomes are the plain evaluation of it.
    let m = d.model();
    let mut out = vec![0.0; m.n_leaves() * m.cells()];
    m.evaluate_into(staged.levers_of(3), &mut out);
    // To single precision, as the samples keep them.
    for (a, b) in staged.values_of(3).iter().zip(&out) {
        assert!((a - b).abs() <= 1e-6 * b.abs().max(1.0), "{a} against {b}");
    }
}
