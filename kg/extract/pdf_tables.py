"""Ruled tables of a PDF page: rows of cells, merged cells resolved, continuations joined.

pdfplumber finds a table from its ruling lines (or the rectangles WPS/Excel draw as cell
borders) and returns, per row, one entry per column: the cell's box, or ``None`` where a merged
cell covers that column. This module turns that into what the parsers need:

* every cell as clean text (Kangxi radicals mapped, a name wrapped inside its cell re-joined,
  spaces between CJK characters removed) or ``None`` when the cell is empty;
* vertically merged label cells (a ``类`` name or a ``一级指标`` spanning rows) filled down, so
  each row stands alone; horizontally merged cells stay ``None`` so columns stay put;
* several tables drawn in one grid with their titles (spreadsheet exports) cut at the titles,
  which become text lines (``split_at_captions``);
* the header rows a continued table repeats on the next page recognised (``drop_repeated_header``).

Aligning a continuation's columns and merging grid columns that are one printed column is
``kg.extract.pdf_columns``'s job.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.extract.pdf_text import line_text, merge_offset_lines
from kg.extract.text_normalize import is_money, normalize_chars, remove_cjk_spaces

# A row's vertical extent is compared with a merged cell's box with this slack (PDF points).
_EPS = 1.0


@dataclass
class TableRow:
    """One row of a ruled table on one page: its vertical position and its cells."""

    top: float
    bottom: float
    cells: tuple[str | None, ...]
    # each cell's horizontal extent (None where a merged cell covers the column)
    spans: tuple[tuple[float, float] | None, ...] = ()
    # each cell's text line by line as printed (a caption cell can hold a title and its
    # 部门/单位 line: they stay two lines)
    raw_lines: tuple[tuple[str, ...], ...] = ()
    # each cell's text's left edge (the x0 of its leftmost character; None for an empty cell): a
    # names-only classification table (杭州 表3) shows a subject's level by how far its name is
    # indented inside the cell, and that is all that tells a 款 from a 项
    lefts: tuple[float | None, ...] = ()

    @property
    def text(self) -> str:
        """The row as one text line: non-empty cells joined by a space."""
        return " ".join(c for c in self.cells if c)

    def is_empty(self) -> bool:
        return not any(self.cells)


@dataclass
class PageTable:
    """A ruled table found on one page (possibly the continuation of one on the page before)."""

    top: float
    bottom: float
    x0: float
    x1: float
    rows: list[TableRow] = field(default_factory=list)

    @property
    def ncols(self) -> int:
        return max((len(r.cells) for r in self.rows), default=0)


def clean_cell(text: str | None) -> str | None:
    """A cell's printed text as one line; ``None`` for an empty cell.

    Text wrapped inside a cell comes back with line breaks: they are joined with a space and
    the spaces between two CJK characters removed, so ``其他非税收\\n入`` reads ``其他非税收入``
    while ``2017\\n年`` keeps its (harmless) space.
    """
    if text is None:
        return None
    text = normalize_chars(text)
    text = re.sub(r"\s*\n\s*", " ", text)
    text = re.sub(r"[ \t\u3000]+", " ", text).strip()
    text = remove_cjk_spaces(text)
    # A figure wrapped inside a narrow cell ("1,008.\n30", "24995.9\n4") is one figure.
    joined = text.replace(" ", "")
    if " " in text and is_money(joined) and (not all(is_money(t) for t in text.split(" "))
                                             or _WRAPPED_DECIMALS_RE.fullmatch(text)):
        text = joined
    return text or None


_WRAPPED_DECIMALS_RE = re.compile(r"-?[\d,]*\.\d*\s\d{1,2}")
# A name's last characters set over the border into the figure cell beside it (``自然资源海洋气象等支``
# | ``出 18803323.32``), even interleaved with the figure's digits (``西安市人工影响天气服务保`` |
# ``障中1心839311.66``): the characters go back to the name, the digits make the figure.
_CJK_RE = re.compile(r"[\u4e00-\u9fff（）()：:]")
_DECIMAL_FIGURE_RE = re.compile(r"^-?[\d,]+\.\d+$")


def return_overflow(texts: list[str | None]) -> list[str | None]:
    """One row's cell texts with characters that overflowed from a label cell into the figure
    cell to its right moved back."""
    out = list(texts)
    for i in range(1, len(out)):
        text = out[i] or ""
        left = out[i - 1]
        spilled = "".join(_CJK_RE.findall(text))
        figure = re.sub(r"\s+", "", _CJK_RE.sub("", text))
        if spilled and 1 <= len(spilled) <= 8 and _DECIMAL_FIGURE_RE.match(figure) and left \
                and not is_money(left) and re.search(r"[\u4e00-\u9fff]$", left):
            out[i - 1] = left + spilled
            out[i] = figure
    return out


def _span_end(rows_cells: list[list], start: int, box) -> int:
    """The last grid row a cell box starting in row ``start`` reaches down into."""
    end = start
    for index in range(start + 1, len(rows_cells)):
        tops = [b[1] for b in rows_cells[index] if b is not None]
        row_top = min(tops) if tops else None
        if row_top is None or box[3] <= row_top + _EPS:
            break
        end = index
    return end


def _group_rows(rows_cells: list[list], texts: list[list[str | None]]) -> list[list[int]]:
    """Grid rows that make one printed row.

    Spreadsheet producers draw a printed row as several grid rows, a label cell merged over
    them and the figure in one of them. Where a cell spans grid rows and no column holds text
    in two of them, the grid rows are one row; inner spans are tried first (a 小计 under a
    merged 一般公共预算资金). Where the spanned rows hold different texts in one column, they
    are real rows under a merged label, which ``read_table`` fills down instead.
    """
    group_of = list(range(len(rows_cells)))  # row -> index of the first row of its group
    spans = sorted(
        {(i, _span_end(rows_cells, i, box)) for i, row in enumerate(rows_cells) for box in row if box is not None},
        key=lambda pair: pair[1] - pair[0],
    )
    for first, last in spans:
        if last == first:
            continue
        if group_of[first] != first or (last + 1 < len(group_of) and group_of[last + 1] != last + 1 and group_of[last + 1] <= last):
            continue  # the span cuts through a group already made
        members = range(first, last + 1)
        ncols = max(len(texts[i]) for i in members)
        conflict = any(
            sum(1 for i in members if col < len(texts[i]) and texts[i][col]) > 1 for col in range(ncols)
        )
        if not conflict:
            for i in members:
                group_of[i] = first
    groups: dict[int, list[int]] = {}
    for index, head in enumerate(group_of):
        groups.setdefault(head, []).append(index)
    return [groups[head] for head in sorted(groups)]


def _cell_text(chars: list[dict]) -> str | None:
    """A cell's text, one printed line per ``\n``, each spaced by ``line_text``. Figures set a few
    points off their line in another font (福州 绩效目标表: 实现年储备活体生猪 10.8 万头 with 10.8 3.3pt
    lower) join the line they stand in (``merge_offset_lines``), never a line of their own."""
    if not chars:
        return None
    groups: list[list[dict]] = []
    for char in sorted(chars, key=lambda c: (c["top"], c["x0"])):
        if groups and abs(char["top"] - groups[-1][0]["top"]) <= 3:
            groups[-1].append(char)
        else:
            groups.append([char])
    lines = merge_offset_lines([{"chars": g, "x0": min(c["x0"] for c in g), "x1": max(c["x1"] for c in g),
                                 "top": min(c["top"] for c in g), "bottom": max(c["bottom"] for c in g)}
                                for g in groups])
    return "\n".join(line_text(line["chars"]) for line in sorted(lines, key=lambda l: l["top"]))


def extract_cells(table, lefts: list[list[float | None]] | None = None) -> list[list[str | None]]:
    """Every cell's text, row by row: ``None`` where a merged cell covers the column, ``""``
    for an empty cell (the convention of ``pdfplumber.table.Table.extract``). Where ``lefts`` is
    given, each row's list of its cells' text left edges is appended to it (``TableRow.lefts``)."""
    chars = table.page.chars
    result: list[list[str | None]] = []
    for row in table.rows:
        x0, top, x1, bottom = row.bbox
        row_chars = [c for c in chars if x0 <= (c["x0"] + c["x1"]) / 2 < x1 and top <= (c["top"] + c["bottom"]) / 2 < bottom]
        texts: list[str | None] = []
        row_lefts: list[float | None] = []
        for cell in row.cells:
            if cell is None:
                texts.append(None)
                row_lefts.append(None)
                continue
            cx0, ctop, cx1, cbottom = cell
            inside = [c for c in row_chars
                      if cx0 <= (c["x0"] + c["x1"]) / 2 < cx1 and ctop <= (c["top"] + c["bottom"]) / 2 < cbottom]
            texts.append(_cell_text(inside) or "")
            visible = [c["x0"] for c in inside if c["text"].strip()]
            row_lefts.append(min(visible) if visible else None)
        result.append(texts)
        if lefts is not None:
            lefts.append(row_lefts)
    return result


def read_table(table) -> PageTable:
    """Turn a ``pdfplumber.table.Table`` into a ``PageTable`` (see the module docstring)."""
    raw_lefts: list[list[float | None]] = []
    raw_text = extract_cells(table, raw_lefts)
    rows_cells = [list(row.cells) for row in table.rows]
    texts = [return_overflow([clean_cell(t) for t in row]) for row in raw_text]
    x0, top, x1, bottom = table.bbox
    result = PageTable(top=top, bottom=bottom, x0=x0, x1=x1)
    ncols = max((len(r) for r in rows_cells), default=0)
    # the text and box of the latest cell that started in each column (for filling down)
    last_text: list[str | None] = [None] * ncols
    last_box: list = [None] * ncols
    for members in _group_rows(rows_cells, texts):
        cells: list[str | None] = [None] * ncols
        spans: list[tuple[float, float] | None] = [None] * ncols
        lefts: list[float | None] = [None] * ncols
        for i in members:
            for col, box in enumerate(rows_cells[i]):
                if texts[i][col]:
                    cells[col] = texts[i][col]
                    lefts[col] = raw_lefts[i][col] if col < len(raw_lefts[i]) else None
                if box is not None and spans[col] is None:
                    spans[col] = (box[0], box[2])
        head = members[0]
        row_top = min((b[1] for b in rows_cells[head] if b is not None), default=table.bbox[1])
        row_bottom = max((b[3] for i in members for b in rows_cells[i] if b is not None), default=row_top)
        for col in range(ncols):
            own = any(col < len(rows_cells[i]) and rows_cells[i][col] is not None for i in members)
            if own:
                continue
            box = last_box[col]
            # A vertical merge reaching into this row: its label belongs to this row too.
            # Figures are never copied down (that would count them twice).
            if box is not None and box[3] > row_top + _EPS and last_text[col] and not is_money(last_text[col]):
                cells[col] = last_text[col]
        for i in members:
            for col, box in enumerate(rows_cells[i]):
                if box is not None:
                    last_box[col] = box
                    last_text[col] = texts[i][col]
        raw_lines = tuple(
            tuple(line for i in members if col < len(raw_text[i]) and raw_text[i][col]
                  for line in normalize_chars(raw_text[i][col]).split("\n") if line.strip())
            for col in range(ncols)
        )
        result.rows.append(TableRow(top=row_top, bottom=row_bottom, cells=tuple(cells), spans=tuple(spans),
                                    raw_lines=raw_lines, lefts=tuple(lefts)))
    result.rows = [r for r in result.rows if not r.is_empty()]
    return result


def _norm_row(row: TableRow) -> str:
    return re.sub(r"\s+", "", row.text)


def header_rows(table: PageTable) -> list[TableRow]:
    """The leading rows of a table that hold no figure: its header."""
    head: list[TableRow] = []
    for row in table.rows:
        if any(c and is_money(c) for c in row.cells):
            break
        head.append(row)
    return head


def drop_repeated_header(previous: PageTable, continuation: PageTable) -> None:
    """Remove from ``continuation`` the leading rows that repeat ``previous``'s header."""
    heads = {_norm_row(r) for r in header_rows(previous)}
    if not heads:
        return
    while continuation.rows and _norm_row(continuation.rows[0]) in heads:
        continuation.rows.pop(0)


