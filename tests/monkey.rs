//! A seeded monkey: thousands of random actions on the real app (clicks on every button, tab,
//! menu item, check box and table cell it can find, slider drags, increments and keys,
//! keyboard shortcuts, typing into text fields, hovering for tooltips, opening shipped,
//! edited and broken files, resizing the window, classroom mode on and off). After each action
//! the frame must complete without a panic, no missing glyph and no label or value showing a
//! number that is not finite; every `EPISODE` actions, undoing all the way back must give the
//! document the app started with, exactly.
//!
//! A failure prints its seed and the actions before it; replay with
//! `MONKEY_SEED=<seed> MONKEY_ACTIONS=<n> cargo test --test monkey -- --nocapture`.
//! `MONKEY_ACTIONS` (default 2,000) sets how many actions one run takes; `MONKEY_LOG=1` prints
//! every action of a run that passes, to compare two replays.
//!
//! A seed replays the same actions on machines alike: background work (the uncertainty study,
//! the Pareto samples) does not race the frames. The monkey waits for every job in flight after
//! each action, and a study starts only on an action of its own (let the background finish, or
//! start a study and move a lever before it is back), not after a delay of wall-clock time. Its
//! files live in `motive-lab-monkey-<seed>` in the temporary folder, not in one of a random
//! name, since the width of a path in a message decides how the message wraps (a machine
//! whose temporary folder has another path can still see other wrapping).

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test or benchmark stops at the first surprise"
)]

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable, by};
use motive_lab::app::{MotiveApp, Prefs};
use motive_lab::ui::ctx::Command;
use motive_lab::ui::views::results::ResultsView;
use rand::{RngExt, SeedableRng};
use rand_pcg::Pcg64;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Actions between two checks that undo returns to the start (well under the 200 undo steps
/// kept, so the start is always reachable).
const EPISODE: usize = 60;

/// A study delay no run reaches.
const NEVER: std::time::Duration = std::time::Duration::from_hours(24);

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
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

fn app() -> Harness<'static, MotiveApp> {
    let doc = motive_lab::io::parse_document("paris-2015.ron", motive_lab::io::SHIPPED_SCENARIOS[0].text, None, 0)
        .expect("parses");
    // Typed paths instead of the system's dialogs, which a test cannot answer.
    let prefs = Prefs {
        system_dialog: false,
        ..Prefs::default()
    };
    let mut h = Harness::builder().with_size([1280.0, 800.0]).build_ui_state(
        |ui, app: &mut MotiveApp| app.frame_ui(ui),
        MotiveApp::with_document(&egui::Context::default(), doc, prefs, ResultsView::default()),
    );
    h.state_mut().set_study_delay(std::time::Duration::ZERO);
    h.state_mut().wait_for_study();
    h.state_mut().wait_for_samples();
    // From here a study starts only when the monkey lets the background finish (an action of
    // its own), never because of how long a frame took: a seed replays the same on any machine.
    h.state_mut().set_study_delay(NEVER);
    h.run();
    h
}

/// Files the monkey drops on the window: every shipped preset, the scenario itself, and
/// broken ones of several kinds.
fn files(dir: &Path) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // Copies: an opened preset is the document's file, and Ctrl+S writes to it.
    let mut out: Vec<PathBuf> = Vec::new();
    for source in std::fs::read_dir(root.join("presets/paris-2015"))
        .expect("presets")
        .map(|e| e.expect("entry").path())
        .chain([root.join("assets/scenarios/paris-2015.ron")])
    {
        let copy = dir.join(source.file_name().expect("name"));
        std::fs::copy(&source, &copy).expect("copy");
        out.push(copy);
    }
    out.sort();
    let middle = std::fs::read_to_string(root.join("presets/paris-2015/middle-course.ron")).expect("preset");
    let broken = [
        ("syntax.ron", "Preset(format_version: 1, name: \"unclosed"),
        ("empty.ron", ""),
        ("binary.ron", "\u{0}\u{1}\u{2}"),
        (
            "unknown-lever.ron",
            &middle.replacen("levers: {", "levers: {\"no_such_lever\": 1.0, ", 1),
        ),
        (
            "not-a-number.ron",
            &middle.replacen("levers: {", "levers: {\"airstrikes\": NaN, ", 1),
        ),
        (
            "no-scenario.ron",
            "Preset(format_version: 1, name: \"x\", scenario: Shipped(\"atlantis\"))",
        ),
        (
            "future.ron",
            &middle.replacen("format_version: 1", "format_version: 99", 1),
        ),
    ];
    for (name, text) in broken {
        let p = dir.join(name);
        std::fs::write(&p, text).expect("write");
        out.push(p);
    }
    out.push(dir.join("missing.ron"));
    out
}

