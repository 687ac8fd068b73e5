"""Tables printed without ruling lines: columns found from the words' positions.

A table drawn only as aligned text has no grid for pdfplumber to find; its rows come back as
text lines whose empty cells have vanished. Read that way, a row's figures can only be placed by
the identities they promise. This module gives such a table cells, as a ruled one has:

1. a *table line* is a text line split by wide gaps into two or more segments, one of them a
   figure; a block is a run of table lines, with the short text lines between them (a name
   wrapped over several lines) and the header lines just above the first one;
2. the columns are the horizontal extents the body's characters cover, merged where they touch
   (a column's figures, right-aligned, cover its width; the gap between two columns is covered
   by no row), plus a column for every header word standing over no body column (a column left
   blank in every row);
3. each table line becomes a row (each character in the column holding its centre); a wrapped
   line joins the nearest table line (the one above on a tie), header lines continuing a wrapped
   header cell join the header line they continue.

The result is a ``PageTable`` like the ruled ones, so the header words and the column code
(``kg.extract.tables.columns``) place every figure by position, never by counting.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from statistics import median

from kg.extract.pdf_tables import PageTable, TableRow, clean_cell
from kg.extract.text_normalize import is_money

_SEGMENT_GAP = 1.0  # character widths: a wider gap separates two cells
_TITLE_RE = re.compile(r"(?:编制(?:部门|单位)|单位[：:]|^表\s*\d|^公开\s*\d|情况表$|预算表$|决算表$)")
_MAX_HEADER_LINES = 6
_MAX_WRAP_LINES = 3


@dataclass
class TextLine:
    """A text line of the page with its characters (what ``pdf_reader`` has outside ruled tables)."""

    top: float
    bottom: float
    text: str
    chars: list[dict]


def _size(chars: list[dict]) -> float:
    return median([max(c.get("size") or 0.0, 1.0) for c in chars]) if chars else 10.0


def segments(chars: list[dict]) -> list[list[dict]]:
    """The line's characters cut at every gap wider than a character: its printed cells."""
    visible = sorted((c for c in chars if c["text"].strip()), key=lambda c: c["x0"])
    if not visible:
        return []
    size = _size(visible)
    out: list[list[dict]] = [[visible[0]]]
    for char in visible[1:]:
        if char["x0"] - out[-1][-1]["x1"] >= _SEGMENT_GAP * size:
            out.append([])
        out[-1].append(char)
    return out


def _text(segment: list[dict]) -> str:
    return "".join(c["text"] for c in segment)


def is_table_line(line: TextLine) -> bool:
    """Two or more cells, one of them a figure (a narrative sentence runs on without gaps)."""
    segs = segments(line.chars)
    return len(segs) >= 2 and any(is_money(_text(seg)) for seg in segs)


_ROW_START_RE = re.compile(r"^(?:\d{3}(?!\d)|\d{5}(?!\d)|\d{7}(?!\d)|[一二三四五六七八九十]+、|\d+[.．、]|其中|合计|总计|小计)")


def is_row_line(line: TextLine) -> bool:
    """Inside a table: a line of two or more cells is a row (a 表1 line can hold no figure), and
    so is a one-cell line that starts the way a row does (a subject code, ``一、``, ``1.``, 其中)."""
    segs = segments(line.chars)
    return len(segs) >= 2 or (len(segs) == 1 and _ROW_START_RE.match(_text(segs[0])) is not None)


def _close(upper: TextLine, lower: TextLine) -> bool:
    """``lower`` follows ``upper`` within two line heights (no paragraph break between them)."""
    height = max(upper.bottom - upper.top, lower.bottom - lower.top, 1.0)
    return lower.top - upper.bottom <= 2 * height


