"""Operations composed with filters, on the real documents (corpus + realdocs): audit sums of
parts against their printed totals (recomputed with Decimal), the same money printed in two
tables, classification rows within a bound or ranked, a follow-up that ranks the rows just asked,
counts split by funding, two departments compared with their difference, a share of the subject
just asked. Every figure below is the one printed in the documents."""
from __future__ import annotations

import pytest


pytestmark = pytest.mark.shared


def values(reply: dict) -> dict[str, str]:
    return {a["label"]: a.get("value") for a in reply["answers"]}


def derived(reply: dict) -> dict[str, dict]:
    return {d["label"]: d for d in reply["derived"]}


def test_functional_classes_added_up_against_the_printed_total(ask):
    # 上海市普陀区司法局2026年部门预算.pdf 支出预算表: 204 8726.73, 208 334.37, 210 114.97, 221 452.16; 支出总计 9628.22
    r = ask("普陀司法局2026年支出按功能分类几类加起来等于总数吗")
    v = values(r)
    assert [v["公共安全支出"], v["社会保障和就业支出"], v["卫生健康支出"], v["住房保障支出"]] == \
        ["8726.73", "334.37", "114.97", "452.16"]
    total = derived(r)["按支出功能分类各类支出之和"]
    assert total["value"] == "9628.22" and "8,726.73 + 334.37 + 114.97 + 452.16" in total["formula"]
    assert v["支出总计（印数）"] == "9628.22" and "对得上" in r["text"]


def test_projects_added_up_against_the_total_and_a_stated_amount(ask):
    # 001 监控中心2023: ten projects, 项目支出 852.62; the question states 800
    r = ask("监控中心2023年那几个项目加起来是800万吗")
    assert r["intent"] == "audit"
    d = derived(r)
    assert d["各项目金额之和"]["value"] == "852.62"
    assert values(r)["项目支出（印数）"] == "852.62"
    assert d["各项目金额之和与问题所说的数相差"]["value"] == "52.62"
    assert "与项目支出（印数）852.62万元一致" in r["text"] and "相差52.62万元，对不上" in r["text"]


def test_three_public_parts_against_the_basic_expenditure_table(ask):
    # 004 克州2024: 表10 公务接待费 15.00, 公务用车运行费 17.00; 表6 30217 公务接待费 10.00, no 30231
    r = ask("克州局三公经费表里的公务接待费、公车运行费，跟基本支出表对得上吗？")
    v = values(r)
    assert v["公务接待费（“三公”经费表）"] == "15.00" and v["30217 公务接待费（基本支出表）"] == "10.00"
    assert v["公务接待费两表相差"] == "5.00"
    assert v["公务用车运行费（“三公”经费表）"] == "17.00" and v["公务用车运行费两表相差"] == "17.00"
    assert "对不上" in r["text"]


def test_three_public_parts_added_up(ask):
    # 000 昌吉州2025: 出国 0.00 + 接待 0.39 + 公务用车 6.00 = 6.39 = “三公”经费合计
    r = ask("昌吉州生态环境局2025年三公经费几项加起来等于合计吗")
    assert derived(r)["“三公”经费各项之和"]["value"] == "6.39"
    assert values(r)["“三公”经费合计（印数）"] == "6.39" and "对得上" in r["text"]


def test_subjects_over_an_amount(ask):
    # 普陀司法局2026 功能分类 项级 over 1000万: 2040699 3845.49, 2040604 2170.39, 2040601 1672.67
    r = ask("普陀司法局26年哪些支出科目超过了1000万元？")
    assert [(a["code"], a["value"]) for a in r["answers"]] == \
        [("2040699", "3845.49"), ("2040604", "2170.39"), ("2040601", "1672.67")]


def test_economic_kuan_of_basic_expenditure_ranked(ask):
    # 004 克州2024 表6: 30102 津贴补贴 695.83, 30101 基本工资 402.08, 30103 奖金 264.95
    r = ask("克州环境局24年一般公共预算基本支出，按经济科目（款）排，最大的三项是啥？")
    assert [(a["label"], a["value"]) for a in r["answers"]] == \
        [("津贴补贴", "695.83"), ("基本工资", "402.08"), ("奖金", "264.95")]


