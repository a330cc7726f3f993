"""`parastelu bench match`: the calibrated match model on the labelled queries, per language, dev and
held-out apart: false reuse offers, missed offers, expected calibration error, the right model in the
top 3, and search's "no close match" on needs the bank lacks."""

from __future__ import annotations

import tempfile
from collections import defaultdict
from pathlib import Path

import numpy as np

from assistant.bench.matchdata import Pairs, build, load_queries
from assistant.matcher import match_model, search
from assistant.settings import Settings


def ece(probs: list[float], labels: list[int], bins: int = 10) -> float:
    """Expected calibration error: |mean predicted − observed rate| per bin, weighted by bin size."""
    if not probs:
        return float("nan")
    p, y = np.asarray(probs), np.asarray(labels)
    total = 0.0
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        sel = (p >= lo) & ((p < hi) if b < bins - 1 else (p <= hi))
        if sel.any():
            total += sel.sum() / len(p) * abs(p[sel].mean() - y[sel].mean())
    return float(total)


def _offer(pairs: Pairs, bar: float) -> str | None:
    if not pairs.p:
        return None
    best = int(np.argmax(pairs.p))
    return pairs.ids[best] if pairs.p[best] >= bar else None


def run(settings: Settings, directory: Path, verbose: bool = False, split: str | None = None) -> int:
    from assistant.bench.interview import _services

    queries = load_queries(directory, split=split)
    if not queries:
        print(f"no queries in {directory}")
        return 2
    with tempfile.TemporaryDirectory(prefix="parastelu-bench-match-") as tmp:
        svc = _services(settings, Path(tmp))
        mm = match_model(svc)
        bars = {lang: settings.offer_probability or mm.close(lang) for lang in ("fi", "sv", "en")}
        print(f"match model: {'fitted' if mm.trained else 'UNTRAINED fallback'}; offer bars "
              + ", ".join(f"{lang} {b:.2f}" for lang, b in bars.items()) + f"; bands {mm.bands}")
        all_pairs = build(svc, queries)
        close: dict[str, bool] = {q.id: search(svc, q.text, k=5, lang=q.lang).close_match for q in queries}
    rows: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for pairs in all_pairs:
        q = pairs.query
        offered = _offer(pairs, bars[q.lang])
        for key in (f"{q.lang}/{q.split}", f"all/{q.split}"):
            r = rows[key]
            r["n"].append(1)
            r["false"].append(1.0 if offered is not None and offered not in q.positives else 0.0)
            if q.positives:
                r["missed"].append(0.0 if offered in q.positives else 1.0)
                order = [pairs.ids[i] for i in np.argsort(-np.asarray(pairs.p))] if pairs.p else []
                r["top3"].append(1.0 if set(order[:3]) & q.positives else 0.0)
                r["top1"].append(1.0 if order[:1] and order[0] in q.positives else 0.0)
                r["close_pos"].append(1.0 if close[q.id] else 0.0)
            else:
                r["close_neg"].append(0.0 if close[q.id] else 1.0)
            r["p"] += pairs.p
            r["y"] += [float(v) for v in pairs.y]
        if verbose and q.split == "dev" and (offered not in q.positives if q.positives else offered):
            top = sorted(zip(pairs.p, pairs.ids, strict=True), reverse=True)[:3]
            print(f"{q.id}: want {sorted(q.positives) or '-'}; offered {offered}; top "
                  + ", ".join(f"{i} {p:.2f}" for p, i in top))
    head = (f"{'group':<14}{'n':>4} {'false':>7} {'missed':>7} {'ECE':>6} {'top1':>6} {'top3':>6} "
            f"{'nc-neg':>7} {'cm-pos':>7}")
    print(head)
    for split in ("dev", "heldout"):
        for lang in ("fi", "sv", "en", "all"):
            key = f"{lang}/{split}"
            if key not in rows:
                continue
            r = rows[key]
            m = {k: (np.mean(v) if v else float("nan")) for k, v in r.items()}
            print(f"{lang + '/' + split:<14}{len(r['n']):>4} {m['false']:>7.3f} {m['missed']:>7.3f} "
                  f"{ece(r['p'], [int(v) for v in r['y']]):>6.3f} {m['top1']:>6.2f} {m['top3']:>6.2f} "
                  f"{m['close_neg']:>7.2f} {m['close_pos']:>7.2f}")
    print("false: queries where the offer named a model that is not the same/adoptable (share of all queries); "
          "missed: queries with a same/adoptable model that got no right offer; ECE over all candidate pairs; "
          "top1/top3: right model first / in the top 3 by probability; nc-neg: search said 'no close match' "
          "for a need the bank lacks; cm-pos: search said 'close match' when the bank has the answer")
    return 0
