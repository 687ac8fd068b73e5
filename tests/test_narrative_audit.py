"""The audit's depth: the narrative's percentages and stated changes recomputed, rounding told apart
from material findings, completeness against the template, and ``budgetkg audit``'s summary and
exit codes.

Two kinds of documents: a rendered 情况说明 whose five slips the test chose
(``tests/fixtures/render_narrative.py``; runs on a bare clone), and real documents whose findings
were recomputed by hand from their printed figures (noted beside each; ``pytestmark`` per test).
"""
from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from kg.extract.model import Check
from kg.extract.narrative.audit import percent_check
from kg.extract.pipeline import extract_paths
from kg.extract.rules import RULES, at_least, grade
from tests.audit_support import AUDIT_RULES
from tests.fixtures.render import find_cjk_font
from tests.fixtures.render_narrative import render_narrative_pdf, render_narrative_text

D = Decimal
needs_font = pytest.mark.skipif(find_cjk_font() is None, reason="no CJK font to render with: install fonts-wqy-zenhei")


def _failures(record) -> list[tuple[str, str, Decimal | None, Decimal | None]]:
    """(rule, severity, expected, printed) of every failed check, sorted."""
    return sorted((c.rule, grade(c), c.expected, c.printed) for c in record.checks if not c.ok)


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, timeout=300)


# --- the grading itself (no document) ------------------------------------------------------------

def test_every_audit_rule_has_a_chinese_name() -> None:
    from kg.extract.checks import producers

    assert {p.id for p in producers()} >= {"tables", "tables.cross", "narrative", "narrative.audit", "completeness"}
    for rule_id in AUDIT_RULES | {"children_sum", "same_figure", "indicator_costs_sum", "code_misprint"}:
        assert rule_id in RULES, rule_id
        assert any("\u4e00" <= ch <= "\u9fff" for ch in RULES[rule_id].name), rule_id


def test_percent_grading_by_printed_precision() -> None:
    """``占 96.00%`` of 1200/1250 is exact; 58,486.35 of 99,230.46 printed ``59.0%`` (58.94) is a
    rounding (a list made to add up to 100%); 30 of 870 printed ``3.00%`` (3.45) is material; a
    change printed as an increase where the figures fell is material whatever its size."""
    exact = percent_check("share_percent", "x", D("1200.00"), D("1250.00"), "96.00", None, "")
    assert (exact.ok, grade(exact), exact.expected) == (True, "ok", D("96.00"))
    rounded = percent_check("share_percent", "x", D("58486.35"), D("99230.46"), "59.0", None, "")
    assert (rounded.ok, grade(rounded), rounded.expected, rounded.printed) == (False, "rounding", D("58.9"), D("59.0"))
    material = percent_check("change_percent", "x", D("30.00"), D("870.00"), "3.00", None, "")
    assert (grade(material), material.expected) == ("material", D("3.45"))
    wrong_way = percent_check("change_percent", "x", D("39423.81"), D("43269.30"), "17.62", None, "",
                              expected_sign=-1, printed_sign=1)
    assert (grade(wrong_way), wrong_way.expected, wrong_way.printed) == ("material", D("-91.11"), D("17.62"))


def test_money_gaps_and_thresholds() -> None:
    gap = Check("children_sum", "表3 21101", D("552.58"), D("552.57"), False)
    big = Check("children_sum", "表3 211", D("552.58"), D("550.00"), False)
    assert (grade(gap), grade(big)) == ("rounding", "material")
    assert at_least("material", "rounding") and at_least("rounding", "rounding")
    assert not at_least("notice", "rounding") and not at_least("material", "none")


# --- a rendered narrative-only document with five chosen slips -----------------------------------

@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("narrative")
    out = {"text": render_narrative_text(folder / "qingshan_audit_2026.txt")}
    if find_cjk_font() is not None:
        out["pdf"] = render_narrative_pdf(folder / "qingshan_audit_2026.pdf")
    return out


EXPECTED_FINDINGS = [
    ("baseline_year", "notice", D(2025), D(2026)),  # SLIP 5: 比2026年预算 in a 2026 budget
    ("change_parts_sum", "material", D("55.00"), D("50.00")),  # SLIP 2: 30 + 25 against 50
    ("change_percent", "material", D("3.45"), D("3.00")),  # SLIP 3: 30 ÷ 870
    ("narrative_sum", "material", D("13.00"), D("12.50")),  # SLIP 4: 三公 0 + 2.50 + 10.50
    ("narrative_sum", "rounding", D("1250.01"), D("1250.00")),  # SLIP 1: 900.00 + 350.01
    ("required_section", "notice", D(1), D(0)),  # no 绩效目标
    ("required_section", "notice", D(1), D(0)),  # no 名词解释
    ("required_table", "notice", D(8), D(0)),  # a narrative alone: its tables are elsewhere
]


