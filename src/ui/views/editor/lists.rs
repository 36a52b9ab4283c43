//! The editor's lists: the scenario's title and questions with their hypothesis trees, the
//! levers, the outcomes and horizons, one grid row per item.

use super::fields::{choice, number, text};
use super::{EditorView, Focus, id_and_name, mark_if_focused, row_buttons};
use crate::model::draft::{Children, Item, Number, ScenarioEdit, Text};
use crate::model::scenario::{Better, Role, Scenario};
use crate::ui::ctx::{Command, EditorShown, ViewCtx};
use egui::RichText;

pub(super) fn add_button(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, (s, item): (&Scenario, Item), label: &str) {
    if ui.button(label).clicked() {
        ctx.send(Command::EditScenario(ScenarioEdit::Add(item)));
        // The new item's name takes the keys.
        super::type_into(ui, item, item.len(s));
    }
}

pub(super) fn header(ui: &mut egui::Ui, names: &[&str]) {
    for n in names {
        ui.label(RichText::new(*n).small().strong());
    }
    ui.end_row();
}

/// The scenario's title, id and summary, then each question and its hypotheses (indented
/// under their parents).
pub(super) fn questions(
    ui: &mut egui::Ui,
    ctx: &mut ViewCtx<'_>,
    ed: EditorShown<'_>,
    view: &mut EditorView,
    focus: Focus,
) {
    let s = ed.draft.scenario();
    egui::Grid::new("editor-scenario").num_columns(2).show(ui, |ui| {
        ui.label("Title");
        text(ui, ctx, ("Scenario title", true), &s.title, ScenarioEdit::Title);
        ui.end_row();
        ui.label("Id");
        text(ui, ctx, ("Scenario id", false), &s.id, ScenarioEdit::Id);
        ui.end_row();
        ui.label("Summary");
        text(ui, ctx, ("Scenario summary", true), &s.summary, ScenarioEdit::Summary);
        ui.end_row();
        ui.label("Revision");
        number(ui, ctx, "Scenario revision", f64::from(s.revision), |x| {
            // A whole number of at least 0.
            ScenarioEdit::Revision(x.round().clamp(0.0, f64::from(u32::MAX)) as u32)
        });
        ui.end_row();
    });
    ui.separator();
    ui.label(RichText::new("Questions").strong());
    egui::Grid::new("editor-questions")
        .num_columns(4)
        .striped(true)
        .show(ui, |ui| {
            header(ui, &["", "Id", "Question", "Description"]);
            for (i, q) in s.questions.iter().enumerate() {
                ui.horizontal(|ui| row_buttons(ui, ctx, Item::Question, i, &super::row_name(Item::Question, i)));
                let name = id_and_name(ui, ctx, focus, (Item::Question, i), (&q.id, &q.name), ("name", false));
                text(ui, ctx, (&format!("{name}: description"), true), &q.description, |t| {
                    ScenarioEdit::Text(Item::Question, i, Text::Description, t)
                });
                ui.end_row();
            }
        });
    add_button(ui, ctx, (s, Item::Question), "Add question (with two answers)");
    ui.separator();
    ui.label(RichText::new("Hypotheses").strong());
    let questions: Vec<(String, Option<String>)> = std::iter::once(("(the first question)".to_owned(), None))
        .chain(s.questions.iter().map(|q| (q.name.clone(), Some(q.id.clone()))))
        .collect();
    egui::Grid::new("editor-hypotheses")
        .num_columns(8)
        .striped(true)
        .show(ui, |ui| {
            header(
                ui,
                &["", "Id", "Name", "Prior", "Parent", "Question", "Source", "Description"],
            );
            for (i, h) in s.hypotheses.iter().enumerate() {
                let name = format!("Hypothesis {}", i + 1);
                let delete = ui
                    .horizontal(|ui| row_buttons(ui, ctx, Item::Hypothesis, i, &name))
                    .inner;
                let r = ui
                    .horizontal(|ui| {
                        ui.add_space(depth(s, h.parent.as_deref()) as f32 * ui.spacing().indent);
                        text(ui, ctx, (&format!("{name}: id"), false), &h.id, |t| {
                            ScenarioEdit::Text(Item::Hypothesis, i, Text::Id, t)
                        })
                    })
                    .inner;
                mark_if_focused(ui, &r, focus, (Item::Hypothesis, i));
                let r = text(ui, ctx, (&format!("{name}: name"), false), &h.name, |t| {
                    ScenarioEdit::Text(Item::Hypothesis, i, Text::Name, t)
                });
                super::take_keys(ui, &r, (Item::Hypothesis, i), &h.name);
                number(ui, ctx, &format!("{name}: prior"), h.prior, |x| {
                    ScenarioEdit::Number(Item::Hypothesis, i, Number::Prior, x)
                });
                // A parent is any other hypothesis (the check refuses a cycle).
                let parents: Vec<(String, Option<String>)> = std::iter::once(("(top level)".to_owned(), None))
                    .chain(
                        (s.hypotheses.iter())
                            .filter(|x| x.id != h.id)
                            .map(|x| (x.name.clone(), Some(x.id.clone()))),
                    )
                    .collect();
                choice(ui, ctx, &format!("{name}: parent"), &h.parent, &parents, |p| {
                    ScenarioEdit::Parent(i, p)
                });
                if h.parent.is_some() {
                    ui.label(RichText::new("its parent's").small());
                } else {
                    choice(ui, ctx, &format!("{name}: question"), &h.question, &questions, |q| {
                        ScenarioEdit::Question(i, q)
                    });
                }
                text(ui, ctx, (&format!("{name}: source"), false), &h.source, |t| {
                    ScenarioEdit::Text(Item::Hypothesis, i, Text::Source, t)
                });
                text(ui, ctx, (&format!("{name}: description"), true), &h.description, |t| {
                    ScenarioEdit::Text(Item::Hypothesis, i, Text::Description, t)
                });
                if delete {
                    if s.hypotheses.iter().any(|x| x.parent.as_deref() == Some(h.id.as_str())) {
                        view.deleting_parent = Some(i);
                    } else {
                        ctx.send(Command::EditScenario(ScenarioEdit::Delete(
                            Item::Hypothesis,
                            i,
                            Children::Lift,
                        )));
                    }
                }
                ui.end_row();
            }
        });
    add_button(ui, ctx, (s, Item::Hypothesis), "Add hypothesis");
    if let Some(i) = view.deleting_parent {
        let name = s.hypotheses.get(i).map_or("", |h| h.name.as_str());
        ui.group(|ui| {
            ui.label(format!("\"{name}\" has sub-hypotheses. What happens to them?"));
            ui.horizontal_wrapped(|ui| {
                let mut answer = None;
                if ui
                    .button("Keep them, one level up")
                    .on_hover_text("What held under it holds under each of them")
                    .clicked()
                {
                    answer = Some(Children::Lift);
                }
                if ui.button("Delete them too").clicked() {
                    answer = Some(Children::Delete);
                }
                if ui.button("Cancel").clicked() {
                    view.deleting_parent = None;
                }
                if let Some(c) = answer {
                    ctx.send(Command::EditScenario(ScenarioEdit::Delete(Item::Hypothesis, i, c)));
                    view.deleting_parent = None;
                }
            });
        });
    }
}

