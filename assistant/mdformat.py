"""Markdown in Innokylä's structure and order, with YAML front matter; the same shape is read back.

Perustiedot; Toimintamallin kuvaus (Ratkaisun perusidea, Toimintaympäristö, Kohderyhmä ja
asiakasymmärrys, Toimivuuden ja käyttöönoton ehdot); Kehittämisen polku (Tarpeet, Kehittäjäjoukko,
Tavoiteltu muutos, Muutoksen mittaaminen); then Ydin and Sovellettavat osat. Values are escaped, so a
record's text can never become a heading, an image or a link in a Markdown viewer.
"""

from __future__ import annotations

import json
import re
from typing import Any

import yaml

from assistant.i18n import t
from assistant.safeyaml import load_mapping
from assistant.schema import LIST_FIELDS, ModelDescription, label

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

# Values are data: in the exported file they must read as text in any Markdown viewer, never as an image,
# a link or HTML. So the characters that start inline syntax are backslash-escaped (CommonMark), and the
# triggers of GFM's bare-URL autolinks are broken ("http:\/\/", "www\.", "name\@host"). Parsing undoes it.
_INLINE = re.compile(r"([\\`*_\[\]<>!|~@])")
_BLOCK_START = re.compile(r"^(\s*)([#+=>-])")
_UNESC = re.compile(r"\\([!-/:-@\[-`{-~])")


def md_escape(text: str) -> str:
    """A value as Markdown that shows exactly this text (round-trips through ``md_unescape``)."""
    out = _INLINE.sub(r"\\\1", text)
    out = re.sub(r"://", r":\\/\\/", out)
    out = re.sub(r"(?i)\b(www)\.", r"\1\\.", out)
    return "\n".join(_BLOCK_START.sub(r"\1\\\2", line) for line in out.splitlines())


def md_unescape(text: str) -> str:
    return _UNESC.sub(r"\1", text)


_esc, _unesc = md_escape, md_unescape

# The same care for front matter, which a viewer without front-matter support renders as Markdown: a risky
# string becomes a double-quoted YAML scalar with those characters as \u escapes (YAML reads them back).
_RISKY = re.compile(r"[\[\]<>@`]|://|(?i:\bwww\.)")
_YAML_ESC = {"[": "\\u005b", "]": "\\u005d", "<": "\\u003c", ">": "\\u003e", "@": "\\u0040", "`": "\\u0060"}


def _yaml_value(value: Any, url: bool) -> str:
    if not isinstance(value, str) or not _RISKY.search(value) or (url and not re.search(r"[\[\]<>@`]", value)):
        return yaml.safe_dump(value, allow_unicode=True, width=1000).removesuffix("\n...\n").strip()
    quoted = json.dumps(value, ensure_ascii=False)
    quoted = re.sub(r"[\[\]<>@`]", lambda m: _YAML_ESC[m.group(0)], quoted)
    return re.sub(r"(?i)\bwww\.", lambda m: m.group(0)[:3] + "\\u002e", quoted.replace("://", ":\\u002f\\u002f"))


def _flow(mapping: dict[str, Any]) -> str:
    """A small mapping (one implementation) as a YAML flow mapping, every value made safe."""
    parts = []
    for k, v in mapping.items():
        if isinstance(v, list):
            shown = "[" + ", ".join(_yaml_value(x, False) for x in v) + "]"
        else:
            shown = _yaml_value(v, False)
        parts.append(f"{k}: {shown}")
    return "{" + ", ".join(parts) + "}"


def front_matter(front: dict[str, Any]) -> str:
    """YAML front matter in which no value can render as a link, an image or HTML."""
    lines: list[str] = []
    for key, value in front.items():
        url = key == "source_url"
        if isinstance(value, list):
            lines += [f"{key}:"] + [f"- {_flow(v) if isinstance(v, dict) else _yaml_value(v, url)}" for v in value]
        else:
            lines.append(f"{key}: {_yaml_value(value, url)}")
    return "\n".join(lines)


def to_markdown(m: ModelDescription, lang: str | None = None) -> str:
    """One model as Markdown; headings in ``lang`` (default: the record's own language)."""
    lang = lang or m.language or "fi"
    rec = m.to_record()
    front = {k: rec[k] for k in FRONT_FIELDS if k in rec}
    out = ["---", front_matter(front), "---", "", f"# {_esc(m.name)}", ""]
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
    try:  # untrusted: no recursion, aliases or tags (safeyaml)
        front = load_mapping(match.group(1), first_line=2) or {}
    except ValueError as exc:
        raise MarkdownError(1, "front matter", str(exc)) from exc
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
