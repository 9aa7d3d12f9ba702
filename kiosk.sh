#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The one entry point for people and CI:
#   ./kiosk.sh run [ARGS...]   install what is missing, build, open the kiosk in a window
#   ./kiosk.sh test            install what is missing, build, run the default test suite
#   ./kiosk.sh build           install what is missing and build
#   ./kiosk.sh deps            only install the build dependencies
#   ./kiosk.sh screenshots     every screen at four sizes in both languages, in _screenshots/;
#                              the README's set in docs/screenshots/
#   ./kiosk.sh long-tests      the long fault and soak suites (not part of `test`)
#   ./kiosk.sh bench [--rounds N] [--soak]  kiosk vs bare window vs Chromium, and the other
#                              benchmarks, printed as figures (tests/bench/run-bench.py --help)
#   ./kiosk.sh sanitize        the default suite built with ASan + UBSan (in _build-sanitize)
#   ./kiosk.sh fuzz [SECONDS]  the libFuzzer targets with clang, SECONDS each (in _build-fuzz)
#   ./kiosk.sh package         the Debian package (dpkg-buildpackage, then lintian) in _build-deb
#   ./kiosk.sh deploy-tests    opt-in, as root: install to a DESTDIR, the .deb in a debootstrap
#                              chroot, the kiosk under headless cage (installs packages, a user)
set -euo pipefail

cd "$(dirname "$(readlink -f "$0")")"
BUILD_DIR=${KIOSK_BUILD_DIR:-_build}

# Debian 12 / Ubuntu 24.04 package names. The last group is only needed by tests and tools.
DEBIAN_PACKAGES=(
  build-essential meson ninja-build pkg-config gettext
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libgtk-4-bin libadwaita-1-dev
  libsqlite3-dev libcmark-dev libsodium-dev libqrencode-dev libespeak-ng-dev libpcaudio-dev
  espeak-ng-data
  adwaita-icon-theme librsvg2-common shared-mime-info fonts-cantarell dconf-gsettings-backend
  desktop-file-utils appstream xvfb xauth xdotool imagemagick zbar-tools sqlite3 python3 sox
)
# The fault suite injects I/O errors with libfiu's fiu-run (tests skip those cases without it).
DEBIAN_PACKAGES+=(fiu-utils)
# The shared queue's client library, and the PostgreSQL 15 server that its tests
# start privately (initdb + pg_ctl in a temporary folder).
DEBIAN_PACKAGES+=(libpq-dev postgresql openssl)
FEDORA_PACKAGES="gcc meson ninja-build pkgconf gettext glib2-devel gtk4-devel libadwaita-devel \
sqlite-devel cmark-devel libsodium-devel qrencode-devel espeak-ng-devel pcaudiolib-devel \
adwaita-icon-theme librsvg2 \
desktop-file-utils appstream xorg-x11-server-Xvfb xauth xdotool ImageMagick zbar sqlite python3 sox \
libpq-devel postgresql-server"

say() { printf '%s\n' "$*" >&2; }

missing_debian_packages() {
  local pkg
  for pkg in "${DEBIAN_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
      || printf '%s\n' "$pkg"
  done
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    say "Need root to install packages, and sudo is not available. Run as root: $*"
    exit 1
  fi
}

install_deps() {
  if [ -f /etc/fedora-release ]; then
    say "Fedora is not set up automatically. Install the dependencies with:"
    say "  sudo dnf install $FEDORA_PACKAGES"
    return 0
  fi
  if ! command -v dpkg-query >/dev/null 2>&1; then
    say "Unknown system: install meson, GTK 4.8+, libadwaita 1.2+, SQLite, cmark and libsodium."
    return 0
  fi

  local missing
  missing=$(missing_debian_packages)
  [ -z "$missing" ] && return 0

  say "Installing missing packages: $(echo $missing)"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  # shellcheck disable=SC2086
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
}

build() {
  install_deps
  if [ ! -f "$BUILD_DIR/build.ninja" ]; then
    meson setup "$BUILD_DIR" -Dwerror=true
  fi
  ninja -C "$BUILD_DIR"
}

