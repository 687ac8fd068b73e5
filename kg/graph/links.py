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

from typing import Iterable, Iterator, Mapping

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from kg.extract.model import Record
from kg.extract.text_normalize import bare_policy_title
from kg.rdf import iris
from kg.vocabulary.namespaces import BASE, BKG, sparql_prefixes
from kg.graph.queries import in_graph
from kg.store.base import ntriples_term

GRAPH_LINKS = BASE + "graph/links"
DOCUMENT_GRAPHS = BASE + "id/document/"
# What ``links_changes`` reads of a new (not yet stored) document graph (``graph_entries``,
# ``graph_policies``): keep it in step with them (``kg.graph.load.derived_view`` passes only these).
READS: frozenset[str] = frozenset(str(p) for p in (RDF.type, BKG.department, BKG.fiscalYear, BKG.year, BKG.category,
                                                    RDFS.label, SKOS.altLabel, DCTERMS.title, BKG.documentNumber))
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
    if department:
        return departments_entries(store, [department], exclude)[department]
    q = sparql_prefixes() + f"""
SELECT DISTINCT ?g ?p ?d ?year ?cat ?name WHERE {{
  GRAPH ?g {{ ?p a bkg:Project ; bkg:department ?d ; bkg:fiscalYear ?y .
    OPTIONAL {{ ?p bkg:category ?cat }}
    {{ ?p rdfs:label ?name }} UNION {{ ?p skos:altLabel ?name }} }}
  ?y bkg:year ?year .
  FILTER(STRSTARTS(STR(?g), "{DOCUMENT_GRAPHS}"))
}}"""
    return list(_entries(store.query(q).dicts(), exclude).values())


def departments_entries(store, departments: Iterable[str],
                        exclude: set[str] | None = None) -> dict[str, list[ProjectEntry]]:
    """The projects of each of ``departments`` (as ``store_entries`` reads them), in one query
    for all of them."""
    rows = _department_rows(store, departments)
    out: dict[str, list[ProjectEntry]] = {d: [] for d in set(departments)}
    for entry in _entries(rows, exclude, by_department=True).values():
        out[entry.department].append(entry)
    return out


def _department_rows(store, departments: Iterable[str]) -> list[dict]:
    """Rows (?g ?p ?d ?year ?cat ?name) of the projects of ``departments`` in every document graph.

    One query a department, with the department written into it: oxigraph then finds the
    projects through its (predicate, object) index and reads only that department's documents
    (≈ 8 ms a department at 6,782 documents). Not one query with ``VALUES ?d { … }`` for the
    batch: oxigraph plans that one from ``?p a bkg:Project`` over the whole store (3.2 s for 10
    departments at 6,782 documents, measured for issue 12)."""
    rows: list[dict] = []
    for d in sorted(set(departments)):
        q = sparql_prefixes() + f"""
SELECT DISTINCT ?g ?p ?year ?cat ?name WHERE {{
  GRAPH ?g {{ ?p bkg:department <{d}> . ?p a bkg:Project ; bkg:fiscalYear ?y .
    OPTIONAL {{ ?p bkg:category ?cat }}
    {{ ?p rdfs:label ?name }} UNION {{ ?p skos:altLabel ?name }} }}
  ?y bkg:year ?year .
  FILTER(STRSTARTS(STR(?g), "{DOCUMENT_GRAPHS}"))
}}"""
        rows += [{**row, "d": URIRef(d)} for row in store.query(q).dicts()]
    return rows


def _entries(rows: Iterable[dict], exclude: set[str] | None,
             by_department: bool = False) -> dict[object, ProjectEntry]:
    """Rows (?g ?p ?d ?year ?cat ?name) as entries by project IRI (and department, where
    ``by_department``: each department's entries as its own query would read them), graphs in
    ``exclude`` left out."""
    by_iri: dict[object, ProjectEntry] = {}
    for row in rows:
        if exclude and str(row["g"]) in exclude:
            continue
        cat = row["cat"]
        key = (str(row["d"]), str(row["p"])) if by_department else str(row["p"])
        entry = by_iri.setdefault(key, ProjectEntry(URIRef(str(row["p"])), str(row["d"]),
                                                              int(row["year"].toPython()),
                                                              str(cat).rsplit("/", 1)[-1] if cat else None))
        entry.names.add(str(row["name"]))
    return by_iri


def _chunks(items: list, size: int = 200) -> Iterator[list]:
    """``items`` in slices of at most ``size`` (a VALUES block of bounded length)."""
    for i in range(0, len(items), size):
        yield items[i:i + size]


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


