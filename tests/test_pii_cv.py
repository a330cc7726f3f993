"""The honest cross-validation of the name reader (``train.pii_cv``): its folds and its per-fold word lists."""

from __future__ import annotations

from assistant import pii_model, pii_names
from assistant.train.pii_cv import ListUse, groups, lists_without


def test_cases_sharing_a_name_or_a_template_share_a_group() -> None:
    cases = [
        {"text": "Liisa Virtasella on todettu diabetes.", "kinds": ["name_health"], "spans": ["Liisa Virtasella"]},
        {"text": "Liisa vetää ryhmää tiistaisin.", "kinds": []},
        {"text": "Ryhmä kokoontuu kirjastolla joka toinen torstai kello viisi.", "kinds": []},
        {"text": "Ryhmä kokoontuu kirjastolla joka toinen maanantai kello viisi.", "kinds": []},
        {"text": "Sofia Lindholm har slutat äta.", "kinds": ["name_health"], "spans": ["Sofia Lindholm"]},
    ]
    g = groups(cases).tolist()
    assert g[0] == g[1] and g[2] == g[3]
    assert len({g[0], g[2], g[4]}) == 3


def test_entries_seen_only_in_the_test_fold_are_left_out_and_put_back() -> None:
    texts = ["jocke har fått återfall", "Pekka on masentunut", "sover i bilen igen"]
    use = ListUse.of(texts)
    names, stems, words = use.only_in({0, 2})
    assert "jocke" in names and "sover i bilen" in stems and "masenn" not in stems
    before = pii_names.FIRST_NAMES
    with lists_without(names, stems, words):
        assert "jocke" not in pii_model.FIRST_NAMES
        assert not pii_names._HEALTH.search("sover i bilen")
    assert pii_names.FIRST_NAMES is before and pii_names._HEALTH.search("sover i bilen")
