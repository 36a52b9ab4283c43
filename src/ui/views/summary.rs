//! The verdict in words (which policy is best, by how much, and what would change it), the
//! sentence the sampled assumptions add on a line of its own, and the summary numbers in plain
//! words: expected utility of the current settings against the comparison state, the
//! minimax-regret policy and EVPI.
//!
//! Everything here keeps one height whatever it says, so that nothing below it jumps when a
//! sentence grows or the sampled sentence arrives a moment after a change: the verdict has a
//! box of whole lines that scrolls when the text runs longer, the sampled sentence a line of its
//! own.

use crate::format::{difference_to, fixed};
use crate::model::explain::{amount, verdict};
use crate::model::scenario::Scenario;
use crate::model::summary::Report;
use crate::ui::ctx::{ReferenceKind, Theme};
use crate::ui::widgets::fixed_height;
use egui::RichText;
use egui::text::{LayoutJob, TextFormat};

/// What the summary says.
#[derive(Debug)]
pub struct Summary<'a> {
    /// The scenario.
    pub scenario: &'a Scenario,
    /// The current settings' report.
    pub report: &'a Report,
    /// The comparison state's report, if there is one.
    pub reference: Option<(ReferenceKind, &'a Report)>,
    /// Sentences after the verdict's own (where the lead comes from, the evidence).
    pub extra: Vec<String>,
    /// The sentence the sampled assumptions add.
    pub sampled: Sampled,
}

/// What the sampled assumptions add to the verdict.
#[derive(Debug)]
pub enum Sampled {
    /// They are being sampled.
    Pending,
    /// Nothing worth saying.
    Nothing,
    /// This sentence.
    Says(String),
}

/// Draw `summary`.
pub fn summary_ui(ui: &mut egui::Ui, theme: &Theme, summary: Summary<'_>) {
    let size = ui
        .style()
        .text_styles
        .get(&egui::TextStyle::Body)
        .map_or(14.0, |f| f.size)
        * VERDICT_SCALE;
    let font = egui::FontId::proportional(size);
    let row = ui.fonts_mut(|f| f.row_height(&font));
    // Whole lines, so that the box never cuts a line in half: a share of the window's height
    // (in classroom mode, where every point is spoken for, a fixed few).
    let lines = if theme.classroom {
        CLASSROOM_VERDICT_LINES
    } else {
        (ui.ctx().content_rect().height() * VERDICT_SHARE / row)
            .floor()
            .clamp(MIN_VERDICT_LINES, MAX_VERDICT_LINES)
    };
    let height = lines * row;
    let mut sentences = verdict(summary.scenario, summary.report);
    sentences.extend(summary.extra);
    let visuals = ui.visuals();
    let mut job = LayoutJob::default();
    for (i, s) in sentences.iter().enumerate() {
        let (colour, sep) = if i == 0 {
            (visuals.strong_text_color(), "")
        } else {
            (visuals.text_color(), " ")
        };
        job.append(sep, 0.0, TextFormat::simple(font.clone(), colour));
        job.append(s, 0.0, TextFormat::simple(font.clone(), colour));
    }
    job.wrap.max_width = ui.available_width();
    fixed_height(ui, "verdict", height, |ui| {
        // One label: its accessible name is the whole verdict.
        ui.add(egui::Label::new(job).wrap());
    });
    sampled_line(ui, theme, summary.sampled);
    if !theme.classroom {
        numbers_row(ui, theme, summary.report, summary.reference);
    }
}

/// The sentence the sampled assumptions add, on a line of its own of fixed height.
fn sampled_line(ui: &mut egui::Ui, theme: &Theme, sampled: Sampled) {
    let lines = if theme.classroom { 1.0 } else { SAMPLED_LINES };
    let small = egui::TextStyle::Small.resolve(ui.style());
    let height = lines * ui.fonts_mut(|f| f.row_height(&small));
    let width = ui.available_width();
    let (text, muted) = match sampled {
        Sampled::Pending => ("Sampling every assumption's range…".to_owned(), true),
        Sampled::Nothing => (String::new(), true),
        Sampled::Says(s) => (s, false),
    };
    let mut text = RichText::new(text).small();
    if muted {
        text = text.color(theme.palette.muted);
    }
    ui.allocate_ui_with_layout(
        egui::vec2(width, height),
        egui::Layout::top_down(egui::Align::Min),
        |ui| {
            ui.set_min_size(egui::vec2(width, height));
            let label = egui::Label::new(text.clone());
            // In classroom mode one line, cut short (whole on hover); else two, wrapped.
            if theme.classroom {
                ui.add(label.truncate());
            } else {
                ui.add(label.wrap());
            }
        },
    );
}

