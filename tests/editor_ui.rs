//! The scenario editor in the real app: a case built from File > New scenario (a second
//! question, a lever's range, a curve of points dragged on its plot, an evidence item rated in
//! the grid), the results following each version that checks and marked while the draft does
//! not, undo, the file saved and checked by `motive-lab check` and evaluated against numbers
//! worked by hand; and a locked case that asks before unlocking a copy.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test stops at the first surprise"
)]

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use motive_lab::app::MotiveApp;
use motive_lab::model::evaluate::Model;
use motive_lab::model::scenario::{Curve, Scenario};
use motive_lab::ui::ctx::Command;

mod common;
use common::{app_at, autosaving_app, running};
mod support;

fn scenario(h: &Harness<'_, MotiveApp>) -> Scenario {
    h.state().editing().expect("editor open").draft.scenario().clone()
}

/// Every outcome value under every leaf of `s` at these lever values.
fn values(s: &Scenario, levers: &[f64]) -> Vec<f64> {
    let m = Model::new(s).expect("compiles");
    let mut out = vec![0.0; m.n_leaves() * m.cells()];
    m.evaluate_into(levers, &mut out);
    out
}

fn click(h: &mut Harness<'_, MotiveApp>, label: &str) {
    h.get_by_label(label).click();
    settle(h);
}

/// Run until the frames settle (a row scrolled into view takes a few).
fn settle(h: &mut Harness<'_, MotiveApp>) {
    h.run_steps(4);
    h.run();
}

/// Drag with the mouse from the middle of the node labelled `starts` by `by` points.
fn drag(h: &mut Harness<'_, MotiveApp>, starts: &str, by: egui::Vec2) {
    let rect = h.get_by(|n| n.label().is_some_and(|l| l.starts_with(starts))).rect();
    let from = rect.center();
    let to = from + by;
    let button = |pressed| egui::Event::PointerButton {
        pos: if pressed { from } else { to },
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: egui::Modifiers::NONE,
    };
    h.input_mut().events.push(egui::Event::PointerMoved(from));
    h.step();
    h.input_mut().events.push(button(true));
    h.step();
    for k in 1..=4 {
        h.input_mut()
            .events
            .push(egui::Event::PointerMoved(from + by * (k as f32 / 4.0)));
        h.step();
    }
    h.input_mut().events.push(button(false));
    settle(h);
}

/// Click evidence item 1's rating cell under each motive so many times (CC, C, N, I, II in turn).
fn rate(h: &mut Harness<'_, MotiveApp>, clicks: &[(&str, usize)]) {
    for (motive, times) in clicks {
        for _ in 0..*times {
            h.get_by(|n| {
                n.role() == Role::Button
                    && n.label()
                        .is_some_and(|l| l.starts_with(&format!("Evidence 1 under {motive}:")))
            })
            .click();
            h.run();
        }
    }
}

