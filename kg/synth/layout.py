"""A disclosure as a list of blocks — headings, paragraphs, ruled tables, page breaks — that one
template lays out once and two back ends print: ``kg.synth.text`` (the corpus' plain-text
extractions) and ``kg.synth.pdf`` (reportlab, ruled tables).

Figures are printed as given (``money``): a misprint planted in the figures is a misprint in the
document, in both formats alike.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass
class Heading:
    """A heading line (part, section or table title)."""

    text: str
    level: int = 1  # 0 cover title, 1 part, 2 section, 3 table label (表N, right-aligned)


@dataclass
class Para:
    """A paragraph of narrative text."""

    text: str


@dataclass
class PageBreak:
    """Start a new page (each table starts on its own page, as in the template)."""


@dataclass
class TableBlock:
    """One ruled table: header rows, body rows, spans and how the text back end joins codes.

    ``spans`` are reportlab ``((col0, row0), (col1, row1))`` over the whole grid (header rows
    first). ``code_columns``: the leading columns that hold a split subject code (类 款 项);
    ``widths``: relative column widths. ``wrap``: columns whose text may wrap in its cell.
    ``text_header``: the header as the text extraction prints it, where it differs from the
    header rows joined (the corpus prints some headers broken over several lines).
    """

    header: list[list[str]]
    body: list[list[str]]
    widths: list[float]
    spans: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)
    code_columns: int = 0
    wrap: tuple[int, ...] = ()
    text_header: list[str] | None = None


Block = Heading | Para | PageBreak | TableBlock


def money(value: Decimal | None) -> str:
    """A figure as the template prints it: two decimals, thousands separators; blank for None."""
    if value is None:
        return ""
    return f"{value.quantize(Decimal('0.01')):,.2f}"


def split_code(code: str, columns: int) -> list[str]:
    """``2110301`` -> ``["211", "03", "01"]``; a shorter code leaves the later columns blank."""
    parts = [code[:3], code[3:5], code[5:7]][:columns]
    return [p for p in parts] + [""] * (columns - len(parts))
