"""Validate evals/match/queries.yaml and no_answer.yaml and print counts.

Usage: python3 evals/match/validate.py   (from the repository root or anywhere)
Checks: YAML parses; required keys; ids unique and well-formed; every labelled id is a bank model
(knowledge/models/<id>.yaml); no model under two labels in one entry; split rule (every third entry
per language is heldout); no_answer entries have empty same/adoptable. Exits non-zero on errors.
"""
import collections
import glob
import os
import re
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
BANK = {}
for f in glob.glob(os.path.join(ROOT, "knowledge", "models", "*.yaml")):
    BANK[os.path.basename(f)[:-5]] = (yaml.safe_load(open(f, encoding="utf-8")) or {}).get("language")

KEYS = ["id", "lang", "kind", "split", "text", "same", "adoptable", "related", "note"]
errors = []


def check(path, prefix, no_answer):
    data = yaml.safe_load(open(path, encoding="utf-8"))
    if not isinstance(data, list):
        errors.append(f"{path}: top level is not a list")
        return []
    pos = collections.Counter()
    seen = set()
    for e in data:
        eid = e.get("id", "?")
        missing = [k for k in KEYS if k not in e]
        if missing:
            errors.append(f"{eid}: missing keys {missing}")
            continue
        if eid in seen:
            errors.append(f"{eid}: duplicate id")
        seen.add(eid)
        lang, kind = e["lang"], e["kind"]
        if lang not in ("fi", "sv", "en") or kind not in ("story", "query"):
            errors.append(f"{eid}: bad lang/kind {lang}/{kind}")
        pos[lang] += 1
        m = re.fullmatch(rf"{prefix}(fi|sv|en)-([sq])-(\d{{3}})", eid)
        if not m or m.group(1) != lang or m.group(2) != kind[0] or int(m.group(3)) != pos[lang]:
            errors.append(f"{eid}: id does not match lang-kind-position ({lang}, {kind}, {pos[lang]})")
        want = "heldout" if pos[lang] % 3 == 0 else "dev"
        if e["split"] != want:
            errors.append(f"{eid}: split {e['split']} but rule says {want}")
        if not str(e["text"]).strip():
            errors.append(f"{eid}: empty text")
        labelled = []
        for k in ("same", "adoptable", "related"):
            if not isinstance(e[k], list):
                errors.append(f"{eid}: {k} is not a list")
                continue
            for mid in e[k]:
                if mid not in BANK:
                    errors.append(f"{eid}: unknown model id '{mid}' in {k}")
                labelled.append(mid)
        dup = [x for x, c in collections.Counter(labelled).items() if c > 1]
        if dup:
            errors.append(f"{eid}: model(s) under more than one label: {dup}")
        if no_answer and (e["same"] or e["adoptable"]):
            errors.append(f"{eid}: no_answer entry has same/adoptable labels")
    return data


def report(name, data, is_queries):
    print(f"\n== {name}: {len(data)} entries")
    by = collections.defaultdict(collections.Counter)
    for e in data:
        lang = e["lang"]
        c = by[lang]
        c["total"] += 1
        c[e["kind"]] += 1
        c[e["split"]] += 1
        positive = bool(e["same"] or e["adoptable"])
        if positive:
            c["positive"] += 1
            if any(BANK.get(m) != lang for m in e["same"] + e["adoptable"]):
                c["cross_lingual"] += 1
        elif e["related"]:
            c["hard_negative"] += 1
        else:
            c["no_label"] += 1
        c["with_same"] += bool(e["same"])
        c["with_adoptable"] += bool(e["adoptable"])
        c["with_related"] += bool(e["related"])
        c["n_same_labels"] += len(e["same"])
        c["n_adoptable_labels"] += len(e["adoptable"])
        c["n_related_labels"] += len(e["related"])
    if is_queries:
        cols = ["total", "story", "query", "dev", "heldout", "positive", "hard_negative", "no_label",
                "cross_lingual", "with_same", "with_adoptable", "with_related",
                "n_same_labels", "n_adoptable_labels", "n_related_labels"]
    else:
        cols = ["total", "story", "query", "dev", "heldout", "with_related", "n_related_labels"]
    tot = collections.Counter()
    print(f"{'':22}" + "".join(f"{lg:>6}" for lg in ("fi", "sv", "en", "all")))
    for col in cols:
        vals = [by[lg][col] for lg in ("fi", "sv", "en")]
        tot[col] = sum(vals)
        print(f"{col:22}" + "".join(f"{v:>6}" for v in vals + [tot[col]]))
    if is_queries:
        print(f"positive rate: {tot['positive'] / tot['total']:.1%}")
        covered = {m for e in data for m in e["same"] + e["adoptable"]}
        print(f"bank models appearing as same/adoptable: {len(covered)}/{len(BANK)}"
              + (f"; never: {sorted(set(BANK) - covered)}" if set(BANK) - covered else ""))


q = check(os.path.join(HERE, "queries.yaml"), "", False)
n = check(os.path.join(HERE, "no_answer.yaml"), "na-", True)
ids_q = {e.get("id") for e in q}
for e in n:
    if e.get("id") in ids_q:
        errors.append(f"{e.get('id')}: id used in both files")
report("queries.yaml", q, True)
report("no_answer.yaml", n, False)
print()
if errors:
    print("ERRORS:")
    for x in errors:
        print("  " + x)
    sys.exit(1)
print(f"OK (bank: {len(BANK)} models)")