#[test]
fn a_case_built_in_the_editor_saves_checks_and_evaluates_as_worked_by_hand() {
    let mut h = app_at(1280.0, 800.0);
    click(&mut h, "File");
    click(&mut h, "New scenario");
    h.get_by_label("Scenario editor");
    let s = scenario(&h);
    assert_eq!((s.hypotheses.len(), s.levers.len(), s.outcomes.len()), (3, 2, 2));
    // The app shows the new scenario.
    assert_eq!(h.state().doc().scenario.id, "my-case");

    // A second question: how it was organised, with its two answers.
    click(&mut h, "Add question (with two answers)");
    let s = scenario(&h);
    assert_eq!(s.questions.len(), 2);
    assert_eq!(s.hypotheses.len(), 5);
    h.get_by_label("Question 2: name").focus();
    h.run();
    h.get_by_label("Question 2: name").type_text(" (how)");
    h.run();
    assert_eq!(scenario(&h).questions[1].name, "Question 2 (how)");
    // Two questions' leaves in the results: 3 motives x 2 answers.
    assert_eq!(h.state().derived.model().n_leaves(), 6);

    // The first lever's range: 0 to 50.
    click(&mut h, "Edit levers");
    h.get_by_label("Lever 1: max").set_value_accesskit(50.0);
    h.run();
    assert_eq!(scenario(&h).levers[0].max, 50.0);
    // The "full effort" policy now sets it past its range: one problem, a click away.
    let problems = h.state().editing().expect("open").draft.problems().to_vec();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].path.starts_with("policies[1]"), "{problems:?}");
    h.get_by_label_contains("Results of the last version of the scenario that checked");
    h.get_by(|n| n.role() == Role::Link && n.label().is_some_and(|l| l.starts_with("Policy 2 (full)")))
        .click();
    settle(&mut h);
    h.get_by_label("Policy 2: Lever 1").set_value_accesskit(50.0);
    h.run();
    assert!(h.state().editing().expect("open").draft.problems().is_empty());
    assert_eq!(h.state().doc().scenario.levers[0].max, 50.0);

    // The first effect on attacks (lever 1 under motive 1, slope -0.05) as points, the middle
    // one dragged down.
    click(&mut h, "Edit effects");
    click(&mut h, "Effect 1: use points");
    assert_eq!(
        scenario(&h).effects[0].curve,
        Curve::Points(vec![(0.0, 0.0), (25.0, -1.25), (50.0, -2.5)])
    );
    drag(&mut h, "Effect 1: point 2 (", egui::vec2(0.0, 30.0));
    let Curve::Points(points) = scenario(&h).effects[0].curve.clone() else {
        panic!("points")
    };
    let (x, y) = points[1];
    assert!(y < -1.25, "dragged down: {points:?}");
    assert_eq!((points[0], points[2]), ((0.0, 0.0), (50.0, -2.5)));
    // The dragged point, read back from the results: attacks under motive 1 at lever 1 = x is
    // the baseline 10 plus the point's height (lever 2 at 0 adds nothing).
    assert!(
        h.state().editing().expect("open").draft.problems().is_empty(),
        "{:?}",
        h.state().editing().expect("open").draft.problems()
    );
    let shown = values(&h.state().doc().scenario, &[x, 0.0]);
    assert!((shown[0] - (10.0 + y)).abs() < 1e-12, "{shown:?} {points:?}");
    // Undo puts the point back; redo drags it again.
    click(&mut h, "Undo");
    assert_eq!(
        scenario(&h).effects[0].curve,
        Curve::Points(vec![(0.0, 0.0), (25.0, -1.25), (50.0, -2.5)])
    );
    click(&mut h, "Redo");
    assert_eq!(scenario(&h).effects[0].curve, Curve::Points(points.clone()));
    // Dragged far past the plot's bottom: the point stops at the edge of the scale the drag
    // began with (2.5 below 0 and 15% more), and it is a step of its own.
    drag(&mut h, "Effect 1: point 2 (", egui::vec2(0.0, 600.0));
    let Curve::Points(far) = scenario(&h).effects[0].curve.clone() else {
        panic!("points")
    };
    assert!(far[1].1 >= -2.5 - 0.15 * 2.5 - 1e-9 && far[1].1 < y, "{far:?}");
    click(&mut h, "Undo");
    assert_eq!(scenario(&h).effects[0].curve, Curve::Points(points.clone()));

    // An evidence item: until it is rated it does not check, and the results say they show
    // the last version that did.
    click(&mut h, "Edit evidence");
    click(&mut h, "Add evidence item");
    assert_eq!(h.state().editing().expect("open").draft.problems().len(), 1);
    h.get_by_label_contains("Results of the last version of the scenario that checked");
    let shown_before = h.state().doc().scenario.clone();
    assert!(shown_before.evidence.is_empty());
    // Rated in the grid: motive 1 very consistent (one click), 2 consistent (two), 3
    // inconsistent (four).
    rate(&mut h, &[("Motive 1", 1), ("Motive 2", 2), ("Motive 3", 4)]);
    let s = scenario(&h);
    let ratings: Vec<f64> = ["m1", "m2", "m3"]
        .iter()
        .map(|m| s.evidence[0].ratings[*m].likelihood())
        .collect();
    assert_eq!(ratings, vec![0.9, 0.7, 0.3]);
    assert!(h.state().editing().expect("open").draft.problems().is_empty());
    assert_eq!(h.state().doc().scenario.evidence.len(), 1);

    // Saved, checked by the command line, and evaluated by hand.
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("my-case.ron");
    h.get_by_label("Save to").focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    h.get_by_label("Save to").type_text(&path.display().to_string());
    h.run();
    // Ctrl+S saves the scenario, to the path typed, while the editor is open.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    settle(&mut h);
    let text = std::fs::read_to_string(&path).expect("saved");
    assert!(!h.state().editing().expect("open").draft.unsaved());
    h.get_by_label_contains("Saved the scenario to");
    let check = support::run(&["check", &path.display().to_string()]);
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stderr));
    let saved: Scenario = motive_lab::io::parse_scenario("my-case.ron", &text).expect("parses");
    assert_eq!(saved, scenario(&h));
    // Written in the canonical layout: `fmt` leaves it as it is.
    assert_eq!(motive_lab::io::scenario_text(&saved).expect("writes"), text);
    // Leaves in order (motive, answer): attacks is outcome 0, cost outcome 1, one horizon.
    // At lever 1 = 25 and lever 2 = 10 under motive 2: 10 + 0.03 x 25 (lever 1 adds) - 0.05 x
    // 10 (lever 2 cuts) = 10.25; the cost is 0.1 x 25 + 0.1 x 10 = 3.5 under every leaf.
    let v = values(&saved, &[25.0, 10.0]);
    let cells = 2;
    let leaf = 2; // motive 2, first answer
    assert!((v[leaf * cells] - 10.25).abs() < 1e-12, "{v:?}");
    assert!((v[leaf * cells + 1] - 3.5).abs() < 1e-12, "{v:?}");
    // Under motive 1 at lever 1 = x: 10 plus the dragged point.
    let v = values(&saved, &[x, 0.0]);
    assert!((v[0] - (10.0 + y)).abs() < 1e-12, "{v:?}");
}

