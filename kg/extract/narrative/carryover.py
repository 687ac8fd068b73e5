"""上年结转结余情况说明: the numbered list ``1．名称  64.60万元，主要用于：…``.

The chapter states the 财政拨款 / 非财政拨款 split; an item whose amount alone equals the
非财政拨款 total is the non-fiscal one where the tables (表11) do not say otherwise.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from kg.extract.model import Project
from kg.extract.narrative.policy import find_policy_documents
from kg.extract.narrative.text import chapter_labels, compact, from_wan, make_span, money, prov, scrub_phones
from kg.extract.source import Line

_ITEM_RE = re.compile(r"(?:(?<![\d.])(\d{1,2})[．、.](?!\d)|[（(]\d{1,2}[)）])((?:(?!主要用于|万元).){2,160}?)"
                      r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)万元[，,]?(?:主要用于|用于)[：:]?")
_SPLIT_RE = re.compile(r"(非财政拨款|财政拨款)(?:结转结余)?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)万元")


@dataclass
class CarryoverItem:
    name: str
    amount: Decimal | None
    description: str
    line: Line


@dataclass
class CarryoverSection:
    fiscal: Decimal | None
    nonfiscal: Decimal | None
    total: Decimal | None
    items: list[CarryoverItem]
    chapter: str | None


def _chapter_lines(lines: list[Line]) -> list[Line]:
    """Lines of the 情况说明 chapter about 上年结转结余 (not the 表11 title).

    A chapter heading can wrap (``十一、关于…2024`` / ``年上年结转结余预算情况说明``): the next
    line is read with it.
    """
    out: list[Line] = []
    inside = False
    heading = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|第[一二三四五六七八九十]+部分)")
    for i, line in enumerate(lines):
        text = compact(line.text)
        if heading.match(text):
            if i + 1 < len(lines) and not text.endswith(("说明", "情况")):
                text += compact(lines[i + 1].text)[:20]
            inside = "结转结余" in text and ("情况" in text or "说明" in text) and "明细表" not in text
            if inside:
                out.append(line)
            continue
        if inside:
            out.append(line)
    return out


def read_carryover(lines: list[Line]) -> CarryoverSection | None:
    """The 上年结转结余 chapter's split and items, or None where the document has none."""
    chapter = _chapter_lines(lines)
    if not chapter:
        return None
    span = make_span(chapter)
    text = span.text
    split = {m.group(1): money(m.group(2)) for m in _SPLIT_RE.finditer(text)}
    total_m = re.search(r"上年结转结余(?:预算)?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)万元", text)
    matches = list(_ITEM_RE.finditer(text))
    items: list[CarryoverItem] = []
    for i, m in enumerate(matches):
        stop = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        items.append(CarryoverItem(name=m.group(2).strip("：: "), amount=money(m.group(3)),
                                   description=text[m.end():stop].strip(), line=span.line_at(m.start())))
    labels = chapter_labels(lines)
    return CarryoverSection(fiscal=split.get("财政拨款"), nonfiscal=split.get("非财政拨款"),
                            total=money(total_m.group(1)) if total_m else None, items=items,
                            chapter=labels.get(chapter[0].lineno))


def to_projects(section: CarryoverSection, file: str, department: str | None,
                unit: str | None = None) -> list[Project]:
    """Carry-over projects (amounts in the record's ``unit``), funding source from the stated
    split where it decides it."""
    nonfiscal_item = None
    if section.nonfiscal:
        hits = [it for it in section.items if it.amount == section.nonfiscal]
        nonfiscal_item = hits[0] if len(hits) == 1 else None
    out: list[Project] = []
    for item in section.items:
        if not section.nonfiscal:
            source = "carryover_fiscal"
        elif nonfiscal_item is not None:
            source = "carryover_nonfiscal" if item is nonfiscal_item else "carryover_fiscal"
        else:
            source = None
        where = prov(file, item.line, section.chapter or "上年结转结余", item.name)
        out.append(Project(name=item.name, amount=from_wan(item.amount, unit), category="carryover", funding_source=source,
                           responsible_unit=department, description=scrub_phones(item.description) or None,
                           policy_documents=find_policy_documents(item.name + "。" + item.description, where),
                           provenance=[where]))
    return out