def _graph_policy_rows(store, graphs: Iterable[str]) -> set[tuple[str, str, str, bool]]:
    """(graph, policy, title as stored, has a 文号) of the titled policies these document graphs
    cite; one query a graph, the graph bound first (its own index: the graph's size).

    The OPTIONAL stands outside the ``GRAPH`` block on purpose: inside it, with the graph bound
    by VALUES (``in_graph``), oxigraph 0.5 plans the block from ``?pol a bkg:PolicyDocument`` in
    every graph (0.58 s a graph at 6,782 documents, against < 5 ms this way)."""
    out: set[tuple[str, str, str, bool]] = set()
    for g in sorted(set(graphs)):
        q = sparql_prefixes() + f"""SELECT DISTINCT ?pol ?title ?num WHERE {{
  {in_graph(g, "?pol a bkg:PolicyDocument ; dct:title ?title")}
  OPTIONAL {{ GRAPH ?inGraph {{ ?pol bkg:documentNumber ?num }} }} }}"""
        out |= {(g, str(r["pol"]), str(r["title"]), r.get("num") is not None) for r in store.query(q).dicts()}
    return out


def _union_policy_rows(store, policies: set[str]) -> set[tuple[str, str, bool]]:
    """(policy, title as stored, has a 文号) of ``policies`` from the union (the default graph):
    one row a policy and title however many documents cite it.

    The same rows ``store_policies`` reads graph by graph: a numbered policy's node carries its
    文号 in every document that cites it (its IRI is made from the 文号, and a title-only mention
    is merged into it only where the same budget cites the numbered one), so whether a policy
    has a 文号 does not depend on the graph."""
    out: set[tuple[str, str, bool]] = set()
    for chunk in _chunks(sorted(policies)):
        q = sparql_prefixes() + f"""SELECT DISTINCT ?pol ?title ?num WHERE {{
  VALUES ?pol {{ {" ".join(f"<{p}>" for p in chunk)} }}
  ?pol a bkg:PolicyDocument ; dct:title ?title . OPTIONAL {{ ?pol bkg:documentNumber ?num }} }}"""
        out |= {(str(r["pol"]), str(r["title"]), r.get("num") is not None) for r in store.query(q).dicts()}
    return out


def _held_elsewhere(store, policy: str, title: str, numbered: bool, graphs: set[str]) -> bool:
    """Whether a document graph outside ``graphs`` cites ``policy`` under ``title`` (with a 文号,
    where ``numbered``): stops at the first such graph."""
    number = f" <{policy}> bkg:documentNumber ?num ." if numbered else ""
    outside = " && ".join(f"?g != <{g}>" for g in sorted(graphs)) or "true"
    q = sparql_prefixes() + f"""ASK {{ GRAPH ?g {{ <{policy}> dct:title {ntriples_term(Literal(title))} .{number} }}
  FILTER(STRSTARTS(STR(?g), "{DOCUMENT_GRAPHS}") && {outside}) }}"""
    return bool(store.query(q).boolean)


