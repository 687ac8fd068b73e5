"""A table of one kind of funds printed unit by unit: one department figure per code, one amount per
observation.

Values read by hand off the PDFs of ``../shared/national``:

* 西安市安全生产监督管理局 2019 表5 一般公共预算支出明细表（按功能） (pp.7–9) prints four units
  (``125001 西安市安全生产监督管理局 2,080.32`` …), each with its own 208 row: 115.11, 22.62, 35.75, 10.12 —
  183.60 together, what 表1 prints for ``8、社会保障和就业 183.60``; 表6 (按经济分类, pp.10–14) prints
  ``301 工资福利支出`` 970.84, 248.49, 499.88, 115.48 — 1,834.69 together, 表1's ``(1)工资福利支出 1,834.69``.
  Both tables' 合计 is 3,643.37.
* 北京市财政局 2026 预算05表 一般公共预算支出表 (p.9) prints its rows in two blocks: ``2010601 行政运行
  10,096.054007`` and ``7,239.974050`` (17,336.028057 together), ``合 计 44,169.357532``.
"""
from __future__ import annotations

import copy
from decimal import Decimal

import pytest

from tests.national_support import documents_named

pytestmark = pytest.mark.shared

D = Decimal
FILES = {"xian": "shaanxi_xian/西安市安全生产监督管理局_2019部门综合预算公开报表.pdf",
         "beijing": "beijing/北京市财政局_2026部门预算_附件2报表.pdf"}
MULTI = """PREFIX bkg: <https://budgetkg.org/ontology#>
SELECT ?obs (COUNT(DISTINCT ?a) AS ?n) WHERE { ?obs bkg:amount ?a } GROUP BY ?obs HAVING (COUNT(DISTINCT ?a) > 1)"""


@pytest.fixture(scope="module")
def records(national) -> dict:
    """The documents named, from the session's one extraction of ../shared/national."""
    return documents_named(national, FILES)


def _by_code(rows) -> dict:
    codes = [r.code for r in rows]
    assert len(codes) == len(set(codes)), "a code kept twice"
    return {r.code: r for r in rows}


def test_xian_units_rows_summed_to_the_department(records) -> None:
    record = records["xian"]
    functional = _by_code(record.scoped_functional["general_public_budget"])
    assert functional["208"].total == D("183.60") == D("115.11") + D("22.62") + D("35.75") + D("10.12")
    assert functional["208"].provenance.row == "208（4个单位之和）"
    economic = _by_code(record.scoped_economic["general_public_budget"])
    assert economic["301"].total == D("1834.69")
    assert economic["301"].personnel == D("1834.69")


def test_beijing_blocks_summed_exactly(records) -> None:
    functional = _by_code(records["beijing"].scoped_functional["general_public_budget"])
    assert functional["2010601"].total == D("17336.028057") == D("10096.054007") + D("7239.974050")
    assert functional["2010607"].total == D("6918.431100")  # printed once, as printed
    assert sum(r.total for r in functional.values()) == D("44169.357532")  # the table's 合计


def test_no_observation_holds_two_amounts(records) -> None:
    from tests import nlp_support

    store = nlp_support.open_memory_store()
    nlp_support.ingest(store, [records["xian"], records["beijing"]])
    assert store.query(MULTI).dicts() == []


def test_a_code_printed_twice_without_a_sum_keeps_two_observations(records) -> None:
    """Rows the 合计 does not prove to be parts (two subjects under one code) stay as printed, each
    its own observation (``code~2``)."""
    from tests import nlp_support

    record = copy.deepcopy(records["beijing"])
    rows = record.scoped_functional["general_public_budget"]
    first = next(r for r in rows if r.code == "2010607")
    rows.append(copy.deepcopy(first))
    rows[-1].total = rows[-1].project = D("1.000000")
    store = nlp_support.open_memory_store()
    nlp_support.ingest(store, [record])
    assert store.query(MULTI).dicts() == []
    found = store.query("""PREFIX bkg: <https://budgetkg.org/ontology#>
        SELECT ?a WHERE { ?o bkg:amountScope <https://budgetkg.org/id/scope/general_public_budget> ;
                             bkg:expenditureKind ?k ; bkg:amount ?a ;
                             bkg:subject <https://budgetkg.org/id/subject/functional/2010607> .
                          FILTER(STRENDS(STR(?k), "/total")) }""").dicts()
    assert sorted(D(str(r["a"])) for r in found) == [D("1.000000"), D("6918.431100")]
