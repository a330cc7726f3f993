"""The stage a text states when no stage phrase is in it ("Second year now, the county decides in autumn",
"Vi drog igång hösten 2022 med tolv deltagare"): a logistic regression over the bundled sentence embedding,
fitted by ``parastelu train stage`` on the dev interviews' stage sentences and stage answers (their cases'
true stage); weights in ``knowledge/classifier/stage.json``. Phrases decide first (``detect_stage``); this
only fills in when they find nothing, and its guess is confirmed with the person below high confidence.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np

from assistant.resources import shipped
from assistant.schema import Stage

WEIGHTS = shipped("knowledge", "classifier", "stage.json")


class StageGuesser:
    def __init__(self, embedder: Any, weights: Path = WEIGHTS) -> None:
        self.embedder = embedder
        data = json.loads(weights.read_text(encoding="utf-8")) if weights.exists() else None
        if data is not None and data.get("model_id") != getattr(embedder, "model_id", None):
            data = None
        self.data = data
        if data is not None:
            self.classes = [Stage(c) for c in data["classes"]]
            self.coef = np.asarray(data["coef"], dtype=np.float32)
            self.intercept = np.asarray(data["intercept"], dtype=np.float32)

    def guess(self, text: str) -> tuple[Stage, float] | None:
        """The likeliest stage and its probability, or None without weights or text."""
        if self.data is None or not text.strip():
            return None
        z = self.embedder.embed_queries([text])[0] @ self.coef.T + self.intercept
        p = np.exp(z - z.max())
        p /= p.sum()
        k = int(p.argmax())
        return self.classes[k], float(p[k])
