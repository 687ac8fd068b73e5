"""Question composition on the real documents: the share of each part a question names (a
measure family said in an earlier part holds for the later one), items named inside 基本支出 /
公用经费 read as economic-classification rows (never as projects that share the word), a stated
change answered once (the statement about the graph's own figure), one place before an
enumeration of organisations, and each department's own change after a ranking. Every figure
below is the one printed in the documents (comments name the table)."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.shared


def rows(reply: dict) -> list[tuple[str, str | None, str | None]]:
    return [(a["label"], a.get("value"), a.get("department")) for a in reply["answers"]]


def formulas(reply: dict) -> list[str]:
    return [d["formula"] for d in reply["derived"]]


def test_shares_of_the_procurement_parts_named_after_the_total(ask):
    # corpus 000 说明十二（二）: 政府采购预算 1,592.30 = 货物 1,010.70 + 工程 0.00 + 服务 581.60
    reply = ask("昌吉州生态环境局2025年政府采购有多少？工程类和货物类分别占几成？")
    assert formulas(reply) == ["政府采购工程占比 = 0.00 ÷ 1,592.30 = 0.00%",
                               "政府采购货物占比 = 1,010.70 ÷ 1,592.30 = 63.47%"]
    assert "收入总计" not in reply["text"]


def test_items_inside_basic_expenditure_are_economic_rows(ask):
    # corpus 004 一般公共预算基本支出情况表: 30208 取暖费 21.46, 30209 物业管理费 4.22
    reply = ask("克州生态环境局2024年基本支出中，物业费和取暖费分别是多少？")
    dept = "克孜勒苏柯尔克孜自治州生态环境局"
    # each row asked, and (分别 over rows named one by one) their total: 21.46 + 4.22
    assert sorted(rows(reply)) == [("取暖费", "21.46", dept), ("合计", "25.68", dept), ("物业管理费", "4.22", dept)]
    assert reply["parts"][0]["frame"]["focus"] == "subjects"


def test_a_stated_change_is_answered_once_with_the_graphs_own_figure(ask):
    # corpus 000 说明二: 财政拨款结转 2,904.03, 比上年增加 622.40, 增长 27.28%
    reply = ask("昌吉州生态环境局2025年上年财政拨款结转多少？较上年增加多少？")
    changes = [r for r in rows(reply) if r[0].endswith("比上年增加")]
    assert changes == [("2025年上年财政拨款结转比上年增加", "622.40", "昌吉回族自治州生态环境局")]
    assert formulas(reply) == ["2024年上年财政拨款结转 = 2,904.03 − 622.40 = 2,281.63万元"]


def test_one_place_before_an_enumeration_of_organisations(ask):
    # realdocs/jiangsu: 机关运行经费 人大办公厅 2017 5,619.31; 政协办公厅 2019 1,130.74; 高院 2019 3,580.05
    reply = ask("江苏省高院、人大、政协的机关运行经费分别是多少？")
    assert sorted(rows(reply)) == [("机关运行经费", "1130.74", "江苏省政协办公厅"),
                                   ("机关运行经费", "3580.05", "江苏省高级人民法院"),
                                   ("机关运行经费", "5619.31", "江苏省人大常委会办公厅")]


def test_each_departments_change_after_a_ranking(national_store):
    from nlp import answer

    # national/jiangsu_suzhou 机关运行经费: 审计局 395.60 (比上年减少 3.61), 水务局 205.97 (减少 65.42)
    reply = answer("苏州市审计局、苏州市水务局2026年机关运行经费排名，各比上年减少了多少？",
                   national_store).to_json()
    assert [p["frame"]["focus"] for p in reply["parts"]] == ["departments", "figures"]
    decreases = sorted(r for r in rows(reply) if r[0].endswith("比上年减少"))
    assert decreases == [("2026年机关运行经费比上年减少", "3.61", "苏州市审计局"),
                         ("2026年机关运行经费比上年减少", "65.42", "苏州市水务局")]


def test_economic_row_with_named_sub_rows(ask):
    # corpus 000 经济分类 2025: 301 工资福利支出 365.48, 30101 103.97, 30102 94.70, 30103 52.68
    reply = ask("昌吉州生态环境局2025年工资福利支出里基本工资、津贴补贴、奖金各多少？")
    assert [(label, value) for label, value, _dept in rows(reply)] == [
        ("工资福利支出", "365.48"), ("基本工资", "103.97"), ("津贴补贴", "94.70"), ("奖金", "52.68")]


def test_a_part_about_the_vehicles_continues_them(ask):
    # corpus 004 说明十二（三）: 车辆3辆 价值64.52 (一般公务用车1辆21.19, 执法执勤用车2辆43.33)
    reply = ask("克州生态环境局2024年公车有几辆？都是什么类型？")
    assert [p["frame"]["focus"] for p in reply["parts"]] == ["assets"]
    assert ("车辆", "3", "克孜勒苏柯尔克孜自治州生态环境局") in rows(reply)
    assert "收入总计" not in reply["text"]


def test_a_ranking_asked_after_several_departments_figure(ask):
    # realdocs/jiangsu 机关运行经费: 人大办公厅 2017 5,619.31; 高院 2019 3,580.05; 政协办公厅 2019 1,130.74
    reply = ask("江苏人大、政协、高院这几家单位的机关运行经费，哪家最多？")
    assert [p["frame"]["focus"] for p in reply["parts"]] == ["departments"]
    assert [(r["label"], r["value"], r.get("rank")) for r in reply["answers"]] == [
        ("江苏省人大常委会办公厅", "5619.31", 1), ("江苏省高级人民法院", "3580.05", 2), ("江苏省政协办公厅", "1130.74", 3)]


def test_a_place_word_before_a_project_is_the_department_holding_it(ask):
    # corpus 000 项目支出 生态环保项目尾款 144.00, 设立依据 昌州政发〔2018〕165号
    reply = ask("昌吉的生态环保项目尾款是依据什么文件设立的？")
    assert [(r["label"], r.get("department")) for r in reply["answers"]] == [
        ("《自治州打赢蓝天保卫战三年行动计划（2018-2020）》", "昌吉回族自治州生态环境局")]


def test_words_after_a_place_that_begin_a_project_name_that_project(ask):
    # corpus 000: 昌吉州…加密空气质量自动监测站点建设项目 1,008.30, 资金来源 上级转移支付
    reply = ask("昌吉州加密空气质量自动监测站点建设的1008.3万元是什么资金？")
    assert rows(reply) == [("上级转移支付", "1008.30", "昌吉回族自治州生态环境局")]


def test_why_a_family_of_figures_changed_is_asked_of_its_total(ask):
    # corpus 001 说明: 三公 4.60, 比上年增加4.60万元, 增长100%
    reply = ask("监控中心2023年三公经费多少？为啥比上年增加？")
    changes = [r for r in rows(reply) if r[0].endswith("比上年增加")]
    assert changes == [("2023年“三公”经费合计比上年增加", "4.60", "昌吉州环境污染监控中心")]
