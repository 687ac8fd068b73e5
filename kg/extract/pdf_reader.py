"""PDF reader (pdfplumber): a budget PDF as numbered lines in reading order, table rows with cells.

Per page: objects outside the page dropped (a spreadsheet printed onto a page can carry the
rest of the sheet below its edge), fake-bold duplicate characters removed (``dedupe_chars``),
ruled tables read cell by cell (``kg.extract.pdf_tables``: merged cells, captions drawn inside
the grid, grid columns that are one printed column), the text outside the tables grouped into
lines, and both interleaved by their vertical position. Every text goes through
``normalize_chars`` (Kangxi radicals some PDF fonts map to, zero-width characters); the spaces
PDF producers put between CJK characters are dropped while a wide gap (two characters or more:
``编制部门：X局    单位：元``) stays a space.

A table row becomes a ``Line`` whose ``text`` is its cells joined by spaces (so a text-based
parser still reads it) and whose ``cells`` keeps the columns, empty ones as ``None``; ``table``
numbers the tables of the document. A table continued on the next page keeps its number, the
header the new page repeats is dropped, and a first row that lost its top border is taken back
into the table. A table printed without ruling lines is given cells from its words' positions
(``kg.extract.pdf_unruled``: columns from the extents the figures and names cover), so it
reads as a ruled one does; text that forms no such table stays text lines.

Bad files never raise anything but ``ExtractionError``: the preflight (encrypted, corrupt,
truncated, empty) runs first, a page pdfminer cannot read is named, a page without text is
skipped, and a document with no text layer at all is refused ("no text layer (scanned?)").
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass

from kg.extract.errors import ExtractionError
from kg.extract.limits import DEFAULT_LIMITS, ReadLimits, check_page_size
from kg.extract.pdf_columns import column_spans, compact_columns, join_wrapped_row, realign, row_from_chars
from kg.extract.pdf_tables import (
    Caption,
    PageTable,
    TableRow,
    drop_repeated_header,
    is_single_column,
    read_table,
    split_at_captions,
)
from kg.extract.page_furniture import is_running_header
from kg.extract.pdf_side_cells import side_cells, side_columns, widen
from kg.extract.pdf_text import line_text, merge_offset_lines
from kg.extract.pdf_unruled import TextLine, build_table, find_blocks
from kg.extract.profiles.model import TableSettings
from kg.extract.source import Line, SourceDocument
from kg.extract.text_normalize import is_money, normalize_chars

# Lines that only number the page: "- 3 -", "3", "第 3 页", "第3页 共20页".
_PAGE_NUMBER_RE = re.compile(r"^(?:[-—–\s]*\d{1,4}[-—–\s]*|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+)$")

# Table finding: lines and the rectangles spreadsheet producers draw as cell borders, unless the
# document's family says otherwise (``TemplateProfile.pdf``).
DEFAULT_SETTINGS = TableSettings()


@dataclass
class _Item:
    """A text line or a table of one page, placed by its top."""

    top: float
    text: str | None = None
    table: PageTable | None = None
    bottom: float = 0.0
    chars: list[dict] | None = None  # a text line's characters (to read it as a table row)


def _preflight(path: str, limits: ReadLimits) -> None:
    """Refuse encrypted / corrupt / truncated / empty files, and files past the limits (pages,
    page size, inflated streams), by name before pdfplumber opens them."""
    from kg.extract.pdf_preflight import preflight

    preflight(path, limits)


def is_page_number(text: str) -> bool:
    """True for a line that only numbers the page (it must not break a table's continuation)."""
    return bool(_PAGE_NUMBER_RE.match(text.strip()))


def _clean_line(text: str) -> str:
    text = normalize_chars(text)
    return re.sub(r"[ \t\u3000]+", " ", text).strip()


def _inside(obj: dict, boxes: list[tuple[float, float, float, float]]) -> bool:
    cx = (obj["x0"] + obj["x1"]) / 2
    cy = (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)


def _shares_its_line(page, bbox: tuple[float, float, float, float]) -> bool:
    """True where a one-row "table" is a run of words framed inside a line of text: some
    producers draw a box around each filled-in field of a sentence (长沙's ``2026年本单位政府
    采购预算总额 [43.9] 万元，其中，货物类采购预算 [25.4] 万元``), and pdfplumber finds each box
    as a table. A real one-row table (a header, a continued 合计 row) stands alone on its line;
    a boxed field has characters of the same line outside its frame."""
    x0, top, x1, bottom = bbox
    middle = (top + bottom) / 2
    for char in page.chars:
        if not char["text"].strip() or not char["top"] <= middle <= char["bottom"]:
            continue
        centre = (char["x0"] + char["x1"]) / 2
        if centre < x0 or centre > x1:
            return True
    return False


_SENTENCE_PUNCTUATION_RE = re.compile(r"[，。；：]")
_PUNCTUATION_CELL_RE = re.compile(r"^[、，,。；;：:]$")  # a cell holding only a comma: words of a sentence


def _is_sentence(row: TableRow) -> bool:
    """A one-row "table" that holds a line of prose (boxed words across the whole line): no
    figure in its cells, and the punctuation of a sentence."""
    filled = [c for c in row.cells if c]
    if any(is_money(c) for c in filled):
        return False
    return bool(_SENTENCE_PUNCTUATION_RE.search("".join(filled))) or any(_PUNCTUATION_CELL_RE.match(c) for c in filled)


def _page_tables(page, settings: TableSettings = DEFAULT_SETTINGS) -> tuple[list[_Item], list[tuple[float, float, float, float]]]:
    """The ruled tables of a page as items (captions drawn in a grid as text items), and the
    cell boxes whose text they hold."""
    items: list[_Item] = []
    boxes: list[tuple[float, float, float, float]] = []
    found_tables = page.find_tables(settings.to_pdfplumber())
    read: list[tuple[object, PageTable]] = []
    for found in found_tables:
        table = read_table(found)
        if not table.rows or is_single_column(table):
            continue  # a one-column box (a table of contents) is read as ordinary lines
        if len(table.rows) == 1 and (_shares_its_line(page, found.bbox) or _is_sentence(table.rows[0])):
            continue  # a boxed run of words inside a sentence, not a table
        boxes.extend(found.cells)  # text in the grid's frame but in no cell is read as a line
        read.append((found, table))
    for found, table in read:
        beside = side_cells(page, found.bbox, boxes)  # merged cells the finder left out of the grid
        if beside:
            placed = widen(table, beside, side_columns(beside))
            boxes.extend((c.x0, c.top, c.x1, c.bottom) for c in placed)
        for piece in split_at_captions(table):
            if isinstance(piece, Caption):
                items.append(_Item(top=piece.top, text=piece.text))
            elif is_single_column(piece):
                items.extend(_Item(top=row.top, text=row.text) for row in piece.rows)
            else:
                items.append(_Item(top=piece.top, table=piece))
    return items, boxes


def _page_items(page, settings: TableSettings = DEFAULT_SETTINGS) -> list[_Item]:
    """The text lines and ruled tables of one page, top to bottom.

    A grid the table reader cannot make sense of (a malformed drawing) does not lose the page:
    the page is then read as text lines only, which the text parsers can still read."""
    try:
        items, boxes = _page_tables(page, settings)
    except MemoryError:
        raise
    except Exception:
        items, boxes = [], []
    outside = page.filter(lambda obj: obj.get("object_type") != "char" or not _inside(obj, boxes)) if boxes else page
    raw_lines = outside.extract_text_lines(layout=False, strip=True, return_chars=True,
                                           x_tolerance=settings.text_x_tolerance)
    for line in merge_offset_lines(raw_lines):
        text = _clean_line(line_text(line["chars"]))
        if text:
            items.append(_Item(top=line["top"], text=text, bottom=line["bottom"], chars=line["chars"]))
    items.sort(key=lambda item: item.top)
    return _unruled_tables(items)


def _unruled_tables(items: list[_Item]) -> list[_Item]:
    """Runs of text lines that form a table printed without ruling lines, read into cells by
    their words' positions (``kg.extract.pdf_unruled``); every other item unchanged."""
    out: list[_Item] = []
    run: list[_Item] = []

    def flush() -> None:
        lines = [TextLine(item.top, item.bottom, item.text or "", item.chars or []) for item in run]
        taken = 0
        for header, _, end in find_blocks(lines):
            out.extend(run[taken:header])
            table = build_table(lines, header, _, end)
            out.append(_Item(top=table.top, table=table))
            taken = end + 1
        out.extend(run[taken:])
        run.clear()

    for item in items:
        if item.text is not None and item.chars and not is_page_number(item.text):
            run.append(item)
            continue
        flush()
        out.append(item)
    flush()
    return out


def _visible(page):
    """The page without the objects that lie outside it (a spreadsheet printed onto a page can
    carry the rest of the sheet below the page's edge: it is not shown, so it is not read)."""
    x0, top, x1, bottom = page.bbox

    def on_page(obj: dict) -> bool:
        cx = (obj["x0"] + obj["x1"]) / 2
        cy = (obj["top"] + obj["bottom"]) / 2
        return x0 <= cx <= x1 and top <= cy <= bottom

    return page.filter(on_page)


def _adopt_leading_rows(items: list[_Item]) -> list[_Item]:
    """Read the unruled lines just above a page's first table as rows of that table.

    A table continued from the page before often loses its top border on the new page: its
    first row then comes back as a text line. Lines that stand right above the first table
    (less than two line heights apart, nothing else between) and hold a figure are placed
    into the table's columns by their words' positions.
    """
    first_table = next((i for i, item in enumerate(items) if item.table is not None), None)
    if first_table is None or first_table == 0:
        return items
    table = items[first_table].table
    spans = column_spans(table)
    if not spans or any(span is None for span in spans):
        return items
    adopted: list[TableRow] = []
    edge = table.top
    for item in reversed(items[:first_table]):
        if item.text is None or item.chars is None or is_page_number(item.text):
            break
        height = max(item.bottom - item.top, 1.0)
        if edge - item.bottom > 2 * height or not any(is_money(w) for w in item.text.split()):
            break
        adopted.insert(0, row_from_chars(item.chars, spans, item.top, item.bottom))
        edge = item.top
    if not adopted:
        return items
    table.rows[:0] = adopted
    table.top = adopted[0].top
    kept = [item for item in items[:first_table] if item.top < table.top]
    return kept + items[first_table:]


def _continues(previous: PageTable | None, items: list[_Item]) -> PageTable | None:
    """The first table of a page when it carries on ``previous`` (the last item of the page
    before): nothing but page furniture stands above it — page numbers, the running header
    (``无锡市交通运输局（本级）2026年度单位预算公开``). A new table has its title above it; columns
    need not line up (a page break can drop a merged column: ``realign``)."""
    if previous is None:
        return None
    for item in items:
        if item.text is not None:
            if is_page_number(item.text) or is_running_header(item.text):
                continue
            return None
        return item.table
    return None


def _open(path: str):
    import pdfplumber

    try:
        return pdfplumber.open(path)
    except MemoryError:
        raise
    except Exception as exc:  # pdfminer raises many types for broken files
        raise ExtractionError(path, f"not a readable PDF ({type(exc).__name__})") from None


def read_pdf(path: str, settings: TableSettings = DEFAULT_SETTINGS,
             limits: ReadLimits = DEFAULT_LIMITS) -> SourceDocument:
    """Read a PDF into a SourceDocument (see the module docstring), finding its tables with
    ``settings`` (a family's ``TemplateProfile.pdf``; the defaults find ruled tables), within
    ``limits`` (pages, page size, inflated streams)."""
    _preflight(path, limits)
    doc = SourceDocument(path=path, name=os.path.basename(path), format="pdf", limits=limits)
    # (page, text line) or (page, table number, row), in reading order
    entries: list[tuple[int, str | None, int | None, TableRow | None]] = []
    table_count = 0
    last_table: PageTable | None = None  # the table that ended the previous page, if any
    last_number = 0
    first_parts: dict[int, PageTable] = {}  # a table's first page part: what a continuation repeats
    pages_with_text = 0
    pdf = _open(path)
    try:
        for page_no, whole_page in enumerate(pdf.pages, start=1):
            check_page_size(path, page_no, float(whole_page.width), float(whole_page.height), limits)
            try:
                page = _visible(whole_page).dedupe_chars(tolerance=1)
                if not page.chars:
                    last_table = None
                    continue  # an image-only page
                pages_with_text += 1
                items = _page_items(page, settings)
            except (ExtractionError, MemoryError):
                raise
            except Exception as exc:
                raise ExtractionError(path, f"page {page_no} cannot be read ({type(exc).__name__}: {exc})") from None
            finally:
                whole_page.close()  # drop pdfplumber's cached objects: memory stays flat over pages
            if last_table is not None:
                items = _adopt_leading_rows(items)
            continuation = _continues(last_table, items)
            previous_part = last_table
            last_table = None
            for item in items:
                if item.text is not None:
                    entries.append((page_no, item.text, None, None))
                    if not is_page_number(item.text):
                        last_table = None
                    continue
                table = item.table
                if table is continuation:
                    number = last_number
                    drop_repeated_header(first_parts[number], table)
                    realign(table, first_parts[number])
                    if previous_part is not None:
                        join_wrapped_row(previous_part, table)
                else:
                    table_count += 1
                    number = table_count
                entries.extend((page_no, None, number, row) for row in table.rows)
                last_table = table
                last_number = number
                first_parts.setdefault(number, table)
    except MemoryError:
        pdf = None  # closing loads every page again: let the worker report the memory limit
        raise
    finally:
        if pdf is not None:
            pdf.close()
    if pages_with_text == 0:
        raise ExtractionError(path, "no text layer (scanned?): no page has any text")
    doc.lines = _number_lines(entries)
    return doc


def _number_lines(entries: list[tuple[int, str | None, int | None, TableRow | None]]) -> list[Line]:
    """Lines in reading order, each table's columns compacted over all its rows first."""
    by_table: dict[int, list[TableRow]] = {}
    for _, _, number, row in entries:
        if number is not None and row is not None:
            by_table.setdefault(number, []).append(row)
    compacted: dict[int, dict[int, TableRow]] = {
        number: dict(zip(map(id, rows), compact_columns(rows))) for number, rows in by_table.items()
    }
    lines: list[Line] = []
    for lineno, (page_no, text, number, row) in enumerate(entries, start=1):
        if row is None or number is None:
            lines.append(Line(text=text or "", lineno=lineno, page=page_no))
            continue
        row = compacted[number][id(row)]
        lines.append(Line(text=row.text, lineno=lineno, page=page_no, cells=row.cells, table=number,
                          indents=cell_indents(row)))
    return lines


def cell_indents(row: TableRow) -> tuple[float | None, ...] | None:
    """How far each cell's text stands in from its cell's left border (points, to a tenth), where
    both are known; None for a row that carries no text positions."""
    if not row.lefts:
        return None
    return tuple(round(left - span[0], 1) if left is not None and span is not None else None
                 for left, span in zip(row.lefts, row.spans or (None,) * len(row.lefts)))
