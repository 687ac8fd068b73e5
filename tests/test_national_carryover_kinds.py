"""上年结转结余 by the kind of funds, and project money by source against the department's.

Values read by hand off the PDFs of ``../shared/national``:

* 北京市财政局 2026 预算04表 财政拨款收支总表 (p.8): ``上年结转结余 12.717412`` over
  ``一、一般公共预算拨款 12.717412``, ``二、政府性基金预算拨款`` and ``三、国有资本经营预算拨款`` printed blank;
  预算01表 prints the carry-over as one line (12.717412).
* 国家信访局 2024 决算 公开04表 (p.10): ``年初财政拨款结转和结余 28 1,154.62`` over ``一般公共预算财政拨款
  29 1,154.62``, ``政府性基金预算财政拨款 30`` and ``国有资本经营预算财政拨款 31`` blank.
* 珠海市商务局 2026: 表1 ``一、预算拨款 46,402.33``, 表4 ``二、政府性基金预算 0.00``, 表9 政府性基金预算支出
  ``合计 0.00`` (本表本年无发生额), 表1 ``上年结转结余 19,904.01`` (not split by kind); 表12 prints two
  projects paid from 政府性基金预算: ``2025年超长期特别国债支持地方消费品以旧换新资金（第三批） 19.10`` and
  ``（第四批） 78.70`` — 97.80 together, its 合计 row ``58,788.54 58,786.90 58,689.10 97.80``.
* 深圳市财政局 2026 表6 财政拨款收支总表 (pp.29–30): ``上年结余、结转 396.83`` over ``1.一般公共预算拨款结余、结转
  396.83``, ``2.政府性基金预算拨款结余、结转 0.00``, ``3.国有资本经营预算拨款结余、结转 0.00``.
* 苏州市审计局 2026 说明 (pp.24–25): ``上年结转结余的一般公共预算收入 0 万元`` … ``上年结转结余的单位资金 0 万元``.
* 西安市卫生健康委员会（汇总）2022 决算 公开04表 (p.153): ``年初结转和结余 28 58,926.37`` over
  ``一般公共预算财政拨款 29 95.39``, ``政府性基金预算财政拨款 30 58,830.98``, ``国有资本经营预算财政拨款 31``
  blank (the 说明 七 states 政府性基金预算财政拨款年初结转和结余58,830.98万元 too).
"""
from __future__ import annotations

from decimal import Decimal

import pytest

from kg.extract.model import CARRYOVER_BY_SOURCE
from tests.national_support import documents_named

pytestmark = pytest.mark.shared

D = Decimal
FILES = {"beijing": "beijing/北京市财政局_2026部门预算_附件2报表.pdf",
         "central": "central/国家信访局_2024部门决算.pdf",
         "zhuhai": "guangdong_zhuhai/珠海市商务局_2026部门预算.pdf",
         "shenzhen": "guangdong_shenzhen/深圳市财政局_2026部门预算.pdf",
         "suzhou": "jiangsu_suzhou/苏州市审计局_2026部门预算.pdf",
         "xian_health": "shaanxi_xian/西安市卫生健康委员会汇总_2022部门决算.pdf"}


@pytest.fixture(scope="module")
def records(national) -> dict:
    """The documents named, each read alone, from the session's one extraction of ../shared/national."""
    return documents_named(national, FILES)


def test_beijing_carryover_by_kind_from_the_fiscal_summary(records) -> None:
    t = records["beijing"].totals
    assert t.carryover_total == D("12.717412")
    assert t.carryover_general_public_budget == D("12.717412")  # six decimals kept
    assert t.carryover_government_fund is None and t.carryover_state_capital is None  # printed blank
    where = t.provenance["carryover_general_public_budget"]
    assert (where.table, where.page, where.row) == ("预算04表", 8, "一、一般公共预算拨款")


def test_final_account_year_start_fiscal_carryover_by_kind(records) -> None:
    t = records["central"].totals
    assert (t.carryover_total, t.carryover_fiscal) == (D("1615.24"), D("1154.62"))
    assert t.carryover_general_public_budget == D("1154.62")
    assert t.carryover_government_fund is None and t.carryover_state_capital is None
    where = t.provenance["carryover_general_public_budget"]
    assert (where.table, where.page, where.row) == ("公开04表", 10, "一般公共预算财政拨款")


