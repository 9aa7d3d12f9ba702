#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The installed kiosk under cage, headless: in the chroot tests/deploy/deb.sh left (the package
# installed from the .deb with only its dependencies), a supervisor runs the installed unit's
# ExecStart as its User= with the unit's Restart= and RestartSec=, the way systemd would. systemd
# is not PID 1 here, so `systemd-run --user` cannot be used; the supervisor reads those lines from
# the installed unit, gives the service the environment systemd and pam_systemd would (HOME,
# USER, XDG_RUNTIME_DIR, the unit's Environment=, the WorkingDirectory=), and adds only cage's
# headless backend (WLR_BACKENDS=headless, WLR_LIBINPUT_NO_DEVICES=1, WLR_RENDERER=pixman) in
# place of the screen, the touch input and the logind seat. It does not model the start limit
# (the unit sets StartLimitIntervalSec=0: no limit) nor the sandboxing directives. Where the
# headless backend shows no frame (Debian 12's wlroots 0.15 with the pixman renderer, on a machine
# without a GPU, leaves the output black), the same run is made with cage's x11 backend on a
# private Xvfb, and the output says which backend the screenshots come from.
#
# Checks: cage starts the kiosk as the unprivileged user, grim's screenshot of cage's output is
# the home page (many colours, and the home page's colours in the home page's proportions:
# background, white tiles, the emergency note, the blue callback tile), then the kiosk is killed
# with SIGKILL and the supervisor brings cage and the kiosk back, on the home page again. The
# first screenshot is copied to docs/screenshots/cage-home.png. Run as root, through
# ./kiosk.sh deploy-tests, after deb.sh.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/../.."
# shellcheck source=tests/deploy/chroot-lib.sh
. tests/deploy/chroot-lib.sh
# Its own PID namespace too: whatever is left running in the chroot ends with this script.
if [ -z "${KIOSK_DEPLOY_NS:-}" ]; then
  exec env KIOSK_DEPLOY_NS=1 unshare --mount --pid --fork --propagation private -- "$0" "$@"
fi

UNIT=/lib/systemd/system/patient-kiosk.service
SHOTS="$DEB_DIR/screenshots"
OUT_PNG=docs/screenshots/cage-home.png
LOG="$DEB_DIR/cage-supervisor.log"

if [ ! -x "$ROOT/usr/bin/patient-kiosk" ] || [ ! -f "$ROOT$UNIT" ]; then
  echo "FAIL  no installed kiosk in $ROOT: run tests/deploy/deb.sh first"
  finish cage
fi
mount_chroot
mkdir -p "$SHOTS"

unit_value() {
  sed -n "s/^$1=//p" "$ROOT$UNIT" | tail -n1
}
USER_NAME=$(unit_value User)
# The command line as a shell reads it: systemd's quoting is the shell's here, and "$$" is "$".
EXEC_START=$(unit_value ExecStart)
EXEC_START=${EXEC_START//\$\$/\$}
RESTART=$(unit_value Restart)
RESTART_SEC=$(unit_value RestartSec)
echo "unit: User=$USER_NAME ExecStart=$EXEC_START Restart=$RESTART RestartSec=$RESTART_SEC"
KUID=$(in_root id -u "$USER_NAME")
KHOME=$(in_root getent passwd "$USER_NAME" | cut -d: -f6)
RUNTIME_DIR=/run/user/$KUID

# The environment systemd gives the service: its own, pam_systemd's XDG_RUNTIME_DIR, the unit's
# Environment= lines; then the wlroots backend that stands in for the screen ($1).
service_env() {
  printf '%s\n' "PATH=/usr/local/bin:/usr/bin:/bin" "HOME=$KHOME" "USER=$USER_NAME" \
    "LOGNAME=$USER_NAME" "SHELL=/usr/sbin/nologin" "XDG_RUNTIME_DIR=$RUNTIME_DIR"
  sed -n 's/^Environment=//p' "$ROOT$UNIT" | tr ' ' '\n'
  case $1 in
    headless) printf '%s\n' WLR_BACKENDS=headless WLR_LIBINPUT_NO_DEVICES=1 WLR_RENDERER=pixman ;;
    x11) printf '%s\n' WLR_BACKENDS=x11 WLR_RENDERER=pixman "DISPLAY=$XVFB_DISPLAY" ;;
  esac
}

