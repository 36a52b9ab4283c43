//! What the command-line test files share: running the built binary from the repository's root.

use std::process::{Command, Output};

/// Run `motive-lab` with `args` in the repository's root folder.
pub fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_motive-lab"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("runs")
}
