"""A year the graph holds no budget of, derived from the next budget's 比上年 statements.

Figures read off the printed pages (see each test's docstring); the real parsers on the real
documents and the real question service over the session's stores."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.shared

CHANGCHUN = "jilin_changchun/长春市信访局本级_2026部门预算.pdf"


def derived(reply: dict) -> dict[str, str]:
    """The derived figures of a reply by label."""
    return {d["label"]: d["value"] for d in reply["derived"]}


def test_a_statement_about_the_whole_budget_compares_its_total(national) -> None:
    """长春市信访局 p.17 说明一: ``2026年预算收入1682.76万元。…2026年预算支出1682.76元（sic）…
    2026年预算比2025年预算增加50.32万元，增长3.08%`` — the whole budget: the 收入 total, the one that
    reproduces the printed rate (50.32 ÷ 1632.44 = 3.08%); the 支出 total printed in 元 does not.
    说明四: ``2026年财政拨款收入1682.76万元同比上年增长3.08%`` — 同比 split by the comparator."""
    changes = national[CHANGCHUN].changes
    whole = next(c for c in changes if c["provenance"]["line"] == 226)
    assert (whole["subject"], whole["current"], whole["amount"], whole["key"]) == \
        ("预算收入", "1682.76", "50.32", "income_total")
    fiscal = next(c for c in changes if c["provenance"]["line"] == 235)
    assert (fiscal["subject"], fiscal["current"], fiscal["key"]) == ("财政拨款收入", "1682.76", "fiscal_total")


def test_a_statement_after_a_bare_sentence_is_no_whole_budget(national) -> None:
    """无锡市交通运输局 p.32: ``（1）科学技术支出（类）支出 5,000 万元，主要用于多港联运补贴资金。与上年相比
    增加 5,000 万元`` — the sentence names nothing, which is not the whole budget: the 支出预算总计
    984,760.87 万元 stated above is not its current figure; the item's own printed 5,000 is."""
    record = next(r for k, r in national.items() if "无锡市交通运输局" in k)
    change = next(c for c in record.changes if c["amount"] == "5000.00")
    assert change["current"] == "5000.00" and change.get("key") != "expenditure_total"


def test_last_years_budget_from_the_whole_budget_statement(ask_national) -> None:
    reply = ask_national("长春信访局25年部门预算多少钱？")
    assert derived(reply) == {"2025年收入总计（推算）": "1632.44"}


def test_a_part_naming_only_an_earlier_time_asks_the_same_figure(ask_national) -> None:
    """无锡市交通运输局本级 p.32: 上年结转结余为0万元，与上年相比减少94,815.95万元. ``25年的时候有多少`` names
    only a year (的时候 is no topic): the carry-over of 2025, never the year's income total."""
    reply = ask_national("无锡交通局本级26年预算里还有上年结转结余吗？25年的时候有多少？")
    assert derived(reply) == {"2025年上年结转结余（推算）": "94815.95"}


def test_a_budget_income_statement_is_the_income_total(ask_national) -> None:
    """深圳市财政局 p.6: ``2026年部门预算收入37,385.88万元，较2025年年初预算减少16,640.31万元``; p.12:
    机关运行经费2,719.55万元，较2025年年初预算减少956.74万元."""
    reply = ask_national("深圳财政局2025年的部门预算和机关运行经费各是多少？")
    assert derived(reply) == {"2025年收入总计（推算）": "54026.19", "2025年机关运行经费（推算）": "3676.29"}


def test_income_execution_figure_asked_by_its_column_word(ask_national) -> None:
    """湖州市财政局 p.7: 2026年收入预算6838.41万元，比上年执行数减少772.20万元; p.11: 三公9.30万元，比上年
    预算数减少10万元."""
    reply = ask_national("湖州财政局2025年三公经费和收入执行数分别多少？")
    assert derived(reply) == {"2025年收入总计（推算）": "7610.61", "2025年“三公”经费合计（推算）": "19.30"}


def test_an_operating_expense_beside_an_economic_subject(ask) -> None:
    """江苏省人大办公厅2017 p.28: 机关运行经费5619.31万元，比2016年增加4032.99万元; p.29: 会议费1305.25万元，
    本年数小于上年预算数403.75万元 (上年 1709.00). 机关运行经费 joined to 会议费 by 和 is a figure
    asked beside it, not the column 会议费 is read in."""
    reply = ask("江苏人大办公厅2016年机关运行经费和会议费各多少？")
    assert [p["frame"]["focus"] for p in reply["parts"]] == ["figures", "subjects"]
    assert derived(reply)["2016年机关运行经费（推算）"] == "1586.32"
    assert any(a["label"] == "2016年会议费" and a["value"] == "1709.00" for a in reply["answers"])


