#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The side-by-side benchmark behind `./kiosk.sh bench` (issue 10).

Runs the kiosk, the bare libadwaita reference (tests/bench/bench-reference.c) and, when it is
installed, Chromium --kiosk showing tests/bench/page/index.html, interleaved, ROUNDS times each
after one warm-up round, on the display in $DISPLAY (kiosk.sh starts Xvfb; GSK_RENDERER=cairo).
For every figure it prints each program's min/median/max and the kiosk's ratio to the others:

  exec to first painted frame   from just before the exec to the first frame: for the GTK
                                programs GdkFrameClock::after-paint (src/kiosk-bench.c), for
                                Chromium the first-contentful-paint entry; all CLOCK_REALTIME
  PSS at rest                   /proc/PID/smaps_rollup, summed over the process tree, SETTLE
                                seconds after the first frame
  PSS after a tour              the same after the tour
  dirty PSS at rest             Pss_Dirty: the memory the program wrote; unlike the PSS (and
                                the USS) it does not depend on other processes mapping the
                                same libraries at that moment
  slowest step of the tour      a step's own work (the action), then the first frame after it
                                from its start to its end (src/kiosk-bench.c)
  CPU time of one tour          home -> each topic -> the form -> home through the window's
                                actions, each step waiting for its painted frame: the kiosk's
                                getrusage(); for Chromium the same steps as section changes
                                chained on requestAnimationFrame, CPU from /proc/PID/task/*/
                                schedstat summed over the whole process tree

Then it runs the meson benchmarks (durable save vs plain SQLite, the export, idle wake-ups) and,
with --soak, the kiosk's memory over 10,000 navigations and 1,000+ form fills after a warm-up.
It prints figures only and never fails on a slow result.
"""

import argparse
import configparser
import json
import os
import re
import select
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

SOURCE_DIR = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CHROMIUM = '/usr/bin/chromium'
SOAK_NAVIGATIONS = 10000


def now_us():
    return time.time_ns() // 1000


def process_tree(root):
    """The pid and every descendant of root, from the parents in /proc/*/stat."""
    children = {}
    for entry in os.listdir('/proc'):
        if not entry.isdigit():
            continue
        try:
            with open(f'/proc/{entry}/stat') as f:
                stat = f.read()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(')') + 2:].split()[1])
        children.setdefault(ppid, []).append(int(entry))
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo.extend(children.get(pid, []))
    return tree


def memory_kb(pids, fields=('Pss',)):
    """Summed smaps_rollup fields of a process tree."""
    total = 0
    for pid in pids:
        try:
            with open(f'/proc/{pid}/smaps_rollup') as f:
                for line in f:
                    if line.split(':')[0] in fields:
                        total += int(line.split()[1])
        except OSError:
            pass
    return total


def pss_kb(pids):
    return memory_kb(pids)


def dirty_kb(pids):
    """Pss_Dirty: what the programs wrote themselves (heap, stacks, relocated data), which,
    unlike the whole PSS and even the USS, does not depend on whether other processes on the
    machine map the same libraries at that moment."""
    return memory_kb(pids, ('Pss_Dirty',))


def cpu_ns(pids):
    """CPU time of every thread of pids so far (threads that already ended are not counted)."""
    total = 0
    for pid in pids:
        try:
            tasks = os.listdir(f'/proc/{pid}/task')
        except OSError:
            continue
        for tid in tasks:
            try:
                with open(f'/proc/{pid}/task/{tid}/schedstat') as f:
                    total += int(f.read().split()[0])
            except OSError:
                pass
    return total


def end_tree(proc, pids):
    """Ends a program we started and whatever it started, by their ids."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    for pid in pids:
        if pid != proc.pid:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass


class LineReader:
    """Reads `kiosk-bench ...` lines from a child's standard output, with a deadline."""

    def __init__(self, proc):
        self.proc = proc
        self.buffer = b''

    def wait_for(self, word, timeout):
        deadline = time.monotonic() + timeout
        while True:
            while b'\n' in self.buffer:
                line, self.buffer = self.buffer.split(b'\n', 1)
                fields = line.decode(errors='replace').split()
                if fields[:1] == ['kiosk-bench'] and fields[1:2] == ['error']:
                    raise RuntimeError(line.decode(errors='replace'))
                if fields[:2] == ['kiosk-bench', word]:
                    return dict(f.split('=', 1) for f in fields[2:] if '=' in f)
            left = deadline - time.monotonic()
            if left <= 0 or self.proc.poll() is not None:
                raise RuntimeError(f'no "{word}" line (exit status {self.proc.poll()})')
            ready, _, _ = select.select([self.proc.stdout], [], [], left)
            if ready:
                self.buffer += os.read(self.proc.stdout.fileno(), 65536)


def run_gtk(argv, env, log, tour, settle):
    """One run of a GTK program linked with src/kiosk-bench.c."""
    env = dict(env, KIOSK_BENCH_REPORT='1')
    if tour:
        env['KIOSK_BENCH_TOUR'] = ' '.join(tour)
    start = now_us()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=log)
    pids = [proc.pid]
    try:
        reader = LineReader(proc)
        frame = reader.wait_for('first-frame', 120)
        result = {'first_ms': (int(frame['real_us']) - start) / 1000}
        time.sleep(settle)
        pids = process_tree(proc.pid)
        result['pss_rest_kb'] = pss_kb(pids)
        result['dirty_rest_kb'] = dirty_kb(pids)
        if tour:
            proc.send_signal(signal.SIGUSR1)
            done = reader.wait_for('tour', 300)
            result['tour_cpu_ms'] = int(done['cpu_us']) / 1000
            result['tour_frames'] = int(done['frames'])
            result['step_max_ms'] = int(done['step_max_us']) / 1000
            pids = process_tree(proc.pid)
            result['pss_tour_kb'] = pss_kb(pids)
            result['dirty_tour_kb'] = dirty_kb(pids)
        return result
    finally:
        end_tree(proc, pids)


class DevToolsPipe:
    """Chromium's DevTools protocol over --remote-debugging-pipe (fd 3 in, fd 4 out)."""

    def __init__(self, to_chromium, from_chromium):
        self.out = to_chromium
        self.inp = from_chromium
        self.buffer = b''
        self.next_id = 0
        self.events = []

    def _message(self, deadline):
        while b'\0' not in self.buffer:
            left = deadline - time.monotonic()
            ready, _, _ = select.select([self.inp], [], [], max(left, 0))
            if not ready:
                raise RuntimeError('Chromium did not answer')
            data = os.read(self.inp, 1 << 20)
            if not data:
                raise RuntimeError('Chromium closed its DevTools pipe')
            self.buffer += data
        raw, self.buffer = self.buffer.split(b'\0', 1)
        return json.loads(raw)

    def call(self, method, params=None, session=None, timeout=120):
        self.next_id += 1
        message = {'id': self.next_id, 'method': method, 'params': params or {}}
        if session:
            message['sessionId'] = session
        os.write(self.out, json.dumps(message).encode() + b'\0')
        deadline = time.monotonic() + timeout
        while True:
            reply = self._message(deadline)
            if reply.get('id') == self.next_id:
                if 'error' in reply:
                    raise RuntimeError(f'{method}: {reply["error"]}')
                return reply['result']
            self.events.append(reply)

    def wait_event(self, method, match, timeout=120):
        deadline = time.monotonic() + timeout
        while True:
            for event in self.events:
                if event.get('method') == method and match(event['params']):
                    self.events.remove(event)
                    return event['params']
            self.events.append(self._message(deadline))

    def evaluate(self, session, expression, timeout=120):
        result = self.call('Runtime.evaluate', {'expression': expression, 'awaitPromise': True,
                                                'returnByValue': True}, session, timeout)
        if 'exceptionDetails' in result:
            raise RuntimeError(result['exceptionDetails'].get('text', 'exception'))
        return result['result'].get('value')


def high_fd(fd):
    """A copy of fd numbered 10 or more, so that moving pipes to 3 and 4 never overwrites one."""
    import fcntl
    copy = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
    os.close(fd)
    return copy


