"""The extraction record: plain typed data, the contract of ``budgetkg extract --json``.

Every stage after the readers produces or consumes these dataclasses, and the knowledge graph is
built from them. The JSON layout (see ``serialize.py``) follows ``shared/spec/records.md``: key
names there are a contract, extra keys (``provenance``, ``files``, ``tables``, ``warnings``) are
additions. Money is always ``Decimal`` in the unit of the document (``Record.unit``); a figure
read from a part printed in another unit is converted exactly before it lands here.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import TypedDict

Money = Decimal | None


@dataclass(frozen=True)
class Provenance:
    """Where one fact stands: the file, the page (PDF) or line (text), the table and the row.

    ``table`` is a short human label such as ``表3`` or ``公开01表`` or ``说明七``; ``row`` names the
    row inside it (a subject code, a project name, a label such as ``收入总计``).
    """

    file: str
    page: int | None = None
    line: int | None = None
    table: str | None = None
    row: str | None = None
    unit: str | None = None  # the unit the table prints in, where it differs from the record's

    def printed_unit(self, record_unit: str | None) -> str | None:
        """The unit the figure stands in on the page (the table's, else the document's)."""
        return self.unit or record_unit


@dataclass
class Staffing:
    """人员情况: counts printed in 部门概况. ``None`` where the document does not say."""

    authorized: int | None = None  # 编制数
    actual: int | None = None  # 实有人数
    active: int | None = None  # 在职
    retired: int | None = None  # 退休
    retired_veteran: int | None = None  # 离休
    retirees: int | None = None  # 离退休 (退休 and 离休 printed as one count)
    # counts by kind inside one of the counts above, as printed: {"编制数": {"行政": 111, "事业": 14},
    # "实有人数": {"行政": 108, "事业": 11}, "在职": {"参公": 47, "事业": 98}}
    by_kind: dict[str, dict[str, int]] = field(default_factory=dict)
    provenance: dict[str, Provenance] = field(default_factory=dict, compare=False)  # "编制数" -> where
    # a count's change from the year before as printed right after it (在职29人，减少3人): {"在职": -3};
    # its provenance under "在职.变动"
    changes: dict[str, int] = field(default_factory=dict)


@dataclass
class UnitCount:
    """A count of units the 部门概况 states (``纳入…编制范围的单位共28个``, ``下辖区县气象局8个``):
    ``kind`` as printed, ``covered`` where it counts every unit the budget covers (the department
    itself included), ``classifier`` 个 or 家 as printed, ``text`` the sentence (compacted)."""

    kind: str
    count: int
    classifier: str = "个"
    covered: bool = False
    text: str = ""
    provenance: Provenance | None = None
    # a count of the department's own divisions (32个机关行政科室, 内设机构15个), stated where no list of
    # them is printed: never a count of units
    division: bool = False
    # the units counted, by name, where the document lists them right after the count (下辖区县气象局8个，
    # 分别为阎良区气象局、…) or under a heading of the kind (（三）派出机构 1、徐州铁路运输法院) — kept only
    # where the list holds as many names as the count says
    names: list[str] = field(default_factory=list)


@dataclass
class Profile:
    """部门概况: the divisions (科室/处室) and the staffing counts."""

    divisions: list[str] = field(default_factory=list)
    staffing: Staffing = field(default_factory=Staffing)
    functions: str | None = None  # 主要职能, as printed
    subordinate_units: list[str] = field(default_factory=list)  # 下属预算单位
    unit_counts: list[UnitCount] = field(default_factory=list)  # 单位共28个, 下辖区县气象局8个 …


@dataclass
class ThreePublic:
    """财政拨款"三公"经费: total = overseas + reception + vehicles; vehicles = purchase + operation."""

    total: Money = None
    overseas: Money = None
    reception: Money = None
    vehicles: Money = None
    vehicle_purchase: Money = None
    vehicle_operation: Money = None
    # the columns some templates print beside the 三公 in the same table (江苏 公开09表, 西安 表13 "三公"经费及
    # 会议费、培训费): 会议费, 培训费 and their 合计 with the 三公 — the table's own figures, not the economic
    # subjects 30215/30216 of another table; ``None`` where the table prints no such column
    meetings: Money = None
    training: Money = None
    with_meetings_training: Money = None


# the ThreePublic keys written only where the 三公 table prints them (records.md's keys are always written)
THREE_PUBLIC_BESIDE = ("meetings", "training", "with_meetings_training")
# the 三公 figures themselves (total and its parts): the keys a unit's row of a 三公 table by unit uses
THREE_PUBLIC_PARTS = ("total", "overseas", "reception", "vehicles", "vehicle_purchase", "vehicle_operation")


@dataclass
class Procurement:
    """政府采购预算: total = goods + works + services."""

    total: Money = None
    goods: Money = None
    works: Money = None
    services: Money = None


@dataclass
class Totals:
    """The department-level figures of one budget (see records.md for each key's meaning).

    ``provenance`` maps a dotted key (``"income_total"``, ``"three_public.total"``) to where the
    figure was read.
    """

    income_total: Money = None
    expenditure_total: Money = None
    current_year_income: Money = None
    general_public_budget: Money = None
    upper_level_transfer: Money = None
    government_fund: Money = None
    state_capital: Money = None
    unit_funds: Money = None
    carryover_total: Money = None
    carryover_fiscal: Money = None
    carryover_nonfiscal: Money = None
    basic_expenditure: Money = None
    personnel: Money = None
    public_expenses: Money = None
    project_expenditure: Money = None
    operating_expenses: Money = None
    # additions to the contract: 财政拨款 (the three budgets together), the expenditure side's
    # 本年支出合计, 结转下年 / 年末结转和结余 and the 决算's 结余分配
    fiscal_total: Money = None
    current_year_expenditure: Money = None
    carryover_year_end: Money = None
    surplus_distribution: Money = None
    # a 决算's 年末结转和结余 split as its 财政拨款收入支出决算总表 prints it: 年末财政拨款结转和结余, and
    # the rest of 年末结转和结余 (the non-fiscal funds'), the pair the year-start carries as
    # ``carryover_fiscal`` / ``carryover_nonfiscal``
    carryover_year_end_fiscal: Money = None
    carryover_year_end_nonfiscal: Money = None
    # 单位资金 item by item where the summary table prints its lines (事业收入, 经营收入, 上级补助收入,
    # 附属单位上缴收入, 其他收入): the same keys as the income table's source columns
    unit_business: Money = None
    unit_operating: Money = None
    unit_upper: Money = None
    unit_affiliated: Money = None
    unit_other: Money = None
    # 上年结转结余 by the kind of funds carried over, where a table or the narrative prints the split
    # (北京 预算04表 ``上年结转结余 / 一、一般公共预算拨款``, a 决算's 年初财政拨款结转和结余 over its three
    # budgets): ``CARRYOVER_BY_SOURCE`` names them
    carryover_general_public_budget: Money = None
    carryover_government_fund: Money = None
    carryover_state_capital: Money = None
    carryover_fiscal_special: Money = None
    carryover_unit_funds: Money = None
    # the year's own 财政拨款 as the 财政拨款收支总表 prints it (``一、本年收入``): the appropriations without
    # the carry-over, the one place it is printed where the 收支总表 folds the carry-over in (重庆 表四)
    fiscal_current_year: Money = None
    three_public: ThreePublic = field(default_factory=ThreePublic)
    procurement: Procurement = field(default_factory=Procurement)
    provenance: dict[str, Provenance] = field(default_factory=dict)


# The money keys of ``Totals`` in the order records.md lists them, then the additions: the one
# list serialisation and deserialisation walk.
TOTAL_KEYS = ("income_total", "expenditure_total", "current_year_income", "general_public_budget",
              "upper_level_transfer", "government_fund", "state_capital", "unit_funds",
              "carryover_total", "carryover_fiscal", "carryover_nonfiscal", "basic_expenditure",
              "personnel", "public_expenses", "project_expenditure", "operating_expenses",
              "fiscal_total", "current_year_expenditure", "carryover_year_end", "surplus_distribution",
              "unit_business", "unit_operating", "unit_upper", "unit_affiliated", "unit_other",
              "carryover_year_end_fiscal", "carryover_year_end_nonfiscal",
              "carryover_general_public_budget", "carryover_government_fund", "carryover_state_capital",
              "carryover_fiscal_special", "carryover_unit_funds", "fiscal_current_year")
# the kind of funds (a current-year income key) -> the record's key of that kind's 上年结转结余: the one
# definition of the carry-over split by kind the summary tables, the graph and the questions read
CARRYOVER_BY_SOURCE = {"general_public_budget": "carryover_general_public_budget",
                       "government_fund": "carryover_government_fund",
                       "state_capital": "carryover_state_capital",
                       "fiscal_special": "carryover_fiscal_special",
                       "unit_funds": "carryover_unit_funds"}
# the parts of 单位资金 a summary table may print line by line (a subset of ``TOTAL_KEYS``)
UNIT_FUND_LINES = ("unit_business", "unit_operating", "unit_upper", "unit_affiliated", "unit_other")


@dataclass
class PreviousFigure:
    """A subject row's figure of the year before, as a column beside the row's own prints it
    (国家信访局 部门公开表5: ``2025年执行数`` | ``扣除中央基建投资后执行数`` | … | ``增减额`` | ``增减(%)``).

    ``amount`` the earlier figure (``None`` where its cell is blank), ``kind`` what it is
    (``上年执行数``, ``上年预算``, ``上年决算``: the words of ``ChangeStatement.baseline_kind``),
    ``year``; ``current`` the row's figure it is compared with (its 合计, or the current column
    printed with the same qualifier); ``change`` and ``percent`` the printed 增减额 / 增减(%) of
    the pair, signed as printed, ``None`` where the table prints none; ``excluding`` what both
    figures leave out where their headers say so (扣除中央基建投资后: ``中央基建投资``). Money in the
    record's unit; kept on the row so the row and its year before stay one fact with one provenance.
    """

    amount: Money
    kind: str
    year: int | None
    current: Money = None
    change: Money = None
    percent: Decimal | None = None
    excluding: str | None = None


@dataclass
class FunctionalSubject:
    """One row of the expenditure table by functional subject (功能分类): 类, 款 or 项."""

    code: str | None
    name: str
    total: Money = None
    basic: Money = None
    project: Money = None
    provenance: Provenance | None = None
    # a row printed without a code (杭州's names-only tables, levels by indentation): the names of
    # its ancestors from the 类 down (``("公共安全支出", "监狱")`` for 监狱's 行政运行); ``code`` None
    path: tuple[str, ...] = ()
    # the year before, where the table prints it beside the row (``PreviousFigure``); empty elsewhere
    previous: list[PreviousFigure] = field(default_factory=list)
    # the 基本支出's 人员经费 and 公用经费 where the table prints them as columns beside the row (重庆 表5,
    # 北京 预算05表, 西安 表5: 基本支出 | 人员经费 | 公用经费); None where it does not
    personnel: Money = None
    public: Money = None

    @property
    def level(self) -> int:
        """1 for 类 (3 digits), 2 for 款 (5), 3 for 项 (7); a code-less row by its path."""
        if not self.code:
            return len(self.path) + 1 if self.path else 0
        return {3: 1, 5: 2, 7: 3}.get(len(self.code), 0)


# The income sources of a functional row of the income table (收入总表 by 科目), as record keys:
# the funding concepts of the graph (``ontology/schemes.ttl`` ``funding/…``). ``total`` is the
# row's 合计; ``fiscal`` its 财政拨款 (补助) subtotal; ``general_public_budget_own`` the 一般公共预算
# column of a table that prints 上级一般公共预算安排的转移支付 beside it (本级 money only).
INCOME_SOURCE_KEYS = ("total", "fiscal", "general_public_budget", "general_public_budget_own",
                      "upper_level_transfer", "government_fund", "upper_fund", "state_capital",
                      "upper_state_capital", "fiscal_special_account", "unit_funds", "unit_business",
                      "unit_operating", "unit_upper", "unit_affiliated", "unit_other", "carryover_fiscal",
                      "carryover_nonfiscal")


@dataclass
class SubjectIncome:
    """One functional row (类/款/项) of the income table by subject (部门收入总表, 收入预算总表):
    where that subject's money comes from, one figure per printed source column (record unit).
    Only the columns the row prints are kept (a blank cell is no figure)."""

    code: str
    name: str
    sources: dict[str, Decimal] = field(default_factory=dict)  # INCOME_SOURCE_KEYS -> figure
    provenance: Provenance | None = None

    @property
    def level(self) -> int:
        return {3: 1, 5: 2, 7: 3}.get(len(self.code), 0)


@dataclass
class UnitIncome:
    """One budget unit's row of an income table printed by unit (收入总体情况表 / 收入预算总表 with
    a 单位名称 column: 局本级, its centres, 四个监狱 …): that unit's money by source, one figure per
    printed source column (record unit; a blank cell is no figure). ``own``: the row is the
    department's own office (本级), printed under the department's name or as 本级/机关."""

    name: str
    own: bool = False
    sources: dict[str, Decimal] = field(default_factory=dict)  # INCOME_SOURCE_KEYS -> figure
    provenance: Provenance | None = None


@dataclass
class UnitExpenditure(UnitIncome):
    """One budget unit's row of an expenditure table printed by unit (西安 表3 部门综合预算支出总表:
    单位编码 | 单位名称 | 合计 | the funds that pay it …; or 基本支出 | 项目支出 columns): the unit's
    spending, one figure per printed column — by the funds that pay it (``sources``, the income
    keys: the same columns the income table prints) and by kind of spending (``kinds``: total,
    basic, project, personnel, public — ``EXPENDITURE_KIND_KEYS``). A row of the income table by
    unit in every other respect, so both are read, serialised and mapped by one definition."""

    kinds: dict[str, Decimal] = field(default_factory=dict)


@dataclass
class UnitEconomic:
    """One economic 类 row printed under a unit in a table of one kind of spending by unit (广东 表11
    部门预算基本支出预算表: ``广州市统计局（本级） 5,673.23`` over ``工资福利支出 4,785.53`` …): how that
    unit's 基本支出 is spent, as printed. ``unit`` and ``own`` as ``UnitIncome``'s; ``kind`` the kind of
    spending the table's title names (``basic`` / ``project``); ``code`` the national 类 code of the
    printed ``name`` (``economic_class_code``: 工资福利支出 / 工资和福利支出 → 301), None where the name is
    no 类 of that classification (其他资本性等支出); ``total`` the row's 总计 and ``funds`` its columns by
    the funds that pay it under the ProjectFunds keys (``fiscal`` 财政拨款合计, ``general_public_budget``,
    ``government_fund``, ``state_capital``, ``fiscal_special``, ``other``), record unit, blank no figure."""

    unit: str
    name: str
    own: bool = False
    kind: str = "basic"
    code: str | None = None
    total: Money = None
    funds: dict[str, Decimal] = field(default_factory=dict)
    provenance: Provenance | None = None


@dataclass
class UnitThreePublic:
    """One budget unit's row of a 三公 table printed by unit (杭州/湖州 表7 一般公共预算“三公”经费预算表
    with a 单位名称 column: 合计, then the department's own row and one per unit): that unit's 三公
    figures as printed, under the keys of ``totals.three_public`` (total, overseas, reception,
    vehicles, vehicle_purchase, vehicle_operation; record unit; a blank cell is no figure). ``own``:
    the row is the department's own office, as in ``UnitIncome``."""

    name: str
    own: bool = False
    parts: dict[str, Decimal] = field(default_factory=dict)
    provenance: Provenance | None = None
    # the year before and the change, where the table prints them beside the year (西安 表13:
    # 上年 | 当年 | 增减变化情况, or 2018年 | 2019年 | 增减变化情况): the same keys as ``parts``, as printed
    # (record unit; a change signed as printed), so neither is computed from the other
    previous: dict[str, Decimal] = field(default_factory=dict)
    change: dict[str, Decimal] = field(default_factory=dict)


