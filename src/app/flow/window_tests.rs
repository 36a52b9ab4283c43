//! The document flow around files: the path window, a file changed on disk, an abandoned
//! save, opening after discarding, the system dialog open, exports.

use super::tests::{doc, p, states, write};
use super::*;
use crate::ui::command::ExportKind;

#[test]
fn a_file_changed_on_disk_is_asked_about_and_replaced_only_when_told() {
    let (s, _) = states();
    let file = p("shared");
    let dirty = doc(true, Some(&file), &s);
    let mut f = Flow::new(true);
    assert_eq!(f.on(Event::Save, &dirty), vec![write("shared", Check::ChangedOnDisk)]);
    let theirs = Replace {
        path: file.clone(),
        changed_on_disk: true,
    };
    assert_eq!(f.on(Event::WouldReplace(theirs.clone()), &dirty), vec![]);
    assert_eq!(
        f.path_window(),
        Some(PathPrompt {
            action: FileAction::Save,
            replace: Some(&theirs)
        })
    );
    // "Choose another file" goes back to the path field.
    f.on(Event::ChooseAnother, &dirty);
    assert_eq!(f.path_window().and_then(|w| w.replace), None);
    f.on(Event::WouldReplace(theirs.clone()), &dirty);
    // Cancel keeps both as they are.
    let mut cancelled = f.clone();
    assert_eq!(cancelled.on(Event::Cancel, &dirty), vec![]);
    assert_eq!(cancelled.state(), &State::Idle);
    // Replace writes over theirs.
    let mut f = Flow::new(true);
    f.on(Event::Save, &dirty);
    f.on(Event::WouldReplace(theirs), &dirty);
    assert_eq!(
        f.on(
            Event::PathChosen {
                path: file.clone(),
                replace: true
            },
            &dirty
        ),
        vec![write("shared", Check::Nothing)]
    );
    assert_eq!(f.on(Event::Written, &doc(false, None, &s)), vec![]);
    assert_eq!(f.state(), &State::Idle);
}

#[test]
fn a_file_changed_on_disk_while_saving_first_keeps_the_action_until_replaced() {
    let (s, _) = states();
    let file = p("shared");
    let dirty = doc(true, Some(&file), &s);
    let mut f = Flow::new(true);
    f.on(Event::Request(Action::OpenShipped(3)), &dirty);
    f.on(Event::Answer(Answer::Save), &dirty);
    f.on(
        Event::WouldReplace(Replace {
            path: file.clone(),
            changed_on_disk: true,
        }),
        &dirty,
    );
    f.on(
        Event::PathChosen {
            path: file.clone(),
            replace: true,
        },
        &dirty,
    );
    assert_eq!(
        f.on(Event::Written, &doc(false, None, &s)),
        vec![Effect::Run(Action::OpenShipped(3))]
    );
}

#[test]
fn an_abandoned_save_drops_the_held_back_action() {
    let (s, _) = states();
    let untitled = doc(true, None, &s);
    // The path window closed.
    let mut f = Flow::new(false);
    f.on(Event::Request(Action::Open(p("other"))), &untitled);
    f.on(Event::Answer(Answer::Save), &untitled);
    assert_eq!(f.on(Event::Cancel, &untitled), vec![]);
    assert_eq!(
        f.on(Event::SaveTo(p("later")), &untitled),
        vec![write("later", Check::Nothing)]
    );
    assert_eq!(
        f.on(Event::Written, &doc(false, None, &s)),
        vec![],
        "nothing opens behind the user's back"
    );
    // The system dialog closed without a path.
    let mut f = Flow::new(true);
    f.on(Event::Request(Action::Open(p("other"))), &untitled);
    f.on(Event::Answer(Answer::Save), &untitled);
    assert_eq!(f.on(Event::DialogAnswered(None), &untitled), vec![]);
    assert_eq!(f.state(), &State::Idle);
    // The path window left for something else.
    let mut f = Flow::new(false);
    f.on(Event::Request(Action::Quit), &untitled);
    f.on(Event::Answer(Answer::Save), &untitled);
    assert_eq!(
        f.on(Event::ShowPathWindow(FileAction::Open), &untitled),
        vec![Effect::PrefillPath(FileAction::Open)]
    );
    assert_eq!(
        f.state(),
        &State::PathWindow(Window::new(FileAction::Open, None, None)),
        "the quit it held back is gone"
    );
}