def page_first_paint(devtools, session):
    """Evaluates until the page's own script is there (the first document may be about:blank)."""
    deadline = time.monotonic() + 120
    while True:
        try:
            value = devtools.evaluate(session, 'typeof benchFirstPaint === "function" ? '
                                      'benchFirstPaint () : 0')
            if value:
                return value
        except RuntimeError:
            if time.monotonic() > deadline:
                raise
        time.sleep(0.02)


def run_chromium(args, log, tour, settle):
    chrome_in, to_chrome = (high_fd(fd) for fd in os.pipe())
    from_chrome, chrome_out = (high_fd(fd) for fd in os.pipe())
    url = 'file://' + os.path.join(SOURCE_DIR, 'tests', 'bench', 'page', 'index.html')
    width, height = args.size.split('x')
    argv = [CHROMIUM, '--kiosk', '--no-first-run', '--no-default-browser-check',
            '--disable-background-networking', '--disable-component-update', '--disable-sync',
            '--password-store=basic', f'--user-data-dir={args.work_dir}/chromium-profile',
            '--window-position=0,0', f'--window-size={width},{height}',
            '--remote-debugging-pipe', url]
    if os.geteuid() == 0:
        argv.insert(1, '--no-sandbox')

    def pipes_to_3_and_4():
        os.dup2(chrome_in, 3)
        os.dup2(chrome_out, 4)

    start = now_us()
    proc = subprocess.Popen(argv, stdout=log, stderr=log, close_fds=False,
                            preexec_fn=pipes_to_3_and_4)
    os.close(chrome_in)
    os.close(chrome_out)
    pids = [proc.pid]
    try:
        devtools = DevToolsPipe(to_chrome, from_chrome)
        devtools.call('Target.setDiscoverTargets', {'discover': True})
        target = devtools.wait_event('Target.targetCreated',
                                     lambda p: p['targetInfo']['type'] == 'page')
        session = devtools.call('Target.attachToTarget',
                                {'targetId': target['targetInfo']['targetId'],
                                 'flatten': True})['sessionId']
        paint_ms = page_first_paint(devtools, session)
        result = {'first_ms': paint_ms - start / 1000}
        time.sleep(settle)
        pids = process_tree(proc.pid)
        result['pss_rest_kb'] = pss_kb(pids)
        result['dirty_rest_kb'] = dirty_kb(pids)
        before = cpu_ns(pids)
        devtools.evaluate(session, f'benchTour ({json.dumps(tour)})')
        pids = sorted(set(pids) | set(process_tree(proc.pid)))
        result['tour_cpu_ms'] = (cpu_ns(pids) - before) / 1e6
        result['pss_tour_kb'] = pss_kb(pids)
        result['dirty_tour_kb'] = dirty_kb(pids)
        try:
            devtools.call('Browser.close', timeout=10)
            proc.wait(timeout=10)
        except (RuntimeError, subprocess.TimeoutExpired):
            pass
        return result
    finally:
        end_tree(proc, pids)
        os.close(to_chrome)
        os.close(from_chrome)


def topics():
    manifest = configparser.ConfigParser(interpolation=None, delimiters=('=',))
    manifest.read(os.path.join(SOURCE_DIR, 'resources', 'content', 'manifest.ini'))
    return [t for t in manifest['Content']['Topics'].split(';') if t]


def kiosk_argv(args):
    return [os.path.join(args.build_dir, 'src', 'patient-kiosk'), '--kiosk', '--language=en',
            f'--data-dir={args.work_dir}/kiosk-data']


def reference_argv(args):
    width, height = args.size.split('x')
    return [os.path.join(args.build_dir, 'tests', 'bench', 'bench-reference'), width, height]


def load_average():
    with open('/proc/loadavg') as f:
        return ' '.join(f.read().split()[:3])