# The uninstalled kiosk finds its settings schema and translations in the build folder.
dev_env() {
  export GSETTINGS_SCHEMA_DIR="$PWD/$BUILD_DIR/resources"
  export PATIENT_KIOSK_LOCALEDIR="$PWD/$BUILD_DIR/po"
}

XVFB_PID=""
stop_xvfb() {
  [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true
}

# Starts a private virtual display and exports DISPLAY. $1 is the screen size, e.g. 1920x1200.
start_xvfb() {
  local size=${1:-1920x1200} fifo n
  fifo=$(mktemp -u)
  mkfifo "$fifo"
  Xvfb -displayfd 3 -screen 0 "${size}x24" -nolisten tcp -noreset 3>"$fifo" >/dev/null 2>&1 &
  XVFB_PID=$!
  trap stop_xvfb EXIT
  read -r -t 20 n <"$fifo" || { say "Xvfb did not start"; exit 1; }
  rm -f "$fifo"
  export DISPLAY=":$n"
}

cmd_run() {
  if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    say "No display to open the kiosk on: run this from a desktop session, or start a virtual one with 'Xvfb :99 & DISPLAY=:99 ./kiosk.sh run'."
    exit 1
  fi
  build
  dev_env
  exec "$BUILD_DIR/src/patient-kiosk" --windowed "$@"
}

# The display the test suites run on: square, so that the form's tests fit a portrait 1080x1920
# window as well as 1920x1080.
TEST_DISPLAY_SIZE=1920x1920

cmd_test() {
  build
  start_xvfb "$TEST_DISPLAY_SIZE"
  export KIOSK_REQUIRE_DISPLAY=1
  meson test -C "$BUILD_DIR" --print-errorlogs --no-suite long "$@"
}

# The fault suite's tests each print "fault-figures: N cases, N survived, N acknowledged lost";
# this adds them up into the one line of figures the suite reports.
fault_figures() {
  { grep -ahoE 'fault-figures: [0-9]+ cases, [0-9]+ survived, [0-9]+ acknowledged lost' \
      "$BUILD_DIR/meson-logs/testlog.txt" 2>/dev/null || true; } \
    | awk '{ c += $2; s += $4; l += $6 }
           END { printf "fault: %d cases, %d survived, %d acknowledged lost\n", c, s, l }'
}

# The fault suite (power cuts, full disks, injected I/O errors, damaged files, unusable folders,
# 1000 kills) and the other long tests. Root runs the cases that need a tmpfs or chown.
cmd_long_tests() {
  local status=0
  build
  start_xvfb "$TEST_DISPLAY_SIZE"
  export KIOSK_REQUIRE_DISPLAY=1
  [ "$(id -u)" -eq 0 ] || say "Not root: the tmpfs (disk full, read-only) and foreign-owner cases are skipped."
  meson test -C "$BUILD_DIR" --print-errorlogs --suite long --timeout-multiplier 10 "$@" || status=$?
  fault_figures
  return "$status"
}

# The side-by-side benchmark (issue 10, tests/bench/run-bench.py): the kiosk, a bare libadwaita
# window and Chromium --kiosk, interleaved under Xvfb with the cairo renderer, then the meson
# benchmarks (durable saves, the export, idle wake-ups). Options go to run-bench.py: --rounds N,
# --soak, --no-chromium, --help. Chromium is installed here only, never for `test`.
cmd_bench() {
  build
  dev_env
  case " $* " in
    *" --no-chromium "*) ;;
    *)
      if [ ! -x /usr/bin/chromium ] && command -v dpkg-query >/dev/null 2>&1; then
        install_extra_packages chromium || say "Could not install chromium: it is left out."
      fi
      ;;
  esac
  start_xvfb 1280x800
  tests/bench/run-bench.py --build-dir "$BUILD_DIR" "$@"
}

# Screenshots: every page a patient or reception sees, in kiosk mode (an undecorated window the
# size of the screen: the image is exactly the screen), at four screen sizes, in both languages.
SHOT_DIR=_screenshots
SHOT_SIZES=(1280x800 1920x1080 1080x1920 800x1280)
SHOT_TOPICS=(causes treatments specialist)
# The form's steps come from its own branch of kiosk-screenshot (helper B, issue 9).
SHOT_FORM_PAGES=(callback-name callback-phone callback-time callback-topic callback-consent
                 callback-check callback-error callback-thanks)
