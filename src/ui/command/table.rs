//! The command table: every command a user gives from a menu or the keyboard, with its label,
//! tooltip, shortcuts and the command it sends.

use super::{Command, ExportKind, FileAction};
use crate::model::document::Edit;

/// When a keyboard shortcut is taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Always (unless the unsaved-changes question is open).
    Anywhere,
    /// In classroom mode, when no text field has the keyboard.
    Classroom,
    /// In classroom mode, when no menu, popup or combo box is open (Esc closes that first).
    ClassroomNoPopup,
}

/// A command the user can give from a menu or the keyboard: its label, what it does, its
/// shortcuts. Menus, the key handler and the Help text all read this table, so a shortcut is
/// written once and shown as the platform names it (Cmd on macOS).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UiCommand {
    /// A new document on the default scenario.
    New,
    /// Open a file in the system's dialog.
    Open,
    /// Open a file by typing its path.
    OpenPath,
    /// Save to the document's file.
    Save,
    /// Save to a file chosen in the system's dialog.
    SaveAs,
    /// Save to a typed path.
    SavePath,
    /// Export the outcomes table as CSV.
    ExportOutcomes,
    /// Export the decision matrix as CSV.
    ExportMatrix,
    /// Export the window as a PNG image.
    ExportWindow,
    /// Quit.
    Quit,
    /// Undo.
    Undo,
    /// Redo.
    Redo,
    /// Back to the document as it was opened.
    ResetToOpened,
    /// Pin the current state as comparison A.
    PinA,
    /// Drop comparison A.
    ClearA,
    /// Classroom mode on or off.
    Classroom,
    /// Leave classroom mode.
    LeaveClassroom,
    /// The next shipped preset (classroom).
    NextPreset,
    /// The previous shipped preset (classroom).
    PreviousPreset,
    /// One step later on the evidence timeline (classroom).
    LaterEvidence,
    /// One step earlier on the evidence timeline (classroom).
    EarlierEvidence,
    /// A new scenario from the template, in the editor.
    NewScenario,
    /// Edit the open scenario.
    EditScenario,
}

const fn key(modifiers: egui::Modifiers, key: egui::Key) -> egui::KeyboardShortcut {
    egui::KeyboardShortcut::new(modifiers, key)
}

const CMD: egui::Modifiers = egui::Modifiers::COMMAND;
const CMD_SHIFT: egui::Modifiers = egui::Modifiers::COMMAND.plus(egui::Modifiers::SHIFT);
const NONE: egui::Modifiers = egui::Modifiers::NONE;

impl UiCommand {
    /// Every command, in the order menus and the Help text list them.
    pub const ALL: [Self; 23] = [
        Self::New,
        Self::NewScenario,
        Self::Open,
        Self::OpenPath,
        Self::Save,
        Self::SaveAs,
        Self::SavePath,
        Self::ExportOutcomes,
        Self::ExportMatrix,
        Self::ExportWindow,
        Self::Quit,
        Self::Undo,
        Self::Redo,
        Self::ResetToOpened,
        Self::PinA,
        Self::ClearA,
        Self::EditScenario,
        Self::Classroom,
        Self::LeaveClassroom,
        Self::NextPreset,
        Self::PreviousPreset,
        Self::LaterEvidence,
        Self::EarlierEvidence,
    ];

