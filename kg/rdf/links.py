"""Cross-document links that no single record can make: a carried-over project ``continues`` the
previous year's project of the same department and name.

Why at ingest time, against the store: the earlier (or later) budget may have been ingested
before, in another run. The link is written into the graph of the document being ingested, in
whichever direction it points, so it appears whatever order documents arrive in, and goes away
with that document's graph.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import URIRef

from kg.extract.model import Record
from kg.rdf import iris
from kg.rdf.namespaces import BKG, sparql_prefixes


@dataclass
class ProjectEntry:
    iri: URIRef
    year: int
    category: str | None
    names: set[str] = field(default_factory=set)


def record_entries(record: Record, project_iris: list[URIRef]) -> list[ProjectEntry]:
    if not record.year:
        return []
    return [ProjectEntry(iri, record.year, p.category, {iris.compact(n) for n in p.all_names() if n})
            for p, iri in zip(record.projects, project_iris)]


def store_entries(store, department: URIRef) -> list[ProjectEntry]:
    """Every project of a department already in the store, with all its names."""
    q = sparql_prefixes() + f"""
SELECT ?p ?year ?cat ?name WHERE {{
  ?p a bkg:Project ; bkg:department <{department}> ; bkg:fiscalYear ?y .
  ?y bkg:year ?year .
  OPTIONAL {{ ?p bkg:category ?cat }}
  {{ ?p rdfs:label ?name }} UNION {{ ?p skos:altLabel ?name }}
}}"""
    by_iri: dict[str, ProjectEntry] = {}
    for p, year, cat, name in store.query(q).rows:
        entry = by_iri.setdefault(str(p), ProjectEntry(URIRef(str(p)), int(year.toPython()),
                                                       str(cat).rsplit("/", 1)[-1] if cat else None))
        entry.names.add(iris.compact(str(name)))
    return list(by_iri.values())


def continues_triples(own: list[ProjectEntry], others: list[ProjectEntry]) -> set[tuple]:
    """(later continues earlier) for carried-over projects whose name matches a project of the
    year before; ``own`` are the document's projects, ``others`` every other known project."""
    out = set()
    for mine in own:
        for other in others:
            if other.iri == mine.iri or not (mine.names & other.names):
                continue
            if mine.category == "carryover" and other.year == mine.year - 1:
                out.add((mine.iri, BKG.continues, other.iri))
            if other.category == "carryover" and other.year == mine.year + 1:
                out.add((other.iri, BKG.continues, mine.iri))
    return out
