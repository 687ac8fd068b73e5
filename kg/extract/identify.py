"""Recognise a document from its content: department, fiscal year, kind and main unit.

Nothing here looks at the file name: a disclosure names its department on every table
(``编制部门：…``, ``部门：…``, ``预算单位：…``), its year and kind in its part titles
(``第二部分 2025年部门预算公开表``) and its unit on every table's ``单位：`` line.

Which spellings denote one department is ``kg.names.department``'s job (the one definition the
graph and the question service use too).
"""
from __future__ import annotations

import re
from collections import Counter

from kg.extract.model import Record
from kg.extract.source import SourceDocument
from kg.extract.text_normalize import compact_name
from kg.names.department import strip_budget_suffix

# --- the document's own statements -----------------------------------------------------------

# 编制部门：X 单位：万元 / 部门：X单位：万元 / 部门名称：X / 编制单位：X / 预算单位：X / 预算主管部门：X /
# 部门（单位）：X
_DEPT_RE = re.compile(r"(?:编制部门|预算主管部门|部门名称|编制单位|预算单位|单位名称|部门（单位）|(?<![\u4e00-\u9fff])部门)"
                      r"[:：]\s*([\u4e00-\u9fff（）()“”]{2,40}?)\s*(?=单位[:：]|金额单位|$|\s)")
# A department's name ends with its organisation word, possibly followed by the budget's scope.
_ORG_END_RE = re.compile(r"(?:局|厅|委员会|委|办公室|院|中心|馆|所|站|队|会|部|处|署|社|团|校|政府|监狱|公司|办)"
                         r"(?:[（(](?:本级|汇总|部门|机关本级|机关)[)）]|本级|汇总)?$")
# A cover: 2026年度 / 福州市商务局 / 部门预算 (joined), 2026年烟台市财政局部门预算
_COVER_RE = re.compile(r"(?:20\d\d年度?)?([\u4e00-\u9fff（）()]{3,40}?)(?:20\d\d年度?)?(?:市级|区级|县级)?(?:部门|单位)(?:综合)?(?:预算|决算)")
# a table cell naming the department beside its label (部门名称 | 北京市财政局)
_LABEL_CELL_RE = re.compile(r"^(?:部门名称|单位名称|预算单位|主管部门|市级主管部门|部门|单位|编制部门|编制单位)[:：]?$")
_KIND_RE = re.compile(r"(20\d\d)\s*年\s*度?\s*(?:[\u4e00-\u9fff]{0,30}?)(部门|单位)\s*(预算|决算)")
_TITLE_DEPT_RE = re.compile(r"^(?:第[一二三四五六七八九十]+部分)?\s*([\u4e00-\u9fff（）()]{3,40}?)"
                            r"\s*(20\d\d)\s*年\s*度?\s*(部门|单位)\s*(预算|决算)")
UNIT_RE = re.compile(r"(?:金额)?单位[:：]\s*(万元|千元|元|万)(?![\u4e00-\u9fff])")


def table_unit(text: str) -> str | None:
    """The unit printed on a table's ``单位：`` line (``单位：万`` cut short reads 万元)."""
    m = UNIT_RE.search(text)
    if not m:
        return None
    return "万元" if m.group(1) == "万" else m.group(1)


def _department(doc: SourceDocument) -> str | None:
    """The department the document names: on its tables' 编制部门 lines (the most frequent), on
    its cover, in a title line, in a table cell beside 部门名称, or as the subject of its
    narrative's totals — in that order of trust."""
    lines = [line.text for line in doc.lines]
    found: Counter[str] = Counter()
    for text in lines:
        for m in _DEPT_RE.finditer(text):
            name = compact_name(m.group(1))
            if len(name) >= 3 and not name.startswith(("单位", "万元")):
                found[name] += 1
    cover = _cover_department(doc)
    if found:
        name = found.most_common(1)[0][0]
        # the cover names the same department with the budget's scope (长春市信访局（本级）): the
        # fuller form is the document's own name for itself
        if cover and cover != name and strip_budget_suffix(cover) == name:
            return cover
        return name
    if cover:
        return cover
    for text in lines[:60]:
        m = _TITLE_DEPT_RE.match(compact_name(text))
        if m and not m.group(1).startswith(("第", "关于")):
            return m.group(1)
    return _cell_department(doc) or _narrative_department([line.text for line in doc.lines if line.cells is None])


