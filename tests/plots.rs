//! How plots move (issue 20): the wheel scrolls the page and never the plot, a double click on
//! empty space adopts nothing, "Reset view" brings back the fitted view, and the credence sweep
//! draws the policies in the running, with a legend that hides and shows lines.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test stops at the first surprise"
)]

use egui_kittest::kittest::Queryable;
use motive_lab::analysis::SamplesState;
use motive_lab::ui::ctx::Command;
use motive_lab::ui::standalone::Standalone;
use motive_lab::ui::views::{credence_sweep::CredenceSweepView, pareto::ParetoView};

mod common;
use common::{H, harness_on, paris};

fn pareto() -> H<ParetoView> {
    harness_on(Standalone::new(paris()).with_samples(), ParetoView::default())
}

fn bounds(h: &H<ParetoView>) -> ([f64; 2], [f64; 2]) {
    let b = h.state().1.plot_bounds().expect("drawn");
    (b.min(), b.max())
}

fn wheel<V>(h: &mut H<V>, pos: egui::Pos2, delta: egui::Vec2, modifiers: egui::Modifiers) {
    h.hover_at(pos);
    h.step();
    h.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta,
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Unknown,
        modifiers,
    });
    // Wheel scrolling is smoothed over a few frames.
    h.run_steps(30);
}

fn drag<V>(h: &mut H<V>, from: egui::Pos2, to: egui::Pos2) {
    h.drag_at(from);
    h.step();
    for k in 1..=5 {
        h.hover_at(from + (to - from) * (k as f32 / 5.0));
        h.step();
    }
    h.drop_at(to);
    h.run();
}

fn click_at<V>(h: &mut H<V>, pos: egui::Pos2) {
    h.drag_at(pos);
    h.step();
    h.drop_at(pos);
    h.step();
}

#[test]
fn the_wheel_over_a_plot_leaves_its_bounds_unchanged() {
    let mut h = pareto();
    let before = bounds(&h);
    let centre = h.state().1.plot_frame().expect("drawn").center();
    wheel(&mut h, centre, egui::vec2(0.0, -400.0), egui::Modifiers::NONE);
    wheel(&mut h, centre, egui::vec2(300.0, 0.0), egui::Modifiers::NONE);
    assert_eq!(bounds(&h), before);
    // Ctrl with the wheel zooms.
    wheel(&mut h, centre, egui::vec2(0.0, 200.0), egui::Modifiers::CTRL);
    assert_ne!(bounds(&h), before, "Ctrl + wheel zooms");
}

/// The Pareto view dragged away from its fitted view, and that view's bounds.
fn panned_pareto() -> (H<ParetoView>, ([f64; 2], [f64; 2])) {
    let mut h = pareto();
    let before = bounds(&h);
    let centre = h.state().1.plot_frame().expect("drawn").center();
    drag(&mut h, centre, centre + egui::vec2(150.0, -90.0));
    assert_ne!(bounds(&h), before, "a drag pans");
    (h, before)
}

#[test]
fn reset_view_brings_back_the_fitted_view() {
    let (mut h, before) = panned_pareto();
    h.get_by_label("Reset view").click();
    h.run();
    assert_eq!(bounds(&h), before);
}

#[test]
fn a_moved_view_resets_when_the_mode_changes() {
    let (mut h, before) = panned_pareto();
    h.state_mut().0.theme.classroom = true;
    h.run();
    h.state_mut().0.theme.classroom = false;
    h.run();
    assert_eq!(bounds(&h), before);
}

