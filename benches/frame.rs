//! Criterion benchmarks of whole app frames (layout, drawing, tessellation; CPU only) in a
//! headless egui context at 1280x800, per plot tab, still and with a lever moving.

#![allow(missing_docs, reason = "criterion's macros generate undocumented functions")]

use criterion::{Criterion, criterion_group, criterion_main};
use motive_lab::app::bench::{Headless, TABS};

fn frames(c: &mut Criterion) {
    let mut h = Headless::new();
    for (tab, name) in TABS {
        h.show_tab(tab);
        h.frame();
        c.bench_function(&format!("app frame, {name}, nothing changed"), |b| b.iter(|| h.frame()));
        let mut x = 0.0;
        c.bench_function(&format!("app frame, {name}, a lever moving"), |b| {
            b.iter(|| {
                x = (x + 50.0) % 2000.0;
                h.move_lever(x);
                h.frame();
            });
        });
    }
}

criterion_group! {
    name = app;
    config = Criterion::default().sample_size(30);
    targets = frames
}
criterion_main!(app);
