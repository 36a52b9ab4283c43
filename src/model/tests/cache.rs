//! The evaluations an `EvaluationCache` keeps are the evaluations, and belong to their model.

use super::tiny;
use crate::model::evaluate::EvaluationCache;
use crate::model::evaluate::Model;
use crate::model::scenario::Curve;

#[test]
fn kept_evaluations_are_the_evaluations_and_belong_to_their_model() {
    let s = tiny();
    let a = Model::new(&s).expect("valid");
    let mut t = s.clone();
    t.effects[0].curve = Curve::Linear(7.0);
    let b = Model::new(&t).expect("valid");
    let levers: Vec<f64> = s.levers.iter().map(|l| l.default + l.step).collect();
    let fresh = |m: &Model| {
        let mut out = vec![0.0; m.n_leaves() * m.cells()];
        m.evaluate_into(&levers, &mut out);
        out
    };
    let mut scratch = EvaluationCache::default();
    assert_eq!(scratch.evaluated(&a, &levers), fresh(&a).as_slice());
    // The same levers on another model of the same size are evaluated again, not looked up.
    assert_ne!(fresh(&a), fresh(&b));
    assert_eq!(scratch.evaluated(&b, &levers), fresh(&b).as_slice());
    assert_eq!(scratch.evaluated(&a, &levers), fresh(&a).as_slice());
    // A clone is the same compilation.
    assert_eq!(scratch.evaluated(&a.clone(), &levers), fresh(&a).as_slice());
}
