"""The one-pass mapping (``record_triples``) and the N-Quads writer, on real documents: the same
triples as the Graph form, each once, and N-Quads that parse back to exactly those triples in the
document's graph and, but for the families the union rule keeps out (``kg.store.union_rule``: the
source locations, the link to them and the printed figure), in the default graph. The caches the mapping keeps (texts, decimals, terms)
must never merge two different literals. (Before/after the change, every document's sorted
N-Quads were compared by ``scripts/mapping_nquads.py``: identical.)"""
from __future__ import annotations

from decimal import Decimal

import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, XSD

from kg.graph.load import nquads_lines, write_shard
from kg.graph.registry import departments_in
from kg.rdf.mapping import decimal_literal, integer_literal, record_to_graph, record_triples
from kg.store.oxigraph import to_rdflib
from kg.store.union_rule import in_union
from kg.vocabulary.namespaces import BKG, Terms
from tests.graph_records import record_a


def _parsed(lines: list[str]) -> tuple[set, set]:
    """(triples of named graphs, triples of the default graph) of N-Quads text, read by oxigraph."""
    named, default = set(), set()
    for q in ox.parse("".join(lines).encode("utf-8"), ox.RdfFormat.N_QUADS):
        triple = (to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object))
        (default if isinstance(q.graph_name, ox.DefaultGraph) else named).add(triple)
    return named, default


def test_real_documents_map_to_the_same_triples_both_ways(shared_records):
    assert len(shared_records) >= 3
    for record in shared_records:
        iri, triples = record_triples(record)
        iri2, graph = record_to_graph(record)
        assert iri == iri2
        assert len(triples) == len(set(triples)), record.source  # each triple once
        assert set(triples) == set(graph), record.source
        assert departments_in(triples) == departments_in(graph) != set()
        named, default = _parsed(list(nquads_lines(str(iri), triples)))
        assert named == set(graph), record.source
        assert default == {t for t in triples if in_union(t[0], t[1])} != named, record.source


def test_shard_holds_the_mapping(tmp_path):
    record = record_a()
    shard = write_shard(str(tmp_path / "a.nq"), record)
    iri, triples = record_triples(record)
    assert shard.graph == str(iri) and shard.triples == len(triples)
    assert shard.departments == frozenset(departments_in(triples))
    named, default = _parsed(open(shard.path, encoding="utf-8").readlines())
    assert named == set(triples)
    assert default == {t for t in triples if in_union(t[0], t[1])}


def test_cached_literals_keep_their_exact_form():
    # equal Decimals, other literals: the cache is keyed by the text
    assert str(decimal_literal(Decimal("1.0"))) == "1.0"
    assert str(decimal_literal(Decimal("1.00"))) == "1.00"
    assert str(decimal_literal(Decimal("2"))) == "2.0"
    assert decimal_literal(Decimal("1.00")).datatype == XSD.decimal
    assert integer_literal(7) == Literal(7) and integer_literal(True) == Literal(1)
    assert integer_literal(7).datatype == XSD.integer


def test_terms_are_made_once_and_closed_namespaces_stay_closed():
    terms = Terms(RDF)
    assert terms.type == RDF.type and terms.type is terms.type
    assert Terms(BKG).amount == URIRef(str(BKG) + "amount")
    assert Terms(BKG)["term"] == URIRef(str(BKG) + "term")
    with pytest.raises(AttributeError):
        Terms(RDF).notARdfTerm  # noqa: B018 - the access is the test
