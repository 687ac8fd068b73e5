"""Audit questions asked in any words of "do these agree" reach the check, not a breakdown, a lookup
or a definition; and the check's answer gives both figures, the sum with its formula, the
difference and the verdict.

Figures read off the PDFs (pdftotext -layout of the page):
* 长春市信访局本级 2026 预算表6 (p.11): 301 工资福利支出 911.21 (its nine 款 add up to 920.96);
  302 商品和服务支出 211.00 (its fourteen 款 add up to 221.37).
* 国家信访局 2024 决算 公开01表 (p.7): 本年支出合计 14,572.53; 公开03表 (p.9) 类: 10,685.56 + 180.03 +
  2,228.57 + 497.53 + 980.85 = 14,572.54; 支出总计 22,066.59 (with 年末结转和结余). 说明七 (p.24–25):
  三公 46.21 = 因公出国（境）4.69 + 公务用车购置及运行 40.61 + 公务接待 0.90 (= 46.20).
* 国家信访局 2026 预算 说明四 (p.18) 财政拨款收支总预算 18,728.91; 部门公开表4 (p.9) 18,728.94.
* 广州市统计局 2026 说明四 (p.24) 政府采购 562.87 = 货物 15.40 + 工程 26.60 + 服务 520.87.
* 上海市审计局 2026 基本支出经济分类表 (p.17–18, 元): 301 148,274,340 + 302 21,019,560 + 303 4,994,400
  + 310 783,000 = 175,071,300 (17,507.13万元), the 基本支出 of the 财务收支预算总表.
* 长沙市信访局 2026 项目支出绩效目标表 (p.22–29): 合计 417.41, the four projects listed add up to 286.91.
* 西安市卫生健康委员会汇总 2022 决算 说明五 (p.12): 一般公共服务支出（类）发展与改革事务（款）日常经济运行调节
  （项）年初预算0万元、支出决算56万元, "西安急救中心对该功能科目使用错误，实际应使用卫生健康支出（类）公共卫生（款）
  应急救治机构（项）…".
* 烟台市财政局 2026 说明 (p.29–30): 三公 23.4万元, 比上年增加13万元, 增长125% (10.4 the year before: 13 ÷ 10.4
  = 125%); 因公出国（境）费 13万元, "比上年增加13万元，增长100%" from a base of 0.
"""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.shared


def _values(reply: dict) -> set[str]:
    return {a.get("value") for a in reply["answers"]}


def test_economic_subject_detail_asked_to_agree_is_a_check(ask_national) -> None:
    reply = ask_national("长春市信访局本级2026年基本支出中工资福利支出各款相加，与它的合计是否一致？")
    assert reply["intent"] == "audit"
    assert {"911.21", "920.96"} <= _values(reply)
    assert "相差9.75万元" in reply["text"]


def test_functional_classes_of_a_final_account_against_the_years_spending(ask_national) -> None:
    reply = ask_national("国家信访局2024年决算按功能分类的几类支出相加，与本年支出合计有没有出入？")
    assert reply["intent"] == "audit"
    assert {"14572.54", "14572.53"} <= _values(reply)
    assert "22066.59" not in reply["text"]  # 支出总计 carries the year-end balance: not what the classes make
    assert "属尾差" in reply["text"]


def test_procurement_parts_against_their_total(ask_national) -> None:
    reply = ask_national("广州市统计局2026年政府采购的货物、工程和服务三部分之和与采购总额相符吗？")
    assert reply["intent"] == "audit"
    assert {"15.40", "26.60", "520.87", "562.87"} <= _values(reply)
    assert "15.40 + 26.60 + 520.87 = 562.87" in reply["text"]
    assert "对得上" in reply["text"]


def test_three_public_parts_shown_beside_a_stated_total(ask_national) -> None:
    reply = ask_national("国家信访局2024年决算写三公经费46.21万元，请把三项相加核对一下")
    assert reply["intent"] == "audit"
    assert {"4.69", "40.61", "0.90", "46.20", "46.21"} <= _values(reply)
    assert "属尾差" in reply["text"]


def test_which_of_two_figures_is_a_check(ask_national) -> None:
    reply = ask_national("国家信访局2026年的财政拨款收支总计到底是18,728.94万元还是18,728.91万元，哪个对？")
    assert reply["intent"] == "audit"
    f = next(a for a in reply["answers"] if a.get("printed"))
    assert (f["printed"], f["expected"]) == ("18728.91", "18728.94")


