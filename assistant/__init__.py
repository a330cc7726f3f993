"""parastelu: find, describe and reuse practice models before building new ones."""

from typing import Any

from assistant import _offline  # noqa: F401  (must run before chromadb/gradio/onnxruntime import)

__version__ = "0.1.0"
__all__ = ["Interview", "Turn"]


def __getattr__(name: str) -> Any:
    """``from assistant import Interview`` without importing Chroma for every ``import assistant``."""
    if name == "Interview":
        from assistant.interview import Interview

        return Interview
    if name == "Turn":
        from assistant.interview_types import Turn

        return Turn
    raise AttributeError(name)
