"""What page breaks, carry-over columns and a project printed twice do to the records (issue 9's
extraction leftovers), on the real documents of ``../shared/national`` (skipped where absent).

Values read by hand off the PDFs:

* 国家信访局 2024 决算 说明 (pp.26–27): ``国家信访局组织对“信息化运行维护费”（一级项目）、“全`` ends PDF page 26,
  whose foot prints the page number ``24``; page 27 goes on ``国信访信息系统维护费”、“国家信访信息系统应用拓展项目”``.
  The body's page numbers are bare figures at each page's foot, the PDF page less 2 (p.3 prints ``1``).
* 深圳市财政局 2026 表5 项目支出总表 (p.27, 万元): 总计 | 财政拨款 (一般公共预算拨款 | 政府性基金预算拨款 | 国有资本经营预算拨款)
  | 财政专户管理资金 | 单位资金 (事业收入 …) | 上年结余、结转; ``财政综合管理业务 2,714.03 2,658.66 … 55.37``,
  ``信息化服务类项目（非运维服务部分） 341.46 0.00 … 341.46``, ``预决算管理业务 18,808.16 18,808.16 … 0.00``.
  表6 (pp.29–30) ``上年结余、结转 396.83``, all of it 一般公共预算拨款结余、结转.
* 长春市信访局本级 2026 预算表9 项目支出表 (p.14): 本年财政拨款 | 财政拨款结转 (一般公共预算 | 政府性基金预算 | 国有资本经营预算);
  ``2026驻京经费 312.00 312.00 0.00 0.00 0.00 0.00 0.00 …``.
* 重庆市人民政府办公厅 2026 表四 财政拨款收支总体情况表 (p.14): ``二、上年结转 865.06`` over ``（一）一般公共预算拨款 865.06``;
  表一 prints no carry-over line (the 说明 says 结转金额已纳入相应性质的资金收入中进行反映).
* 西安市审计局汇总 2026 (元): 表10 (p.32) ``审计专项补助经费 1,000,000.00`` and ``审计专项补助经费（结转） 981,827.50``;
  表14 绩效目标表 (p.41) ``项目名称 审计专项补助经费`` ``实施期资金总额： 198.18`` (万元).
"""
from __future__ import annotations

from decimal import Decimal

import pytest

from kg.extract.page_furniture import drop_page_furniture
from kg.extract.source import Line
from tests.national_support import documents_named

pytestmark = pytest.mark.shared

D = Decimal
FILES = {"central": "central/国家信访局_2024部门决算.pdf",
         "shenzhen": "guangdong_shenzhen/深圳市财政局_2026部门预算.pdf",
         "changchun": "jilin_changchun/长春市信访局本级_2026部门预算.pdf",
         "chongqing": "chongqing/重庆市人民政府办公厅_2026部门预算情况说明.pdf",
         "xian_audit": "shaanxi_xian/西安市审计局汇总_2026部门预算.pdf"}


@pytest.fixture(scope="module")
def records(national) -> dict:
    """The documents, each read alone, from the session's one extraction of ../shared/national."""
    return documents_named(national, FILES)


def _project(record, name: str):
    return next(p for p in record.projects if p.name == name)


# --- page numbers ---------------------------------------------------------------------------------

def _page(page: int, *texts: str) -> list[Line]:
    return [Line(text, lineno=page * 10 + k, page=page) for k, text in enumerate(texts)]


def test_bare_page_numbers_running_with_the_pages_are_dropped() -> None:
    lines = (_page(3, "一、概况", "（一）职责", "1") + _page(4, "开展了“全", "2")
             + _page(5, "国信访系统”评价", "3") + _page(6, "合计", "7"))
    kept = [line.text for line in drop_page_furniture(lines)]
    assert kept == ["一、概况", "（一）职责", "开展了“全", "国信访系统”评价", "合计", "7"]


def test_a_bare_figure_at_a_pages_foot_is_kept_where_no_numbering_runs() -> None:
    lines = _page(3, "合计", "1") + _page(4, "小计", "9") + _page(5, "总计", "12")
    assert [line.text for line in drop_page_furniture(lines)] == ["合计", "1", "小计", "9", "总计", "12"]


def test_a_number_that_is_its_own_pdf_page_twice_is_a_page_number() -> None:
    """长春市信访局本级 2026 prints only two page numbers, 20 and 21, on PDF pages 20 and 21; the first
    cut ``公务用车购置费指单位购`` + ``置公务用车支出…``."""
    lines = _page(20, "指单位购", "20") + _page(21, "置公务用车支出", "21") + _page(22, "合计", "5")
    assert [line.text for line in drop_page_furniture(lines)] == ["指单位购", "置公务用车支出", "合计", "5"]
    assert [line.text for line in drop_page_furniture(_page(7, "合计", "7"))] == ["合计", "7"]


