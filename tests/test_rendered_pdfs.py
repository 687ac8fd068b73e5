"""Round trip: a hand-built Record, rendered into a ruled-table PDF, read back by the real pipeline.

Every figure of the rendered document is known in advance, so what ``extract_file`` reads back
must be exactly the Record that was rendered: department, year, unit, totals, every functional
and economic row, the projects, the 三公 figures — and the one deliberate rounding gap printed
into 表3 must come back as a failed check, while a budget without a gap fails none.
"""
from __future__ import annotations

from dataclasses import asdict
from decimal import Decimal
from pathlib import Path

import pytest

from kg.extract.model import THREE_PUBLIC_BESIDE, Record, Staffing
from kg.extract.pipeline import extract_file
from kg.extract.text_normalize import format_money
from tests.fixtures.records import SUBJECT_NAMES, BudgetSpec, build_budget, qingshan_education
from tests.fixtures.render import find_cjk_font, render_record_pdf
from tests.audit_support import audit_failures, identity_failures
from tests.fixtures.render_samples import sample_records

D = Decimal

pytestmark = pytest.mark.skipif(find_cjk_font() is None,
                                reason="no CJK font to render with: install fonts-wqy-zenhei (make system-deps)")

WATER_NAMES = {**SUBJECT_NAMES, "213": "农林水支出", "21303": "水利"}

# The deliberate gap: 款 21303 prints 864.06 / 600.23 where its 项 rows add up to 864.07 / 600.24.
GAP_CODE = "21303"
GAP_EXPECTED, GAP_PRINTED = D("864.07"), D("864.06")
GAP_PROJECT_EXPECTED, GAP_PROJECT_PRINTED = D("600.24"), D("600.23")


def water_bureau(misprint: bool) -> Record:
    """青山市水务局 2025 (fictional): four 项, three projects, one 0.01 gap in 表3 when asked."""
    spec = BudgetSpec(
        department="青山市水务局", year=2025,
        functional=[("2080505", "机关事业单位基本养老保险缴费支出", D("21.36")),
                    ("2130301", "行政运行", D("263.83")),
                    ("2130306", "水利工程运行与维护", None),
                    ("2210201", "住房公积金", D("18.02"))],
        economic=[("30101", "基本工资", D("120.44"), None), ("30102", "津贴补贴", D("88.15"), None),
                  ("30108", "机关事业单位基本养老保险缴费", D("21.36"), None),
                  ("30113", "住房公积金", D("18.02"), None),
                  ("30201", "办公费", None, D("12.60")), ("30211", "差旅费", None, D("4.33")),
                  ("30217", "公务接待费", None, D("0.80")), ("30231", "公务用车运行维护费", None, D("9.00")),
                  ("30299", "其他商品和服务支出", None, D("28.51"))],
        projects=[("水库安全运行管护经费", D("412.50"), "2130306"),
                  ("河湖长制工作经费", D("45.00"), "2130306"),
                  ("农村饮水安全工程维修养护", D("142.74"), "2130306")],
        names=WATER_NAMES,
        three_public={"overseas": D("0.00"), "reception": D("0.80"), "vehicle_purchase": D("0.00"),
                      "vehicle_operation": D("9.00")},
        procurement={"goods": D("36.20"), "works": D("380.00"), "services": D("58.75")},
        upper_level_transfer=D("142.74"), carryover_fiscal=D("100.00"),
        divisions=["办公室", "水利工程建设管理科", "水资源管理科"],
        staffing=Staffing(authorized=18, actual=25, active=18, retired=7, retired_veteran=0),
        functions="负责保障水资源的合理开发利用，负责全市水利工程的运行管理。",
        misprints={("functional", GAP_CODE, "total"): GAP_PRINTED,
                   ("functional", GAP_CODE, "project"): GAP_PROJECT_PRINTED} if misprint else {},
        source="water_gap.pdf" if misprint else "water_clean.pdf",
    )
    return build_budget(spec)


