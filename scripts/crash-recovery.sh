#!/usr/bin/env bash
# Crash recovery for real: start the app under Xvfb, make an edit, kill -9 it once the recovery
# file is written, start it again and check that it says it recovered the work. Leaves a
# screenshot of the restarted app's notice.
#   scripts/crash-recovery.sh [OUT.png]
# Needs: xvfb, imagemagick, xdotool, libgl1-mesa-dri (apt-get install ...). MOTIVE_LAB_BIN picks
# the binary (default: a release build, built first); CI runs it on the debug build its tests made.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-/tmp/crash-recovery.png}
display=:${SCREENSHOT_DISPLAY:-93}
bin=${MOTIVE_LAB_BIN:-}
if [ -z "$bin" ]; then
  cargo build --release --quiet
  bin=./target/release/motive-lab
fi
Xvfb "$display" -screen 0 1280x800x24 >/dev/null 2>&1 &
xvfb=$!
home=$(mktemp -d)
trap 'kill -9 $app 2>/dev/null || true; kill $xvfb 2>/dev/null || true; rm -rf "$home"' EXIT
export DISPLAY=$display XDG_CONFIG_HOME=$home XDG_DATA_HOME=$home MOTIVE_LAB_DATA_DIR=$home/data
sleep 1
start() {
  "$bin" 2>"$home/stderr-$1" >/dev/null &
  app=$!
  win=$(timeout 60 xdotool search --sync --name "Motive Lab" | head -1)
  sleep 2
  xdotool windowmove "$win" 0 0 windowsize "$win" 1280 800 windowfocus "$win"
  sleep 1
}
start 1
# An edit: click the first credence slider (theory 1, at the top of the left panel) well right
# of its handle.
xdotool mousemove 230 174
sleep 0.5
xdotool mousedown 1
sleep 0.2
xdotool mouseup 1
# The recovery file is due within 5 seconds of the change.
sleep 5
test -f "$home/data/recovery.ron" || { echo "FAIL: no recovery file 5 s after an edit"; exit 1; }
echo "recovery file written: $(wc -c < "$home/data/recovery.ron") bytes"
kill -9 "$app"
wait "$app" 2>/dev/null || true
echo "killed the app with SIGKILL"
start 2
sleep 2
grep -q "recovered unsaved changes from" "$home/stderr-2" || { echo "FAIL: the restart did not recover"; cat "$home/stderr-2"; exit 1; }
grep "recovered" "$home/stderr-2"
xdotool mousemove 1279 799
sleep 1
import -window root "$out"
echo "wrote $out"
