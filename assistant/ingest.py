"""Validate records from files and upsert the good ones; report each bad one as ``file:line: field: reason``."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from pydantic import ValidationError
from tqdm import tqdm

from assistant.readers import Decoder, FileError, expand, read
from assistant.schema import ModelDescription, describe_errors
from assistant.store import ModelStore
from assistant.textproc import detect_language

BATCH = 256


@dataclass
class IngestReport:
    """What happened, for the CLI summary and for tests."""

    valid: int = 0
    written: int = 0
    unchanged: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    files: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors


class StrictAbort(Exception):
    """First error under ``--strict``: nothing has been written."""


def _fill(m: ModelDescription) -> ModelDescription:
    if m.language is None:
        text = " ".join(filter(None, [m.name, m.summary, m.basic_idea, m.problem]))
        m.language = detect_language(text)  # type: ignore[assignment]
    return m


def validate_file(path: Path, report: IngestReport, on_error: Callable[[str], None],
                  progress: bool = True) -> Iterator[ModelDescription]:
    """Yield valid records of one file; every problem goes to ``on_error`` as file:line: field: reason."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        on_error(f"{path}:0: file: cannot read ({exc.strerror})")
        return
    decode = Decoder()
    seen: dict[str, int] = {}
    bar = tqdm(total=size, unit="B", unit_scale=True, desc=path.name, file=sys.stderr, leave=False,
               disable=None if progress and size > 1_000_000 else True)
    try:
        for raw in read(path, decode, bar.update):
            if raw.error or raw.data is None:
                on_error(f"{path}:{raw.line}: {raw.field}: {raw.error}")
                continue
            try:
                model = _fill(ModelDescription.model_validate(raw.data))
            except ValidationError as exc:
                for fld, reason in describe_errors(exc):
                    on_error(f"{path}:{raw.line}: {fld}: {reason}")
                continue
            if model.id in seen:
                on_error(f"{path}:{raw.line}: id: duplicate id {model.id!r} in this file "
                         f"(first at line {seen[model.id]}); skipped")
                continue
            seen[model.id] = raw.line
            report.valid += 1
            yield model
    except FileError as exc:
        on_error(f"{path}:0: file: {exc}")
    except OSError as exc:
        on_error(f"{path}:0: file: cannot read ({exc})")
    finally:
        bar.close()
        if decode.fallback_used:
            report.warnings.append(f"{path}: not valid UTF-8; read as Latin-1/cp1252")


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
    """Ingest files. Good records are stored even when others fail, unless ``strict``."""
    report = IngestReport()
    sink = on_error or (lambda msg: None)

    def record_error(msg: str) -> None:
        report.errors.append(msg)
        sink(msg)
        if strict:
            raise StrictAbort(msg)

    files = expand(paths)
    report.files = len(files)
    try:
        if strict and not dry_run:  # first pass: validate everything, write nothing
            for path in files:
                for _ in validate_file(path, IngestReport(), record_error, progress):
                    pass
        for path in files:
            batch: list[ModelDescription] = []
            for model in validate_file(path, report, (lambda m: None) if strict and not dry_run
                                       else record_error, progress):
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
