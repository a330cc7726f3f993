"""Is the configured LLM endpoint there, busy, or down? (For the status banner.)

A TCP connect (1 s) tells *down* (refused, unreachable) from *up*. Then ``GET /models`` gets a longer
time (``llm_probe_timeout``): a server that accepts the connection but does not answer in time is *busy*
(llama-cpp-python's server answers nothing while it generates), one that answers 5xx is in *error*.
The connect is done in the caller (it is quick); the ``/models`` request runs in the background so a
busy server never holds up a page, and its last result is what ``problem`` reports.
"""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from assistant.settings import Settings

RECHECK_SECONDS = 30.0


@dataclass
class Health:
    state: str  # ok | down | busy | error | unknown
    status: int | None = None
    checked: float = 0.0


def connects(base_url: str, timeout: float = 1.0) -> bool:
    parts = urlsplit(base_url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        with socket.create_connection((parts.hostname or "127.0.0.1", port), timeout=timeout):
            return True
    except OSError:
        return False


def probe(base_url: str, timeout: float = 5.0, connect_timeout: float = 1.0) -> Health:
    """One full check, synchronously."""
    now = time.monotonic()
    if not connects(base_url, connect_timeout):
        return Health("down", checked=now)
    import httpx

    try:
        code = httpx.get(f"{base_url.rstrip('/')}/models", timeout=httpx.Timeout(timeout, connect=connect_timeout)
                         ).status_code
    except httpx.TimeoutException:
        return Health("busy", checked=now)
    except httpx.HTTPError:
        return Health("down", checked=now)
    return Health("error" if code >= 500 else "ok", status=code, checked=now)


_LAST: dict[str, Health] = {}
_RUNNING: set[str] = set()
_LOCK = threading.Lock()


def _background(url: str, timeout: float) -> None:
    try:
        result = probe(url, timeout)
    finally:
        with _LOCK:
            _RUNNING.discard(url)
    with _LOCK:
        _LAST[url] = result


def current(settings: Settings) -> Health:
    """The endpoint's state: ``down`` at once if it refuses connections, else the last ``/models`` result
    (``unknown`` until the first one is in); re-checked every 30 s."""
    if not settings.llm_base_url:
        return Health("unknown")
    url = settings.llm_base_url.rstrip("/")
    with _LOCK:
        last = _LAST.get(url)
    if last is not None and time.monotonic() - last.checked < RECHECK_SECONDS:
        return last
    if not connects(url):
        down = Health("down", checked=time.monotonic())
        with _LOCK:
            _LAST[url] = down
        return down
    with _LOCK:
        start = url not in _RUNNING
        _RUNNING.add(url)
    if start:
        threading.Thread(target=_background, args=(url, settings.llm_probe_timeout), daemon=True,
                         name="parastelu-llm-probe").start()
    return last if last is not None and last.state != "down" else Health("unknown")


def problem(settings: Settings, lang: str) -> str | None:
    """Banner text for a down, busy or failing endpoint; None when it answers (or is not known yet)."""
    from assistant.llm import notice

    health = current(settings)
    url = (settings.llm_base_url or "").rstrip("/")
    if health.state == "down":
        return notice("status.llm_down", lang, url=url)
    if health.state == "busy":
        return notice("status.llm_busy", lang, url=url, s=f"{settings.llm_probe_timeout:g}")
    if health.state == "error":
        return notice("status.llm_error", lang, url=url, status=health.status)
    return None


def forget() -> None:
    with _LOCK:
        _LAST.clear()


__all__ = ["Health", "connects", "current", "forget", "probe", "problem"]