#[test]
fn a_locked_case_opens_for_exploring_and_the_editor_asks_before_unlocking_a_copy() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("locked.ron");
    let text = motive_lab::io::scenario_template(2, 1, 1).replacen("summary:", "locked: true, summary:", 1);
    std::fs::write(&path, text).expect("write");
    let mut h = app_at(1280.0, 800.0);
    let ctx = h.ctx.clone();
    h.state_mut().apply(&ctx, Command::Open(path.clone()));
    h.run();
    assert!(h.state().doc().scenario.locked);
    h.state_mut().apply(&ctx, Command::OpenEditor);
    h.run();
    h.get_by_label_contains("This case is locked");
    // Nothing is edited until a copy is unlocked.
    h.state_mut().apply(
        &ctx,
        Command::EditScenario(motive_lab::model::draft::ScenarioEdit::Title("changed".into())),
    );
    h.run();
    assert_ne!(scenario(&h).title, "changed");
    // Classroom mode shows the case, not its making; the editor is back after it.
    h.state_mut().apply(&ctx, Command::ToggleClassroom);
    h.run();
    assert!(h.query_by_label("Scenario editor").is_none());
    h.state_mut().apply(&ctx, Command::ToggleClassroom);
    h.run();
    h.get_by_label("Scenario editor");
    click(&mut h, "Unlock a copy");
    let s = scenario(&h);
    assert!(!s.locked);
    assert_eq!(s.id, "my-case-copy");
    assert_eq!(h.state().doc().scenario.id, "my-case-copy");
    h.get_by_label("Scenario title");
}