@dataclass
class PurchasedService:
    """One row of a table of the services a budget buys (北京 预算11表 财政拨款政府购买服务明细表: 指导性目录
    一级 | 二级 | 三级 | 预算金额): the service, the classes of the 政府购买服务指导性目录 it stands under
    (``classes``: (code, name) from the widest down, as printed — ``01-公共服务`` is ("01", "公共服务")),
    its amount in the record's unit, and the project and funds where the table prints them."""

    name: str
    amount: Money
    classes: list[tuple[str | None, str]] = field(default_factory=list)
    project: str | None = None
    provenance: Provenance | None = None

    @property
    def category(self) -> str | None:
        """The widest class printed (一级: 公共服务, 政府履职辅助性服务)."""
        return self.classes[0][1] if self.classes else None


@dataclass
class PurchasedServices:
    """A 政府购买服务 table: its printed 合计 (record unit) and its rows."""

    total: Money = None
    rows: list[PurchasedService] = field(default_factory=list)
    provenance: Provenance | None = None


@dataclass
class ProcurementItem:
    """One purchase of a 政府采购 table printed item by item (苏州/无锡 公开13表 政府采购支出表: 采购品目大类 |
    专项名称 | 经济科目 | 采购品目名称 | 采购组织形式 | 资金来源… | 总计; 江苏 公开12表 政府采购支出预算表; 西安 表12
    政府采购（资产配置、购买服务）预算表: 科目编码 | 采购项目 | 采购目录 | 数量 | 预算金额): the named thing bought
    for (``project``: 专项名称 / 采购项目, filled down where the table prints it once for several rows), what is
    bought (``item``: 采购品目名称 / 采购目录, as printed), its 品目大类 (``category``: 货物 / 工程 / 服务), the
    economic subject and method as printed, its amount in the record's unit and, where the table prints its
    money by source, ``funds`` (the ProjectFunds keys: a purchase is money for a named thing with sources,
    as a project is)."""

    project: str | None
    item: str | None
    amount: Money
    category: str | None = None
    economic: str | None = None
    method: str | None = None
    unit: str | None = None            # the budget unit the table prints the row under (苏州市水务局)
    functional_code: str | None = None  # the 科目编码 the row prints (西安: 类 款 项 joined)
    quantity: int | None = None
    funds: "ProjectFunds | None" = None
    provenance: Provenance | None = None

    @property
    def name(self) -> str:
        """What a person calls the purchase: the project it is for, else the item bought."""
        return self.project or self.item or ""


