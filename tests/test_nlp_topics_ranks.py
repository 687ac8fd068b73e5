"""Topic recall, ranks inside a figure and bounded lists, through the real question service over the
real documents (../shared/corpus, realdocs, national). Expected rows read from the documents:

- 福州市民政局本级_2026单位预算.pdf, 项目绩效目标表: e福州留守困境儿童关爱帮扶专栏 资金总额 21.50 (p.28),
  福蕾行动计划项目资金 300.00 (p.33, the name its 项目绩效目标表 prints, 年度目标 “为留守困境儿童提供心理辅导、亲情陪护、结对帮扶等关爱服务”),
  自闭症儿童康复机构服务量化补助资金 15.00 (p.51); 维修维护费 100.00 (p.49) is “用于市社会福利院、…、
  市儿童福利院、市救助站内部修缮” — an institution's name, not money for children.
- 长春市信访局本级_2026部门预算.pdf 预算表6 (p.11): 30101 基本工资 297.50, 30103 奖金 194.78,
  30102 津贴补贴 179.46 (人员经费); 30239 其他交通费用 54.08 the largest row of 公用经费, whose 302
  商品和服务支出 is 211.00 — the 机关运行经费 the narrative states (211万元).
- 福州市商务局_2026部门预算.pdf 项目绩效目标表 资金总额: 商务发展资金 11600.00 (p.34), 口岸单位补贴
  6200.00 (p.33), 菜篮子工程建设专项资金 1800.00 (p.32); the others 290.00, 202.17, 25.89, 14.74, 1.89.
- 000 表11 自治州中央环保督察整改工作项目 23.60 (昌吉州, 2025); 004 中央生态环境保护督察整改工作专项经费
  10.00 (克州, 2024).
"""
from __future__ import annotations

import pytest


def figures(reply: dict) -> dict[str, str]:
    return {a["label"]: a["value"] for a in reply["answers"] if a.get("value") is not None}


# ------------------------------------------------------------------ topic recall by description
@pytest.mark.shared
def test_a_group_named_only_in_a_projects_description_is_found(ask_national):
    r = ask_national("福州民政局2026年为儿童安排了哪些项目，各多少钱？")
    assert r["intent"] == "topic_projects"
    assert figures(r) == {"福蕾行动计划项目资金": "300.00", "e福州留守困境儿童关爱帮扶专栏": "21.50",
                          "自闭症儿童康复机构服务量化补助资金": "15.00"}
    assert "合计336.50万元" in r["text"]
    assert "维修维护费" not in r["text"]  # 市儿童福利院's repairs: an institution's name


@pytest.mark.shared
def test_an_activity_word_in_descriptions_adds_no_project(ask):
    """整改 occurs in the descriptions of permit reviews; only the projects named for the inspection are it."""
    r = ask("中央环保督察整改方面，两个州的生态环境局各安排了啥项目？")
    assert figures(r) == {"自治州中央环保督察整改工作项目": "23.60", "中央生态环境保护督察整改工作专项经费": "10.00"}


# ------------------------------------------------------------------ ranks inside a figure
@pytest.mark.shared
def test_rows_inside_basic_expenditure_are_ranked(ask_national):
    r = ask_national("长春市信访局本级2026年基本支出里面哪三项最多？")
    assert r["parts"][0]["frame"]["focus"] == "subjects"
    assert [(a["label"], a["value"], a.get("rank")) for a in r["answers"]] == [
        ("基本工资", "297.50", 1), ("奖金", "194.78", 2), ("津贴补贴", "179.46", 3)]


@pytest.mark.shared
def test_rows_inside_operating_expenses_are_the_public_column(ask_national):
    r = ask_national("长春市信访局本级2026年机关运行经费中哪一项最多？")
    frame = r["parts"][0]["frame"]
    assert frame["focus"] == "subjects" and frame["filters"]["column"] == "public"
    # the column's own total (its classes added up) is said beside the row ranked
    assert [(a["label"], a["value"]) for a in r["answers"]] == [("公用经费合计", "211.00"), ("其他交通费用", "54.08")]


@pytest.mark.shared
def test_operating_expenses_alone_stay_the_figure(ask_national):
    r = ask_national("长春市信访局本级2026年机关运行经费是多少？")
    assert r["parts"][0]["frame"]["focus"] == "figures"
    assert figures(r) == {"机关运行经费": "211.00"}


# ------------------------------------------------------------------ a bounded list with its count and total
@pytest.mark.shared
def test_a_bounded_list_says_its_count_and_total(ask_national):
    r = ask_national("福州市商务局2026年1000万元以上的项目都有哪些？")
    names = {a["label"]: a["value"] for a in r["answers"] if a["label"] in
             ("商务发展资金", "口岸单位补贴", "菜篮子工程建设专项资金")}
    assert names == {"商务发展资金": "11600.00", "口岸单位补贴": "6200.00", "菜篮子工程建设专项资金": "1800.00"}
    assert "项目共3个，合计19600.00万元" in r["text"]
    assert any(d["value"] == "19600.00" and "11,600.00 + 6,200.00 + 1,800.00" in d["formula"] for d in r["derived"])
    assert not any(a["label"] in ("商务工作专项经费", "办公楼租金") for a in r["answers"])


@pytest.mark.shared
def test_the_money_of_what_words_name_is_projects_not_the_department_total(ask):
    """有没有搞宣传的钱: the money of a theme (000 表11 “美丽昌吉”宣传活动经费 20.00), not 收入总计."""
    r = ask("昌吉州生态环境局有没有搞宣传的钱？")
    assert r["parts"][0]["frame"]["focus"] == "projects"
    assert figures(r) == {"“美丽昌吉”宣传活动经费": "20.00"}
    r = ask("昌吉州生态环境局一共有多少钱？")
    assert r["parts"][0]["frame"]["focus"] == "figures"


@pytest.mark.shared
def test_a_theme_of_common_words_needs_an_environmental_context(ask_national):
    """宣传 is a word every department uses: 生态环境宣传教育 asked over the national documents finds
    none of their 宣传 projects (国家信访局's 信访研究宣传立法专项, 广州统计局's 农业普查宣传经费 …); named with
    its department, that department's 宣传 project is found (国家信访局 2024 决算: 536.20)."""
    r = ask_national("有没有专门做生态环境宣传教育的项目？")
    assert figures(r) == {}
    r = ask_national("国家信访局有哪些宣传方面的项目？")
    assert figures(r) == {"信访研究宣传立法专项": "536.20"}
