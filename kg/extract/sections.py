"""Cut a document into its recognised tables and its narrative.

A table starts at its title line: a line that ``kg.extract.profiles.classify_title`` reads as a
table's title (whatever its number: 表1, 预算01表, 公开01表, 公开表1, 表一, 一、, （预算表 1）, none),
followed within a few lines by a ``单位：`` line or the table's first row — so the narrative's
mentions (``…政府性基金预算支出情况表为空表。``) and a table of contents are not taken for tables.
A table runs to the next table title or to the start of the narrative (``第三部分``, ``一、关于…``),
whichever comes first. A title printed again after a page break (the same number, or the same
title right after its own table, or ``（续）``) continues the table.

The kind a title names is checked against the table's rows: a functional-shaped table whose rows
carry economic codes (3xx, 5xx) is read as the economic table it is (``_refine_kind``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from kg.extract.identify import UNIT_RE, table_unit
from kg.extract.model import Record
from kg.extract.profiles import TemplateProfile, TitleMatch, classify_title
from kg.extract.profiles.vocabulary import NUMBER_LINE_RE, number_key
from kg.extract.source import Line, SourceDocument
from kg.extract.text_normalize import compact_name, is_money


@dataclass
class TableSection:
    """One recognised table: its kind (a registry key of ``kg.extract.tables``), its printed
    number (``表3``, ``公开03表``; its position ``表N`` where it prints none), title, unit, and its
    lines (header and body).

    ``rows`` is filled by the table's parser (``kg.extract.tables.rows.Row`` or the kind's own
    row type) and ``data`` holds the table's typed reading (``kg.extract.tables.contracts``): both
    stay on the section so ``checks`` can recompute every identity from what was read.
    """

    kind: str
    label: str
    title: str
    unit: str | None
    lines: list[Line] = field(default_factory=list)
    rows: list[Any] = field(default_factory=list)
    data: Any = None


@dataclass
class Parts:
    """The document cut up: tables in order, narrative lines, the document and its family."""

    doc: SourceDocument
    tables: list[TableSection] = field(default_factory=list)
    narrative: list[Line] = field(default_factory=list)
    has_budget_narrative: bool = False
    profile: TemplateProfile | None = None
    # the projects two places print with different amounts (``kg.extract.merge.AmountPlaces``),
    # filled by the merge for the check comparing them
    project_amounts: list = field(default_factory=list)

    def table(self, kind: str) -> TableSection | None:
        return next((t for t in self.tables if t.kind == kind), None)

    def tables_of(self, kind: str) -> list[TableSection]:
        return [t for t in self.tables if t.kind == kind]


# a 单位 line cut by the extraction (``单`` / ``位：万元``) or the 编制部门 line above it
_UNIT_HINT_RE = re.compile(r"^(?:位[:：]\s*(?:万元|元)|编制部门[:：]|编制单位[:：]|部门(?:名称|（单位）)?[:：]|预算单位[:：]|"
                           r"单位名称[:：])")
# where the tables give way to the narrative
_NARRATIVE_START_RE = re.compile(r"^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、关于)")
_NOTE_RE = re.compile(r"^(?:注|说明|备注)\s*\d*\s*[:：]")


def _followed_by_unit(lines: list[Line], i: int, profile: TemplateProfile | None, window: int = 6) -> bool:
    for line in lines[i + 1:i + 1 + window]:
        if UNIT_RE.search(line.text) or line.cells is not None or _UNIT_HINT_RE.search(compact_name(line.text)):
            return True
        if classify_title(line.text, profile):
            return False
    return False


def _number_near(lines: list[Line], i: int) -> str:
    """A table number printed on a line of its own just above or below the title."""
    for j in (i - 1, i - 2, i + 1, i + 2):
        if 0 <= j < len(lines) and lines[j].cells is None:
            compact = compact_name(lines[j].text)
            if NUMBER_LINE_RE.match(compact):
                return number_key(compact)
    return ""


def find_titles(doc: SourceDocument, profile: TemplateProfile | None = None) -> list[tuple[int, TitleMatch]]:
    """(line index, title) of every table title line, in order; the number filled in from a
    number line beside the title where the title itself prints none."""
    found: list[tuple[int, TitleMatch]] = []
    lines = doc.lines
    for i, line in enumerate(lines):
        if line.cells is not None:
            continue
        hit = classify_title(line.text, profile)
        if hit is None or not _followed_by_unit(lines, i, profile):
            continue
        if not hit.number or not hit.number.startswith(("表", "公开", "预算", "附表", "部门公开")):
            near = _number_near(lines, i)
            if near:
                hit = TitleMatch(hit.kind, near, hit.title, hit.qualifier, hit.continued)
        found.append((i, hit))
    return found


def _trim_ruled_body(body: list[Line]) -> list[Line]:
    """A PDF table ends with its ruled rows (its ``注：`` lines kept): the text after it is
    narrative (Shanghai prints 其他相关情况说明 and the 项目经费情况说明 right after the last
    table), not part of the table. Text input has no ruled rows and is left as it is."""
    numbers = [line.table for line in body if line.cells is not None and line.table is not None]
    if not numbers:
        return body
    first = numbers[0]
    last = max(i for i, line in enumerate(body) if line.table == first)
    # the table carried on under another number on the next page (the reader saw a running
    # header above it): a ruled part with no header of its own, only furniture before it
    while True:
        nxt = next((i for i in range(last + 1, len(body)) if body[i].cells is not None), None)
        if nxt is None or not all(_furniture(line) for line in body[last + 1:nxt]) \
                or not any(c and is_money(compact_name(c)) for c in body[nxt].cells or ()):
            break
        number = body[nxt].table
        last = max(i for i, line in enumerate(body) if line.table == number)
    end = last + 1
    while end < len(body) and body[end].cells is None and (
            _NOTE_RE.match(compact_name(body[end].text)) or UNIT_RE.search(body[end].text)):
        end += 1
    return body[:end]


def _furniture(line: Line) -> bool:
    """A line between two parts of one table: a page number or a running header (a short line,
    not a sentence, not a note, not a title)."""
    compact = compact_name(line.text)
    return line.cells is None and len(compact) <= 40 and not compact.endswith("。") and not _NOTE_RE.match(compact) \
        and classify_title(line.text) is None and not UNIT_RE.search(line.text)


_ECONOMIC_VARIANT = {"expenditure": "basic_expenditure_economic", "general_budget_expenditure": "general_budget_economic",
                     "project_expenditure": "project_economic", "basic_functional": "basic_economic"}
_FUNCTIONAL_VARIANT = {"basic_economic": "basic_functional", "basic_expenditure_economic": "basic_functional"}


def _refine_kind(kind: str, title: TitleMatch, body: list[Line]) -> str:
    """The kind the rows show where the title leaves it open: a 支出 table whose codes are
    economic (3xx/5xx) is an economic table, a 基本支出 table whose codes are functional (2xx)
    a functional one. A title that names its classification (按经济分类, 功能科目) decides."""
    if re.search(r"经济", title.qualifier) and not re.search(r"经济|功能", title.title) and kind in _ECONOMIC_VARIANT \
            and kind not in ("project_expenditure", "expenditure"):
        return _ECONOMIC_VARIANT[kind]  # 一般公共预算支出表（按经济分类）: the qualifier names the rows
    if re.search(r"功能|经济", title.qualifier + title.title):
        return kind
    codes = [m.group(1)[0] for line in body for m in [re.match(r"^\[?(\d{3})(?:\d{2}){0,2}\b", compact_name(
        next((c for c in (line.cells or ()) if c and c.strip()), "") or ""))] if m]
    if len(codes) < 3:
        return kind
    economic = sum(1 for c in codes if c in "35")
    if economic > 0.8 * len(codes) and kind in _ECONOMIC_VARIANT and kind != "project_expenditure":
        return _ECONOMIC_VARIANT[kind]
    if economic < 0.2 * len(codes) and kind in _FUNCTIONAL_VARIANT:
        return _FUNCTIONAL_VARIANT[kind]
    return kind


def split(doc: SourceDocument, record: Record, profile: TemplateProfile | None = None) -> Parts:
    """Cut ``doc`` into TableSections (title, unit and lines up to the next title) and narrative.

    A table's label is its printed number where printed, else its position among the tables
    (``表N``) so checks can still name it. The record's unit becomes the summary table's.
    """
    parts = Parts(doc=doc, profile=profile)
    lines = doc.lines
    titles = find_titles(doc, profile)
    in_table = [False] * len(lines)
    for n, (start, title) in enumerate(titles):
        end = titles[n + 1][0] if n + 1 < len(titles) else len(lines)
        # a number line (表 4) printed just before the next title belongs to the next table
        while end - 1 > start and NUMBER_LINE_RE.match(compact_name(lines[end - 1].text)):
            end -= 1
        body: list[Line] = []
        for j in range(start + 1, end):
            if _NARRATIVE_START_RE.match(compact_name(lines[j].text)) and j > start + 2:
                break
            body.append(lines[j])
        body = _trim_ruled_body(body)
        for j in range(max(0, start - 2), start + 1 + len(body)):
            if j >= start or NUMBER_LINE_RE.match(compact_name(lines[j].text)):
                in_table[j] = True
        unit = None
        for k, line in enumerate(body[:12]):
            unit = table_unit(line.text)
            if unit is None and k > 0 and compact_name(body[k - 1].text).endswith("单"):
                unit = table_unit("单" + line.text)
            if unit:
                break
        kind = _refine_kind(title.kind, title, body)
        previous = parts.tables[-1] if parts.tables else None
        if previous is not None and previous.kind == kind and (
                title.continued or (title.number and previous.label == title.number)
                or (not title.number and previous.title == title.title)):
            previous.lines.extend(body)  # the same table continued after a page break
            continue
        parts.tables.append(TableSection(kind=kind, label=title.number or f"表{len(parts.tables) + 1}",
                                         title=title.title, unit=unit or _habitual_unit(profile, kind),
                                         lines=body))
    _untitled_tables(parts, lines, in_table)
    parts.narrative = [line for line, used in zip(lines, in_table) if not used]
    narrative_text = "\n".join(line.text for line in parts.narrative)
    parts.has_budget_narrative = bool(re.search(r"(?:预算|决算)", narrative_text)) and bool(
        re.search(r"\d+(?:\.\d+)?\s*万?元", narrative_text))
    summary = parts.table("summary")
    if summary is not None and summary.unit:
        record.unit = summary.unit
    for table in parts.tables:
        first = table.lines[0] if table.lines else None
        record.tables.append({"label": table.label, "title": table.title, "kind": table.kind,
                              "unit": table.unit or record.unit,
                              "page": first.page if first else None,
                              "line": first.lineno if first else None})
    return parts


# What a table's header says where no title names it: (kind, words every one of which the header
# prints). Only the kinds whose header is unmistakable; checked in order.
HEADER_KINDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("three_public", ("因公出国", "公务接待", "公务用车")),
    ("summary", ("^收入$", "^支出$")),
    ("expenditure", ("科目", "^(?:合计|总计|小计)$", "基本支出", "项目支出")),
    ("basic_economic", ("经济分类|经济科目", "人员经费", "公用经费")),
)


def classify_header(header_words: list[str]) -> str | None:
    """The kind of table a header's words name, where they leave no doubt."""
    for kind, words in HEADER_KINDS:
        if all(any(re.search(w, h) for h in header_words) for w in words):
            return kind
    return None


