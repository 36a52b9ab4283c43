//! What an analyst working on their own scenario file sees (issue 20): the Presets menu lists
//! the presets of the open scenario, and a preset saved beside its scenario file names it
//! rather than copying it (with embedding one switch away, for sharing one file).

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test stops at the first surprise"
)]

use egui_kittest::kittest::Queryable;
use motive_lab::io::{SHIPPED_SCENARIOS, load_document};
use motive_lab::ui::ctx::Command;

mod common;
use common::app_at;

/// A folder with a scenario of its own (Paris under another id) and a preset for it, plus a
/// preset for another scenario file.
fn folder() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("tmp");
    let custom = SHIPPED_SCENARIOS[0]
        .text
        .replacen("id: \"paris-2015\"", "id: \"paris-variant\"", 1);
    let scenario = dir.path().join("variant.ron");
    std::fs::write(&scenario, custom).expect("write");
    std::fs::write(
        dir.path().join("cautious.ron"),
        "Preset(format_version: 1, name: \"Cautious\", scenario: Path(\"variant.ron\"), levers: {\"airstrikes\": 0.0})",
    )
    .expect("write");
    std::fs::write(
        dir.path().join("other.ron"),
        "Preset(format_version: 1, name: \"Other\", scenario: Path(\"other-scenario.ron\"), levers: {})",
    )
    .expect("write");
    (dir, scenario)
}

#[test]
fn the_presets_menu_lists_the_open_scenarios_presets() {
    let (dir, scenario) = folder();
    let mut h = app_at(1280.0, 800.0);
    // On the shipped scenario: the shipped presets.
    h.get_by_label("Presets").click();
    h.run();
    h.get_by_label("Complete disengagement");
    h.key_press(egui::Key::Escape);
    h.run();
    h.state_mut().open(&scenario);
    h.run();
    h.get_by_label("Presets").click();
    h.run();
    h.get_by_label("Cautious");
    assert!(h.query_by_label("Other").is_none(), "a preset of another scenario");
    assert!(
        h.query_by_label("Complete disengagement").is_none(),
        "the shipped presets are Paris's"
    );
    // Picking it opens it.
    h.get_by_label("Cautious").click();
    h.run();
    assert_eq!(h.state().doc().state.name, "Cautious");
    assert_eq!(h.state().doc().scenario.id, "paris-variant");
    drop(dir);
}

#[test]
fn a_preset_saved_beside_its_scenario_names_it_and_embedding_is_one_switch_away() {
    let (dir, scenario) = folder();
    let mut h = app_at(1280.0, 800.0);
    h.state_mut().open(&scenario);
    h.run();
    let ctx = h.ctx.clone();
    let beside = dir.path().join("mine.ron");
    h.state_mut().apply(&ctx, Command::SaveAs(beside.clone()));
    h.run();
    let text = std::fs::read_to_string(&beside).expect("saved");
    assert!(text.contains("scenario: Path(\"variant.ron\")"), "{text}");
    assert!(!text.contains("Embedded("), "no copy of the scenario");
    assert_eq!(load_document(&beside).expect("loads").scenario.id, "paris-variant");
    // The new preset is in the menu at once.
    let name = h.state().doc().state.name.clone();
    let before = h.query_all_by_label(&name).count();
    h.get_by_label("Presets").click();
    h.run();
    assert_eq!(h.query_all_by_label(&name).count(), before + 1, "{name} listed");
    h.key_press(egui::Key::Escape);
    h.run();
    // Elsewhere, the scenario is embedded: the preset stands alone.
    let away = tempfile::tempdir().expect("tmp");
    let far = away.path().join("far.ron");
    h.state_mut().apply(&ctx, Command::SaveAs(far.clone()));
    h.run();
    let text = std::fs::read_to_string(&far).expect("saved");
    assert!(text.contains("Embedded("), "{}", &text[..200.min(text.len())]);
    // Beside it again, with embedding asked for: one file to share.
    h.state_mut().apply(&ctx, Command::SetEmbedScenario(true));
    let shared = dir.path().join("shared.ron");
    h.state_mut().apply(&ctx, Command::SaveAs(shared.clone()));
    h.run();
    let text = std::fs::read_to_string(&shared).expect("saved");
    assert!(text.contains("Embedded("), "embedding asked for");
}