def find_blocks(lines: list[TextLine]) -> list[tuple[int, int, int]]:
    """(header start, body start, end) index ranges of the unruled tables among ``lines``: from a
    table line on, every close line of two or more cells, and the wrapped lines between them."""
    blocks: list[tuple[int, int, int]] = []

    def joins(k: int) -> bool:
        return _close(lines[k - 1], lines[k]) and not _TITLE_RE.search(lines[k].text)

    i = 0
    while i < len(lines):
        if not is_table_line(lines[i]):
            i += 1
            continue
        start = end = i
        j = i + 1
        while j < len(lines) and joins(j):
            if is_row_line(lines[j]):
                end = j
                j += 1
                continue
            k = j  # wrapped name lines between two rows
            while k < len(lines) and k - j < _MAX_WRAP_LINES and not is_row_line(lines[k]) and joins(k):
                k += 1
            if k < len(lines) and k > j and is_row_line(lines[k]) and joins(k):
                j = k
                continue
            break
        while end + 1 < len(lines) and not is_row_line(lines[end + 1]) and joins(end + 1) \
                and _wrap_of(lines[end + 1], lines[start:end + 1]):
            end += 1  # a name wrapped below the last row
        header = start
        while header > 0 and start - header < _MAX_HEADER_LINES and joins(header) \
                and not _TITLE_RE.search(lines[header - 1].text) and not is_table_line(lines[header - 1]):
            header -= 1
        if sum(1 for line in lines[start:end + 1] if is_table_line(line)) >= 2:
            blocks.append((header, start, end))
        i = end + 1
    return blocks


def _wrap_of(line: TextLine, body: list[TextLine]) -> bool:
    """A short text line standing inside a text column of the body (a wrapped name), not a note."""
    x0 = min(c["x0"] for c in line.chars)
    x1 = max(c["x1"] for c in line.chars)
    return any(min(c["x0"] for c in seg) - 1 <= x0 and x1 <= max(c["x1"] for c in seg) + 60
               for other in body for seg in segments(other.chars)[:-1] if not is_money(_text(seg)))


def _extent(segment: list[dict]) -> tuple[float, float]:
    return min(c["x0"] for c in segment), max(c["x1"] for c in segment)


def _nearest(extent: tuple[float, float], spans: list[tuple[float, float]]) -> int:
    """The span ``extent`` overlaps most; where it overlaps none, the nearest one."""
    def key(i: int) -> tuple[float, float]:
        overlap = min(extent[1], spans[i][1]) - max(extent[0], spans[i][0])
        return (0.0, -overlap) if overlap > 0 else (1.0, -overlap)
    return min(range(len(spans)), key=key)


def column_extents(body: list[TextLine], header: list[TextLine]) -> list[tuple[float, float]]:
    """The columns: the x extents the body's characters cover, merged where they touch, plus a
    column for a header cell that shares its nearest body column with a nearer cell of the same
    header line (the header of a column blank in every row)."""
    # single-character cells (the ``※ 1 2 3`` column-number row, centred) do not shape columns
    pieces = sorted((c["x0"], c["x1"]) for line in body for seg in segments(line.chars) if len(seg) > 1
                    for c in seg)
    if not pieces:
        return []
    tolerance = 0.3 * _size([c for line in body for c in line.chars])
    merged: list[list[float]] = [list(pieces[0])]
    for x0, x1 in pieces[1:]:
        if x0 <= merged[-1][1] + tolerance:
            merged[-1][1] = max(merged[-1][1], x1)
        else:
            merged.append([x0, x1])
    spans = [(a, b) for a, b in merged]
    extra: list[tuple[float, float]] = []
    for line in header:
        claims: dict[int, list[tuple[float, tuple[float, float]]]] = {}
        for seg in segments(line.chars):
            extent = _extent(seg)
            index = _nearest(extent, spans)
            claims.setdefault(index, []).append((_gap(extent, spans[index]), extent))
        for claimed in claims.values():
            claimed.sort()
            extra.extend(extent for gap, extent in claimed[1:] if gap > 0)
    return sorted(spans + extra)


