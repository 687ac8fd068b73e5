"""结转结余 read whole and answered, on real documents (../shared/realdocs and ../shared/national):

- a 决算's 年初 and 年末 财政拨款结转和结余 from its 财政拨款收入支出决算总表, each beside the all-funds
  figure of 收入支出决算总表 and the non-fiscal rest computed from the two (its provenance says so);
- where a budget's 上年结转 went: the projects whose 绩效目标表 prints a 上年结转 line (国家信访局 2026),
  or — where the income has no money of the unit's own besides the carry-over — the project whose
  其他资金 it must be (福州市民政局本级 2026), said to be an inference;
- a year-end figure against the same year's start (年末比年初), and the whole a carry-over and the
  year's new money make (深圳市财政局 2026).

Values read off the PDFs by hand (page numbers of the PDF). The documents are extracted once per
module and put into one in-memory graph.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from nlp import answer

SHARED = Path(__file__).resolve().parents[2] / "shared"
PUTUO = SHARED / "realdocs/shanghai-putuo/上海市普陀区财政局2024年度部门决算.pdf"
XINFANG_FINAL = SHARED / "national/central/国家信访局_2024部门决算.pdf"
XINFANG_BUDGET = SHARED / "national/central/国家信访局_2026部门预算.pdf"
FUZHOU = SHARED / "national/fujian_fuzhou/福州市民政局本级_2026单位预算.pdf"
SHENZHEN = SHARED / "national/guangdong_shenzhen/深圳市财政局_2026部门预算.pdf"
DOCUMENTS = (PUTUO, XINFANG_FINAL, XINFANG_BUDGET, FUZHOU, SHENZHEN)


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
    nlp_support.ingest(store, list(records.values()))

    def _ask(question: str) -> dict:
        return answer(question, store).to_json()
    return _ask


def test_putuo_final_account_carryover_by_funds(records):
    # 收入支出决算总表 (p.6-7): 年初结转和结余 49.14, 年末结转和结余 55.34;
    # 财政拨款收入支出决算总表 (p.13): 年初 and 年末 财政拨款结转和结余 21.63 (all 一般公共预算)
    t = records[PUTUO].totals
    assert (t.carryover_total, t.carryover_year_end) == (Decimal("49.14"), Decimal("55.34"))
    assert (t.carryover_fiscal, t.carryover_year_end_fiscal) == (Decimal("21.63"), Decimal("21.63"))
    assert (t.carryover_nonfiscal, t.carryover_year_end_nonfiscal) == (Decimal("27.51"), Decimal("33.71"))
    where = t.provenance["carryover_year_end_fiscal"]
    assert (where.table, where.page, where.row) == ("表4", 13, "年末财政拨款结转和结余")
    assert t.provenance["carryover_year_end_nonfiscal"].row == "年末结转和结余（表1）− 年末财政拨款结转和结余"


def test_xinfang_final_account_carryover_by_funds(records):
    # 公开01表 (p.7): 年初 1,615.24, 年末 7,494.06; 公开04表 (p.10): 年初 1,154.62, 年末 6,993.74
    t = records[XINFANG_FINAL].totals
    assert (t.carryover_total, t.carryover_fiscal, t.carryover_nonfiscal) == \
        (Decimal("1615.24"), Decimal("1154.62"), Decimal("460.62"))
    assert (t.carryover_year_end, t.carryover_year_end_fiscal, t.carryover_year_end_nonfiscal) == \
        (Decimal("7494.06"), Decimal("6993.74"), Decimal("500.32"))
    assert t.provenance["carryover_fiscal"].table == "公开04表"


def test_a_budget_has_no_year_end_split(records):
    # a budget's 财政拨款收支总表 prints no 年末 figure: nothing is made up for it
    t = records[SHENZHEN].totals
    assert t.carryover_year_end_fiscal is None and t.carryover_year_end_nonfiscal is None
    assert (t.carryover_total, t.carryover_fiscal) == (Decimal("396.83"), Decimal("396.83"))


def test_year_start_and_end_with_their_fiscal_parts(ask):
    r = ask("普陀区财政局24年决算里，年初和年末的结转结余各多少？其中财政拨款的是多少？非财政的为啥多了？")
    assert "年末财政拨款结转和结余21.63万元" in r["text"]
    assert "年末非财政拨款结转和结余33.71万元" in r["text"] and "27.51" in r["text"]


def test_year_end_against_the_same_years_start(ask):
    r = ask("普陀区财政局2024年末结转结余多少？比年初多了多少？")
    formulas = [d["formula"] for d in r["derived"]]
    assert "年末结转和结余比年初结转结余多 = 55.34 − 49.14 = 6.20万元" in formulas


def test_year_end_against_the_year_before_stays_the_stated_change(ask):
    r = ask("国家信访局24年末结转结余多少，比上年多了多少")
    assert "5878.82" in r["text"] and "比年初" not in r["text"]


def test_projects_carrying_the_carryover_with_their_lines(ask):
    # p.30-31 绩效目标表: 信息化运行维护 2,134.87 = 财政拨款 1,384.87 + 上年结转 750.00; 信访综合保障经费
    # 2,706.79 = 2,616.79 + 90.00; 信访业务培训 上年结转 0.00 (not listed); 收入总表 上年结转 2,254.12
    r = ask("国家信访局2026年哪些一级项目用到了上年结转资金？各多少？")
    assert "其中财政拨款1384.87万元、上年结转750.00万元" in r["text"]
    assert "其中财政拨款2616.79万元、上年结转90.00万元" in r["text"]
    assert "上年结转合计840.00万元" in r["text"] and "2254.12" in r["text"]
    assert "信访业务培训" not in r["text"]


def test_other_funds_read_as_the_carryover_only_where_nothing_else_can_be(ask):
    # 福州市民政局本级 2026: 收入 2,249.92 = 一般公共预算 2,144.92 + 政府性基金 75.00 + 上年结转结余 30.00
    # (p.25), no 单位资金; 绩效目标表 (p.39) 民政系统综合业务管理 180.00 = 财政拨款 150.00 + 其他资金 30.00
    r = ask("福州民政局本级今年的30万上年结转，安排到哪个项目了？那个项目一共多少钱？")
    first, second = r["parts"][0], r["parts"][1]
    assert "用到上年结转的项目共1个" in first["text"] and "民政系统综合业务管理" in first["text"]
    assert "文件未直接写明" in first["text"]
    assert "其中财政拨款150.00万元、其他资金（即上年结转）30.00万元" in first["text"]
    assert "共1个项目" in second["text"] and "180.00万元" in second["text"]


def test_carryover_beside_the_years_new_money(ask):
    # 深圳 收支总表 (p.18): 本年收入 36,989.05 + 上年结余、结转 396.83 = 收入总计 37,385.88
    r = ask("深圳财政局今年有没有用上年结转的钱？多少？本年新拨的财政拨款又是多少？")
    assert "上年结转结余396.83万元" in r["text"]
    # 本年新拨的: the year's own appropriations (深圳 prints no 本年收入 line in 表6: its three added up)
    assert "本年财政拨款收入36989.05万元" in r["text"] and "收入总计37385.88万元" in r["text"]


def test_carryover_counted_in_is_no_filter(ask):
    # 连上年结转的也算: every project, not only the carried ones
    r = ask("国家信访局26年的项目（连上年结转的也算）超过2000万的有哪些")
    assert "用到上年结转的项目" not in r["text"]