#[test]
fn opening_after_discarding_is_not_asked_again_unless_the_document_changed() {
    let (s, edited) = states();
    for system_dialog in [true, false] {
        let mut f = Flow::new(system_dialog);
        let dirty = doc(true, None, &s);
        f.on(Event::Request(Action::OpenDialog), &dirty);
        assert_eq!(f.asking(), Some(&Action::OpenDialog));
        f.on(Event::Answer(Answer::Discard), &dirty);
        let mut again = f.clone();
        let answered = |f: &mut Flow, d: &Doc<'_>| {
            if system_dialog {
                f.on(Event::DialogAnswered(Some(p("x"))), d)
            } else {
                f.on(
                    Event::PathChosen {
                        path: p("x"),
                        replace: false,
                    },
                    d,
                )
            }
        };
        assert_eq!(answered(&mut f, &dirty), vec![Effect::Run(Action::Open(p("x")))]);
        // Edited while the dialog was open: asked again.
        assert_eq!(answered(&mut again, &doc(true, None, &edited)), vec![]);
        assert_eq!(again.asking(), Some(&Action::Open(p("x"))));
    }
}

#[test]
fn while_the_system_dialog_is_open_other_file_actions_wait() {
    let (s, _) = states();
    let dirty = doc(true, None, &s);
    let mut f = Flow::new(true);
    f.on(Event::SaveAs, &dirty);
    let before = f.clone();
    for event in [
        Event::Request(Action::New),
        Event::Save,
        Event::SaveAs,
        Event::ShowPathWindow(FileAction::Open),
    ] {
        let effects = f.on(event, &dirty);
        assert!(
            matches!(effects.as_slice(), [Effect::Notice(n)] if n.title == DIALOG_OPEN),
            "{effects:?}"
        );
        assert_eq!(f, before);
    }
    assert_eq!(
        f.on(Event::CloseRequested, &dirty),
        vec![Effect::CancelClose, Effect::Notice(Notice::info(DIALOG_OPEN))]
    );
    assert_eq!(
        f.on(Event::DialogAnswered(Some(p("a"))), &dirty),
        vec![write("a", Check::Nothing)]
    );
}

#[test]
fn exports_ask_before_replacing_and_stay_open_when_they_fail() {
    let (s, _) = states();
    let d = doc(false, None, &s);
    let kind = ExportKind::MatrixCsv;
    let mut f = Flow::new(true);
    assert_eq!(
        f.on(Event::ShowPathWindow(FileAction::Export(kind)), &d),
        vec![Effect::PrefillPath(FileAction::Export(kind))]
    );
    let chosen = |replace| Event::PathChosen { path: p("m"), replace };
    assert_eq!(
        f.on(chosen(false), &d),
        vec![Effect::Export {
            kind,
            path: p("m"),
            replace: false
        }]
    );
    let there = Replace {
        path: p("m"),
        changed_on_disk: false,
    };
    f.on(Event::WouldReplace(there.clone()), &d);
    assert_eq!(
        f.path_window(),
        Some(PathPrompt {
            action: FileAction::Export(kind),
            replace: Some(&there)
        })
    );
    f.on(chosen(true), &d);
    assert_eq!(f.on(Event::WriteFailed, &d), vec![]);
    assert_eq!(f.path_window().map(|w| w.action), Some(FileAction::Export(kind)));
    f.on(chosen(true), &d);
    assert_eq!(f.on(Event::Written, &d), vec![]);
    assert_eq!(f.state(), &State::Idle);
}
