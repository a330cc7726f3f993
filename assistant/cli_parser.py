"""The argparse definition of the `parastelu` command line: subcommands, options and their help texts.

Split from ``cli`` so that module holds what the commands do and this one what they accept. The handlers are
passed in (``cli.build_parser`` supplies its ``cmd_*`` functions), so this module imports nothing from ``cli``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Mapping

Handler = Callable[[argparse.Namespace], int]


def build_parser(handlers: Mapping[str, Handler]) -> argparse.ArgumentParser:
    """The `parastelu` parser; each subcommand's ``fn`` default is ``handlers[<subcommand name>]``."""
    p = argparse.ArgumentParser(prog="parastelu", description="Reuse practice models before building new ones.")
    p.add_argument("--data-dir", help="state directory (default $PARASTELU_DATA_DIR or ./data)")
    p.add_argument("--chroma-url", help="http://host:port of a `chroma run` server (default: embedded)")
    sub = p.add_subparsers(dest="command", required=True)

    s = sub.add_parser("ingest", help="validate and store records from JSONL/JSON/YAML/CSV/Markdown")
    s.add_argument("paths", nargs="*")
    s.add_argument("--seed", action="store_true", help="also ingest the seed bank shipped with parastelu "
                   "(64 Finnish and Nordic models)")
    s.add_argument("--strict", action="store_true",
                   help="abort on the first error or record with personal data, writing nothing")
    s.add_argument("--dry-run", action="store_true", help="validate only")
    s.set_defaults(fn=handlers["ingest"])

    s = sub.add_parser("export", help="write the bank out as JSONL or Markdown")
    s.add_argument("--format", choices=["jsonl", "md"], default="jsonl")
    s.add_argument("--out", help="file (jsonl) or directory (md); default stdout")
    s.set_defaults(fn=handlers["export"])

    s = sub.add_parser("delete", help="delete models by id")
    s.add_argument("ids", nargs="+")
    s.set_defaults(fn=handlers["delete"])

    s = sub.add_parser("search", help="hybrid search in fi/sv/en")
    s.add_argument("query", nargs="+")
    s.add_argument("-k", type=int, default=5)
    s.add_argument("--stage", action="append", choices=["idea", "developing", "ready", "established", "ended"])
    s.add_argument("--region", action="append")
    s.add_argument("--theme", action="append")
    s.add_argument("--target-group", action="append")
    s.add_argument("--language", action="append", choices=["fi", "sv", "en"])
    s.add_argument("--lang", choices=["fi", "sv", "en"], help="language of the reasons (default: the query's)")
    s.add_argument("--json", action="store_true",
                   help='print {"query", "close_match", "hits": [{"id", "name", "probability", "band", "why", …}]}')
    s.set_defaults(fn=handlers["search"])

    s = sub.add_parser("compare", help="two models side by side: core, target groups, conditions, stage, evidence")
    s.add_argument("a")
    s.add_argument("b")
    s.add_argument("--lang", choices=["fi", "sv", "en"])
    s.add_argument("--json", action="store_true")
    s.set_defaults(fn=handlers["compare"])

    s = sub.add_parser("reindex", help="re-embed every record with the configured embedder")
    s.set_defaults(fn=handlers["reindex"])

    s = sub.add_parser("schema", help="print the JSON Schema of the import format")
    s.add_argument("--out")
    s.set_defaults(fn=handlers["schema"])

    s = sub.add_parser("stats", help="counts by stage and language")
    s.set_defaults(fn=handlers["stats"])

    s = sub.add_parser("bench", help="benchmarks that print their figures")
    s.add_argument("what", choices=["retrieval", "scale", "cluster", "interview", "corrections", "match", "pii",
                                    "load"])
    s.add_argument("--queries", default="evals/retrieval", help="retrieval: query files (dir or file)")
    s.add_argument("--knowledge", default="knowledge/models", help="retrieval: records to index")
    s.add_argument("--weights", default="0.5,1,1/0,2/0.1,2/0.25,3/0",
                   help="retrieval: lexical weights to compare, FI/OTHER (sv, en queries) or one for both")
    s.add_argument("--models", type=int, default=100_000, help="scale: synthetic bank size")
    s.add_argument("--queries-n", type=int, default=200, help="scale: queries per mode")
    s.add_argument("--writes", type=int, default=20, help="scale: models another process publishes while "
                   "this one searches (one every 0.25 s)")
    s.add_argument("--embedded", action="store_true", help="scale: embedded Chroma in this process instead of "
                   "a `chroma run` server the bench starts")
    s.add_argument("--users", type=int, default=None, help="cluster: simulated users (default 10); "
                   "load: concurrent users (default 20)")
    s.add_argument("--turns", type=int, default=None, help="cluster: turns per user (default 6); load: (default 10)")
    s.add_argument("--cases", default=None, help="interview: realistic interview cases (default "
                   "evals/interview/real); pii: labelled cases (default evals/pii/cases.yaml)")
    s.add_argument("--pairs", default="evals/match", help="match: labelled queries and no-answer needs")
    s.add_argument("--only", help="interview: only cases whose id contains this (or a split: dev, heldout); "
                   "corrections, match, pii: one split")
    s.add_argument("--verbose", "-v", action="store_true", help="show every misplaced sentence and final card")
    s.add_argument("--cv", type=int, default=0, help="interview: score dev cases with K-fold classifiers "
                   "trained without them (honest dev figures; needs scikit-learn)")
    s.add_argument("--errors", action="store_true", help="pii: list the dev cases the detector gets wrong")
    s.add_argument("--shared", type=int, default=5, help="load: sessions also driven from a second tab")
    s.add_argument("--kills", type=int, default=10, help="load: kill -9 rounds for the server and for ingest")
    s.add_argument("--think", type=float, default=0.0,
                   help="load: mean seconds a user pauses before each turn (default 0: back to back)")
    s.add_argument("--path", choices=["api", "ui"], default="api",
                   help="load: send turns through the JSON API (default) or the chat page's own send event")
    s.set_defaults(fn=handlers["bench"])

    s = sub.add_parser("train", help="fit the sentence, match or personal-data models on dev data")
    s.add_argument("what", choices=["fields", "match", "pii", "stage", "runon", "seed-vectors"])
    s.set_defaults(fn=handlers["train"])

    s = sub.add_parser("chat", help="the interview in a terminal (or --script FILE for a JSON transcript)")
    s.add_argument("--lang", choices=["fi", "sv", "en"])
    s.add_argument("--resume", metavar="ID", help="continue a saved session")
    s.add_argument("--script", metavar="FILE", help="user turns, one per line (or a JSON/YAML list)")
    s.add_argument("--out", help="--script: write the transcript here instead of stdout")
    s.set_defaults(fn=handlers["chat"])

    s = sub.add_parser("eval", help="run prompt-regression suites; `eval compare A.json B.json`")
    s.add_argument("paths", nargs="*", help="case files/dirs (default evals/interview evals/suites); "
                   "or: compare BASE CAND")
    s.add_argument("--backend", choices=["offline", "openai"], default="offline")
    s.add_argument("--model")
    s.add_argument("--base-url")
    s.add_argument("--prompts", help="prompts directory to evaluate (default: prompts/)")
    s.add_argument("--prompts-a", help="baseline prompts directory for a side-by-side run")
    s.add_argument("--prompts-b", help="candidate prompts directory for a side-by-side run")
    s.add_argument("--repeat", type=int, help="override every case's repeat count")
    s.add_argument("--jobs", type=int, default=1)
    s.add_argument("--out", default="out/eval", help="directory for results.json, junit.xml, report.html")
    s.add_argument("--judge", action="store_true", help="judge `rubric` expectations with the LLM")
    s.add_argument("--no-cache", action="store_true", help="bypass the on-disk LLM response cache")
    s.set_defaults(fn=handlers["eval"])

    s = sub.add_parser("serve", help="start the web UI")
    s.add_argument("--host")
    s.add_argument("--port", type=int)
    s.set_defaults(fn=handlers["serve"])
    return p
