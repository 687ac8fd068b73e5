"""Functional-classification tables: 表3 部门支出总体情况表 and the tables of its shape.

表3 (``expenditure``) gives ``functional_subjects`` and the department's 基本/项目 totals;
表5 (``general_budget_expenditure``), 表8 (``government_fund``), 表9 (``state_capital``) and
Jiangsu's 财政拨款支出预算表 have the same columns (合计, 基本支出, 项目支出) and are read the
same way, their rows kept on the section for the checks.
"""
from __future__ import annotations

from decimal import Decimal

from kg.extract.grid import analyse
from kg.extract.model import FunctionalSubject, PhasedFigure, Provenance, Record
from kg.extract.profiles.vocabulary import functional_class_code, phase_of
from kg.extract.tables import register
from kg.extract.tables.code_repair import place_misprinted_codes
from kg.extract.tables.indented_subjects import is_uncoded_subject, place_indented
from kg.extract.tables.columns import Schema, resolve
from kg.extract.tables.contracts import ClassificationData
from kg.extract.tables.rows import Row, read_rows
from kg.extract.tables.unit_rows import department_rows
from kg.units import convert

FUNCTIONAL = Schema(
    columns=["total", "basic", "project"],
    sums=[("total", ["basic", "project", "reserve"]), ("basic", ["basic_personnel", "basic_public"])],
    header_patterns=[
        # a group header over its parts: 基本支出 / 小计 | 人员经费 | 公用经费, 项目支出 / 小计
        ("basic", r"^(?:小计|合计)$", r"基本支出"), ("basic_personnel", r"人员", r"基本支出"),
        ("basic_public", r"公用", r"基本支出"), ("project", r"^(?:小计|合计|项目支出总数)$", r"项目支出"),
        ("basic", r"基本支出"), ("project", r"项目支出|专项业务经费|专项支出"),
        # 人员经费 / 公用经费 columns with no 基本支出 over them (西安) are the basic spending's parts
        ("basic_personnel", r"^人员(?:经费|支出|类)(?:支出)?$"), ("basic_public", r"^(?:日常)?公用(?:经费|支出|类)(?:支出)?$"),
        ("reserve", r"预留机动经费"),
        ("total", r"^(?:合计|总计|小计|金额|支出合计|预算数|本年支出合计|决算数|支出总计|本年预算|当年预算|"
                  r"预算金额|一般公共预算支出|本年一般公共预算支出|本年政府性基金预算支出)$")],
    header_only=["reserve", "basic_personnel", "basic_public"])


def read_functional(table, record: Record, schema: Schema = FUNCTIONAL) -> list[Row]:
    """Read and place a 合计/基本/项目 table's rows; keeps them on ``table.rows``."""
    rows = read_rows(table.lines, coded=True)
    rows = code_class_names(rows)
    # before the placement: an unplaced misprinted row would read as a unit's subtotal row
    findings = place_misprinted_codes(rows, table.label, record.source)
    final = (record.kind or "").endswith("决算")
    resolve(rows, schema, unit=table.unit or record.unit, year=record.year, final=final)
    for row in rows:
        derive_basic(row)
    record.phased.extend(phased_figures(rows, schema, table, record))
    table.rows = rows
    layout = analyse(table.lines)
    table.data = ClassificationData(schema=schema, findings=findings, crossed=layout is not None and layout.crossed)
    return rows


def phased_figures(rows: list[Row], schema: Schema, table, record: Record) -> list[PhasedFigure]:
    """Where a table prints its columns once per phase (a 决算's 年初预算数 | 调整预算数 | 决算数),
    every coded row's figure of every phase, as its own figure (``{kind}.{code}.{column}``);
    nothing for a table of one phase."""
    import dataclasses

    plain = dataclasses.replace(schema, final=False)
    out: list[PhasedFigure] = []
    for row in rows:
        paths = row.extra.get("paths") or {}
        phases = {phase_of(path) for path in paths.values()} - {None}
        if not row.code or len(phases) < 2:
            continue
        for index, value in row.extra.get("cell_figures", []):
            path = paths.get(index, ())
            phase = phase_of(path)
            column = plain.column_for_path(path) if phase else None
            if column is None or value is None:
                continue
            out.append(PhasedFigure(key=f"{table.kind}.{row.code}.{column}", phase=phase,
                                    value=in_record_unit(value, table, record),
                                    provenance=row.provenance(record.source, table.label)))
    return out


