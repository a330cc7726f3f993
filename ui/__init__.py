"""The Gradio web UI of parastelu (``parastelu serve``)."""

import assistant  # noqa: F401  (offline environment before gradio is imported)
