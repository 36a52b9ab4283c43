//! A document: the shared, never-edited scenario plus the small state a user edits (credences,
//! levers, value and horizon weights, name and notes). Undo, the unsaved mark and comparisons
//! work on the small state only, so none of them ever clones or compares a scenario.

use crate::model::preset::{Preset, ScenarioRef};
use crate::model::scenario::Scenario;
use crate::model::settings::Settings;
use std::sync::Arc;

/// Where a document's scenario comes from, and so how a saved preset refers to it. Unlike
/// [`ScenarioRef`] it holds no copy of the scenario: an embedded scenario is the document's own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScenarioSource {
    /// A scenario shipped with the app, by id.
    Shipped(String),
    /// A scenario file, relative to the preset file's folder.
    Path(String),
    /// Written whole into the preset, so that one file can be shared.
    Embedded,
}

impl ScenarioSource {
    /// The source of a preset's scenario reference.
    #[must_use]
    pub fn of(reference: &ScenarioRef) -> Self {
        match reference {
            ScenarioRef::Shipped(id) => Self::Shipped(id.clone()),
            ScenarioRef::Path(p) => Self::Path(p.clone()),
            ScenarioRef::Embedded(_) => Self::Embedded,
        }
    }
}

/// A change to the document's editable state, as the app's panels ask for it.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Every credence (relative to siblings), in hypothesis order.
    Credences(Vec<f64>),
    /// The credences that give the leaf hypotheses these weights (in the compiled model's
    /// leaf order), as the belief panel's "Set these credences" asks.
    LeafWeights(Vec<f64>),
    /// One lever's value.
    Lever(usize, f64),
    /// Every lever's value: one per lever (nothing staged), or a schedule, one per lever and
    /// horizon (`[horizon * levers + lever]`), which sets the levers and their stages.
    Levers(Vec<f64>),
    /// Every lever set to the named policy with this index (its stages too).
    Policy(usize),
    /// Lever `.1`'s value from horizon `.0` on (a horizon after the first), or `None` to follow
    /// the horizon before.
    Stage(usize, usize, Option<f64>),
    /// Whether lever `.0` is planned by stage: on, every later horizon starts at its present
    /// value there; off, it keeps its first-horizon value throughout.
    StagedLever(usize, bool),
    /// How much outcome `.0` matters.
    ValueWeight(usize, f64),
    /// How much horizon `.0` matters.
    HorizonWeight(usize, f64),
    /// The discount per year of later years (kept within 0 to 1).
    DiscountRate(f64),
    /// The yardstick outcome (`None`: the scenario's).
    Numeraire(Option<usize>),
    /// The preset's name.
    Name(String),
    /// The preset's notes.
    Notes(String),
    /// Back to the document as it was opened.
    ResetToOpened,
    /// Evidence item `.0` observed true or false, or open again (an observation that would
    /// make every hypothesis impossible changes nothing).
    Observe(usize, crate::model::evidence::Observation),
    /// Credences from evidence (the sliders become the prior) or set by hand (the posterior
    /// becomes the credences).
    CredencesFromEvidence(bool),
    /// Every item public by this date (`YYYY-MM-DD`) observed true, the rest open.
    KnownBy(String),
    /// Every item's state at once (credences from evidence turned on).
    Observed(Vec<crate::model::evidence::Observation>),
}

/// The comment a new preset file starts with.
const DEFAULT_HEADER: &str = "// Motive Lab preset: open it in the app, or run `motive-lab eval` on this file.";

/// Everything a user edits in a document: small, cheap to clone and compare.
#[derive(Debug, Clone, PartialEq)]
pub struct DocState {
    /// Credences, levers and weights.
    pub settings: Settings,
    /// Preset name.
    pub name: String,
    /// Preset notes.
    pub notes: String,
    /// How a saved preset refers to the scenario.
    pub source: ScenarioSource,
    /// The comment lines at the top of the preset file (each starting with `//`), kept when
    /// the preset is saved again.
    pub header: String,
}

