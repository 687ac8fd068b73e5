"""Projects printed only in performance-target tables of the national disclosures: grids that
list every project (one row group per project: 长沙, 重庆 表十二, 北京 预算12表) and one table per
project named by its wrapped title (泉州). Every value below was read off the PDF by hand with
pdfplumber (page numbers are the PDF's own pages).

Uses the session's extraction of ../shared/national (``national`` in conftest.py).
"""
from __future__ import annotations

import json
from decimal import Decimal

from kg.extract.model import Project
from kg.extract.narrative.performance_cells import split_code
from kg.extract.serialize import project_json
from tests.national_support import the_project

CHANGSHA = "hunan_changsha/长沙市信访局_2026部门预算.pdf"
CHONGQING = "chongqing/重庆市人民政府办公厅_2026部门预算情况说明.pdf"
QUANZHOU = "fujian_quanzhou/泉州市公安局_2026部门预算.pdf"
BEIJING = "beijing/北京市财政局_2026部门预算_附件2报表.pdf"



def _rows(project: Project) -> list[tuple]:
    return [(i.level1, i.level2, i.name, i.target, i.weight) for i in project.indicators]


def test_changsha_grid_projects(national):
    """长沙 pp.22–29: a grid headed 单位编码 | 单位（项目）名称 | 资金总额 …; its 合计 (417.41) and
    the unit's own row are subtotals, not projects; the four projects (286.91 together: the note
    says 已剔除涉密部分) each span several pages."""
    record = national[CHANGSHA]
    assert {p.name: p.amount for p in record.projects} == {
        "基层及其他信访业务工作经费专项": Decimal("35.78"),
        "人民来访接待中心及特护期运行专项": Decimal("10.22"),
        "人民来访接待中心业务专项": Decimal("102.80"),
        "信访业务工作专项": Decimal("138.11"),
    }
    grassroots = the_project(record, "基层及其他信访业务工作经费专项")
    where = grassroots.provenance[0]
    assert (where.file, where.page, where.table, where.row) == (
        "长沙市信访局_2026部门预算.pdf", 22, "绩效目标表", "基层及其他信访业务工作经费专项")
    rows = _rows(grassroots)
    # the target is the sign, value and unit columns together (指标值类型 ≥, 指标值 10, 度量单位 个);
    # the figures in the column headed 备注 are no 分值 the table names
    assert ("产出指标", "数量指标", "调拨经费单位数", ">=10个", None) in rows
    assert ("产出指标", "质量指标", "经费分档精准率", ">=95%", None) in rows
    assert ("成本指标", "经济成本指标", "总成本", "<=35.78万元", None) in rows
    # the rows the next page carries (p.23) belong to the same project, not to a second entry
    assert ("满意度指标", "服务对象满意度指标", "群众满意度", ">=90%", None) in rows
    assert len(rows) == 16


def test_chongqing_table_twelve_wrapped_project(national):
    """重庆 表十二 p.24 (titled …绩效目标表（一级项目）): 序号 | 项目名称 | 当年财政拨款预算金额 |
    当年绩效目标 | 指标名称 | 指标性质 | 指标值 | 计量单位 | 指标权重; the name wraps over three lines."""
    record = national[CHONGQING]
    project = the_project(record, "市政府办公厅业务及日常运行项目")
    assert project.amount == Decimal("8534.17")
    assert project.provenance[0].page == 24
    rows = [(i.name, i.target, i.weight) for i in project.indicators]
    assert len(rows) == 11
    assert rows[0] == ("民呼我为（“12345”）咨询一次性解答率", ">=70%", Decimal("15"))
    assert ("市政府门户网站和政务新媒体访问量", ">=2000万人次", Decimal("5")) in rows
    assert rows[-1] == ("年度预算执行率", "=100%", Decimal("10"))
    # 表十一 (p.23) is printed empty: no project from its title
    assert [p.name for p in record.projects] == ["市政府办公厅业务及日常运行项目"]


def test_quanzhou_one_table_per_project(national):
    """泉州 pp.26–51: one table per project, titled ``单位编码_单位_项目名称绩效目标表`` and wrapped
    over two lines; the 资金总额 field is the amount, the unit in the title the 实施单位."""
    record = national[QUANZHOU]
    by_name = {p.name: p for p in record.projects}
    assert len(by_name) == 25  # one table on each of pp.26–50
    assert sum((p.amount for p in record.projects), Decimal(0)) == Decimal("10998.83")
    airport = by_name["机场公安综合修缮改造项目"]
    assert (airport.amount, airport.responsible_unit) == (Decimal("57.00"), "泉州市公安局晋江国际机场分局")
    assert airport.provenance[0].page == 26
    assert by_name["全国民航反电诈中心建设项目"].amount == Decimal("47.50")
    assert len(by_name["全国民航反电诈中心建设项目"].indicators) == 6
    assert by_name["台商公安办案业务及其他经费补助"].amount == Decimal("332.50")
    assert by_name["台商公安办案业务及其他经费补助"].responsible_unit == "泉州市公安局台商投资区分局"
    # a title wrapped mid-word (…相关设施建设项 / 目绩效目标表, p.37)
    assert by_name["泉州市看守所（泉州市女子看守所）相关设施建设项目"].amount == Decimal("52.25")
    assert by_name["科技兴警"].amount == Decimal("237.50")  # …科技兴警绩效 / 目标表 (p.28)
    # …项目绩效目 / 标表 (p.32, p.36, p.49)
    assert by_name["开发区分局办公场所等工程提升项目经费项目"].amount == Decimal("185.25")
    assert by_name["办公楼四楼民警活动室晾衣场改造工程项目"].amount == Decimal("28.50")
    assert by_name["泉州市社会治理现代化智慧调度指挥中心项目"].amount == Decimal("237.50")
    assert len(by_name["科技兴警"].indicators) == 7
    assert by_name["公安办案业务经费项目"].amount == Decimal("6258.60")
    assert by_name["女子看守所保障经费项目"].amount == Decimal("1111.50")
    case = [(i.name, i.target) for i in by_name["公安办案业务经费项目"].indicators]
    assert ("总体刑事案件破案率", ">=55%") in case


