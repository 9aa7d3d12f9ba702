# SPDX-License-Identifier: GPL-3.0-or-later
# shellcheck shell=bash disable=SC2034
#
# Shared by tests/deploy/deb.sh and cage.sh (sourced, not run): a Debian 12 chroot made with
# debootstrap, kept as a tarball in $DEB_DIR so that each run starts from a fresh copy without
# downloading it again, and the check helper. The scripts run in their own mount namespace, so
# /proc, /dev/shm and the apt cache mounted into the chroot go away with them.

DEB_DIR=${KIOSK_DEB_DIR:-_build-deb}
DEB_DIR=$(mkdir -p "$DEB_DIR" && cd "$DEB_DIR" && pwd)
ROOT="$DEB_DIR/chroot"
BASE_TAR="$DEB_DIR/bookworm-minbase.tar"
APT_ARCHIVES="$DEB_DIR/apt-archives"
KIOSK_USER=patient-kiosk
HOME_DIR=/var/lib/patient-kiosk
DATA_DIR=$HOME_DIR/.local/share/patient-kiosk

FAILURES=0

# check DESCRIPTION COMMAND...: runs the command, prints "ok" or "FAIL" with the description.
check() {
  local what=$1
  shift
  if "$@"; then
    printf 'ok    %s\n' "$what"
  else
    printf 'FAIL  %s\n' "$what"
    FAILURES=$((FAILURES + 1))
  fi
}

# The last line of a script: a summary, and the exit status.
finish() {
  if [ "$FAILURES" -eq 0 ]; then
    printf '%s: all checks passed\n' "$1"
    exit 0
  fi
  printf '%s: %d check(s) failed\n' "$1" "$FAILURES"
  exit 1
}

# Re-runs the calling script in a private mount namespace (once).
enter_mount_namespace() {
  if [ -z "${KIOSK_DEPLOY_NS:-}" ]; then
    exec env KIOSK_DEPLOY_NS=1 unshare --mount --propagation private -- "$0" "$@"
  fi
}

# The Debian mirror this machine uses, from its apt sources; $1 is "debian" or "debian-security".
host_mirror() {
  grep -hsE '^[[:space:]]*(URIs:|deb[[:space:]])' /etc/apt/sources.list \
      /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources \
    | grep -oE 'https?://[^[:space:]]+' | sed 's,/$,,' | grep -E "/$1\$" | head -n1 || true
}

# Makes $BASE_TAR once: a minbase Debian 12 with the sources a real install has, lists fetched.
make_base() {
  local tmp="$DEB_DIR/debootstrap.tmp" mirror security
  [ -f "$BASE_TAR" ] && return 0
  mirror=$(host_mirror debian)
  mirror=${mirror:-http://deb.debian.org/debian}
  security=$(host_mirror debian-security)
  security=${security:-http://deb.debian.org/debian-security}
  echo "debootstrap: --variant=minbase bookworm from $mirror (cached in $BASE_TAR)"
  rm -rf "$tmp"
  debootstrap --variant=minbase bookworm "$tmp" "$mirror" >"$DEB_DIR/debootstrap.log" 2>&1 \
    || { tail -n 20 "$DEB_DIR/debootstrap.log"; return 1; }
  cat >"$tmp/etc/apt/sources.list" <<SOURCES
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb $security bookworm-security main
SOURCES
  cp /etc/resolv.conf "$tmp/etc/resolv.conf"
  chroot "$tmp" apt-get update -qq
  tar -C "$tmp" -cf "$BASE_TAR.part" . && mv "$BASE_TAR.part" "$BASE_TAR"
  rm -rf "$tmp"
}

# A fresh chroot in $ROOT from the base tarball.
fresh_chroot() {
  rm -rf "$ROOT"
  mkdir -p "$ROOT"
  tar -C "$ROOT" -xf "$BASE_TAR"
}

# /proc, a private /dev/shm for Wayland buffers, name resolution and the shared apt cache.
mount_chroot() {
  mkdir -p "$APT_ARCHIVES/partial" "$ROOT/dev/shm"
  mount -t proc proc "$ROOT/proc"
  mount -t tmpfs -o mode=1777 tmpfs "$ROOT/dev/shm"
  mount --bind "$APT_ARCHIVES" "$ROOT/var/cache/apt/archives"
  cp /etc/resolv.conf "$ROOT/etc/resolv.conf"
}

in_root() {
  chroot "$ROOT" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 \
    DEBIAN_FRONTEND=noninteractive "$@"
}

as_kiosk_user() {
  in_root runuser -u "$KIOSK_USER" -- "$@"
}
