"""The W3C Data Cube integrity constraints IC-1 … IC-21 (kg/rdf/cube_constraints.py) as SPARQL on
the real graph of corpus + realdocs, and on a graph broken on purpose (so the checks can fail)."""
from __future__ import annotations

from rdflib import URIRef

from kg.rdf.cube_constraints import violated_constraints
from kg.vocabulary.namespaces import BKG, QB

ALL = [f"IC-{i}" for i in range(1, 22)]


def test_corpus_and_realdocs_graph_meets_every_constraint(shared_graph_store):
    result = violated_constraints(shared_graph_store)
    assert sorted(result, key=lambda k: int(k[3:])) == ALL
    assert [name for name, violated in result.items() if violated] == []


def test_observations_carry_currency_and_multiplier(shared_graph_store):
    """Every observation has the measure's attributes through its data set (the structures attach
    them there, ``qb:componentAttachment qb:DataSet``), and none restates them itself."""
    rows = shared_graph_store.query("""PREFIX qb: <http://purl.org/linked-data/cube#>
      PREFIX bkg: <https://budgetkg.org/ontology#>
      SELECT ?c ?m ?u (COUNT(?o) AS ?n) WHERE { ?o a qb:Observation ; qb:dataSet ?ds .
        ?ds bkg:currency ?c ; bkg:unitMultiplier ?m ; bkg:unitOfMeasure ?u }
      GROUP BY ?c ?m ?u""").values()
    total = shared_graph_store.query("""PREFIX qb: <http://purl.org/linked-data/cube#>
      SELECT (COUNT(?o) AS ?n) WHERE { ?o a qb:Observation }""").values()[0][0]
    assert total > 1000
    assert rows == [("http://publications.europa.eu/resource/authority/currency/CNY", 4, "万元", total)]
    restated = shared_graph_store.query("""PREFIX qb: <http://purl.org/linked-data/cube#>
      PREFIX bkg: <https://budgetkg.org/ontology#>
      SELECT (COUNT(?o) AS ?n) WHERE { ?o a qb:Observation ; bkg:currency|bkg:unitMultiplier|bkg:unitOfMeasure [] }
      """).values()
    assert restated == [(0,)]


def test_the_constraints_catch_a_broken_graph():
    """An observation without its item (IC-11) and a second one with the same dimensions (IC-12)."""
    from kg.graph.load import ingest_records
    from kg.rdf.mapping import record_to_graph
    from kg.store.oxigraph import OxigraphStore
    from tests.graph_records import small_records

    records = small_records()
    store = OxigraphStore(None)
    ingest_records(store, records)
    assert not any(violated_constraints(store).values())
    doc, g = record_to_graph(records[0])
    obs = next(o for o in g.subjects(BKG.item, None) if (o, QB.dataSet, None) in g)
    item = g.value(obs, BKG.item)
    twin = URIRef(str(obs) + "-twin")
    for p, o in list(g.predicate_objects(obs)):
        g.add((twin, p, o))
    g.remove((obs, BKG.item, item))
    store.replace_graph(str(doc), g)
    result = violated_constraints(store)
    assert [name for name, violated in result.items() if violated] == ["IC-11"]
    g.add((obs, BKG.item, item))
    store.replace_graph(str(doc), g)
    assert [name for name, violated in violated_constraints(store).items() if violated] == ["IC-12"]
