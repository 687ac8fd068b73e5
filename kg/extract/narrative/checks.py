"""The identities the narrative promises, recomputed: findings about the document, never fixes.

* ``children_sum``  说明七 <project> 资金分配: the allocation's parts add up to 预算安排规模;
* ``indicator_costs_sum``  绩效目标表 <project> 成本指标: the cost indicators add up to 年度预算总额;
* ``same_figure``  部门整体绩效目标表 上级安排/本级安排/其他: the funding rows against the budget totals;
* ``same_figure``  部门整体绩效目标表 资金总额/基本支出/项目支出: its 年度预算安排 against the totals;
* ``same_figure``  <project> 绩效目标表 项目总体目标 <indicator>: a figure of the goal text against
  its cost indicator; ``children_sum`` … 项目总体目标 金额 where the goal's figures add up to
  neither the indicators nor the budget;
* ``same_figure``  <project> <item>（绩效目标表… vs 说明七）: an allocation item against its cost
  indicator (a 元 indicator is converted exactly, then shown to the 分);
* ``same_figure``  三公 narrative vs 表10; ``children_sum``  说明十二（二） 政府采购预算.

``narrative_checks`` is registered as the producer ``narrative`` (``kg.extract.rules``); the
statements' own arithmetic (比上年 %, 占比, 其中 sums) is ``kg.extract.narrative.audit``.
"""
from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from kg.extract.model import Check, Record
from kg.extract.narrative import performance, projects
from kg.extract.narrative.figures import NarrativeFigures, _in_record_unit, read_figures
from kg.extract.narrative.text import AMOUNT_RE, money, prov
from kg.extract.rules import gap_judge, register_checks, register_rule
from kg.extract.source import Line
from kg.units import convert



def _costs_judge(check: Check) -> str:
    """Cost indicators adding up to less than the budget name only part of its money (信息化监理项目
    31.00: 监理范围内《…》项目的监理服务成本 ≤11.42万元): a notice; more than the budget is a finding."""
    if not check.ok and check.expected is not None and check.printed is not None and check.expected < check.printed:
        return "notice"
    return gap_judge(check)


register_rule("indicator_costs_sum", "成本指标之和等于项目预算",
              "a project performance table's cost indicators against its 年度预算总额", judge=_costs_judge)

CENT = Decimal("0.01")
_MONEY_TARGET_RE = re.compile(r"(\d[\d,]*(?:\.\d+)?)(万元|元)$")
_TOTAL_WORDS_RE = re.compile(r"项目资金|总投资|财政资金|其他资金|年度预算|资金总额|预算总额|总额|合计|共计")
_LEAD_RE = re.compile(r"^(?:\d{4}年)?(?:计划)?(?:完成|支付|用于|安排|实现|开展)*")
_WHOLE_COST_RE = re.compile(r"(?:总额|总计|合计|总成本|总经费)$")
_UNIT_SUFFIX_RE = re.compile(r"[（(](?:万元|元|%|次|个)[)）]$")
# a cost indicator that bounds a price per unit (专线防火墙单价 ≤5.3万元, 每个科次费用 ≤60元, 单个…项目付费金额,
# 人均…, 费用标准): a bound on each unit bought, no part of the project's money
_UNIT_PRICE_RE = re.compile(r"单价|单位成本|^每|每[个人次件科项台套户天月]|单个|人均|标准$")


def _cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def _same(expected: Decimal, printed: Decimal) -> bool:
    """Equal to the 分; a printed figure with more places than 分 is compared within half a 分."""
    if -printed.as_tuple().exponent > 2:
        return abs(expected - printed) < CENT
    return _cents(expected) == printed


def _in_wan(target: str | None) -> Decimal | None:
    """A money target (``<=16.66万元``, ``<=65509.84元``) in 万元, exactly."""
    if not target:
        return None
    m = _MONEY_TARGET_RE.search(target)
    if not m:
        return None
    value = money(m.group(1))
    if value is None:
        return None
    return convert(value, m.group(2), "万元")


def _cost_indicators(table: performance.PerformanceTable):
    return [i for i in table.indicators if (i.level1 or "").startswith("成本") or "成本" in (i.level2 or "")]


def _similar(a: str, b: str) -> float:
    from kg.extract.merge import name_similarity

    return name_similarity(_UNIT_SUFFIX_RE.sub("", a), _UNIT_SUFFIX_RE.sub("", b))


def _segments(text: str) -> list[tuple[str, Decimal]]:
    """(label, figure) for every ``…X万元`` of a text: the label is the words before the figure."""
    out: list[tuple[str, Decimal]] = []
    last = 0
    for m in AMOUNT_RE.finditer(text):
        label = re.split(r"[；;。，,：:]", text[last:m.start()])[-1]
        label = _LEAD_RE.sub("", label)
        last = m.end()
        value = money(m.group(1))
        if value is not None:
            out.append((label, value))
    return out


