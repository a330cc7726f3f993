"""Import: every format, per-record errors as file:line: field: reason, strict, dry-run, bad input."""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

import pytest

from assistant.embeddings import CachedEmbedder
from assistant.ingest import ingest
from assistant.settings import Settings
from assistant.store import ModelStore

GOOD = {"id": "hyva-malli", "name": "Hyvä malli", "target_groups": ["nuoret"], "stage": "ready"}


@pytest.fixture
def store(settings: Settings, fake_embedder: CachedEmbedder) -> ModelStore:
    return ModelStore(settings, fake_embedder)


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_jsonl_bad_record_reported_with_line_and_good_ones_kept(tmp_path: Path, store: ModelStore) -> None:
    f = write(tmp_path / "a.jsonl", "\n".join([
        json.dumps(GOOD),
        json.dumps({"id": "toinen", "name": "Toinen", "stage": "someday"}),
        "{not json",
        json.dumps({"id": "kolmas", "name": "Kolmas", "colour": "red"}),
        json.dumps({"id": "neljas", "name": "Neljäs"}),
    ]) + "\n")
    report = ingest([f], store)
    assert report.written == 2
    assert sorted(m.id for m in store.all()) == ["hyva-malli", "neljas"]
    assert report.errors[0].startswith(f"{f}:2: stage: must be one of idea")
    assert report.errors[1].startswith(f"{f}:3: record: invalid JSON")
    assert report.errors[2].startswith(f"{f}:4: colour: unknown field")


def test_every_format_is_read(tmp_path: Path, store: ModelStore) -> None:
    files = [
        write(tmp_path / "a.json", json.dumps([{"id": "j1", "name": "J1"}, {"id": "j2", "name": "J2"}])),
        write(tmp_path / "b.yaml", "- id: y1\n  name: Y1\n  core: yksi\n- id: y2\n  name: Y2\n"),
        write(tmp_path / "c.yml", "id: y3\nname: Y3\n---\nid: y4\nname: Y4\n"),
        write(tmp_path / "d.csv", "id,name,target_groups,core\nc1,C1,nuoret;perheet,a;b\n"),
        write(tmp_path / "e.md", "---\nid: m1\nname: M1\nstage: idea\n---\n# M1\n\n## Kohderyhmä\n\n- nuoret\n"
                                 "\n## Ratkaisun perusidea\n\nTehdään asia.\n"),
        write(tmp_path / "f.json", json.dumps({"id": "j3", "name": "J3"})),
    ]
    report = ingest(files, store)
    assert report.ok, report.errors
    assert {m.id for m in store.all()} == {"j1", "j2", "y1", "y2", "y3", "y4", "c1", "m1", "j3"}
    c1 = store.get("c1")
    assert c1 is not None and c1.target_groups == ["nuoret", "perheet"] and c1.core == ["a", "b"]
    m1 = store.get("m1")
    assert m1 is not None and m1.target_groups == ["nuoret"] and m1.basic_idea == "Tehdään asia."


def test_error_lines_in_json_array_and_yaml_and_csv(tmp_path: Path, store: ModelStore) -> None:
    j = write(tmp_path / "a.json", '[\n  {"id": "ok-1", "name": "A"},\n  {"id": "BAD ID", "name": "B"}\n]\n')
    y = write(tmp_path / "b.yaml", "- id: ok-2\n  name: A\n- id: ok-3\n  stage: nope\n")
    c = write(tmp_path / "c.csv", "id,name\nok-4,A\n,B\n")
    report = ingest([j, y, c], store)
    assert any(e.startswith(f"{j}:3: id: must be a slug") for e in report.errors), report.errors
    # one line per bad record, naming every field that is wrong
    assert any(e.startswith(f"{y}:3: name: required") and "; stage:" in e for e in report.errors), report.errors
    assert any(e.startswith(f"{c}:3: id:") for e in report.errors), report.errors
    assert {m.id for m in store.all()} == {"ok-1", "ok-2", "ok-4"}


def test_strict_aborts_on_first_error_without_writing(tmp_path: Path, store: ModelStore) -> None:
    f = write(tmp_path / "a.jsonl", json.dumps(GOOD) + "\n" + json.dumps({"id": "x"}) + "\n")
    report = ingest([f], store, strict=True)
    assert len(report.errors) == 1 and ":2: name:" in report.errors[0]
    assert store.count() == 0


def test_dry_run_validates_only(tmp_path: Path, store: ModelStore) -> None:
    f = write(tmp_path / "a.jsonl", json.dumps(GOOD) + "\n")
    report = ingest([f], store, dry_run=True)
    assert report.valid == 1 and report.written == 0
    assert store.count() == 0


def test_reingest_is_idempotent_upsert(tmp_path: Path, store: ModelStore) -> None:
    f = write(tmp_path / "a.jsonl", json.dumps(GOOD) + "\n")
    first = ingest([f], store)
    before = store.get("hyva-malli")
    second = ingest([f], store)
    assert (first.written, second.written, second.unchanged) == (1, 0, 1)
    assert store.get("hyva-malli") == before and store.count() == 1
    write(f, json.dumps({**GOOD, "name": "Hyvä malli 2"}) + "\n")
    third = ingest([f], store)
    changed = store.get("hyva-malli")
    assert third.written == 1 and changed is not None and changed.name == "Hyvä malli 2"
    assert changed.created == before.created  # type: ignore[union-attr]