def code_class_names(rows: list[Row]) -> list[Row]:
    """A table that prints subject names without codes (杭州): where its names show their level by
    indentation, every row is kept, the 类 coded from the national classification and each 款/项
    placed under its parent by its path (``indented_subjects.place_indented``); otherwise its 类
    rows take their codes from the national classification and its 款 and 项 rows, whose names are
    too ambiguous to look up, are left out (a name-only row would otherwise read as a unit's
    subtotal). A table that prints codes is returned as it is."""
    if any(row.code for row in rows):
        return rows
    if place_indented(rows):
        return [row for row in rows if row.is_total or row.code or is_uncoded_subject(row)]
    coded = []
    for row in rows:
        code = functional_class_code(row.name) if not row.is_total else None
        if code is not None and not any(r.code == code for r in coded):
            row.code = code
            row.extra["code_from_name"] = True
            coded.append(row)
    if not coded:
        return rows
    return [row for row in rows if row.is_total or row.code]


def derive_basic(row: Row) -> None:
    """A row that prints 基本支出 only as its parts (人员经费 | 公用经费, no 小计: 杭州, 西安) gets
    its 基本支出 as their sum, marked derived."""
    if row.values.get("basic") is not None:
        return
    parts = [row.values.get("basic_personnel"), row.values.get("basic_public")]
    if any(p is not None for p in parts):
        row.values["basic"] = sum((p for p in parts if p is not None), Decimal(0))
        row.extra.setdefault("derived", []).append("basic")


def printed_unit(table, record: Record) -> str | None:
    """The unit ``table`` prints in where it differs from the record's (kept on the provenance, so
    the graph says 10.81 万元 where the page prints it, not the converted 108100.00 元)."""
    unit = table.unit
    return unit if unit and record.unit and unit != record.unit else None


def in_record_unit(value, table, record: Record):
    """A figure of ``table`` in the record's unit (exact conversion where they differ)."""
    unit = table.unit or record.unit
    if value is None or not unit or not record.unit or unit == record.unit:
        return value
    return convert(value, unit, record.unit)


def root_row(rows: list[Row]) -> Row | None:
    return next((r for r in rows if r.is_total), None)


def single_unit(rows: list[Row]) -> Row | None:
    """A table with no 合计 row but one unit's row over its subjects (深圳: the 预算单位 column
    names the one unit): that row is the table's total."""
    from kg.extract.tables.columns import segments

    heads = [head for head, _ in segments(rows) if head is not None]
    return heads[0] if len(heads) == 1 else None


def fill_totals_from_root(root: Row | None, columns: tuple[tuple[str, str], ...], table, record: Record) -> None:
    """Totals the record does not have yet, from the table's 合计 row: (Totals key, column) pairs,
    in the record's unit, each with the row's provenance."""
    if root is None:
        return
    t = record.totals
    for key, col in columns:
        if getattr(t, key) is None and root.get(col) is not None:
            setattr(t, key, in_record_unit(root.get(col), table, record))
            t.provenance[key] = root.provenance(record.source, table.label)


def _add_functional_subjects(rows: list[Row], table, record: Record) -> None:
    """Every coded row as a ``FunctionalSubject``, in the record's unit."""
    record.functional_subjects.extend(_functional_rows(rows, table, record))


def _functional_rows(rows: list[Row], table, record: Record) -> list[FunctionalSubject]:
    """Every subject row: coded, or a 款/项 placed by its indentation (no code, its path)."""
    from kg.extract.tables.previous_columns import read_previous

    # the year before, where the table prints it beside each row (中央 部门公开表5's 2025年执行数)
    previous = read_previous(rows, table, record, lambda value: in_record_unit(value, table, record))
    return [FunctionalSubject(code=row.code, name=row.name,
                              total=in_record_unit(row.get("total"), table, record),
                              basic=in_record_unit(row.get("basic"), table, record),
                              project=in_record_unit(row.get("project"), table, record),
                              provenance=row.provenance(record.source, table.label),
                              path=tuple(row.extra.get("subject_path", ())[:-1]),
                              previous=previous.get(id(row), []),
                              personnel=in_record_unit(row.get("basic_personnel"), table, record),
                              public=in_record_unit(row.get("basic_public"), table, record))
            for row in rows if row.code or is_uncoded_subject(row)]


