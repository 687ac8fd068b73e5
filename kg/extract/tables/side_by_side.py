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
    """The width of one part where a header row of cells is the same words repeated (two halves,
    or three parts as the central 决算 prints 公开06表: 人员经费 | 公用经费 | 公用经费), else None."""
    for line in lines:
        cells = line.cells
        if not cells or any(c and is_money(c) for c in cells):
            continue
        for count in (2, 3, 4):
            if len(cells) % count:
                continue
            k = len(cells) // count
            chunks = [[compact_name(c) if c else "" for c in cells[i * k:(i + 1) * k]] for i in range(count)]
            if all(chunk == chunks[0] for chunk in chunks[1:]) and sum(1 for c in chunks[0] if c) >= 2:
                return k
    return None


def _half(line: Line, cells: tuple[str | None, ...]) -> Line:
    return Line(text=" ".join(c for c in cells if c), lineno=line.lineno, page=line.page,
                cells=cells, table=line.table)


def _is_class_row(part: tuple[str | None, ...], figures: list[Decimal]) -> bool:
    """A 类 row of a part: a 3-digit code not followed by a 款 group (``301 | | 工资福利支出``,
    ``301 | 工资福利支出``), with its figure."""
    first = (part[0] or "").strip()
    second = (part[1] or "").strip() if len(part) > 1 else ""
    return bool(re.fullmatch(r"\d{3}", first)) and not re.fullmatch(r"\d{2}", second) and len(figures) > 1


def split_halves(lines: list[Line]) -> tuple[list[Line], dict[str, tuple[Decimal, Line, Decimal | None]]]:
    """The lines with every row of parts cut into its parts (the first part's rows first), and
    the labelled totals of the parts (``人员经费合计`` -> its figure, its line and the sum of the
    类 rows of the parts it totals). A total whose label stands in one part and its figure in a
    later one (``公用经费合计 | | … | 2,266.65``) totals the parts from its label to its figure.
    The total rows are taken out of the lines: each totals its own parts only, so it is not the
    table's 合计."""
    k = half_width(lines)
    if k is None:
        return lines, {}
    count = max(len(line.cells) for line in lines if line.cells) // k
    head: list[Line] = []
    outs: list[list[Line]] = [[] for _ in range(count)]
    totals: dict[str, tuple[Decimal, Line, Decimal | None]] = {}
    class_sums: list[Decimal | None] = [None] * count  # Σ 类 rows of each part
    tail: list[Line] = []
    started = False
    for line in lines:
        cells = line.cells
        if cells is None or len(cells) != count * k:
            (tail if started else head).append(line)  # a note below the table stays below it
            continue
        parts = [tuple(cells[i * k:(i + 1) * k]) for i in range(count)]
        if not started and not any(c and is_money(c) for c in cells) and not any(
                c and re.fullmatch(r"\d{3}", c.strip()) for c in cells):
            if all(compact_name(" ".join(c or "" for c in part)) ==
                   compact_name(" ".join(c or "" for c in parts[0])) for part in parts[1:]):
                head.append(_half(line, parts[0]))  # a header row the parts share: once
            # a row naming each part (人员经费 | 公用经费) heads its own part only: the rows of every
            # part are read under the shared header (决算数 = the row's total), the parts' own
            # totals are the labelled 合计 rows
            continue
        started = True
        pending: tuple[str, int] | None = None  # a total's label waiting for its figure
        last_end = -1  # the last part a total of this row covered
        for side, part in enumerate(parts):
            if not any(part):
                continue
            label = compact_name(next((c for c in part if c and not is_money(c)), "") or "")
            figures = [parse_money(c) for c in part if c and is_money(c)]
            figure = figures[-1] if figures else None  # the figure column is the last: 301 is a code
            if not label and figure is not None and pending is not None:
                label, first = pending
            elif label.endswith("合计"):
                first = side
            else:
                first = None
            if first is not None and label.endswith("合计"):
                if figure is None:
                    pending = (label, side)
                    continue
                # a total covers the parts since the last total: 公用经费合计 printed in the third
                # part totals the second and the third
                covered = [class_sums[i] for i in range(min(first, last_end + 1), side + 1)
                           if class_sums[i] is not None]
                last_end = side
                totals[label] = (figure, line, sum(covered, Decimal(0)) if covered else None)
                pending = None
                continue
            if _is_class_row(part, figures):
                class_sums[side] = (class_sums[side] or Decimal(0)) + figure
            outs[side].append(_half(line, part))
    return head + [line for out in outs for line in out] + tail, totals
