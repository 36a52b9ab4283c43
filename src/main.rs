//! The `motive-lab` binary: the command line, or the desktop app when given no command.

use clap::Parser;
use motive_lab::cli::{Cli, run};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match &cli.command {
        Some(command) => run(command),
        None => {
            eprintln!("motive-lab: the desktop app is not built yet; try `motive-lab eval presets/middle-course.ron`");
            ExitCode::from(2)
        }
    }
}
