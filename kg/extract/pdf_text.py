"""Text lines of a PDF page from its characters: spacing by the gaps, lines set side by side.

PDF producers space CJK text out at random and set figures or quote marks a few points off the
line they belong to; these helpers rebuild the printed line from character positions.
"""
from __future__ import annotations

import re

_CJK_CHAR_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u2e80-\u2fdf（）《》〈〉“”、，：；。【】〔〕]")


def line_text(chars: list[dict]) -> str:
    """One line's text from its characters, spaced by the gaps between them.

    A gap of two characters' width or more separates columns (``编制部门：某某局    单位：元``)
    and is kept as a space even between CJK characters; a narrower gap is a space between
    words of Latin text or figures and nothing between two CJK characters (PDF producers
    space CJK text out at random).
    """
    out: list[str] = []
    prev: dict | None = None
    pending_space = False
    for char in sorted(chars, key=lambda c: c["x0"]):
        text = char["text"]
        if not text.strip():
            pending_space = True
            continue
        if prev is not None:
            size = max(char.get("size") or 0.0, prev.get("size") or 0.0, 1.0)
            gap = char["x0"] - prev["x1"]
            if gap >= 2 * size:
                out.append(" ")
            elif pending_space or gap > 0.25 * size:
                both_cjk = _CJK_CHAR_RE.match(prev["text"]) and _CJK_CHAR_RE.match(text)
                if not both_cjk:
                    out.append(" ")
        out.append(text)
        prev = char
        pending_space = False
    return "".join(out)


def _chars_collide(first: list[dict], second: list[dict]) -> bool:
    """True where a character of one line stands over a character of the other."""
    return any(a["x0"] < b["x1"] - 1 and b["x0"] < a["x1"] - 1 for a in first for b in second)


def merge_offset_lines(lines: list[dict]) -> list[dict]:
    """Join text lines that stand side by side at slightly different heights.

    Some producers set a figure or a quote mark a few points lower than the words around it
    (``纳入上海市普陀区财政局 2024 年度部门决算``): pdfplumber then returns two lines. Two lines
    whose vertical extents overlap by half the smaller height and whose horizontal extents do
    not overlap are one line.
    """
    merged: list[dict] = []
    for line in sorted(lines, key=lambda l: l["top"]):
        for target in merged:
            overlap = min(target["bottom"], line["bottom"]) - max(target["top"], line["top"])
            height = min(target["bottom"] - target["top"], line["bottom"] - line["top"])
            if height > 0 and overlap >= 0.5 * height and not _chars_collide(target["chars"], line["chars"]):
                target["chars"] = target["chars"] + line["chars"]
                target["x0"] = min(target["x0"], line["x0"])
                target["x1"] = max(target["x1"], line["x1"])
                target["top"] = min(target["top"], line["top"])
                target["bottom"] = max(target["bottom"], line["bottom"])
                break
        else:
            merged.append(dict(line))
    return merged
