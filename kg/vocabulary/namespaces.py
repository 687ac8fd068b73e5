"""The namespaces of the graph, in one place so the mapping, the queries and the NLP templates agree.

``BKG`` is the project's ontology (``ontology/budgetkg.ttl``); ``ID`` is the root of every
instance IRI (see ``iris.py``); ``GRAPH_ONTOLOGY`` is the one named graph that holds the ontology,
the topic scheme and the fixed concept schemes, beside one named graph per budget document.
"""
from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

BASE = "https://budgetkg.org/"
BKG = Namespace(BASE + "ontology#")
ID = Namespace(BASE + "id/")
QB = Namespace("http://purl.org/linked-data/cube#")
ORG = Namespace("http://www.w3.org/ns/org#")
ELI = Namespace("http://data.europa.eu/eli/ontology#")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
SH = Namespace("http://www.w3.org/ns/shacl#")

GRAPH_ONTOLOGY = BASE + "graph/ontology"

PREFIXES: dict[str, str] = {
    "bkg": str(BKG), "id": str(ID), "qb": str(QB), "org": str(ORG), "eli": str(ELI),
    "skos": str(SKOS), "prov": str(PROV), "dct": str(DCTERMS), "rdf": str(RDF), "rdfs": str(RDFS),
    "owl": str(OWL), "xsd": str(XSD), "foaf": str(FOAF),
}


def sparql_prefixes() -> str:
    """The PREFIX lines every project query may assume (prepended by ``budgetkg sparql``)."""
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())


def bind_all(graph) -> None:
    """Bind the project prefixes on an rdflib graph/dataset (for readable exports)."""
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True)

class Terms:
    """A namespace whose terms are each made once: ``Terms(RDF).type`` is the same ``URIRef``
    object on every access. rdflib makes a new URIRef (and, for its closed namespaces, looks the
    name up) on every ``RDF.type``; the mapping names a term for every triple it writes, and that
    was a tenth of its time. A closed namespace still refuses a name it does not define."""

    def __init__(self, namespace) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str):
        if name.startswith("_"):  # no term of ours; introspection (copy, pickle, pytest) asks
            raise AttributeError(name)
        term = getattr(self._namespace, name)
        setattr(self, name, term)
        return term

    def __getitem__(self, name: str):
        return self._namespace[name]


__all__ = ["BASE", "BKG", "ID", "QB", "ORG", "ELI", "FOAF", "SH", "SKOS", "PROV", "DCTERMS", "RDF",
           "RDFS", "OWL", "XSD", "GRAPH_ONTOLOGY", "PREFIXES", "Terms", "sparql_prefixes", "bind_all"]
