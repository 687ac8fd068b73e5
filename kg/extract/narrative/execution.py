"""The budget-against-final comparisons a 决算's narrative states, row by row.

A 决算 explains its 财政拨款 spending per functional 项 (the central template's
``（三）财政拨款支出决算具体情况``, Shanghai's and Xi'an's ``一般公共预算财政拨款支出决算具体情况``)::

    1.一般公共服务（类）信访事务（款）行政运行（项）。年初预算为5717.32万元，支出决算为
    5757.63万元，完成年初预算的100.71%。决算数大于预算数的主要原因是…

and the whole first (``财政拨款支出年初预算为15068.55万元，支出决算为13733.8万元，完成年初预算
的91.14%``). Each statement becomes a ``BudgetExecution`` (both figures, the printed rate, the
reason, the 类/款/项 chain resolved to the code the document's own tables print for it) and its
two figures become phased figures of the row (``{kind}.{code}.total``), so 年初预算数 and 决算数
of a row are two figures of two phases and ``Record.completion_rates`` computes the rate in
Decimal. The tables' own budget columns (where a template prints them) are read by the table
parsers; a figure a table already gives for the same row and phase is not stated twice.
"""
from __future__ import annotations

import re

from kg.extract.model import BudgetExecution, FunctionalSubject, PhasedFigure, Record
from kg.extract.narrative.statements import _BARE_PAGE_NUMBER_RE
from kg.extract.narrative.text import from_wan, make_span, prov
from kg.extract.source import Line
from kg.extract.text_normalize import parse_money

_AMOUNT = r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
# 年初预算为X万元，支出决算为Y万元 (为 optional, 数 optional; 调整预算 / 全年预算 as the budget)
EXECUTION_RE = re.compile(
    r"(?P<phase>年初|调整后?|全年)?预算(?:数)?(?:为|是)?" + _AMOUNT.replace("(", "(?P<budget>", 1)
    + r"万元[，,、]?(?:其中[^，,。]{0,20}[，,])?(?:支出)?决算(?:数)?(?:为|是)?" + _AMOUNT.replace("(", "(?P<final>", 1)
    + r"万元")
_RATE_RE = re.compile(r"^[，,。；;]?(?:完成|达到|占)(?:了)?(?:年初|调整后?|全年)?预算(?:数)?的?(?P<rate>\d+(?:\.\d+)?)%")
# the 类/款/项 chain a statement names: ``一般公共服务（类）信访事务（款）行政运行（项）``
# (a name may hold a parenthesis of its own: ``中医（民族）医院（项）``)
_LEVEL = r"(?:[^。；;：:，,.．、\d（()）]|[（(][^类款项。（()）]{1,8}[)）]){1,30}?[（(]LEVEL[)）]"
CHAIN_RE = re.compile("(?P<class>" + _LEVEL.replace("LEVEL", "类") + ")(?P<section>" + _LEVEL.replace("LEVEL", "款")
                      + ")?(?P<item>" + _LEVEL.replace("LEVEL", "项") + ")?")
# the whole the first statement is about: ``财政拨款支出`` / ``一般公共预算财政拨款支出``
_WHOLE_RE = re.compile(r"(?<!经费)(?<![”\"])((?:一般公共预算)?财政拨款(?:基本|项目)?支出)(?:决算)?$")
_REASON_RE = re.compile(r"(?:主要)?原因(?:是|为|在于)?[：:，,]?")
_NEXT_ITEM_RE = re.compile(r"\d{1,2}[.、．][^\d]|[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、")
_PHASES = {"年初": "initial_budget", "调整": "adjusted_budget", "调整后": "adjusted_budget", "全年": "adjusted_budget"}


def _bare(name: str) -> str:
    """A subject name compared without its level mark and the optional ``支出`` (``卫生健康支出（类）``
    and ``卫生健康支出`` / ``一般公共服务（类）`` and ``一般公共服务支出`` are one class)."""
    name = re.sub(r"[（(][类款项][)）]$", "", name)
    return re.sub(r"支出$", "", name)


def resolve_code(chain: dict[str, str | None], subjects: list[FunctionalSubject]) -> str | None:
    """The code of the deepest level the chain names, among the rows the document's tables print:
    the 项 under the named 款 under the named 类 (names compared without ``支出`` and level marks);
    where the tables print no 类/款 rows to walk down, a deepest name no other row of its level
    carries. None where the deepest level named is not found once."""
    names = {s.code: _bare(s.name or "") for s in subjects if s.code}
    levels = [(length, _bare(name)) for length, name in ((3, chain.get("class")), (5, chain.get("section")),
                                                         (7, chain.get("item"))) if name]
    if not levels:
        return None
    found: str | None = None
    for length, wanted in levels:
        matches = {c for c, n in names.items() if len(c) == length and n == wanted
                   and (found is None or c.startswith(found))}
        if len(matches) != 1:
            found = None
            break
        found = matches.pop()
    if found is not None:
        return found
    # the tables' name of the deepest level inside the printed one or the other way round
    # (``归口管理的行政单位离退休`` / ``行政单位离退休``), under the class where that is found
    length, wanted = levels[-1]
    within = {c for c, n in names.items() if len(c) == 3 and n == levels[0][1]} if levels[0][0] == 3 else set()
    alone = {c for c, n in names.items() if len(c) == length and n and (n == wanted or n in wanted or wanted in n)
             and (not within or c[:3] in within)}
    return alone.pop() if len(alone) == 1 else None