/// A point inside the plot at least `clear` points from every drawn sample.
fn empty_spot(h: &H<ParetoView>, clear: f32) -> egui::Pos2 {
    let (s, view) = h.state();
    let SamplesState::Ready(samples) = s.derived.samples() else {
        panic!("samples ready")
    };
    let drawn: Vec<egui::Pos2> = (0..samples.n).filter_map(|i| view.screen_position(i)).collect();
    let frame = view.plot_frame().expect("drawn").shrink(10.0);
    (0..40)
        .flat_map(|i| (0..40).map(move |j| (i, j)))
        .map(|(i, j)| frame.min + egui::vec2(frame.width() * i as f32 / 39.0, frame.height() * j as f32 / 39.0))
        .find(|p| drawn.iter().all(|d| d.distance(*p) > clear))
        .expect("an empty spot")
}

fn adopted(h: &H<ParetoView>) -> bool {
    h.state().0.sent.iter().any(|c| matches!(c, Command::AdoptSample(_)))
}

#[test]
fn a_double_click_on_empty_space_adopts_nothing() {
    let mut h = pareto();
    let spot = empty_spot(&h, 40.0);
    click_at(&mut h, spot);
    click_at(&mut h, spot);
    h.run();
    assert!(!adopted(&h), "{:?}", h.state().0.sent);
    // Nor after panning: what counts is what was under the pointer when it was clicked.
    let centre = h.state().1.plot_frame().expect("drawn").center();
    drag(&mut h, centre, centre + egui::vec2(-200.0, 120.0));
    let spot = empty_spot(&h, 40.0);
    click_at(&mut h, spot);
    click_at(&mut h, spot);
    h.run();
    assert!(!adopted(&h), "{:?}", h.state().0.sent);
    // A double click on a drawn sample still adopts it.
    let on = h.state().1.screen_position(17).expect("drawn");
    h.hover_at(on);
    h.run();
    click_at(&mut h, on);
    click_at(&mut h, on);
    h.run();
    assert!(adopted(&h));
}

#[test]
fn the_credence_sweep_draws_the_policies_in_the_running_and_the_legend_hides_lines() {
    let doc = paris();
    let names: Vec<String> = doc.scenario.policies.iter().map(|p| p.name.clone()).collect();
    let mut view = CredenceSweepView::default();
    view.hypothesis = Some("h2".into());
    let mut h = harness_on(Standalone::new(doc), view);
    let in_legend = |h: &H<CredenceSweepView>, n: &str| h.query_all_by_label(n).next().is_some();
    let drawn: Vec<&String> = names.iter().filter(|n| in_legend(&h, n)).collect();
    let left_out: Vec<&String> = names.iter().filter(|n| !in_legend(&h, n)).collect();
    assert!(!left_out.is_empty() && drawn.len() >= 2, "{drawn:?} / {left_out:?}");
    let note = h.get_by_label_contains("Not drawn: ").value().expect("text");
    for n in &left_out {
        assert!(note.contains(n.as_str()), "{n} named in {note}");
    }
    h.get_by_label("all policies").click();
    h.run();
    for n in &names {
        assert!(in_legend(&h, n), "{n} drawn with every policy");
    }
    // A click on a legend entry hides its line; another shows it again.
    let first = drawn[0].clone();
    h.get_all_by_label(&first).last().expect("in the legend").click();
    h.run();
    assert!(h.state().1.is_hidden(&first));
    h.get_all_by_label(&first).last().expect("in the legend").click();
    h.run();
    assert!(!h.state().1.is_hidden(&first));
}

#[test]
fn chance_best_says_which_candidates_are_in_the_running_with_a_switch() {
    use motive_lab::ui::views::uncertainty::UncertaintyView;
    let mut h = harness_on(Standalone::new(paris()), UncertaintyView::default());
    let named = h.state().0.doc.scenario.policies.len();
    // By default the named policies alone, as the verdict counts them.
    h.get_by_label(&format!(
        "In the running: the {named} named policies, as in the verdict and the decision matrix."
    ));
    h.get_by_label("Count the settings the search found among the choices")
        .click();
    h.run();
    h.get_by_label_contains(&format!("In the running: the {named} named policies, the "));
    h.get_by_label_contains("settings the search found and your current settings.");
}
