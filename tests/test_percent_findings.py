"""A narrative's percentages that are materially wrong are findings of the graph, asked as checks.

江苏省人大办公厅2017年度预算公开.pdf p.28 (说明): 因公出国（境）费222.50万元占“三公”经费8.75%、公务用车购置
及运行费183.60万元占7.22%、公务接待费427.50万元占16.81% — the shares of 2,542.60 (三公 with 会议费 and
培训费), not of the 三公 total 833.60 (26.69%, 22.02%, 51.28%)."""
from __future__ import annotations

from decimal import Decimal

import pytest
from rdflib import RDF

from kg.rdf.mapping import record_to_graph
from kg.vocabulary.namespaces import BKG

pytestmark = pytest.mark.shared

EXPECTED = {"说明 因公出国（境）费支出 占“三公”经费的比例": (Decimal("8.75"), Decimal("26.69")),
            "说明 公务用车购置及运行费支出 占“三公”经费的比例": (Decimal("7.22"), Decimal("22.02")),
            "说明 公务接待费支出 占“三公”经费的比例": (Decimal("16.81"), Decimal("51.28"))}


def _renda(realdocs_records: dict):
    return next(r for k, r in realdocs_records.items() if "人大" in k)


def test_material_percentages_are_findings_in_percent(realdocs_records) -> None:
    record = _renda(realdocs_records)
    _doc, g = record_to_graph(record)
    found = {str(g.value(f, BKG.where)): (Decimal(str(g.value(f, BKG.printedPercent))),
                                          Decimal(str(g.value(f, BKG.expectedPercent))))
             for f in g.subjects(RDF.type, BKG.Finding) if g.value(f, BKG.printedPercent) is not None}
    assert found == EXPECTED
    # a rounding difference of a rate (254.23% printed, 254.24% recomputed) stays the audit's
    assert not any("增减幅度" in str(g.value(f, BKG.where)) for f in g.subjects(RDF.type, BKG.Finding))
    # no amount is claimed for a percentage
    assert all(g.value(f, BKG.printedAmount) is None for f in g.subjects(RDF.type, BKG.Finding)
               if g.value(f, BKG.printedPercent) is not None)


def test_asked_whether_the_shares_are_right(ask) -> None:
    reply = ask("江苏人大办公厅2017年预算说明里三公各项占三公经费的比重算得对吗？")
    assert reply["parts"][0]["frame"]["focus"] == "findings"
    got = {a["label"]: (Decimal(a["printed"]), Decimal(a["expected"])) for a in reply["answers"]}
    assert got == EXPECTED
    assert "印8.75%，应为26.69%" in reply["text"]
