//! The `motive-lab` binary: the command line, or the desktop app when given no command.

use clap::Parser;
use motive_lab::app::MotiveApp;
use motive_lab::cli::{Cli, run};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(command) = &cli.command {
        return run(command);
    }
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Motive Lab")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([800.0, 500.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    let file = cli.file.clone();
    match eframe::run_native(
        "Motive Lab",
        options,
        Box::new(move |cc| Ok(Box::new(MotiveApp::new(cc, file)))),
    ) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("motive-lab: could not open the window: {e}");
            eprintln!("The command line works without a display: motive-lab --help");
            ExitCode::from(1)
        }
    }
}