def is_single_column(table: PageTable) -> bool:
    """A "table" of one column is a boxed paragraph or a table of contents: read it as text."""
    return sum(1 for r in table.rows for c in r.cells if c) == len(table.rows) or table.ncols < 2


# --- captions printed inside the grid ------------------------------------------------------

_TITLE_RE = re.compile(r"(?:表|情况|明细)\s*(?:[（(]续[）)])?$")
_CAPTION_CELL_RE = re.compile(r"^(?:编制部门|编制单位|部门|部门名称|单位|单位名称|预算单位|预算主管部门)\s*[:：]|单位\s*[:：]\s*(?:万元|元|千元)")


# a column heading printing its unit in brackets (``预算数（单位：万元）``, 珠海 重点项目表): the table's
# header, no caption
_HEADING_WITH_UNIT_RE = re.compile(r"[^（(]+[（(]单位[:：](?:万元|元|千元)[)）]")


def is_caption_row(row: TableRow) -> bool:
    """A row that is the table's title or its ``部门：… 单位：万元`` line, drawn inside the grid
    (spreadsheet producers do that). It holds no figure."""
    filled = [c for c in row.cells if c]
    if not filled or any(is_money(c) for c in filled):
        return False
    if len(filled) == 1 and len(filled[0]) <= 40 and _TITLE_RE.search(filled[0]):
        return True
    return any(_CAPTION_CELL_RE.search(c) and not _HEADING_WITH_UNIT_RE.fullmatch(re.sub(r"\s+", "", c))
               for c in filled)


