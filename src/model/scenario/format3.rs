//! What format version 3 adds, and which of it a scenario uses: a file is written as version 3
//! only when it needs to be.

use super::Scenario;

impl Scenario {
    /// The version 3 fields this scenario uses, each named once, in the order the format
    /// document lists them.
    #[must_use]
    pub fn format3_fields(&self) -> Vec<&'static str> {
        let mut v3 = Vec::new();
        let baselines = |f: fn(&super::Baseline) -> bool| self.baselines.iter().any(f);
        if baselines(|b| b.range.is_some()) {
            v3.push("range (of a baseline)");
        }
        if baselines(|b| b.dist != super::Dist::Triangular) {
            v3.push("dist (of a baseline)");
        }
        if baselines(|b| b.parameter.is_some()) {
            v3.push("parameter (of a baseline)");
        }
        if !self.facts.is_empty() {
            v3.push("facts");
        }
        if self.evidence.iter().any(|e| e.fact.is_some()) {
            v3.push("fact (of an evidence item)");
        }
        v3
    }

    /// The oldest format version that can say everything this scenario says (2 or 3; a
    /// version 1 file moves to 2 on saving).
    #[must_use]
    pub fn needed_version(&self) -> u32 {
        if self.format3_fields().is_empty() { 2 } else { 3 }
    }
}
