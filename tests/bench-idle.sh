#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Idle cost: starts the real kiosk on the home page, lets it settle, then measures its CPU time
# and context switches over 30 seconds without any input. The goal is near zero: nothing may
# poll or tick while nobody touches the screen. Prints figures only.
#
# Usage: bench-idle.sh PATIENT_KIOSK [SECONDS]   (needs DISPLAY; ./kiosk.sh bench provides one)
set -euo pipefail

exe=$1
seconds=${2:-30}
data_dir=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$data_dir"' EXIT

"$exe" --kiosk --language=en --data-dir="$data_dir" >/dev/null 2>&1 &
pid=$!
sleep 5

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$pid/stat"; }
switches() { awk '/^(voluntary|nonvoluntary)_ctxt_switches/ { n += $2 } END { print n }' "/proc/$pid/status"; }

hz=$(getconf CLK_TCK)
ticks_before=$(cpu_ticks)
switches_before=$(switches)
sleep "$seconds"
ticks_after=$(cpu_ticks)
switches_after=$(switches)

cpu_ms=$(( (ticks_after - ticks_before) * 1000 / hz ))
echo "idle seconds: $seconds"
echo "cpu time while idle: ${cpu_ms} ms (${hz} ticks a second)"
echo "context switches while idle: $(( switches_after - switches_before ))"
