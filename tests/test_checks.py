"""checks: every identity the tables promise, recomputed; the gold's failed table checks found."""
from __future__ import annotations

import json
from decimal import Decimal as D

import pytest

from kg.extract.checks import Checks, classification_checks, run_all
from kg.extract.model import Record
from kg.extract.parse import parse_document
from kg.extract.sections import TableSection, split
from kg.extract.source import Line, read_text
from kg.extract.tables import read_tables
from kg.extract.tables.classification import FUNCTIONAL
from kg.extract.tables.contracts import ClassificationData
from kg.extract.tables.columns import resolve
from kg.extract.tables.rows import read_rows


def _lines(*texts: str) -> list[Line]:
    return [Line(text=t, lineno=i + 1, page=1) for i, t in enumerate(texts)]


def test_children_sum_and_basic_plus_project_on_a_small_table() -> None:
    table = TableSection(kind="expenditure", label="表3", title="部门支出总体情况表", unit="万元",
                         lines=_lines("总计 30.00 10.00 20.01", "201 一般公共服务支出 10.00 10.00",
                                      "211 节能环保支出 20.00 20.00", "211 01 环境保护管理事务 20.00 20.00",
                                      "211 01 01 行政运行 9.00 9.00", "211 01 02 一般行政管理事务 11.01 11.01"))
    table.rows = read_rows(table.lines)
    resolve(table.rows, FUNCTIONAL)
    table.data = ClassificationData(schema=FUNCTIONAL)
    c = Checks(Record(source="t.txt"))
    classification_checks(c, table)
    failed = {(x.rule, x.where, x.expected, x.printed) for x in c.items if not x.ok}
    assert ("basic_plus_project", "表3 总计", D("30.01"), D("30.00")) in failed
    assert ("children_sum", "表3 21101", D("20.01"), D("20.00")) in failed
    assert ("children_sum", "表3 21101 项目支出", D("20.01"), D("20.00")) in failed
    ok = {(x.rule, x.where) for x in c.items if x.ok}
    assert ("children_sum", "表3 总计") in ok and ("children_sum", "表3 211") in ok
    assert all(x.provenance is not None and x.provenance.table == "表3" for x in c.items)


def _table_checks(shared_dir, name: str):
    doc = read_text(str(shared_dir / "corpus" / name))
    record = Record(source=name, unit="万元", department=None)
    from kg.extract.identify import identify

    identify(doc, record)
    parts = split(doc, record)
    read_tables(parts, record)
    return run_all(parts, record)


GOLD_TABLE_PREFIXES = ("表",)


@pytest.mark.parametrize("key, name", [("000", "000_0f1ed1c99506120d.txt"), ("004", "004_afd15c6fd474ed3f.txt")])
def test_every_failed_table_check_of_the_gold_is_found(shared_dir, key: str, name: str) -> None:
    gold = json.loads((shared_dir / "gold" / f"{key}.json").read_text(encoding="utf-8"))
    checks = _table_checks(shared_dir, name)
    failed = {(c.expected, c.printed) for c in checks if not c.ok}
    wanted = [(D(g["expected"]), D(g["printed"]), g["where"]) for g in gold["checks"]
              if not g["ok"] and g["where"].startswith(GOLD_TABLE_PREFIXES)]
    missing = [w for e, p, w in wanted if (e, p) not in failed]
    assert missing == []


