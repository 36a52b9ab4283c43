//! `check`: every problem of scenario, preset and lesson files, located, and every note the app
//! would give on opening them.

use crate::io::load_document;
use std::path::PathBuf;
use std::process::ExitCode;

#[allow(clippy::print_stdout, reason = "the command line's output goes to stdout")]
pub(super) fn check(files: &[PathBuf], strict: bool) -> ExitCode {
    let mut failed = false;
    let mut noted = false;
    for f in files {
        if let Some(result) = check_lesson(f) {
            match result {
                Ok(line) => println!("{line}"),
                Err(e) => {
                    failed = true;
                    let n = e.problems().len();
                    eprintln!("{e}");
                    eprintln!("{}: {n} problem{} found", f.display(), if n == 1 { "" } else { "s" });
                }
            }
            continue;
        }
        match load_document(f) {
            Ok(doc) => {
                let s = &doc.scenario;
                println!(
                    "{}: ok ({}: {} hypotheses, {} levers, {} outcomes, {} horizons, {} effects, {} policies)",
                    f.display(),
                    s.id,
                    s.hypotheses.len(),
                    s.levers.len(),
                    s.outcomes.len(),
                    s.horizons.len(),
                    s.effects.len(),
                    s.policies.len()
                );
                // Every note the app would give on opening the file.
                for n in &doc.notices {
                    println!("{}: note: {n}", f.display());
                    noted = true;
                }
            }
            Err(e) => {
                failed = true;
                let n = e.problems().len();
                eprintln!("{e}");
                eprintln!("{}: {n} problem{} found", f.display(), if n == 1 { "" } else { "s" });
            }
        }
    }
    if failed {
        ExitCode::from(2)
    } else if strict && noted {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// A lesson file checked: its `ok` line, or its problems; `None` if the file is not a lesson.
fn check_lesson(f: &std::path::Path) -> Option<Result<String, crate::io::FileError>> {
    let text = crate::io::read_text(f).ok()?;
    if !crate::io::is_lesson(&text) {
        return None;
    }
    Some(crate::io::parse_lesson(&f.display().to_string(), &text).map(|l| {
        format!(
            "{}: ok (lesson {}: {} steps on {})",
            f.display(),
            l.id,
            l.steps.len(),
            l.scenario
        )
    }))
}
