"""Headless Chromium for tests, screenshots and the benchmark: Debian's binary, kept off the network.

The flags come from ``shared/research/offline.md``: a second ``--disable-features`` replaces Playwright's
own list, hence the union; ``--host-resolver-rules`` makes every name except loopback unresolvable.
"""

from __future__ import annotations

import os
import shutil
import socket
from pathlib import Path
from typing import Any

CHROMIUM = os.environ.get("PARASTELU_CHROMIUM", "/usr/bin/chromium")
PW_DISABLED = ("AvoidUnnecessaryBeforeUnloadCheckSync,DestroyProfileOnBrowserClose,HttpsUpgrades,"
               "HttpsFirstBalancedModeAutoEnable,LensOverlay,MediaRouter,PaintHolding,ThirdPartyStoragePartitioning,"
               "AvoidCorsURLLoaderRestartOnRedirect,OptimizationHints,NetworkTimeServiceQuerying,AimEnabled,"
               "PreconnectToSearch")
ARGS: list[str] = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                   "--disable-component-update", "--disable-sync", "--no-first-run",
                   "--disable-features=" + PW_DISABLED + ",AutofillServerCommunication",
                   "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"]


class ChromiumMissing(RuntimeError):
    """Debian chromium is not installed (``make chromium`` or ``apt-get install chromium``)."""


def chromium_path() -> str:
    """The Chromium binary, or a clear error saying how to install it (never ``playwright install``)."""
    path = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
    if not path:
        raise ChromiumMissing(f"Chromium not found at {CHROMIUM}. Install it with `make chromium` "
                              "(apt-get install -y chromium); `playwright install` is not used here.")
    return str(path)


def launch(playwright: Any) -> Any:
    """A headless Chromium browser with the offline flags."""
    return playwright.chromium.launch(executable_path=chromium_path(), headless=True, args=ARGS)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])
