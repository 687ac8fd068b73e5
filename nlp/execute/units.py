"""The budget units inside one department: the rows of its income table printed by unit
(收入总体情况表 / 收入预算总表 with a 单位名称 column, ``bkg:unitIncomeStructure``) and of its
expenditure table printed by unit (西安 表3 部门综合预算支出总表, ``bkg:unitExpenditureStructure``:
a spending figure — 支出总计, 基本支出, 项目支出 — is read from it where the budget prints one) and
of its 三公 table printed by unit (杭州 表7, ``bkg:unitThreePublicStructure``: the 三公 total and
each of its parts, ``MEASURE_ITEMS``).

A question about a department's figure that names its units — as people say them: 北郊监狱 for
杭州市北郊监狱, 局本级 for the department's own row, 四个监狱 / 两个下属中心 for the units whose names
end in that word, 各单位 / 系统里 / 分别落在哪几个单位 for all of them — is answered from each unit's
own row: the figure of each, ranked where the question ranks, each unit's share of the department's
figure, and how many there are. Where the department's budget prints no table by unit the caller
answers as before (the department's own figure, said to be so).
"""
from __future__ import annotations

import os
import re
from decimal import Decimal

from kg.extract.model import THREE_PUBLIC_PARTS, UNIT_FUND_LINES
from nlp import derive as D
from nlp import lexicon as L
from nlp.execute.base import Context, Result, derived_item, item_of, who, with_note
from nlp.frames import Frame
from nlp.numbers import chinese_count
from nlp.graph import Row
from nlp.reply import money
from nlp.sparql import Constraints
from nlp.vocabulary import COLUMN_OF_FIGURE, WAN

# a department-level figure -> the columns of the income table by unit that make it up
MEASURE_SOURCES: dict[str, tuple[str, ...]] = {
    "income_total": ("total",), "expenditure_total": ("total",),
    "general_public_budget": ("general_public_budget",),
    "fiscal_total": ("general_public_budget", "government_fund", "state_capital"),
    "government_fund": ("government_fund",), "state_capital": ("state_capital",),
    "carryover_total": ("carryover_fiscal", "carryover_nonfiscal"),
    "carryover_fiscal": ("carryover_fiscal",), "carryover_nonfiscal": ("carryover_nonfiscal",),
    "unit_funds": ("unit_funds",),
    **{k: (k,) for k in UNIT_FUND_LINES},
}
# a department-level spending figure -> the kind of spending of the expenditure table by unit (西安
# 表3 部门综合预算支出总表 by unit): read from it where the budget prints one, else (支出总计 only)
# from the income table by unit as before
MEASURE_KINDS: dict[str, str] = {"expenditure_total": "total", **COLUMN_OF_FIGURE}
# a department-level figure printed by unit in a table whose columns are items (the 三公 table by
# unit, ``bkg:unitThreePublicStructure``): read from its cells of that item
MEASURE_ITEMS: tuple[str, ...] = tuple(f"three_public.{k}" for k in THREE_PUBLIC_PARTS) + (
    # the columns a 三公 table prints beside the 三公 (西安 表13 会议费, 培训费 and their 合计)
    "three_public.meetings", "three_public.training", "three_public.with_meetings_training")
# a clause asking of the year before or the change: each unit's figure is said with them where the table
# prints them beside the year
_YEAR_BEFORE = re.compile(r"上年|去年|上一年|比上年|增减|增加|减少|变化|涨|降")
INCOME_TABLE, EXPENDITURE_TABLE = "按单位列示的收入表", "按单位列示的支出表"
ITEMS_TABLE = "按单位列示的三公经费表"
PROJECTS_BY_UNIT = "各项目按承担单位相加"
# a place or the department's own prefix before a unit's kind: 杭州市北郊监狱 is 北郊监狱 as people say it
_PLACE_CHAR = re.compile(r"自治区|省|市|自治州|州|盟|区|县|旗")
_BRACKETS = re.compile(r"（[^）]*）|\([^)]*\)")
_COUNT = r"(?:[两二三四五六七八九十几]|\d+)(?:个|家|所|座)"
_UNDER = r"(?:下属|下面|所属|直属|下辖)"


