"""Provenance keeps the unit the table prints: a 元 document's 三公 table printed in 万元 says
10.81 万元 (as on the page), not the converted 108100.00 元; the amount stays exact in 万元."""
from __future__ import annotations

from decimal import Decimal as D

QUERY = """PREFIX bkg: <https://budgetkg.org/ontology#> PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?key ?amount ?value ?unit ?table WHERE {
  ?o bkg:item ?i ; bkg:amount ?amount ; bkg:department ?d .
  ?i bkg:sourceKey ?key . ?d bkg:key ?k FILTER(CONTAINS(?k, "普陀区司法局"))
  GRAPH ?g { ?o bkg:printedValue ?value ; prov:wasDerivedFrom ?loc . ?loc bkg:printedUnit ?unit ; bkg:table ?table }
  # a fact's provenance is in its document's graph only (kg.store.union_rule)
  VALUES ?key { "three_public.total" "three_public.reception" "income_total" } } ORDER BY ?key"""


def test_printed_unit_is_the_tables(shared_graph_store):
    rows = shared_graph_store.query(QUERY).values()
    assert [(k, D(str(a)), v, u, t) for k, a, v, u, t in rows] == [
        ("income_total", D("9628.221344"), "96282213.44", "元", "表1"),
        ("three_public.reception", D("0.83"), "0.83", "万元", "表9"),
        ("three_public.total", D("10.81"), "10.81", "万元", "表9"),
    ]
