//! The scenario editor: beside the live results, a tab per part of the scenario (its
//! questions and hypotheses, levers, outcomes and horizons, baselines and effects, evidence,
//! policies, sources), the problems `motive-lab check` would report, each a click away from its
//! field, undo, and saving in the canonical layout.

mod curve;
mod effects;
mod evidence;
mod fields;
mod keys;
mod lists;
mod policies;
mod problems;
mod shape;
use keys::{take_keys, type_into};

use crate::model::draft::{Item, problem_item};
use crate::ui::ctx::{Command, EditorShown, View, ViewCtx};
use egui::RichText;

/// Lines the problems area takes, whether there are problems or not (one for the summary, the
/// rest for the list, which scrolls beyond them).
const PROBLEM_LINES: f32 = 4.0;

/// A part of the scenario, one tab of the editor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    /// Title, id, summary; questions and hypotheses.
    #[default]
    Questions,
    /// Levers.
    Levers,
    /// Outcomes and horizons.
    Outcomes,
    /// Baselines and effects, per outcome and horizon.
    Effects,
    /// Evidence items rated against the hypotheses.
    Evidence,
    /// Named policies.
    Policies,
    /// Works cited.
    Sources,
}

impl Tab {
    const ALL: [Tab; 7] = [
        Tab::Questions,
        Tab::Levers,
        Tab::Outcomes,
        Tab::Effects,
        Tab::Evidence,
        Tab::Policies,
        Tab::Sources,
    ];

    fn label(self) -> &'static str {
        match self {
            Tab::Questions => "Questions",
            Tab::Levers => "Levers",
            Tab::Outcomes => "Outcomes",
            Tab::Effects => "Effects",
            Tab::Evidence => "Evidence",
            Tab::Policies => "Policies",
            Tab::Sources => "Sources",
        }
    }

    /// The tab an item is edited in.
    fn of(item: Item) -> Tab {
        match item {
            Item::Question | Item::Hypothesis => Tab::Questions,
            Item::Lever => Tab::Levers,
            Item::Outcome | Item::Horizon => Tab::Outcomes,
            Item::Baseline | Item::Effect => Tab::Effects,
            Item::Evidence | Item::Fact => Tab::Evidence,
            Item::Policy => Tab::Policies,
            Item::Source | Item::Parameter => Tab::Sources,
        }
    }
}

/// The editor's view state (the draft itself is the shell's).
#[derive(Debug, Default)]
pub struct EditorView {
    tab: Tab,
    /// The item a problem's click went to: its row is marked (and scrolled to once).
    focus: Option<(Item, usize)>,
    /// The focused row is still to be scrolled into view.
    scroll: bool,
    /// The path typed for saving.
    save_path: String,
    /// The outcome and horizon whose baseline and effects are shown.
    cell: (usize, usize),
    /// A hypothesis with sub-hypotheses whose deletion waits for what happens to them.
    deleting_parent: Option<usize>,
    /// The policy whose stages are shown.
    stages_of: usize,
    /// The question whose hypotheses the evidence grid shows.
    evidence_question: usize,
}

impl View for EditorView {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        let Some(ed) = ctx.session.editor else { return };
        self.top(ui, ctx, ed);
        if ed.asking_unlock {
            ui.add_space(ui.spacing().item_spacing.y * 2.0);
            ui.label(RichText::new("This case is locked: an instructor's scenario, opened for exploring.").strong());
            ui.label("Edit a copy of it? The copy is unlocked and gets an id of its own; save it as a new file.");
            ui.horizontal(|ui| {
                if ui.button("Unlock a copy").clicked() {
                    ctx.send(Command::UnlockCopy);
                }
                if ui.button("Close the editor").clicked() {
                    ctx.send(Command::CloseEditor);
                }
            });
            return;
        }
        self.problems(ui, ctx, ed);
        ui.horizontal_wrapped(|ui| {
            for t in Tab::ALL {
                if ui
                    .selectable_label(self.tab == t, t.label())
                    .accessible_name(format!("Edit {}", t.label().to_lowercase()))
                    .clicked()
                {
                    self.tab = t;
                }
            }
        });
        ui.separator();
        let focus = Focus {
            at: self.focus,
            scroll: self.scroll,
        };
        self.scroll = false;
        egui::ScrollArea::both()
            .auto_shrink([false, false])
            .show(ui, |ui| match self.tab {
                Tab::Questions => lists::questions(ui, ctx, ed, self, focus),
                Tab::Levers => lists::levers(ui, ctx, ed, focus),
                Tab::Outcomes => lists::outcomes(ui, ctx, ed, focus),
                Tab::Effects => effects::cell(ui, ctx, ed, self, focus),
                Tab::Evidence => evidence::grid(ui, ctx, ed, &mut self.evidence_question, focus),
                Tab::Policies => policies::policies(ui, ctx, ed, self, focus),
                Tab::Sources => policies::sources(ui, ctx, ed, focus),
            });
    }
}

