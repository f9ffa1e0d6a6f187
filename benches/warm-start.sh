#!/usr/bin/env bash
# Warm start of the desktop app, measured as in ../shared/BENCHMARKS.md: the time until the room
# list is painted (a pixel probe on the X root window every ~20 ms), then RSS and CPU time 30 s
# later, from /proc. Run it inside the desktop session the app uses (DISPLAY, D-Bus with an
# unlocked keychain), with a profile that is already logged in:
#
#   benches/warm-start.sh DATA_DIR [BINARY]
#
# The probe watches the room list's filter box (it appears with the home screen, 10,60 to
# 210,80 at the default window size): "painted" is when that area stops being one colour.
set -euo pipefail
data_dir=${1:?usage: benches/warm-start.sh DATA_DIR [BINARY]}
binary=${2:-target/release/estafette}
command -v import >/dev/null || { echo "needs imagemagick (import)" >&2; exit 1; }

start=$(date +%s.%N)
"$binary" --data-dir "$data_dir" >/dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null' EXIT
while true; do
  colours=$(import -window root -crop 200x20+10+60 -format "%k" info:- 2>/dev/null || echo 0)
  [ "$colours" -gt 1 ] && break
  sleep 0.02
done
painted=$(date +%s.%N)
echo "room list painted after: $(echo "$painted - $start" | bc) s"
sleep 30
grep -E "VmRSS|VmHWM" "/proc/$pid/status"
awk -v hz="$(getconf CLK_TCK)" '{printf "CPU time (user+system): %.2f s\n", ($14+$15)/hz}' "/proc/$pid/stat"
