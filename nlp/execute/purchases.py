"""The purchases a 政府采购 table prints item by item (``bkg:Purchase``): a question naming one gets its amount
and its money by source (城区污水处理运营服务费多少钱，一般公共预算和政府性基金各出多少); a question about the
procurement asking for its items gets them listed, above a bound or ranked (政府采购有哪些项目, 哪些采购超过100万元,
最大的三项采购); a question about a topic's projects gets the purchases on that topic beside them
(跟污水处理有关的项目有哪些: ``with_topic_purchases``).

A purchase is named by the name the table prints for it (专项名称 / 采购项目) standing whole in a question asking
its money (who carries it out, who won it, stay with the readers of those);
a name that is also the name of a subject (物业管理费) or of a project the question was linked to is left to
that subject or project unless the question speaks of 采购. The procurement's totals (政府采购多少, 货物/服务各多少) stay the figures'.
"""
from __future__ import annotations

import re
import weakref
from decimal import Decimal

from nlp.execute.base import Context, Result, item_of, who, with_note
from nlp.execute.projects import funds_lines
from nlp.frames import Frame
from nlp.graph import Graph, Row
from nlp.reply import Item, money
from nlp.vocabulary import PREFIXES

PROCUREMENT = r"采购"
# a clause asking for the purchases themselves, not the procurement's total or its 货物/工程/服务 parts
_LIST_ASKED = (r"哪些|哪几|有什么|是什么|都买|买了?什么|列出|列一下|明细|清单|具体|分别|几项|几个|多少项|多少个|"
               r"超过|以上|大于|高于|不少于|不低于|低于|不到|以下|小于|最大|最多|最贵|最高|最少|最小|前[一二三四五六七八九十\d]+")
_CATEGORY_ASKED = r"货物|工程|服务类|类别|几类|哪类|大类|方式|形式"
_MIN_NAME = 5  # a purchase named by fewer characters is a generic word (定额, 设备购置)
_SOURCE_ASKED = r"一般公共预算|政府性基金|财政专户|其他资金|上年结转|来源|各出|各[是占]|出多少"
# a clause naming a purchase asks its money (多少, 安排, 来源 …), not who carries it out or who won it
_MONEY_ASKED = r"多少|几[万千百]|金额|钱|预算|安排|花|来源|哪几块|各出|出资|资金"
# a list of a topic's projects asked (哪些, 有什么): the purchases on the topic beside them
_TOPIC_LIST_ASKED = r"哪些|哪几|有什么|列出|列一下|都有"


def _rows(frame: Frame, ctx: Context) -> tuple[list[Row], str]:
    budgets, note = ctx.scope(frame)
    if not budgets:
        return [], note
    return [r for r in ctx.rows("purchases", budgets) if r.amount is not None], note


_PURCHASE_NAMES: "weakref.WeakKeyDictionary[Graph, list[str]]" = weakref.WeakKeyDictionary()


def _may_name_a_purchase(frame: Frame, ctx: Context) -> bool:
    """Whether the clause holds the name of some purchase of the graph (one query of the names alone,
    once per ``Graph``): where it holds none, ``_named`` finds none among any budgets' purchases, so
    those need not be read (their query over every budget cost 1.5–3.7 s at 10,000 documents)."""
    names = _PURCHASE_NAMES.get(ctx.graph)
    if names is None:
        rows = ctx.graph.run(PREFIXES + "SELECT DISTINCT ?name WHERE { ?doc bkg:statesPurchase ?x . ?x rdfs:label ?name }")
        names = _PURCHASE_NAMES[ctx.graph] = [str(r["name"]) for r in rows if len(str(r["name"])) >= _MIN_NAME]
    clause = re.sub(r"\s+", "", frame.clause)
    return any(name in clause for name in names)


def _named(frame: Frame, rows: list[Row]) -> list[Row]:
    """The purchases whose printed name stands whole in the question (the longest names first: one that
    contains another is the one named)."""
    clause = re.sub(r"\s+", "", frame.clause)
    names = sorted({r.label for r in rows if len(r.label) >= _MIN_NAME and r.label in clause}, key=len, reverse=True)
    kept: list[str] = []
    for name in names:
        if not any(name in longer for longer in kept):
            kept.append(name)
    subjects = {s.name for s in frame.filters.subjects if getattr(s, "name", None)}
    projects = {p.name for p in frame.filters.projects if getattr(p, "name", None)}
    if not re.search(PROCUREMENT, clause):
        kept = [n for n in kept if not any(n in s or s in n for s in subjects)]  # 物业管理费: the subject asked
        # 购买中介机构审计服务花多少钱: a project of the same name is the budget's own line, the purchase only
        # how part of it is bought (its share of 项目支出 is the project's)
        kept = [n for n in kept if n not in projects]
    return [r for r in rows if r.label in kept]


