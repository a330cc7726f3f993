"""Write results.json, junit.xml and a self-contained report.html (every text escaped)."""

from __future__ import annotations

import json
from html import escape
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

from assistant.evals.accuracy import SCORED, accuracy
from assistant.evals.runner import CaseResult


def summary(results: list[CaseResult]) -> dict[str, Any]:
    passed = sum(1 for r in results if r.passed)
    acc: dict[str, list[float]] = {f: [] for f in SCORED}
    for r in results:
        if r.case.kind == "persona" and r.case.truth is not None:
            for tr in r.transcripts:
                if tr.final is not None:
                    for f, v in accuracy(tr.final.draft, r.case.truth).items():
                        acc[f].append(v)
    return {"cases": len(results), "passed": passed, "failed": len(results) - passed,
            "field_accuracy": {f: round(sum(v) / len(v), 3) for f, v in acc.items() if v}}


def results_json(results: list[CaseResult], meta: dict[str, Any], seconds: float) -> dict[str, Any]:
    return {"meta": meta, "seconds": round(seconds, 1), "summary": summary(results),
            "cases": [r.to_json() for r in results]}


def write_junit(results: list[CaseResult], path: Path, name: str = "parastelu-eval") -> None:
    suite = ET.Element("testsuite", name=name, tests=str(len(results)),
                       failures=str(sum(1 for r in results if not r.passed)))
    for r in results:
        tc = ET.SubElement(suite, "testcase", classname=r.case.source or "evals", name=r.case.id,
                           time=f"{r.seconds:.2f}")
        if not r.passed:
            failed = [a for run in r.runs for a in run if a.passed is False]
            msg = "; ".join(a.name for a in failed[:5])
            fail = ET.SubElement(tc, "failure", message=f"pass rate {r.pass_rate:.2f}: {msg}")
            fail.text = "\n".join(f"{a.name}: expected {a.expected!r}, got {a.actual!r}" for a in failed)
    ET.ElementTree(suite).write(path, encoding="utf-8", xml_declaration=True)


def _bar_chart(acc: dict[str, float]) -> str:
    rows = []
    for i, (f, v) in enumerate(acc.items()):
        y = 10 + i * 26
        rows.append(f'<text x="0" y="{y + 14}">{escape(f)}</text><rect x="130" y="{y}" width="{300 * v:.0f}" '
                    f'height="18" fill="#3b7d4f"/><text x="{136 + 300 * v:.0f}" y="{y + 14}">{v:.2f}</text>')
    return (f'<svg width="520" height="{20 + 26 * len(acc)}" role="img" aria-label="field accuracy">'
            + "".join(rows) + "</svg>")


def _transcript(tr_json: list[dict[str, Any]]) -> str:
    items = []
    for m in tr_json:
        who = "👤" if m["role"] == "user" else "🤖"
        asked = f' <span class="asked">[{escape(str(m.get("asked_field")))}]</span>' if m.get("asked_field") else ""
        items.append(f'<div class="msg {m["role"]}">{who}{asked} {escape(m["text"])}</div>')
    return "".join(items)


def write_html(data: dict[str, Any], path: Path, title: str = "parastelu eval") -> None:
    """One file, no external assets; user and bank text is escaped everywhere."""
    meta, summ = data["meta"], data["summary"]
    head = (f"<h1>{escape(title)}</h1><p>{summ['passed']}/{summ['cases']} cases passed in {data['seconds']} s · "
            f"backend {escape(str(meta.get('backend')))} {escape(str(meta.get('model') or ''))} · embedder "
            f"{escape(str(meta.get('embedding_model')))} · prompts {escape(str(meta.get('prompts_hash')))} · flow "
            f"{escape(str(meta.get('flow_hash')))} · bank {escape(str(meta.get('bank_hash')))} · commit "
            f"{escape(str(meta.get('git_commit')))}</p>")
    matrix = ["<table><tr><th>case</th><th>lang</th><th>kind</th><th>result</th><th>pass rate</th>"
              "<th>tags</th></tr>"]
    for c in data["cases"]:
        cls = "pass" if c["passed"] else "fail"
        matrix.append(f'<tr class="{cls}"><td><a href="#{escape(c["id"])}">{escape(c["id"])}</a></td>'
                      f"<td>{c['lang']}</td><td>{c['kind']}</td><td>{'PASS' if c['passed'] else 'FAIL'}</td>"
                      f"<td>{c['pass_rate']:.2f}</td><td>{escape(', '.join(c['tags']))}</td></tr>")
    matrix.append("</table>")
    details = []
    for c in data["cases"]:
        if c["passed"]:
            continue
        run = next((r for r in c["runs"] if any(a["passed"] is False for a in r["assertions"])), c["runs"][0])
        rows = "".join(f'<tr class="{"fail" if a["passed"] is False else "pass"}"><td>{escape(a["name"])}</td>'
                       f"<td>{escape(json.dumps(a['expected'], ensure_ascii=False))}</td>"
                       f"<td>{escape(json.dumps(a['actual'], ensure_ascii=False, default=str))}</td></tr>"
                       for a in run["assertions"])
        details.append(f'<section id="{escape(c["id"])}"><h3>{escape(c["id"])}</h3>'
                       f"<table><tr><th>assertion</th><th>expected</th><th>actual</th></tr>{rows}</table>"
                       f"<details open><summary>transcript</summary>{_transcript(run['transcript'])}</details>"
                       "</section>")
    chart = _bar_chart(summ["field_accuracy"]) if summ["field_accuracy"] else "<p>no persona cases</p>"
    style = ("body{font-family:sans-serif;max-width:1100px;margin:2em auto}table{border-collapse:collapse}"
             "td,th{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}"
             ".pass td{background:#eef8ee}.fail td{background:#fbeaea}.msg{margin:4px 0;white-space:pre-wrap}"
             ".user{color:#124}.asked{color:#777;font-size:90%}")
    html_text = (f"<!doctype html><html lang='en'><meta charset='utf-8'><title>{escape(title)}</title>"
                 f"<style>{style}</style><body>{head}<h2>Per-field accuracy (persona cases)</h2>{chart}"
                 f"<h2>Cases</h2>{''.join(matrix)}<h2>Failures</h2>{''.join(details) or '<p>none</p>'}</body></html>")
    path.write_text(html_text, encoding="utf-8")


def write_all(results: list[CaseResult], meta: dict[str, Any], seconds: float, out: Path) -> dict[str, Any]:
    out.mkdir(parents=True, exist_ok=True)
    data = results_json(results, meta, seconds)
    (out / "results.json").write_text(json.dumps(data, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    write_junit(results, out / "junit.xml")
    write_html(data, out / "report.html")
    return data
