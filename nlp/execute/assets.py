"""Vehicles and large equipment a department holds or plans to buy (bkg:AssetHolding).

A budget's 国有资产占有使用情况 says how many vehicles (by kind: 执法执勤用车, 应急保障用车 …), how
many items of equipment above a value threshold and how much floor space (房屋, 平方米) the
department holds on a date, and the
政府采购 / 新增资产配置 table how many it plans to buy. A question asks either (有几辆车 / 买几辆):
the words of buying select the planned rows, otherwise the holdings; 车, 设备 and 房屋/面积 select
the kinds (a question naming two kinds is answered in two parts).
"""
from __future__ import annotations

import re
from decimal import Decimal

from nlp import derive as D
from nlp import lexicon as L
from nlp.patterns import compiled
from nlp.execute.base import Context, Result, count_text, derived_item, executor, item_of, who, with_note
from nlp.frames import Frame
from nlp.graph import Row
from nlp.reply import Item, money
from nlp.vocabulary import WAN

# Words of buying: the count asked is of what the budget plans to buy, not of what is held.
PLANNED_WORDS = r"买|购置|购买|新购|新增|计划|拟|采购|配置"
VEHICLE_UNIT = "辆"
# The generic kind the total row of each kind of holding carries (车辆 3 辆 / 单价100万元以上设备 16 台 /
# 房屋 2411.16 平方米); the words asking for each kind are ``lexicon.ASSET_KINDS``.
KIND_TOTALS: dict[str, str] = {"vehicles": "车辆", "equipment": "设备", "buildings": "房屋"}


# The kinds of vehicle the 国有资产占有使用情况 splits its count into, by the words a question names them with.
VEHICLE_KINDS = r"机要通信|应急保障|执法执勤|特种专业技术|一般公务用车|离退休干部(?:服务)?用车|(?:省部级)?领导干部用车"


# The kinds only a class stated by its value alone has (固定资产 10,884.06 万元, 办公家具价值 53.23 万元, 其他资产):
# asked of a budget that states none, the question is answered from the kinds it does state.
VALUE_KINDS = ("total", "furniture", "other")


def kind_of(row: Row) -> str:
    """vehicles, buildings, equipment, furniture, other assets or the total (固定资产) for one holding row."""
    if row.unit == VEHICLE_UNIT or "车" in row.key:  # 北京 counts its vehicles in 台 (车辆 27 台)
        return "vehicles"
    if re.search(r"家具|用具", row.key):
        return "furniture"
    if re.search(r"房|构筑物", row.key) or "平方" in (row.unit or ""):
        return "buildings"
    if row.key.endswith("资产"):  # 固定资产 (the whole), 其他资产 / 无形资产 (a class of it)
        return "other" if re.search(r"其他|无形", row.key) else "total"
    return "equipment"


def kinds_asked(clause: str) -> set[str]:
    """The kinds of holding a clause names (有几辆车 → vehicles; 设备几台、房屋多大面积 → both)."""
    return {kind for kind, rx in L.ASSET_KINDS.items() if compiled(rx).search(clause)}


def _kind_rows(rows: list[Row], clause: str) -> list[Row]:
    """The rows of the kinds the clause names, or all of them. 家具 alone asks for the furniture where the
    budget states it (else, as 设备, for the equipment); a kind only a value statement has (固定资产) that the
    budget does not state is dropped."""
    asked = kinds_asked(clause)
    present = {kind_of(r) for r in rows}
    if "furniture" in asked and "furniture" in present and "设备" not in clause:
        asked.discard("equipment")
    asked = {k for k in asked if k not in VALUE_KINDS or k in present}
    return [r for r in rows if kind_of(r) in asked] if asked else rows


# a value limit asked of the equipment (百万元以上设备, 50万以上的设备): 百 is 100
_LIMIT = r"(?P<n>百|\d+)万(?:元)?(?:（含）|\(含\))?(?:以上|及以上)"