@pytest.mark.parametrize("kind", ["text", "pdf"])
def test_rendered_narrative_findings(rendered: dict[str, Path], kind: str) -> None:
    if kind not in rendered:
        pytest.skip("no CJK font to render the PDF with")
    records, failures = extract_paths([str(rendered[kind])])
    assert failures == [] and len(records) == 1
    record = records[0]
    assert (record.department, record.year, record.kind) == ("青山市审计局", 2026, "部门预算")
    assert _failures(record) == EXPECTED_FINDINGS
    passed = {(c.rule, c.where) for c in record.checks if c.ok}
    assert ("change_percent", "说明二 收入预算 增减幅度") in passed  # 50 ÷ 1200 = 4.17%
    assert ("share_percent", "说明二 一般公共预算拨款收入 占比") in passed


@pytest.mark.parametrize("kind", ["text", "pdf"])
def test_rendered_narrative_facts(rendered: dict[str, Path], kind: str) -> None:
    """The totals a narrative alone states, staffing by kind, vehicles by type, 会议费/培训费."""
    if kind not in rendered:
        pytest.skip("no CJK font to render the PDF with")
    record = extract_paths([str(rendered[kind])])[0][0]
    t = record.totals
    assert (t.income_total, t.expenditure_total, t.general_public_budget, t.basic_expenditure,
            t.project_expenditure, t.operating_expenses) == (
        D("1250.00"), D("1250.00"), D("1200.00"), D("900.00"), D("350.01"), D("86.00"))
    assert (t.three_public.total, t.three_public.reception, t.three_public.vehicles) == (D("12.50"), D("2.50"),
                                                                                        D("10.50"))
    s = record.profile.staffing
    assert (s.authorized, s.actual, s.active, s.retired) == (40, 45, 38, 7)
    assert s.by_kind == {"编制数": {"行政": 32, "事业": 6, "工勤": 2}}
    assert record.profile.divisions == ["办公室", "财政审计科", "经济责任审计科", "投资审计科", "法规审理科", "人事教育科"]
    assert record.profile.subordinate_units == ["青山市审计信息中心", "青山市审计事务服务中心"]
    held = {a.kind: a.count for a in record.assets if not a.planned}
    assert held == {"车辆": 3, "一般公务用车": 1, "执法执勤用车": 2, "设备": 1}
    assert [a.count for a in record.assets if a.planned] == [0]
    facts = {(f.topic, f.key): f.value for f in record.narrative}
    assert (facts[("meetings", "total")], facts[("training", "total")], facts[("expenditure", "reserve")]) == (
        D("3.20"), D("8.40"), D("15.00"))
    assert (facts[("income", "service_income")], facts[("income", "other_income")]) == (D("30.00"), D("20.00"))


@pytest.mark.parametrize("kind", ["text"])
def test_audit_command_summary_and_exit_codes(rendered: dict[str, Path], kind: str) -> None:
    path = str(rendered[kind])
    default = _cli("audit", path)
    assert default.returncode == 1, default.stderr  # three material findings
    first = default.stdout.splitlines()[0]
    assert first == ("审计摘要：读取 1 个文件（1 份预决算），核对 22 项；实质性问题 3 处，尾差 1 处，提示 4 处，"
                     "通过 14 项；无法读取 0 个文件")
    assert "change_percent 比上年增减幅度" in default.stdout and "narrative_sum 说明所列分项之和等于总数" in default.stdout
    lines = [line for line in default.stdout.splitlines() if line.startswith("   FAIL")]
    assert lines[0].startswith("   FAIL [实质性问题]") and lines[-1].startswith("   FAIL [提示]")  # worst first
    assert _cli("audit", "--fail-on", "none", path).returncode == 0
    assert _cli("audit", "--fail-on", "notice", path).returncode == 1


# --- real documents: findings recomputed by hand ---------------------------------------------------

@pytest.mark.shared
def test_shanghai_justice_narrative_findings(realdocs_records) -> None:
    """上海市普陀区司法局 2026, 部门预算编制说明 p.8–9, every figure 万元 as printed:
    其他司法支出 ``2025年当年预算执行数为43269.3万元，2026年预算安排3845.49万元，比2025年预算执行数增加
    17.62%`` (the figures fall 91.11%); 职业年金 77.99 → 91.97 printed 17.66% (13.98 ÷ 77.99 = 17.93%);
    住房公积金 198.34 → 201.50 printed 5.27% (1.59%); 行政单位离退休 59.11 → 57.8 printed 2.21% (2.216…:
    rounding); five statements ``比2026年预算`` in a 2026 budget; and its 13 项 listed one by one add up
    to 9628.21 against the 9628.22 printed (record unit 元)."""
    record = realdocs_records["上海市普陀区司法局"]
    audit = [(c.rule, grade(c), c.expected, c.printed) for c in record.checks if not c.ok and c.rule in AUDIT_RULES]
    assert sorted(audit) == sorted([
        ("change_percent", "material", D("-91.11"), D("17.62")),
        ("change_percent", "material", D("17.93"), D("17.66")),
        ("change_percent", "material", D("1.59"), D("5.27")),
        ("change_percent", "rounding", D("-2.22"), D("-2.21")),
        *[("baseline_year", "notice", D(2025), D(2026))] * 5,
        ("narrative_sum", "rounding", D("96282100"), D("96282200"))])
    # the narrative's 9628.22万元 is the tables' 96,282,213.44元 as printed to the 0.01万元
    same = [c for c in record.checks if c.rule == "same_figure" and c.where.startswith("部门预算编制说明")]
    assert {(c.where, c.ok) for c in same} == {("部门预算编制说明 收入总计 vs 表1", True),
                                               ("部门预算编制说明 支出总计 vs 表1", True)}