def _allocation_checks(items, file: str) -> list[Check]:
    out: list[Check] = []
    for item in items:
        parts = projects.allocation_parts(item.allocation)
        if len(parts) < 2 or item.amount is None or any(p is None for p in parts):
            continue
        expected = sum(parts, Decimal(0))
        out.append(Check("children_sum", f"{item.chapter or '说明'} {item.name} 资金分配", expected, item.amount,
                         _cents(expected) == item.amount, prov(file, item.line, item.chapter, item.name)))
    return out


def _cost_sum_checks(tables, file: str) -> list[Check]:
    out: list[Check] = []
    for table in tables:
        if table.kind != "project" or table.budget is None or table.executed is not None:
            continue  # a 绩效自评表 (决算) judges its cost targets against what was spent, not a sum
        costs = [i for i in _cost_indicators(table) if not _UNIT_PRICE_RE.search(i.name or "")]
        # an indicator naming the whole (专项经费总额 ≤23万元) beside its breakdown (专家工资支出
        # ≤18万元) is the cost; its parts are bounds within it, not further costs
        wholes = [i for i in costs if _WHOLE_COST_RE.search(i.name or "")]
        if wholes and len(wholes) < len(costs):
            costs = wholes
        values = [_in_wan(i.target) for i in costs]
        if not values or any(v is None for v in values):
            continue
        if len(values) > 1 and table.budget in values:
            continue  # one cost target is the whole budget: the others are bounds within it
        expected = _cents(sum(values, Decimal(0)))
        out.append(Check("indicator_costs_sum", f"绩效目标表 {table.name} 成本指标", expected, table.budget,
                         expected == table.budget, table.provenance))
    return out


def _grid_total_checks(tables) -> list[Check]:
    """A grid's 合计 row against the projects it lists (长沙: 合计 417.41, four projects 286.91):
    the grid runs from the table printing the 合计 over the pages that continue it."""
    out: list[Check] = []
    for at, table in enumerate(tables):
        if table.grid_total is None:
            continue
        listed = [table]
        for other in tables[at + 1:]:
            if not other.in_grid or other.grid_total is not None:
                break
            listed.append(other)
        if any(t.budget is None for t in listed):
            continue
        expected = sum((t.budget for t in listed), Decimal(0))
        out.append(Check("children_sum", f"绩效目标表 合计 vs 所列{len(listed)}个项目", expected, table.grid_total,
                         expected == table.grid_total, table.grid_total_at))
    return out


def _title_above(lines: list[Line], lineno: int | None) -> str | None:
    """The title printed above the ruled table a line stands in (``2026年项目支出绩效目标表`` over the grid
    whose 合计 row the line is): the nearest of the three lines before the table's first row that
    ends in 表."""
    at = next((i for i, line in enumerate(lines) if line.lineno == lineno), None)
    if at is None or lines[at].table is None:
        return None
    table = lines[at].table
    while at > 0 and lines[at - 1].table == table:
        at -= 1
    for line in reversed(lines[max(0, at - 3):at]):
        text = re.sub(r"\s+", "", line.text or "")
        if line.cells is None and re.search(r"表$", text) and len(text) <= 40:
            return text
    return None


def _titled(checks: list[Check], lines: list[Line]) -> list[Check]:
    """The checks of a grid with the place its printed title gives (``2026年项目支出绩效目标表——合计``)."""
    from kg.extract.places import joined

    for check in checks:
        title = _title_above(lines, check.provenance.line if check.provenance else None)
        if title and check.place is None:
            check.place = joined(title, re.split(r"\s+vs\s+", check.where)[0])
    return checks


def _wan(value: Decimal | None, unit: str | None) -> Decimal:
    """A record figure in 万元 (the narrative's unit), 0 where blank."""
    if value is None:
        return Decimal(0)
    return convert(value, unit, "万元") if unit in ("元", "万元") else value


def _department_checks(tables, record: Record) -> list[Check]:
    t, u = record.totals, record.unit
    if t.general_public_budget is None:
        return []
    expected = {
        "上级安排": _wan(t.upper_level_transfer, u),
        "本级安排": (_wan(t.general_public_budget, u) - _wan(t.upper_level_transfer, u) + _wan(t.government_fund, u)
                 + _wan(t.state_capital, u) + _wan(t.carryover_fiscal, u)),
        "其他": _wan(t.unit_funds, u) + _wan(t.carryover_nonfiscal, u),
    }
    out: list[Check] = []
    for table in tables:
        if table.kind != "department":
            continue
        for label, printed in table.funding.items():
            if printed is None or label not in expected:
                continue
            out.append(Check("same_figure", f"部门整体绩效目标表 {label}", expected[label], printed,
                             expected[label] == printed, table.provenance))
        break
    return out


