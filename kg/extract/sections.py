"""Cut a document into its recognised tables and its narrative.

A table starts at its title line: a whole line whose text (spaces, a printed label such as
``表 3`` / ``公开03表`` / ``五、``, a leading year and 部门/单位 removed) is one of the titles in
``TITLES``, and which is followed within a few lines by a ``单位：`` line (or by the table's first
row) — so the narrative's mentions (``…政府性基金预算支出情况表为空表。``) and a table of contents
are not taken for tables. A table runs to the next table title or to the start of the narrative
(``第三部分``, ``一、关于…``), whichever comes first.

Templates add titles with ``register_title(kind, pattern)``: an additive edit, kinds are the
keys the table parsers are registered under in ``kg.extract.tables``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from kg.extract.identify import UNIT_RE, table_unit
from kg.extract.model import Record
from kg.extract.source import Line, SourceDocument
from kg.extract.text_normalize import compact_name


@dataclass
class TableSection:
    """One recognised table: its kind (a registry key of ``kg.extract.tables``), its printed
    label (``表3``, ``公开03表``), title, unit, and its lines (header and body).

    ``rows`` is filled by the table's parser (``kg.extract.tables.rows.Row``) and ``data`` holds
    whatever else the checks need (resolved columns, label rows); both stay on the section so
    ``checks`` can recompute every identity from what was read.
    """

    kind: str
    label: str
    title: str
    unit: str | None
    lines: list[Line] = field(default_factory=list)
    rows: list[Any] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)


@dataclass
class Parts:
    """The document cut up: tables in order, narrative lines, and the document itself."""

    doc: SourceDocument
    tables: list[TableSection] = field(default_factory=list)
    narrative: list[Line] = field(default_factory=list)
    has_budget_narrative: bool = False

    def table(self, kind: str) -> TableSection | None:
        return next((t for t in self.tables if t.kind == kind), None)

    def tables_of(self, kind: str) -> list[TableSection]:
        return [t for t in self.tables if t.kind == kind]


# --- the title registry ----------------------------------------------------------------------

# (kind, regex over the normalised title: no spaces, no quotes, no label/year/部门 prefix)
TITLES: list[tuple[str, re.Pattern[str]]] = []


def register_title(kind: str, pattern: str) -> None:
    """Add a title pattern (full match over the normalised title) for a table kind."""
    TITLES.append((kind, re.compile(pattern)))


for _kind, _pattern in [
    # Xinjiang 表1–表11
    ("summary", r"收支总体情况表"),
    ("income", r"收入总体情况表"),
    ("expenditure", r"支出总体情况表"),
    ("fiscal_summary", r"财政拨款收支(?:预算)?总体情况表"),
    ("general_budget_expenditure", r"一般公共预算支出情况表"),
    ("basic_economic", r"一般公共预算基本支出情况表"),
    ("project_expenditure", r"一般公共预算项目支出情况表"),
    ("government_fund", r"政府性基金预算支出情况表"),
    ("state_capital", r"国有资本经营预算支出情况表"),
    ("three_public", r"(?:财政拨款)?三公经费支出情况表"),
    ("carryover", r"上年结转结余(?:情况)?明细表"),
    # wording seen in other years and counties of the same template
    ("summary", r"收支(?:预算)?总(?:体情况)?表"),
    ("income", r"收入(?:预算)?总(?:体情况)?表"),
    ("expenditure", r"支出(?:预算)?总(?:体情况)?表"),
    ("fiscal_summary", r"财政拨款收支(?:预算)?总(?:体情况)?表"),
    ("general_budget_expenditure", r"一般公共预算(?:财政拨款)?支出(?:情况)?表"),
    ("basic_economic", r"一般公共预算(?:财政拨款)?基本支出(?:情况)?表"),
    ("project_expenditure", r"一般公共预算(?:财政拨款)?项目支出(?:情况|预算)?表"),
    ("government_fund", r"政府性基金(?:预算)?(?:财政拨款)?支出(?:情况)?表"),
    ("state_capital", r"国有资本经营预算(?:财政拨款)?支出(?:情况)?表"),
    ("three_public", r"(?:财政拨款|一般公共预算)?三公经费(?:支出)?(?:预算)?(?:情况)?(?:统计)?表"),
    ("carryover", r"上年结转(?:结余)?(?:预算)?(?:情况)?(?:明细)?表"),
    # Jiangsu 公开01–12表, Shanghai 9 tables
    ("summary", r"(?:财务)?收支预算总表"),
    ("income", r"收入预算总表"),
    ("expenditure", r"支出预算总表"),
    ("fiscal_summary", r"财政拨款收支预算总表"),
    ("fiscal_expenditure", r"财政拨款支出预算表(?:（功能科目）)?"),
    ("fiscal_basic_economic", r"财政拨款基本支出预算表(?:（经济科目）)?"),
    ("general_budget_expenditure", r"一般公共预算支出(?:功能分类)?预算表(?:（功能科目）)?"),
    ("basic_economic", r"一般公共预算基本支出(?:部门预算经济分类)?预算表(?:（经济科目）)?"),
    ("government_fund", r"(?:财政拨款)?政府性基金(?:预算)?(?:财政拨款)?支出(?:功能分类)?预算表"),
    ("state_capital", r"国有资本经营预算(?:财政拨款)?支出(?:功能分类)?预算表"),
    ("three_public", r"(?:一般公共预算)?三公经费(?:和机关运行经费|、会议费、培训费)?(?:支出)?预算表"),
    ("operating_expenses", r"一般公共预算机关运行经费支出预算表"),
    ("procurement", r"政府采购(?:支出)?预算表"),
    # 部门决算 (finance ministry template)
    ("summary", r"收入支出决算总表"),
    ("income", r"收入决算表"),
    ("expenditure", r"支出决算表"),
    ("fiscal_summary", r"财政拨款收入支出决算总表"),
    ("general_budget_expenditure", r"一般公共预算财政拨款支出决算表"),
    ("basic_economic", r"一般公共预算财政拨款基本支出决算表"),
    ("three_public", r"(?:财政拨款)?三公经费(?:支出)?决算表"),
    ("government_fund", r"政府性基金预算财政拨款(?:收入)?支出决算表"),
    ("state_capital", r"国有资本经营预算财政拨款(?:收入)?支出决算表"),
]:
    register_title(_kind, _pattern)

_LABEL_RE = re.compile(r"^(?:表[\d一二三四五六七八九十]+|公开\d+表|[一二三四五六七八九十]+、|\d+[.．、])")
_LABEL_LINE_RE = re.compile(r"^(?:表[\d一二三四五六七八九十]+|公开\d+表|附表[\d一二三四五六七八九十]+)$")
_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九", start=0)}


def _label_digits(label: str) -> str:
    """``表十一`` -> ``表11`` so every template's tables are named alike in checks."""
    def convert(m: re.Match[str]) -> str:
        text = m.group(0)
        if "十" not in text:
            return "".join(str(_CN_DIGITS[c]) for c in text)
        tens, _, ones = text.partition("十")
        return str((_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0))
    return re.sub(r"[一二三四五六七八九十]+", convert, label) if label.startswith(("表", "附表")) else label
