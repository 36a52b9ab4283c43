//! The `bench` command: medians of the core's hot paths on the shipped scenario.

use crate::io::{SHIPPED_SCENARIOS, parse_scenario};
use crate::model::decision::Scratch;
use crate::model::evaluate::Model;
use crate::model::preset::Settings;
use crate::model::summary::report;
use std::hint::black_box;
use std::time::{Duration, Instant};

/// One measurement.
#[derive(Debug, Clone)]
pub struct BenchResult {
    /// What was timed.
    pub name: String,
    /// Median time of one call.
    pub median: Duration,
}

impl std::fmt::Display for BenchResult {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{:<60} median {:>10.2} µs",
            self.name,
            self.median.as_secs_f64() * 1e6
        )
    }
}

/// Median of `samples` timings, each the mean of a batch long enough to time reliably.
pub fn measure(name: &str, samples: usize, mut f: impl FnMut()) -> BenchResult {
    // Calibrate: how long one call takes, so each timed sample lasts about a millisecond.
    let start = Instant::now();
    let mut calls = 0u32;
    while start.elapsed() < Duration::from_millis(20) {
        f();
        calls += 1;
    }
    let per = start.elapsed().as_secs_f64() / f64::from(calls.max(1));
    // Slow calls (whole frames) are timed one at a time.
    let batch = ((1e-3 / per.max(1e-9)) as usize).clamp(1, 100_000);
    let mut times: Vec<f64> = (0..samples)
        .map(|_| {
            let t = Instant::now();
            for _ in 0..batch {
                f();
            }
            t.elapsed().as_secs_f64() / batch as f64
        })
        .collect();
    times.sort_by(f64::total_cmp);
    BenchResult {
        name: name.to_owned(),
        median: Duration::from_secs_f64(times[times.len() / 2]),
    }
}

/// Run the core benchmarks and return printable lines.
#[must_use]
pub fn run_benchmarks(samples: usize) -> Vec<String> {
    let Some(shipped) = SHIPPED_SCENARIOS.first() else {
        return vec!["no shipped scenario".to_owned()];
    };
    let scenario = match parse_scenario(shipped.file_name, shipped.text) {
        Ok(s) => s,
        Err(e) => return vec![e.to_string()],
    };
    let model = match Model::new(&scenario) {
        Ok(m) => m,
        Err(_) => return vec!["the shipped scenario does not validate".to_owned()],
    };
    let settings = Settings::defaults(&scenario);
    let mut out = vec![0.0; model.leaves.len() * model.cells()];
    let mut scratch = Scratch::default();
    let mut lines = vec![format!(
        "Paris 2015: {} leaf hypotheses, {} outcomes x {} horizons, {} effects, {} policies + current; one core",
        model.leaves.len(),
        model.outcomes(),
        model.horizons(),
        scenario.effects.len(),
        scenario.policies.len()
    )];
    lines.push(
        measure("evaluate: all outcomes under all leaf hypotheses", samples, || {
            model.evaluate_into(black_box(&settings.levers), &mut out);
            black_box(&out);
        })
        .to_string(),
    );
    lines.push(
        measure(
            "full analysis: outcomes, policies, regret, EVPI, flip points",
            samples,
            || {
                let r = report(&scenario, &model, black_box(&settings), &mut scratch);
                black_box(&r).as_ref().ok();
            },
        )
        .to_string(),
    );
    lines.extend(frame_benchmarks(samples));
    lines
}

/// CPU time of whole app frames (layout, drawing and tessellation, no GPU) in a headless egui
/// context at 1280x800, for each plot tab, redrawn as is and with a lever moving every frame.
fn frame_benchmarks(samples: usize) -> Vec<String> {
    use crate::app::{MotiveApp, PlotTab};
    let ctx = egui::Context::default();
    let mut app = MotiveApp::new_default(&ctx);
    app.wait_for_samples();
    let input = || egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1280.0, 800.0))),
        ..Default::default()
    };
    let frame = |app: &mut MotiveApp| {
        let out = ctx.run_ui(input(), |ui| app.frame_ui(ui));
        black_box(ctx.tessellate(out.shapes, out.pixels_per_point));
    };
    // Warm up caches and fonts.
    for _ in 0..3 {
        frame(&mut app);
    }
    let mut lines = Vec::new();
    let mut worst = Duration::ZERO;
    let frames = samples.clamp(5, 60);
    for (tab, name) in [
        (PlotTab::Pareto, "Pareto view (10,000 samples)"),
        (PlotTab::LeverSweep, "lever sweep"),
        (PlotTab::Matrix, "decision matrix"),
        (PlotTab::CredenceSweep, "credence sweep"),
    ] {
        app.persisted.tab = tab;
        frame(&mut app);
        let still = measure(&format!("app frame, {name}, nothing changed"), frames, || {
            frame(&mut app)
        });
        let mut step = 0.0;
        let moving = measure(&format!("app frame, {name}, a lever moving"), frames, || {
            step = (step + 50.0) % 2000.0;
            app.doc.settings.levers[0] = step;
            frame(&mut app);
        });
        worst = worst.max(still.median).max(moving.median);
        lines.push(still.to_string());
        lines.push(moving.to_string());
    }
    lines.push(format!(
        "slowest app frame median: {:.2} ms (target: under 4 ms)",
        worst.as_secs_f64() * 1e3
    ));
    lines
}
