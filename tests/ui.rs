//! The real app driven through its accessibility tree with `egui_kittest`: sliders, named
//! policies, files, undo and redo, classroom mode, and a few CPU-rendered snapshots.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test or benchmark stops at the first surprise"
)]

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use motive_lab::app::MotiveApp;
use motive_lab::format::{number, signed};
use motive_lab::io::load_document;
use motive_lab::model::evaluate::EvaluationCache;
use motive_lab::model::summary::report;
use motive_lab::ui::ctx::{Command, PlotTab};
use std::path::{Path, PathBuf};
use std::sync::Arc;

mod common;
use common::{app_at, autosaving_app, running};

fn app() -> Harness<'static, MotiveApp> {
    app_at(1280.0, 800.0)
}

/// The core's report for the app's current settings, computed independently of the UI.
fn core_report(h: &Harness<'_, MotiveApp>) -> motive_lab::model::summary::Report {
    let app = h.state();
    report(
        &app.doc().scenario,
        app.derived.model(),
        app.settings(),
        &mut EvaluationCache::default(),
    )
    .expect("report")
}

fn expected_label(h: &Harness<'_, MotiveApp>, outcome: &str, horizon: usize) -> String {
    let s = &h.state().doc().scenario;
    let o = s.outcome_index(outcome).expect("outcome");
    let cell = o * s.horizons.len() + horizon;
    let value = core_report(h).evaluation.expected[cell];
    // A value past the plausible range is marked (format 2 values keep counting there).
    let out = &s.outcomes[o];
    let past = value < out.worst.min(out.best) || value > out.worst.max(out.best);
    format!(
        "{}, {}: {}{}",
        out.name,
        s.horizons[horizon].name,
        number(value),
        if past { "*" } else { "" }
    )
}

fn eu_label(h: &Harness<'_, MotiveApp>) -> String {
    format!("Expected utility: {:.3}", core_report(h).evaluation.expected_utility)
}

#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

fn drop_file(h: &mut Harness<'_, MotiveApp>, path: &Path) {
    h.input_mut().dropped_files.push(Arc::new(Dropped(path.to_path_buf())));
    h.run();
}

#[test]
fn moving_a_lever_recomputes_the_shown_expected_values() {
    let mut h = app();
    let before = expected_label(&h, "civilian_deaths", 0);
    h.get_by_label(&before);
    h.get_by_role_and_label(Role::Slider, "Airstrike intensity (strikes/month)")
        .set_value_accesskit(1800.0);
    h.run();
    assert_eq!(h.state().settings().levers[0], 1800.0);
    let after = expected_label(&h, "civilian_deaths", 0);
    assert_ne!(before, after);
    // The table shows exactly the core's value for the new settings.
    h.get_by_label(&after);
    assert!(h.query_by_label(&before).is_none());
    h.get_by_label(&eu_label(&h));
}

/// The index of a lever by id.
fn lever_at(h: &Harness<'_, MotiveApp>, id: &str) -> usize {
    h.state().doc().scenario.lever_index(id).expect("lever")
}

/// Each hypothesis's weight within its question (the shares the credence panel shows).
fn shares(h: &Harness<'_, MotiveApp>) -> Vec<f64> {
    let app = h.state();
    let model = app.derived.model();
    let mut w = vec![0.0; app.doc().scenario.hypotheses.len()];
    model
        .hypothesis_weights(&app.settings().credences, &mut w)
        .expect("weights");
    w
}

#[test]
fn moving_a_credence_rescales_the_others_and_updates_the_utility() {
    let mut h = app();
    let before = eu_label(&h);
    h.get_by_role_and_label(Role::Slider, "1. They attack whatever we do")
        .set_value_accesskit(60.0);
    h.run();
    let w = shares(&h);
    assert!((w[0] - 0.6).abs() < 1e-9, "{w:?}");
    // The other five top-level hypotheses share the remaining 40% equally, as before.
    for (i, h2) in ["h2", "h3", "h4", "h5"].iter().enumerate() {
        assert!((w[i + 1] - 0.08).abs() < 1e-9, "{h2}: {w:?}");
    }
    let after = eu_label(&h);
    assert_ne!(before, after);
    h.get_by_label(&after);
}

#[test]
fn a_locked_credence_keeps_its_share() {
    let mut h = app();
    h.get_by(|n| n.label().as_deref() == Some("Lock 6. Provocation: drawing us all in"))
        .click();
    h.run();
    assert!(h.state().views.credences.locked[5]);
    h.get_by_role_and_label(Role::Slider, "1. They attack whatever we do")
        .set_value_accesskit(50.0);
    h.run();
    let w = shares(&h);
    // Theory 6 (hypothesis 5) keeps its sixth of the question.
    assert!((w[5] - 1.0 / 6.0).abs() < 1e-9, "h6 kept its share: {}", w[5]);
    assert!((w[0] - 0.5).abs() < 1e-9);
}

#[test]
fn picking_a_named_policy_sets_every_lever() {
    let mut h = app();
    // The combo may be below the fold of the panel: open it as a screen reader would.
    h.get_by_role_and_label(Role::ComboBox, "Named policy")
        .click_accesskit();
    h.run();
    h.get_by(|n| {
        n.role() == Role::Button && n.label().as_deref() == Some("Article 5 allied invasion (counterfactual)")
    })
    .click();
    h.run();
    let app = h.state();
    let s = &app.doc().scenario;
    let invasion = s.policy_levers(&s.policies[s.policy_index("article5_invasion").expect("policy")]);
    assert_eq!(app.settings().levers, invasion);
    assert!(app.dirty());
    assert!(app.title().starts_with("* "));
    h.get_by_label(&expected_label(&h, "fiscal_cost", 0));
}

#[test]
fn opening_a_preset_file_replaces_the_document() {
    let mut h = app();
    // From a deep folder (as a clone of the project may be): the path must not take the
    // results' lines.
    let dir = tempfile::tempdir().expect("tmp");
    let deep = dir.path().join("a-folder-name-of-forty-characters-long-xx".repeat(6));
    std::fs::create_dir_all(&deep).expect("mkdir");
    let path = deep.join("article-5-invasion.ron");
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("presets/paris-2015/article-5-invasion.ron");
    std::fs::copy(&shipped, &path).expect("copy");
    drop_file(&mut h, &path);
    let expected = load_document(&path).expect("loads");
    assert_eq!(h.state().doc().state, expected.state);
    assert_eq!(*h.state().doc().scenario, *expected.scenario);
    assert_eq!(h.state().path(), Some(path.as_path()));
    assert!(!h.state().dirty());
    h.get_by_label_contains("Opened");
    h.get_by_label(&expected_label(&h, "own_deaths", 1));
}

#[test]
fn a_broken_file_shows_where_and_leaves_the_document_untouched() {
    let mut h = app();
    h.get_by_role_and_label(Role::Slider, "Western ground troops (thousand troops)")
        .set_value_accesskit(40.0);
    h.run();
    let before = h.state().doc().state.clone();
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("broken.ron");
    std::fs::write(&path, "Preset(\n    format_version: 1,\n    name: \"x\",\n    scenario: Shipped(\"paris-2015\"),\n    levers: {\"airstrikes\": NaN},\n)\n").expect("write");
    drop_file(&mut h, &path);
    assert_eq!(h.state().doc().state, before);
    h.get_by_label("Could not open the file; nothing was changed");
    // Labels carry their text as their accessible value.
    h.get_by(|n| {
        n.role() == Role::Label
            && n.value()
                .is_some_and(|l| l.contains("broken.ron:5:14:") && l.contains("not a finite number"))
    });
}

