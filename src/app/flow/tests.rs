//! Every path through the document flow, without egui: each event in, the effects out, and
//! the state it leaves. Here the unsaved-changes question and saving first; the path window,
//! files changed on disk, the system dialog and exports are in `window_tests`.

#![allow(clippy::expect_used, reason = "a test stops at the first surprise")]

use super::*;
use std::path::Path;

/// Two different document states (the second is the first with an edit).
pub(super) fn states() -> (DocState, DocState) {
    let doc = crate::io::parse_document("paris-2015.ron", crate::io::SHIPPED_SCENARIOS[0].text, None, 0)
        .expect("the shipped scenario parses");
    let a = doc.state.clone();
    let mut b = doc.state;
    b.name.push_str(", edited");
    (a, b)
}

/// The facts of a document: unsaved or not, with or without a file.
pub(super) fn doc<'a>(dirty: bool, path: Option<&'a Path>, state: &'a DocState) -> Doc<'a> {
    Doc { dirty, path, state }
}

pub(super) fn p(name: &str) -> PathBuf {
    PathBuf::from(format!("/work/{name}.ron"))
}

pub(super) fn write(name: &str, check: Check) -> Effect {
    Effect::Write { path: p(name), check }
}

const ACTIONS: [fn() -> Action; 3] = [|| Action::New, || Action::Open(p("other")), || Action::Quit];

#[test]
fn a_clean_document_is_replaced_at_once() {
    let (s, _) = states();
    let clean = doc(false, None, &s);
    for action in [
        Action::New,
        Action::Open(p("x")),
        Action::OpenShipped(2),
        Action::StepPreset(-1),
        Action::Quit,
    ] {
        let mut f = Flow::new(true);
        assert_eq!(f.on(Event::Request(action.clone()), &clean), vec![Effect::Run(action)]);
        assert_eq!(f.state(), &State::Idle);
    }
    let mut f = Flow::new(true);
    assert_eq!(
        f.on(Event::Request(Action::OpenDialog), &clean),
        vec![Effect::ShowDialog { save: false }]
    );
    assert!(f.dialog_open());
    let mut f = Flow::new(false);
    assert_eq!(
        f.on(Event::Request(Action::OpenDialog), &clean),
        vec![Effect::PrefillPath(FileAction::Open)]
    );
    assert_eq!(f.path_window().map(|w| w.action), Some(FileAction::Open));
    // Closing the window of a clean document is not held up.
    let mut f = Flow::new(true);
    assert_eq!(f.on(Event::CloseRequested, &clean), vec![]);
    assert_eq!(f.state(), &State::Idle);
}

#[test]
fn unsaved_changes_are_asked_about_and_save_to_the_file_then_go_on() {
    let (s, _) = states();
    let file = p("mine");
    for action in ACTIONS.map(|a| a()) {
        let mut f = Flow::new(true);
        let dirty = doc(true, Some(&file), &s);
        assert_eq!(f.on(Event::Request(action.clone()), &dirty), vec![]);
        assert_eq!(f.asking(), Some(&action));
        assert_eq!(
            f.on(Event::Answer(Answer::Save), &dirty),
            vec![write("mine", Check::ChangedOnDisk)]
        );
        // Written: the document is clean now, and the held-back action goes on.
        let clean = doc(false, Some(&file), &s);
        assert_eq!(f.on(Event::Written, &clean), vec![Effect::Run(action)]);
        assert_eq!(f.state(), &State::Idle);
    }
}

#[test]
fn save_first_without_a_file_asks_where_in_the_system_dialog() {
    let (s, _) = states();
    for action in ACTIONS.map(|a| a()) {
        let mut f = Flow::new(true);
        let dirty = doc(true, None, &s);
        f.on(Event::Request(action.clone()), &dirty);
        assert_eq!(
            f.on(Event::Answer(Answer::Save), &dirty),
            vec![
                Effect::SayWhatFollows(action.clone()),
                Effect::ShowDialog { save: true }
            ]
        );
        assert!(f.dialog_open());
        assert_eq!(
            f.on(Event::DialogAnswered(Some(p("new"))), &dirty),
            vec![write("new", Check::Nothing)]
        );
        let clean = doc(false, Some(Path::new("/work/new.ron")), &s);
        assert_eq!(f.on(Event::Written, &clean), vec![Effect::Run(action)]);
        assert_eq!(f.state(), &State::Idle);
    }
}

