//! The fuzzers' minimised corpus (`fuzz/corpus/<target>/`) and every input a fuzzer once
//! failed on (`fuzz/regressions/<target>/`), replayed through the same checks the fuzz
//! targets run, so that a plain `cargo test` guards against regressions without a fuzzer.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test or benchmark stops at the first surprise"
)]

use motive_lab::checks;
use std::path::Path;

fn replay(target: &str, check: fn(&[u8])) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut inputs = 0;
    let mut failed = Vec::new();
    for dir in ["corpus", "regressions"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir).join(target)) else {
            continue;
        };
        let mut paths: Vec<_> = entries.map(|e| e.expect("entry").path()).collect();
        paths.sort();
        for path in paths {
            let bytes = std::fs::read(&path).expect("read");
            inputs += 1;
            if std::panic::catch_unwind(|| check(&bytes)).is_err() {
                failed.push(path.display().to_string());
            }
        }
    }
    assert!(inputs > 0, "no corpus for {target}");
    assert!(
        failed.is_empty(),
        "{target}: {} of {inputs} inputs fail: {failed:#?}",
        failed.len()
    );
}

#[test]
fn document_text_corpus() {
    replay("document_text", checks::document_text);
}

#[test]
fn preset_round_trip_corpus() {
    replay("preset_round_trip", checks::preset_round_trip);
}

#[test]
fn overrides_corpus() {
    replay("overrides", checks::overrides);
}

#[test]
fn evidence_states_corpus() {
    replay("evidence_states", checks::evidence_states);
}

#[test]
fn structured_corpus() {
    replay("structured", checks::structured);
}

/// The corpus stays small enough to keep in the repository and to replay in seconds.
#[test]
fn the_corpus_is_small() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus");
    let mut total = 0u64;
    for target in std::fs::read_dir(root).expect("corpus") {
        for f in std::fs::read_dir(target.expect("dir").path()).expect("dir") {
            total += f.expect("file").metadata().expect("meta").len();
        }
    }
    assert!(total < 4 * 1024 * 1024, "the corpus is {total} bytes");
}
