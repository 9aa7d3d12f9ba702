#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads an export with Python's csv module, a reader independent of ours, and compares it.

Usage: csv-expect.py EXPORT.csv EXPECTED.txt

EXPECTED has one line per record, header first; cells are separated by a TAB and written with
the escapes \\t, \\r, \\n and \\\\. Every cell must read back exactly, the file must start with a
UTF-8 byte order mark, and no cell may start with a character a spreadsheet takes for a formula.
Exits 0 when all is well, 1 with the problems on standard error.
"""

import csv
import io
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from csvcheck import FORMULA_STARTS, unescape  # noqa: E402


def read_expected(path):
    with open(path, encoding="utf-8", newline="") as expected:
        lines = expected.read().split("\n")
    if lines[-1] == "":
        lines.pop()
    return [[unescape(cell) for cell in line.split("\t")] for line in lines]


def main():
    export_path, expected_path = sys.argv[1:3]
    with open(export_path, "rb") as export:
        raw = export.read()
    if not raw.startswith(b"\xef\xbb\xbf"):
        print("the export does not start with a UTF-8 byte order mark", file=sys.stderr)
        return 1
    text = raw[3:].decode("utf-8", errors="strict")
    rows = list(csv.reader(io.StringIO(text, newline=""), dialect="excel", strict=True))
    want = read_expected(expected_path)
    problems = []
    if len(rows) != len(want):
        problems.append(f"{len(rows)} records read, {len(want)} expected")
    for index, (row, expected) in enumerate(zip(rows, want)):
        if row != expected:
            problems.append(f"record {index}: read {row!r}, expected {expected!r}")
    for row in rows:
        for value in row:
            if value.startswith(FORMULA_STARTS):
                problems.append(f"cell {value!r} starts like a formula")
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{len(rows)} records read back, {len(problems)} problems", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