#[test]
fn undo_and_redo_step_through_whole_changes() {
    let mut h = app();
    let original = h.state().settings().clone();
    h.get_by_role_and_label(Role::Slider, "Border and travel controls (index 0-100 above 2015)")
        .set_value_accesskit(90.0);
    h.run();
    h.get_by_role_and_label(
        Role::Slider,
        "Counter-messaging and prevention (index 0-100 above 2015)",
    )
    .set_value_accesskit(70.0);
    h.run();
    let both = h.state().settings().clone();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    let (borders, messaging) = (lever_at(&h, "borders"), lever_at(&h, "messaging"));
    assert_eq!(h.state().settings().levers[borders], 90.0);
    assert_eq!(h.state().settings().levers[messaging], original.levers[messaging]);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(h.state().settings(), &original);
    assert!(!h.state().dirty());
    h.key_press_modifiers(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, egui::Key::Z);
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Y);
    h.run();
    assert_eq!(h.state().settings(), &both);
    // The undo button in the header does the same.
    h.get_by(|n| n.role() == Role::Button && n.label().as_deref() == Some("Undo"))
        .click();
    h.run();
    assert_eq!(h.state().settings().levers[messaging], original.levers[messaging]);
}

#[test]
fn classroom_mode_hides_the_chrome_and_steps_through_presets() {
    let mut h = app();
    assert!(h.query_by_label("File").is_some());
    h.key_press(egui::Key::F11);
    h.run();
    assert!(h.state().classroom);
    assert!(h.query_by_label("File").is_none(), "menu bar hidden");
    assert!(h.query_by_label("Equalise").is_none(), "editing chrome hidden");
    h.key_press(egui::Key::ArrowRight);
    h.run();
    assert_eq!(h.state().session.shipped_index, Some(0));
    assert_eq!(h.state().doc().state.name, "Complete disengagement");
    h.key_press(egui::Key::ArrowRight);
    h.run();
    assert_eq!(h.state().doc().state.name, "The 2015 middle course, continued");
    h.key_press(egui::Key::ArrowLeft);
    h.run();
    h.key_press(egui::Key::ArrowLeft);
    h.run();
    assert_eq!(
        h.state().session.shipped_index,
        motive_lab::io::presets_for("paris-2015").last().copied()
    );
    // Stepping is undoable, so nothing an instructor did is lost.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(h.state().doc().state.name, "Complete disengagement");
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(!h.state().classroom);
    assert!(h.query_by_label("File").is_some());
}

#[test]
fn pinning_a_compares_the_live_state() {
    let mut h = app();
    h.get_by(|n| n.role() == Role::Button && n.label().as_deref() == Some("Pin as A"))
        .click();
    h.run();
    assert!(h.state().session.pinned.is_some());
    h.get_by_role_and_label(Role::Slider, "Homeland intelligence and policing (% above 2015 budget)")
        .set_value_accesskit(150.0);
    h.run();
    let app = h.state();
    let pinned = app.session.pinned.clone().expect("pinned");
    let a = report(
        &app.doc().scenario,
        app.derived.model(),
        &pinned,
        &mut EvaluationCache::default(),
    )
    .expect("report")
    .evaluation
    .expected_utility;
    let now = core_report(&h).evaluation.expected_utility;
    // The difference is the one a reader works out from the two numbers shown.
    let shown = |x: f64| format!("{x:.3}").parse::<f64>().expect("number");
    let d = shown(now) - shown(a);
    assert!(d.abs() >= 0.001, "the lever moved the utility visibly");
    h.get_by_label(&format!("A: {a:.3} ({d:+.3})"));
}

#[test]
fn every_plot_tab_draws() {
    let mut h = app();
    h.state_mut().set_study_delay(std::time::Duration::ZERO);
    h.state_mut().wait_for_samples();
    // So is the uncertainty study: wait for it too, so that every frame shows its numbers.
    h.state_mut().wait_for_study();
    h.run();
    // The app opens on the lever sweep.
    assert_eq!(h.state().views.results.tab, PlotTab::LeverSweep);
    h.get_by(|n| n.role() == Role::Button && n.label().as_deref() == Some("Pareto view"))
        .click();
    h.run();
    h.get_by_label_contains("10000 sampled policies");
    h.get_by(|n| n.role() == Role::Button && n.label().as_deref() == Some("Lever sweep"))
        .click();
    h.run();
    assert_eq!(h.state().views.results.tab, PlotTab::LeverSweep);
    h.get_by_role_and_label(Role::ComboBox, "Lever");
    h.get_by(|n| n.role() == Role::Button && n.label().as_deref() == Some("Decision matrix"))
        .click();
    h.run();
    // The matrix marks the EU-best and minimax-regret policies and states EVPI.
    let r = core_report(&h);
    let best = &r.candidates[r.analysis.best].name;
    h.get_by_label_contains(&format!("Best by expected utility: {best}."));
    h.get_by_label_contains(&format!("EVPI (every question): {:.4}", r.analysis.evpi));
    h.get_by(|n| n.role() == Role::Button && n.label().as_deref() == Some("Credence sweep"))
        .click();
    h.run();
    h.get_by_label_contains("of the weight");
}

#[test]
fn the_assumptions_behind_an_outcome_are_one_click_away() {
    let mut h = app();
    // The first "?" opens the first outcome's assumptions.
    h.get_all_by_label("?").next().expect("a ? button").click();
    h.run();
    h.get_by_label_contains("Assumptions: ISIS-linked attacks in the West");
    // The mechanism homeland measures and borders work through (its row may be scrolled
    // out of the table, so ask for it directly).
    let foiled = h
        .state()
        .doc()
        .scenario
        .outcome_index("foiled_directed")
        .expect("outcome");
    h.state_mut().send(Command::ShowAssumptions(foiled, 0));
    h.run();
    let name = h.state().doc().scenario.outcomes[foiled].name.clone();
    h.get_by_label_contains(&format!("Assumptions: {name}"));
    h.get_by_label_contains("Baseline with every lever at 0");
    h.get_all_by_label_contains("Nesser")
        .next()
        .expect("the homeland effect's source");
    // Each effect's size now is the core's contribution.
    let app = h.state();
    let model = app.derived.model();
    let parts = model.contributions(&app.settings().levers, model.cell(foiled, 0));
    let borders = parts
        .iter()
        .find(|c| app.doc().scenario.effects[c.effect].lever_id() == Some("borders"))
        .expect("borders effect");
    let shown = signed(borders.value);
    assert!(h.query_all_by_label(&shown).next().is_some(), "{shown}");
}

#[test]
fn snapshot_main_window() {
    let mut h = app();
    h.state_mut().set_study_delay(std::time::Duration::ZERO);
    h.state_mut().wait_for_samples();
    // So is the uncertainty study: wait for it too, so that every frame shows its numbers.
    h.state_mut().wait_for_study();
    h.run();
    h.snapshot("main_window");
}

#[test]
fn snapshot_light_theme_matrix() {
    let mut h = app();
    h.state_mut().prefs.look = motive_lab::ui::theme::Look::Light;
    h.state_mut().views.results.tab = PlotTab::Matrix;
    h.run();
    h.snapshot("light_theme_matrix");
}

#[test]
fn snapshot_classroom_mode() {
    let mut h = app();
    h.key_press(egui::Key::F11);
    h.set_size(egui::vec2(1920.0, 1080.0));
    h.state_mut().views.results.tab = PlotTab::CredenceSweep;
    h.run();
    h.snapshot("classroom_mode");
}

#[test]
fn opening_over_unsaved_changes_asks_first() {
    let mut h = app();
    h.get_by_role_and_label(Role::Slider, "Airstrike intensity (strikes/month)")
        .set_value_accesskit(100.0);
    h.run();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("presets/paris-2015/homeland-first.ron");
    drop_file(&mut h, &path);
    // Nothing is replaced until the user answers, and the question names what waits.
    h.get_by_label("Unsaved changes");
    h.get_by_label("Save changes to \"Scenario defaults\" before opening homeland-first.ron?");
    assert_eq!(h.state().settings().levers[0], 100.0);
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(h.state().settings().levers[0], 100.0);
    assert!(h.query_by_label("Unsaved changes").is_none());
    drop_file(&mut h, &path);
    h.get_by_label("Discard changes").click();
    h.run();
    assert_eq!(h.state().doc().state.name, "Homeland first");
    assert!(!h.state().dirty());
}