impl EditorView {
    /// The path typed for saving, if any (Save, Ctrl+S, writes the scenario there while the
    /// editor is open).
    #[must_use]
    pub fn save_path(&self) -> Option<std::path::PathBuf> {
        let p = self.save_path.trim();
        (!p.is_empty()).then(|| p.into())
    }

    /// Title, undo and redo, save, close.
    fn top(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, ed: EditorShown<'_>) {
        let draft = ed.draft;
        ui.horizontal_wrapped(|ui| {
            // Undo and redo (the header's, and their keys) step through the scenario's edits.
            ui.heading("Scenario editor");
            if ui
                .button("Close editor")
                .on_hover_text("The results keep the last version that checked")
                .clicked()
            {
                ctx.send(Command::CloseEditor);
            }
        });
        if self.save_path.is_empty() {
            self.save_path = ed
                .file
                .map_or_else(|| format!("{}.ron", draft.scenario().id), |p| p.display().to_string());
        }
        ui.horizontal_wrapped(|ui| {
            let l = ui.label("Save to");
            ui.add(
                egui::TextEdit::singleline(&mut self.save_path).desired_width(crate::ui::theme::EDITOR_LONG_TEXT_WIDTH),
            )
            .labelled_by(l.id);
            let can = draft.problems().is_empty() && !self.save_path.trim().is_empty();
            let label = if draft.unsaved() {
                "Save scenario"
            } else {
                "Save scenario (no changes)"
            };
            if ui
                .add_enabled(can, egui::Button::new(label))
                .on_hover_text("Writes the canonical layout, as motive-lab fmt does")
                .on_disabled_hover_text("Fix the problems listed first")
                .clicked()
            {
                ctx.send(Command::SaveScenario(self.save_path.trim().into()));
            }
        });
        if let Some(p) = ed.comments_in {
            ui.label(RichText::new(format!(
                "{} has comments: saving writes the canonical layout and drops them (notes and sources are fields, so keep what matters there).",
                p.display()
            )).small().color(ctx.theme.palette.worse));
        }
        if let Some(why) = ed.refused {
            ui.label(RichText::new(format!("Not changed: {why}")).color(ctx.theme.palette.worse));
        }
    }

    /// The problems, each a link to its item.
    fn problems(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, ed: EditorShown<'_>) {
        // The outline goes once its item has no problem left.
        let problems = ed.draft.problems();
        let unwritten = crate::io::placeholders(ed.draft.scenario());
        let paths = (problems.iter().map(|p| p.path.as_str())).chain(unwritten.iter().map(String::as_str));
        if self.focus.is_some() && !paths.into_iter().any(|p| problem_item(p) == self.focus) {
            self.focus = None;
        }
        // A fixed height, so that nothing below moves when problems come and go.
        let line = ui.text_style_height(&egui::TextStyle::Body) + ui.spacing().item_spacing.y;
        let height = line * PROBLEM_LINES;
        let width = ui.available_width();
        ui.allocate_ui_with_layout(
            egui::vec2(width, height),
            egui::Layout::top_down(egui::Align::Min),
            |ui| {
                ui.set_min_size(egui::vec2(width, height));
                self.problem_list(ui, ctx, ed, height - line);
            },
        );
    }

    fn problem_list(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, ed: EditorShown<'_>, list_height: f32) {
        let problems = ed.draft.problems();
        if problems.is_empty() {
            ui.label(
                RichText::new("The scenario checks: the results follow every edit.").color(ctx.theme.palette.better),
            );
            self.unwritten(ui, ed, list_height);
            return;
        }
        let n = problems.len();
        ui.label(
            RichText::new(format!(
                "{n} problem{}: the results show the last version that checked.",
                if n == 1 { "" } else { "s" }
            ))
            .strong()
            .color(ctx.theme.palette.worse),
        );
        egui::ScrollArea::vertical()
            .id_salt("editor-problems")
            .max_height(list_height)
            .show(ui, |ui| {
                for p in problems {
                    let text = format!("{}: {}", problems::place(ed.draft.scenario(), &p.path), p.message);
                    match problem_item(&p.path) {
                        Some((item, i)) => {
                            if ui.link(text).on_hover_text(format!("Go to it ({})", p.path)).clicked() {
                                self.go_to(ed, item, i);
                            }
                        }
                        None => {
                            ui.label(text);
                        }
                    }
                }
            });
    }

