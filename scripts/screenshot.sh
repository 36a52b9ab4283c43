#!/usr/bin/env bash
# Take a screenshot of the real app in a virtual X display.
#   scripts/screenshot.sh [OUT.png] [WIDTHxHEIGHT] [xdotool commands...]
# e.g. scripts/screenshot.sh assets/screenshot.png 1280x800
#      scripts/screenshot.sh /tmp/classroom.png 1920x1080 "key F11"
# Needs: xvfb, imagemagick, libgl1-mesa-dri, xdotool (apt-get install ...). The app runs with a
# throwaway config folder so it starts on the built-in scenario (or SCREENSHOT_FILE).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-assets/screenshot.png}
size=${2:-1280x800}
shift $(( $# > 2 ? 2 : $# ))
display=:${SCREENSHOT_DISPLAY:-97}
cargo build --release --quiet
Xvfb "$display" -screen 0 "${size}x24" >/dev/null 2>&1 &
xvfb=$!
config=$(mktemp -d)
trap 'kill $app $xvfb 2>/dev/null || true; rm -rf "$config"' EXIT
sleep 1
w=${size%x*}; h=${size#*x}
# SCREENSHOT_FILE opens a scenario or preset; SCREENSHOT_WAIT gives a large one time to load.
DISPLAY=$display XDG_CONFIG_HOME=$config XDG_DATA_HOME=$config ./target/release/motive-lab ${SCREENSHOT_FILE:+"$SCREENSHOT_FILE"} >/dev/null 2>&1 &
app=$!
sleep "${SCREENSHOT_WAIT:-3}"
win=$(DISPLAY=$display xdotool search --name "Motive Lab" | head -1)
DISPLAY=$display xdotool windowmove "$win" 0 0 windowsize "$win" "$w" "$h" windowfocus "$win"
sleep 1
for cmd in "$@"; do
  # shellcheck disable=SC2086
  DISPLAY=$display xdotool $cmd
  sleep 0.7
done
# Park the pointer in a corner so nothing shows a hover highlight (SCREENSHOT_KEEP_POINTER=1
# leaves it where the last command put it, to show a hover read-out).
if [ -z "${SCREENSHOT_KEEP_POINTER:-}" ]; then
  DISPLAY=$display xdotool mousemove "$((w - 1))" "$((h - 1))"
fi
sleep 1
DISPLAY=$display import -window root "$out"
echo "wrote $out"
