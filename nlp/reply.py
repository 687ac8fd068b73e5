"""The answer, as plain data with one JSON layout.

``Answer.to_json()`` is the contract of ``budgetkg ask --json`` and of the web app's API:
``question``, ``intent`` (the kind of the first part), ``entities``, ``sparql``, ``answers``
(objects with ``label``, and for a figure ``value`` as a decimal string and ``unit``, plus
``department``, ``year``, ``source``), ``text``, and since the question service reads questions
in parts: ``parts`` (each with its clause, kind, frame, what was understood in plain Chinese, its
SPARQL, answers and text) and ``derived`` (every computed figure with label, value, unit, formula
and inputs). An empty ``answers`` list means nothing was found; the text then says so.
"""
from __future__ import annotations

import re

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal


def money(value: Decimal | None) -> str | None:
    """A 万元 figure as the documents print it: two decimals (the graph keeps the exact value — a figure
    converted from 元 keeps all its places there; the JSON rows and the sentence round to the 分 people read)."""
    if value is None:
        return None
    return str(value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def plain(value: Decimal) -> str:
    """A number without a trailing ``.0`` (counts, weights)."""
    return format(value.normalize(), "f")


@dataclass
class Item:
    """One row of an answer: what it is, its figure (if any) and where it comes from."""

    label: str
    value: str | None = None
    unit: str | None = None
    department: str | None = None
    year: int | None = None
    source: str | None = None
    extra: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        out: dict = {"label": self.label}
        if self.value is not None:
            out["value"] = self.value
            out["unit"] = self.unit
        if self.department:
            out["department"] = self.department
        if self.year:
            out["year"] = self.year
        if self.source:
            out["source"] = self.source
        out.update({k: v for k, v in self.extra.items() if v is not None})
        if self.value and _FALL_LABEL.search(self.label) and not self.value.startswith("-"):
            # 比上年减少175.00: the change as a signed number too, for whoever reads the JSON as data
            out["signed_value"] = f"-{self.value}"
        return out


# A row whose figure is a fall said in words (比上年减少, 下降幅度): its value is the size of the fall.
_FALL_LABEL = re.compile(r"(?:减少|下降|压减|降低)(?:幅度)?$")


@dataclass
class Part:
    """One part of a question and its answer."""

    clause: str
    kind: str
    frame: dict
    understood: str
    text: str
    items: list[Item] = field(default_factory=list)
    sparql: list[str] = field(default_factory=list)
    derived: list = field(default_factory=list)  # nlp.derive.Derived
    found: bool = False

    def to_json(self) -> dict:
        return {"question": self.clause, "kind": self.kind, "frame": self.frame, "understood": self.understood,
                "sparql": self.sparql, "answers": [i.to_json() for i in self.items], "text": self.text,
                "derived": [d.to_json() for d in self.derived]}


@dataclass
class Answer:
    """What the service returns for one question."""

    question: str
    intent: str
    text: str
    items: list[Item] = field(default_factory=list)
    entities: list[dict] = field(default_factory=list)
    sparql: list[str] = field(default_factory=list)
    understood: dict = field(default_factory=dict)
    refused: bool = False
    parts: list[Part] = field(default_factory=list)
    derived: list = field(default_factory=list)

    @property
    def found(self) -> bool:
        """Whether anything was found (an empty answer list means nothing)."""
        return bool(self.items)

    def to_json(self) -> dict:
        return {"question": self.question, "intent": self.intent, "entities": self.entities,
                "sparql": "\n\n".join(self.sparql), "answers": [i.to_json() for i in self.items],
                "text": self.text, "understood": self.understood,
                "parts": [p.to_json() for p in self.parts], "derived": [d.to_json() for d in self.derived]}
