"""Bank records told again in Swedish, English or Finnish (``knowledge/views``): every record has a view in each
language it is not written in, a broken view file never stops matching, and a Swedish story about what is
essentially Ohjaamo (a Finnish record) is offered Ohjaamo because the view is compared too."""

from __future__ import annotations

from pathlib import Path

import yaml

from assistant.matcher import match_model, score
from assistant.matchmodel import QueryParts
from assistant.resources import SEED_BANK
from assistant.views import Views


def test_every_record_has_a_view_in_each_other_language() -> None:
    views = Views.load()
    assert views.errors == []
    for path in sorted(SEED_BANK.glob("*.yaml")):
        record = yaml.safe_load(path.read_text(encoding="utf-8"))
        for lang in {"fi", "sv", "en"} - {record.get("language", "fi")}:
            view = views.get(record["id"], lang)
            assert view is not None, f"{record['id']} has no {lang} view"
            assert view.core and view.summary, f"{record['id']}/{lang} is empty"
    assert {mid for mid, _ in views.by_key} <= {p.stem for p in SEED_BANK.glob("*.yaml")}


def test_a_broken_view_is_skipped_and_named(tmp_path: Path) -> None:
    (tmp_path / "sv").mkdir()
    (tmp_path / "sv" / "ohjaamo.yaml").write_text("id: ohjaamo\nlang: sv\nname: Ohjaamo\ncore: [a]\n", "utf-8")
    (tmp_path / "sv" / "broken.yaml").write_text("id: [unclosed\n", "utf-8")
    (tmp_path / "sv" / "wrong-lang.yaml").write_text("id: wrong-lang\nlang: en\nname: X\n", "utf-8")
    views = Views.load(tmp_path)
    assert list(views.by_key) == [("ohjaamo", "sv")]
    assert views.errors == ["broken.yaml: ParserError", "wrong-lang.yaml: id or lang differs from its path"]


STORY_SV = ("Hos oss i Vasa faller många unga under 30 mellan stolarna: de som varken studerar eller jobbar får "
            "skicka sig själva mellan socialbyrån, arbetskraftsbyrån och FPA. Vi vill samla alla under samma tak, "
            "så att en ung kan komma in utan tidsbokning och få hjälp med jobb, studier, bostad och pengar på samma "
            "ställe, av personal från olika myndigheter som jobbar i samma rum.")


def test_a_swedish_story_is_offered_the_finnish_record_it_describes(seeded_services) -> None:  # type: ignore[no-untyped-def]
    q = QueryParts(text=STORY_SV, lang="sv")
    mm = match_model(seeded_services)
    with_views = score(seeded_services, q, k=3)
    assert with_views[0].model.id == "ohjaamo"
    assert with_views[0].probability >= mm.bands["close"]
    saved, mm.views = mm.views, Views()
    try:
        without = {s.model.id: s.probability for s in score(seeded_services, q, k=10)}
    finally:
        mm.views = saved
    assert without.get("ohjaamo", 0.0) < with_views[0].probability
