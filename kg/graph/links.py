"""Cross-document links that no single record can make: a carried-over project (上年结转)
``continues`` the previous year's project of the same department with a similar name.

Why a graph of its own, recomputed from the whole store after every ingest and drop: the link
needs both years, which may arrive in either order and in different runs, and it must go when
either year goes. Writing it into one document's graph (as before) left a dangling link when the
*other* document was dropped. The links graph (``GRAPH_LINKS``) is derived data, like the
department registry: each run rebuilds it from the documents' graphs, so ingest order and drops
cannot leave it stale.

The same graph holds the cross-document identity of policy documents: a 《title》 one budget
cites without its 文号 is the numbered document another budget cites under the same title
(``owl:sameAs`` title-only → numbered). Inside one budget the mapping merges them already
(``merged_policy_keys``); across budgets only the store knows both, in either order.

Why similar and not equal names: a carry-over line often prints the project a little differently
(年份 prefix, 项目/经费 suffix, a shortened form); every name and alias of both sides is compared
after removing those, and a carry-over continues its best-matching earlier project(s) only.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from typing import Iterable, Mapping

from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from kg.extract.model import Record
from kg.extract.text_normalize import bare_policy_title
from kg.rdf import iris
from kg.vocabulary.namespaces import BASE, BKG, sparql_prefixes
from kg.graph.queries import in_graph

GRAPH_LINKS = BASE + "graph/links"
DOCUMENT_GRAPHS = BASE + "id/document/"
MIN_SIMILARITY = 0.75  # bigram Dice of the core names; containment of a core of >= 4 chars is 0.9

_YEAR_RE = re.compile(r"(19|20)\d\d(年度?|-(19|20)\d\d年?)?")
_SUFFIX_RE = re.compile(r"(专项经费|专项资金|项目经费|工作经费|经费|资金|项目|工作)+$")
_PUNCT_RE = re.compile(r"[\s“”\"'‘’《》〈〉()（）【】\[\]〔〕、，,。.:：;；·—\-]")


@dataclass
class ProjectEntry:
    iri: URIRef
    department: str
    year: int
    category: str | None
    names: set[str] = field(default_factory=set)


def core_name(name: str) -> str:
    """The part of a project name that stays across years: no years, punctuation, 项目/经费."""
    text = _PUNCT_RE.sub("", iris.compact(name))
    text = _YEAR_RE.sub("", text)
    return _SUFFIX_RE.sub("", text) or text


def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)} or {text}


def similarity(a: str, b: str) -> float:
    """1.0 for equal core names, 0.9 where one core (>= 4 characters) contains the other, else
    the Dice coefficient of their character bigrams."""
    ca, cb = core_name(a), core_name(b)
    if not ca or not cb:
        return 0.0
    if ca == cb:
        return 1.0
    short, long_ = sorted((ca, cb), key=len)
    if len(short) >= 4 and short in long_:
        return 0.9
    x, y = _bigrams(ca), _bigrams(cb)
    return 2 * len(x & y) / (len(x) + len(y))


def record_entries(record: Record, project_iris: list[URIRef]) -> list[ProjectEntry]:
    """The record's projects as link candidates (for computing links without a store)."""
    if not record.year or not record.department:
        return []
    dept = str(iris.department(record.department))
    return [ProjectEntry(iri, dept, record.year, p.category, {n for n in p.all_names() if n})
            for p, iri in zip(record.projects, project_iris)]