# the record's figure each 年度预算安排 cell of a 部门整体绩效目标表 restates (资金总额 may be printed with or
# without the year's carry-over: 支出总计 or 本年支出合计)
_DEPARTMENT_TOTALS = {"资金总额": ("expenditure_total", "current_year_expenditure", "income_total"),
                      "基本支出": ("basic_expenditure",), "项目支出": ("project_expenditure",)}


def _department_totals_checks(tables, record: Record) -> list[Check]:
    """same_figure: a 部门整体绩效目标表's 资金总额 / 基本支出 / 项目支出 against the budget's own totals
    (泉州 p.52: 资金总额 81562.56 and 基本支出 52047.74 where every table prints 81206.56 and 51691.74).
    The table may state another scope (财政拨款 only): its cells are compared only where at least one
    of them is the record's own figure — the scope is then the department's — and a cell that is none
    of its figures is the finding, the record's first figure expected."""
    table = next((t for t in tables if t.kind == "department" and t.totals), None)
    if table is None:
        return []
    t, u = record.totals, record.unit
    known = {label: [_cents(_wan(getattr(t, key), u)) for key in keys if getattr(t, key) is not None]
             for label, keys in _DEPARTMENT_TOTALS.items()}
    printed = {label: value for label, value in table.totals.items() if known.get(label)}
    agreeing = [label for label, value in printed.items() if value in known[label]]
    if not agreeing or len(printed) < 2:
        return []
    out: list[Check] = []
    for label, value in printed.items():
        expected = known[label][0] if value not in known[label] else value
        source = record.totals.provenance.get(_DEPARTMENT_TOTALS[label][0])
        against = f" vs {source.table}" if source is not None and source.table else ""
        out.append(Check("same_figure", f"部门整体绩效目标表 {label}{against}", expected, value, value == expected,
                         table.provenance, note="表中" + "、".join(f"{k}{v}" for k, v in table.totals.items())))
    return out


def _goal_checks(tables) -> list[Check]:
    """The goal text's figures against the cost indicators they restate."""
    out: list[Check] = []
    for table in tables:
        if table.kind != "project" or not table.goal:
            continue
        costs = [(i, _in_wan(i.target)) for i in _cost_indicators(table)]
        costs = [(i, v) for i, v in costs if v is not None]
        segments = [(label, value) for label, value in _segments(table.goal) if not _TOTAL_WORDS_RE.search(label)]
        if not costs or not segments:
            continue
        mismatch = False
        used: set[int] = set()
        for label, value in segments:
            if not label:
                continue
            scored = sorted(((_similar(label, ind.name), k) for k, (ind, _) in enumerate(costs) if k not in used),
                            reverse=True)
            if not scored or scored[0][0] < 0.6:
                continue
            k = scored[0][1]
            used.add(k)
            ind, expected = costs[k]
            ok = _same(expected, value)
            mismatch = mismatch or not ok
            out.append(Check("same_figure", f"{table.name} 绩效目标表 项目总体目标 {ind.name}", _cents(expected),
                             value, ok, ind.provenance))
        total = sum((v for _, v in segments), Decimal(0))
        cost_total = sum((v for _, v in costs), Decimal(0))
        # a grid's 年度绩效目标 column names some of the costs, never all the project's parts: no sum
        if not mismatch and len(segments) >= 2 and table.budget is not None and _cents(total) != _cents(cost_total) \
                and not table.in_grid:
            out.append(Check("children_sum", f"{table.name} 绩效目标表 项目总体目标 金额", _cents(total),
                             table.budget, _cents(total) == table.budget, table.provenance))
    return out


def _allocation_vs_indicator_checks(items, tables) -> list[Check]:
    """Each 资金分配 item against the cost indicator of the same project's performance table."""
    from kg.extract.merge import name_similarity

    out: list[Check] = []
    for item in items:
        match, best = None, 0.0
        for table in tables:
            if table.kind != "project":
                continue
            score = name_similarity(item.name, table.name)
            if (score >= 0.9 or (item.amount is not None and item.amount == table.budget and score >= 0.5)) \
                    and score > best:
                match, best = table, score
        if match is None:
            continue
        costs = [(i, _in_wan(i.target)) for i in _cost_indicators(match)]
        used: set[int] = set()
        for label, value in _segments(re.split(r"(?:共计|合计|总计)", item.allocation)[0]):
            scored = sorted(((_similar(label, ind.name), k) for k, (ind, v) in enumerate(costs)
                             if v is not None and k not in used), reverse=True)
            if not scored or scored[0][0] < 0.75:
                continue
            k = scored[0][1]
            used.add(k)
            ind, expected = costs[k]
            short = _UNIT_SUFFIX_RE.sub("", ind.name)
            short = re.sub(r"[（(](?:万元|元)\)?$", "", short)
            shown = _MONEY_TARGET_RE.search(ind.target or "")
            where = (f"{item.name} {short}（绩效目标表{shown.group(0) if shown else ind.target} vs "
                     f"{item.chapter or '说明'}）")
            out.append(Check("same_figure", where, _cents(expected), value, _same(expected, value),
                             prov(ind.provenance.file if ind.provenance else "", item.line, item.chapter, item.name)))
    return out


