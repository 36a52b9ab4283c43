//! What the kittest files share: the shipped scenario, a view drawn on its own, the real app at
//! a window size.

#![allow(dead_code, reason = "each test file uses some of these")]

use egui_kittest::Harness;
use motive_lab::app::MotiveApp;
use motive_lab::io::{SHIPPED_SCENARIOS, parse_document};
use motive_lab::model::document::Document;
use motive_lab::ui::ctx::View;
use motive_lab::ui::standalone::Standalone;

/// The shipped Paris scenario at its defaults.
pub fn paris() -> Document {
    parse_document("paris-2015.ron", SHIPPED_SCENARIOS[0].text, None, 0).expect("parses")
}

/// A view drawn on its own, with its standalone context.
pub type H<V> = Harness<'static, (Standalone, V)>;

/// `view` drawn on `s` in a 1000x760 window.
pub fn harness_on<V: View + 'static>(s: Standalone, view: V) -> H<V> {
    // Short steps, so that two clicks a few steps apart count as a double click.
    let mut h = Harness::builder()
        .with_size([1000.0, 760.0])
        .with_step_dt(0.05)
        .build_ui_state(|ui, (s, v): &mut (Standalone, V)| s.show(ui, v), (s, view));
    h.run();
    h
}

/// The real app in a `w` x `h` window, its background work done.
pub fn app_at(w: f32, h: f32) -> Harness<'static, MotiveApp> {
    let mut h = Harness::builder()
        .with_size([w, h])
        .build_eframe(|cc| MotiveApp::new(cc, None));
    // The Pareto samples are computed off the UI thread: wait for them, so that a test's frames
    // settle however fast the machine is.
    h.state_mut().set_study_delay(std::time::Duration::ZERO);
    h.state_mut().wait_for_samples();
    // So is the uncertainty study: wait for it too, so that every frame shows its numbers.
    h.state_mut().wait_for_study();
    h.run();
    h
}

/// The app on the shipped Paris scenario, autosaving to the data folder `data`.
pub fn autosaving_app(data: &std::path::Path) -> MotiveApp {
    let mut app = MotiveApp::with_document(
        &egui::Context::default(),
        paris(),
        motive_lab::app::Prefs::default(),
        motive_lab::ui::views::results::ResultsView::default(),
    );
    app.set_study_delay(std::time::Duration::ZERO);
    app.set_recovery_dir(Some(data.to_path_buf()));
    app
}

/// `app` running in a 1280x800 window, its study done.
pub fn running(app: MotiveApp) -> Harness<'static, MotiveApp> {
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_ui_state(|ui, app: &mut MotiveApp| app.frame_ui(ui), app);
    h.state_mut().wait_for_study();
    h.run();
    h
}
