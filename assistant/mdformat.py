"""Markdown in Innokylä's structure and order, with YAML front matter; the same shape is read back.

Perustiedot; Toimintamallin kuvaus (Ratkaisun perusidea, Toimintaympäristö, Kohderyhmä ja
asiakasymmärrys, Toimivuuden ja käyttöönoton ehdot); Kehittämisen polku (Tarpeet, Kehittäjäjoukko,
Tavoiteltu muutos, Muutoksen mittaaminen); then Ydin and Sovellettavat osat. Values are escaped, so a
record's text can never become a heading, an image or a link in a Markdown viewer.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from assistant.i18n import t
from assistant.schema import LIST_FIELDS, ModelDescription, label
from assistant.textsafe import md

FRONT_FIELDS = ("id", "name", "stage", "language", "themes", "regions", "organisation", "funders",
                "contact", "source_url", "created", "updated", "implementations")
SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("md.basics", ("summary",)),
    ("md.description", ("basic_idea", "environment", "target_groups", "conditions")),
    ("md.path", ("problem", "actors", "goals", "measurement", "evidence")),
)
CORE_FIELDS = ("core", "adaptable")
BODY_FIELDS = tuple(f for _, fs in SECTIONS for f in fs) + CORE_FIELDS
LANGS = ("fi", "sv", "en")


def heading(field: str, lang: str) -> str:
    """The export heading of a field (Innokylä's wording where it differs from the field label)."""
    key = f"md.h.{field}"
    text = t(key, lang)
    return label(field, lang) if text == key else text


_HEADING_TO_FIELD = {h.lower(): f for f in BODY_FIELDS for lang in LANGS for h in (label(f, lang), heading(f, lang))}
_SECTION_HEADINGS = {t(key, lang).lower() for key, _ in SECTIONS for lang in LANGS} | {
    t("md.implementations", lang).lower() for lang in LANGS}
_FRONT = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_UNESC = re.compile(r"\\([\\`*_\[\]<>!#|~])")


def _esc(text: str) -> str:
    """Escape Markdown in a value, line by line (a leading "- " or "1." cannot start a list either)."""
    out = []
    for line in text.splitlines() or [""]:
        line = md(line)
        if re.match(r"^\s*(?:[-+]|\d+[.)])\s", line):
            line = "\\" + line
        out.append(line)
    return "\n".join(out)


def _unesc(text: str) -> str:
    lines = [line[1:] if re.match(r"^\\(?:[-+]|\d+[.)])\s", line) else line for line in text.splitlines()]
    return _UNESC.sub(r"\1", "\n".join(lines)).replace("\u200b:", ":")


def to_markdown(m: ModelDescription, lang: str | None = None) -> str:
    """One model as Markdown; headings in ``lang`` (default: the record's own language)."""
    lang = lang or m.language or "fi"
    rec = m.to_record()
    front = {k: rec[k] for k in FRONT_FIELDS if k in rec}
    out = ["---", yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=1000).strip(), "---",
           "", f"# {_esc(m.name)}", ""]
    basics = [(label("stage", lang), t(f"stage.{m.stage.value}", lang) if m.stage else None),
              (label("organisation", lang), m.organisation), (label("regions", lang), ", ".join(m.regions)),
              (label("contact", lang), m.contact), (label("source_url", lang), m.source_url)]
    for key, fields in SECTIONS:
        body: list[str] = []
        if key == "md.basics":
            body += [f"- **{name}:** {_esc(str(value))}" for name, value in basics if value]
            body += [""] if body else []
        for field in fields:
            value = rec.get(field)
            if value:
                body += [f"### {heading(field, lang)}", "", *_value_lines(value), ""]
        if body:
            out += [f"## {t(key, lang)}", "", *body]
    for field in CORE_FIELDS:
        value = rec.get(field)
        if value:
            out += [f"## {heading(field, lang)}", "", *_value_lines(value), ""]
    if m.implementations:
        out += [f"## {t('md.implementations', lang)}", ""]
        for impl in m.implementations:
            where = ", ".join(filter(None, [impl.organisation, impl.region]))
            since = f" ({t('md.since', lang)} {impl.since})" if impl.since else ""
            out.append(f"- {_esc(where)}{_esc(since)}")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _value_lines(value: Any) -> list[str]:
    if isinstance(value, list):
        return [f"- {_esc(' '.join(str(v).split()))}" for v in value]
    return [_esc(str(value))]


class MarkdownError(ValueError):
    """A Markdown file that is not front matter + known headings; carries the 1-based line."""

    def __init__(self, line: int, field: str, reason: str) -> None:
        super().__init__(reason)
        self.line, self.field = line, field


def parse_markdown(text: str) -> tuple[dict[str, Any], int]:
    """Parse one Markdown record; returns the raw field dict and the line the record starts on."""
    match = _FRONT.match(text)
    if not match:
        raise MarkdownError(1, "front matter", "missing YAML front matter (a '---' block at the top)")
    try:
        front = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise MarkdownError(2 + (mark.line if mark else 0), "front matter", f"invalid YAML: {exc}") from exc
    if not isinstance(front, dict):
        raise MarkdownError(2, "front matter", "front matter must be a mapping of field: value")
    data: dict[str, Any] = dict(front)
    body_start = text[: match.end()].count("\n") + 1
    field: str | None = None
    buf: list[str] = []

    def flush() -> None:
        if field is None:
            return
        chunk = "\n".join(buf).strip()
        if field in LIST_FIELDS:
            data[field] = [_unesc(line.strip()[2:].strip()) for line in chunk.splitlines()
                           if line.strip().startswith("- ")]
        elif chunk:
            data[field] = _unesc(chunk)

    for offset, line in enumerate(text[match.end():].splitlines()):
        m = re.match(r"^(#{2,3}) (.+)$", line)
        if m:
            flush()
            name = m.group(2).strip().rstrip("*").strip().lower()
            field, buf = None, []
            if name in _SECTION_HEADINGS:
                continue
            if name not in _HEADING_TO_FIELD:
                raise MarkdownError(body_start + offset, "heading", f"unknown heading {m.group(2).strip()!r}")
            field = _HEADING_TO_FIELD[name]
        elif line.startswith("# ") and field is None and "name" not in data:
            data["name"] = _unesc(line[2:].strip())
        elif field is not None:
            buf.append(line)
    flush()
    return data, 1
