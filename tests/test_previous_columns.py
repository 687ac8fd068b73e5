"""A subject row's year before, where its table prints it beside the row (issue 9 / issue 7), on real
documents in ../shared/national:

- 国家信访局 2026 部门公开表5 一般公共预算支出表 (PDF p.9-10) prints, for every functional row,
  ``2025年执行数`` (执行数 | 扣除中央基建投资后执行数), the 2026 预算数, ``扣除中央基建投资后预算数`` and
  two 增减额 | 增减(%) pairs: each row gets both pairs, checked, mapped and asked;
- 重庆市人民政府办公厅 2026 表5 2026年一般公共预算支出情况表 (PDF p.15) prints a ``2025年预算数`` column
  before its 2026 columns, with no change columns: each row gets that figure (上年预算), no check;
- 西安市审计局 2026 prints the year before in its 三公 table (上年 | 当年) but in no subject table: its
  subject rows get none (the columns are found by meaning, not by template);
- 国家信访局 2024 部门决算: a 决算's 年初预算 against 决算数 per row is the narrative's statement
  (bkg:BudgetExecution, of 财政拨款); its completion rate sets the statement's own 决算数 against its
  年初预算, never the all-funds 支出决算表's row (行政运行: 5,757.63 ÷ 5,717.32 = 100.71%, as printed on
  p.21, not 6,026.13 ÷ 5,717.32).

Values read off the PDFs by hand. Each document is extracted once per module.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from nlp import answer

SHARED = Path(__file__).resolve().parents[2] / "shared"
XINFANG = SHARED / "national/central/国家信访局_2026部门预算.pdf"
XIAN_AUDIT = SHARED / "national/shaanxi_xian/西安市审计局汇总_2026部门预算.pdf"
CHONGQING = SHARED / "national/chongqing/重庆市人民政府办公厅_2026部门预算情况说明.pdf"
XINFANG_FINAL = SHARED / "national/central/国家信访局_2024部门决算.pdf"
DOCUMENTS = (XINFANG, XIAN_AUDIT, CHONGQING, XINFANG_FINAL)


@pytest.fixture(scope="module")
def records() -> dict:
    from kg.extract.pipeline import extract_file

    missing = [str(p) for p in DOCUMENTS if not p.is_file()]
    if missing:
        pytest.skip(f"shared documents not present: {missing}")
    return {p: extract_file(str(p)) for p in DOCUMENTS}


@pytest.fixture(scope="module")
def ask(records):
    from tests import nlp_support

    store = nlp_support.open_memory_store()
    nlp_support.ingest(store, [records[XINFANG], records[CHONGQING], records[XINFANG_FINAL]])

    def _ask(question: str) -> dict:
        return answer(question, store).to_json()
    return _ask


def _row(record, code: str):
    return next(r for r in record.scoped_functional["general_public_budget"] if r.code == code)


def test_central_rows_keep_both_previous_pairs(records):
    r = records[XINFANG]
    other = _row(r, "2014099")  # 其他信访事务支出 (p.9)
    plain, excluded = other.previous
    assert (plain.amount, plain.kind, plain.year, plain.current) == (
        Decimal("25143.24"), "上年执行数", 2025, Decimal("3623.98"))
    assert (plain.change, plain.percent, plain.excluding) == (Decimal("-21519.26"), Decimal("-85.59"), None)
    assert (excluded.amount, excluded.current, excluded.change, excluded.percent, excluded.excluding) == (
        Decimal("1601.04"), Decimal("3623.98"), Decimal("2022.94"), Decimal("126.35"), "中央基建投资")
    assert other.previous and other.provenance.table == "部门公开表5"
    # 行政单位医疗 (p.10): nothing budgeted in 2026, 218.91 executed in 2025, −100.00%
    medical = _row(r, "2101101").previous[0]
    assert (medical.amount, medical.current, medical.change, medical.percent) == (
        Decimal("218.91"), None, Decimal("-218.91"), Decimal("-100.00"))
    # every row of the table (25) has both pairs; the all-funds table 部门公开表3 prints none
    assert all(len(row.previous) == 2 for row in r.scoped_functional["general_public_budget"])
    assert not any(row.previous for row in r.functional_subjects)


def test_central_previous_checks_hold(records):
    checks = [c for c in records[XINFANG].checks if c.rule in ("previous_year_change", "previous_year_rate")]
    assert len(checks) == 100 and all(c.ok for c in checks)
    where = {c.where: c for c in checks}
    assert where["部门公开表5 2014099 比2025年执行数 增减额"].expected == Decimal("-21519.26")
    assert where["部门公开表5 2014099 比2025年执行数（扣除中央基建投资） 增减(%)"].expected == Decimal("126.35")


def test_a_table_without_previous_columns_gets_none(records):
    r = records[XIAN_AUDIT]
    rows = list(r.functional_subjects) + [x for rows in r.scoped_functional.values() for x in rows]
    assert rows and not any(row.previous for row in rows)


def test_previous_figures_round_trip_and_map(records):
    from kg.extract.deserialize import record_from_json
    from kg.extract.serialize import record_json
    from kg.rdf.mapping import record_to_graph
    from kg.vocabulary.namespaces import BKG

    data = record_json(records[XINFANG])
    row = next(x for x in data["scoped_functional_subjects"]["general_public_budget"] if x["code"] == "2014099")
    assert row["previous"][0] == {"amount": "25143.24", "kind": "上年执行数", "year": 2025, "current": "3623.98",
                                  "change": "-21519.26", "percent": "-85.59"}
    back = record_from_json(data)
    assert back.scoped_functional["general_public_budget"] == records[XINFANG].scoped_functional["general_public_budget"]
    _, graph = record_to_graph(back)
    nodes = set(graph.subjects(predicate=None, object=BKG.PreviousYearFigure))
    assert len(nodes) == 50
    amounts = {(str(graph.value(n, BKG.previousAmount)), str(graph.value(n, BKG.direction)),
                str(graph.value(n, BKG.changeAmount)), graph.value(n, BKG.excludedPart) is not None) for n in nodes}
    assert ("25143.24", "decrease", "21519.26", False) in amounts
    assert ("1601.04", "increase", "2022.94", True) in amounts


def test_ask_a_rows_previous_figure_change_and_growth(ask):
    a = ask("国家信访局其他信访事务支出这一项2026年预算多少？比2025年执行数涨了多少、涨幅多大？")
    text = a["text"]
    assert "3623.98" in text and "25143.24" in text and "21519.26" in text and "85.59%" in text
    assert "1601.04" in text and "2022.94" in text and "126.35%" in text
    formulas = [d["formula"] for d in a["derived"]]
    assert any("3,623.98 − 25,143.24" in f for f in formulas)


def test_ask_the_largest_growth_by_subject(ask):
    a = ask("国家信访局2026年按功能科目看，哪个项级科目比上年执行数增幅最大？")
    first = next(i for i in a["answers"] if i.get("rank") == 1)
    assert "一般行政管理事务" in first["label"]  # 66.44 → 737.29, +1009.71%


def test_chongqing_previous_budget_column(records):
    r = records[CHONGQING]
    office = next(x for x in r.scoped_functional["general_public_budget"] if x.code == "2010302")  # 一般行政管理事务
    (p,) = office.previous
    assert (p.amount, p.kind, p.year, p.current, p.change, p.percent) == (
        Decimal("6027.47"), "上年预算", 2025, Decimal("8220.69"), None, None)
    top = next(x for x in r.scoped_functional["general_public_budget"] if x.code == "201")
    assert top.previous[0].amount == Decimal("12679.50") and top.previous[0].current == Decimal("15146.48")
    assert not [c for c in r.checks if c.rule.startswith("previous_year")]  # no 增减 column printed


def test_ask_a_change_the_table_implies(ask):
    a = ask("重庆市人民政府办公厅一般行政管理事务2026年安排多少？比上年预算增加了多少、增长多少？")
    assert "6027.47" in a["text"] and "2193.22" in a["text"] and "36.39%" in a["text"]
    assert any("8,220.69 − 6,027.47" in d["formula"] for d in a["derived"])


def test_ask_the_largest_fall(ask):
    a = ask("国家信访局2026年哪个项级功能科目比上年执行数减少最多？")
    first = next(i for i in a["answers"] if i.get("rank") == 1)
    assert "其他信访事务支出" in first["label"]  # 25,143.24 → 3,623.98: −21,519.26


def test_final_account_completion_of_one_kind_of_funds(ask):
    a = ask("国家信访局2024年行政运行这一项年初预算和决算数各多少？")
    text = a["text"]
    assert "5717.32" in text and "5757.63" in text and "100.71%" in text and "105.40%" not in text
    assert any("5,757.63 ÷ 5,717.32" in d["formula"] for d in a["derived"])
