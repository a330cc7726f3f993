"""A bank record told again in another language (``knowledge/views/<lang>/<id>.yaml``): name, summary, need,
target groups, core and goals, written from the record in our own words.

Why: the bundled embedder compares a Swedish or English story with a Finnish record much less well than two
texts in one language, so a Swedish description of what is essentially Ohjaamo scored below a Finnish one
and the reuse offer was missed. The match model compares the person's words with the record *and* with its
view in the person's language, and keeps the closer of the two.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import yaml
from pydantic import BaseModel, ConfigDict, Field

from assistant.resources import shipped

VIEWS = shipped("knowledge", "views")


class View(BaseModel):
    """One record in one more language; only the parts the match model compares."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1, max_length=200)
    lang: str = Field(pattern="^(fi|sv|en)$")
    name: str = Field(min_length=1, max_length=300)
    summary: str = Field(default="", max_length=2000)
    problem: str = Field(default="", max_length=2000)
    target_groups: list[str] = Field(default_factory=list, max_length=20)
    core: list[str] = Field(default_factory=list, max_length=20)
    goals: list[str] = Field(default_factory=list, max_length=20)

    def text(self) -> str:
        """What the whole-record similarity reads (as the record's own document does)."""
        return "\n".join(p for p in [self.name, self.summary, self.problem, "; ".join(self.target_groups),
                                     "; ".join(self.core), "; ".join(self.goals)] if p)


@dataclass
class Views:
    """Every shipped view, by (model id, language)."""

    by_key: dict[tuple[str, str], View] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    @classmethod
    def load(cls, directory: Path = VIEWS) -> Views:
        """A malformed file is skipped with its name in the error list, never fatal: views only help."""
        views = cls()
        if not directory.is_dir():
            return views
        for path in sorted(directory.glob("*/*.yaml")):
            try:
                view = View.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
            except Exception as exc:  # noqa: BLE001  (a broken view must not stop matching)
                views.errors.append(f"{path.name}: {type(exc).__name__}")
                continue
            if view.id == path.stem and view.lang == path.parent.name:
                views.by_key[(view.id, view.lang)] = view
            else:
                views.errors.append(f"{path.name}: id or lang differs from its path")
        return views

    def get(self, model_id: str, lang: str) -> View | None:
        return self.by_key.get((model_id, lang))

    _matrices: dict[tuple[str, str], tuple[list[str], np.ndarray]] = field(default_factory=dict, repr=False)

    def ids(self, lang: str) -> list[str]:
        return [mid for mid, vl in self.by_key if vl == lang]

    def matrix(self, lang: str, embedder: Any) -> tuple[list[str], np.ndarray]:
        """The ids of the views in ``lang`` and their whole-text vectors, embedded once per process (every turn
        compares the person's words with all of them)."""
        key = (lang, str(getattr(embedder, "model_id", "")))
        if key not in self._matrices:
            ids = self.ids(lang)
            vecs = embedder.embed_passages([self.by_key[(mid, lang)].text() for mid in ids]) if ids else \
                np.zeros((0, 1), dtype=np.float32)
            self._matrices[key] = (ids, np.asarray(vecs))
        return self._matrices[key]

    def units(self, view: View) -> list[str]:
        """The view's statements one by one, for sentence alignment."""
        from assistant.items import sentences

        units = sentences(view.problem)[:3] + sentences(view.summary)[:3] + view.core[:8] + view.target_groups[:4] \
            + view.goals[:4]
        return [u for u in dict.fromkeys(units) if len(u) > 3][:20]
