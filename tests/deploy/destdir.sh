#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs Patient Kiosk into a DESTDIR the way a package build does (meson, prefix /usr) and
# checks what lands there:
#   - the sorted file list is tests/deploy/expected-files.txt, so nothing is missing or extra
#     (no compiled schema or icon cache: the post-install step skips them under DESTDIR);
#   - the installed desktop file, metainfo, schema, systemd unit (with the example drop-in and
#     timers) pass desktop-file-validate, appstreamcli, glib-compile-schemas and
#     systemd-analyze verify, and the installed program runs;
#   - the sysusers.d and tmpfiles.d files, applied by systemd-sysusers and systemd-tmpfiles to a
#     scratch root, make the system user and its 0700 home and data folder;
#   - the example settings override names every key of the schema and compiles with it;
#   - the default prefix, /usr/local, installs nothing else under /usr, and -Dsession=false no
#     session files.
# It prints each check and exits 1 if one failed (2 if a tool is missing). Run it from anywhere:
#   tests/deploy/destdir.sh
# KIOSK_DESTDIR_KEEP=1 keeps the temporary folder (builds, DESTDIR, logs) and prints its name.
set -euo pipefail

SRC=$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)
EXPECTED=$SRC/tests/deploy/expected-files.txt
APP_ID=io.github.patientkiosk.PatientKiosk
KIOSK_USER=patient-kiosk
KIOSK_HOME=/var/lib/patient-kiosk

WORK=$(mktemp -d "${TMPDIR:-/tmp}/patient-kiosk-destdir.XXXXXX")
ROOT=$WORK/destdir
FAILURES=0

