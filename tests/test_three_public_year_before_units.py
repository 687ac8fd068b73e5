"""A 三公 table printing 上年 | 当年 | 增减变化情况 groups by unit (issue 9, "every fact askable" — the
figures ``bench/unread_figures.py`` found no record holding): 西安市安全生产监督管理局 2019 表13
2019年部门综合预算一般公共预算拨款“三公”经费及会议费、培训费支出预算表 (p.32, 万元) prints, for its 合计 and
each of its four units, 2018年 | 2019年 | 增减变化情况, each with 合计, the 三公 小计 and parts, 会议费, 培训费.

Read here: each unit's 会议费 / 培训费 / 合计 beside its 三公; each unit's year before and printed change
(``previous``, ``change``), checked (this year less the year before = the printed change, the units
added up against the 合计 in every group); the department's 会议费 and 培训费 changes from the table; the
graph's unit cells carrying the year before and the change; a question by unit answered with them.
Every figure is read off the PDF page (pdfplumber's table of p.32, rows 125001 … 125004)."""
from __future__ import annotations

from decimal import Decimal as D

import pytest

from kg.extract.deserialize import record_from_json
from kg.extract.serialize import record_json
from kg.rdf import iris
from kg.rdf.mapping import record_to_graph
from kg.vocabulary.namespaces import BKG

pytestmark = pytest.mark.shared

SAFETY = "shaanxi_xian/西安市安全生产监督管理局_2019部门综合预算公开报表.pdf"


@pytest.fixture(scope="module")
def record(national):
    """The document's record from the session's one extraction of ../shared/national (skipped where absent)."""
    return national[SAFETY]


def _unit(record, name: str):
    return next(u for u in record.unit_three_public if u.name == name)


def test_units_beside_the_three_public(record):
    # 125001 2019年: 合计 42.50, 小计 10.00, 接待 4.00, 运行 6.00, 会议费 12.00, 培训费 20.50
    own = _unit(record, "西安市安全生产监督管理局")
    assert own.own
    assert own.parts == {"total": D("10.00"), "reception": D("4.00"), "vehicles": D("6.00"),
                         "vehicle_operation": D("6.00"), "meetings": D("12.00"), "training": D("20.50"),
                         "with_meetings_training": D("42.50")}
    rescue = _unit(record, "西安市安全生产应急救援中心")
    assert (rescue.parts["meetings"], rescue.parts["training"], rescue.parts["with_meetings_training"]) == \
        (D("4.50"), D("7.00"), D("13.50"))


def test_year_before_and_change_per_unit(record):
    own = _unit(record, "西安市安全生产监督管理局")
    # 2018年: 合计 8.86, 小计 2.86, 接待 2.86, 运行 6.00, 会议费 4.10, 培训费 26.81
    assert own.previous == {"total": D("2.86"), "reception": D("2.86"), "vehicles": D("6.00"),
                            "vehicle_operation": D("6.00"), "meetings": D("4.10"), "training": D("26.81"),
                            "with_meetings_training": D("8.86")}
    # 增减变化情况: 合计 33.64, 小计 7.14, 接待 1.14, 会议费 7.90, 培训费 -6.31 (the car columns blank)
    assert own.change == {"total": D("7.14"), "reception": D("1.14"), "meetings": D("7.90"),
                          "training": D("-6.31"), "with_meetings_training": D("33.64")}
    centre = _unit(record, "西安市安全生产宣传教育中心")
    assert centre.previous["vehicles"] == D("9.22") and centre.change["vehicles"] == D("2.78")
    assert "total" not in centre.previous  # 2018年 小计 printed blank: no figure


def test_checks(record):
    table13 = [c for c in record.checks if c.where.startswith("表13")]
    changes = [c for c in table13 if c.rule == "previous_year_change" and c.printed is not None]
    # four units and the 合计, each with its printed 增减 columns
    assert len(changes) >= 20 and all(c.ok for c in changes)
    training = next(c for c in changes if "西安市安全生产监督管理局 " in c.where and "培训费" in c.where)
    assert (training.expected, training.printed) == (D("-6.31"), D("-6.31"))
    sums = [c for c in table13 if "各单位之和" in c.where]
    assert {c.where.split(" ")[2].split("/")[0] for c in sums} == {"2018年", "2019年", "增减变化情况"}
    assert all(c.ok for c in sums)
    before_meetings = next(c for c in sums if c.where.startswith("表13 合计 2018年/") and "会议费" in c.where)
    assert (before_meetings.expected, before_meetings.printed) == (D("4.32"), D("4.32"))


def test_department_meetings_training_changes(record):
    table = {c["subject"]: c for c in record.changes if c.get("stated_in") == "table"}
    assert (table["会议费"]["baseline"], table["会议费"]["current"], table["会议费"]["amount"]) == \
        ("4.32", "19.06", "14.74")
    assert (table["培训费"]["baseline"], table["培训费"]["current"], table["培训费"]["direction"]) == \
        ("29.79", "36.30", "increase")
    # the table's 合计 (三公 with 会议费 and 培训费): 2018年 24.08, 2019年 83.74, 增减 59.66 — after the 三公's own
    together = table["“三公”经费及会议费、培训费合计"]
    assert (together["key"], together["baseline"], together["current"], together["amount"]) == \
        ("with_meetings_training", "24.08", "83.74", "59.66")
    keys = [c["key"] for c in record.changes if c.get("stated_in") == "table"]
    assert keys.index("total") < keys.index("with_meetings_training")


def test_json_round_trip(record):
    data = record_json(record)
    row = next(u for u in data["unit_three_public"] if u["name"] == "西安市安全生产监督管理局")
    assert row["previous"]["training"] == "26.81" and row["change"]["training"] == "-6.31"
    again = record_from_json(data)
    assert _unit(again, "西安市安全生产监督管理局").change == _unit(record, "西安市安全生产监督管理局").change


def test_graph_cells_carry_the_year_before(record):
    doc, graph = record_to_graph(record)
    obs = iris.inside(doc, "obs", "unit-three-public", iris.department_key("西安市安全生产监督管理局"), "training")
    assert graph.value(obs, BKG.amount).toPython() == D("20.50")
    assert graph.value(obs, BKG.previousAmount).toPython() == D("26.81")
    assert graph.value(obs, BKG.changeAmount).toPython() == D("6.31")
    assert str(graph.value(obs, BKG.direction)) == "decrease"
    assert graph.value(obs, BKG.previousYear).toPython() == 2018
    meetings = iris.inside(doc, "obs", "unit-three-public", iris.department_key("西安市安全生产应急救援中心"),
                           "meetings")
    assert graph.value(meetings, BKG.amount).toPython() == D("4.50")


def test_asked_by_unit(record):
    from nlp import answer
    from tests import nlp_support

    store = nlp_support.open_memory_store()
    nlp_support.ingest(store, [record])
    reply = answer("西安市安全生产监督管理局2019年各单位三公经费比上年增减多少", store).to_json()
    text = reply["text"] if isinstance(reply, dict) and "text" in reply else str(reply)
    assert "西安市安全生产监督管理局（本级）10.00万元（上年2.86万元，增加7.14万元）" in text
    assert "西安市安全生产执法监察支队4.38万元（增加4.38万元）" in text
