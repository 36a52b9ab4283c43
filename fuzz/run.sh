#!/usr/bin/env bash
# Fuzz every target in turn for SECONDS each (default 600), on one core, then minimise its
# working corpus and refresh the small corpus kept in the repository.
#   fuzz/run.sh [SECONDS] [TARGET...]
# Needs cargo-fuzz (`cargo install cargo-fuzz`); on the stable toolchain it runs with
# RUSTC_BOOTSTRAP=1. Limits: a run over 1 s is a hang, one allocation over 512 MiB a failure.
# The code forbids `unsafe`, so no sanitizer is built in: coverage guidance alone, ~3x faster.
# The working corpus grows in fuzz/work/TARGET (not kept); fuzz/corpus/TARGET keeps its
# smallest inputs (at most KEEP_FILES of them and KEEP_BYTES in all), which `cargo test`
# replays; an input a fuzzer failed on goes to fuzz/regressions/TARGET by hand, with the fix.
set -euo pipefail
cd "$(dirname "$0")"
export RUSTC_BOOTSTRAP=1
seconds=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(document_text preset_round_trip overrides evidence_states structured)
keep_files=${KEEP_FILES:-80}
keep_bytes=${KEEP_BYTES:-400000}
cargo fuzz build -O -s none
mkdir -p logs work
for t in "${targets[@]}"; do
    if [ ! -d "work/$t" ]; then cp -r "corpus/$t" "work/$t"; fi
    echo "== $t: ${seconds}s"
    cargo fuzz run -O -s none "$t" "work/$t" -- -max_total_time="$seconds" -timeout=1 \
        -malloc_limit_mb=512 -rss_limit_mb=2048 -max_len=16384 -print_final_stats=1 > "logs/$t.log" 2>&1 || {
        echo "$t failed: see fuzz/logs/$t.log"; tail -30 "logs/$t.log"; exit 1; }
    grep -E "stat::number_of_executed_units|DONE" "logs/$t.log" | tail -2
    # Keep only inputs that add coverage (in place), then the smallest of them in the repository.
    cargo fuzz cmin -O -s none "$t" "work/$t" -- -max_len=16384 > "logs/$t.cmin.log" 2>&1
    ./keep.sh "$t" "$keep_files" "$keep_bytes"
done
