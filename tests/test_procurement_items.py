"""Tables the disclosures print that no question reached (issue 9, "every fact askable"):

- the 政府采购 table item by item (``procurement_items``): 苏州/无锡 公开13表 政府采购支出表 with its money by
  source, 江苏 公开12表 政府采购支出预算表 with its 专项 printed once above its purchases, 西安 表12 政府采购（资产
  配置、购买服务）预算表 in 元 with its 全额 and unit subtotals; each purchase a ``bkg:Purchase`` with its sources
  as ``bkg:fundsPart``, reached by questions naming it, listing the purchases, or a topic's projects;
- the 会议费 / 培训费 columns a 三公 table prints beside the 三公 (江苏 公开09表, 西安 表13), answered for
  会议费 / 培训费 in place of the economic subject 30215 / 30216 of another table.

Every figure is read off the PDFs themselves (page and line of ``pdftotext -layout`` named beside it)."""
from __future__ import annotations

from decimal import Decimal as D

import pytest

from kg.extract.deserialize import record_from_json
from kg.extract.serialize import record_json

pytestmark = pytest.mark.shared

WATER = ("national", "jiangsu_suzhou", "苏州市水务局_2026单位预算.pdf")
COURT = ("realdocs", "jiangsu", "江苏省高级人民法院", "江苏省高级人民法院2019年度部门预算公开.pdf")
XIAN_AUDIT = ("national", "shaanxi_xian", "西安市审计局汇总_2026部门预算.pdf")
BEIJING = ("national", "beijing")


@pytest.fixture(scope="module")
def records(shared_dir) -> dict:
    from kg.extract.pipeline import extract_paths

    out = {}
    for parts in (WATER, COURT, XIAN_AUDIT, BEIJING):
        path = shared_dir.joinpath(*parts)
        if not path.exists():
            pytest.skip(f"{path} not present")
        found, failures = extract_paths([str(path)])
        assert failures == [] and len(found) == 1
        out[parts[-1]] = found[0]
    return out


@pytest.fixture(scope="module")
def ask(records):
    from nlp import answer
    from tests import nlp_support

    store = nlp_support.open_memory_store()
    nlp_support.ingest(store, list(records.values()))
    return lambda question: answer(question, store).to_json()


def test_suzhou_purchases_with_sources(records):
    # p.26 公开13表 政府采购支出表 (万元): "合计 8,940.28 13,000.00 21,940.28"; "城区污水处理运营服务费 其他商品和服
    # 务支出 其他水利管理服务 分散采购 8,290.00 13,000.00 21,290.00" (一般公共预算资金 | 政府性基金 | 总计); 13 purchases
    rec = records[WATER[-1]]
    items = rec.procurement_items
    assert items.total == D("21940.28") and len(items.rows) == 13
    sewage = next(r for r in items.rows if r.project == "城区污水处理运营服务费")
    assert sewage.amount == D("21290.00") and sewage.item == "其他水利管理服务" and sewage.method == "分散采购"
    assert (sewage.funds.general_public_budget, sewage.funds.government_fund) == (D("8290.00"), D("13000.00"))
    assert sewage.category == "服务" and sewage.unit == "苏州市水务局"
    assert (sewage.provenance.page, sewage.provenance.table) == (26, "公开13表")
    # p.27: the table goes on over the page ("专项工作经费 … 其他咨询服务 分散采购 19.40")
    assert any(r.project == "专项工作经费" and r.amount == D("19.40") and r.provenance.page == 27 for r in items.rows)
    check = next(c for c in rec.checks if c.where == "公开13表 政府采购 合计 = Σ 采购项目")
    assert (check.expected, check.printed, check.ok) == (D("21940.28"), D("21940.28"), True)
    assert record_from_json(record_json(rec)).procurement_items == items


def test_court_purchases_under_their_project(records):
    # p.16 公开12表 政府采购支出预算表: "合计 5,227.59"; "信息网络建设费 信息网络及软件购置更新 966.50" then its
    # purchases printing only 品目 | 组织形式 | 总计 ("PC 服务器 政府集中采购 68.00"); "二、工程 B 530.00 …修缮工程
    # 部门集中采购 530.00"; p.17 "物业管理服务 分散自行组织 36.00" and the next row "部门集中采购 430.00"
    items = records[COURT[-1]].procurement_items
    assert items.total == D("5227.59") and len(items.rows) == 32
    assert sum(r.amount for r in items.rows) == D("5227.59")
    server = items.rows[0]
    assert (server.project, server.item, server.amount, server.category, server.method) == \
        ("信息网络建设费", "PC服务器", D("68.00"), "货物", "政府集中采购")
    works = [r for r in items.rows if r.category == "工程"]
    assert [(r.item, r.amount) for r in works] == [("修缮工程", D("530.00"))]
    both = [(r.method, r.amount) for r in items.rows if r.project == "物业管理费" and r.item == "物业管理服务"]
    assert both == [("分散自行组织", D("36.00")), ("部门集中采购", D("430.00"))]