def test_a_derived_year_lists_the_parts_named_in_full(ask) -> None:
    """克州生态环境局 004 说明十: 三公32.00万元比上年增加7.50万元; 公务接待费15.00万元，增加13.00万元;
    公务用车运行费17.00万元，减少5.50万元. The family named alone is derived with all its parts, but
    only the figures named show their inputs as rows (the others' are said in the sentence); each
    statement is the part its own words name (公务用车运行费 is not the 公务用车 total)."""
    reply = ask("克州生态环境局23年三公经费预算多少？同年公务接待费呢？")
    got = derived(reply)
    assert got["2023年“三公”经费合计（推算）"] == "24.50" and got["2023年公务接待费（推算）"] == "2.00"
    assert got["2023年公务用车运行费（推算）"] == "22.50" and got["2023年公务用车购置费（推算）"] == "0.00"
    labels = [a["label"] for a in reply["answers"]]
    assert "2024年“三公”经费合计" in labels and "2024年公务接待费" in labels
    assert "2024年公务用车运行费" not in labels and len(labels) == 13
    # 公务用车购置及运行费 states no change of its own: its parts' (购置 0, 运行 −5.50) added up
    assert got["2023年公务用车购置及运行费（推算）"] == "22.50"


def test_a_statement_about_figures_stated_together(national) -> None:
    """西安市卫生健康委员会汇总_2022部门决算.pdf p.9: ``2022年度收入总计、支出总计均为2,480,372.7万元，与上年相比
    收入总计、支出总计均增加789,183.4万元，增长46.66%``; p.10 (四、财政拨款收入支出决算总体情况说明): ``财政拨款收入
    总计、支出总计均为864,177.93万元，与上年相比收入总计、支出总计均增加337,874.84万元`` — in that chapter a
    bare 收入总计 is the 财政拨款 money's."""
    record = next(r for k, r in national.items() if "西安市卫生健康委员会" in k)
    by_line = {c["provenance"]["line"]: c for c in record.changes}
    assert (by_line[148]["subject"], by_line[148]["current"], by_line[148]["key"]) == \
        ("收入总计", "2480372.70", "income_total")
    assert (by_line[163]["subject"], by_line[163]["current"], by_line[163]["key"]) == \
        ("财政拨款收入总计", "864177.93", "fiscal_total")


def test_last_years_final_account_from_a_joint_statement(ask_national) -> None:
    reply = ask_national("西安卫健委2021年的收入总计能算出来吗？")
    assert derived(reply) == {"2021年收入总计（推算）": "1691189.30"}


def test_a_total_derived_from_the_changes_of_its_parts(ask) -> None:
    """江苏省高级人民法院2019年度部门预算公开.pdf p.23–24 说明九: 因公出国（境）费预算支出160.00万元，比上年减少10万元;
    公务用车购置预算支出0万元、公务用车运行维护费预算支出266.80万元，与上年一致; 公务接待费86.95万元，比上年减少97万元;
    the 三公 total (513.75) has no statement of its own: 2018 = 513.75 + 10 + 97 = 620.75."""
    reply = ask("江苏高院三公经费19年513.75万，按说明里各项的增减，18年的三公预算应该是多少？")
    got = derived(reply)
    assert got["2018年“三公”经费合计（推算）"] == "620.75"
    assert got["2018年因公出国（境）费（推算）"] == "170.00" and got["2018年公务接待费（推算）"] == "183.95"
    assert "由说明所列各分项的增减相加" in reply["text"]


def test_last_years_figures_of_a_total_and_of_a_subject_row(ask_national) -> None:
    """西安市审计局（汇总） 2026 (in 元) p.11 说明六: 一般公共预算拨款收入4,005.29万元，较上年减少28.10万元; p.12
    说明七（二）2: 审计业务（2010804）635.87万元，较上年减少181.13万元. p.17's 当年一般公共预算培训费预算支出21.00万元，
    较上年减少17.60万元 is 培训费, never the 一般公共预算 its words share."""
    reply = ask_national("西安市审计局2025年的一般公共预算拨款大概是多少？审计业务那一项25年又是多少？")
    assert derived(reply) == {"2025年一般公共预算拨款收入（推算）": "4033.39"}
    said = {a["label"]: a["value"] for a in reply["answers"]}
    assert said["2025年审计业务"] == "817.00" and said["2026年审计业务比上年减少"] == "181.13"


def test_a_part_setting_the_figure_against_a_named_year(ask_national) -> None:
    """上海市审计局 2026 (tables in 元) p.5 说明: 收入预算19,577万元，其中财政拨款收入19,577万元，比2025年预算减少290万元.
    ``跟25年比呢`` after the 财政拨款 part is that figure's change, and 2025 follows from it."""
    reply = ask_national("上海市审计局26年收入预算多少？全是财政拨款吗？跟25年比呢？")
    assert derived(reply)["2025年财政拨款收入合计（推算）"] == "19867.00"
