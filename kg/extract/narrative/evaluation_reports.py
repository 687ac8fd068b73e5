"""A named project's 绩效评价报告 (the 部门评价 or 第三方 evaluation a 决算 attaches): the project's money as
the report's text states it, which no table of the document prints.

    2024年度全国信访信息系统维护费项目
    绩效评价报告
    …
    3.项目资金投入
    2024 年，该项目批复的年初预算数为 1018.00 万元，其中当年财政拨款 898.00万元，上年结转 120.00万元。
    截至 2024 年 12 月31 日，项目全年预算数为 1018.55 万元，其中当年财政拨款 898.00 万元、上年结转资金
    120.55 万元。项目实际支出 760.53万元，预算执行率 74.67%。
    …
    全国信访信息系统维护费项目综合评价得分 85.19 分，评价等级为“良”

Why a reader of its own: a 决算 prints 自评表 for the projects it self-evaluates (read by ``performance``),
but the project a department evaluates in depth is reported in prose only — its 年初预算数, 全年预算数
(with the 其中 split into 当年财政拨款 and 上年结转), 实际支出 and 执行率 are in no table, and questions
name the project by its title. The report becomes a ``Project`` (``amount`` its 全年预算数, ``initial_budget``,
``executed``, ``execution_rate``, ``funds``) with the line each figure stands on; it is never given a
``self_evaluation_score`` (the report is not a 自评). Each 其中 split is checked against the figure it
splits (``narrative_sum``, 说明所列分项之和等于总数, produced through ``parts.evaluation_checks``); a split that
does not add up is that finding, and is not stored as the project's funds.

The report is recognised by its title — a line ending ``绩效评价报告`` whose project name is printed on
it or on the line before, the report's first heading (``一、``) on the next line — so a sentence that mentions a report (``具体内容详见附件``) is never taken for
one. The figures are read by the language's words for them (年初预算, 全年预算, 实际支出/执行数, 执行率),
each the first statement after the title and before the next report.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from kg.extract.model import Check, Project, ProjectFunds, Provenance
from kg.extract.narrative.text import Span, compact, make_span, money
from kg.extract.rules import precision, register_checks
from kg.extract.source import Line
from kg.units import convert

TABLE = "绩效评价报告"
_TITLE_END_RE = re.compile(r"(?:项目)?(?:支出)?(?:绩效)?评价报告$")
# ``2024年度全国信访信息系统维护费项目``: a year, the name, 项目 — the name keeps no year and no 项目 word
_NAME_RE = re.compile(r"^(?:[（(]?[一二三四五六七八九十\d]+[)）、.．]\s*)?(?:关于)?(?:\d{4}年度?)?(?P<name>.{2,40}?)"
                      r"(?:项目)?(?:的)?$")
_FIRST_HEADING_RE = re.compile(r"^(?:一[、.．]|[（(]一[)）]|第一部分)")
_BARE_PAGE_RE = re.compile(r"^\d{1,3}$")
_NUM = r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_UNIT = r"(亿元|万元|元)"
# ``年初预算数为1018.00万元``, ``全年预算数1018.55万元``, ``项目实际支出760.53万元``, ``执行数为1032.99万元``
_INITIAL_RE = re.compile(r"年初预算(?:数|金额|资金)?(?:为|是|共计|合计)?[:：]?" + _NUM + _UNIT)
_FULL_YEAR_RE = re.compile(r"(?:全年预算|调整后预算|预算调整后)(?:数|金额|资金)?(?:为|是|共计|合计)?[:：]?" + _NUM + _UNIT)
_EXECUTED_RE = re.compile(r"(?:实际支出|实际执行|执行数|支出数|决算数)(?:金额|资金)?(?:为|是|共计|合计)?[:：]?" + _NUM + _UNIT)
_RATE_RE = re.compile(r"(?:预算)?执行率(?:为|是|达到?)?[:：]?(\d+(?:\.\d+)?)[%％]")
# the 其中 split of the figure just stated, up to the sentence's end: ``其中当年财政拨款898.00万元、上年结转120.55万元``
_SPLIT_RE = re.compile(r"^[，,]?其中[:：，,]?(?P<body>[^。；;]*)")
_FISCAL_WORDS = re.compile(r"财政拨款|财政资金|一般公共预算")
_CARRYOVER_WORDS = re.compile(r"结转|结余")
_OTHER_WORDS = re.compile(r"其他资金|自筹|单位资金|事业收入")
_PART_RE = re.compile(r"(?P<label>[^，,、；;。\d]{2,20}?)" + _NUM + _UNIT)


@dataclass
class _Report:
    name: str
    title: Line
    lines: list[Line]


def _reports(lines: list[Line]) -> list[_Report]:
    """Each report's name, title line and prose lines (to the next report's title)."""
    prose = [line for line in lines if line.cells is None]
    titles: list[tuple[int, str]] = []
    for index, line in enumerate(prose):
        text = compact(line.text)
        if not _TITLE_END_RE.search(text) or len(text) > 60:
            continue
        head = _TITLE_END_RE.sub("", text)
        if len(head) < 2 and index > 0:  # the name on the line before: ``2024年度…维护费项目`` / ``绩效评价报告``
            head = compact(prose[index - 1].text)
        m = _NAME_RE.match(head)
        if not m or re.search(r"[，。；：:,]", head) or "详见" in head:
            continue
        if index + 1 >= len(prose) or not _FIRST_HEADING_RE.match(compact(prose[index + 1].text)):
            continue  # a wrapped sentence ending in 评价报告 (``…修改形成评价报告``): a report opens with 一、
        name = m.group("name").strip("“”\"《》")
        if len(name) >= 2 and not re.search(r"^(?:部门|单位|整体|本部门|本单位)(?:整体)?(?:支出)?$", name):
            titles.append((index, name))
    out = []
    for (index, name), following in zip(titles, [*(t[0] for t in titles[1:]), len(prose)]):
        body = [line for line in prose[index + 1:following] if not _BARE_PAGE_RE.match(compact(line.text))]
        out.append(_Report(name=name, title=prose[index], lines=body))
    return out


def _figure(number: str, printed_unit: str, unit: str) -> Decimal | None:
    """A printed figure in the record's unit, exactly."""
    value = money(number)
    return convert(value, printed_unit, unit) if value is not None else None