def test_xian_purchases_in_yuan(records):
    # p.34 表12 (单位：元): "合计 … 4,020,000.00"; "201 08 04 购买中介机构审计服务 C19990000其他专业技术服务 … 3,500,000.00"
    rec = records[XIAN_AUDIT[-1]]
    items = rec.procurement_items
    assert rec.unit == "元" and items.total == D("4020000.00") and len(items.rows) == 3
    audit = next(r for r in items.rows if r.project == "购买中介机构审计服务")
    assert audit.amount == D("3500000.00") and audit.item == "C19990000其他专业技术服务"
    assert audit.category == "服务" and audit.functional_code == "2010804"


def test_a_table_by_category_only_gives_no_items(records):
    # 北京 预算10表 政府采购预算明细表 prints 采购类别 | 金额 only (A-货物 716.974000, C-服务 12,231.513100)
    rec = records[BEIJING[-1]]
    assert rec.procurement_items is None and rec.totals.procurement.total == D("12948.487100")


def test_three_public_table_meetings_and_training(records):
    # 高院 p.14 公开09表: 三公经费 小计 513.75 | 会议费 271.02 | 培训费 1,597.25 | 合计 2,382.02
    tp = records[COURT[-1]].totals.three_public
    assert (tp.total, tp.meetings, tp.training, tp.with_meetings_training) == \
        (D("513.75"), D("271.02"), D("1597.25"), D("2382.02"))
    # 西安市审计局 p.35 表13 (元), 当年: 合计 332,000.00 | 小计 102,000.00 | 会议费 20,000.00 | 培训费 210,000.00
    xian = records[XIAN_AUDIT[-1]].totals.three_public
    assert (xian.total, xian.meetings, xian.training, xian.with_meetings_training) == \
        (D("102000.00"), D("20000.00"), D("210000.00"), D("332000.00"))
    out = record_json(records[COURT[-1]])["totals"]["three_public"]
    assert out["meetings"] == "271.02" and out["with_meetings_training"] == "2382.02"
    # a 三公 table without those columns writes none of the keys (北京 预算09表)
    assert "meetings" not in record_json(records[BEIJING[-1]])["totals"]["three_public"]


def test_questions_reach_purchases(ask):
    named = ask("城区污水处理运营服务费多少钱，一般公共预算和政府性基金各出多少")
    assert "城区污水处理运营服务费（其他水利管理服务，分散采购）21290.00万元" in named["text"]
    assert "一般公共预算8290.00万元" in named["text"] and "政府性基金预算13000.00万元" in named["text"]
    listed = ask("苏州市水务局政府采购有哪些项目")
    assert "采购项目13项，合计21940.28万元" in listed["text"]
    bound = ask("苏州市水务局哪些政府采购超过100万元")
    assert "3项，合计21743.82万元" in bound["text"] and "伙食经费" not in bound["text"]
    topic = ask("苏州市水务局跟污水处理有关的项目有哪些")
    assert "城区污水处理运营服务费" in topic["text"] and "政府采购" in topic["text"]
    # the procurement's own totals stay the figures'
    totals = ask("苏州市水务局政府采购货物和服务各多少")
    assert "政府采购货物6.88万元" in totals["text"] and "采购项目" not in totals["text"]


def test_questions_reach_three_public_columns(ask):
    meetings = ask("江苏省高级人民法院2019年会议费多少")
    assert "会议费271.02万元（“三公”经费表公开09表所列）" in meetings["text"] and "111.30" not in meetings["text"]
    training = ask("江苏省高级人民法院2019年培训费是多少")
    assert "培训费1597.25万元" in training["text"] and "41.37" not in training["text"]
    together = ask("江苏省高级人民法院三公经费和会议费、培训费一共多少")
    assert "“三公”经费、会议费、培训费合计2382.02万元" in together["text"]
    # 北京's 三公 table prints no 会议费: its economic subject answers, as before
    beijing = ask("北京市财政局会议费多少")
    assert "三公”经费表" not in beijing["text"]
