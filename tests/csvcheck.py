# SPDX-License-Identifier: GPL-3.0-or-later
"""What the independent CSV checkers (csv-expect.py, csv-roundtrip.py) share."""

# Cells starting with these are taken for formulas by spreadsheets; the writer prefixes them
# with an apostrophe (the list in src/core/kiosk-csv-writer.h).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
# The writer also prefixes cells that start with an apostrophe, so that the rule below gives every
# cell back exactly (a name such as "'-Ana" included).
GUARDED_STARTS = FORMULA_STARTS + ("'",)
ESCAPES = {"t": "\t", "r": "\r", "n": "\n", "\\": "\\"}


def strip_guard(value):
    """The rule documented for scripts: remove one leading apostrophe when the next character is
    one of GUARDED_STARTS (a formula start or another apostrophe)."""
    if value.startswith("'") and value[1:].startswith(GUARDED_STARTS):
        return value[1:]
    return value


def unescape(text):
    """Undoes the \\t, \\r, \\n and \\\\ escapes of the fixture files."""
    out = []
    chars = iter(text)
    for char in chars:
        out.append(ESCAPES[next(chars)] if char == "\\" else char)
    return "".join(out)