def test_000_table_findings_exactly(shared_dir) -> None:
    checks = _table_checks(shared_dir, "000_0f1ed1c99506120d.txt")
    failed = {(c.rule, c.where, c.expected, c.printed) for c in checks if not c.ok}
    for finding in [
        ("children_sum", "表1 收入总计", D("4678.71"), D("4678.70")),
        ("children_sum", "表3 21101 项目支出", D("247.22"), D("247.21")),
        ("children_sum", "表3 21011 基本支出", D("21.50"), D("21.49")),
        ("basic_plus_project", "表3 总计", D("4678.71"), D("4678.70")),
        ("children_sum", "表2 21101 财政拨款结转", D("130.22"), D("130.21")),
        ("row_sum", "表2 总计", D("4678.71"), D("4678.70")),
        ("children_sum", "表5 21011", D("21.50"), D("21.49")),
        ("children_sum", "表11 总计", D("2934.04"), D("2934.03")),
        ("children_sum", "表11 总计 财政拨款 合计", D("2904.04"), D("2904.03")),
    ]:
        assert finding in failed
    ok = {(c.rule, c.where) for c in checks if c.ok}
    for identity in [("income_equals_expenditure", "表1 收入总计 = 支出总计"), ("children_sum", "表1 本年收入"),
                     ("children_sum", "表1 上年结转结余"), ("children_sum", "表1 支出总计"),
                     ("same_figure", "表3 总计 vs 表1 支出总计"), ("personnel_plus_public", "表6 总计"),
                     ("same_figure", "表6 总计 vs 表3 总计 基本支出"), ("children_sum", "表7 总计"),
                     ("children_sum", "表10 合计"), ("children_sum", "表10 公务用车购置及运行费（小计）"),
                     ("same_figure", "表7 2110102 vs 表5 2110102 项目支出")]:
        assert identity in ok


def test_004_tables_add_up(shared_dir) -> None:
    checks = _table_checks(shared_dir, "004_afd15c6fd474ed3f.txt")
    table_checks = [c for c in checks if c.where.startswith("表")]
    assert [(c.where, c.expected, c.printed) for c in table_checks if not c.ok] == []
    assert len(table_checks) > 40


def test_001_findings(shared_dir) -> None:
    checks = _table_checks(shared_dir, "001_ed6cd4656d0ac36f.txt")
    failed = {(c.where, c.expected, c.printed) for c in checks if not c.ok}
    assert ("表6 301", D("310.11"), D("10.11")) in failed  # a digit lost in print
    assert ("表3 21011", D("3.93"), D("3.94")) in failed
    assert ("表7 211", D("85.64"), D("75.14")) in failed
    assert ("表10 公务用车购置及运行费（小计）", D("4.60"), None) in failed
    assert not any(w == "表10 合计" for w, _, _ in failed)


def test_run_all_appends_narrative_checks(shared_dir) -> None:
    record = parse_document(read_text(str(shared_dir / "corpus" / "000_0f1ed1c99506120d.txt")))
    assert any(c.where.startswith("表3") for c in record.checks)
    assert all(isinstance(c.expected, D) for c in record.checks)


def test_a_table_with_a_row_per_unit_is_checked_unit_by_unit() -> None:
    table = TableSection(kind="expenditure", label="表3", title="部门支出总体情况表", unit="万元",
                         lines=_lines("合计 90.00 30.00 60.00",
                                      "某局本级 50.00 30.00 20.00", "211 节能环保支出 50.00 30.00 20.00",
                                      "211 01 环境保护管理事务 50.00 30.00 20.00", "211 01 01 行政运行 30.00 30.00",
                                      "211 01 02 一般行政管理事务 20.00 20.00",
                                      "某监测站 40.00 40.00", "211 节能环保支出 40.00 40.00",
                                      "211 01 环境保护管理事务 40.00 40.00", "211 01 02 一般行政管理事务 40.01 40.01"))
    table.rows = read_rows(table.lines)
    resolve(table.rows, FUNCTIONAL)
    table.data = ClassificationData(schema=FUNCTIONAL)
    station = table.rows[6]
    assert (station.name, station.get("basic"), station.get("project")) == ("某监测站", None, D("40.00"))
    c = Checks(Record(source="t.txt"))
    classification_checks(c, table)
    failed = {(x.where, x.expected, x.printed) for x in c.items if not x.ok}
    assert failed == {("表3 21101", D("40.01"), D("40.00")), ("表3 21101 项目支出", D("40.01"), D("40.00"))}
    assert ("表3 合计", D("90.00"), D("90.00")) in {(x.where, x.expected, x.printed) for x in c.items}
