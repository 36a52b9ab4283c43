//! The window's layout (issue 20): classroom mode fits a 1024x768 projector with the verdict,
//! the outcomes and a plot's axes in view; panel widths stay put from preset to preset; the
//! decision matrix fits a 1280x800 screen; the first-steps page opens once and comes back from
//! Help.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test stops at the first surprise"
)]

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use motive_lab::app::MotiveApp;
use motive_lab::ui::ctx::{Command, PlotTab};

mod common;
use common::app_at;

/// Let a change of zoom and layout settle (a few frames of scrolling state).
fn settle(h: &mut Harness<'_, MotiveApp>) {
    h.run_steps(10);
    h.run();
}

fn classroom(h: &mut Harness<'_, MotiveApp>) {
    h.state_mut().send(Command::ToggleClassroom);
    settle(h);
}

/// The window in points (the accessibility tree's rectangles are in points too).
fn window(h: &Harness<'_, MotiveApp>) -> egui::Rect {
    h.ctx.content_rect()
}

fn inside(outer: egui::Rect, r: egui::Rect) -> bool {
    r.left() >= outer.left() - 0.5
        && r.top() >= outer.top() - 0.5
        && r.right() <= outer.right() + 0.5
        && r.bottom() <= outer.bottom() + 0.5
}

#[test]
fn at_1024x768_classroom_mode_shows_the_verdict_an_outcome_and_a_plot_with_its_axes() {
    let mut h = app_at(1024.0, 768.0);
    classroom(&mut h);
    assert!(h.state().classroom);
    let win = window(&h);
    let verdict = h.get_by_label_contains("is best for these beliefs").rect();
    assert!(
        verdict.top() >= win.top() && verdict.top() + 20.0 <= win.bottom(),
        "{verdict:?} in {win:?}"
    );
    let row = h.get_by_label("ISIS-linked attacks in the West").rect();
    assert!(inside(win, row), "an outcome row {row:?} in {win:?}");
    // The first view's plot, with room below its frame for the x axis's ticks and title.
    let frame = h
        .state()
        .views
        .results
        .sweep
        .plot_frame()
        .expect("the lever sweep is drawn");
    let points = h.ctx.content_rect();
    assert!(inside(points, frame), "{frame:?} in {points:?}");
    let below = points.bottom() - frame.bottom();
    assert!(below >= 30.0, "room for the x axis: {below} points");
    assert!(frame.height() >= 120.0, "a plot of some height: {frame:?}");
    // Type at projector size: body text at least 18 px.
    let body = h.ctx.global_style().text_styles[&egui::TextStyle::Body].size * h.ctx.pixels_per_point();
    assert!(body >= 17.9, "body text {body} px");
}

#[test]
fn at_1080p_classroom_plot_text_is_at_least_18_px() {
    let mut h = app_at(1920.0, 1080.0);
    classroom(&mut h);
    let small = h.ctx.global_style().text_styles[&egui::TextStyle::Small].size * h.ctx.pixels_per_point();
    assert!(small >= 18.0, "the smallest text, plot ticks and legends, {small} px");
}

#[test]
fn panel_widths_stay_equal_across_preset_steps() {
    let mut h = app_at(1920.0, 1080.0);
    let left = |h: &Harness<'_, MotiveApp>| h.get_by_label_contains("is best for these beliefs").rect().left();
    let normal = left(&h);
    classroom(&mut h);
    let first = left(&h);
    for _ in 0..9 {
        h.key_press(egui::Key::ArrowRight);
        settle(&mut h);
        assert!(
            (left(&h) - first).abs() < 0.5,
            "{} moved to {} at {}",
            first,
            left(&h),
            h.state().doc().state.name
        );
    }
    h.key_press(egui::Key::F11);
    settle(&mut h);
    assert!(!h.state().classroom);
    assert!(
        (left(&h) - normal).abs() < 0.5,
        "normal mode's width came back: {} vs {normal}",
        left(&h)
    );
}

#[test]
fn every_decision_matrix_column_fits_at_1280x800() {
    let mut h = app_at(1280.0, 800.0);
    h.state_mut().views.results.tab = PlotTab::Matrix;
    settle(&mut h);
    let win = window(&h);
    let s = h.state().doc().scenario.clone();
    let mut headers: Vec<String> = ["EU", "E[regret]", "Max regret"].map(String::from).to_vec();
    // The first question's answers, one column each: its hypotheses with no sub-hypotheses.
    for (i, hyp) in s.hypotheses.iter().enumerate() {
        let leaf = !s
            .hypotheses
            .iter()
            .any(|c| c.parent.as_deref() == Some(hyp.id.as_str()));
        if s.question_of(i) == 0 && leaf {
            headers.push(motive_lab::ui::widgets::short_id(&hyp.name));
        }
    }
    assert_eq!(headers.len(), 3 + 9, "{headers:?}");
    // Across: every column within the window's width (the area scrolls down to the rest).
    let across = |r: egui::Rect| r.left() >= win.left() && r.right() <= win.right();
    for name in &headers {
        for node in h.get_all_by_label(name) {
            let r = node.rect();
            assert!(across(r), "column {name} at {r:?} outside {win:?}");
        }
    }
    let is_last = |t: Option<String>| t.is_some_and(|l| l.starts_with("in ") && l.contains('/'));
    let last: Vec<egui::Rect> = h
        .query_all(egui_kittest::kittest::By::new().predicate(move |n| is_last(n.label()) || is_last(n.value())))
        .map(|n| n.rect())
        .collect();
    assert!(!last.is_empty(), "the regret column in the yardstick's unit");
    for r in last {
        assert!(across(r), "the last column {r:?} in {win:?}");
    }
    // The invasion's utilities below 0 are explained under the matrix.
    let invasion = &s.policies[s.policy_index("article5_invasion").expect("policy")].name;
    h.get_by_label_contains(&format!(
        "Below 0: {invasion} takes some outcome past its plausible worst"
    ));
}