@dataclass
class ProcurementItems:
    """A 政府采购 table read item by item: its printed 合计 (record unit) and its purchases."""

    total: Money = None
    rows: list[ProcurementItem] = field(default_factory=list)
    provenance: Provenance | None = None


# the columns of an expenditure table a unit's spending is split by (the graph's expenditure kinds)
EXPENDITURE_KIND_KEYS = ("total", "basic", "project", "personnel", "public")


@dataclass
class PairedSubject:
    """The 政府预算支出经济分类 subject (``50101 工资奖金津补贴``) a table prints beside a row of the
    departmental classification (``30101 基本工资``; 西安 表6/表8, 烟台, 北京): the row's own pairing,
    with the row's 合计 where the row is printed once per paired subject (西安市气象局 30102 beside
    50101 and beside 50501), so the department's classification and the government's can be read
    one through the other."""

    code: str | None
    name: str
    total: Money = None


@dataclass
class EconomicSubject:
    """One row of a table by economic subject (经济分类): 类 or 款. ``economic_subjects`` hold the
    basic-expenditure table's (人员经费 / 公用经费); a table of the whole general budget (西安 表6:
    人员经费 | 公用经费 | 专项业务经费) adds ``project``. ``government``: the 50x subjects printed beside it."""

    code: str
    name: str
    total: Money = None
    personnel: Money = None
    public: Money = None
    provenance: Provenance | None = None
    project: Money = None
    basic: Money = None  # a whole-budget table printing 基本支出 | 项目支出 (深圳 表8) instead of 人员 | 公用
    government: list[PairedSubject] = field(default_factory=list)

    @property
    def level(self) -> int:
        return {3: 1, 5: 2}.get(len(self.code), 0)


