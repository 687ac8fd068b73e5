"""Narrative figures: 三公 经费, 机关运行经费, 政府采购, 人员经费/公用经费 as the 情况说明 prints them.

The tables take precedence (表10 for 三公); these figures fill what the tables leave empty and
are compared with the tables by the checks.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from kg.extract.model import Procurement, Provenance, Record, ThreePublic
from kg.extract.narrative.text import chapter_labels, make_span, money, prov
from kg.extract.source import Line

_NUM = r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_GAP = r"(?:预算|支出|数|总额|安排)*(?:为|共|合计)?"
_THREE_TOTAL_RE = re.compile(r"“?三公”?经费" + _GAP + _NUM + r"万元")
_THREE_PARTS = {
    "overseas": r"因公出国[（(]境[)）]费" + _GAP + _NUM + r"万元",
    "vehicles": r"公务用车购置及运行(?:维护)?费(?:[（(]小计[)）])?" + _GAP + _NUM + r"万元",
    "vehicle_purchase": r"公务用车购置费" + _GAP + _NUM + r"万元",
    "vehicle_operation": r"公务用车运行(?:维护)?费" + _GAP + _NUM + r"万元",
    "reception": r"公务接待费" + _GAP + _NUM + r"万元",
}
_OPERATING_RE = re.compile(r"(?:机关|机构|单位)运行经费(?:财政拨款)?" + _GAP + _NUM + r"万元")
# the 决算 wording: "政府采购金额（以合同签订为准）为251.25万元，其中：货物采购金额4.79万元、…"
_PROCUREMENT_TOTAL_RE = re.compile(r"政府采购(?:支出)?(?:金额)?(?:[（(][^）)]{0,20}[）)])?" + _GAP + _NUM
                                   + r"万元[，,。]?其中")
_PROCUREMENT_PARTS = {
    "goods": r"货物(?:类)?(?:采购)?(?:金额)?" + _GAP + _NUM + r"万元",
    "works": r"工程(?:类)?(?:采购)?(?:金额)?" + _GAP + _NUM + r"万元",
    "services": r"服务(?:类)?(?:采购)?(?:金额)?" + _GAP + _NUM + r"万元",
}


# 基本支出 split as the 一般公共预算基本支出 说明 states it: ``（一）人员经费 6080.72 万元。主要包括…``
# (a statement of its own: after an enumeration mark or a sentence break, not ``日常公用经费``)
_STATEMENT_START = r"(?:^|[（(][一二三四五六七八九十\d]{1,2}[)）]|[0-9][.．、]|[。；;：:，,]|其中[:：]?)"
_BASIC_PARTS = {
    "personnel": re.compile(_STATEMENT_START + r"人员经费" + _GAP + _NUM + r"万元"),
    "public_expenses": re.compile(_STATEMENT_START + r"公用经费" + _GAP + _NUM + r"万元"),
}


@dataclass
class NarrativeFigures:
    """What the narrative prints, with where."""

    three_public: ThreePublic | None = None
    operating_expenses: Decimal | None = None
    procurement: Procurement | None = None
    personnel: Decimal | None = None  # 人员经费 of the 一般公共预算基本支出
    public_expenses: Decimal | None = None  # 公用经费 of the same
    where: dict[str, Provenance] = field(default_factory=dict)


def read_figures(lines: list[Line], file: str) -> NarrativeFigures:
    """三公, 机关运行经费 and 政府采购 as the narrative states them (first statement of each)."""
    span = make_span(lines)
    labels = chapter_labels(lines)
    out = NarrativeFigures()

    def where(offset: int, row: str) -> Provenance:
        line = span.line_at(offset)
        return prov(file, line, labels.get(line.lineno), row)

    first = re.search(_THREE_PARTS["overseas"], span.text)
    if first:
        start = max(0, first.start() - 200)
        window = span.text[start:first.start() + 500]
        three = ThreePublic()
        m = _THREE_TOTAL_RE.search(window)
        if m and m.start() < first.start() - start:
            three.total = money(m.group(1))
        for attr, pattern in _THREE_PARTS.items():
            hit = re.search(pattern, window[first.start() - start:])
            if hit:
                setattr(three, attr, money(hit.group(1)))
        if three.vehicles is None and three.vehicle_purchase is not None and three.vehicle_operation is not None:
            three.vehicles = three.vehicle_purchase + three.vehicle_operation
        out.three_public = three
        out.where["three_public"] = where(m.start() + start if m else first.start(), "“三公”经费")
    m = _OPERATING_RE.search(span.text)
    if m:
        out.operating_expenses = money(m.group(1))
        out.where["operating_expenses"] = where(m.start(), "机关运行经费")
    m = _PROCUREMENT_TOTAL_RE.search(span.text)
    if m:
        window = span.text[m.end():m.end() + 200]
        procurement = Procurement(total=money(m.group(1)))
        for attr, pattern in _PROCUREMENT_PARTS.items():
            hit = re.search(pattern, window)
            if hit:
                setattr(procurement, attr, money(hit.group(1)))
        out.procurement = procurement
        out.where["procurement"] = where(m.start(), "政府采购预算")
    for attr, pattern in _BASIC_PARTS.items():
        m = pattern.search(span.text)
        if m:
            label = "人员经费" if attr == "personnel" else "公用经费"
            setattr(out, attr, money(m.group(1)))
            out.where[attr] = where(m.start() + m.group(0).find(label), label)
    return out


def _in_record_unit(figures: NarrativeFigures, unit: str | None) -> NarrativeFigures:
    """The figures (printed in 万元) in ``unit``."""
    if not unit or unit == "万元":
        return figures
    from kg.units import convert

    def conv(value: Decimal | None) -> Decimal | None:
        return convert(value, "万元", unit)

    out = NarrativeFigures(where=figures.where, operating_expenses=conv(figures.operating_expenses),
                           personnel=conv(figures.personnel), public_expenses=conv(figures.public_expenses))
    if figures.three_public is not None:
        out.three_public = ThreePublic(**{k: conv(v) for k, v in vars(figures.three_public).items()})
    if figures.procurement is not None:
        out.procurement = Procurement(**{k: conv(v) for k, v in vars(figures.procurement).items()})
    return out


def apply_figures(figures: NarrativeFigures, record: Record) -> None:
    """Fill the totals the tables left empty (tables take precedence).

    The narrative prints these figures in 万元; a record kept in 元 (Shanghai) gets them
    converted exactly."""
    totals = record.totals
    figures = _in_record_unit(figures, record.unit)
    # a 三公 table read is what the document prints: its blank cells stay blank (the narrative's
    # figures are compared with it in ``narrative.checks``), the narrative fills only without a table
    has_table = any(key.startswith("three_public.") and not (where.table or "").startswith("说明")
                    for key, where in totals.provenance.items())
    if figures.three_public is not None and not has_table:
        for attr in ("total", "overseas", "reception", "vehicles", "vehicle_purchase", "vehicle_operation"):
            if getattr(totals.three_public, attr) is None and getattr(figures.three_public, attr) is not None:
                setattr(totals.three_public, attr, getattr(figures.three_public, attr))
                totals.provenance.setdefault(f"three_public.{attr}", figures.where["three_public"])
    for key in ("operating_expenses", "personnel", "public_expenses"):
        if getattr(totals, key) is None and getattr(figures, key) is not None:
            setattr(totals, key, getattr(figures, key))
            totals.provenance.setdefault(key, figures.where[key])
    if figures.procurement is not None:
        for attr in ("total", "goods", "works", "services"):
            if getattr(totals.procurement, attr) is None:
                setattr(totals.procurement, attr, getattr(figures.procurement, attr))
                totals.provenance.setdefault(f"procurement.{attr}", figures.where["procurement"])
