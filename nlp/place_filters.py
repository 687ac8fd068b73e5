"""Places as people say them: a division named in a question as a filter on departments.

Why: people ask about departments by the place they are in (这几个新疆生态环境单位, 福建的几个部门,
广东省内的财政局, 江苏的单位), and the place word is often no part of any printed name (新疆 for
昌吉回族自治州生态环境局). The catalogue holds a place entity for every division a department of the graph
lies in (``nlp.catalog``, from ``kg.names.divisions.located``), its ``code`` listing those departments;
this module says what the words around such a place add:

- ``of_kind_named``   the words naming a kind of department beside the place (生态环境单位, 公安部门, 环保局)
                      narrow the place's departments to those of that kind; a kind the graph knows of
                      other departments only (新疆的公安部门) leaves none, said as such;
- ``PLACE_GAP``       what may stand between a place and the department word it qualifies (广东省内的,
                      江苏的, 福建这几个);
- ``unheld_divisions`` divisions a question names that no department of the graph lies in (河北, 内蒙古,
                      西宁市): named so that the answer says the graph holds none there, never another
                      place's figures.
"""
from __future__ import annotations

import re

from kg.names.department import ORG_SYNONYMS, department_kind
from kg.names.divisions import PREFECTURES, PROVINCES, Division, division

# Between a place and the department word it qualifies: 广东省内的财政局, 江苏的, 福建这几个, 新疆各
PLACE_GAP = re.compile(r"(?:省|市|自治区|地区|州)?(?:内|境内|辖内|下辖|下面|里|这边|那边)?的?"
                       r"(?:这|那)?(?:[几两三四五六七八九十\d]+个|各个|各|所有|哪些|哪几个|哪个)?(?:的)?")
# What follows a kind of department's words when they name departments (生态环境单位, 公安部门, 环保局)
_KIND_TAIL = r"(?:局|厅|委员会|委|部门|单位|系统|机关|口)"


def _kind_forms(name: str) -> list[str]:
    """The words that name a department's kind: 昌吉回族自治州生态环境局 → 生态环境, 环境保护, 环保."""
    kind = department_kind(name)
    forms = [kind]
    for word, others in ORG_SYNONYMS.items():
        if kind == re.sub(r"(?:局|厅|委员会|委)$", "", word):
            forms += [re.sub(r"(?:局|厅|委员会|委)$", "", o) for o in others]
    return [f for f in dict.fromkeys(forms) if len(f) >= 2]


_KIND_TAIL_AT = re.compile(_KIND_TAIL)
_BODY_END = re.compile(r"(?:中心|院|所|站|馆|办公厅|办公室)$")


class _Span:
    """A found stretch of text, as ``re.Match.span`` gives it (the search is a plain string search: one
    pattern a department's kind would overflow ``re``'s cache and be compiled again every question)."""

    def __init__(self, start: int, end: int) -> None:
        self.start, self.end = start, end

    def span(self) -> tuple[int, int]:
        return self.start, self.end


def _kind_at(text: str, form: str) -> _Span | None:
    """Where ``text`` names the kind ``form`` as departments: followed by a word for a body (生态环境单位),
    or the form itself ending in one (环境污染监控中心, 社会福利院)."""
    at = text.find(form)
    while at >= 0:
        end = at + len(form)
        if _BODY_END.search(form):
            return _Span(at, end)
        tail = _KIND_TAIL_AT.match(text, end)
        if tail:
            return _Span(at, tail.end())
        at = text.find(form, at + 1)
    return None


def of_kind_named(text: str, departments: list[str], graph_departments: list[str]
                  ) -> tuple[list[str], tuple[int, int] | None]:
    """The departments of a place that the words of ``text`` name by kind, and where the kind's words
    stand: (those of that kind, span); where ``text`` names a kind only other departments of the graph
    are of (新疆的公安部门), ([], span); where it names none, (``departments``, None)."""
    spans = {d: m.span() for d in departments for f in _kind_forms(d) for m in [_kind_at(text, f)] if m}
    if spans:
        return [d for d in departments if d in spans], min(spans.values())
    others = [m.span() for d in graph_departments if d not in departments
              for f in _kind_forms(d) for m in [_kind_at(text, f)] if m]
    return ([], min(others)) if others else (departments, None)


def _question_forms() -> list[tuple[str, Division]]:
    """The forms of a division a question may name it by, longest first: a province's every form (新疆,
    福建省), a prefecture's official name and the forms ending in its level (来宾市, 海南州) — never a
    prefecture's bare stem (来宾, 长治, 安康 are words too)."""
    pairs: list[tuple[str, Division]] = []
    for d in (*PROVINCES, *PREFECTURES):
        for form in d.forms:
            if (d.level == 1 or form == d.name or form[-1] in "市州盟") and division(form) is d:
                pairs.append((form, d))
    return sorted(pairs, key=lambda p: -len(p[0]))


_FORMS = _question_forms()


def unheld_divisions(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int, Division]]:
    """The divisions ``text`` names outside the spans ``taken`` (names the graph holds — its places among
    them): (start, end, division), longest first, none overlapping. A division the graph holds a department
    of is a place entity of the catalogue, so it is taken already."""
    out: list[tuple[int, int, Division]] = []
    spans = list(taken)
    for form, d in _FORMS:
        at = text.find(form)
        while at >= 0:  # (a plain search: a pattern a form would overflow re's cache every question)
            s, e = at, at + len(form)
            at = text.find(form, e)
            if any(a < e and s < b for a, b in spans):
                continue
            if re.match(r"[路街道桥湖岛]", text[e:e + 1]) and d.level == 1 and form == d.province:
                continue  # 上海路, 江西街: a street or a sight named after the province, not the province
            spans.append((s, e))
            out.append((s, e, d))
    return sorted(out, key=lambda x: x[0])


def none_there(words: list[str]) -> str | None:
    """What to say where every name the graph lacks is a division (河北, 内蒙古自治区): the graph holds no
    department there — ``None`` where some other name is unknown (江苏的统计局 keeps the usual words)."""
    places = [division(word) for word in dict.fromkeys(words)]
    if not places or None in places:
        return None
    named = "、".join(dict.fromkeys(d.name for d in places if d is not None))
    return f"没有找到：图谱中没有{named}的单位的预算，不能用其他地方或单位的数字代替。"
