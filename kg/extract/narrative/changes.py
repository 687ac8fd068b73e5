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
        subject = re.split(r"[：:]?(?:\d{4}年)?(?:预算数)?为?\d", head)[0]
        subject = re.sub(r"^(?:\d+[、.．]|[（(][一二三四五六七八九十]+[)）])", "", subject).strip("，,：: ")
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
    return out
