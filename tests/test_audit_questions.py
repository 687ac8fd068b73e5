"""Audit questions reaching the checks: findings in the graph with their printed and expected
figures, where they were found and the figure they are about; the narrative's 财政拨款收支总计 against
the 财政拨款收支总表; the 收支总表's lines by 类 against the 支出总表; a question naming one figure
answered with that figure's finding; a question about all of a document's findings lists each.

Figures read off the PDFs (pdfplumber text of the page):
* 上海市普陀区财政局 2024 决算 — p.21 说明四 ``财政拨款收入支出总计0.3万元``; p.13 财政拨款收入支出决算总表
  总计 2,961.68; p.6 收入支出决算总表 社会保障和就业支出 326.71, p.10 支出决算表 208 326.72.
* 国家信访局 2026 — p.18 ``财政拨款收支总预算18,728.91万元``; p.9 部门公开表4 收入总计 18,728.94.
"""
from __future__ import annotations

from decimal import Decimal

import pytest

from kg.extract.rules import grade
from nlp.execute.documents import finding_figure

D = Decimal
pytestmark = pytest.mark.shared


def _same_figure(record) -> list[tuple[str, str, Decimal, Decimal | None]]:
    return sorted((c.where, grade(c), c.expected, c.printed) for c in record.checks
                  if c.rule == "same_figure" and not c.ok)


def test_finding_figure_names_the_figure_not_the_tables() -> None:
    assert finding_figure("表1 208 社会保障和就业支出 vs 表3 208") == "社会保障和就业支出"
    assert finding_figure("说明 一般公共服务支出（类） 占比") == "一般公共服务支出占比"
    assert finding_figure("说明 财政拨款收入支出总计 vs 表4 财政拨款收入支出决算总表") == "财政拨款收入支出总计"
    assert finding_figure("部门公开表4 财政拨款收支总表") == "财政拨款收支总表"


def test_final_account_fiscal_total_and_class_line(realdocs_records) -> None:
    record = realdocs_records["上海市普陀区财政局"]
    assert _same_figure(record) == [
        ("表1 208 社会保障和就业支出 vs 表3 208", "rounding", D("326.72"), D("326.71")),
        ("说明 财政拨款收入支出总计 vs 表4 财政拨款收入支出决算总表", "material", D("2961.68"), D("0.3")),
    ]
    fiscal = next(c for c in record.checks if c.where.startswith("说明 财政拨款收入支出总计"))
    assert (fiscal.provenance.page, fiscal.provenance.line) == (21, 307)


def test_central_fiscal_total_against_table_4(national_extraction) -> None:
    by_file, _failures = national_extraction
    central = by_file["central/国家信访局_2026部门预算.pdf"]
    assert [f for f in _same_figure(central) if f[0].startswith("说明")] == [
        ("说明四 财政拨款收支总预算 vs 部门公开表4 财政拨款收支总表", "material", D("18728.94"), D("18728.91"))]


def _finding(reply: dict, figure: str) -> dict:
    return next(a for a in reply["answers"] if a.get("figure") == figure)


def test_question_naming_one_figure_gets_its_finding(ask) -> None:
    reply = ask("普陀区财政局2024年决算说明里的“财政拨款收入支出总计”对吗？")
    assert reply["intent"] == "audit"
    assert [a["figure"] for a in reply["answers"]] == ["财政拨款收入支出总计"]
    f = _finding(reply, "财政拨款收入支出总计")
    assert (f["printed"], f["expected"], f["value"]) == ("0.30", "2961.68", "0.30")
    assert "应为2961.68" in reply["text"]


def test_all_findings_of_a_final_account(ask) -> None:
    reply = ask("普陀财政局2024年决算里有哪些数对不上？")
    by_figure = {a["figure"]: (a["printed"], a["expected"]) for a in reply["answers"]}
    assert by_figure["财政拨款收入支出总计"] == ("0.30", "2961.68")
    assert by_figure["社会保障和就业支出"] == ("326.71", "326.72")
    assert all(a["department"] == "上海市普陀区财政局" for a in reply["answers"])
