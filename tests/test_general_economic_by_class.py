"""泉州 prints the whole general budget by economic 类 in one 预算数 column beside the basic table
(泉州市公安局 2026 p.17 表8 2026年度一般公共预算支出经济分类情况表, 万元: 合计 69,059.36; 301 工资福利支出
43,412.83; 302 商品和服务支出 19,678.92; 303 2,948.11; 310 资本性支出 3,019.50; p.18 表9 基本支出: 301
43,342.83, 302 5,400.80). 表8's 合计 is not the 基本支出 (51,691.74): it holds project money the basic
table does not, so its rows are kept as the general budget's (``scoped_economic``) — issue 9, figures no
record held — and a question of the general budget by economic class reads them, one of 基本支出 the
basic table's. Figures read off the PDF pages."""
from __future__ import annotations

from decimal import Decimal as D

import pytest

pytestmark = pytest.mark.shared

QUANZHOU = "fujian_quanzhou/泉州市公安局_2026部门预算.pdf"


@pytest.fixture(scope="module")
def record(national):
    """The document's record from the session's one extraction of ../shared/national (skipped where absent)."""
    return national[QUANZHOU]


def test_general_budget_rows_kept(record):
    rows = {r.code: r for r in record.scoped_economic["general_public_budget"]}
    assert (rows["301"].total, rows["302"].total, rows["310"].total) == (D("43412.83"), D("19678.92"), D("3019.50"))
    assert rows["301"].provenance.table == "表8"
    basic = {r.code: r for r in record.economic_subjects}
    assert (basic["301"].total, basic["302"].total) == (D("43342.83"), D("5400.80"))
    assert record.totals.basic_expenditure == D("51691.74")


def test_asked(record):
    from nlp import answer
    from tests import nlp_support

    store = nlp_support.open_memory_store()
    nlp_support.ingest(store, [record])

    def text(q: str) -> str:
        reply = answer(q, store).to_json()
        return reply["text"] if isinstance(reply, dict) and "text" in reply else str(reply)

    whole = text("泉州市公安局2026年一般公共预算支出按经济分类分成哪几大块？资本性支出多少？")
    assert "301 工资福利支出43412.83万元" in whole and "310 资本性支出3019.50万元" in whole
    # a later part of a question asked of 基本支出 stays with it
    basic = text("泉州市公安局基本支出里对个人和家庭的补助有多少？分哪几项？工资福利支出多少？")
    assert "工资福利支出（301）合计43342.83万元" in basic and "43412.83" not in basic
