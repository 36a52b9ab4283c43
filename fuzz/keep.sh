#!/usr/bin/env bash
# Refresh fuzz/corpus/TARGET from the minimised fuzz/work/TARGET: at most FILES inputs and
# BYTES in all, picked evenly across the inputs sorted by size, so that the kept set runs from
# inputs refused at the first byte to whole scenarios that reach the Monte Carlo.
#   fuzz/keep.sh TARGET FILES BYTES
set -euo pipefail
cd "$(dirname "$0")"
t=$1; files=$2; bytes=$3
rm -rf "corpus/$t"
mkdir -p "corpus/$t"
mapfile -t sorted < <(find "work/$t" -type f -printf '%s %p\n' | sort -n)
count=${#sorted[@]}
total=0; n=0
for ((i = 0; i < files && i < count; i++)); do
    read -r size path <<< "${sorted[$((i * count / files))]}"
    [ $((total + size)) -gt "$bytes" ] && break
    cp "$path" "corpus/$t/"
    total=$((total + size)); n=$((n + 1))
done
echo "$t: kept $n inputs, $total bytes (of $count in the working corpus)"
