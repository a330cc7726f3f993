"""`parastelu` command line: ingest, export, delete, search, reindex, schema, stats, bench, serve."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import assistant  # noqa: F401  (offline environment first)
from assistant.cli_parser import build_parser as _build_parser
from assistant.settings import Settings, get_settings

EXIT_OK, EXIT_RECORD_ERRORS, EXIT_USAGE, EXIT_STORE = 0, 1, 2, 3


def _settings(args: argparse.Namespace) -> Settings:
    if getattr(args, "data_dir", None):
        os.environ["PARASTELU_DATA_DIR"] = str(args.data_dir)
    if getattr(args, "chroma_url", None):
        os.environ["PARASTELU_CHROMA_URL"] = args.chroma_url
    get_settings.cache_clear()
    return get_settings()


def _services(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from assistant.services import build_services

    return build_services(_settings(args))


def cmd_ingest(args: argparse.Namespace) -> int:
    from assistant.ingest import ingest

    paths = [Path(p) for p in args.paths]
    if args.seed:
        from assistant.resources import SEED_BANK

        paths.append(SEED_BANK)
    if not paths:
        print("error: give files or folders to ingest, or --seed for the seed bank shipped with parastelu",
              file=sys.stderr)
        return EXIT_USAGE
    missing = [p for p in paths if not p.exists()]
    if missing:
        print(f"error: no such file or directory: {', '.join(map(str, missing))}", file=sys.stderr)
        return EXIT_USAGE
    if args.dry_run:
        report = ingest(paths, None, dry_run=True, strict=args.strict, on_error=lambda msg: print(msg, file=sys.stderr))
        store = None
    else:
        from assistant.writerlock import writer_lock

        with writer_lock(_settings(args), "parastelu ingest"):
            store = _services(args).store
            report = ingest(paths, store, strict=args.strict, on_error=lambda msg: print(msg, file=sys.stderr))
            count = store.count()
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if args.strict and not report.ok:
        print("aborted (--strict): nothing was written", file=sys.stderr)
        return EXIT_RECORD_ERRORS
    verb = "validated" if args.dry_run else "stored"
    pii = f"; {report.pii_records} with personal data (see warnings)" if report.pii_records else ""
    print(f"{report.files} file(s): {report.valid} valid record(s), {report.error_count} error(s){pii}; "
          f"{verb} {report.valid if args.dry_run else report.written}"
          + ("" if args.dry_run else f", unchanged {report.unchanged}")
          + ("" if store is None else f"; bank now holds {count} model(s)"))
    return EXIT_OK if report.ok else EXIT_RECORD_ERRORS


def cmd_export(args: argparse.Namespace) -> int:
    from assistant.mdformat import to_markdown

    models = _services(args).store.all()
    if args.format == "jsonl":
        lines = "".join(json.dumps(m.to_record(), ensure_ascii=False) + "\n" for m in models)
        if args.out in (None, "-"):
            sys.stdout.write(lines)
        else:
            Path(args.out).write_text(lines, encoding="utf-8")
    else:
        if args.out in (None, "-"):
            sys.stdout.write("\n".join(to_markdown(m) for m in models))
        else:
            out = Path(args.out)
            out.mkdir(parents=True, exist_ok=True)
            for m in models:
                (out / f"{m.id}.md").write_text(to_markdown(m), encoding="utf-8")
    print(f"exported {len(models)} model(s)", file=sys.stderr)
    return EXIT_OK


def cmd_delete(args: argparse.Namespace) -> int:
    from assistant.writerlock import writer_lock

    with writer_lock(_settings(args), "parastelu delete"):
        gone = _services(args).store.delete(args.ids)
    missing = sorted(set(args.ids) - set(gone))
    for mid in gone:
        print(f"deleted {mid}")
    for mid in missing:
        print(f"error: no model with id {mid!r}", file=sys.stderr)
    return EXIT_RECORD_ERRORS if missing else EXIT_OK


def cmd_search(args: argparse.Namespace) -> int:
    from assistant.matcher import band_label, search
    from assistant.retrieval import Filters

    query = " ".join(args.query).strip()
    if not query:
        print("error: give a search text, e.g. parastelu search \"nuorten syrjäytyminen\"", file=sys.stderr)
        return EXIT_USAGE
    filters = Filters(stage=args.stage or [], region=args.region or [], theme=args.theme or [],
                      target_group=args.target_group or [], language=args.language or [])
    result = search(_services(args), query, k=args.k, filters=filters, lang=args.lang)
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
        return EXIT_OK
    lang = args.lang or "en"
    if not result.hits:
        print("no models in the bank match the filters")
        return EXIT_OK
    if not result.close_match:
        print("no close match: the bank has no model that is the same or directly adoptable. The nearest:")
    for rank, hit in enumerate(result.hits, 1):
        m = hit.model
        spread = f"  in use in {len(m.implementations) + 1} places" if m.implementations else ""
        print(f"{rank}. {m.name} [{m.id}]  {100 * hit.probability:.0f} % ({band_label(hit.band, lang)})  "
              f"{m.stage.value if m.stage else '-'}  {m.organisation or ''}{spread}")
        print(f"   {hit.why}")
    return EXIT_OK


def cmd_compare(args: argparse.Namespace) -> int:
    from assistant.compare import compare, render_text

    svc = _services(args)
    models = []
    for mid in (args.a, args.b):
        m = svc.store.get(mid)
        if m is None:
            print(f"error: no model with id {mid!r}", file=sys.stderr)
            return EXIT_USAGE
        models.append(m)
    result = compare(models[0], models[1], svc, lang=args.lang or "en")
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(render_text(result, args.lang or "en"))
    return EXIT_OK


def cmd_reindex(args: argparse.Namespace) -> int:
    from assistant.embeddings import build_embedder
    from assistant.store import reindex
    from assistant.writerlock import writer_lock

    settings = _settings(args)
    with writer_lock(settings, "parastelu reindex"):
        n = reindex(settings, build_embedder(settings))
    print(f"re-indexed {n} model(s)")
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    from assistant.schema import json_schema

    text = json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return EXIT_OK


def cmd_stats(args: argparse.Namespace) -> int:
    from collections import Counter

    svc = _services(args)
    models = svc.store.all()
    stages = Counter(m.stage.value if m.stage else "-" for m in models)
    langs = Counter(m.language or "-" for m in models)
    print(f"store: {svc.store.mode}  embedder: {svc.embedder.model_id}  models: {len(models)}")
    print("stages: " + ", ".join(f"{k} {v}" for k, v in sorted(stages.items())))
    print("languages: " + ", ".join(f"{k} {v}" for k, v in sorted(langs.items())))
    return EXIT_OK


def cmd_bench(args: argparse.Namespace) -> int:
    if args.what == "retrieval":
        from assistant.bench.retrieval import run as run_retrieval

        return run_retrieval(_settings(args), Path(args.queries), Path(args.knowledge), args.weights)
    if args.what == "load":
        from assistant.bench.load import run as run_load

        return run_load(_settings(args), users=args.users or 20, turns=args.turns or 10, shared=args.shared,
                        kills=args.kills, think=args.think, path=args.path)
    if args.what == "pii":
        from assistant.bench.pii import run as run_pii

        return run_pii(Path(args.cases or "evals/pii/cases.yaml"), show_errors=args.errors, only=args.only)
    if args.what == "corrections":
        from assistant.bench.corrections import run as run_corrections

        return run_corrections(_settings(args), Path(args.cases or "evals/corrections"),
                               verbose=args.verbose, only=args.only)
    if args.what == "interview":
        from assistant.bench.interview import run as run_interview

        return run_interview(_settings(args), Path(args.cases or "evals/interview/real"), verbose=args.verbose,
                             only=args.only, cv=args.cv)
    if args.what == "match":
        from assistant.bench.match import run as run_match

        return run_match(_settings(args), Path(args.pairs), verbose=args.verbose,
                         split=args.only if args.only in ("dev", "heldout") else None)
    if args.what == "cluster":
        from assistant.bench.cluster import run as run_cluster

        return run_cluster(_settings(args), users=args.users, turns=args.turns)
    from assistant.bench.scale import run as run_scale

    return run_scale(_settings(args), args.models, args.queries_n, writes=args.writes, embedded=args.embedded)


def cmd_train(args: argparse.Namespace) -> int:
    from assistant.train import run as run_train

    return run_train(_settings(args), args.what)


def cmd_chat(args: argparse.Namespace) -> int:
    from assistant.chat_cli import run_interactive, run_script

    _settings(args)
    if args.script:
        return run_script(Path(args.script), args.lang, Path(args.out) if args.out else None)
    try:
        return run_interactive(args.lang, args.resume)
    except KeyError:
        print(f"error: no session with id {args.resume!r}", file=sys.stderr)
        return EXIT_USAGE


def cmd_eval(args: argparse.Namespace) -> int:
    from assistant.evals.cli import run_eval_command

    _settings(args)
    return run_eval_command(args)


def cmd_serve(args: argparse.Namespace) -> int:
    from ui.app import serve

    settings = _settings(args)
    return serve(settings, host=args.host, port=args.port)


def build_parser() -> argparse.ArgumentParser:
    """The `parastelu` parser (defined in ``cli_parser``), wired to the ``cmd_*`` functions here."""
    return _build_parser({
        "ingest": cmd_ingest,
        "export": cmd_export,
        "delete": cmd_delete,
        "search": cmd_search,
        "compare": cmd_compare,
        "reindex": cmd_reindex,
        "schema": cmd_schema,
        "stats": cmd_stats,
        "bench": cmd_bench,
        "train": cmd_train,
        "chat": cmd_chat,
        "eval": cmd_eval,
        "serve": cmd_serve,
    })


def main(argv: Sequence[str] | None = None) -> int:
    import sqlite3

    from assistant.db import SessionDbError
    from assistant.store import StoreError, describe_db_error

    args = build_parser().parse_args(argv)
    try:
        return int(args.fn(args))
    except (StoreError, SessionDbError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_STORE
    except sqlite3.Error as exc:  # sessions.db or the vector cache: corrupt, read-only or full
        print(f"error: {describe_db_error(exc, get_settings().data_dir)}", file=sys.stderr)
        return EXIT_STORE
    except OSError as exc:
        print(f"error: {exc.strerror or exc}{f': {exc.filename}' if exc.filename else ''}", file=sys.stderr)
        return EXIT_RECORD_ERRORS
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
