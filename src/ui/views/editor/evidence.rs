//! The editor's evidence: an analysis-of-competing-hypotheses grid, an item a row and a
//! hypothesis a column, each cell a rating set by clicking (CC, C, N, I, II in turn; a right
//! click clears it), or a likelihood dragged on a bar, the facts the items report likewise,
//! then each item's date, reliability, source and the fact it reports, then the facts.

use super::fields::{choice, number, text};
use super::{Focus, mark_if_focused, row_buttons};
use crate::model::draft::MIN_LIKELIHOOD;
use crate::model::draft::{Item, Number, ScenarioEdit, Text};
use crate::model::scenario::{Rating, Scenario};
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

/// The grid, then each item's fields.
pub(super) fn grid(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, ed: EditorShown<'_>, question: &mut usize, focus: Focus) {
    let s = ed.draft.scenario();
    // An item bears on one question: the grid shows one question's hypotheses at a time
    // (sub-hypotheses inherit a parent's rating unless they have their own), and the items
    // and facts judged under it or not yet at all.
    if s.questions.len() > 1 {
        ui.horizontal_wrapped(|ui| {
            ui.label("Hypotheses of");
            for (q, question_) in s.questions.iter().enumerate() {
                if ui.selectable_label(*question == q, &question_.name).clicked() {
                    *question = q;
                }
            }
        });
    }
    let q = (*question).min(s.questions.len().saturating_sub(1));
    let columns: Vec<&crate::model::scenario::Hypothesis> = (0..s.hypotheses.len())
        .filter(|&h| s.question_of(h) == q)
        .map(|h| &s.hypotheses[h])
        .collect();
    let bears = |keys: &mut dyn Iterator<Item = &String>| {
        let mut keys = keys.peekable();
        keys.peek().is_none() || keys.any(|k| columns.iter().any(|h| &h.id == k))
    };
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
            let fact_here = (item.fact.as_ref())
                .and_then(|f| s.facts.iter().find(|x| &x.id == f))
                .is_none_or(|f| bears(&mut f.likelihoods.keys().chain(f.ratings.keys())));
            if !fact_here || !bears(&mut item.likelihoods.keys().chain(item.ratings.keys())) {
                continue;
            }
            let height = ui.spacing().interact_size.y;
            let r = (ui.add_sized(
                [theme::EDITOR_LONG_TEXT_WIDTH, height],
                egui::Label::new(&item.name).truncate(),
            ))
            .on_hover_text(format!("{}\n{}", item.name, item.description));
            mark_if_focused(ui, &r, focus, (Item::Evidence, e));
            if let Some(f) = &item.fact {
                ui.label(RichText::new(format!("reports the fact {f}")).small());
                ui.end_row();
                continue;
            }
            let judged = (&item.likelihoods, &item.ratings);
            cells(
                ui,
                ctx,
                &columns,
                judged,
                &item.name,
                |h, r| ScenarioEdit::Rating(e, h, r),
                |h, p| ScenarioEdit::Likelihood(e, h, p),
            );
            ui.end_row();
        }
        // The facts the items report: what depends on the hypotheses is the fact.
        for (f, fact) in s.facts.iter().enumerate() {
            if !bears(&mut fact.likelihoods.keys().chain(fact.ratings.keys())) {
                continue;
            }
            let height = ui.spacing().interact_size.y;
            ui.add_sized(
                [theme::EDITOR_LONG_TEXT_WIDTH, height],
                egui::Label::new(RichText::new(format!("Fact: {}", fact.name)).italics()).truncate(),
            )
            .on_hover_text(format!("{} ({})\n{}", fact.name, fact.id, fact.description));
            let judged = (&fact.likelihoods, &fact.ratings);
            let row = format!("Fact {}", fact.name);
            cells(
                ui,
                ctx,
                &columns,
                judged,
                &row,
                |h, r| ScenarioEdit::FactRating(f, h, r),
                |h, p| ScenarioEdit::FactLikelihood(f, h, p),
            );
            ui.end_row();
        }
    });
    if ui.button("Add evidence item").clicked() {
        ctx.send(Command::EditScenario(ScenarioEdit::Add(Item::Evidence)));
        super::type_into(ui, Item::Evidence, s.evidence.len());
    }
    ui.separator();
    egui::Grid::new("editor-evidence")
        .num_columns(9)
        .striped(true)
        .show(ui, |ui| {
            for n in [
                "",
                "Id",
                "Name",
                "Date",
                "Reliability",
                "Reports",
                "Source",
                "Description",
                "Why its likelihoods",
            ] {
                ui.label(RichText::new(n).small().strong());
            }
            ui.end_row();
            for (e, item) in s.evidence.iter().enumerate() {
                let name = format!("Evidence {}", e + 1);
                ui.horizontal(|ui| row_buttons(ui, ctx, Item::Evidence, e, &name));
                text(ui, ctx, (&format!("{name}: id"), false), &item.id, |t| {
                    ScenarioEdit::Text(Item::Evidence, e, Text::Id, t)
                });
                let r = text(ui, ctx, (&format!("{name}: name"), false), &item.name, |t| {
                    ScenarioEdit::Text(Item::Evidence, e, Text::Name, t)
                });
                super::take_keys(ui, &r, (Item::Evidence, e), &item.name);
                text(ui, ctx, (&format!("{name}: date"), false), &item.date, |t| {
                    ScenarioEdit::Text(Item::Evidence, e, Text::Date, t)
                });
                number(ui, ctx, &format!("{name}: reliability"), item.reliability, |x| {
                    ScenarioEdit::Number(Item::Evidence, e, Number::Reliability, x)
                });
                ui.horizontal(|ui| reports(ui, ctx, s, e, &name));
                text(ui, ctx, (&format!("{name}: source"), true), &item.source, |t| {
                    ScenarioEdit::Text(Item::Evidence, e, Text::Source, t)
                });
                text(
                    ui,
                    ctx,
                    (&format!("{name}: description"), true),
                    &item.description,
                    |t| ScenarioEdit::Text(Item::Evidence, e, Text::Description, t),
                );
                text(ui, ctx, (&format!("{name}: note"), true), &item.note, |t| {
                    ScenarioEdit::Text(Item::Evidence, e, Text::Note, t)
                });
                ui.end_row();
            }
        });
    facts(ui, ctx, s, focus);
}

