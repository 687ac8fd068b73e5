"""表6 一般公共预算基本支出情况表 (by economic subject): ``economic_subjects`` and the
人员经费 / 公用经费 totals. Jiangsu's 财政拨款基本支出预算表 has the same shape (rows kept)."""
from __future__ import annotations

from kg.extract.model import EconomicSubject, PairedSubject, Record
from kg.extract.tables import register
from kg.extract.tables.classification import fill_totals_from_root, in_record_unit, root_row
from kg.extract.tables.columns import Schema, resolve
from kg.extract.tables.contracts import EconomicData, Identity
from kg.extract.tables.rows import read_rows
from kg.extract.tables.unit_rows import department_rows

ECONOMIC = Schema(
    columns=["total", "personnel", "public"], sums=[("total", ["personnel", "public"])],
    header_patterns=[("personnel", r"人员(?:经费|支出|类)"), ("public", r"公用(?:经费|支出|类)"),
                     ("total", r"^(?:合计|总计|小计|金额|预算数|决算数)$")])


def _lines(table) -> tuple[list, dict]:
    """The table's lines, side-by-side halves (the 决算 template) cut into one column, and the
    totals printed at the foot of the halves."""
    from kg.extract.tables.side_by_side import split_halves

    return split_halves(table.lines)


def _half_totals(table, record: Record) -> None:
    """人员经费合计 / 公用经费合计 printed at the foot of the two halves."""
    from kg.extract.model import Provenance

    t = record.totals
    for label, (value, line, parts_sum) in table.data.half_totals.items():
        where = Provenance(file=record.source, page=line.page, line=line.lineno, table=table.label, row=label)
        if parts_sum is not None:
            table.data.identities.append(Identity("children_sum", f"{table.label} {label}", parts_sum, value, where))
        key = "personnel" if label.startswith("人员经费") else "public_expenses" if label.startswith("公用经费") else None
        if key and getattr(t, key) is None:
            setattr(t, key, in_record_unit(value, table, record))
            t.provenance[key] = where


def code_by_names(rows) -> None:
    """A table printing names only (杭州 表6 ``工资福利支出`` over ``基本工资``…) is given its
    codes by the national economic classification: a 类 by its name, a 款 by its name under the
    类 above it. Nothing is done where any row prints a code, or where a name is not a subject
    of the classification (then the table stays as printed)."""
    from kg.extract.profiles.vocabulary import economic_class_code, economic_item_code

    body = [r for r in rows if not r.is_total]
    if not body or any(r.code for r in rows):
        return
    codes: list[str] = []
    current: str | None = None
    for row in body:
        code = economic_class_code(row.name)
        if code is None and current is not None:
            code = economic_item_code(current, row.name)
        if code is None:
            return
        if len(code) == 3:
            current = code
        codes.append(code)
    for row, code in zip(body, codes):
        row.code = code
        row.extra["code_from_name"] = True


def _read_economic(table, record: Record):
    """The table's rows, placed in 合计/人员经费/公用经费 and kept on the section for the checks."""
    lines, half_totals = _lines(table)
    rows = read_rows(lines, coded=True)
    code_by_names(rows)
    resolve(rows, ECONOMIC, unit=table.unit or record.unit, year=record.year)
    table.rows = rows
    table.data = EconomicData(schema=ECONOMIC, half_totals=half_totals)
    return rows


def _add_paired(first: EconomicSubject, again: EconomicSubject) -> None:
    """A subject printed once per paired government subject (烟台 表6: 301 beside 501 and again
    beside 505) is one subject of the department's classification: its figures are the sum of
    its printings (the record keeps one row per code; the table's rows keep each printing)."""
    for key in ("total", "personnel", "public"):
        a, b = getattr(first, key), getattr(again, key)
        if b is not None:
            setattr(first, key, b if a is None else a + b)


def _paired_of(row, subject: EconomicSubject) -> PairedSubject | None:
    """The 政府经济分类 subject the row prints beside its own code, with the row's 合计."""
    paired = row.extra.get("paired_subject")
    if not paired or not paired[0]:  # a pairing whose code the reader lost (text printed over text) says nothing sure
        return None
    return PairedSubject(code=paired[0], name=paired[1], total=subject.total)