def _figure_checks(figures: NarrativeFigures, record: Record) -> list[Check]:
    """The narrative's 政府采购 parts against its total, and its 三公 figures against the table's
    (``figures`` in the record's unit: ``_figures_in_unit``)."""
    out: list[Check] = []
    if figures.procurement is not None and figures.procurement.total is not None:
        p = figures.procurement
        parts = [p.goods, p.works, p.services]
        if all(x is not None for x in parts):
            where = figures.where["procurement"]
            expected = sum(parts, Decimal(0))
            out.append(Check("children_sum", f"{where.table or '说明'} 政府采购预算", expected, p.total,
                             expected == p.total, where))
    table_three = record.totals.three_public
    source = record.totals.provenance.get("three_public.total")
    from_table = source is not None and not (source.table or "").startswith("说明")
    if figures.three_public is not None and from_table:
        where = figures.where["three_public"]
        names = {"total": "合计", "overseas": "因公出国（境）费", "reception": "公务接待费",
                 "vehicle_purchase": "公务用车购置费", "vehicle_operation": "公务用车运行费"}
        for attr, label in names.items():
            narrative = getattr(figures.three_public, attr)
            if narrative is None:
                continue
            table_value = getattr(table_three, attr)
            expected = table_value if table_value is not None else Decimal(0)
            out.append(Check("same_figure", f"{where.table or '说明'} “三公”经费 {label} vs {source.table}",
                             expected, narrative, expected == narrative, where))
    return out


def _figures_in_unit(lines: list[Line], record: Record) -> NarrativeFigures:
    """The narrative's figures (printed in 万元) in the record's unit (元 in Shanghai): read once
    per document for every check that compares them."""
    return _in_record_unit(read_figures(lines, record.source, record.kind), record.unit)


def _basic_split_checks(parts, figures: NarrativeFigures, record: Record) -> list[Check]:
    """人员经费 + 公用经费 as the narrative states them against the 合计 of the 一般公共预算基本支出
    table (表6; Jiangsu's 一般公共预算基本支出预算表 prints no 人员/公用 columns, only its 合计)."""
    from kg.extract.tables.classification import in_record_unit, root_row

    table = parts.table("basic_economic") if hasattr(parts, "table") else None
    root = root_row(table.rows) if table is not None and table.rows else None
    if figures.personnel is None or figures.public_expenses is None or root is None or root.get("total") is None:
        return []
    expected = figures.personnel + figures.public_expenses
    printed = in_record_unit(root.get("total"), table, record)
    where = figures.where["personnel"]
    return [Check("children_sum", f"{where.table or '说明'} 人员经费 + 公用经费 vs {table.label} 合计",
                  expected, printed, expected == printed, where)]


@register_checks("narrative", "说明、绩效目标表与报表勾稽")
def narrative_checks(parts, record: Record) -> list[Check]:
    """Every narrative identity of the document (see the module docstring)."""
    doc = getattr(parts, "doc", None)
    lines = list(doc.lines) if doc is not None else list(getattr(parts, "narrative", []) or [])
    if not lines:
        return []
    file = record.source
    from kg.extract.narrative.units import in_wan, prints_yuan, restate

    tables = performance.read_performance_tables(lines, file)
    if prints_yuan(lines):  # a narrative printed in 元, read in 万元 like the others (see units.py)
        for table in tables:
            table.goal = restate(table.goal or "")
        lines = in_wan(lines)
    items = projects.read_narrative_projects(lines)
    out: list[Check] = []
    figures = _figures_in_unit(lines, record)
    out += _figure_checks(figures, record)
    out += _basic_split_checks(parts, figures, record)
    out += _allocation_checks(items, file)
    out += _cost_sum_checks(tables, file)
    out += _titled(_grid_total_checks(tables), lines)
    out += _department_checks(tables, record)
    out += _department_totals_checks(tables, record)
    out += _goal_checks(tables)
    out += _allocation_vs_indicator_checks(items, tables)
    return out

