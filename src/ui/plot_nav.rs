//! How a plot moves, the same on every plot: the mouse wheel scrolls the page, never the plot;
//! a drag pans and Ctrl with the wheel (or a pinch) zooms; "Reset view" brings back the view
//! that fits the data, and so does any change of what the plot shows or of the mode.

use egui_plot::Plot;
use std::hash::{Hash, Hasher};

/// The view state of one movable plot.
#[derive(Debug, Default)]
pub struct PlotNav {
    /// What the plot showed last frame (a hash of its data's identity and the mode).
    shown: Option<u64>,
    /// The user asked for the fitted view.
    reset: bool,
}

impl PlotNav {
    /// A "Reset view" button, in the current row.
    pub fn reset_button(&mut self, ui: &mut egui::Ui) {
        if ui
            .small_button("Reset view")
            .on_hover_text("Back to the view that fits the data. Drag to pan, Ctrl + wheel to zoom.")
            .clicked()
        {
            self.reset = true;
        }
    }

    /// `plot` set to move as every plot does, reset to its fitted view when `shown` (what it
    /// shows, from [`shown_key`]) differs from last frame's or the user asked.
    #[must_use]
    pub fn apply<'a>(&mut self, plot: Plot<'a>, shown: u64) -> Plot<'a> {
        let changed = self.shown.replace(shown).is_some_and(|last| last != shown);
        let plot = plot
            .allow_scroll(false)
            .allow_double_click_reset(false)
            .allow_boxed_zoom(false);
        if changed || std::mem::take(&mut self.reset) {
            plot.reset()
        } else {
            plot
        }
    }
}

/// A key for what a plot shows: equal keys, same data and mode.
#[must_use]
pub fn shown_key(parts: impl Hash) -> u64 {
    let mut h = std::hash::DefaultHasher::new();
    parts.hash(&mut h);
    h.finish()
}

/// A plot that cannot move (a bar chart among text, whose every bar is always in view).
#[must_use]
pub fn fixed(plot: Plot<'_>) -> Plot<'_> {
    plot.allow_scroll(false)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
}