#[test]
fn save_first_without_a_system_dialog_asks_in_the_path_window() {
    let (s, _) = states();
    for action in ACTIONS.map(|a| a()) {
        let mut f = Flow::new(false);
        let dirty = doc(true, None, &s);
        f.on(Event::Request(action.clone()), &dirty);
        assert_eq!(
            f.on(Event::Answer(Answer::Save), &dirty),
            vec![
                Effect::SayWhatFollows(action.clone()),
                Effect::PrefillPath(FileAction::Save)
            ]
        );
        assert_eq!(
            f.path_window(),
            Some(PathPrompt {
                action: FileAction::Save,
                replace: None
            })
        );
        let chosen = Event::PathChosen {
            path: p("typed"),
            replace: false,
        };
        // A typed path may name a file that is there: the shell checks.
        assert_eq!(f.on(chosen, &dirty), vec![write("typed", Check::Exists)]);
        let clean = doc(false, Some(Path::new("/work/typed.ron")), &s);
        assert_eq!(f.on(Event::Written, &clean), vec![Effect::Run(action)]);
    }
}

#[test]
fn a_dialog_that_fails_falls_back_to_the_path_window_and_keeps_what_follows() {
    let (s, _) = states();
    let mut f = Flow::new(true);
    let dirty = doc(true, None, &s);
    f.on(Event::Request(Action::New), &dirty);
    f.on(Event::Answer(Answer::Save), &dirty);
    let effects = f.on(Event::DialogFailed, &dirty);
    assert_eq!(effects[0], Effect::PrefillPath(FileAction::Save));
    assert!(
        matches!(&effects[1], Effect::Notice(n) if n.title.starts_with("No system file dialog")),
        "{effects:?}"
    );
    // The message says what still follows the save.
    assert_eq!(effects.get(2), Some(&Effect::AddWhatFollows(Action::New)));
    assert!(!f.uses_system_dialog());
    assert_eq!(
        f.state(),
        &State::PathWindow(Window {
            action: FileAction::Save,
            then: Some(Action::New),
            approved: None,
            replace: None
        })
    );
    f.on(
        Event::PathChosen {
            path: p("typed"),
            replace: false,
        },
        &dirty,
    );
    assert_eq!(
        f.on(Event::Written, &doc(false, None, &s)),
        vec![Effect::Run(Action::New)]
    );
    // From now on files are asked for in the path window.
    assert_eq!(
        f.on(Event::Request(Action::OpenDialog), &doc(false, None, &s)),
        vec![Effect::PrefillPath(FileAction::Open)]
    );
    // Opening fails the same way: the path window opens for opening.
    let mut f = Flow::new(true);
    f.on(Event::Request(Action::OpenDialog), &doc(false, None, &s));
    f.on(Event::DialogFailed, &doc(false, None, &s));
    assert_eq!(f.path_window().map(|w| w.action), Some(FileAction::Open));
}

#[test]
fn discarding_goes_on_at_once_and_quitting_drops_the_changes_first() {
    let (s, _) = states();
    let dirty = doc(true, None, &s);
    for action in [
        Action::New,
        Action::Open(p("x")),
        Action::OpenShipped(1),
        Action::StepPreset(1),
    ] {
        let mut f = Flow::new(true);
        f.on(Event::Request(action.clone()), &dirty);
        assert_eq!(f.on(Event::Answer(Answer::Discard), &dirty), vec![Effect::Run(action)]);
        assert_eq!(f.state(), &State::Idle);
    }
    let mut f = Flow::new(true);
    f.on(Event::Request(Action::Quit), &dirty);
    assert_eq!(
        f.on(Event::Answer(Answer::Discard), &dirty),
        vec![Effect::DropChanges, Effect::Run(Action::Quit)]
    );
}

