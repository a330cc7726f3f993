"""Interview plumbing for the UI: resolve a session id, build the chat transcript, stream a reply."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from assistant.services import Services
from ui.safe import esc, esc_md
from ui.texts import norm_lang

if TYPE_CHECKING:
    from assistant.interview import Interview

SESSION_RE = re.compile(r"^[A-Za-z0-9_-]{1,128}$")
STREAM_CHUNKS = 8  # a reply is revealed in at most this many steps
STREAM_DELAY = 0.025  # seconds between steps: visible typing, yet a whole reply shows within ~0.5 s


def engine() -> type[Interview]:
    """The interview engine class (imported late, so the rest of the UI loads without it)."""
    from assistant.interview import Interview

    return Interview


def resume(session_id: str | None, services: Services) -> Interview | None:
    """The interview with this id, or None when the id is malformed or unknown."""
    if not session_id or not SESSION_RE.match(session_id):
        return None
    try:
        return engine().resume(session_id, services=services)
    except KeyError:
        return None


def start(lang: str, services: Services) -> Interview:
    return engine().start(lang=norm_lang(lang), services=services)


def user_message(text: str) -> dict[str, str]:
    """A user's chat bubble: shown literally (HTML and Markdown neutralised)."""
    return {"role": "user", "content": esc_md(text)}


def assistant_message(text: str) -> dict[str, str]:
    """An assistant bubble: HTML escaped (the engine may quote user or bank text); Markdown kept."""
    return {"role": "assistant", "content": esc(text)}


def transcript(iv: Interview, reply: str | None = None) -> list[dict[str, str]]:
    """The chat from the saved history; ``reply`` (the latest assistant text) is added if not yet there."""
    out = [user_message(m.text) if m.role == "user" else assistant_message(m.text) for m in iv.history]
    if reply is None:
        reply = iv.current().reply
    last = iv.history[-1] if iv.history else None
    if reply and not (last is not None and last.role == "assistant" and last.text == reply):
        out.append(assistant_message(reply))
    return out


def chunks(text: str, steps: int = STREAM_CHUNKS) -> Iterator[str]:
    """Growing prefixes of ``text`` cut at word boundaries (the last one is the whole text)."""
    words = re.findall(r"\S+\s*", text)
    if not words:
        yield text
        return
    size = max(1, -(-len(words) // steps))
    for end in range(size, len(words), size):
        yield "".join(words[:end]).rstrip()
    yield text


def turn_json(turn: Any) -> dict[str, Any]:
    """A Turn as JSON (for the API endpoints)."""
    data: dict[str, Any] = turn.to_json() if hasattr(turn, "to_json") else dict(turn)
    return data
