"""Page furniture: page numbers and running headers printed through the document's body.

A page break in the middle of a table or a paragraph leaves ``- 9 -`` or a running header (the
document's title, ``某某局2025年部门预算``) between two lines that belong together: read as text,
it glues itself to a wrapped name (``工会经费-14-``). These lines are no content, so they go
before any reader sees the document: a dashed page number or ``第 N 页`` anywhere, and a title
line printed three times or more (its first occurrence is kept: it may be the cover's title).
A bare number is never dropped — it can be a figure wrapped onto its own line.
"""
from __future__ import annotations

import re
from collections import Counter

from kg.extract.source import Line

_PAGE_NUMBER_RE = re.compile(r"^(?:[-—–]\s*\d{1,4}\s*[-—–]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?)$")
_TITLE_RE = re.compile(r"^\D{2,40}?\d{4}年(?:度)?\D{0,12}(?:预算|决算)(?:公开)?$")
_REPEATS = 3


def is_running_header(text: str) -> bool:
    """A document-title shaped line (a name, a year, 预算/决算), not a table's title."""
    compact = re.sub(r"\s+", "", text)
    return _TITLE_RE.match(compact) is not None and not re.search(r"[表明]$", compact)


def drop_page_furniture(lines: list[Line]) -> list[Line]:
    """The lines without page numbers and without the repeats of a running header."""
    counts = Counter(re.sub(r"\s+", "", line.text) for line in lines if is_running_header(line.text))
    seen: set[str] = set()
    kept: list[Line] = []
    for line in lines:
        text = line.text.strip()
        if line.cells is None and _PAGE_NUMBER_RE.match(text):
            continue
        compact = re.sub(r"\s+", "", text)
        if line.cells is None and counts.get(compact, 0) >= _REPEATS:
            if compact in seen:
                continue
            seen.add(compact)
        kept.append(line)
    return kept
