#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The installed unit under a real systemd. Boots systemd as PID 1 in a container
# (systemd-nspawn) on a throwaway overlay of this machine's root, installs Patient Kiosk into it
# with meson (prefix /usr) and makes the user and folders as the package does, then checks that
# patient-kiosk.service, as installed plus one drop-in for the container (cage's headless backend
# instead of tty1 and a screen):
#   - runs the kiosk as patient-kiosk under cage, in a PAM login session, with its hardening
#     in force (no new privileges, seccomp, /home hidden, /etc read-only) and its database in
#     /var/lib/patient-kiosk/.local/share/patient-kiosk;
#   - brings the kiosk back after kill -9;
#   - keeps restarting, past systemd's default start limit, while cage fails at once.
# Nothing of it stays: the overlay lives on a tmpfs, and the container sees neither /work nor a
# network. Needs root, systemd-container, dbus, libpam-systemd, cage and xwayland.
#   tests/deploy/unit-boot.sh
set -euo pipefail

SRC=$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)
KIOSK_USER=patient-kiosk
DATA_DIR=/var/lib/patient-kiosk/.local/share/patient-kiosk
FAILURES=0
NSPAWN_PID=""
LEADER=""

pass() { printf 'unit-boot: ok   %s\n' "$*"; }
fail() { printf 'unit-boot: FAIL %s\n' "$*"; FAILURES=$((FAILURES + 1)); }

if [ "$(id -u)" -ne 0 ]; then
  echo "unit-boot: needs root (it mounts an overlay and boots a container)" >&2
  exit 2
fi
for tool in systemd-nspawn nsenter meson ninja cage Xwayland dbus-daemon; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "unit-boot: missing $tool (Debian: systemd-container dbus libpam-systemd cage xwayland)" >&2
    exit 2
  fi
done
if [ -z "$(find /lib /usr/lib -name pam_systemd.so -print -quit 2>/dev/null)" ]; then
  echo "unit-boot: missing pam_systemd (Debian: libpam-systemd)" >&2
  exit 2
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/patient-kiosk-boot.XXXXXX")
OVL=$WORK/overlay
ROOT=$OVL/merged

cleanup() {
  if [ -n "$NSPAWN_PID" ] && kill -0 "$NSPAWN_PID" 2>/dev/null; then
    kill "$NSPAWN_PID" 2>/dev/null || true
    for _ in $(seq 30); do
      kill -0 "$NSPAWN_PID" 2>/dev/null || break
      sleep 0.5
    done
    kill -9 "$NSPAWN_PID" 2>/dev/null || true
  fi
  mountpoint -q "$ROOT" && umount "$ROOT"
  mountpoint -q "$OVL" && umount "$OVL"
  rm -rf "$WORK"
}
trap cleanup EXIT

in_ct() { nsenter -t "$LEADER" -a -- "$@"; }

# Waits up to $1 seconds for the command after it to succeed.
wait_for() {
  local seconds=$1
  shift
  for _ in $(seq $((seconds * 2))); do
    "$@" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  return 1
}

kiosk_pid() { in_ct pgrep -u "$KIOSK_USER" -x patient-kiosk; }
restarts() { in_ct systemctl show patient-kiosk.service -p NRestarts --value; }

echo "unit-boot: build with --prefix=/usr in $WORK"
meson setup "$WORK/build" "$SRC" --prefix=/usr -Dtests=false >"$WORK/setup.log" 2>&1 \
  || { tail -n 30 "$WORK/setup.log"; exit 1; }
ninja -C "$WORK/build" >"$WORK/build.log" 2>&1 || { tail -n 30 "$WORK/build.log"; exit 1; }

# The upper layer must not be on the root file system it covers: a tmpfs of its own.
mkdir -p "$OVL"
mount -t tmpfs -o mode=0755 tmpfs "$OVL"
mkdir -p "$OVL/upper" "$OVL/work" "$ROOT"
mount -t overlay overlay -o "lowerdir=/,upperdir=$OVL/upper,workdir=$OVL/work" "$ROOT"

echo "unit-boot: install into the overlay as the package does (files, schemas, user, folders)"
DESTDIR=$ROOT meson install -C "$WORK/build" --no-rebuild >"$WORK/install.log" 2>&1 \
  || { tail -n 30 "$WORK/install.log"; exit 1; }
glib-compile-schemas "$ROOT/usr/share/glib-2.0/schemas"
UNIT=$(find "$ROOT/lib/systemd/system" "$ROOT/usr/lib/systemd/system" -name patient-kiosk.service \
       -print -quit 2>/dev/null)
systemd-sysusers --root="$ROOT" "$(find "$ROOT/usr/lib/sysusers.d" -name patient-kiosk.conf)" \
  >/dev/null 2>&1
systemd-tmpfiles --create --root="$ROOT" "$(find "$ROOT/usr/lib/tmpfiles.d" -name patient-kiosk.conf)"

