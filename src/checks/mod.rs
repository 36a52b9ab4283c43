//! Whole-pipeline checks of what must hold for any input: shared by the fuzz targets in
//! `fuzz/`, the replay of their corpus in `cargo test` and the property tests.
//!
//! Each entry point takes bytes, runs them as far through the program as they go (parse,
//! validate, compile, evaluate, the decision analysis, the evidence analysis, a Monte Carlo
//! study with a few samples and the sentences the app shows) and panics if an invariant
//! fails: a number shown that is not finite, weights that do not sum to 1, a regret or value
//! of information below 0, or an EVPI that is not the least expected regret. Bad input is not
//! a failure; a located error is the right answer to it.
//!
//! # Panics
//! Every function here panics when an invariant fails: that is what a fuzzer looks for.

#![expect(
    clippy::missing_panics_doc,
    reason = "every function here panics when an invariant fails, as the module says"
)]

use crate::io::overrides::{Overrides, apply as apply_overrides};
use crate::io::{SHIPPED_SCENARIOS, parse_document, parse_scenario, preset_text, to_ron};
use crate::model::document::{Document, Edit, ScenarioSource};
use crate::model::evaluate::EvaluationCache;
use crate::model::evaluate::Model;
use crate::model::evidence::{Observation, evidence_report};
use crate::model::explain::{evidence_sentence, uncertainty_sentence, verdict};
use crate::model::generate::{Shape, scenario as generate};
use crate::model::summary::report;
use crate::model::uncertainty::{Buffers, Design, study};
use invariants::{check_report, check_study, finite, shown, slack, sums_to_one};
use std::sync::{Arc, OnceLock};

mod invariants;
mod sampled;

/// Samples of the Monte Carlo run on fuzzed input: enough to exercise every estimator.
const FUZZ_SAMPLES: usize = 16;

/// What [`analyse`] got as far as checking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Checked {
    /// The report and the decision analysis (not for unusable settings).
    pub report: bool,
    /// The Monte Carlo study.
    pub study: bool,
}

/// Everything the app computes for a document, checked. `samples` of 0 skips the Monte
/// Carlo (and the search it starts with).
pub fn analyse(doc: &Document, samples: usize) -> Checked {
    let model =
        Model::new(&doc.scenario).unwrap_or_else(|ps| panic!("a scenario that was accepted does not compile: {ps:?}"));
    analyse_with(doc, &model, samples)
}

/// [`analyse`] with the document's scenario compiled already.
fn analyse_with(doc: &Document, model: &Model, samples: usize) -> Checked {
    let scenario = &doc.scenario;
    let settings = &doc.state.settings;
    let Ok(r) = report(scenario, model, settings, &mut EvaluationCache::default()) else {
        // Unusable settings (nothing matters, no credence) are reported, not computed.
        return Checked::default();
    };
    check_report(&r);
    // The lead's parts add up to the lead (to rounding, which grows with the utilities' size).
    if let Ok(Some((best, runner, parts))) = crate::model::lead::lead_parts(model, settings, &r) {
        let eu = &r.analysis.expected_utility;
        let sum: f64 = parts.iter().map(|p| p.utility).sum();
        let lead = eu[best] - eu[runner];
        let scale = r.analysis.utility.iter().fold(0.0f64, |m, u| m.max(u.abs()));
        assert!(
            (sum - lead).abs() <= slack(scale) * 1e3,
            "the lead's parts add to {sum}, not {lead}"
        );
    }
    for line in verdict(scenario, &r) {
        shown(&line);
    }
    let ev = evidence_report(scenario, model, settings, &r);
    finite("inconsistencies", &ev.inconsistency);
    for row in &ev.rows {
        finite("likelihoods", &row.likelihoods);
        assert!(row.diagnosticity.is_finite(), "diagnosticity {}", row.diagnosticity);
        if let Some(s) = row.sample {
            let cap = r.analysis.evpi + slack(r.analysis.evpi);
            assert!(
                s.evsi >= 0.0 && s.evsi <= cap,
                "EVSI {} is outside 0 to the EVPI {}",
                s.evsi,
                r.analysis.evpi
            );
        }
    }
    for f in &ev.facts {
        // Every open report of a fact together is worth at most learning the fact itself.
        let open: Vec<usize> = (f.reports.iter().copied())
            .filter(|&i| settings.observed.get(i).copied().unwrap_or_default() == Observation::Open)
            .collect();
        let all = crate::model::evidence::evsi_of_set(scenario, model, settings, &r, &open).evsi;
        assert!(
            all <= f.sample.evsi + slack(r.analysis.evpi) && f.sample.evsi <= r.analysis.evpi + slack(r.analysis.evpi),
            "the reports of fact {} are worth {all}, learning it {}, the EVPI {}",
            f.fact,
            f.sample.evsi,
            r.analysis.evpi
        );
    }
    if let Some(s) = evidence_sentence(scenario, model, settings, &r) {
        shown(&s);
    }
    let mut studied = false;
    if samples > 0 {
        let design = Design::new(scenario, samples, 7);
        if let Ok(st) = study(scenario, model, settings, &design, &mut Buffers::by_leaf()) {
            check_study(&st);
            if let Some(s) = uncertainty_sentence(scenario, &r, &st) {
                shown(&s);
            }
            studied = true;
        }
    }
    Checked {
        report: true,
        study: studied,
    }
}