def _policy_changes(store, new_graphs: Mapping[str, Graph], replaced: set[str],
                    written: Iterable[str] = ()) -> tuple[set, set]:
    """(remove, add) of ``owl:sameAs`` once ``new_graphs`` replace ``replaced`` (and ``written``,
    already in the store, are new), recomputed only for the policies that can change.

    Why it is exact: a title-only policy's link depends on its own entries and on the numbered
    policies of its titles. Entries change only for the policies the changed graphs cite
    (``touched``), so only for their titles; the links that can change are those of the
    policies that are touched or carry a changed title (``subjects``). Their entries, and those
    of every policy sharing one of their titles, are read from the union by policy IRI, a row
    of a replaced graph kept only where another document still holds it. What reads the whole
    union is the title → policies map: one row a distinct policy and title (104 at 6,782
    synthetic documents), not one a citation. Before, ``store_policies`` read every citation of
    every document on each transactional batch (18,193 rows, 0.6–3.6 s at 6,782 documents), and
    the bulk path passed no graph, so its batches never brought the links up to date."""
    changed = set(replaced) | set(written)
    stored = _graph_policy_rows(store, changed)
    fresh: set[PolicyEntry] = set()
    for g in new_graphs.values():
        fresh |= graph_policies(g)
    touched = {pol for _, pol, _, _ in stored} | {pol for pol, _, _ in fresh}
    if not touched:
        return set(), set()
    titled: dict[str, set[str]] = {}
    q = sparql_prefixes() + "SELECT DISTINCT ?pol ?title WHERE { ?pol a bkg:PolicyDocument ; dct:title ?title }"
    for pol, title in store.query(q).rows:
        titled.setdefault(bare_policy_title(str(title)), set()).add(str(pol))
    for pol, title, _ in fresh:  # not in the store yet
        titled.setdefault(title, set()).add(pol)
    titles = {bare_policy_title(t) for _, _, t, _ in stored} | {t for _, t, _ in fresh}
    subjects = touched | {pol for t in titles for pol in titled.get(t, ())}
    gone = {(pol, title, numbered) for g, pol, title, numbered in stored if g in replaced}

    def entries_of(policies: set[str]) -> set[PolicyEntry]:
        rows = {r for r in _union_policy_rows(store, policies)
                if r not in gone or _held_elsewhere(store, *r, set(replaced))}
        return ({(pol, bare_policy_title(title), numbered) for pol, title, numbered in rows}
                | {e for e in fresh if e[0] in policies})

    own = entries_of(subjects)
    around = {pol for _, t, _ in own for pol in titled.get(t, ())} - subjects
    new = {t for t in same_policy_triples(own | entries_of(around)) if str(t[0]) in subjects}
    old: set = set()
    for chunk in _chunks(sorted(subjects)):
        q = (f"SELECT DISTINCT ?a ?b WHERE {{ VALUES ?a {{ {' '.join(f'<{p}>' for p in chunk)} }} "
             f"{in_graph(GRAPH_LINKS, f'?a <{OWL.sameAs}> ?b')} }}")
        old |= {(URIRef(str(r[0])), OWL.sameAs, URIRef(str(r[1]))) for r in store.query(q).rows}
    return old - new, new - old


def _continues_of(store, subjects: set[str]) -> set[tuple]:
    """The ``continues`` links stored for these projects (looked up by subject, VALUES)."""
    out: set = set()
    for chunk in _chunks(sorted(subjects)):
        q = (f"SELECT DISTINCT ?l ?e WHERE {{ VALUES ?l {{ {' '.join(f'<{p}>' for p in chunk)} }} "
             f"{in_graph(GRAPH_LINKS, f'?l <{BKG.continues}> ?e')} }}")
        out |= {(URIRef(str(r[0])), BKG.continues, URIRef(str(r[1]))) for r in store.query(q).rows}
    return out


def links_graph(store) -> Graph:
    """The links recomputed from every document graph of the store (a full rebuild)."""
    g = Graph()
    for t in continues_triples(store_entries(store)) | same_policy_triples(store_policies(store)):
        g.add(t)
    return g


def links_changes(store, departments: Iterable[str], new_graphs: Mapping[str, Graph],
                  replaced: set[str], written: Iterable[str] = ()) -> tuple[list, list]:
    """(remove, add) for the links graph once ``new_graphs`` replace ``replaced`` (``written``:
    graphs already in the store that are new, as a bulk load leaves them): a link joins two
    projects of one department, so only the named departments' links are recomputed.

    Cost in proportion to the batch, not to the store (issue 12): the departments' projects are
    read in one query bound by department, and their stored links by those projects' IRIs.
    Before, one query a department matched every ``continues`` link of the links graph against
    the department — 42 % of the writer at 3,000–4,800 documents, growing with the store. The
    links read are the same: a ``continues`` link's subject is a project of its department (it
    is only ever written from that department's entries), and ``stored`` holds every project of
    the department in any graph, ``replaced`` included."""
    remove: set = set()
    add: set = set()
    written = list(written)
    new_entries = [e for g in new_graphs.values() for e in graph_entries(g)]
    rows = _department_rows(store, departments)
    stored = _entries(rows, None, by_department=True)  # every graph, ``replaced`` included
    after = _entries(rows, replaced, by_department=True)
    old_all = _continues_of(store, {p for _, p in stored})
    for d in sorted(departments):
        merged: dict[str, ProjectEntry] = {p: e for (dd, p), e in after.items() if dd == d}
        for e in new_entries:
            if e.department != d:
                continue
            known = merged.setdefault(str(e.iri), ProjectEntry(e.iri, e.department, e.year, e.category))
            known.names |= e.names
        mine = {p for dd, p in stored if dd == d}
        old_links = {t for t in old_all if str(t[0]) in mine}
        new_links = continues_triples(list(merged.values()))
        remove |= old_links - new_links
        add |= new_links - old_links
    if new_graphs or replaced or written:  # policy identity crosses departments
        gone, came = _policy_changes(store, new_graphs, replaced, written)
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