def asks_units(frame: Frame) -> bool:
    """True where the clause asks about units inside one department (not only its own figure)."""
    return len(frame.filters.departments) == 1 and bool(re.search(L.UNITS_ASKED, frame.clause))


def short_names(name: str) -> list[str]:
    """The forms of a unit's name people say: as printed, without its brackets, without its place."""
    plain = _BRACKETS.sub("", name)
    # every cut after a place character near the start (杭州市北郊监狱 → 北郊监狱): one of them is
    # the place's end, the others are never typed and match nothing
    cuts = [plain[m.end():] for m in _PLACE_CHAR.finditer(plain[:9])]
    forms = [name, plain, *cuts]
    return [f for f in dict.fromkeys(forms) if len(f) >= 3]


def without_parent(name: str, parent: str) -> list[str]:
    """A unit's name without the words it shares with its department's (西安市安全生产执法监察支队 of
    西安市安全生产监督管理局 → 执法监察支队): how people name a unit inside its department."""
    common = len(os.path.commonprefix([name, parent])) if parent else 0
    rest = _BRACKETS.sub("", name[common:])
    return [rest] if common >= 3 and len(rest) >= 4 else []


def kind_of(name: str) -> str:
    """A unit's kind, the last two characters of its name without brackets (监狱, 中心, 援助中心 → 中心)."""
    return _BRACKETS.sub("", name)[-2:]


# Units left out of the ones asked (除了本级以外, 不算本级, 本级除外).
_EXCEPT = re.compile(rf"(?:{L.LEFT_OUT_VERBS})(?P<what>[^，。？,?()（）]{{1,16}}?)(?:以外|之外|外|(?=[)），,]))|"
                     r"(?P<what2>[^，。？,?]{1,16}?)除外")
# The units under a department, its own row not among them (下属单位, 下面的单位, 直属单位): 本级 is no
# 下属单位. (所属单位 is left alone: budgets call every unit they cover, 本级 included, 所属.)
_UNDER_ONLY = re.compile(r"(?:下属|下面|下辖|直属)的?(?:各|几个|哪些)?(?:个)?(?:预算)?单位")


def select(clause: str, units: dict[str, tuple[str, bool]]) -> tuple[list[str], bool]:
    """The units (by IRI) the clause names: by name, 本级 (the department's own row), or a kind
    after a count or 下属/下面 (四个监狱, 两个下属中心); all of them where it names none. Returns
    the IRIs and whether the clause chose them (False: all)."""
    chosen: list[str] = []
    parent = next((name for name, own in units.values() if own), "")
    left_out = _EXCEPT.search(clause)
    if left_out:  # 除了局本级以外哪三家最多: those units are not among the ones asked
        clause = clause.replace(left_out.group(0), "，")
        what = left_out.group("what") or left_out.group("what2")
        picked, said = select(what, units)
        gone = set(picked) if said else set()
        rest, named = select(clause, {u: v for u, v in units.items() if u not in gone})
        return rest, named
    for u, (name, own) in units.items():
        if own:  # the department's own row by 本级 only: its name is the department's
            if re.search(r"本级|机关本部", clause):
                chosen.append(u)
        elif any(form in clause for form in short_names(name) + without_parent(name, parent)):
            chosen.append(u)
    for kind in sorted({kind_of(n) for n, own in units.values() if not own}):
        if re.search(rf"{_COUNT}[^，。？,?]{{0,4}}?{kind}|{_UNDER}[^，。？,?]{{0,5}}?{kind}", clause):
            chosen += [u for u, (n, own) in units.items() if not own and kind_of(n) == kind and u not in chosen]
    if re.search(r"(?:[两二三四五六七八九十]|\d+)个(?:下属|所属|直属)?的?单位", clause):
        # 两个下属单位和本级: the units besides the department's own row, counted out (哪几个单位 / 下属各单位
        # name no particular ones: every unit, as where none is named)
        chosen += [u for u, (n, own) in units.items() if not own and u not in chosen]
    if not chosen and _UNDER_ONLY.search(clause) and re.search(r"最|排|前[一二三四五六七八九十\d]", clause):
        # 下属单位哪个最少: a ranking of the units under the department, its own office not among them (下属
        # 各单位分别多少 lists every row, 本级 with them)
        chosen = [u for u, (n, own) in units.items() if not own]
    counted = re.search(r"([两二三四五六七八九十]|\d+)个(?:下属|所属|直属)?的?单位", clause)
    if counted and chinese_count(counted.group(1)) == len(units) and len(chosen) < len(units):
        chosen = list(units)  # 下属四个单位 where the table prints four rows: its own office is one of them
    chosen = list(dict.fromkeys(chosen))
    return (chosen, True) if chosen else (list(units), False)


