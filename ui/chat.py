"""Interview plumbing for the UI: resolve a session id, build the chat transcript, stream a reply."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from assistant.services import Services
from assistant.sessions import SessionStore
from ui.safe import esc
from ui.texts import norm_lang

if TYPE_CHECKING:
    from assistant.interview import Interview

SESSION_RE = re.compile(r"^[A-Za-z0-9_-]{1,128}$")


def engine() -> type[Interview]:
    """The interview engine class (imported late, so the rest of the UI loads without it)."""
    from assistant.interview import Interview

    return Interview


def resume(session_id: str | None, services: Services, sessions: SessionStore | None = None) -> Interview | None:
    """The interview with this id, or None when the id is malformed or unknown."""
    if not valid_id(session_id):
        return None
    try:
        return engine().resume(str(session_id), services=services, sessions=sessions)
    except KeyError:
        return None


def valid_id(session_id: str | None) -> bool:
    return bool(session_id and SESSION_RE.match(session_id))


def start(lang: str, services: Services, sessions: SessionStore | None = None) -> Interview:
    return engine().start(lang=norm_lang(lang), services=services, sessions=sessions)


# The chatbot renders messages as (sanitised) HTML, never as Markdown (``render_markdown=False``): text
# from users and from the bank can hold Markdown images and links, and Markdown would turn them into
# elements (a remote image is fetched the moment it is shown). So every message is escaped as a whole,
# and only the engine's own light formatting is re-applied: **bold** and "- " bullet lines.
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")


def plain_html(text: str) -> str:
    """Literal text as HTML: escaped, line breaks kept, nothing else."""
    return esc(text).replace("\n", "<br>")


def reply_html(text: str) -> str:
    """An engine reply as HTML: everything escaped; **bold**, "- " bullets and paragraphs re-applied."""
    out: list[str] = []
    for para in re.split(r"\n\s*\n", text.strip()):
        parts: list[str] = []  # escaped lines and <ul> blocks, joined with <br> between plain lines
        items: list[str] = []
        for line in [*para.split("\n"), None]:
            if line is not None and line.startswith("- "):
                items.append(f"<li>{_bold(line[2:])}</li>")
                continue
            if items:
                parts.append("<ul>" + "".join(items) + "</ul>")
                items = []
            if line is not None:
                parts.append(_bold(line))
        body = ""
        for i, part in enumerate(parts):
            joint = "<br>" if i and not part.startswith("<ul>") and not parts[i - 1].startswith("<ul>") else ""
            body += joint + part
        out.append(f'<div class="ps-msg-p">{body}</div>')
    return "".join(out)


_MD_ESC = re.compile(r"\\([\\`*_\[\]<>!#|~])")


def _bold(line: str) -> str:
    """The engine's own **bold** becomes <strong>; the data inside its replies arrives Markdown-escaped
    (for API clients that render Markdown), so here the escapes are undone and everything is HTML-escaped."""
    out: list[str] = []
    pos = 0
    for m in _BOLD.finditer(line):
        out.append(esc(_MD_ESC.sub(r"\1", line[pos:m.start()])))
        out.append("<strong>" + esc(_MD_ESC.sub(r"\1", m.group(1))) + "</strong>")
        pos = m.end()
    out.append(esc(_MD_ESC.sub(r"\1", line[pos:])))
    return "".join(out)


def user_message(text: str) -> dict[str, str]:
    """A user's chat bubble: shown literally (no HTML, no Markdown)."""
    return {"role": "user", "content": plain_html(text)}


def assistant_message(text: str) -> dict[str, str]:
    """An assistant bubble: escaped; only the engine's **bold** and bullets become formatting."""
    return {"role": "assistant", "content": reply_html(text)}


def transcript(iv: Interview, reply: str | None = None) -> list[dict[str, str]]:
    """The chat from the saved history; ``reply`` (the latest assistant text) is added if not yet there."""
    out = [user_message(m.text) if m.role == "user" else assistant_message(m.text) for m in iv.history]
    if reply is None:
        reply = iv.current().reply
    last = iv.history[-1] if iv.history else None
    if reply and not (last is not None and last.role == "assistant" and last.text == reply):
        out.append(assistant_message(reply))
    return out


def turn_json(turn: Any) -> dict[str, Any]:
    """A Turn as JSON (for the API endpoints)."""
    data: dict[str, Any] = turn.to_json() if hasattr(turn, "to_json") else dict(turn)
    return data
