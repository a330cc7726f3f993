"""`import assistant` makes the bundled encoder's OpenMP threads sleep between encodings unless the
environment already says otherwise (measured under load: README, thirteenth round)."""

from __future__ import annotations

import os
import subprocess
import sys


def _policy_after_import(env_value: str | None) -> str:
    env = {k: v for k, v in os.environ.items() if k != "OMP_WAIT_POLICY"}
    if env_value is not None:
        env["OMP_WAIT_POLICY"] = env_value
    out = subprocess.run([sys.executable, "-c", "import os, assistant; print(os.environ['OMP_WAIT_POLICY'])"],
                         env=env, capture_output=True, text=True, check=True, timeout=120)
    return out.stdout.strip()


def test_sleeping_threads_by_default() -> None:
    assert _policy_after_import(None) == "PASSIVE"


def test_the_environment_wins() -> None:
    assert _policy_after_import("ACTIVE") == "ACTIVE"
