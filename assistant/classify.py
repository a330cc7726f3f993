"""Which Innokylä field a sentence of a story belongs to, with a calibrated probability.

A multinomial logistic regression over the bundled sentence embedding plus a few cue features, trained
by ``parastelu train fields`` on labelled text the project already has: every seed model's fields
(fi/sv/en), the field prototypes, and the *dev* part of the interview benchmark (never the held-out
part). The weights ship in ``knowledge/classifier/fields.json``. With another embedder configured (the
weights belong to one embedding model) it falls back to nearest prototypes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from assistant.charngrams import CharModel
from assistant.embeddings import CachedEmbedder
from assistant.flow import Prompts
from assistant.resources import shipped
from assistant.sequence import marginals

WEIGHTS = shipped("knowledge", "classifier", "fields.json")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_AGE = re.compile(r"\d+\s*[–-]\s*\d+\s*-?\s*(?:v\b|vuotia|år|year)|\b(?:yli|alle|över|under|over|aged)\s+\d+",
                  re.IGNORECASE)
_WE = re.compile(r"\b(?:me|meillä|meidän|meitä|olemme|teemme|aloitimme|vi|oss|vår|vårt|våra|we|our|us)\b",
                 re.IGNORECASE)


@dataclass
class Guess:
    field: str
    p: float
    ranked: list[tuple[str, float]]


def cue_features(sentence: str, cue_fields: Sequence[str], cues: dict[str, list[str]], pos: float,
                 first: bool, last: bool) -> np.ndarray:
    """Hand-made features next to the embedding: cue words per field, dates, ages, "we", position."""
    low = sentence.lower()
    counts = [min(2, sum(1 for c in cues.get(f, []) if re.search(r"(?<![\wåäö])" + re.escape(c), low))) / 2.0
              for f in cue_fields]
    extra = [1.0 if _YEAR.search(sentence) else 0.0, 1.0 if _AGE.search(sentence) else 0.0,
             1.0 if _WE.search(sentence) else 0.0, pos, 1.0 if first else 0.0, 1.0 if last else 0.0,
             min(len(sentence.split()), 40) / 40.0]
    return np.asarray(counts + extra, dtype=np.float32)


class FieldClassifier:
    """Sentence → field probabilities."""

    def __init__(self, embedder: CachedEmbedder, prompts: Prompts, weights: Path | None = WEIGHTS,
                 data: dict[str, object] | None = None) -> None:
        self.embedder = embedder
        self.prompts = prompts
        self.model: dict[str, object] | None = None
        given = data is not None  # fitted in memory (cross-validation): its own n-gram view or none
        if data is None and weights is not None and weights.exists():
            data = json.loads(weights.read_text(encoding="utf-8"))
        if data is not None and data.get("model_id") == embedder.model_id and data.get("dim") == embedder.dim:
            self.model = data
        if self.model is not None:
            self.classes: list[str] = list(self.model["classes"])  # type: ignore[call-overload]
            self.coef = np.asarray(self.model["coef"], dtype=np.float32)
            self.intercept = np.asarray(self.model["intercept"], dtype=np.float32)
            self.cue_fields: list[str] = list(self.model["cue_fields"])  # type: ignore[call-overload]
            self.temperature = float(self.model.get("temperature", 1.0))  # type: ignore[arg-type]
            char = (weights or WEIGHTS).with_name("fields_char.npz")
            own = self.model.get("char")
            self.char: CharModel | None = own if isinstance(own, CharModel) else None
            if not given and self.model.get("char_blend") and char.exists():
                self.char = CharModel.load(char)
        else:
            self.classes = [f for f, ex in prompts.prototypes.items() if ex]
            self._protos = {f: np.stack([embedder.embed_query(s) for s in ex])
                            for f, ex in prompts.prototypes.items() if ex}
            self.cue_fields = list(prompts.cues.fields)

    @property
    def trained(self) -> bool:
        return self.model is not None

    def features(self, sents: Sequence[str]) -> np.ndarray:
        """Embedding + cue features for each sentence of one message (position within the message)."""
        vecs = self.embedder.embed_queries(list(sents))
        n = len(sents)
        cues = np.stack([cue_features(s, self.cue_fields, self.prompts.cues.fields, i / max(1, n - 1),
                                      i == 0 and n > 1, i == n - 1 and n > 1) for i, s in enumerate(sents)])
        return np.hstack([vecs, cues])

    def predict(self, sents: Sequence[str], sequence: bool = False, known: dict[int, str] | None = None) -> list[Guess]:
        """Field probabilities per sentence; with ``sequence`` (the sentences of one story, in order) given
        the whole story (``sequence.marginals``), ``known`` being the fields the person named."""
        if not sents:
            return []
        x = self.features(sents)
        if self.model is not None:
            logits = x @ self.coef.T + self.intercept
            if self.char is not None:  # the spelled view, blended in log-probabilities (``charngrams``)
                logits = logits - logits.max(axis=1, keepdims=True)
                logp = logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))
                logits = (1 - self.char.blend) * logp + self.char.blend * self.char.log_probs(sents, self.classes)
            logits = logits / self.temperature
        else:  # nearest prototypes, softened into pseudo-probabilities
            emb = x[:, : self.embedder.dim]
            logits = np.stack([np.max(self._protos[f] @ emb.T, axis=0) for f in self.classes], axis=1) * 40.0
        logits = logits - logits.max(axis=1, keepdims=True)
        probs = np.exp(logits)
        probs /= probs.sum(axis=1, keepdims=True)
        if sequence and self.model is not None and self.model.get("transitions") and len(sents) > 1:
            index = {c: i for i, c in enumerate(self.classes)}
            probs = marginals(probs, np.asarray(self.model["transitions"]), float(self.model["transition_weight"]),  # type: ignore[arg-type]
                              {i: index[f] for i, f in (known or {}).items() if f in index})
        out: list[Guess] = []
        for row in probs:
            order = np.argsort(-row)
            ranked = [(self.classes[int(i)], float(row[int(i)])) for i in order[:3]]
            out.append(Guess(ranked[0][0], ranked[0][1], ranked))
        return out
