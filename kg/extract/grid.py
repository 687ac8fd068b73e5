"""The layout of a ruled table read from a PDF: which rows are header, which columns hold what.

A PDF table comes to the parsers as lines with cells (``Line.cells``). Before any figure is read,
the table's layout is worked out from its header and its body, by position and by the header's
words, never by counting cells:

* *numbering rows* (``栏次 | 1 | 2 | 3``, ``** | 1 | 2``, a bare ``1 | 2 | … | 12``) and *numbering
  columns* (``行次``, ``序号``, a column counting 1, 2, 3 … down the rows) are recognised as
  numbering: their numbers are never amounts (the 决算 template's 收入总计 is not 31);
* each column's *header path*: the header texts above it, top to bottom, a horizontally merged
  group header (``基本支出`` over ``人员经费 | 公用经费``) carried over the columns it spans;
* each column's *role*: ``code`` (科目编码, 类|款|项, or cells of 3/5/7-digit codes), ``label``
  (names), ``numbering``, ``figure``, or ``ratio`` (a column of percentages, ``增减(%)``: a
  derived figure, never an amount and never part of a row's name);
* the table's *blocks*: a two-sided table (收支总表: income items | expenditure 类) or a table
  printed as halves side by side (基本支出决算表: 人员经费 | 公用经费) has a block per side, each
  starting with its label column.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from kg.extract.profiles.vocabulary import NUMBERING_WORDS_RE
from kg.extract.source import Line
from kg.extract.text_normalize import compact_name, is_money, is_percentage

Role = Literal["code", "identifier", "label", "numbering", "figure", "ratio", "empty"]

_QUOTES = str.maketrans("", "", "“”\"'‘’")
_INT_RE = re.compile(r"^\d{1,3}$")
_CODE_RE = re.compile(r"^(?:\d{3}|\d{5}|\d{7})$")
_CODE_PART_RE = re.compile(r"^\d{2}$")
_CODE_HEADER_RE = re.compile(r"(?:编码|代码|^类$|^款$|^项$|^科目编号$)")
_UNIT_CODE_HEADER_RE = re.compile(r"(?:单位|部门)[^科目]*(?:编码|代码)")
_CODED_NAME_RE = re.compile(r"^\d{3,7}[-—－]")
_NOTE_HEADER_RE = re.compile(r"^(?:备注|说明|项目简介|理由|表格为空的理由)$")
_LABEL_HEADER_RE = re.compile(r"(?:名称|^项目$|科目$|^(?:预算|部门|基层)?单位$|类别$|^收入$|^支出$|^项\s*目$|^年度$)")


def cell_text(cell: str | None) -> str:
    return compact_name(cell).translate(_QUOTES) if cell else ""


def is_numbering_row(cells: tuple[str | None, ...] | list[str | None]) -> bool:
    """``栏次 | · | 1 | 2 | 3``, ``** | 1 | 2``, ``1 | 2 | … | 12``: two or more whole numbers that
    count up by one, and nothing else but numbering words (栏次, 行次, 序号, **)."""
    numbers: list[int] = []
    for cell in cells:
        text = cell_text(cell)
        if not text:
            continue
        if _INT_RE.match(text):
            numbers.append(int(text))
        elif not NUMBERING_WORDS_RE.match(text):
            return False
    if len(numbers) < 2:
        return False
    return all(b == a + 1 for a, b in zip(numbers, numbers[1:]))


def _has_figure(cells) -> bool:
    return any(c and is_money(cell_text(c)) for c in cells)


def _is_numbered_label(cells) -> bool:
    """A row naming an item by its ordinal (``一、部门预算`` with no figure of its own): a row of
    the body, not of the header."""
    first = next((cell_text(c) for c in cells if cell_text(c)), "")
    return bool(re.match(r"^(?:[一二三四五六七八九十]+、|\d+[、.．](?!\d))[\u4e00-\u9fff]", first))


def _is_total_label(cells) -> bool:
    """An empty table's 合计 row: the total's label alone (beside 类|款|项 marks), no figure."""
    texts = [cell_text(c) for c in cells if cell_text(c) and cell_text(c) not in ("类", "款", "项")]
    return len(texts) == 1 and bool(re.match(r"^(?:合计|总计)$", texts[0]))


@dataclass(frozen=True)
class GridColumn:
    """One column: its index in the cells, its header path and its role."""

    index: int
    path: tuple[str, ...]
    role: Role

    @property
    def leaf(self) -> str:
        return self.path[-1] if self.path else ""

    def named(self, pattern: str) -> bool:
        """True where any header text above the column matches ``pattern``."""
        return any(re.search(pattern, p) for p in self.path)


@dataclass(frozen=True)
class GridLayout:
    """A ruled table's layout (see the module docstring)."""

    columns: tuple[GridColumn, ...]
    header: tuple[int, ...]     # line numbers (``Line.lineno``) of header and numbering rows
    blocks: tuple[tuple[int, ...], ...]  # column indexes of each side, left to right
    # the rows cross subjects of several classifications, each label column a coded name
    # (北京 支出总表: ``2010601-行政运行 | 50101-工资奖金津补贴 | 30101-基本工资``)
    crossed: bool = False
    # a second code|name pair printed beside the first (烟台 表6: 部门预算支出经济分类 ``301 01
    # 基本工资`` | 政府预算支出经济分类 ``501 01 工资奖金津补贴``): the row's paired subject, never
    # part of its own code or name
    paired: tuple[int, ...] = ()

    def column(self, index: int) -> GridColumn | None:
        return self.columns[index] if 0 <= index < len(self.columns) else None

    def role(self, index: int) -> Role:
        column = self.column(index)
        return column.role if column is not None else "empty"

    def figure_columns(self, block: int | None = None) -> list[GridColumn]:
        indexes = self.blocks[block] if block is not None else range(len(self.columns))
        return [self.columns[i] for i in indexes if self.columns[i].role == "figure"]

    def is_header(self, line: Line) -> bool:
        return line.lineno in self.header


