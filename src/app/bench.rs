//! Frame times of the whole app for `motive-lab bench`: CPU time of layout, drawing and
//! tessellation (no GPU) in a headless egui context at 1280x800, for each plot tab, redrawn as
//! is and with a lever moving every frame.

use super::MotiveApp;
use crate::cli::measure;
use crate::ui::ctx::{Command, Edit, PlotTab};
use std::hint::black_box;
use std::time::Duration;

/// The plot tabs frames are timed on, with their names in benchmark output.
pub const TABS: [(PlotTab, &str); 7] = [
    (PlotTab::Pareto, "Pareto view (10,000 samples)"),
    (PlotTab::LeverSweep, "lever sweep"),
    (PlotTab::Matrix, "decision matrix"),
    (PlotTab::CredenceSweep, "credence sweep"),
    (PlotTab::Gap, "what drives the gap"),
    (PlotTab::Uncertainty, "uncertainty (its Monte Carlo waits for a pause)"),
    (PlotTab::Evidence, "evidence matrix"),
];

/// A headless app and a function that runs one frame of it.
pub struct Headless {
    /// The egui context frames run in.
    pub ctx: egui::Context,
    /// The app.
    pub app: MotiveApp,
}

impl Headless {
    /// The app on its default scenario with the Pareto samples ready and fonts warmed up.
    #[must_use]
    pub fn new() -> Self {
        let ctx = egui::Context::default();
        let mut app = MotiveApp::new_default(&ctx);
        app.wait_for_samples();
        app.wait_for_study();
        let mut h = Self { ctx, app };
        for _ in 0..3 {
            h.frame();
        }
        h
    }

    /// One whole frame at 1280x800, tessellated.
    pub fn frame(&mut self) {
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1280.0, 800.0))),
            ..Default::default()
        };
        let app = &mut self.app;
        let out = self.ctx.run_ui(input, |ui| app.frame_ui(ui));
        black_box(self.ctx.tessellate(out.shapes, out.pixels_per_point));
    }

    /// Show a plot tab.
    pub fn show_tab(&mut self, tab: PlotTab) {
        self.app.views.results.tab = tab;
    }

    /// Move the first lever to `x`, as a slider would.
    pub fn move_lever(&mut self, x: f64) {
        self.app.send(Command::Edit(Edit::Lever(0, x)));
    }
}

impl Default for Headless {
    fn default() -> Self {
        Self::new()
    }
}

/// Time whole frames on every plot tab, still and with a lever moving.
#[must_use]
pub fn frame_benchmarks(samples: usize) -> Vec<String> {
    let mut h = Headless::new();
    let mut lines = Vec::new();
    let mut worst = Duration::ZERO;
    let frames = samples.clamp(5, 60);
    for (tab, name) in TABS {
        h.show_tab(tab);
        h.frame();
        let still = measure(&format!("app frame, {name}, nothing changed"), frames, || h.frame());
        let mut step = 0.0;
        let moving = measure(&format!("app frame, {name}, a lever moving"), frames, || {
            step = (step + 50.0) % 2000.0;
            h.move_lever(step);
            h.frame();
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
