"""The ontology files shipped in ``ontology/`` and the global graph built from them.

Why one loader: the mapping (topic and indicator-kind matching), the stores (the global named
graph) and validation (SHACL shapes) all read the same files, so a keyword or label added to a
``.ttl`` file takes effect everywhere without touching code.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from rdflib import Graph

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent.parent / "ontology"
GLOBAL_FILES = ("budgetkg.ttl", "schemes.ttl", "topics.ttl")
SHAPES_FILE = "shapes.ttl"
QUERIES_DIR = ONTOLOGY_DIR / "queries"


def ontology_path(name: str) -> Path:
    return ONTOLOGY_DIR / name


@lru_cache(maxsize=None)
def _parsed(name: str) -> Graph:
    g = Graph()
    g.parse(ontology_path(name), format="turtle")
    return g


def global_graph() -> Graph:
    """A fresh graph holding the ontology, the fixed concept schemes and the topic scheme: the
    content of the global named graph (``namespaces.GRAPH_ONTOLOGY``)."""
    g = Graph()
    for name in GLOBAL_FILES:
        for triple in _parsed(name):
            g.add(triple)
    return g


def shapes_graph() -> Graph:
    return _parsed(SHAPES_FILE)


def scheme_graph(name: str) -> Graph:
    """One parsed file, shared (read-only use)."""
    return _parsed(name)


@lru_cache(maxsize=None)
def scheme_keys(class_name: str) -> tuple[str, ...]:
    """The ``bkg:sourceKey`` of every concept of a fixed scheme class (``FundingSource``,
    ``ProjectCategory`` …) in ``schemes.ttl``: the keys records may use for them."""
    from rdflib.namespace import RDF

    from kg.vocabulary.namespaces import BKG

    g = _parsed("schemes.ttl")
    return tuple(sorted(str(g.value(c, BKG.sourceKey)) for c in g.subjects(RDF.type, BKG[class_name])
                        if g.value(c, BKG.sourceKey) is not None))
