"""Which structured-output method each endpoint gets, learned while the process runs.

Servers differ: llama-cpp-python's server answers ``response_format`` type ``json_schema`` with HTTP 500,
some servers have no tool calls, small models break one format and not another. The ladder is
``json_schema → function_calling → json_mode → offline``, starting at the configured method. A method
that fails for an endpoint ``failures`` times in a row (HTTP errors or invalid output; time-outs and a
server that is down are not the method's fault) is dropped for that endpoint, and so is one that errors on
its very first call there (it was never going to work). The choice is remembered per endpoint for the
process, and ``label`` puts it in the status line.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

LADDER = ("json_schema", "function_calling", "json_mode")
UNSUPPORTED_STATUS = frozenset({400, 404, 405, 415, 422, 500, 501})


@dataclass
class EndpointMethods:
    """What is known about one endpoint (base URL + model) in this process."""

    current: str | None  # None: no structured method works here (extraction stays offline)
    in_row: int = 0
    worked: set[str] = field(default_factory=set)
    dropped: list[str] = field(default_factory=list)
    failed_calls: dict[str, int] = field(default_factory=dict)
    ok_calls: dict[str, int] = field(default_factory=dict)
    send_max_tokens: bool = True  # max_tokens in the body next to max_completion_tokens (off after a 400 on it)
    json_object_schema: bool = True  # json_mode sends the schema inside response_format (off after a 400 on it)
    phrase_in_row: int = 0  # question rewordings in a row that were not usable
    phrase_off: bool = False  # rewording stopped for this endpoint (it kept failing)


_REGISTRY: dict[str, EndpointMethods] = {}
_LOCK = threading.Lock()


def endpoint_key(base_url: str | None, model: str) -> str:
    return f"{(base_url or 'https://api.openai.com/v1').rstrip('/')}#{model}"


def state(key: str, start: str = "function_calling") -> EndpointMethods:
    """The endpoint's record (created at ``start`` on first use)."""
    with _LOCK:
        if key not in _REGISTRY:
            _REGISTRY[key] = EndpointMethods(current=start if start in LADDER else "function_calling")
        return _REGISTRY[key]


def current(key: str, start: str = "function_calling") -> str | None:
    return state(key, start).current


def succeeded(key: str, method: str) -> None:
    with _LOCK:
        st = _REGISTRY[key]
        st.worked.add(method)
        st.ok_calls[method] = st.ok_calls.get(method, 0) + 1
        if st.current == method:
            st.in_row = 0


def failed(key: str, method: str, kind: str, status: int | None, limit: int) -> bool:
    """Count a failed call of ``method``; True when that made the endpoint switch to another method.

    Only invalid output and HTTP errors that can mean "not supported" (400, 404, 405, 415, 422, 500, 501)
    count against a method; a busy or unreachable server is not the method's fault."""
    with _LOCK:
        st = _REGISTRY[key]
        st.failed_calls[method] = st.failed_calls.get(method, 0) + 1
        if st.current != method or kind not in ("http", "invalid") or (
                kind == "http" and status not in UNSUPPORTED_STATUS):
            return False
        st.in_row += 1
        never = method not in st.worked and kind == "http" and status in UNSUPPORTED_STATUS
        if not never and st.in_row < max(1, limit):
            return False
        st.dropped.append(method)
        later = LADDER[LADDER.index(method) + 1:]
        st.current = next((m for m in later if m not in st.dropped), None)
        st.in_row = 0
        return True


PHRASE_FAILURES = 4


def phrase_result(key: str, usable: bool) -> bool:
    """Count a question rewording; True when this one made the endpoint stop rewording (``PHRASE_FAILURES``
    unusable ones in a row: a model that cannot write the conversation's language only costs time)."""
    with _LOCK:
        st = _REGISTRY[key]
        if usable:
            st.phrase_in_row = 0
            return False
        st.phrase_in_row += 1
        if not st.phrase_off and st.phrase_in_row >= PHRASE_FAILURES:
            st.phrase_off = True
            return True
        return False


def phrase_off(key: str) -> bool:
    with _LOCK:
        return key in _REGISTRY and _REGISTRY[key].phrase_off


def no_max_tokens(key: str) -> None:
    """The endpoint refused ``max_tokens`` next to ``max_completion_tokens``: send only the latter."""
    with _LOCK:
        _REGISTRY[key].send_max_tokens = False


def no_json_object_schema(key: str) -> None:
    """The endpoint refused a ``schema`` inside ``response_format`` type ``json_object``: send the type only."""
    with _LOCK:
        _REGISTRY[key].json_object_schema = False


def describe(key: str) -> str | None:
    """``function_calling`` / ``json_mode (json_schema failed)`` / ``offline (… failed)``; None if unused."""
    with _LOCK:
        st = _REGISTRY.get(key)
        if st is None:
            return None
        now = st.current or "offline"
        text = f"{now} ({', '.join(st.dropped)} failed)" if st.dropped else now
        return f"{text}, rewording off" if st.phrase_off else text


def snapshot() -> dict[str, EndpointMethods]:
    with _LOCK:
        return {k: EndpointMethods(v.current, v.in_row, set(v.worked), list(v.dropped), dict(v.failed_calls),
                                   dict(v.ok_calls), v.send_max_tokens, v.json_object_schema,
                                   v.phrase_in_row, v.phrase_off)
                for k, v in _REGISTRY.items()}


def forget(key: str | None = None) -> None:
    """Start over (tests, or ``parastelu`` benchmarks that compare methods)."""
    with _LOCK:
        if key is None:
            _REGISTRY.clear()
        else:
            _REGISTRY.pop(key, None)


__all__ = ["LADDER", "EndpointMethods", "current", "describe", "endpoint_key", "failed", "forget",
           "no_json_object_schema", "no_max_tokens", "phrase_off", "phrase_result", "snapshot", "state", "succeeded"]
