"""比上年增加/减少 statements of the 情况说明 -> ``record.changes``.

Each statement gives a subject (what changed), the amount and direction of the change, the
percentage where printed and the reason (主要原因是 …), with provenance.
"""
from __future__ import annotations

import re
from dataclasses import asdict

from kg.extract.narrative.text import chapter_labels, make_span, money, prov
from kg.extract.source import Line
from kg.extract.text_normalize import format_money

_NUM = r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_CHANGE_RE = re.compile(r"比上年(?:预算)?(?:数)?(增加|减少|增长|下降)" + _NUM +
                        r"万元(?:[，,](?:增长|下降|增幅|降幅)?" + _NUM + r"%)?")
_FIGURE_RE = re.compile(_NUM + r"万元")
_REASON_RE = re.compile(r"^[。，,；;]?主要原因(?:是|为)?[：:]?([^。]*)")
# A part listed after 其中： in a change statement: ``公务用车运行费减少 5.50 万元，下降 24.44%``.
_PART_RE = re.compile(r"^([^，,；;。：:\d]{2,30}?)(增加|减少|增长|下降)" + _NUM + r"万元(?:[，,](?:增长|下降|增幅|降幅)?"
                      + _NUM + r"%)?")


def read_changes(lines: list[Line], file: str) -> list[dict]:
    """Every ``…比上年预算增加 X 万元，增长 Y%，主要原因是 …`` statement, in order."""
    span = make_span(lines)
    labels = chapter_labels(lines)
    out: list[dict] = []
    for m in _CHANGE_RE.finditer(span.text):
        head = re.split(r"[。；;]", span.text[max(0, m.start() - 150):m.start()])[-1]
        head = re.sub(r"^.*其中[：:]", "", head)
        head = re.split(r"(?<![\d.])\d{1,2}[、．](?!\d)|[（(][一二三四五六七八九十]+[)）][^，,]*?情况(?=.)", head)[-1]
        current = _FIGURE_RE.search(head)
        subject = _subject(head)
        direction = "increase" if m.group(1) in ("增加", "增长") else "decrease"
        rest = span.text[m.end():m.end() + 300]
        rest = re.sub(r"^[^。主]{0,20}?(?=主要原因)", "", rest)
        reason = _REASON_RE.match(rest)
        line = span.line_at(m.start())
        out.append({"subject": subject, "amount": format_money(money(m.group(2))), "direction": direction,
                    "percent": m.group(3), "current": format_money(money(current.group(1))) if current else None,
                    "reason": reason.group(1) if reason else None,
                    "provenance": {k: v for k, v in asdict(prov(file, line, labels.get(line.lineno))).items()
                                   if v is not None}})
        out.extend(_parts(span, m.end(), subject, file, labels))
    return out


def _subject(head: str) -> str:
    """What a statement is about: the words before its figure, without numbering, year and the
    department's name (``克州生态环境局2024年的机关运行经费财政拨款预算 49.86万元`` -> 机关运行经费)."""
    head = re.sub(r"^\s*(?:\d+\s*[、.．]|[（(][一二三四五六七八九十]+[)）])", "", head)
    before_figure = re.split(_NUM + r"\s*万元", head)[0]
    pieces = re.split(r"\d{4}\s*年度?的?", before_figure)
    for piece in reversed(pieces):
        cleaned = re.sub(r"(?:预算数|为|[：:，,\s])+$", "", piece.strip())
        cleaned = re.sub(r"(?:的)?财政拨款预算$", "", cleaned).strip("，,：: ")
        if len(cleaned) >= 2:
            return cleaned
    return ""


def _parts(span, start: int, parent: str, file: str, labels: dict) -> list[dict]:
    """The parts a statement lists after ``其中：`` (each with its own change and reason), so a
    question about one part (公务用车运行费 of 三公) finds its own figure."""
    sentence = span.text[start:start + 1200].split("。")[0]
    if "其中" not in sentence:
        return []
    out: list[dict] = []
    offset = start + sentence.index("其中")
    for clause in re.split(r"[；;]", sentence[sentence.index("其中"):]):
        clause_start = span.text.find(clause, offset)
        offset = max(offset, clause_start)
        text = re.sub(r"^其中[：:]", "", clause.strip())
        m = _PART_RE.match(text)
        if not m:
            continue
        reason = re.search(r"主要原因(?:是|为)?[：:]?(.*)$", text)
        line = span.line_at(clause_start if clause_start >= 0 else start)
        out.append({"subject": m.group(1).strip("，,：: "), "parent": parent,
                    "amount": format_money(money(m.group(3))),
                    "direction": "increase" if m.group(2) in ("增加", "增长") else "decrease",
                    "percent": m.group(4), "current": None,
                    "reason": reason.group(1) if reason else None,
                    "provenance": {k: v for k, v in asdict(prov(file, line, labels.get(line.lineno))).items()
                                   if v is not None}})
    return out