/// Scenario or preset text, as a file the app or the command line opens. A preset that names
/// a scenario by path is refused (as a scenario path inside one is), so fuzzing reads no
/// files.
pub fn document_text(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(doc) = parse_document("fuzz.ron", text, None, 1) else {
        return;
    };
    let _ = analyse(&doc, FUZZ_SAMPLES);
}

/// Preset text: opened, analysed, then saved and opened again, which must give the same
/// settings, name and notes.
pub fn preset_round_trip(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(doc) = parse_document("fuzz.ron", text, None, 1) else {
        return;
    };
    let _ = analyse(&doc, 0);
    let saved = preset_text(&doc).unwrap_or_else(|e| panic!("an open document does not save: {e}"));
    let again = parse_document("saved.ron", &saved, None, 1)
        .unwrap_or_else(|e| panic!("a saved preset does not open again: {e}\n{saved}"));
    assert_eq!(
        again.state.settings, doc.state.settings,
        "settings changed in a save\n{saved}"
    );
    assert_eq!(again.state.name, doc.state.name);
    assert_eq!(again.state.notes, doc.state.notes);
}

/// The shipped Paris scenario as a document at its defaults, and its model.
fn paris() -> &'static (Document, Model) {
    static DOC: OnceLock<(Document, Model)> = OnceLock::new();
    DOC.get_or_init(|| {
        let s = parse_scenario("paris-2015.ron", SHIPPED_SCENARIOS[0].text)
            .unwrap_or_else(|e| panic!("the shipped scenario is invalid: {e}"));
        let model = Model::compile(&s);
        let doc = Document::from_scenario(Arc::new(s), ScenarioSource::Shipped(SHIPPED_SCENARIOS[0].id.into()));
        (doc, model)
    })
}

/// Command-line overrides on the Paris scenario, one per line: the first character says
/// which (`w` weight, `l` lever, `v` value, `h` horizon, `d` discount, `y` yardstick, `o`
/// observe, `k` known by) and the rest is the argument as typed after the flag.
pub fn overrides(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut o = Overrides::default();
    for line in text.lines() {
        let mut chars = line.chars();
        let Some(kind) = chars.next() else { continue };
        let arg = chars.as_str().to_owned();
        match kind {
            'w' => o.weights.push(arg),
            'l' => o.levers.push(arg),
            'v' => o.values.push(arg),
            'h' => o.horizons.push(arg),
            // clap parses the number; one that does not parse never reaches the overrides.
            'd' => o.discount = arg.trim().parse().ok(),
            'y' => o.yardstick = Some(arg),
            'o' => o.observe.push(arg),
            'k' => o.known_by = Some(arg),
            _ => {}
        }
    }
    let (base, model) = paris();
    let mut doc = base.clone();
    if apply_overrides(&mut doc, &o).is_ok() {
        let _ = analyse_with(&doc, model, 0);
    }
}

