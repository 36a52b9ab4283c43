//! Every colour and size the app uses, for the light, dark and classroom (high-contrast) looks.

use egui::{Color32, FontId, Stroke, TextStyle, Visuals};
use serde::{Deserialize, Serialize};

/// Which look the app has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Look {
    /// Light background.
    Light,
    /// Dark background.
    #[default]
    Dark,
}

/// Normal zoom.
const NORMAL_ZOOM: f32 = 1.0;
/// Classroom mode lays the window out as if it were this many points tall, whatever the
/// projector: the type grows with the screen (body text 14 pt is 18 px at 1024x768 and 25 px at
/// 1920x1080; plot ticks 11.5 pt are 15 and 21 px), and the layout is the same on every screen.
pub const CLASSROOM_POINTS_TALL: f32 = 600.0;
/// Classroom zoom's least and most (a tiny window or a wall-sized screen).
const CLASSROOM_ZOOM_RANGE: std::ops::RangeInclusive<f32> = 1.2..=2.6;

/// The zoom classroom mode uses on a window `height` points tall at zoom 1.
#[must_use]
pub fn classroom_zoom(height: f32) -> f32 {
    (height / CLASSROOM_POINTS_TALL).clamp(*CLASSROOM_ZOOM_RANGE.start(), *CLASSROOM_ZOOM_RANGE.end())
}

/// Width of the settings side panel on a window `width` points wide: fixed for a mode and a
/// screen, whatever the panel holds (a long preset name never widens it).
#[must_use]
pub fn side_panel_width(classroom: bool, width: f32) -> f32 {
    if classroom {
        (width * 0.32).clamp(240.0, 440.0)
    } else {
        (width * 0.28).clamp(280.0, 420.0)
    }
}
/// Width of the scenario editor's panel for a window `width` wide: most of the window, the
/// results keeping enough to read.
#[must_use]
pub fn editor_panel_width(width: f32) -> f32 {
    (width * 0.5).clamp(420.0, 900.0)
}
/// Width of a text field in the scenario editor's grids.
pub const EDITOR_TEXT_WIDTH: f32 = 120.0;
/// Width of a long text field (a description, a note) in the scenario editor.
pub const EDITOR_LONG_TEXT_WIDTH: f32 = 240.0;
/// Width of a likelihood bar in the editor's evidence grid.
pub const EDITOR_BAR_WIDTH: f32 = 56.0;
/// Size of the editor's curve plot: width, height.
pub const EDITOR_CURVE_SIZE: (f32, f32) = (260.0, 120.0);
/// Radius of a curve point's handle.
pub const EDITOR_HANDLE_RADIUS: f32 = 5.0;
/// Least height of a plot in points; below it the results area scrolls instead.
pub const MIN_PLOT_HEIGHT: f32 = 180.0;
/// Width of the legend beside a plot.
pub const LEGEND_WIDTH: f32 = 200.0;
/// Most of the plot row the legend may take.
pub const LEGEND_SHARE: f32 = 0.3;
/// Narrowest plot.
pub const MIN_PLOT_WIDTH: f32 = 240.0;
/// Room kept under a plot (its x-axis labels are inside the plot's own height).
pub const PLOT_BOTTOM_MARGIN: f32 = 6.0;
/// Radius of a sampled policy in the Pareto view.
pub const SAMPLE_RADIUS: f32 = 1.2;
/// Radius of a marked policy in plots.
pub const MARKER_RADIUS: f32 = 6.0;
/// How close (in points) a click must be to a sampled policy to pick it.
pub const PICK_RADIUS: f32 = 8.0;
/// Width of the expected-value curve.
pub const EXPECTED_LINE_WIDTH: f32 = 3.0;
/// Width of per-hypothesis curves.
pub const THIN_LINE_WIDTH: f32 = 1.0;
/// Indent per level of a sub-hypothesis in the credence panel.
pub const INDENT: f32 = 18.0;
/// Room left beside a slider for its number field.
pub const SLIDER_FIELD: f32 = 80.0;
/// Narrowest slider.
pub const MIN_SLIDER: f32 = 80.0;
/// Width of a combo box choosing an outcome, lever or hypothesis.
pub const COMBO_WIDTH: f32 = 300.0;
/// Widest tooltip text.
pub const TOOLTIP_WIDTH: f32 = 380.0;
/// Width of the lesson panel in normal mode.
pub const LESSON_PANEL_WIDTH: f32 = 300.0;
/// Width of the first column of a table in the Help window (keys and field names).
pub const HELP_KEY_WIDTH: f32 = 170.0;
/// Height of one row of a horizontal bar chart (room for its name on the axis).
pub const BAR_ROW: f32 = 26.0;
/// Room a horizontal bar chart keeps for its x axis and label.
pub const BAR_MARGIN: f32 = 60.0;
/// The least gap between two row names on a bar chart's axis.
pub const BAR_LABEL_GAP: f32 = 14.0;