def unit_figures(ctx: Context, frame: Frame, key: str) -> tuple[list[Row], str]:
    """Each unit's figure ``key`` of the frame's department and year (the sum of the columns that
    make it up, where the unit prints one of them), and the table's name for the text: a spending
    figure from the expenditure table by unit where the budget prints one (its column of that kind,
    all funds), else from the income table by unit."""
    budgets, _ = ctx.scope(frame)
    if not budgets:
        return [], ""
    latest = max(budgets, key=lambda b: b.year)
    if key in MEASURE_ITEMS:
        return _item_by_unit(ctx, latest, key)
    cells = ctx.rows("units", [latest])
    spending = [c for c in cells if c.attrs.get("kind")]
    kind = MEASURE_KINDS.get(key)
    # the expenditure table by unit: the column of that kind — where the budget prints it (广东 prints
    # 基本支出 and 项目支出 by unit, not 支出总计: that one stays the income table's)
    wanted = [c for c in spending if c.attrs["kind"] == kind and c.key == "total" and c.amount is not None]
    if kind is not None and wanted:
        table = EXPENDITURE_TABLE
    elif key == "project_expenditure":
        return _projects_by_unit(ctx, frame, latest)
    else:
        sources = MEASURE_SOURCES.get(key, ())
        wanted = [c for c in cells if not c.attrs.get("kind") and c.key in sources and c.amount is not None]
        table = INCOME_TABLE
    by_unit: dict[str, list[Row]] = {}
    for c in wanted:
        by_unit.setdefault(c.iri, []).append(c)
    out: list[Row] = []
    for u, parts in by_unit.items():
        amount = sum((p.amount for p in parts), Decimal(0))
        first = parts[0]
        out.append(Row(first.label, amount, WAN, first.department, first.year, first.source, u, key,
                       {"own": first.attrs.get("own"), "parts": parts}))
    out.sort(key=lambda r: printed_order(r.source))
    return out, table


def _item_by_unit(ctx: Context, budget, key: str) -> tuple[list[Row], str]:
    """Each unit's cell of the item ``key`` of the 三公 table by unit. A unit of the table whose cell
    of that item is blank has none of it (the table's 合计 adds it as nothing): it is listed with 0,
    its row's place as source, so the units counted are the table's (杭州市司法局本级 prints no 公务用车
    购置费: 0, not left out)."""
    cells = ctx.rows("unit_items", [budget])
    units: dict[str, Row] = {}
    for c in sorted(cells, key=lambda c: printed_order(c.source)):
        units.setdefault(c.iri, c)
    if not units:
        return [], ""
    printed = {c.iri: c for c in cells if c.key == key and c.amount is not None}
    if not printed:
        return [], ""
    out = []
    for u, first in units.items():
        c = printed.get(u, first)
        amount = c.amount if u in printed else Decimal(0)
        row = [x for x in cells if x.iri == u and x.amount is not None]
        out.append(Row(first.label, amount, WAN, first.department, first.year, c.source, u, key,
                       {"own": first.attrs.get("own"), "parts": [c] if u in printed else [], "blank": u not in printed,
                        "row": sorted(row, key=lambda x: MEASURE_ITEMS.index(x.key))}))
    out.sort(key=lambda r: printed_order(r.source))
    return out, ITEMS_TABLE


