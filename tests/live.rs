//! Uncertainty that follows a dragged slider: while it moves, quick studies of 1,000 samples
//! keep the chance each policy is best up to date; once it rests, the full study refines them.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test stops at the first surprise"
)]

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use motive_lab::app::MotiveApp;
use motive_lab::model::evaluate::EvaluationCache;
use motive_lab::model::summary::report;
use motive_lab::model::uncertainty::{Buffers, DEFAULT_SEED, Design, QUICK_SAMPLES, study_with};

mod common;

/// The verdict's sampled sentence as shown.
fn sampled_sentence(h: &Harness<'_, MotiveApp>) -> String {
    let found = std::cell::RefCell::new(Vec::new());
    // The paragraph and the run of text inside it both carry it.
    let _ = h
        .query_all(egui_kittest::kittest::By::new().predicate(|n| {
            let text = n.value().or_else(|| n.label()).unwrap_or_default();
            let hit = text.contains("samples of the effects' ranges");
            if hit {
                found.borrow_mut().push(text);
            }
            hit
        }))
        .count();
    let found = found.into_inner();
    assert!(!found.is_empty(), "no sampled sentence shown");
    found[0].clone()
}

/// The sentence the core gives for the app's current settings over a quick study of them
/// (the search's settings taken from the study the app shows, as the quick study reuses them),
/// worked out here apart from the app.
fn expected_quick_sentence(h: &Harness<'_, MotiveApp>) -> String {
    let app = h.state();
    let (s, model, settings) = (&app.doc().scenario, app.derived.model(), app.settings());
    let found = app
        .derived
        .fresh_study(settings)
        .expect("a study of these settings")
        .found
        .clone();
    let design = Design::new(s, QUICK_SAMPLES, DEFAULT_SEED);
    let st = study_with(s, model, settings, &design, &mut Buffers::default(), Some(found)).expect("runs");
    let r = report(s, model, settings, &mut EvaluationCache::default()).expect("report");
    let p = st.mc.policies[r.analysis.best]
        .p_best_named
        .expect("a named policy is best");
    format!(
        "Over 1,000 samples of the effects' ranges and the answers to the questions, {} is the best named policy in {}",
        r.candidates[r.analysis.best].name,
        motive_lab::format::percent(p)
    )
}

/// Frames with the pointer where it is (the button still down) until the quick study of the
/// settings they show is in: the slider sends the moved value, the next frame applies it and
/// starts a study of it, which the test waits for; then a frame shows it.
fn step_and_wait(h: &mut Harness<'_, MotiveApp>) {
    let fresh = |h: &Harness<'_, MotiveApp>| {
        let app = h.state();
        app.derived.fresh_study(app.settings()).is_some()
    };
    for _ in 0..10 {
        h.step();
        h.state_mut().wait_for_jobs();
        // The edit a frame sends is applied on the next: done when a frame changes nothing and
        // shows a study of its settings.
        let settings = h.state().settings().clone();
        h.step();
        if fresh(h) && *h.state().settings() == settings {
            return;
        }
    }
    panic!("the quick study never caught up with the slider");
}

/// The app at 1280x800 with the study waiting for the settings to rest (the app's own delay,
/// unlike the other test files), its first, full study in.
fn at_rest() -> Harness<'static, MotiveApp> {
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(|cc| MotiveApp::new(cc, None));
    h.state_mut().wait_for_samples();
    h.state_mut().wait_for_study();
    h.run();
    h
}

#[test]
fn dragging_a_credence_updates_the_chance_best_before_the_drag_ends() {
    let mut h = at_rest();
    let before = sampled_sentence(&h);
    assert!(before.starts_with("Over 10,000 samples"), "{before}");
    let rail = h
        .get_by_role_and_label(Role::Slider, "1. They attack whatever we do")
        .rect();
    let at = |x: f32| egui::pos2(rail.left() + rail.width() * x, rail.center().y);
    h.drag_at(at(0.05));
    h.step();
    let mut seen = Vec::new();
    for k in 1..=6 {
        h.hover_at(at(0.05 + 0.15 * k as f32));
        step_and_wait(&mut h);
        let shown = sampled_sentence(&h);
        assert!(shown.starts_with(&expected_quick_sentence(&h)), "{shown}");
        seen.push(shown);
    }
    seen.dedup();
    assert!(seen.len() >= 3, "the chance moved with the slider: {seen:#?}");
    assert!(!seen.contains(&before));
    // Released and at rest, the full study takes over.
    h.drop_at(at(0.95));
    h.step();
    std::thread::sleep(motive_lab::app::STUDY_DELAY + std::time::Duration::from_millis(50));
    h.step();
    h.state_mut().wait_for_jobs();
    h.run();
    let after = sampled_sentence(&h);
    assert!(after.starts_with("Over 10,000 samples"), "{after}");
}

#[test]
fn the_uncertainty_tab_says_what_its_figures_rest_on() {
    let mut h = at_rest();
    h.get_by(|n| n.role() == Role::Button && n.label().as_deref() == Some("Uncertainty"))
        .click();
    h.run();
    h.get_by_label("10,000 samples");
    // The current settings' own chance, in the running or not: at the defaults they are a named
    // policy's, and so is their chance.
    let (name, p) = {
        let app = h.state();
        let st = app.derived.fresh_study(app.settings()).expect("a study");
        let q = (0..st.candidates.len() - 1)
            .find(|&q| st.candidates[q].levers == st.candidates[st.candidates.len() - 1].levers)
            .expect("the defaults are a named policy");
        (st.candidates[q].name.clone(), st.mc.policies[q].p_best)
    };
    h.get_by_label_contains(&format!(
        "Current settings (the same as {name}): best in {} of the samples",
        motive_lab::format::percent(p)
    ));
    let rail = h
        .get_by_role_and_label(Role::Slider, "1. They attack whatever we do")
        .rect();
    h.drag_at(rail.left_center() + egui::vec2(4.0, 0.0));
    h.step();
    h.hover_at(rail.center());
    step_and_wait(&mut h);
    h.get_by_label("A quick look: 1,000 samples while the settings move; 10,000 once they rest…");
    h.drop_at(rail.center());
    h.step();
}
