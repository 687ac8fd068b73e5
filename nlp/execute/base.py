"""What every executor shares: the context, the result, the registry, the scope of a frame and the
phrases answers are written with.

An executor takes a frame of one focus, reads its rows through ``Context.rows`` (the one SPARQL
builder; every text logged for the part), applies the frame's operation and returns a ``Result``:
items (each figure with department, year and source), the sentence, and the derived figures with
their formulas. A frame whose department or year is left open is answered for every budget that
matches and says so; nothing found is said plainly, never with another entity's figures.
"""
from __future__ import annotations

import re

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Callable

from nlp.catalog import Catalog
from nlp import derive as D
from nlp import lexicon as L
from nlp.derive import Derived, Input
from nlp.figure_table import served
from nlp.frames import Frame
from nlp.graph import Budget, Graph, Row
from nlp.reply import Item, money
from nlp.sparql import Constraints
from nlp.vocabulary import WAN, Vocabulary


@dataclass
class Result:
    """What an executor returns: items (empty means nothing found), the sentence, derived figures."""

    items: list[Item] = field(default_factory=list)
    text: str = ""
    derived: list[Derived] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    relaxed: bool = False  # a condition of the question matched nothing and was let go (a weaker answer)


@dataclass
class Context:
    """The graph, catalogue and vocabulary an executor reads, and the SPARQL log of the part."""

    graph: Graph
    catalog: Catalog
    vocab: Vocabulary
    log: list[str] = field(default_factory=list)
    previous: "Result | None" = None  # the result of the part before (for parts computed on it)

    def rows(self, focus: str, budgets: list[Budget], c: Constraints | None = None) -> list[Row]:
        # a store-wide query whose result the stored figure table holds is read from it (same rows)
        return served(self.graph).rows(focus, budgets, c, self.log)

    def budgets(self) -> list[Budget]:
        return self.graph.budgets()

    def scope(self, frame: Frame) -> tuple[list[Budget], str]:
        """The budgets a frame is about, and a note saying how open slots were filled."""
        f = frame.filters
        budgets = self.budgets()
        notes: list[str] = []
        if f.departments:
            names = {d.name for d in f.departments}
            budgets = [b for b in budgets if b.department in names]
        if f.years:
            budgets = [b for b in budgets if b.year in f.years]
        if f.phase == "final_account" or frame.operation.name == "completion":
            # a year with a 决算 is read from it; a year asked beside it that has only a budget keeps
            # its budget (24年实际花的和26年预算比)
            final_years = {b.year for b in budgets if b.final_account}
            if final_years:
                budgets = [b for b in budgets if b.final_account or
                           (len(f.years) > 1 and b.year not in final_years)]
        depts = {b.department for b in budgets}
        if frame.open_department and f.set_size and f.set_of_units and f.set_size != len(depts):
            named = set_of_one_collection(budgets, f.set_size)
            if named:
                budgets = named
                depts = {b.department for b in budgets}
                notes.append(f"问题说的是{f.set_size}家单位，按同一批读入的{f.set_size}家作答："
                             + "、".join(sorted(depts)))
        if frame.open_department and len(depts) > 1 and not notes:
            notes.append(f"问题未指明部门，以下列出图谱中全部{len(depts)}个部门的结果")
            if f.set_size and f.set_size != len(depts):
                notes.append(f"问题说的是{f.set_size}个，图谱中共有{len(depts)}个部门的预算")
        if not f.years and not frame.open_department and len({b.year for b in budgets}) > len(depts):
            notes.append("问题未指明年度，以下列出各年度")
        return budgets, "；".join(notes)


def set_of_one_collection(budgets: list[Budget], size: int) -> list[Budget]:
    """The budgets of the one collection (the folder they were ingested from) holding exactly
    ``size`` departments, where a question names a set by its size only (“三家单位”, “这三份预算”)
    and the graph holds more: people mean the documents they read together. Empty where no
    collection, or more than one, has that many departments."""
    by_collection: dict[str, list[Budget]] = {}
    for b in budgets:
        if b.collection:
            by_collection.setdefault(b.collection, []).append(b)
    fitting = [bs for bs in by_collection.values() if len({b.department for b in bs}) == size]
    return fitting[0] if len(fitting) == 1 else []


# The budget columns a 决算 prints beside its own 决算数 (the graph's phase keys), in the order one
# is preferred for a completion rate where the question names none.
BUDGET_PHASES = ("adjusted_budget", "budget", "initial_budget")


def budget_column_order(frame: Frame) -> list[str]:
    """The budget columns to read beside a 决算's figures: none unless the question names a budget
    column or asks a completion rate; the column named first."""
    named = [p for p in frame.filters.phases if p in BUDGET_PHASES]
    if not named and frame.operation.name != "completion" and "completion" not in frame.operation.also:
        return []
    return named + [p for p in BUDGET_PHASES if p not in named]


