"""The meaning representation: one typed frame per part of a question.

A frame says *what* is asked (``focus``: figures, projects, subjects, indicators …), *which
quantities* (``measures``: ontology keys such as ``basic_expenditure``, ``authorizedStaff``, a
subject row's column, a project's attribute), *of what* (``Filters``: departments, years,
subjects, topics, funding, amount bounds …) and *what to do with them* (``Operation``: lookup,
list, count, sum, rank, compare, difference, share, growth, completion, per capita, derive).
Frames are plain data: the parser builds them, the SPARQL builder reads them, the executor
applies the operation, and ``describe`` says them back in plain Chinese (“我的理解”).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal

FOCUSES = ("figures", "departments", "projects", "subjects", "indicators", "policies", "persons",
           "divisions", "subordinates", "functions", "findings", "definitions", "staff", "assets")
OPERATIONS = ("lookup", "list", "count", "sum", "rank", "sort", "compare", "difference", "share",
              "growth", "change", "completion", "per_capita", "ratio", "derive", "yesno")
DERIVED_OPERATIONS = ("difference", "share", "growth", "completion", "per_capita", "sum")

FOCUS_NAMES = {"figures": "部门收支数", "departments": "单位", "projects": "项目", "subjects": "支出科目",
               "indicators": "绩效指标", "policies": "政策文件", "persons": "项目负责人", "divisions": "内设机构",
               "subordinates": "下属单位", "functions": "主要职能", "findings": "勾稽核对", "definitions": "名词解释",
               "staff": "人员编制", "assets": "车辆和资产"}
OPERATION_NAMES = {"lookup": "查数", "list": "列出", "count": "计数", "sum": "求和", "rank": "排名",
                   "sort": "排序", "compare": "比较", "difference": "求差额", "share": "求占比", "growth": "求增减",
                   "change": "与上年比较", "completion": "求完成率", "per_capita": "求人均", "derive": "倒推上年数",
                   "yesno": "判断是否"}
PROJECT_ATTRIBUTE_NAMES = {"amount": "金额", "funding": "资金来源", "category": "当年安排或上年结转",
                           "unit": "承担单位", "supervisor": "主管部门", "person": "负责人", "description": "资金用途",
                           "period": "执行时间", "initial_budget": "年初预算数", "executed": "全年执行数",
                           "execution_rate": "执行率", "score": "自评得分", "funds": "资金构成"}
# what a 决算's 绩效自评表 prints of a project (asked of one, any of them shows them all)
EXECUTION_ATTRIBUTES = ("initial_budget", "executed", "execution_rate", "score")
SUBJECT_BASE = "subject:"  # Operation.base naming a classification row (subject:301), not a measure key
# Operation.base naming the whole of one column of a breakdown just listed (column:basic: the classes'
# 基本支出 added up), not a department figure
COLUMN_BASE = "column:"
BOUND_WORDS = {">": "超过", ">=": "不低于", "<": "低于", "<=": "不超过", "between": "介于"}


@dataclass(frozen=True)
class Ref:
    """An entity the question names, resolved to the graph (``iri``) with its display name."""

    kind: str
    iri: str
    name: str
    code: str | None = None
    department: str | None = None
    year: int | None = None


@dataclass(frozen=True)
class Bound:
    """An amount bound in 万元: ``op`` one of > >= < <= between."""

    op: str
    low: Decimal
    high: Decimal | None = None
    said: Decimal | None = None  # an amount said roughly (那6200万): the bound is what rounds to it, said as it was

    def admits(self, value: Decimal | None) -> bool:
        if value is None:
            return False
        lo, hi = self.low, self.high
        return {">": value > lo, ">=": value >= lo, "<": value < lo, "<=": value <= lo,
                "between": hi is not None and lo <= value <= hi}[self.op]

    def describe(self, percent: bool = False) -> str:
        """The bound as a person states it (超过1亿元, 500万元以上; with ``percent``, 超过15%): a stated
        number, not a figure found."""
        if self.said is not None and not percent:
            return f"约为{stated_amount(self.said)}"
        said = (lambda v: f"{v.normalize():f}%") if percent else stated_amount
        text = f"{BOUND_WORDS[self.op]}{said(self.low)}"
        return text + (f"至{said(self.high)}" if self.op == "between" and self.high is not None else "")


def stated_amount(wan: Decimal) -> str:
    """An amount in 万元 written the way it was said: 10000 → 1亿元, 5000 → 5000万元, 12.5 → 12.5万元."""
    def plain(value: Decimal) -> str:
        text = f"{value:f}"
        return text.rstrip("0").rstrip(".") if "." in text else text

    if wan >= 10000 and wan % 10000 == 0:
        return plain(wan / 10000) + "亿元"
    return plain(wan) + "万元"


@dataclass
class Filters:
    """What the rows of a frame are restricted to. Empty means unrestricted."""

    departments: list[Ref] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    phase: str | None = None  # budget | final_account
    phases: list[str] = field(default_factory=list)  # every phase named (三公预算多少、决算多少)
    column: str | None = None  # a classification column: total basic project personnel public
    columns: list[str] = field(default_factory=list)  # every column asked (基本支出和项目支出各是多少)
    scheme: str | None = None  # functional | economic
    subjects: list[Ref] = field(default_factory=list)
    level: int | None = None  # 1 类, 2 款, 3 项
    projects: list[Ref] = field(default_factory=list)
    topics: list[Ref] = field(default_factory=list)
    topic_text: list[str] = field(default_factory=list)  # the words that named the topics, as typed
    keywords: list[str] = field(default_factory=list)
    looked_for: list[str] = field(default_factory=list)  # names asked after (有没有电子数据审计处) among the rows
    keyword_groups: list[list[str]] = field(default_factory=list)  # the keywords of each enumerated item
    topic_groups: list[list[str]] = field(default_factory=list)  # the topic IRIs of each enumerated item
    categories: list[str] = field(default_factory=list)  # current carryover unit_funds
    funding: str | None = None  # fiscal transfer unit_funds
    # income sources of a subject's money (the income table's columns: fiscal, unit_business …; "any"
    # where the question asks where the money comes from without naming one)
    sources: list[str] = field(default_factory=list)
    policy: Ref | None = None
    person: Ref | None = None
    # units the graph knows (subordinate or budget units) named beside projects (西安市卫生学校负责实施了
    # 哪几个项目): the projects each carries out (bkg:responsibleUnit), not the department's
    units: list[Ref] = field(default_factory=list)
    unit: Ref | None = None  # the 实施单位 / 承担单位 a project's table names (a unit with no budget of its own)
    self_evaluated: bool = False  # the projects a 决算's 绩效自评表 evaluates (自评项目)
    indicator_kinds: list[str] = field(default_factory=list)
    bound: Bound | None = None
    rate_bound: Bound | None = None  # a bound on a percentage (完成率不到80%, 过1000%), in percent
    score_bound: Bound | None = None  # a bound on a 自评 score in points (没拿到100分, 90分以下)
    department_level: bool = False  # 部门整体绩效目标: indicators of the department itself
    core: bool | None = None  # 核心指标 (True) / 非核心 (False): the rows a table's 是否核心 column marks
    terms: list[str] = field(default_factory=list)
    set_size: int | None = None  # 三家单位: the set named, not a cut
    set_of_units: bool = False   # the set is of units or budgets (三家单位, 这三份预算), not of projects
    # subject rows of the table of one kind of funds (一般公共预算支出表: general_public_budget)
    amount_scope: str | None = None
    # the department's figure asked of its budget units (四个监狱谁最多, 局本级和两个下属中心各占多少):
    # answered from its income table by unit (``nlp.execute.units``)
    by_unit: bool = False
    # a budget unit the question names by its full name (a row of the department's tables by unit):
    # its figure is its row's, never the department's
    budget_unit: Ref | None = None
    # what a figure's comparison leaves out (扣掉中央基建后又是增是减: 中央基建): the narrative's statement
    # of that figure qualified so, never its plain one
    excluding: str | None = None
    # the department's own office among the units carrying its projects (局本级自己占了几个): the projects
    # whose 实施单位 is the department itself
    own_unit: bool = False
    # the other side (其中几个是下属中心承担的): the projects a unit other than the department carries out
    other_units: bool = False
    # subject codes set aside from the rows asked (除了行政运行，钱最多的三个项级科目是哪些)
    without: list[str] = field(default_factory=list)
    # units whose projects are left out of the set (本级（不含监狱、法援中心）有几个项目): their names, or a
    # kind of unit their names hold (监狱)
    without_units: list[str] = field(default_factory=list)

    def copy(self) -> "Filters":
        return replace(self, departments=list(self.departments), years=list(self.years),
                       subjects=list(self.subjects), projects=list(self.projects), topics=list(self.topics),
                       topic_text=list(self.topic_text), columns=list(self.columns),
                       keyword_groups=[list(g) for g in self.keyword_groups],
                       topic_groups=[list(g) for g in self.topic_groups],
                       keywords=list(self.keywords), looked_for=list(self.looked_for), categories=list(self.categories), sources=list(self.sources),
                       units=list(self.units),
                       indicator_kinds=list(self.indicator_kinds), terms=list(self.terms),
                       without=list(self.without))


@dataclass
class Operation:
    """What is done with the rows: ``n`` and ``descending`` for ranks, ``nth`` for 第N, ``base``
    for a share (a measure key), ``per`` for per capita (a staffing key)."""

    name: str = "lookup"
    n: int | None = None
    explicit_n: bool = False  # the question gave the number (前三, 两个), not only 最大
    nth: int | None = None
    descending: bool = True
    base: str | None = None
    per_keys: list[str] = field(default_factory=list)  # per capita: which staffing count
    per_count: tuple[int, str] | None = None  # per unit: a count the question states (15, "辆")
    also: list[str] = field(default_factory=list)  # operations added to the main one (count + list …)
    group_by: str | None = None  # a count or sum split by "funding" (财政拨款的几个、非财政的几个) or "category"
    # the share's base is the whole an earlier part asked (收入多少？财政拨款占多少), not one this part names:
    # a 决算's sources are then shares of 本年收入合计 where that is what the year's own money is
    base_of_context: bool = False


@dataclass
class Frame:
    """One part of a question."""

    focus: str
    measures: list[str] = field(default_factory=list)
    filters: Filters = field(default_factory=Filters)
    operation: Operation = field(default_factory=Operation)
    clause: str = ""
    score: float = 0.0
    open_department: bool = False  # no department named: answered for every one, and said so
    open_year: bool = False
    unknown: list[str] = field(default_factory=list)  # names the graph does not hold
    notes: list[str] = field(default_factory=list)
    derived_only: bool = False  # a part that only computes on the previous part's figures (各占多少)
    of_previous: bool = False  # computed on the previous part's own derived figure (多出来的部分占…)
    measures_guessed: bool = False  # no word named a figure: the department's totals stand in for one
    year_of_previous: bool = False  # 当年/同年 in a later part: the year the previous part named, kept as is
    reason_asked: bool = False  # 为什么/原因是什么, in this part or a part merged into it: a change's why
    exact_asked: bool = False  # 精确到多少, in this part or one merged into it: the figure to its last printed digit
    derive_previous: bool = False  # the year asked is not in the graph: derived from the next year's statement
    next_year_asked: bool = False  # 26年三公和25年比: the year derived and the one it is derived from, both asked
    own_figure: bool = False  # a named subject's own figure, not its make-up (X多少？其中Y多少: Y is asked apart)
    # 收入 or 支出 as the part that named the figure said it (政府性基金预算支出…2025年是多少): the side of a
    # figure both sides share, for a later part that names the year only
    side_named: str | None = None
    # the 三公 / 采购 figures the words named, before a family named alone grew into all its parts
    named_measures: list[str] = field(default_factory=list)
    reply: str | None = None  # answered without reading rows: a name the graph lacks, or a question back
    candidates: list[str] = field(default_factory=list)  # the departments a shared short name may mean

    def to_json(self) -> dict:
        """The frame as JSON (``budgetkg ask --json`` ``parts[].frame``)."""
        f = self.filters
        filters: dict = {}
        for key in ("years", "phase", "phases", "column", "scheme", "level", "keywords", "categories", "funding", "sources",
                    "indicator_kinds", "terms", "set_size", "set_of_units", "amount_scope"):
            value = getattr(f, key)
            if value not in (None, [], False):
                filters[key] = value
        for key in ("departments", "subjects", "projects", "topics", "units"):
            refs = getattr(f, key)
            if refs:
                filters[key] = [{"name": r.name, "iri": r.iri} for r in refs]
        for key in ("policy", "person", "unit"):
            ref = getattr(f, key)
            if ref is not None:
                filters[key] = {"name": ref.name, "iri": ref.iri}
        if f.bound is not None:
            filters["bound"] = {"op": f.bound.op, "low": str(f.bound.low),
                                "high": str(f.bound.high) if f.bound.high is not None else None}
        if f.rate_bound is not None:
            filters["rate_bound"] = {"op": f.rate_bound.op, "low": str(f.rate_bound.low)}
        if f.score_bound is not None:
            filters["score_bound"] = {"op": f.score_bound.op, "low": str(f.score_bound.low)}
        if f.department_level:
            filters["department_level"] = True
        if f.core is not None:
            filters["core"] = f.core
        if f.self_evaluated:
            filters["self_evaluated"] = True
        op = {k: v for k, v in self.operation.__dict__.items() if v not in (None, [], False) or k == "name"}
        return {"focus": self.focus, "measures": list(self.measures), "filters": filters, "operation": op}