def header_paths(rows: list[tuple[str | None, ...]], ncols: int) -> list[tuple[str, ...]]:
    """Each column's header texts, top to bottom; a blank cell in a row above the last takes the
    group header to its left (a horizontal merge), and a repeated text counts once."""
    paths: list[list[str]] = [[] for _ in range(ncols)]
    for depth, cells in enumerate(rows):
        last = depth == len(rows) - 1
        carry: str | None = None
        carry_end = -1
        for col in range(ncols):
            text = cell_text(cells[col]) if col < len(cells) else ""
            if text:
                carry, carry_end = text, col
            elif not last and carry is not None and _spans(rows, depth, carry_end, col):
                text = carry
            if text and (not paths[col] or paths[col][-1] != text):
                paths[col].append(text)
    return [tuple(p) for p in paths]


def _spans(rows: list[tuple[str | None, ...]], depth: int, start: int, col: int) -> bool:
    """A group header at ``start`` reaches ``col`` where the rows below name ``col`` on their own
    (a column with no header text at all below is a blank column, not part of the group)."""
    return any(col < len(r) and cell_text(r[col]) for r in rows[depth + 1:])


def analyse(lines: list[Line]) -> GridLayout | None:
    """The layout of a table's ruled rows; None where the table has no cells (text input)."""
    rows = [line for line in lines if line.cells is not None]
    if not rows:
        return None
    ncols = max(len(line.cells or ()) for line in rows)
    header_rows: list[Line] = []
    numbering: list[Line] = []
    first_data = None
    for i, line in enumerate(rows):
        cells = line.cells or ()
        if is_numbering_row(cells):
            numbering.append(line)
            continue
        if _has_figure(cells) or _is_total_label(cells) or _is_numbered_label(cells):
            first_data = i
            break
        header_rows.append(line)
    body = [line for line in rows[first_data:]] if first_data is not None else []
    body = [line for line in body if not is_numbering_row(line.cells or ())]
    paths = header_paths([line.cells or () for line in header_rows], ncols)
    numbering_cols = _numbering_columns(header_rows, numbering, body, ncols, paths)
    columns: list[GridColumn] = []
    for col in range(ncols):
        path = tuple(p for p in paths[col] if not NUMBERING_WORDS_RE.match(p))
        columns.append(GridColumn(col, path if col not in numbering_cols else paths[col],
                                  "numbering" if col in numbering_cols else _role(col, paths[col], body)))
    columns = _leading_codes(columns, body)
    columns = _code_groups(columns, body)
    columns = _blank_figures(columns)
    header = tuple(line.lineno for line in header_rows + numbering)
    return GridLayout(tuple(columns), header, _blocks(columns), _crossed(columns, body), _paired(columns))


def _paired(columns: list[GridColumn]) -> tuple[int, ...]:
    """The columns of a second classification (code columns, then a label column) that follow
    the first code|label pair before any figure column."""
    roles = [(c.index, c.role) for c in columns if c.role not in ("empty", "numbering")]
    i = 0
    while i < len(roles) and roles[i][1] in ("code", "identifier"):
        i += 1
    if i == 0 or i >= len(roles) or roles[i][1] != "label":
        return ()
    j = i + 1
    while j < len(roles) and roles[j][1] == "code":
        j += 1
    if j == i + 1 or j >= len(roles) or roles[j][1] != "label":
        return ()
    return tuple(index for index, _ in roles[i + 1:j + 1])


def _crossed(columns: list[GridColumn], body: list[Line]) -> bool:
    """Two or more label columns whose cells are coded names (``2010601-行政运行``)."""
    coded = 0
    for column in columns:
        if column.role != "label":
            continue
        values = _column_values(column.index, body)
        if values and sum(1 for v in values if _CODED_NAME_RE.match(v)) >= 0.8 * len(values):
            coded += 1
    return coded >= 2


