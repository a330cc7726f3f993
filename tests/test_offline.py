"""No phone-home: telemetry variables are set in-process, and the socket guard really blocks."""

from __future__ import annotations

import os
import socket
import subprocess
import sys

import pytest

from tests import conftest
from tests.conftest import NetworkBlocked


def test_offline_variables_set_before_libraries_import() -> None:
    code = ("import sys, assistant, os; "
            "assert 'chromadb' not in sys.modules and 'gradio' not in sys.modules and 'onnxruntime' not in sys.modules; "
            "print(os.environ['GRADIO_ANALYTICS_ENABLED'], os.environ['HF_HUB_OFFLINE'], "
            "os.environ['HF_HUB_DISABLE_TELEMETRY'], os.environ['ORT_DISABLE_TELEMETRY'])")
    env = {k: v for k, v in os.environ.items() if k not in ("GRADIO_ANALYTICS_ENABLED", "HF_HUB_OFFLINE",
                                                            "HF_HUB_DISABLE_TELEMETRY", "ORT_DISABLE_TELEMETRY")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.split() == ["False", "1", "1", "1"]


def test_guard_blocks_non_loopback_sockets(monkeypatch: pytest.MonkeyPatch) -> None:
    # the real connect is replaced by a recorder, so even a broken guard would send nothing anywhere
    calls: list[object] = []
    monkeypatch.setattr(conftest, "_real_connect", lambda sock, addr: calls.append(addr))
    monkeypatch.setattr(conftest, "_real_connect_ex", lambda sock, addr: calls.append(addr) or 0)
    with socket.socket() as s, pytest.raises(NetworkBlocked):
        s.connect(("192.0.2.1", 80))  # RFC 5737 documentation address
    with socket.socket() as s, pytest.raises(NetworkBlocked):
        s.connect_ex(("2001:db8::1", 443, 0, 0))
    with socket.socket() as s:
        s.connect(("127.0.0.1", 9))
    assert calls == [("127.0.0.1", 9)]


def test_guard_allows_loopback() -> None:
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        with socket.socket() as client:
            client.connect(server.getsockname())
