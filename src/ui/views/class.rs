//! The Class tab: an instructor pastes the class's credence codes and sees, per answer of each
//! question, every student's credence on a strip with the class's two pools, can set the
//! sliders to either pool, and once the record is known, each student's and the class's Brier
//! score.

use crate::analysis::ClassReport;
use crate::format::percent;
use crate::ui::ctx::{Command, Edit, ExportKind, FileAction, View, ViewCtx};
use egui::{RichText, WidgetInfo};
use serde::{Deserialize, Serialize};

/// Height of one answer's strip.
const STRIP_HEIGHT: f32 = 22.0;
/// Width of a student's tick on a strip.
const TICK_WIDTH: f32 = 2.0;
/// Width of a pool's marker on a strip.
const POOL_WIDTH: f32 = 4.0;
/// Height of the box the codes are pasted into, in rows.
const CODE_ROWS: usize = 4;

/// The class's codes and the answer they are scored against; persisted between runs.
#[derive(Debug, Default, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClassView {
    /// The codes as pasted: one or more a line.
    pub codes: String,
    /// The id of the hypothesis the later record supports, once named.
    pub answer: Option<String>,
}

impl View for ClassView {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        let scenario = std::sync::Arc::clone(&ctx.doc.scenario);
        let label = ui.label(
            "Class codes: each student copies the credence code under their belief sliders; paste the codes here, one or more a line.",
        );
        let edit = egui::TextEdit::multiline(&mut self.codes)
            .desired_rows(CODE_ROWS)
            .desired_width(ui.available_width())
            .font(egui::TextStyle::Monospace)
            .hint_text(format!("ML1-{}-…", scenario.id));
        ui.add(edit).labelled_by(label.id);
        let answer = self
            .answer
            .as_ref()
            .and_then(|id| scenario.hypotheses.iter().position(|h| &h.id == id));
        let report = ctx.derived.class(&self.codes, answer);
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(read_line(&report, &scenario.id)).strong());
            if ui
                .small_button("Clear")
                .on_hover_text("Forget every code pasted")
                .clicked()
            {
                self.codes.clear();
            }
            if ui
                .small_button("Read codes from a file…")
                .on_hover_text("A text file of codes, one or more a line, added to those here")
                .clicked()
            {
                ctx.send(Command::ReadClassCodes(None));
            }
            if ui
                .small_button("Save the codes…")
                .on_hover_text(
                    "The codes as a text file, one a line: open it again here, or give it to motive-lab pool --from",
                )
                .clicked()
            {
                ctx.send(Command::ShowFileWindow(FileAction::Export(ExportKind::ClassCodes)));
            }
        });
        if !report.class.refused.is_empty() {
            ui.collapsing(format!("Refused codes ({})", report.class.refused.len()), |ui| {
                for (code, why) in &report.class.refused {
                    ui.label(RichText::new(format!("{code}: {why}")).small());
                }
            });
        }
        if report.class.is_empty() {
            return;
        }
        ui.horizontal_wrapped(|ui| {
            ui.label("Use the class's credences:");
            if ui
                .button("Linear pool (mean)")
                .on_hover_text("Set the belief sliders to the class's average probability of each answer")
                .clicked()
            {
                ctx.edit(Edit::Credences(report.linear.clone()));
            }
            if ui
                .button("Log pool (geometric mean)")
                .on_hover_text(
                    "Set the belief sliders to the normalised geometric mean: answers the whole class gives weight count most; a share under 0.5% counts as 0.5%",
                )
                .clicked()
            {
                ctx.edit(Edit::Credences(report.log.clone()));
            }
        });
        legend(ui, ctx);
        for p in &report.pools {
            ui.add_space(ui.spacing().item_spacing.y);
            ui.label(RichText::new(scenario.question_name(p.question)).strong());
            for (i, &h) in p.leaves.iter().enumerate() {
                let name = &scenario.hypotheses[h].name;
                let students: Vec<f64> = p.students.iter().map(|s| s[i]).collect();
                let (lo, mid, hi) = p.spread[i];
                ui.label(format!(
                    "{name}: linear {}, log {} (students {} to {}, median {})",
                    percent(p.linear[i]),
                    percent(p.log[i]),
                    percent(lo),
                    percent(hi),
                    percent(mid)
                ));
                strip(ui, ctx, name, &students, (p.linear[i], p.log[i]));
            }
        }
        ui.separator();
        self.scores(ui, ctx, &report);
    }
}

