"""Follow-up parts that lean on the parts before them, through the real pipeline on the real documents
of ../shared/national and ../shared/realdocs (skipped where absent): a part naming only another year repeats the question
just asked of that year; 购置和运行维护各多少 asks each of the two 公务用车 figures, not their sum; a change
asked after a share is the whole's. Expected figures are as printed in the document named in each test."""
from __future__ import annotations

import re
from decimal import Decimal

import pytest

from tests.nlp_support import reply_numbers as numbers

pytestmark = pytest.mark.shared


def test_a_part_naming_another_year_repeats_the_question(ask_national) -> None:
    """杭州市司法局 2026 说明二（七）: 公务用车购置 151.68, 比上年增加27.78; 运行维护 188.00, 比上年减少13.60 —
    so 2025's were 123.90 and 201.60."""
    reply = ask_national("杭州市司法局26年三公经费多少？公车购置和运行维护各多少？25年这两项各是多少？")
    assert {Decimal("151.68"), Decimal("188.00"), Decimal("123.90"), Decimal("201.60")} <= numbers(reply)


def test_purchase_and_operation_each_are_two_figures(ask_national) -> None:
    """杭州市司法局 2026 表7: 公务用车购置费 151.68 and 公务用车运行维护费 188.00 (their sum 339.68 not asked)."""
    reply = ask_national("杭州市司法局26年公车购置和运行维护各多少？")
    assert {Decimal("151.68"), Decimal("188.00")} <= numbers(reply)


def test_a_change_after_a_share_is_the_wholes(ask_national) -> None:
    """重庆市人民政府办公厅 2026 说明四: 三公 394.49, 比上年减少2.48 (2025: 396.97); 因公出国 184.49 unchanged."""
    reply = ask_national("重庆市府办26年三公经费多少，因公出国占几成？比去年少了多少")
    assert {Decimal("394.49"), Decimal("46.77"), Decimal("2.48"), Decimal("396.97")} <= numbers(reply)


def test_a_share_of_the_money_a_stated_count_covers(ask_national) -> None:
    """杭州市司法局 2026 说明二（十）: 31个一级项目实行绩效目标管理，涉及资金28,506.17万元; 支出总计 99,230.46 —
    28,506.17 ÷ 99,230.46 = 28.73%."""
    reply = ask_national("杭州司法局26年纳入绩效目标管理的一级项目有几个？涉及多少钱？占总支出几成？")
    assert {Decimal("31"), Decimal("28506.17"), Decimal("28.73")} <= numbers(reply)


def test_kinds_held_as_none_are_said(ask_national) -> None:
    """杭州市司法局 2026 说明二（十）3: 车辆56辆（一般公务用车0辆、执法执勤用车35辆、特种专业技术用车21辆、其他0辆）."""
    reply = ask_national("杭州市司法局现在有多少辆车、都是什么车？")
    assert "执法执勤用车35辆" in reply["text"] and "均为0辆" in reply["text"]


def test_the_items_an_objective_lists_summed_against_an_amount_said(ask_national) -> None:
    """福州市民政局本级 2026 绩效目标表 (p.44) 市级困难群众救助补助金 16,000.00: its objective plans 城市低保3144万元、
    农村低保9721万元、特困人员救助供养金3344万元 — 16,209.00, 209.00 more than the 16,000 asked about."""
    reply = ask_national("福州民政局市级困难群众救助补助金，年度目标里列的低保和特困供养金加起来是不是16000万？")
    assert {Decimal("3144.00"), Decimal("9721.00"), Decimal("3344.00"), Decimal("16209.00"),
            Decimal("209.00")} <= numbers(reply)
    assert "不是" in reply["text"]


def test_places_enumerated_before_liang_di_and_one_organisation_word(ask_national) -> None:
    """深圳和北京两地财政局: each place's 财政局 (深圳市财政局 2026 表3: 2130899 其他普惠金融发展支出 2,000.00)."""
    reply = ask_national("深圳和北京两地财政局26年预算里有没有支持普惠金融的资金？各多少？")
    assert "没有找到" not in reply["text"] and Decimal("2000.00") in numbers(reply)


