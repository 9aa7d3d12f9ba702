#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The layouts that make GTK 4.8 lay out wrapped text again and again (issue 10), in ui/*.ui.

1. A horizontal GtkBox around wrapping text. Measured for its height, GTK 4.8's box searches
   the width of every child that wraps (gtk_box_layout_compute_opposite_size_for_size →
   distribute_remaining_size), and each step of that search is the label's own search
   (get_width_for_height): tens of Pango layouts per label and per size change. The kiosk's
   home page measured its text 511 times before its first frame. Use a GtkGrid: it measures
   each column once, for the width the column gets.
2. halign or valign other than fill on a widget around wrapping text that no GtkGrid or
   GtkCenterBox shields: gtk_widget_allocate() then measures its width for its height, the same
   search. Centre with a GtkCenterBox, or let a grid place it. The known places below are off
   the patient's path between taps (the staff area, the waiting screen's label, the desk app,
   the take-home card) and were measured as cheap there; a new one fails this check.

check-ui-layout.py FILE.ui|DIR...   exits 1 and names each place, 0 when there is none
"""

import os
import sys
import xml.etree.ElementTree as ET

SHIELDS = ('GtkGrid', 'GtkCenterBox')

# (file name, widget id or class, why it may stay)
KNOWN_ALIGNED = {
    ('kiosk-reception-row.ui', 'status_label'),  # the desk app, not the kiosk
    ('kiosk-staff-page.ui', 'GtkBox'),        # the staff PIN pad
    ('kiosk-thanks-page.ui', 'GtkBox'),       # once per saved request
    ('kiosk-topic-page.ui', 'take_home_text'),  # only when "Take this home" is tapped
    ('kiosk-window.ui', 'GtkBox'),            # "Are you still there?"
    ('kiosk-window.ui', 'wake_label'),        # the waiting screen
}


def prop(obj, name):
    for p in obj.findall('property'):
        if p.get('name') == name:
            return (p.text or '').strip()
    return None


def is_wrapping_label(obj):
    return obj.get('class') == 'GtkLabel' and prop(obj, 'wrap') in ('true', 'True', '1', 'yes')


def children(obj):
    for child in obj.findall('child'):
        yield from child.findall('object')


def exposes_wrapping_text(obj):
    """Whether measuring @obj's width for a height reaches a wrapping label."""
    if is_wrapping_label(obj):
        return True
    if obj.get('class') in SHIELDS:
        return False
    return any(exposes_wrapping_text(c) for c in children(obj))


def check(path):
    problems = []
    name = os.path.basename(path)
    root = ET.parse(path).getroot()
    for obj in root.iter('object'):
        cls = obj.get('class')
        label = obj.get('id') or cls
        if cls == 'GtkBox' and prop(obj, 'orientation') != 'vertical':
            if any(exposes_wrapping_text(c) for c in children(obj)):
                problems.append(f'{name}: the horizontal GtkBox {label} holds wrapping text; '
                                'use a GtkGrid')
        halign, valign = prop(obj, 'halign'), prop(obj, 'valign')
        aligned = (halign not in (None, 'fill')) or (valign not in (None, 'fill'))
        if aligned and exposes_wrapping_text(obj) and (name, label) not in KNOWN_ALIGNED:
            problems.append(f'{name}: {label} has halign={halign} valign={valign} around '
                            'wrapping text; centre it with a GtkCenterBox')
    return problems


def ui_files(args):
    for arg in args:
        if os.path.isdir(arg):
            yield from sorted(os.path.join(arg, f) for f in os.listdir(arg) if f.endswith('.ui'))
        else:
            yield arg


def main():
    paths = list(ui_files(sys.argv[1:]))
    problems = [p for path in paths for p in check(path)]
    for p in problems:
        print(p)
    print(f'{len(paths)} files checked, {len(problems)} problems')
    if not paths:
        return 1
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
