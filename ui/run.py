"""``make run`` after the install step: ``python -m ui.run [--host H] [--port P]``.

One line per step: loading the seed bank (a progress bar on a terminal; vectors come from the shipped
``knowledge/vectors/seed.npz``, so nothing is embedded on a fresh clone), then "ready" with the address.
Library chatter goes to ``.cache/run.log``; the same checks as ``parastelu serve`` apply (loopback unless a
login is configured; one writer per embedded store).
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
import warnings
from pathlib import Path
from typing import Any, TextIO

import assistant  # noqa: F401  (offline environment first)
from assistant.i18n import PACKAGE_ROOT

SEED = PACKAGE_ROOT / "knowledge" / "models"
BATCH = 8  # seed files per write (one progress step)


def bar(done: int, total: int, width: int = 28) -> str:
    filled = round(width * done / total) if total else width
    return "[" + "#" * filled + "-" * (width - filled) + f"] {done}/{total}"


class Progress:
    """One line that fills in place on a terminal; elsewhere only the finished line is printed."""

    def __init__(self, label: str, total: int, out: TextIO = sys.stdout) -> None:
        self.label, self.total, self.out = label, total, out
        self.tty = out.isatty()

    def update(self, done: int) -> None:
        if self.tty:
            self.out.write(f"\r{self.label} {bar(done, self.total)}")
            self.out.flush()

    def finish(self, note: str) -> None:
        self.out.write(("\r" if self.tty else "") + f"{self.label} {bar(self.total, self.total)}  {note}\n")
        self.out.flush()


def load_seed(services: Any, seed: Path = SEED, out: TextIO = sys.stdout) -> int:
    """Ingest the seed bank in small batches with a progress bar; returns the models in the bank."""
    from assistant.ingest import ingest
    from assistant.readers import expand

    files = expand([seed])
    progress = Progress("[2/3] loading the model bank", len(files), out)
    started = time.perf_counter()
    written = errors = 0
    for start in range(0, len(files), BATCH):
        chunk = files[start : start + BATCH]
        report = ingest(chunk, services.store, progress=False)
        written += report.written
        errors += report.error_count
        progress.update(min(start + BATCH, len(files)))
    count = services.store.count()
    note = f"{count} models, {written} new or changed, {time.perf_counter() - started:.1f} s"
    progress.finish(note + (f", {errors} bad records skipped" if errors else ""))
    return int(count)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="load the seed bank and start the web UI (make run)")
    parser.add_argument("--host")
    parser.add_argument("--port", type=int)
    parser.add_argument("--no-seed", action="store_true", help="start without loading the seed bank")
    args = parser.parse_args(argv)
    log = PACKAGE_ROOT / ".cache" / "run.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    logging.basicConfig(filename=log, level=logging.WARNING)
    logging.captureWarnings(True)
    warnings.simplefilter("default")
    from assistant.settings import get_settings
    from ui.app import serve

    def seed(services: Any) -> None:
        if not args.no_seed:
            load_seed(services)

    def ready(url: str, count: int | None) -> None:
        print(f"[3/3] ready: {url}  ({count} models; Ctrl+C stops)", flush=True)

    return serve(get_settings(), host=args.host, port=args.port, before=seed, ready=ready)


if __name__ == "__main__":
    sys.exit(main())
