//! Timing a piece of work: the medians the `bench` command prints, for the core (the command
//! line) and for the app's frames alike.

use std::time::{Duration, Instant};

/// One measurement.
#[derive(Debug, Clone)]
pub struct BenchResult {
    /// What was timed.
    pub name: String,
    /// Median time of one call.
    pub median: Duration,
}

impl std::fmt::Display for BenchResult {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{:<60} median {:>10.2} µs",
            self.name,
            self.median.as_secs_f64() * 1e6
        )
    }
}

/// Median of `samples` timings, each the mean of a batch long enough to time reliably.
pub fn measure(name: &str, samples: usize, mut f: impl FnMut()) -> BenchResult {
    // Calibrate: how long one call takes, so each timed sample lasts about a millisecond.
    let start = Instant::now();
    let mut calls = 0u32;
    while start.elapsed() < Duration::from_millis(20) {
        f();
        calls += 1;
    }
    let per = start.elapsed().as_secs_f64() / f64::from(calls.max(1));
    // Slow calls (whole frames) are timed one at a time.
    let batch = ((1e-3 / per.max(1e-9)) as usize).clamp(1, 100_000);
    let mut times: Vec<f64> = (0..samples)
        .map(|_| {
            let t = Instant::now();
            for _ in 0..batch {
                f();
            }
            t.elapsed().as_secs_f64() / batch as f64
        })
        .collect();
    times.sort_by(f64::total_cmp);
    BenchResult {
        name: name.to_owned(),
        median: Duration::from_secs_f64(times.get(times.len() / 2).copied().unwrap_or(0.0)),
    }
}