_PREFIX_RE = re.compile(r"^(?:20\d\d年度?)?(?:部门|预算单位|单位)?")
# a 单位 line cut by the extraction (``单`` / ``位：万元``) or the 编制部门 line above it
_UNIT_HINT_RE = re.compile(r"^(?:位[:：]\s*(?:万元|元)|编制部门[:：]|编制单位[:：]|部门(?:名称)?[:：])")
# a table printed again after a page break: ``部门收入总体情况表（续）`` / ``续表``
_CONTINUED_RE = re.compile(r"(?:[（(]续表?[)）]|续表|[（(]续[一二三四五六七八九十\d]*[)）])$")
_QUOTES = str.maketrans("", "", "“”\"'‘’")
# where the tables give way to the narrative
_NARRATIVE_START_RE = re.compile(r"^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、关于)")


def normalize_title(text: str) -> tuple[str | None, str]:
    """(printed label or None, bare title) of a candidate title line."""
    compact = compact_name(text).translate(_QUOTES)
    label = None
    m = _LABEL_RE.match(compact)
    if m:
        label = m.group(0)
        compact = compact[m.end():]
    compact = _PREFIX_RE.sub("", compact, count=1)
    compact = _CONTINUED_RE.sub("", compact)
    return label, compact


def match_title(text: str) -> tuple[str, str | None, str] | None:
    """(kind, label, title) where the line is a table title, else None."""
    compact = compact_name(text)
    shown = _LABEL_RE.sub("", compact) if re.match(r"^(?:表[\d一二三四五六七八九十]+|公开\d+表)", compact) else compact
    if len(compact) > 50 or "……" in compact or "..." in compact or compact.endswith("。"):
        return None
    label, bare = normalize_title(text)
    for kind, pattern in TITLES:
        if pattern.fullmatch(bare):
            return kind, label, shown
    # a title after the department's or the year's name (``昌吉州生态环境局2024年部门收支总体情况表``):
    # the match with the shortest prefix wins, so 财政拨款收支… is not read as 收支…
    best: tuple[int, str] | None = None
    for kind, pattern in TITLES:
        for m in pattern.finditer(bare):
            if m.end() != len(bare) or m.start() == 0:
                continue
            prefix = _PREFIX_RE.sub("", re.sub(r"20\d\d年度?", "", bare[:m.start()]))
            prefix = re.sub(r"(?:部门|预算单位|单位)$", "", prefix)
            if re.search(r"[，。；：:、]", prefix) or len(prefix) > 30 or re.match(r"(?:关于|说明|见|详见|附|如|按)", prefix):
                continue
            if m.start() and best is None or (best is not None and m.start() < best[0]):
                best = (m.start(), kind)
    if best is not None:
        return best[1], label, shown
    return None


