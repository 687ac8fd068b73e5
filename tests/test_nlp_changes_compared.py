"""Question composition over changes, rankings and parts, on the real documents: a change asked
after subjects continues them (会议费、培训费…比上年各减了多少), 哪个减得多 / 谁压得多 ranks the stated
changes, a class's share or change shows its own figure with the narrative's statement, 运维 is the
vehicles' running cost, 占收入 names the base, 比24年多多少 is the difference of two parts, 三公 said
beside expense subjects is a part of its own, places enumerated before 这几个财政局 each name their
department, 去年呢 of two departments derives each one's year before, and a 系统's units ranked says
the graph holds only the department's figure. Every figure is the one printed in the documents
(comments name the page or table)."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.shared


def rows(reply: dict) -> list[tuple[str, str | None, str | None]]:
    return [(a["label"], a.get("value"), a.get("department")) for a in reply["answers"]]


def formulas(reply: dict) -> list[str]:
    return [d["formula"] for d in reply["derived"]]


# ---------------------------------------------------------------- corpus + realdocs
def test_which_change_is_larger_ranks_the_stated_changes(ask):
    # realdocs 江苏省高级人民法院2019 第23页: 会议费271.02 比上年减少0.24; 培训费1597.25 比上年减少69
    reply = ask("省高院19年的会议费和培训费比上年各减了多少？哪个减得多？")
    ranked = [(a["label"], a["value"], a.get("rank")) for a in reply["answers"] if a.get("rank")]
    assert ranked == [("培训费", "69.00", 1), ("会议费", "0.24", 2)]
    assert "减少最多的是培训费" in reply["text"]
    assert "收入总计" not in reply["text"]


def test_a_class_asked_with_its_change_gets_the_narratives_statement(ask):
    # realdocs 江苏省政协办公厅2019 第10页: 住房保障（类）支出2,247.04, 与上年相比增加747.78万元，增长49.88%
    reply = ask("政协办公厅19年住房保障支出多少，涨了多少？")
    dept = "江苏省政协办公厅"
    assert ("2019年住房保障支出比上年增加", "747.78", dept) in rows(reply)
    assert ("2019年住房保障支出比上年增长", "49.88", dept) in rows(reply)
    assert formulas(reply) == ["2018年住房保障支出 = 2,247.04 − 747.78 = 1,499.26万元"]


def test_a_change_stated_as_a_rate_only_derives_the_year_before(ask):
    # realdocs 上海市普陀区司法局2026 编制说明: 信息化建设（13项）227.88万元，比2025年执行数增加277.22%
    reply = ask("普陀司法局26年信息化建设那块预算多少？比25年执行涨了多少？")
    dept = "上海市普陀区司法局"
    assert ("2026年信息化建设比上年增长", "277.22", dept) in rows(reply)
    assert formulas(reply) == ["2025年信息化建设 = 227.88 ÷ (1 + 277.22%) = 60.41万元",
                               "2026年信息化建设比上年增加（推算） = 227.88 − 60.41 = 167.47万元"]


def test_a_share_of_a_class_shows_its_own_figure_not_its_make_up(ask):
    # corpus 000 表1: 211 节能环保支出 4,542.38; 支出总计 4,678.70
    reply = ask("昌吉州生态环境局25年节能环保支出多少？占总支出比例？")
    dept = "昌吉回族自治州生态环境局"
    assert rows(reply) == [("节能环保支出", "4542.38", dept), ("节能环保支出占支出总计比重", "97.09", dept)]
    assert formulas(reply) == ["节能环保支出占支出总计比重 = 4,542.38 ÷ 4,678.70 = 97.09%"]


def test_sangong_enumerated_with_expense_subjects_is_answered_too(ask):
    # realdocs 江苏省人大办公厅2017 表十一: 三公833.60 = 出国222.50 + 公务用车183.60 + 接待427.50;
    # 会议费1,305.25; 培训费403.75 (the 三公 table's own columns, asked beside the 三公)
    reply = ask("省人大办公厅17年三公、会议费、培训费各多少？三公里面接待费占多少？")
    dept = "江苏省人大常委会办公厅"
    assert [p["frame"]["focus"] for p in reply["parts"]] == ["figures", "subjects", "figures"]
    got = rows(reply)
    for row in [("“三公”经费合计", "833.60", dept), ("因公出国（境）费", "222.50", dept),
                ("公务用车购置及运行费", "183.60", dept), ("公务接待费", "427.50", dept),
                ("会议费", "1305.25", dept), ("培训费", "403.75", dept)]:
        assert row in got
    assert formulas(reply) == ["公务接待费占比 = 427.50 ÷ 833.60 = 51.28%"]


# ---------------------------------------------------------------- national
def test_a_change_after_expense_subjects_continues_them(national_store):
    from nlp import answer

    # national/zhejiang_huzhou 湖州市财政局2026 第9-10页: 会议费0.00 比上年减少9.66 (下降100%);
    # 培训费54.98 比上年减少22 (下降28.6%)
    reply = answer("湖州财政局26年会议费、培训费各安排多少？比上年各减了多少？", national_store).to_json()
    dept = "湖州市财政局"
    assert reply["parts"][1]["frame"]["measures"] == ["word:会议费", "word:培训费"]
    got = rows(reply)
    assert ("2026年会议费预算比上年减少", "9.66", dept) in got
    assert ("2026年培训费预算比上年减少", "22.00", dept) in got
    assert "收入总计" not in reply["text"]


def test_vehicle_running_cost_said_as_yunwei(national_store):
    from nlp import answer

    # national/beijing 北京市财政局2026 附件1 第8页: 公务用车购置44.92, 运行维护39.50
    reply = answer("北京财政局26年公车购置和运维各多少？", national_store).to_json()
    assert reply["parts"][0]["frame"]["measures"] == ["three_public.vehicle_purchase",
                                                      "three_public.vehicle_operation"]
    assert [r[:2] for r in rows(reply)] == [("公务用车购置费", "44.92"), ("公务用车运行费", "39.50")]


def test_who_cut_more_compares_the_departments_changes(national_store):
    from nlp import answer

    # national 机关运行经费 2026: 无锡市交通运输局本级190.74 减少8.41; 苏州市水务局205.97 减少65.42
    reply = answer("无锡交通局本级和苏州水务局26年机关运行经费各多少？谁压得多？", national_store).to_json()
    ranked = [(a["label"], a["value"], a.get("rank")) for a in reply["answers"] if a.get("rank")]
    assert ranked == [("苏州市水务局", "65.42", 1), ("无锡市交通运输局（本级）", "8.41", 2)]
    assert "减少最多的是苏州市水务局" in reply["text"]


def test_last_year_of_two_departments_is_derived_and_compared(national_store):
    from nlp import answer

    # national 三公 2026: 珠海市商务局19.84 比上年减少5.96; 广州市统计局19.86 比上年减少22.65
    reply = answer("珠海商务局和广州统计局26年三公经费哪个多？去年呢？", national_store).to_json()
    assert formulas(reply) == ["广州市统计局比珠海市商务局多 = 19.86 − 19.84 = 0.02万元",
                               "2025年“三公”经费合计 = 19.84 + 5.96 = 25.80万元",
                               "2025年“三公”经费合计 = 19.86 + 22.65 = 42.51万元",
                               "2025年广州市统计局比珠海市商务局多 = 42.51 − 25.80 = 16.71万元"]


def test_places_enumerated_before_one_organisation_word(national_store):
    from nlp import answer

    # national 三公 2026: 北京市财政局223.80, 深圳市财政局58.46, 烟台市财政局23.4, 湖州市财政局9.30
    reply = answer("北京、深圳、烟台、湖州这几个财政局26年三公经费从高到低排一下", national_store).to_json()
    ranked = [(a["value"], a.get("rank")) for a in reply["answers"]]
    assert ranked == [("223.80", 1), ("58.46", 2), ("23.40", 3), ("9.30", 4)]
    assert len(reply["parts"][0]["frame"]["filters"]["departments"]) == 4


def test_share_of_income_named_by_a_bare_word(national_store):
    from nlp import answer

    # national/fujian_quanzhou 泉州市公安局2026 第17页: 收入预算81206.56, 上年结转结余7600.00
    reply = answer("泉州市公安局26年预算里上年结转结余多少？占收入的比例？", national_store).to_json()
    assert formulas(reply) == ["上年结转结余占比 = 7,600.00 ÷ 81,206.56 = 9.36%"]


def test_difference_against_the_year_an_earlier_part_asked(national_store):
    from nlp import answer

    # national/central 国家信访局: 2024决算 机关运行经费2266.65; 2026预算 2,376.26
    reply = answer("国家信访局机关运行经费24年决算多少？26年预算又是多少，比24年实际多多少？",
                   national_store).to_json()
    assert formulas(reply) == ["2026年比2024年多 = 2,376.26 − 2,266.65 = 109.61万元"]


def test_units_of_a_system_ranked_from_the_table_by_unit(national_store):
    from nlp import answer

    # national/zhejiang_hangzhou 杭州市司法局2026 表7: 三公合计413.68, 各单位分列 (now in the graph, ``unit_three_public``):
    # 西郊监狱 101.60 the most of seven units — ranked from that table, never the department's total in its place
    reply = answer("杭州市司法局系统里哪个单位26年三公经费最多？多少？", national_store).to_json()
    assert "1. 杭州市西郊监狱101.60万元" in reply["text"]
    assert reply["answers"][0]["rank"] == 1 and reply["answers"][0]["value"] == "101.60"