def _numbering_columns(header: list[Line], numbering: list[Line], body: list[Line], ncols: int,
                       paths: list[tuple[str, ...]]) -> set[int]:
    """Columns headed 行次/栏次/序号, or whose body cells count 1, 2, 3 … and whose numbering-row
    cell is blank (a figure column is numbered; the 行次 column is not)."""
    found: set[int] = set()
    for col in range(ncols):
        if any(NUMBERING_WORDS_RE.match(p) for p in paths[col]) and not any(
                is_money(cell_text(line.cells[col])) and not _INT_RE.match(cell_text(line.cells[col]))
                for line in body if col < len(line.cells or ())):
            found.add(col)
            continue
        values = [cell_text(line.cells[col]) for line in body if col < len(line.cells or ())]
        values = [v for v in values if v]
        if len(values) < 3 or not all(_INT_RE.match(v) for v in values):
            continue
        numbers = [int(v) for v in values]
        counting = sum(1 for a, b in zip(numbers, numbers[1:]) if b == a + 1) >= 0.8 * (len(numbers) - 1)
        unnumbered = all(col >= len(line.cells or ()) or not cell_text(line.cells[col]) for line in numbering)
        if counting and (unnumbered or not numbering):
            found.add(col)
    return found


def _column_values(col: int, body: list[Line]) -> list[str]:
    """A column's non-empty body cells (the 类|款|项 marks a 合计 row stands beside left out)."""
    values = [cell_text(line.cells[col]) for line in body if col < len(line.cells or ())]
    return [v for v in values if v and v not in ("类", "款", "项")]


def _role(col: int, path: tuple[str, ...], body: list[Line]) -> Role:
    values = _column_values(col, body)
    header_code = any(_CODE_HEADER_RE.search(p) for p in path[-1:]) if path else False
    if header_code and _UNIT_CODE_HEADER_RE.search(path[-1]):
        return "identifier"  # 单位编码 / 部门（单位）代码: a unit's identifier, never a subject code
    if path and _NOTE_HEADER_RE.search(path[-1]) and not any(is_money(v) for v in values):
        return "empty"
    if not values:
        return "figure" if path and not header_code and not any(_LABEL_HEADER_RE.search(p) for p in path[-1:]) \
            else "empty"
    if sum(1 for v in values if is_percentage(v)) >= 0.8 * len(values):
        return "ratio"  # 增减(%), 占比: printed percentages (a stray 0.00 or -- beside them)
    codes = sum(1 for v in values if _CODE_RE.match(v))
    money = sum(1 for v in values if is_money(v) and not _CODE_RE.match(v))
    text = len(values) - codes - money
    if header_code and not any("." in v for v in values):
        return "code"  # 科目编码 / 单位编码: identifiers, never amounts
    if codes >= 0.6 * len(values) and money == 0:
        return "code"
    if money and money >= text and not (path and any(_LABEL_HEADER_RE.search(p) for p in path[-1:]) and text):
        return "figure"
    if codes and money and not text:
        # subject codes and figures in one column: a figure column whose values look like codes
        return "figure"
    return "label"


def _leading_codes(columns: list[GridColumn], body: list[Line]) -> list[GridColumn]:
    """Columns before the first label column that hold bare whole numbers only (``210`` | ``7``,
    no decimal point or separator) are the subject code's columns, not figures."""
    first_label = next((c.index for c in columns if c.role == "label"), None)
    if first_label is None:
        return columns
    out = list(columns)
    for column in columns[:first_label]:
        values = _column_values(column.index, body)
        if column.role == "figure" and values and all(re.fullmatch(r"\d{1,7}", v) for v in values):
            out[column.index] = GridColumn(column.index, column.path, "code")
    return out


def _blank_figures(columns: list[GridColumn]) -> list[GridColumn]:
    """A column blank in every row and under no header, right of a figure column, is a figure
    column whose cells happen to be empty (its place keeps the others in theirs)."""
    out = list(columns)
    for column in columns:
        if column.role == "empty" and not column.path and any(
                c.role == "figure" for c in out[:column.index]):
            out[column.index] = GridColumn(column.index, column.path, "figure")
    return out


def _code_groups(columns: list[GridColumn], body: list[Line]) -> list[GridColumn]:
    """The 款 and 项 groups (``06`` | ``01``) printed in their own columns after a 类 code column."""
    out = list(columns)
    for i, column in enumerate(columns):
        if column.role != "code":
            continue
        j = i + 1
        while j < len(columns) and j <= i + 2:
            values = _column_values(j, body)
            if values and all(_CODE_PART_RE.match(v) for v in values) and out[j].role in ("figure", "label", "empty"):
                out[j] = GridColumn(j, columns[j].path, "code")
                j += 1
                continue
            if not values and (columns[j].leaf in ("款", "项")):
                out[j] = GridColumn(j, columns[j].path, "code")
                j += 1
                continue
            break
    return out


def _blocks(columns: list[GridColumn]) -> tuple[tuple[int, ...], ...]:
    """Columns grouped by side: a label or code column that follows a figure or numbering
    column starts a new side."""
    blocks: list[list[int]] = []
    previous: Role | None = None
    for column in columns:
        labelled = bool(blocks) and any(columns[i].role in ("label", "code", "identifier") for i in blocks[-1])
        starts = column.role in ("label", "code", "identifier") and previous in ("figure", "numbering") and labelled
        if not blocks or starts:
            blocks.append([])
        blocks[-1].append(column.index)
        if column.role != "empty":
            previous = column.role
    return tuple(tuple(b) for b in blocks)
