//! The desktop app's panels and plots. Each file draws one part of the window from the
//! document and its report; nothing here computes a model number.

pub mod assumptions;
pub mod chrome;
pub mod matrix;
pub mod outcomes;
pub mod plots;
pub mod settings;
pub mod theme;
