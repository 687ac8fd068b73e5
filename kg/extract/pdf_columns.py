"""The columns of a PDF table: continuations aligned, split grid columns merged, unruled rows placed.

Spreadsheet exports draw grids whose columns are not the printed columns: a page break loses
the columns a merged cell spanned, a printed column is split over two grid columns with its
figures in one or the other, a header stands one grid column off its body. These functions put
every cell under the printed column it belongs to, by the cells' horizontal positions and the
header words, never by counting cells.
"""
from __future__ import annotations

import re

from kg.extract.pdf_tables import PageTable, TableRow, clean_cell
from kg.extract.text_normalize import is_money


# --- continuations over a page break --------------------------------------------------------

def column_spans(table: PageTable) -> list[tuple[float, float] | None]:
    """Each column's horizontal extent: the narrowest cell that starts in the column (a cell
    merged over several columns is wider than any of them)."""
    spans: list[tuple[float, float] | None] = [None] * table.ncols
    for row in table.rows:
        for col, span in enumerate(row.spans):
            if col >= len(spans) or span is None:
                continue
            current = spans[col]
            if current is None or span[1] - span[0] < current[1] - current[0]:
                spans[col] = span
    return spans


def realign(continuation: PageTable, first: PageTable) -> None:
    """Re-place the cells of a continuation whose grid differs from the first part's.

    A page break can lose columns a merged cell spanned on the first page: each cell is put
    in the first part's column whose horizontal extent overlaps it most.
    """
    targets = column_spans(first)
    if continuation.ncols == first.ncols or all(t is None for t in targets):
        return
    for index, row in enumerate(continuation.rows):
        cells: list[str | None] = [None] * len(targets)
        lefts: list[float | None] = [None] * len(targets)
        for k, (text, span) in enumerate(zip(row.cells, row.spans)):
            if not text or span is None:
                continue
            overlaps = [min(span[1], t[1]) - max(span[0], t[0]) if t else 0.0 for t in targets]
            best = max(range(len(targets)), key=lambda i: overlaps[i])
            if overlaps[best] <= 0:
                continue
            if cells[best] is None:
                lefts[best] = row.lefts[k] if k < len(row.lefts) else None
            cells[best] = text if cells[best] is None else f"{cells[best]} {text}"
        continuation.rows[index] = TableRow(row.top, row.bottom, tuple(cells), tuple(targets), lefts=tuple(lefts))


# --- logical columns --------------------------------------------------------------------------

def _mergeable(rows: list[TableRow], head: int, cluster: list[int], col: int) -> bool:
    """True where grid column ``col`` can join ``cluster``: no row holds two different texts
    in them, and no header row names them differently."""
    for index, row in enumerate(rows):
        mine = row.cells[col] if col < len(row.cells) else None
        if not mine:
            continue
        theirs = {row.cells[c] for c in cluster if c < len(row.cells) and row.cells[c]}
        if not theirs:
            continue
        if index >= head or theirs != {mine}:
            return False
    return True


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> float:
    return min(a[1], b[1]) - max(a[0], b[0])


def _header_clusters(rows: list[TableRow], head: int, ncols: int) -> list[list[int]] | None:
    """Columns grouped under the header cells: each grid column without a header cell of its
    own joins the headed column its body cells overlap most (where no row fills both)."""
    header_span: dict[int, tuple[float, float]] = {}
    for row in rows[:head]:
        for col, (text, span) in enumerate(zip(row.cells, row.spans)):
            if text and span is not None:
                known = header_span.get(col)
                if known is None or span[1] - span[0] < known[1] - known[0]:
                    header_span[col] = span
    if not header_span:
        return None
    owner: dict[int, int] = {col: col for col in header_span}
    for col in range(ncols):
        if col in header_span:
            continue
        body = [row.spans[col] for row in rows[head:] if col < len(row.cells) and row.cells[col] and row.spans[col]]
        if not body:
            continue
        scores = {h: sum(max(_overlap(b, span), 0.0) for b in body) for h, span in header_span.items()}
        best = max(scores, key=lambda h: (scores[h], -abs(h - col)))
        if scores[best] <= 0:
            continue
        clash = any(
            col < len(row.cells) and row.cells[col] and any(
                row.cells[c] for c, o in owner.items() if o == best and c < len(row.cells))
            for row in rows[head:]
        )
        if not clash:
            owner[col] = best
    clusters: dict[int, list[int]] = {}
    for col in range(ncols):
        if col in owner:
            clusters.setdefault(owner[col], []).append(col)
        elif any(col < len(r.cells) and r.cells[col] for r in rows):
            clusters.setdefault(col, []).append(col)  # text under no header: kept on its own
    return [clusters[key] for key in sorted(clusters)]