/// Evidence edits on the Paris scenario, two bytes each: observe an item true, false or open,
/// set credences from the evidence or by hand, step to what was known by a date, or set every
/// item at once. After each, the posterior must be a probability distribution; at the end
/// the whole analysis is checked, and setting every item open and the credences by hand gives
/// back the credences the edits started from.
pub fn evidence_states(data: &[u8]) {
    let (base, model) = paris();
    let scenario = &base.scenario;
    let n = scenario.evidence.len();
    let mut doc = base.clone();
    let opened = doc.state.clone();
    let states = [Observation::Open, Observation::True, Observation::False];
    let dates = crate::model::evidence::dates(scenario);
    for pair in data.chunks(2) {
        let (op, arg) = (pair[0], pair.get(1).copied().unwrap_or(0));
        let edit = match op % 5 {
            0 => Edit::Observe(usize::from(arg) % (n + 1), states[usize::from(op / 5) % 3]),
            1 => Edit::CredencesFromEvidence(arg % 2 == 0),
            2 => match dates.get(usize::from(arg) % (dates.len() + 1)) {
                Some(d) => Edit::KnownBy(d.clone()),
                None => Edit::KnownBy(format!("20{:02}-{:02}-01", arg % 30, arg % 12 + 1)),
            },
            3 => Edit::Observed(
                (0..n)
                    .map(|i| states[usize::from(arg.rotate_left(i as u32)) % 3])
                    .collect(),
            ),
            _ => Edit::Credences(
                (0..scenario.hypotheses.len())
                    .map(|i| f64::from(arg.wrapping_add(i as u8) % 7))
                    .collect(),
            ),
        };
        doc.state.apply(edit, scenario, model, &opened);
        if model.leaf_weights(doc.state.settings.slider_credences()).is_err() {
            // Every credence at 0 is the user's to fix: the app says so and computes nothing.
            continue;
        }
        let w = model
            .leaf_weights(&doc.state.settings.credences)
            .unwrap_or_else(|e| panic!("the credences after an evidence edit are unusable: {e}"));
        finite("posterior", &w);
        sums_to_one("posterior", &w);
    }
    let _ = analyse_with(&doc, model, 0);
    let Ok(prior) = model.leaf_weights(doc.state.settings.slider_credences()) else {
        return;
    };
    doc.state
        .apply(Edit::Observed(vec![Observation::Open; n]), scenario, model, &opened);
    doc.state
        .apply(Edit::CredencesFromEvidence(false), scenario, model, &opened);
    let now = model
        .leaf_weights(&doc.state.settings.credences)
        .unwrap_or_else(|e| panic!("with nothing observed the credences are unusable: {e}"));
    for (a, b) in now.iter().zip(&prior) {
        assert!(
            (a - b).abs() < 1e-12,
            "with nothing observed the weights {now:?} are not the prior {prior:?}"
        );
    }
}

/// A valid scenario generated from the bytes ([`crate::model::generate`]): it must validate,
/// survive a save and a reopen unchanged, and pass every check at its defaults.
pub fn structured(data: &[u8]) {
    structured_checked(data);
}

/// [`structured`], saying how far the checks went (`None`: the bytes gave no scenario).
pub fn structured_checked(data: &[u8]) -> Option<Checked> {
    let mut u = arbitrary::Unstructured::new(data);
    let Ok(s) = generate(&mut u, &Shape::small()) else {
        return None;
    };
    let problems = crate::model::validate::validate(&s);
    assert!(problems.is_empty(), "a generated scenario is invalid: {problems:?}");
    let text = to_ron(&s).unwrap_or_else(|e| panic!("a generated scenario does not serialise: {e}"));
    let again = parse_scenario("generated.ron", &text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    assert_eq!(again, s, "a scenario changed in a save and a reopen");
    sampled::check_baseline_multipliers(&s);
    let mut doc = Document::from_scenario(Arc::new(s), ScenarioSource::Embedded);
    // The rest of the bytes, if any, move the settings away from the defaults.
    if let Ok(settings) = random_settings(&mut u, &doc.scenario) {
        doc.state.settings = settings;
    }
    Some(analyse(&doc, FUZZ_SAMPLES))
}

/// Settings a user could reach in the app: credences and weights from 0 to 4 in quarters,
/// levers on their steps, a discount rate up to 10%, evidence observed.
fn random_settings(
    u: &mut arbitrary::Unstructured<'_>,
    s: &crate::model::scenario::Scenario,
) -> arbitrary::Result<crate::model::settings::Settings> {
    use crate::model::evidence::Observation;
    let mut settings = crate::model::settings::Settings::defaults(s);
    if u.is_empty() {
        return Ok(settings);
    }
    let quarter = |u: &mut arbitrary::Unstructured<'_>| u.int_in_range(0..=16u8).map(|k| f64::from(k) / 4.0);
    for c in &mut settings.credences {
        *c = quarter(u)?;
    }
    for (x, l) in settings.levers.iter_mut().zip(&s.levers) {
        let steps = ((l.max - l.min) / l.step).floor() as u32;
        *x = l.min + l.step * f64::from(u.int_in_range(0..=steps)?);
    }
    for w in settings.value_weights.iter_mut().chain(&mut settings.horizon_weights) {
        *w = quarter(u)?;
    }
    settings.discount_rate = f64::from(u.int_in_range(0..=10u8)?) / 100.0;
    for o in &mut settings.observed {
        *o = *u.choose(&[Observation::Open, Observation::True, Observation::False])?;
    }
    if settings.observed.iter().any(|&o| o != Observation::Open) {
        settings.prior = Some(settings.credences.clone());
        if settings
            .update_posterior(s, &crate::model::evaluate::Model::compile(s))
            .is_err()
        {
            // Observations impossible under every hypothesis: the app refuses them.
            settings.observed.fill(Observation::Open);
            settings.prior = None;
        }
    }
    Ok(settings)
}