/// Each lever: id, name, unit, range, step, default, description.
pub(super) fn levers(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, ed: EditorShown<'_>, focus: Focus) {
    let s = ed.draft.scenario();
    egui::Grid::new("editor-levers")
        .num_columns(9)
        .striped(true)
        .show(ui, |ui| {
            header(
                ui,
                &["", "Id", "Name", "Unit", "Min", "Max", "Step", "Default", "Description"],
            );
            for (i, l) in s.levers.iter().enumerate() {
                ui.horizontal(|ui| row_buttons(ui, ctx, Item::Lever, i, &super::row_name(Item::Lever, i)));
                let name = id_and_name(ui, ctx, focus, (Item::Lever, i), (&l.id, &l.name), ("name", false));
                text(ui, ctx, (&format!("{name}: unit"), false), &l.unit, |t| {
                    ScenarioEdit::Text(Item::Lever, i, Text::Unit, t)
                });
                for (field, label, x) in [
                    (Number::Min, "min", l.min),
                    (Number::Max, "max", l.max),
                    (Number::Step, "step", l.step),
                    (Number::Default, "default", l.default),
                ] {
                    number(ui, ctx, &format!("{name}: {label}"), x, |x| {
                        ScenarioEdit::Number(Item::Lever, i, field, x)
                    });
                }
                text(ui, ctx, (&format!("{name}: description"), true), &l.description, |t| {
                    ScenarioEdit::Text(Item::Lever, i, Text::Description, t)
                });
                ui.end_row();
            }
        });
    add_button(ui, ctx, (s, Item::Lever), "Add lever");
}

