"""Page furniture: page numbers and running headers printed through the document's body.

A page break in the middle of a table or a paragraph leaves ``- 9 -`` or a running header (the
document's title, ``某某局2025年部门预算``) between two lines that belong together: read as text,
it glues itself to a wrapped name (``工会经费-14-``). These lines are no content, so they go
before any reader sees the document: a dashed page number or ``第 N 页`` anywhere, and a title
line printed three times or more (its first occurrence is kept: it may be the cover's title).
A bare number is dropped only as a page's first or last line and only where such numbers run with
the pages (the PDF page minus the printed number the same on three pages or more: 国家信访局's
决算 prints ``24`` at the foot of PDF page 26, which glued itself into “全24国信访信息系统维护费”);
anywhere else it can be a figure wrapped onto its own line.
"""
from __future__ import annotations

import re
from collections import Counter

from kg.extract.source import Line

_PAGE_NUMBER_RE = re.compile(r"^(?:[-—–]\s*\d{1,4}\s*[-—–]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?)$")
_TITLE_RE = re.compile(r"^\D{2,40}?\d{4}年(?:度)?\D{0,12}(?:预算|决算)(?:公开)?$")
_REPEATS = 3
_BARE_NUMBER_RE = re.compile(r"^\d{1,4}$")


def is_running_header(text: str) -> bool:
    """A document-title shaped line (a name, a year, 预算/决算), not a table's title."""
    compact = re.sub(r"\s+", "", text)
    return _TITLE_RE.match(compact) is not None and not re.search(r"[表明]$", compact)


def _bare_page_numbers(lines: list[Line]) -> set[int]:
    """Indexes of the bare numbers that are page numbers: a page's first or last text line whose
    number keeps one offset from its PDF page on ``_REPEATS`` pages or more (the offset is the
    front matter the printed numbering does not count; a part numbered anew has an offset of its own)."""
    ends: dict[int, list[int]] = {}
    for index, line in enumerate(lines):
        if line.page is not None and line.cells is None:
            ends.setdefault(line.page, []).append(index)
    candidates: list[tuple[int, int]] = []  # (index, offset)
    for page, indexes in ends.items():
        for index in {indexes[0], indexes[-1]}:
            text = lines[index].text.strip()
            if _BARE_NUMBER_RE.match(text):
                candidates.append((index, page - int(text)))
    offsets = Counter(offset for _, offset in candidates)
    # a document numbering its parts anew (报表 after 说明) runs with the pages at each offset; a number
    # that is its very PDF page needs two pages (长春 prints only 20 and 21, on PDF pages 20 and 21)
    return {index for index, offset in candidates
            if offsets[offset] >= _REPEATS or (offset == 0 and offsets[offset] >= 2)}


def drop_page_furniture(lines: list[Line]) -> list[Line]:
    """The lines without page numbers and without the repeats of a running header."""
    page_numbers = _bare_page_numbers(lines)
    counts = Counter(re.sub(r"\s+", "", line.text) for line in lines if is_running_header(line.text))
    seen: set[str] = set()
    kept: list[Line] = []
    for index, line in enumerate(lines):
        text = line.text.strip()
        if index in page_numbers:
            continue
        if line.cells is None and _PAGE_NUMBER_RE.match(text):
            continue
        compact = re.sub(r"\s+", "", text)
        if line.cells is None and counts.get(compact, 0) >= _REPEATS:
            if compact in seen:
                continue
            seen.add(compact)
        kept.append(line)
    return kept
