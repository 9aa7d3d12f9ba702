#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The Debian package on a fresh Debian 12: builds the .deb with ./kiosk.sh package (which runs
# lintian, printed here), installs it with apt in a chroot made by debootstrap (Depends only, no
# Recommends, so the package must name all it needs), and checks the kiosk user, its data folder,
# the unit (installed, not enabled), `patient-kiosk --version` as the kiosk user, that removing
# keeps the data folder untouched, and what purging says and keeps. It ends with the package
# installed again over the kept data, for tests/deploy/cage.sh. Run as root, through
# ./kiosk.sh deploy-tests.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/../.."
# shellcheck source=tests/deploy/chroot-lib.sh
. tests/deploy/chroot-lib.sh
enter_mount_namespace "$@"

PIN=480271

echo "== build and lintian (./kiosk.sh package)"
# KIOSK_DEPLOY_REUSE_DEB=1 tests the .deb already in $DEB_DIR instead (when rerunning).
if [ "${KIOSK_DEPLOY_REUSE_DEB:-0}" = 1 ] && ls "$DEB_DIR"/patient-kiosk_*.deb >/dev/null 2>&1; then
  echo "reusing the package already built in $DEB_DIR"
else
  check "the package builds and lintian reports no errors" \
    env KIOSK_DEB_DIR="$DEB_DIR" ./kiosk.sh package
fi
DEB=$(ls "$DEB_DIR"/patient-kiosk_*.deb 2>/dev/null | head -n1 || true)
[ -n "$DEB" ] || { echo "FAIL  no .deb in $DEB_DIR"; finish deb; }
VERSION=$(dpkg-deb -f "$DEB" Version)
echo "package: $DEB"
dpkg-deb -f "$DEB" Depends | sed 's/^/Depends: /'
echo "files:"
dpkg-deb -c "$DEB" | awk '/^-/ { print "  " $1, $6 }'

echo "== a fresh Debian 12 chroot"
make_base
fresh_chroot
mount_chroot
echo "chroot: $ROOT ($(cat "$ROOT/etc/debian_version"))"
in_root apt-get update -qq

echo "== apt-get install ./$(basename "$DEB") --no-install-recommends"
cp "$DEB" "$ROOT/tmp/"
in_root sh -c "cd /tmp && apt-get install -y -q --no-install-recommends ./$(basename "$DEB")" \
  >"$DEB_DIR/install.log" 2>&1 || { tail -n 30 "$DEB_DIR/install.log"; echo "FAIL  install"; finish deb; }
grep -E '^(Setting up|patient-kiosk:)' "$DEB_DIR/install.log" | grep -E 'patient-kiosk|cage|fonts-cantarell|adwaita-icon|librsvg2-common|dconf-gsettings|shared-mime|systemd ' || true

pulled() {
  in_root dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"
}
# libpq5, libespeak-ng1 and libpcaudio0 are opened with dlopen() (src/core/kiosk-library.c), so
# ${shlibs:Depends} cannot see them: debian/control names them.
for pkg in cage fonts-cantarell adwaita-icon-theme librsvg2-common dconf-gsettings-backend \
  shared-mime-info xwayland libpq5 libespeak-ng1 libpcaudio0; do
  check "apt pulled in $pkg" pulled "$pkg"
done

echo "== the kiosk user and its folders"
PASSWD=$(in_root getent passwd "$KIOSK_USER" || true)
echo "passwd: $PASSWD"
IFS=: read -r _ _ KUID _ _ KHOME KSHELL <<<"$PASSWD"
check "the user $KIOSK_USER exists" test -n "$PASSWD"
check "it is a system user (uid $KUID < 1000)" test "${KUID:-1000}" -lt 1000
check "its home is $HOME_DIR" test "$KHOME" = "$HOME_DIR"
check "it has no login shell ($KSHELL)" test "$KSHELL" = /usr/sbin/nologin
echo "groups: $(in_root id -nG "$KIOSK_USER")"
for dir in "$HOME_DIR" "$DATA_DIR"; do
  STAT=$(in_root stat -c '%U %a' "$dir" 2>/dev/null || true)
  check "$dir belongs to $KIOSK_USER with mode 0700 ($STAT)" test "$STAT" = "$KIOSK_USER 700"