/// Each outcome: id, name, unit, role, which way is better, worst and best, limits; then the
/// horizons.
pub(super) fn outcomes(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, ed: EditorShown<'_>, focus: Focus) {
    let s = ed.draft.scenario();
    let roles = [
        ("End (counts in utility)".to_owned(), Role::End),
        ("Mechanism (drives others)".to_owned(), Role::Mechanism),
    ];
    let better = [
        ("Lower is better".to_owned(), Better::Lower),
        ("Higher is better".to_owned(), Better::Higher),
    ];
    // The yardstick: the outcome whose units every difference is told in.
    ui.horizontal_wrapped(|ui| {
        ui.label("Differences told in the units of");
        let options: Vec<(String, Option<String>)> = std::iter::once(("(the utility scale)".to_owned(), None))
            .chain(
                s.outcomes
                    .iter()
                    .map(|o| (format!("{} ({})", o.name, o.unit), Some(o.id.clone()))),
            )
            .collect();
        choice(
            ui,
            ctx,
            "Scenario yardstick",
            &s.numeraire,
            &options,
            ScenarioEdit::Yardstick,
        );
    });
    egui::Grid::new("editor-outcomes")
        .num_columns(11)
        .striped(true)
        .show(ui, |ui| {
            header(
                ui,
                &[
                    "",
                    "Id",
                    "Name",
                    "Unit",
                    "Role",
                    "Better",
                    "Worst",
                    "Best",
                    "Lowest",
                    "Highest",
                    "Description",
                ],
            );
            for (i, o) in s.outcomes.iter().enumerate() {
                ui.horizontal(|ui| row_buttons(ui, ctx, Item::Outcome, i, &super::row_name(Item::Outcome, i)));
                let name = id_and_name(ui, ctx, focus, (Item::Outcome, i), (&o.id, &o.name), ("name", false));
                text(ui, ctx, (&format!("{name}: unit"), false), &o.unit, |t| {
                    ScenarioEdit::Text(Item::Outcome, i, Text::Unit, t)
                });
                choice(ui, ctx, &format!("{name}: role"), &o.role, &roles, |r| {
                    ScenarioEdit::Role(i, r)
                });
                choice(ui, ctx, &format!("{name}: better"), &o.better, &better, |b| {
                    ScenarioEdit::Better(i, b)
                });
                number(ui, ctx, &format!("{name}: worst"), o.worst, |x| {
                    ScenarioEdit::Number(Item::Outcome, i, Number::Worst, x)
                });
                number(ui, ctx, &format!("{name}: best"), o.best, |x| {
                    ScenarioEdit::Number(Item::Outcome, i, Number::Best, x)
                });
                for (upper, x) in [(false, o.limits.min), (true, o.limits.max)] {
                    let label = format!("{name}: {}", if upper { "highest possible" } else { "lowest possible" });
                    limit(ui, ctx, &label, x, move |x| ScenarioEdit::Limit(i, upper, x));
                }
                text(ui, ctx, (&format!("{name}: description"), true), &o.description, |t| {
                    ScenarioEdit::Text(Item::Outcome, i, Text::Description, t)
                });
                ui.end_row();
            }
        });
    add_button(ui, ctx, (s, Item::Outcome), "Add outcome");
    ui.separator();
    ui.label(RichText::new("Horizons").strong());
    egui::Grid::new("editor-horizons")
        .num_columns(5)
        .striped(true)
        .show(ui, |ui| {
            header(ui, &["", "Id", "Name", "Ends after (years)", "Description"]);
            for (i, h) in s.horizons.iter().enumerate() {
                ui.horizontal(|ui| row_buttons(ui, ctx, Item::Horizon, i, &super::row_name(Item::Horizon, i)));
                let name = id_and_name(ui, ctx, focus, (Item::Horizon, i), (&h.id, &h.name), ("name", false));
                number(ui, ctx, &format!("{name}: years"), h.years, |x| {
                    ScenarioEdit::Number(Item::Horizon, i, Number::Years, x)
                });
                text(ui, ctx, (&format!("{name}: description"), true), &h.description, |t| {
                    ScenarioEdit::Text(Item::Horizon, i, Text::Description, t)
                });
                ui.end_row();
            }
        });
    add_button(ui, ctx, (s, Item::Horizon), "Add horizon");
}

/// A hard limit: a check box for whether there is one, and its value.
fn limit(
    ui: &mut egui::Ui,
    ctx: &mut ViewCtx<'_>,
    name: &str,
    x: Option<f64>,
    make: impl Fn(Option<f64>) -> ScenarioEdit,
) {
    ui.horizontal(|ui| {
        let mut on = x.is_some();
        if ui.checkbox(&mut on, "").accessible_name(name.to_owned()).changed() {
            ctx.send(Command::EditScenario(make(on.then_some(0.0))));
        }
        if let Some(x) = x {
            number(ui, ctx, &format!("{name} value"), x, |v| make(Some(v)));
        }
    });
}

/// How deep a hypothesis with this parent sits in its tree (0 at the top).
fn depth<'a>(s: &'a crate::model::scenario::Scenario, mut at: Option<&'a str>) -> usize {
    let mut d = 0;
    while let Some(p) = at {
        d += 1;
        at = s
            .hypotheses
            .iter()
            .find(|h| h.id == p)
            .and_then(|h| h.parent.as_deref());
        // A cycle (which the check reports) ends the walk.
        if d > s.hypotheses.len() {
            break;
        }
    }
    d
}
