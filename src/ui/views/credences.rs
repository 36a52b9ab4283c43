//! Credences over the hypotheses: one group per question under its name, one slider per
//! hypothesis setting its share of its sibling group, sub-hypotheses nested under their parent,
//! locks, Equalise and Reset.

use crate::format::percent;
use crate::model::credence::{equalise, set_share};
use crate::ui::ctx::{Edit, View, ViewCtx};
use crate::ui::theme::{INDENT, TOOLTIP_WIDTH};
use crate::ui::widgets::{fit_slider, hypothesis_order};
use egui::{RichText, Slider, WidgetInfo};

/// Least width of a hypothesis name before it wraps word by word.
const MIN_NAME_WIDTH: f32 = 60.0;

/// The credence panel. Locks are per hypothesis and last for the session.
#[derive(Debug, Default)]
pub struct CredencesView {
    /// Whether each hypothesis's share is locked.
    pub locked: Vec<bool>,
    /// In classroom mode, the sliders are shown (else a compact strip per question).
    pub sliders_in_classroom: bool,
}

impl CredencesView {
    /// A new scenario: its hypotheses are other ones, so no share stays locked.
    pub fn unlock_all(&mut self) {
        self.locked.clear();
    }
}

impl View for CredencesView {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        let scenario = &ctx.doc.scenario;
        let classroom = ctx.theme.classroom;
        self.locked.resize(scenario.hypotheses.len(), false);
        // From evidence, the sliders set the prior; the posterior is shown beside each.
        let credences = ctx.settings().slider_credences();
        let from_evidence = ctx.settings().prior.is_some();
        if classroom {
            let label = if self.sliders_in_classroom {
                "Compact beliefs"
            } else {
                "Show belief sliders"
            };
            if ui
                .button(label)
                .on_hover_text("The beliefs as one strip per question, or a slider per answer")
                .clicked()
            {
                self.sliders_in_classroom = !self.sliders_in_classroom;
            }
            if !self.sliders_in_classroom {
                strips(ui, ctx);
                code_line(ui, ctx);
                return;
            }
        }
        ui.heading(scenario.question_name(0));
        if from_evidence {
            ui.label(RichText::new("Sliders: your prior. \"now\": your credence after the evidence observed.").small());
        }
        if !classroom {
            ui.horizontal(|ui| {
                if ui
                    .button("Equalise")
                    .on_hover_text("Give every hypothesis the same share of its group; locked shares stay")
                    .clicked()
                {
                    let next = equalise(ctx.derived.model(), credences, &self.locked);
                    ctx.edit(Edit::Credences(next));
                }
                if ui
                    .button("Reset to priors")
                    .on_hover_text("The scenario's default credences")
                    .clicked()
                {
                    ctx.edit(Edit::Credences(scenario.hypotheses.iter().map(|h| h.prior).collect()));
                }
            });
            ui.label(RichText::new("Slider: share of its group. Lock a share to keep it while moving others.").small());
        }
        let weights = ctx
            .report()
            .map(|r| r.analysis.hypothesis_weights.clone())
            .unwrap_or_default();
        let shares = ctx.derived.shares(credences);
        let model = ctx.derived.model();
        let mut changed = None;
        for (h, depth) in hypothesis_order(model) {
            // Each question's group under its own heading (the first is above the buttons).
            let q = model.question_of(h);
            if q > 0 && depth == 0 && model.question_roots(q).first() == Some(&h) {
                ui.add_space(ui.spacing().item_spacing.y * 2.0);
                ui.heading(scenario.question_name(q));
            }
            let hyp = &scenario.hypotheses[h];
            let share = shares.get(h).copied().unwrap_or(0.0);
            let indent = INDENT * depth as f32;
            let label = ui.horizontal(|ui| {
                ui.add_space(indent);
                if !classroom {
                    let locked = &mut self.locked[h];
                    let r = ui
                        .toggle_value(locked, "lock")
                        .on_hover_text("Lock this share while moving the others");
                    let name = format!("Lock {}", hyp.name);
                    let on = *locked;
                    r.widget_info(|| WidgetInfo::selected(egui::Role::CheckBox, true, on, &name));
                }
                // The share of all sits at the right; the name wraps in the room left of it, so
                // that a narrowed panel never makes the two overlap.
                let effective = weights.get(h).copied().unwrap_or(0.0);
                let of_all = if from_evidence {
                    Some(RichText::new(format!("now {}", percent(effective))).small().strong())
                } else {
                    (depth > 0).then(|| RichText::new(format!("{} of all", percent(effective))).small())
                };
                let share_width = of_all.as_ref().map_or(0.0, |t| {
                    let font = egui::TextStyle::Small.resolve(ui.style());
                    let text = t.text().to_owned();
                    ui.fonts_mut(|f| f.layout_no_wrap(text, font, egui::Color32::WHITE).size().x)
                        + ui.spacing().item_spacing.x
                });
                let room = (ui.available_width() - share_width).max(MIN_NAME_WIDTH);
                let label = ui
                    .scope(|ui| {
                        ui.set_max_width(room);
                        ui.add(egui::Label::new(RichText::new(&hyp.name).strong()).wrap())
                    })
                    .inner
                    .on_hover_ui(|ui| {
                        ui.set_max_width(TOOLTIP_WIDTH);
                        ui.label(&hyp.description);
                        ui.label(RichText::new(format!("Source: {}", hyp.source)).small());
                    });
                if let Some(text) = of_all {
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        ui.label(text);
                    });
                }
                label.id
            });
            ui.horizontal(|ui| {
                ui.add_space(indent + if classroom { 0.0 } else { 2.0 * INDENT });
                fit_slider(ui);
                let before = 100.0 * share;
                let mut pct = before;
                // Formatting only: a rounding slider would rewrite the credences every frame.
                let slider = Slider::new(&mut pct, 0.0..=100.0).custom_formatter(|v, _| format!("{v:.1}%"));
                // The slider's accessible name is the hypothesis name.
                let r = ui.add(slider).labelled_by(label.inner).on_hover_text(&hyp.description);
                if r.changed() && (pct - before).abs() > 1e-9 {
                    changed = Some((h, pct / 100.0));
                }
            });
        }
        if let Some((h, share)) = changed {
            let mut next = credences.to_vec();
            set_share(model, &mut next, h, share, &self.locked);
            ctx.edit(Edit::Credences(next));
        }
        code_line(ui, ctx);
    }
}

