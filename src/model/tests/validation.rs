//! Validation on the tiny scenario: every problem collected, parent cycles found.

use super::tiny;
use crate::model::evaluate::Model;
use crate::model::scenario::Curve;

#[test]
fn validation_collects_every_problem() {
    let mut s = tiny();
    s.levers[0].min = 20.0;
    s.hypotheses[2].parent = Some("nope".into());
    s.effects[0].lever = Some("y".into());
    s.effects[1].curve = Curve::Points(vec![(5.0, 0.0), (1.0, 1.0)]);
    s.outcomes[0].best = 20.0;
    s.baselines.pop();
    s.policies[0].levers.insert("x".into(), f64::NAN);
    let problems = crate::model::validate::validate(&s);
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    for expected in [
        "levers[0].min",
        "hypotheses[2].parent",
        "effects[0].lever",
        "effects[1].curve",
        "outcomes[0]",
        "baselines",
        "policies[0].levers[\"x\"]",
    ] {
        assert!(paths.contains(&expected), "{expected} missing from {paths:?}");
    }
    assert!(Model::new(&s).is_err());
}

#[test]
fn parent_cycles_are_found() {
    let mut s = tiny();
    s.hypotheses[1].parent = Some("B1".into());
    let problems = crate::model::validate::validate(&s);
    assert!(problems.iter().any(|p| p.message.contains("cycle")), "{problems:?}");
}
