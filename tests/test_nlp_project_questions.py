"""Questions about a project's indicators, its parts and the subjects under one kind of funds, on
the real documents: the indicators a question's words name best (not every indicator sharing a
word), a later part's words that only resemble another project's name staying on the project just
named, a project named by a short form (运维 of 运行维护) or by part of its name where the name as
typed is another department's project, one of two same-named projects picked by its category, a
project's allocation detail (a Shanghai project sheet's 年度预算安排), and a subject's rows in the
document's 一般公共预算 table. Every figure below is the one printed in the documents (comments
name the table)."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.shared


def rows(reply: dict) -> list[tuple[str, str | None, str | None]]:
    return [(a["label"], a.get("value"), a.get("department")) for a in reply["answers"]]


def targets(part: dict) -> list[tuple[str, str | None]]:
    return [(a["label"], a.get("target")) for a in part["answers"]]


def test_every_indicator_of_a_project_named_by_its_core_words(ask):
    # corpus 001 项目支出绩效目标表 昌吉州涉气企业重污染天气用电量监控平台及监控实施建设项目: 数量指标
    reply = ask("监控中心涉气企业用电量监控平台那个项目，数量指标都定了哪些数？")
    assert targets(reply["parts"][0]) == [("企业用电量智能监管平台", "=1个"), ("电量采集模块", "=120个"),
                                          ("智能报警分析功能模块", "=1个"), ("企业用电量数采仪", "=40个"),
                                          ("配备工程师人数", "=2人")]


def test_a_later_part_stays_on_the_project_just_named(ask):
    # corpus 000 表7 机关运行补助经费 57.00 (当年); 表11 上年结转 机关运行补助经费 30.00, 说明十一第7条:
    # 购买无纸化会议系统20套
    reply = ask("昌吉州生态环境局的机关运行补助经费，25年新安排的和上年结转的各多少？加起来多少？结转那笔钱买什么？")
    dept = "昌吉回族自治州生态环境局"
    assert [d["formula"] for d in reply["derived"]] == ["2个项目合计 = 57.00 + 30.00 = 87.00万元"]
    assert rows(reply["parts"][2]) == [("机关运行补助经费", "30.00", dept)] * 2
    assert "无纸化会议系统20套" in reply["parts"][2]["text"]


def test_a_project_named_by_part_of_its_name(ask):
    # corpus 004 表7 阿克陶县分局物业费、制冷费项目 16.20; 说明七3: 制冷费6.56万元，物业费9.64万元
    # (福州市商务局 has a project named 物业费: not this department's)
    reply = ask("克州阿克陶县分局物业费、制冷费那个项目多少钱？制冷、物业各多少")
    dept = "克孜勒苏柯尔克孜自治州生态环境局"
    assert ("阿克陶县分局物业费、制冷费项目", "16.20", dept) in rows(reply)
    assert ("阿克陶县分局物业费、制冷费项目：制冷费", "6.56", dept) in rows(reply)


def test_subject_rows_of_the_general_public_budget_table(ask):
    # corpus 001 一般公共预算支出情况表: 211 节能环保支出 384.90 = 2110399 75.14 + 2111101 299.26
    # + 2111103 10.50 (the department's own 支出总表 prints 211 as 1,151.88)
    reply = ask("监控中心23年节能环保支出里的一般公共预算当年拨款，分到了哪几个项级科目？")
    dept = "昌吉州环境污染监控中心"
    # the total is that of the source asked (一般公共预算拨款) within 211, its rows the 项 it pays for
    assert rows(reply) == [("一般公共预算拨款合计", "384.90", dept), ("其他污染防治支出", "75.14", dept),
                           ("生态环境监测与信息", "299.26", dept), ("减排专项支出", "10.50", dept)]
    assert "节能环保支出中一般公共预算拨款384.90万元" in reply["text"]
    assert reply["parts"][0]["frame"]["filters"]["amount_scope"] == "general_public_budget"


def test_a_part_of_a_project_from_its_sheet(ask):
    # realdocs 普陀区商务委员会 2025 商业创新专项（政策资金）经费情况说明 六: 总预算1410.00万，其中…
    # 支持促消费提质提升800.00万
    reply = ask("普陀商务委商业创新专项里，促消费提质提升给了多少？")
    dept = "上海市普陀区商务委员会"
    assert ("商业创新专项（政策资金）：促消费提质提升", "800.00", dept) in rows(reply)
    assert "800.00 ÷ 1,410.00 = 56.74%" in reply["text"]


def test_short_form_of_a_project_name():
    from nlp.link import short_form_of

    # 运维 is how people say 运行维护 (国家信访局 2026 信息化运行维护); a name with a word left out
    # (港珠澳大桥公路 of 港珠澳大桥珠海公路口岸…) is one too, a word of another order is not
    assert short_form_of("信息化运维", "信息化运行维护")
    assert short_form_of("港珠澳大桥公", "港珠澳大桥珠海公路口岸“一站式”车辆通关系统运维费")
    assert not short_form_of("运维信息化", "信息化运行维护")
    assert not short_form_of("信息", "信息化运行维护")


def test_indicator_words_resembling_another_project_stay_on_the_project(ask_national):
    # national/jilin_changchun 预算表11 (p.16) 2026信访专项经费: 信访信息系统运维成本 <=17万元 (20);
    # 珠海's 港珠澳大桥…车辆通关系统运维费 only resembles the words
    reply = ask_national("长春信访专项经费的绩效目标里，专家评审要搞几次？信息系统运维成本上限多少？")
    assert targets(reply["parts"][0]) == [("专家评审", ">=2次")]
    assert targets(reply["parts"][1]) == [("信访信息系统运维成本", "<=17万元")]
    # national/fujian_fuzhou 福蕾行动计划项目资金 p.33: 留守困境儿童关爱帮扶率 ≥80% (the department's
    # e福州留守困境儿童关爱帮扶专栏 only shares the words)
    reply = ask_national("福蕾行动计划那个项目要覆盖几个县区？留守困境儿童关爱帮扶率要达到多少？")
    assert ("留守困境儿童关爱帮扶率", ">=80%") in targets(reply["parts"][1])
    assert {a["project"] for a in reply["parts"][1]["answers"]} == {"福蕾行动计划项目资金"}


def test_a_piece_that_only_sets_the_scope_is_no_part(ask_national):
    # national/central 国家信访局 2026 p.31 信访综合保障经费绩效目标表: 舆情报告报送量 ≥55期,
    # 《人民信访》发行量 720000册 (of its 11 indicators)
    reply = ask_national("信访综合保障经费的绩效指标里，《人民信访》发行量和舆情报告报送量各定了多少")
    assert len(reply["parts"]) == 1
    assert sorted(targets(reply)) == [("《人民信访》发行量", "720000册"), ("舆情报告报送量", ">=55期")]
