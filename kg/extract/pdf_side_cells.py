"""Columns a ruled table's grid lost on a page: merged cells printed beside the grid.

A spreadsheet export draws a table's left columns (北京 预算12表: 项目名称 | 项目总额 | 财政资金 |
其他资金 | 绩效目标) as cells merged over many indicator rows. On a page where such a merged cell
has no horizontal rule of its own, pdfplumber's table finder keeps only the columns to its right
(一级指标 … 度量单位); the merged cells come back as loose text lines, and a project's code, name
and amount stand among the lines of its goal text — in reading order nothing tells them apart.

Their positions do. The page's vertical rules still bound each lost column, and the horizontal
rules crossing it (with the grid's own top and bottom) bound each merged cell. Every character
left of the grid, inside the grid's height and inside no cell the finder read, is put in the
cell its centre falls in; each cell then joins the grid's rows it spans, as a merged cell found
by the finder does: its text on every row it covers, a figure on the first of them only (never
copied down, which would count it twice). The table comes out as wide as the page part that
found every column, so ``pdf_columns.realign`` lines a continuation up by position.
"""
from __future__ import annotations

from dataclasses import dataclass

from kg.extract.pdf_columns import column_spans
from kg.extract.pdf_tables import PageTable, TableRow, _cell_text, clean_cell
from kg.extract.text_normalize import is_money

_RULE = 2.0  # a rule is drawn thinner than this (PDF points)
_EPS = 1.0
_MIN_COLUMN = 5.0  # narrower gaps between two vertical rules are one rule drawn twice
_MOSTLY = 0.8  # a run of text with this share of its characters in one column is that column's


@dataclass(frozen=True)
class SideCell:
    """A merged cell beside a table's grid: its box and its text (lines joined as a cell's are)."""

    x0: float
    x1: float
    top: float
    bottom: float
    text: str


def _rules(page) -> tuple[list[dict], list[dict]]:
    """(vertical, horizontal) ruling edges of the page: lines and thin rectangles."""
    edges = page.edges
    return ([e for e in edges if e["orientation"] == "v"], [e for e in edges if e["orientation"] == "h"])


