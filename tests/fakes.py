"""Fakes at the LLM boundary only, labelled for what they are.

- ``ScriptedChatModel``: a langchain chat model whose replies are queued with ``enqueue`` (simonw/llm
  style); it records every request it gets. ``Slow(seconds, reply)`` answers late.
- ``OpenAIStub``: a local OpenAI-compatible HTTP server on a free loopback port, so the real ``openai`` and
  ``langchain-openai`` clients are exercised over HTTP, streamed (SSE) or not. Behaviours per request:
  ``text``, ``args`` (a tool call), ``json`` (a JSON object as text), ``status`` (+ ``message``), ``sleep`` (before
  answering), ``drip`` (seconds between single bytes of the body), ``long`` (an answer of that many words,
  whatever the token cap), ``echo`` (the prompt sent back as the values). With ``llama_like=True`` it
  answers ``response_format`` type ``json_schema`` with HTTP 500, as llama-cpp-python's server does.
  ``GET /v1/models`` answers after ``models_delay`` seconds.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatResult


@dataclass
class Slow:
    """A scripted reply that comes after ``seconds``."""

    seconds: float
    reply: Any


class ScriptedChatModel(BaseChatModel):
    """FAKE chat model for tests. Queue replies: a dict → a tool call with those args; a str → plain text;
    an Exception → raised; ``Slow`` → the same, late."""

    queue: list[Any] = []
    history: list[list[BaseMessage]] = []

    def enqueue(self, *replies: Any) -> ScriptedChatModel:
        self.queue.extend(replies)
        return self

    @property
    def _llm_type(self) -> str:
        return "scripted-fake"

    def bind_tools(self, tools: Any, **kwargs: Any) -> Any:  # structured output goes through tool calls
        return self

    def _generate(self, messages: list[BaseMessage], stop: Any = None, run_manager: Any = None,
                  **kwargs: Any) -> ChatResult:
        self.history.append(list(messages))
        if not self.queue:
            raise AssertionError("ScriptedChatModel: no reply queued")
        reply = self.queue.pop(0)
        if isinstance(reply, Slow):
            time.sleep(reply.seconds)
            reply = reply.reply
        if isinstance(reply, Exception):
            raise reply
        if isinstance(reply, dict):
            args = dict(reply)
            tool = args.pop("__tool__", "LLMExtraction")
            msg = AIMessage(content="", tool_calls=[{"name": tool, "args": args, "id": "call_1"}],
                            usage_metadata={"input_tokens": 50, "output_tokens": 20, "total_tokens": 70})
        else:
            msg = AIMessage(content=str(reply),
                            usage_metadata={"input_tokens": 30, "output_tokens": 10, "total_tokens": 40})
        return ChatResult(generations=[ChatGeneration(message=msg)])


def _prompt_text(body: dict[str, Any]) -> str:
    return "\n".join(str(m.get("content") or "") for m in body.get("messages", []))


class OpenAIStub:
    """FAKE OpenAI-compatible server: /v1/chat/completions answers from a queue of behaviours."""

    def __init__(self, llama_like: bool = False) -> None:
        self.queue: list[Any] = []
        self.requests: list[dict[str, Any]] = []
        self.llama_like = llama_like
        self.models_delay = 0.0
        self.disconnects = 0
        stub = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                return

            def do_GET(self) -> None:  # noqa: N802
                time.sleep(stub.models_delay)
                self._send(200, json.dumps({"object": "list", "data": [{"id": "stub", "object": "model"}]}).encode())

            def _send(self, status: int, data: bytes, drip: float = 0.0,
                      content_type: str = "application/json") -> None:
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", content_type)
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    if not drip:
                        self.wfile.write(data)
                        return
                    for i in range(len(data)):
                        self.wfile.write(data[i:i + 1])
                        self.wfile.flush()
                        time.sleep(drip)
                except (BrokenPipeError, ConnectionResetError):  # the client gave up first
                    stub.disconnects += 1

            def do_POST(self) -> None:  # noqa: N802
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                stub.requests.append(body)
                fmt = (body.get("response_format") or {}).get("type")
                if stub.llama_like and fmt == "json_schema":
                    self._send(500, b'{"error": {"message": "response_format type must be text or json_object"}}')
                    return
                action = stub.queue.pop(0) if stub.queue else {"text": "?"}
                if "sleep" in action:
                    time.sleep(action["sleep"])
                if "status" in action:
                    msg = action.get("message", "stub error")
                    self._send(action["status"], json.dumps({"error": {"message": msg}}).encode())
                    return
                content, args = stub.answer(action, body)
                if body.get("stream"):
                    data = stub.sse(body, content, args)
                    self._send(200, data, action.get("drip", 0.0), "text/event-stream")
                    return
                message: dict[str, Any] = {"role": "assistant", "content": content}
                if args is not None:
                    message = {"role": "assistant", "content": None, "tool_calls": [
                        {"id": "call_1", "type": "function", "function": {"name": "LLMExtraction", "arguments": args}}]}
                payload = {"id": "stub-1", "object": "chat.completion", "created": 0, "model": body["model"],
                           "choices": [{"index": 0, "message": message,
                                        "finish_reason": "tool_calls" if args is not None else "stop"}],
                           "usage": {"prompt_tokens": 111, "completion_tokens": 22, "total_tokens": 133}}
                self._send(200, json.dumps(payload).encode(), action.get("drip", 0.0))

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"

    @staticmethod
    def answer(action: dict[str, Any], body: dict[str, Any]) -> tuple[str | None, str | None]:
        """(text content, tool-call arguments) for one behaviour."""
        tools = bool(body.get("tools"))
        if "long" in action:
            words = " ".join(f"sana{i}" for i in range(int(action["long"])))
            value = {"problem": words}
            return (None, json.dumps(value)) if tools else (json.dumps(value), None)
        if action.get("echo"):
            prompt = _prompt_text(body)
            value = {"problem": prompt[:400], "goals": [line for line in prompt.splitlines() if line.strip()][:5]}
            return (None, json.dumps(value)) if tools else (prompt, None)
        if "json" in action:
            return json.dumps(action["json"]), None
        if "args" in action:
            a = action["args"]
            return None, a if isinstance(a, str) else json.dumps(a)
        return action.get("text"), None

    @staticmethod
    def sse(body: dict[str, Any], content: str | None, args: str | None) -> bytes:
        """The answer as server-sent events, a few characters per chunk, then usage and [DONE]."""
        def event(delta: dict[str, Any], finish: str | None = None) -> str:
            chunk = {"id": "stub-1", "object": "chat.completion.chunk", "created": 0, "model": body["model"],
                     "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}
            return "data: " + json.dumps(chunk) + "\n\n"

        out = [event({"role": "assistant", "content": ""})]
        if args is not None:
            out.append(event({"tool_calls": [{"index": 0, "id": "call_1", "type": "function",
                                              "function": {"name": "LLMExtraction", "arguments": ""}}]}))
            for i in range(0, len(args), 16):
                out.append(event({"tool_calls": [{"index": 0, "function": {"arguments": args[i:i + 16]}}]}))
            out.append(event({}, "tool_calls"))
        else:
            text = content or ""
            for i in range(0, len(text), 16):
                out.append(event({"content": text[i:i + 16]}))
            out.append(event({}, "stop"))
        if (body.get("stream_options") or {}).get("include_usage"):
            usage = {"id": "stub-1", "object": "chat.completion.chunk", "created": 0, "model": body["model"],
                     "choices": [], "usage": {"prompt_tokens": 111, "completion_tokens": 22, "total_tokens": 133}}
            out.append("data: " + json.dumps(usage) + "\n\n")
        out.append("data: [DONE]\n\n")
        return "".join(out).encode()

    def enqueue(self, *actions: dict[str, Any]) -> OpenAIStub:
        self.queue.extend(actions)
        return self


@contextmanager
def openai_stub(llama_like: bool = False) -> Iterator[OpenAIStub]:
    stub = OpenAIStub(llama_like=llama_like)
    thread = threading.Thread(target=stub.server.serve_forever, daemon=True)
    thread.start()
    try:
        yield stub
    finally:
        stub.server.shutdown()
        stub.server.server_close()