# The README's representative set, copied into docs/screenshots/.
SHOT_README=(home-en-1280x800 home-es-1080x1920 topic-causes-en-1920x1080
             topic-specialist-bottom-es-800x1280 take-home-en-1280x800 callback-name-en-1280x800
             callback-check-es-1280x800 idle-es-1280x800 start-en-1920x1080 check-es-1280x800
             check-book-en-1280x800
             high-contrast-es-1280x800 staff-en-1280x800 staff-list-en-1280x800)

# One screenshot on the virtual display of its size; a page the tool does not know (exit 2)
# is reported and skipped.
shoot() {
  local size=$1 name=$2 status=0
  shift 2
  "$BUILD_DIR/tests/kiosk-screenshot" --size="$size" --output="$SHOT_DIR/$name.png" "$@" \
    2>/dev/null || status=$?
  if [ "$status" -eq 2 ]; then
    say "  skipped $name: kiosk-screenshot has no such page"
  elif [ "$status" -ne 0 ]; then
    say "  $name failed (exit $status)"
    return "$status"
  fi
}

shoot_size() {
  local size=$1 lang topic page
  for lang in en es; do
    shoot "$size" "home-$lang-$size" --language="$lang" --page=home
    for topic in "${SHOT_TOPICS[@]}"; do
      shoot "$size" "topic-$topic-$lang-$size" --language="$lang" --page="topic-$topic"
      shoot "$size" "topic-$topic-bottom-$lang-$size" --language="$lang" --page="topic-$topic" \
        --scrolled
    done
    shoot "$size" "take-home-$lang-$size" --language="$lang" --page=topic-causes --take-home
    for page in "${SHOT_FORM_PAGES[@]}"; do
      shoot "$size" "$page-$lang-$size" --language="$lang" --page="$page"
    done
    shoot "$size" "idle-$lang-$size" --language="$lang" --page=idle
    shoot "$size" "start-$lang-$size" --language="$lang" --page=start
    shoot "$size" "start-dim-$lang-$size" --language="$lang" --page=start-dim
    for page in check check-book check-habits; do
      shoot "$size" "$page-$lang-$size" --language="$lang" --page="$page"
    done
    shoot "$size" "look-$lang-$size" --language="$lang" --page=look
    shoot "$size" "high-contrast-$lang-$size" --language="$lang" --page=topic-specialist \
      --high-contrast --text-size=2
    shoot "$size" "staff-$lang-$size" --language="$lang" --page=staff
    shoot "$size" "staff-list-$lang-$size" --language="$lang" --page=staff-list
  done
}

cmd_screenshots() {
  local size name
  build
  dev_env
  mkdir -p "$SHOT_DIR" docs/screenshots
  for size in "${SHOT_SIZES[@]}"; do
    say "Screenshots at $size..."
    start_xvfb "$size"
    shoot_size "$size"
    stop_xvfb
  done
  for name in "${SHOT_README[@]}"; do
    if [ -f "$SHOT_DIR/$name.png" ]; then
      cp "$SHOT_DIR/$name.png" docs/screenshots/
    else
      say "  $name.png is missing: docs/screenshots/ keeps what it had"
    fi
  done
  say "Screenshots written to $SHOT_DIR/ (all) and docs/screenshots/ (the README's)"
}

# --- Sanitizers and fuzzing (issue 8) ---------------------------------------------------------
SANITIZE_DIR=${KIOSK_SANITIZE_DIR:-_build-sanitize}
FUZZ_DIR=${KIOSK_FUZZ_DIR:-_build-fuzz}
# Only `fuzz` needs these: Debian's clang 14 and its libFuzzer runtime.
FUZZ_PACKAGES=(clang libclang-rt-14-dev)
FUZZ_TARGETS=(fuzz-content fuzz-request fuzz-csv)

