"""Reading a story's sentences with their neighbours (``sequence``)."""

from __future__ import annotations

import numpy as np

from assistant.sequence import marginals, transitions

CLASSES = ["core", "problem", "target_groups"]


def test_transitions_count_what_follows_what_with_add_one() -> None:
    t = transitions([["problem", "core", "core"], ["problem", "target_groups"]], CLASSES)
    assert t.shape == (4, 3)
    assert np.allclose(t.sum(axis=1), 1.0)
    assert t[3].argmax() == CLASSES.index("problem")  # stories start with the need
    assert t[CLASSES.index("core"), CLASSES.index("core")] == 2 / 4  # core → core once, plus one per class


def test_an_unsure_sentence_takes_the_field_its_neighbours_suggest() -> None:
    t = transitions([["problem", "core", "core"]] * 20, CLASSES)
    probs = np.asarray([[0.1, 0.8, 0.1], [0.4, 0.45, 0.15], [0.9, 0.05, 0.05]])
    assert probs[1].argmax() == CLASSES.index("problem")
    m = marginals(probs, t, 1.0)
    assert m[1].argmax() == CLASSES.index("core")
    assert np.allclose(m.sum(axis=1), 1.0)


def test_weight_zero_or_one_sentence_leaves_the_probabilities_alone_and_known_fields_are_clamped() -> None:
    t = transitions([["problem", "core"]], CLASSES)
    probs = np.asarray([[0.2, 0.7, 0.1], [0.3, 0.3, 0.4]])
    assert np.array_equal(marginals(probs, t, 0.0), probs)
    assert np.array_equal(marginals(probs[:1], t, 1.0), probs[:1])
    m = marginals(probs, t, 1.0, known={0: CLASSES.index("target_groups")})
    assert m[0].argmax() == CLASSES.index("target_groups") and m[0].max() > 0.99


def test_an_owner_said_with_its_own_words_is_filed_as_the_organisation(real_embedder) -> None:  # type: ignore[no-untyped-def]
    """"hallinnoi", "virallisesti taustalla": the owner, not a partner (organisation cues, twenty-ninth round);
    a partner named with "mukana" stays an actor."""
    from assistant.classify import FieldClassifier
    from assistant.flow import load_prompts

    clf = FieldClassifier(real_embedder, load_prompts())
    owner, partner = clf.predict(["Virallisesti taustalla on Vantaan Nuorisoseura ry."]), \
        clf.predict(["Mukana on seurakunta ja kaksi yhdistystä."])
    assert (owner[0].field, owner[0].p > 0.8) == ("organisation", True)
    assert partner[0].field == "actors"