def test_a_quoted_name_across_a_page_break_loses_the_page_number(records) -> None:
    evaluation = next(c for c in records["central"].performance_coverage if c.scope == "department_evaluation")
    assert "“全国信访信息系统维护费”" in evaluation.text
    assert "全24国" not in evaluation.text
    assert (evaluation.projects, evaluation.amount) == (3, D("1639.34"))


# --- per-project carry-over -----------------------------------------------------------------------

def test_shenzhen_projects_keep_their_carried_over_column(records) -> None:
    record = records["shenzhen"]
    managed = _project(record, "财政综合管理业务")
    assert (managed.amount, managed.funds.general_public_budget, managed.funds.carryover) == \
        (D("2714.03"), D("2658.66"), D("55.37"))
    assert any((w.table, w.page) == ("项目支出表", 27) for w in managed.provenance)
    carried = _project(record, "信息化服务类项目（非运维服务部分）")
    assert (carried.funds.carryover, carried.funds.general_public_budget) == (D("341.46"), D("0.00"))
    assert carried.funding_source == "carryover_fiscal"  # 表6: all 396.83 carried over is 一般公共预算
    assert _project(record, "预决算管理业务").funds.carryover == D("0.00")
    assert sum(p.funds.carryover for p in record.projects) == record.totals.carryover_total == D("396.83")


def test_changchun_carried_over_columns_are_a_figure_of_their_own(records) -> None:
    funds = _project(records["changchun"], "2026驻京经费").funds
    assert (funds.general_public_budget, funds.carryover) == (D("312.00"), D("0.00"))


def test_shenzhen_carried_projects_answered(ask_national) -> None:
    reply = ask_national("深圳市财政局2026年哪些项目用了上年结转？")
    assert "信息化服务类项目（非运维服务部分）" in reply["text"] and "财政综合管理业务" in reply["text"]
    assert "341.46" in reply["text"] and "55.37" in reply["text"]
    assert "预决算管理业务" not in reply["text"]


# --- a carry-over printed in a table of another label ---------------------------------------------

def test_chongqing_carryover_only_in_the_fiscal_summary(records) -> None:
    t = records["chongqing"].totals
    assert (t.carryover_fiscal, t.carryover_general_public_budget) == (D("865.06"), D("865.06"))
    where = t.provenance["carryover_fiscal"]
    assert (where.table, where.page, where.row) == ("表4", 14, "二、上年结转")
    assert t.carryover_total is None  # the unit's own carry-over, if any, is printed nowhere


# --- one project, two printed amounts -------------------------------------------------------------

def test_a_project_printed_with_two_amounts_is_a_finding_naming_both_places(records) -> None:
    record = records["xian_audit"]
    found = [c for c in record.checks if c.rule == "project_amount_places" and "审计专项补助经费" in c.where]
    assert len(found) == 1
    check = found[0]
    assert (check.ok, check.printed, check.expected) == (False, D("1000000.00"), D("1981800.00"))
    assert "第32页" in check.note and "第41页" in check.note
    # the difference is the carried-over row printed beside it: a notice, said so
    assert check.severity == "notice" and "审计专项补助经费（结转）" in check.note
    # 审计事务: 2,858,680.00元 in 表10, 285.87万元 in its 绩效目标表 — one figure in two units
    assert all(c.ok for c in record.checks if c.rule == "project_amount_places" and "审计事务" in c.where)


def test_a_kinds_carry_over_asked_inside_the_kind(ask_national) -> None:
    """重庆 表四: the 一般公共预算 carry-over 865.06 inside 表一's 一般公共预算资金 18,417.70 (结转金额已纳入相应性质的
    资金收入中): the carry-over, the kind, and the one as a share of the other (4.70%)."""
    reply = ask_national("重庆市政府办公厅2026年一般公共预算拨款当中，有多少属于以前年度结转？占几成？")
    for figure in ("865.06", "18,417.70", "4.70%"):
        assert figure in reply["text"]
    assert "95.77" not in reply["text"]  # not 一般公共预算's share of the income total


def test_the_fiscal_carry_over_said_with_its_printed_kinds(ask_national) -> None:
    reply = ask_national("重庆市政府办公厅2026年的财政拨款结转有多少？")
    assert "865.06" in reply["text"] and "上年结转一般公共预算拨款" in reply["text"]
    assert any(a["label"] == "上年结转一般公共预算拨款" for a in reply["answers"])