/// Colours of the series a plot draws many of (named policies, hypotheses), chosen to stay
/// apart from each other and from the current settings, A and the front in every look.
const SERIES: [Color32; 9] = [
    Color32::from_rgb(230, 120, 40),
    Color32::from_rgb(90, 190, 90),
    Color32::from_rgb(140, 110, 250),
    Color32::from_rgb(240, 120, 170),
    Color32::from_rgb(60, 200, 190),
    Color32::from_rgb(160, 170, 60),
    Color32::from_rgb(180, 120, 80),
    Color32::from_rgb(200, 60, 60),
    Color32::from_rgb(110, 110, 200),
];

/// The colour of series `i` (the palette repeats past its end).
#[must_use]
pub fn series(i: usize) -> Color32 {
    SERIES[i % SERIES.len()]
}

/// Colours that depend on the look.
#[derive(Debug, Clone, Copy)]
pub struct Palette {
    /// Better than the comparison.
    pub better: Color32,
    /// Worse than the comparison.
    pub worse: Color32,
    /// Highlight of the best cell.
    pub best_fill: Color32,
    /// Sampled policies.
    pub sample: Color32,
    /// The Pareto front.
    pub front: Color32,
    /// The current settings.
    pub current: Color32,
    /// The pinned comparison state A.
    pub pinned: Color32,
    /// Error banner fill.
    pub error_fill: Color32,
    /// Info banner fill.
    pub info_fill: Color32,
    /// Muted text.
    pub muted: Color32,
}

/// The palette for a look; classroom mode uses the high-contrast variant.
#[must_use]
pub fn palette(look: Look, classroom: bool) -> Palette {
    match (look, classroom) {
        // A light projector palette: many rooms wash out dark slides.
        (Look::Light, true) => Palette {
            better: Color32::from_rgb(0, 120, 40),
            worse: Color32::from_rgb(190, 0, 0),
            best_fill: Color32::from_rgb(170, 230, 180),
            sample: Color32::from_rgba_unmultiplied(60, 60, 60, 80),
            front: Color32::from_rgb(150, 110, 0),
            current: Color32::from_rgb(0, 80, 200),
            pinned: Color32::from_rgb(150, 0, 160),
            error_fill: Color32::from_rgb(255, 200, 195),
            info_fill: Color32::from_rgb(205, 225, 255),
            muted: Color32::from_gray(60),
        },
        (Look::Dark, true) => Palette {
            better: Color32::from_rgb(80, 230, 120),
            worse: Color32::from_rgb(255, 110, 90),
            best_fill: Color32::from_rgb(20, 90, 40),
            sample: Color32::from_rgba_unmultiplied(170, 170, 170, 90),
            front: Color32::from_rgb(255, 210, 0),
            current: Color32::from_rgb(0, 200, 255),
            pinned: Color32::from_rgb(255, 120, 255),
            error_fill: Color32::from_rgb(120, 0, 0),
            info_fill: Color32::from_rgb(0, 50, 110),
            muted: Color32::from_gray(200),
        },
        (Look::Dark, false) => Palette {
            better: Color32::from_rgb(90, 200, 120),
            worse: Color32::from_rgb(240, 110, 100),
            best_fill: Color32::from_rgb(30, 80, 45),
            sample: Color32::from_rgba_unmultiplied(150, 150, 150, 60),
            front: Color32::from_rgb(240, 190, 40),
            current: Color32::from_rgb(70, 170, 255),
            pinned: Color32::from_rgb(220, 110, 230),
            error_fill: Color32::from_rgb(100, 25, 25),
            info_fill: Color32::from_rgb(25, 55, 95),
            muted: Color32::from_gray(150),
        },
        (Look::Light, false) => Palette {
            better: Color32::from_rgb(0, 130, 50),
            worse: Color32::from_rgb(190, 30, 30),
            best_fill: Color32::from_rgb(190, 235, 195),
            sample: Color32::from_rgba_unmultiplied(90, 90, 90, 50),
            front: Color32::from_rgb(170, 140, 0),
            current: Color32::from_rgb(0, 90, 200),
            pinned: Color32::from_rgb(160, 0, 170),
            error_fill: Color32::from_rgb(255, 215, 210),
            info_fill: Color32::from_rgb(215, 230, 250),
            muted: Color32::from_gray(90),
        },
    }
}