def _round_trip(record: Record, folder: Path) -> Record:
    path = render_record_pdf(record, folder / record.source)
    return extract_file(str(path))


@pytest.fixture(scope="module")
def gap_pair(tmp_path_factory: pytest.TempPathFactory) -> tuple[Record, Record]:
    """(rendered record, record read back) for the water bureau with its deliberate gap."""
    record = water_bureau(misprint=True)
    return record, _round_trip(record, tmp_path_factory.mktemp("rendered"))


@pytest.fixture(scope="module")
def clean_pair(tmp_path_factory: pytest.TempPathFactory) -> tuple[Record, Record]:
    record = water_bureau(misprint=False)
    return record, _round_trip(record, tmp_path_factory.mktemp("rendered"))


def _money(value: Decimal | None) -> str | None:
    return format_money(value)


def _totals(record: Record) -> dict:
    """The contract's totals as printed strings (readable diffs), without provenance."""
    t = asdict(record.totals)
    t.pop("provenance", None)
    out = {k: _money(v) for k, v in t.items() if not isinstance(v, dict)}
    # (the columns beside 三公 — 会议费, 培训费 — only where the table prints them, as the record JSON writes them)
    out["three_public"] = {k: _money(v) for k, v in t["three_public"].items()
                           if k not in THREE_PUBLIC_BESIDE or v is not None}
    out["procurement"] = {k: _money(v) for k, v in t["procurement"].items()}
    return out


TABLE_TOTALS = ("income_total", "expenditure_total", "current_year_income", "general_public_budget",
                "upper_level_transfer", "carryover_total", "carryover_fiscal", "carryover_nonfiscal",
                "basic_expenditure", "personnel", "public_expenses", "project_expenditure")


def test_renderer_prints_ruled_tables(tmp_path: Path) -> None:
    """The renderer itself (no budgetkg parser involved): pdfplumber finds the ruled 表3 with the
    gap row printed as the Record says, so a failure below is the reader's, not the fixture's."""
    import pdfplumber

    path = render_record_pdf(water_bureau(misprint=True), tmp_path / "water.pdf")
    rows = []
    with pdfplumber.open(path) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
        for page in pdf.pages:
            for table in page.extract_tables():
                rows.extend([cell or "" for cell in row] for row in table)
    for label in ("表1", "部门收支总体情况表", "表3", "部门支出总体情况表", "表6", "一般公共预算基本支出情况表",
                  "表7", "一般公共预算项目支出情况表", "表10", "财政拨款“三公”经费支出情况表",
                  "编制部门：青山市水务局"):
        assert label in text, label
    assert ["213", "03", "", "水利", "864.06", "263.83", "600.23"] in rows
    assert ["213", "03", "06", "水利工程运行与维护", "水库安全运行管护经费", "412.50", "", "412.50", "", "", ""] in rows
    assert ["收 入 总 计", "903.45", "支 出 总 计", "903.45"] in rows


def test_identity(gap_pair: tuple[Record, Record]) -> None:
    expected, got = gap_pair
    assert (got.department, got.year, got.kind, got.unit) == ("青山市水务局", 2025, "部门预算", "万元")
    assert got.source == expected.source


def test_totals_from_tables(gap_pair: tuple[Record, Record]) -> None:
    expected, got = gap_pair
    want, have = _totals(expected), _totals(got)
    assert {k: have[k] for k in TABLE_TOTALS} == {k: want[k] for k in TABLE_TOTALS}


def test_three_public(gap_pair: tuple[Record, Record]) -> None:
    expected, got = gap_pair
    assert _totals(got)["three_public"] == _totals(expected)["three_public"] == {
        "total": "9.80", "overseas": "0.00", "reception": "0.80", "vehicles": "9.00",
        "vehicle_purchase": "0.00", "vehicle_operation": "9.00"}


