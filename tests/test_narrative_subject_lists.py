"""The functional subjects a 说明 lists one by one, added up against the total its section names
(``kg.extract.narrative.subject_lists``), and the audit answer reaching that check.

Figures read off the PDFs (pdfium text of the page):
* 上海市普陀区社会福利院 2024 单位预算 — p.6 编制说明: 一般公共预算拨款支出预算950.12万元; 财政拨款支出主要内容
  1.–6. 53.84、76.76、38.38、738.66、50.37、33.58 (sum 991.59); p.9 支出预算总表 2081005 社会福利事业单位
  财政拨款 6,964,796元.
* 上海市普陀区司法局 2026 部门预算 — p.8–9 编制说明: 一般公共预算拨款支出预算9628.22万元, 13 项 (sum 9628.21).
* 西安市气象局 2022 部门综合预算 — p.9 一般公共财政拨款支出1899.9万元; p.11 eight 项 with codes
  4.36+0.1+1396.15+469.93+14.25+9.57+4.16+1.36 = 1899.88.
* 国家信访局 2026 部门预算 — p.18 说明四 财政拨款收支总预算18,728.91万元; 15,291.3+118.01+2,208.19+1,111.44
  = 18,728.94. p.20 说明五（一） 一般公共预算当年财政拨款16,474.82万元; 说明五（二） four classes = 16,474.82.
* 国家信访局 2024 部门决算 — its 项 are printed with 年初预算 and 决算 both: no list of them is added up.
* 江苏省政协办公厅 2019 部门预算 — 说明五 财政拨款预算支出13,297.11万元, its 项 listed under each 类's own
  subsection (no subsection prints a total): one list of 10 项, 5,223.22 + 3,159.78 + … = 13,297.11.
"""
from __future__ import annotations

from decimal import Decimal

import pytest

from kg.extract.narrative.subject_lists import LIST_WHERE, subject_level
from tests.national_support import documents_named

D = Decimal
pytestmark = pytest.mark.shared

WELFARE = "realdocs/shanghai-putuo/上海市普陀区社会福利院2024年单位预算.pdf"
JUSTICE = "realdocs/shanghai-putuo/上海市普陀区司法局2026年部门预算.pdf"
WEATHER = "national/shaanxi_xian/西安市气象局_2022部门综合预算.pdf"
PETITIONS = "national/central/国家信访局_2026部门预算.pdf"
PETITIONS_FINAL = "national/central/国家信访局_2024部门决算.pdf"
CPPCC = "realdocs/jiangsu/江苏省政协办公厅/江苏省政协办公厅2019年度部门预算.pdf"


@pytest.fixture(scope="module")
def records(shared_dir, national):
    """The national documents from the session's one extraction; the three realdocs files read here
    one by one (the session's realdocs records combine a budget's files)."""
    from kg.extract.pipeline import extract_file

    out = documents_named(national, {name: name.removeprefix("national/") for name in (WEATHER, PETITIONS, PETITIONS_FINAL)})
    for name in (WELFARE, JUSTICE, CPPCC):
        path = shared_dir / name
        if not path.is_file():
            pytest.skip(f"{path} not present")
        out[name] = extract_file(str(path))
    return out


def _lists(record) -> list[tuple[str, bool, str | None, Decimal, Decimal]]:
    from kg.extract.rules import grade

    return [(c.where, c.ok, grade(c), c.expected, c.printed) for c in record.checks
            if c.rule == "narrative_sum" and LIST_WHERE.search(c.where)]


def test_subject_level_by_levels_code_or_class_name() -> None:
    classes = {"一般公共服务支出", "教育支出"}
    assert subject_level("“社会保障和就业支出（类）社会福利（款）社会福利事业单位（项）”", classes) == 3
    assert subject_level("公共安全支出（204类）司法（06款）其他司法支出（99项）", classes) == 3
    assert subject_level("气象服务（2200509）", classes) == 3
    assert subject_level("工资福利支出（301）", classes) is None  # an economic subject
    assert subject_level("教育支出", classes) == 1
    assert subject_level("基本支出", classes) is None


def test_listed_subjects_exceed_the_fiscal_total(records) -> None:
    assert _lists(records[WELFARE]) == [
        ("单位预算编制说明 一般公共预算拨款支出预算 所列项级科目", False, "material", D("9915900"), D("9501200"))]  # 元
    check = next(c for c in records[WELFARE].checks if LIST_WHERE.search(c.where))
    assert (check.provenance.page, check.provenance.row) == (6, "一般公共预算拨款支出预算")
    assert "社会福利事业单位（项）738.66" in check.note


def test_listed_subjects_rounding_gaps(records) -> None:
    assert _lists(records[JUSTICE]) == [
        ("部门预算编制说明 一般公共预算拨款支出预算 所列项级科目", False, "rounding", D("96282100"), D("96282200"))]  # 元
    assert _lists(records[WEATHER]) == [
        ("说明 一般公共财政拨款支出 所列项级科目", False, "rounding", D("18998800"), D("18999000"))]  # 元


def test_listed_classes_against_the_section_totals(records) -> None:
    found = _lists(records[PETITIONS])
    assert ("说明四 财政拨款收支总预算 所列类级科目", False, "rounding", D("18728.94"), D("18728.91")) in found
    assert ("说明五（一） 一般公共预算当年财政拨款 所列类级科目", True, "ok", D("16474.82"), D("16474.82")) in found
    assert ("说明五（一） 一般公共预算当年财政拨款 所列项级科目", True, "ok", D("16474.82"), D("16474.82")) in found


def test_final_account_items_with_two_columns_are_not_added(records) -> None:
    assert _lists(records[PETITIONS_FINAL]) == []


def test_lists_of_a_chapters_subsections_make_one_list(records) -> None:
    assert _lists(records[CPPCC]) == [
        ("说明一（二） 支出预算总计 所列类级科目", True, "ok", D("13377.11"), D("13377.11")),
        ("说明五 财政拨款预算支出 所列项级科目", True, "ok", D("13297.11"), D("13297.11"))]
    merged = next(c for c in records[CPPCC].checks if c.where == "说明五 财政拨款预算支出 所列项级科目")
    assert merged.note.startswith("10个项级科目：政协事务（款）行政运行（项）5,223.22、")


@pytest.fixture(scope="module")
def ask_welfare(records):
    from nlp import answer
    from tests import nlp_support

    store = nlp_support.open_memory_store()
    nlp_support.ingest(store, [records[WELFARE]])
    return lambda q: answer(q, store).to_json()


def test_question_reaches_the_list_and_the_subject_that_is_off(ask_welfare) -> None:
    reply = ask_welfare("普陀区社会福利院2024年预算说明里列的财政拨款支出各科目加起来，等于950.12万财政拨款吗？")
    assert reply["intent"] == "audit"
    listed = next(a for a in reply["answers"] if LIST_WHERE.search(a["label"]))
    assert (listed["printed"], listed["expected"]) == ("950.12", "991.59")
    off = next(a for a in reply["answers"] if a["label"] == "社会福利事业单位（2081005）")
    assert (off["printed"], off["value"]) == ("738.66", "738.66")
    assert "相差41.47万元" in reply["text"] and "基本支出696.48万元" in reply["text"]