def _cover_department(doc: SourceDocument) -> str | None:
    """The name on the cover: the first page's lines before its contents, joined (a cover sets
    ``2026年度`` / ``福州市商务局`` / ``部门预算`` on lines of their own)."""
    if not doc.lines:
        return None
    first_page = doc.lines[0].page
    texts: list[str] = []
    for line in doc.lines[:12]:
        compact = compact_name(line.text)
        if line.page != first_page or line.cells is not None or compact.startswith("目录") or len(compact) > 40:
            break
        texts.append(compact)
    m = _COVER_RE.search("".join(texts))
    if m and _ORG_END_RE.search(m.group(1)) and not m.group(1).startswith(("第", "关于")):
        return m.group(1)
    return None


def _cell_department(doc: SourceDocument) -> str | None:
    """A name in the table cell right of a 部门名称 / 主管部门 label cell (the most frequent)."""
    found: Counter[str] = Counter()
    for line in doc.lines:
        cells = [compact_name(c) if c else "" for c in (line.cells or ())]
        for i, cell in enumerate(cells[:-1]):
            if _LABEL_CELL_RE.match(cell):
                value = next((c for c in cells[i + 1:] if c), "")
                if 3 <= len(value) <= 40 and _ORG_END_RE.search(value) and re.fullmatch(r"[\u4e00-\u9fff（）()]+", value):
                    found[value] += 1
    return found.most_common(1)[0][0] if found else None


# A narrative without tables (Jiangsu publishes 说明 and 表 as two PDFs) names its department
# as the subject of its totals: "江苏省政协办公厅2019年度收入、支出预算总计…",
# "江苏省政协办公厅本年收入预算合计…". The most frequent such subject is the department.
_NARRATIVE_DEPT_RE = re.compile(
    r"^([\u4e00-\u9fff（）()]{4,30}?)(?:20\d\d年度?|本年度?)(?:收入|支出|收、支|财政拨款|一般公共预算)")


def _narrative_department(lines: list[str]) -> str | None:
    found: Counter[str] = Counter()
    for text in lines:
        m = _NARRATIVE_DEPT_RE.match(compact_name(text))
        if m and not m.group(1).startswith(("第", "关于", "其中", "本部门", "本单位", "我")) \
                and _ORG_END_RE.search(m.group(1)):
            found[m.group(1)] += 1
    return found.most_common(1)[0][0] if found else None


def identify(doc: SourceDocument, record: Record) -> None:
    """Fill record.department, year, kind and unit from the document's own text.

    The unit is the one most tables print (``sections.split`` then sets the summary table's
    where there is one); the year and kind come from the first ``YYYY年…部门预算`` statement,
    falling back on the most frequent year and on 预算单位 / 决算 wording.
    """
    texts = [line.text for line in doc.lines]
    record.department = record.department or _department(doc)
    head = "\n".join(texts[:400])
    # a title line (``第二部分 2025年部门预算公开表``) before any sentence that mentions a year
    titles = "\n".join(t for t in texts[:400] if len(compact_name(t)) <= 40 and not t.rstrip().endswith("。"))
    m = _KIND_RE.search(titles) or _KIND_RE.search(head) or _KIND_RE.search("\n".join(texts))
    if m:
        record.year = int(m.group(1))
        record.kind = m.group(2) + m.group(3)
    else:
        years = Counter(re.findall(r"(20\d\d)\s*年", head))
        if years:
            record.year = int(years.most_common(1)[0][0])
        full = doc.text()
        level = "单位" if re.search(r"20\d\d\s*年\s*度?\s*预算单位", full) else "部门"
        record.kind = level + ("决算" if full.count("决算") > full.count("预算") else "预算")
    units = Counter(u for u in (table_unit(t) for t in texts) if u)
    if units:
        record.unit = units.most_common(1)[0][0]
    else:
        record.unit = "万元" if "万元" in doc.text() else "元"