def test_classes_of_an_economic_table_against_its_total(ask_national) -> None:
    reply = ask_national("上海市审计局2026年基本支出经济分类表里各大类相加，跟合计对得上吗？")
    assert reply["intent"] == "audit"
    assert "14,827.43 + 2,101.96 + 499.44 + 78.30 = 17,507.13" in reply["text"]
    assert "二者一致，对得上" in reply["text"]


def test_projects_with_targets_against_project_spending_in_two_clauses(ask_national) -> None:
    reply = ask_national("长沙市信访局2026年绩效目标表列了哪些专项，金额合计够不够项目支出？")
    assert {"286.91", "417.41"} <= {v for a in reply["answers"] for v in (a.get("value"), a.get("printed"),
                                                                         a.get("expected"))}
    assert "130.50" in reply["text"]


def test_a_slip_the_document_admits(ask_national) -> None:
    reply = ask_national("西安市卫生健康委员会2022年决算说明有没有提到哪个功能科目误用了，金额多大？")
    assert reply["intent"] == "audit"
    assert {"56.00", "0.00"} <= _values(reply)
    assert "应急救治机构" in reply["text"] and "使用错误" in reply["text"]


def test_a_named_statement_that_agrees_is_shown_recomputed(ask_national) -> None:
    reply = ask_national("烟台市财政局2026年说明中三公经费的增幅写得对不对？")
    assert reply["intent"] == "audit"
    assert {"23.40", "10.40"} <= _values(reply)
    # (the rate recomputed from the stated change over the year before: 13.00 = 23.40 − 10.40)
    assert "13.00 ÷ 10.40 = 125.00%，相符" in reply["text"]
    assert "基数为0" in reply["text"]  # the part that does not agree is still told


def test_printed_shares_of_a_whole_list_added_up(ask) -> None:
    """江苏省人大常委会办公厅 2017 说明十一 (p.28): 因公出国（境）费222.5万元占8.75%, 公务用车183.6万元占7.22%,
    公务接待费427.5万元占16.81% of the 三公 833.60 (= 222.5 + 183.6 + 427.5): the printed shares make 32.78%."""
    reply = ask("江苏省人大常委会办公厅2017年说明中三公三项的占比相加能到100%吗？")
    assert reply["intent"] == "audit"
    assert "8.75 + 7.22 + 16.81 = 32.78%" in reply["text"] and "不是100%" in reply["text"]
    assert next(a for a in reply["answers"] if a["label"] == "所印3项比重之和")["value"] == "32.78"


def test_shares_of_a_list_held_only_in_part_are_not_summed(ask) -> None:
    """上海市普陀区财政局 2024 决算 说明五（二） (p.21): four shares, only 一般公共服务支出's 71.73% is wrong (2106.66 ÷
    2940.05 = 71.65%); the graph holds that one, so no sum of the list is made from it."""
    reply = ask("普陀区财政局2024年决算说明中一般公共预算支出各类占比相加是不是100%？")
    assert "71.73" in reply["text"] and "71.65" in reply["text"]
    assert "比重之和" not in reply["text"]


def test_personnel_and_public_expenses_against_basic_expenditure(ask_national) -> None:
    """上海市审计局 2026 (元): 人员经费 153,268,740 + 公用经费 21,802,560 = 175,071,300, the 基本支出 of the 财务收支
    预算总表 (p.11)."""
    reply = ask_national("上海市审计局2026年人员经费与公用经费相加，与基本支出是否相符？")
    assert reply["intent"] == "audit"
    assert "15,326.87 + 2,180.26 = 17,507.13" in reply["text"] and "对得上" in reply["text"]


def test_general_budget_statements_against_the_general_budget_table(ask_national) -> None:
    """国家信访局 2026 说明五 (p.19–21) states the 一般公共预算 rows: 2014099 其他信访事务支出 3,623.98 and 2014001 行政运行
    5,826.21, as 部门公开表5 (一般公共预算支出表, p.10) prints them; the all-funds 表3 prints 36,230.56 and 6,286.21.
    Those statements agree with the table of their own kind of funds — no mismatch — and the narrative's real slips
    (委托业务费 增减31.35% for 333.83 ÷ 1,057.85 = 31.56%) are still told."""
    reply = ask_national("国家信访局2026年说明里各功能科目的金额和表里一致吗？")
    assert reply["intent"] == "audit"
    # (3,623.98 may stand in the statement of its two contradictory changes, never against the all-funds 36,230.56)
    assert "应为36230.56" not in reply["text"] and "应为6286.21" not in reply["text"] and "5826.21" not in reply["text"]
    assert "应为31.56%" in reply["text"]
