"""The union rule (``kg.store.union_rule``) on the real corpus: a fact's provenance (its source
location, the link to it, the figure as printed) is kept in its document's graph only, every other
triple is in the materialised union too; readers of provenance (the question service's
``LOCATION``, query 24) still find it; replacing or dropping a document
still takes its triples out of the union. Real parsers, a real oxigraph store, both write paths
(the bulk loader and the transaction)."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF, XSD

from kg.graph.load import Document, bulk_commit_documents, commit_documents
from kg.rdf.mapping import record_triples
from kg.store.oxigraph import OxigraphStore, to_rdflib
from kg.store.union_rule import in_union
from kg.vocabulary.namespaces import BKG, sparql_prefixes
from nlp.sparql import LOCATION

QUERIES = Path(__file__).resolve().parent.parent / "ontology" / "queries"


def _term(term):
    """A term compared by value where the store writes a literal in its canonical form (oxigraph's
    bulk loader stores the decimal ``10.0`` as ``10``: the same value)."""
    if isinstance(term, Literal):
        return (term.toPython() if term.datatype == XSD.decimal else str(term), term.datatype, term.language)
    return term


def _set(triples) -> set:
    return {(_term(s), _term(p), _term(o)) for s, p, o, *_ in triples}


def _default(store: OxigraphStore) -> set:
    """The triples of the store's default graph (the union)."""
    return _set((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object))
                for q in store.store.quads_for_pattern(None, None, None, ox.DefaultGraph()))


def _union_of_graphs(store: OxigraphStore) -> set:
    """What the rule says the union holds: every content graph's triples of the union's families."""
    return _set(q for q in store.quads() if in_union(q[0], q[1]))


def test_the_rule_names_exactly_a_facts_provenance(shared_records):
    """Out of the union: every triple about a subject typed bkg:SourceLocation, every link to one
    and every printed figure — and nothing else."""
    provenance = {PROV.wasDerivedFrom, BKG.printedValue}
    for record in shared_records:
        _, triples = record_triples(record)
        located = {s for s, p, o in triples if p == RDF.type and o == BKG.SourceLocation}
        assert located, record.source
        assert {o for _, p, o in triples if p == PROV.wasDerivedFrom} == located, record.source
        out = {t for t in triples if not in_union(t[0], t[1])}
        assert out == {t for t in triples if t[0] in located or t[1] in provenance}, record.source
        assert {p for _, p, _ in out} >= {RDF.type, BKG.sourceFile, BKG.printedUnit, *provenance}, record.source


@pytest.fixture(params=["bulk", "transaction"])
def stored(request, corpus_records):
    """The first three corpus budgets written by one of the two paths into a fresh store."""
    store = OxigraphStore()
    documents = [Document(r) for r in corpus_records[:3]]
    (bulk_commit_documents if request.param == "bulk" else commit_documents)(store, documents)
    return store, corpus_records[:3]


def test_provenance_stays_in_its_document_graph_only(stored):
    store, records = stored
    default = _default(store)
    for record in records:
        iri, triples = record_triples(record)
        named = _set(store.quads(str(iri)))
        assert _set(triples) <= named  # no fact and no provenance lost
        provenance = _set(t for t in triples if not in_union(t[0], t[1]))
        assert provenance and not provenance & default
        assert _set(t for t in triples if in_union(t[0], t[1])) <= default
    assert default == _union_of_graphs(store)


def test_readers_of_provenance_still_find_it(stored):
    """The question service's location pattern returns, for every observation, exactly the file,
    page, line, table and row its document graph records; query 24 returns rows with a file."""
    store, records = stored
    for record in records:
        iri, triples = record_triples(record)
        attrs: dict = {}
        for s, p, o in triples:
            attrs.setdefault(s, {})[p] = o
        expected = set()
        for s, p, o in triples:
            if p == PROV.wasDerivedFrom and attrs[s].get(RDF.type) == URIRef("http://purl.org/linked-data/cube#Observation"):
                a = attrs[o]
                expected.add((s, a.get(BKG.sourceFile), a.get(BKG.page), a.get(BKG.line), a.get(BKG.table), a.get(BKG.row)))
        assert expected, record.source
        q = (sparql_prefixes() + f"SELECT ?x ?file ?page ?line ?table ?row WHERE {{ ?x a qb:Observation ; bkg:document <{iri}> .\n"
             + LOCATION + "\n}")
        assert set(store.query(q).rows) == expected, record.source
    files = {o for r in records for s, p, o in record_triples(r)[1] if p == BKG.sourceFile and not in_union(s, p)}
    text = (QUERIES / "24_provenance_of_figure.rq").read_text(encoding="utf-8")
    rows = store.query(sparql_prefixes() + text).dicts()
    assert rows and {r["file"] for r in rows} <= files
    assert all(r["table"] is not None and r["printed"] is not None for r in rows)


def test_replacing_and_dropping_a_document_updates_the_union(corpus_records):
    """The transactional path: a document replaced by part of its graph, then dropped, leaves in
    the union exactly what the remaining graphs hold (its locations were never there)."""
    store = OxigraphStore()
    commit_documents(store, [Document(r) for r in corpus_records[:2]])
    first, triples = record_triples(corpus_records[0])
    assert _default(store) == _union_of_graphs(store)
    kept = [t for t in triples if t[1] != BKG.amount]
    store.replace_graphs({str(first): kept})
    default = _default(store)
    assert default == _union_of_graphs(store)
    gone = _set(t for t in triples if t[1] == BKG.amount) - _set(q for q in store.quads() if str(q[3]) != str(first))
    assert gone and not gone & default
    commit_documents(store, [], drop=[str(first)])
    default = _default(store)
    assert default == _union_of_graphs(store)
    assert not _set(store.quads(str(first)))
    assert not (_set(t for t in triples if in_union(t[0], t[1])) - _set(store.quads())) & default


def test_entity_pages_show_provenance(stored):
    """An observation's page links to where it was printed and shows the figure as printed; the
    location's page shows its file, page and line and the facts derived from it — read from the
    document's graph (``web.data.entity``), as before the rule."""
    from web.app import create_app
    from web.data.entity import entity, entity_turtle

    store, records = stored
    ctx = create_app({"STORE": store}).extensions["budgetkg"]
    _, triples = record_triples(records[0])
    attrs: dict = {}
    for s, p, o in triples:
        attrs.setdefault(s, {})[p] = o
    obs, loc = next((s, o) for s, p, o in triples if p == PROV.wasDerivedFrom
                    and attrs[s].get(RDF.type) == URIRef("http://purl.org/linked-data/cube#Observation")
                    and BKG.printedValue in attrs[s])
    page = entity(ctx, str(obs))
    assert {(e["predicate"]["iri"], e["target"]["iri"]) for e in page["outgoing"]} >= {(str(PROV.wasDerivedFrom), str(loc))}
    assert {(f["predicate"]["iri"], f["value"]) for f in page["facts"]} >= {(str(BKG.printedValue), str(attrs[obs][BKG.printedValue]))}
    located = entity(ctx, str(loc))
    assert located is not None
    assert {(f["predicate"]["iri"], f["value"]) for f in located["facts"]} >= {
        (str(BKG.sourceFile), str(attrs[loc][BKG.sourceFile])), (str(BKG.page), str(attrs[loc][BKG.page]))}
    turtle = entity_turtle(ctx, str(loc))
    assert str(attrs[loc][BKG.sourceFile]) in turtle and "wasDerivedFrom" in turtle
