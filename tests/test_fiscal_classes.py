"""The functional 类 a 财政拨款收支总表 prints on its expenditure side: read into the record's rows of
the ``fiscal`` amount scope, mapped to a data set of that scope, and asked of by subject.

Values read by hand off the PDFs of ``../shared/national``:

* 国家信访局 2024 部门决算 公开04表 财政拨款收入支出决算总表 (p.10): ``一、一般公共服务支出 33
  9,846.82``, ``五、教育支出 37 180.03``, ``八、社会保障和就业支出 40 2,228.57``, ``九、卫生健康支出 41
  497.53``, ``十九、住房保障支出 51 980.85``; ``本年支出合计 59 13,733.80`` (the 类 add up to it).
* 国家信访局 2026 部门预算 部门公开表4 财政拨款收支总表 (p.9): ``（一）一般公共服务支出 15,291.30``,
  ``（二）教育支出 118.01``, ``（三）社会保障和就业支出 2,208.19``, ``（四）住房保障支出 1,111.44``
  (本年支出 18,728.94); its 部门支出总表 prints 一般公共服务支出 47,179.30 of all funds.
* 福州市民政局（本级）2026 单位预算 表4 财政拨款收支预算总表 (p.15): 208 1,984.77, 221 160.15, 229 75.00.
"""
from __future__ import annotations

from decimal import Decimal

import pytest

from tests.national_support import documents_named

pytestmark = pytest.mark.shared

D = Decimal
FILES = {"final": "central/国家信访局_2024部门决算.pdf",
         "budget": "central/国家信访局_2026部门预算.pdf",
         "fuzhou": "fujian_fuzhou/福州市民政局本级_2026单位预算.pdf"}


@pytest.fixture(scope="module")
def records(national) -> dict:
    """The documents named, from the session's one extraction of ../shared/national."""
    return documents_named(national, FILES)


def _classes(record) -> dict[str, tuple[str, Decimal]]:
    rows = record.scoped_functional.get("fiscal", [])
    assert len({r.code for r in rows}) == len(rows), "a 类 kept twice"
    return {r.code: (r.name, r.total) for r in rows}


def test_final_account_fiscal_summary_classes(records) -> None:
    record = records["final"]
    assert _classes(record) == {"201": ("一般公共服务支出", D("9846.82")), "205": ("教育支出", D("180.03")),
                                "208": ("社会保障和就业支出", D("2228.57")), "210": ("卫生健康支出", D("497.53")),
                                "221": ("住房保障支出", D("980.85"))}
    assert sum(total for _, total in _classes(record).values()) == D("13733.80")  # 本年支出合计
    first = record.scoped_functional["fiscal"][0]
    assert (first.provenance.page, first.provenance.table) == (10, "公开04表")
    assert first.basic is None and first.project is None  # the table prints no 基本/项目 split


def test_budget_fiscal_summary_classes_differ_from_all_funds(records) -> None:
    record = records["budget"]
    assert _classes(record) == {"201": ("一般公共服务支出", D("15291.30")), "205": ("教育支出", D("118.01")),
                                "208": ("社会保障和就业支出", D("2208.19")), "221": ("住房保障支出", D("1111.44"))}
    own = {s.code: s.total for s in record.functional_subjects}
    assert own["201"] == D("47179.30")  # the 部门支出总表's 类 of all funds: another figure, kept apart


def test_fuzhou_fiscal_summary_classes(records) -> None:
    assert _classes(records["fuzhou"]) == {"208": ("社会保障和就业支出", D("1984.77")),
                                           "221": ("住房保障支出", D("160.15")), "229": ("其他支出", D("75.00"))}


@pytest.fixture(scope="module")
def store(records):
    from tests import nlp_support

    store = nlp_support.open_memory_store()
    nlp_support.ingest(store, [records["final"], records["budget"]])
    return store


def test_fiscal_classes_form_a_data_set_of_their_scope(store) -> None:
    rows = store.query("""PREFIX bkg: <https://budgetkg.org/ontology#>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?code ?amount WHERE {
          ?x <http://purl.org/linked-data/cube#dataSet> ?ds ; bkg:subject/skos:notation ?code ; bkg:amount ?amount ;
             bkg:amountScope <https://budgetkg.org/id/scope/fiscal> ; bkg:document ?doc .
          ?ds bkg:amountScope <https://budgetkg.org/id/scope/fiscal> .
          ?doc bkg:sourceFile "国家信访局_2026部门预算.pdf" }""").dicts()
    assert sorted((str(r["code"]), D(str(r["amount"]))) for r in rows) == [
        ("201", D("15291.30")), ("205", D("118.01")), ("208", D("2208.19")), ("221", D("1111.44"))]


def test_questions_read_the_fiscal_classes(store) -> None:
    from nlp import answer
    from tests.nlp_support import reply_numbers

    reply = answer("国家信访局2026年财政拨款支出中教育支出多少", store).to_json()
    assert D("118.01") in reply_numbers(reply) and "财政拨款收支总表" in reply["text"]
    reply = answer("国家信访局2024年财政拨款支出按功能分类各是多少", store).to_json()
    assert {D("9846.82"), D("180.03"), D("2228.57"), D("497.53"), D("980.85")} <= reply_numbers(reply)
    # a 项 the table does not print: the document's own row (部门支出总表 2014001 行政运行 6,286.21)
    reply = answer("国家信访局2026年财政拨款支出中行政运行多少", store).to_json()
    assert D("6286.21") in reply_numbers(reply)
    # not asked of 财政拨款: the 部门支出总表's figure of all funds
    reply = answer("国家信访局2026年一般公共服务支出多少", store).to_json()
    assert D("47179.30") in reply_numbers(reply) and D("15291.30") not in reply_numbers(reply)


# 杭州市司法局 prints 30209 物业管理费 (1,423.26): the graph then names that subject as questions do
CHANGCHUN = {"changchun": "jilin_changchun/长春市信访局本级_2026部门预算.pdf",
             "hangzhou": "zhejiang_hangzhou/杭州市司法局_2026部门预算.pdf"}


def test_a_subject_printed_under_another_code_is_asked_by_its_name(national) -> None:
    """长春市信访局 2026 预算表6 (p.11) prints ``30208 取暖费 23.37`` and ``30208 物业管理费 36.18`` (物业管理费
    is 30209 nationally): both rows kept, and 物业管理费 asked by name reads its printed row."""
    from nlp import answer
    from tests import nlp_support
    from tests.nlp_support import reply_numbers

    both = documents_named(national, CHANGCHUN)
    record = both["changchun"]
    rows = [(e.code, e.name, e.total) for e in record.economic_subjects if e.code == "30208"]
    assert rows == [("30208", "取暖费", D("23.37")), ("30208", "物业管理费", D("36.18"))]
    store = nlp_support.open_memory_store()
    nlp_support.ingest(store, [record, both["hangzhou"]])
    assert D("36.18") in reply_numbers(answer("长春市信访局2026年物业管理费预算多少", store).to_json())
    reply = answer("长春市信访局2026年取暖费预算多少", store).to_json()
    assert D("23.37") in reply_numbers(reply) and D("36.18") not in reply_numbers(reply)
