"""One time budget per interview turn for every LLM call in it, and calls that stop when it ends.

- ``Deadline``: the end of a turn's LLM time, shared by extraction, retries, method switches and the
  question rewording.
- ``DeadlineTransport``: the HTTP transport under the ``openai`` client. Each request's connect/read/write
  timeouts are clamped to the time left; the response body is read through ``DeadlineStream``, which stops
  at the deadline (a server that drips one byte at a time cannot hold a turn), when the call is cancelled,
  or past a size cap. Stopping closes the connection, so a streaming server stops generating.
- ``run_bounded``: the call runs in a worker thread and the turn waits for it at most until the deadline,
  whatever the server or the client library does; then the call is cancelled and ``BudgetExceeded`` raised.
"""

from __future__ import annotations

import contextvars
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from typing import Any, TypeVar

import httpx2

T = TypeVar("T")


class BudgetExceeded(Exception):  # noqa: N818 - the name says what happened
    """The turn's LLM time ran out (or the call was cancelled because it did)."""


class ResponseTooLarge(Exception):  # noqa: N818
    """The server sent more than the size cap for one response."""


@dataclass
class Deadline:
    """When a turn's LLM time ends (``time.monotonic()`` clock)."""

    at: float
    max_bytes: int = 262_144
    cancelled: threading.Event = field(default_factory=threading.Event)

    @classmethod
    def after(cls, seconds: float, max_bytes: int = 262_144) -> Deadline:
        return cls(time.monotonic() + seconds, max_bytes)

    def remaining(self) -> float:
        return self.at - time.monotonic()

    @property
    def expired(self) -> bool:
        return self.cancelled.is_set() or self.remaining() <= 0


_CURRENT: contextvars.ContextVar[Deadline | None] = contextvars.ContextVar("parastelu_llm_deadline", default=None)


def current() -> Deadline | None:
    return _CURRENT.get()


class DeadlineStream(httpx2.SyncByteStream):
    """A response body that ends with an exception at the deadline, on cancel, or past the size cap."""

    def __init__(self, inner: httpx2.SyncByteStream, deadline: Deadline) -> None:
        self.inner, self.deadline, self.seen = inner, deadline, 0

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self.inner:
            if self.deadline.expired:
                raise BudgetExceeded("the turn's time budget ended while the answer was still coming")
            self.seen += len(chunk)
            if self.seen > self.deadline.max_bytes:
                raise ResponseTooLarge(f"response over {self.deadline.max_bytes} bytes")
            yield chunk

    def close(self) -> None:
        self.inner.close()


class DeadlineTransport(httpx2.HTTPTransport):
    """``httpx2.HTTPTransport`` that honours the calling turn's deadline (no deadline: unchanged)."""

    def handle_request(self, request: httpx2.Request) -> httpx2.Response:
        deadline = _CURRENT.get()
        if deadline is None:
            return super().handle_request(request)
        left = deadline.remaining()
        if deadline.expired:
            raise BudgetExceeded("no time left in this turn for another call")
        timeouts = dict(request.extensions.get("timeout") or {})
        for key in ("connect", "read", "write", "pool"):
            value = timeouts.get(key)
            timeouts[key] = left if value is None else min(float(value), left)
        request.extensions["timeout"] = timeouts
        response = super().handle_request(request)
        assert isinstance(response.stream, httpx2.SyncByteStream)
        response.stream = DeadlineStream(response.stream, deadline)
        return response


def http_client(read_timeout: float, connect_timeout: float = 5.0) -> httpx2.Client:
    """The client the ``openai`` SDK gets: deadline-aware, no pooling surprises across turns."""
    timeout = httpx2.Timeout(read_timeout, connect=min(connect_timeout, read_timeout))
    return httpx2.Client(transport=DeadlineTransport(), timeout=timeout)


_POOL = ThreadPoolExecutor(max_workers=8, thread_name_prefix="parastelu-llm")


def run_bounded(fn: Callable[[], T], deadline: Deadline) -> T:
    """``fn()`` with ``deadline`` in force for its HTTP requests; the caller waits at most until the deadline.

    On time-out the call is cancelled (its response stream raises at the next chunk and closes the
    connection) and ``BudgetExceeded`` is raised here at once; the worker finishes on its own."""
    if deadline.expired:
        raise BudgetExceeded("no time left in this turn for another call")
    ctx = contextvars.copy_context()

    def job() -> T:
        _CURRENT.set(deadline)
        return fn()

    future = _POOL.submit(ctx.run, job)
    try:
        return future.result(timeout=max(0.0, deadline.remaining()))
    except FutureTimeout as exc:
        deadline.cancelled.set()
        raise BudgetExceeded("the turn's time budget ended before the model answered") from exc


def chain(exc: BaseException) -> Iterator[BaseException]:
    """The exception and its causes / contexts (each once)."""
    seen: set[int] = set()
    todo: list[BaseException | None] = [exc]
    while todo:
        e = todo.pop()
        if e is None or id(e) in seen:
            continue
        seen.add(id(e))
        yield e
        todo += [e.__cause__, e.__context__]


def status_of(exc: BaseException) -> int | None:
    """The HTTP status behind an exception from the client, if there is one."""
    for e in chain(exc):
        code: Any = getattr(e, "status_code", None)
        if isinstance(code, int):
            return code
        response = getattr(e, "response", None)
        code = getattr(response, "status_code", None)
        if isinstance(code, int):
            return code
    return None


def kind_of(exc: BaseException, deadline: Deadline | None = None) -> str:
    """Which kind of failure an exception is: budget | timeout | down | http | invalid."""
    errors = list(chain(exc))
    if any(isinstance(e, BudgetExceeded) for e in errors) or (deadline is not None and deadline.expired):
        return "budget"
    if any(isinstance(e, ResponseTooLarge) for e in errors):
        return "invalid"
    if status_of(exc) is not None:
        return "http"
    names = " ".join(type(e).__name__.lower() for e in errors)
    if "timeout" in names:
        return "timeout"
    if "connect" in names or "network" in names or isinstance(exc, ConnectionError):
        return "down"
    if "status" in names or "server" in names or "api" in names:
        return "http"
    return "invalid"


__all__ = ["BudgetExceeded", "Deadline", "DeadlineTransport", "ResponseTooLarge", "current", "http_client",
           "kind_of", "run_bounded", "status_of"]