@pytest.mark.shared
def test_final_account_narrative_findings(realdocs_records) -> None:
    """上海市普陀区财政局 2024 决算 p.21: ``一般公共服务支出（类）2106.66万元，占71.73%`` of 2940.05
    (71.65%; the four shares printed add up to 100.07%); the four 类 2106.66 + 326.72 + 60.99 + 445.69 =
    2940.06 against 2940.05; ``完成年初预算的98.20%`` (2940.05 ÷ 2993.92 = 98.20%)."""
    record = realdocs_records["上海市普陀区财政局"]
    audit = [(c.rule, grade(c), c.expected, c.printed) for c in record.checks if not c.ok and c.rule in AUDIT_RULES]
    assert sorted(audit) == [("narrative_sum", "rounding", D("2940.06"), D("2940.05")),
                             ("share_percent", "material", D("71.65"), D("71.73"))]


@pytest.mark.shared
def test_jiangsu_npc_narrative_findings(realdocs_records) -> None:
    """江苏省人大常委会办公厅 2017 p.28: ``因公出国（境）费支出 222.5 万元，占“三公”经费的 8.75%`` — of
    the 三公 833.6 (222.5 + 183.6 + 427.5) that is 26.69%; 7.22% and 16.81% likewise (the shares are of
    the table's 合计 with 会议费 and 培训费); ``机关运行经费预算支出5619.31万元，比2016年增加4032.99万元，
    增加254.23%`` (4032.99 ÷ 1586.32 = 254.24%: rounding). No 国有资产 and no 绩效目标 section."""
    record = realdocs_records["江苏省人大常委会办公厅"]
    audit = [(c.rule, grade(c), c.expected, c.printed) for c in record.checks if not c.ok and c.rule in AUDIT_RULES]
    assert sorted(audit) == sorted([
        ("share_percent", "material", D("26.69"), D("8.75")), ("share_percent", "material", D("22.02"), D("7.22")),
        ("share_percent", "material", D("51.28"), D("16.81")), ("change_percent", "rounding", D("254.24"), D("254.23")),
        ("required_section", "notice", D(1), D(0)), ("required_section", "notice", D(1), D(0))])


@pytest.mark.shared
def test_central_and_chongqing_narrative_findings(national_extraction) -> None:
    """国家信访局 2026 p.25: ``委托业务费财政拨款预算 1,391.68 万元，比 2025 年预算增加 333.83 万元，增长
    31.35%`` (333.83 ÷ 1057.85 = 31.56%); p.19 ``主要是2014099其他信访事务支出，2026年预算数为3,623.98万元，
    占部门支出总额的22.00%`` (3,623.98 ÷ 50,616.94 = 7.16%; 22.00% is its share of 16,474.82); every other
    percentage of its 说明 adds up. 重庆 p.3: the six
    类 listed for 支出预算 19,230.18 add up to 19,230.19."""
    by_file, _failures = national_extraction
    central = by_file["central/国家信访局_2026部门预算.pdf"]
    narrative = [(c.rule, grade(c), c.expected, c.printed) for c in central.checks
                 if not c.ok and c.rule in AUDIT_RULES - {"required_table", "required_section", "empty_table_note"}]
    # p.18 说明四: its four 类 (15,291.3 + 118.01 + 2,208.19 + 1,111.44) make 18,728.94, not the 18,728.91 printed
    assert narrative == [("change_percent", "material", D("31.56"), D("31.35")),
                         ("share_percent", "material", D("7.16"), D("22.00")),
                         ("narrative_sum", "rounding", D("18728.94"), D("18728.91"))]
    assert sum(1 for c in central.checks if c.rule in ("change_percent", "share_percent") and c.ok) >= 20
    chongqing = by_file["chongqing/重庆市人民政府办公厅_2026部门预算情况说明.pdf"]
    sums = [(grade(c), c.expected, c.printed) for c in chongqing.checks if c.rule == "narrative_sum" and not c.ok]
    assert sums == [("rounding", D("19230.19"), D("19230.18"))]