# Every report fails its test: UBSan aborts instead of recovering, LSan and ASan exit non-zero.
# Leak stacks use the fast unwinder, which stops at the first library built without frame
# pointers (often g_malloc); for the whole stack of a report, run that test again with
# ASAN_OPTIONS=fast_unwind_on_malloc=0 (about four times slower, too slow for the UI tests'
# own deadlines on a busy machine).
# intercept_tls_get_addr=0: the sanitizer runtime of GCC 12 takes some dynamic TLS blocks of
# libraries opened with dlopen() (pcaudiolib's PulseAudio, opened when a page is read aloud) for
# a pre-2.25 glibc layout, and LeakSanitizer's tracer then crashes at exit, at random, after
# every test passed (google/sanitizers#1322, fixed in GCC 14). Leaks are still checked.
sanitizer_env() {
  local supp="$PWD/tests/sanitize"
  export ASAN_OPTIONS="halt_on_error=1:abort_on_error=1:detect_leaks=1:print_summary=1:strict_string_checks=1:detect_stack_use_after_return=0:check_initialization_order=1:verify_asan_link_order=0:intercept_tls_get_addr=0"
  export LSAN_OPTIONS="suppressions=$supp/lsan.supp:print_suppressions=0:report_objects=0"
  export UBSAN_OPTIONS="halt_on_error=1:abort_on_error=1:print_stacktrace=1:print_summary=1:suppressions=$supp/ubsan.supp"
  # GLib 2.74 still has its slice allocator; plain malloc lets ASan see every block.
  export G_SLICE=always-malloc
}

cmd_sanitize() {
  local start=$SECONDS status=0
  install_deps
  if [ ! -f "$SANITIZE_DIR/build.ninja" ]; then
    meson setup "$SANITIZE_DIR" -Dwerror=true -Dbuildtype=debug \
      -Db_sanitize=address,undefined -Db_lundef=false \
      -Dc_args="-fno-sanitize-recover=all -fno-omit-frame-pointer"
  fi
  ninja -C "$SANITIZE_DIR"
  start_xvfb "$TEST_DISPLAY_SIZE"
  export KIOSK_REQUIRE_DISPLAY=1
  sanitizer_env
  meson test -C "$SANITIZE_DIR" --print-errorlogs --no-suite long --timeout-multiplier 4 "$@" \
    || status=$?
  say "sanitize: suite finished with status $status in $((SECONDS - start)) s (build included)"
  return "$status"
}

install_fuzz_deps() {
  install_extra_packages "${FUZZ_PACKAGES[@]}"
}

