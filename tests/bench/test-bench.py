#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The bench harness itself, not its figures (TAP): the bare reference and the kiosk report
their first painted frame through src/kiosk-bench.c, and the kiosk's tour walks the window's
actions to the end, each step waiting for a painted frame. Needs a display (skips without
one unless KIOSK_REQUIRE_DISPLAY is set). Nothing here depends on how fast anything is."""

import importlib.util
import os
import sys
import tempfile
import types

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location('run_bench', os.path.join(HERE, 'run-bench.py'))
bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)

CASES = []


def case(function):
    CASES.append(function)
    return function


@case
def reference_reports_first_frame(args, log):
    result = bench.run_gtk(bench.reference_argv(args), dict(os.environ), log, None, 0)
    assert result['first_ms'] > 0, result
    assert result['pss_rest_kb'] > 0, result


@case
def kiosk_reports_first_frame_and_tour(args, log):
    tour = [f"kiosk.show-topic('{t}')" for t in bench.topics()] + ['kiosk.show-callback',
                                                                   'kiosk.home']
    result = bench.run_gtk(bench.kiosk_argv(args), dict(os.environ), log, tour, 0)
    assert result['first_ms'] > 0, result
    # Each step changes the page, and waits for at least one painted frame of its own.
    assert result['tour_frames'] >= len(tour), result
    assert result['tour_cpu_ms'] > 0 and result['pss_tour_kb'] > 0, result


@case
def unknown_action_is_reported(args, log):
    try:
        bench.run_gtk(bench.reference_argv(args), dict(os.environ), log, ['kiosk.home'], 0)
    except RuntimeError as error:
        assert 'no such action' in str(error), error
    else:
        raise AssertionError('the reference has no kiosk.home, yet its tour ended')


def main():
    print('TAP version 13')
    print(f'1..{len(CASES)}')
    if not os.environ.get('DISPLAY'):
        if os.environ.get('KIOSK_REQUIRE_DISPLAY'):
            print('Bail out! No DISPLAY, and KIOSK_REQUIRE_DISPLAY is set')
            return 1
        for number, function in enumerate(CASES, 1):
            print(f'ok {number} {function.__name__} # SKIP no display')
        return 0

    failed = 0
    with tempfile.TemporaryDirectory(prefix='kiosk-bench-test-') as work_dir:
        args = types.SimpleNamespace(build_dir=os.environ['KIOSK_BENCH_BUILD_DIR'],
                                     work_dir=work_dir, size='1280x800')
        os.makedirs(f'{work_dir}/kiosk-data', mode=0o700)
        with open(f'{work_dir}/programs.log', 'w+b') as log:
            for number, function in enumerate(CASES, 1):
                try:
                    function(args, log)
                    print(f'ok {number} {function.__name__}')
                except (AssertionError, RuntimeError) as error:
                    failed += 1
                    print(f'not ok {number} {function.__name__}')
                    print(f'# {error!r}')
            if failed:
                log.seek(0)
                for line in log.read().decode(errors='replace').splitlines()[-40:]:
                    print(f'# {line}')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
