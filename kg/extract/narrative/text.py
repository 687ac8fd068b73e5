"""Text helpers for the narrative readers: paragraphs joined across wrapped lines, with provenance.

Text extractions wrap a sentence (and a name, and a figure like ``20万\\n元``) at the page width,
so every narrative reader matches against joined, compacted text and maps a match back to the
line it started on. Chapter headings (``七、 关于…项目支出情况说明``) give the ``说明七`` labels
the checks and provenance use.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from decimal import Decimal

from kg.extract.model import Provenance
from kg.extract.source import Line
from kg.extract.text_normalize import parse_money
from kg.units import convert

CN_NUMERALS = "一二三四五六七八九十"
_CHAPTER_RE = re.compile(r"^([一二三四五六七八九十]{1,3})\s*[、.．]")
_SUBSECTION_RE = re.compile(r"^[（(]\s*([一二三四五六七八九十]{1,3})\s*[)）]")
_PART_RE = re.compile(r"^第[一二三四五六七八九十]+部分")
AMOUNT_RE = re.compile(r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*万元")


@dataclass
class Span:
    """Compacted text of consecutive lines (whitespace removed) with a map back to the lines."""

    text: str
    starts: list[int]
    lines: list[Line]

    def line_at(self, offset: int) -> Line:
        """The line on which character ``offset`` of ``text`` was printed."""
        index = bisect.bisect_right(self.starts, offset) - 1
        return self.lines[max(index, 0)]


def compact(text: str) -> str:
    """Remove every whitespace: the extractions put spaces between CJK and digits at random.

    ``str.split()`` splits on exactly the characters ``\\s`` matches (``str.isspace``), and is several
    times cheaper than a regex substitution on the hundred thousand lines a corpus has."""
    return "".join(text.split())


_PAGE_NUMBER_RE = re.compile(r"^[-—–\s]*\d{1,3}[-—–\s]*$|^第\d+页(?:共\d+页)?$")


def make_span(lines: list[Line]) -> Span:
    """Join lines (no separator: lines wrap mid-word) into one compacted Span.

    Page-number lines (``- 15 -``) printed inside a wrapped paragraph are left out.
    """
    parts: list[str] = []
    starts: list[int] = []
    kept: list[Line] = []  # aligned with ``starts``: ``line_at`` indexes both
    offset = 0
    for line in lines:
        piece = compact(line.text)
        if _PAGE_NUMBER_RE.match(piece) and ("-" in piece or "—" in piece or "页" in piece):
            continue
        starts.append(offset)
        parts.append(piece)
        kept.append(line)
        offset += len(piece)
    return Span(text="".join(parts), starts=starts, lines=kept)


def money(token: str) -> Decimal | None:
    """A printed figure (``1,008.30``) as Decimal; None where it is not one."""
    try:
        return parse_money(token)
    except ValueError:
        return None


_PHONE_RE = re.compile(r"(?<!\d)(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8})(?!\d)")


def scrub_phones(text: str | None) -> str | None:
    """Remove telephone numbers: a contact person's phone is not data to publish."""
    if not text:
        return text
    return _PHONE_RE.sub("", text)


def from_wan(value: Decimal | None, unit: str | None) -> Decimal | None:
    """A narrative figure printed in 万元, in the record's unit (exactly; 元 records exist)."""
    if value is None or unit in (None, "万元"):
        return value
    return convert(value, "万元", unit)


def prov(file: str, line: Line | None, table: str | None = None, row: str | None = None) -> Provenance:
    """Provenance of a narrative fact: file, page and line of ``line``, the section label, the row."""
    return Provenance(file=file, page=line.page if line else None, line=line.lineno if line else None,
                      table=table, row=row)


def chapter_labels(lines: list[Line]) -> dict[int, str]:
    """Map each line number to its 情况说明 chapter label: ``说明七`` or ``说明十二（二）``.

    Chapters are counted from the part whose heading holds 情况说明 (or, failing that, anywhere);
    a ``（二）`` subsection heading refines the label until the next chapter.
    """
    labels: dict[int, str] = {}
    chapter: str | None = None
    sub: str | None = None
    in_explanation = not any(_PART_RE.match(l.text) and "说明" in l.text for l in lines)
    for line in lines:
        text = line.text.strip()
        if _PART_RE.match(text):
            in_explanation = "说明" in text
            chapter, sub = None, None
        elif in_explanation:
            m = _CHAPTER_RE.match(text)
            if m and ("关于" in text or "说明" in text or "情况" in text or len(text) < 40):
                chapter, sub = m.group(1), None
            else:
                s = _SUBSECTION_RE.match(text)
                if s and chapter:
                    sub = s.group(1)
        if chapter:
            labels[line.lineno] = f"说明{chapter}" + (f"（{sub}）" if sub else "")
    return labels


def paragraphs(lines: list[Line]) -> list[list[Line]]:
    """Group lines into paragraphs: a new paragraph starts at a heading-like or numbered line.

    Text extractions lose paragraph breaks, so a paragraph is whatever lies between lines that
    start like a heading (``一、``, ``（二）``, ``1．``, ``项目名称：``).
    """
    out: list[list[Line]] = []
    start = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．]|第[一二三四五六七八九十]+部分)")
    for line in lines:
        if not out or start.match(line.text.strip()):
            out.append([line])
        else:
            out[-1].append(line)
    return out