# The container has no tty1 and no screen: cage's headless backend, everything else as installed.
mkdir -p "$ROOT/etc/systemd/system/patient-kiosk.service.d"
cat >"$ROOT/etc/systemd/system/patient-kiosk.service.d/headless.conf" <<'EOF'
[Service]
TTYPath=
StandardInput=null
TTYReset=no
TTYVHangup=no
TTYVTDisallocate=no
UtmpIdentifier=
Environment=WLR_BACKENDS=headless WLR_LIBINPUT_NO_DEVICES=1 WLR_RENDERER=pixman GSK_RENDERER=cairo
EOF
# Only what the kiosk needs is started: sysinit, basic, D-Bus, logind and the kiosk itself.
cat >"$ROOT/etc/systemd/system/patient-kiosk-boot-test.target" <<'EOF'
[Unit]
Description=Patient Kiosk boot test
Requires=basic.target
Wants=patient-kiosk.service systemd-logind.service dbus.service
After=basic.target
EOF

echo "unit-boot: boot systemd in the container (${UNIT#"$ROOT"})"
systemd-nspawn -q -b -D "$ROOT" --register=no --keep-unit --private-network --tmpfs=/work \
  --machine=patient-kiosk-boot -- systemd.unit=patient-kiosk-boot-test.target \
  >"$WORK/nspawn.log" 2>&1 &
NSPAWN_PID=$!
find_leader() { LEADER=$(pgrep -P "$NSPAWN_PID" -x systemd | head -n 1); [ -n "$LEADER" ]; }
if ! wait_for 30 find_leader; then
  tail -n 20 "$WORK/nspawn.log"
  fail "systemd did not start in the container"
  exit 1
fi

if wait_for 60 kiosk_pid; then
  PID=$(kiosk_pid)
  pass "systemd starts the unit; the kiosk runs (pid $PID in the container)"
else
  in_ct journalctl -u patient-kiosk.service --no-pager -n 20 | sed 's/^/    /' || true
  fail "the kiosk did not start within 60 s"
  exit 1
fi

owner=$(in_ct ps -o user= -p "$PID" | tr -d ' ')
parent=$(in_ct ps -o comm= -p "$(in_ct ps -o ppid= -p "$PID" | tr -d ' ')" | tr -d ' ')
if [ "$owner" = "$KIOSK_USER" ] && [ "$parent" = cage ]; then
  pass "it runs as $owner, a child of cage"
else
  fail "it runs as '$owner', a child of '$parent'"
fi
if in_ct loginctl list-sessions --no-legend | grep -q " $KIOSK_USER "; then
  pass "PAMName=login gives it a logind session"
else
  fail "no logind session for $KIOSK_USER"
fi
status=$(in_ct grep -E '^(NoNewPrivs|Seccomp):' "/proc/$PID/status" | tr -s '\t ' ' ' | tr '\n' ' ')
if [ "$status" = "NoNewPrivs: 1 Seccomp: 2 " ]; then
  pass "hardening in force: $status"
else
  fail "hardening: $status"
fi
# What the kiosk's user sees in the kiosk's own mount namespace.
view=$(in_ct nsenter -t "$PID" -m -- setpriv --reuid="$KIOSK_USER" --regid="$KIOSK_USER" \
       --clear-groups sh -c 'ls /home >/dev/null 2>&1 && echo home-readable;
                             touch /etc/.pk-test 2>/dev/null && echo etc-writable;
                             touch /var/lib/patient-kiosk/.pk-test && rm /var/lib/patient-kiosk/.pk-test &&
                               echo home-dir-writable' || true)
if [ "$view" = home-dir-writable ]; then
  pass "the kiosk cannot read /home or write /etc, and writes its home"
else
  fail "the kiosk's view: $(echo "$view" | tr '\n' ' ')"
fi
db_ready() { in_ct test -f "$DATA_DIR/requests.db"; }
if wait_for 30 db_ready; then
  pass "its database: $(in_ct stat -c '%A %U %n' "$DATA_DIR/requests.db")"
else
  fail "no $DATA_DIR/requests.db within 30 s"
fi

before=$(restarts)
in_ct kill -9 "$PID"
new_pid() { local p; p=$(kiosk_pid) && [ "$p" != "$PID" ]; }
if wait_for 20 new_pid; then
  pass "kill -9 of the kiosk: back as pid $(kiosk_pid) after the 5 s pause (restarts $before -> $(restarts))"
else
  fail "the kiosk did not come back within 20 s of kill -9"
fi

# cage failing at once, over and over (no such backend): the unit must not give up.
cat >"$ROOT/etc/systemd/system/patient-kiosk.service.d/zz-crash.conf" <<'EOF'
[Service]
Environment=WLR_BACKENDS=no-such-backend
EOF
in_ct systemctl daemon-reload
in_ct systemctl restart patient-kiosk.service
before=$(restarts)
sleep 40
after=$(restarts)
state=$(in_ct systemctl show patient-kiosk.service -p ActiveState --value)
if [ $((after - before)) -ge 6 ] && [ "$state" != failed ]; then
  pass "cage failing at once: $((after - before)) restarts in 40 s, still $state (not failed)"
else
  fail "cage failing at once: $((after - before)) restarts in 40 s, state $state"
fi

if [ "$FAILURES" -ne 0 ]; then
  echo "unit-boot: $FAILURES check(s) failed"
  exit 1
fi
echo "unit-boot: all checks passed"