done

echo "== what the package installed"
UNIT=/lib/systemd/system/patient-kiosk.service
check "the unit $UNIT is installed" test -f "$ROOT$UNIT"
grep -E '^(User|ExecStart|Restart|RestartSec|StartLimitIntervalSec)=' "$ROOT$UNIT" | sed 's/^/  /'
ENABLED=$(in_root systemctl is-enabled patient-kiosk.service 2>/dev/null || true)
check "the unit is installed disabled (is-enabled: $ENABLED)" test "$ENABLED" = disabled
check "the settings schema is compiled in" \
  grep -q io.github.patientkiosk.PatientKiosk "$ROOT/usr/share/glib-2.0/schemas/gschemas.compiled"
check "the Spanish translation is installed" \
  test -f "$ROOT/usr/share/locale/es/LC_MESSAGES/patient-kiosk.mo"

echo "== patient-kiosk --version as $KIOSK_USER"
OUT=$(as_kiosk_user patient-kiosk --version 2>&1 || true)
echo "  $OUT"
check "patient-kiosk --version runs as $KIOSK_USER and says ${VERSION}" \
  grep -qF "$VERSION" <<<"$OUT"

# The request database appears when the kiosk itself first runs (tests/deploy/cage.sh checks
# it); the staff PIN is data the command line makes.
echo "== data in the data folder: a staff PIN"
printf '%s\n' "$PIN" | as_kiosk_user patient-kiosk --set-staff-pin >/dev/null 2>&1 || true
snapshot() {
  (cd "$ROOT$HOME_DIR" && find . -printf '%p %U %m\n' | sort && find . -type f -exec sha256sum {} + | sort)
}
BEFORE=$(snapshot)
find "$ROOT$DATA_DIR" -type f -printf '  %P %m\n'
check "the data folder holds the staff PIN" test -s "$ROOT$DATA_DIR/staff-pin"

echo "== apt-get remove patient-kiosk"
REMOVE=$(in_root apt-get remove -y -q patient-kiosk 2>&1 || true)
grep 'patient-kiosk:' <<<"$REMOVE" | sed 's/^/  /'
check "the program is gone" test ! -e "$ROOT/usr/bin/patient-kiosk"
check "remove kept the data folder, every file unchanged" test "$(snapshot)" = "$BEFORE"
check "remove says the data folder is kept" grep -q "kept $HOME_DIR" <<<"$REMOVE"

echo "== dpkg --purge patient-kiosk"
PURGE=$(in_root dpkg --purge patient-kiosk 2>&1 || true)
printf '%s\n' "$PURGE" | sed 's/^/  /'
check "purge kept the data folder, every file unchanged" test "$(snapshot)" = "$BEFORE"
says_removed_and_kept() {
  grep -q "purge: removed" <<<"$PURGE" && grep -q "kept $HOME_DIR" <<<"$PURGE"
}
check "purge says what it removed and what it kept" says_removed_and_kept
check "the user $KIOSK_USER is kept with its data" in_root getent passwd "$KIOSK_USER"
forgotten() {
  ! in_root dpkg-query -W -f='${Status}' patient-kiosk 2>/dev/null | grep -q installed
}
check "dpkg has forgotten the package" forgotten

echo "== install again over the kept data"
in_root sh -c "cd /tmp && apt-get install -y -q --no-install-recommends ./$(basename "$DEB")" \
  >>"$DEB_DIR/install.log" 2>&1 || echo "FAIL  reinstall"
KUID2=$(in_root id -u "$KIOSK_USER")
check "the user keeps its uid ($KUID2)" test "$KUID2" = "$KUID"
check "the data folder is still as it was" test "$(snapshot)" = "$BEFORE"
check "patient-kiosk runs again as $KIOSK_USER" as_kiosk_user patient-kiosk --version

finish deb
