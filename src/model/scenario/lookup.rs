//! Looking things up in a scenario: indices by id, leaves, a policy's lever values, names.

use super::{Driver, HorizonWeighting, Policy, Scenario, ValueScale};
use crate::format::in_sentence;

impl Scenario {
    /// A short name of effect `i` in words: what drives it, what it moves, the horizon and the
    /// hypothesis it is limited to, e.g. "Airstrike intensity on territory held by ISIS, near
    /// term, if 2. Always the plan; capability was missing".
    #[must_use]
    pub fn effect_name(&self, i: usize) -> String {
        let Some(e) = self.effects.get(i) else {
            return format!("effect {}", i + 1);
        };
        let outcome = |id: &str| {
            self.outcomes
                .iter()
                .find(|o| o.id == id)
                .map_or_else(|| id.to_owned(), |o| o.name.clone())
        };
        // "near term" for the horizon "Near term (year 1)".
        let horizon = |id: &str| {
            self.horizons.iter().find(|t| t.id == id).map_or_else(
                || id.to_owned(),
                |t| in_sentence(t.name.split(" (").next().unwrap_or(&t.name)),
            )
        };
        let from = match e.source() {
            Some(Driver::Lever(l)) => self
                .levers
                .iter()
                .find(|x| x.id == l)
                .map_or(l.clone(), |x| x.name.clone()),
            Some(Driver::LeverAt(l, t)) => {
                let name = self
                    .levers
                    .iter()
                    .find(|x| x.id == l)
                    .map_or(l.as_str(), |x| x.name.as_str());
                format!("{name} as set for {t}")
            }
            Some(Driver::Outcome(o, t)) => format!("{} in the {}", outcome(&o), horizon(&t)),
            None => String::new(),
        };
        let under = e
            .hypothesis
            .as_deref()
            .map(|h| {
                let name = self
                    .hypotheses
                    .iter()
                    .find(|x| x.id == h)
                    .map_or(h, |x| x.name.as_str());
                format!(", if {}", in_sentence(name))
            })
            .unwrap_or_default();
        format!(
            "{from} on {}, {}{under}",
            in_sentence(&outcome(&e.outcome)),
            horizon(&e.horizon)
        )
    }

    /// A short name for baseline `i`: its outcome's name and horizon.
    #[must_use]
    pub fn baseline_name(&self, i: usize) -> String {
        let Some(b) = self.baselines.get(i) else {
            return format!("baseline {}", i + 1);
        };
        let outcome = self.outcomes.iter().find(|o| o.id == b.outcome);
        let name = outcome.map_or(b.outcome.as_str(), |o| o.name.as_str());
        format!("baseline of {name} ({})", b.horizon)
    }

    /// Index of the hypothesis with this id.
    #[must_use]
    pub fn hypothesis_index(&self, id: &str) -> Option<usize> {
        self.hypotheses.iter().position(|h| h.id == id)
    }
    /// Index of the lever with this id.
    #[must_use]
    pub fn lever_index(&self, id: &str) -> Option<usize> {
        self.levers.iter().position(|l| l.id == id)
    }
    /// Index of the outcome with this id.
    #[must_use]
    pub fn outcome_index(&self, id: &str) -> Option<usize> {
        self.outcomes.iter().position(|o| o.id == id)
    }
    /// Index of the horizon with this id.
    #[must_use]
    pub fn horizon_index(&self, id: &str) -> Option<usize> {
        self.horizons.iter().position(|h| h.id == id)
    }
    /// Index of the named policy with this id.
    #[must_use]
    pub fn policy_index(&self, id: &str) -> Option<usize> {
        self.policies.iter().position(|p| p.id == id)
    }
    /// Whether hypothesis `index` has no sub-hypotheses.
    #[must_use]
    pub fn is_leaf(&self, index: usize) -> bool {
        let id = &self.hypotheses[index].id;
        !self.hypotheses.iter().any(|h| h.parent.as_deref() == Some(id.as_str()))
    }
    /// Indices of the leaf hypotheses (those without sub-hypotheses), in scenario order: the
    /// hypotheses every evaluation runs over.
    #[must_use]
    pub fn leaf_indices(&self) -> Vec<usize> {
        (0..self.hypotheses.len()).filter(|&i| self.is_leaf(i)).collect()
    }
    /// How outcome values are scaled in this scenario.
    #[must_use]
    pub fn value_scale(&self) -> ValueScale {
        if self.format_version < 2 {
            ValueScale::Clamped
        } else {
            self.value_scale.unwrap_or(ValueScale::Linear)
        }
    }
    /// What horizon weights mean in this scenario.
    #[must_use]
    pub fn horizon_weighting(&self) -> HorizonWeighting {
        if self.format_version < 2 {
            HorizonWeighting::PerHorizon
        } else {
            self.horizon_weighting.unwrap_or(HorizonWeighting::PerYear)
        }
    }
    /// The years horizon `t` covers: from the end of the horizon before it (0 for the first)
    /// to its own `years`, as `(start, end)`.
    #[must_use]
    pub fn horizon_span(&self, t: usize) -> (f64, f64) {
        let start = t
            .checked_sub(1)
            .and_then(|p| self.horizons.get(p))
            .map_or(0.0, |h| h.years);
        (start, self.horizons.get(t).map_or(start, |h| h.years))
    }
    /// The yardstick outcome's index, if the scenario names one that exists.
    #[must_use]
    pub fn numeraire_index(&self) -> Option<usize> {
        self.numeraire.as_deref().and_then(|id| self.outcome_index(id))
    }
    /// The same scenario written in the current format (version 3 only where it uses a
    /// version 3 field, else 2), evaluating exactly as it did: lever keys become drivers and a
    /// version 1 file keeps its clamped values and per-horizon weights, said explicitly.
    #[must_use]
    pub fn to_current_version(&self) -> Self {
        let mut s = self.clone();
        if s.format_version < 2 {
            s.value_scale = Some(ValueScale::Clamped);
            s.horizon_weighting = Some(HorizonWeighting::PerHorizon);
        }
        s.format_version = s.needed_version();
        for e in &mut s.effects {
            e.driver = e.source();
            e.lever = None;
            if let Some(m) = &mut e.with {
                m.driver = m.source();
                m.lever = None;
            }
        }
        s
    }
    /// Lever values of a named policy, in lever order; unlisted levers take their default.
    #[must_use]
    pub fn policy_levers(&self, policy: &Policy) -> Vec<f64> {
        self.levers
            .iter()
            .map(|l| policy.levers.get(&l.id).copied().unwrap_or(l.default))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn effect_names_are_words_not_ids() {
        let doc =
            crate::io::parse_document("paris-2015.ron", crate::io::SHIPPED_SCENARIOS[0].text, None, 0).expect("parses");
        let s = &doc.scenario;
        for i in 0..s.effects.len() {
            let name = s.effect_name(i);
            assert!(!name.contains("->"), "{name}");
            let e = &s.effects[i];
            if let Some(h) = &e.hypothesis {
                let hyp = s.hypotheses.iter().find(|x| &x.id == h).expect("hypothesis");
                assert!(name.contains(&hyp.name[1..]), "{name} names {}", hyp.name);
            }
        }
        // Worked by hand: the first effect on the cost of the response, long term.
        let cost = (0..s.effects.len())
            .find(|&i| s.effects[i].outcome == "fiscal_cost" && s.effects[i].horizon == "long")
            .expect("an effect on cost");
        assert!(
            s.effect_name(cost).ends_with(" on cost of the response, long term"),
            "{}",
            s.effect_name(cost)
        );
    }
}
