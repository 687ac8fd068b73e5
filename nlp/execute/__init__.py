"""Executors: a frame's rows read through the one SPARQL builder, its operation applied.

Importing this package registers one executor per focus in ``EXECUTORS``.
"""
from __future__ import annotations

from nlp.execute import assets, documents, figures, projects, subjects  # noqa: F401
from nlp.execute import evaluation_cells  # noqa: F401  (after the executors it wraps)
from nlp.execute.base import EXECUTORS, Context, Result

__all__ = ["EXECUTORS", "Context", "Result"]
