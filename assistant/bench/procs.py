"""Processes the cluster benchmarks and tests start on loopback: a `chroma run` server, a temporary
PostgreSQL cluster from Debian's packages, and `parastelu serve` instances. Each is stopped by its own pid."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

PG_BIN_DIRS = ("/usr/lib/postgresql/17/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/15/bin")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def offline_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PARASTELU_")}
    env.update({"GRADIO_ANALYTICS_ENABLED": "False", "HF_HUB_OFFLINE": "1", "HF_HUB_DISABLE_TELEMETRY": "1",
                "ORT_DISABLE_TELEMETRY": "1", "ANONYMIZED_TELEMETRY": "False", "OMP_NUM_THREADS": "1"})
    env.update(extra)
    return env


def wait_http(url: str, proc: subprocess.Popen[bytes] | None, timeout: float, log: Path | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310  (loopback only)
                return
        except OSError:
            if proc is not None and proc.poll() is not None:
                text = log.read_text(errors="replace")[-3000:] if log and log.exists() else ""
                raise RuntimeError(f"process for {url} exited with {proc.returncode}: {text}") from None
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {timeout:.0f} s")


def stop(proc: subprocess.Popen[bytes], sig: int = signal.SIGTERM, timeout: float = 15) -> None:
    if proc.poll() is not None:
        return
    proc.send_signal(sig)
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=timeout)


@contextmanager
def chroma_server(path: Path | None = None) -> Iterator[str]:
    """A `chroma run` server on a free loopback port (its own temp dir unless ``path``); yields its URL."""
    tmp = None
    if path is None:
        tmp = tempfile.mkdtemp(prefix="parastelu-chroma-")
        path = Path(tmp)
    chroma = shutil.which("chroma") or str(Path(sys.executable).parent / "chroma")
    port = free_port()
    log_path = path / "chroma.log"
    with open(log_path, "wb") as log:
        proc = subprocess.Popen([chroma, "run", "--path", str(path / "db"), "--host", "127.0.0.1",
                                 "--port", str(port)], stdout=log, stderr=subprocess.STDOUT, env=offline_env())
    url = f"http://127.0.0.1:{port}"
    try:
        wait_http(f"{url}/api/v2/heartbeat", proc, 60, log_path)
        yield url
    finally:
        stop(proc)
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)


def pg_bin() -> Path | None:
    for d in (os.environ.get("PARASTELU_PG_BIN", ""), *PG_BIN_DIRS):
        if d and (Path(d) / "initdb").exists():
            return Path(d)
    found = shutil.which("initdb")
    return Path(found).parent if found else None


@dataclass
class Postgres:
    url: str
    port: int
    data: Path


@contextmanager
def postgres_server() -> Iterator[Postgres]:
    """A throwaway PostgreSQL cluster (initdb, trust auth, loopback only) in a new temp dir on a free port.

    Runs as the current user; as root the cluster belongs to the ``postgres`` system user (initdb refuses
    root), which Debian's package creates. Removed when the block ends."""
    binary = pg_bin()
    if binary is None:
        raise RuntimeError("PostgreSQL is not installed: apt-get install postgresql")
    path = Path(tempfile.mkdtemp(prefix="parastelu-pg-"))
    data, sock = path / "data", path / "sock"
    sock.mkdir(parents=True, exist_ok=True)
    port = free_port()
    as_root = os.geteuid() == 0
    prefix: list[str] = []
    if as_root:
        import pwd

        pw = pwd.getpwnam("postgres")
        for p in (path, sock):
            os.chown(p, pw.pw_uid, pw.pw_gid)
        prefix = ["runuser", "-u", "postgres", "--"]
    env = offline_env(LC_ALL="C.UTF-8", LANG="C.UTF-8")
    subprocess.run([*prefix, str(binary / "initdb"), "-D", str(data), "-U", "parastelu", "--auth=trust",
                    "--encoding=UTF8", "--no-sync"], check=True, capture_output=True, env=env)
    opts = (f"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={sock} -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -c shared_buffers=64MB")
    subprocess.run([*prefix, str(binary / "pg_ctl"), "-D", str(data), "-l", str(path / "pg.log"), "-o", opts,
                    "-w", "-t", "60", "start"], check=True, capture_output=True, env=env)
    try:
        subprocess.run([*prefix, str(binary / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "parastelu",
                        "parastelu"], check=True, capture_output=True, env=env)
        yield Postgres(f"postgresql://parastelu@127.0.0.1:{port}/parastelu", port, data)
    finally:
        subprocess.run([*prefix, str(binary / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
                       capture_output=True, env=env)
        shutil.rmtree(path, ignore_errors=True)


def rss_mb(pid: int | None = None) -> float:
    """Current resident memory of a process (this one by default), in MB."""
    try:
        text = Path(f"/proc/{pid or 'self'}/status").read_text()
    except OSError:
        return float("nan")
    for line in text.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def peak_rss_mb(pid: int | None = None) -> float:
    try:
        text = Path(f"/proc/{pid or 'self'}/status").read_text()
    except OSError:
        return float("nan")
    for line in text.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")
