"""The functional tables that cover one kind of funds (一般公共预算支出表, 政府性基金预算支出表)
read per scope, kept apart from the main table in the graph (own data set with bkg:amountScope),
so the dashboard can switch its treemap between them and nothing that sums a document's subject
figures counts them twice."""
from __future__ import annotations

from decimal import Decimal as D

import pytest
from rdflib import Literal
from rdflib.namespace import RDF

from kg.extract.deserialize import record_from_json
from kg.extract.serialize import record_json
from kg.rdf import iris
from kg.rdf.mapping import record_to_graph
from kg.vocabulary.namespaces import BKG, QB


@pytest.mark.shared
def test_general_public_budget_table_read_per_scope(corpus_records):
    rec = next(r for r in corpus_records if r.department == "昌吉回族自治州生态环境局" and r.year == 2025)
    # 表8 prints no 政府性基金 rows; 表4 财政拨款收支总表's 类 are the fiscal scope (kg.extract.tables.fiscal_classes)
    assert list(rec.scoped_functional) == ["fiscal", "general_public_budget"]
    classes = [(s.code, s.total, s.basic, s.project) for s in rec.scoped_functional["general_public_budget"]
               if len(s.code) == 3]
    assert classes == [("201", D("20.00"), None, D("20.00")), ("208", D("62.60"), D("62.60"), None),
                       ("210", D("21.49"), D("21.49"), None), ("211", D("1608.36"), D("305.36"), D("1303.00")),
                       ("221", D("32.23"), D("32.23"), None)]
    assert sum(c[1] for c in classes) == rec.totals.general_public_budget == D("1744.68")
    # its 财政拨款 is the 一般公共预算 alone: 表4's 类 are 表8's, each printed on 表4's expenditure side
    assert [(s.code, s.total) for s in rec.scoped_functional["fiscal"]] == [(c[0], c[1]) for c in classes]
    assert {s.provenance.table for s in rec.scoped_functional["fiscal"]} == {"表4"}
    assert record_from_json(record_json(rec)).scoped_functional == rec.scoped_functional  # the record round trip

    doc, graph = record_to_graph(rec)
    cells = iris.inside(doc, "dataset", "classification", "general_public_budget")
    assert (cells, BKG.amountScope, iris.amount_scope("general_public_budget")) in graph
    scoped = {(str(graph.value(o, BKG.subject)).rsplit("/", 1)[-1], graph.value(o, BKG.amount).toPython())
              for o in graph.subjects(QB.dataSet, cells)
              if graph.value(o, BKG.expenditureKind) == iris.expenditure_kind("total")}
    assert ("211", D("1608.36")) in scoped and len(scoped) == 23
    main = iris.inside(doc, "obs", "functional", "211", "total")
    assert graph.value(main, BKG.amount) == Literal(D("4542.38"))  # the all-funds table, its own data set
    assert graph.value(main, QB.dataSet) == iris.inside(doc, "dataset", "classification")
    assert (cells, RDF.type, QB.DataSet) in graph
