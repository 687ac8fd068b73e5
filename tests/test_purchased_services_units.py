"""Tables the extraction did not read into facts (issue 10 / issue 9): the 政府购买服务 table (北京 预算11表
财政拨款政府购买服务明细表) as ``purchased_services`` with the 指导性目录 class of every service, and the
基本支出 / 项目支出 tables printed by unit (广东 表11 部门预算基本支出预算表, 表12 部门预算项目支出及其他支出
预算表) as ``unit_expenditure`` rows of those kinds; each mapped to the graph and reached by questions.

Every figure is read off the PDFs themselves (page and line of the text extraction named beside it).
Only the documents concerned are read (北京's two files, 广州, 珠海, 湖州), once per module."""
from __future__ import annotations

from decimal import Decimal as D

import pytest

from kg.extract.deserialize import record_from_json
from kg.extract.serialize import record_json

pytestmark = pytest.mark.shared

BEIJING = "beijing"
GUANGZHOU = "guangdong_guangzhou"
ZHUHAI = "guangdong_zhuhai"
HUZHOU = "zhejiang_huzhou"


@pytest.fixture(scope="module")
def records(shared_dir) -> dict:
    """北京 (its 情况说明 and 报表 combined into one budget), 广州, 珠海 and 湖州, by folder."""
    from kg.extract.pipeline import extract_paths

    out = {}
    for folder in (BEIJING, GUANGZHOU, ZHUHAI, HUZHOU):
        path = shared_dir / "national" / folder
        if not path.is_dir():
            pytest.skip(f"{path} not present")
        found, failures = extract_paths([str(path)])
        assert failures == [] and len(found) == 1
        out[folder] = found[0]
    return out


@pytest.fixture(scope="module")
def ask(records):
    from nlp import answer
    from tests import nlp_support

    store = nlp_support.open_memory_store()
    nlp_support.ingest(store, list(records.values()))
    return lambda question: answer(question, store).to_json()


def test_beijing_purchased_services(records):
    # 附件2 p.16 预算11表 财政拨款政府购买服务明细表 (万元, six decimals): line 272 "合计 9,725.394000",
    # line 273 "01-公共服务 0115-公共信息与宣传服务 公共信息系统开发与维护服务 4,869.261500", line 280
    # "02-政府履职辅助性服务 0203-会计审计服务 会计服务 636.264000", line 288 "… 0212-其他辅助性服务 档案管理服务
    # 48.000000"; 16 services in all
    services = records[BEIJING].purchased_services
    assert services.total == D("9725.394000")
    assert (services.provenance.page, services.provenance.line, services.provenance.table) == (16, 272, "预算11表")
    assert len(services.rows) == 16
    first = services.rows[0]
    assert (first.name, first.amount, first.classes) == (
        "公共信息系统开发与维护服务", D("4869.261500"), [("01", "公共服务"), ("0115", "公共信息与宣传服务")])
    assert first.category == "公共服务"
    accounting = next(r for r in services.rows if r.name == "会计服务")
    assert (accounting.amount, accounting.classes[1], accounting.provenance.line) == (
        D("636.264000"), ("0203", "会计审计服务"), 280)
    assert (services.rows[-1].name, services.rows[-1].amount) == ("档案管理服务", D("48.000000"))
    # 公共服务's five rows 4,869.2615 + 128.04 + 205.58 + 20 + 1,469.271 and the rest add up to the 合计
    public = [r.amount for r in services.rows if r.category == "公共服务"]
    assert sum(public) == D("6692.152500")
    assert sum(r.amount for r in services.rows) == services.total
    check = next(c for c in records[BEIJING].checks if c.where == "预算11表 合计")
    assert (check.rule, check.ok, check.printed) == ("children_sum", True, D("9725.394000"))
    back = record_from_json(record_json(records[BEIJING]))
    assert back.purchased_services == services


