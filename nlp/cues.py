"""The words of a clause that signal a measure, a focus, an operation or a filter (``nlp.lexicon``).

A cue is a typed span. Cues inside a linked name are not cues (the 监测 of a project named
…监测项目 asks for nothing); within one kind the longest span wins (项目支出 is a measure, so its
项目 is not also the focus word). The parser only ever reads cues, never the text itself.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from nlp import lexicon as L
from nlp.patterns import compiled

_NUM = r"[\d一二两三四五六七八九十百]+"


@dataclass(frozen=True)
class Cue:
    """One signal: ``kind`` (measure, amount, attribute, focus, op, category, funding, include,
    column, level, phase, income_breakdown, expenditure_breakdown, set_size) and its ``value``."""

    kind: str
    value: str
    start: int
    end: int
    weight: float = 1.0
    text: str = ""


_compile = compiled  # (``nlp.patterns``: the cue tables' patterns, once each)


def _longest(found: list[Cue]) -> list[Cue]:
    """Within one kind: the longest spans first, no two overlapping."""
    out: list[Cue] = []
    for c in sorted(found, key=lambda c: (-(c.end - c.start), c.start)):
        if not any(c.start < o.end and o.start < c.end for o in out):
            out.append(c)
    return sorted(out, key=lambda c: c.start)


def _scan(kind: str, table, text: str, blocked: list[tuple[int, int]], per_value: bool = False) -> list[Cue]:
    found: list[Cue] = []
    for entry in table:
        value, weight, pattern = (entry[0], entry[1], entry[2]) if len(entry) == 3 else (entry[0], 1.0, entry[1])
        for m in _compile(pattern).finditer(text):
            if m.end() == m.start():
                continue
            if any(s <= m.start() and m.end() <= e for s, e in blocked):
                continue
            found.append(Cue(kind, str(value), m.start(), m.end(), weight, m.group()))
    if per_value:  # cues of different values may overlap (比上年 and 增加了多少 are both operations)
        out: list[Cue] = []
        for value in dict.fromkeys(c.value for c in found):
            out += _longest([c for c in found if c.value == value])
        return sorted(out, key=lambda c: c.start)
    return _longest(found)


def find_cues(text: str, blocked: list[tuple[int, int]] = (), context: str = "") -> list[Cue]:
    """Every cue of ``text`` (a folded clause); ``blocked`` are the spans of linked names; ``context``
    the question's earlier clauses, whose family words anchor this clause's members of that family
    (三公经费多少？车和接待分别多少: 车 and 接待 are 三公's parts because the question is about 三公)."""
    blocked = list(blocked)
    cues: list[Cue] = []
    measures = _scan("measure", L.MEASURE_WORDS, text, blocked)
    anchored = [c for c in measures if c.value not in L.FAMILIES or _compile(L.FAMILIES[c.value]).search(text)
                or (context and _compile(L.FAMILIES[c.value]).search(context))]
    # 出国、接待、公务用车各多少: a family word beside a member of its family named on its own is that member too
    families = {c.value.split(".")[0] for c in anchored if "." in c.value}
    measures = [c for c in measures if c in anchored or c.value.split(".")[0] in families]
    cues += measures
    taken = [(c.start, c.end) for c in measures]
    cues += [c for c in _scan("amount", [("amount", L.AMOUNT_WORDS)], text, blocked)
             if not any(s <= c.start and c.end <= e for s, e in taken)]
    cues += _scan("attribute", L.PROJECT_ATTRIBUTES, text, blocked)
    # 跟安全生产考核有关的专项: the words a topic phrase holds name the topic, not what is asked (考核 is
    # no question about indicators there)
    about = [(m.start(1), m.end(1)) for m in re.finditer(L.ABOUT_PHRASE, text)]
    cues += [c for c in _scan("focus", L.FOCUS_WORDS, text, blocked, per_value=True)
             if not any(s <= c.start and c.end <= e for s, e in about)]
    cues += _scan("op", L.OPERATION_WORDS, text, blocked, per_value=True)
    cues += _scan("category", L.CATEGORY_WORDS, text, blocked)
    cues += _scan("funding", L.FUNDING_WORDS, text, blocked)
    cues += _scan("source", L.INCOME_SOURCE_WORDS, text, blocked)
    cues += _scan("include", [("include", L.INCLUDE_WORDS)], text, blocked)
    cues += _scan("column", L.COLUMN_WORDS, text, blocked)
    cues += _scan("level", L.LEVEL_WORDS, text, blocked)
    cues += _scan("phase", L.PHASE_WORDS, text, blocked)
    cues += _scan("income_breakdown", [("income", L.INCOME_BREAKDOWN)], text, blocked)
    cues += _scan("expenditure_breakdown", [("expenditure", L.EXPENDITURE_BREAKDOWN)], text, blocked)
    cues += _scan("set_size", [("set", L.SET_SIZE)], text, blocked)
    cues += _scan("self_evaluated", [("self_evaluated", L.SELF_EVALUATED)], text, blocked)
    return sorted(cues, key=lambda c: (c.start, c.kind))


@dataclass
class CueSet:
    """The cues of one clause, with lookups the parser uses."""

    cues: list[Cue]

    def of(self, kind: str, value: str | None = None) -> list[Cue]:
        return [c for c in self.cues if c.kind == kind and (value is None or c.value == value)]

    def has(self, kind: str, value: str | None = None) -> bool:
        return bool(self.of(kind, value))

    def values(self, kind: str) -> list[str]:
        return list(dict.fromkeys(c.value for c in self.cues if c.kind == kind))

    def weight(self, kind: str, value: str) -> float:
        return max((c.weight for c in self.of(kind, value)), default=0.0)