/// Expected utility, the comparison, the minimax-regret policy and EVPI, each with what it means.
fn numbers_row(ui: &mut egui::Ui, theme: &Theme, report: &Report, reference: Option<(ReferenceKind, &Report)>) {
    let palette = theme.palette;
    let a = &report.analysis;
    let name = |p: usize| report.candidates.get(p).map_or("–", |c| c.name.as_str());
    // Each item stays whole: the row wraps between items, never inside one.
    let item = |ui: &mut egui::Ui, text: RichText| ui.add(egui::Label::new(text).wrap_mode(egui::TextWrapMode::Extend));
    let gloss = |ui: &mut egui::Ui, text: &str| item(ui, RichText::new(text).small().color(palette.muted));
    ui.horizontal_wrapped(|ui| {
        let eu = report.evaluation.expected_utility;
        item(
            ui,
            RichText::new(format!("Expected utility: {}", fixed(eu, 3))).strong(),
        )
        .on_hover_text(EU_HELP);
        gloss(ui, "(0 = all worst, 1 = all best)").on_hover_text(EU_HELP);
        if let Some((kind, r)) = reference {
            let r_eu = r.evaluation.expected_utility;
            let (d, shown) = difference_to(eu, r_eu, 3);
            let colour = if d > 0.0 {
                palette.better
            } else if d < 0.0 {
                palette.worse
            } else {
                palette.muted
            };
            let what = match kind {
                ReferenceKind::Pinned => "A",
                ReferenceKind::Opened => "as opened",
            };
            item(
                ui,
                RichText::new(format!("{what}: {} ({shown})", fixed(r_eu, 3))).color(colour),
            );
        }
        ui.separator();
        item(ui, RichText::new(format!("Minimax regret: {}", name(a.minimax_regret)))).on_hover_text(REGRET_HELP);
        gloss(ui, "(least bad worst case)").on_hover_text(REGRET_HELP);
        ui.separator();
        let evpi = match &report.units {
            Ok(u) => format!("EVPI: {} = {}", fixed(a.evpi, 4), amount(u.of_utility(a.evpi), &u.unit)),
            Err(_) => format!("EVPI: {}", fixed(a.evpi, 4)),
        };
        item(ui, RichText::new(evpi)).on_hover_text(EVPI_HELP);
        gloss(ui, "(worth of knowing the answers)").on_hover_text(EVPI_HELP);
    });
}

const EU_HELP: &str = "Expected utility: the credence-weighted utility of the current settings. Utility scores every outcome from 0 (its worst plausible level) to 1 (its best), weighted by how much you say it matters. Help > What the numbers mean has the glossary.";
const REGRET_HELP: &str = "Regret: how much worse a policy does under one answer than the best policy for that answer. The minimax-regret policy has the smallest worst-case regret over the answers you give any credence.";
const EVPI_HELP: &str = "Expected value of perfect information: how much expected utility you would gain by learning the true answers before choosing among these policies, also in units of the yardstick outcome.";

/// The largest share of the window's height the verdict's box takes.
const VERDICT_SHARE: f32 = 0.12;
/// Lines of the verdict's box outside classroom mode: at least, at most.
const MIN_VERDICT_LINES: f32 = 3.0;
const MAX_VERDICT_LINES: f32 = 8.0;
/// Lines of the verdict's box in classroom mode.
const CLASSROOM_VERDICT_LINES: f32 = 3.0;
/// Lines kept for the sampled sentence outside classroom mode.
const SAMPLED_LINES: f32 = 2.0;

/// Type size of the verdict, relative to body text.
const VERDICT_SCALE: f32 = 1.1;
