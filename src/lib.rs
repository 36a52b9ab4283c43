//! Motive Lab: explore how to respond to an attack when nobody knows yet why it happened.
//!
//! - [`model`]: the pure core (scenario types, the document, evaluation, decision analysis),
//! - [`analysis`]: every number a view shows, derived from the document and memoised,
//! - [`io`]: reading and writing scenario and preset files,
//! - [`cli`]: the analyst command line,
//! - [`checks`]: the invariants fuzzing, the corpus replay and property tests check,
//! - `ui` and `app` (feature `gui`): the desktop app's views and its shell.
//!
//! Evaluating the shipped scenario at its defaults from code:
//!
//! ```
//! use motive_lab::io::{SHIPPED_SCENARIOS, parse_scenario};
//! use motive_lab::model::{evaluate::{EvaluationCache, Model}, settings::Settings, summary::report};
//!
//! let scenario = parse_scenario("paris-2015.ron", SHIPPED_SCENARIOS[0].text).expect("valid");
//! let model = Model::new(&scenario).expect("compiles");
//! let settings = Settings::defaults(&scenario);
//! let r = report(&scenario, &model, &settings, &mut EvaluationCache::default()).expect("evaluates");
//! let best = &r.candidates[r.analysis.best];
//! assert!((0.0..=1.0).contains(&r.evaluation.expected_utility));
//! assert!(r.analysis.evpi >= 0.0);
//! println!("best by expected utility: {}", best.name);
//! ```

pub mod analysis;
#[cfg(feature = "gui")]
pub mod app;
#[cfg(not(target_arch = "wasm32"))]
pub mod checks;
pub mod cli;
pub mod format;
pub mod io;
pub mod measure;
pub mod model;
#[cfg(feature = "gui")]
pub mod ui;