#[test]
fn save_as_writes_a_readable_preset_and_clears_the_unsaved_mark() {
    let mut h = app();
    h.get_by_role_and_label(Role::Slider, "6. Provocation: drawing us all in")
        .set_value_accesskit(40.0);
    h.run();
    assert!(h.state().dirty());
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("my view.ron");
    let ctx = h.ctx.clone();
    h.state_mut().apply(&ctx, Command::SaveAs(path.clone()));
    h.run();
    assert!(!h.state().dirty());
    assert!(h.state().title().starts_with("my view.ron"));
    let text = std::fs::read_to_string(&path).expect("saved");
    assert!(
        text.contains("Preset(") && text.contains("scenario: Shipped(\"paris-2015\")"),
        "{text}"
    );
    let back = load_document(&path).expect("loads");
    assert_eq!(&back.state.settings, h.state().settings());
    assert!(h.state().prefs.recent.iter().any(|p| p.ends_with("my view.ron")));
}

#[test]
fn drawing_a_slider_never_rewrites_a_value_from_a_file() {
    let mut h = app();
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("odd.ron");
    std::fs::write(
        &path,
        "Preset(format_version: 1, name: \"odd\", scenario: Shipped(\"paris-2015\"),\n levers: {\"airstrikes\": 1234.0}, values: {\"cohesion\": 0.3})\n",
    )
    .expect("write");
    drop_file(&mut h, &path);
    h.run();
    let app = h.state();
    assert_eq!(app.settings().levers[0], 1234.0, "not snapped to the 50 step");
    let cohesion = app.doc().scenario.outcome_index("cohesion").expect("outcome");
    assert_eq!(app.settings().value_weights[cohesion], 0.3);
    assert!(!app.dirty());
    // Many frames later the settings are still exactly the file's.
    for _ in 0..5 {
        h.step();
    }
    assert_eq!(
        h.state().settings(),
        &load_document(&path).expect("loads").state.settings
    );
    assert!(!h.state().dirty());
}

#[test]
fn a_scenario_file_opens_untitled_so_save_cannot_overwrite_it() {
    let mut h = app();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/scenarios/paris-2015.ron");
    drop_file(&mut h, &path);
    assert_eq!(h.state().path(), None);
    h.get_by_label_contains("Save writes your settings to a new preset file");
}

#[test]
fn undoing_an_open_returns_to_the_previous_file() {
    let mut h = app();
    let a = Path::new(env!("CARGO_MANIFEST_DIR")).join("presets/paris-2015/disengage.ron");
    let b = Path::new(env!("CARGO_MANIFEST_DIR")).join("presets/paris-2015/fortress-at-home.ron");
    drop_file(&mut h, &a);
    h.get_by_role_and_label(Role::Slider, "Border and travel controls (index 0-100 above 2015)")
        .set_value_accesskit(55.0);
    h.run();
    drop_file(&mut h, &b);
    h.get_by_label("Discard changes").click();
    h.run();
    assert_eq!(h.state().path(), Some(b.as_path()));
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    // Back to A with the unsaved edit, under A's name and still marked unsaved.
    assert_eq!(h.state().path(), Some(a.as_path()));
    assert_eq!(h.state().settings().levers[lever_at(&h, "borders")], 55.0);
    assert!(h.state().dirty());
}

#[test]
fn undo_after_save_is_marked_unsaved_and_stays_with_the_saved_file() {
    let mut h = app();
    let dir = tempfile::tempdir().expect("tmp");
    let first = dir.path().join("first.ron");
    let copy = dir.path().join("copy.ron");
    let ctx = h.ctx.clone();
    h.state_mut().apply(&ctx, Command::SaveAs(first.clone()));
    h.run();
    h.get_by_role_and_label(Role::Slider, "Border and travel controls (index 0-100 above 2015)")
        .set_value_accesskit(80.0);
    h.run();
    h.state_mut().apply(&ctx, Command::SaveAs(copy.clone()));
    h.run();
    assert!(!h.state().dirty());
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    // The undone state differs from the file on disk, and it belongs to the copy now.
    assert!(h.state().dirty());
    assert_eq!(h.state().path(), Some(copy.as_path()));
}

#[test]
fn classroom_stepping_asks_before_dropping_edits() {
    let mut h = app();
    h.key_press(egui::Key::F11);
    h.run();
    h.get_by_role_and_label(Role::Slider, "Airstrike intensity (strikes/month)")
        .set_value_accesskit(1000.0);
    h.run();
    h.key_press(egui::Key::ArrowRight);
    h.run();
    h.get_by_label("Unsaved changes");
    assert_eq!(h.state().settings().levers[0], 1000.0);
    h.get_by_label("Discard changes").click();
    h.run();
    assert_eq!(h.state().doc().state.name, "Complete disengagement");
}

#[test]
fn sliders_work_from_the_keyboard() {
    let mut h = app();
    let before = h.state().settings().levers[0];
    h.get_by_role_and_label(Role::Slider, "Airstrike intensity (strikes/month)")
        .focus();
    h.run();
    h.key_press(egui::Key::ArrowRight);
    h.run();
    assert!(
        h.state().settings().levers[0] > before,
        "arrow key moved the focused slider"
    );
    // Tab moves the focus on to another control.
    let focused = h.ctx.memory(egui::Memory::focused);
    assert!(focused.is_some());
    h.key_press(egui::Key::Tab);
    h.run();
    let next = h.ctx.memory(egui::Memory::focused);
    assert!(next.is_some() && next != focused, "{focused:?} -> {next:?}");
}

fn restored(persisted: motive_lab::app::Persisted) -> Harness<'static, MotiveApp> {
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |cc| MotiveApp::restored(&cc.egui_ctx, persisted, None));
    h.state_mut().set_study_delay(std::time::Duration::ZERO);
    h.state_mut().wait_for_study();
    h.run();
    h
}

#[test]
fn a_restored_session_keeps_unsaved_work_its_file_and_its_mark() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("mine.ron");
    let mut doc = load_document(&Path::new(env!("CARGO_MANIFEST_DIR")).join("presets/paris-2015/homeland-first.ron"))
        .expect("loads");
    motive_lab::io::save_document(&path, &doc).expect("saves");
    doc.state.settings.levers[0] = 350.0;
    let persisted = motive_lab::app::Persisted {
        last_document: Some(motive_lab::io::preset_text(&doc).expect("text")),
        last_path: Some(path.clone()),
        ..Default::default()
    };
    let h = restored(persisted);
    let app = h.state();
    assert_eq!(app.settings().levers[0], 350.0);
    assert_eq!(app.path(), Some(path.as_path()));
    assert!(app.dirty(), "the edit is not in the file");
    assert!(app.title().starts_with("* mine.ron"));
}

#[test]
fn a_restored_session_whose_file_is_gone_keeps_the_work_untitled() {
    let doc =
        load_document(&Path::new(env!("CARGO_MANIFEST_DIR")).join("presets/paris-2015/disengage.ron")).expect("loads");
    let persisted = motive_lab::app::Persisted {
        last_document: Some(motive_lab::io::preset_text(&doc).expect("text")),
        last_path: Some(PathBuf::from("/no/such/folder/gone.ron")),
        ..Default::default()
    };
    let h = restored(persisted);
    assert_eq!(h.state().doc().state.name, "Complete disengagement");
    assert_eq!(h.state().path(), None);
    assert!(h.state().dirty());
    // The missing file is reported, not passed over.
    h.get_by_label_contains("could not be read; your work is kept, untitled");
}

