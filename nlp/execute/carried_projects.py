"""The projects a budget's 上年结转 pays for: where the carried-over money went.

A budget says it in one of three ways, read in this order per budget:
1. projects of their own category (上年结转结余情况明细表 items: ``category`` carryover);
2. a project's 绩效目标表 printing its money by source (其中：财政拨款 / **上年结转** / 其他资金): the
   projects whose 上年结转 line is above zero, with that part (国家信访局 2026: 信息化运行维护 750.00);
3. a 绩效目标表 printing 其他资金 where the budget's income has no money of the unit's own besides
   the carry-over (福州民政局本级 2026: 收入 = 财政拨款 + 上年结转结余 30.00, and one project's 其他资金
   30.00): that 其他资金 can only be the carry-over. Said so in the answer, with the figures it rests
   on, and only where those 其他资金 together do not exceed the carry-over.
"""
from __future__ import annotations

import re
from decimal import Decimal

from nlp import lexicon as L
from nlp.execute.base import Context
from nlp.frames import Frame
from nlp.graph import Budget, Row
from nlp.reply import money
from nlp.sparql import Constraints

ZERO = Decimal(0)
# the funding concepts of a project's 其中 lines (kg.rdf.mapping.FUNDS_SOURCES)
CARRIED_LINE, OTHER_LINE = "carryover_total", "unit_funds"
# a budget's own money besides its appropriations and the carry-over (单位资金 and its lines)
OWN_MONEY = ("unit_funds", "unit_business", "unit_operating", "unit_upper", "unit_affiliated", "unit_other")


def asks_carried(frame: Frame) -> bool:
    """A list of projects asked of the carry-over (结转的钱安排到哪个项目, 哪些项目用了上年结转)."""
    f = frame.filters
    if re.search(L.CONDITION_ONLY + "|" + L.INCLUDE_WORDS, frame.clause):  # 连上年结转的也算, 含上年结转在内: it joins the set
        return False
    return frame.focus == "projects" and not f.projects and (
        f.categories == ["carryover"] or (not f.categories and "carryover" in (f.sources or [])))


def carried_line(frame: Frame, r: Row) -> Decimal | None:
    """The 上年结转 line of a named project's money where the question asks of the carry-over (信息化运行维护
    用了多少上年结转 → its 绩效目标表's 其中 上年结转 750.00); None where it is not asked or not printed."""
    f = frame.filters
    if "carryover" not in (f.sources or []) and "carryover" not in f.categories:
        return None
    return (r.attrs.get("funds") or {}).get(CARRIED_LINE)


def _part(r: Row, line: str) -> Decimal:
    return (r.attrs.get("funds") or {}).get(line) or ZERO


def carried_projects(frame: Frame, ctx: Context, budgets: list[Budget], everything: list[Row]
                     ) -> tuple[list[Row], str]:
    """The projects of ``everything`` (the budgets' projects under the frame's other filters) that
    the carry-over pays for, each labelled with its carried part where a 其中 line gives it, and a
    note saying how the third way was read. ``everything`` must not be filtered by category."""
    kept: list[Row] = []
    notes: list[str] = []
    for b in budgets:
        mine = [r for r in everything if r.department == b.department and r.year == b.year]
        own = [r for r in mine if r.attrs.get("category") == "carryover"]
        if own:
            kept += own
            continue
        lined = [r for r in mine if _part(r, CARRIED_LINE) > 0]
        if lined:
            kept += [_with_part(r, _part(r, CARRIED_LINE), "上年结转") for r in lined]
            continue
        inferred, note = _other_as_carried(ctx, b, mine)
        kept += inferred
        if note:
            notes.append(note)
    return kept, "；".join(notes)


def _with_part(r: Row, part: Decimal, label: str) -> Row:
    attrs = dict(r.attrs)
    attrs["carried_part"] = (label, part)
    return Row(r.label, r.amount, r.unit, r.department, r.year, r.source, r.iri, r.key, attrs)


def _other_as_carried(ctx: Context, b: Budget, mine: list[Row]) -> tuple[list[Row], str]:
    others = [r for r in mine if _part(r, OTHER_LINE) > 0]
    if not others:
        return [], ""
    figures = {r.key: r.amount for r in ctx.rows("figures", [b], Constraints(items=["carryover_total", *OWN_MONEY]))}
    carried = figures.get("carryover_total")
    own = sum((figures.get(k) or ZERO for k in OWN_MONEY), ZERO)
    total_other = sum((_part(r, OTHER_LINE) for r in others), ZERO)
    if not carried or own > 0 or total_other > carried:
        return [], ""
    note = (f"{b.department}{b.year}年的收入除财政拨款外只有上年结转结余{money(carried)}万元（未列单位资金），"
            f"绩效目标表中列为“其他资金”的{money(total_other)}万元即来自上年结转（文件未直接写明）")
    return [_with_part(r, _part(r, OTHER_LINE), "其他资金（即上年结转）") for r in others], note


# 那个项目 / 这些项目 / 该项目: the projects the part before answered with, named by a demonstrative
THE_PROJECT = r"(?:那|这|该)(?:个|些|几个|笔)?项目"


def the_projects_just_named(frame: Frame, ctx: Context) -> set[str]:
    """The IRIs of the projects the part before listed, where this part names them only by a
    demonstrative (那个项目一共多少钱 after 结转安排到哪个项目了) and names no project of its own."""
    prev = ctx.previous
    if frame.filters.projects or prev is None or not re.search(THE_PROJECT, frame.clause):
        return set()
    return {r.iri for r in prev.rows if r.iri and "/project/" in r.iri}


def carried_said(r: Row) -> str:
    """A carried project's money as its 其中 lines print it, the carry-over named as such."""
    label, part = r.attrs["carried_part"]
    funds = r.attrs.get("funds") or {}
    lines = [("fiscal", "财政拨款"), (CARRIED_LINE, "上年结转"), (OTHER_LINE, "其他资金")]
    said = []
    for key, name in lines:
        value = funds.get(key)
        if value is None or (value == 0 and key != CARRIED_LINE):
            continue
        said.append(f"{label if value == part and key in (CARRIED_LINE, OTHER_LINE) else name}{money(value)}万元")
    return "其中" + "、".join(said) if said else f"其中{label}{money(part)}万元"


def department_carryover(frame: Frame, ctx: Context) -> tuple[list, str]:
    """The budgets' own 上年结转结余 beside the projects it pays for (the projects' lines need not add
    up to it: the rest funds basic expenditure or projects without a target table)."""
    from nlp.execute.base import item_of

    budgets, _ = ctx.scope(frame)
    rows = [r for r in ctx.rows("figures", budgets, Constraints(items=["carryover_total"])) if r.amount is not None]
    label = ctx.vocab.label("carryover_total")
    items = [item_of(r, label) for r in rows]
    said = "；".join(f"{r.department}{r.year}年{label}共{money(r.amount)}万元" for r in rows)
    return items, said