def store_entries(store, department: str | None = None, exclude: set[str] | None = None) -> list[ProjectEntry]:
    """Every project in the documents' graphs (of one department, where given; leaving out the
    graphs in ``exclude``), with department, year, category and names."""
    dept = f"<{department}>" if department else "?d"
    q = sparql_prefixes() + f"""
SELECT DISTINCT ?g ?p ?year ?cat ?name WHERE {{
  GRAPH ?g {{ ?p bkg:department {dept} . ?p a bkg:Project ; bkg:fiscalYear ?y .
    OPTIONAL {{ ?p bkg:category ?cat }}
    {{ ?p rdfs:label ?name }} UNION {{ ?p skos:altLabel ?name }} }}
  ?y bkg:year ?year .
  FILTER(STRSTARTS(STR(?g), "{DOCUMENT_GRAPHS}"))
}}""" if department else sparql_prefixes() + f"""
SELECT DISTINCT ?g ?p ?d ?year ?cat ?name WHERE {{
  GRAPH ?g {{ ?p a bkg:Project ; bkg:department ?d ; bkg:fiscalYear ?y .
    OPTIONAL {{ ?p bkg:category ?cat }}
    {{ ?p rdfs:label ?name }} UNION {{ ?p skos:altLabel ?name }} }}
  ?y bkg:year ?year .
  FILTER(STRSTARTS(STR(?g), "{DOCUMENT_GRAPHS}"))
}}"""
    res = store.query(q)
    by_iri: dict[str, ProjectEntry] = {}
    for row in res.dicts():
        if exclude and str(row["g"]) in exclude:
            continue
        d = department or str(row["d"])
        cat = row["cat"]
        entry = by_iri.setdefault(str(row["p"]), ProjectEntry(URIRef(str(row["p"])), d, int(row["year"].toPython()),
                                                              str(cat).rsplit("/", 1)[-1] if cat else None))
        entry.names.add(str(row["name"]))
    return list(by_iri.values())


def graph_entries(graph: Graph) -> list[ProjectEntry]:
    """The projects of one (not yet stored) document graph, read as ``store_entries`` reads them."""
    out = []
    for p in set(graph.subjects(RDF.type, BKG.Project)):
        d, y = graph.value(p, BKG.department), graph.value(p, BKG.fiscalYear)
        year = graph.value(y, BKG.year) if y is not None else None
        if d is None or year is None:
            continue
        cat = graph.value(p, BKG.category)
        names = {str(n) for n in graph.objects(p, RDFS.label)} | {str(n) for n in graph.objects(p, SKOS.altLabel)}
        out.append(ProjectEntry(URIRef(str(p)), str(d), int(year.toPython()),
                                str(cat).rsplit("/", 1)[-1] if cat else None, names))
    return out


def _score(a: ProjectEntry, b: ProjectEntry) -> float:
    return max((similarity(x, y) for x in a.names for y in b.names), default=0.0)


def continues_triples(entries: list[ProjectEntry]) -> set[tuple]:
    """(carry-over continues earlier) for every carried-over project and the project(s) of the
    same department and the year before whose names match it best (>= MIN_SIMILARITY)."""
    by_dept_year: dict[tuple[str, int], list[ProjectEntry]] = {}
    for e in entries:
        by_dept_year.setdefault((e.department, e.year), []).append(e)
    out = set()
    for later in entries:
        if later.category != "carryover":
            continue
        scored = [(_score(later, earlier), earlier)
                  for earlier in by_dept_year.get((later.department, later.year - 1), [])]
        best = max((s for s, _ in scored), default=0.0)
        if best >= MIN_SIMILARITY:
            out |= {(later.iri, BKG.continues, e.iri) for s, e in scored if s == best}
    return out


PolicyEntry = tuple[str, str, bool]  # (policy IRI, bare title, has a 文号)


def store_policies(store, exclude: set[str] | None = None) -> set[PolicyEntry]:
    """Every titled policy document of the documents' graphs (leaving out ``exclude``)."""
    q = sparql_prefixes() + f"""
SELECT DISTINCT ?g ?pol ?title ?num WHERE {{
  GRAPH ?g {{ ?pol a bkg:PolicyDocument ; dct:title ?title . OPTIONAL {{ ?pol bkg:documentNumber ?num }} }}
  FILTER(STRSTARTS(STR(?g), "{DOCUMENT_GRAPHS}"))
}}"""
    return {(str(r["pol"]), bare_policy_title(str(r["title"])), r.get("num") is not None)
            for r in store.query(q).dicts() if not (exclude and str(r["g"]) in exclude)}