#[test]
fn every_evidence_matrix_column_fits_at_1280x800() {
    let mut h = app_at(1280.0, 800.0);
    h.state_mut().views.results.tab = PlotTab::Evidence;
    settle(&mut h);
    let win = window(&h);
    let s = h.state().doc().scenario.clone();
    let across = |r: egui::Rect| r.left() >= win.left() && r.right() <= win.right();
    // By default one column per answer to the first question.
    let mut headers: Vec<String> = ["Item", "State", "Public", "Worth"].map(String::from).to_vec();
    for (i, hyp) in s.hypotheses.iter().enumerate() {
        let leaf = !s
            .hypotheses
            .iter()
            .any(|c| c.parent.as_deref() == Some(hyp.id.as_str()));
        if s.question_of(i) == 0 && leaf {
            headers.push(motive_lab::ui::widgets::short_id(&hyp.name));
        }
    }
    for name in &headers {
        let nodes: Vec<egui::Rect> = h.get_all_by_label(name).map(|n| n.rect()).collect();
        assert!(!nodes.is_empty(), "a column {name}");
        for r in nodes {
            assert!(across(r), "column {name} at {r:?} outside {win:?}");
        }
    }
    // And every cell: the likelihoods (two decimals) of the last column too.
    let likelihoods: Vec<egui::Rect> = h
        .query_all_by(|n| {
            n.value()
                .is_some_and(|v| v.len() == 4 && v.starts_with("0.") && v[2..].chars().all(|c| c.is_ascii_digit()))
        })
        .map(|n| n.rect())
        .collect();
    assert!(likelihoods.len() > 9, "{}", likelihoods.len());
    for r in likelihoods {
        assert!(across(r), "a cell at {r:?} outside {win:?}");
    }
    // Every combination is one click away (and scrolls sideways).
    h.get_by_label("every combination").click();
    settle(&mut h);
    h.get_by_label("1&Directed");
}

#[test]
fn the_first_steps_page_opens_once_and_comes_back_from_help() {
    let mut h = app_at(1280.0, 800.0);
    assert!(
        h.query_by_label("Three steps").is_none(),
        "not without stored preferences"
    );
    h.state_mut().first_run();
    h.run();
    h.get_by_label("Three steps");
    assert!(h.state().prefs.first_steps_seen);
    // Closed, it stays closed; a later first_run does nothing.
    h.state_mut().views.help.open = None;
    h.state_mut().first_run();
    h.run();
    assert!(h.query_by_label("Three steps").is_none());
    h.get_by_label("Help").click();
    h.run();
    h.get_by(|n| n.role() == Role::Button && n.label().as_deref() == Some("First steps"))
        .click();
    h.run();
    h.get_by_label("Three steps");
    h.get_by_label_contains("Lever sweep: one lever across its range");
}

#[test]
fn the_glossary_is_one_click_from_the_charts() {
    let mut h = app_at(1280.0, 800.0);
    h.get_by_label("Glossary").click();
    h.run();
    for term in [
        "Expected utility",
        "Regret",
        "EVPI (expected value of perfect information)",
        "Pareto front",
        "Tornado",
        "Mechanism",
    ] {
        h.get_by_label(term);
    }
    h.get_by_label_contains("Now: 10,000 policies are sampled");
}

#[test]
fn after_a_classroom_step_what_changed_is_in_view_above_the_notes() {
    let mut h = app_at(1920.0, 1080.0);
    classroom(&mut h);
    for _ in 0..2 {
        h.key_press(egui::Key::ArrowRight);
        settle(&mut h);
    }
    let notes = h.state().doc().state.notes.clone();
    assert!(!notes.is_empty(), "the preset has notes");
    let changed = h.get_by_label_contains("Changed from").rect();
    let below = h.get_by_label(&notes).rect();
    assert!(changed.top() < below.top(), "{changed:?} above {below:?}");
    // Inside the header's box, which ends where the belief strips begin.
    let strips = h.get_by_label("Show belief sliders").rect();
    assert!(changed.bottom() <= strips.top(), "{changed:?} in view above {strips:?}");
}
