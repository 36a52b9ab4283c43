//! Criterion benchmarks of the core on the shipped Paris 2015 scenario.

#![allow(missing_docs, reason = "criterion's macros generate undocumented functions")]
#![allow(clippy::expect_used, reason = "a benchmark stops at the first surprise")]

use criterion::{Criterion, criterion_group, criterion_main};
use motive_lab::io::{SHIPPED_SCENARIOS, parse_scenario};
use motive_lab::model::evaluate::EvaluationCache;
use motive_lab::model::evaluate::Model;
use motive_lab::model::settings::Settings;
use motive_lab::model::summary::report;
use motive_lab::model::uncertainty::{
    Buffers, DEFAULT_SAMPLES, DEFAULT_SEED, Design, Weights, found_candidates, run, search, with_found,
};
use std::hint::black_box;

fn benches(c: &mut Criterion) {
    let s = parse_scenario("paris", SHIPPED_SCENARIOS[0].text).expect("valid");
    let m = Model::new(&s).expect("compiles");
    let settings = Settings::defaults(&s);
    let mut out = vec![0.0; m.n_leaves() * m.cells()];
    c.bench_function("evaluate all outcomes under all leaf hypotheses", |b| {
        b.iter(|| m.evaluate_into(black_box(&settings.levers), &mut out));
    });
    let mut scratch = EvaluationCache::default();
    c.bench_function("full decision analysis (policies, regret, EVPI, flip points)", |b| {
        b.iter(|| report(&s, &m, black_box(&settings), &mut scratch));
    });
    let design = Design::new(&s, DEFAULT_SAMPLES, DEFAULT_SEED);
    let found = search(&s, &m, &settings);
    let candidates = with_found(&s, &settings, &found_candidates(&found));
    let w = m.leaf_weights(&settings.credences).expect("weights");
    let taus = settings.taus(&m);
    let weights = Weights {
        leaves: &w,
        values: &settings.value_weights,
        horizons: &taus,
    };
    let mut buffers = Buffers::default();
    let mut group = c.benchmark_group("uncertainty");
    group.sample_size(10);
    group.bench_function("10,000 samples x all candidates (bands, P(best), regret, EVPPI)", |b| {
        b.iter(|| {
            run(
                &m,
                &design,
                &candidates,
                weights,
                (candidates.len() - 1, s.policies.len()),
                &mut buffers,
            )
        });
    });
    group.bench_function("optimiser: best and most robust settings", |b| {
        b.iter(|| search(&s, &m, black_box(&settings)));
    });
    group.finish();
}

criterion_group!(core, benches);
criterion_main!(core);