#[test]
fn a_broken_restored_session_opens_the_default_and_says_so() {
    let persisted = motive_lab::app::Persisted {
        last_document: Some("Preset(format_version: 1, name: 3)".into()),
        ..Default::default()
    };
    let h = restored(persisted);
    assert_eq!(h.state().doc().state.name, "Scenario defaults");
    h.get_by_label_contains("The last session's document could not be restored");
}

#[test]
fn the_unsaved_changes_prompt_saves_first_then_opens() {
    let mut h = app();
    let dir = tempfile::tempdir().expect("tmp");
    let mine = dir.path().join("mine.ron");
    let ctx = h.ctx.clone();
    h.state_mut().apply(&ctx, Command::SaveAs(mine.clone()));
    h.run();
    h.get_by_role_and_label(Role::Slider, "Airstrike intensity (strikes/month)")
        .set_value_accesskit(250.0);
    h.run();
    let other = Path::new(env!("CARGO_MANIFEST_DIR")).join("presets/paris-2015/fortress-at-home.ron");
    drop_file(&mut h, &other);
    h.get_by_label("Unsaved changes");
    h.get_by(|n| n.role() == Role::Button && n.label().as_deref() == Some("Save"))
        .click();
    h.run();
    // The edit went to the file, then the dropped preset opened.
    let saved = load_document(&mine).expect("loads");
    assert_eq!(saved.state.settings.levers[0], 250.0);
    assert_eq!(h.state().path(), Some(other.as_path()));
    assert_eq!(h.state().doc().state.name, "Fortress at home");
    assert!(!h.state().dirty());
}

/// The smallest scenario validation accepts: one of each, no effects, no named policies.
const MINIMAL: &str = r#"Scenario(
    format_version: 1,
    id: "minimal",
    title: "Minimal",
    hypotheses: [(id: "h", name: "Only", prior: 1.0)],
    levers: [(id: "l", name: "Lever", unit: "u", min: 0.0, max: 1.0, step: 0.1, default: 0.0)],
    outcomes: [(id: "o", name: "Outcome", unit: "u", better: Higher, worst: 0.0, best: 1.0)],
    horizons: [(id: "t", name: "Now", years: 1.0)],
    baselines: [(outcome: "o", horizon: "t", value: 0.5)],
    effects: [],
)"#;

#[test]
fn a_minimal_valid_scenario_draws_every_view_without_panicking() {
    let doc = motive_lab::io::parse_document("minimal.ron", MINIMAL, None, 0).expect("valid");
    let mut h = Harness::builder().with_size([1024.0, 700.0]).build_ui_state(
        |ui, app: &mut MotiveApp| app.frame_ui(ui),
        MotiveApp::with_document(
            &egui::Context::default(),
            doc,
            motive_lab::app::Prefs::default(),
            motive_lab::ui::views::results::ResultsView::default(),
        ),
    );
    h.state_mut().set_study_delay(std::time::Duration::ZERO);
    h.state_mut().wait_for_samples();
    // So is the uncertainty study: wait for it too, so that every frame shows its numbers.
    h.state_mut().wait_for_study();
    h.run();
    // The numbers row in plain words (classroom mode leaves it to the verdict).
    h.get_by_label("Expected utility: 0.500");
    for classroom in [false, true] {
        if classroom {
            h.key_press(egui::Key::F11);
        }
        for tab in [
            PlotTab::Pareto,
            PlotTab::LeverSweep,
            PlotTab::Matrix,
            PlotTab::Gap,
            PlotTab::Uncertainty,
            PlotTab::Evidence,
            // Last: its flip read-out is checked below.
            PlotTab::CredenceSweep,
        ] {
            h.state_mut().views.results.tab = tab;
            h.run();
        }
    }
    // One hypothesis: nothing to flip to.
    h.get_by_label_contains("No flip below. No flip above.");
}

#[test]
fn adopting_a_sampled_policy_says_what_changed_and_undoes() {
    let mut h = app();
    let before = h.state().settings().levers.clone();
    let mut levers = before.clone();
    levers[0] = 1450.0;
    h.state_mut().send(Command::AdoptSample(levers.clone()));
    h.run();
    assert_eq!(h.state().settings().levers, levers);
    h.get_by_label_contains("Undo (Ctrl+Z) brings the previous ones back");
    h.get_by_label("Airstrike intensity: 600 to 1450 strikes/month");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(h.state().settings().levers, before);
}

#[test]
fn escape_in_classroom_mode_closes_a_combo_box_first() {
    let mut h = app();
    h.key_press(egui::Key::F11);
    h.run();
    h.get_by_role_and_label(Role::ComboBox, "Named policy")
        .click_accesskit();
    h.run();
    let entry = |h: &Harness<'_, MotiveApp>| {
        h.query_by(|n| n.role() == Role::Button && n.label().as_deref() == Some("Homeland first"))
            .is_some()
    };
    assert!(entry(&h), "the combo box is open");
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(!entry(&h), "the combo box closed");
    assert!(h.state().classroom, "still in classroom mode");
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(!h.state().classroom);
}

#[test]
fn on_a_small_laptop_screen_the_plot_keeps_its_axes_in_the_window() {
    let mut h = app_at(1024.0, 700.0);
    h.state_mut().views.results.tab = PlotTab::Pareto;
    h.run();
    let frame = h
        .state()
        .views
        .results
        .pareto
        .plot_frame()
        .expect("the Pareto plot is drawn");
    // The x-axis tick labels and title sit below the plotted frame, inside the plot's height.
    assert!(frame.top() >= 0.0 && frame.left() >= 0.0, "{frame:?}");
    assert!(frame.bottom() + 40.0 <= 700.0, "x axis cut off: {frame:?}");
    assert!(frame.height() >= 150.0, "the plot keeps a useful height: {frame:?}");
}

#[test]
fn snapshot_small_laptop_screen() {
    let mut h = app_at(1024.0, 700.0);
    h.snapshot("small_laptop_1024x700");
}

#[test]
fn every_plot_tab_is_inside_the_window_on_a_small_laptop_and_a_projector() {
    let tabs = [
        "Pareto view",
        "Lever sweep",
        "Decision matrix",
        "Credence sweep",
        "What drives the gap",
        "Uncertainty",
        "Evidence",
    ];
    for (w, hh, classroom) in [(1024.0, 700.0, false), (1024.0, 700.0, true), (1280.0, 800.0, true)] {
        let mut h = app_at(w, hh);
        h.state_mut().views.results.tab = PlotTab::Pareto;
        if classroom {
            h.state_mut().send(Command::ToggleClassroom);
        }
        h.run_steps(10);
        h.run();
        for tab in tabs {
            let r = h.get_by_role_and_label(Role::Button, tab).rect();
            assert!(
                r.right() <= w && r.left() >= 0.0,
                "{tab} runs past the edge at {w}x{hh} (classroom {classroom}): {r:?}"
            );
        }
        // Nothing below the tabs was widened past the window either: the Pareto view's note wraps.
        let note = h.get_by_label_contains("sampled policies.").rect();
        assert!(note.right() <= w, "{note:?} at {w}x{hh}");
    }
}

fn type_path(h: &mut Harness<'_, MotiveApp>, path: &Path) {
    let field = h.get_by_role_and_label(Role::TextInput, "Path");
    field.focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_role_and_label(Role::TextInput, "Path")
        .type_text(&path.display().to_string());
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
}

#[test]
fn saving_to_a_typed_path_works_without_a_system_dialog() {
    let mut h = app();
    h.get_by_role_and_label(Role::Slider, "Airstrike intensity (strikes/month)")
        .set_value_accesskit(700.0);
    h.run();
    h.state_mut().send(Command::ShowFileWindow(
        motive_lab::ui::views::file_window::FileAction::Save,
    ));
    h.run();
    // Prefilled with a name from the preset's.
    let prefilled = h.get_by_role_and_label(Role::TextInput, "Path").value().expect("text");
    assert!(prefilled.ends_with("scenario-defaults.ron"), "{prefilled}");
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("typed.ron");
    type_path(&mut h, &path);
    let saved = load_document(&path).expect("saved");
    assert_eq!(saved.state.settings.levers[0], 700.0);
    assert!(!h.state().dirty());
    assert_eq!(h.state().path(), Some(path.as_path()));
    assert!(h.query_by_label("Save the preset as").is_none(), "the window closed");
}

