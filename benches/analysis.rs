//! Criterion benchmarks of the core on the shipped Paris 2015 scenario.

#![allow(missing_docs, reason = "criterion's macros generate undocumented functions")]
#![allow(clippy::expect_used, reason = "a benchmark stops at the first surprise")]

use criterion::{Criterion, criterion_group, criterion_main};
use motive_lab::io::{SHIPPED_SCENARIOS, parse_scenario};
use motive_lab::model::decision::Scratch;
use motive_lab::model::evaluate::Model;
use motive_lab::model::preset::Settings;
use motive_lab::model::summary::report;
use std::hint::black_box;

fn benches(c: &mut Criterion) {
    let s = parse_scenario("paris", SHIPPED_SCENARIOS[0].text).expect("valid");
    let m = Model::new(&s).expect("compiles");
    let settings = Settings::defaults(&s);
    let mut out = vec![0.0; m.leaves.len() * m.cells()];
    c.bench_function("evaluate all outcomes under all leaf hypotheses", |b| {
        b.iter(|| m.evaluate_into(black_box(&settings.levers), &mut out));
    });
    let mut scratch = Scratch::default();
    c.bench_function("full decision analysis (policies, regret, EVPI, flip points)", |b| {
        b.iter(|| report(&s, &m, black_box(&settings), &mut scratch));
    });
}

criterion_group!(core, benches);
criterion_main!(core);
