"""The other families' templates, in documents the tests render themselves (tests/fixtures/templates.py).

They reproduce the held-out failures of issue 10 without any shared file: a 江苏 tables-only PDF
that must be read (not refused), its narrative published apart under the department's short
name (one budget, combined), 上海's project sheets whose titles wrap or name no project, the
finance ministry's 决算 template with 行次/栏次 numbering (never amounts), its 年初/年末结转和结余,
结余分配 and 预算数/决算数 三公 table, and that template printed blank (one clear error).
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from kg.extract.errors import ExtractionError
from kg.extract.pipeline import extract_file, extract_paths
from kg.extract.serialize import record_json
from tests.fixtures import templates as T
from kg.synth.pdf import find_cjk_font, render_pdf as render_blocks_pdf

D = Decimal

pytestmark = pytest.mark.skipif(find_cjk_font() is None,
                                reason="no CJK font to render with: install fonts-wqy-zenhei (make system-deps)")


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("families")
    docs = {"jiangsu_tables": T.jiangsu_tables(), "jiangsu_narrative": T.jiangsu_narrative(),
            "shanghai": T.shanghai_sheets(), "final": T.final_account(), "blank": T.final_account(blank=True)}
    return {name: render_blocks_pdf(blocks, folder / f"{name}.pdf") for name, blocks in docs.items()}


def test_a_jiangsu_tables_only_file_is_read_not_refused(rendered) -> None:
    record = extract_file(str(rendered["jiangsu_tables"]))
    f = T.JIANGSU_FIGURES
    assert (record.department, record.year, record.kind, record.unit, record.template) == (
        T.JIANGSU_LONG, T.YEAR, "部门预算", "万元", "jiangsu")
    t = record.totals
    assert t.income_total == t.expenditure_total == f["income_total"]
    assert (t.basic_expenditure, t.project_expenditure) == (f["basic"], f["project"])
    classes = [(s.code, s.name, s.total) for s in record.functional_subjects if s.level == 1]
    assert classes == [("201", "一般公共服务支出", D("5050.00")), ("208", "社会保障和就业支出", D("500.00")),
                       ("221", "住房保障支出", D("450.00"))]
    tp = f["three_public"]
    got = t.three_public
    # the 三公 total is the 小计 beside 会议费 and 培训费, not the table's 合计
    assert (got.total, got.overseas, got.reception, got.vehicles, got.vehicle_purchase, got.vehicle_operation) == (
        tp["total"], tp["overseas"], tp["reception"], tp["vehicles"], tp["vehicle_purchase"], tp["vehicle_operation"])
    assert [c for c in record.checks if not c.ok] == []


def test_jiangsu_narrative_and_tables_published_apart_are_one_budget(rendered) -> None:
    records, failures = extract_paths([str(rendered["jiangsu_narrative"]), str(rendered["jiangsu_tables"])])
    assert failures == []
    assert len(records) == 1
    record = records[0]
    assert sorted(record.files) == ["jiangsu_narrative.pdf", "jiangsu_tables.pdf"]
    assert record.department == T.JIANGSU_LONG and record.totals.income_total == D("6150.00")


def test_two_budgets_with_tables_of_one_department_stay_apart(rendered, tmp_path) -> None:
    other = render_blocks_pdf(T.jiangsu_tables(department="江苏省委办公厅"), tmp_path / "again.pdf")
    records, _ = extract_paths([str(rendered["jiangsu_tables"]), str(other)])
    assert len(records) == 2


def test_shanghai_sheets_never_name_a_project_project(rendered) -> None:
    record = extract_file(str(rendered["shanghai"]))
    names = sorted((p.name, p.amount) for p in record.projects)
    assert names == [("人民调解和社区矫正工作项目", D("1200000")), ("公共法律服务平台建设", D("800000"))]
    assert not any(p.name == "项目" or "项目" == n for p in record.projects for n in p.all_names())


def test_final_account_numbering_is_never_an_amount(rendered) -> None:
    record = extract_file(str(rendered["final"]))
    assert (record.department, record.year, record.kind, record.template) == ("国家某某局", 2024, "部门决算",
                                                                              "final_account")
    t = record.totals
    # 行次 (12, 31) and 栏次 (1, 2) are numbering: the totals are the 金额 column's
    assert t.income_total == t.expenditure_total == D("1000.00")
    assert (t.current_year_income, t.current_year_expenditure) == (D("920.00"), D("850.00"))
    assert (t.carryover_total, t.carryover_year_end, t.surplus_distribution) == (D("80.00"), D("150.00"), D("0.00"))
    assert (t.basic_expenditure, t.project_expenditure) == (D("600.00"), D("250.00"))
    assert [(s.code, s.total) for s in record.functional_subjects] == [
        ("201", D("700.00")), ("205", D("30.00")), ("208", D("120.00"))]


def test_final_account_keeps_budget_and_final_figures_and_completion(rendered) -> None:
    record = extract_file(str(rendered["final"]))
    tp = record.totals.three_public
    # a 决算 reads its 决算数; the 预算数 stay as their own figures
    assert (tp.total, tp.overseas, tp.vehicles, tp.vehicle_operation, tp.reception) == (
        D("24.00"), D("6.00"), D("14.00"), D("14.00"), D("4.00"))
    phased = {(f.key, f.phase): f.value for f in record.phased}
    assert phased[("three_public.total", "budget")] == D("30.00")
    assert phased[("three_public.total", "final")] == D("24.00")
    rates = {key: (phase, rate) for key, phase, rate in record.completion_rates()}
    assert rates["three_public.total"] == ("budget", D("80.00"))
    assert rates["three_public.reception"] == ("budget", D("80.00"))
    out = record_json(record)
    assert {"key": "three_public.total", "budget_phase": "budget", "rate": "80.00"} in out["completion_rates"]


def test_a_blank_final_account_form_is_one_clear_error(rendered) -> None:
    with pytest.raises(ExtractionError) as caught:
        extract_file(str(rendered["blank"]))
    assert "blank form" in caught.value.reason and caught.value.path.endswith("blank.pdf")
    records, failures = extract_paths([str(rendered["blank"]), str(rendered["final"])])
    assert [f.path for f in failures] == [str(rendered["blank"])] and len(records) == 1


def test_reading_files_in_worker_processes_gives_the_same_records(rendered) -> None:
    from kg.extract.serialize import dumps

    paths = [str(rendered[name]) for name in ("final", "blank", "jiangsu_tables", "jiangsu_narrative")]
    seen: list[str] = []
    one = extract_paths(paths)
    two = extract_paths(paths, jobs=2, progress=lambda p: seen.append(p.line()))
    assert dumps(two[0], single=False) == dumps(one[0], single=False)
    assert [f.path for f in two[1]] == [f.path for f in one[1]] == [paths[1]]
    assert [line.split(":")[0] for line in seen] == [f"[{i}/4] {p}" for i, p in enumerate(paths, start=1)]
    assert "FAILED a blank form" in seen[1]


def test_final_account_keeps_initial_budget_beside_final_figures(rendered) -> None:
    """公开05表 prints 年初预算数 | 决算数 groups: the rows read their 决算数, the 年初预算数 stay
    each as its own figure, 完成率 from the two."""
    record = extract_file(str(rendered["final"]))
    phased = {(f.key, f.phase): f.value for f in record.phased}
    assert phased[("general_budget_expenditure.201.total", "initial_budget")] == D("730.00")
    assert phased[("general_budget_expenditure.201.total", "final")] == D("700.00")
    assert phased[("general_budget_expenditure.201.project", "initial_budget")] == D("280.00")
    rates = {key: (phase, rate) for key, phase, rate in record.completion_rates()}
    assert rates["general_budget_expenditure.201.total"] == ("initial_budget", D("95.89"))
    assert rates["general_budget_expenditure.205.total"] == ("initial_budget", D("100.00"))
    general = next(t for t in record.tables if t["kind"] == "general_budget_expenditure")
    assert general["label"] == "公开05表"
    assert [c for c in record.checks if not c.ok] == []


def test_other_phases_become_observations_of_their_own_phase(rendered) -> None:
    """The graph holds a 决算's 预算数 / 年初预算数 as observations of those phases, beside the
    决算数 of the document's own phase."""
    from rdflib import URIRef

    from kg.rdf import iris
    from kg.rdf.mapping import record_to_graph
    from kg.vocabulary.namespaces import BKG

    record = extract_file(str(rendered["final"]))
    doc, graph = record_to_graph(record)
    budget = iris.inside(doc, "obs", "phase", "budget", "three_public", "total")
    assert graph.value(budget, BKG.budgetPhase) == iris.phase("budget")
    assert D(str(graph.value(budget, BKG.amount))) == D("30.00")
    initial = iris.inside(doc, "obs", "phase", "initial_budget", "general_budget_expenditure", "201", "total")
    assert graph.value(initial, BKG.budgetPhase) == iris.phase("initial_budget")
    assert graph.value(initial, BKG.subject) == iris.functional_subject("201")
    assert D(str(graph.value(initial, BKG.amount))) == D("730.00")
    own = iris.inside(doc, "obs", "item", "three_public.total")
    assert graph.value(own, BKG.budgetPhase) == iris.phase("final_account")
    assert not any(isinstance(o, URIRef) and "/phase/final_account/" in str(o) for o in graph.subjects())


def test_a_table_without_a_title_is_recognised_by_its_header(tmp_path) -> None:
    """A 三公 table whose title is missing (printed as an image, or not at all) is still read, by
    the words of its header."""
    from kg.synth.layout import Para

    blocks = T.jiangsu_tables()
    untitled = [b for b in blocks if not (getattr(b, "text", "") in ("公开09表", "“三公”经费、会议费、培训费支出预算表"))]
    path = render_blocks_pdf(untitled + [Para("注：本表无其他说明。")], tmp_path / "untitled.pdf")
    record = extract_file(str(path))
    assert record.totals.three_public.total == T.JIANGSU_FIGURES["three_public"]["total"]
    assert any(t["kind"] == "three_public" and t["title"] == "" for t in record.tables)