/// A label or value that shows a number which is not finite: the word NaN, inf or infinity
/// (as Rust prints them), unless quoted as code, as the help's file format does.
fn not_finite(text: &str) -> bool {
    ["NaN", "inf", "infinity"].iter().any(|word| {
        text.match_indices(word).any(|(i, _)| {
            let before = text[..i].chars().next_back();
            let after = text[i + word.len()..].chars().next();
            !before.is_some_and(|c| c.is_alphanumeric() || c == '`') && !after.is_some_and(char::is_alphanumeric)
        })
    })
}

#[test]
fn the_check_finds_numbers_that_are_not_finite_and_not_the_word_in_the_docs() {
    assert!(not_finite("Expected utility: NaN"));
    assert!(not_finite("-inf attacks a year"));
    assert!(!not_finite("Numbers must be finite (`NaN` and `inf` are refused)"));
    assert!(!not_finite("information, influence, infer"));
}

/// Everything shown, checked for numbers that are not finite.
fn check_labels(h: &Harness<'_, MotiveApp>) -> Result<(), String> {
    for node in h.query_all(by()) {
        let n = node.accesskit_node();
        for text in [n.label(), n.value()].into_iter().flatten() {
            if not_finite(&text) {
                return Err(format!("{:?} shows \"{text}\"", n.role()));
            }
        }
    }
    Ok(())
}

const CLICKABLE: [Role; 8] = [
    Role::Button,
    Role::Tab,
    Role::CheckBox,
    Role::RadioButton,
    Role::ComboBox,
    Role::MenuItem,
    Role::Link,
    Role::Cell,
];

const KEYS: [(egui::Modifiers, egui::Key); 18] = [
    (egui::Modifiers::COMMAND, egui::Key::Z),
    (egui::Modifiers::COMMAND, egui::Key::Y),
    (
        egui::Modifiers {
            shift: true,
            ..egui::Modifiers::COMMAND
        },
        egui::Key::Z,
    ),
    (egui::Modifiers::NONE, egui::Key::F11),
    (egui::Modifiers::NONE, egui::Key::Escape),
    (egui::Modifiers::NONE, egui::Key::ArrowLeft),
    (egui::Modifiers::NONE, egui::Key::ArrowRight),
    (egui::Modifiers::NONE, egui::Key::ArrowUp),
    (egui::Modifiers::NONE, egui::Key::ArrowDown),
    (egui::Modifiers::NONE, egui::Key::PageUp),
    (egui::Modifiers::NONE, egui::Key::PageDown),
    (egui::Modifiers::NONE, egui::Key::Tab),
    (egui::Modifiers::NONE, egui::Key::Enter),
    (egui::Modifiers::NONE, egui::Key::Space),
    (egui::Modifiers::NONE, egui::Key::Home),
    (egui::Modifiers::COMMAND, egui::Key::N),
    (egui::Modifiers::COMMAND, egui::Key::S),
    (egui::Modifiers::COMMAND, egui::Key::O),
];

/// What the monkey types. Nothing here spells NaN or inf itself (the check would find its own
/// typing), but "1e999" and "-1e309" parse as infinities where a number is read.
const TEXTS: [&str; 6] = ["12", "-1e309", "1e999", "a name", "../", "2015-11-20"];

/// The widgets of these roles that are shown and enabled.
fn usable<'t>(h: &'t Harness<'_, MotiveApp>, roles: &'static [Role]) -> impl Iterator<Item = egui_kittest::Node<'t>> {
    h.query_all(by().predicate(move |n| {
        roles.contains(&n.role()) && !n.is_disabled() && !n.is_hidden() && n.bounding_box().is_some()
    }))
}

