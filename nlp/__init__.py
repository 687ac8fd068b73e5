"""Chinese questions over the budget graph: normalise → segment → link → intent → SPARQL → answer.

``answer(question, store) -> Answer`` is the API the web app calls; ``Answer.to_json()`` is the
layout ``budgetkg ask --json`` prints.
"""
from __future__ import annotations

__all__ = ["answer", "Answer", "Pipeline", "get_pipeline"]


def __getattr__(name: str):
    # imported lazily: spaCy and jieba load only when a question is asked
    if name in ("answer", "Pipeline", "get_pipeline", "reset"):
        from nlp import pipeline

        return getattr(pipeline, name)
    if name == "Answer":
        from nlp.answer import Answer

        return Answer
    raise AttributeError(name)
