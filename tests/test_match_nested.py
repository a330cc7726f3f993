import numpy as np

from assistant.train.match_nested import Data, outcomes


def test_outcomes_count_false_and_missed_offers_per_language() -> None:
    d = Data(x=np.zeros((5, 1)), y=np.asarray([1.0, 0, 0, 0, 0]), q=np.asarray([0, 0, 1, 1, 2]),
             langs=["fi", "sv", "en"], ids=[["a", "b"], ["c", "d"], ["e"]], positives=[{"a"}, {"d"}, set()])
    p = np.asarray([0.9, 0.1, 0.7, 0.2, 0.3])
    out = outcomes(d, p, np.arange(3), 0.6)
    assert out["fi"].tolist() == [0, 1, 0, 1]  # right offer
    assert out["sv"].tolist() == [1, 1, 1, 1]  # wrong model offered, right one missed
    assert out["en"].tolist() == [0, 1, 0, 0]  # nothing offered for a need the bank lacks
    assert out["all"].tolist() == [1, 3, 1, 2]
