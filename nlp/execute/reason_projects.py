"""Projects the narrative names only in the reason of a stated change (支出预算比上年增加…，主要原因是新增
转拨项目太湖苏州辖区生态清淤一期工程（转拨）、吴中区沿太湖圩区退圩还湖工程（转拨）31000万元): no project
table prints them, so a topic question about them (跟太湖有关的转拨项目是哪几个) finds no project row. They
are answered from the statement, said to be the statement's: the names as printed, the amount the sentence
gives them together (never split among them by guess), and where it stands.
"""
from __future__ import annotations

import re
from decimal import Decimal

from nlp.execute.base import Context, Result, who
from nlp.frames import Frame
from nlp.reply import Item, money
from nlp.vocabulary import WAN

# 新增转拨项目A、B31000万元 / 安排X项目1,200万元: the names after 项目 up to the amount they share
_NAMED_AFTER = re.compile(r"(?:新增|增加|减少|安排|实施|开展)?[\u4e00-\u9fff]{0,4}?项目(?P<names>[^，,。；;：:]{4,120}?)"
                          r"\s*(?P<amount>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>万元|亿元|元)")


def named_in(reason: str) -> list[tuple[list[str], Decimal | None]]:
    """The project names a reason lists, each group with the amount the sentence gives it (万元)."""
    out = []
    for m in _NAMED_AFTER.finditer(reason or ""):
        names = [n.strip() for n in re.split(r"[、和及]", m.group("names")) if len(n.strip()) >= 4]
        if not names:
            continue
        value = Decimal(m.group("amount").replace(",", ""))
        value = value * 10000 if m.group("unit") == "亿元" else value / 10000 if m.group("unit") == "元" else value
        out.append((names, value))
    return out


def projects_named_in_reasons(frame: Frame, ctx: Context, budgets, words: list[str]) -> Result | None:
    """The projects a stated change's reason names whose names hold every word asked; ``None`` where none do."""
    if not words:
        return None
    seen: set[str] = set()
    items: list[Item] = []
    said: list[str] = []
    for change in ctx.rows("changes", budgets):
        for names, value in named_in(change.attrs.get("reason") or ""):
            wanted = [n for n in names if all(w in n for w in words)] or \
                ([*names] if all(w in "".join(names) for w in words) and len(words) > 1 else [])
            key = "、".join(names)
            if not wanted or key in seen:
                continue
            seen.add(key)
            single = len(names) == 1
            for n in names:
                items.append(Item(n, money(value) if single and value is not None else None, WAN if single else None,
                                  change.department, change.year, change.source,
                                  {"stated_in": f"{change.label}的增减说明"}))
            amount = f"{money(value)}万元" if value is not None else "金额未列明"
            said.append(f"{who(change.department, change.year)}项目表未列出，{change.label}的增减说明写明：" + "、".join(
                f"“{n}”" for n in names) + (f"，{amount}" if single else f"，合计{amount}（说明未分列各项）"))
    if not items:
        return None
    yes = "有。" if frame.operation.name == "yesno" else ""  # 有没有清淤的项目: yes, as the statement names them
    return Result(items, yes + "；".join(said) + "。", [], [])
