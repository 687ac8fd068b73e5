"""Project sheets: one page per project titled ``…经费情况说明`` (the Shanghai 区级 template).

Shanghai departments end their budget with a sheet per major project instead of the
``项目名称：…`` blocks other templates print::

    人民调解项目经费情况说明
    一、项目概述      (what the project does)
    二、立项依据      (the policy documents)
    三、实施主体      (the responsible unit)
    四、实施方案
    五、实施周期      (the execution period)
    六、年度预算安排  (the amount, in 万元: "795万元", "2025年度项目总预算1720.00万，其中…")
    七、绩效目标

A sheet is recognised by its title line followed by the ``项目概述`` heading, so a sentence
mentioning a 情况说明 is never taken for one. The amount is converted exactly to the record's
unit (the tables of those documents are in 元).
"""
from __future__ import annotations

import re
from decimal import Decimal

from kg.extract.model import PolicyDocument, Project, Provenance
from kg.extract.source import Line
from kg.extract.text_normalize import compact_name, parse_money
from kg.units import convert

_TITLE_RE = re.compile(r"^(?P<name>.{2,60}?)(?:经费)?情况说明$")
# A title that names no project, only the kind of sheet (``项目经费情况说明`` heading the sheets,
# ``重点项目情况说明``): the project's name is then printed inside the sheet.
_GENERIC_NAME_RE = re.compile(r"^(?:[一二三四五六七八九十\d]+[、.．])?(?:部门|单位|本部门|本单位)?(?:重点|主要|专项)?(?:项目|专项|业务)$")
# the first half of a wrapped title: a short line of words, no sentence, no heading number
_WRAPPED_TITLE_RE = re.compile(r"[\u4e00-\u9fff（）()“”、]{2,40}")
_NAME_FIELD_RE = re.compile(r"^项目名称\s*[:：]\s*(?P<name>.{2,60})$")
_HEADING_RE = re.compile(r"^[一二三四五六七八九十]{1,3}[、.．]\s*(?P<label>.+)$")
_FIRST_HEADING = "项目概述"
# the budget statement: "795万元", "总预算1720.00万", "1,212.12万元"; a year is never an amount
_AMOUNT_RE = re.compile(r"(?<![\d.])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(万元|万|元)(?!/)")
_TOTAL_AMOUNT_RE = re.compile(r"(?:总预算|预算总额|预算安排|安排资金|合计|共计)\s*[为:：]?\s*" + _AMOUNT_RE.pattern)

_FIELDS = {
    "description": ("项目概述",),
    "basis": ("立项依据", "政策依据", "设立依据"),
    "unit": ("实施主体", "承担单位", "实施单位"),
    "period": ("实施周期", "执行时间", "实施时间"),
    "amount": ("年度预算安排", "预算安排", "年度预算"),
}


def _field_of(label: str) -> str | None:
    bare = compact_name(label)
    for key, labels in _FIELDS.items():
        if any(bare.startswith(option) for option in labels):
            return key
    return None


def _sheets(lines: list[Line]) -> list[tuple[str, list[Line]]]:
    """(project name, lines after the title) of every project sheet."""
    starts: list[tuple[int, str]] = []
    for i, line in enumerate(lines):
        if line.cells is not None:
            continue
        m = _TITLE_RE.match(compact_name(line.text))
        if not m or _HEADING_RE.match(line.text):
            continue
        following = [compact_name(l.text) for l in lines[i + 1:i + 3]]
        if any(re.sub(r"^[一二三四五六七八九十]{1,3}[、.．]", "", t).startswith(_FIRST_HEADING) for t in following):
            name = m.group("name")
            previous = compact_name(lines[i - 1].text) if i > 0 and lines[i - 1].cells is None else ""
            if _GENERIC_NAME_RE.match(name) and _WRAPPED_TITLE_RE.fullmatch(previous) \
                    and not previous.endswith(("说明", "情况")) \
                    and not (starts and starts[-1][0] == i - 1):
                name = previous + name  # the title wrapped over two lines: 人民调解和社区矫正工作 / 项目…
            starts.append((i, name))
    sheets = []
    for n, (start, name) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(lines)
        body = lines[start + 1:end]
        if _GENERIC_NAME_RE.match(name):
            named = next((m.group("name") for m in (_NAME_FIELD_RE.match(compact_name(l.text)) for l in body) if m), None)
            if named is None:
                continue  # a sheet whose project goes unnamed is no project to record
            name = named
        sheets.append((name, body))
    return sheets


def _amount(text: str, unit: str | None) -> Decimal | None:
    """The project's amount in ``unit``: the total where one is named, else the first figure."""
    compact = re.sub(r"\s+", "", text)
    m = _TOTAL_AMOUNT_RE.search(compact) or _AMOUNT_RE.search(compact)
    if not m:
        return None
    value = parse_money(m.group(1))
    printed_unit = "元" if m.group(2) == "元" else "万元"
    return convert(value, printed_unit, unit or "万元")


def _description(overview: str, allocation: str) -> str:
    """The sheet's 项目概述, followed by its 年度预算安排 where that splits the money into parts
    (总预算1410.00万，其中支持引进品牌集聚340.00万，…): what each part gets is the project's own
    allocation detail, as the 资金分配情况 of other templates is."""
    compact = re.sub(r"\s+", "", allocation)
    if not re.search(r"其中|包括|用于", compact) or len(_AMOUNT_RE.findall(compact)) < 3:
        return overview
    return overview + ("" if not overview or overview.endswith("。") else "。") + "年度预算安排：" + compact


def read_project_sheets(lines: list[Line], file: str, unit: str | None,
                        department: str | None = None) -> list[Project]:
    """Every ``…经费情况说明`` project sheet of the document as a Project (amount in ``unit``)."""
    from kg.extract.narrative.policy import find_policy_documents

    projects: list[Project] = []
    for name, body in _sheets(lines):
        fields: dict[str, list[str]] = {}
        current: str | None = None
        for line in body:
            heading = _HEADING_RE.match(line.text.strip())
            if heading:
                current = _field_of(heading.group("label"))
                continue
            if current is not None:
                fields.setdefault(current, []).append(line.text.strip())
        where = Provenance(file=file, page=body[0].page if body else None,
                           line=body[0].lineno if body else None, table="项目经费情况说明", row=name)
        joined = {key: "".join(texts) for key, texts in fields.items()}
        docs: list[PolicyDocument] = find_policy_documents(joined.get("basis", ""), where) if joined.get("basis") else []
        projects.append(Project(
            name=name,
            amount=_amount(joined.get("amount", ""), unit),
            category="current",
            responsible_unit=compact_name(joined["unit"]) if joined.get("unit") else department,
            description=_description(joined.get("description", ""), joined.get("amount", "")) or None,
            execution_period=compact_name(joined["period"]) if joined.get("period") else None,
            policy_documents=docs,
            provenance=[where],
        ))
    return projects
