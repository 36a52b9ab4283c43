//! The preferences kept between runs.

use crate::ui::theme::Look;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// Preferences kept between runs.
#[allow(clippy::struct_excessive_bools, reason = "independent switches, each a checkbox")]
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// Recently opened or saved files, newest first.
    pub recent: Vec<PathBuf>,
    /// Light or dark.
    pub look: Look,
    /// Show one column per hypothesis in the outcomes table.
    pub per_hypothesis: bool,
    /// The first-steps page has been shown once (it comes back from Help).
    pub first_steps_seen: bool,
    /// Save presets with their scenario written inside (one file to share), even when the
    /// scenario file sits beside them.
    pub embed_scenario: bool,
    /// Ask for files in the system's dialog (false: always in the app's own path window, as
    /// when no dialog service is installed; `MOTIVE_LAB_NO_SYSTEM_DIALOG=1` sets it at start;
    /// not remembered: a machine without a dialog service says so every run).
    #[serde(skip, default = "system_dialog_at_start")]
    pub system_dialog: bool,
}

/// Whether to ask for files in the system's dialog, as the environment says at start.
fn system_dialog_at_start() -> bool {
    std::env::var_os("MOTIVE_LAB_NO_SYSTEM_DIALOG").is_none_or(|v| v.is_empty() || v == "0")
}

impl Default for Prefs {
    fn default() -> Self {
        Self {
            recent: Vec::new(),
            look: Look::Dark,
            per_hypothesis: false,
            first_steps_seen: false,
            embed_scenario: false,
            system_dialog: system_dialog_at_start(),
        }
    }
}