/// The fact item `e` reports, if any, and a button to make its judgments a fact that other
/// items can report too.
fn reports(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, s: &Scenario, e: usize, name: &str) {
    let options: Vec<(String, Option<String>)> = std::iter::once(("its own judgments".to_owned(), None))
        .chain(
            s.facts
                .iter()
                .map(|f| (format!("the fact: {}", f.name), Some(f.id.clone()))),
        )
        .collect();
    choice(
        ui,
        ctx,
        &format!("{name}: reports"),
        &s.evidence[e].fact,
        &options,
        |f| ScenarioEdit::Reports(e, f),
    );
    if s.evidence[e].fact.is_none()
        && ui
            .small_button("As a fact…")
            .accessible_name(format!("{name}: new fact"))
            .on_hover_text("Its judgments become a fact's, which other items can report too: reports of one fact move belief no further than learning the fact")
            .clicked()
    {
        ctx.send(Command::EditScenario(ScenarioEdit::NewFact(e)));
    }
}

/// The facts: id, name, note, and how many items report each.
fn facts(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, s: &Scenario, focus: Focus) {
    if s.facts.is_empty() {
        return;
    }
    ui.separator();
    ui.label(RichText::new("Facts").strong());
    egui::Grid::new("editor-facts")
        .num_columns(6)
        .striped(true)
        .show(ui, |ui| {
            for n in ["", "Id", "Name", "Why its likelihoods", "Reported by", "Description"] {
                ui.label(RichText::new(n).small().strong());
            }
            ui.end_row();
            for (f, fact) in s.facts.iter().enumerate() {
                ui.horizontal(|ui| row_buttons(ui, ctx, Item::Fact, f, &super::row_name(Item::Fact, f)));
                let name = super::id_and_name(ui, ctx, focus, (Item::Fact, f), (&fact.id, &fact.name), ("name", false));
                text(ui, ctx, (&format!("{name}: note"), true), &fact.note, |t| {
                    ScenarioEdit::Text(Item::Fact, f, Text::Note, t)
                });
                let by: Vec<&str> = (s.evidence.iter())
                    .filter(|e| e.fact.as_ref() == Some(&fact.id))
                    .map(|e| e.name.as_str())
                    .collect();
                ui.label(format!("{} items", by.len())).on_hover_text(by.join("\n"));
                text(
                    ui,
                    ctx,
                    (&format!("{name}: description"), true),
                    &fact.description,
                    |t| ScenarioEdit::Text(Item::Fact, f, Text::Description, t),
                );
                ui.end_row();
            }
        });
}

