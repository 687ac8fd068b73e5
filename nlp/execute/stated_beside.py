"""The change a document states beside each figure an answer gives.

A budget's 说明 states most of its figures with their change against the year before (收入总计…
比上年增加608.71万元，增长…%，主要原因是…). A reader asking 总预算多少 expects that sentence with the
figure — the analyst compares years, the journalist asks why — so a part that looks a figure up
carries the change its document states for it, with the year before derived from it (倒推). Only
what the document states is added: no change is computed between budgets here, and a figure whose
document states none is left as it was. A question that already asks for the change (比上年多了多少,
增长率) is answered by its own part and gets nothing more.

A budget's two totals are also said with what they are made of (收入总计 by source, 支出总计 by 基本支出 and
项目支出), where the question asks the total alone: the split is how every budget presents its total.
"""
from __future__ import annotations

import re
from dataclasses import replace

from nlp import lexicon as L
from nlp.execute import Context, Result
from nlp.execute.base import money
from nlp.execute.figures import change, figures_by_key
from nlp.frames import Frame, Operation

# the operations whose figures are looked up as printed, and so shown with their stated change
_LOOKED_UP = ("lookup", "list", "share")
# the operations that already answer the change, in any part of the question
_CHANGE_ASKED = ("change", "growth", "derive")
_MAX_DEPARTMENTS = 2  # a change beside each figure of a comparison of many departments would bury the answer


def _change_asked(frames: list[Frame]) -> bool:
    """Whether any part of the question asks a change (比上年多了多少, 增长率, 去年是多少): it answers the change
    itself, so no part gets it beside its figure."""
    return any(f.operation.name in _CHANGE_ASKED or set(f.operation.also) & set(_CHANGE_ASKED) or f.derive_previous
               for f in frames)


def wants_stated_change(frame: Frame, frames: list[Frame]) -> bool:
    """Whether a part's figures are shown with the change their document states: a figures part
    that looks figures up, for one or two departments, in a question none of whose parts asks for
    a change or a year other than the budget's."""
    if frame.focus != "figures" or frame.derived_only or frame.measures_guessed or frame.of_previous:
        return False
    if frame.operation.name not in _LOOKED_UP or "yesno" in frame.operation.also:
        return False  # (a yes/no figure question states the change itself: ``figures``)
    if not 1 <= len(frame.filters.departments) <= _MAX_DEPARTMENTS or len(frame.filters.years) > 1:
        return False
    if frame.filters.budget_unit is not None:
        return False  # a unit's row: the department's change is not the unit's
    plain = [m for m in frame.measures if not m.startswith("word:")]
    if not plain:
        return False
    return not _change_asked(frames)


def stated_change_of(frame: Frame, frames: list[Frame], ctx: Context) -> Result | None:
    """The change the document states for a looked-up part's figures (``change`` with no whole in
    place of an unstated one), or None where the part is not one to add it to or nothing is stated."""
    if not wants_stated_change(frame, frames):
        return None
    plain = [m for m in frame.measures if not m.startswith("word:")]
    stated = change(replace(frame, measures=plain, operation=Operation("change")), ctx, whole_if_unstated=False)
    if not stated.items or "比上年" not in stated.text or "没有相应" in stated.text:
        return None
    return stated


# what each total is made of, as budgets print it
_MADE_OF = {"income_total": [k for k in L.INCOME_BY_SOURCE if k != "income_total"],
            "expenditure_total": ["basic_expenditure", "project_expenditure"]}


def composition_of(frame: Frame, frames: list[Frame], ctx: Context) -> str:
    """收入总计 asked alone: its parts by source (其中一般公共预算拨款…、上年结转结余…), in words; 支出总计 its 基本支出
    and 项目支出. Empty where the question asks anything beside the total or its parts are not printed."""
    if frame.focus != "figures" or frame.measures not in (["income_total"], ["expenditure_total"]) \
            or frame.measures_guessed or frame.operation.name != "lookup" or frame.operation.also \
            or len(frame.filters.departments) != 1 or len(frames) > 2:
        return ""
    if any(f is not frame and f.focus == "figures" and set(f.measures) & set(_MADE_OF[frame.measures[0]]) for f in frames):
        return ""  # (its parts are asked by a part of their own)
    budgets, _ = ctx.scope(frame)
    if len(budgets) != 1:
        return ""
    b = budgets[0]
    keys = _MADE_OF[frame.measures[0]]
    by = figures_by_key(ctx, budgets, keys)
    said = [f"{ctx.vocab.label(k)}{money(r.amount)}万元" for k in keys
            for r in [by.get((b.department, b.year, k))] if r is not None and r.amount]
    return "其中" + "、".join(said) + "。" if len(said) >= 2 else ""


def stated_subject_change(frame: Frame, frames: list[Frame], ctx: Context, shown: list | None = None) -> Result | None:
    """One subject looked up (住房公积金多少, 公共安全支出多少): the change the narrative states for it, as the
    subjects executor reads it when a change is asked — its rows stay the answer's, the statement is said
    beside them. None where the part is not one subject of one budget or nothing is stated."""
    from nlp.execute import EXECUTORS

    f = frame.filters
    if frame.focus != "subjects" or frame.operation.name not in ("lookup", "list") or frame.operation.also \
            or len({s.name for s in f.subjects}) != 1 or len(f.departments) != 1 or len(f.years) > 1 \
            or f.level or f.bound or f.rate_bound or f.keywords:
        return None
    if _change_asked(frames):
        return None
    stated = EXECUTORS["subjects"](replace(frame, operation=Operation("change")), ctx)
    if not stated.items or not re.search(r"比上年|比20\d\d年", stated.text) or "文件未列示" in stated.text:
        return None
    if shown is not None and not {i.value for i in stated.items if i.value} & {i.value for i in shown if i.value}:
        return None  # (the part answered from another table — the 三公 table's 会议费 — not this subject's row)
    return stated
