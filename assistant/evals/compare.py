"""`parastelu eval compare BASELINE.json CANDIDATE.json`: regressions first, then fixes, then unchanged."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def diff(base: dict[str, Any], cand: dict[str, Any]) -> dict[str, list[tuple[str, str]]]:
    """Case ids grouped into regressions, fixes, unchanged, added, removed (with a short reason)."""
    b = {c["id"]: c for c in base["cases"]}
    c = {c["id"]: c for c in cand["cases"]}
    out: dict[str, list[tuple[str, str]]] = {k: [] for k in ("regressions", "fixes", "unchanged", "added",
                                                             "removed")}
    for cid in sorted(set(b) | set(c)):
        if cid not in c:
            out["removed"].append((cid, ""))
        elif cid not in b:
            out["added"].append((cid, "pass" if c[cid]["passed"] else "FAIL"))
        elif b[cid]["passed"] and not c[cid]["passed"]:
            out["regressions"].append((cid, _failed(c[cid])))
        elif not b[cid]["passed"] and c[cid]["passed"]:
            out["fixes"].append((cid, ""))
        else:
            out["unchanged"].append((cid, "pass" if c[cid]["passed"] else "FAIL"))
    return out


def _failed(case: dict[str, Any]) -> str:
    names = [a["name"] for run in case["runs"] for a in run["assertions"] if a["passed"] is False]
    return "; ".join(dict.fromkeys(names))[:200]


def print_diff(d: dict[str, list[tuple[str, str]]], base: dict[str, Any], cand: dict[str, Any]) -> None:
    def meta(x: dict[str, Any]) -> str:
        m = x["meta"]
        return f"prompts {m.get('prompts_hash')} flow {m.get('flow_hash')} {m.get('backend')} {m.get('model') or ''}"

    print(f"baseline:  {meta(base)}  {base['summary']['passed']}/{base['summary']['cases']} passed")
    print(f"candidate: {meta(cand)}  {cand['summary']['passed']}/{cand['summary']['cases']} passed\n")
    for group in ("regressions", "fixes", "added", "removed", "unchanged"):
        items = d[group]
        print(f"{group.upper()} ({len(items)})")
        for cid, why in items if group != "unchanged" else items[:0]:
            print(f"  {cid}" + (f"  — {why}" if why else ""))
    acc_b, acc_c = base["summary"].get("field_accuracy", {}), cand["summary"].get("field_accuracy", {})
    if acc_b or acc_c:
        pairs = [f"{f} {acc_b.get(f, float('nan')):.2f}→{acc_c.get(f, float('nan')):.2f}"
                 for f in sorted(set(acc_b) | set(acc_c))]
        print("\nfield accuracy (baseline → candidate): " + ", ".join(pairs))


def compare_files(base_path: Path, cand_path: Path) -> int:
    base, cand = load(base_path), load(cand_path)
    d = diff(base, cand)
    print_diff(d, base, cand)
    return 1 if d["regressions"] else 0