def graph_policies(graph: Graph) -> set[PolicyEntry]:
    """The titled policy documents of one (not yet stored) document graph."""
    return {(str(p), bare_policy_title(str(t)), graph.value(p, BKG.documentNumber) is not None)
            for p in set(graph.subjects(RDF.type, BKG.PolicyDocument)) for t in graph.objects(p, DCTERMS.title)}


def same_policy_triples(entries: set[PolicyEntry]) -> set[tuple]:
    """(title-only ``owl:sameAs`` numbered) where a title is cited without a 文号 and exactly one
    numbered document carries that title (two numbers for one title: no merge, it is ambiguous)."""
    numbered: dict[str, set[str]] = {}
    for pol, title, has_number in entries:
        if has_number and title:
            numbered.setdefault(title, set()).add(pol)
    numbered_iris = {p for pols in numbered.values() for p in pols}
    out = set()
    for pol, title, has_number in entries:
        targets = numbered.get(title, set())
        if not has_number and pol not in numbered_iris and len(targets) == 1:
            out.add((URIRef(pol), OWL.sameAs, URIRef(next(iter(targets)))))
    return out


def _policy_changes(store, new_graphs: Mapping[str, Graph], replaced: set[str]) -> tuple[set, set]:
    entries = store_policies(store, exclude=replaced)
    for g in new_graphs.values():
        entries |= graph_policies(g)
    q = f"SELECT DISTINCT ?a ?b WHERE {{ {in_graph(GRAPH_LINKS, f'?a <{OWL.sameAs}> ?b')} }}"
    old = {(URIRef(str(r[0])), OWL.sameAs, URIRef(str(r[1]))) for r in store.query(q).rows}
    new = same_policy_triples(entries)
    return old - new, new - old


def links_graph(store) -> Graph:
    """The links recomputed from every document graph of the store (a full rebuild)."""
    g = Graph()
    for t in continues_triples(store_entries(store)) | same_policy_triples(store_policies(store)):
        g.add(t)
    return g


def links_changes(store, departments: Iterable[str], new_graphs: Mapping[str, Graph],
                  replaced: set[str]) -> tuple[list, list]:
    """(remove, add) for the links graph once ``new_graphs`` replace ``replaced``: a link joins
    two projects of one department, so only the named departments' links are recomputed."""
    remove: set = set()
    add: set = set()
    new_entries = [e for g in new_graphs.values() for e in graph_entries(g)]
    for d in sorted(departments):
        after = store_entries(store, d, exclude=replaced)
        merged: dict[str, ProjectEntry] = {str(e.iri): e for e in after}
        for e in new_entries:
            if e.department != d:
                continue
            known = merged.setdefault(str(e.iri), ProjectEntry(e.iri, e.department, e.year, e.category))
            known.names |= e.names
        q = (f"SELECT DISTINCT ?l ?e WHERE {{ {in_graph(GRAPH_LINKS, f'?l <{BKG.continues}> ?e')} "
             f"GRAPH ?g {{ ?l <{BKG.department}> <{d}> }} }}")
        old_links = {(URIRef(str(row[0])), BKG.continues, URIRef(str(row[1]))) for row in store.query(q).rows}
        new_links = continues_triples(list(merged.values()))
        remove |= old_links - new_links
        add |= new_links - old_links
    if new_graphs or replaced:  # policy identity crosses departments: recomputed over the store
        gone, came = _policy_changes(store, new_graphs, replaced)
        remove |= gone
        add |= came
    return sorted(remove), sorted(add)


def refresh_links(store) -> int:
    """Recompute the links graph from the store; returns the number of links."""
    triples = continues_triples(store_entries(store)) | same_policy_triples(store_policies(store))
    if triples:
        g = Graph()
        for t in triples:
            g.add(t)
        store.replace_graph(GRAPH_LINKS, g)
    else:
        store.drop_graph(GRAPH_LINKS)
    return len(triples)
