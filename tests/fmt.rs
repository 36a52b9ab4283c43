//! `motive-lab fmt` and `new`: every shipped scenario rewritten in the canonical layout is the
//! same scenario (equal field by field, the same numbers to the bit in `eval --format json`) and
//! rewrites to itself; `new` writes valid templates of every size it allows and refuses others.

#![allow(clippy::expect_used, reason = "a test stops at the first surprise")]

use motive_lab::io::{SHIPPED_SCENARIOS, parse_scenario, scenario_text};

mod support;
use support::run;

#[test]
fn every_shipped_scenario_survives_fmt_unchanged_and_rewrites_to_itself() {
    let dir = std::env::temp_dir().join(format!("motive-lab-fmt-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    for s in SHIPPED_SCENARIOS {
        let original = parse_scenario(s.file_name, s.text).expect("shipped");
        let canonical = scenario_text(&original).expect("writes");
        let again = parse_scenario("canonical", &canonical).expect("the canonical text reads back");
        assert_eq!(again, original, "{}", s.id);
        assert_eq!(
            scenario_text(&again).expect("writes"),
            canonical,
            "{} rewrites to itself",
            s.id
        );
        // The command line: the printed file evaluates to exactly the same JSON, and --check
        // accepts it and refuses the hand-written original (its comments go).
        let path = format!("assets/scenarios/{}", s.file_name);
        let o = run(&["fmt", &path]);
        assert!(o.status.success());
        assert_eq!(String::from_utf8_lossy(&o.stdout), canonical);
        let written = dir.join(s.file_name);
        std::fs::write(&written, &o.stdout).expect("write");
        let written = written.to_string_lossy().into_owned();
        let a = run(&["eval", &path, "--format", "json"]);
        let b = run(&["eval", &written, "--format", "json"]);
        assert!(a.status.success() && b.status.success());
        assert_eq!(a.stdout, b.stdout, "{}", s.id);
        assert_eq!(run(&["fmt", "--check", &written]).status.code(), Some(0));
        // A hand-written file (comments, its own layout) is refused; one written by the
        // editor or by fmt (Madrid) is canonical already.
        let canonical_already = s.text == canonical;
        assert_eq!(
            run(&["fmt", "--check", &path]).status.code(),
            Some(i32::from(!canonical_already))
        );
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn new_writes_a_valid_template_of_every_allowed_size() {
    for (h, l, o) in [(1, 1, 1), (3, 3, 3), (2, 5, 4), (12, 12, 12)] {
        let out = run(&[
            "new",
            "--hypotheses",
            &h.to_string(),
            "--levers",
            &l.to_string(),
            "--outcomes",
            &o.to_string(),
        ]);
        assert!(
            out.status.success(),
            "{h} {l} {o}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8_lossy(&out.stdout);
        let s = parse_scenario("new", &text).expect("valid");
        assert_eq!((s.hypotheses.len(), s.levers.len(), s.outcomes.len()), (h, l, o));
        // Already in the canonical layout.
        assert_eq!(scenario_text(&s).expect("writes"), text);
    }
    let out = run(&["new", "--levers", "0"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--levers 0"));
}

#[test]
fn check_notes_the_fields_a_template_still_holds_and_strict_fails_on_them() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("new.ron");
    let text = String::from_utf8(run(&["new", "--hypotheses", "2", "--levers", "1", "--outcomes", "2"]).stdout)
        .expect("utf-8");
    std::fs::write(&path, &text).expect("write");
    let f = path.display().to_string();
    let out = run(&["check", &f]);
    assert!(out.status.success());
    let said = String::from_utf8_lossy(&out.stdout);
    // The summary, the citation, 2 motives, 1 lever, 2 outcomes.
    assert!(
        said.contains("note: 7 fields still hold the template's placeholder text: summary, sources[0].citation, hypotheses[0].description"),
        "{said}"
    );
    assert_eq!(run(&["check", "--strict", &f]).status.code(), Some(1));
    // Written over, the note goes.
    let mut s = parse_scenario("new", &text).expect("valid");
    s.summary = "Madrid, 11 March 2004.".into();
    s.sources[0].citation = "Reinares 2010".into();
    for h in &mut s.hypotheses {
        h.description = format!("What {} says.", h.name);
    }
    s.levers[0].description = "Withdraw the troops.".into();
    for o in &mut s.outcomes {
        o.description = format!("How {} is counted.", o.name);
    }
    std::fs::write(&path, scenario_text(&s).expect("writes")).expect("write");
    let out = run(&["check", "--strict", &f]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));
    assert!(!String::from_utf8_lossy(&out.stdout).contains("note:"));
}