def run_rounds(args, env, log):
    names = ['kiosk', 'reference'] + (['chromium'] if args.chromium else [])
    kiosk_tour = [f"kiosk.show-topic('{t}')" for t in topics()] + ['kiosk.show-callback',
                                                                   'kiosk.home']
    page_tour = [f'topic-{t}' for t in topics()] + ['callback', 'home']
    runners = {
        'kiosk': lambda: run_gtk(kiosk_argv(args), env, log, kiosk_tour, args.settle),
        'reference': lambda: run_gtk(reference_argv(args), env, log, None, args.settle),
        'chromium': lambda: run_chromium(args, log, page_tour, args.settle),
    }
    results = {name: [] for name in names}
    for round_number in range(args.rounds + 1):
        # Each round starts with another program, so none always runs after the same one.
        order = names[round_number % len(names):] + names[:round_number % len(names)]
        for name in order:
            result = runners[name]()
            label = 'warm-up' if round_number == 0 else f'round {round_number}'
            print(f'  {label:8} {name:9} ' + ' '.join(f'{k}={v:.1f}' if isinstance(v, float)
                                                    else f'{k}={v}'
                                                    for k, v in result.items()), flush=True)
            if round_number > 0:
                results[name].append(result)
    return results


def spread(values, scale=1.0):
    if not values:
        return '—', None
    values = [v / scale for v in values]
    median = statistics.median(values)
    return f'{median:.1f} ({min(values):.1f}–{max(values):.1f})', median


def ratio(a, b):
    return f'{a / b:.2f}x' if a is not None and b else '—'


def print_table(results):
    # The figure, the key in the kiosk's results, the reference's key, the unit, issue 10's goal.
    figures = [
        ('exec to first painted frame, ms', 'first_ms', 'first_ms', 1, '≤ 1.15x bare'),
        ('PSS at rest, MB', 'pss_rest_kb', 'pss_rest_kb', 1024, ''),
        ('PSS after a tour, MB (reference: at rest)', 'pss_tour_kb', 'pss_rest_kb', 1024,
         '≤ 1.3x bare'),
        ('dirty PSS at rest (written memory), MB', 'dirty_rest_kb', 'dirty_rest_kb', 1024, ''),
        ('dirty PSS after a tour, MB (reference: at rest)', 'dirty_tour_kb', 'dirty_rest_kb',
         1024, ''),
        ('CPU time of one tour, ms', 'tour_cpu_ms', None, 1, '≤ 1.5x Chromium'),
        ('frames painted in one tour', 'tour_frames', None, 1, ''),
        ('slowest step of the tour, to its first frame painted, ms', 'step_max_ms', None, 1,
         '≤ 16.7 with animations off'),
    ]
    has_chromium = bool(results.get('chromium'))
    head = '| figure: median (min–max) | kiosk | bare libadwaita | kiosk / bare |'
    rule = '|---|---|---|---|'
    if has_chromium:
        head += ' Chromium kiosk | kiosk / Chromium |'
        rule += '---|---|'
    print(head + ' goal |')
    print(rule + '---|')
    for title, key, reference_key, scale, goal in figures:
        kiosk, k = spread([r[key] for r in results['kiosk'] if key in r], scale)
        reference, r = spread([x[reference_key] for x in results['reference']]
                              if reference_key else [], scale)
        row = f'| {title} | {kiosk} | {reference} | {ratio(k, r)} |'
        if has_chromium:
            chromium, c = spread([x[key] for x in results['chromium'] if key in x], scale)
            row += f' {chromium} | {ratio(k, c)} |'
        print(f'{row} {goal} |')