# For the x11 backend: a private Xvfb, its socket folder shared with the chroot.
XVFB_DISPLAY=""
start_xvfb() {
  local fifo n
  [ -n "$XVFB_DISPLAY" ] && return 0
  fifo=$(mktemp -u)
  mkfifo "$fifo"
  Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp -noreset 3>"$fifo" >/dev/null 2>&1 &
  read -r -t 20 n <"$fifo" || { rm -f "$fifo"; echo "Xvfb did not start"; return 1; }
  rm -f "$fifo"
  mkdir -p "$ROOT/tmp/.X11-unix"
  mount --bind /tmp/.X11-unix "$ROOT/tmp/.X11-unix"
  XVFB_DISPLAY=":$n"
}

# The supervisor, run as root in the chroot like PID 1: Restart=always starts the service again
# after any exit, Restart=on-failure after a non-zero one, RestartSec apart.
printf '%s\n' "$EXEC_START" >"$ROOT/tmp/kiosk-execstart"
cat >"$ROOT/tmp/kiosk-supervisor.sh" <<SUPERVISOR
#!/bin/sh
mkdir -p "$RUNTIME_DIR" && chown "$USER_NAME:" "$RUNTIME_DIR" && chmod 0700 "$RUNTIME_DIR"
while :; do
  echo "supervisor: starting: \$(cat /tmp/kiosk-execstart)"
  rm -f "$RUNTIME_DIR"/wayland-*
  status=0
  (cd "$KHOME" && exec runuser -u "$USER_NAME" -- env -i \$(cat /tmp/kiosk-service.env) \
    $EXEC_START) || status=\$?
  echo "supervisor: the service exited with status \$status"
  case "$RESTART:\$status" in
    always:*|on-failure:[1-9]*) ;;
    *) echo "supervisor: Restart=$RESTART: not restarting"; exit "\$status" ;;
  esac
  echo "supervisor: Restart=$RESTART, starting again in ${RESTART_SEC:-0.1} s"
  sleep "${RESTART_SEC:-0.1}"
done
SUPERVISOR
chmod +x "$ROOT/tmp/kiosk-supervisor.sh"

echo "== grim for the screenshots (in the chroot; not a dependency of the package)"
in_root apt-get install -y -q --no-install-recommends grim >"$DEB_DIR/grim-install.log" 2>&1 \
  || { tail -n 20 "$DEB_DIR/grim-install.log"; echo "FAIL  installing grim"; finish cage; }

# PIDs in this namespace, read from the chroot's /proc (mounted for this namespace).
pids_named() {
  local comm=$1 pid
  for pid in "$ROOT"/proc/[0-9]*; do
    [ "$(cat "$pid/comm" 2>/dev/null)" = "$comm" ] || continue
    awk -v uid="$KUID" '/^Uid:/ && $2 == uid { found = 1 } END { exit !found }' "$pid/status" \
      2>/dev/null && basename "$pid"
  done
  return 0
}

shoot() {
  as_kiosk_user env XDG_RUNTIME_DIR="$RUNTIME_DIR" WAYLAND_DISPLAY=wayland-0 \
    grim "/tmp/$1" >/dev/null 2>&1 && cp "$ROOT/tmp/$1" "$SHOTS/$1"
}

# Pixels whose colour is within 3 of R,G,B per channel, in per mille of the image.
share_of() {
  convert "$1" -format %c histogram:info:- | tr '(),:' '    ' |
    awk -v r="$2" -v g="$3" -v b="$4" '
      function d(x, y) { return x > y ? x - y : y - x }
      { total += $1 }
      d($2, r) <= 3 && d($3, g) <= 3 && d($4, b) <= 3 { n += $1 }
      END { printf "%d\n", total ? n * 1000 / total : 0 }'
}

# The home page: many colours (text), libadwaita's window background, the white topic tiles,
# the emergency note's yellow and the blue "Request a callback" tile, each in at least the share
# it has on the home page's own screenshot (within a factor of three, as cage's output is
# 1280x720): a blank, black, dimmed or other page fails.
is_home_page() {
  local shot=$1 colours bg white note blue
  [ -s "$shot" ] || return 1
  colours=$(identify -format %k "$shot")
  bg=$(share_of "$shot" 250 250 250)
  white=$(share_of "$shot" 255 255 255)
  note=$(share_of "$shot" 246 235 207)
  blue=$(share_of "$shot" 53 132 228)
  LAST_FIGURES="$(identify -format '%wx%h' "$shot"), $colours colours; per mille: background $bg, white $white, note $note, blue $blue"
  [ "$colours" -gt 200 ] && [ "$bg" -ge 80 ] && [ "$white" -ge 60 ] && [ "$note" -ge 25 ] \
    && [ "$blue" -ge 20 ]
}

