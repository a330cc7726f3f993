"""Validate records from files and upsert the good ones; report each bad one as ``file:line: field: reason``.

A bad record never costs a good one: every problem is an error for that record only (one line per bad
record), a broken file is one error and the next file is read, and the output is capped per file. Records
holding personal data are reported as warnings (``--strict`` refuses them).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from tqdm import tqdm

from assistant.pii import blocking_findings, kinds_label
from assistant.readers import Decoder, FileError, expand, read
from assistant.schema import FIELDS, ModelDescription, describe_errors
from assistant.store import ModelStore
from assistant.textproc import detect_language

BATCH = 256
MAX_LINES_PER_FILE = 200  # error (and warning) lines shown per file; the rest are counted and summarised
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_ALLOWED = f"allowed fields are: {', '.join(FIELDS)}"


@dataclass
class IngestReport:
    """What happened, for the CLI summary and for tests. ``errors`` holds the lines shown (capped per
    file); ``error_count`` counts every bad record."""

    valid: int = 0
    written: int = 0
    unchanged: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    files: int = 0
    error_count: int = 0
    pii_records: int = 0

    @property
    def ok(self) -> bool:
        return self.error_count == 0


class StrictAbort(Exception):
    """First error under ``--strict``: nothing has been written."""


def one_line(text: str, limit: int = 400) -> str:
    """An error line: no raw newline, NUL, ESC or bidi control from the input, and never huge."""
    text = _CONTROL.sub(lambda m: "\\n" if m.group(0) == "\n" else f"\\x{ord(m.group(0)):02x}", text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _field_name(name: str) -> str:
    return one_line(name, 60)


def _fill(m: ModelDescription) -> ModelDescription:
    if m.language is None:
        text = " ".join(filter(None, [m.name, m.summary, m.basic_idea, m.problem]))
        m.language = detect_language(text)  # type: ignore[assignment]
    return m


def _nul_field(data: dict[str, Any]) -> str | None:
    """The first field holding a NUL character (never stripped: ``nul\\u0000byte`` is not ``nulbyte``)."""
    for key, value in data.items():
        items = value if isinstance(value, list) else [value]
        if "\x00" in str(key) or any(isinstance(v, str) and "\x00" in v for v in items):
            return str(key)
    return None


class _FileLog:
    """Errors and warnings of one file: counted, capped, and the allowed-field list said once."""

    def __init__(self, path: Path, report: IngestReport, on_error: Callable[[str], None]) -> None:
        self.path, self.report, self.on_error = path, report, on_error
        self.errors = self.warnings = 0
        self.listed_fields = False

    def error(self, line: int, problems: list[tuple[str, str]]) -> None:
        parts = []
        for fld, reason in problems:
            if reason.startswith("unknown field; allowed"):
                reason = "unknown field; " + ("see the allowed fields above" if self.listed_fields else _ALLOWED)
                self.listed_fields = True
            parts.append(f"{_field_name(fld)}: {reason}")
        self.errors += 1
        self.report.error_count += 1
        if self.errors <= MAX_LINES_PER_FILE:
            msg = one_line(f"{self.path}:{line}: " + "; ".join(parts), 400 + len(_ALLOWED))
            self.report.errors.append(msg)
            self.on_error(msg)

    def warning(self, msg: str) -> None:
        self.warnings += 1
        if self.warnings <= MAX_LINES_PER_FILE:
            self.report.warnings.append(one_line(msg))

    def close(self) -> None:
        for count, what, sink in ((self.errors, "errors", self.on_error), (self.warnings, "warnings", None)):
            if count > MAX_LINES_PER_FILE:
                msg = f"{self.path}: … and {count - MAX_LINES_PER_FILE:,} more {what} in this file"
                (self.report.errors if sink else self.report.warnings).append(msg)
                if sink:
                    sink(msg)


def validate_file(path: Path, report: IngestReport, on_error: Callable[[str], None],
                  progress: bool = True, pii_errors: bool = False) -> Iterator[ModelDescription]:
    """Yield valid records of one file; every problem goes to ``on_error`` as file:line: field: reason.

    Never raises for a bad file: unreadable, binary or broken input is one error and the caller goes on."""
    log = _FileLog(path, report, on_error)
    try:
        size = path.stat().st_size
    except OSError as exc:
        log.error(0, [("file", f"cannot read ({exc.strerror})")])
        log.close()
        return
    decode = Decoder()
    seen: dict[str, int] = {}
    bar = tqdm(total=size, unit="B", unit_scale=True, desc=path.name, file=sys.stderr, leave=False,
               disable=None if progress and size > 1_000_000 else True)
    try:
        for raw in read(path, decode, bar.update):
            if raw.error or raw.data is None:
                log.error(raw.line, [(raw.field, raw.error or "no record")])
                continue
            nul = _nul_field(raw.data)
            if nul is not None:
                log.error(raw.line, [(nul, "contains a NUL character; the record was not imported")])
                continue
            try:
                model = _fill(ModelDescription.model_validate(raw.data))
            except ValidationError as exc:
                log.error(raw.line, describe_errors(exc))
                continue
            if model.id in seen:
                log.error(raw.line, [("id", f"duplicate id {model.id!r} in this file (first at line "
                                            f"{seen[model.id]}); skipped")])
                continue
            seen[model.id] = raw.line
            findings = blocking_findings(model.to_record())
            if findings:
                report.pii_records += 1
                kinds = ", ".join(dict.fromkeys(f"{fld} ({kinds_label(f.kind, 'en')})" for fld, f in findings))
                if pii_errors:
                    log.error(raw.line, [(findings[0][0], f"personal data: {kinds}; refused (--strict)")])
                    continue
                log.warning(f"{path}:{raw.line}: personal data in {kinds}; mask or remove it before sharing")
            report.valid += 1
            yield model
    except FileError as exc:
        log.error(0, [("file", str(exc))])
    except (OSError, RecursionError, MemoryError, UnicodeError, ValueError) as exc:  # one bad file, not a crash
        log.error(0, [("file", f"cannot read ({type(exc).__name__}: {exc})")])
    finally:
        bar.close()
        log.close()


def _stamp(models: list[ModelDescription], store: ModelStore) -> tuple[list[ModelDescription], int]:
    """Keep stored dates; set ``created``/``updated`` only where the content really changed."""
    got = store.collection.get(ids=[m.id for m in models], include=["metadatas"])
    existing = {i: ModelDescription.model_validate_json(str(meta["record"]))
                for i, meta in zip(got["ids"], got.get("metadatas") or [], strict=True)}
    today = date.today()
    changed: list[ModelDescription] = []
    for m in models:
        old = existing.get(m.id)
        if old is not None:
            if m.created is None:
                m.created = old.created
            probe = m.model_copy(update={"updated": m.updated or old.updated})
            if probe == old:
                continue
            if m.updated is None:
                m.updated = today
        else:
            m.created = m.created or today
            m.updated = m.updated or m.created
        changed.append(m)
    return changed, len(models) - len(changed)


def ingest(paths: list[Path], store: ModelStore | None, *, strict: bool = False, dry_run: bool = False,
           progress: bool = True, on_error: Callable[[str], None] | None = None) -> IngestReport:
    """Ingest files. Good records are stored even when others fail, unless ``strict`` (which also refuses
    records holding personal data)."""
    report = IngestReport()
    sink = on_error or (lambda msg: None)

    def record_error(msg: str) -> None:
        sink(msg)
        if strict:
            raise StrictAbort(msg)

    files = expand(paths)
    report.files = len(files)
    try:
        if strict and not dry_run:  # first pass: validate everything, write nothing
            for path in files:
                for _ in validate_file(path, report, record_error, progress, pii_errors=True):
                    pass
            report.valid = 0
        for path in files:
            batch: list[ModelDescription] = []
            quiet = strict and not dry_run
            for model in validate_file(path, IngestReport() if quiet else report,
                                       (lambda m: None) if quiet else record_error, progress, pii_errors=strict):
                if quiet:
                    report.valid += 1
                if dry_run or store is None:
                    continue
                batch.append(model)
                if len(batch) >= BATCH:
                    _write(batch, store, report)
                    batch = []
            if batch and store is not None and not dry_run:
                _write(batch, store, report)
    except StrictAbort:
        pass
    return report


def _write(batch: list[ModelDescription], store: ModelStore, report: IngestReport) -> None:
    changed, same = _stamp(batch, store)
    store.upsert(changed)
    report.written += len(changed)
    report.unchanged += same