def test_shenzhen_kinds_named_before_the_carryover_words(records) -> None:
    t = records["shenzhen"].totals
    assert (t.carryover_general_public_budget, t.carryover_government_fund, t.carryover_state_capital) == \
        (D("396.83"), D("0.00"), D("0.00"))
    assert t.provenance["carryover_government_fund"].row == "2.政府性基金预算拨款结余、结转"


def test_suzhou_carryover_by_kind_from_the_narrative(records) -> None:
    t = records["suzhou"].totals
    assert all(getattr(t, key) == D("0") for key in CARRYOVER_BY_SOURCE.values())
    where = t.provenance["carryover_unit_funds"]
    assert (where.table, where.row) == ("说明", "上年结转结余的单位资金0万元")


def test_xian_health_final_account_government_fund_carried(records) -> None:
    t = records["xian_health"].totals
    assert t.carryover_fiscal == D("58926.37")
    assert (t.carryover_general_public_budget, t.carryover_government_fund) == (D("95.39"), D("58830.98"))
    assert t.carryover_state_capital is None
    assert t.carryover_general_public_budget + t.carryover_government_fund == t.carryover_fiscal


def test_no_carryover_by_kind_where_none_is_printed(records) -> None:
    t = records["zhuhai"].totals
    assert t.carryover_total == D("19904.01")
    assert all(getattr(t, key) is None for key in CARRYOVER_BY_SOURCE.values())


def test_zhuhai_government_fund_projects_against_its_income(records) -> None:
    """Both printed figures stand: 政府性基金 0.00 this year, 97.80 of projects paid from it — a
    notice, since the unsplit 上年结转结余 (19,904.01) can hold that money."""
    record = records["zhuhai"]
    assert record.totals.government_fund == D("0.00")
    assert record.totals.provenance["government_fund"].table == "表4"
    paid = {p.name: p.funds.government_fund for p in record.projects
            if p.funds is not None and p.funds.government_fund}
    assert sorted(paid.values()) == [D("19.10"), D("78.70")]
    found = {c.where: c for c in record.checks if c.rule == "project_sources_within_income"}
    fund = found["项目政府性基金预算合计 ≤ 部门政府性基金预算收入"]
    assert (fund.expected, fund.printed, fund.ok, fund.severity) == (D("0.00"), D("97.80"), False, "notice")
    assert "97.80" in fund.note and "0.00" in fund.note and "19,904.01" in fund.note
    assert found["项目国有资本经营预算合计 ≤ 部门国有资本经营预算收入"].ok


def test_carryover_by_kind_in_the_graph_and_questions(records) -> None:
    from nlp import answer
    from tests import nlp_support

    store = nlp_support.open_memory_store()
    nlp_support.ingest(store, [records["beijing"], records["central"], records["zhuhai"]])
    rows = store.query("""PREFIX bkg: <https://budgetkg.org/ontology#>
        SELECT ?amount WHERE { ?o bkg:item ?i ; bkg:amount ?amount . ?i bkg:sourceKey "carryover_general_public_budget" }""")
    assert sorted(D(str(r["amount"])) for r in rows.dicts()) == [D("12.717412"), D("1154.62")]
    reply = answer("北京市财政局上年结转里一般公共预算拨款多少", store).to_json()
    assert "12.72" in reply["text"], reply["text"]
    reply = answer("国家信访局年初结转和结余中的一般公共预算财政拨款是多少", store).to_json()
    assert "1154.62" in reply["text"].replace(",", ""), reply["text"]
    # a kind the split leaves blank: said so, never another figure in its place
    reply = answer("北京市财政局上年结转里政府性基金多少", store).to_json()
    assert "未列示金额" in reply["text"] and "12.72" not in reply["text"], reply["text"]
    # no split printed at all (珠海 表1 上年结转结余 19,904.01 only): the whole, said to be so
    reply = answer("珠海市商务局上年结转里政府性基金多少", store).to_json()
    assert "文件未单列" in reply["text"] and "19904.01" in reply["text"].replace(",", ""), reply["text"]
    # the kinds named after the carry-over they are inside: each kind's carry-over
    reply = answer("国家信访局2024年结转里一般公共预算和政府性基金各多少", store).to_json()
    assert "1154.62" in reply["text"].replace(",", "") and "未列示金额" in reply["text"], reply["text"]
