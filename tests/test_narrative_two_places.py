"""A figure or count the document prints in two places, compared: the 说明's 一般公共预算当年拨款 against
the tables' 一般公共预算 of the year (``kg.extract.narrative.audit.appropriation_checks``), and the
vehicles the 三公 chapter says are bought against the asset chapter's planned purchases
(``kg.extract.narrative.vehicle_counts``); and the audit answers that reach them.

Figures read off the PDFs (pdfium text of the page):
* 杭州市司法局 2026 部门预算 — p.5 说明二（二） 一般公共预算拨款收入91,495.48万元、上年结转结余347.32万元;
  p.6 说明二（五） ``2026年一般公共预算当年拨款91,842.80万元``; p.14 说明二（七） ``公务用车购置支出151.68万元
  …主要用于经批准购置的5辆公务用车``; p.15 说明二（十） ``2026年部门预算安排购置车辆6辆``.
* 国家信访局 2026 部门预算 — p.18 说明四 ``一般公共预算当年拨款收入16,474.82万元``, 部门公开表1 16,474.82: agrees.
* 泉州市公安局 2026 部门预算 — p.52 部门整体支出绩效目标表 资金总额81562.56、基本支出52047.74; p.20 表1
  支出 81,206.56, 基本支出 51,691.74 (the check ``same_figure`` of ``kg.extract.narrative.performance``).
"""
from __future__ import annotations

from decimal import Decimal

import pytest

from tests.national_support import documents_named

D = Decimal
pytestmark = pytest.mark.shared

HANGZHOU = "national/zhejiang_hangzhou/杭州市司法局_2026部门预算.pdf"
PETITIONS = "national/central/国家信访局_2026部门预算.pdf"
QUANZHOU = "national/fujian_quanzhou/泉州市公安局_2026部门预算.pdf"


@pytest.fixture(scope="module")
def records(national):
    """The three documents, from the session's one extraction of ../shared/national."""
    return documents_named(national, {name: name.removeprefix("national/") for name in (HANGZHOU, PETITIONS, QUANZHOU)})


def _appropriation(record) -> list[tuple[str, bool, str | None, Decimal, Decimal]]:
    from kg.extract.rules import grade

    return [(c.where, c.ok, grade(c), c.expected, c.printed) for c in record.checks
            if c.rule == "same_figure" and "当年" in c.where and "一般公共预算拨款收入" in c.where]


def test_this_years_grant_that_adds_the_carry_over(records) -> None:
    assert _appropriation(records[HANGZHOU]) == [
        ("说明二（五） 一般公共预算当年拨款 vs 表1 一般公共预算拨款收入", False, "material", D("91495.48"), D("91842.80"))]
    check = next(c for c in records[HANGZHOU].checks if c.where.startswith("说明二（五） 一般公共预算当年拨款 vs"))
    assert "91,842.80 = 91495.48 + 上年结转347.32" in check.note
    assert (check.provenance.page, check.provenance.table) == (6, "说明二（五）")


def test_this_years_grant_that_agrees(records) -> None:
    assert _appropriation(records[PETITIONS]) == [
        ("说明四 一般公共预算当年拨款收入 vs 部门公开表1 一般公共预算拨款收入", True, "ok", D("16474.82"), D("16474.82"))]


def test_vehicles_bought_said_twice(records) -> None:
    found = [(c.where, c.ok, c.severity, c.expected, c.printed, c.unit) for c in records[HANGZHOU].checks
             if c.rule == "vehicle_count"]
    assert found == [("说明二（七） 公务用车购置辆数 vs 说明二（十） 购置车辆", False, "material", D("6"), D("5"), "辆")]
    assert [c for c in records[PETITIONS].checks if c.rule == "vehicle_count"] == []  # no 三公 purchase count


@pytest.fixture(scope="module")
def ask_hangzhou(records):
    from nlp import answer
    from tests import nlp_support

    store = nlp_support.open_memory_store()
    nlp_support.ingest(store, [records[HANGZHOU]])
    return lambda q: answer(q, store).to_json()


def test_question_on_the_grant_gets_both_figures(ask_hangzhou) -> None:
    reply = ask_hangzhou("杭州市司法局说明里“一般公共预算当年拨款91,842.80万元”这个数对吗？")
    assert reply["intent"] == "audit"
    found = next(a for a in reply["answers"] if a.get("figure") == "一般公共预算当年拨款")
    assert (found["printed"], found["expected"]) == ("91842.80", "91495.48")
    assert "上年结转347.32" in reply["text"] and "相差347.32万元" in reply["text"]


def test_question_on_the_vehicles_gets_both_places(ask_hangzhou) -> None:
    reply = ask_hangzhou("杭州市司法局预算说明里，今年要买几辆车？前后说法一致吗？")
    found = next(a for a in reply["answers"] if a.get("rule") == "vehicle_count")
    assert (found["printed"], found["expected"]) == ("5辆", "6辆")
    assert "写5辆" in reply["text"] and "写6辆" in reply["text"] and "前后不一致" in reply["text"]


@pytest.fixture(scope="module")
def ask_quanzhou(records):
    from nlp import answer
    from tests import nlp_support

    store = nlp_support.open_memory_store()
    nlp_support.ingest(store, [records[QUANZHOU]])
    return lambda q: answer(q, store).to_json()


def test_question_naming_a_table_in_its_own_words_gets_its_findings(ask_quanzhou) -> None:
    # 部门整体支出绩效目标表 as the question says it, 部门整体绩效目标表 as the finding names it
    reply = ask_quanzhou("泉州市公安局部门整体支出绩效目标表里的资金总额，和部门预算总表对得上吗？")
    found = {a["figure"]: (a["printed"], a["expected"]) for a in reply["answers"]}
    assert found == {"部门整体绩效目标表资金总额": ("81562.56", "81206.56"),
                     "部门整体绩效目标表基本支出": ("52047.74", "51691.74")}
    assert "相差356.00万元" in reply["text"]


def test_fiscal_total_finding_names_the_parts_of_the_table_total(records) -> None:
    # p.9 部门公开表4: 收入总计 18,728.94 = 本年收入合计 16,474.82 + 上年结转 2,254.12
    check = next(c for c in records[PETITIONS].checks if c.where.startswith("说明四 财政拨款收支总预算 vs"))
    assert (check.expected, check.printed) == (D("18728.94"), D("18728.91"))
    assert check.note.endswith("（其中本年收入合计16474.82、上年结转2254.12）")
