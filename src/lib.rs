//! Motive Lab: explore how to respond to an attack when nobody knows yet why it happened.
//!
//! - [`model`]: the pure core (scenario types, evaluation, decision analysis),
//! - [`io`]: reading and writing scenario and preset files,
//! - [`cli`]: the analyst command line,
//! - [`ui`] and [`app`]: the desktop app.

pub mod app;
pub mod cli;
pub mod format;
pub mod io;
pub mod model;
pub mod ui;
