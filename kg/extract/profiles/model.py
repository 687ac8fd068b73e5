"""What a template profile is: validated, frozen settings, in the manner of pdfplumber's
``TableSettings``.

A *template family* is the way one province (or the finance ministry) lays out its disclosures:
the tables it prints and how it numbers them, the words of its headers and row labels, the units
its tables print, the headings of its narrative, and what the PDF reader needs to find its
tables. A profile says all of that as data; the extraction code reads every family through the
same mechanisms (``kg.extract.profiles.recognise``), so adding a province means adding a profile
and its tests, never a code path.

Every value is checked when the profile is built (a typo in a table kind or a regular expression
that does not compile fails at import, not on a document).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from typing import Literal

# The kinds of table the parsers know (``kg.extract.tables`` registers one parser per kind).
# ``other``: a table that is recognised (it bounds the table before it) but not read as figures
# (绩效目标表, 会议费明细表, 报表目录 …).
TABLE_KINDS = (
    "summary",                     # 收支总表: income items | expenditure 类, two sides
    "income",                      # 收入总表: income by source (by subject or by unit)
    "expenditure",                 # 支出总表: 合计 | 基本 | 项目 by functional subject
    "fiscal_summary",              # 财政拨款收支总表
    "general_budget_expenditure",  # 一般公共预算支出表 (functional)
    "fiscal_expenditure",          # 财政拨款支出表 (functional)
    "basic_economic",              # 一般公共预算基本支出表 (economic)
    "fiscal_basic_economic",       # 财政拨款基本支出表 (economic)
    "basic_expenditure_economic",  # 基本支出总表 / 基本支出预算表 of all funds (economic)
    "general_budget_economic",     # 一般公共预算支出经济分类表 (basic + project, economic)
    "project_economic",            # 项目支出表 by economic subject (no project names)
    "basic_functional",            # 基本支出表 by functional subject
    "government_fund",             # 政府性基金预算支出表
    "state_capital",               # 国有资本经营预算支出表
    "project_expenditure",         # 项目支出表: one row per project
    "project_objectives",          # 项目支出绩效表: one row per project with its objective (a long-text column)
    "three_public",                # “三公”经费表
    "operating_expenses",          # 机关运行经费表
    "procurement",                 # 政府采购表
    "carryover",                   # 上年结转结余明细表
    "purchased_services",          # 政府购买服务明细表: one row per service, by the 指导性目录's classes
    "other",
)
TableKind = Literal[
    "summary", "income", "expenditure", "fiscal_summary", "general_budget_expenditure",
    "fiscal_expenditure", "basic_economic", "fiscal_basic_economic", "basic_expenditure_economic",
    "general_budget_economic", "project_economic", "basic_functional", "government_fund",
    "state_capital", "project_expenditure", "three_public", "operating_expenses", "procurement",
    "carryover", "purchased_services", "other"]

UNITS = ("元", "千元", "万元", "亿元")


def _check_regex(owner: str, name: str, pattern: str) -> None:
    try:
        re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"{owner}.{name}: bad regular expression {pattern!r}: {exc}") from None


@dataclass(frozen=True)
class TableSettings:
    """How the PDF reader finds a family's ruled tables (pdfplumber's ``table_settings``).

    Only the settings the project uses are named; each is validated like pdfplumber validates
    its own (a strategy must be one it knows, a tolerance non-negative).
    """

    vertical_strategy: Literal["lines", "lines_strict", "text"] = "lines"
    horizontal_strategy: Literal["lines", "lines_strict", "text"] = "lines"
    snap_tolerance: float = 3
    join_tolerance: float = 3
    intersection_tolerance: float = 3
    text_x_tolerance: float = 1.5  # characters closer than this are one word (text lines)

    def __post_init__(self) -> None:
        for name in ("vertical_strategy", "horizontal_strategy"):
            value = getattr(self, name)
            if value not in ("lines", "lines_strict", "text"):
                raise ValueError(f"TableSettings.{name}: {value!r} is not lines, lines_strict or text")
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, (int, float)) and value < 0:
                raise ValueError(f"TableSettings.{f.name}: {value!r} must be >= 0")

    def to_pdfplumber(self) -> dict:
        """The ``table_settings`` dict ``pdfplumber.Page.find_tables`` takes."""
        return {"vertical_strategy": self.vertical_strategy, "horizontal_strategy": self.horizontal_strategy,
                "snap_tolerance": self.snap_tolerance, "join_tolerance": self.join_tolerance,
                "intersection_tolerance": self.intersection_tolerance}


@dataclass(frozen=True)
class TableSpec:
    """One table a family prints: its number as printed (``表3``, ``预算03表``, ``公开03表``,
    ``三、``), its title as printed (without number, year or department), and its kind."""

    number: str
    title: str
    kind: TableKind

    def __post_init__(self) -> None:
        if self.kind not in TABLE_KINDS:
            raise ValueError(f"TableSpec {self.number} {self.title}: unknown kind {self.kind!r}")
        if not self.title:
            raise ValueError(f"TableSpec {self.number}: empty title")


@dataclass(frozen=True)
class LabelRule:
    """A row label (``1.一般公共预算拨款收入``, ``财政专户管理资金``) and the record key it gives.

    ``pattern`` is a full match over the label with its numbering (一、 1. (1)) and ``其中：`` removed;
    ``section``: ``current`` (本年收入), ``carryover`` (上年结转) or None (either).
    """

    pattern: str
    key: str
    section: Literal["current", "carryover"] | None = None

    def __post_init__(self) -> None:
        _check_regex("LabelRule", "pattern", self.pattern)


@dataclass(frozen=True)
class HeaderRule:
    """A column header word and the measure it names (``基本支出`` -> ``basic``)."""

    pattern: str
    measure: str

    def __post_init__(self) -> None:
        _check_regex("HeaderRule", "pattern", self.pattern)


@dataclass(frozen=True)
class TemplateProfile:
    """One template family (see the module docstring).

    ``numbering``: regular expressions for the table numbers the family prints (``预算\\d{2}表``);
    ``tables``: the tables in print order; ``table_units``: the unit a kind of table prints in
    where it differs from ``unit`` (Shanghai: tables in 元, the 三公 table in 万元);
    ``narrative_anchors``: the headings that open the narrative's sections (read by the
    narrative readers); ``phases``: ``budget`` or ``final`` (决算: 年初预算/调整预算/决算 columns);
    ``signature``: words only this family prints, each adding to the recognition score.
    """

    name: str
    description: str
    numbering: tuple[str, ...]
    tables: tuple[TableSpec, ...]
    unit: str = "万元"
    table_units: tuple[tuple[TableKind, str], ...] = ()
    income_labels: tuple[LabelRule, ...] = ()
    header_words: tuple[HeaderRule, ...] = ()
    narrative_anchors: tuple[str, ...] = ()
    signature: tuple[str, ...] = ()
    phases: Literal["budget", "final"] = "budget"
    pdf: TableSettings = field(default_factory=TableSettings)

    def __post_init__(self) -> None:
        if not re.fullmatch(r"[a-z][a-z0-9_]*", self.name):
            raise ValueError(f"TemplateProfile name {self.name!r}: lower-case letters, digits and _ only")
        if self.unit not in UNITS:
            raise ValueError(f"TemplateProfile {self.name}: unit {self.unit!r} is not one of {UNITS}")
        for kind, unit in self.table_units:
            if kind not in TABLE_KINDS or unit not in UNITS:
                raise ValueError(f"TemplateProfile {self.name}: bad table unit {kind!r} -> {unit!r}")
        for pattern in (*self.numbering, *self.narrative_anchors):
            _check_regex(f"TemplateProfile {self.name}", "numbering/narrative_anchors", pattern)
        if not self.tables:
            raise ValueError(f"TemplateProfile {self.name}: no tables")
        if self.phases not in ("budget", "final"):
            raise ValueError(f"TemplateProfile {self.name}: phases {self.phases!r}")

    def unit_of(self, kind: str) -> str:
        """The unit a table of ``kind`` prints in, by this family's habit."""
        return dict(self.table_units).get(kind, self.unit)  # type: ignore[arg-type]
