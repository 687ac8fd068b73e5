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

# --- the document's own statements -----------------------------------------------------------

# 编制部门：X 单位：万元 / 部门：X单位：万元 / 部门名称：X / 编制单位：X / 预算单位：X / 预算主管部门：X
_DEPT_RE = re.compile(r"(?:编制部门|预算主管部门|部门名称|编制单位|预算单位|单位名称|(?<![\u4e00-\u9fff])部门)"
                      r"[:：]\s*([\u4e00-\u9fff（）()“”]{2,40}?)\s*(?=单位[:：]|金额单位|$|\s)")
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


def _department(lines: list[str]) -> str | None:
    found: Counter[str] = Counter()
    for text in lines:
        for m in _DEPT_RE.finditer(text):
            name = compact_name(m.group(1))
            if len(name) >= 3 and not name.startswith(("单位", "万元")):
                found[name] += 1
    if found:
        return found.most_common(1)[0][0]
    for text in lines[:60]:
        m = _TITLE_DEPT_RE.match(compact_name(text))
        if m and not m.group(1).startswith(("第", "关于")):
            return m.group(1)
    return _narrative_department(lines)


# A narrative without tables (Jiangsu publishes 说明 and 表 as two PDFs) names its department
# as the subject of its totals: "江苏省政协办公厅2019年度收入、支出预算总计…",
# "江苏省政协办公厅本年收入预算合计…". The most frequent such subject is the department.
_NARRATIVE_DEPT_RE = re.compile(
    r"^([\u4e00-\u9fff（）()]{4,30}?)(?:20\d\d年度?|本年度?)(?:收入|支出|收、支|财政拨款|一般公共预算)")


def _narrative_department(lines: list[str]) -> str | None:
    found: Counter[str] = Counter()
    for text in lines:
        m = _NARRATIVE_DEPT_RE.match(compact_name(text))
        if m and not m.group(1).startswith(("第", "关于", "其中", "本部门", "本单位", "我")):
            found[m.group(1)] += 1
    return found.most_common(1)[0][0] if found else None


def identify(doc: SourceDocument, record: Record) -> None:
    """Fill record.department, year, kind and unit from the document's own text.

    The unit is the one most tables print (``sections.split`` then sets the summary table's
    where there is one); the year and kind come from the first ``YYYY年…部门预算`` statement,
    falling back on the most frequent year and on 预算单位 / 决算 wording.
    """
    texts = [line.text for line in doc.lines]
    record.department = record.department or _department(texts)
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
