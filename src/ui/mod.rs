//! The desktop app's views. Each view draws from a [`ctx::ViewCtx`] (the document, the derived
//! results, the theme) and asks for changes with commands; nothing here computes a model
//! number, and nothing here knows the app shell.

pub mod bars;
pub mod command;
pub mod ctx;
pub mod plot_nav;
pub mod readout;
pub mod standalone;
pub mod table;
pub mod theme;
pub mod views;
pub mod widgets;
