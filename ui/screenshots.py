"""Screenshots for the docs: ``python -m ui.screenshots [--out docs/screenshots]``.

Seeds a temporary data dir from ``knowledge/models``, starts the UI on a free loopback port and drives
headless Chromium (offline flags) through the three tabs, an open model card, a comparison and the
phone view (390×844).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

import assistant  # noqa: F401  (offline environment first)
from assistant.i18n import PACKAGE_ROOT
from assistant.services import Services
from assistant.settings import Settings
from ui.browser import free_port, launch

SEED = PACKAGE_ROOT / "knowledge" / "models"
OUT = PACKAGE_ROOT / "docs" / "screenshots"
CACHE = PACKAGE_ROOT / ".cache" / "test-vectors"  # content-hash vector cache shared with the tests
STORY = ("Kotihoidon asiakkaat ovat usein yksinäisiä, ja heidän toimintakykynsä heikkenee, kun kontakteja on "
         "vähän. Kohderyhmänä ovat yksin asuvat kotihoidon asiakkaat Kajaanissa. Tavoitteena on vähentää "
         "yksinäisyyttä ja lisätä ikäihmisten sosiaalisia kontakteja. Vapaaehtoiset ja kotihoidon työntekijät "
         "järjestävät viikoittain pienryhmiä lähiön kerhotilassa.")
ANSWERS = {"core": "Viikoittainen pienryhmä; koulutettu vapaaehtoinen ohjaaja; kotihoidon työntekijä ohjaa "
                   "asiakkaan ryhmään",
           "adaptable": "Tapaamispaikka; ryhmän koko; tapaamisten sisällöt",
           "": "Kehitämme omaa mallia."}  # "" = no field asked: the engine offered an existing model first


def seeded_services(data_dir: Path) -> Services:
    """Services over a fresh store holding the seed bank."""
    from assistant.ingest import ingest
    from ui.backend import load_services

    settings = Settings(_env_file=None, data_dir=data_dir,  # type: ignore[call-arg]
                        vector_cache_dir=Path(os.environ.get("PARASTELU_VECTOR_CACHE_DIR") or CACHE))
    services = load_services(settings)
    report = ingest([SEED], services.store, progress=False)
    if not report.ok:
        raise SystemExit(f"seed bank did not ingest cleanly: {report.errors[:3]}")
    return services


def _wait_turn(page: Any, before: int) -> None:
    page.wait_for_selector(f"[data-testid=live-card][data-messages='{before + 2}'][data-streaming='false']")


def _send(page: Any, text: str) -> None:
    before = int(page.locator("[data-testid=live-card]").get_attribute("data-messages") or 0)
    page.fill("#chat-input textarea", text)
    page.click("#chat-send")
    _wait_turn(page, before)


def capture(url: str, out: Path) -> list[Path]:
    """Drive the three tabs, an open card, a comparison and the phone view; returns the PNG paths."""
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    shots: list[Path] = []
    with sync_playwright() as p:
        browser = launch(p)
        page = browser.new_page(viewport={"width": 1440, "height": 1000}, locale="fi-FI")
        page.set_default_timeout(60_000)
        page.goto(url, wait_until="domcontentloaded")
        page.wait_for_selector("[data-testid=live-card][data-messages]:not([data-messages='0'])")
        _send(page, STORY)
        for _ in range(4):  # mid-interview: answer the core and adaptable questions
            asking = page.locator("[data-testid=live-card]").get_attribute("data-asking") or ""
            if asking not in ANSWERS:
                break
            _send(page, ANSWERS[asking])
        page.wait_for_timeout(500)
        shots.append(out / "describe.png")
        page.screenshot(path=str(shots[-1]), full_page=True)

        page.locator("#tab-search-button").click()
        page.fill("#search-query textarea", "nuorten yksinäisyys")
        page.click("#search-button")
        page.wait_for_selector("[data-testid=search-context] q:has-text('nuorten yksinäisyys')")
        page.fill("#search-query textarea", "koulupäivän jälkeen")  # "Tarkenna" adds words on purpose
        page.click("#search-refine")
        page.wait_for_selector("[data-testid=search-context][data-refined=true]")
        page.wait_for_selector("[data-testid=hit]")
        page.wait_for_timeout(500)
        shots.append(out / "search.png")
        page.screenshot(path=str(shots[-1]), full_page=True)

        page.locator("#tab-bank-button").click()
        page.wait_for_selector("[data-testid=bank-item]")
        page.evaluate("window.scrollTo(0, 0)")
        page.wait_for_timeout(300)
        shots.append(out / "bank.png")
        page.screenshot(path=str(shots[-1]), full_page=False)

        page.fill("#bank-text textarea, #bank-text input", "ohjaamo")
        page.wait_for_selector("[data-testid=bank-item][data-model='ohjaamo']")
        page.locator("[data-testid=bank-item][data-model='ohjaamo'] .ps-open").click()
        page.wait_for_selector("[data-testid=model-detail][data-model='ohjaamo']")
        page.wait_for_timeout(500)
        shots.append(out / "model-card.png")
        page.screenshot(path=str(shots[-1]), full_page=False)

        page.click("#detail-close")
        page.locator("[data-testid=bank-item][data-model='ohjaamo'] .ps-compare").click()
        page.wait_for_selector("#bank-pick [data-testid=compare-picked]")
        page.fill("#bank-text textarea, #bank-text input", "kohtaamo")
        page.wait_for_selector("[data-testid=bank-item][data-model='kohtaamo']")
        page.locator("[data-testid=bank-item][data-model='kohtaamo'] .ps-compare").click()
        page.wait_for_selector("[data-testid=comparison]")
        page.wait_for_timeout(500)
        shots.append(out / "compare.png")
        page.screenshot(path=str(shots[-1]), full_page=False)

        phone = browser.new_page(viewport={"width": 390, "height": 844}, locale="fi-FI", device_scale_factor=2)
        phone.set_default_timeout(60_000)
        phone.goto(url, wait_until="domcontentloaded")
        phone.wait_for_selector("[data-testid=live-card][data-messages]:not([data-messages='0'])")
        _send(phone, STORY)
        phone.evaluate("window.scrollTo(0, 0)")
        phone.wait_for_timeout(500)
        shots.append(out / "phone.png")
        phone.screenshot(path=str(shots[-1]), full_page=False)
        browser.close()
    return shots


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=OUT, help=f"output directory (default {OUT})")
    args = parser.parse_args(argv)
    from ui.app import build_app, launch_app

    with tempfile.TemporaryDirectory(prefix="parastelu-shots-") as tmp:
        services = seeded_services(Path(tmp) / "data")
        demo = build_app(services)
        url = launch_app(demo, host="127.0.0.1", port=free_port(), block=False, quiet=True)
        try:
            for path in capture(url, args.out):
                print(path)
        finally:
            demo.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