    /// The fields that still hold the template's placeholder text, each a link to its item
    /// (they check, but say nothing of the case).
    fn unwritten(&mut self, ui: &mut egui::Ui, ed: EditorShown<'_>, list_height: f32) {
        let at = crate::io::placeholders(ed.draft.scenario());
        if at.is_empty() {
            return;
        }
        egui::ScrollArea::vertical()
            .id_salt("editor-unwritten")
            .max_height(list_height)
            .show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(format!("Still the template's text ({}):", at.len())).small());
                    for path in &at {
                        let place = problems::place(ed.draft.scenario(), path);
                        if ui
                            .small_button(&place)
                            .on_hover_text(format!("Go to it ({path})"))
                            .clicked()
                        {
                            match problem_item(path) {
                                Some((item, i)) => self.go_to(ed, item, i),
                                // The scenario's own fields (its summary).
                                None => self.tab = Tab::Questions,
                            }
                        }
                    }
                });
            });
    }

    /// Show item `i` of `item`: its tab, and for a baseline or effect its outcome and horizon.
    fn go_to(&mut self, ed: EditorShown<'_>, item: Item, i: usize) {
        self.tab = Tab::of(item);
        self.focus = Some((item, i));
        self.scroll = true;
        let s = ed.draft.scenario();
        let cell = match item {
            Item::Effect => s.effects.get(i).map(|e| (e.outcome.as_str(), e.horizon.as_str())),
            Item::Baseline => s.baselines.get(i).map(|b| (b.outcome.as_str(), b.horizon.as_str())),
            _ => None,
        };
        if let Some((o, h)) = cell {
            let o = s.outcomes.iter().position(|x| x.id == o).unwrap_or(0);
            let h = s.horizons.iter().position(|x| x.id == h).unwrap_or(0);
            self.cell = (o, h);
        }
    }
}

/// A row's first two cells, its id and its name (`label` names the second field: a source's
/// is its citation), the row marked when a problem's click went to it; the row's name
/// ("Lever 1"), which its other fields are named after.
pub(super) fn id_and_name(
    ui: &mut egui::Ui,
    ctx: &mut ViewCtx<'_>,
    focus: Focus,
    (item, i): (Item, usize),
    (id, value): (&str, &str),
    (label, long): (&str, bool),
) -> String {
    use crate::model::draft::{ScenarioEdit, Text};
    let name = row_name(item, i);
    let r = fields::text(ui, ctx, (&format!("{name}: id"), false), id, |t| {
        ScenarioEdit::Text(item, i, Text::Id, t)
    });
    mark_if_focused(ui, &r, focus, (item, i));
    let r = fields::text(ui, ctx, (&format!("{name}: {label}"), long), value, |t| {
        ScenarioEdit::Text(item, i, Text::Name, t)
    });
    take_keys(ui, &r, (item, i), value);
    name
}

/// The item a problem's click went to, and whether to scroll to it this frame.
#[derive(Debug, Clone, Copy)]
pub(super) struct Focus {
    at: Option<(Item, usize)>,
    scroll: bool,
}

/// A row's name, as its fields' accessible names start: "Lever 2".
pub(super) fn row_name(item: Item, i: usize) -> String {
    format!("{} {}", problems::kind(item), i + 1)
}

/// Mark the row of the focused item, and bring it into view the frame after the click.
pub(super) fn mark_if_focused(ui: &mut egui::Ui, r: &egui::Response, focus: Focus, here: (Item, usize)) {
    if focus.at == Some(here) {
        ui.painter().rect_stroke(
            r.rect.expand(2.0),
            2.0,
            egui::Stroke::new(2.0, ui.visuals().warn_fg_color),
            egui::StrokeKind::Outside,
        );
        if focus.scroll {
            r.scroll_to_me(Some(egui::Align::Center));
        }
    }
}

/// Add, move and delete buttons for item `i`.
pub(super) fn row_buttons(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, item: Item, i: usize, name: &str) -> bool {
    use crate::model::draft::{Children, ScenarioEdit};
    if ui
        .small_button("Up")
        .accessible_name(format!("{name}: move up"))
        .clicked()
    {
        ctx.send(Command::EditScenario(ScenarioEdit::Move(item, i, true)));
    }
    if ui
        .small_button("Down")
        .accessible_name(format!("{name}: move down"))
        .clicked()
    {
        ctx.send(Command::EditScenario(ScenarioEdit::Move(item, i, false)));
    }
    let delete = ui
        .small_button("Delete")
        .accessible_name(format!("{name}: delete"))
        .clicked();
    if delete && item != Item::Hypothesis {
        ctx.send(Command::EditScenario(ScenarioEdit::Delete(item, i, Children::Lift)));
    }
    delete
}
