//! The editor's input widgets: a text field, a number and a choice, each named for screen
//! readers and tests ("Lever 2: unit"), each sending one scenario edit when changed.

use crate::model::draft::ScenarioEdit;
use crate::ui::ctx::{Command, ViewCtx};
use crate::ui::theme;

/// A one-line text field showing `value`; a change sends `make(new text)`.
pub(super) fn text(
    ui: &mut egui::Ui,
    ctx: &mut ViewCtx<'_>,
    (name, long): (&str, bool),
    value: &str,
    make: impl FnOnce(String) -> ScenarioEdit,
) -> egui::Response {
    let mut buf = value.to_owned();
    let width = if long {
        theme::EDITOR_LONG_TEXT_WIDTH
    } else {
        theme::EDITOR_TEXT_WIDTH
    };
    let height = ui.spacing().interact_size.y;
    let r = ui
        .add_sized([width, height], egui::TextEdit::singleline(&mut buf))
        .accessible_name(name)
        .on_hover_text(format!("{name}: {value}"));
    if r.changed() {
        ctx.send(Command::EditScenario(make(buf)));
    }
    if r.lost_focus() {
        ctx.send(Command::EndScenarioStroke);
    }
    r
}

/// A number field showing `value`; a change sends `make(new value)` (a typed one when it is
/// entered).
pub(super) fn number(
    ui: &mut egui::Ui,
    ctx: &mut ViewCtx<'_>,
    name: &str,
    value: f64,
    make: impl FnOnce(f64) -> ScenarioEdit,
) -> egui::Response {
    let mut x = value;
    // A drag moves the number by about a hundredth of its size.
    let speed = (value.abs() * 0.01).max(0.01);
    // A typed number counts once it is entered: typing 100 does not pass through 1 and 10
    // (a curve's point would re-sort under the keys); a drag counts as it moves.
    let r = ui
        .add(egui::DragValue::new(&mut x).speed(speed).update_while_editing(false))
        .accessible_name(name)
        .on_hover_text(name);
    if r.changed() && x != value {
        ctx.send(Command::EditScenario(make(x)));
    }
    if r.drag_stopped() || r.lost_focus() {
        ctx.send(Command::EndScenarioStroke);
    }
    r
}

/// A choice among `options` (label, value), showing the one equal to `value`; a choice sends
/// `make(value)`.
pub(super) fn choice<T: PartialEq + Clone>(
    ui: &mut egui::Ui,
    ctx: &mut ViewCtx<'_>,
    name: &str,
    value: &T,
    options: &[(String, T)],
    make: impl FnOnce(T) -> ScenarioEdit,
) {
    let shown = options
        .iter()
        .find(|(_, v)| v == value)
        .map_or_else(|| "(none)".to_owned(), |(l, _)| l.clone());
    let mut chosen = None;
    egui::ComboBox::from_id_salt(name)
        .selected_text(shown)
        .width(theme::EDITOR_TEXT_WIDTH)
        .show_ui(ui, |ui| {
            for (label, v) in options {
                if ui.selectable_label(v == value, label).clicked() {
                    chosen = Some(v.clone());
                }
            }
        })
        .response
        .accessible_name(name)
        .on_hover_text(name);
    if let Some(v) = chosen.filter(|v| v != value) {
        ctx.send(Command::EditScenario(make(v)));
    }
}
