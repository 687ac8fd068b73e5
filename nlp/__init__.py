"""Chinese questions over the budget graph: a question read into typed frames (one per part), each
turned into SPARQL by one builder, its operation applied, derived figures computed exactly.

``answer(question, store) -> Answer`` is the API the web app calls; ``Answer.to_json()`` is the
layout ``budgetkg ask --json`` prints. See ``nlp/README.md``.
"""
from __future__ import annotations

from nlp.reply import Answer, Item


def answer(question: str, store) -> Answer:
    """Answer one Chinese question from the graph in ``store`` (pipelines are cached per store)."""
    from nlp.pipeline import answer as _answer

    return _answer(question, store)


def reset(store=None) -> None:
    """Forget the cached pipeline(s): call after the graph changed (new documents ingested)."""
    from nlp.pipeline import reset as _reset

    _reset(store)


__all__ = ["answer", "reset", "Answer", "Item"]