def _followed_by_unit(lines: list[Line], i: int, window: int = 6) -> bool:
    for line in lines[i + 1:i + 1 + window]:
        if UNIT_RE.search(line.text) or line.cells is not None or _UNIT_HINT_RE.search(compact_name(line.text)):
            return True
        if match_title(line.text):
            return False
    return False


def _label_before(lines: list[Line], i: int) -> str | None:
    for line in lines[max(0, i - 2):i]:
        compact = compact_name(line.text)
        if _LABEL_LINE_RE.match(compact):
            return _label_digits(compact)
    return None


def find_titles(doc: SourceDocument) -> list[tuple[int, str, str, str]]:
    """(line index, kind, label, title) of every table title line, in order."""
    found = []
    lines = doc.lines
    for i, line in enumerate(lines):
        hit = match_title(line.text)
        if not hit or not _followed_by_unit(lines, i):
            continue
        kind, label, title = hit
        if label and not label.startswith(("表", "公开")):
            label = None
        if label:
            label = _label_digits(label)
        label = label or _label_before(lines, i)
        found.append((i, kind, label or "", title))
    return found


_NOTE_RE = re.compile(r"^(?:注|说明|备注)\s*\d*\s*[:：]")


def _trim_ruled_body(body: list[Line]) -> list[Line]:
    """A PDF table ends with its ruled rows (its ``注：`` lines kept): the text after it is
    narrative (Shanghai prints 其他相关情况说明 and the 项目经费情况说明 right after the last
    table), not part of the table. Text input has no ruled rows and is left as it is."""
    numbers = [line.table for line in body if line.cells is not None and line.table is not None]
    if not numbers:
        return body
    first = numbers[0]
    last = max(i for i, line in enumerate(body) if line.table == first)
    end = last + 1
    while end < len(body) and body[end].cells is None and (
            _NOTE_RE.match(compact_name(body[end].text)) or UNIT_RE.search(body[end].text)):
        end += 1
    return body[:end]


def split(doc: SourceDocument, record: Record) -> Parts:
    """Cut ``doc`` into TableSections (title, unit and lines up to the next title) and narrative.

    A table's printed label is ``表N`` / ``公开NN表`` where printed, else its position among the
    tables (``表N``) so checks can still name it. The record's unit becomes the summary table's.
    """
    parts = Parts(doc=doc)
    lines = doc.lines
    titles = find_titles(doc)
    in_table = [False] * len(lines)
    for n, (start, kind, label, title) in enumerate(titles):
        end = titles[n + 1][0] if n + 1 < len(titles) else len(lines)
        # a label line (表 4) printed just before the next title belongs to the next table
        while end - 1 > start and _LABEL_LINE_RE.match(compact_name(lines[end - 1].text)):
            end -= 1
        body: list[Line] = []
        for j in range(start + 1, end):
            if _NARRATIVE_START_RE.match(compact_name(lines[j].text)) and j > start + 2:
                break
            body.append(lines[j])
        body = _trim_ruled_body(body)
        for j in range(max(0, start - 2), start + 1 + len(body)):
            if j >= start or _LABEL_LINE_RE.match(compact_name(lines[j].text)):
                in_table[j] = True
        unit = None
        for k, line in enumerate(body[:12]):
            unit = table_unit(line.text)
            if unit is None and k > 0 and compact_name(body[k - 1].text).endswith("单"):
                unit = table_unit("单" + line.text)
            if unit:
                break
        previous = parts.tables[-1] if parts.tables else None
        if previous is not None and previous.kind == kind and (
                _CONTINUED_RE.search(title) or (label and previous.label == label)):
            previous.lines.extend(body)  # the same table continued after a page break
            continue
        parts.tables.append(TableSection(kind=kind, label=label or f"表{len(parts.tables) + 1}",
                                         title=title, unit=unit, lines=body))
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