def _line(r: Row, items: list[Item]) -> str:
    """One purchase said: its name, what it buys and how, its amount, its sources."""
    items.append(item_of(r, extra_label(r)))
    what = "，".join(x for x in (r.attrs.get("item") if r.attrs.get("item") != r.label else None,
                                 r.attrs.get("method")) if x)
    said = f"{r.label}{f'（{what}）' if what else ''}{money(r.amount)}万元"
    sources = funds_lines(r, items)
    if len(sources) > 1 or (sources and not sources[0].endswith(f"{money(r.amount)}万元")):
        said += "，其中" + "、".join(sources)
    elif sources:
        said += f"，全部为{re.sub(r'[0-9.,]+万元$', '', sources[0])}"
    return said


def extra_label(r: Row) -> str:
    item = r.attrs.get("item")
    return f"{r.label}（{item}）" if item and item != r.label else r.label


def _said(rows: list[Row], items: list[Item], head: str) -> str:
    by_budget: dict[tuple, list[Row]] = {}
    for r in rows:
        by_budget.setdefault((r.department, r.year), []).append(r)
    parts = []
    for (department, year), own in by_budget.items():
        total = sum((r.amount for r in own), Decimal(0))
        lines = [_line(r, items) for r in own]
        count = f"{len(own)}项，合计{money(total)}万元" if len(own) > 1 else ""
        parts.append(f"{who(department, year)}{head}{count}：" + "；".join(lines))
    return "。".join(parts) + "（政府采购表）。"


def named_purchases(frame: Frame, ctx: Context, previous: Result | None = None) -> Result | None:
    """A question naming a purchase of a 政府采购 table, or asking for the procurement's purchases, or asking
    the sources of the purchases the part before named (…多少钱，一般公共预算和政府性基金各出多少); ``None``
    where it does none of these (or the budgets asked about print no purchases)."""
    clause = frame.clause
    if frame.focus == "departments" and len(frame.filters.departments) >= 2:
        return None  # 三个审计局的政府采购预算哪家最多: the departments ranked on their totals, not purchases
    before = [r for r in (previous.rows if previous is not None else []) if r.key == "purchase"]
    if before and len(before) == len(previous.rows) and re.search(_SOURCE_ASKED, clause) \
            and not re.search(PROCUREMENT, clause):
        items: list[Item] = []
        return Result(items, _said(before, items, "政府采购表列出"), [], before)
    asks_list = bool(re.search(PROCUREMENT, clause) and re.search(_LIST_ASKED, clause)
                     and not re.search(_CATEGORY_ASKED, clause))
    money_asked = bool(re.search(_MONEY_ASKED, clause))
    if not asks_list and not (money_asked and _may_name_a_purchase(frame, ctx)):
        return None  # (before reading every purchase of the budgets in scope: 1.5–3.7 s at 10,000 documents)
    rows, note = _rows(frame, ctx)
    if not rows:
        return None
    named = _named(frame, rows) if money_asked else []
    if not named and not asks_list:
        return None
    items: list[Item] = []
    if named:
        return Result(items, with_note(_said(named, items, "政府采购表列出"), note), [], named)
    chosen = rows
    bound = frame.filters.bound
    if bound is not None:
        chosen = [r for r in chosen if bound.admits(r.amount)]
    chosen = sorted(chosen, key=lambda r: (r.department or "", r.year or 0, -(r.amount or 0)))
    op = frame.operation
    if op.name == "rank" and op.n:
        chosen = [r for key in dict.fromkeys((r.department, r.year) for r in chosen)
                  for r in [x for x in chosen if (x.department, x.year) == key][:op.n]]
    if not chosen:
        return Result([], with_note("政府采购表里没有符合条件的采购项目。", note), [], [])
    head = "政府采购表列出的采购项目" + ("（按条件筛选）" if bound is not None else "")
    return Result(items, with_note(_said(chosen, items, head), note), [], chosen)


def with_topic_purchases(frame: Frame, ctx: Context, result: Result) -> Result:
    """A list of a topic's projects with the purchases on the same topic beside it (跟污水处理有关的项目/采购有
    哪些): the purchases whose name or item holds one of the question's topic words."""
    words = [w for w in [*frame.filters.keywords, *frame.filters.topic_text] if len(w) >= 2]
    if frame.focus != "projects" or frame.operation.name not in ("list", "count") or not words \
            or not frame.filters.departments or not re.search(_TOPIC_LIST_ASKED, frame.clause):
        return result  # only a department's projects on a topic, listed
    rows, _ = _rows(frame, ctx)
    hits = [r for r in rows if any(w in r.label or w in (r.attrs.get("item") or "") for w in words)]
    if not hits:
        return result
    items: list[Item] = []
    text = _said(hits, items, f"与“{'、'.join(words)}”有关的政府采购")
    found_nothing = not result.items
    return Result((result.items or []) + items, text if found_nothing else f"{result.text}另外，{text}",
                  result.derived, (result.rows or []) + hits, result.relaxed)