@dataclass
class Indicator:
    """One row of a performance-target table (绩效目标表)."""

    level1: str | None
    level2: str | None
    name: str
    target: str | None
    weight: Decimal | None = None
    basis: str | None = None  # 指标值设定依据, where printed
    # 实际完成值 of a 决算's 绩效自评表, as printed (the 年度指标值 is ``target``)
    actual: str | None = None
    provenance: Provenance | None = None
    # 指标性质 as printed where a column holds it (重庆, 北京: ``≥`` ``＝`` ``定性``; the target keeps the
    # sign too) and 是否核心指标 (是 → True, 否 → False), where printed
    nature: str | None = None
    core: bool | None = None


@dataclass
class PolicyDocument:
    """A cited policy document, regulation, plan or standard: a title in 《》 and/or a 文号."""

    title: str | None
    number: str | None = None
    provenance: Provenance | None = None

    def key(self) -> str:
        """Identity used to deduplicate: the normalised 文号 where printed, else the title."""
        from kg.extract.text_normalize import policy_key

        return policy_key(self.title, self.number)


@dataclass
class ProjectFunds:
    """How a project's 绩效目标表 / 绩效自评表 splits its money (项目资金 其中：财政拨款 / 上年结转 /
    其他资金), in the record's unit; ``None`` where the table leaves the line blank (—). A 自评表's
    split is of its 全年预算数 column."""

    fiscal: Money = None
    carryover: Money = None
    other: Money = None
    # the parts of 财政拨款 a project table prints as columns of their own (广东 表12 部门预算项目支出及其他
    # 支出预算表: 财政拨款 合计 | 一般公共预算 | 政府性基金预算 | 国有资本经营预算 | 财政专户拨款 | 其他资金)
    general_public_budget: Money = None
    government_fund: Money = None
    state_capital: Money = None
    fiscal_special: Money = None

    def any(self) -> bool:
        return any(getattr(self, key) is not None for key in FUNDS_KEYS)

    def only_source(self) -> str | None:
        """The one printed source that pays the whole project (``government_fund`` where only the
        政府性基金预算 column is non-zero), by the narrowest columns printed; ``None`` where several
        pay, where none is printed, or where only 财政拨款 is printed without its parts."""
        narrow = [k for k in ("general_public_budget", "government_fund", "state_capital", "fiscal_special")
                  if getattr(self, k) is not None]
        printed = narrow + [k for k in ("carryover", "other") if getattr(self, k) is not None]
        if not narrow:
            # a row whose fiscal cells are all blank and whose 其他资金 (单位资金) pays it all (杭州 表10's
            # 日常保障运行): the unit's own money, whatever columns the table has; a 财政拨款 printed
            # without its parts still says nothing of which fiscal source pays
            paying = [k for k in ("fiscal", "carryover", "other") if getattr(self, k) not in (None, 0)]
            return "other" if paying == ["other"] and self.fiscal is None else None
        paying = [k for k in printed if getattr(self, k) != 0]
        return paying[0] if len(paying) == 1 else None


