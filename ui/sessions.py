"""Who may touch which interview from the UI, and one writer at a time.

A session id is a capability only together with the secret of the browser that started it: the secret
lives in that browser's localStorage (``gr.BrowserState``) and, hashed, with the session (``owner``).
Every event that reads or changes a session goes through ``SessionGate.open``: lock the session (other
tabs, API calls and CLI processes wait), check the secret, load, and let the caller run the turn; the
engine saves before the lock is released. Nothing is re-loaded outside the lock.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from assistant.services import Services
from assistant.sessions import SessionBusy, SessionConflict, SessionStore
from ui import chat

if TYPE_CHECKING:
    from assistant.interview import Interview

TURN_WAIT = 120.0  # seconds a queued event waits for the turn before it; then it is refused visibly

__all__ = ["TURN_WAIT", "NotYours", "SessionBusy", "SessionConflict", "SessionGate", "new_secret"]


class NotYours(PermissionError):
    """The session does not exist, or it belongs to another browser (the two are not told apart)."""


def new_secret() -> str:
    """A fresh per-browser secret (256 bits)."""
    return secrets.token_urlsafe(32)


class SessionGate:
    """The UI's access to interview sessions: ownership checks plus the per-session lock."""

    def __init__(self, services: Services, store: SessionStore | None = None, wait: float = TURN_WAIT) -> None:
        self.services = services
        self.store = store or SessionStore(services.settings.data_dir / "sessions.db")
        self.wait = wait

    def start(self, lang: str, secret: str) -> Interview:
        """A new interview, owned by ``secret`` from its first moment."""
        iv = chat.start(lang, self.services, self.store)
        self.store.authorize(iv.session_id, secret)
        return iv

    def exists(self, session_id: str | None) -> bool:
        return chat.valid_id(session_id) and self.store.version(str(session_id)) is not None

    @contextmanager
    def open(self, session_id: str | None, secret: str, lang: str = "fi", create: bool = False,
             wait: float | None = None) -> Iterator[Interview]:
        """Lock, check ownership, load; the body runs (and the engine saves) while the lock is held.

        ``create``: an empty or unknown id starts a new session owned by ``secret``. A session owned by
        another secret raises ``NotYours``; waiting longer than ``wait`` (default: the gate's) raises
        ``SessionBusy``."""
        if not secret:
            raise NotYours(session_id or "")
        if create and not self.exists(session_id):
            session_id = self.start(lang, secret).session_id
        if not chat.valid_id(session_id):
            raise NotYours(session_id or "")
        sid = str(session_id)
        with self.store.lock(sid, timeout=self.wait if wait is None else wait):
            if not self.store.authorize(sid, secret):
                raise NotYours(sid)
            iv = chat.resume(sid, self.services, self.store)
            if iv is None:
                raise NotYours(sid)
            yield iv

    def delete(self, session_id: str, secret: str) -> bool:
        """Delete a draft owned by ``secret`` (under its lock); ``NotYours`` for anyone else's."""
        if not secret or not chat.valid_id(session_id):
            raise NotYours(session_id or "")
        with self.store.lock(session_id, timeout=self.wait):
            if not self.store.authorize(session_id, secret):
                raise NotYours(session_id)
            return self.store.delete(session_id)
