"""Projects a disclosure names only in its narrative enumeration of the 项目支出 and in a 重点项目
table (深圳市财政局 2026): read through the real parsers, checked against the stated 项目支出, and
reached by questions through the project executor. Every value was read off the PDF by hand
(PDF pages 7–9: 第三部分（五）; pages 11–12: 第七部分 重点项目预算绩效情况说明).

Uses the session's extraction of ../shared/national and its graph (conftest.py).
"""
from __future__ import annotations

from decimal import Decimal

SHENZHEN = "guangdong_shenzhen/深圳市财政局_2026部门预算.pdf"

# 第三部分（五）项目支出 26,361.57 万元，具体包括：1.… 8.… (the 重点项目 table prints the same eight)
SHENZHEN_PROJECTS = {
    "预决算管理业务": Decimal("18808.16"),
    "财政综合管理业务": Decimal("2714.03"),
    "上级转移支付项目": Decimal("2000.00"),
    "财政监督管理业务": Decimal("1509.83"),
    "信息化（财政审核）": Decimal("416.43"),
    "预算准备金": Decimal("297.50"),
    "综合管理": Decimal("274.16"),
    "信息化服务类项目（非运维服务部分）": Decimal("341.46"),
}


def test_shenzhen_projects_from_narrative_and_key_project_table(national):
    """Eight projects, one entry each: the narrative item and the 重点项目 table row merged."""
    record = national[SHENZHEN]
    assert {p.name: p.amount for p in record.projects} == SHENZHEN_PROJECTS
    assert sum(SHENZHEN_PROJECTS.values()) == Decimal("26361.57")
    for project in record.projects:
        tables = sorted({w.table for w in project.provenance})
        assert tables == ["项目支出情况说明", "项目支出表"], (project.name, tables)
        assert project.responsible_unit == "深圳市财政局（本级）"
        assert project.category == "current"


def test_shenzhen_project_items_and_goal_kept_as_description(national):
    """预决算管理业务's own items (主要包括：…) and its 绩效目标 (p.11) are its description."""
    record = national[SHENZHEN]
    budget = next(p for p in record.projects if p.name == "预决算管理业务")
    assert budget.description.startswith("主要包括：深圳市承担的个人消费贷款财政贴息、服务业经营主体贷款贴息资金10,000.00万元")
    assert "市本级政府采购业务费3600.00万元" in budget.description
    assert "预决算业务管理512.60万元，主要用于财政预算、财政决算管理等业务" in budget.description
    assert "2.财政综合管理业务" not in budget.description
    assert budget.description.endswith("绩效目标：完成深圳市承担的个人消费贷款财政贴息、服务业经营主体贷款贴息；完成预决算、"
                                       "政府财务报告等工作；开展绩效评价，提高财政资金使用效率；完成市本级专项债券发行有关工作；"
                                       "保障国库集中支付正常运行和非税收入及时征缴；保障市本级政府集中采购交易服务，推动我市公共"
                                       "资源交易（政府采购业务）改革。")
    supervision = next(p for p in record.projects if p.name == "财政监督管理业务")
    # the goal cell goes on over the page break (p.12's first row holds only its rest)
    assert "促进相关行业规范和健康发展" in supervision.description
    assert supervision.description.endswith("开展财政法治能力建设。")


def test_shenzhen_enumeration_checked_against_project_expenditure(national):
    """The listed projects add up to the 项目支出 the narrative states (26,361.57 万元)."""
    record = national[SHENZHEN]
    checks = [c for c in record.checks if c.where == "项目支出情况说明 项目支出 所列项目"]
    assert len(checks) == 1
    assert (checks[0].expected, checks[0].printed, checks[0].ok) == (Decimal("26361.57"), Decimal("26361.57"), True)
    # the audit's generic list sum leaves this list to the reader's check (one finding, not two)
    assert not [c for c in record.checks if c.rule == "narrative_sum" and c.where.endswith("项目支出 所列分项")]


def test_enumeration_that_does_not_add_up_is_a_finding():
    """A list of projects short of its 具体包括 total is a finding (built from text, real readers)."""
    from kg.extract.narrative.enumerated_projects import enumeration_checks, read_enumerated_projects
    from kg.extract.narrative.statements import read_statements
    from kg.extract.source import Line

    text = ["（五）项目支出 300.00 万元，具体包括：", "1.信访业务工作专项 120.00 万元，主要用于接访。",
            "2.视频接访系统运维 100.00 万元，主要用于系统运维。", "第四部分 政府采购预算情况"]
    narrative = read_statements([Line(t, i + 1, 1) for i, t in enumerate(text)])
    projects = read_enumerated_projects(narrative, "x.pdf", "万元", "某局")
    assert [(p.name, p.amount) for p in projects] == [("信访业务工作专项", Decimal("120.00")),
                                                       ("视频接访系统运维", Decimal("100.00"))]
    [check] = enumeration_checks(narrative, "x.pdf")
    assert (check.expected, check.printed, check.ok) == (Decimal("220.00"), Decimal("300.00"), False)


def test_functional_list_of_project_expenditure_is_no_project():
    """``项目支出 417.41 万元，其中：一般公共服务支出 417.41 万元`` (长沙) names a subject, not a project."""
    from kg.extract.narrative.enumerated_projects import read_enumerated_projects
    from kg.extract.narrative.statements import read_statements
    from kg.extract.source import Line

    text = ["（二）项目支出：2026 年本单位项目支出预算 417.41 万元，其中：一般公共服务支出 417.41 万元，",
            "社会保障和就业支出 0.00 万元。"]
    narrative = read_statements([Line(t, i + 1, 1) for i, t in enumerate(text)])
    assert read_enumerated_projects(narrative, "x.pdf", "万元", "某局") == []


def test_top_projects_question(ask_national):
    """B11-21's kind: the three largest projects, through the project executor."""
    reply = ask_national("深圳市财政局26年项目支出里，预算最大的三个一级项目是哪几个？")
    text = reply["text"]
    assert text.index("预决算管理业务") < text.index("财政综合管理业务") < text.index("上级转移支付项目")
    assert "18808.16" in text and "2714.03" in text and "2000.00" in text
    assert "财政监督管理业务" not in text


def test_named_project_amount_and_threshold_questions(ask_national):
    reply = ask_national("深圳市财政局2026年预算准备金项目安排了多少钱？")
    assert "297.50" in reply["text"]
    reply = ask_national("深圳市财政局2026年哪些项目预算超过2000万元？")
    assert "预决算管理业务" in reply["text"] and "财政综合管理业务" in reply["text"]
    assert "财政监督管理业务" not in reply["text"]
