//! The `motive-lab` binary: the command line, or the desktop app when given no command.

use clap::Parser;
use motive_lab::cli::{Cli, run};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(command) = &cli.command {
        #[cfg(feature = "gui")]
        let extra: Option<motive_lab::cli::ExtraBench> = Some(motive_lab::app::bench::frame_benchmarks);
        #[cfg(not(feature = "gui"))]
        let extra: Option<motive_lab::cli::ExtraBench> = None;
        return run(command, extra);
    }
    open_app(cli.file)
}

#[cfg(feature = "gui")]
fn open_app(file: Option<std::path::PathBuf>) -> ExitCode {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Motive Lab")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([800.0, 500.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    match eframe::run_native(
        motive_lab::app::APP_ID,
        options,
        Box::new(move |cc| Ok(Box::new(motive_lab::app::MotiveApp::new(cc, file)))),
    ) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("motive-lab: could not open the window: {e}");
            eprintln!("The command line works without a display: motive-lab --help");
            ExitCode::from(1)
        }
    }
}

#[cfg(not(feature = "gui"))]
fn open_app(_file: Option<std::path::PathBuf>) -> ExitCode {
    eprintln!("motive-lab: this build has no desktop app (built without the `gui` feature).");
    eprintln!("The command line: motive-lab --help");
    ExitCode::from(1)
}