cleanup() {
  if [ "${KIOSK_DESTDIR_KEEP:-0}" = 1 ]; then
    echo "destdir: kept $WORK"
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT

pass() { printf 'destdir: ok   %s\n' "$*"; }
fail() { printf 'destdir: FAIL %s\n' "$*"; FAILURES=$((FAILURES + 1)); }
# Indents a tool's output under the check it belongs to.
show() { sed 's/^/    /' "$@"; }

check_tools() {
  local tool missing=()
  for tool in meson ninja pkg-config python3 desktop-file-validate appstreamcli \
              glib-compile-schemas gsettings msgunfmt systemd-analyze systemd-sysusers \
              systemd-tmpfiles; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
  done
  if [ ${#missing[@]} -ne 0 ]; then
    echo "destdir: missing tools: ${missing[*]} (Debian: ./kiosk.sh deps, systemd, cage)" >&2
    exit 2
  fi
}

# Where meson puts the session files for prefix /usr: systemd's own folders, or the fallback
# under the prefix when systemd's pkg-config file is missing (resources/meson.build).
systemd_dir() {
  pkg-config --variable="$1" systemd 2>/dev/null || printf '%s\n' "$2"
}

build_and_install() {
  echo "destdir: meson setup --prefix=/usr, build and install into a DESTDIR in $WORK"
  if ! meson setup "$WORK/build" "$SRC" --prefix=/usr -Dtests=false -Dwerror=true \
       >"$WORK/setup.log" 2>&1; then
    show "$WORK/setup.log"
    fail "meson setup"
    exit 1
  fi
  if ! ninja -C "$WORK/build" >"$WORK/build.log" 2>&1; then
    tail -n 40 "$WORK/build.log" | show
    fail "build"
    exit 1
  fi
  if ! DESTDIR=$ROOT meson install -C "$WORK/build" --no-rebuild >"$WORK/install.log" 2>&1; then
    tail -n 40 "$WORK/install.log" | show
    fail "meson install"
    exit 1
  fi
}

check_file_list() {
  local unitdir sysusersdir tmpfilesdir count
  unitdir=$(systemd_dir systemdsystemunitdir /usr/lib/systemd/system)
  sysusersdir=$(systemd_dir sysusersdir /usr/lib/sysusers.d)
  tmpfilesdir=$(systemd_dir tmpfilesdir /usr/lib/tmpfiles.d)

  (cd "$ROOT" && find . \( -type f -o -type l \) -printf '/%P\n') | LC_ALL=C sort \
    >"$WORK/installed.txt"
  sed -e '/^#/d' -e '/^$/d' -e "s|@unitdir@|$unitdir|" -e "s|@sysusersdir@|$sysusersdir|" \
      -e "s|@tmpfilesdir@|$tmpfilesdir|" "$EXPECTED" | LC_ALL=C sort >"$WORK/expected.txt"
  count=$(wc -l <"$WORK/installed.txt")
  if diff -u "$WORK/expected.txt" "$WORK/installed.txt" >"$WORK/list.diff"; then
    pass "the $count installed files are those of tests/deploy/expected-files.txt"
  else
    fail "installed files differ from tests/deploy/expected-files.txt (- expected, + installed):"
    tail -n +3 "$WORK/list.diff" | grep '^[-+]' | show
  fi
  if grep -qE 'gschemas\.compiled|icon-theme\.cache|mimeinfo\.cache' "$WORK/installed.txt"; then
    fail "a post-install cache was written into the DESTDIR"
  else
    pass "no gschemas.compiled or icon cache in the DESTDIR (post-install skips DESTDIR)"
  fi
  UNIT=$ROOT$unitdir/patient-kiosk.service
  SYSUSERS=$ROOT$sysusersdir/patient-kiosk.conf
  TMPFILES=$ROOT$tmpfilesdir/patient-kiosk.conf
}

# Runs a validator; it passes when the tool succeeds and prints nothing but the allowed lines.
run_validator() {
  local what=$1
  shift
  if "$@" >"$WORK/validator.log" 2>&1; then
    pass "$what"
  else
    fail "$what:"
    show "$WORK/validator.log"
  fi
}

check_desktop_files() {
  local share=$ROOT/usr/share mo count
  run_validator "desktop-file-validate $APP_ID.desktop" \
    desktop-file-validate "$share/applications/$APP_ID.desktop"
  run_validator "appstreamcli validate --no-net $APP_ID.metainfo.xml" \
    appstreamcli validate --no-net "$share/metainfo/$APP_ID.metainfo.xml"
  run_validator "glib-compile-schemas --strict on the installed schema" \
    glib-compile-schemas --strict --dry-run "$share/glib-2.0/schemas"
  mo=$share/locale/es/LC_MESSAGES/patient-kiosk.mo
  count=$(msgunfmt "$mo" 2>/dev/null | grep -c '^msgid ' || true)
  if [ "$count" -gt 100 ]; then
    pass "the Spanish catalogue holds $count messages"
  else
    fail "the Spanish catalogue holds $count messages"
  fi
  if "$ROOT/usr/bin/patient-kiosk" --version >"$WORK/version.txt" 2>&1; then
    pass "the installed program runs: $(head -n 1 "$WORK/version.txt")"
  else
    fail "/usr/bin/patient-kiosk --version:"
    show "$WORK/version.txt"
  fi
}

# systemd-analyze verify exits 0 on unknown keys (it only warns), so any output fails too.
verify_units() {
  local what=$1
  shift
  if systemd-analyze verify "$@" >"$WORK/verify.log" 2>&1 && [ ! -s "$WORK/verify.log" ]; then
    pass "$what"
  else
    fail "$what:"
    show "$WORK/verify.log"
  fi
}

check_unit() {
  local units=$WORK/units examples=$ROOT/usr/share/doc/patient-kiosk/examples line missing

  verify_units "systemd-analyze verify patient-kiosk.service" "$UNIT"
  line=$(grep '^ExecStart=' "$UNIT")
  if [ "$line" = "ExecStart=/bin/sh -c '/usr/bin/cage -d -- /usr/bin/patient-kiosk --kiosk; exit \$\$?'" ]; then
    pass "the unit runs $line"
  else
    fail "the unit runs $line"
  fi
  missing=""
  for line in "User=$KIOSK_USER" "PAMName=login" "TTYPath=/dev/tty1" "Restart=always" \
              "StartLimitIntervalSec=0" "NoNewPrivileges=yes" \
              "Environment=XDG_DATA_HOME=$KIOSK_HOME/.local/share"; do
    grep -qxF "$line" "$UNIT" || missing="$missing $line"
  done
  if [ -z "$missing" ]; then
    pass "the unit sets User=$KIOSK_USER, PAMName=login, TTYPath=/dev/tty1, Restart=always," \
      "StartLimitIntervalSec=0, NoNewPrivileges=yes, XDG_DATA_HOME"
  else
    fail "the unit lacks:$missing"
  fi

  # The documented drop-in and night timers, beside the unit as in /etc/systemd/system.
  mkdir -p "$units/patient-kiosk.service.d"
  cp "$UNIT" "$examples"/patient-kiosk-night.service "$examples"/*.timer "$units/"
  cp "$examples/rotate.conf" "$units/patient-kiosk.service.d/"
  verify_units "systemd-analyze verify of the unit with examples/rotate.conf" \
    "$units/patient-kiosk.service"
  verify_units "systemd-analyze verify of the examples' night and morning timers" \
    "$units/patient-kiosk-night.timer" "$units/patient-kiosk-night.service" \
    "$units/patient-kiosk-morning.timer"
}

# The user and folders as a package installation makes them, in a scratch root that starts from
# this machine's accounts.
check_user_and_folders() {
  local sysroot=$WORK/sysroot entry uid group dir mode owner missing
  mkdir -p "$sysroot/etc"
  cp /etc/passwd /etc/group "$sysroot/etc/"
  cp /etc/shadow /etc/gshadow "$sysroot/etc/" 2>/dev/null || true
  if ! systemd-sysusers --root="$sysroot" "$SYSUSERS" >"$WORK/sysusers.log" 2>&1; then
    fail "systemd-sysusers:"
    show "$WORK/sysusers.log"
    return
  fi
  entry=$(grep "^$KIOSK_USER:" "$sysroot/etc/passwd" || true)
  uid=$(printf '%s' "$entry" | cut -d: -f3)
  if [ -n "$entry" ] && [ "$uid" -lt 1000 ] \
     && [ "$(printf '%s' "$entry" | cut -d: -f6-)" = "$KIOSK_HOME:/usr/sbin/nologin" ]; then
    pass "systemd-sysusers makes the system user: $entry"
  else
    fail "systemd-sysusers made the user: '$entry'"
  fi
  missing=""
  for group in video render input; do
    grep -qE "^$group:[^:]*:[0-9]+:(.*,)?$KIOSK_USER(,.*)?\$" "$sysroot/etc/group" \
      || missing="$missing $group"
  done
  if [ -z "$missing" ]; then
    pass "$KIOSK_USER is in the groups video, render and input"
  else
    fail "$KIOSK_USER is not in the groups:$missing"
  fi

  if [ "$(id -u)" -ne 0 ]; then
    echo "destdir: skip the tmpfiles.d check (it sets owners: run as root)"
    return
  fi
  if ! systemd-tmpfiles --create --root="$sysroot" "$TMPFILES" >"$WORK/tmpfiles.log" 2>&1; then
    fail "systemd-tmpfiles --create:"
    show "$WORK/tmpfiles.log"
    return
  fi
  for dir in "$KIOSK_HOME" "$KIOSK_HOME/.local" "$KIOSK_HOME/.local/share" \
             "$KIOSK_HOME/.local/share/patient-kiosk"; do
    mode=$(stat -c %a "$sysroot$dir" 2>/dev/null || echo none)
    owner=$(stat -c %u "$sysroot$dir" 2>/dev/null || echo none)
    if [ "$mode" != 700 ] || [ "$owner" != "$uid" ]; then
      fail "systemd-tmpfiles made $dir with mode $mode, owner $owner"
      return
    fi
  done
  pass "systemd-tmpfiles makes $KIOSK_HOME/.local/share/patient-kiosk and its parents, 0700, $KIOSK_USER's"
}

check_override_example() {
  local example=$ROOT/usr/share/doc/patient-kiosk/examples/90_patient-kiosk.gschema.override
  local schema=$ROOT/usr/share/glib-2.0/schemas/$APP_ID.gschema.xml
  local dir=$WORK/schemas key missing="" value

  while read -r key; do
    grep -q "^$key=" "$example" || missing="$missing $key"
  done < <(sed -n 's/.*<key name="\([^"]*\)".*/\1/p' "$schema")
  if [ -z "$missing" ]; then
    pass "the example override sets every key of the schema"
  else
    fail "the example override leaves out:$missing"
  fi
  mkdir -p "$dir"
  cp "$schema" "$example" "$dir/"
  run_validator "glib-compile-schemas --strict with the example override" \
    glib-compile-schemas --strict "$dir"
  value=$(GSETTINGS_SCHEMA_DIR=$dir GSETTINGS_BACKEND=memory \
          gsettings get "$APP_ID" clinic-name 2>&1 || true)
  if [ "$value" = "'Clínica Neurológica San José'" ]; then
    pass "gsettings reads the example's clinic-name: $value"
  else
    fail "gsettings reads the example's clinic-name as $value"
  fi
}

# meson writes the install plan at configure time: no build needed to see where files would go.
installed_paths() {
  local build=$1
  shift
  meson setup "$build" "$SRC" -Dtests=false "$@" >"$build.log" 2>&1 || { show "$build.log"; return 1; }
  meson introspect --installed "$build" \
    | python3 -c 'import json, sys; print("\n".join(sorted(json.load(sys.stdin).values())))'
}

check_other_configurations() {
  local paths unit

  paths=$(installed_paths "$WORK/build-local") || { fail "meson setup with the default prefix"; return; }
  if printf '%s\n' "$paths" | grep -v '^/usr/local/' >"$WORK/outside.txt"; then
    fail "the default prefix installs outside /usr/local:"
    show "$WORK/outside.txt"
  elif ! printf '%s\n' "$paths" | grep -qx '/usr/local/lib/systemd/system/patient-kiosk.service'; then
    fail "the default prefix installs no /usr/local/lib/systemd/system/patient-kiosk.service"
  else
    pass "prefix /usr/local: all $(printf '%s\n' "$paths" | wc -l) files under /usr/local, the unit in /usr/local/lib/systemd/system"
  fi
  unit=$WORK/build-local/resources/patient-kiosk.service
  if grep -qF -- '-d -- /usr/local/bin/patient-kiosk --kiosk' "$unit"; then
    pass "prefix /usr/local: the unit runs /usr/local/bin/patient-kiosk"
  else
    fail "prefix /usr/local: the unit runs $(grep '^ExecStart=' "$unit")"
  fi

  paths=$(installed_paths "$WORK/build-nosession" --prefix=/usr -Dsession=false) \
    || { fail "meson setup -Dsession=false"; return; }
  if printf '%s\n' "$paths" | grep -E 'systemd|sysusers|tmpfiles' >"$WORK/session.txt"; then
    fail "-Dsession=false still installs:"
    show "$WORK/session.txt"
  else
    pass "-Dsession=false installs no unit, sysusers.d or tmpfiles.d file"
  fi
}

check_tools
build_and_install
check_file_list
check_desktop_files
check_unit
check_user_and_folders
check_override_example
check_other_configurations

if [ "$FAILURES" -ne 0 ]; then
  echo "destdir: $FAILURES check(s) failed"
  exit 1
fi
echo "destdir: all checks passed"
