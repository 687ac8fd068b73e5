"""Tables printed as two halves side by side, read as one column of rows.

The 决算 template prints 一般公共预算财政拨款基本支出决算表 in two halves across the page: 人员经费
subjects on the left (``301 01 基本工资 262.33``), 公用经费 subjects on the right (``302 01 办公费
21.21``), each half with the same header (``经济分类 | 科目名称 | 决算数``), and a last row
``人员经费合计 2,152.26 | 公用经费合计 184.65``. A row of cells whose header repeats itself is cut in
the middle: the left halves come first, then the right halves, so a row parser sees ordinary
``code name figure`` rows. Rows without cells (text input) are left as they are.
"""
from __future__ import annotations

import re
from decimal import Decimal

from kg.extract.source import Line
from kg.extract.text_normalize import compact_name, is_money, parse_money


def half_width(lines: list[Line]) -> int | None:
    """The width of one half where a header row of cells is the same words twice, else None."""
    for line in lines:
        cells = line.cells
        if not cells or len(cells) % 2 or any(c and is_money(c) for c in cells):
            continue
        k = len(cells) // 2
        left = [compact_name(c) if c else "" for c in cells[:k]]
        right = [compact_name(c) if c else "" for c in cells[k:]]
        if left == right and sum(1 for c in left if c) >= 2:
            return k
    return None


def _half(line: Line, cells: tuple[str | None, ...]) -> Line:
    return Line(text=" ".join(c for c in cells if c), lineno=line.lineno, page=line.page,
                cells=cells, table=line.table)


def split_halves(lines: list[Line]) -> tuple[list[Line], dict[str, tuple[Decimal, Line, Decimal | None]]]:
    """The lines with every two-half row cut in two (left halves first), and the labelled
    totals of the halves (``人员经费合计`` -> its figure, its line and the sum of its half's 类
    rows). The total rows are taken out of the lines: each totals its own half only, so it is
    not the table's 合计."""
    k = half_width(lines)
    if k is None:
        return lines, {}
    head: list[Line] = []
    left: list[Line] = []
    right: list[Line] = []
    totals: dict[str, tuple[Decimal, Line, Decimal | None]] = {}
    class_sums: list[Decimal | None] = [None, None]  # Σ 类 rows of the left / right half
    started = False
    for line in lines:
        cells = line.cells
        if cells is None or len(cells) != 2 * k:
            (left if started else head).append(line)
            continue
        a, b = tuple(cells[:k]), tuple(cells[k:])
        if not started and not any(c and is_money(c) for c in cells) and not any(
                c and re.fullmatch(r"\d{3}", c.strip()) for c in cells):
            head.append(_half(line, a))  # a header row: once
            continue
        started = True
        for side, (part, out) in enumerate(((a, left), (b, right))):
            if not any(part):
                continue
            label = compact_name(next((c for c in part if c and not is_money(c)), "") or "")
            figures = [parse_money(c) for c in part if c and is_money(c)]
            figure = figures[-1] if figures else None  # the figure column is the last: 301 is a code
            if label.endswith("合计"):
                if figure is not None:
                    totals[label] = (figure, line, class_sums[side])
                continue
            first = (part[0] or "").strip()
            if re.fullmatch(r"\d{3}", first) and not (part[1] or "").strip() and len(figures) > 1:
                class_sums[side] = (class_sums[side] or Decimal(0)) + figure
            out.append(_half(line, part))
    return head + left + right, totals