def test_narrative_figures(gap_pair: tuple[Record, Record]) -> None:
    """机关运行经费 and 政府采购 come from the 情况说明, not a table."""
    expected, got = gap_pair
    assert _totals(got)["procurement"] == {"total": "474.95", "goods": "36.20", "works": "380.00",
                                           "services": "58.75"}
    assert got.totals.operating_expenses == expected.totals.operating_expenses == D("55.24")


def test_functional_rows(gap_pair: tuple[Record, Record]) -> None:
    expected, got = gap_pair
    rows = [(r.code, r.name, _money(r.total), _money(r.basic), _money(r.project)) for r in got.functional_subjects]
    assert rows == [(r.code, r.name, _money(r.total), _money(r.basic), _money(r.project))
                    for r in expected.functional_subjects]
    assert ("21303", "水利", "864.06", "263.83", "600.23") in rows  # printed as printed, gap and all


def test_economic_rows(gap_pair: tuple[Record, Record]) -> None:
    expected, got = gap_pair
    rows = [(r.code, r.name, _money(r.total), _money(r.personnel), _money(r.public)) for r in got.economic_subjects]
    assert rows == [(r.code, r.name, _money(r.total), _money(r.personnel), _money(r.public))
                    for r in expected.economic_subjects]
    assert rows[0] == ("301", "工资福利支出", "247.97", "247.97", None)


def test_projects(gap_pair: tuple[Record, Record]) -> None:
    """Each project once (表7 and the 项目说明 merged), with its amount and 项 code."""
    expected, got = gap_pair
    have = sorted((p.name, _money(p.amount), p.functional_code) for p in got.projects)
    want = sorted((p.name, _money(p.amount), p.functional_code) for p in expected.projects)
    assert have == want == [("农村饮水安全工程维修养护", "142.74", "2130306"),
                            ("水库安全运行管护经费", "412.50", "2130306"),
                            ("河湖长制工作经费", "45.00", "2130306")]


def test_profile(gap_pair: tuple[Record, Record]) -> None:
    _, got = gap_pair
    assert got.profile.divisions == ["办公室", "水利工程建设管理科", "水资源管理科"]
    assert got.profile.staffing == Staffing(authorized=18, actual=25, active=18, retired=7, retired_veteran=0)


def test_deliberate_gap_is_a_failed_check(gap_pair: tuple[Record, Record]) -> None:
    _, got = gap_pair
    failed = [(c.where, c.expected, c.printed) for c in got.checks if not c.ok]
    assert any(GAP_CODE in where and exp == GAP_EXPECTED and printed == GAP_PRINTED
               for where, exp, printed in failed), failed
    assert any(GAP_CODE in where and exp == GAP_PROJECT_EXPECTED and printed == GAP_PROJECT_PRINTED
               for where, exp, printed in failed), failed
    # The gap is the document's; the record keeps the printed figure, never a corrected one.
    row = next(r for r in got.functional_subjects if r.code == GAP_CODE)
    assert (row.total, row.project) == (GAP_PRINTED, GAP_PROJECT_PRINTED)


# the rendered template prints no 收支总体 overview, no 国有资产, no 绩效目标 and no 名词解释 section
RENDERED_MISSING_SECTIONS = ["必备说明 收支预算总体情况说明", "必备说明 国有资产占有使用情况说明",
                             "必备说明 绩效目标情况说明", "必备说明 名词解释"]


def test_no_gap_no_failed_check(clean_pair: tuple[Record, Record]) -> None:
    """The same budget without the misprint: checks run, and none fails (no false alarms); the
    audit's completeness names exactly the sections the rendered template leaves out."""
    _, got = clean_pair
    assert len(got.checks) >= 10
    assert identity_failures(got) == []
    assert [(c.rule, c.where, c.severity) for c in audit_failures(got)] == [
        ("required_section", where, "notice") for where in RENDERED_MISSING_SECTIONS]