#[test]
fn a_likelihood_dragged_on_its_bar_is_shown_and_is_one_undo_step() {
    let mut h = app_at(1280.0, 800.0);
    let ctx = h.ctx.clone();
    h.state_mut().apply(&ctx, Command::OpenEditor);
    h.run();
    click(&mut h, "Edit evidence");
    let s = scenario(&h);
    let item = &s.evidence[0];
    let hyp = &s.hypotheses[0];
    let before = item.likelihoods[&hyp.id];
    let name = format!("{} under {}", item.name, hyp.name);
    // From the bar's left end to four fifths of its width.
    // The bar, not the typed number beside it.
    let rect = h
        .get_by(|n| {
            n.label()
                .is_some_and(|l| l.starts_with(&name) && !l.ends_with(": typed"))
        })
        .rect();
    let start = egui::pos2(rect.left() + 1.0, rect.center().y);
    let by = egui::vec2(rect.width() * 0.8 - 1.0, 0.0);
    h.input_mut().events.push(egui::Event::PointerMoved(start));
    h.step();
    h.input_mut().events.push(egui::Event::PointerButton {
        pos: start,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: egui::Modifiers::NONE,
    });
    h.step();
    for k in 1..=4 {
        h.input_mut()
            .events
            .push(egui::Event::PointerMoved(start + by * (k as f32 / 4.0)));
        h.step();
    }
    h.input_mut().events.push(egui::Event::PointerButton {
        pos: start + by,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: egui::Modifiers::NONE,
    });
    settle(&mut h);
    let after = scenario(&h).evidence[0].likelihoods[&hyp.id];
    assert!((after - 0.8).abs() <= 0.03, "{before} -> {after}");
    // The results follow: the shown scenario has it.
    assert_eq!(h.state().doc().scenario.evidence[0].likelihoods[&hyp.id], after);
    // One drag, one undo step.
    h.state_mut().apply(&ctx, Command::Undo);
    h.run();
    assert_eq!(scenario(&h).evidence[0].likelihoods[&hyp.id], before);
}

/// A button, by its whole label (menus show the same names as other widgets).
fn click_button(h: &mut Harness<'_, MotiveApp>, label: &str) {
    h.get_by(|n| n.role() == Role::Button && n.label().as_deref() == Some(label))
        .click();
    settle(h);
}

/// Scroll the widget labelled `label` into view, then click it.
fn click_far(h: &mut Harness<'_, MotiveApp>, label: &str) {
    h.get_by_label(label).scroll_to_me();
    settle(h);
    click(h, label);
}