# Takes screenshots until one is the home page, for up to $2 seconds.
wait_for_home() {
  local name=$1 deadline=$((SECONDS + $2))
  LAST_FIGURES="no screenshot"
  while [ "$SECONDS" -lt "$deadline" ]; do
    if shoot "$name" && is_home_page "$SHOTS/$name"; then
      echo "  $SHOTS/$name: $LAST_FIGURES"
      return 0
    fi
    sleep 1
  done
  echo "  last try: $LAST_FIGURES"
  return 1
}

SUPERVISOR_PID=""
# Starts the supervisor with cage on backend $1.
start_service() {
  service_env "$1" >"$ROOT/tmp/kiosk-service.env"
  echo "environment: $(tr '\n' ' ' <"$ROOT/tmp/kiosk-service.env")"
  # Its own process group, so that stopping it stops what it started.
  setsid chroot "$ROOT" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin /tmp/kiosk-supervisor.sh \
    >>"$LOG" 2>&1 &
  SUPERVISOR_PID=$!
}

# Stops the supervisor first, then what it started.
stop_service() {
  local pid
  [ -n "$SUPERVISOR_PID" ] && kill -- "-$SUPERVISOR_PID" 2>/dev/null
  for pid in $(pids_named patient-kiosk) $(pids_named cage) $(pids_named Xwayland); do
    kill "$pid" 2>/dev/null || true
  done
  sleep 1
  SUPERVISOR_PID=""
}
trap stop_service EXIT

# Debian 12's wlroots 0.15 headless backend with the pixman renderer (the only one without a
# GPU) can leave cage's output black: screencopy then sees no frame. The x11 backend on a private
# Xvfb is the fallback stand-in for the screen; the checks are the same, and the output says
# which backend the screenshots come from.
: >"$LOG"
BACKEND=""
for candidate in ${KIOSK_CAGE_BACKENDS:-headless x11}; do
  echo "== the service under the supervisor, cage on the wlroots $candidate backend"
  if [ "$candidate" = x11 ] && ! start_xvfb; then
    continue
  fi
  start_service "$candidate"
  if wait_for_home cage-home-1.png 45; then
    BACKEND=$candidate
    break
  fi
  echo "  the $candidate backend showed no home page; stopping it"
  stop_service
done
check "cage shows the kiosk's home page (grim; backend: ${BACKEND:-none})" test -n "$BACKEND"
CAGE1=$(pids_named cage)
KIOSK1=$(pids_named patient-kiosk)
echo "  cage PID $CAGE1, patient-kiosk PID $KIOSK1 (this test's PID namespace)"
check "cage runs as $USER_NAME (uid $KUID), not root" test -n "$CAGE1"
check "the kiosk runs as $USER_NAME (uid $KUID)" test -n "$KIOSK1"
ARGS=$({ tr '\0' ' ' <"$ROOT/proc/${KIOSK1:-0}/cmdline"; } 2>/dev/null || true)
echo "  kiosk command line: $ARGS"
check "the kiosk runs with --kiosk" grep -q -- '--kiosk' <<<"$ARGS"
DB=$(in_root stat -c '%U %a' "$DATA_DIR/requests.db" 2>/dev/null || true)
check "it made its database in $DATA_DIR, its own, 0600 ($DB)" test "$DB" = "$USER_NAME 600"

echo "== kill -9 the kiosk"
[ -n "$KIOSK1" ] && kill -KILL "$KIOSK1"
# Screenshots only count once a new cage runs, not the old one's last frame.
new_cage() {
  local deadline=$((SECONDS + 30)) pid
  while [ "$SECONDS" -lt "$deadline" ]; do
    pid=$(pids_named cage)
    [ -n "$pid" ] && [ "$pid" != "$CAGE1" ] && return 0
    sleep 0.5
  done
  return 1
}
check "the supervisor starts a new cage (within 30 s)" new_cage
check "the supervisor brings cage and the kiosk back, on the home page (within 60 s)" \
  wait_for_home cage-home-2.png 60
CAGE2=$(pids_named cage)
KIOSK2=$(pids_named patient-kiosk)
echo "  cage PID $CAGE2, patient-kiosk PID $KIOSK2"
check "a new cage and a new kiosk process" \
  test -n "$KIOSK2" -a -n "$CAGE2" -a "$KIOSK2" != "$KIOSK1" -a "$CAGE2" != "$CAGE1"
echo "supervisor log ($LOG):"
sed 's/^/  /' "$LOG" | grep -E '^  supervisor:' || true

if [ -s "$SHOTS/cage-home-1.png" ]; then
  cp "$SHOTS/cage-home-1.png" "$OUT_PNG"
  echo "screenshots (cage's $BACKEND backend): $PWD/$OUT_PNG (first start)," \
    "$SHOTS/cage-home-2.png (after the kill)"
fi
finish cage
