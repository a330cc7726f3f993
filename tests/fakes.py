"""Fakes at the LLM boundary only, labelled for what they are.

- ``ScriptedChatModel``: a langchain chat model whose replies are queued with ``enqueue`` (simonw/llm
  style); it records every request it gets.
- ``OpenAIStub``: a local OpenAI-compatible HTTP server on a free loopback port, so the real ``openai`` and
  ``langchain-openai`` clients are exercised over HTTP.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatResult


class ScriptedChatModel(BaseChatModel):
    """FAKE chat model for tests. Queue replies: a dict → a tool call with those args; a str → plain text;
    an Exception → raised."""

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


class OpenAIStub:
    """FAKE OpenAI-compatible server: /v1/chat/completions answers from a queue of behaviours."""

    def __init__(self) -> None:
        self.queue: list[Any] = []
        self.requests: list[dict[str, Any]] = []
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                return

            def do_POST(self) -> None:  # noqa: N802
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                stub.requests.append(body)
                action = stub.queue.pop(0) if stub.queue else {"text": "?"}
                if "sleep" in action:
                    time.sleep(action["sleep"])
                if "status" in action:
                    self.send_response(action["status"])
                    self.end_headers()
                    self.wfile.write(b'{"error": {"message": "stub error"}}')
                    return
                message: dict[str, Any] = {"role": "assistant", "content": action.get("text")}
                if "args" in action:
                    args = action["args"] if isinstance(action["args"], str) else json.dumps(action["args"])
                    message = {"role": "assistant", "content": None, "tool_calls": [
                        {"id": "call_1", "type": "function",
                         "function": {"name": "LLMExtraction", "arguments": args}}]}
                payload = {"id": "stub-1", "object": "chat.completion", "created": 0, "model": body["model"],
                           "choices": [{"index": 0, "message": message,
                                        "finish_reason": "tool_calls" if "args" in action else "stop"}],
                           "usage": {"prompt_tokens": 111, "completion_tokens": 22, "total_tokens": 133}}
                data = json.dumps(payload).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                try:
                    self.wfile.write(data)
                except BrokenPipeError:  # the client timed out first (the timeout test)
                    pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"

    def enqueue(self, *actions: dict[str, Any]) -> OpenAIStub:
        self.queue.extend(actions)
        return self


@contextmanager
def openai_stub() -> Iterator[OpenAIStub]:
    stub = OpenAIStub()
    thread = threading.Thread(target=stub.server.serve_forever, daemon=True)
    thread.start()
    try:
        yield stub
    finally:
        stub.server.shutdown()
        stub.server.server_close()
