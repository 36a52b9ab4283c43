//! The editor's evidence: an analysis-of-competing-hypotheses grid, an item a row and a
//! hypothesis a column, each cell a rating set by clicking (CC, C, N, I, II in turn; a right
//! click clears it), then each item's date, reliability and source.

use super::fields::{number, text};
use super::{Focus, mark_if_focused, row_buttons};
use crate::model::draft::{Item, Number, ScenarioEdit, Text};
use crate::model::scenario::{Evidence, Rating};
use crate::ui::ctx::{Command, EditorShown, ViewCtx};
use crate::ui::theme;
use egui::RichText;

/// The ratings in the order a click steps through them.
const CYCLE: [Rating; 5] = [Rating::CC, Rating::C, Rating::N, Rating::I, Rating::II];

fn rating_text(r: Rating) -> &'static str {
    match r {
        Rating::CC => "CC",
        Rating::C => "C",
        Rating::N => "N",
        Rating::I => "I",
        Rating::II => "II",
    }
}

/// The rating a cell shows: the item's rating, or the rating nearest its likelihood.
fn shown(item: &Evidence, h: &str) -> Option<(Rating, Option<f64>)> {
    if let Some(r) = item.ratings.get(h) {
        return Some((*r, None));
    }
    let p = *item.likelihoods.get(h)?;
    let nearest = CYCLE
        .into_iter()
        .min_by(|a, b| (a.likelihood() - p).abs().total_cmp(&(b.likelihood() - p).abs()))?;
    Some((nearest, Some(p)))
}

/// The grid, then each item's fields.
pub(super) fn grid(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, ed: EditorShown<'_>, focus: Focus) {
    let s = ed.draft.scenario();
    // The hypotheses of the first question (evidence bears on why; sub-hypotheses inherit a
    // parent's rating unless they have their own).
    let columns: Vec<&crate::model::scenario::Hypothesis> = (0..s.hypotheses.len())
        .filter(|&h| s.question_of(h) == 0)
        .map(|h| &s.hypotheses[h])
        .collect();
    ui.label(RichText::new("Click a cell to rate how consistent the item is with the hypothesis: CC 0.9, C 0.7, N 0.5, I 0.3, II 0.1. An item given likelihoods shows a bar: drag it (0.01 to 1). Right-click clears a cell.").small());
    egui::Grid::new("editor-ach").striped(true).show(ui, |ui| {
        ui.label(RichText::new("Item").small().strong());
        for h in &columns {
            // The hypothesis's name, cut to the column (its id and whole name on hover).
            let width = theme::EDITOR_BAR_WIDTH.max(ui.spacing().interact_size.x);
            ui.add_sized(
                [width, ui.spacing().interact_size.y],
                egui::Label::new(RichText::new(&h.name).small().strong()).truncate(),
            )
            .on_hover_text(format!("{} ({})", h.name, h.id));
        }
        ui.end_row();
        for (e, item) in s.evidence.iter().enumerate() {
            let height = ui.spacing().interact_size.y;
            let r = (ui.add_sized(
                [theme::EDITOR_LONG_TEXT_WIDTH, height],
                egui::Label::new(&item.name).truncate(),
            ))
            .on_hover_text(format!("{}\n{}", item.name, item.description));
            mark_if_focused(ui, &r, focus, (Item::Evidence, e));
            if item.fact.is_some() {
                ui.label(RichText::new("reports a fact").small())
                    .on_hover_text("The fact's likelihoods are rated in the file for now");
                ui.end_row();
                continue;
            }
            for h in &columns {
                if !item.likelihoods.is_empty() {
                    let name = format!("{} under {}", item.name, h.name);
                    likelihood_bar(ui, ctx, (e, &h.id, &name), item.likelihoods.get(&h.id).copied());
                    continue;
                }
                let now = shown(item, &h.id);
                let label = now.map_or("·".to_owned(), |(r, p)| {
                    p.map_or_else(|| rating_text(r).to_owned(), |p| format!("{p}"))
                });
                let name = format!("{} under {}: {label}", item.name, h.name);
                let b = ui.small_button(label).accessible_name(name.clone()).on_hover_text(name);
                let next = now.map_or(Rating::CC, |(r, _)| {
                    let k = CYCLE.iter().position(|x| *x == r).unwrap_or(0);
                    CYCLE[(k + 1) % CYCLE.len()]
                });
                if b.clicked() {
                    ctx.send(Command::EditScenario(ScenarioEdit::Rating(e, h.id.clone(), Some(next))));
                }
                if b.secondary_clicked() {
                    ctx.send(Command::EditScenario(ScenarioEdit::Rating(e, h.id.clone(), None)));
                }
            }
            ui.end_row();
        }
    });
    if ui.button("Add evidence item").clicked() {
        ctx.send(Command::EditScenario(ScenarioEdit::Add(Item::Evidence)));
    }
    ui.separator();
    egui::Grid::new("editor-evidence")
        .num_columns(6)
        .striped(true)
        .show(ui, |ui| {
            for n in ["Id", "Name", "Date", "Reliability", "Source", ""] {
                ui.label(RichText::new(n).small().strong());
            }
            ui.end_row();
            for (e, item) in s.evidence.iter().enumerate() {
                let name = format!("Evidence {}", e + 1);
                text(ui, ctx, (&format!("{name}: id"), false), &item.id, |t| {
                    ScenarioEdit::Text(Item::Evidence, e, Text::Id, t)
                });
                text(ui, ctx, (&format!("{name}: name"), false), &item.name, |t| {
                    ScenarioEdit::Text(Item::Evidence, e, Text::Name, t)
                });
                text(ui, ctx, (&format!("{name}: date"), false), &item.date, |t| {
                    ScenarioEdit::Text(Item::Evidence, e, Text::Date, t)
                });
                number(ui, ctx, &format!("{name}: reliability"), item.reliability, |x| {
                    ScenarioEdit::Number(Item::Evidence, e, Number::Reliability, x)
                });
                text(ui, ctx, (&format!("{name}: source"), true), &item.source, |t| {
                    ScenarioEdit::Text(Item::Evidence, e, Text::Source, t)
                });
                ui.horizontal(|ui| row_buttons(ui, ctx, Item::Evidence, e, &name));
                ui.end_row();
            }
        });
}

