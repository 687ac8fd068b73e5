"""A generated budget: the department, its money by subject and project, and its year before.

``Budget`` is the generator's own model, richer than a Record: it keeps where each project's money
comes from (当年 general budget, 上级转移支付, 上年结转), the economic split of the basic
expenditure, the allocation items of each project and the year before — everything a template
needs to print all its tables and its narrative consistently. ``kg.synth.truth`` turns it into the
Record the document promises (the ground truth); ``kg.synth.templates`` lay it out.

Every figure is a ``Decimal`` with two places; every total is the sum of its parts, computed
here once (``Budget`` properties), so the tables and the narrative cannot disagree unless an
error is planted on purpose (``kg.synth.errors``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from kg.extract.model import Indicator, PolicyDocument, Staffing
from kg.synth.departments import DepartmentKind
from kg.synth.places import Prefecture, Province

ZERO = Decimal("0.00")
CENT = Decimal("0.01")


@dataclass(frozen=True)
class Department:
    """Who publishes: a department (or one of its subordinate units) of a prefecture or county."""

    name: str  # 昌吉回族自治州生态环境局 / 玛纳斯县教育局 / 昌吉州环境监测站
    kind: DepartmentKind
    province: Province
    prefecture: Prefecture | None  # None for a province's own department
    county: str | None  # None for a prefecture-level department
    place: str  # the place as its documents name it in project names: 昌吉州 / 玛纳斯县
    doc_prefix: str  # 昌州 / 玛
    parent: str | None = None  # the department a subordinate unit belongs to
    divisions: tuple[str, ...] = ()
    subordinate_units: tuple[str, ...] = ()
    template: str = "xinjiang"

    @property
    def is_unit(self) -> bool:
        return self.parent is not None


@dataclass
class ProjectPlan:
    """One project of one year: its name, money, subject, funding and performance targets."""

    name: str
    amount: Decimal
    item: str  # 项 code its money is printed under in 表3
    category: str  # current | carryover
    funding_source: str  # general_public_budget | upper_level_transfer | carryover_fiscal | carryover_nonfiscal
    person: str | None = None
    policy: PolicyDocument | None = None
    allocations: list[tuple[str, Decimal]] = field(default_factory=list)  # = its cost indicators
    indicators: list[Indicator] = field(default_factory=list)
    purpose: str = ""  # 主要用于 / 项目总体目标 text (no figures)
    project_code: str | None = None  # the code 表11 prints for a carried-over project
    stem: str = ""  # the kind's project this continues, across years


@dataclass
class Budget:
    """One department's budget of one year (see the module docstring)."""

    department: Department
    year: int
    staffing: Staffing
    basic: dict[str, Decimal]  # 项 code -> basic expenditure
    economic: list[tuple[str, Decimal | None, Decimal | None]]  # (款 code, personnel, public)
    projects: list[ProjectPlan]
    three_public: dict[str, Decimal]  # overseas, reception, vehicle_purchase, vehicle_operation
    procurement: dict[str, Decimal]  # goods, works, services
    department_goals: list[Indicator] = field(default_factory=list)
    contact: str | None = None
    prior: "Budget | None" = None
    # planted errors (kg.synth.errors): what the document prints instead of the true figure,
    # keyed (table, row, column), and the findings the record's checks must report for them
    misprints: dict[tuple[str, str, str], object] = field(default_factory=dict)
    findings: list = field(default_factory=list)

    def printed(self, table: str, row: str, column: str, value):
        """What ``table`` prints at (row, column): the true ``value`` unless a misprint is planted."""
        return self.misprints.get((table, row, column), value)

    # --- derived figures (one definition each) ---------------------------------------------

    def current(self) -> list[ProjectPlan]:
        return [p for p in self.projects if p.category == "current"]

    def carried(self) -> list[ProjectPlan]:
        return [p for p in self.projects if p.category == "carryover"]

    @property
    def basic_total(self) -> Decimal:
        return sum(self.basic.values(), ZERO)

    @property
    def personnel(self) -> Decimal:
        return sum((p for _, p, _ in self.economic if p is not None), ZERO)

    @property
    def public_expenses(self) -> Decimal:
        return sum((q for _, _, q in self.economic if q is not None), ZERO)

    def funded(self, *sources: str) -> Decimal:
        return sum((p.amount for p in self.projects if p.funding_source in sources), ZERO)

    @property
    def current_projects_total(self) -> Decimal:
        return sum((p.amount for p in self.current()), ZERO)

    @property
    def general_public_budget(self) -> Decimal:
        """当年一般公共预算拨款 (上级转移支付 included): basic + current projects."""
        return self.basic_total + self.current_projects_total

    @property
    def upper_level_transfer(self) -> Decimal:
        return self.funded("upper_level_transfer")

    @property
    def carryover_fiscal(self) -> Decimal:
        return self.funded("carryover_fiscal")

    @property
    def carryover_nonfiscal(self) -> Decimal:
        return self.funded("carryover_nonfiscal")

    @property
    def carryover_total(self) -> Decimal:
        return self.carryover_fiscal + self.carryover_nonfiscal

    @property
    def project_total(self) -> Decimal:
        return sum((p.amount for p in self.projects), ZERO)

    @property
    def total(self) -> Decimal:
        return self.general_public_budget + self.carryover_total

    @property
    def three_public_total(self) -> Decimal:
        t = self.three_public
        return t["overseas"] + t["reception"] + t["vehicle_purchase"] + t["vehicle_operation"]

    def items(self) -> list[str]:
        """Every 项 code with money in 表3, sorted."""
        return sorted(set(self.basic) | {p.item for p in self.projects})

    def item_project(self, item: str, general_only: bool = False) -> Decimal | None:
        """The 项目支出 of one 项 (表3: every project; 表5: the current general budget's only)."""
        projects = self.current() if general_only else self.projects
        amounts = [p.amount for p in projects if p.item == item]
        return sum(amounts, ZERO) if amounts else None