/// Do one random action; says what it did.
fn act(h: &mut Harness<'_, MotiveApp>, rng: &mut Pcg64, files: &[PathBuf]) -> String {
    let roll = rng.random_range(0..100u32);
    let pick = |h: &Harness<'_, MotiveApp>, rng: &mut Pcg64, roles: &'static [Role]| -> Option<usize> {
        let n = usable(h, roles).count();
        (n > 0).then(|| rng.random_range(0..n))
    };
    let nth = |h, roles, k| usable(h, roles).nth(k);
    match roll {
        0..=39 => {
            let Some(k) = pick(h, rng, &CLICKABLE) else {
                return "nothing to click".into();
            };
            let by_pointer = rng.random_bool(0.5);
            let node = nth(h, &CLICKABLE, k).expect("node");
            let what = format!(
                "click {:?} {:?}",
                node.accesskit_node().role(),
                node.accesskit_node().label()
            );
            if by_pointer {
                node.click();
            } else {
                node.click_accesskit();
            }
            what
        }
        40..=59 => {
            let Some(k) = pick(h, rng, &[Role::Slider]) else {
                return "no slider".into();
            };
            let how = rng.random_range(0..4u32);
            let x = rng.random::<f64>();
            let node = nth(h, &[Role::Slider], k).expect("slider");
            let n = node.accesskit_node();
            let what = format!("slider {:?}", n.label());
            match how {
                0 => {
                    let (lo, hi) = (
                        n.min_numeric_value().unwrap_or(0.0),
                        n.max_numeric_value().unwrap_or(1.0),
                    );
                    node.set_value_accesskit(lo + (hi - lo) * x);
                    format!("{what} set to {}", lo + (hi - lo) * x)
                }
                1 => {
                    node.increment_accesskit();
                    format!("{what} up")
                }
                2 => {
                    node.decrement_accesskit();
                    format!("{what} down")
                }
                _ => {
                    // A drag: press on it, move, release.
                    let r = node.rect();
                    let from = r.center();
                    let to = egui::pos2(r.left() + r.width() * x as f32, from.y);
                    for event in [
                        egui::Event::PointerMoved(from),
                        egui::Event::PointerButton {
                            pos: from,
                            button: egui::PointerButton::Primary,
                            pressed: true,
                            modifiers: egui::Modifiers::NONE,
                        },
                        egui::Event::PointerMoved(to),
                        egui::Event::PointerButton {
                            pos: to,
                            button: egui::PointerButton::Primary,
                            pressed: false,
                            modifiers: egui::Modifiers::NONE,
                        },
                    ] {
                        h.input_mut().events.push(event);
                        h.step();
                    }
                    format!("{what} dragged")
                }
            }
        }
        60..=74 => {
            let (m, key) = KEYS[rng.random_range(0..KEYS.len())];
            h.key_press_modifiers(m, key);
            format!("key {m:?} {key:?}")
        }
        75..=81 => {
            let Some(k) = pick(h, rng, &[Role::TextInput, Role::MultilineTextInput]) else {
                return "no text field".into();
            };
            let text = TEXTS[rng.random_range(0..TEXTS.len())];
            let node = nth(h, &[Role::TextInput, Role::MultilineTextInput], k).expect("field");
            let what = format!("type {text:?} into {:?}", node.accesskit_node().label());
            node.focus();
            node.type_text(text);
            what
        }
        89 => {
            if rng.random_bool(0.5) {
                // What a user who stops for a moment sees: the uncertainty study of the settings.
                h.state_mut().wait_for_study();
                "let the background finish".into()
            } else {
                // A study starts, and the settings change before it is back: its result is for
                // settings no longer shown.
                h.state_mut().set_study_delay(std::time::Duration::ZERO);
                h.step();
                h.state_mut().set_study_delay(NEVER);
                let lever = rng.random_range(0..h.state().settings().levers.len());
                let x = rng.random::<f64>();
                let l = &h.state().doc().scenario.levers[lever];
                let value = l.min + (l.max - l.min) * x;
                h.state_mut()
                    .send(Command::Edit(motive_lab::model::document::Edit::Lever(lever, value)));
                format!("start a study, then set lever {lever} to {value}")
            }
        }
        82..=88 => {
            let shown = || h.query_all(by().predicate(|n| n.bounding_box().is_some()));
            let n = shown().count();
            let k = rng.random_range(0..n.max(1));
            if let Some(node) = shown().nth(k) {
                let what = format!(
                    "hover {:?} {:?}",
                    node.accesskit_node().role(),
                    node.accesskit_node().label()
                );
                node.hover();
                what
            } else {
                "nothing to hover".into()
            }
        }
        90..=95 => {
            let f = &files[rng.random_range(0..files.len())];
            h.input_mut().dropped_files.push(Arc::new(Dropped(f.clone())));
            format!("drop {}", f.display())
        }
        96..=97 => {
            let sizes = [(1024.0, 700.0), (1280.0, 800.0), (1920.0, 1080.0), (800.0, 600.0)];
            let (w, hh) = sizes[rng.random_range(0..sizes.len())];
            h.set_size(egui::vec2(w, hh));
            format!("resize to {w}x{hh}")
        }
        _ => {
            let i = rng.random_range(0..motive_lab::io::SHIPPED_PRESETS.len());
            h.state_mut().send(Command::OpenShipped(i));
            format!("open shipped preset {i}")
        }
    }
}

/// Close the confirmation prompt and the file window (they may hold the keyboard), and let
/// what is queued run: a save answered from the unsaved-changes prompt queues the open it held
/// back, which must happen before undoing, not after.
fn settle(h: &mut Harness<'_, MotiveApp>) {
    let ctx = h.ctx.clone();
    for _ in 0..3 {
        h.state_mut().dismiss_prompts(&ctx);
        h.step();
    }
    h.state_mut().dismiss_prompts(&ctx);
}

