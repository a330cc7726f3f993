"""`parastelu train …`: fit the models the offline engine ships with, from labelled dev data only.

- ``fields``: the sentence → field classifier (``knowledge/classifier/fields.json``)
- ``match``: the calibrated match model (``knowledge/classifier/match.json``)
- ``pii``: the name + health-detail reader of the personal-data guard (``knowledge/classifier/pii.json``)
- ``stage``: the stage reader used when no stage phrase is found (``knowledge/classifier/stage.json``)
- ``runon``: where a story typed without full stops turns to its next sentence (``knowledge/classifier/runon.json``)
- ``seed-vectors``: the vectors of the seed bank shipped with the code (``knowledge/vectors/seed.npz``)

Held-out cases and pairs are never read here. Needs the ``train`` extra (scikit-learn).
"""

from __future__ import annotations

from assistant.settings import Settings


def run(settings: Settings, what: str) -> int:
    if what == "fields":
        from assistant.train.fields import train

        return train(settings)
    if what == "match":
        from assistant.train.match import train as train_match

        return train_match(settings)
    if what == "stage":
        from assistant.train.stage import train as train_stage

        return train_stage(settings)
    if what == "pii":
        from assistant.train.pii import train as train_pii

        return train_pii(settings)
    if what == "runon":
        from assistant.train.runon import train as train_runon

        return train_runon()
    from assistant.train.vectors import write_seed_vectors

    return write_seed_vectors(settings)