@pytest.mark.parametrize("index", range(3), ids=["ecology_2024", "ecology_2025_gap", "education_2025"])
def test_samples_round_trip(index: int, tmp_path: Path) -> None:
    """The ``make run`` samples read back with every table figure they were rendered with."""
    record = sample_records()[index]
    got = _round_trip(record, tmp_path)
    assert (got.department, got.year, got.unit) == (record.department, record.year, record.unit)
    assert {k: _totals(got)[k] for k in TABLE_TOTALS} == {k: _totals(record)[k] for k in TABLE_TOTALS}
    assert _totals(got)["three_public"] == _totals(record)["three_public"]
    assert [(r.code, r.total, r.basic, r.project) for r in got.functional_subjects] == \
        [(r.code, r.total, r.basic, r.project) for r in record.functional_subjects]
    assert [(r.code, r.total, r.personnel, r.public) for r in got.economic_subjects] == \
        [(r.code, r.total, r.personnel, r.public) for r in record.economic_subjects]
    assert sorted((p.name, p.amount) for p in got.projects) == sorted((p.name, p.amount) for p in record.projects)


def test_education_has_no_failed_check(tmp_path: Path) -> None:
    got = _round_trip(qingshan_education(2025), tmp_path)
    assert got.checks and identity_failures(got) == []
    assert [c.where for c in audit_failures(got)] == RENDERED_MISSING_SECTIONS


# --- the same budgets printed WITHOUT ruling lines (tables as aligned text only) ------------------------

def _reading(record: Record) -> dict:
    """What a read-back record says, as comparable plain values."""
    return {
        "totals": _totals(record),
        "functional": [(r.code, r.name, r.total, r.basic, r.project) for r in record.functional_subjects],
        "economic": [(r.code, r.name, r.total, r.personnel, r.public) for r in record.economic_subjects],
        "projects": sorted((p.name, p.amount, p.functional_code) for p in record.projects),
        "failed": sorted((c.rule, c.where, c.expected, c.printed) for c in record.checks if not c.ok),
    }


def test_unruled_renderer_draws_no_grid(tmp_path: Path) -> None:
    """The fixture itself: without ruling lines pdfplumber finds no table at all, so the tests
    below exercise the word-position path (``kg.extract.pdf_unruled``), not the grid reader."""
    import pdfplumber

    path = render_record_pdf(water_bureau(misprint=True), tmp_path / "water.pdf", ruled=False)
    with pdfplumber.open(path) as pdf:
        assert all(not page.lines and not page.rects for page in pdf.pages)
        assert all(not page.find_tables() for page in pdf.pages)


@pytest.mark.parametrize("make", [lambda: water_bureau(misprint=True), lambda: water_bureau(misprint=False),
                                  *[(lambda i=i: sample_records()[i]) for i in range(3)]],
                         ids=["water_gap", "water_clean", "ecology_2024", "ecology_2025_gap", "education_2025"])
def test_unruled_pdf_reads_as_the_ruled_one(make, tmp_path: Path) -> None:
    """Every row, total, project and check of the unruled print equals the ruled print's, and
    both equal what was rendered (the blank cells of 表3/表7 stay under their own columns)."""
    record = make()
    ruled = extract_file(str(render_record_pdf(record, tmp_path / "ruled.pdf")))
    unruled = extract_file(str(render_record_pdf(record, tmp_path / "unruled.pdf", ruled=False)))
    assert _reading(unruled) == _reading(ruled)
    # every identity checked on the ruled print is checked on the unruled one (表7 can give more:
    # its 总计 and unit rows are found as rows of their own there)
    assert {(c.rule, c.where) for c in ruled.checks} <= {(c.rule, c.where) for c in unruled.checks}
    assert _reading(unruled)["functional"] == [(r.code, r.name, r.total, r.basic, r.project)
                                               for r in record.functional_subjects]
    assert {k: _totals(unruled)[k] for k in TABLE_TOTALS} == {k: _totals(record)[k] for k in TABLE_TOTALS}
