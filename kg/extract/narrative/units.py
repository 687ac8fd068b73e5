"""A narrative printed in 元: its amounts restated in 万元, the unit every narrative reader reads.

The narrative readers (项目说明, 上年结转结余, 三公/运行经费/采购 figures, 比上年 changes) match
``X万元`` statements, as the disclosure templates print them. A document whose narrative prints
``X元`` throughout (a small unit's budget, another province's template) would otherwise lose
them all. Where ``元`` amounts outnumber ``万元`` ones ten to one, every ``X元`` is restated as
``X/10000 万元`` — an exact Decimal division, so converting back into the record's unit gives
the printed figure to the cent. A narrative mixing both (``人均 500元`` in a 万元 document) is
left as printed. Performance tables are not passed through this: their targets stay as printed.
"""
from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from kg.extract.source import Line
from kg.units import convert

_WAN_RE = re.compile(r"\d\s*万元")
_YUAN_RE = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(\s*)(?<![万千亿])元")
_MAJORITY = 10
_LINE_END_FIGURE_RE = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(\s*)$")


def prints_yuan(lines: list[Line]) -> bool:
    """True where the narrative's amounts are in 元 (ten times as many ``X元`` as ``X万元``)."""
    text = "\n".join(line.text for line in lines if line.cells is None)
    wan = len(_WAN_RE.findall(text))
    yuan = len(_YUAN_RE.findall(text))
    if wan:
        return yuan >= _MAJORITY * wan
    return yuan >= 3


def _restate(m: re.Match[str]) -> str:
    value = convert(Decimal(m.group(1).replace(",", "")), "元", "万元")
    return f"{format(value.normalize(), 'f')}{m.group(2)}万元"


def restate(text: str) -> str:
    """One text's ``X元`` amounts in 万元 (a performance table's goal, compared by the checks)."""
    return _YUAN_RE.sub(_restate, text)


def in_wan(lines: list[Line]) -> list[Line]:
    """The lines with every ``X元`` amount restated in 万元 where the narrative prints 元, else
    the lines unchanged (table rows are never touched)."""
    if not prints_yuan(lines):
        return lines
    out: list[Line] = []
    for index, line in enumerate(lines):
        if line.cells is not None:
            out.append(line)
            continue
        text = _YUAN_RE.sub(_restate, line.text)
        following = lines[index + 1].text.lstrip() if index + 1 < len(lines) else ""
        if following.startswith("元"):  # ``…预算 498600.00`` + a line break + ``元``
            text = _LINE_END_FIGURE_RE.sub(lambda m: _restate(m)[:-1], text)
        out.append(replace(line, text=text))
    return out