#[test]
fn a_factor_a_shared_parameter_and_a_fact_are_made_in_the_editor() {
    let mut h = app_at(1280.0, 800.0);
    click(&mut h, "File");
    click(&mut h, "New scenario");
    click(&mut h, "Edit effects");
    // Effect 1 (lever 1 under motive 1, slope -0.05 on attacks) scaled by lever 2: a factor of
    // 1 across lever 2's range to begin with (lever 1 itself is not offered).
    click(&mut h, "Effect 1: add a factor");
    assert!(
        h.query_by(|n| n.role() == Role::Button && n.label().as_deref() == Some("Lever 1"))
            .is_none()
    );
    click_button(&mut h, "Lever 2");
    let w = scenario(&h).effects[0].with.clone().expect("a factor");
    assert_eq!(w.factor, Curve::Points(vec![(0.0, 1.0), (100.0, 1.0)]));
    assert_eq!(values(&h.state().doc().scenario, &[40.0, 50.0])[0], 8.0);
    // Its right end dragged up: the effect grows with lever 2.
    drag(&mut h, "Effect 1: factor: point 2 (", egui::vec2(0.0, -40.0));
    let w = scenario(&h).effects[0].with.clone().expect("a factor");
    let Curve::Points(p) = w.factor else { panic!("points") };
    assert!(p[1].1 > 1.0, "{p:?}");
    let factor = p[0].1 + (p[1].1 - p[0].1) * (50.0 - p[0].0) / (p[1].0 - p[0].0);
    let shown = values(&h.state().doc().scenario, &[40.0, 50.0]);
    assert!(
        (shown[0] - (10.0 - 0.05 * 40.0 * factor)).abs() < 1e-12,
        "{shown:?} {p:?}"
    );

    // Effect 1's uncertainty shared under a new parameter, then effect 2's.
    click(&mut h, "Effect 1: new shared parameter");
    let s = scenario(&h);
    assert_eq!(s.parameters.len(), 1);
    let id = s.parameters[0].id.clone();
    assert_eq!(s.effects[0].parameter.as_deref(), Some(id.as_str()));
    click(&mut h, "Effect 2: shared parameter");
    click_button(&mut h, "shared: Shared uncertainty 1");
    assert_eq!(scenario(&h).effects[1].parameter.as_deref(), Some(id.as_str()));
    // Named under Sources, where it says who shares it.
    click(&mut h, "Edit sources");
    h.get_by_label("Shared parameter 1: name").focus();
    h.run();
    h.get_by_label("Shared parameter 1: name").type_text(" (resolve)");
    h.run();
    assert_eq!(scenario(&h).parameters[0].name, "Shared uncertainty 1 (resolve)");
    assert!(h.state().editing().expect("open").draft.problems().is_empty());
    assert_eq!(h.state().doc().scenario.parameters.len(), 1);

    // An evidence item rated, then made a fact; let go again, its ratings are its own.
    click(&mut h, "Edit evidence");
    click(&mut h, "Add evidence item");
    rate(&mut h, &[("Motive 1", 1), ("Motive 2", 1), ("Motive 3", 1)]);
    let rated = scenario(&h).evidence[0].ratings.clone();
    assert_eq!(rated.len(), 3);
    click_far(&mut h, "Evidence 1: new fact");
    let s = scenario(&h);
    assert_eq!(s.facts.len(), 1);
    assert_eq!(s.facts[0].ratings, rated);
    assert_eq!(s.evidence[0].fact.as_deref(), Some(s.facts[0].id.as_str()));
    assert!(h.state().editing().expect("open").draft.problems().is_empty());
    h.get_by_label("Fact 1: name");
    assert_eq!(h.state().doc().scenario.facts.len(), 1);
    click_far(&mut h, "Evidence 1: reports");
    click_button(&mut h, "its own judgments");
    let s = scenario(&h);
    assert!(s.facts.is_empty());
    assert_eq!(s.evidence[0].ratings, rated);
    assert!(h.query_by_label("Fact 1: name").is_none());

    // Saved, it checks.
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("shared.ron");
    let ctx = h.ctx.clone();
    h.state_mut().apply(&ctx, Command::SaveScenario(path.clone()));
    h.run();
    let check = support::run(&["check", &path.display().to_string()]);
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stderr));
    let text = std::fs::read_to_string(&path).expect("saved");
    let saved: Scenario = motive_lab::io::parse_scenario("shared.ron", &text).expect("parses");
    assert_eq!(saved, scenario(&h));
}

#[test]
fn an_unsaved_draft_is_recovered_after_a_crash_even_when_it_does_not_check() {
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join(motive_lab::app::RECOVERY_FILE);
    let mut h = running(autosaving_app(dir.path()));
    let ctx = h.ctx.clone();
    h.state_mut().apply(&ctx, Command::OpenEditor);
    h.run();
    // An edit that checks, then one that does not (an empty id): the document shows the
    // first; the draft has both.
    let edit = |h: &mut Harness<'_, MotiveApp>, e: motive_lab::model::draft::ScenarioEdit| {
        h.state_mut().apply(&ctx, Command::EditScenario(e));
        h.run();
    };
    edit(
        &mut h,
        motive_lab::model::draft::ScenarioEdit::Title("Paris, edited".into()),
    );
    edit(&mut h, motive_lab::model::draft::ScenarioEdit::Id(String::new()));
    assert_eq!(h.state().doc().scenario.title, "Paris, edited");
    assert_eq!(scenario(&h).id, "");
    std::thread::sleep(motive_lab::app::AUTOSAVE_AFTER + std::time::Duration::from_millis(100));
    h.run_steps(2);
    assert!(file.exists(), "written within seconds of the edit");
    // The invalid edit alone is written as well.
    let written = std::fs::read_to_string(&file).expect("read");
    assert!(written.contains("editor_draft"), "{written}");
    // A crash; the next run has the draft back in the editor, with its problem, and the
    // results on the version that checked.
    drop(h);
    let mut app = autosaving_app(dir.path());
    app.recover();
    let mut h = running(app);
    h.get_by_label_contains("The scenario editor is open on its unsaved draft");
    let s = scenario(&h);
    assert_eq!((s.title.as_str(), s.id.as_str()), ("Paris, edited", ""));
    assert_eq!(h.state().doc().scenario.title, "Paris, edited");
    let problems = h.state().editing().expect("open").draft.problems().to_vec();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].path, "id");
    // One undo step back to the version that checked.
    let ctx = h.ctx.clone();
    h.state_mut().apply(&ctx, Command::Undo);
    h.run();
    assert_eq!(scenario(&h).id, "paris-2015");
    assert!(h.state().editing().expect("open").draft.problems().is_empty());
}