def test_duplicate_ids_in_one_file(tmp_path: Path, store: ModelStore) -> None:
    f = write(tmp_path / "a.jsonl", json.dumps(GOOD) + "\n" + json.dumps({**GOOD, "name": "Other"}) + "\n")
    report = ingest([f], store)
    assert report.errors == [f"{f}:2: id: duplicate id 'hyva-malli' in this file (first at line 1); skipped"]
    stored = store.get("hyva-malli")
    assert stored is not None and stored.name == "Hyvä malli"


def test_bom_kept_and_invalid_utf8_refused_per_line(tmp_path: Path, store: ModelStore) -> None:
    """Invalid UTF-8 is never guessed into mojibake: that record is an error naming its line."""
    bom = tmp_path / "bom.csv"
    bom.write_bytes(b"\xef\xbb\xbf" + "id,name\nbom-1,Äitiysneuvola\n".encode())
    latin = write(tmp_path / "latin.jsonl", json.dumps({"id": "ascii-1", "name": "Paihdetyo"}) + "\n"
                  + json.dumps({"id": "lat-1", "name": "Päihdetyö"}, ensure_ascii=False) + "\n", encoding="latin-1")
    report = ingest([bom, latin], store)
    assert store.get("bom-1").name == "Äitiysneuvola"  # type: ignore[union-attr]
    assert store.get("ascii-1") is not None and store.get("lat-1") is None
    assert report.errors == [f"{latin}:2: record: not valid UTF-8 (byte 0xE4 at column 27); save the file as UTF-8"]


def test_html_and_script_stored_verbatim_as_data(tmp_path: Path, store: ModelStore) -> None:
    rec = {"id": "xss", "name": "<img src=x onerror=alert(1)>", "summary": "<script>alert('x')</script>"}
    f = write(tmp_path / "a.jsonl", json.dumps(rec) + "\n")
    assert ingest([f], store).ok
    got = store.get("xss")
    assert got is not None and got.summary == "<script>alert('x')</script>"


def test_empty_binary_unknown_and_missing(tmp_path: Path, store: ModelStore) -> None:
    empty = write(tmp_path / "empty.jsonl", "")
    blank = write(tmp_path / "blank.json", "   \n")
    binary = tmp_path / "x.csv"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    unknown = write(tmp_path / "notes.txt", "hello")
    report = ingest([empty, blank, binary, unknown], store)
    assert report.valid == 0 and store.count() == 0
    assert any(e.startswith(f"{binary}:0: file: binary file") for e in report.errors)
    assert any(e.startswith(f"{unknown}:0: file: unsupported file type .txt") for e in report.errors)
    assert len(report.errors) == 2


def test_malformed_markdown_and_truncated_json(tmp_path: Path, store: ModelStore) -> None:
    md = write(tmp_path / "a.md", "# no front matter\n")
    md2 = write(tmp_path / "b.md", "---\nid: b\nname: B\n---\n## Mikälie otsikko\n")
    js = write(tmp_path / "c.json", '[{"id": "c1", "name": "C"}, {"id": "c2", "na')
    report = ingest([md, md2, js], store)
    assert any(e.startswith(f"{md}:1: front matter: missing YAML front matter") for e in report.errors)
    assert any(e.startswith(f"{md2}:5: heading: unknown heading") for e in report.errors), report.errors
    assert any(e.startswith(f"{js}:1: record: invalid JSON") for e in report.errors), report.errors
    assert [m.id for m in store.all()] == ["c1"]


@pytest.mark.slow
def test_50mb_file_is_streamed_in_dry_run(tmp_path: Path) -> None:
    f = tmp_path / "big.jsonl"
    line = {"id": "", "name": "Iso malli", "summary": "kuvaus " * 60, "target_groups": ["nuoret", "perheet"]}
    n = 0
    with open(f, "w", encoding="utf-8") as fh:
        while fh.tell() < 50 * 1024 * 1024:
            n += 1
            fh.write(json.dumps({**line, "id": f"iso-{n}"}) + "\n")
        fh.write("{broken\n")
    tracemalloc.start()
    report = ingest([f], None, dry_run=True, progress=False)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert report.valid == n and len(report.errors) == 1
    assert report.errors[0].startswith(f"{f}:{n + 1}: record: invalid JSON")
    assert peak < 20 * 1024 * 1024, f"peak {peak / 1e6:.1f} MB: the file was not streamed"


@pytest.mark.slow
def test_50mb_json_array_is_streamed(tmp_path: Path) -> None:
    f = tmp_path / "big.json"
    with open(f, "w", encoding="utf-8") as fh:
        fh.write("[\n")
        n = 0
        while fh.tell() < 20 * 1024 * 1024:
            n += 1
            fh.write(("," if n > 1 else "") + json.dumps({"id": f"a-{n}", "name": "x" * 200}) + "\n")
        fh.write("]\n")
    tracemalloc.start()
    report = ingest([f], None, dry_run=True, progress=False)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert report.ok and report.valid == n
    assert peak < 20 * 1024 * 1024