# every key of ProjectFunds; the first three are always written (the performance tables' 其中 lines),
# the others where a project table prints them
FUNDS_KEYS = ("fiscal", "carryover", "other", "general_public_budget", "government_fund", "state_capital",
              "fiscal_special")
FUNDS_ALWAYS = ("fiscal", "carryover", "other")


@dataclass
class Project:
    """A project (项目), merged over every section that names it (表7, 说明, 表11, 绩效目标表)."""

    name: str
    aliases: list[str] = field(default_factory=list)
    amount: Money = None
    category: str | None = None  # current | carryover | unit_funds
    functional_code: str | None = None
    funding_source: str | None = None
    responsible_unit: str | None = None
    # the 主管部门 a project's performance sheet names (福州 绩效目标表, 国家信访局 主管部门及代码): the
    # department answerable for it, beside the 实施单位 that carries it out
    supervising_department: str | None = None
    responsible_person: str | None = None
    policy_documents: list[PolicyDocument] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    description: str | None = None  # 资金分配情况 / 主要用于 / 项目总体目标
    execution_period: str | None = None  # 资金执行时间
    project_code: str | None = None  # a code printed in 表11 (特定目标 5010003T) where any
    # a 决算's 项目支出绩效自评表: 年初预算数 and 全年执行数 (record unit; ``amount`` is its 全年预算数),
    # 执行率 (%) and its 自评 总分
    initial_budget: Money = None
    executed: Money = None
    execution_rate: Decimal | None = None
    self_evaluation_score: Decimal | None = None
    funds: ProjectFunds | None = None  # the table's 其中 lines, where it prints them
    provenance: list[Provenance] = field(default_factory=list)

    def all_names(self) -> list[str]:
        return [self.name, *self.aliases]


PHASES = ("budget", "initial_budget", "adjusted_budget", "final")


@dataclass(frozen=True)
class PhasedFigure:
    """One figure of one phase, where a document prints several phases of it (a 决算's
    预算数 / 年初预算数 / 调整预算数·全年预算数 and 决算数): each kept as its own figure.

    ``key`` is a dotted Totals key (``three_public.total``) or ``functional.{code}.{column}``;
    ``phase`` one of ``PHASES``; the value in the record's unit.
    """

    key: str
    phase: str
    value: Money
    provenance: Provenance | None = None


