import numpy as np

from assistant.train.match_nested import Data, outcomes


def test_outcomes_count_false_and_missed_offers_per_language() -> None:
    d = Data(x=np.zeros((5, 1)), y=np.asarray([1.0, 0, 0, 0, 0]), q=np.asarray([0, 0, 1, 1, 2]),
             langs=["fi", "sv", "en"], ids=[["a", "b"], ["c", "d"], ["e"]], positives=[{"a"}, {"d"}, set()], look=np.zeros(5))
    p = np.asarray([0.9, 0.1, 0.7, 0.2, 0.3])
    out = outcomes(d, p, np.arange(3), 0.6)
    assert out["fi"].tolist() == [0, 1, 0, 1]  # right offer
    assert out["sv"].tolist() == [1, 1, 1, 1]  # wrong model offered, right one missed
    assert out["en"].tolist() == [0, 1, 0, 0]  # nothing offered for a need the bank lacks
    assert out["all"].tolist() == [1, 3, 1, 2]


def test_a_query_belongs_to_the_batch_its_id_names() -> None:
    from assistant.train.match_batches import batch_of

    assert [batch_of(i) for i in ("m14-en-s-003", "m4-sv-q-025", "na-fi-q-002", "fi-s-001", "h2-en-s-001")] == \
        ["m14", "m4", "na", "first", "h2"]
