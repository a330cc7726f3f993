"""Text renderings of a draft: the closing summary and the Markdown export, under Innokylä headings."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from assistant.interview_types import Draft, NextStep
from assistant.mdformat import to_markdown
from assistant.schema import LIST_FIELDS, ModelDescription, Stage, label

SUMMARY_FIELDS = ("name", "summary", "problem", "target_groups", "goals", "basic_idea", "core", "adaptable",
                  "actors", "stage", "conditions", "measurement")


def slugify(text: str | None, fallback: str = "malli", limit: int = 80) -> str:
    """ASCII slug for ids and file names: "Nuorten Polku – Oulu" → "nuorten-polku-oulu"."""
    ascii_text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:limit].strip("-") or fallback


def summary_markdown(draft: Draft, lang: str, stage_text: str | None = None) -> str:
    """The closing summary shown in the chat: every filled field under its heading."""
    lines: list[str] = []
    for field in SUMMARY_FIELDS:
        value = getattr(draft, field)
        if not value:
            continue
        lines.append(f"**{label(field, lang)}**")
        if field == "stage" and isinstance(value, Stage):
            lines.append(stage_text or value.value)
        elif field in LIST_FIELDS:
            lines += [f"- {v}" for v in value]
        else:
            lines.append(str(value))
        lines.append("")
    return "\n".join(lines).strip()


def numbered_summary(draft: Draft, fields: list[str], lang: str) -> str:
    """The closing summary, numbered so "kohta 3 on väärin" can name a field; values are escaped data."""
    from assistant.i18n import t
    from assistant.textsafe import md

    lines: list[str] = []
    for n, field in enumerate(fields, 1):
        value = getattr(draft, field)
        if field == "stage" and isinstance(value, Stage):
            shown = t(f"stage.{value.value}", lang)
        elif field in LIST_FIELDS:
            shown = "; ".join(md(v) for v in value)
        else:
            shown = md(value)
        lines.append(f"{n}. **{label(field, lang)}:** {shown}")
    return "\n".join(lines)


def steps_markdown(steps: list[NextStep]) -> str:
    return "\n".join(f"- {s.text} ({s.reason})" for s in steps)


def draft_to_model(draft: Draft, lang: str, model_id: str | None = None) -> ModelDescription:
    """A complete ModelDescription from a draft (id from the name; stage defaults to idea)."""
    data = draft.model_dump(exclude_none=True)
    name = draft.name or "Nimetön malli"
    today = date.today()
    data.update(id=model_id or draft.id or slugify(name), name=name, language=draft.language or lang,
                stage=draft.stage or Stage.idea, created=draft.created or today, updated=today)
    return ModelDescription.model_validate(data)


def draft_markdown(draft: Draft, lang: str) -> str:
    return to_markdown(draft_to_model(draft, lang), lang=lang)