@dataclass
class BudgetExecution:
    """A budget-against-final comparison the narrative states (``行政运行（项）。年初预算为
    5717.32万元，支出决算为5757.63万元，完成年初预算的100.71%。决算数大于预算数的主要原因是…``):
    the two figures, the rate as printed and the stated reason, tied to the functional row named.

    ``subject`` as printed (the 类/款/项 chain, or the whole: ``财政拨款支出``); ``code`` the
    functional subject the chain names in this document's tables (None where it names none or
    the statement is about the whole); ``budget_phase`` ``initial_budget`` | ``adjusted_budget``
    | ``budget``; ``scope`` ``fiscal`` (财政拨款) or ``general_public_budget``; money in the
    record's unit; ``rate`` the printed 完成…% (None where not printed).
    """

    subject: str
    budget: Money
    final: Money
    budget_phase: str = "initial_budget"
    code: str | None = None
    scope: str = "fiscal"
    rate: Decimal | None = None
    reason: str | None = None
    provenance: Provenance | None = None

    def computed_rate(self) -> Decimal | None:
        """决算数 ÷ 预算数 × 100 to two decimals (None where the budget is 0 or missing)."""
        if self.final is None or not self.budget:
            return None
        return (self.final / self.budget * 100).quantize(Decimal("0.01"))


@dataclass
class Check:
    """One identity the document promises, recomputed: a finding where ``ok`` is false.

    ``rule`` is the id of a rule registered in ``kg.extract.rules`` (its Chinese name and the
    rule that grades a failure). ``unit`` is ``None`` for money in the record's unit, ``"%"`` for
    a percentage, or a count word (``"张"`` tables, ``"节"`` sections) for a completeness check.
    ``tolerance`` is the gap a rounding of the printed figures can explain (set where the check
    knows the printed precision); ``severity`` (``ok``, ``notice``, ``rounding``, ``material``) is
    filled by ``kg.extract.rules.grade``; ``note`` says in words what was compared.
    """

    rule: str
    where: str
    expected: Decimal
    printed: Decimal | None
    ok: bool
    provenance: Provenance | None = None
    severity: str | None = None
    tolerance: Decimal | None = None
    unit: str | None = None
    note: str | None = None
    # where the finding stands as the page prints it: the table's number and title, or the 说明's
    # headings, then the figure (``公开09表 一般公共预算财政拨款三公经费支出决算表——决算数/合计``;
    # ``kg.extract.places``)
    place: str | None = None


class ChangeStatement(TypedDict, total=False):
    """One ``比上年增加/减少`` statement of the narrative, as ``Record.changes`` holds it (a dict, so
    saved records and the graph mapping read it unchanged). Money as records.md strings in the
    record's unit; ``percent`` as printed (``"11.88"``).

    ``subject`` what changed; ``direction`` ``increase`` | ``decrease`` | ``flat``; ``amount`` the
    change; ``percent``; ``current`` this year's figure; ``baseline`` the earlier figure where the
    sentence prints it and ``baseline_kind`` (``上年预算`` ``上年执行数`` ``上年决算`` ``年初预算``) and
    ``baseline_year``; ``reason`` (主要原因是…); ``parent`` the statement a part belongs to (其中 …);
    ``key`` the vocabulary key of the subject where known; ``provenance``; ``stated_in`` ``table``
    where a table prints both years' figures (``kg.extract.tables.previous_year``), absent for the
    narrative's own statements.
    """

    subject: str
    direction: str
    amount: str | None
    percent: str | None
    current: str | None
    baseline: str | None
    baseline_kind: str | None
    baseline_year: int | None
    reason: str | None
    parent: str
    key: str | None
    excluding: str  # what a second comparison of the same figure leaves out (扣除中央基建后: 中央基建)
    provenance: dict
    stated_in: str


@dataclass
class StatedCount:
    """A count the narrative prints beside a figure (``会议费5.6万元，…人数约400人``: 人数 400 人;
    ``接待国外来访团组0个，来访外宾0人次``): ``label`` as printed, ``count`` and its ``unit``."""

    label: str
    count: Decimal
    unit: str  # 人 | 人次 | 次 | 个 | 批次 | 天 | 期 | 辆 …
    provenance: Provenance | None = None


@dataclass
class NarrativeFigure:
    """One amount the 情况说明 states, typed by what it is about.

    ``topic`` and ``key`` come from the narrative vocabulary (``kg.extract.narrative.vocabulary``):
    ``income``/``general_public_budget``, ``expenditure``/``basic``, ``three_public``/``reception``,
    ``meetings``/``total``, ``subitem``/<name> … ``value`` is in the record's unit (converted
    exactly); ``printed`` and ``printed_unit`` keep the figure as printed. ``period`` says which
    year and stage: ``current`` (this budget), ``prior_budget``, ``prior_execution``,
    ``prior_final`` (a 上年 baseline), ``initial_budget``, ``adjusted_budget`` or ``final`` (a
    决算's columns). ``scope`` is ``department``, ``fiscal`` (a 财政拨款/一般公共预算 chapter) or
    ``basic`` (the 一般公共预算基本支出 chapter's 人员经费/公用经费).
    """

    topic: str
    key: str
    label: str
    value: Decimal
    printed: str
    printed_unit: str
    period: str = "current"
    scope: str | None = None
    share: Decimal | None = None  # 占 Y% as printed
    parent: str | None = None  # a sub-item's whole (the project or total it is part of)
    provenance: Provenance | None = None
    counts: list[StatedCount] = field(default_factory=list)  # 人数, 次数, 批次 … printed with it
    # the meetings or trainings the sentence stating a 会议费 / 培训费 names, with no money each (长沙: 拟召开全市信访
    # 工作联席会议、特护期信访安全保障工作调度会等会议), as printed
    events: list[str] = field(default_factory=list)
    date: str | None = None  # when an item of a detail table takes place, as printed (培训费明细表's 时间: 2026-03-12)