def test_a_follow_up_ranks_the_rows_just_asked(ask):
    # 普陀司法局2026 302 商品和服务支出 214.17; largest: 30299 69.94, 30239 49.53
    r = ask("普陀司法局26年基本支出里商品和服务支出多少钱？里面最大的两项是啥")
    assert [(a["label"], a["value"]) for a in r["answers"]] == [("其他商品和服务支出", "69.94"), ("其他交通费用", "49.53")]
    assert "合计214.17万元" in r["text"]


def test_a_count_split_by_funding(ask):
    # 000 昌吉州2025 上年结转项目: 11; 财政拨款结转 10 (2904.04), 非财政拨款结转 1 (机关运行补助经费 30.00)
    r = ask("昌吉州环境局2025年上年结转的项目一共几个？财政拨款的几个、非财政的几个？")
    v = values(r)
    assert v["项目个数"] == "11"
    assert v["财政拨款项目个数"] == "10" and v["财政拨款项目金额合计"] == "2904.04"
    assert v["非财政拨款项目个数"] == "1" and v["非财政拨款项目金额合计"] == "30.00"
    assert "机关运行补助经费" in r["text"]


def test_two_departments_compared_with_their_difference(ask):
    # 江苏省政协办公厅2019 三公 660.10, 江苏省高级人民法院2019 三公 513.75
    r = ask("江苏高院和江苏省政协办公厅2019年三公经费谁多？")
    assert [(a["label"], a["value"]) for a in r["answers"][:2]] == [("江苏省政协办公厅", "660.10"), ("江苏省高级人民法院", "513.75")]
    d = derived(r)["江苏省政协办公厅比江苏省高级人民法院多"]
    assert d["value"] == "146.35" and d["formula"].endswith("660.10 − 513.75 = 146.35万元")


def test_a_share_of_the_subject_just_asked(ask):
    # 000 昌吉州2025 表6: 301 工资福利支出 365.48, 30101 基本工资 103.97 → 28.45%
    r = ask("昌吉州生态环境局2025年工资福利支出多少？其中基本工资占几成？")
    d = derived(r)["基本工资占工资福利支出比重"]
    assert d["value"] == "28.45" and d["formula"] == "基本工资占工资福利支出比重 = 103.97 ÷ 365.48 = 28.45%"


def test_indicators_of_a_project_the_graph_lacks_are_not_every_projects(ask):
    r = ask("信访综合保障经费的绩效指标有哪些")
    assert not r["answers"] and "没有找到" in r["text"]


def test_indicators_a_question_names_of_a_project(ask):
    # 004 克州2024 执法能力建设项目 绩效目标表: 购买无人机（台）=1台; 生态环境执法检查频次 >=190次
    r = ask("克州执法能力建设项目打算买几台无人机？执法检查频次定的多少次？")
    labels = [a["label"] for a in r["answers"]]
    assert "购买无人机（台）" in labels and "生态环境执法检查频次" in labels
    assert "=1台" in r["text"] and ">=190次" in r["text"]
    # money asked of the same project is still its amount
    r = ask("克州执法能力建设项目多少钱")
    assert [(a["label"], a["value"]) for a in r["answers"]] == [("执法能力建设项目", "15.00")]


def test_projects_with_target_tables_over_an_amount(ask):
    # 001 监控中心2023: projects with a 绩效目标表 over 20万: 676.80, 40.00, 32.12, 23.76
    r = ask("监控中心23年绩效目标表里，年度预算超过20万的项目有哪些")
    assert [a["value"] for a in r["answers"] if a.get("iri")] == ["676.80", "40.00", "32.12", "23.76"]
    assert values(r)["有绩效目标表的项目金额合计"] == "772.68"


def test_a_stated_count_and_sum_of_fiscal_projects_checked(ask):
    # 001 监控中心2023: nine projects funded by 财政拨款 (820.50); 机构运行保障经费 32.12 is 单位资金
    r = ask("监控中心预算绩效那段说财政拨款项目10个、852.62万，这数对吗？")
    assert values(r)["财政拨款项目个数"] == "9"
    assert derived(r)["财政拨款项目金额之和"]["value"] == "820.50"
    assert "问题所说的是10个，图谱中是9个，对不上" in r["text"]