def _limit_rows(rows: list[Row], clause: str) -> list[Row]:
    """The equipment of the value limit the clause names, where the budget counts equipment above several
    limits (单价50万元以上 0 台, 100万元以上 5 台: 几台百万元以上设备 → the 100万 count); else every row."""
    asked = re.search(_LIMIT, clause)
    if asked is None:
        return rows
    n = "100" if asked.group("n") == "百" else asked.group("n")
    limited = [r for r in rows if kind_of(r) == "equipment" and r.attrs.get("threshold")]
    matching = [r for r in limited if re.search(rf"(?<![\d.]){n}万", r.attrs["threshold"])]
    if not matching or len(matching) == len(limited):
        return rows
    return [r for r in rows if r not in limited or r in matching]


def _valued_phrase(rows: list[Row]) -> str:
    """``固定资产4295.98万元；房屋和构筑物3773.63万元（占87.84%）``: the classes stated by their value alone."""
    parts = []
    for r in rows:
        share = r.attrs.get("share")
        parts.append(f"{'计划购置' if r.attrs['planned'] else ''}{r.label.removeprefix('计划购置')}"
                     f"{'共' if kind_of(r) == 'total' else '价值'}{money(r.attrs['value'])}万元"
                     + (f"（占{share:f}%）" if share is not None else ""))
    return "；".join(parts)


def _totals_first(rows: list[Row]) -> tuple[list[Row], list[Row]]:
    """(the total rows — 车辆, 设备, 房屋 — and the rows by kind) of one budget's holdings: a total is
    the row whose kind is its own label's generic word."""
    totals = [r for r in rows if r.key in KIND_TOTALS.values()]
    kinds = [r for r in rows if r not in totals]
    return totals, kinds


def _phrase(total: Row | None, kinds: list[Row], unit: str) -> str:
    nonzero = [r for r in kinds if r.amount]
    count = total.amount if total is not None else sum((r.amount for r in kinds), Decimal(0))
    sample = total if total is not None else (kinds[0] if kinds else None)
    what = KIND_TOTALS[kind_of(sample)] if sample is not None else "设备"
    text = f"{what}共{count_text(count)}{unit}" + _worth(total)
    if total is not None and total.attrs.get("threshold"):
        text = f"{total.attrs['threshold']}的{text}"
    if nonzero:
        text += "，其中" + "、".join(f"{r.key}{count_text(r.amount)}{unit}{_worth(r)}" for r in nonzero)
    zero = [r.key for r in kinds if r.amount is not None and not r.amount]
    if zero and nonzero:  # the kinds the table prints as none (一般公务用车0辆): said, not left out
        text += f"，{'、'.join(zero)}{'均' if len(zero) > 1 else ''}为0{unit}"
    return text


# 平均一辆多少钱 / 每辆车多少: the purchase money over the vehicles it buys
_PRICE_PER_VEHICLE = r"平均(?:每|一)?(?:辆|台)|每(?:辆|台)(?:车)?(?:多少|合|花|要|大概|约)|一(?:辆|台)(?:车)?(?:多少钱|要多少|花多少|合多少)"


def _purchase_statements(ctx: Context, budget):
    """(statement, label, count, unit) of each count of vehicles the 三公 statement prints with its 公务用车购置 money
    (``公务用车购置支出151.68万元，主要用于经批准购置的5辆公务用车``)."""
    for r in ctx.rows("stated", [budget]):
        if r.key == "current" and "购置" in r.label:
            for label, count, unit in r.attrs.get("counts") or []:
                if unit == VEHICLE_UNIT and "购置" in label + r.label:
                    yield r, label, count, unit


def stated_purchase_count(ctx: Context, budget) -> int | None:
    """The vehicles the 三公 statement says its 公务用车购置 money buys, where it says so: the count that money is
    for — the holdings table's planned count may include vehicles bought with other money."""
    return next((int(count) for _r, _label, count, _unit in _purchase_statements(ctx, budget) if count), None)