@dataclass
class PerformanceCoverage:
    """The share of the budget under performance-target management, as the 说明 states it:
    ``scope`` is ``projects`` (``共7个项目纳入绩效目标管理，涉及资金339.5万元``) or ``department``
    (``整体支出纳入绩效目标管理，涉及财政性资金…``); ``projects`` the count where stated (0 kept as
    0); ``amount`` in the record's unit; ``text`` the clause as printed (compacted)."""

    scope: str
    projects: int | None
    amount: Money
    text: str
    provenance: Provenance | None = None
    # a 决算's evaluations (scope ``self_evaluation``: 绩效自评 of every project, ``department_evaluation``:
    # 部门评价 of a few) count their projects by level where printed (一级项目7个、二级项目16个)
    first_level: int | None = None
    second_level: int | None = None
    share: Decimal | None = None  # 占部门预算项目支出总额的65.9%: the printed share, percent
    # the projects a 部门评价 statement names (对“信息化运行维护费”、“全国信访信息系统维护费”…等3个项目开展了部门评价)
    named: list[str] = field(default_factory=list)


@dataclass
class SelfEvaluationTask:
    """One row of a 决算's 部门整体支出绩效自评表 (年度主要任务完成情况): a task with its 全年预算数 and
    全年执行数 (总额, and the 财政拨款 / 其他资金 parts where printed), in the record's unit, its printed
    分值, 执行率 (percent as printed) and 得分; ``total`` marks the table's 金额合计 row."""

    name: str
    content: str | None = None  # 主要内容
    status: str | None = None  # 完成情况 (任务完成, 部分任务完成 …)
    budget: Money = None
    budget_fiscal: Money = None
    budget_other: Money = None
    executed: Money = None
    executed_fiscal: Money = None
    executed_other: Money = None
    weight: Decimal | None = None  # 分值
    rate: Decimal | None = None  # 执行率, percent as printed (7.30)
    score: Decimal | None = None  # 得分
    total: bool = False
    provenance: Provenance | None = None


@dataclass
class DepartmentSelfEvaluation:
    """A 决算's self-evaluation of the department's whole spending (部门整体支出绩效自评), as one place
    prints it: ``source`` ``table`` (the 部门整体支出绩效自评表: its task rows, its 金额合计 and 总分) or
    ``narrative`` (``部门整体支出自评得分99.5，全年预算数…万元，执行数…万元，完成预算的83.16%``).
    Money in the record's unit, ``rate`` the percent as printed, ``score`` the 自评得分 / 总分."""

    source: str
    score: Decimal | None = None
    budget: Money = None
    executed: Money = None
    rate: Decimal | None = None
    tasks: list[SelfEvaluationTask] = field(default_factory=list)
    text: str = ""
    provenance: Provenance | None = None
    # the table's 年度绩效指标完成情况 rows (年度指标值 as ``target``, 实际完成值 as ``actual``, 分值 as
    # ``weight``): the department's indicators, kept as ``Record.department_indicators`` (not repeated here
    # in the JSON)
    indicators: list[Indicator] = field(default_factory=list)


@dataclass
class FunctionalEconomicCell:
    """One row of a table crossing the functional subject with the economic ones (北京 预算03表 支出总表:
    ``2010607-信息化建设 | 50209-维修（护）费 | 30213-维修（护）费 | 4,233.401500 | | 4,233.401500``): the
    money of one functional 项 spent on one departmental economic subject (``economic_code``), with the
    政府预算支出经济分类 subject printed beside it (``government_code``), by column (合计/基本/项目), in the
    record's unit, every printed digit kept."""

    functional_code: str
    functional_name: str
    economic_code: str
    economic_name: str
    government_code: str | None = None
    government_name: str | None = None
    total: Money = None
    basic: Money = None
    project: Money = None
    provenance: Provenance | None = None


@dataclass
class AssetHolding:
    """国有资产占有使用情况: one holding the narrative states, or a purchase the budget plans.

    ``kind`` is ``车辆`` for all vehicles, a vehicle type as printed (``一般公务用车``,
    ``执法执勤用车``, ``机要通信用车`` …), ``房屋``, ``设备`` (``threshold`` holds the printed
    value limit, ``单价100万元（含）以上``), ``办公家具`` or ``其他资产``; a class stated by its value
    alone (``固定资产``, ``房屋和构筑物``, ``家具和用具``, ``无形资产``) has no ``count``.
    """

    kind: str
    count: Decimal | None = None
    count_unit: str | None = None  # 辆 | 台（套） | 平方米 | 台 | 套
    value: Money = None  # 价值, in the record's unit
    planned: bool = False  # 安排购置 in the budget year, not a holding
    threshold: str | None = None
    as_of: str | None = None  # 截至2025年8月31日
    share: Decimal | None = None  # 占固定资产总额的87.84%: the printed percentage of the whole
    provenance: Provenance | None = None