impl DocState {
    /// Apply an edit. Indices and lengths that do not fit the scenario change nothing.
    /// `model` is the scenario compiled (evidence edits update the posterior with it);
    /// `opened` is the state [`Edit::ResetToOpened`] returns to.
    pub fn apply(&mut self, edit: Edit, scenario: &Scenario, model: &crate::model::evaluate::Model, opened: &DocState) {
        let settings = &mut self.settings;
        let set = |slot: Option<&mut f64>, x: f64| {
            if let Some(v) = slot {
                *v = x;
            }
        };
        match edit {
            Edit::Credences(c) if c.len() == settings.credences.len() => {
                if settings.prior.is_some() {
                    let before = settings.clone();
                    settings.prior = Some(c);
                    if settings.update_posterior(scenario, model).is_err() {
                        *settings = before;
                    }
                } else {
                    settings.credences = c;
                }
            }
            Edit::LeafWeights(w) if w.len() == model.n_leaves() => {
                let credences = crate::model::evidence::credences_for(model, &w);
                self.apply(Edit::Credences(credences), scenario, model, opened);
            }
            Edit::Levers(x) if x.len() == settings.levers.len() => {
                // Complete settings, one value per lever: nothing staged.
                settings.levers = x;
                settings.stages.clear();
            }
            Edit::Levers(x)
                if scenario.horizons.len() > 1 && x.len() == settings.levers.len() * scenario.horizons.len() =>
            {
                settings.stages = scenario.dense_stages(&scenario.stages_of(&x));
                settings.levers.truncate(0);
                settings
                    .levers
                    .extend_from_slice(&x[..x.len() / scenario.horizons.len()]);
            }
            Edit::Lever(i, x) => set(settings.levers.get_mut(i), x),
            Edit::ValueWeight(i, x) => set(settings.value_weights.get_mut(i), x),
            Edit::HorizonWeight(i, x) => set(settings.horizon_weights.get_mut(i), x),
            Edit::DiscountRate(r) if (0.0..=1.0).contains(&r) => settings.discount_rate = r,
            Edit::Numeraire(n) if n.is_none_or(|o| o < scenario.outcomes.len()) => settings.numeraire = n,
            Edit::Policy(i) => {
                if let Some(p) = scenario.policies.get(i) {
                    settings.levers = scenario.policy_levers(p);
                    settings.stages = scenario.dense_stages(&p.stages);
                }
            }
            Edit::Stage(t, l, x) => stage(settings, scenario, (t, l), x),
            Edit::StagedLever(l, on) if l < settings.levers.len() => {
                let now = scenario.full_schedule(&settings.schedule(model));
                let n = settings.levers.len();
                for t in 1..scenario.horizons.len() {
                    stage(settings, scenario, (t, l), on.then(|| now[t * n + l]));
                }
            }
            Edit::Name(n) => self.name = n,
            Edit::Notes(n) => self.notes = n,
            Edit::ResetToOpened => self.clone_from(opened),
            Edit::Observe(i, state) if i < settings.observed.len() => {
                let before = settings.clone();
                settings.observed[i] = state;
                if settings.update_posterior(scenario, model).is_err() {
                    *settings = before;
                }
            }
            Edit::CredencesFromEvidence(on) => {
                if on && settings.prior.is_none() {
                    let before = settings.clone();
                    settings.prior = Some(settings.credences.clone());
                    if settings.update_posterior(scenario, model).is_err() {
                        *settings = before;
                    }
                } else if !on {
                    settings.prior = None;
                }
            }
            Edit::Observed(states) if states.len() == settings.observed.len() => {
                let before = settings.clone();
                settings.observed = states;
                if settings.prior.is_none() {
                    settings.prior = Some(settings.credences.clone());
                }
                if settings.update_posterior(scenario, model).is_err() {
                    *settings = before;
                }
            }
            Edit::KnownBy(date) => {
                let before = settings.clone();
                settings.observed = crate::model::evidence::known_by(scenario, &date);
                if settings.update_posterior(scenario, model).is_err() {
                    *settings = before;
                }
            }
            // Lengths, rates or indices that do not fit change nothing.
            Edit::Credences(_)
            | Edit::LeafWeights(_)
            | Edit::Levers(_)
            | Edit::DiscountRate(_)
            | Edit::Numeraire(_)
            | Edit::Observe(..)
            | Edit::StagedLever(..)
            | Edit::Observed(_) => {}
        }
    }
}

/// A scenario with the settings a user chose for it.
#[derive(Debug, Clone)]
pub struct Document {
    /// The scenario, shared and never edited.
    pub scenario: Arc<Scenario>,
    /// What the user edits.
    pub state: DocState,
    /// What opening the file changed, for the user: ids of an older revision of the scenario
    /// renamed or dropped. Empty for a file that fits its scenario.
    pub notices: Vec<String>,
}

