"""A year-on-year table the 说明 prints (``kg.extract.narrative.year_tables``) is checked as it promises —
each year's parts add up to its total, the 变化 row is the later year less the earlier — and the one
misprinted cell both failing identities point to is a finding of its own; an audit question about
that table gets its findings (the cell first), each answer row naming the item it checks.

Figures read off the PDF (西安市气象局_2022部门综合预算.pdf, p.9–10): the text says 2022年一般公共财政拨款
支出1899.9万元，其中基本支出183.93万元，专项业务经费支出1715.97万元，专项业务经费增加425.5万元; the table
below it prints 年度 | 总收入支出 | 专项业务费 | 基本支出: 2021 1493.51 | 1290.47 | 203.04; 2022 1899.9 |
1535.82 | 183.93; 变化 +406.39 | +425.5 | -19.11. 1535.82 + 183.93 = 1719.75 ≠ 1899.9, 1535.82 − 1290.47 =
245.35 ≠ 425.5; 1899.9 − 183.93 = 1290.47 + 425.5 = 1715.97. The record prints money in 元.

长春市信访局本级_2026 (p.18) 说明八: 项目支出474.56万元 listing 116 + 30 + 312 + 15.56 = 473.56; the
项目支出表 (p.14) prints 信访局临聘人员经费 16.56.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

pytestmark = pytest.mark.shared

XIAN = Path(__file__).resolve().parents[2] / "shared" / "national" / "shaanxi_xian" / "西安市气象局_2022部门综合预算.pdf"


@pytest.fixture(scope="module")
def xian_checks() -> dict[str, object]:
    if not XIAN.exists():
        pytest.skip(f"{XIAN} is absent (../shared/national)")
    from kg.extract.pipeline import extract_paths

    record = extract_paths([str(XIAN)])[0][0]
    assert record.unit == "元"
    return {c.where: c for c in record.checks if c.rule.startswith("year_table")}


def test_each_years_parts_against_its_total(xian_checks) -> None:
    ok = xian_checks["说明 对比表 2021年总收入支出"]
    assert ok.ok and ok.printed == Decimal("14935100.00")
    wrong = xian_checks["说明 对比表 2022年总收入支出"]
    assert not wrong.ok and wrong.severity == "material"
    assert (wrong.printed, wrong.expected) == (Decimal("18999000.00"), Decimal("17197500.00"))
    assert wrong.note == "专项业务费1535.82 + 基本支出183.93"


def test_the_change_row_against_the_two_years(xian_checks) -> None:
    assert xian_checks["说明 对比表 总收入支出变化"].ok
    assert xian_checks["说明 对比表 基本支出变化"].ok
    wrong = xian_checks["说明 对比表 专项业务费变化"]
    assert not wrong.ok and (wrong.printed, wrong.expected) == (Decimal("4255000.00"), Decimal("2453500.00"))


def test_the_misprinted_cell_both_identities_point_to(xian_checks) -> None:
    cell = xian_checks["说明 对比表 2022年专项业务费"]
    assert cell.rule == "year_table_cell" and not cell.ok and cell.severity == "material"
    assert (cell.printed, cell.expected) == (Decimal("15358200.00"), Decimal("17159700.00"))
    assert "1290.47 + 变化425.5 = 1715.97" in cell.note and "基本支出183.93 = 1715.97" in cell.note
    assert cell.provenance.page == 10
    assert cell.place.endswith("——对比表 2022年专项业务费")


def test_a_question_about_the_table_gets_its_cell_first(ask_national) -> None:
    reply = ask_national("西安气象局22年预算说明里那张21、22年对比表，专项业务费的数对吗？")
    findings = [a for a in reply["answers"] if a.get("rule")]
    assert findings[0]["rule"] == "year_table_cell"
    assert (findings[0]["printed"], findings[0]["expected"]) == ("1535.82", "1715.97")
    assert findings[0]["item"] == "2022年专项业务费"
    assert "1290.47 + 变化425.5 = 1715.97" in reply["text"]
    assert {a["rule"] for a in findings} == {"year_table_cell", "year_table_sum", "year_table_change"}


def test_a_figure_of_the_table_named_by_another_word_of_the_question(ask_national) -> None:
    # 对比图表: the caption calls it 对比图; 专项业务费 is also the word of a project's name (业务费)
    reply = ask_national("西安市气象局2022年预算说明里的专项业务费，对比图表和文字说的一样吗？")
    assert reply["answers"][0]["printed"] == "1535.82" and reply["answers"][0]["expected"] == "1715.97"


def test_a_finding_names_its_item_and_its_section(ask_national) -> None:
    reply = ask_national("长春市信访局26年项目支出的文字说明和项目支出表，各项目金额能对上吗？")
    rows = {a["label"]: a for a in reply["answers"]}
    hired = rows["说明八 信访局临聘人员经费 vs 项目支出表"]
    assert (hired["item"], hired["section"]) == ("信访局临聘人员经费", "项目支出情况说明")
    assert (hired["printed"], hired["expected"]) == ("15.56", "16.56")
    # the section's list of projects, which the misprinted figure leaves short of the total, comes with it
    listed = rows["说明八 项目支出预算 所列项目"]
    assert (listed["printed"], listed["expected"]) == ("474.56", "473.56")


def test_a_share_names_the_item_not_its_spending(ask) -> None:
    reply = ask("江苏人大办公厅17年三公经费各项占比加起来是100%吗？")
    items = [a.get("item") for a in reply["answers"] if a.get("rule") == "share_percent"]
    assert items == ["因公出国（境）费", "公务用车购置及运行费", "公务接待费"]


# --- the other checks a question about one statement needs (extraction, real documents) -----------

SHARED = Path(__file__).resolve().parents[2] / "shared"


def _checks_of(relative: str) -> list:
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared)")
    from kg.extract.pipeline import extract_paths

    return extract_paths([str(path)])[0][0].checks


def test_a_misprinted_share_says_the_total_it_fits() -> None:
    # 江苏省人大办公厅 2017 说明十一 (p.28): 出国222.5万元，占“三公”经费的8.75%; 三公 833.60, and with 会议费
    # 1,305.25 and 培训费 403.75 the table's 合计 2,542.60: 222.5 ÷ 2,542.60 = 8.75%
    checks = {c.where: c for c in _checks_of("realdocs/jiangsu/江苏省人大办公厅/江苏省人大办公厅2017年度预算公开.pdf")}
    share = checks["说明 因公出国（境）费支出 占“三公”经费的比例"]
    assert (share.printed, share.expected, share.severity) == (Decimal("8.75"), Decimal("26.69"), "material")
    assert share.note.endswith("；所印8.75%与222.5÷2542.60（“三公”经费、会议费和培训费合计）相符")


def test_a_subject_named_by_zhuyaoshi_then_stated_has_its_share_checked() -> None:
    # 国家信访局 2026 说明五 (p.19): 主要是2014099其他信访事务支出，2026年预算数为3,623.98万元，占部门支出
    # 总额的22.00%; 部门支出总额 50,616.94 (3,623.98 ÷ 50,616.94 = 7.16%); 22.00% is of 16,474.82
    checks = {c.where: c for c in _checks_of("national/central/国家信访局_2026部门预算.pdf")}
    share = checks["说明五 其他信访事务支出 占部门支出总额的比例"]
    assert (share.printed, share.expected, share.severity) == (Decimal("22.00"), Decimal("7.16"), "material")
    assert "所印22.00%与3,623.98÷16474.82（一般公共预算拨款收入）相符" in share.note


def test_the_narratives_three_public_against_its_table() -> None:
    # 西安市气象局 2022 说明六 (p.13): 三公0.27万元、会议费0.24万元、培训费0.71万元; 表13 (p.30, 元): 2022 all 0
    checks = {c.where: c for c in _checks_of("national/shaanxi_xian/西安市气象局_2022部门综合预算.pdf")}
    for where, printed in (("说明六 “三公”经费 vs 表13", "2700.00"), ("说明六 会议费 vs 表13", "2400.00"),
                           ("说明六 培训费 vs 表13", "7100.00")):
        assert (checks[where].printed, checks[where].expected, checks[where].ok) == (Decimal(printed), Decimal("0.00"), False)


def test_a_grids_total_is_placed_under_its_printed_title() -> None:
    # 长沙市信访局 2026 (p.22): "2026年项目支出绩效目标表", 合计 417.41 over four projects adding up to 286.91
    checks = {c.where: c for c in _checks_of("national/hunan_changsha/长沙市信访局_2026部门预算.pdf")}
    grid = checks["绩效目标表 合计 vs 所列4个项目"]
    assert (grid.printed, grid.expected) == (Decimal("417.41"), Decimal("286.91"))
    assert grid.place == "2026年项目支出绩效目标表——合计"


def test_the_item_section_and_table_a_finding_names() -> None:
    """The fields read off findings the graph holds for real documents (labels and places as printed):
    国家信访局 2026 说明八（三）, 长春市信访局本级 2026 说明八, 长沙市信访局 2026 p.22, 杭州市司法局 2026 说明二（三）."""
    from nlp.execute.finding_fields import item_of, section_of, table_of
    from nlp.reply import Item

    rate = Item("说明八（三） 委托业务费财政拨款预算 增减幅度", extra={"figure": "委托业务费财政拨款预算增减幅度",
                                                        "where": "说明八（三） 委托业务费财政拨款预算 增减幅度"})
    assert item_of(rate) == "委托业务费"
    assert section_of("八、项目支出情况说明——信访局临聘人员经费") == "项目支出情况说明"
    assert section_of("二、2026年杭州市司法局部门预算安排情况说明 （三）支出预算情况说明（详见表1-3）——所列类级科目") \
        == "支出预算情况说明"
    assert table_of("2026年项目支出绩效目标表——合计") == "项目支出绩效目标表"
    assert table_of("公开01表 收入支出决算总表——本年支出合计") == "收入支出决算总表"
    assert section_of("表3 部门支出总体情况表——合计") is None


def test_a_sum_that_agrees_comes_with_the_narratives_list_of_the_same_total(ask_national) -> None:
    # 长春市信访局本级 2026: 预算表9's four projects 312 + 116 + 30 + 16.56 = 474.56 = 项目支出; 说明八 lists
    # the same four with 临聘人员经费 15.56, making 473.56 against its 474.56
    reply = ask_national("长春市信访局26年几个项目加起来和项目支出总额对得上吗？")
    assert "= 474.56万元；与项目支出（印数）474.56万元一致，对得上" in reply["text"]
    listed = [a for a in reply["answers"] if a.get("rule") == "narrative_sum"]
    assert [(a["printed"], a["expected"], a["section"]) for a in listed] == [("474.56", "473.56", "项目支出情况说明")]


def test_a_project_named_with_its_performance_table_unread_keeps_its_findings(ask_national) -> None:
    # 珠海市商务局 2026: 表12 (p.24) 辅助人员补助经费-拱北海关 7,672.50; 说明七 重点项目 (p.33) 7672.25
    reply = ask_national("珠海市商务局给拱北海关的辅助人员补助经费，项目支出表和后面重点项目绩效目标表里写的数一样吗？")
    row = next(a for a in reply["answers"] if a.get("rule") == "project_amount_places")
    assert (row["printed"], row["expected"], row["item"]) == ("7672.50", "7672.25", "辅助人员补助经费-拱北海关")
    assert "相差0.25万元" in reply["text"]