@dataclass
class Record:
    """Everything read from one budget (one document, or a narrative PDF plus its tables PDF)."""

    source: str
    department: str | None = None
    year: int | None = None
    kind: str | None = None  # 部门预算 | 单位预算 | 部门决算 | 单位决算
    unit: str | None = None  # 万元 | 元
    profile: Profile = field(default_factory=Profile)
    totals: Totals = field(default_factory=Totals)
    functional_subjects: list[FunctionalSubject] = field(default_factory=list)
    # the rows of the tables that cover one kind of funds (一般公共预算支出表, 政府性基金预算支出表),
    # by amount scope (general_public_budget, government_fund): the same subjects, narrower funds
    scoped_functional: dict[str, list[FunctionalSubject]] = field(default_factory=dict)
    # the economic rows of a table of the whole general budget (西安 表6 一般公共预算支出明细表（按支出
    # 经济分类科目）: basic and project spending), by amount scope; ``economic_subjects`` keep the
    # basic-expenditure table's, so neither is read as the other
    scoped_economic: dict[str, list["EconomicSubject"]] = field(default_factory=dict)
    # the general budget's project spending by economic subject (广东 表7 一般公共预算项目支出情况表（按经济
    # 分类科目）: one figure a row, each row's ``project``): the make-up of 项目支出 the basic table lacks
    project_economic: list["EconomicSubject"] = field(default_factory=list)
    # the functional rows of the income table by subject: each subject's money by source
    functional_income: list[SubjectIncome] = field(default_factory=list)
    # the unit rows of the income table by unit: each budget unit's money by source
    unit_income: list[UnitIncome] = field(default_factory=list)
    # the unit rows of the expenditure table by unit: each budget unit's spending by funds and kind
    unit_expenditure: list[UnitExpenditure] = field(default_factory=list)
    # the unit rows of a 三公 table by unit: each budget unit's 三公 figures
    unit_three_public: list[UnitThreePublic] = field(default_factory=list)
    # the economic 类 rows printed under each unit of a table of one kind of spending by unit (广东 表11)
    unit_economic: list[UnitEconomic] = field(default_factory=list)
    # the services a 政府购买服务 table lists (北京 预算11表), by the classes of the 指导性目录
    purchased_services: PurchasedServices | None = None
    # the purchases a 政府采购 table lists item by item (苏州 公开13表, 江苏 公开12表, 西安 表12)
    procurement_items: ProcurementItems | None = None
    economic_subjects: list[EconomicSubject] = field(default_factory=list)
    # the 政府预算支出经济分类 (501 机关工资福利支出 …) a document prints beside the departmental
    # 30x classification (西安 收支总表): another classification of the same money, kept apart so
    # neither's totals count the other's
    government_economic_subjects: list[EconomicSubject] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    department_indicators: list[Indicator] = field(default_factory=list)
    policy_documents: list[PolicyDocument] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    tables: list[dict] = field(default_factory=list)  # recognised tables: label, title, unit, where
    # the 说明's numbered headings by line (file, line, section), where they change (kg.extract.places)
    sections: list[dict] = field(default_factory=list)
    changes: list[ChangeStatement] = field(default_factory=list)  # 比上年增加/减少 statements of the narrative
    narrative: list[NarrativeFigure] = field(default_factory=list)  # every amount the 说明 states, typed
    assets: list[AssetHolding] = field(default_factory=list)  # 国有资产占有使用情况: vehicles by type …
    performance_coverage: list[PerformanceCoverage] = field(default_factory=list)  # 绩效目标管理 coverage
    # a 决算's 部门整体支出绩效自评: the table (task rows, 金额合计, 总分) and the narrative's statement
    department_self_evaluation: list[DepartmentSelfEvaluation] = field(default_factory=list)
    # the cells of a table crossing functional × economic subjects (北京 预算03表)
    functional_economic: list[FunctionalEconomicCell] = field(default_factory=list)
    definitions: dict[str, str] = field(default_factory=dict)  # 名词解释 term -> text
    warnings: list[str] = field(default_factory=list)
    template: str | None = None  # the template family recognised (``kg.extract.profiles``)
    phased: list[PhasedFigure] = field(default_factory=list)  # figures printed for several phases
    executions: list[BudgetExecution] = field(default_factory=list)  # 年初预算 vs 决算 the narrative states

    def completion_rates(self) -> list[tuple[str, str, Decimal]]:
        """完成率 = 决算数 / 预算数 × 100 (two decimals) for every figure printed in both phases:
        (key, budget phase, rate). The budget phase is the adjusted one where printed, else the
        one printed (年初 or 预算数)."""
        finals = {f.key: f.value for f in self.phased if f.phase == "final" and f.value is not None}
        out: list[tuple[str, str, Decimal]] = []
        for key, final in finals.items():
            budgets = {f.phase: f.value for f in self.phased if f.key == key and f.phase != "final" and f.value}
            phase = next((p for p in ("adjusted_budget", "budget", "initial_budget") if p in budgets), None)
            if phase is not None:
                rate = (final / budgets[phase] * 100).quantize(Decimal("0.01"))
                out.append((key, phase, rate))
        return out
