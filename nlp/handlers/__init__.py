"""Stage 6: one small handler per intent turns the slots and the graph's rows into an answer.

Importing this package registers every handler in ``HANDLERS`` (by intent name).
"""
from __future__ import annotations

from nlp.handlers import audit, classifications, documents, figures, profile, projects  # noqa: F401
from nlp.handlers.base import HANDLERS, Context, Result, handler

__all__ = ["HANDLERS", "Context", "Result", "handler"]
