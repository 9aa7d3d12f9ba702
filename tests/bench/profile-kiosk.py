#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Where the kiosk's time goes (issue 10): `perf record` of its start-up, from the exec to the
first painted frame (and of the bare reference's, for comparison), and of its tour repeated
five times, under the display in $DISPLAY with the cairo renderer, as `./kiosk.sh bench` runs
it. Writes OUT/startup.data, OUT/reference-startup.data, OUT/tour.data and their
`perf report --stdio` summaries: self cost by library, by library and function, and inclusive.

profile-kiosk.py [--build-dir DIR] [--out DIR]   (needs perf: Debian's linux-perf; and DISPLAY,
GSETTINGS_SCHEMA_DIR and PATIENT_KIOSK_LOCALEDIR as ./kiosk.sh sets them for `run`)
"""

import argparse
import importlib.util
import os
import signal
import subprocess
import sys
import tempfile
import time
import types

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location('run_bench', os.path.join(HERE, 'run-bench.py'))
bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)

# DWARF unwinding: Debian's libraries are built without frame pointers.
PERF_RECORD = ['perf', 'record', '-F', '1999', '--call-graph', 'dwarf,16384', '-q']


def profile_startup(argv, env, log, data):
    """A program started under perf and ended as soon as it has painted its first frame."""
    env = dict(env, KIOSK_BENCH_REPORT='1')
    perf = subprocess.Popen(PERF_RECORD + ['-o', data, '--'] + argv, env=env,
                            stdout=subprocess.PIPE, stderr=log)
    try:
        bench.LineReader(perf).wait_for('first-frame', 120)
    finally:
        for pid in bench.process_tree(perf.pid)[1:]:
            os.kill(pid, signal.SIGTERM)
        perf.wait()


def profile_tour(args, env, log, data, steps):
    """perf attached to a kiosk at rest, for its tour only."""
    env = dict(env, KIOSK_BENCH_REPORT='1', KIOSK_BENCH_TOUR=' '.join(steps))
    kiosk = subprocess.Popen(bench.kiosk_argv(args), env=env, stdout=subprocess.PIPE, stderr=log)
    try:
        reader = bench.LineReader(kiosk)
        reader.wait_for('first-frame', 120)
        time.sleep(1)
        perf = subprocess.Popen(PERF_RECORD + ['-o', data, '-p', str(kiosk.pid)], stderr=log)
        time.sleep(2)   # perf has no "attached" signal; this is a profile, not a measurement
        kiosk.send_signal(signal.SIGUSR1)
        tour = reader.wait_for('tour', 600)
        perf.send_signal(signal.SIGINT)
        perf.wait()
        return tour
    finally:
        bench.end_tree(kiosk, [kiosk.pid])


def report(data, out, extra):
    with open(out, 'w') as f:
        subprocess.run(['perf', 'report', '-i', data, '--stdio', '--percent-limit', '0.5']
                       + extra, stdout=f, stderr=subprocess.DEVNULL)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--build-dir', default=os.path.join(bench.SOURCE_DIR, '_build'))
    parser.add_argument('--out', help='where the profiles go (default BUILD_DIR/perf-kiosk)')
    parser.add_argument('--size', default='1280x800', help='the reference window size')
    args = parser.parse_args()
    args.build_dir = os.path.abspath(args.build_dir)
    args.out = args.out or os.path.join(args.build_dir, 'perf-kiosk')
    os.makedirs(args.out, exist_ok=True)
    env = dict(os.environ, GSK_RENDERER='cairo', GDK_BACKEND='x11')
    steps = ([f"kiosk.show-topic('{t}')" for t in bench.topics()]
             + ['kiosk.show-callback', 'kiosk.home']) * 5

    with tempfile.TemporaryDirectory(prefix='kiosk-profile-') as work_dir:
        args.work_dir = work_dir
        os.makedirs(f'{work_dir}/kiosk-data', mode=0o700)
        with open(os.path.join(args.out, 'programs.log'), 'wb') as log:
            # A first start creates the data folder's database, as on the kiosk's first boot.
            bench.run_gtk(bench.kiosk_argv(args), env, log, None, 0)
            for name in ('startup', 'reference-startup', 'tour'):
                data = os.path.join(args.out, f'{name}.data')
                if name == 'startup':
                    profile_startup(bench.kiosk_argv(args), env, log, data)
                elif name == 'reference-startup':
                    profile_startup(bench.reference_argv(args), env, log, data)
                else:
                    print('tour: ' + ' '.join(f'{k}={v}' for k, v in
                                              profile_tour(args, env, log, data, steps).items()))
                report(data, os.path.join(args.out, f'{name}-dso.txt'),
                       ['--no-children', '--sort', 'dso', '-g', 'none'])
                report(data, os.path.join(args.out, f'{name}-self.txt'),
                       ['--no-children', '--sort', 'dso,symbol', '-g', 'none'])
                report(data, os.path.join(args.out, f'{name}-children.txt'),
                       ['--children', '--sort', 'symbol', '-g', 'none'])
    print(f'profiles and reports in {args.out}/')


if __name__ == '__main__':
    sys.exit(main())
