"""Stream raw records out of JSONL, JSON, YAML, CSV and Markdown files, each tagged with its line.

Files are read incrementally where the format allows (JSONL, CSV, JSON arrays), so a 50 MB file is
validated without being loaded whole. Bytes are decoded as UTF-8 (BOM tolerated) with a Latin-1
fallback, reported once per file.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from assistant.mdformat import MarkdownError, parse_markdown

FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".yaml": "yaml", ".yml": "yaml",
           ".csv": "csv", ".md": "md", ".markdown": "md"}


@dataclass
class Raw:
    """A raw record or a parse error at a line of a file."""

    line: int
    data: dict[str, Any] | None = None
    field: str = "record"
    error: str | None = None


class FileError(ValueError):
    """The whole file cannot be read (binary, unknown format, ...)."""


class Decoder:
    """UTF-8 first (BOM stripped); falls back to cp1252/Latin-1 per line and remembers it did."""

    def __init__(self) -> None:
        self.fallback_used = False
        self._first = True

    def __call__(self, raw: bytes) -> str:
        if self._first:
            self._first = False
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            self.fallback_used = True
            try:
                return raw.decode("cp1252")
            except UnicodeDecodeError:
                return raw.decode("latin-1")


def sniff(path: Path) -> str:
    """The format by extension; refuses binary files up front."""
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise FileError(f"unsupported file type {path.suffix or '(none)'}; use one of "
                        f"{', '.join(sorted(FORMATS))}")
    with open(path, "rb") as fh:
        head = fh.read(8192)
    if b"\x00" in head:
        raise FileError("binary file (NUL bytes found); expected UTF-8 text")
    return fmt


def _lines(path: Path, decode: Decoder, progress: Callable[[int], None]) -> Iterator[tuple[int, str]]:
    with open(path, "rb") as fh:
        for number, raw in enumerate(fh, start=1):
            progress(len(raw))
            yield number, decode(raw)


def read_jsonl(path: Path, decode: Decoder, progress: Callable[[int], None]) -> Iterator[Raw]:
    for number, line in _lines(path, decode, progress):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Raw(number, error=f"invalid JSON: {exc.msg} at column {exc.colno}")
            continue
        yield _as_record(number, obj)


def _as_record(line: int, obj: Any) -> Raw:
    if not isinstance(obj, dict):
        return Raw(line, error=f"expected an object with fields, got {type(obj).__name__}")
    return Raw(line, data=obj)


def read_json(path: Path, decode: Decoder, progress: Callable[[int], None]) -> Iterator[Raw]:
    """A single object or an array of objects, parsed element by element from a sliding buffer."""
    dec = json.JSONDecoder()
    buf, line, pos, started = "", 1, 0, False
    chunks = _lines(path, decode, progress)
    exhausted = False

    def fill() -> bool:
        nonlocal buf, exhausted
        try:
            buf += next(chunks)[1]
            return True
        except StopIteration:
            exhausted = True
            return False

    def skip(chars: str) -> None:
        nonlocal pos, line
        while True:
            while pos < len(buf) and buf[pos] in chars:
                line += buf[pos] == "\n"
                pos += 1
            if pos < len(buf) or not fill():
                return

    skip(" \t\r\n")
    if pos >= len(buf):
        return
    if buf[pos] != "[":
        rest = buf[pos:] + "".join(c for _, c in chunks)
        try:
            obj = json.loads(rest)
        except json.JSONDecodeError as exc:
            yield Raw(line + exc.lineno - 1, error=f"invalid JSON: {exc.msg}")
            return
        yield _as_record(line, obj)
        return
    pos += 1
    started = True
    while started:
        skip(" \t\r\n")
        if pos < len(buf) and buf[pos] == "]":
            return
        while True:
            try:
                obj, end = dec.raw_decode(buf, pos)
                break
            except json.JSONDecodeError as exc:
                if exhausted or not fill():
                    yield Raw(line, error=f"invalid JSON: {exc.msg}; the rest of the file was not read")
                    return
        yield _as_record(line, obj)
        line += buf.count("\n", pos, end)
        buf, pos = buf[end:], 0
        skip(" \t\r\n")
        if pos < len(buf) and buf[pos] == ",":
            pos += 1
        elif pos < len(buf) and buf[pos] == "]":
            return
        else:
            yield Raw(line, error="invalid JSON: expected ',' or ']' between records")
            return


def read_yaml(path: Path, decode: Decoder, progress: Callable[[int], None]) -> Iterator[Raw]:
    """One mapping, a list of mappings, or several `---` documents."""
    text = "".join(line for _, line in _lines(path, decode, progress))
    loader = yaml.SafeLoader(io.StringIO(text))
    try:
        while loader.check_node():
            node = loader.get_node()
            if node is None:
                break
            items = node.value if isinstance(node, yaml.SequenceNode) else [node]
            for item in items:
                number = item.start_mark.line + 1
                try:
                    obj = loader.construct_document(item)
                except yaml.YAMLError as exc:
                    yield Raw(number, error=f"invalid YAML value: {exc}")
                    continue
                yield _as_record(number, obj)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        yield Raw((mark.line + 1) if mark else 1, error=f"invalid YAML: {getattr(exc, 'problem', exc)}")
    finally:
        loader.dispose()


def read_csv(path: Path, decode: Decoder, progress: Callable[[int], None]) -> Iterator[Raw]:
    """A header row of canonical field names; list fields separated by ';'."""
    lines = (line for _, line in _lines(path, decode, progress))
    reader = csv.DictReader(lines)
    if reader.fieldnames is None:
        return
    try:
        for row in reader:
            extra = row.pop(None, None)  # type: ignore[call-overload]
            if extra:
                yield Raw(reader.line_num, error=f"row has {len(extra)} more cells than the header")
                continue
            yield Raw(reader.line_num, data={k: (v if v != "" else None) for k, v in row.items() if k})
    except csv.Error as exc:
        yield Raw(reader.line_num, error=f"invalid CSV: {exc}")


def read_markdown(path: Path, decode: Decoder, progress: Callable[[int], None]) -> Iterator[Raw]:
    text = "".join(line for _, line in _lines(path, decode, progress))
    if not text.strip():
        return
    try:
        data, line = parse_markdown(text)
    except MarkdownError as exc:
        yield Raw(exc.line, field=exc.field, error=str(exc))
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