# Runs one target for $2 seconds on a copy of its seed corpus; prints runs, execs/s and crashes.
fuzz_one() {
  local target=$1 seconds=$2 work="$FUZZ_DIR/fuzz-work/$1" log runs speed crashes
  rm -rf "$work"
  mkdir -p "$work/corpus" "$work/crashes"
  cp tests/fuzz/corpus/"$target"/* "$work/corpus/"
  log="$work/log.txt"
  "$FUZZ_DIR/tests/fuzz/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len=65536 -print_final_stats=1 -artifact_prefix="$work/crashes/" \
    -dict=tests/fuzz/"$target".dict "$work/corpus" >"$log" 2>&1 || true
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n1)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n1)
  crashes=$(find "$work/crashes" -type f | wc -l)
  printf '%-14s runs %10s  execs/s %7s  new crashes %s\n' "$target" "${runs:-?}" "${speed:-?}" \
    "$crashes"
  if [ "$crashes" -ne 0 ] || [ -z "$runs" ]; then
    say "$target: see $log and $work/crashes/"
    return 1
  fi
}

cmd_fuzz() {
  local seconds=${1:-60} target failed=0
  install_deps
  install_fuzz_deps
  if [ ! -f "$FUZZ_DIR/build.ninja" ]; then
    CC=clang meson setup "$FUZZ_DIR" -Dfuzzing=true -Dbuildtype=debugoptimized \
      -Db_sanitize=address,undefined -Db_lundef=false \
      -Dc_args="-fsanitize=fuzzer-no-link -fno-sanitize-recover=all -fno-omit-frame-pointer"
  fi
  ninja -C "$FUZZ_DIR" "${FUZZ_TARGETS[@]/#/tests/fuzz/}"
  sanitizer_env
  for target in "${FUZZ_TARGETS[@]}"; do
    fuzz_one "$target" "$seconds" || failed=1
  done
  [ "$failed" -eq 0 ] && say "fuzz: no new crashes" || say "fuzz: new crashes, see above"
  return "$failed"
}
# --- end of sanitizers and fuzzing -------------------------------------------------------------

# --- Debian package and deployment tests (issue 11) ------------------------------------------
DEB_DIR=${KIOSK_DEB_DIR:-_build-deb}
# Only `package` needs these, besides the build dependencies above (debian/control lists the
# same set; dpkg-checkbuilddeps says if they ever differ). systemd provides systemd.pc, from
# which meson takes the unit, sysusers.d and tmpfiles.d folders.
PACKAGE_PACKAGES=(debhelper dpkg-dev fakeroot lintian systemd)
# `deploy-tests` also makes a Debian 12 chroot and runs the kiosk under headless cage.
DEPLOY_PACKAGES=(debootstrap cage xwayland grim imagemagick systemd-container dbus libpam-systemd)

install_extra_packages() {
  local pkg missing=()
  command -v dpkg-query >/dev/null 2>&1 || { say "These commands need Debian 12."; exit 1; }
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "Installing: ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${missing[@]}"
}

# Builds the .deb from a copy of the working tree in $DEB_DIR/src (dpkg-buildpackage writes next
# to the source and leaves debian/ build folders behind), then moves the results to $DEB_DIR.
cmd_package() {
  local version src
  install_deps
  install_extra_packages "${PACKAGE_PACKAGES[@]}"
  version=$(dpkg-parsechangelog -S Version)
  src="$DEB_DIR/src/patient-kiosk-$version"
  rm -rf "$DEB_DIR/src"
  rm -f "$DEB_DIR"/*.deb "$DEB_DIR"/*.changes "$DEB_DIR"/*.buildinfo
  mkdir -p "$src"
  tar --exclude='./_build*' --exclude=./.git --exclude='./obj-*' -cf - . | tar -xf - -C "$src"
  (cd "$src" && dpkg-checkbuilddeps && dpkg-buildpackage -us -uc -b)
  find "$DEB_DIR/src" -maxdepth 1 -type f -exec mv -t "$DEB_DIR" {} +
  rm -rf "$DEB_DIR/src"
  say "package: built $(ls "$DEB_DIR"/patient-kiosk_*.deb)"
  say "lintian:"
  lintian --display-info --fail-on error "$DEB_DIR"/patient-kiosk_*.changes
  say "lintian: no errors"
}

# Each script prints what it checked and exits non-zero on a failure; all four always run.
cmd_deploy_tests() {
  local script status=0 results=()
  if [ "$(id -u)" -ne 0 ]; then
    say "deploy-tests installs packages, makes a chroot and a user: run it as root."
    exit 1
  fi
  install_deps
  install_extra_packages "${PACKAGE_PACKAGES[@]}" "${DEPLOY_PACKAGES[@]}"
  for script in destdir deb cage unit-boot; do
    say "=== tests/deploy/$script.sh"
    if KIOSK_DEB_DIR="$DEB_DIR" "tests/deploy/$script.sh"; then
      results+=("PASS $script")
    else
      results+=("FAIL $script")
      status=1
    fi
  done
  say "=== deploy-tests:"
  printf '  %s\n' "${results[@]}" >&2
  return "$status"
}
# --- end of Debian package and deployment tests ------------------------------------------------

case "${1:-}" in
  run) shift; cmd_run "$@" ;;
  test) shift; cmd_test "$@" ;;
  build) build ;;
  deps) install_deps ;;
  screenshots) cmd_screenshots ;;
  long-tests) shift; cmd_long_tests "$@" ;;
  bench) shift; cmd_bench "$@" ;;
  sanitize) shift; cmd_sanitize "$@" ;;
  fuzz) shift; cmd_fuzz "$@" ;;
  package) cmd_package ;;
  deploy-tests) cmd_deploy_tests ;;
  *)
    say "Usage: ./kiosk.sh run|test|build|deps|screenshots|long-tests|bench|sanitize|fuzz [SECONDS]|package|deploy-tests"
    exit 2
    ;;
esac
