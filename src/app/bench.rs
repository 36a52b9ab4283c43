//! Frame times of the whole app for `motive-lab bench`: CPU time of layout, drawing and
//! tessellation (no GPU) in a headless egui context at 1280x800, for each plot tab, redrawn as
//! is and with a lever moving every frame (while it moves, quick uncertainty studies run off
//! the UI thread beside the frames, as in the app).

use super::MotiveApp;
use crate::measure::measure;
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
    (
        PlotTab::Uncertainty,
        "uncertainty (quick studies follow a moving lever)",
    ),
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
        Self::on(super::default_document())
    }

    /// The app on `doc`, its background work done and fonts warmed up.
    #[must_use]
    pub fn on(doc: crate::model::document::Document) -> Self {
        let ctx = egui::Context::default();
        let mut app = MotiveApp::with_document(
            &ctx,
            doc,
            super::Prefs::default(),
            crate::ui::views::results::ResultsView::default(),
        );
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
    let (mut lines, worst) = tab_frames(&mut Headless::new(), "app frame", samples);
    lines.push(format!(
        "slowest app frame median: {:.2} ms (target: under 4 ms)",
        worst.as_secs_f64() * 1e3
    ));
    lines.extend(large_frames(samples));
    lines
}

/// Every tab's frame, still and with the first lever moving; the lines and the slowest median.
fn tab_frames(h: &mut Headless, prefix: &str, samples: usize) -> (Vec<String>, Duration) {
    let mut lines = Vec::new();
    let mut worst = Duration::ZERO;
    let frames = samples.clamp(5, 60);
    for (tab, name) in TABS {
        h.show_tab(tab);
        h.frame();
        let still = measure(&format!("{prefix}, {name}, nothing changed"), frames, || h.frame());
        let mut step = 0.0;
        // The studies that came in while the lever moved (each result is a new allocation).
        let mut studies = std::collections::BTreeSet::new();
        let mut longest = Duration::ZERO;
        let mut count = 0usize;
        let moving = measure(&format!("{prefix}, {name}, a lever moving"), frames, || {
            step = (step + 50.0) % 2000.0;
            let t = std::time::Instant::now();
            h.move_lever(step);
            h.frame();
            longest = longest.max(t.elapsed());
            count += 1;
            if let Some((_, r)) = &h.app.derived.study().latest {
                studies.insert(std::sync::Arc::as_ptr(r) as usize);
            }
        });
        worst = worst.max(still.median).max(moving.median);
        lines.push(still.to_string());
        lines.push(moving.to_string());
        if tab == PlotTab::Uncertainty {
            lines.push(format!(
                "{prefix}, {name}: {} studies came in over {count} frames with the lever moving; the longest frame {:.2} ms",
                studies.len(),
                longest.as_secs_f64() * 1e3
            ));
        }
    }
    (lines, worst)
}

/// Frames of the app on a generated scenario near the limits (see
/// [`crate::model::generate::Shape::large`]): still and with a lever moving, on the tabs whose
/// work grows with the scenario.
fn large_frames(samples: usize) -> Vec<String> {
    use crate::model::document::{Document, ScenarioSource};
    use crate::model::generate::{Shape, seeded};
    let Ok(scenario) = seeded(&Shape::large(), 1) else {
        return vec!["the large scenario could not be generated".to_owned()];
    };
    let mut lines = vec![format!(
        "large generated scenario: {} hypotheses ({} leaves), {} levers, {} outcomes x {} horizons, {} effects, {} policies",
        scenario.hypotheses.len(),
        scenario.leaf_indices().len(),
        scenario.levers.len(),
        scenario.outcomes.len(),
        scenario.horizons.len(),
        scenario.effects.len(),
        scenario.policies.len()
    )];
    let study = std::time::Instant::now();
    let mut h = Headless::on(Document::from_scenario(
        std::sync::Arc::new(scenario),
        ScenarioSource::Embedded,
    ));
    lines.push(format!(
        "large scenario: opening, Pareto samples and the first uncertainty study (background): {:.1} s",
        study.elapsed().as_secs_f64()
    ));
    let frames = samples.clamp(5, 20);
    let (lo, hi) = {
        let l = &h.app.doc().scenario.levers[0];
        (l.min, l.max)
    };
    for (tab, name) in [
        (PlotTab::Matrix, "decision matrix"),
        (PlotTab::LeverSweep, "lever sweep"),
        (PlotTab::Pareto, "Pareto view"),
        (PlotTab::Uncertainty, "uncertainty"),
    ] {
        h.show_tab(tab);
        h.frame();
        lines.push(
            measure(
                &format!("large scenario frame, {name}, nothing changed"),
                frames,
                || h.frame(),
            )
            .to_string(),
        );
        let mut step = 0.0;
        lines.push(
            measure(&format!("large scenario frame, {name}, a lever moving"), frames, || {
                step = (step + 0.05) % 1.0;
                h.move_lever(lo + (hi - lo) * step);
                h.frame();
            })
            .to_string(),
        );
    }
    lines
}
