//! The editor's policies (each lever's value, and their stages by horizon) and sources (with
//! the items that cite each), and the shared parameters.

use super::fields::{number, text};
use super::lists::{add_button, header};
use super::{EditorView, Focus, id_and_name, row_buttons};
use crate::model::draft::{Item, ScenarioEdit, Text};
use crate::ui::ctx::{Command, EditorShown, ViewCtx};
use egui::RichText;

/// Each policy: id, name, description and a value per lever.
pub(super) fn policies(
    ui: &mut egui::Ui,
    ctx: &mut ViewCtx<'_>,
    ed: EditorShown<'_>,
    view: &mut EditorView,
    focus: Focus,
) {
    let s = ed.draft.scenario();
    egui::Grid::new("editor-policies")
        .num_columns(4 + s.levers.len())
        .striped(true)
        .show(ui, |ui| {
            let mut names = vec!["", "Id", "Name", "Description"];
            names.extend(s.levers.iter().map(|l| l.name.as_str()));
            header(ui, &names);
            for (i, p) in s.policies.iter().enumerate() {
                ui.horizontal(|ui| row_buttons(ui, ctx, Item::Policy, i, &super::row_name(Item::Policy, i)));
                let name = id_and_name(ui, ctx, focus, (Item::Policy, i), (&p.id, &p.name), ("name", false));
                text(ui, ctx, (&format!("{name}: description"), false), &p.description, |t| {
                    ScenarioEdit::Text(Item::Policy, i, Text::Description, t)
                });
                for l in &s.levers {
                    let x = p.levers.get(&l.id).copied().unwrap_or(l.default);
                    let id = l.id.clone();
                    number(ui, ctx, &format!("{name}: {}", l.name), x, move |x| {
                        ScenarioEdit::PolicyLever(i, id, x)
                    });
                }
                ui.end_row();
            }
        });
    add_button(ui, ctx, (s, Item::Policy), "Add policy");
    stages(ui, ctx, ed, view);
}

/// A policy's stages: for each horizon after the first, the levers it changes from then on.
fn stages(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, ed: EditorShown<'_>, view: &mut EditorView) {
    let s = ed.draft.scenario();
    if s.horizons.len() < 2 || s.policies.is_empty() {
        return;
    }
    ui.separator();
    let p = view.stages_of.min(s.policies.len() - 1);
    ui.horizontal_wrapped(|ui| {
        let l = ui.label(RichText::new("Stages of").strong());
        egui::ComboBox::from_id_salt("editor-stages-policy")
            .selected_text(&s.policies[p].name)
            .show_index(ui, &mut view.stages_of, s.policies.len(), |i| {
                s.policies[i].name.clone()
            })
            .labelled_by(l.id);
    });
    ui.label(
        RichText::new(
            "Tick a lever to change it from that horizon on; unticked, it keeps its value from the horizon before.",
        )
        .small(),
    );
    let policy = &s.policies[p];
    egui::Grid::new("editor-stages").striped(true).show(ui, |ui| {
        header(
            ui,
            &std::iter::once("From")
                .chain(s.levers.iter().map(|l| l.name.as_str()))
                .collect::<Vec<_>>(),
        );
        for h in &s.horizons[1..] {
            ui.label(&h.name);
            for l in &s.levers {
                let x = policy.stages.get(&h.id).and_then(|st| st.get(&l.id)).copied();
                let name = format!("{}: {} from {}", policy.name, l.name, h.name);
                ui.horizontal(|ui| {
                    let mut on = x.is_some();
                    if ui.checkbox(&mut on, "").accessible_name(name.clone()).changed() {
                        let start = policy.levers.get(&l.id).copied().unwrap_or(l.default);
                        ctx.send(Command::EditScenario(ScenarioEdit::Stage(
                            p,
                            h.id.clone(),
                            l.id.clone(),
                            on.then_some(start),
                        )));
                    }
                    if let Some(x) = x {
                        let (hid, lid) = (h.id.clone(), l.id.clone());
                        number(ui, ctx, &format!("{name} value"), x, move |v| {
                            ScenarioEdit::Stage(p, hid, lid, Some(v))
                        });
                    }
                });
            }
            ui.end_row();
        }
    });
}

/// Each source: id, citation, and how many items cite it (their source or note names its id).
pub(super) fn sources(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, ed: EditorShown<'_>, focus: Focus) {
    let s = ed.draft.scenario();
    egui::Grid::new("editor-sources")
        .num_columns(4)
        .striped(true)
        .show(ui, |ui| {
            header(ui, &["", "Id", "Citation", "Cited by"]);
            for (i, src) in s.sources.iter().enumerate() {
                ui.horizontal(|ui| row_buttons(ui, ctx, Item::Source, i, &super::row_name(Item::Source, i)));
                id_and_name(
                    ui,
                    ctx,
                    focus,
                    (Item::Source, i),
                    (&src.id, &src.citation),
                    ("citation", true),
                );
                let citing = crate::model::draft::cited_by(s, &src.id);
                let shown = ui.label(format!("{} items", citing.len()));
                if !citing.is_empty() {
                    shown.on_hover_text(citing.join("\n"));
                }
                ui.end_row();
            }
        });
    add_button(ui, ctx, (s, Item::Source), "Add source");
    parameters(ui, ctx, s, focus);
}

/// The shared parameters: id, name, source, and the effects and baselines that share each.
/// One is made from an effect's or baseline's "Share it…" (Effects tab).
fn parameters(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, s: &crate::model::scenario::Scenario, focus: Focus) {
    ui.separator();
    ui.label(RichText::new("Shared parameters").strong());
    if s.parameters.is_empty() {
        ui.label("None: each effect's uncertainty is its own. \"Share it…\" beside an effect's uncertainty (Effects tab) makes one.");
        return;
    }
    ui.label(
        RichText::new(
            "Effects and baselines that share a parameter are drawn high or low together in the uncertainty study.",
        )
        .small(),
    );
    egui::Grid::new("editor-parameters")
        .num_columns(6)
        .striped(true)
        .show(ui, |ui| {
            header(
                ui,
                &["", "Id", "Name", "Source or assumption", "Shared by", "Description"],
            );
            for (i, q) in s.parameters.iter().enumerate() {
                ui.horizontal(|ui| row_buttons(ui, ctx, Item::Parameter, i, &super::row_name(Item::Parameter, i)));
                let name = id_and_name(ui, ctx, focus, (Item::Parameter, i), (&q.id, &q.name), ("name", false));
                text(ui, ctx, (&format!("{name}: source"), true), &q.source, |t| {
                    ScenarioEdit::Text(Item::Parameter, i, Text::Source, t)
                });
                let shared: Vec<String> = (s.effects.iter())
                    .filter(|e| e.parameter.as_ref() == Some(&q.id))
                    .map(|e| format!("effect on {} ({})", e.outcome, e.horizon))
                    .chain(
                        (s.baselines.iter())
                            .filter(|b| b.parameter.as_ref() == Some(&q.id))
                            .map(|b| format!("baseline of {} ({})", b.outcome, b.horizon)),
                    )
                    .collect();
                ui.label(format!("{}", shared.len())).on_hover_text(shared.join("\n"));
                text(ui, ctx, (&format!("{name}: description"), true), &q.description, |t| {
                    ScenarioEdit::Text(Item::Parameter, i, Text::Description, t)
                });
                ui.end_row();
            }
        });
}
