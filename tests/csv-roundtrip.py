#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads a CSV written by test-csv-writer with Python's csv module, an independent reader.

Usage: csv-roundtrip.py EXPORT.csv CORPUS.txt

The export has the header "id,cell,copy" and one row per corpus cell: its index and the cell
twice. Every cell must read back as written, with one apostrophe in front exactly when it starts
with a character a spreadsheet would take for a formula or with an apostrophe; the documented
rule for scripts (csvcheck.strip_guard) must give the original back; and no read-back cell may
start with a formula character. Exits 0 when all is well, 1 with the problems on standard error.
"""

import csv
import io
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from csvcheck import FORMULA_STARTS, GUARDED_STARTS, strip_guard, unescape  # noqa: E402


def read_corpus(path):
    with open(path, encoding="utf-8", newline="") as corpus:
        text = corpus.read()
    if not text.endswith("\n"):
        raise SystemExit(f"{path} must end with a newline")
    return [unescape(line) for line in text[:-1].split("\n") if not line.startswith("#")]


def expected(cell):
    return "'" + cell if cell.startswith(GUARDED_STARTS) else cell


def check(rows, corpus):
    problems = []
    if rows[0] != ["id", "cell", "copy"]:
        problems.append(f"header is {rows[0]!r}")
    if len(rows) != len(corpus) + 1:
        problems.append(f"{len(rows) - 1} rows for {len(corpus)} corpus cells")
    for index, (row, cell) in enumerate(zip(rows[1:], corpus)):
        want = [str(index), expected(cell), expected(cell)]
        if row != want:
            problems.append(f"row {index}: read {row!r}, expected {want!r}")
        if len(row) == 3 and strip_guard(row[1]) != cell:
            problems.append(f"row {index}: {row[1]!r} does not give {cell!r} back")
    for row in rows:
        for value in row:
            if value.startswith(FORMULA_STARTS):
                problems.append(f"cell {value!r} starts like a formula")
    return problems


def main():
    export_path, corpus_path = sys.argv[1:3]
    with open(export_path, "rb") as export:
        raw = export.read()
    if not raw.startswith(b"\xef\xbb\xbf"):
        print("the export does not start with a UTF-8 byte order mark", file=sys.stderr)
        return 1
    # Strict decoding and strict parsing: bad UTF-8 or stray quotes raise instead of passing.
    text = raw[3:].decode("utf-8", errors="strict")
    rows = list(csv.reader(io.StringIO(text, newline=""), dialect="excel", strict=True))
    problems = check(rows, read_corpus(corpus_path))
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{len(rows) - 1} rows read back, {len(problems)} problems", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
