"""Where a JSON value ends and how deep it nests, found without recursion and without parsing.

CPython's ``json`` recurses once per nesting level, so a 100,000-level record raises ``RecursionError``.
Records are measured first; only those within ``MAX_DEPTH`` reach ``json.loads``. The scan jumps between
structural characters with regular expressions, so it costs little on ordinary records.
"""

from __future__ import annotations

import re

MAX_DEPTH = 20
_STRUCT = re.compile(r'["\[\]{}]')
_IN_STRING = re.compile(r'["\\]')


class Extent:
    """Incremental scan of one JSON value starting at ``pos`` in a growing buffer."""

    def __init__(self, pos: int) -> None:
        self.pos = pos
        self.depth = 0
        self.deepest = 0
        self.in_string = False

    def shift(self, n: int) -> None:
        """The caller dropped ``n`` characters from the front of the buffer."""
        self.pos -= n

    def feed(self, buf: str) -> int | None:
        """Scan on; the index just past the value's end, or None when the buffer ends first."""
        while True:
            if self.in_string:
                m = _IN_STRING.search(buf, self.pos)
                if m is None:
                    self.pos = len(buf)
                    return None
                if m.group(0) == "\\":
                    if m.end() >= len(buf):
                        self.pos = m.start()
                        return None
                    self.pos = m.end() + 1
                    continue
                self.in_string = False
                self.pos = m.end()
                if self.depth == 0:
                    return self.pos
                continue
            m = _STRUCT.search(buf, self.pos)
            if m is None:
                self.pos = len(buf)
                return None
            ch, self.pos = m.group(0), m.end()
            if ch == '"':
                self.in_string = True
            elif ch in "[{":
                self.depth += 1
                self.deepest = max(self.deepest, self.depth)
            else:
                self.depth -= 1
                if self.depth <= 0:
                    return self.pos


def nesting(text: str) -> int:
    """How deep the JSON in ``text`` nests (a cheap count first; the scan only for bracket-rich text)."""
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return MAX_DEPTH
    ext = Extent(0)
    deepest = 0
    while ext.pos < len(text):
        before = ext.pos
        ext.feed(text)
        deepest = max(deepest, ext.deepest)
        ext = Extent(ext.pos) if ext.pos > before else Extent(before + 1)
    return deepest