/// Apply the look, contrast and zoom to the context (`zoom`: classroom mode's, from
/// [`classroom_zoom`]).
pub fn apply(ctx: &egui::Context, look: Look, classroom: bool, zoom: f32) {
    let mut visuals = match look {
        Look::Light => Visuals::light(),
        Look::Dark => Visuals::dark(),
    };
    if classroom && look == Look::Light {
        visuals.override_text_color = Some(Color32::BLACK);
        visuals.panel_fill = Color32::WHITE;
        visuals.window_fill = Color32::from_gray(250);
        visuals.extreme_bg_color = Color32::WHITE;
        visuals.widgets.noninteractive.bg_stroke = Stroke::new(1.5, Color32::from_gray(90));
        visuals.widgets.inactive.bg_fill = Color32::from_gray(215);
        visuals.selection.bg_fill = Color32::from_rgb(120, 170, 255);
    } else if classroom {
        visuals.override_text_color = Some(Color32::WHITE);
        visuals.panel_fill = Color32::BLACK;
        visuals.window_fill = Color32::from_gray(10);
        visuals.extreme_bg_color = Color32::BLACK;
        visuals.widgets.noninteractive.bg_stroke = Stroke::new(1.5, Color32::from_gray(160));
        visuals.widgets.inactive.bg_fill = Color32::from_gray(70);
        visuals.selection.bg_fill = Color32::from_rgb(0, 120, 215);
    }
    ctx.set_visuals(visuals);
    ctx.set_zoom_factor(if classroom { zoom } else { NORMAL_ZOOM });
    ctx.global_style_mut(|style| {
        style.text_styles.insert(TextStyle::Heading, FontId::proportional(20.0));
        style.text_styles.insert(TextStyle::Body, FontId::proportional(14.0));
        style.text_styles.insert(TextStyle::Button, FontId::proportional(14.0));
        style.text_styles.insert(TextStyle::Small, FontId::proportional(11.5));
        style.text_styles.insert(TextStyle::Monospace, FontId::monospace(13.5));
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classroom_type_grows_with_the_projector() {
        // 1024x768 and 1920x1080 at one pixel per point: 1.28 and 1.8.
        assert!((classroom_zoom(768.0) - 1.28).abs() < 1e-6);
        assert!((classroom_zoom(1080.0) - 1.8).abs() < 1e-6);
        // Plot ticks (small text) at least 18 px at 1080p.
        assert!(11.5 * classroom_zoom(1080.0) >= 18.0);
        assert!((classroom_zoom(300.0) - 1.2).abs() < 1e-6);
    }

    #[test]
    fn the_side_panel_is_fixed_per_mode_and_screen() {
        assert!((side_panel_width(false, 1280.0) - 358.4).abs() < 1e-3);
        assert!((side_panel_width(true, 800.0) - 256.0).abs() < 1e-3);
        assert!((side_panel_width(true, 3000.0) - 440.0).abs() < 1e-3);
    }

    fn distance(a: Color32, b: Color32) -> f32 {
        let d = |x: u8, y: u8| f32::from(x) - f32::from(y);
        (d(a.r(), b.r()).powi(2) + d(a.g(), b.g()).powi(2) + d(a.b(), b.b()).powi(2)).sqrt()
    }

    #[test]
    fn series_colours_stay_apart_from_each_other_and_the_marked_ones() {
        for (i, &a) in SERIES.iter().enumerate() {
            for &b in &SERIES[i + 1..] {
                assert!(distance(a, b) > 55.0, "{a:?} and {b:?} are too alike");
            }
            for look in [Look::Dark, Look::Light] {
                for classroom in [false, true] {
                    let p = palette(look, classroom);
                    for (what, c) in [("current", p.current), ("A", p.pinned), ("front", p.front)] {
                        assert!(
                            distance(a, c) > 55.0,
                            "{a:?} too like {what} {c:?} ({look:?}, {classroom})"
                        );
                    }
                }
            }
        }
    }
}