#[test]
fn saving_over_an_existing_file_asks_first() {
    let mut h = app();
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("there.ron");
    std::fs::write(&path, "keep me").expect("write");
    h.state_mut().send(Command::ShowFileWindow(
        motive_lab::ui::views::file_window::FileAction::Save,
    ));
    h.run();
    type_path(&mut h, &path);
    assert_eq!(std::fs::read_to_string(&path).expect("read"), "keep me");
    h.get_by_label_contains("already exists. Replace it?");
    h.get_by(|n| n.role() == Role::Button && n.label().as_deref() == Some("Replace"))
        .click();
    h.run();
    assert!(load_document(&path).is_ok(), "replaced by the preset");
}

#[test]
fn opening_a_typed_path() {
    let mut h = app();
    h.get_by_label("File").click();
    h.run();
    h.get_by(|n| n.role() == Role::Button && n.label().as_deref() == Some("Open path…"))
        .click();
    h.run();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("presets/paris-2015/pitiless-air-surge.ron");
    type_path(&mut h, &path);
    assert_eq!(h.state().path(), Some(path.as_path()));
    assert_eq!(h.state().doc().state.name, "Pitiless air surge");
}

#[test]
fn exporting_the_tables_as_csv() {
    use motive_lab::ui::views::file_window::{ExportKind, FileAction};
    let dir = tempfile::tempdir().expect("tmp");
    for (kind, suffix) in [
        (ExportKind::OutcomesCsv, "outcomes.csv"),
        (ExportKind::MatrixCsv, "decision-matrix.csv"),
    ] {
        let mut h = app();
        h.state_mut().send(Command::ShowFileWindow(FileAction::Export(kind)));
        h.run();
        let prefilled = h.get_by_role_and_label(Role::TextInput, "Path").value().expect("text");
        assert!(
            prefilled.ends_with(&format!("scenario-defaults-{suffix}")),
            "{prefilled}"
        );
        let path = dir.path().join(suffix);
        type_path(&mut h, &path);
        let text = std::fs::read_to_string(&path).expect("exported");
        let app = h.state();
        let r = core_report(&h);
        let expected = match kind {
            ExportKind::OutcomesCsv => motive_lab::cli::output::csv_outcomes(app.doc(), &r),
            _ => motive_lab::cli::output::csv_policies(app.doc(), &r),
        }
        .expect("csv");
        assert_eq!(text, expected);
        h.get_by_label_contains("Exported");
    }
}

#[test]
fn exporting_the_window_as_png() {
    use motive_lab::ui::views::file_window::{ExportKind, FileAction};
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("window.png");
    let mut h = app();
    h.state_mut()
        .send(Command::ShowFileWindow(FileAction::Export(ExportKind::WindowPng)));
    h.run();
    type_path(&mut h, &path);
    for _ in 0..6 {
        h.step();
    }
    h.run();
    let bytes = std::fs::read(&path).expect("exported");
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    h.get_by_label_contains("Exported");
    // The export window itself is not in the picture: it closed before the shot.
    assert!(h.query_by_label("Export the window as PNG").is_none());
}

#[test]
fn classroom_stepping_keeps_the_header_height() {
    let mut h = app();
    h.key_press(egui::Key::F11);
    h.run();
    let top = |h: &Harness<'_, MotiveApp>| h.get_by_label("Why did they attack?").rect().top();
    let first = top(&h);
    for _ in 0..7 {
        h.key_press(egui::Key::ArrowRight);
        h.run();
        assert!((top(&h) - first).abs() < 0.5, "{} moved to {}", first, top(&h));
    }
}

#[test]
fn the_assumptions_window_opens_inside_the_results_area() {
    let mut h = app();
    h.get_all_by_label("?").next().expect("a ? button").click();
    h.run();
    let title = h.get_by_label_contains("Assumptions: ISIS-linked attacks").rect();
    let heading = h.get_by_label("Why did they attack?").rect();
    let slider = h
        .get_by_role_and_label(Role::Slider, "1. They attack whatever we do")
        .rect();
    assert!(
        title.top() >= heading.top() - 4.0,
        "below the menu and header: {title:?}"
    );
    assert!(title.left() > slider.right(), "right of the settings panel: {title:?}");
}

#[test]
fn help_shows_the_shipped_documents_in_the_app() {
    let mut h = app();
    h.get_by_label("Help").click();
    h.run();
    h.get_by(|n| n.role() == Role::Button && n.label().as_deref() == Some("The file format and the mathematics"))
        .click();
    h.run();
    h.get_by_label("The mathematics");
    h.get_all_by_label_contains("EVPI = sum_h w_h max_p U_h(p) - max_p EU(p)")
        .next()
        .expect("the formulas are shown");
}

#[test]
fn snapshot_classroom_light_projector() {
    let mut h = app();
    h.key_press(egui::Key::F11);
    h.set_size(egui::vec2(1920.0, 1080.0));
    h.run();
    h.get_by(|n| n.role() == Role::Button && n.label().as_deref() == Some("Light projector palette"))
        .click_accesskit();
    h.run();
    assert_eq!(h.state().prefs.look, motive_lab::ui::theme::Look::Light);
    assert!(h.state().classroom);
    h.state_mut().views.results.tab = PlotTab::Matrix;
    h.run();
    h.snapshot("classroom_light_projector");
}

#[test]
fn classroom_steps_say_what_changed() {
    let mut h = app();
    h.key_press(egui::Key::F11);
    h.run();
    h.key_press(egui::Key::ArrowRight);
    h.run();
    h.key_press(egui::Key::ArrowRight);
    h.run();
    // From "Complete disengagement" to "2015 middle course": every lever that differs, in units.
    h.get_by_label("Changed from \"Complete disengagement\":");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let a = load_document(&root.join("presets/paris-2015/disengage.ron")).expect("loads");
    let b = load_document(&root.join("presets/paris-2015/middle-course.ron")).expect("loads");
    let s = &a.scenario;
    let mut lines = 0;
    for (i, l) in s.levers.iter().enumerate() {
        let (x, y) = (a.state.settings.levers[i], b.state.settings.levers[i]);
        if x != y {
            h.get_by_label(&format!("{}: {} to {} {}", l.name, number(x), number(y), l.unit));
            lines += 1;
        }
    }
    assert!(lines > 0);
    // A preset that weighs outcomes unequally says so, though classroom mode has no sliders
    // for the weights.
    for _ in 0..5 {
        h.key_press(egui::Key::ArrowRight);
        h.run();
    }
    assert_eq!(h.state().doc().state.name, "Safety at home above all");
    h.get_by_label("This preset weighs outcomes unequally:");
}

/// The app on the shipped scenario with no system file dialog, as on a desktop without a
/// dialog service.
fn app_without_a_system_dialog() -> Harness<'static, MotiveApp> {
    let doc = motive_lab::io::parse_document("paris-2015.ron", motive_lab::io::SHIPPED_SCENARIOS[0].text, None, 0)
        .expect("parses");
    let prefs = motive_lab::app::Prefs {
        system_dialog: false,
        ..motive_lab::app::Prefs::default()
    };
    let mut h = Harness::builder().with_size([1280.0, 800.0]).build_ui_state(
        |ui, app: &mut MotiveApp| app.frame_ui(ui),
        MotiveApp::with_document(
            &egui::Context::default(),
            doc,
            prefs,
            motive_lab::ui::views::results::ResultsView::default(),
        ),
    );
    // The uncertainty study starts at once and is waited for, so frames settle.
    h.state_mut().set_study_delay(std::time::Duration::ZERO);
    h.state_mut().wait_for_study();
    h.run();
    h
}

