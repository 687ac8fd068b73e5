"""项目支出情况说明: the narrative blocks ``项目名称：… 设立的政策依据：… 预算安排规模：…``.

Each block gives a project's name, amount (预算安排规模), responsible unit (项目承担单位),
allocation (资金分配情况, kept as the description and summed by the checks), execution period
and the policy documents its text cites. The blocks are found by their field labels, not by the
chapter number, so the reader works wherever a document prints them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from kg.extract.model import Project
from kg.extract.narrative.policy import find_policy_documents
from kg.extract.narrative.text import (AMOUNT_RE, chapter_labels, compact, from_wan, make_span, money, prov,
                                      scrub_phones)
from kg.extract.source import Line
from kg.units import convert

_START_RE = re.compile(r"^(?:[（(]?[一二三四五六七八九十\d]+[)）、.．]\s*)?项目名称\s*[：:]")
_HEADING_RE = re.compile(r"^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）])")
FIELDS = {
    "basis": ("设立的政策依据", "政策依据", "立项依据", "项目设立依据"),
    "amount": ("预算安排规模", "预算安排", "项目预算", "安排资金"),
    "unit": ("项目承担单位", "项目实施单位", "承担单位", "实施单位"),
    "allocation": ("资金分配情况", "资金分配"),
    "period": ("资金执行时间", "项目执行时间", "执行时间", "实施时间"),
}


@dataclass
class NarrativeProject:
    """One 项目说明 block as printed, before merging."""

    name: str
    amount: Decimal | None
    unit: str | None
    basis: str
    allocation: str
    period: str | None
    chapter: str | None
    line: Line
    text: str = ""
    fields: dict[str, str] = field(default_factory=dict)


def _blocks(lines: list[Line]) -> list[list[Line]]:
    blocks: list[list[Line]] = []
    current: list[Line] | None = None
    for line in lines:
        text = line.text.strip()
        if _START_RE.match(text):
            current = [line]
            blocks.append(current)
        elif current is not None:
            if _HEADING_RE.match(text) and not _START_RE.match(text) or "绩效目标表" in compact(text):
                current = None
            else:
                current.append(line)
    return blocks


def _split_fields(text: str) -> dict[str, str]:
    """Field label -> value in a compacted block; the name is what follows 项目名称."""
    marks: list[tuple[int, int, str]] = []
    m = re.search(r"项目名称[：:]", text)
    if m:
        marks.append((m.start(), m.end(), "name"))
    for key, labels in FIELDS.items():
        for label in labels:
            hit = re.search(re.escape(label) + r"[：:]", text)
            if hit:
                marks.append((hit.start(), hit.end(), key))
                break
    marks.sort()
    out: dict[str, str] = {}
    for i, (start, end, key) in enumerate(marks):
        stop = marks[i + 1][0] if i + 1 < len(marks) else len(text)
        out.setdefault(key, text[end:stop].strip("。；;，, "))
    return out


# A project's own section headed by its name (the central departments' 一级项目 sections):
#   1.报全国人大审议的一级项目—信息化运行维护项目
#   情况
#   （1）项目概述 … （2）立项依据 … （6）年度预算安排 …
_SECTION_RE = re.compile(r"^\d{1,2}[.．、][^—－–]{0,24}[—－–]+(?P<name>[^—－–]{2,40}?)(?:项目)?情况$")
_SUB_RE = re.compile(r"^[（(]\d{1,2}[)）](?P<label>[\u4e00-\u9fff]{2,10})$")
_NEXT_ITEM_RE = re.compile(r"^\d{1,2}[.．、]")


def _section_blocks(lines: list[Line]) -> list[tuple[str, Line, dict[str, str]]]:
    """(name, heading line, sub-heading label -> its text) of every project section headed by its
    name and cut into numbered sub-headings, one of them its 立项依据."""
    out = []
    i = 0
    while i < len(lines):
        head = compact(lines[i].text)
        following = compact(lines[i + 1].text) if i + 1 < len(lines) else ""
        wrapped = len(following) <= 4 and not _SUB_RE.match(following)  # ``…项目`` + ``情况`` on the next line
        m = _SECTION_RE.match(head) or (_SECTION_RE.match(head + following) if wrapped else None)
        if not m:
            i += 1
            continue
        j = i + (1 if _SECTION_RE.match(head) else 2)
        subs: dict[str, list[str]] = {}
        label = None
        while j < len(lines):
            text = compact(lines[j].text)
            if _NEXT_ITEM_RE.match(text) or _HEADING_RE.match(text) or "绩效目标表" in text:
                break
            sub = _SUB_RE.match(text)
            if sub:
                label = sub.group("label")
                subs.setdefault(label, [])
            elif label is not None:
                subs[label].append(text)
            j += 1
        if any(key in subs for key in FIELDS["basis"]):
            out.append((m.group("name"), lines[i], {k: "".join(v) for k, v in subs.items()}))
        i = max(j, i + 1)
    return out


def read_narrative_projects(lines: list[Line]) -> list[NarrativeProject]:
    """Every 项目名称： block of the document, and every project section headed by its name, as printed."""
    chapters = chapter_labels(lines)
    out: list[NarrativeProject] = []
    for name, line, subs in _section_blocks(lines):
        basis = next((subs[k] for k in FIELDS["basis"] if k in subs), "")
        budget = next((subs[k] for k in subs if "预算安排" in k), "")
        m = AMOUNT_RE.search(budget)
        out.append(NarrativeProject(
            name=name, amount=money(m.group(1)) if m else None, unit=None, basis=basis, allocation="",
            period=None, chapter=(chapters.get(line.lineno) or "").split("（")[0] or None, line=line,
            text=basis, fields={"basis": basis}))
    for block in _blocks(lines):
        span = make_span(block)
        fields = _split_fields(span.text)
        name = fields.get("name")
        if not name:
            continue
        amount_text = fields.get("amount", "")
        m = re.search(r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(万元|元)?", amount_text)
        amount = money(m.group(1)) if m else None
        if amount is not None and m.group(2) == "元":
            amount = convert(amount, "元", "万元")
        out.append(NarrativeProject(
            name=name, amount=amount, unit=fields.get("unit") or None, basis=fields.get("basis", ""),
            allocation=fields.get("allocation", ""), period=fields.get("period") or None,
            chapter=(chapters.get(block[0].lineno) or "").split("（")[0] or None, line=block[0], text=span.text, fields=fields))
    return out


def allocation_parts(allocation: str) -> list[Decimal]:
    """The figures of a 资金分配情况 that partition the project's amount, or [] where they do not.

    A total (共计/合计) ends the parts; rates (``5万元/年``) and restatements (``即 17.14万元``)
    mean the figures are not a partition, so nothing is returned.
    """
    text = re.split(r"(?:共计|合计|总计)", allocation)[0]
    if re.search(r"元/|/年|/月|即\d", text) or "即" in text:
        return []
    return [money(m.group(1)) for m in AMOUNT_RE.finditer(text)]


def to_project(item: NarrativeProject, file: str, department: str | None, unit: str | None = None) -> Project:
    """A Project from a 项目说明 block (category left to the merge: the tables know it).

    The block prints 万元; the amount is converted exactly into the record's ``unit``.
    """
    docs = find_policy_documents(item.name + "。" + item.text, prov(file, item.line, item.chapter, item.name))
    return Project(name=item.name, amount=from_wan(item.amount, unit), responsible_unit=item.unit or department,
                   description=scrub_phones(item.allocation) or None, execution_period=item.period,
                   policy_documents=docs,
                   provenance=[prov(file, item.line, item.chapter or "项目支出情况说明", item.name)])
