#!/usr/bin/env bash
# Fuzz every target in turn for SECONDS each (default 600), on one core, then minimise its
# corpus. Needs cargo-fuzz (`cargo install cargo-fuzz`); on the stable toolchain it runs with
# RUSTC_BOOTSTRAP=1. Limits: a run over 1 s is a hang, one allocation over 512 MiB a failure.
# The code forbids `unsafe`, so no sanitizer is built in: coverage guidance alone, ~3x faster.
#   fuzz/run.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")"
export RUSTC_BOOTSTRAP=1
seconds=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(document_text preset_round_trip overrides evidence_states structured)
cargo fuzz build -O -s none
mkdir -p logs
for t in "${targets[@]}"; do
    echo "== $t: ${seconds}s"
    cargo fuzz run -O -s none "$t" -- -max_total_time="$seconds" -timeout=1 -malloc_limit_mb=512 \
        -rss_limit_mb=2048 -max_len=16384 -print_final_stats=1 > "logs/$t.log" 2>&1 || {
        echo "$t failed: see fuzz/logs/$t.log"; tail -30 "logs/$t.log"; exit 1; }
    grep -E "stat::number_of_executed_units|DONE" "logs/$t.log" | tail -2
    # Keep only inputs that add coverage (in place).
    cargo fuzz cmin -O -s none "$t" "corpus/$t" -- -max_len=16384 > "logs/$t.cmin.log" 2>&1
    echo "$t: $(ls "corpus/$t" | wc -l) inputs kept"
done
