"""`parastelu chat`: the interview in a terminal, or scripted from a file with a JSON transcript out."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from assistant.interview import Interview
from assistant.services import Services, build_services
from assistant.sessions import SessionStore, locked


def _print_turn(reply: str, notices: list[str]) -> None:
    for notice in notices:
        print(f"[!] {notice}")
    print(f"\nparastelu> {reply}\n")


def run_script(path: Path, lang: str | None, out: Path | None) -> int:
    """User turns from a file (one per line, or a JSON/YAML list) → JSON transcript on stdout or --out."""
    raw = path.read_text(encoding="utf-8-sig")
    turns: list[str]
    if path.suffix.lower() in (".json", ".yaml", ".yml"):
        import yaml

        data = yaml.safe_load(raw)
        turns = [str(x) for x in (data or [])]
    else:
        turns = [line for line in raw.splitlines() if line.strip()]
    iv = Interview.start(lang=lang)
    transcript: list[dict[str, Any]] = [{"role": "assistant", "text": iv.current().reply,
                                         "asked_field": iv.current().asked_field}]
    turn = iv.current()
    for text in turns:
        turn = iv.turn(text)
        transcript.append({"role": "user", "text": text})
        transcript.append({"role": "assistant", "text": turn.reply, "asked_field": turn.asked_field,
                           "notices": turn.notices})
    result = {"session_id": iv.session_id, "transcript": transcript, "draft": turn.draft.to_record(),
              "status": {k: v.value for k, v in turn.status.items()},
              "matches": [m.model_dump(mode="json") for m in turn.matches],
              "next_steps": [s.model_dump(mode="json") for s in turn.next_steps], "done": turn.done}
    text = json.dumps(result, ensure_ascii=False, indent=2) + "\n"
    if out:
        out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def run_interactive(lang: str | None, resume: str | None, services: Services | None = None,
                    sessions: SessionStore | None = None) -> int:
    """The interview in a terminal. Every turn loads, runs and saves while holding the session's lock, so a
    browser tab (or another terminal) on the same session never loses a turn and is never overwritten."""
    svc = services or build_services()
    store = sessions or SessionStore(svc.settings.data_dir / "sessions.db")

    def current() -> Interview:
        return Interview.resume(sid, services=svc, sessions=store)

    if resume:
        sid = resume
        with locked(store, sid):
            iv = current()
            if lang:
                iv.set_language(lang)
    else:
        iv = Interview.start(lang=lang, services=svc, sessions=store)
        sid = iv.session_id
    print(f"session {sid}  (resume with: parastelu chat --resume {sid}; /md, /json, /quit)")
    _print_turn(iv.current().reply, [])
    while True:
        try:
            text = input("you> ")
        except (EOFError, KeyboardInterrupt):
            print()
            return 0
        cmd = text.strip().lower()
        if cmd in ("/quit", "/exit", "/q"):
            return 0
        with locked(store, sid):  # reload inside the lock: another tab may have taken turns meanwhile
            iv = current()
            if cmd == "/md":
                print(iv.to_markdown())
                continue
            if cmd == "/json":
                print(json.dumps(iv.to_record(), ensure_ascii=False, indent=2))
                continue
            turn = iv.turn(text)
        _print_turn(turn.reply, turn.notices)
        if turn.matches:
            print("  similar: " + "; ".join(f"{m.name} ({m.score:.2f})" for m in turn.matches[:3]))