impl Document {
    /// A document on a scenario with its defaults, named after the scenario.
    #[must_use]
    pub fn from_scenario(scenario: Arc<Scenario>, source: ScenarioSource) -> Self {
        Self {
            state: DocState {
                settings: Settings::defaults(&scenario),
                name: scenario.title.clone(),
                notes: String::new(),
                source,
                header: DEFAULT_HEADER.to_owned(),
            },
            scenario,
            notices: Vec::new(),
        }
    }

    /// The same scenario with another state.
    #[must_use]
    pub fn with_state(&self, state: DocState) -> Self {
        Self {
            scenario: Arc::clone(&self.scenario),
            state,
            notices: Vec::new(),
        }
    }

    /// The preset as a file stores it: every credence and lever, so the file says exactly what
    /// was used whatever later versions of the scenario choose as defaults; value and horizon
    /// weights only where they differ from the scenario's default (1 for an end, 0 for a
    /// mechanism), and notes only if
    /// there are any.
    #[must_use]
    pub fn to_saved_preset(&self) -> Preset {
        let mut p = self.to_preset();
        // A weight that is the scenario's default (1 for an end, 0 for a mechanism) is left out.
        let defaults = crate::model::settings::Settings::defaults(&self.scenario);
        let default_of = |id: &str| {
            self.scenario
                .outcome_index(id)
                .and_then(|o| defaults.value_weights.get(o).copied())
                .unwrap_or(1.0)
        };
        p.values.retain(|id, w| *w != default_of(id));
        p.horizons.retain(|_, w| *w != 1.0);
        p
    }

    /// The preset that stores this document with every setting listed; an embedded scenario
    /// is copied in here, at call time only.
    #[must_use]
    pub fn to_preset(&self) -> Preset {
        let reference = match &self.state.source {
            ScenarioSource::Shipped(id) => ScenarioRef::Shipped(id.clone()),
            ScenarioSource::Path(p) => ScenarioRef::Path(p.clone()),
            // An embedded scenario is written in the current format, evaluating as it did.
            ScenarioSource::Embedded => ScenarioRef::Embedded(Box::new(self.scenario.to_current_version())),
        };
        let s = &self.state;
        Preset::from_settings(&s.settings, &self.scenario, &s.name, &s.notes, reference)
    }
}

/// Set lever `l`'s value from horizon `t` on (`None`: follow the horizon before); a first
/// horizon, or a lever or horizon that does not exist, changes nothing. With nothing left
/// staged the stages are empty again.
fn stage(settings: &mut crate::model::settings::Settings, scenario: &Scenario, (t, l): (usize, usize), x: Option<f64>) {
    let (n, horizons) = (settings.levers.len(), scenario.horizons.len());
    if t == 0 || t >= horizons || l >= n {
        return;
    }
    if settings.stages.len() != n * horizons {
        settings.stages = vec![None; n * horizons];
    }
    settings.stages[t * n + l] = x;
    if settings.stages.iter().all(Option::is_none) {
        settings.stages.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_change_only_what_they_name() {
        let s = Arc::new(crate::model::tests::tiny());
        let doc = Document::from_scenario(Arc::clone(&s), ScenarioSource::Embedded);
        let opened = doc.state.clone();
        let model = crate::model::evaluate::Model::compile(&s);
        let mut st = doc.state.clone();
        st.apply(Edit::Lever(1, 7.0), &s, &model, &opened);
        assert_eq!(st.settings.levers, vec![opened.settings.levers[0], 7.0]);
        // Out of range or of the wrong length: nothing changes.
        st.apply(Edit::Lever(9, 1.0), &s, &model, &opened);
        st.apply(Edit::Credences(vec![1.0]), &s, &model, &opened);
        assert_eq!(st.settings.credences, opened.settings.credences);
        st.apply(Edit::Policy(1), &s, &model, &opened);
        assert_eq!(st.settings.levers, s.policy_levers(&s.policies[1]));
        st.apply(Edit::ValueWeight(0, 0.5), &s, &model, &opened);
        st.apply(Edit::Name("n".into()), &s, &model, &opened);
        assert_eq!((st.settings.value_weights[0], st.name.as_str()), (0.5, "n"));
        st.apply(Edit::ResetToOpened, &s, &model, &opened);
        assert_eq!(st, opened);
    }
}