def _year_before(r: Row, items: list, name: str, label: str) -> str:
    """A unit's figure of the year before and its change, as the table prints them beside the year
    (西安 表13 上年 | 当年 | 增减变化情况), with their items; nothing where it prints neither."""
    cell = next(iter(r.attrs.get("parts") or []), None)
    if cell is None:
        return ""
    previous, change = cell.attrs.get("previous"), cell.attrs.get("change")
    said = []
    if previous is not None:
        items.append(item_of(Row(f"{name}{label}（上年）", previous, WAN, r.department, r.year, r.source, r.iri,
                                 r.key), f"{name}上年{label}"))
        said.append(f"上年{money(previous)}万元")
    if change is not None:
        items.append(item_of(Row(f"{name}{label}（增减）", change, WAN, r.department, r.year, r.source, r.iri,
                                 r.key), f"{name}{label}增减"))
        said.append(("增加" if change > 0 else "减少" if change < 0 else "持平") +
                    (f"{money(abs(change))}万元" if change else ""))
    return f"（{'，'.join(said)}）" if said else ""


def _projects_by_unit(ctx: Context, frame: Frame, budget) -> tuple[list[Row], str]:
    """项目支出 by unit where no table prints it by unit: the budget's projects added up by the unit each
    one's table names (the department's own office where none is named) — only where they add up to
    the printed 项目支出, so the units' figures are the document's, not a partial list's."""
    projects = [r for r in ctx.rows("projects", [budget]) if r.amount is not None
                and r.attrs.get("category") != "aggregate"]  # a total the table prints as a row is no project
    own_figure = _department_figure(ctx, frame, "project_expenditure")
    if own_figure is None:
        return [], ""
    current = [r for r in projects if r.attrs.get("category") != "carryover"]
    projects = next((rows for rows in (projects, current)
                     if rows and sum((r.amount for r in rows), Decimal(0)) == own_figure.amount), [])
    if not projects:
        return [], ""
    dept = budget.department
    groups: dict[str, list[Row]] = {}
    for r in projects:
        groups.setdefault(str(r.attrs.get("unit") or dept), []).append(r)
    if len(groups) < 2:
        return [], ""
    out = []
    for name, rows in groups.items():
        first = min(rows, key=lambda r: printed_order(r.source))
        out.append(Row(name, sum((r.amount for r in rows), Decimal(0)), WAN, dept, budget.year, first.source,
                       f"unit:{name}", "project_expenditure", {"own": name == dept, "parts": rows}))
    out.sort(key=lambda r: printed_order(r.source))
    return out, PROJECTS_BY_UNIT


def _department_figure(ctx: Context, frame: Frame, key: str) -> Row | None:
    """The department's own printed figure ``key`` (its 收入总计 …) of the frame's latest budget."""
    budgets, _ = ctx.scope(frame)
    if not budgets:
        return None
    latest = max(budgets, key=lambda b: b.year)
    rows = [r for r in ctx.rows("figures", [latest], Constraints(items=[key])) if r.key == key and r.amount is not None]
    return rows[0] if rows else None


def printed_order(source: str | None) -> tuple[int, int]:
    """A row's place in its table (page, line), from its source text, so units are listed as printed."""
    page = re.search(r"第(\d+)页", source or "")
    line = re.search(r"第(\d+)行", source or "")
    return (int(page.group(1)) if page else 0, int(line.group(1)) if line else 0)


def unit_figure_missing(frame: Frame, ctx: Context, label: str) -> Result:
    """A unit named by its full name whose row in the department's tables by unit prints no figure
    ``label`` (西安's 支出总表 by unit splits by funds, not 基本/项目): said so, with the tables by
    unit the document prints — the department's own figure never stands in for the unit's."""
    unit = frame.filters.budget_unit.name if frame.filters.budget_unit else "该单位"
    dept = frame.filters.departments[0].name if frame.filters.departments else ""
    text = (f"{dept}按单位列示的收支表没有列出{unit}的{label}，不能用部门的数字代替；"
            f"可以问{unit}的收入总计或支出总计。")
    _, note = ctx.scope(frame)
    return Result([], with_note(text, note), [], [])


def units_table_missing(frame: Frame, ctx: Context, label: str) -> Result:
    """A figure asked of each unit in turn (各直属事业单位分别安排了多少预算) where the department's budget prints no
    table by unit: said so — the department's total never stands in for its units' figures."""
    dept = frame.filters.departments[0].name if frame.filters.departments else "该部门"
    text = f"没有找到：{dept}的预算文件没有按所属单位分列{label}，只有部门合计，不能拆到各单位。"
    _, note = ctx.scope(frame)
    return Result([], with_note(text, note), [], [])


