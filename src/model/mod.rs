//! The pure core: scenario types, validation, evaluation and decision analysis. No UI, no IO.

pub mod class;
pub mod credence;
pub mod decision;
pub mod document;
pub mod draft;
pub mod evaluate;
pub mod evidence;
pub mod explain;
pub mod frontier;
pub mod generate;
pub mod lead;
pub mod lesson;
pub mod preset;
pub mod questions;
pub mod scenario;
pub mod settings;
pub mod summary;
pub mod sweep;
pub mod uncertainty;
pub mod units;
pub mod validate;
pub mod weights;
pub mod work;

#[cfg(test)]
pub(crate) mod tests;
