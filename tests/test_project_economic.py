"""一般公共预算项目支出情况表（按经济分类科目） (广东 表7, issue 9): the general budget's project spending by
economic subject, one figure a row, which no record key kept. Read into ``project_economic`` (each row's
``project``), checked 合计 = Σ 类 and 类 = Σ 款, mapped as cells of kind 项目支出, and reached by a question
asked of 项目支出. Expected values read by hand off 广州市统计局 2026 p.16 and 珠海市商务局 2026 p.17."""
from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from kg.extract.deserialize import parse_records_json, record_from_json
from kg.extract.model import Record
from kg.extract.serialize import record_json

D = Decimal
NATIONAL = Path(__file__).resolve().parent.parent.parent / "shared" / "national"
GUANGZHOU = NATIONAL / "guangdong_guangzhou" / "广州市统计局_2026部门预算.pdf"
ZHUHAI = NATIONAL / "guangdong_zhuhai" / "珠海市商务局_2026部门预算.pdf"


def _extract(path: Path) -> Record:
    if not path.is_file():
        pytest.skip(f"{path} not present (a 广东 表7)")
    from kg.extract.pipeline import extract_file

    return extract_file(str(path))


@pytest.fixture(scope="module")
def guangzhou() -> Record:
    return _extract(GUANGZHOU)


def test_the_project_table_by_economic_subject_is_kept(guangzhou: Record) -> None:
    rows = {s.code: s for s in guangzhou.project_economic}
    assert len(rows) == 14
    assert (rows["302"].name, rows["302"].project, rows["302"].total) == ("商品和服务支出", D("1032.05"), None)
    assert rows["30202"].project == D("355.90")  # 印刷费: 355.90 of project money, 3.10 of basic (表6)
    assert rows["30227"].project == D("208.00")
    assert (rows["30202"].provenance.page, rows["30202"].provenance.table) == (16, "表7")
    assert {s.code: s.total for s in guangzhou.economic_subjects}["30202"] == D("3.10")  # the basic table as before
    checks = {c.where: c for c in guangzhou.checks if c.where.startswith("表7")}
    assert (checks["表7 合计"].expected, checks["表7 合计"].printed, checks["表7 合计"].ok) == (
        D("1032.05"), D("1032.05"), True)
    assert checks["表7 302"].ok


def test_every_class_of_another_document_adds_up() -> None:
    zhuhai = _extract(ZHUHAI)
    rows = {s.code: s.project for s in zhuhai.project_economic}
    assert (rows["302"], rows["30206"], rows["303"], rows["310"]) == (D("29417.31"), D("6420.00"), D("7.04"), D("10.66"))
    table7 = [c for c in zhuhai.checks if c.where.startswith("表7") and c.rule == "children_sum"]
    assert {c.where for c in table7} >= {"表7 合计", "表7 302", "表7 303", "表7 310", "表7 312"}
    assert all(c.ok for c in table7)
    root = next(c for c in table7 if c.where == "表7 合计")
    assert root.printed == D("38885.01")


def test_the_rows_go_through_json(guangzhou: Record) -> None:
    text = json.dumps(record_json(guangzhou), ensure_ascii=False)
    again = record_from_json(parse_records_json(text)[0])
    assert [(s.code, s.project) for s in again.project_economic] == [
        (s.code, s.project) for s in guangzhou.project_economic]


def test_a_question_of_project_spending_reads_them(guangzhou: Record) -> None:
    from nlp import answer

    from tests import nlp_support
    from tests.nlp_support import reply_numbers

    store = nlp_support.open_memory_store()
    nlp_support.ingest(store, [guangzhou])
    reply = answer("广州市统计局一般公共预算项目支出里印刷费多少？", store).to_json()
    assert D("355.90") in reply_numbers(reply) and "表7" in reply["answers"][0]["source"]
    spread = answer("广州市统计局项目支出按经济分类花在哪些方面？", store).to_json()
    assert {D("1032.05"), D("208.00"), D("199.13")} <= reply_numbers(spread)
    # asked without 项目支出, the basic table answers as before
    assert D("3.10") in reply_numbers(answer("广州市统计局印刷费多少？", store).to_json())
