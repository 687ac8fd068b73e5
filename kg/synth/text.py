"""Print blocks the way the corpus' plain-text extractions read (``../shared/corpus/*.txt``).

What a PDF-to-text tool leaves of a disclosure: every line followed by a blank line, a page that
starts with one leading space, the page number alone on a line at the foot, long paragraphs
broken at the page width, a table row as its cells joined by spaces with the empty cells gone and
the subject code split 类 款 项 with the 款/项 indentation, long cell texts wrapped onto lines of
their own. Plain string building, no I/O: a document of 30 pages takes about a millisecond.
"""
from __future__ import annotations

from kg.synth.layout import Block, Heading, PageBreak, Para, TableBlock

LINE_WIDTH = 36  # characters of a wrapped narrative line (A4 portrait, 小四)
CELL_WIDTH = 15  # characters of a wrapped name cell


# Line-breaking rules of Chinese typesetting (禁则), as the word processors that made the PDFs
# apply them: no line starts with closing punctuation, none ends with opening punctuation.
_NO_LINE_START = set("）)〕】》〉”’，。、；：！？%．.")
_NO_LINE_END = set("（(〔【《〈“‘")


def _unbreakable(left: str, right: str) -> bool:
    """True where a line may not break between ``left`` and ``right``: inside a figure or a Latin
    word (``1,008.30``, ``PM2.5``), before closing punctuation, after opening punctuation."""
    if left.isascii() and right.isascii() and (left.isalnum() or left in ".,%") and (right.isalnum() or right in ".,%"):
        return True
    return right in _NO_LINE_START or left in _NO_LINE_END


def wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of about ``width`` characters, broken where typesetting allows."""
    out: list[str] = []
    start = 0
    while len(text) - start > width:
        cut = start + width
        while cut > start + width // 2 and _unbreakable(text[cut - 1], text[cut]):
            cut -= 1
        if cut == start + width // 2:
            cut = start + width
        out.append(text[start:cut])
        start = cut
    out.append(text[start:])
    return out


def table_row(block: TableBlock, row: list[str]) -> list[str]:
    """A row as text lines: codes, then the cells, blanks gone; a long name on lines of its own."""
    codes = [c for c in row[: block.code_columns] if c]
    cells = [c for c in row[block.code_columns:]]
    long_cells = [i for i, c in enumerate(cells) if c and (i + block.code_columns) in block.wrap
                  and len(c) > CELL_WIDTH and i > 0]
    gap = {1: " ", 2: "   ", 3: "     "}.get(len(codes), " ")
    lead = " ".join(codes) + gap if codes else ""
    if not long_cells:
        return [(lead + " ".join(c for c in cells if c)).strip()]
    cut = long_cells[0]
    before = " ".join(c for c in cells[:cut] if c)
    after = " ".join(c for c in cells[cut + 1:] if c)
    lines = [(lead + before).strip()] + wrap(cells[cut], CELL_WIDTH)
    return [line for line in lines if line] + ([after] if after else [])


def render_text(blocks: list[Block], page_numbers: bool = True) -> str:
    """The document as one string, lines separated by blank lines as the extractions print them."""
    out: list[str] = []
    page = 1
    new_page = False

    def emit(line: str) -> None:
        nonlocal new_page
        if new_page:
            line = " " + line
            new_page = False
        out.append(line)
        out.append("")

    for block in blocks:
        if isinstance(block, PageBreak):
            if out:
                if page_numbers:
                    out.append(f"- {page} -")
                    out.append("")
                page += 1
                new_page = True
            continue
        if isinstance(block, Heading):
            emit(block.text)
        elif isinstance(block, Para):
            for piece in wrap(block.text, LINE_WIDTH):
                emit(piece)
        else:
            header = block.text_header if block.text_header is not None else [
                " ".join(c for c in row if c) for row in block.header]
            for line in header:
                if line:
                    emit(line)
            for row in block.body:
                for line in table_row(block, row):
                    emit(line)
    return "\n".join(out) + "\n"
