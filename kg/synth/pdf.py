"""Print blocks as a PDF through reportlab: ruled tables, wrapped cells, tables across pages.

The CJK TrueType font is the one the project's setup installs (Debian ``fonts-wqy-zenhei``);
``FontMissing`` where it is not there. A table longer than a page continues on the next with its
header rows repeated, as the published PDFs do; long names wrap inside their cell.
"""
from __future__ import annotations

import os
from pathlib import Path

from kg.synth.layout import Block, Heading, PageBreak, Para, TableBlock

CJK_FONT_NAME = "WenQuanYiZenHei"
CJK_FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",  # Debian/Ubuntu fonts-wqy-zenhei
    "/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc",  # Fedora, Arch
)


class FontMissing(RuntimeError):
    """No CJK TrueType font is installed (run ``make system-deps``)."""


def find_cjk_font() -> str | None:
    """The path of the CJK font the renderer uses, or ``None`` where it is not installed."""
    override = os.environ.get("BUDGETKG_CJK_FONT")
    for path in ((override,) if override else ()) + CJK_FONT_CANDIDATES:
        if path and os.path.isfile(path):
            return path
    return None


def register_cjk_font() -> str:
    """Register the CJK font with reportlab once; returns its name. Raises ``FontMissing``."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if CJK_FONT_NAME in pdfmetrics.getRegisteredFontNames():
        return CJK_FONT_NAME
    path = find_cjk_font()
    if path is None:
        raise FontMissing("no CJK TrueType font: install fonts-wqy-zenhei (make system-deps)")
    pdfmetrics.registerFont(TTFont(CJK_FONT_NAME, path, subfontIndex=0))
    return CJK_FONT_NAME


class _Styles:
    """The paragraph styles of one font, made once per process (reportlab styles are plain data)."""

    _cache: dict[str, "_Styles"] = {}

    def __init__(self, font: str) -> None:
        from reportlab.lib.enums import TA_CENTER, TA_RIGHT
        from reportlab.lib.styles import ParagraphStyle
        from reportlab.lib.units import mm

        self.body = ParagraphStyle("body", fontName=font, fontSize=10.5, leading=16, wordWrap="CJK",
                                   firstLineIndent=21)
        self.cell = ParagraphStyle("cell", fontName=font, fontSize=8.5, leading=9.5, wordWrap="CJK")
        self.header = ParagraphStyle("header", parent=self.cell, alignment=TA_CENTER)
        self.headings = {
            0: ParagraphStyle("cover", fontName=font, fontSize=22, leading=30, alignment=TA_CENTER,
                              spaceBefore=60 * mm),
            1: ParagraphStyle("part", fontName=font, fontSize=15, leading=22, alignment=TA_CENTER, spaceAfter=6),
            2: ParagraphStyle("section", fontName=font, fontSize=12, leading=18, spaceBefore=4, spaceAfter=4),
            3: ParagraphStyle("label", fontName=font, fontSize=10, leading=14, alignment=TA_RIGHT),
        }
        self.title = ParagraphStyle("title", parent=self.headings[1])

    @classmethod
    def of(cls, font: str) -> "_Styles":
        if font not in cls._cache:
            cls._cache[font] = cls(font)
        return cls._cache[font]


def render_pdf(blocks: list[Block], path: str | os.PathLike, title: str = "", author: str = "",
               ruled: bool = True) -> Path:
    """Write ``blocks`` as a landscape A4 PDF (``ruled=False``: tables as aligned text without a
    ruling line, the layout of some published documents); raises ``FontMissing`` without a font."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak as RLPageBreak
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    font = register_cjk_font()
    styles = _Styles.of(font)
    page = landscape(A4)
    doc = SimpleDocTemplate(str(path), pagesize=page, leftMargin=15 * mm, rightMargin=15 * mm,
                            topMargin=10 * mm, bottomMargin=10 * mm, title=title, author=author,
                            invariant=True)  # no timestamp or random id: the same blocks, the same bytes
    usable = page[0] - 30 * mm
    flow: list = []
    for block in blocks:
        if isinstance(block, PageBreak):
            if flow:
                flow.append(RLPageBreak())
        elif isinstance(block, Heading):
            style = styles.headings[block.level]
            if block.level == 2 and block.text.endswith("表"):
                style = styles.title
            flow.append(Paragraph(_escape(block.text), style))
        elif isinstance(block, Para):
            flow.append(Paragraph(_escape(block.text), styles.body))
        else:
            flow.append(Spacer(1, 2 * mm))
            flow.append(pdf_table(block, usable, font, styles, ruled))
    doc.build(flow)
    return Path(path)


def _escape(text: str) -> str:
    """Paragraph text is reportlab mini-markup: escape ``&``, ``<``, ``>`` (``<=16.66万元``)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def pdf_table(block: TableBlock, usable: float, font: str, styles: _Styles, ruled: bool = True):
    """One platypus Table (ruled unless ``ruled`` is false): header rows repeated on every page,
    figures right-aligned, name columns wrapped."""
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle

    scale = usable / sum(block.widths)
    widths = [w * scale for w in block.widths]
    data = [[Paragraph(_escape(text), styles.header) if text else "" for text in row] for row in block.header]
    for row in block.body:
        data.append([Paragraph(_escape(text), styles.cell) if c in block.wrap and text else text
                     for c, text in enumerate(row)])
    style = [
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("FONTSIZE", (0, 0), (-1, -1), 8.5),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("ALIGN", (0, 0), (-1, len(block.header) - 1), "CENTER"),
        ("ALIGN", (block.code_columns, len(block.header)), (-1, -1), "RIGHT"),
    ]
    for c in range(len(block.widths)):
        if c in block.wrap or c < block.code_columns:
            style.append(("ALIGN", (c, len(block.header)), (c, -1), "LEFT"))
    for start, end in block.spans:
        style.append(("SPAN", start, end))
    if ruled:
        style.append(("GRID", (0, 0), (-1, -1), 0.6, colors.black))
    return Table(data, colWidths=widths, repeatRows=len(block.header), style=TableStyle(style))
