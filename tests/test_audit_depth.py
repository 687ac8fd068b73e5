"""Audit depth (issue 10): figures a table or a statement restates, checked against the budget's own,
each finding naming where, the printed and the expected figure — and the question service reporting
them with those figures. Every value was read by hand off the PDF pages (pdfplumber's layout text).

* 泉州市公安局 2026 p.52 部门整体支出绩效目标表: 资金总额 81562.56, 项目支出 29514.82, 基本支出 52047.74;
  收支总表 p.10 支出合计 81206.56, 支出总表 p.12 合计 81206.56 = 基本 51691.74 + 项目 29514.82;
* 佛山市轨道交通局 2019 决算 p.28: 7个一般公共预算项目…共涉及资金940.15万元，占一般公共预算项目支出总额的
  100%; 支出决算表 p.10 项目支出 921.75;
* 国家信访局 2024 决算 p.26: …共涉及资金5105.75万元，占一般公共预算项目支出总额的100%; 公开03表 p.9
  项目支出 3,499.42 (a 决算's evaluations may count the projects' 全年预算数: a notice, not material).
"""
from __future__ import annotations

from decimal import Decimal

import pytest

pytestmark = pytest.mark.shared

D = Decimal
QUANZHOU = "fujian_quanzhou/泉州市公安局_2026部门预算.pdf"
FOSHAN = "guangdong_foshan/佛山市轨道交通局_2019部门决算.pdf"
CENTRAL_FINAL = "central/国家信访局_2024部门决算.pdf"


def _found(record, rule: str, where: str) -> list[tuple]:
    return [(c.where, c.printed, c.expected, c.severity) for c in record.checks
            if c.rule == rule and c.where.startswith(where)]


def test_department_performance_table_totals(national) -> None:
    assert _found(national[QUANZHOU], "same_figure", "部门整体绩效目标表 ") == [
        ("部门整体绩效目标表 资金总额 vs 表1", D("81562.56"), D("81206.56"), "material"),
        ("部门整体绩效目标表 项目支出 vs 表3", D("29514.82"), D("29514.82"), "ok"),
        ("部门整体绩效目标表 基本支出 vs 表3", D("52047.74"), D("51691.74"), "material")]


def test_the_new_rules_find_nothing_else_in_the_national_documents(national) -> None:
    """Every finding the two rules make on ../shared/national, each checked by hand on its page."""
    found = sorted((path, c.where, c.severity) for path, record in national.items() for c in record.checks
                   if not c.ok and (c.rule == "coverage_amount" or c.where.startswith("部门整体绩效目标表 资金总额")
                                    or c.where.startswith("部门整体绩效目标表 基本支出")
                                    or c.where.startswith("部门整体绩效目标表 项目支出")))
    assert found == [
        (CENTRAL_FINAL, "说明 绩效自评涉及资金 vs 公开03表 项目支出", "notice"),
        (QUANZHOU, "部门整体绩效目标表 基本支出 vs 表3", "material"),
        (QUANZHOU, "部门整体绩效目标表 资金总额 vs 表1", "material"),
        (FOSHAN, "说明 绩效自评涉及资金 vs 表3 项目支出", "notice")]


def test_self_evaluation_said_to_cover_all_projects(national) -> None:
    assert _found(national[FOSHAN], "coverage_amount", "说明") == [
        ("说明 绩效自评涉及资金 vs 表3 项目支出", D("940.15"), D("921.75"), "notice")]
    assert _found(national[CENTRAL_FINAL], "coverage_amount", "说明") == [
        ("说明 绩效自评涉及资金 vs 公开03表 项目支出", D("5105.75"), D("3499.42"), "notice")]


def test_department_table_totals_asked(ask_national) -> None:
    reply = ask_national("泉州市公安局的部门整体绩效目标表，资金总额和基本支出跟预算说明里的数一致吗？")
    # each finding with the table's own figures beside it (资金总额、项目支出、基本支出), then the gap
    for finding in ("部门整体绩效目标表 资金总额 vs 表1：印81562.56，应为81206.56",
                    "部门整体绩效目标表 基本支出 vs 表3：印52047.74，应为51691.74"):
        said = reply["text"].split(finding, 1)
        assert len(said) == 2 and "相差356.00万元" in said[1].split("；")[0]
    assert len(reply["answers"]) == 2


def test_a_share_named_by_its_total_shows_its_working(ask) -> None:
    """江苏省人大办公厅 2017 说明十一 (p.28): 因公出国（境）费支出222.5万元，占“三公”经费的8.75% — of the
    三公 833.60 (表 p.20: 222.50 + 183.60 + 427.50) it is 26.69%; the 8.75% printed is of the table's 合计
    2,542.60 (三公 with 会议费 1,305.25 and 培训费 403.75), which the answer says."""
    reply = ask("江苏省人大办公厅2017年三公经费说明里各项占“三公”经费的百分比对吗？")
    assert "说明 因公出国（境）费支出 占“三公”经费的比例：印8.75%，应为26.69%（按222.5÷833.60计算，占“三公”经费；" \
        "所印8.75%与222.5÷2542.60（“三公”经费、会议费和培训费合计）相符）" in reply["text"]


def test_which_figure_of_a_statement_is_the_slip(ask) -> None:
    """上海市普陀区司法局 2026 编制说明 (pp.8–9): 其他司法支出 3,845.49万元, 2025年执行数印43,269.3万元,
    增加17.62% — the rate and its direction say the earlier figure is the slip (3,845.49 ÷ 1.1762 =
    3,269.42); 住房公积金 201.50万元 比198.34万元增加5.27% — 5.27% is 208.80 (表3 p.13) over 198.34: the
    statement's 201.50 is the slip, not its rate; and the year slip (比2026年预算) once, with its sentences."""
    reply = ask("普陀司法局26年预算说明里的数字，有没有明显写错的地方？")
    by_label = {a["label"]: a for a in reply["answers"]}
    assert by_label["其他司法支出（2040699）上年数"]["value"] == "43269.30"
    assert "所写的上年数有误" in reply["text"]
    assert "按表中208.80万元计，比上年198.34万元增减5.27%，与所写5.27%一致，说明中的201.50万元有误" in reply["text"]
    assert not any(label.startswith("住房公积金（2210201）增减幅度") for label in by_label)
    assert "财政拨款收入 比较年度：印2026年，应为2025年" in reply["text"]
    assert sum(1 for label in by_label if "比较年度" in label) == 1