def _split(span: Span, end: int, unit: str) -> ProjectFunds | None:
    """The 其中 split printed right after a figure (ending at ``end``), by source; ``None`` where there is none
    or a part names no source."""
    m = _SPLIT_RE.match(span.text[end:])
    if not m:
        return None
    funds = ProjectFunds()
    for part in _PART_RE.finditer(m.group("body")):
        label, value = part.group("label"), _figure(part.group(2), part.group(3), unit)
        if _CARRYOVER_WORDS.search(label):
            key = "carryover"
        elif _FISCAL_WORDS.search(label):
            key = "fiscal"
        elif _OTHER_WORDS.search(label):
            key = "other"
        else:
            return None
        if getattr(funds, key) is not None:
            return None
        setattr(funds, key, value)
    return funds if funds.any() else None


def _split_check(funds: ProjectFunds, whole: Decimal, label: str, report: _Report, at: Line, file: str) -> Check:
    """narrative_sum of a 其中 split against the figure it splits (the rule ``narrative.audit`` registers)."""
    parts = [v for v in (funds.fiscal, funds.carryover, funds.other) if v is not None]
    expected = sum(parts, Decimal(0))
    names = (("fiscal", "财政拨款"), ("carryover", "上年结转"), ("other", "其他资金"))
    return Check("narrative_sum", f"{TABLE} {report.name} {label} 所列分项", expected, whole, expected == whole,
                 Provenance(file=file, page=at.page, line=at.lineno, table=TABLE, row=f"{report.name} {label}"),
                 tolerance=max([precision(whole)] + [precision(v) for v in parts]),
                 note="其中：" + "、".join(f"{word}{getattr(funds, key)}" for key, word in names
                                         if getattr(funds, key) is not None))


def read_evaluation_reports(lines: list[Line], file: str, unit: str | None,
                            checks: list[Check] | None = None) -> list[Project]:
    """Every 绩效评价报告's project with the money its text states (see the module docstring); a report
    stating none of 全年预算数, 年初预算数, 实际支出 gives no project. ``checks`` receives the check of every
    其中 split against the figure it splits."""
    unit = unit or "万元"
    out: list[Project] = []
    for report in _reports(lines):
        span = make_span(report.lines)
        text = span.text
        full = _FULL_YEAR_RE.search(text)
        initial = _INITIAL_RE.search(text)
        executed = _EXECUTED_RE.search(text)
        if not (full or initial or executed):
            continue
        project = Project(name=report.name, category="current")
        provenance = [Provenance(file=file, page=report.title.page, line=report.title.lineno, table=TABLE,
                                 row=report.name)]
        for m, key, label in ((full, "amount", "全年预算数"), (initial, "initial_budget", "年初预算数")):
            if m is None:
                continue
            setattr(project, key, _figure(m.group(1), m.group(2), unit))
            funds = _split(span, m.end(), unit)
            if funds is None:
                continue
            check = _split_check(funds, getattr(project, key), label, report, span.line_at(m.start()), file)
            if checks is not None:
                checks.append(check)
            if check.ok and project.funds is None:  # the 全年预算数's split first (a 自评表's is of that column)
                project.funds = funds
        if executed:
            project.executed = _figure(executed.group(1), executed.group(2), unit)
            rate = _RATE_RE.search(text, executed.end())
            if rate and rate.start() - executed.end() <= 12:  # ``，预算执行率74.67%`` right after the figure
                project.execution_rate = Decimal(rate.group(1))
        for m in (full, initial, executed):
            if m is not None:
                line = span.line_at(m.start())
                provenance.append(Provenance(file=file, page=line.page, line=line.lineno, table=TABLE,
                                             row=report.name))
        project.provenance = provenance
        out.append(project)
    return out


@register_checks("narrative.evaluation_reports", "绩效评价报告资金构成")
def evaluation_report_checks(parts, record) -> list[Check]:
    """The checks ``read_narrative`` kept of every report's 其中 splits (``parts.evaluation_checks``)."""
    return list(getattr(parts, "evaluation_checks", []))