def pick_budget_columns(rows: list[Row], order: list[str], key) -> dict:
    """One budget-column row per ``key(row)``: the first phase of ``order`` printed."""
    out: dict = {}
    for r in rows:
        phase = r.attrs.get("phase")
        if phase not in order:
            continue
        k = key(r)
        if k not in out or order.index(phase) < order.index(out[k].attrs["phase"]):
            out[k] = r
    return out


EXECUTORS: dict[str, Callable[[Frame, Context], Result]] = {}


def executor(*foci: str):
    """Register an executor for one or more foci."""
    def wrap(fn):
        for focus in foci:
            EXECUTORS[focus] = fn
        return fn
    return wrap


def who(department: str | None, year: int | None) -> str:
    """'部门2024年': every sentence names the department and year."""
    return f"{department or ''}{year}年" if year else (department or "")


def with_note(text: str, note: str) -> str:
    """The sentence, after the note saying how an open department or year was filled."""
    return f"{note}。{text}" if note else text


def figure_input(row: Row, label: str) -> Input:
    return Input(label, row.amount, row.unit or WAN, row.department, row.year, row.source)


def item_of(row: Row, label: str | None = None, **extra) -> Item:
    """A row with an amount as an answer item."""
    unit = row.unit or WAN
    value = money(row.amount) if unit == WAN else (count_text(row.amount) if row.amount is not None else None)
    return Item(label or row.label, value, unit if row.amount is not None else None, row.department, row.year,
                row.source, extra)


def count_text(value: Decimal) -> str:
    """A count or a measure in its own unit as printed: 3 (辆), 16 (台), 2411.16 (平方米) — never cut to
    an integer."""
    return f"{value.normalize():f}" if value == value.to_integral_value() else f"{value:f}"


def derived_item(d: Derived, **extra) -> Item:
    """A derived figure as an answer item (its formula beside it)."""
    from nlp.derive import show

    return Item(d.label, show(d.value, d.unit), d.unit, d.department, d.year, None, {"formula": d.formula, **extra})


# the words asking the figures just listed added up (前三项合计, 两项加起来), and their sum as a share (合计占多少)
LISTED_SUM_ASKED = L.LISTED_SUM
LISTED_SHARE_ASKED = r"占|比重|比例|几成|份额"


def listed_sum_and_share(frame: Frame, listed: list[D.Input], whole: D.Input | None, items: list[Item],
                         derived: list[D.Derived]) -> str:
    """最大的三项是什么？合计占多少: the sum of the figures a ranking picked and, where a share is asked, that sum
    as a share of the whole they were ranked in — each with its formula. Empty where the clause asks no sum or
    fewer than two figures were picked."""
    clause, also = frame.clause, frame.operation.also  # (合计占多少 said apart is folded in as "sum" and "share")
    if len(listed) < 2 or not (re.search(LISTED_SUM_ASKED, clause) or "sum" in also):
        return ""
    total = D.total(listed, f"前{len(listed)}项合计")
    derived.append(total)
    items.append(derived_item(total))
    text = f"；{total.formula}"
    if whole is not None and (re.search(LISTED_SHARE_ASKED, clause) or "share" in also):
        part = D.Input(total.label, total.value, total.unit, total.department, total.year)
        share = D.share(part, whole, f"前{len(listed)}项合计占{whole.label}比重")
        if share is not None:
            derived.append(share)
            items.append(derived_item(share))
            text += f"；{share.formula}"
    return text


def rank_phrase(op, picked: int) -> str:
    """How a ranking names the rows it picked, by the operation asked: 第2大的 (the Nth), 最大的3个 (the first
    few), 最小的 (one) — said after the rows it was taken among."""
    size = "大" if op.descending else "小"
    if op.nth:
        return f"第{op.nth}{size}的"
    return f"最{size}的{picked}个" if picked > 1 else f"最{size}的"


def project_phrase(row: Row) -> str:
    """A project in a sentence: “名称”（部门年份，金额）."""
    amount = f"{money(row.amount)}万元" if row.amount is not None else "金额未列明"
    executed = row.attrs.get("executed")
    if executed is not None:  # a 决算's self-evaluation prints the year's budget and what was spent of it
        rate = row.attrs.get("execution_rate")
        amount = f"全年预算{amount}，执行{money(executed)}万元" + (f"（执行率{rate}%）" if rate is not None else "")
    unit = row.attrs.get("unit") or ""
    # a project one of the department's units carries out says so: several units' projects often share a
    # name (四个监狱各自的“罪犯生活保障”), and the unit is who spends the money
    carrier = f"，{unit}承担" if unit and unit != row.department and not re.search(r"本级|机关本部", unit) \
        and not unit.startswith(row.department or "\0") else ""
    return f"“{row.label}”（{who(row.department, row.year)}{carrier}，{amount}）"


def amount_sum(rows: list[Row]) -> Decimal:
    return sum((r.amount or Decimal(0) for r in rows), Decimal(0))