#[test]
fn the_prompt_saves_a_new_document_through_the_path_window_then_opens() {
    let mut h = app_without_a_system_dialog();
    h.get_by_role_and_label(Role::Slider, "Airstrike intensity (strikes/month)")
        .set_value_accesskit(350.0);
    h.run();
    assert_eq!(h.state().path(), None, "never saved");
    let other = Path::new(env!("CARGO_MANIFEST_DIR")).join("presets/paris-2015/fortress-at-home.ron");
    drop_file(&mut h, &other);
    h.get_by(|n| n.role() == Role::Button && n.label().as_deref() == Some("Save"))
        .click();
    h.run();
    // No path yet and no system dialog: the app's own save window asks where, and says what
    // follows.
    h.get_by_label("Save the preset as");
    h.get_by_label_contains("opening fortress-at-home.ron follows");
    assert_eq!(h.state().settings().levers[0], 350.0, "nothing opened yet");
    let dir = tempfile::tempdir().expect("tmp");
    let mine = dir.path().join("mine.ron");
    type_path(&mut h, &mine);
    h.run();
    let saved = load_document(&mine).expect("saved");
    assert_eq!(saved.state.settings.levers[0], 350.0);
    // Then the action the prompt held back went on.
    assert_eq!(h.state().path(), Some(other.as_path()));
    assert_eq!(h.state().doc().state.name, "Fortress at home");
}

#[test]
fn abandoning_the_save_window_drops_the_held_back_action() {
    let mut h = app_without_a_system_dialog();
    h.get_by_role_and_label(Role::Slider, "Airstrike intensity (strikes/month)")
        .set_value_accesskit(350.0);
    h.run();
    let other = Path::new(env!("CARGO_MANIFEST_DIR")).join("presets/paris-2015/fortress-at-home.ron");
    drop_file(&mut h, &other);
    h.get_by(|n| n.role() == Role::Button && n.label().as_deref() == Some("Save"))
        .click();
    h.run();
    h.get_by(|n| n.role() == Role::Button && n.label().as_deref() == Some("Cancel"))
        .click();
    h.run();
    assert!(h.query_by_label("Save the preset as").is_none());
    // A later save elsewhere does not open the other preset behind the user's back.
    let dir = tempfile::tempdir().expect("tmp");
    let later = dir.path().join("later.ron");
    h.state_mut().send(Command::SaveAs(later.clone()));
    h.run();
    assert_eq!(h.state().path(), Some(later.as_path()));
    assert_eq!(h.state().settings().levers[0], 350.0);
}

#[test]
fn save_as_without_a_system_dialog_opens_the_path_window() {
    let mut h = app_without_a_system_dialog();
    h.key_press_modifiers(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, egui::Key::S);
    h.run();
    h.get_by_label("Save the preset as");
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("typed.ron");
    type_path(&mut h, &path);
    assert!(load_document(&path).is_ok());
    assert_eq!(h.state().path(), Some(path.as_path()));
}

#[test]
fn help_explains_the_numbers_on_the_current_numbers() {
    let mut h = app();
    h.get_by_label("Help").click();
    h.run();
    h.get_by(|n| n.role() == Role::Button && n.label().as_deref() == Some("What the numbers mean"))
        .click();
    h.run();
    let r = core_report(&h);
    let u = r.units.as_ref().expect("units");
    for term in [
        "Expected utility",
        "Regret",
        "Minimax regret",
        "Flip point",
        "Exchange rate",
        "Mechanism",
        "Horizon weight",
    ] {
        h.get_by_label(term);
    }
    h.get_by_label(&format!(
        "Now: {:.3} for the current settings.",
        r.evaluation.expected_utility
    ));
    h.get_by_label(&format!(
        "Now: {:.4} = {} attacks a year.",
        r.analysis.evpi,
        motive_lab::format::number(r.analysis.evpi * u.per_utility)
    ));
    h.get_by_label("Now: Near term (year 1) counts 1.00, Long term (years 2-5) counts 4.00.");
}

fn tab(h: &mut Harness<'_, MotiveApp>, label: &str) {
    h.get_by(|n| n.role() == Role::Button && n.label().as_deref() == Some(label))
        .click();
    h.run();
}

#[test]
fn the_uncertainty_tab_shows_the_study_and_adopts_the_best_settings_found() {
    use motive_lab::model::uncertainty::{BEST_FOUND_ID, search};
    let mut h = app();
    // With the study in, the verdict says how often the best named policy stays best.
    let p = {
        let app = h.state();
        let st = app
            .derived
            .fresh_study(app.settings())
            .expect("a study of the defaults");
        st.mc.policies[core_report(&h).analysis.best]
            .p_best_named
            .expect("a named policy")
    };
    let best = core_report(&h).candidates[core_report(&h).analysis.best].name.clone();
    h.get_by_label_contains(&format!(
        "Over 10,000 samples of the effects' ranges and the answers to the questions, {best} is the best named policy in {}",
        motive_lab::format::percent(p)
    ));
    tab(&mut h, "Uncertainty");
    assert_eq!(h.state().views.results.tab, PlotTab::Uncertainty);
    h.get_by_label_contains("In each of 10,000 samples the effects take a value in their ranges");
    for section in ["Spread of utility", "Worth learning", "Tornado", "Chance best"] {
        tab(&mut h, section);
    }
    // The settings found, computed independently of the app, are adopted by the first button.
    let app = h.state();
    let found = search(&app.doc().scenario, app.derived.model(), app.settings());
    let best = found
        .iter()
        .find(|f| f.candidate.id == BEST_FOUND_ID)
        .expect("found")
        .candidate
        .levers
        .clone();
    assert_ne!(h.state().settings().levers, best);
    h.get_by_label("Adopt best found").click();
    // A spinner turns while the new settings' study runs: step, do not wait to settle.
    h.run_steps(2);
    assert_eq!(h.state().settings().levers, best);
    // The new settings get a study of their own, and the spinner stops.
    h.state_mut().wait_for_study();
    h.run();
    assert!(h.query_by_label_contains("updating for the new settings").is_none());
}

#[test]
fn the_belief_panel_says_what_to_believe_and_sets_those_credences() {
    use motive_lab::model::uncertainty::{believe_by_question, describe};
    let mut h = app();
    // At the default values one policy is best under every answer, so no belief changes the
    // choice; valuing attacks and deaths in the West only, the invasion is best if theory 2 is.
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("presets/paris-2015/values-attacks-and-deaths-only.ron");
    drop_file(&mut h, &path);
    h.state_mut().wait_for_samples();
    h.state_mut().wait_for_study();
    h.run();
    tab(&mut h, "Decision matrix");
    let app = h.state();
    let (s, model) = (&app.doc().scenario, app.derived.model());
    let invasion = s
        .policies
        .iter()
        .position(|p| p.id == "article5_invasion")
        .expect("policy");
    // The core's answer: the LP over the named policies, one question's credences at a time.
    let r = core_report(&h);
    let levers: Vec<&[f64]> = r.candidates.iter().map(|c| c.levers.as_slice()).collect();
    let b = believe_by_question(model, &r.analysis, &levers, invasion, s.policies.len())
        .expect("some belief makes the invasion best");
    let words = describe(s, model, &b, &r.analysis.leaf_weights);
    assert!(
        words.starts_with("move ") && words.contains("points of credence to 2."),
        "{words}"
    );
    h.get_by_role_and_label(Role::ComboBox, "to be best?");
    // The policy's row in the matrix has the same name as the combo's entry: pick it directly.
    h.state_mut().views.results.matrix.believe = invasion;
    h.run();
    h.get_by_label_contains(&words);
    h.get_by_label("Set these credences").click();
    h.run_steps(2);
    let after = core_report(&h);
    for (x, y) in after.analysis.leaf_weights.iter().zip(&b.weights) {
        assert!(
            (x - y).abs() < 1e-9,
            "{:?} vs {:?}",
            after.analysis.leaf_weights,
            b.weights
        );
    }
    let best = &after.candidates[after.analysis.best];
    assert_eq!(best.id, "article5_invasion");
}