def test_guan_the_verb_is_no_topic_word(ask_national) -> None:
    """福州市商务局 2026: 菜篮子工程建设专项资金 1,800.00 (its objective: 冻猪肉储备保持在1000吨以上)."""
    reply = ask_national("福州商务局有没有管猪肉储备的钱？多少")
    assert "菜篮子工程建设专项资金" in reply["text"] and Decimal("1800.00") in numbers(reply)


def test_rows_set_aside_by_chu_le(ask) -> None:
    """江苏省人大常委会办公厅 2017 表8, 20101 人大事务: 行政运行 4,545.94 set aside, the largest three 项 are
    一般行政管理事务 2,468.78, 人大会议 1,305.25, 人大立法 810.00."""
    reply = ask("江苏省人大办公厅2017年人大事务下面，除了行政运行，钱最多的三个项级科目是哪些？")
    assert [a["label"] for a in reply["answers"]][:3] == ["一般行政管理事务", "人大会议", "人大立法"]


def test_subject_rows_whose_stated_fall_passes_a_rate(ask) -> None:
    """江苏省高级人民法院 2019 说明五: 案件执行 775万元，下降18.42%; 其他法院支出 630万元，下降30.77%; 机关服务 −12.5%,
    案件审判 −12.77% do not pass 15%, 行政运行 rises."""
    reply = ask("省高院19年法院款下的项级科目里，哪些比上年压减超过15%？")
    assert "超过15%的2个" in reply["text"]
    assert {"18.42", "30.77"} <= set(re.findall(r"\d+\.\d+", reply["text"]))
    assert "机关服务" not in reply["text"] and "案件审判" not in reply["text"]


def test_the_items_a_narrative_lists_under_a_figure(ask_national) -> None:
    """长春市信访局本级 2026 说明九: 机关运行经费 211万元，其中办公费34.82、物业费36.18、取暖费23.37."""
    reply = ask_national("长春信访局26年机关运行经费多少？里面办公费、物业费、取暖费各多少？")
    assert {Decimal("211.00"), Decimal("34.82"), Decimal("36.18"), Decimal("23.37")} <= numbers(reply)


def test_classes_with_the_whole_they_make_up(ask_national) -> None:
    """长春市信访局本级 2026 预算表6: 301 911.21 + 302 211.00 + 303 85.98 = 1,208.19, the table printing 1,208.20."""
    reply = ask_national("长春信访局26年基本支出按经济分类三大块各多少？")
    assert {Decimal("911.21"), Decimal("211.00"), Decimal("85.98"), Decimal("1208.19"),
            Decimal("1208.20")} <= numbers(reply)


def test_indicators_of_a_budget_stating_no_project_has_targets(ask) -> None:
    """江苏省政协办公厅 2019 说明十四: 本部门共0个项目实行绩效目标管理 — asked which indicators, nothing."""
    reply = ask("江苏省政协办公厅2019年的项目支出绩效目标里，设了哪些量化指标？")
    assert reply["answers"] == [] and "共0个项目" in reply["text"]


def test_details_of_a_trip_no_table_prints(ask_national) -> None:
    """国家信访局 2024 决算 说明七: 因公出国（境）团组1个、1人次、4.69万元 — no destination, no length: nothing
    stands in for them (neither the 出国 money nor the totals)."""
    reply = ask_national("国家信访局24年那一次出国团组去的是哪个国家，几天？")
    assert reply["answers"] == [] and "没有找到" in reply["text"]


def test_inside_the_first_of_a_ranking(ask_national) -> None:
    """深圳市财政局 2026 说明（五）: 预决算管理业务 18,808.16 the largest project; its 贴息资金 10,000.00 is 53.17% of it."""
    reply = ask_national("深圳市财政局本级26年项目支出里最大的三块是什么？第一名里贷款贴息占多少？")
    assert {Decimal("18808.16"), Decimal("2714.03"), Decimal("2000.00"), Decimal("10000.00"),
            Decimal("53.17")} <= numbers(reply)


