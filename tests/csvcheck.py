# SPDX-License-Identifier: GPL-3.0-or-later
"""What the independent CSV checkers (csv-expect.py, csv-roundtrip.py) share."""

# Cells starting with these are taken for formulas by spreadsheets; the writer prefixes them
# with an apostrophe (the list in src/core/kiosk-csv-writer.h).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
ESCAPES = {"t": "\t", "r": "\r", "n": "\n", "\\": "\\"}


def unescape(text):
    """Undoes the \\t, \\r, \\n and \\\\ escapes of the fixture files."""
    out = []
    chars = iter(text)
    for char in chars:
        out.append(ESCAPES[next(chars)] if char == "\\" else char)
    return "".join(out)