def _gap(a: tuple[float, float], b: tuple[float, float]) -> float:
    """The horizontal distance between two extents; 0 where they overlap."""
    return max(0.0, max(a[0], b[0]) - min(a[1], b[1]))


def _header_row(line: TextLine, spans: list[tuple[float, float]]) -> TableRow:
    """A header line: each whole cell (segment) under the column it overlaps most, else the nearest."""
    cells: list[list[str]] = [[] for _ in spans]
    for seg in segments(line.chars):
        cells[_nearest(_extent(seg), spans)].append(_text(seg))
    return TableRow(top=line.top, bottom=line.bottom, cells=tuple(clean_cell("".join(c)) if c else None for c in cells),
                    spans=tuple(spans))


def _row(line: TextLine, spans: list[tuple[float, float]]) -> TableRow:
    from kg.extract.pdf_columns import row_from_chars

    return row_from_chars(line.chars, spans, line.top, line.bottom)


def _join(rows: list[TableRow], into: int, extra: TableRow, below: bool) -> None:
    """Join a wrapped line's cells into row ``into`` (above or below its own text)."""
    target = rows[into]
    cells = []
    for mine, more in zip(target.cells, extra.cells):
        parts = [more, mine] if not below else [mine, more]
        cells.append(clean_cell(" ".join(p for p in parts if p)) if any(parts) else None)
    rows[into] = TableRow(top=min(target.top, extra.top), bottom=max(target.bottom, extra.bottom),
                          cells=tuple(cells), spans=target.spans, lefts=target.lefts)


def _continues_header(previous: TableRow, row: TableRow) -> bool:
    """Every cell of ``row`` stands under a cell of ``previous``: the rest of wrapped header cells."""
    filled = [i for i, c in enumerate(row.cells) if c]
    return bool(filled) and all(previous.cells[i] for i in filled)


def _closes_bracket(row: TableRow, wrapped: TableRow) -> bool:
    """True where a wrapped line closes a bracket that ``row`` leaves open in the same column."""
    for mine, more in zip(row.cells, wrapped.cells):
        if not mine or not more:
            continue
        opened = mine.count("（") + mine.count("(") - mine.count("）") - mine.count(")")
        if opened > 0 and ("）" in more or ")" in more):
            return True
    return False


def build_table(lines: list[TextLine], header_start: int, body_start: int, end: int) -> PageTable:
    """One unruled table as a PageTable (see the module docstring)."""
    header_lines = lines[header_start:body_start]
    body_lines = lines[body_start:end + 1]
    spans = column_extents(body_lines, header_lines)
    header_rows: list[TableRow] = []
    for line in header_lines:
        row = _header_row(line, spans)
        if header_rows and _continues_header(header_rows[-1], row):
            _join(header_rows, len(header_rows) - 1, row, below=True)
        else:
            header_rows.append(row)
    body_rows: list[TableRow] = []
    anchors: list[int] = []  # index into body_lines of each body row's table line
    for index, line in enumerate(body_lines):
        if is_row_line(line):
            body_rows.append(_row(line, spans))
            anchors.append(index)
    for index, line in enumerate(body_lines):
        if is_row_line(line):
            continue
        centre = (line.top + line.bottom) / 2
        nearest = min(range(len(anchors)), key=lambda r: (
            abs((body_lines[anchors[r]].top + body_lines[anchors[r]].bottom) / 2 - centre),
            0 if anchors[r] < index else 1))
        wrapped = _row(line, spans)
        above = max((r for r in range(len(anchors)) if anchors[r] < index), default=None)
        if above is not None and above != nearest and _closes_bracket(body_rows[above], wrapped):
            nearest = above  # ``…站点建设`` / ``项目）``: the line closes a bracket the row above opened
        _join(body_rows, nearest, wrapped, below=anchors[nearest] < index)
    rows = header_rows + body_rows
    return PageTable(top=lines[header_start].top, bottom=lines[end].bottom,
                     x0=min(s[0] for s in spans), x1=max(s[1] for s in spans), rows=rows)
