"""Query shapes of the question service (``nlp.sparql.build``) that scale: the same rows whichever
shape reads them.

The builder reads the rows of several budgets either with one query over every document (the
document a variable, the rows kept by the caller) or with one query anchored on each document;
which one depends on the share of the graph's documents asked (``MANY_SHARE``), so that a
department's five years in a graph of 1,000 documents are five index lookups, not a scan of
every document. Constraints are placed among the required patterns, before the OPTIONALs. Both
choices are about speed only: here each focus and constraint gives the same rows either way, on
the corpus + realdocs graph through the real extractor. (The speed itself is measured by
``scripts/bench_questions.py --kinds``, never asserted.)
"""
from __future__ import annotations

from decimal import Decimal

import pytest

from nlp import sparql
from nlp.graph import Graph
from nlp.sparql import Constraints


def _raw_rows(graph: Graph, focus: str, budgets, c: Constraints) -> list[tuple]:
    """Every row the queries of ``build`` return for ``budgets`` (the one-query shape's rows kept
    for those budgets, as ``Graph.rows`` keeps them), sorted: what the shapes must agree on. (Which
    of two rows printing the same code in one document ``Graph.rows`` keeps depends on the order
    the rows come in, in either shape, so the kept rows are not what is compared.)"""
    wanted = {b.iri for b in budgets}
    out: list[tuple] = []
    for q in sparql.build(focus, [b.iri for b in budgets], c, len(budgets)):
        rows = graph.run(q.text)
        if q.doc is None:
            rows = [r for r in rows if r.get("doc") in wanted]
        out += [tuple(sorted((k, str(v)) for k, v in r.items())) for r in rows]
    return sorted(out)


@pytest.mark.parametrize("focus, constraints", [
    ("figures", Constraints(items=["income_total", "expenditure_total", "basic_expenditure"])),
    ("subjects", Constraints(scheme="functional", columns=["total"])),
    ("subjects", Constraints(scheme="economic")),
    ("projects", Constraints(bound=(">", Decimal("50"), None))),
    ("projects", Constraints(category=["carryover"])),
    ("policies", Constraints()),
    ("indicators", Constraints()),
])
def test_per_document_and_whole_graph_queries_give_the_same_rows(nlp_corpus_realdocs_store, monkeypatch, focus, constraints):
    graph = Graph(nlp_corpus_realdocs_store)
    budgets = graph.budgets()
    assert len(budgets) > sparql.MANY_DOCUMENTS
    monkeypatch.setattr(sparql, "MANY_SHARE", 10 ** 6)  # any share: one query over every document
    assert len(sparql.build(focus, [b.iri for b in budgets], constraints, len(budgets))) == 1
    whole = _raw_rows(graph, focus, budgets, constraints)
    monkeypatch.setattr(sparql, "MANY_SHARE", 0)  # never: one query per document
    assert len(sparql.build(focus, [b.iri for b in budgets], constraints, len(budgets))) == len(budgets)
    per_document = _raw_rows(graph, focus, budgets, constraints)
    assert whole == per_document and whole, f"{focus}: {len(whole)} rows one way, {len(per_document)} the other"


def test_a_few_documents_of_a_large_graph_are_read_one_by_one():
    docs = [f"https://budgetkg.org/id/document/2025/d{i}" for i in range(5)]
    assert len(sparql.build("figures", docs, Constraints(), graph_documents=1000)) == 5
    assert len(sparql.build("figures", docs, Constraints(), graph_documents=34)) == 1
    assert len(sparql.build("figures", docs, Constraints())) == 1  # the graph's size unknown: as before


def test_a_bound_makes_the_amount_required_and_constraints_precede_the_optionals():
    [q] = sparql.build("projects", ["https://budgetkg.org/id/document/2025/d"],
                       Constraints(bound=(">", Decimal("500"), None), category=["carryover"]))
    text = q.text
    assert "OPTIONAL { ?x bkg:amount ?amount }" not in text and "?x bkg:amount ?amount ." in text
    assert text.index("?x bkg:category ?cat") < text.index("OPTIONAL")
