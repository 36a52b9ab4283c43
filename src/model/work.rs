//! Counting the core's work on the current thread: compilations of a scenario, evaluations of
//! lever settings, reports, evidence analyses. The app's derived results are memoised so that
//! an idle frame does none of it; a test reads these counts around a frame to show it.

use std::cell::Cell;

/// How much of each kind of work this thread has done.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Work {
    /// Scenarios compiled into a model.
    pub compilations: u64,
    /// Lever settings evaluated under every hypothesis.
    pub evaluations: u64,
    /// Reports (outcomes and the decision analysis) computed.
    pub reports: u64,
    /// Evidence models built (likelihoods, Bayes' rule, values of information).
    pub evidence: u64,
}

thread_local! {
    static WORK: Cell<Work> = const { Cell::new(Work { compilations: 0, evaluations: 0, reports: 0, evidence: 0 }) };
}

/// Count one piece of work.
pub(crate) fn count(f: impl FnOnce(&mut Work)) {
    WORK.with(|w| {
        let mut now = w.get();
        f(&mut now);
        w.set(now);
    });
}

/// The work this thread has done so far.
#[must_use]
pub fn done() -> Work {
    WORK.with(Cell::get)
}

#[cfg(test)]
mod tests {
    #[test]
    fn each_kind_of_work_is_counted_on_its_own() {
        let s = crate::model::tests::tiny();
        let before = super::done();
        let model = crate::model::evaluate::Model::compile(&s);
        let mut out = vec![0.0; model.n_leaves() * model.cells()];
        model.evaluate_into(&s.levers.iter().map(|l| l.default).collect::<Vec<_>>(), &mut out);
        let after = super::done();
        assert_eq!(after.compilations, before.compilations + 1);
        assert_eq!(after.evaluations, before.evaluations + 1);
        assert_eq!((after.reports, after.evidence), (before.reports, before.evidence));
    }
}
