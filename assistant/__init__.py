"""parastelu: find, describe and reuse practice models before building new ones."""

from assistant import _offline  # noqa: F401  (must run before chromadb/gradio/onnxruntime import)

__version__ = "0.1.0"
