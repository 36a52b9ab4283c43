//! The keyboard after adding an item: the new item's name takes the keys, its text selected,
//! so that the author types its real name at once.

use crate::model::draft::Item;

/// Where the item just added will be: its name field takes the keyboard once it is drawn
/// (see [`take_keys`]).
const TYPE_INTO: &str = "editor-type-into";

/// The item about to be added as item `i` of `item`'s list: its name takes the keys.
pub(super) fn type_into(ui: &egui::Ui, item: Item, i: usize) {
    ui.data_mut(|d| d.insert_temp(egui::Id::unique(TYPE_INTO), (item, i)));
}

/// Give the keyboard to `r` (a name field, its text selected so typing replaces it) if it is
/// the name of the item just added, and bring it into view.
pub(super) fn take_keys(ui: &egui::Ui, r: &egui::Response, here: (Item, usize), text: &str) {
    let id = egui::Id::unique(TYPE_INTO);
    if ui.data(|d| d.get_temp::<(Item, usize)>(id)) != Some(here) {
        return;
    }
    ui.data_mut(|d| d.remove::<(Item, usize)>(id));
    r.request_focus();
    r.scroll_to_me(Some(egui::Align::Center));
    let mut state = egui::text_edit::TextEditState::load(ui.ctx(), r.id).unwrap_or_default();
    state
        .cursor
        .set_char_range(Some(egui::text::CCursorRange::select_all_str(text)));
    state.store(ui.ctx(), r.id);
}