/// The names of a scenario's items of one kind.
type Names = fn(&Scenario) -> Vec<String>;

#[test]
fn a_new_items_name_takes_the_keys_and_typing_replaces_it() {
    let mut h = app_at(1280.0, 800.0);
    click(&mut h, "File");
    click(&mut h, "New scenario");
    // A hypothesis, then a lever on its own tab.
    let hypotheses: Names = |s| s.hypotheses.iter().map(|x| x.name.clone()).collect();
    let levers: Names = |s| s.levers.iter().map(|x| x.name.clone()).collect();
    let cases = [
        (None, "Add hypothesis", "Hypothesis", hypotheses, "Jihadists"),
        (Some("Edit levers"), "Add lever", "Lever", levers, "Withdraw from Iraq"),
    ];
    for (tab, add, kind, names, typed) in cases {
        if let Some(tab) = tab {
            click(&mut h, tab);
        }
        click(&mut h, add);
        settle(&mut h);
        let n = names(&scenario(&h)).len();
        let field = format!("{kind} {n}: name");
        assert!(h.get_by_label(&field).is_focused(), "{field}");
        h.get_by_label(&field).type_text(typed);
        h.run();
        assert_eq!(names(&scenario(&h))[n - 1], typed);
    }
}

#[test]
fn the_fields_still_holding_the_templates_text_are_listed_and_a_click_away() {
    let mut h = app_at(1280.0, 800.0);
    click(&mut h, "File");
    click(&mut h, "New scenario");
    h.get_by_label_contains("Still the template's text (");
    click_button(&mut h, "Lever 1 (lever1), description");
    // The levers' tab, its row marked; written over, it leaves the list.
    h.get_by_label("Lever 1: description").focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("Lever 1: description")
        .type_text("Withdraw the troops from Iraq.");
    settle(&mut h);
    assert_eq!(scenario(&h).levers[0].description, "Withdraw the troops from Iraq.");
    assert!(
        h.query_by(|n| n.role() == Role::Button && n.label().as_deref() == Some("Lever 1 (lever1), description"))
            .is_none()
    );
}

#[test]
fn a_rated_item_turns_to_bars_and_a_likelihood_is_typed_exactly() {
    let mut h = app_at(1280.0, 800.0);
    click(&mut h, "File");
    click(&mut h, "New scenario");
    click(&mut h, "Edit evidence");
    click(&mut h, "Add evidence item");
    // CC under motive 1, I under motive 3 (four clicks), motive 2 not rated.
    rate(&mut h, &[("Motive 1", 1), ("Motive 3", 4)]);
    click(&mut h, "Evidence 1: weigh with bars");
    let s = scenario(&h);
    assert!(s.evidence[0].ratings.is_empty());
    assert_eq!(s.evidence[0].likelihoods.get("m1"), Some(&0.9));
    assert_eq!(s.evidence[0].likelihoods.get("m3"), Some(&0.3));
    // Motive 2 given 0.42 on its bar's typed field, after a click sets it.
    h.get_by_label_contains("Evidence 1 under Motive 2: not given").click();
    settle(&mut h);
    h.get_by_label("Evidence 1 under Motive 2: typed")
        .set_value_accesskit(0.42);
    settle(&mut h);
    assert_eq!(scenario(&h).evidence[0].likelihoods.get("m2"), Some(&0.42));
    assert!(h.state().editing().expect("open").draft.problems().is_empty());
}