/// A row's cells: a bar per hypothesis where likelihoods are given, else a rating button.
fn cells(
    ui: &mut egui::Ui,
    ctx: &mut ViewCtx<'_>,
    columns: &[&crate::model::scenario::Hypothesis],
    (likelihoods, ratings): (
        &std::collections::BTreeMap<String, f64>,
        &std::collections::BTreeMap<String, Rating>,
    ),
    row: &str,
    rate: impl Fn(String, Option<Rating>) -> ScenarioEdit,
    weigh: impl Fn(String, Option<f64>) -> ScenarioEdit,
) {
    for h in columns {
        let name = format!("{row} under {}", h.name);
        if !likelihoods.is_empty() {
            let p = likelihoods.get(&h.id).copied();
            ui.horizontal(|ui| {
                likelihood_bar(ui, ctx, &name, p, |p| weigh(h.id.clone(), p));
                // The exact value, typed (a bar is read to about a hundredth).
                if let Some(p) = p {
                    let mut x = p;
                    let r = ui
                        .add(
                            egui::DragValue::new(&mut x)
                                .range(MIN_LIKELIHOOD..=1.0)
                                .speed(0.01)
                                .max_decimals(3)
                                .update_while_editing(false),
                        )
                        .accessible_name(format!("{name}: typed"));
                    if r.changed() && x != p {
                        ctx.send(Command::EditScenario(weigh(h.id.clone(), Some(x))));
                    }
                    if r.drag_stopped() || r.lost_focus() {
                        ctx.send(Command::EndScenarioStroke);
                    }
                }
            });
            continue;
        }
        let now = ratings.get(&h.id).copied();
        let label = now.map_or("·", rating_text);
        let name = format!("{name}: {label}");
        let b = ui.small_button(label).accessible_name(name.clone()).on_hover_text(name);
        let next = now.map_or(Rating::CC, |r| {
            let k = CYCLE.iter().position(|x| *x == r).unwrap_or(0);
            CYCLE[(k + 1) % CYCLE.len()]
        });
        if b.clicked() {
            ctx.send(Command::EditScenario(rate(h.id.clone(), Some(next))));
        }
        if b.secondary_clicked() {
            ctx.send(Command::EditScenario(rate(h.id.clone(), None)));
        }
    }
    // Rated: one click turns the ratings into likelihoods, each its rating's, to drag or type.
    if likelihoods.is_empty()
        && let Some(h) = columns.first()
        && ui
            .small_button("Bars")
            .accessible_name(format!("{row}: weigh with bars"))
            .on_hover_text("Give likelihoods instead of ratings: each rating becomes its likelihood (CC 0.9 ... II 0.1), then drag a bar or type its value")
            .clicked()
    {
        let p = ratings.get(&h.id).map_or(0.5, |r| r.likelihood());
        ctx.send(Command::EditScenario(weigh(h.id.clone(), Some(p))));
    }
}

/// A likelihood as a bar to drag: its length is the likelihood (empty and dotted when the
/// item gives none for the hypothesis, which then takes its parent's or the default).
fn likelihood_bar(
    ui: &mut egui::Ui,
    ctx: &mut ViewCtx<'_>,
    name: &str,
    p: Option<f64>,
    make: impl Fn(Option<f64>) -> ScenarioEdit,
) {
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
        ctx.send(Command::EditScenario(make(Some(x))));
    }
    if resp.secondary_clicked() {
        ctx.send(Command::EditScenario(make(None)));
    }
    if resp.drag_stopped() || resp.clicked() {
        ctx.send(Command::EndScenarioStroke);
    }
    resp.on_hover_text(label);
}
