//! One file per panel or plot, each a struct with its own view state implementing
//! [`crate::ui::ctx::View`].

pub mod assumptions;
pub mod believe;
pub mod cell;
pub mod class;
pub mod columns;
pub mod confirm;
pub mod credence_sweep;
pub mod credences;
pub mod editor;
pub mod evidence;
pub mod evidence_cells;
pub mod file_window;
pub mod gap;
pub mod header;
pub mod help;
pub mod lesson;
pub mod lever_sweep;
pub mod levers;
pub mod matrix;
pub mod menu;
pub mod notice;
pub mod outcomes;
pub mod pareto;
pub mod results;
pub mod step_changes;
pub mod study_notes;
pub mod summary;
pub mod uncertainty;
pub mod weights;