/// Undo until nothing is left to undo; the document must be the one the app started with.
fn undo_to_start(h: &mut Harness<'_, MotiveApp>, start: &motive_lab::model::document::DocState) -> Result<(), String> {
    let mut steps = 0;
    let ctx = h.ctx.clone();
    while h.state().session.history.can_undo() {
        // What Ctrl+Z and the Undo button do, without a frame each.
        h.state_mut().apply(&ctx, Command::Undo);
        steps += 1;
        if steps > 400 {
            return Err("undo never reaches the start".into());
        }
    }
    h.step();
    if h.state().doc().state != *start {
        return Err(format!(
            "after {steps} undos the document is not the one the app started with:\n{:#?}\nwas\n{start:#?}",
            h.state().doc().state
        ));
    }
    Ok(())
}

/// The state undo returns to at the bottom of the history (undone to it and redone back).
fn bottom_of_history(h: &mut Harness<'_, MotiveApp>) -> motive_lab::model::document::DocState {
    let ctx = h.ctx.clone();
    let mut steps = 0;
    while h.state().session.history.can_undo() && steps < 400 {
        h.state_mut().apply(&ctx, Command::Undo);
        steps += 1;
    }
    let bottom = h.state().doc().state.clone();
    while h.state().session.history.can_redo() && steps > 0 {
        h.state_mut().apply(&ctx, Command::Redo);
        steps -= 1;
    }
    bottom
}

/// A working folder, emptied when made and removed when dropped.
struct Folder(PathBuf);

impl Folder {
    fn new(path: PathBuf) -> Self {
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).expect("folder");
        Self(path)
    }
    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for Folder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn run(seed: u64, actions: usize, log: &mut Vec<String>) -> Result<(), String> {
    // A folder of a fixed name, not a random one: paths show in messages, and a message's
    // width decides how it wraps, so a random name could change what the next action finds.
    let dir = Folder::new(std::env::temp_dir().join(format!("motive-lab-monkey-{seed}")));
    // Saves and exports go to typed paths relative to the current folder: keep them here.
    std::env::set_current_dir(dir.path()).expect("cd");
    let files = files(dir.path());
    let mut rng = Pcg64::seed_from_u64(seed);
    let mut h = app();
    let mut start = h.state().doc().state.clone();
    let mut scenario = h.state().doc().scenario.id.clone();
    let (mut episodes, mut changed) = (0, 0);
    for i in 0..actions {
        let what = act(&mut h, &mut rng, &files);
        log.push(format!("{i}: {what}"));
        h.step();
        // Results of background work arrive before the next frame, whatever the machine's speed.
        if h.state_mut().wait_for_jobs() {
            h.step();
        }
        // Another scenario (a lesson, New from scenario, a preset of another case) starts a
        // new history: undo returns to the document as that scenario opened.
        if h.state().doc().scenario.id != scenario {
            scenario.clone_from(&h.state().doc().scenario.id);
            start = bottom_of_history(&mut h);
            log.push(format!("{i}: now on {scenario}"));
        }
        check_labels(&h).map_err(|e| format!("after action {i} ({what}): {e}"))?;
        if (i + 1) % EPISODE == 0 {
            settle(&mut h);
            episodes += 1;
            changed += usize::from(h.state().doc().state != start);
            undo_to_start(&mut h, &start).map_err(|e| format!("after action {i}: {e}"))?;
            log.push(format!("{i}: undone to the start"));
        }
    }
    // Not vacuous: most episodes changed the document before it was undone.
    if changed * 2 < episodes {
        return Err(format!("only {changed} of {episodes} episodes changed the document"));
    }
    Ok(())
}

#[test]
fn a_seeded_monkey_finds_no_panic_no_bad_number_and_undo_returns_to_the_start() {
    let seed = env_number("MONKEY_SEED", 2015);
    let actions = env_number("MONKEY_ACTIONS", 2_000) as usize;
    let mut log = Vec::new();
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run(seed, actions, &mut log)));
    let failure = match outcome {
        Ok(Ok(())) => None,
        Ok(Err(e)) => Some(e),
        Err(p) => Some(
            p.downcast_ref::<String>()
                .cloned()
                .or_else(|| p.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_else(|| "a panic".into()),
        ),
    };
    if let Some(e) = failure {
        let recent = log.iter().rev().take(25).rev().cloned().collect::<Vec<_>>().join("\n");
        panic!(
            "monkey seed {seed} failed: {e}\nreplay: MONKEY_SEED={seed} MONKEY_ACTIONS={actions} cargo test --test monkey -- --nocapture\nlast actions:\n{recent}"
        );
    }
    eprintln!("monkey seed {seed}: {actions} actions, no failure");
    if std::env::var_os("MONKEY_LOG").is_some() {
        for line in &log {
            eprintln!("{line}");
        }
    }
}