#[test]
fn evidence_moves_the_credences_and_the_timeline_steps_in_classroom_mode() {
    use motive_lab::model::evidence::{EvidenceModel, Observation, known_by};
    // Tall enough that every item's row is drawn (the matrix draws only the rows in view).
    let mut h = app_at(1280.0, 2400.0);
    tab(&mut h, "Evidence");
    assert_eq!(h.state().views.results.tab, PlotTab::Evidence);
    h.get_by_label("from the evidence").click();
    h.run_steps(2);
    assert!(h.state().settings().prior.is_some());
    // Observe the Nemmouche item by its "true" toggle.
    h.get_by(|n| n.role() == Role::RadioButton && n.label().as_deref() == Some("nemmouche: true"))
        .click();
    h.run_steps(2);
    let app = h.state();
    let s = app.doc().scenario.clone();
    let nem = s.evidence.iter().position(|e| e.id == "nemmouche").expect("item");
    assert_eq!(app.settings().observed[nem], Observation::True);
    // The credences are the posterior, computed here independently.
    let model = app.derived.model();
    let prior = model
        .leaf_weights(app.settings().prior.as_ref().expect("prior"))
        .expect("weights");
    let mut states = vec![Observation::Open; s.evidence.len()];
    states[nem] = Observation::True;
    let post = EvidenceModel::new(&s, model)
        .posterior(&s, &prior, &states)
        .expect("possible");
    let now = model.leaf_weights(&app.settings().credences).expect("weights");
    for (a, b) in now.iter().zip(&post) {
        assert!((a - b).abs() < 1e-12);
    }
    // The credence panel shows theory 1's posterior (its joint leaves added) beside its prior
    // slider.
    let h1 = s.hypothesis_index("h1").expect("h1");
    let theory_1: f64 = (0..model.n_leaves())
        .filter(|&l| model.leaf_has(l, h1))
        .map(|l| post[l])
        .sum();
    h.get_by_label(&format!("now {}", motive_lab::format::percent(theory_1)));
    // In classroom mode Down steps to the next date: what was known by then.
    h.state_mut().send(Command::ToggleClassroom);
    h.run_steps(2);
    h.key_press(egui::Key::ArrowDown);
    h.run_steps(2);
    // The next date with an item: al-Adnani's speech of 21 September 2014.
    let next = known_by(&s, "2014-09-21");
    assert_eq!(h.state().settings().observed, next);
    h.key_press(egui::Key::ArrowUp);
    h.run_steps(2);
    assert_eq!(h.state().settings().observed, known_by(&s, "2014-05-24"));
    // Undo goes back through the steps.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(2);
    assert_eq!(h.state().settings().observed, next);
}

#[test]
fn unsaved_work_is_autosaved_recovered_after_a_crash_and_can_be_discarded() {
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("recovery.ron");
    let new_app = || autosaving_app(dir.path());
    let mut h = running(new_app());
    assert!(!file.exists(), "nothing unsaved, nothing written");
    h.state_mut()
        .send(Command::Edit(motive_lab::model::document::Edit::Lever(0, 1450.0)));
    h.run_steps(2);
    assert!(!file.exists(), "written only after the change has stood a moment");
    std::thread::sleep(motive_lab::app::AUTOSAVE_AFTER + std::time::Duration::from_millis(100));
    h.run_steps(2);
    assert!(file.exists(), "written within seconds of the change");
    // A crash: the app is gone without its clean exit. The next one recovers the work.
    drop(h);
    let mut app = new_app();
    app.recover();
    assert_eq!(app.settings().levers[0], 1450.0);
    assert!(app.dirty(), "recovered work is still unsaved");
    let mut h = running(app);
    h.get_by_label_contains("Recovered unsaved changes from");
    // One click goes back to the document as the app last closed, and the file goes.
    h.get_by_label("Discard recovery").click();
    h.run_steps(2);
    assert_eq!(h.state().settings().levers[0], 600.0);
    assert!(!file.exists());
    // A clean exit leaves no recovery file either.
    h.state_mut()
        .send(Command::Edit(motive_lab::model::document::Edit::Lever(0, 900.0)));
    h.run_steps(2);
    std::thread::sleep(motive_lab::app::AUTOSAVE_AFTER + std::time::Duration::from_millis(100));
    h.run_steps(2);
    assert!(file.exists());
    eframe::App::on_exit(h.state_mut(), None);
    assert!(!file.exists());
}

/// Ctrl+S leaves `theirs` in `path` and asks whether to replace it; the work stays unsaved.
fn save_asks_and_leaves(h: &mut Harness<'_, MotiveApp>, path: &Path, theirs: &str) {
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run();
    assert_eq!(std::fs::read_to_string(path).expect("read"), theirs, "not written over");
    h.get_by_label_contains("Replace what it holds now with this document?");
    assert!(h.state().dirty());
}

#[test]
fn a_file_changed_while_the_app_was_down_is_not_written_over_after_recovery_or_a_restart() {
    let dir = tempfile::tempdir().expect("dir");
    let data = dir.path().join("data");
    let path = dir.path().join("mine.ron");
    let mut h = running(autosaving_app(&data));
    let ctx = h.ctx.clone();
    h.state_mut().apply(&ctx, Command::SaveAs(path.clone()));
    h.run();
    h.state_mut()
        .send(Command::Edit(motive_lab::model::document::Edit::Lever(0, 1450.0)));
    h.run_steps(2);
    std::thread::sleep(motive_lab::app::AUTOSAVE_AFTER + std::time::Duration::from_millis(100));
    h.run_steps(2);
    assert!(data.join(motive_lab::app::RECOVERY_FILE).exists(), "autosaved");
    // A crash; while the app is down another program writes the file.
    drop(h);
    let theirs = std::fs::read_to_string(&path)
        .expect("saved")
        .replacen("name: \"", "name: \"Their version of ", 1);
    assert!(theirs.contains("Their version"), "{theirs}");
    std::fs::write(&path, &theirs).expect("write");
    let mut recovered = autosaving_app(&data);
    recovered.recover();
    assert_eq!(recovered.path(), Some(path.as_path()));
    assert_eq!(recovered.settings().levers[0], 1450.0);
    let mut h = running(recovered);
    h.get_by_label_contains("Recovered unsaved changes from");
    h.get_by_label_contains("changed on disk since Motive Lab last opened or saved it; Save will ask");
    save_asks_and_leaves(&mut h, &path, &theirs);

    // The same after a clean exit and a restart: what the app keeps between runs remembers the
    // file as it last saw it.
    let saved_here = dir.path().join("kept.ron");
    let mut h = app();
    let ctx = h.ctx.clone();
    h.state_mut().apply(&ctx, Command::SaveAs(saved_here.clone()));
    h.run();
    let seen = motive_lab::io::fingerprint(&saved_here);
    assert!(seen.is_some());
    let doc = load_document(&saved_here).expect("saved");
    let persisted = |fingerprint| motive_lab::app::Persisted {
        last_document: Some(motive_lab::io::preset_text(&doc).expect("text")),
        last_path: Some(saved_here.clone()),
        last_fingerprint: fingerprint,
        ..Default::default()
    };
    // Unchanged: no notice, and Save writes without asking.
    let mut h = restored(persisted(seen));
    assert!(h.query_by_label_contains("changed on disk since").is_none());
    assert!(!h.state().dirty());
    h.state_mut()
        .send(Command::Edit(motive_lab::model::document::Edit::Lever(0, 700.0)));
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run();
    assert_eq!(
        load_document(&saved_here).expect("saved").state.settings.levers[0],
        700.0
    );
    // Changed while the app was closed: said at start, and Save asks.
    let seen = motive_lab::io::fingerprint(&saved_here);
    let theirs = std::fs::read_to_string(&saved_here)
        .expect("read")
        .replace("700", "725");
    std::fs::write(&saved_here, &theirs).expect("write");
    let mut h = restored(persisted(seen));
    h.get_by_label_contains("changed on disk since Motive Lab last opened or saved it");
    save_asks_and_leaves(&mut h, &saved_here, &theirs);
}