def test_ranked_by_the_score_named(ask_national) -> None:
    """国家信访局 2024 决算 自评表: four projects; 信息化运行维护 scores lowest (90.5), 执行率63.01%."""
    reply = ask_national("国家信访局24年决算里公开了哪几个项目的绩效自评？哪个得分最低，执行率多少？")
    assert "共4个项目" in reply["text"] and "自评得分最低的1个" in reply["text"] and "90.5" in reply["text"]


def test_a_departments_name_holding_an_ask_word_asks_nothing(ask_national) -> None:
    """广州市统计局: 统计 in its name is no ask (统计一下); the clause naming the units is context for the next."""
    from nlp.parts import split

    q = "广州统计局本级和下面两个中心，26年基本支出各多少？"
    assert [q[a:b] for a, b in split(q)] == [q[:-1]] or len(split(q)) == 1


def test_a_check_of_the_figure_the_question_states(ask_national) -> None:
    """长春市信访局本级 2026 说明八: 项目支出474.56 listed as 116 + 30 + 312 + 15.56 = 473.56 (the table: 16.56)."""
    reply = ask_national("长春信访局26年预算说明里列的几个项目金额，和项目支出表对得上吗？加起来是不是474.56？")
    assert {Decimal("15.56"), Decimal("16.56"), Decimal("474.56"), Decimal("473.56")} <= numbers(reply)


def test_rows_listed_then_ranked_by_their_stated_change(ask_national) -> None:
    """苏州市审计局 2026 说明五（三）: 住房改革支出 22102 = 住房公积金345.48 + 提租补贴555.50 + 购房补贴401.97; 提租补贴
    rose most (比上年增加266.46万元，增长92.19%)."""
    reply = ask_national("苏州审计局26年住房改革支出下面三项各多少？哪项涨得最多，为什么？")
    assert {Decimal("345.48"), Decimal("555.50"), Decimal("401.97"), Decimal("266.46")} <= numbers(reply)
    assert "比上年增加最多的1个" in reply["text"]


def test_where_the_money_comes_from_and_a_share_of_the_whole_asked(ask_national) -> None:
    """国家信访局 2026 部门公开表1: 收入总计50,616.94 = 一般公共预算拨款16,474.82 + 其他收入31,888.00 + 上年结转2,254.12;
    财政拨款 16,474.82 ÷ 50,616.94 = 32.55%."""
    reply = ask_national("国家信访局2026年五个多亿的盘子，钱从哪几块来？财政拨款只占多少？")
    assert {Decimal("50616.94"), Decimal("16474.82"), Decimal("31888.00"), Decimal("2254.12"),
            Decimal("32.55")} <= numbers(reply)


def test_the_money_beside_fiscal_funds_and_a_share_of_the_whole_named(ask) -> None:
    """江苏省政协办公厅 2019: 总计13,377.11 = 一般公共预算13,297.11 + 其他资金80.00; 单位预留机动经费1,886.02 is
    14.10% of 支出总计 (not of the 财政拨款 asked before)."""
    reply = ask("江苏省政协办公厅19年总预算多少？财政拨款以外还有多少钱？支出里机动经费占多少？")
    assert {Decimal("13377.11"), Decimal("80.00"), Decimal("1886.02"), Decimal("14.10")} <= numbers(reply)


def test_a_source_named_as_a_condition_on_projects(ask_national) -> None:
    """珠海市商务局 2026 表12: 政府性基金 pays two projects, 以旧换新资金（第三批）19.10 and （第四批）78.70; 广州市统计局
    表12: 上级拨入专项调查经费 50.00 is its only project not paid by 财政拨款."""
    reply = ask_national("珠海商务局26年项目里，有哪些是用政府性基金安排的？各多少？")
    assert {Decimal("19.10"), Decimal("78.70"), Decimal("97.80")} <= numbers(reply)
    reply = ask_national("广州市统计局有个项目不是财政拨款的钱，是哪个？多少？")
    assert [a["label"] for a in reply["answers"]][:1] == ["上级拨入专项调查经费"]
