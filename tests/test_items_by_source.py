"""Money read item by item where a table prints it so, and the questions that reach it.

- A project table splitting each project's money by source in columns (广东 表12 部门预算项目支出及其他支出
  预算表: 总计 | 财政拨款 [合计 | 一般公共预算 | 政府性基金预算 | 国有资本经营预算] | 财政专户拨款 | 其他资金):
  each project's funds per printed source (``ProjectFunds``, ``bkg:fundsPart``), and the one source
  paying a project whole as its ``funding_source``.
- A 会议费明细表 / 培训费明细表 (西安): each meeting or training a ``subitem`` of its whole, with 人数.
- A stated change whose subject the line end cuts (杭州 …（款）一般行政管理事 + 务（项）): the subject
  whole, and the figure its item prints after the title as ``current``.
- One economic code printed on two rows (长春 表6 30208 取暖费 / 30208 物业管理费): each row its own
  observations in the graph.

Every figure is read off the PDF (page named beside it)."""
from __future__ import annotations

from decimal import Decimal as D

import pytest

from kg.extract.deserialize import record_from_json
from kg.extract.serialize import record_json
from kg.rdf import iris
from kg.rdf.mapping import record_to_graph
from kg.vocabulary.namespaces import BKG

pytestmark = pytest.mark.shared

GUANGZHOU_STATS = "guangdong_guangzhou/广州市统计局_2026部门预算.pdf"
ZHUHAI_COMMERCE = "guangdong_zhuhai/珠海市商务局_2026部门预算.pdf"
XIAN_AUDIT = "shaanxi_xian/西安市审计局汇总_2026部门预算.pdf"
HANGZHOU_JUSTICE = "zhejiang_hangzhou/杭州市司法局_2026部门预算.pdf"
CHANGCHUN_PETITIONS = "jilin_changchun/长春市信访局本级_2026部门预算.pdf"
STATE_PETITIONS = "central/国家信访局_2026部门预算.pdf"


def _project(record, name):
    return next(p for p in record.projects if p.name == name)


def test_project_money_by_source_guangzhou(national):
    record = national[GUANGZHOU_STATS]
    # p.21 表12: "上级拨入专项调查经费 50.00 0.00 0.00 0.00 0.00 0.00 50.00"
    upper = _project(record, "上级拨入专项调查经费")
    assert (upper.amount, upper.funds.fiscal, upper.funds.general_public_budget, upper.funds.government_fund,
            upper.funds.fiscal_special, upper.funds.other) == (
        D("50.00"), D("0.00"), D("0.00"), D("0.00"), D("0.00"), D("50.00"))
    assert upper.funding_source == "unit_funds"
    # "机构运行辅助经费 86.37 86.37 86.37 0.00 0.00 0.00 0.00": the 一般公共预算's
    running = _project(record, "机构运行辅助经费")
    assert (running.funds.general_public_budget, running.funds.other, running.funding_source) == (
        D("86.37"), D("0.00"), "general_public_budget")
    # the 其他资金 column adds up to the table's 合计 row (50.00)
    assert sum(p.funds.other for p in record.projects if p.funds) == D("50.00")
    assert record_from_json(record_json(record)).projects[2].funds == record.projects[2].funds


def test_project_money_by_source_zhuhai_graph(national):
    record = national[ZHUHAI_COMMERCE]
    # p.26-27 表12: the two 以旧换新 batches are 政府性基金预算 alone (一般公共预算 0.00)
    funds = {p.name: p for p in record.projects if p.funding_source == "government_fund"}
    assert {n: p.funds.government_fund for n, p in funds.items()} == {
        "2025年超长期特别国债支持地方消费品以旧换新资金（第三批）": D("19.10"),
        "2025年超长期特别国债支持地方消费品以旧换新资金（第四批）": D("78.70")}
    assert sum(p.funds.government_fund for p in record.projects if p.funds) == D("97.80")  # 合计 row
    assert sum(p.funds.other for p in record.projects if p.funds) == D("1.64")
    doc, graph = record_to_graph(record)
    parts = [(graph.value(part, BKG.fundingSource), graph.value(part, BKG.amount).toPython())
             for part in graph.subjects(predicate=None, object=BKG.ProjectFunds)
             if graph.value(part, BKG.amount).toPython() == D("78.70")]
    assert (iris.funding_source("government_fund"), D("78.70")) in parts


def test_training_items(national):
    record = national[XIAN_AUDIT]
    # p.18 培训费明细表 (万元; the record is in 元): 序号 | 培训名称 | 时间 | 人数 | 金额
    items = [n for n in record.narrative if n.topic == "subitem" and n.parent == "培训费"]
    assert [(n.label, n.value, n.counts[0].count) for n in items] == [
        ("全市审计机关年度综合培训", D("36500.00"), D("95")),
        ("全市审计干部能力素质提升培训", D("87000.00"), D("120")),
        ("全市经责审计培训", D("26500.00"), D("50")),
        ("审计业务相关知识技能培训", D("60000.00"), D("120"))]
    training = next(n for n in record.narrative if n.topic == "training" and n.key == "total")
    assert sum(n.value for n in items) == training.value == D("210000.00")  # 培训费 21.00万元 (p.17)
    meetings = [n for n in record.narrative if n.topic == "subitem" and n.parent == "会议费"]
    assert [(n.label, n.printed) for n in meetings] == [("全市审计业务会", "2.00")]