impl ClassView {
    /// The answer picker and, once one is named, the Brier scores.
    fn scores(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, report: &ClassReport) {
        let scenario = &ctx.doc.scenario;
        ui.horizontal_wrapped(|ui| {
            let label = ui.label("The answer the later record supports:");
            let shown = (self.answer.as_ref())
                .and_then(|id| scenario.hypotheses.iter().find(|h| &h.id == id))
                .map_or("not named yet", |h| h.name.as_str());
            egui::ComboBox::from_id_salt("class answer")
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.answer, None, "not named yet");
                    for h in &scenario.hypotheses {
                        ui.selectable_value(&mut self.answer, Some(h.id.clone()), &h.name);
                    }
                })
                .response
                .labelled_by(label.id);
        });
        let Some(b) = &report.brier else {
            ui.label(
                RichText::new(
                    "Name an answer to score each code (a revealed motive is a claim too: say how sure the record is).",
                )
                .small(),
            );
            return;
        };
        ui.label(format!(
            "Brier score (0 a sure right answer, 2 a sure wrong one): linear pool {:.3}, log pool {:.3}, students' mean {:.3}",
            b.linear, b.log, b.mean
        ));
        let mut order: Vec<usize> = (0..b.students.len()).collect();
        order.sort_by(|&x, &y| b.students[x].total_cmp(&b.students[y]));
        egui::Grid::new("class brier").striped(true).show(ui, |ui| {
            for k in order {
                ui.label(RichText::new(&report.class.codes[k]).monospace().small());
                ui.label(format!("{:.3}", b.students[k]));
                ui.end_row();
            }
        });
    }
}

/// "24 codes read for paris-2015; 2 refused (1 for another scenario)".
fn read_line(report: &ClassReport, scenario: &str) -> String {
    let c = &report.class;
    let n = c.len();
    let read = format!("{n} code{} read for {scenario}", if n == 1 { "" } else { "s" });
    match (c.refused.len(), c.other_scenario) {
        (0, _) => read,
        (r, 0) => format!("{read}; {r} refused"),
        (r, o) => format!("{read}; {r} refused ({o} for another scenario)"),
    }
}

/// What the strips' marks mean.
fn legend(ui: &mut egui::Ui, ctx: &ViewCtx<'_>) {
    ui.horizontal_wrapped(|ui| {
        for (colour, width, what) in [
            (ctx.theme.palette.sample, TICK_WIDTH, "a student"),
            (ctx.theme.palette.current, POOL_WIDTH, "linear pool"),
            (ctx.theme.palette.pinned, POOL_WIDTH, "log pool"),
        ] {
            let (rect, _) =
                ui.allocate_exact_size(egui::vec2(POOL_WIDTH * 2.0, STRIP_HEIGHT * 0.7), egui::Sense::hover());
            let mark = egui::Rect::from_center_size(rect.center(), egui::vec2(width, rect.height()));
            ui.painter().rect_filled(mark, 0.0, colour);
            ui.label(RichText::new(what).small());
        }
    });
}

/// One answer's strip from 0 to 100%: a tick per student, the two pools as wider marks.
fn strip(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, name: &str, students: &[f64], (linear, log): (f64, f64)) {
    let (rect, response) = ui.allocate_exact_size(egui::vec2(ui.available_width(), STRIP_HEIGHT), egui::Sense::hover());
    let painter = ui.painter();
    painter.rect_filled(rect, 2.0, ui.visuals().extreme_bg_color);
    let x = |p: f64| rect.left() + rect.width() * p.clamp(0.0, 1.0) as f32;
    let mark = |p: f64, w: f32, inset: f32, colour: egui::Color32| {
        let r = egui::Rect::from_min_max(
            egui::pos2(x(p) - w / 2.0, rect.top() + inset),
            egui::pos2(x(p) + w / 2.0, rect.bottom() - inset),
        );
        painter.rect_filled(r, 0.0, colour);
    };
    for &p in students {
        mark(p, TICK_WIDTH, 3.0, ctx.theme.palette.sample);
    }
    mark(linear, POOL_WIDTH, 0.0, ctx.theme.palette.current);
    mark(log, POOL_WIDTH, 0.0, ctx.theme.palette.pinned);
    let text = format!(
        "{name}: {} students; linear pool {}, log pool {}",
        students.len(),
        percent(linear),
        percent(log)
    );
    response.widget_info(|| WidgetInfo::labeled(egui::Role::Label, true, &text));
}