def _purchase_counts(ctx: Context, budget, items: list, clause: str = "", derived: list | None = None) -> list[str]:
    """The vehicles the 三公 statement says its 公务用车购置 amount buys: a count printed with the purchase figure,
    beside the holdings table's — and, where the clause asks a price per vehicle, that amount over that count
    (the vehicles the money buys, not the table's, which may count kinds bought from other money)."""
    said = []
    for r, label, count, unit in _purchase_statements(ctx, budget):
        items.append(Item(f"{r.label}{label}", f"{count:f}", unit, r.department, r.year, r.source))
        said.append(f"“三公”经费说明中{r.label}{money(r.amount)}万元，{label}{count:f}{unit}")
        if derived is not None and r.amount is not None and re.search(_PRICE_PER_VEHICLE, clause):
            each = D.average(D.Input(r.label, r.amount, WAN, r.department, r.year, r.source),
                             D.Input(label, Decimal(count), unit, r.department, r.year, r.source))
            if each is not None:
                derived.append(each)
                items.append(derived_item(each))
                said.append(each.formula)
    return said


def _worth(row: Row | None) -> str:
    """``（价值64.52万元）`` where the narrative states the holding's value."""
    value = row.attrs.get("value") if row is not None else None
    return f"（价值{money(value)}万元）" if value is not None else ""