def economic_rows(rows, table, record: Record) -> list[EconomicSubject]:
    """The coded rows of a table by economic subject, one per code in the record's unit, each with
    the 政府经济分类 subjects printed beside it (a code printed once per paired subject is one row,
    its figures the sum of its printings: ``_add_paired``)."""
    by_code: dict[str, EconomicSubject] = {}
    out: list[EconomicSubject] = []
    for row in rows:
        if not row.code:
            continue
        subject = EconomicSubject(
            code=row.code, name=row.name,
            total=in_record_unit(row.get("total"), table, record),
            personnel=in_record_unit(row.get("personnel"), table, record),
            public=in_record_unit(row.get("public"), table, record),
            project=in_record_unit(row.get("project"), table, record),
            basic=in_record_unit(row.get("basic"), table, record),
            provenance=row.provenance(record.source, table.label))
        paired = _paired_of(row, subject)
        if row.code in by_code and "paired_subject" in row.extra:
            _add_paired(by_code[row.code], subject)
            if paired is not None:
                by_code[row.code].government.append(paired)
            continue
        if paired is not None:
            subject.government.append(paired)
        by_code.setdefault(row.code, subject)
        out.append(subject)
    return out


@register("basic_economic")
def parse_basic_economic(table, record: Record, parts) -> None:
    rows = _read_economic(table, record)
    if record.economic_subjects:
        return
    record.economic_subjects = economic_rows(rows, table, record)
    fill_totals_from_root(root_row(rows), (("personnel", "personnel"), ("public_expenses", "public"),
                                           ("basic_expenditure", "total")), table, record)
    _half_totals(table, record)


# a table of the whole general budget by economic subject: 人员经费 | 公用经费 | 专项业务经费 (西安 表6)
# or 基本支出 | 项目支出 (深圳 表8)
GENERAL_ECONOMIC = Schema(
    columns=["total", "basic", "personnel", "public", "project"],
    sums=[("total", ["basic", "project"]), ("basic", ["personnel", "public"])],
    header_patterns=[("personnel", r"人员(?:经费|支出|类)"), ("public", r"公用(?:经费|支出|类)"), ("basic", r"^基本支出"),
                     ("project", r"专项业务(?:经费)?|项目(?:支出|经费)"),
                     ("total", r"^(?:合计|总计|小计|金额|预算数|决算数|支出总计)$")])


@register("general_budget_economic")
def parse_general_budget_economic(table, record: Record, parts) -> None:
    """一般公共预算支出明细表（按支出经济分类科目）: the economic rows of the whole general budget,
    basic and project spending (西安 表6, where 表8 is the basic part only), kept under the scope
    ``general_public_budget`` beside the basic table's ``economic_subjects``. Kept where the table
    prints a project column, or where its 合计 is not the budget's 基本支出 (泉州 表8 一般公共预算支出经济
    分类情况表: one 预算数 column, 合计 69,059.36 against a 基本支出 of less — its 301 43,412.83 holds
    project money the basic table's 43,342.83 does not): otherwise it says nothing the basic table
    does not."""
    lines, _ = _lines(table)
    rows = read_rows(lines, coded=True)
    code_by_names(rows)
    resolve(rows, GENERAL_ECONOMIC, unit=table.unit or record.unit, year=record.year)
    table.rows = rows
    table.data = EconomicData(schema=GENERAL_ECONOMIC, half_totals={})
    scope = "general_public_budget"
    if scope in record.scoped_economic:
        return  # the first table of the scope (a 单位 version after it is not the department's)
    subjects = economic_rows(rows, table, record)
    root = root_row(rows)
    printed = in_record_unit(root.get("total"), table, record) if root is not None else None
    basic = record.totals.basic_expenditure
    more_than_basic = printed is not None and basic is not None and printed != basic
    if subjects and (any(s.project is not None for s in subjects) or more_than_basic):
        # a table printed unit by unit (西安 表6): the department's figure of each code
        record.scoped_economic[scope] = department_rows(subjects, printed, record, table.label)


# the general budget's project spending by economic subject: one figure a row (广东 表7: 部门预算支出经济科目 | 预算)
PROJECT_ECONOMIC = Schema(
    columns=["project"], sums=[],
    header_patterns=[("project", r"^(?:合计|总计|小计|金额|预算|预算数|项目支出|本年预算)$")])


@register("project_economic")
def parse_project_economic(table, record: Record, parts) -> None:
    """一般公共预算项目支出情况表（按经济分类科目） (广东 表7): what the project spending is spent on,
    ``[302]商品和服务支出 1,032.05`` over ``[30202]印刷费 355.90`` …, kept as ``project_economic`` (each
    row's ``project``) and checked like every classification table (合计 = Σ 类, 类 = Σ 款)."""
    lines, _ = _lines(table)
    rows = read_rows(lines, coded=True)
    code_by_names(rows)
    resolve(rows, PROJECT_ECONOMIC, unit=table.unit or record.unit, year=record.year)
    table.rows = rows
    table.data = EconomicData(schema=PROJECT_ECONOMIC, half_totals={})
    if record.project_economic:
        return  # the first table (a 单位 version after it is not the department's)
    record.project_economic = [s for s in economic_rows(rows, table, record) if s.project is not None]


@register("fiscal_basic_economic")
def parse_fiscal_basic_economic(table, record: Record, parts) -> None:
    _read_economic(table, record)
