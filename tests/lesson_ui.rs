//! A lesson played through in the real app: each step's state (checked against the step
//! resolved outside the app), the question that hides the results until they are revealed,
//! the user's own edits within a step undone, stepping back, the arrow keys in classroom mode,
//! and the last step's Class tab scored against the answer the lesson names.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test stops at the first surprise"
)]

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use motive_lab::app::MotiveApp;
use motive_lab::io::{SHIPPED_LESSONS, lesson_scenario, parse_lesson, step_preset};
use motive_lab::model::lesson::Lesson;
use motive_lab::model::settings::Settings;
use motive_lab::ui::ctx::{Command, Edit};

mod common;
use common::app_at;

fn paris_lesson() -> Lesson {
    let f = &SHIPPED_LESSONS[0];
    parse_lesson(f.file_name, f.text).expect("the shipped lesson reads")
}

/// Step `i`'s settings, resolved outside the app.
fn step_settings(lesson: &Lesson, i: usize) -> Settings {
    let scenario = lesson_scenario(lesson).expect("scenario");
    step_preset(lesson, &lesson.steps[i], &scenario)
        .expect("preset")
        .settings(&scenario)
        .expect("settings")
}

/// Let the commands apply and the background work for the new settings finish.
fn settle(h: &mut Harness<'_, MotiveApp>) {
    h.run_steps(2);
    h.state_mut().wait_for_samples();
    h.state_mut().wait_for_study();
    h.run_steps(2);
    h.state_mut().wait_for_study();
    h.run();
}

fn click(h: &mut Harness<'_, MotiveApp>, label: &str) {
    h.get_by_role_and_label(Role::Button, label).click();
    settle(h);
}

#[test]
fn a_lesson_plays_step_by_step_with_its_question_undo_and_back() {
    let lesson = paris_lesson();
    assert_eq!(lesson.steps.len(), 12);
    let mut h = app_at(1280.0, 800.0);
    h.state_mut().send(Command::OpenLesson(0));
    settle(&mut h);
    assert!(h.state().playing_lesson());
    h.get_by_label("Paris: does the motive matter?: step 1 of 12");
    h.get_by_label(&lesson.steps[0].narration);
    assert_eq!(h.state().settings(), &step_settings(&lesson, 0));
    click(&mut h, "Next");
    h.get_by_label_contains("step 2 of 12");
    assert_eq!(h.state().settings(), &step_settings(&lesson, 1));
    // Step 3 asks first: the results are hidden behind the question until revealed.
    click(&mut h, "Next");
    let question = lesson.steps[2].question.clone().expect("step 3 asks");
    assert_eq!(h.query_all_by_label(&question).count(), 1, "in place of the results");
    assert!(h.query_by_label_contains("is best for these beliefs").is_none());
    click(&mut h, "Reveal");
    assert!(h.query_by_label_contains("is best for these beliefs").is_some());
    assert_eq!(h.query_all_by_label(&question).count(), 0);
    // An edit of the user's own within the step, then undone: the step's state is back.
    h.state_mut().send(Command::Edit(Edit::Lever(0, 0.0)));
    settle(&mut h);
    assert_ne!(h.state().settings(), &step_settings(&lesson, 2));
    h.state_mut().send(Command::Undo);
    settle(&mut h);
    assert_eq!(h.state().settings(), &step_settings(&lesson, 2));
    // Undo once more: the step before's state, as the lesson set it.
    h.state_mut().send(Command::Undo);
    settle(&mut h);
    assert_eq!(h.state().settings(), &step_settings(&lesson, 1));
    h.state_mut().send(Command::Redo);
    settle(&mut h);
    // Back: the step before, shown again from the lesson.
    click(&mut h, "Back");
    h.get_by_label_contains("step 2 of 12");
    assert_eq!(h.state().settings(), &step_settings(&lesson, 1));
    click(&mut h, "End lesson");
    assert!(!h.state().playing_lesson());
    assert_eq!(h.state().settings(), &step_settings(&lesson, 1));
}

#[test]
fn in_classroom_mode_the_arrow_keys_step_and_the_last_step_scores_the_class() {
    let lesson = paris_lesson();
    let mut h = app_at(1024.0, 768.0);
    h.state_mut().send(Command::ToggleClassroom);
    h.state_mut().send(Command::OpenLesson(0));
    settle(&mut h);
    let asks: Vec<bool> = lesson.steps.iter().map(|s| s.question.is_some()).collect();
    for (i, ask) in asks.iter().enumerate().skip(1) {
        h.key_press(egui::Key::ArrowRight);
        settle(&mut h);
        h.get_by_label_contains(&format!("step {} of 12", i + 1));
        assert_eq!(h.state().settings(), &step_settings(&lesson, i), "step {}", i + 1);
        if *ask {
            h.key_press(egui::Key::ArrowRight);
            settle(&mut h);
        }
    }
    // Step 7 believes theory 2 at 100 to 1 against each other motive.
    h.key_press(egui::Key::ArrowLeft);
    settle(&mut h);
    // The last step's Class tab, its answer named by the lesson: paste two codes and see the
    // scores against "Directed by the central command".
    h.key_press(egui::Key::ArrowRight);
    settle(&mut h);
    h.get_by_label_contains("Class codes");
    let field = h.get_by_role(Role::MultilineTextInput);
    field.focus();
    h.run();
    h.event(egui::Event::Paste(
        "ML1-paris-2015-0H0H0H0H0H0H0S0S0S0S111111-WW\nML1-paris-2015-0H0H0H0H0H0H0S0S0S0S111111-WW".to_owned(),
    ));
    settle(&mut h);
    h.get_by_label_contains("2 codes read for paris-2015");
    // Every student at 1/3 on each answer of how: (2/3)^2 + 2 (1/3)^2 = 2/3 (with 33% codes:
    // shares 1/3 after normalising).
    h.get_by_label_contains("linear pool 0.667, log pool 0.667, students' mean 0.667");
}