def test_change_subject_cut_at_line_end(national):
    record = national[HANGZHOU_JUSTICE]
    by_subject = {c["subject"]: c for c in record.changes}
    # p.7 "（4）公共安全支出（类）司法（款）一般行政管理事" / "务（项）214.07 万元…比上年执行数增加 37.16 万元，增长 21.0%"
    cut = by_subject["公共安全支出（类）司法（款）一般行政管理事务（项）"]
    assert (cut["amount"], cut["percent"], cut["current"]) == ("37.16", "21.0", "214.07")
    # p.9 "（14）…其他司法支出（项）669.61 万元…增加 593.95 万元，增长 785.0%"
    other = by_subject["公共安全支出（类）司法（款）其他司法支出（项）"]
    assert (other["amount"], other["percent"], other["current"]) == ("593.95", "785.0", "669.61")
    # p.11 a subject wrapped over three lines: "（26）社会保障和就业支出（类）行政事业单位养老" / "支出（款）机关…缴费支出（项）"
    assert "社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）" in by_subject
    assert not any(s.endswith("管理事") for s in by_subject)


def test_one_code_on_two_rows_keeps_both(national):
    record = national[CHANGCHUN_PETITIONS]
    # p.11 预算表6: "30208 取暖费 23.37" and "30208 物业管理费 36.18" (the second misprinted for 30209)
    rows = [(e.name, e.total) for e in record.economic_subjects if e.code == "30208"]
    assert rows == [("取暖费", D("23.37")), ("物业管理费", D("36.18"))]
    doc, graph = record_to_graph(record)
    first = iris.inside(doc, "obs", "economic", "30208", "total")
    second = iris.inside(doc, "obs", "economic", "30208~2", "total")
    assert [x.toPython() for x in graph.objects(first, BKG.amount)] == [D("23.37")]
    assert [x.toPython() for x in graph.objects(second, BKG.amount)] == [D("36.18")]


def _text(reply: dict) -> str:
    return reply["text"]


def test_ask_projects_by_source(ask_national):
    reply = ask_national("珠海商务局有哪些项目用的是政府性基金？")
    assert "第三批" in _text(reply) and "第四批" in _text(reply) and "97.80" in _text(reply)
    assert "港珠澳" not in _text(reply)
    reply = ask_national("广州统计局哪些项目不是财政拨款安排的？")
    assert "上级拨入专项调查经费" in _text(reply) and "50.00" in _text(reply)


def test_ask_training_items(ask_national):
    reply = ask_national("西安审计局今年哪场培训最贵？")
    assert "全市审计干部能力素质提升培训8.70万元" in _text(reply) and "21.00" in _text(reply)
    reply = ask_national("西安审计局的几期培训里最便宜的是哪期？")
    assert "全市经责审计培训2.65万元" in _text(reply)


def test_ask_subjects_ranked_by_stated_change(ask_national):
    reply = ask_national("杭州司法局2026年涨幅最大的两个项级科目是哪两个？")
    text = _text(reply)
    assert text.index("其他司法支出") < text.index("监狱（款）一般行政管理事务") and "785" in text
    assert "所政设施建设" not in text


def test_ask_public_expenses_with_one_code_twice(ask_national):
    reply = ask_national("长春信访局26年公用经费里最多的三项是什么？")
    text = _text(reply)
    assert "其他交通费用54.08" in text and "物业管理费36.18" in text and "办公费34.82" in text


def test_change_whose_figure_clause_is_misprinted(national):
    record = national[STATE_PETITIONS]
    # p.19 "…项级支出科目为 2014099 其他信访事务支出，2026年预算数3,623.98为万元，比2025年执行减少21,519.26
    # 万元，减少 85.59%": the subject the sentence named, never the clause with the misplaced unit
    change = next(c for c in record.changes if c.get("amount") == "21519.26")
    assert (change["subject"], change["percent"], change["direction"]) == ("其他信访事务支出", "85.59", "decrease")
    assert not any("为万元" in (c["subject"] or "") for c in record.changes)


@pytest.mark.parametrize("path", [GUANGZHOU_STATS, ZHUHAI_COMMERCE, HANGZHOU_JUSTICE, CHANGCHUN_PETITIONS])
def test_project_sources_add_up_to_the_project(national, path):
    """Each project's printed sources (the narrowest columns: 一般公共预算, 政府性基金, 国有资本经营, 财政专户,
    结转, 其他/单位资金) add up to its 合计, in every project table printed by source."""
    funded = [p for p in national[path].projects if p.funds is not None]
    assert funded
    for p in funded:
        parts = [getattr(p.funds, k) for k in ("general_public_budget", "government_fund", "state_capital",
                                                "fiscal_special", "carryover", "other")]
        assert sum(x for x in parts if x is not None) == p.amount, p.name


def test_carryover_columns_under_their_heading(national):
    # p.14 预算表9: 本年财政拨款 [一般公共预算 | …] | 财政拨款结转 [一般公共预算 | …] | 财政专户管理资金 | 单位资金;
    # "2026驻京经费 … 312.00 312.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00"
    station = _project(national[CHANGCHUN_PETITIONS], "2026驻京经费")
    assert (station.funds.general_public_budget, station.funds.carryover, station.funds.other) == (
        D("312.00"), D("0.00"), D("0.00"))


def test_change_of_a_count_is_no_change(national):
    record = national["shaanxi_xian/西安市卫生健康委员会汇总_2022部门决算.pdf"]
    # p.33-34 "采血总量84.71吨，比上年增长0.91%": a count, not money; neither a garbage subject nor the project's
    assert not any(c.get("percent") == "0.91" for c in record.changes)