#[test]
fn undoing_an_open_brings_back_the_first_file_and_save_writes_it_without_asking() {
    let mut h = app();
    let dir = tempfile::tempdir().expect("tmp");
    let (first, second) = (dir.path().join("first.ron"), dir.path().join("second.ron"));
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("presets/paris-2015/disengage.ron"),
        &second,
    )
    .expect("copy");
    let ctx = h.ctx.clone();
    h.state_mut().apply(&ctx, Command::SaveAs(first.clone()));
    h.run();
    h.state_mut().apply(&ctx, Command::Open(second.clone()));
    h.run();
    assert_eq!(h.state().path(), Some(second.as_path()));
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(
        h.state().path(),
        Some(first.as_path()),
        "undo returns to the first file"
    );
    h.get_by_role_and_label(Role::Slider, "Airstrike intensity (strikes/month)")
        .set_value_accesskit(900.0);
    h.run();
    // The first file is as this app saved it: Save writes it, without a changed-on-disk question.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run();
    assert!(h.query_by_label_contains("Not saved: ").is_none());
    assert_eq!(load_document(&first).expect("saved").state.settings.levers[0], 900.0);
    assert!(!h.state().dirty());
}

#[test]
fn saving_over_a_file_changed_on_disk_asks_and_keeps_both_until_told() {
    let mut h = app();
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("shared.ron");
    let ctx = h.ctx.clone();
    h.state_mut().apply(&ctx, Command::SaveAs(path.clone()));
    h.run();
    h.get_by_role_and_label(Role::Slider, "Airstrike intensity (strikes/month)")
        .set_value_accesskit(900.0);
    h.run();
    // Another program (or another copy of the app) writes the file meanwhile.
    let theirs = std::fs::read_to_string(&path)
        .expect("saved")
        .replace("name: \"Scenario defaults\"", "name: \"Their version\"");
    assert!(theirs.contains("Their version"), "{theirs}");
    std::fs::write(&path, &theirs).expect("write");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run();
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        theirs,
        "not written over"
    );
    assert!(h.state().dirty(), "still unsaved");
    // The banner says so, and the path window asks.
    h.get_by_label_contains("Not saved: ");
    h.get_by_label_contains("Replace what it holds now with this document?");
    // Cancel keeps both as they are.
    h.get_by(|n| n.role() == Role::Button && n.label().as_deref() == Some("Cancel"))
        .click();
    h.run();
    assert_eq!(std::fs::read_to_string(&path).expect("read"), theirs);
    assert!(h.state().dirty());
    // Asked again, Replace writes this document over theirs.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run();
    h.get_by(|n| n.role() == Role::Button && n.label().as_deref() == Some("Replace"))
        .click();
    h.run();
    let saved = load_document(&path).expect("saved");
    assert_eq!(saved.state.settings.levers[0], 900.0);
    assert!(!h.state().dirty());
    // A file deleted since is simply written again; one unchanged is saved without asking.
    h.get_by_role_and_label(Role::Slider, "Airstrike intensity (strikes/month)")
        .set_value_accesskit(950.0);
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run();
    assert_eq!(load_document(&path).expect("saved").state.settings.levers[0], 950.0);
    std::fs::remove_file(&path).expect("rm");
    h.get_by_role_and_label(Role::Slider, "Airstrike intensity (strikes/month)")
        .set_value_accesskit(1000.0);
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run();
    assert_eq!(load_document(&path).expect("saved").state.settings.levers[0], 1000.0);
    assert!(!h.state().dirty());
}

/// Whether a file can be created in `dir` (root writes into a read-only folder anyway).
fn can_create_in(dir: &Path) -> bool {
    let probe = dir.join(".motive-lab-probe");
    let ok = std::fs::File::create(&probe).is_ok();
    let _ = std::fs::remove_file(&probe);
    ok
}

#[test]
fn a_save_that_cannot_be_written_says_why_and_keeps_the_work_unsaved() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tmp");
    let not_a_folder = dir.path().join("notes.txt");
    std::fs::write(&not_a_folder, "a file, not a folder").expect("write");
    let read_only = dir.path().join("read-only");
    std::fs::create_dir(&read_only).expect("mkdir");
    std::fs::set_permissions(&read_only, std::fs::Permissions::from_mode(0o555)).expect("chmod");
    let mut targets = vec![not_a_folder.join("preset.ron")];
    for d in [read_only.as_path(), Path::new("/proc")] {
        if d.is_dir() && !can_create_in(d) {
            targets.push(d.join("preset.ron"));
        }
    }
    // A full disk: a tiny memory file system, filled up (where this process may mount one).
    let full = dir.path().join("full");
    std::fs::create_dir(&full).expect("mkdir");
    let mounted = std::process::Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=8k", "tmpfs"])
        .arg(&full)
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if mounted {
        let _ = std::fs::write(full.join("filler"), vec![0u8; 64 * 1024]);
        targets.push(full.join("preset.ron"));
    }
    eprintln!("unwritable save targets tried: {targets:?}");
    let mut h = app();
    let ctx = h.ctx.clone();
    h.get_by_role_and_label(Role::Slider, "Airstrike intensity (strikes/month)")
        .set_value_accesskit(900.0);
    h.run();
    let before = h.state().doc().state.clone();
    for target in &targets {
        h.state_mut().apply(&ctx, Command::SaveAs(target.clone()));
        h.run();
        h.get_by_label_contains("Could not save; the file on disk is unchanged and your work stays here, unsaved");
        h.get_by_label_contains(&target.display().to_string());
        assert!(h.state().dirty(), "{target:?}");
        assert_eq!(h.state().path(), None, "{target:?}");
        assert_eq!(h.state().doc().state, before, "{target:?}");
        assert!(!target.exists());
    }
    // No temporary file is left behind where one was begun.
    if mounted {
        let left: Vec<_> = std::fs::read_dir(&full)
            .expect("ls")
            .map(|e| e.expect("entry").file_name())
            .collect();
        let _ = std::process::Command::new("umount").arg(&full).status();
        assert_eq!(left, ["filler"], "{left:?}");
    }
    std::fs::set_permissions(&read_only, std::fs::Permissions::from_mode(0o755)).expect("chmod");
}

#[test]
fn an_idle_frame_on_every_tab_does_no_model_work() {
    use motive_lab::analysis::Derived;
    let mut h = app();
    // With credences from the evidence, so the evidence numbers are in play too.
    h.state_mut()
        .send(Command::Edit(motive_lab::model::document::Edit::KnownBy(
            "2015-11-20".into(),
        )));
    h.run();
    for classroom in [false, true] {
        h.state_mut().classroom = classroom;
        for tab in [
            PlotTab::Pareto,
            PlotTab::LeverSweep,
            PlotTab::Matrix,
            PlotTab::CredenceSweep,
            PlotTab::Gap,
            PlotTab::Uncertainty,
            PlotTab::Evidence,
        ] {
            h.state_mut().views.results.tab = tab;
            h.run();
            h.state_mut().wait_for_jobs();
            h.state_mut().wait_for_study();
            h.run();
            let before = Derived::work();
            h.step();
            h.step();
            assert_eq!(
                Derived::work(),
                before,
                "an idle frame on {tab:?} (classroom {classroom}) did model work"
            );
        }
    }
    // The counter does count: an edit is evaluated.
    let before = Derived::work();
    h.state_mut()
        .send(Command::Edit(motive_lab::model::document::Edit::Lever(0, 300.0)));
    h.run();
    assert!(Derived::work().reports > before.reports);
}