def test_beijing_grid_six_decimals_and_codes(national):
    """北京 预算12表 pp.17–43: 项目名称 (``11000022T0000004557 94-评审工作经费``) | 项目总额 | 其中：
    财政资金 | 其他资金 …; amounts in six-decimal 万元 kept exactly, the code kept as project_code."""
    record = national[BEIJING]
    review = the_project(record, "评审工作经费")
    assert (review.amount, review.project_code) == (Decimal("839.000000"), "11000022T000000455794")
    assert review.funds is not None and review.funds.fiscal == Decimal("839.000000")
    costs = [(i.name, i.target) for i in review.indicators if i.level1 == "成本指标"]
    # 聘用注册会计师单位成本 (p.17) is printed below, beside the next project whose name the cells lost
    assert costs == [("委托专家评审服务费", "<=20万元"), ("单个5000万以下一般预算项目付费金额", "<=1.5万元"),
                     ("委托评审服务费预算控制数", "<=819万元")]
    supervision = the_project(record, "财政监督业务服务")
    assert supervision.amount == Decimal("316.976900")
    printed = project_json(supervision)
    assert (printed["amount"], printed["exact"]) == ("316.98", {"amount": "316.976900"})
    assert the_project(record, "政府采购管理服务").amount == Decimal("115.900000")  # p.43, after a page of text
    assert not [p for p in record.projects if p.name.endswith("指标")]


def test_split_code():
    assert split_code("11000022T0000004557 94-评审工作经费") == ("11000022T000000455794", "评审工作经费")
    assert split_code("基层及其他信访业务工作经费专项") == (None, "基层及其他信访业务工作经费专项")
    assert split_code("2026-2027年信息化运维") == (None, "2026-2027年信息化运维")


def test_changsha_grid_total_against_its_projects(national):
    """The grid's 合计 row (p.22, 417.41) against the four projects it lists (286.91): a finding
    about the document (B1-101, B8-97), graded material."""
    record = national[CHANGSHA]
    found = [c for c in record.checks if c.where.startswith("绩效目标表 合计 vs")]
    assert [(c.rule, c.where, c.expected, c.printed, c.ok) for c in found] == [
        ("children_sum", "绩效目标表 合计 vs 所列4个项目", Decimal("286.91"), Decimal("417.41"), False)]
    assert (found[0].provenance.page, found[0].provenance.row) == (22, "合计")


def _answers(reply: dict) -> list[tuple[str, str | None]]:
    return [(a["label"], a.get("value")) for a in reply["answers"]]


def test_questions_reach_the_grid_projects(ask_national):
    """B8-75's kind (top_n) and B2-70's (project_amount) over the national graph."""
    reply = ask_national("长沙信访局的专项按金额从大到小排一下？")
    assert _answers(reply)[:4] == [("信访业务工作专项", "138.11"), ("人民来访接待中心业务专项", "102.80"),
                                ("基层及其他信访业务工作经费专项", "35.78"), ("人民来访接待中心及特护期运行专项", "10.22")]
    reply = ask_national("重庆“市政府办公厅业务及日常运行项目”预算多少？")
    assert ("市政府办公厅业务及日常运行项目", "8534.17") in _answers(reply)
    assert "第24页" in json.dumps(reply, ensure_ascii=False)


def test_unit_prices_are_no_part_of_the_cost_sum(national):
    """北京 评审工作经费 (p.17): 委托专家评审服务费 ≤20万元 + 委托评审服务费预算控制数 ≤819万元 = 839.00;
    单个5000万以下一般预算项目付费金额 ≤1.5万元 bounds each review, it is no part of the sum; a project
    whose only cost indicator is a unit price (全国注册会计师统一考试考务服务: 每个科次费用 ≤60元) has no sum."""
    record = national[BEIJING]
    sums = {c.where: (c.expected, c.printed, c.ok) for c in record.checks if c.rule == "indicator_costs_sum"}
    assert sums["绩效目标表 评审工作经费 成本指标"] == (Decimal("839.00"), Decimal("839.000000"), True)
    assert "绩效目标表 全国注册会计师统一考试考务服务 成本指标" not in sums