/// The credence code of the credences shown, with a button that copies it: what a student
/// gives the instructor's Class tab.
fn code_line(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
    // The settings outlive the context's borrow: nothing is copied on a frame that changed nothing.
    let settings = ctx.settings();
    let code = ctx.derived.credence_code(&settings.credences);
    ui.add_space(ui.spacing().item_spacing.y);
    ui.horizontal_wrapped(|ui| {
        let label = ui
            .label(RichText::new("Credence code:").small())
            .on_hover_text("Your beliefs on every question as a short code: give it to your instructor's Class tab");
        ui.add(egui::Label::new(RichText::new(code.as_str()).monospace().small()).selectable(true))
            .labelled_by(label.id);
        if ui
            .small_button("Copy")
            .on_hover_text("Copy the code to the clipboard")
            .clicked()
        {
            ui.ctx().copy_text(code.as_str().to_owned());
        }
    });
}

/// Height of a question's strip.
const STRIP_HEIGHT: f32 = 26.0;

/// One strip per question: its answers' shares side by side, each named by its number and
/// share where it has room (whole on hover and in the accessible name).
fn strips(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
    let scenario = &ctx.doc.scenario;
    let weights = ctx
        .report()
        .map(|r| r.analysis.hypothesis_weights.clone())
        .unwrap_or_default();
    let model = ctx.derived.model();
    let text_colour = ui.visuals().strong_text_color();
    for q in 0..model.n_questions() {
        ui.label(RichText::new(scenario.question_name(q)).strong());
        let roots = model.question_roots(q);
        let (rect, response) =
            ui.allocate_exact_size(egui::vec2(ui.available_width(), STRIP_HEIGHT), egui::Sense::hover());
        let mut x = rect.left();
        let mut parts = Vec::new();
        for (k, &h) in roots.iter().enumerate() {
            let w = weights.get(h).copied().unwrap_or(0.0);
            let name = &scenario.hypotheses[h].name;
            let short = crate::ui::widgets::short_id(name);
            let segment = egui::Rect::from_min_max(
                egui::pos2(x, rect.top()),
                egui::pos2(x + rect.width() * w as f32, rect.bottom()),
            );
            x = segment.right();
            ui.painter().rect_filled(
                segment.shrink2(egui::vec2(0.5, 0.0)),
                2.0,
                crate::ui::theme::series(k).gamma_multiply(0.8),
            );
            let font = egui::TextStyle::Small.resolve(ui.style());
            for label in [format!("{short} {}", percent(w)), short.clone()] {
                let galley = ui.fonts_mut(|f| f.layout_no_wrap(label, font.clone(), text_colour));
                if galley.size().x + 4.0 <= segment.width() {
                    ui.painter()
                        .galley(segment.center() - galley.size() / 2.0, galley, text_colour);
                    break;
                }
            }
            parts.push(format!("{name}: {}", percent(w)));
        }
        let all = parts.join("\n");
        let accessible = format!("{}: {}", scenario.question_name(q), parts.join("; "));
        response.widget_info(|| WidgetInfo::labeled(egui::Role::Label, true, &accessible));
        response.on_hover_text(all);
    }
}