def test_guangzhou_basic_and_project_by_unit(records):
    # p.20 表11 部门预算基本支出预算表: line 334 "合计 8,401.67", 335 "广州市统计局（本级） 5,673.23", 340
    # "广州市统计普查中心 1,373.74" (its four rows 1,155.76 + 102.93 + 111.04 + 4.00 = 1,373.73), 345
    # "广州市统计监测中心（广州市统计发展中心） 1,354.71"; p.21–22 表12: line 358 "广州市统计局 1,075.05",
    # line 369 "广州市统计监测中心（广州市统计发展中心） 7.00"
    rec = records[GUANGZHOU]
    rows = [(u.name, u.own, u.kinds, u.provenance.table, u.provenance.line) for u in rec.unit_expenditure]
    assert rows == [
        ("广州市统计局", True, {"project": D("1075.05")}, "表12", 358),
        ("广州市统计监测中心（广州市统计发展中心）", False, {"project": D("7.00")}, "表12", 369),
        ("广州市统计局（本级）", True, {"basic": D("5673.23")}, "表11", 335),
        ("广州市统计普查中心", False, {"basic": D("1373.74")}, "表11", 340),
        ("广州市统计监测中心（广州市统计发展中心）", False, {"basic": D("1354.71")}, "表11", 345)]
    checks = {c.where: c for c in rec.checks if c.where.startswith(("表11", "表12"))}
    # the printed rounding is a finding of the document, not corrected
    assert (checks["表11 广州市统计普查中心"].expected, checks["表11 广州市统计普查中心"].printed) == (
        D("1373.73"), D("1373.74"))
    assert checks["表11 广州市统计普查中心"].severity == "rounding"
    assert (checks["表11 合计"].expected, checks["表11 合计"].printed) == (D("8401.68"), D("8401.67"))
    assert checks["表12 合计"].ok and checks["表12 广州市统计局"].ok
    # each table's 合计 is the department's figure (表3: 基本支出 8,401.67, 项目支出 1,082.05)
    same = {c.where: (c.expected, c.printed, c.ok) for c in rec.checks if c.rule == "same_figure"}
    assert same["表11 合计 vs 表3 基本支出"] == (D("8401.67"), D("8401.67"), True)
    assert same["表12 合计 vs 表3 项目支出"] == (D("1082.05"), D("1082.05"), True)
    back = record_from_json(record_json(rec))
    assert back.unit_expenditure == rec.unit_expenditure


def test_zhuhai_basic_by_unit(records):
    # p.21 表11: line "合计 7,519.44", "珠海市商务局 6,258.73", "珠海市贸易服务中心 1,069.53",
    # "珠海市会议展览局 191.17" (their economic rows 工资和福利支出 … below each)
    basic = [(u.name, u.kinds["basic"]) for u in records[ZHUHAI].unit_expenditure if "basic" in u.kinds]
    assert basic == [("珠海市商务局", D("6258.73")), ("珠海市贸易服务中心", D("1069.53")),
                     ("珠海市会议展览局", D("191.17"))]
    assert sum(b for _, b in basic) == D("7519.43")


def test_unit_column_beside_project_column_is_no_unit_row(records):
    # 湖州 p.31 表10 2026年市级部门项目支出预算表 prints 单位名称 | 项目名称 | 总计 …: every row names its unit
    # beside its project (line 587 "湖州市财政局 全市会计人员考培 187.00"); no row is a unit's total
    assert records[HUZHOU].unit_expenditure == []
    assert not any(c.where.startswith("表10 ") and c.rule == "children_sum" and c.where != "表10 合计"
                   for c in records[HUZHOU].checks)


def test_questions_reach_purchased_services(ask):
    reply = ask("北京市财政局政府购买服务预算多少？按类别分别多少")
    assert "政府购买服务9725.39万元" in reply["text"]
    assert "公共服务6692.15万元" in reply["text"] and "政府履职辅助性服务3033.24万元" in reply["text"]
    assert "与合计一致" in reply["text"]
    single = ask("北京市财政局政府购买服务按类别分别多少")
    assert "公共服务6692.15万元" in single["text"]
    inside = ask("北京市财政局政府购买服务多少？里面会计服务多少")
    assert "会计服务636.26万元" in inside["text"]
    # ranked by the rows the table prints (4,869.2615 ÷ 9,725.394 = 50.07%), then the Nth of that ranking
    top = ask("北京财政局26年花钱买的政府购买服务里，金额最大的三类是什么？各多少？")
    assert "第1：公共信息系统开发与维护服务4869.26万元（公共服务），占50.07%" in top["text"]
    assert "第3：评估和评价服务959.63万元" in top["text"] and "第4" not in top["text"]
    nth = ask("北京市财政局26年政府购买服务里，哪一类服务花钱最多？第二、第三是什么？")
    assert "行业职业资格准入和水平评价管理服务1469.27万元" in nth["text"] and "评估和评价服务959.63万元" in nth["text"]


def test_questions_reach_units_by_kind(ask):
    basic = ask("广州市统计局下属各单位基本支出分别是多少")
    assert "广州市统计普查中心1373.74万元" in basic["text"]
    assert "广州市统计局（本级）5673.23万元" in basic["text"]
    assert "广州市统计监测中心（广州市统计发展中心）1354.71万元" in basic["text"]
    project = ask("广州市统计局各单位项目支出分别是多少")
    assert "广州市统计监测中心（广州市统计发展中心）7.00万元" in project["text"]
    # 支出总计 by unit is not printed in 表11/表12: the income table by unit answers it (表2, line 127)
    total = ask("广州市统计局下属各单位支出分别是多少")
    assert "广州市统计普查中心1373.74万元" in total["text"] and "按单位列示的收入表" in total["text"]