/// A likelihood as a bar to drag: its length is the likelihood (empty and dotted when the
/// item gives none for the hypothesis, which then takes its parent's or the default).
fn likelihood_bar(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, (e, h, name): (usize, &str, &str), p: Option<f64>) {
    let (w, height) = (theme::EDITOR_BAR_WIDTH, ui.spacing().interact_size.y * 0.7);
    let (rect, resp) = ui.allocate_exact_size(egui::vec2(w, height), egui::Sense::click_and_drag());
    let label = p.map_or_else(|| format!("{name}: not given"), |p| format!("{name}: {p:.2}"));
    resp.widget_info(|| {
        let mut info = egui::WidgetInfo::labeled(egui::Role::Slider, true, &label);
        info.value = p;
        info
    });
    let visuals = ui.visuals();
    let painter = ui.painter_at(rect);
    painter.rect_stroke(
        rect,
        2.0,
        egui::Stroke::new(1.0, visuals.weak_text_color()),
        egui::StrokeKind::Inside,
    );
    if let Some(p) = p {
        let mut fill = rect;
        fill.set_width(rect.width() * p as f32);
        painter.rect_filled(fill, 2.0, visuals.selection.bg_fill);
    }
    if (resp.dragged() || resp.clicked())
        && let Some(at) = resp.interact_pointer_pos()
    {
        let x = f64::from(((at.x - rect.left()) / rect.width()).clamp(0.0, 1.0));
        // Two decimals: a bar is read to about a pixel in a hundred.
        let x = (x * 100.0).round() / 100.0;
        ctx.send(Command::EditScenario(ScenarioEdit::Likelihood(
            e,
            h.to_owned(),
            Some(x),
        )));
    }
    if resp.secondary_clicked() {
        ctx.send(Command::EditScenario(ScenarioEdit::Likelihood(e, h.to_owned(), None)));
    }
    if resp.drag_stopped() || resp.clicked() {
        ctx.send(Command::EndScenarioStroke);
    }
    resp.on_hover_text(label);
}