def _reason(after: str) -> str | None:
    """The stated reason after the figures, up to the sentence's end (None where none is stated)."""
    stop = _NEXT_ITEM_RE.search(after)
    window = after[:stop.start()] if stop else after[:200]
    m = _REASON_RE.search(window)
    if not m:
        return None
    reason = re.split(r"。", window[m.end():])[0].strip("，,；;：: ")
    return reason or None


def read_executions(lines: list[Line], record: Record) -> list[BudgetExecution]:
    """Every stated budget-against-final comparison of ``lines`` (narrative lines), in order."""
    # a page number printed inside a wrapped statement (``年`` / ``19`` / ``初预算为``) is left out
    prose = [line for line in lines if line.cells is None and not _BARE_PAGE_NUMBER_RE.match(line.text)]
    span = make_span(prose)
    text = span.text
    out: list[BudgetExecution] = []
    boundary = 0
    scope = "fiscal"
    for m in EXECUTION_RE.finditer(text):
        sentence_start = max(text.rfind(c, 0, m.start()) for c in "。；;") + 1
        lead_start = max(boundary, m.start() - 200)
        chains = [c for c in CHAIN_RE.finditer(text, lead_start, m.start())
                  if c.start() >= _item_start(text, boundary, m.start())]
        code = None
        if chains:
            parts = {k: chains[-1].group(k) for k in ("class", "section", "item")}
            parts["class"] = re.sub(r"^\d{1,2}[.、．]", "", parts["class"] or "")
            subject = "".join(p for p in (parts["class"], parts["section"], parts["item"]) if p)
            code = resolve_code(parts, record.functional_subjects)
        else:
            whole = _WHOLE_RE.search(re.sub(r"[，,]$", "", text[sentence_start:m.start()]))
            if whole is None:
                boundary = m.end()
                continue  # a comparison about something else (三公, a project): read elsewhere
            subject = whole.group(1)
            scope = "general_public_budget" if subject.startswith("一般公共预算") else "fiscal"
        after = text[m.end():]
        rate = _RATE_RE.match(after)
        phase = _PHASES.get(m.group("phase") or "", "initial_budget" if m.group("phase") else "budget")
        execution = BudgetExecution(
            subject=subject, code=code, scope=scope, budget_phase=phase,
            budget=from_wan(parse_money(m.group("budget")), record.unit),
            final=from_wan(parse_money(m.group("final")), record.unit),
            rate=parse_money(rate.group("rate")) if rate else None,
            reason=_reason(after[rate.end() if rate else 0:]),
            provenance=prov(record.source, span.line_at(m.start()), "说明", subject))
        out.append(execution)
        boundary = m.end()
    return out


def _item_start(text: str, boundary: int, at: int) -> int:
    """Where the statement ending at ``at`` begins: its item number (``1.``) or the last
    boundary; a chain before it belongs to an earlier statement."""
    starts = [s.start() for s in _NEXT_ITEM_RE.finditer(text, boundary, at)]
    return starts[-1] if starts else boundary


def phased_from_executions(executions: list[BudgetExecution], record: Record) -> list[PhasedFigure]:
    """Each row statement's budget and final as the row's phased figures (``{kind}.{code}.total``:
    ``general_budget_expenditure`` for a 一般公共预算 chapter, else ``fiscal_expenditure``), the
    whole's as the figures of the item ``{kind}``, unless a table already printed that figure of
    that phase."""
    have = {(f.key, f.phase) for f in record.phased}
    out: list[PhasedFigure] = []
    for e in executions:
        kind = "general_budget_expenditure" if e.scope == "general_public_budget" else "fiscal_expenditure"
        if e.code is None and not _WHOLE_RE.search(e.subject):
            continue
        # the whole (财政拨款支出 / 一般公共预算财政拨款支出) is a department-level figure of its own
        key = kind if e.code is None else f"{kind}.{e.code}.total"
        for phase, value in ((e.budget_phase, e.budget), ("final", e.final)):
            if value is None or (key, phase) in have:
                continue
            have.add((key, phase))
            out.append(PhasedFigure(key=key, phase=phase, value=value, provenance=e.provenance))
    return out
