"""Downloads never touch a shared, world-writable place: private dirs, no symlink following, cleanup."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant.fsperm import write_new_private
from tests.ui_support import RunningApp, running_app, seeded_services
from ui import exports
from ui.exports import private_root, prune_stale, write_exports

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["HF_HUB_DISABLE_TELEMETRY"] = "1"
ROOT = Path(__file__).resolve().parent.parent


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def test_exports_are_private_files_in_a_private_dir() -> None:
    md, js = write_exports("sessio-1", "Nimi", "# Nimi\n", {"name": "Nimi"})
    root = private_root()
    for path in (Path(md), Path(js)):
        assert path.is_relative_to(root) and mode(path) == 0o600
        assert mode(path.parent) == 0o700
    assert mode(root) == 0o700 and root.parent == Path(tempfile.gettempdir())
    assert root.name.startswith(f"parastelu-{os.getpid()}-")
    assert "sessio-1" not in md  # nothing names the session: ids cannot be listed from file names


def test_a_symlink_planted_in_the_old_shared_folder_is_not_followed(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("do not touch", encoding="utf-8")
    shared = Path(tempfile.gettempdir()) / "parastelu-exports"
    made_shared = not shared.exists()
    old = shared / f"sessio-{os.getpid()}"
    old.mkdir(parents=True, exist_ok=True)
    trap = old / "nimi.md"
    trap.unlink(missing_ok=True)
    trap.symlink_to(victim)
    try:
        md, _ = write_exports(old.name, "Nimi", "# overwritten?\n", {})
        assert victim.read_text(encoding="utf-8") == "do not touch"
        assert not Path(md).is_relative_to(shared)
    finally:
        trap.unlink()
        old.rmdir()
        if made_shared:
            shared.rmdir()


def test_private_writes_refuse_symlinks_and_existing_files(tmp_path: Path) -> None:
    victim = tmp_path / "victim"
    victim.write_text("x", encoding="utf-8")
    link = tmp_path / "link"
    link.symlink_to(victim)
    with pytest.raises(OSError):
        write_new_private(link, b"y")
    with pytest.raises(FileExistsError):
        write_new_private(victim, b"y")
    assert victim.read_text(encoding="utf-8") == "x"


def test_leftovers_of_dead_processes_are_pruned_but_nothing_else(tmp_path: Path) -> None:
    base = Path(tempfile.gettempdir())
    dead = base / "parastelu-4194302-test"  # above any pid in use here
    alive = base / f"parastelu-{os.getppid()}-test"
    young = base / "parastelu-4194301-young"
    link = base / "parastelu-4194300-link"
    target = tmp_path / "keep"
    target.mkdir()
    (target / "file").write_text("keep", encoding="utf-8")
    for d in (dead, alive, young):
        d.mkdir(exist_ok=True)
        (d / "file").write_text("x", encoding="utf-8")
    link.unlink(missing_ok=True)
    link.symlink_to(target)
    old = time.time() - 3600
    for d in (dead, alive):
        os.utime(d, (old, old))
    try:
        removed = prune_stale()
        assert str(dead) in removed and not dead.exists()
        assert alive.exists() and young.exists() and link.is_symlink() and (target / "file").exists()
    finally:
        import shutil

        for d in (dead, alive, young):
            shutil.rmtree(d, ignore_errors=True)
        link.unlink(missing_ok=True)


def test_private_dir_is_removed_at_exit() -> None:
    code = ("from ui.exports import write_exports, private_root\n"
            "write_exports('s', 'n', '#', {})\nprint(private_root())")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    root = Path(out.stdout.strip())
    assert out.returncode == 0 and root.name.startswith("parastelu-"), out.stderr
    assert not root.exists()


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory, seeded_dir: Path, real_embedder: Any) -> Iterator[RunningApp]:
    saved = os.environ.pop("GRADIO_TEMP_DIR", None)
    services = seeded_services(tmp_path_factory.mktemp("exports"), seeded_dir, real_embedder)
    try:
        with running_app(services) as running:
            yield running
    finally:
        if saved is not None:
            os.environ["GRADIO_TEMP_DIR"] = saved


def test_served_downloads_come_from_the_private_gradio_cache(app: RunningApp) -> None:
    from gradio_client import Client

    client = Client(app.url, verbose=False, download_files=False)
    try:
        out = client.predict("", "", [], api_name="/load")  # the view carries both downloads
    finally:
        client.close()
    files = [v for v in out if isinstance(v, dict) and str(v.get("path", "")).endswith((".md", ".json"))]
    assert len(files) == 2, out
    for f in files:
        path = Path(f["path"])
        assert path.is_relative_to(exports.gradio_cache_dir()), path
        assert mode(path) == 0o600
    assert Path(os.environ["GRADIO_TEMP_DIR"]) == exports.gradio_cache_dir()


def test_data_dir_chroma_and_vector_cache_are_private(settings: Any, fake_embedder: Any) -> None:
    from assistant.store import ModelStore
    from assistant.vcache import VectorCache

    ModelStore(settings, fake_embedder)
    VectorCache(settings.data_dir / "cache").put_many({})
    assert mode(settings.data_dir) == 0o700 and mode(settings.chroma_path) == 0o700
    assert mode(settings.data_dir / "cache") == 0o700 and mode(settings.data_dir / "cache" / "vectors.sqlite") == 0o600