def _untitled_tables(parts: Parts, lines: list[Line], in_table: list[bool]) -> None:
    """Ruled tables no title line announced (a title printed as an image, or none at all): read by
    their header's words where those leave no doubt and the document has no table of that kind
    yet. Recognised by content whatever they are numbered — here, not at all."""
    from kg.extract.grid import analyse

    numbers: dict[int, list[int]] = {}
    for i, line in enumerate(lines):
        if line.cells is not None and line.table is not None and not in_table[i]:
            numbers.setdefault(line.table, []).append(i)
    for number, indexes in numbers.items():
        body = [lines[i] for i in indexes]
        layout = analyse(body)
        if layout is None or not layout.header:
            continue
        words = [compact_name(c) for line in body if layout.is_header(line) for c in (line.cells or ()) if c]
        kind = classify_header(words)
        if kind is None or parts.table(kind) is not None:
            continue
        parts.tables.append(TableSection(kind=kind, label=f"表{len(parts.tables) + 1}", title="", unit=None,
                                         lines=body))
        for i in indexes:
            in_table[i] = True


def _habitual_unit(profile: TemplateProfile | None, kind: str) -> str | None:
    """The unit a family prints a kind of table in where it differs from its other tables
    (上海's 三公 table in 万元), for a table that prints no 单位 line of its own."""
    return dict(profile.table_units).get(kind) if profile is not None else None