def _greedy_clusters(rows: list[TableRow], head: int, ncols: int) -> list[list[int]]:
    clusters: list[list[int]] = []
    for col in range(ncols):
        if clusters and _mergeable(rows, head, clusters[-1], col):
            clusters[-1].append(col)
        else:
            clusters.append([col])
    return clusters


def compact_columns(rows: list[TableRow]) -> list[TableRow]:
    """Merge the grid columns of a table that are one printed column.

    Spreadsheet producers split a printed column into several grid columns and put a figure
    in one or the other from row to row (``金额`` over two grid columns, the 类 figures in the
    right one, the 项 figures in the left one), or set the header one grid column off the
    body. Each grid column that has no header cell of its own joins the headed column its
    body cells overlap most, where no row fills both; columns with no text at all go. Columns
    the header distinguishes (``预算数`` / ``决算数``) stay apart even where every body cell is
    empty. A table with no header row falls back on merging adjacent columns never filled
    together.
    """
    if not rows:
        return rows
    ncols = max(len(r.cells) for r in rows)
    head = 0
    for row in rows:
        if any(c and is_money(c) for c in row.cells):
            break
        head += 1
    clusters = _header_clusters(rows, head, ncols) if 0 < head < len(rows) else None
    if clusters is None:
        clusters = _greedy_clusters(rows, head, ncols)
    if len(clusters) == ncols:
        return rows
    result: list[TableRow] = []
    for row in rows:
        cells: list[str | None] = []
        spans: list[tuple[float, float] | None] = []
        lefts: list[float | None] = []
        for cluster in clusters:
            filled = [c for c in cluster if c < len(row.cells) and row.cells[c]]
            cells.append(row.cells[filled[0]] if filled else None)
            lefts.append(row.lefts[filled[0]] if filled and filled[0] < len(row.lefts) else None)
            boxes = [row.spans[c] for c in cluster if c < len(row.spans) and row.spans[c]]
            spans.append((min(b[0] for b in boxes), max(b[1] for b in boxes)) if boxes else None)
        result.append(TableRow(row.top, row.bottom, tuple(cells), tuple(spans), lefts=tuple(lefts)))
    return result


def row_from_chars(chars: list[dict], spans: list[tuple[float, float]], top: float, bottom: float) -> TableRow:
    """A table row from an unruled text line: each character goes to the column whose extent
    holds its centre (the nearest column where none does), in reading order."""
    columns: list[list[dict]] = [[] for _ in spans]
    for char in sorted(chars, key=lambda c: c["x0"]):
        if not char["text"].strip():
            continue
        centre = (char["x0"] + char["x1"]) / 2
        best = min(range(len(spans)), key=lambda i: 0 if spans[i][0] <= centre <= spans[i][1]
                   else min(abs(centre - spans[i][0]), abs(centre - spans[i][1])))
        columns[best].append(char)
    cells = tuple(clean_cell("".join(c["text"] for c in col)) if col else None for col in columns)
    lefts = tuple(min(c["x0"] for c in col) if col else None for col in columns)
    return TableRow(top=top, bottom=bottom, cells=cells, spans=tuple(spans), lefts=lefts)


_LABEL_END_RE = re.compile(r"(?:合计|总计|小计|[）)])$")
_ROW_START_RE = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d|其中|合计|总计|小计)")


def join_wrapped_row(previous: PageTable, continuation: PageTable) -> bool:
    """Join a row that a page break cut in two (``八、社会保障和就`` | ``业支出``).

    The continuation's first row is the tail of the previous page's last row where it holds no
    figure, its text stands only in columns where that last row has text, is short (a few
    characters), does not start the way a row starts (a number, a code, ``其中``, a total word),
    and the text it would extend does not end like a complete label (``合计``, a bracket).
    """
    if not previous.rows or not continuation.rows:
        return False
    last, first = previous.rows[-1], continuation.rows[0]
    texts = [(i, c) for i, c in enumerate(first.cells) if c]
    if not texts or any(is_money(c) for _, c in texts):
        return False
    if any(i >= len(last.cells) or not last.cells[i] or is_money(last.cells[i]) for i, _ in texts):
        return False
    if any(_ROW_START_RE.match(c) or len(c) > 6 for _, c in texts):
        return False  # a row of its own, not the few characters a page break cut off
    if any(_LABEL_END_RE.search(last.cells[i] or "") for i, _ in texts):
        return False  # the row above is complete (本年收入合计)
    cells = list(last.cells)
    for i, text in texts:
        cells[i] = clean_cell(f"{cells[i]}{text}")
    last.cells = tuple(cells)  # in place: the row is already queued as a line
    continuation.rows.pop(0)
    return True
