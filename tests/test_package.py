"""A real package: the wheel carries prompts/ and knowledge/, and an install outside the checkout ingests
the shipped seed bank, searches it and serves the UI from another directory.

The wheel is built from the checkout (isolated build; setuptools comes from the package index) and
installed into a new venv outside the checkout. Its third-party dependencies are taken from the
development venv through a ``.pth`` line (a full dependency install copies ~1 GB and takes minutes;
``PARASTELU_TEST_FULL_INSTALL=1`` does that instead), so only parastelu's own files come from the wheel:
the test checks that ``assistant`` and its data are imported from the new venv, never from the checkout.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import sysconfig
import time
import urllib.request
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import free_port

ROOT = Path(__file__).resolve().parent.parent
pytestmark = [pytest.mark.slow, pytest.mark.server]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(ROOT)], check=True,
                   capture_output=True, timeout=600)
    (found,) = out.glob("parastelu-*.whl")
    return found


def test_wheel_holds_prompts_knowledge_and_weights(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for need in ("assistant/_data/prompts/flow.yaml", "assistant/_data/prompts/i18n.yaml",
                 "assistant/_data/knowledge/glossary.yaml", "assistant/_data/knowledge/schema.json",
                 "assistant/_data/knowledge/classifier/fields.json", "assistant/_data/knowledge/classifier/match.json",
                 "assistant/_data/knowledge/vectors/seed.npz", "assistant/resources.py", "ui/app.py"):
        assert need in names, need
    shipped_models = [n for n in names if n.startswith("assistant/_data/knowledge/models/")]
    assert len(shipped_models) == len(list((ROOT / "knowledge" / "models").iterdir()))
    assert len([n for n in names if n.startswith("assistant/_data/prompts/")]) == \
        len([p for p in (ROOT / "prompts").rglob("*") if p.is_file()])
    assert not any(n.startswith(("tests/", "evals/")) for n in names)


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    venv = tmp_path_factory.mktemp("clean") / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    py = venv / "bin" / "python"
    if os.environ.get("PARASTELU_TEST_FULL_INSTALL"):
        subprocess.run([str(py), "-m", "pip", "install", "-q", str(wheel)], check=True, timeout=1800)
    else:
        site = subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                              capture_output=True, text=True, check=True).stdout.strip()
        (Path(site) / "_parastelu_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
        subprocess.run([str(py), "-m", "pip", "install", "-q", "--no-deps", str(wheel)], check=True, timeout=600)
    yield venv


def _env(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PARASTELU_") and k != "PYTHONPATH"}
    env.update({"PARASTELU_DATA_DIR": str(tmp / "data"), "HF_HUB_OFFLINE": "1", "GRADIO_ANALYTICS_ENABLED": "False",
                "ANONYMIZED_TELEMETRY": "False", "ORT_DISABLE_TELEMETRY": "1"})
    return env


def test_installed_wheel_ingests_searches_and_serves_from_another_directory(installed: Path, tmp_path: Path) -> None:
    bin_dir = installed / "bin"
    env = _env(tmp_path)
    where = subprocess.run([str(bin_dir / "python"), "-c", "import assistant.resources as r, json; "
                            "print(json.dumps([r.__file__, str(r.shipped('prompts')), str(r.SEED_BANK)]))"],
                           capture_output=True, text=True, cwd=tmp_path, env=env, check=True)
    for path in json.loads(where.stdout):
        assert Path(path).resolve().is_relative_to(installed.resolve()), path  # not the checkout
    ingest = subprocess.run([str(bin_dir / "parastelu"), "ingest", "--seed"], capture_output=True, text=True,
                            cwd=tmp_path, env=env, timeout=600)
    assert ingest.returncode == 0, ingest.stderr
    assert "bank now holds 64 model(s)" in ingest.stdout
    search = subprocess.run([str(bin_dir / "parastelu"), "search", "--json", "pitkäaikaisasunnottomat oma asunto"],
                            capture_output=True, text=True, cwd=tmp_path, env=env, timeout=600)
    assert search.returncode == 0, search.stderr
    assert json.loads(search.stdout)["hits"][0]["id"] == "asunto-ensin"
    port = free_port()
    log = open(tmp_path / "serve.log", "wb")  # noqa: SIM115
    proc = subprocess.Popen([str(bin_dir / "parastelu"), "serve", "--port", str(port)], cwd=tmp_path, env=env,
                            stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 180
        status = None
        while time.monotonic() < deadline and status is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as resp:  # noqa: S310
                    status = resp.status
                    page = resp.read().decode("utf-8", "replace")
            except OSError:
                assert proc.poll() is None, (tmp_path / "serve.log").read_text(errors="replace")[-3000:]
                time.sleep(0.5)
        assert status == 200 and "gradio" in page.lower()
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/gradio_api/info", timeout=10) as resp:  # noqa: S310
            assert resp.status == 200
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(30)
        log.close()