def _total_word(label: str) -> str:
    """合计 after a figure's label, unless the label says it already (“三公”经费合计)."""
    return "" if label.endswith("合计") else "合计"


def _unit_name(r: Row) -> str:
    """A unit's name as the answer says it: the department's own row marked 本级."""
    return f"{r.label}（本级）" if r.attrs.get("own") and "本级" not in r.label else r.label


def units_answer(frame: Frame, ctx: Context, label: str, named_only: bool = False) -> Result | None:
    """The frame's figure for the units the clause names (``select``), with the operation asked:
    ranked (谁最多, 按多少排), shares of the department's figure (各占多少, every answer of
    several units shows them), counted (几个单位). None where the budget prints no table by unit,
    and — ``named_only``, a question without a units word — where the clause names none of its units."""
    key = frame.measures[0] if frame.measures else "income_total"
    if key not in MEASURE_SOURCES and key not in MEASURE_KINDS and key not in MEASURE_ITEMS:
        return None
    rows, table = unit_figures(ctx, frame, key)
    if not rows:
        return None
    names = {r.iri: (r.label, bool(r.attrs.get("own"))) for r in rows}
    chosen, named = select(frame.clause, names)
    if named_only and not named:  # no units word in the question and no unit named: the department's figure
        return None
    whole = sum((r.amount for r in rows), Decimal(0))
    picked = [r for r in rows if r.iri in chosen]
    op = frame.operation
    if op.name in ("rank", "sort") or re.search(r"最多|最少|最大|最小|排", frame.clause):
        picked.sort(key=lambda r: r.amount, reverse=op.descending)
    # (a set the clause names by a group word — 下属单位, 不算本级 — is cut to the N asked; units named one by
    # one or counted out, 四个监狱哪个最多哪个最少, are all shown, the first and the last compared)
    grouped = bool(_EXCEPT.search(frame.clause) or _UNDER_ONLY.search(frame.clause))
    if (not named or grouped) and op.name == "rank" and op.explicit_n and op.n and op.n < len(picked):
        picked = picked[: op.n]
    dept, year = picked[0].department, picked[0].year
    zeros = [r for r in picked if not r.amount]
    if not named and op.name not in ("rank", "sort") and len(zeros) >= 2 and len(zeros) < len(picked):
        # 上年结转结余落在哪个单位: the units that hold some; the others said in one phrase, not row by row
        picked = [r for r in picked if r.amount]
    else:
        zeros = []
    own_figure = _department_figure(ctx, frame, key)
    if own_figure is not None:  # the department's printed figure is the base of each unit's share
        total = D.Input(f"{dept}{label}", own_figure.amount, WAN, dept, year, own_figure.source)
    else:
        total = D.Input(f"{dept}{label}（各单位合计）", whole, WAN, dept, year, None)
    items, lines, derived = [], [], []
    for rank, r in enumerate(picked, 1):
        name = _unit_name(r)
        items.append(item_of(r, name, rank=rank, metric=label))
        share = D.share(D.Input(name, r.amount, WAN, dept, year, r.source), total, f"{name}占比")
        part = f"{rank}. {name}{'' if len(picked) > 1 else '的' + label}{money(r.amount)}万元"
        if _YEAR_BEFORE.search(frame.clause):
            part += _year_before(r, items, name, label)
        if share is not None and len(rows) > 1:
            derived.append(share)
            if op.name == "share" or "share" in op.also:  # (asked: a row; else said beside the amount)
                items.append(derived_item(share))
            part += f"（占{share.value}%）"
        lines.append(part)
    split_asked = bool(re.search(r"怎么(?:分|安排|分配|构成)|如何(?:分|安排|分配)|分(?:别|项)是|各项", frame.clause))
    if key == MEASURE_ITEMS[0] and picked and (len(picked) == 1 or split_asked or (
            op.name == "rank" and (not op.explicit_n or op.n == 1) and re.search(r"最", frame.clause))):
        # 哪个单位三公最多 / 西郊监狱三公多少: the unit's 三公 as its row prints it, part by part (分到各单位怎么
        # 安排的: every unit's)
        for i, unit in enumerate(picked if split_asked else picked[:1]):
            parts = [c for c in unit.attrs.get("row", []) if c.key != key and (c.amount or not split_asked)]
            if not parts:
                continue
            said = {c.key: f"{ctx.vocab.label(c.key)}{money(c.amount)}万元" for c in parts}
            car_parts = [said.pop(k) for k in ("three_public.vehicle_purchase", "three_public.vehicle_operation")
                         if k in said and "three_public.vehicles" in said]
            if car_parts:  # 购置费 and 运行费 inside their 小计, as the table prints them
                said["three_public.vehicles"] += "（" + "、".join(car_parts) + "）"
            lines[i] += "，其中" + "、".join(said.values())
    scope = f"{len(picked)}个单位" if named else f"所属{len(rows)}个预算单位（含本级）" \
        if any(r.attrs.get("own") for r in rows) else f"所属{len(rows)}个预算单位"
    left_out = [r for r in rows if r.iri not in chosen] if _EXCEPT.search(frame.clause) else []
    if not left_out and _UNDER_ONLY.search(frame.clause):
        # 下属各单位前三: the units under the department, its own office not among them — said with its figure,
        # since many readers count the office among the units
        left_out = [r for r in rows if r.iri not in chosen and r.attrs.get("own")]
    if left_out:  # 除了本级以外: the ranking is of the others; what was left out is said with the whole
        scope = f"所属{len(rows)}个预算单位中除" + "、".join(_unit_name(r) for r in left_out) + "以外"
    rest = f"其余{len(zeros)}个单位均为0（{'、'.join(r.label for r in zeros[:8])}{'等' if len(zeros) > 8 else ''}）" \
        if zeros else ""
    if zeros:
        text = f"{who(dept, year)}{scope}的{label}（{table}）：" + "；".join(lines) + f"；{rest}。"
    elif len(picked) == 1:
        text = f"{who(dept, year)}所属单位{lines[0][3:]}（{table}）。"
    else:
        text = f"{who(dept, year)}{scope}的{label}（{table}）：" + "；".join(lines) + "。"
    if len(picked) > 1 and any(d.label.endswith("占比") for d in derived) and total.value:
        text += f"占比按{total.label}{money(total.value)}万元计算。"  # (the whole each share is of)
    if len(picked) > 1:
        d = D.total([D.Input(r.label, r.amount, WAN, dept, year, r.source) for r in picked],
                    f"{len(picked)}个单位{label}{_total_word(label)}")
        derived.append(d)
        items.append(derived_item(d))
        text += f"{d.formula}。"
    if (op.name == "difference" or "difference" in op.also) and len(picked) >= 2:
        # 最多和最少差多少: the first of the ranking against the last
        top, bottom = max(picked, key=lambda r: r.amount), min(picked, key=lambda r: r.amount)
        d = D.difference(D.Input(top.label, top.amount, WAN, dept, year, top.source),
                         D.Input(bottom.label, bottom.amount, WAN, dept, year, bottom.source))
        derived.append(d)
        items.append(derived_item(d))
        text += f"{d.formula}。"
    if left_out:
        for r in left_out:
            items.append(item_of(r, _unit_name(r), metric=label))
        text += "不在其中的" + "、".join(f"{_unit_name(r)}{money(r.amount)}万元" for r in left_out) + \
            f"；{dept}共有{len(rows)}个预算单位，{label}{_total_word(label)}{money(whole)}万元。"
    elif named and len(picked) < len(rows):
        text += f"{dept}共有{len(rows)}个预算单位，{label}{_total_word(label)}{money(whole)}万元。"
    if own_figure is not None and own_figure.amount != whole:
        text += (f"各单位相加{money(whole)}万元，与部门{label}{money(own_figure.amount)}万元相差"
                 f"{money(abs(whole - own_figure.amount))}万元（文件按单位列示的尾数）。")
    _, note = ctx.scope(frame)
    return Result(items, with_note(text, note), derived, picked)