@executor("assets")
def assets(frame: Frame, ctx: Context) -> Result:
    """How many vehicles (by kind) or items of equipment a department holds, or plans to buy."""
    budgets, note = ctx.scope(frame)
    rows = ctx.rows("assets", budgets) if budgets else []
    rows = _kind_rows(rows, frame.clause)
    if not rows:
        return Result()
    if re.search(L.ASSET_VALUE, frame.clause) and not any(r.attrs.get("value") is not None for r in rows):
        # 固定资产总值是多少: a worth none of the holdings prints is said to be missing, never a count instead
        held = "、".join(f"{r.key}{count_text(r.amount)}{r.unit or ''}" for r in rows if r.amount)
        return Result(text=with_note(f"没有找到：{'、'.join(dict.fromkeys(who(b.department, b.year) for b in budgets))}"
                                     f"的文件没有列示资产的价值（图谱中没有）" + (f"；文件只列示了数量：{held}" if held else "")
                                     + "。", note))
    rows = _limit_rows(rows, frame.clause)
    qualified = re.search(r"(?:几|多少)(?:辆|台|套|部)(?P<q>[\u4e00-\u9fff]{2,6}?)(?:车|汽车|设备)", frame.clause)
    if qualified and re.search(_LIMIT, qualified.group("q")):
        qualified = None  # 几台百万元以上设备: a value limit, matched against the thresholds (``_limit_rows``)
    if qualified and not any(qualified.group("q") in f"{r.key}{r.label}" for r in rows):
        # 那4辆车里有几辆新能源车: a kind the table does not print — said so, never the vehicles it does count
        held = "、".join(f"{r.key}{count_text(r.amount)}{r.unit or ''}" for r in rows if r.amount)
        return Result(text=with_note(f"没有找到：{'、'.join(dict.fromkeys(who(b.department, b.year) for b in budgets))}"
                                     f"的文件没有按“{qualified.group('q')}”分列数量（图谱中没有）"
                                     + (f"；文件列示的是：{held}" if held else "") + "。", note))
    named = [m.group(0) for m in re.finditer(VEHICLE_KINDS, frame.clause)]
    if named and not any(w in r.key for w in named for r in rows):
        # 那3辆车里机要通信和应急保障用车各几辆: kinds the table does not split the vehicles into — said so
        held = "、".join(f"{r.key}{count_text(r.amount)}{r.unit or ''}" for r in rows if r.amount)
        return Result(text=with_note(f"没有找到：{'、'.join(dict.fromkeys(who(b.department, b.year) for b in budgets))}"
                                     f"的文件没有按{'、'.join(named)}分列车辆数（图谱中没有）"
                                     + (f"；文件列示的是：{held}" if held else "") + "。", note))
    planned = bool(re.search(PLANNED_WORDS, frame.clause))
    chosen = [r for r in rows if r.attrs["planned"] == planned] or rows
    items, parts, kept = [], [], []
    derived: list[D.Derived] = []
    for b in budgets:
        mine = [r for r in chosen if (r.department, r.year) == (b.department, b.year)]
        if not mine:
            continue
        said = []
        for kind in dict.fromkeys(kind_of(r) for r in mine):
            group = [r for r in mine if kind_of(r) == kind]
            valued = [r for r in group if r.amount is None]  # a class stated by its value alone: no count
            if valued:
                for r in valued:
                    label = ("计划购置" if r.attrs["planned"] and not r.label.startswith("计划") else "") + r.label
                    items.append(Item(f"{label}价值", money(r.attrs["value"]), WAN, r.department, r.year, r.source))
                kept += valued
                as_of = next((r.attrs.get("as_of") for r in valued if r.attrs.get("as_of")), None)
                said.append(_valued_phrase(valued) + (f"（截至{as_of}）" if as_of else ""))
            group = [r for r in group if r.amount is not None]
            if not group:
                continue
            unit = group[0].unit
            totals, kinds = _totals_first(group)
            total = totals[0] if totals else None
            shown = ([total] if total is not None else []) + [r for r in kinds if r.amount]
            for r in shown:
                label = ("计划购置" if r.attrs["planned"] and not r.label.startswith("计划") else "") + r.label
                items.append(item_of(r, label))
                if r.attrs.get("value") is not None:
                    items.append(Item(f"{label}价值", money(r.attrs["value"]), WAN, r.department, r.year, r.source))
            kept += shown
            phrase = _phrase(total, kinds, unit)
            for share in _shares_asked(frame.clause, total, kinds):  # 特种专业技术用车占比多少
                derived.append(share)
                items.append(derived_item(share))
                phrase += f"；{share.formula}"
            as_of = next((r.attrs.get("as_of") for r in group if r.attrs.get("as_of")), None)
            said.append(("计划购置" if group[0].attrs["planned"] else "") + phrase +
                        (f"（截至{as_of}）" if as_of else ""))
        if planned and any(r.unit == VEHICLE_UNIT for r in mine):
            said += _purchase_counts(ctx, b, items, frame.clause, derived)
        parts.append(f"{who(b.department, b.year)}：" + "；".join(said))
    if not parts:
        return Result()
    text = "。".join(parts) + "。"
    totals = [r for r in kept if r.key == KIND_TOTALS["vehicles"] and r.amount is not None]
    if len(frame.filters.departments) == 2 and len({r.department for r in totals}) == 2 and len(totals) == 2:
        # 两家各有多少辆车: the two counts compared, the larger first
        a, b = sorted(totals, key=lambda r: r.amount, reverse=True)
        d = D.difference(D.Input(a.department, a.amount, VEHICLE_UNIT, a.department, a.year),
                         D.Input(b.department, b.amount, VEHICLE_UNIT, b.department, b.year))
        if d is not None:
            derived.append(d)
            items.append(derived_item(d))
            text += d.formula + "。"
    return Result(items, with_note(text, note), derived, kept)


def _shares_asked(clause: str, total: Row | None, kinds: list[Row]) -> list[D.Derived]:
    """The share of each kind the clause names in its total, where it asks for one (特种专业技术用车
    有多少，占比多少 → 375 ÷ 517)."""
    if total is None or not total.amount or not re.search(r"占比|比重|比例|占多少|几成|百分之", clause):
        return []
    out = []
    for r in kinds:
        core = re.sub(r"(?:用车|车辆)$", "", r.key or "")  # 执法执勤车占多少 names 执法执勤用车
        if r.key and (r.key in clause or len(core) >= 2 and core in clause) and r.amount is not None:
            share = D.share(D.Input(r.key, r.amount, r.unit or "", r.department, r.year, r.source),
                            D.Input(total.key, total.amount, total.unit or "", total.department, total.year,
                                    total.source), f"{r.key}占比")
            if share is not None:
                out.append(share)
    return out