    /// Every shortcut with its command, in the order the key handler tries them: one with more
    /// modifiers before one with fewer, since egui takes Ctrl+Z as pressed on Ctrl+Shift+Z too.
    #[must_use]
    pub fn by_specificity() -> &'static [(Self, egui::KeyboardShortcut)] {
        static PAIRS: std::sync::LazyLock<Vec<(UiCommand, egui::KeyboardShortcut)>> = std::sync::LazyLock::new(|| {
            let mut pairs: Vec<_> = UiCommand::ALL
                .iter()
                .flat_map(|c| c.shortcuts().iter().map(move |s| (*c, *s)))
                .collect();
            let count = |m: egui::Modifiers| {
                [m.alt, m.ctrl, m.shift, m.mac_cmd, m.command]
                    .iter()
                    .filter(|b| **b)
                    .count()
            };
            pairs.sort_by_key(|(_, s)| std::cmp::Reverse(count(s.modifiers)));
            pairs
        });
        &PAIRS
    }

    /// The label in menus and the Help text.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::New => "New",
            Self::Open => "Open…",
            Self::OpenPath => "Open path…",
            Self::Save => "Save",
            Self::SaveAs => "Save As…",
            Self::SavePath => "Save to path…",
            Self::ExportOutcomes => "Outcomes table as CSV…",
            Self::ExportMatrix => "Decision matrix as CSV…",
            Self::ExportWindow => "Window as PNG…",
            Self::Quit => "Quit",
            Self::Undo => "Undo",
            Self::Redo => "Redo",
            Self::ResetToOpened => "Reset to preset",
            Self::PinA => "Pin current state as A",
            Self::ClearA => "Clear comparison A",
            Self::Classroom => "Classroom mode",
            Self::LeaveClassroom => "Leave classroom mode",
            Self::NextPreset => "Next preset",
            Self::PreviousPreset => "Previous preset",
            Self::LaterEvidence => "Later on the evidence timeline",
            Self::EarlierEvidence => "Earlier on the evidence timeline",
            Self::NewScenario => "New scenario",
            Self::EditScenario => "Scenario editor",
        }
    }

    /// What it does, in a sentence (menu tooltips and the Help text).
    #[must_use]
    pub fn tooltip(self) -> &'static str {
        match self {
            Self::New => "A new document on the built-in scenario (asks first about unsaved changes)",
            Self::Open => "Open a preset or scenario file in the system's file dialog",
            Self::OpenPath => "Open a file by typing its path",
            Self::Save => {
                "Save the preset to its file (asks where if it has none); while the scenario editor is open, the scenario, to the path the editor shows"
            }
            Self::SaveAs => "Save the preset to another file, chosen in the system's file dialog",
            Self::SavePath => "Save the preset to a typed path",
            Self::ExportOutcomes => {
                "Every outcome and horizon, expected and per hypothesis, as CSV (as `motive-lab eval --format csv` writes it)"
            }
            Self::ExportMatrix => {
                "The utility of every policy under every hypothesis and its regret, as CSV (as `motive-lab policies --format csv` writes it)"
            }
            Self::ExportWindow => "The whole window as a PNG image",
            Self::Quit => "Close the app (asks first about unsaved changes)",
            Self::Undo => "Undo the last change",
            Self::Redo => "Redo the last change undone",
            Self::ResetToOpened => "Back to the document as it was opened",
            Self::PinA => "Keep the current settings as A, to compare the live ones with",
            Self::ClearA => "Compare with the document as opened again",
            Self::Classroom => "Large, high-contrast and full screen, for a projector; the editing chrome is hidden",
            Self::LeaveClassroom => "Back to the full window",
            Self::NextPreset => "Step on to the next shipped preset",
            Self::PreviousPreset => "Step back to the previous shipped preset",
            Self::LaterEvidence => "Observe the evidence known one date later",
            Self::EarlierEvidence => "Observe the evidence known one date earlier",
            Self::NewScenario => {
                "A small scenario to build a case from (three motives, two levers, two outcomes), opened in the editor"
            }
            Self::EditScenario => {
                "Edit the open scenario's questions, levers, outcomes, effects, evidence and policies beside the live results"
            }
        }
    }

    /// Its keyboard shortcuts; the first is the one menus show.
    #[must_use]
    pub fn shortcuts(self) -> &'static [egui::KeyboardShortcut] {
        use egui::Key;
        match self {
            Self::New => const { &[key(CMD, Key::N)] },
            Self::Open => const { &[key(CMD, Key::O)] },
            Self::Save => const { &[key(CMD, Key::S)] },
            Self::SaveAs => const { &[key(CMD_SHIFT, Key::S)] },
            Self::Undo => const { &[key(CMD, Key::Z)] },
            Self::Redo => const { &[key(CMD_SHIFT, Key::Z), key(CMD, Key::Y)] },
            Self::Classroom => const { &[key(NONE, Key::F11)] },
            Self::LeaveClassroom => const { &[key(NONE, Key::Escape)] },
            Self::NextPreset => const { &[key(NONE, Key::ArrowRight), key(NONE, Key::PageDown)] },
            Self::PreviousPreset => const { &[key(NONE, Key::ArrowLeft), key(NONE, Key::PageUp)] },
            Self::LaterEvidence => const { &[key(NONE, Key::ArrowDown)] },
            Self::EarlierEvidence => const { &[key(NONE, Key::ArrowUp)] },
            Self::EditScenario => const { &[key(CMD, Key::E)] },
            Self::OpenPath
            | Self::NewScenario
            | Self::SavePath
            | Self::ExportOutcomes
            | Self::ExportMatrix
            | Self::ExportWindow
            | Self::Quit
            | Self::ResetToOpened
            | Self::PinA
            | Self::ClearA => const { &[] },
        }
    }

    /// When its shortcuts are taken.
    #[must_use]
    pub fn scope(self) -> Scope {
        match self {
            Self::LeaveClassroom => Scope::ClassroomNoPopup,
            Self::NextPreset | Self::PreviousPreset | Self::LaterEvidence | Self::EarlierEvidence => Scope::Classroom,
            _ => Scope::Anywhere,
        }
    }

    /// The command it sends.
    #[must_use]
    pub fn command(self) -> Command {
        match self {
            Self::New => Command::New,
            Self::Open => Command::OpenDialog,
            Self::OpenPath => Command::ShowFileWindow(FileAction::Open),
            Self::Save => Command::Save,
            Self::SaveAs => Command::SaveAsDialog,
            Self::SavePath => Command::ShowFileWindow(FileAction::Save),
            Self::ExportOutcomes => Command::ShowFileWindow(FileAction::Export(ExportKind::OutcomesCsv)),
            Self::ExportMatrix => Command::ShowFileWindow(FileAction::Export(ExportKind::MatrixCsv)),
            Self::ExportWindow => Command::ShowFileWindow(FileAction::Export(ExportKind::WindowPng)),
            Self::Quit => Command::Quit,
            Self::Undo => Command::Undo,
            Self::Redo => Command::Redo,
            Self::ResetToOpened => Command::Edit(Edit::ResetToOpened),
            Self::PinA => Command::PinA,
            Self::ClearA => Command::ClearA,
            Self::Classroom | Self::LeaveClassroom => Command::ToggleClassroom,
            Self::NextPreset => Command::StepPreset(1),
            Self::PreviousPreset => Command::StepPreset(-1),
            Self::LaterEvidence => Command::StepTimeline(1),
            Self::EarlierEvidence => Command::StepTimeline(-1),
            Self::NewScenario => Command::NewScenario,
            Self::EditScenario => Command::OpenEditor,
        }
    }

    /// Its shortcuts as the platform writes them ("Ctrl+Shift+Z or Ctrl+Y"; "⇧⌘Z or ⌘Y" on a
    /// Mac), or `None` if it has none.
    #[must_use]
    pub fn shortcut_text(self, ctx: &egui::Context) -> Option<String> {
        let all = self.shortcuts();
        (!all.is_empty()).then(|| {
            all.iter()
                .map(|s| ctx.format_shortcut(s))
                .collect::<Vec<_>>()
                .join(" or ")
        })
    }

    /// Its first shortcut as the platform writes it ("Ctrl+Z"; "⌘Z" on a Mac), or "".
    #[must_use]
    pub fn key_text(self, ctx: &egui::Context) -> String {
        self.shortcuts()
            .first()
            .map_or_else(String::new, |s| ctx.format_shortcut(s))
    }

    /// A menu button for it: its label, its first shortcut, its tooltip.
    pub fn button(self, ui: &mut egui::Ui, enabled: bool) -> egui::Response {
        let mut b = egui::Button::new(self.label());
        if let Some(first) = self.shortcuts().first() {
            b = b.shortcut_text(ui.ctx().format_shortcut(first));
        }
        ui.add_enabled(enabled, b).on_hover_text(self.tooltip())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_commands_share_a_shortcut_where_both_are_live() {
        let all: Vec<_> = UiCommand::ALL
            .iter()
            .flat_map(|c| c.shortcuts().iter().map(move |s| (*c, *s)))
            .collect();
        for (i, (a, sa)) in all.iter().enumerate() {
            for (b, sb) in &all[i + 1..] {
                assert!(sa != sb || a == b, "{a:?} and {b:?} share {sa:?}");
            }
        }
        // A shortcut that extends another (Ctrl+Shift+Z over Ctrl+Z) is tried first.
        let pos = |c| UiCommand::by_specificity().iter().position(|(x, _)| *x == c);
        assert!(pos(UiCommand::Redo) < pos(UiCommand::Undo));
        assert!(pos(UiCommand::SaveAs) < pos(UiCommand::Save));
        assert_eq!(UiCommand::by_specificity().len(), all.len());
    }

    #[test]
    fn shortcuts_are_written_as_the_platform_names_them() {
        let ctx = egui::Context::default();
        // Fonts come with the first frame (a Mac's symbols are used only if a font has them).
        ctx.run_ui(egui::RawInput::default(), |_| {}).textures_delta.clear();
        ctx.set_os(egui::os::OperatingSystem::Nix);
        assert_eq!(
            UiCommand::Redo.shortcut_text(&ctx).as_deref(),
            Some("Ctrl+Shift+Z or Ctrl+Y")
        );
        assert_eq!(UiCommand::Undo.key_text(&ctx), "Ctrl+Z");
        assert_eq!(UiCommand::Quit.shortcut_text(&ctx), None);
        ctx.set_os(egui::os::OperatingSystem::Mac);
        let mac = UiCommand::Undo.key_text(&ctx);
        assert!(mac.contains("Cmd") || mac.contains('⌘'), "{mac}");
        assert!(!mac.contains("Ctrl"), "{mac}");
    }

    #[test]
    fn every_command_sends_what_its_label_says() {
        for c in UiCommand::ALL {
            assert!(!c.label().is_empty() && !c.tooltip().is_empty(), "{c:?}");
        }
        assert_eq!(UiCommand::Open.command(), Command::OpenDialog);
        assert_eq!(UiCommand::SavePath.command(), Command::ShowFileWindow(FileAction::Save));
        assert_eq!(UiCommand::PreviousPreset.command(), Command::StepPreset(-1));
        assert_eq!(UiCommand::LeaveClassroom.scope(), Scope::ClassroomNoPopup);
    }
}