def _centre_in(char: dict, box: tuple[float, float, float, float]) -> bool:
    cx, cy = (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2
    return box[0] <= cx < box[2] and box[1] <= cy < box[3]


def side_cells(page, bbox: tuple[float, float, float, float],
               boxes: list[tuple[float, float, float, float]]) -> list[SideCell]:
    """The merged cells of the grid ``bbox``'s rows that the table finder did not read — left of
    the grid, or inside it where a merged cell had no horizontal rule (see the module docstring);
    none where no vertical rules bound a column there."""
    gx0, gtop, gx1, gbottom = bbox
    loose = [c for c in page.chars if gtop <= (c["top"] + c["bottom"]) / 2 < gbottom
             and (c["x0"] + c["x1"]) / 2 < gx1 and not any(_centre_in(c, b) for b in boxes)]
    if not loose:
        return []
    vertical, horizontal = _rules(page)
    height = gbottom - gtop
    cover: dict[float, float] = {}  # a rule drawn in segments (one per cell) covers the sum of them
    for e in vertical:
        if e["x0"] < gx1 + _EPS:
            x = round(e["x0"], 1)
            cover[x] = cover.get(x, 0.0) + max(0.0, min(e["bottom"], gbottom) - max(e["top"], gtop))
    xs = sorted({x for x, length in cover.items() if length >= height / 2} | {round(gx0, 1)})
    columns = [(a, b) for a, b in zip(xs, xs[1:]) if b - a > _MIN_COLUMN]
    placed = _columns_of_runs(loose, columns)
    out: list[SideCell] = []
    for k, (x0, x1) in enumerate(columns):
        mine = [c for c, column in placed if column == k]
        if not mine:
            continue
        cuts = sorted({gtop, gbottom} | {e["top"] for e in horizontal
                                         if e["x0"] <= x0 + _EPS and e["x1"] >= x1 - _EPS and gtop < e["top"] < gbottom})
        for top, bottom in zip(cuts, cuts[1:]):
            inside = [c for c in mine if top <= (c["top"] + c["bottom"]) / 2 < bottom]
            text = clean_cell(_cell_text(inside))
            if text:
                out.append(SideCell(x0, x1, top, bottom, text))
    return out


def _columns_of_runs(chars: list[dict], columns: list[tuple[float, float]]) -> list[tuple[dict, int]]:
    """Each character with the column its run of text stands in (a printed line's characters with
    no wide gap between them). A name that spills a character or two over a rule stays in the
    column most of it is in; a run spread over columns (a caption ``预算单位：长春市信访局`` printed
    across the grid, a ``总计：`` label over two columns) is no cell of these columns: it stays text."""
    def column_of(char: dict) -> int | None:
        cx = (char["x0"] + char["x1"]) / 2
        return next((i for i, (a, b) in enumerate(columns) if a <= cx < b), None)

    out: list[tuple[dict, int]] = []
    lines: list[list[dict]] = []
    for char in sorted(chars, key=lambda c: (round(c["top"]), c["x0"])):
        if lines and abs(char["top"] - lines[-1][0]["top"]) <= 2:
            lines[-1].append(char)
        else:
            lines.append([char])
    for line in lines:
        line.sort(key=lambda c: c["x0"])
        run: list[dict] = []
        for char in line + [None]:
            if run and (char is None or char["x0"] - run[-1]["x1"] > (run[-1]["x1"] - run[-1]["x0"])):
                where = [column_of(c) for c in run]
                most = max(set(where), key=where.count)
                if most is not None and where.count(most) >= _MOSTLY * len(run):
                    out += [(c, most) for c in run]
                run = []
            if char is not None:
                run.append(char)
    return out


def side_columns(cells: list[SideCell]) -> list[tuple[float, float]]:
    """The columns the cells stand in, left to right."""
    return sorted({(c.x0, c.x1) for c in cells})


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> float:
    return min(a[1], b[1]) - max(a[0], b[0])


def widen(table: PageTable, cells: list[SideCell], columns: list[tuple[float, float]]) -> list[SideCell]:
    """Put the side cells into the table's rows: into the grid's own column where one stands
    there (rows that left it blank), else in a column of their own left of the grid; a cell's
    text on every row whose middle it covers, a figure on the first such row only. Returns the
    cells placed (a cell no row took stays text for the line reader)."""
    spans = column_spans(table)
    own: dict[tuple[float, float], int] = {}
    for column in columns:
        k = max(range(len(spans)), key=lambda i: _overlap(spans[i], column) if spans[i] else -1.0, default=None)
        if k is not None and spans[k] and _overlap(spans[k], column) > (column[1] - column[0]) / 2:
            own[column] = k
    new = [c for c in columns if c not in own and c[1] <= table.x0 + _EPS]
    seen: set[SideCell] = set()

    def text_for(column: tuple[float, float], middle: float) -> str | None:
        cell = next((c for c in cells if (c.x0, c.x1) == column and c.top <= middle < c.bottom), None)
        if cell is None or (is_money(cell.text) and cell in seen):
            return None
        seen.add(cell)
        return cell.text

    rows: list[TableRow] = []
    for row in table.rows:
        middle = (row.top + row.bottom) / 2
        cells_of = list(row.cells)
        for column, k in own.items():
            if k < len(cells_of) and not cells_of[k]:
                cells_of[k] = text_for(column, middle)
        added = [text_for(column, middle) for column in new]
        row_spans = tuple(new) + (row.spans or (None,) * len(row.cells))
        raw = tuple((a,) if a else () for a in added) + (row.raw_lines or ((),) * len(row.cells))
        lefts = (None,) * len(added) + (row.lefts or (None,) * len(row.cells))
        rows.append(TableRow(top=row.top, bottom=row.bottom, cells=tuple(added + cells_of), spans=row_spans,
                             raw_lines=raw, lefts=lefts))
    table.rows = rows
    if new:
        table.x0 = min(table.x0, new[0][0])
    return [c for c in cells if c in seen]
