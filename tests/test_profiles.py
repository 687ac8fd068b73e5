"""Template profiles: validated data, tables recognised by their words whatever they are numbered,
a document's family recognised from its content."""
from __future__ import annotations

import pytest

from kg.extract.profiles import (PROFILES, TableSettings, TableSpec, TemplateProfile, classify_title,
                                 profile_named, recognise_document, register_profile)
from kg.extract.profiles.model import LabelRule
from kg.extract.profiles.vocabulary import functional_class_code, number_key


def test_profiles_are_validated_when_built() -> None:
    with pytest.raises(ValueError, match="unknown kind"):
        TableSpec("表1", "收支总表", "budget_summary")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unit"):
        TemplateProfile("x", "x", (), (TableSpec("表1", "收支总表", "summary"),), unit="美元")
    with pytest.raises(ValueError, match="regular expression"):
        TemplateProfile("x", "x", (r"表(\d",), (TableSpec("表1", "收支总表", "summary"),))
    with pytest.raises(ValueError, match="name"):
        TemplateProfile("X Y", "x", (), (TableSpec("表1", "收支总表", "summary"),))
    with pytest.raises(ValueError, match="no tables"):
        TemplateProfile("x", "x", (), ())
    with pytest.raises(ValueError, match="regular expression"):
        LabelRule(r"(一般", "general_public_budget")
    with pytest.raises(ValueError, match="strategy"):
        TableSettings(vertical_strategy="explicit")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=">= 0"):
        TableSettings(snap_tolerance=-1)
    assert TableSettings().to_pdfplumber()["vertical_strategy"] == "lines"


def test_every_family_reads_its_own_titles_as_their_kinds() -> None:
    """The profiles and the shared vocabulary agree: each table a family lists is read as the kind
    the family says, with the family known and without it."""
    for profile in PROFILES:
        for spec in profile.tables:
            printed = f"{spec.number}{spec.title}" if spec.number.startswith(("表", "公开", "预算")) else spec.title
            assert classify_title(printed, profile).kind == spec.kind, (profile.name, spec.title)
            assert classify_title(spec.title).kind == spec.kind, (profile.name, spec.title)


@pytest.mark.parametrize("line, kind, number", [
    ("表1 部门收支总体情况表", "summary", "表1"),
    ("表 11", None, None),
    ("预算01表收支总表", "summary", "预算01表"),
    ("公开 01 表 收支总表", "summary", "公开01表"),
    ("公开表1 收支总体情况表", "summary", "公开表1"),
    ("部门公开表 9 财政拨款预算“三公”经费支出表", "three_public", "部门公开表9"),
    ("表十一 上年结转结余情况明细表", "carryover", "表11"),
    ("一、收支预算总表", "summary", "一、"),
    ("（七）2026年市级部门一般公共预算“三公”经费支出表", "three_public", "（七）"),
    ("收支总表（预算表 1）", "summary", "预算表1"),
    ("表1：2026年市级部门收支预算总表", "summary", "表1"),
    ("表5.2026年市级部门一般公共预算支出预算表", "general_budget_expenditure", "表5"),
    ("2026年度收支预算总表", "summary", ""),
    ("昌吉州生态环境局2024年部门收支总体情况表", "summary", ""),
    ("收入支出决算总表", "summary", ""),
    ("财政拨款收入支出决算总表", "fiscal_summary", ""),
    ("一般公共预算支出情况表（按功能分类科目）", "general_budget_expenditure", ""),
    ("部门综合预算一般公共预算支出明细表（按支出经济分类科目）", "general_budget_economic", ""),
    ("一般公共预算项目支出情况表（按经济分类科目）", "project_economic", ""),
    ("部门综合预算一般公共预算基本支出明细表（按功能科目分）", "basic_functional", ""),
    ("基本支出总表", "basic_expenditure_economic", ""),
    ("财政拨款安排的行政经费及“三公”经费预算表", "three_public", ""),
    ("一般公共预算机关运行经费支出预算表", "operating_expenses", ""),
    ("部门综合预算财政拨款上年结转资金支出表", "carryover", ""),
    ("2026年项目支出绩效目标表", "other", ""),
    ("收入总体情况表（续）", "income", ""),
    # prose and references are no titles
    ("本部门无政府性基金预算支出，故政府性基金预算支出情况表为空表。", None, None),
    ("详见附表", None, None),
    ("一、收支总表情况说明", None, None),
])
def test_titles_are_read_whatever_their_number(line: str, kind: str | None, number: str | None) -> None:
    hit = classify_title(line)
    if kind is None:
        assert hit is None
    else:
        assert (hit.kind, hit.number) == (kind, number)


def test_continued_titles_say_so() -> None:
    assert classify_title("部门支出总体情况表（续）").continued
    assert not classify_title("部门支出总体情况表").continued


def test_table_numbers_in_one_spelling() -> None:
    assert number_key("表十一") == "表11" and number_key("表 3") == "表3" and number_key("公开 01 表") == "公开01表"


def test_class_codes_from_names() -> None:
    assert functional_class_code("一、一般公共服务支出") == "201"
    assert functional_class_code("8、社会保障和就业") == "208"  # 西安 prints the 类 without 支出
    assert functional_class_code("（二十）住房保障支出") == "221"
    assert functional_class_code("医疗卫生与计划生育支出") == "210"  # the older name
    assert functional_class_code("信访事务") is None


def test_a_document_is_recognised_by_its_content() -> None:
    beijing = ["预算01表收支总表", "预算02表收入总表", "预算03表支出总表", "预算09表财政拨款“三公”经费支出表",
               "预算11表财政拨款政府购买服务明细表"]
    assert recognise_document(beijing).profile.name == "beijing"
    final = ["收入支出决算总表", "公开01表", "收入决算表", "公开02表", "支出决算表", "公开03表", "栏次"]
    assert recognise_document(final).profile.name == "final_account"
    xinjiang = ["表1", "部门收支总体情况表", "表2", "部门收入总体情况表", "表7", "一般公共预算项目支出情况表"]
    assert recognise_document(xinjiang).profile.name == "xinjiang"


def test_a_province_is_added_as_data() -> None:
    """A new family is a profile and nothing else: its own title is then read as its kind."""
    profile = TemplateProfile(
        name="test_island", description="a family only this test knows", numbering=(r"岛表\d",),
        tables=(TableSpec("岛表1", "部门资金来源去向一览表", "summary"),), signature=("资金来源去向",))
    assert classify_title("部门资金来源去向一览表") is None  # the shared vocabulary does not know it
    register_profile(profile)
    try:
        assert recognise_document(["部门资金来源去向一览表", "资金来源去向"]).profile.name == "test_island"
        assert classify_title("部门资金来源去向一览表", profile_named("test_island")).kind == "summary"
        with pytest.raises(ValueError, match="exists"):
            register_profile(profile)
    finally:
        import kg.extract.profiles as profiles

        profiles.PROFILES = tuple(p for p in profiles.PROFILES if p.name != "test_island")
