"""Stream raw records out of JSONL, JSON, YAML, CSV and Markdown files, each tagged with its first line.

Hostile files cost only their bad records: nesting deeper than 20 levels is measured before parsing
(``jsonscan``, ``safeyaml``), lines and cells have size limits, a NUL byte or invalid UTF-8 fails the
record that holds it (with its line), YAML aliases and tags are refused, and binary files are one error.
Files are read incrementally where the format allows (JSONL, CSV, JSON arrays).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant import safeyaml
from assistant.jsonscan import MAX_DEPTH, Extent, nesting
from assistant.mdformat import MarkdownError, parse_markdown

FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".yaml": "yaml", ".yml": "yaml",
           ".csv": "csv", ".md": "md", ".markdown": "md"}
MB = 1024 * 1024
MAX_LINE_BYTES = 8 * MB  # a JSONL record or a CSV line; a record cannot legitimately be larger
MAX_RECORD_CHARS = 8 * MB  # one element of a JSON array
MAX_DOC_BYTES = 64 * MB  # a YAML or Markdown file, or a single JSON object, is read whole
MAX_CELL = 1_000_000  # characters in one CSV cell (100 list items of 2,000 characters fit)
MAX_COLUMNS = 200
_MAGIC = {b"PK\x03\x04": "a zip archive", b"\x89PNG": "a PNG image", b"\x1f\x8b": "gzip data",
          b"%PDF": "a PDF document", b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image"}


@dataclass
class Raw:
    """A raw record or a parse error at a line of a file."""

    line: int
    data: dict[str, Any] | None = None
    field: str = "record"
    error: str | None = None


class FileError(ValueError):
    """The whole file cannot be read (binary, unknown format, UTF-16, ...)."""


class Decoder:
    """Strict UTF-8 per line (a leading BOM is dropped). A NUL byte or invalid UTF-8 is replaced so parsing
    goes on, and reported as the problem of that line; the record holding the line is then refused."""

    def __init__(self) -> None:
        self._first = True
        self.problems: dict[int, str] = {}

    def __call__(self, raw: bytes, number: int = 0) -> str:
        if self._first:
            self._first = False
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        problem = None
        if b"\x00" in raw:
            problem = f"NUL byte at column {raw.index(0) + 1}"
            raw = raw.replace(b"\x00", "\ufffd".encode())
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            problem = problem or (f"not valid UTF-8 (byte 0x{raw[exc.start]:02X} at column {exc.start + 1}); "
                                  "save the file as UTF-8")
            text = raw.decode("utf-8", "replace")
        if problem and number:
            self.problems.setdefault(number, problem)
        return text

    def problem_in(self, first: int, last: int) -> str | None:
        """The first problem on lines ``first``..``last``, as '(line N) reason'."""
        for number in range(first, last + 1) if last - first < 10_000 else sorted(self.problems):
            if first <= number <= last and number in self.problems:
                return f"line {number}: {self.problems[number]}"
        return None


def sniff(path: Path) -> str:
    """The format by extension; binary and UTF-16/32 files are refused up front, as one error."""
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise FileError(f"unsupported file type {path.suffix or '(none)'}; use one of "
                        f"{', '.join(sorted(FORMATS))}")
    with open(path, "rb") as fh:
        head = fh.read(8192)
    for magic, what in _MAGIC.items():
        if head.startswith(magic):
            raise FileError(f"binary file ({what}), not {fmt.upper()} text")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FileError("UTF-16 text (e.g. Excel's 'Unicode text'); save the file as UTF-8")
    controls = sum(1 for b in head if b < 9 or 13 < b < 32 and b != 27)
    if head and (head.count(0) > 32 or controls * 10 > len(head)):
        raise FileError("binary file (many NUL or control bytes); expected UTF-8 text")
    return fmt


def _lines(path: Path, decode: Decoder, progress: Callable[[int], None],
           cap: int | None = None) -> Iterator[tuple[int, str]]:
    """(number, text) per physical line; with ``cap`` an over-long line is drained, not held, and reported."""
    with open(path, "rb") as fh:
        number = 0
        while True:
            raw = fh.readline(cap + 1) if cap else fh.readline()
            if not raw:
                return
            number += 1
            progress(len(raw))
            if cap and len(raw) > cap and not raw.endswith(b"\n"):
                size = len(raw)
                while raw and not raw.endswith(b"\n"):
                    raw = fh.readline(MB)
                    size += len(raw)
                    progress(len(raw))
                decode.problems.setdefault(number, f"line is {size / MB:.1f} MB; a record may be at most "
                                                   f"{cap // MB} MB")
                yield number, "\n"
                continue
            yield number, decode(raw, number)


def _whole(path: Path, decode: Decoder, progress: Callable[[int], None]) -> str:
    if path.stat().st_size > MAX_DOC_BYTES:
        raise FileError(f"file is {path.stat().st_size / MB:.0f} MB; at most {MAX_DOC_BYTES // MB} MB in this "
                        "format (use JSONL or CSV for big imports)")
    return "".join(line for _, line in _lines(path, decode, progress))


def _as_record(line: int, obj: Any) -> Raw:
    if not isinstance(obj, dict):
        return Raw(line, error=f"expected an object with fields, got {type(obj).__name__}")
    return Raw(line, data=obj)


def _too_deep(line: int) -> Raw:
    return Raw(line, error=f"nested more than {MAX_DEPTH} levels deep")


def read_jsonl(path: Path, decode: Decoder, progress: Callable[[int], None]) -> Iterator[Raw]:
    for number, line in _lines(path, decode, progress, cap=MAX_LINE_BYTES):
        if number in decode.problems:
            yield Raw(number, error=decode.problems[number])
            continue
        if not line.strip():
            continue
        if nesting(line) > MAX_DEPTH:
            yield _too_deep(number)
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Raw(number, error=f"invalid JSON: {exc.msg} at column {exc.colno}")
            continue
        yield _as_record(number, obj)


def read_json(path: Path, decode: Decoder, progress: Callable[[int], None]) -> Iterator[Raw]:
    """A single object, or an array of objects read element by element (each measured before parsing)."""
    lines = _lines(path, decode, progress)
    buf, base, pos = "", 1, 0  # base: the line number of buf[0]

    def fill() -> bool:
        nonlocal buf
        for _, text in lines:
            buf += text
            return True
        return False

    def skip_space() -> None:
        nonlocal pos
        while True:
            while pos < len(buf) and buf[pos] in " \t\r\n":
                pos += 1
            if pos < len(buf) or not fill():
                return

    skip_space()
    if pos >= len(buf):
        return
    if buf[pos] != "[":
        if path.stat().st_size > MAX_DOC_BYTES:
            yield Raw(1, error=f"a single JSON object over {MAX_DOC_BYTES // MB} MB")
            return
        while fill():
            pass
        problem = decode.problem_in(1, base + buf.count("\n"))
        if problem or nesting(buf) > MAX_DEPTH:
            yield Raw(1, error=problem) if problem else _too_deep(1)
            return
        try:
            obj = json.loads(buf)
        except json.JSONDecodeError as exc:
            yield Raw(1, error=f"invalid JSON at line {exc.lineno}: {exc.msg}")
            return
        yield _as_record(1, obj)
        return
    pos += 1
    while True:
        skip_space()
        if pos >= len(buf):
            yield Raw(base + buf.count("\n", 0, pos), error="invalid JSON: the array is not closed")
            return
        if buf[pos] == "]":
            return
        start_line = base + buf.count("\n", 0, pos)
        end: int | None = None
        deep = oversize = False
        if buf[pos] in "[{\"":
            ext = Extent(pos)
            end = ext.feed(buf)
            while end is None:
                if oversize or ext.pos - pos > MAX_RECORD_CHARS:  # keep scanning for its end, not its text
                    oversize = True
                    base += buf.count("\n", 0, ext.pos)
                    buf, cut = buf[ext.pos:], ext.pos
                    ext.shift(cut)
                    pos = 0
                if not fill():
                    yield Raw(start_line, error="invalid JSON: the record is cut off; the rest of the file was not "
                                                "read")
                    return
                end = ext.feed(buf)
            deep = ext.deepest > MAX_DEPTH
        problem = decode.problem_in(start_line, base + buf.count("\n", 0, end)) if end is not None else None
        if oversize:
            yield Raw(start_line, error=f"record is over {MAX_RECORD_CHARS // MB} MB")
        elif deep:
            yield _too_deep(start_line)
        elif problem:
            yield Raw(start_line, error=problem)
        else:
            try:
                obj, end = json.JSONDecoder().raw_decode(buf, pos)
                yield _as_record(start_line, obj)
            except json.JSONDecodeError as exc:
                if end is None:  # not even the extent of the value is known: stop here
                    yield Raw(start_line, error=f"invalid JSON: {exc.msg}; the rest of the file was not read")
                    return
                yield Raw(start_line, error=f"invalid JSON: {exc.msg}")
        assert end is not None
        base += buf.count("\n", 0, end)
        buf, pos = buf[end:], 0
        skip_space()
        if pos < len(buf) and buf[pos] == ",":
            pos += 1
        elif pos < len(buf) and buf[pos] == "]":
            return
        else:
            yield Raw(base + buf.count("\n", 0, pos), error="invalid JSON: expected ',' or ']' between records")
            return


def read_yaml(path: Path, decode: Decoder, progress: Callable[[int], None]) -> Iterator[Raw]:
    """One mapping, a list of mappings, or several ``---`` documents (each parsed on its own)."""
    text = _whole(path, decode, progress)
    total = text.count("\n") + 1
    docs = list(safeyaml.split_documents(text))
    for i, (first, content, chunk) in enumerate(docs):
        last = docs[i + 1][0] - 1 if i + 1 < len(docs) else total
        items = list(safeyaml.records(chunk, first, content))
        for j, item in enumerate(items):
            upto = items[j + 1].line - 1 if j + 1 < len(items) else last
            problem = decode.problem_in(first if j == 0 else item.line, upto)
            if item.error or problem:
                yield Raw(item.line, error=problem or item.error)
            else:
                yield _as_record(item.line, item.value)


def read_csv(path: Path, decode: Decoder, progress: Callable[[int], None]) -> Iterator[Raw]:
    """A header row of canonical field names; list fields separated by ';'."""
    csv.field_size_limit(max(csv.field_size_limit(), MAX_CELL))
    lines = (line for _, line in _lines(path, decode, progress, cap=MAX_LINE_BYTES))
    reader = csv.reader(lines)
    header: list[str] | None = None
    done = 0  # physical lines consumed before the current row
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            reason = f"a cell is over {MAX_CELL:,} characters" if "field limit" in str(exc) else f"invalid CSV: {exc}"
            yield Raw(done + 1, error=reason)
            done = reader.line_num
            continue
        start, done = done + 1, reader.line_num
        if not row:
            continue
        if header is None:
            if len(row) > MAX_COLUMNS:
                yield Raw(start, field="header", error=f"{len(row):,} columns; at most {MAX_COLUMNS} allowed")
                return
            header = [h.strip() for h in row]
            continue
        problem = decode.problem_in(start, done)
        if problem:
            yield Raw(start, error=problem)
        elif len(row) > len(header):
            yield Raw(start, error=f"row has {len(row):,} cells but the header has {len(header)}")
        else:
            yield Raw(start, data={k: (v if v != "" else None) for k, v in zip(header, row, strict=False) if k})


def read_markdown(path: Path, decode: Decoder, progress: Callable[[int], None]) -> Iterator[Raw]:
    """One record per file (front matter + Innokylä headings); every problem is reported at line 1."""
    text = _whole(path, decode, progress)
    if not text.strip():
        return
    problem = decode.problem_in(1, text.count("\n") + 1)
    if problem:
        yield Raw(1, error=problem)
        return
    try:
        data, line = parse_markdown(text)
    except MarkdownError as exc:
        yield Raw(1 if exc.field == "front matter" else exc.line, field=exc.field, error=str(exc))
        return
    yield Raw(line, data=data)


READERS = {"jsonl": read_jsonl, "json": read_json, "yaml": read_yaml, "csv": read_csv, "md": read_markdown}


def read(path: Path, decode: Decoder, progress: Callable[[int], None] = lambda n: None) -> Iterator[Raw]:
    """Raw records of one file, in order."""
    return READERS[sniff(path)](path, decode, progress)


def expand(paths: list[Path]) -> list[Path]:
    """Files named directly, plus supported files inside named directories (sorted, recursive)."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in FORMATS
                          and p.name != "schema.json")
        else:
            out.append(path)
    return out