#[test]
fn cancel_changes_nothing_and_drops_the_action() {
    let (s, _) = states();
    let dirty = doc(true, Some(Path::new("/work/mine.ron")), &s);
    for action in ACTIONS.map(|a| a()) {
        let mut f = Flow::new(true);
        f.on(Event::Request(action), &dirty);
        assert_eq!(f.on(Event::Answer(Answer::Cancel), &dirty), vec![]);
        assert_eq!(f.state(), &State::Idle);
        // A later save runs nothing after it.
        assert_eq!(f.on(Event::Save, &dirty), vec![write("mine", Check::ChangedOnDisk)]);
        assert_eq!(f.on(Event::Written, &doc(false, None, &s)), vec![]);
    }
}

#[test]
fn closing_the_window_with_unsaved_changes_asks_first() {
    let (s, _) = states();
    let dirty = doc(true, None, &s);
    let mut f = Flow::new(true);
    assert_eq!(f.on(Event::CloseRequested, &dirty), vec![Effect::CancelClose]);
    assert_eq!(f.asking(), Some(&Action::Quit));
    // Asked about something else, the close takes over the question.
    let mut f = Flow::new(true);
    f.on(Event::Request(Action::New), &dirty);
    assert_eq!(f.on(Event::CloseRequested, &dirty), vec![Effect::CancelClose]);
    assert_eq!(f.asking(), Some(&Action::Quit));
}

#[test]
fn while_the_question_is_open_nothing_else_is_taken() {
    let (s, _) = states();
    let dirty = doc(true, None, &s);
    let mut f = Flow::new(true);
    f.on(Event::Request(Action::New), &dirty);
    let before = f.clone();
    for event in [
        Event::Request(Action::Open(p("x"))),
        Event::Save,
        Event::SaveAs,
        Event::SaveTo(p("y")),
        Event::ShowPathWindow(FileAction::Save),
        Event::DialogAnswered(Some(p("z"))),
        Event::Written,
    ] {
        assert_eq!(f.on(event, &dirty), vec![]);
        assert_eq!(f, before);
    }
}

#[test]
fn a_failed_write_drops_the_held_back_action_unless_the_path_window_can_try_again() {
    let (s, _) = states();
    let file = p("mine");
    let dirty = doc(true, Some(&file), &s);
    // Saving to the document's file from the question: the action goes with the failure.
    let mut f = Flow::new(true);
    f.on(Event::Request(Action::New), &dirty);
    f.on(Event::Answer(Answer::Save), &dirty);
    assert_eq!(f.on(Event::WriteFailed, &dirty), vec![]);
    assert_eq!(f.state(), &State::Idle);
    // A save from the system's dialog: the same.
    let mut f = Flow::new(true);
    let untitled = doc(true, None, &s);
    f.on(Event::Request(Action::New), &untitled);
    f.on(Event::Answer(Answer::Save), &untitled);
    f.on(Event::DialogAnswered(Some(p("ro"))), &untitled);
    assert_eq!(f.on(Event::WriteFailed, &untitled), vec![]);
    assert_eq!(f.state(), &State::Idle);
    // In the path window the window stays, with what follows, for another path.
    let mut f = Flow::new(false);
    f.on(Event::Request(Action::New), &untitled);
    f.on(Event::Answer(Answer::Save), &untitled);
    let window = f.state().clone();
    f.on(
        Event::PathChosen {
            path: p("ro"),
            replace: false,
        },
        &untitled,
    );
    assert_eq!(f.on(Event::WriteFailed, &untitled), vec![]);
    assert_eq!(f.state(), &window);
    f.on(
        Event::PathChosen {
            path: p("ok"),
            replace: false,
        },
        &untitled,
    );
    assert_eq!(
        f.on(Event::Written, &doc(false, None, &s)),
        vec![Effect::Run(Action::New)]
    );
}