def run_meson_benchmarks(args):
    """The store, export and idle benchmarks; their output, and the lines for the summary."""
    proc = subprocess.run(['meson', 'test', '-C', args.build_dir, '--benchmark', '--verbose'],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    print(proc.stdout)
    wanted = ('single durable save', 'plain SQLite insert', 'durable save / plain',
              'cpu time while idle', 'context switches while idle')
    summary = []
    for line in proc.stdout.splitlines():
        match = re.search(r'(%s).*' % '|'.join(re.escape(w) for w in wanted), line)
        if match:
            summary.append(match.group(0))
    return summary


def run_soak(args, env, log):
    """RSS and widgets before and after 10,000 navigations and a form fill every eight."""
    steps = []
    for topic in topics():
        steps += [f"kiosk.show-topic('{topic}')", 'kiosk.home']
    steps += ['kiosk.show-callback', 'fill', 'kiosk.home']
    navigations = len(steps) - 1
    tours = -(-SOAK_NAVIGATIONS // navigations)
    env = dict(env, KIOSK_BENCH_REPORT='1', KIOSK_BENCH_TOUR=' '.join(steps),
               KIOSK_BENCH_SOAK=str(tours))
    proc = subprocess.Popen(kiosk_argv(args), env=env, stdout=subprocess.PIPE, stderr=log)
    try:
        reader = LineReader(proc)
        reader.wait_for('first-frame', 120)
        proc.send_signal(signal.SIGUSR1)
        soak = reader.wait_for('soak', 4 * 3600)
    finally:
        end_tree(proc, [proc.pid])
    return soak


def animations_off_config(work_dir):
    """A configuration folder whose GTK 4 settings turn animations (stack transitions) off."""
    folder = os.path.join(work_dir, 'config')
    os.makedirs(os.path.join(folder, 'gtk-4.0'))
    with open(os.path.join(folder, 'gtk-4.0', 'settings.ini'), 'w') as f:
        f.write('[Settings]\ngtk-enable-animations=false\n')
    return folder


def machine():
    model = 'unknown CPU'
    with open('/proc/cpuinfo') as f:
        for line in f:
            if line.startswith('model name'):
                model = line.split(':', 1)[1].strip()
                break
    with open('/proc/meminfo') as f:
        ram = int(f.readline().split()[1]) // 1024
    return f'{model}, {os.cpu_count()} CPUs, {ram} MB RAM, Linux {os.uname().release}'


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--build-dir', default=os.path.join(SOURCE_DIR, '_build'))
    parser.add_argument('--rounds', type=int, default=7, help='interleaved rounds (default 7)')
    parser.add_argument('--settle', type=float, default=1.0,
                        help='seconds after the first frame before memory is read (default 1)')
    parser.add_argument('--size', default='1280x800', help='window size, as the display')
    parser.add_argument('--no-chromium', dest='chromium', action='store_false')
    parser.add_argument('--no-meson-benchmarks', dest='meson', action='store_false')
    parser.add_argument('--animations-off', action='store_true',
                        help='GTK programs with gtk-enable-animations=false (a settings.ini)')
    parser.add_argument('--soak', action='store_true',
                        help='also the memory soak: 10,000 navigations (several minutes)')
    args = parser.parse_args()
    args.build_dir = os.path.abspath(args.build_dir)

    if args.chromium and not os.access(CHROMIUM, os.X_OK):
        print(f'Note: {CHROMIUM} is not installed; Chromium is left out of this run.')
        args.chromium = False

    env = dict(os.environ, GSK_RENDERER='cairo', GDK_BACKEND='x11')
    with tempfile.TemporaryDirectory(prefix='kiosk-bench-') as work_dir:
        args.work_dir = work_dir
        os.makedirs(f'{work_dir}/kiosk-data', mode=0o700)
        if args.animations_off:
            env['XDG_CONFIG_HOME'] = animations_off_config(work_dir)
        with open(f'{work_dir}/programs.log', 'wb') as log:
            print(f'machine: {machine()}')
            print(f'display {env.get("DISPLAY")}, GSK_RENDERER=cairo, window {args.size}, '
                  f'animations {"off" if args.animations_off else "on"}, '
                  f'{args.rounds} rounds after a warm-up; load average {load_average()}')
            results = run_rounds(args, env, log)
            print(f'load average after the rounds: {load_average()}\n')
            print_table(results)
            summary = run_meson_benchmarks(args) if args.meson else []
            if summary:
                print('\n'.join(summary))
            if args.soak:
                soak = run_soak(args, env, log)
                print('soak: ' + ' '.join(f'{k}={v}' for k, v in soak.items()))
            print(f'load average at the end: {load_average()}')


if __name__ == '__main__':
    sys.exit(main())
