"""What a reader hands to the parsers: the document as numbered lines, with table cells where known.

Both readers (plain-text extractions and PDFs) produce a ``SourceDocument``: a list of ``Line``
in reading order. A PDF line that is a row of a ruled table also carries its ``cells`` (empty
cells kept as ``None`` so columns stay put); a text line has none and parsers fall back on the
arithmetic identities to place figures. Parsers never look at the file again.
"""
from __future__ import annotations

import codecs
import os
from dataclasses import dataclass, field

from kg.extract.errors import ExtractionError
from kg.extract.limits import DEFAULT_LIMITS, ReadLimits, check_text_size
from kg.extract.text_normalize import normalize_chars


@dataclass(frozen=True)
class Line:
    """One line of the document.

    ``lineno`` is the 1-based line of a text file, or the running line number inside a PDF;
    ``page`` is the 1-based PDF page (for text input, the page guessed from page breaks, or
    ``None``). ``cells`` holds a ruled-table row's cells; ``table`` numbers the ruled table the
    row belongs to (continuations across pages share the number); ``indents`` how far each cell's
    text stands in from the cell's left border.
    """

    text: str
    lineno: int
    page: int | None = None
    cells: tuple[str | None, ...] | None = None
    table: int | None = None
    # each cell's text indentation from the cell's left border, in PDF points (None where unknown):
    # the level a names-only classification table shows by indenting its 款 and 项 names
    indents: tuple[float | None, ...] | None = None


@dataclass
class SourceDocument:
    """A document as lines; ``name`` is the file name used in provenance."""

    path: str
    name: str
    format: str  # "text" | "pdf"
    lines: list[Line] = field(default_factory=list)
    limits: ReadLimits = DEFAULT_LIMITS  # what it was read within; a second reading keeps them

    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


def _decode(path: str, data: bytes) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with a BOM; anything else is refused by name."""
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        guess = ""
        try:
            data.decode("gb18030")
            guess = " (it looks like GBK/GB18030: convert it with `iconv -f gb18030 -t utf-8`)"
        except UnicodeDecodeError:
            pass
        raise ExtractionError(path, f"not UTF-8 text: invalid byte at offset {exc.start}{guess}") from None


def read_text(path: str, limits: ReadLimits = DEFAULT_LIMITS) -> SourceDocument:
    """Read a plain-text extraction. Blank lines are dropped but line numbers stay the file's.

    A line starting with exactly one space followed by text marks a new page in the corpus
    extractions; pages are counted from that so provenance can say "page" as well as "line".
    At most ``limits.max_text_mb`` are read: a larger file is refused, never loaded.
    """
    bound = int(limits.max_text_mb * (1 << 20))
    try:
        with open(path, "rb") as handle:
            data = handle.read(bound + 1)
    except OSError as exc:
        raise ExtractionError(path, f"cannot open: {exc.strerror}") from None
    check_text_size(path, len(data), limits)
    if not data.strip():
        raise ExtractionError(path, "empty file")
    if b"\x00" in data[:4096] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ExtractionError(path, "binary file, not text")
    text = _decode(path, data)
    lines: list[Line] = []
    page = 1
    seen_text = False
    for number, raw in enumerate(text.splitlines(), start=1):
        if raw.startswith("\f"):
            page += 1
            raw = raw.lstrip("\f")
        elif seen_text and len(raw) > 1 and raw[0] == " " and raw[1] not in " \u3000":
            page += 1
        # Spaces are kept: in text extractions they often separate columns (表7 科目 | 项目).
        stripped = normalize_chars(raw).strip()
        if not stripped:
            continue
        seen_text = True
        lines.append(Line(text=stripped, lineno=number, page=page))
    return SourceDocument(path=path, name=os.path.basename(path), format="text", lines=lines)


def read_source(path: str, limits: ReadLimits = DEFAULT_LIMITS, size: int | None = None) -> SourceDocument:
    """Pick the reader from the file's content (``%PDF`` magic), not from its name.

    ``size`` is the file's size where ``check_path`` already took it: a text past
    ``max_text_mb`` is then refused before a byte of it is read."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(1024)
    except OSError as exc:
        raise ExtractionError(path, f"cannot open: {exc.strerror}") from None
    if not head:
        raise ExtractionError(path, "empty file (0 bytes)")
    if b"%PDF" in head[:1024]:
        from kg.extract.pdf_reader import read_pdf

        return read_pdf(path, limits=limits)
    if path.lower().endswith(".pdf"):
        raise ExtractionError(path, "not a PDF (no %PDF header): the file is corrupt or mislabelled")
    if size is not None:
        check_text_size(path, size, limits)
    return read_text(path, limits)
