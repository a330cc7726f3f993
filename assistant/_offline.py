"""Switch off every library's phone-home before any of them is imported.

onnxruntime (pulled in by chromadb), gradio and huggingface_hub read these variables at import
time, so this module must be imported before them; ``assistant/__init__`` does it first.
"""

from __future__ import annotations

import os

OFFLINE_ENV: dict[str, str] = {
    "GRADIO_ANALYTICS_ENABLED": "False",
    "HF_HUB_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "ORT_DISABLE_TELEMETRY": "1",
    "ANONYMIZED_TELEMETRY": "False",
    "DO_NOT_TRACK": "1",
    "TOKENIZERS_PARALLELISM": "false",
}


def apply() -> None:
    """Force the no-telemetry variables; default OpenMP to one thread (contended threads are slow) and to
    threads that sleep between encodings instead of spinning. Spinning workers took CPU the web server's
    threads needed: with 20 users on 2 cores, sleeping ones cut the server's CPU per turn by about a tenth
    and the turn p95 in 8 of 8 paired runs (`parastelu bench load --path ui`); a lone user's turn is about
    10 ms slower. Both can be overridden from the environment."""
    for key, value in OFFLINE_ENV.items():
        os.environ[key] = value
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")


apply()
