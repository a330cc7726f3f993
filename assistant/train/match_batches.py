"""A harder estimate of the match trainer: leave one batch of labelled queries out.

Why: each batch of dev queries was written by one helper in one sitting, and later batches often retell an
earlier idea (the KiVa core told for ward staff came back in four batches). Random folds then score a query
while its retelling sits in the training part and among the labelled descriptions (``match_examples``), so
they favour whatever memorises descriptions. Here each batch (``m4``, ``m14``, …; the first files count as
one) is scored by the trainer fitted on the other batches, and its queries' description features
(``described``, ``described_as``, ``lookalike``) are recomputed without any description from the same
batch. ``--no-lookalike`` scores the same with the look-alike evidence switched off, for comparison.
Only split=dev queries are read.

    python -m assistant.train.match_batches [--no-lookalike] [--share 0.05]
"""

from __future__ import annotations

import argparse
import re
import tempfile
from pathlib import Path

import numpy as np

from assistant.matchmodel import FEATURES
from assistant.train.match import PAIRS
from assistant.train.match_nested import LANGS, Data, fit_predict, outcomes


def batch_of(query_id: str) -> str:
    """``m14-en-s-003`` → ``m14``; the first files' ids (``fi-s-001``, ``na-…``) form their own batches."""
    m = re.match(r"(m\d+|h\d+|na)-", query_id)
    return m.group(1) if m else "first"


def dev_batches() -> tuple[Data, list[str]]:
    """The dev pairs with description features recomputed without the query's own batch."""
    from assistant.bench.interview import _services
    from assistant.bench.matchdata import build, load_queries
    from assistant.matcher import match_model
    from assistant.settings import get_settings

    with tempfile.TemporaryDirectory(prefix="parastelu-batches-match-") as tmp:
        svc = _services(get_settings(), Path(tmp))
        queries = load_queries(PAIRS, split="dev")
        assert all(q.split == "dev" for q in queries)
        pairs = [p for p in build(svc, queries) if p.x]
        examples = match_model(svc).examples
        own = np.asarray([batch_of(e.id) for e in examples.examples])
        x = np.stack([xi for p in pairs for xi in p.x])
        look = np.zeros(len(x))
        row = 0
        for p in pairs:
            ctx = examples.context(svc.embedder, p.query.text, p.query.lang)
            if ctx is not None:
                ctx.scores[own == batch_of(p.query.id)] = -np.inf
            for mid in p.ids:
                closest = ctx.closest(mid) if ctx is not None else None
                x[row, FEATURES.index("described")] = 0.0 if closest is None else 1.0
                x[row, FEATURES.index("described_as")] = closest or 0.0
                look[row] = ctx.lookalike(mid) if ctx is not None else 0.0
                row += 1
    d = Data(x=x, y=np.asarray([v for p in pairs for v in p.y], float),
             q=np.asarray([i for i, p in enumerate(pairs) for _ in p.x]), langs=[p.query.lang for p in pairs],
             ids=[p.ids for p in pairs], positives=[p.query.positives for p in pairs], look=look)
    return d, [batch_of(p.query.id) for p in pairs]


def estimate(d: Data, batches: list[str], share: float = 0.05) -> dict[str, np.ndarray]:
    """Per language: (false offers, queries, missed, queries with a positive), each batch scored once at the
    bar its training part chose."""
    tally = {lang: np.zeros(4) for lang in LANGS}
    b = np.asarray(batches)
    for name in sorted(set(batches)):
        test_q, train_q = np.flatnonzero(b == name), np.flatnonzero(b != name)
        p, bars = fit_predict(d, train_q, test_q, 0, share=share)
        for lang in LANGS[:3]:
            t = outcomes(d, p, np.asarray([qi for qi in test_q if d.langs[qi] == lang], dtype=np.int64),
                         bars[lang])[lang]
            tally[lang] += t
            tally["all"] += t
    return tally


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--no-lookalike", action="store_true", help="switch the look-alike evidence off")
    ap.add_argument("--share", type=float, default=0.05, help="false offers the bars allow (0.05)")
    args = ap.parse_args()
    d, batches = dev_batches()
    if args.no_lookalike:
        d.look = np.zeros(len(d.y))
    print(f"{len(d.langs)} dev queries in {len(set(batches))} batches, {len(d.y)} pairs"
          + ("; look-alike evidence off" if args.no_lookalike else ""))
    tally = estimate(d, batches, args.share)
    print("leave one batch out  " + "  ".join(
        f"{lang} false {t[0] / max(1.0, t[1]):.3f} missed {t[2] / max(1.0, t[3]):.3f}" for lang, t in tally.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
