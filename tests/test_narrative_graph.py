"""The narrative's facts in the graph (``kg.rdf.narrative``): staffing by kind, vehicles by type,
stated figures and stated changes with their reasons, queried with SPARQL the way the question
service reads them, in 万元 whatever the document's unit, each with its source location, and
conforming to the SHACL shapes (``ontology/shapes.ttl``). Real national documents, read once per
session (``national_extraction``)."""
from __future__ import annotations

from decimal import Decimal

import pytest
from rdflib import Graph

from kg.rdf.mapping import record_to_graph
from kg.vocabulary.namespaces import BKG, bind_all

pytestmark = pytest.mark.shared

D = Decimal
PREFIXES = f"PREFIX bkg: <{BKG}>\nPREFIX prov: <http://www.w3.org/ns/prov#>\n"


def _graph(national_extraction, relpath: str) -> Graph:
    by_file, _failures = national_extraction
    _doc, g = record_to_graph(by_file[relpath])
    bind_all(g)
    return g


def _rows(g: Graph, query: str) -> list[tuple]:
    return sorted(tuple(None if v is None else v.toPython() for v in row) for row in g.query(PREFIXES + query))


def test_staffing_by_kind_and_figures_in_wan_from_a_yuan_record(national_extraction) -> None:
    """西安市审计局 p.3–4 (PDF page 9): 编制 行政 111 事业 14, 实有 行政 108 事业 11, 离退休 104; p.17 会议费 2.00万元
    (the record is in 元: 20000.00 元 read, 2.00 万元 in the graph), each from its page."""
    g = _graph(national_extraction, "shaanxi_xian/西安市审计局汇总_2026部门预算.pdf")
    staff = _rows(g, """SELECT ?category ?kind ?n ?page WHERE {
        ?doc bkg:statesStaffCount ?s . ?s bkg:staffCategory ?category ; bkg:staffKind ?kind ; bkg:headcount ?n ;
        prov:wasDerivedFrom/bkg:page ?page }""")
    assert [row[:3] for row in staff] == [("实有人数", "事业", 11), ("实有人数", "行政", 108),
                                          ("编制数", "事业", 14), ("编制数", "行政", 111)]
    assert {row[3] for row in staff} == {9}  # the PDF's page 9 (printed page 3–4 of the 说明)
    assert _rows(g, "SELECT ?n WHERE { ?doc bkg:retireeStaff ?n }") == [(104,)]
    meetings = _rows(g, """SELECT ?amount WHERE { ?doc bkg:statesFigure ?f . ?f bkg:figureTopic "meetings" ;
        bkg:figureKey "total" ; bkg:period "current" ; bkg:amount ?amount }""")
    assert meetings == [(D("2.00"),)]


def test_vehicles_by_type_and_stated_changes_with_reasons(national_extraction) -> None:
    """重庆市人民政府办公厅 p.4: 车辆 46 辆 (机要通信用车 2, 应急保障用车 15, 其他按照规定配备的公务用车 29),
    安排购置 0 辆; p.2 一般公共预算财政拨款 增加 2,781.90 万元, 主要是增加了…运营项目二期预算."""
    g = _graph(national_extraction, "chongqing/重庆市人民政府办公厅_2026部门预算情况说明.pdf")
    held = _rows(g, """SELECT ?kind ?count ?unit WHERE { ?doc bkg:statesAsset ?a . ?a bkg:assetKind ?kind ;
        bkg:assetCount ?count ; bkg:countUnit ?unit ; bkg:planned false }""")
    assert held == [("其他按照规定配备的公务用车", D(29), "辆"), ("应急保障用车", D(15), "辆"),
                    ("机要通信用车", D(2), "辆"), ("车辆", D(46), "辆")]
    planned = _rows(g, """SELECT ?kind ?count WHERE { ?doc bkg:statesAsset ?a . ?a bkg:assetKind ?kind ;
        bkg:assetCount ?count ; bkg:planned true }""")
    assert planned == [("车辆", D(0))]
    change = _rows(g, """SELECT ?direction ?amount ?reason WHERE { ?doc bkg:statesChange ?c .
        ?c bkg:changeSubject "一般公共预算财政拨款" ; bkg:direction ?direction ; bkg:changeAmount ?amount ;
        bkg:reason ?reason }""")
    assert change == [("increase", D("2781.90"), "增加了重庆市“12345一号通”政务服务便民热线运营项目二期预算")]
    income = _rows(g, """SELECT ?amount ?page WHERE { ?doc bkg:statesFigure ?f . ?f bkg:figureTopic "income" ;
        bkg:figureKey "service_income" ; bkg:period "current" ; bkg:amount ?amount ;
        prov:wasDerivedFrom/bkg:page ?page }""")
    assert income == [(D("812.48"), 2)]


def test_narrative_nodes_conform_to_the_shapes(national_extraction) -> None:
    """No SHACL violation on the narrative's nodes of a document with staffing, vehicles, figures
    and changes (重庆, 西安)."""
    from kg.rdf.validate import validate_graph

    for relpath in ("chongqing/重庆市人民政府办公厅_2026部门预算情况说明.pdf",
                    "shaanxi_xian/西安市审计局汇总_2026部门预算.pdf"):
        g = _graph(national_extraction, relpath)
        narrative = [v for v in validate_graph(g) if any(part in v.focus for part in ("/staff/", "/asset/", "/stated/"))]
        assert narrative == [], narrative


def test_every_national_record_passes_the_records_gate(national_extraction) -> None:
    """What ``budgetkg extract --json`` writes, ``audit`` and ``ingest`` read back (``make run``):
    重庆's and 烟台's 7-digit economic sub-items (3010201 规范性津补贴) and 无锡's ``增长 2,168.43%``
    follow the contract, and the checks come back with their severities."""
    import json

    from kg.extract.deserialize import records_from_json
    from kg.extract.serialize import record_json

    by_file, _failures = national_extraction
    records = list(by_file.values())
    back = records_from_json(json.dumps([record_json(r) for r in records], ensure_ascii=False))
    assert len(back) == len(records) == 25
    assert [len(r.checks) for r in back] == [len(r.checks) for r in records]
    assert [c.severity for r in back for c in r.checks] == [c.severity for r in records for c in r.checks]
    chongqing = next(r for r in back if r.source.startswith("重庆市人民政府办公厅"))
    assert ("3010201", "规范性津补贴") in {(e.code, e.name) for e in chongqing.economic_subjects}