def _scoped_rows(rows: list[Row], table, record: Record) -> list[FunctionalSubject]:
    """A scoped table's rows, each code once: a table printed unit by unit gives the department's
    figure of each code (``unit_rows.department_rows``, checked against the table's 合计)."""
    root = root_row(rows)
    printed = in_record_unit(root.get("total"), table, record) if root is not None else None
    return department_rows(_functional_rows(rows, table, record), printed, record, table.label)


# the tables that print the functional subjects of one kind of funds only, by amount scope
# (``kg.rdf.iris.amount_scope``): kept per scope so a reader can switch the treemap between them
SCOPED_TABLES = {"general_budget_expenditure": "general_public_budget", "government_fund": "government_fund"}


@register("expenditure")
def parse_expenditure(table, record: Record, parts) -> None:
    """表3: every 类/款/项 row into ``functional_subjects``; 基本/项目 totals from its 合计 row."""
    from kg.extract.tables.expenditure_grid import read_totals_row
    from kg.extract.tables.unit_expenditure import read_unit_expenditure

    read_unit_expenditure(table, record)  # a table by unit (西安 表3): each unit's spending
    if read_totals_row(table, record):  # Jiangsu 公开03表: one row of totals, no subject rows
        return
    rows = read_functional(table, record)
    if table.data.crossed and not record.functional_economic:
        # a table crossing functional × economic subjects (北京 预算03表): each cell kept
        from kg.extract.tables.functional_economic import read_functional_economic

        record.functional_economic = read_functional_economic(rows, table, record)
    if record.functional_subjects:
        return  # a second expenditure table (a 单位 version): keep the first
    if not table.data.crossed:
        _add_functional_subjects(rows, table, record)
    scope = SCOPED_TABLES.get(table.kind)
    if scope and scope not in record.scoped_functional and not table.data.crossed:
        scoped = _scoped_rows(rows, table, record)
        if scoped:  # the first table of a scope (a 单位 version after it is not the department's)
            record.scoped_functional[scope] = scoped
    fill_totals_from_root(root_row(rows) or single_unit(rows),
                          (("basic_expenditure", "basic"), ("project_expenditure", "project"),
                           ("expenditure_total", "total")), table, record)


def classes_from_summary(parts, record: Record) -> None:
    """The functional 类 rows from the 收支总表's expenditure side, where no table with subject
    rows printed them (泉州's 支出总表 prints 项 rows only; 北京's prints none at all): each
    printed 类 becomes a ``FunctionalSubject`` of the summary, placed before its 款 and 项."""
    if any(len(s.code) == 3 for s in record.functional_subjects):
        return
    summary = parts.table("summary")
    if summary is None:
        return
    for row in summary.rows:
        if not getattr(row, "code", None) or not row.figures or row.figures[0] is None:
            continue
        line = row.line
        subject = FunctionalSubject(code=row.code, name=row.name, total=in_record_unit(row.figures[0], summary, record),
                                    provenance=Provenance(file=record.source, page=line.page, line=line.lineno,
                                                          table=summary.label, row=row.name,
                                                          unit=printed_unit(summary, record)))
        at = next((i for i, s in enumerate(record.functional_subjects) if s.code.startswith(row.code)),
                  len(record.functional_subjects))
        record.functional_subjects.insert(at, subject)


@register("general_budget_expenditure")
@register("fiscal_expenditure")
@register("government_fund")
@register("state_capital")
def parse_same_shape(table, record: Record, parts) -> None:
    """表5/表8/表9 (and 财政拨款支出预算表): rows kept for the checks."""
    rows = read_functional(table, record)
    if table.kind in ("general_budget_expenditure", "fiscal_expenditure") and not record.functional_subjects:
        # no 类/款/项 rows in the 支出总表 (Jiangsu's is one row of totals): the functional
        # subjects are this table's — each code once where it is printed unit by unit (北京 预算05表)
        record.functional_subjects.extend(_scoped_rows(rows, table, record))
    scope = SCOPED_TABLES.get(table.kind)
    if scope and scope not in record.scoped_functional and not table.data.crossed:
        scoped = _scoped_rows(rows, table, record)
        if scoped:  # the first table of a scope (a 单位 version after it is not the department's)
            record.scoped_functional[scope] = scoped
