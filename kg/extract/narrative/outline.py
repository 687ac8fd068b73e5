"""The narrative's outline: which chapter, subsection and numbered item each line belongs to.

Every template numbers its 情况说明 (``一、``, ``（一）``, ``1.``/``1、``, ``（1）``), so a statement
is read in its context: the chapter title says whether ``基本支出 421.68万元`` is the whole
department's (``三、支出预算情况说明``) or the 一般公共预算's (``五、一般公共预算当年拨款情况说明``), and
an item's title names a figure the sentence leaves unnamed (``（一）因公出国（境）费用。2026年预算数
127.74万元``). Headings are recognised where a line starts with a marker; their text runs to the
first 。 or the end of the line (a long wrapped heading keeps its first line).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from kg.extract.narrative.text import Span, chapter_labels, compact
from kg.extract.source import Line

# (level, pattern over the compacted line start): 0 part, 1 chapter, 2 subsection, 3 item, 4 sub-item
MARKERS: list[tuple[int, re.Pattern[str]]] = [
    (0, re.compile(r"^第[一二三四五六七八九十]+部分")),
    (1, re.compile(r"^[一二三四五六七八九十]{1,3}(?:、|[.．](?!\d))")),
    (2, re.compile(r"^[（(][一二三四五六七八九十]{1,3}[)）]")),
    (3, re.compile(r"^\d{1,2}(?:[、．]|\.(?!\d))")),
    (4, re.compile(r"^[（(]\d{1,2}[)）]")),
]

# chapter/subsection titles naming a 财政拨款 part of the budget (not the whole department's)
FISCAL_TITLE_RE = re.compile(r"财政拨款|一般公共预算|政府性基金|国有资本经营|基本支出表|基本支出情况")


@dataclass(frozen=True)
class Heading:
    """A numbered heading or item: its level, marker and title (text after the marker)."""

    level: int
    marker: str
    title: str
    line: Line


@dataclass(frozen=True)
class Context:
    """Where a line stands: chapter label (``说明七（二）``), chapter and subsection titles, the
    innermost numbered item, and the scope of its figures."""

    label: str | None
    chapter: str
    sub: str
    item: Heading | None
    scope: str  # department | fiscal
    # the headings the line stands under, outermost first (``四、关于财政拨款收支总表的说明``, then
    # ``（一）…``): where a finding of the line is said to be, as the page prints it
    heads: tuple[Heading, ...] = ()


# a title line printed without a number (Shanghai: ``2026年部门预算编制说明``, ``其他相关情况说明``)
UNNUMBERED_TITLE_RE = re.compile(r"^[^，,。；;：:、]{2,28}(?:说明|情况|解释|主要职能|机构设置|概况)$")


def heading_of(line: Line) -> Heading | None:
    """The heading a line starts with, if any (a short unnumbered title line is a chapter)."""
    found = _heading_parts(line.text)
    return Heading(*found, line) if found else None


@functools.lru_cache(maxsize=65536)
def _heading_parts(raw: str) -> tuple[int, str, str] | None:
    """(level, marker, title) of a line's text; cached by text, since the readers ask about the
    same lines several times (outline, clause breaks) and every document repeats its titles."""
    text = compact(raw)
    for level, pattern in MARKERS:
        m = pattern.match(text)
        if m:
            rest = text[m.end():]
            title = re.split(r"[。：:；;]", rest)[0]
            return level, m.group(0), title
    if UNNUMBERED_TITLE_RE.match(text) and not re.search(r"\d+(?:\.\d+)?(?:万元|元|%)", text):
        return 1, "", text
    return None


# the rest of a functional subject's name carried onto the next line: up to its level's bracket
# (``…（款）一般行政管理事`` + ``务（项）214.07 万元，…``; ``…（款）基层司法业务`` + ``（项）200.80 万元``)
_SUBJECT_REST_RE = re.compile(r"^(?:[^\d\s，,。；;：:（()）]{0,20}[（(][类款项][)）]){1,2}")
_OPEN_SUBJECT_RE = re.compile(r"[（(][类款][)）][^（()）\d，,。；;：:]*$")


def _wrapped_subject(head: Heading, following: Line) -> Heading:
    """An item titled by a functional subject whose name the line end cuts: the title with the rest
    of the name the next line starts with, so the item names its subject whole."""
    if head.level < 3 or not _OPEN_SUBJECT_RE.search(head.title) or heading_of(following) is not None:
        return head
    rest = _SUBJECT_REST_RE.match(compact(following.text))
    if rest is None:
        return head
    return Heading(head.level, head.marker, head.title + rest.group(0), head.line)


def outline(lines: list[Line]) -> dict[int, Context]:
    """The context of every line (by ``lineno``)."""
    labels = chapter_labels(lines)
    out: dict[int, Context] = {}
    chapter = sub = ""
    unnumbered: str | None = None  # the label of an unnumbered chapter, until a numbered one
    stack: dict[int, Heading] = {}
    open_title: Heading | None = None  # a numbered title line that wraps onto the next line
    for k, line in enumerate(lines):
        head = heading_of(line)
        if head is not None and k + 1 < len(lines):
            head = _wrapped_subject(head, lines[k + 1])
        if head is not None and not head.marker and open_title is not None:
            # ``十一、一般公共预算“三公”经费、会议费、培训费支`` + ``出预算表情况说明``: one title
            head = Heading(open_title.level, open_title.marker, open_title.title + head.title, open_title.line)
        open_title = head if head is not None and head.marker and head.level <= 2 and \
            not re.search(r"[。：:，,；;]|(?:说明|情况|概况|解释)$", compact(line.text)) else None
        if head is not None:
            for level in [lv for lv in stack if lv >= head.level]:
                del stack[level]
            stack[head.level] = head
            if head.level <= 1:
                chapter, sub = head.title, ""
                unnumbered = re.sub(r"^\d{4}年度?", "", head.title) if not head.marker else None
            elif head.level == 2:
                sub = head.title
        item = stack[max(stack)] if stack and max(stack) >= 2 else None
        scope = "fiscal" if FISCAL_TITLE_RE.search(chapter + sub) else "department"
        label = labels.get(line.lineno)
        if unnumbered:
            label = unnumbered
        out[line.lineno] = Context(label, chapter, sub, item, scope, tuple(stack[lv] for lv in sorted(stack)))
    return out


def item_title(head: Heading | None) -> str:
    """An item's own name: its title up to the first figure or punctuation (``因公出国（境）费用``,
    ``一般公共服务支出（类）宣传事务（款）宣传管理（项）``)."""
    if head is None:
        return ""
    title = re.split(r"[。，,；;：:]|\d+(?:[.,]\d+)*(?:万元|元)", head.title)[0]
    return title.strip()


def span_contexts(span: Span, contexts: dict[int, Context]) -> list[Context | None]:
    """The context of every line of a span, in span order (for offset lookups)."""
    return [contexts.get(line.lineno) for line in span.lines]
