//! Which assumptions make up one outcome number: the baseline and each effect's contribution at
//! the current lever settings, with its uncertainty range.

use crate::model::scenario::Scenario;

/// One effect's part in an outcome.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Contribution {
    /// Index into `Scenario::effects`.
    pub effect: usize,
    /// Change it adds at the current levers.
    pub value: f64,
    /// Lowest change its range allows.
    pub low: f64,
    /// Highest change its range allows.
    pub high: f64,
}

/// Contributions of every effect on `(outcome, horizon)` at lever values `levers`, in file order.
#[must_use]
pub fn contributions(s: &Scenario, levers: &[f64], outcome: usize, horizon: usize) -> Vec<Contribution> {
    let (o, t) = (&s.outcomes[outcome].id, &s.horizons[horizon].id);
    s.effects
        .iter()
        .enumerate()
        .filter(|(_, e)| &e.outcome == o && &e.horizon == t)
        .map(|(i, e)| {
            let x = s.lever_index(&e.lever).map_or(0.0, |l| levers[l]);
            let factor = e
                .with
                .as_ref()
                .map_or(1.0, |m| m.factor.at(s.lever_index(&m.lever).map_or(0.0, |l| levers[l])));
            let value = e.curve.at(x) * factor;
            let (a, b) = (e.range.0 * value, e.range.1 * value);
            Contribution {
                effect: i,
                value,
                low: a.min(b),
                high: a.max(b),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contributions_match_the_evaluation() {
        let s = crate::model::tests::tiny();
        // gain long under B2 at x = 4, z = 5: (10 * 5) * 0.4 = 20, range (0.5, 2) -> 10 .. 40.
        let c = contributions(&s, &[4.0, 5.0], 1, 1);
        assert_eq!(c.len(), 1);
        assert_eq!((c[0].effect, c[0].value, c[0].low, c[0].high), (2, 20.0, 10.0, 40.0));
        // harm near: -x for all (-4) and B's points curve (+4).
        let c = contributions(&s, &[4.0, 5.0], 0, 0);
        assert_eq!(c.iter().map(|c| c.value).collect::<Vec<_>>(), vec![-4.0, 4.0]);
    }
}