def caption_lines(row: TableRow) -> list[str]:
    """A caption row's text as the lines it prints (title, then ``部门：… 单位：…``)."""
    filled = [i for i, c in enumerate(row.cells) if c]
    if row.raw_lines and all(i < len(row.raw_lines) for i in filled):
        depth = max(len(row.raw_lines[i]) for i in filled)
        lines: list[str] = []
        for level in range(depth):
            parts = [re.sub(r"\s+", " ", row.raw_lines[i][level]).strip()
                     for i in filled if level < len(row.raw_lines[i])]
            text = " ".join(p for p in parts if p)
            if not text:
                continue
            if lines and not _CAPTION_CELL_RE.search(text) and not _CAPTION_CELL_RE.search(lines[-1]):
                lines[-1] += text  # a title wrapped inside its cell
            else:
                lines.append(text)
        return lines
    return [" ".join(row.cells[i] for i in filled)]


@dataclass
class Caption:
    """A caption row taken out of a grid: it is read as an ordinary text line."""

    top: float
    text: str


def split_at_captions(table: PageTable) -> list[PageTable | Caption]:
    """Cut a grid where a caption row stands: each title starts a new table.

    Spreadsheet producers draw several tables, titles included, in one grid; cutting at the
    titles gives each table its own number and lets the titles be found like any text line.
    """
    pieces: list[PageTable | Caption] = []
    current: PageTable | None = None
    for row in table.rows:
        if is_caption_row(row):
            for line in caption_lines(row):
                pieces.append(Caption(top=row.top, text=line))
            current = None
            continue
        if current is None:
            current = PageTable(top=row.top, bottom=row.bottom, x0=table.x0, x1=table.x1)
            pieces.append(current)
        current.rows.append(row)
        current.bottom = row.bottom
    return pieces
