"""The projects a topic question looks among, and the index of their texts kept in the store.

Why: a topic question with no department (有没有做教育方面的项目？) scores every project of every
budget by its name and description (``nlp.execute.projects._topical``). At 10,000 documents that
read 178,000 projects from the graph (≈ 20 s in oxigraph, 8 s turning them into rows) and then
tested each question word against each of them in Python. Two general mechanisms replace that,
neither changing which projects an answer lists:

- ``Texts``: the names (or descriptions) of a set of projects searched for a word by the word's
  rarest character first. Every way ``nlp.pieces.within`` matches a word (as a substring, or cut
  in two around a few characters) puts each of the word's characters in the text, so the texts
  holding its rarest character hold every match; the word's own test then runs on those only.
  ``Pool`` holds the rows a topic is looked for among with their ``Texts``; ``_topical`` asks it
  which rows *may* score and scores only those, with the same code as before, in the same order.
- ``ProjectTexts``: what ``_topical`` reads of every project (its IRI, its name with its aliases,
  its description, its category, its performance indicators' texts — 三级指标 and 指标值, which say
  what a project does where its name does not: ``nlp.topic_texts``) and the order the store-wide
  project query returns them in,
  kept in the store beside the question catalogue (``kg.store.base.CATALOG_GRAPH``, its own
  subject) and rebuilt with it at the end of every ingest run that committed anything
  (``refresh``; ``python -m nlp.topic_index --store URL`` on a store written by older code). It
  is used only while *fresh*: it carries the catalogue's content fingerprint (every document's
  graph and content hashes, the ontology's size, ``nlp.catalog_store.code_digest``) with a digest
  of the code that builds it and of the query shapes, and a reader that computes another
  fingerprint reads the graph instead. It keeps each project's whole row as ``Graph.rows``
  reads it with the store-wide query (its first location, its funding in the order read), so a
  hit is answered from it as from the graph.
"""
from __future__ import annotations

import hashlib
import json
import logging
import sys
import weakref
from bisect import bisect_right
from dataclasses import dataclass
from decimal import Decimal
from typing import Callable, Iterable

from kg.store.base import CATALOG_GRAPH, ntriples_term
from kg.store.results import select_values
from kg.vocabulary.namespaces import BASE
from nlp.graph import Budget, Graph, Row
from nlp.pieces import within
from nlp.sparql import Constraints, build

log = logging.getLogger(__name__)

_SEP = "\x00"  # between the texts joined for searching: no word a question types holds it
_FORMAT = 2  # 2: each entry keeps its project's indicator texts (``nlp.topic_texts``)
_NODE = CATALOG_GRAPH + "/project-texts"
_FINGERPRINT = BASE + "ontology#projectTextsFingerprint"
_DATA = BASE + "ontology#projectTextsData"
# The code whose output the stored index is: its rows are ``Graph._projects``' of the query
# ``nlp.sparql.build`` writes, so a change to any of these makes every stored index stale.
_CODE = ("nlp/topic_index.py", "nlp/graph.py", "nlp/sparql.py")
# Between two indicators in a project's indicator text: no word a question types holds it.
INDICATOR_SEP = "\n"


# ----------------------------------------------------------------------------- searching texts
class Texts:
    """Texts searched for words: a word's test runs only on the texts holding its rarest character."""

    def __init__(self, texts: list[str]) -> None:
        self.texts = texts
        self._joined = _SEP.join(texts)
        starts, at = [], 0
        for t in texts:
            starts.append(at)
            at += len(t) + 1
        self._starts = starts
        self._holding: dict[str, list[int]] = {}
        self._counts: dict[str, int] = {}

    def holding(self, ch: str) -> list[int]:
        """The positions of the texts holding the character ``ch``, ascending."""
        got = self._holding.get(ch)
        if got is None:
            if ch == _SEP:
                got = [i for i, t in enumerate(self.texts) if ch in t]
            else:
                got, joined, starts = [], self._joined, self._starts
                at = joined.find(ch)
                while at >= 0:
                    k = bisect_right(starts, at) - 1
                    got.append(k)
                    at = joined.find(ch, starts[k + 1]) if k + 1 < len(starts) else -1
            self._holding[ch] = got
        return got

    def _count(self, ch: str) -> int:
        n = self._counts.get(ch)
        if n is None:
            n = self._counts[ch] = self._joined.count(ch)
        return n

    def may_hold(self, word: str) -> list[int]:
        """The texts that may hold ``word`` — as a substring or as ``within`` finds it: each holds
        every character of the word, so those holding its rarest one are all of them."""
        if not word:
            return list(range(len(self.texts)))
        return self.holding(min(sorted(set(word)), key=self._count))

    def may_hold_piece_of(self, word: str) -> set[int]:
        """The texts that may hold a piece of two or more characters of ``word``: a piece holds two
        neighbouring characters of it, so each such text holds one of those pairs."""
        out: set[int] = set()
        for i in range(len(word) - 1):
            pair = word[i:i + 2]
            out.update(i for i in self.holding(min(sorted(set(pair)), key=self._count)))
        return out


@dataclass
class Pool:
    """The rows a topic is looked for among, in their order: each row's name text (its label and
    aliases, lower case — an IRI read twice has its last row's), its description, and searchable
    ``Texts`` of both. ``first[k]``: row ``k`` is the first of its IRI (names are counted once an
    IRI). ``row(k)`` builds the row on demand (a pool from the index holds no rows)."""

    names: Texts
    descriptions: Texts
    first: list[bool]
    row: Callable[[int], Row]
    departments: list[str | None]
    amount: Callable[[int], Decimal | None]  # row ``k``'s amount without building the row
    indicators: Texts | None = None  # each row's indicator texts (``nlp.topic_texts``), where read

    def __len__(self) -> int:
        return len(self.first)

    @classmethod
    def of_rows(cls, rows: list[Row], indicators: dict[str, str] | None = None) -> "Pool":
        """The pool of rows read from the graph (``_topical``'s input as it always was), with each
        project's indicator texts by IRI where they were read."""
        by_iri = {r.iri: " ".join([r.label, *r.attrs.get("aliases", [])]).lower() for r in rows}
        seen: set = set()
        first = []
        for r in rows:
            first.append(r.iri not in seen)
            seen.add(r.iri)
        return cls(Texts([by_iri[r.iri] for r in rows]), Texts([r.attrs.get("description") or "" for r in rows]),
                   first, rows.__getitem__, [r.department for r in rows], lambda k: rows[k].amount,
                   Texts([(indicators or {}).get(r.iri, "") for r in rows]) if indicators else None)

    def name(self, k: int) -> str:
        return self.names.texts[k]

    def description(self, k: int) -> str:
        return self.descriptions.texts[k]

    def name_within(self, word: str) -> bool:
        """Whether some name holds ``word`` as ``within`` reads it."""
        return any(within(word, self.names.texts[k]) for k in self.names.may_hold(word))

    def names_within(self, word: str) -> int:
        """How many names (one an IRI) hold ``word`` as ``within`` reads it."""
        return sum(1 for k in self.names.may_hold(word) if self.first[k] and within(word, self.names.texts[k]))

    def description_within(self, word: str) -> bool:
        return any(within(word, self.descriptions.texts[k]) for k in self.descriptions.may_hold(word))

    def name_has(self, word: str) -> bool:
        """Whether some name holds ``word`` as a substring."""
        return any(word in self.names.texts[k] for k in self.names.may_hold(word))

    def description_has(self, word: str) -> bool:
        return any(word in self.descriptions.texts[k] for k in self.descriptions.may_hold(word))

    def indicator(self, k: int) -> str:
        """Row ``k``'s indicator texts (``INDICATOR_SEP`` between them), "" where none were read."""
        return self.indicators.texts[k] if self.indicators is not None else ""

    def indicator_within(self, word: str) -> bool:
        return self.indicators is not None and \
            any(within(word, self.indicators.texts[k]) for k in self.indicators.may_hold(word))

    def text_within(self, word: str) -> bool:
        """Whether some description or indicator text holds ``word`` as ``within`` reads it."""
        return self.description_within(word) or self.indicator_within(word)

    def may_say_piece_of(self, word: str) -> set[int]:
        """The rows whose description or indicators may hold a piece of ``word`` (``Texts.may_hold_piece_of``)."""
        out = self.descriptions.may_hold_piece_of(word)
        return out | self.indicators.may_hold_piece_of(word) if self.indicators is not None else out


# ----------------------------------------------------------------------------- the stored index
def _encoded(value):
    """A row's value as JSON keeps it: Decimals and tuples tagged, so that they come back as such."""
    if isinstance(value, Decimal):
        return {"$D": str(value)}
    if isinstance(value, tuple):
        return {"$T": [_encoded(v) for v in value]}
    if isinstance(value, list):
        return [_encoded(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _encoded(v) for k, v in value.items()}
    return value


def _decoded(value):
    if isinstance(value, list):
        return [_decoded(v) for v in value]
    if isinstance(value, dict):
        if len(value) == 1 and "$D" in value:
            return Decimal(value["$D"])
        if len(value) == 1 and "$T" in value:
            return tuple(_decoded(v) for v in value["$T"])
        return {k: _decoded(v) for k, v in value.items()}
    return value


@dataclass
class ProjectTexts:
    """Every project of the graph as the store-wide project query reads it (``Graph.rows``' row,
    its department and year left to the budget that owns it), with what a topic question searches
    in it: ``entries`` [name text, description, category, row] per project in the order of the
    query's rows, ``pairs`` (entry, document) in order of first appearance among those rows. An
    entry's fifth field is its project's indicator texts (``indicator_text``)."""

    documents: list[str]
    entries: list[list]
    pairs: list[tuple[int, int]]

    def dumps(self) -> str:
        return json.dumps({"format": _FORMAT, "documents": self.documents, "entries": self.entries,
                           "pairs": [x for p in self.pairs for x in p]}, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def loads(cls, text: str) -> "ProjectTexts | None":
        raw = json.loads(text)
        if raw.get("format") != _FORMAT:
            return None
        flat = raw["pairs"]
        return cls(raw["documents"], raw["entries"], list(zip(flat[0::2], flat[1::2])))

    def pool(self, graph: Graph, budgets: list[Budget], keep: Callable[[str | None], bool]) -> Pool | None:
        """The pool of the projects of ``budgets`` exactly as ``Graph.rows`` reads them with the
        store-wide query: a project once, owned by the first of its documents among those, in the
        order of its first row there. ``keep(category)`` drops what ``_python_filters`` drops
        first. ``None`` where a project mentioned by several documents is asked of some of them
        only (its row would be read from those rows alone): the graph is read instead."""
        wanted = frozenset(b.iri for b in budgets)
        cache = self.__dict__.setdefault("_pools", {})
        key = (id(graph), wanted, keep)  # a pool is kept for the next question of the same scope
        if key not in cache:
            if len(cache) >= 4:
                cache.clear()
            cache[key] = self._pool(graph, wanted, keep)
        return cache[key]

    def scopes_read(self) -> int:
        """How many pools (scopes of budgets) questions have read from this index so far."""
        return len(self.__dict__.get("_pools", {}))

    def _pool(self, graph: Graph, wanted: frozenset, keep: Callable[[str | None], bool]) -> Pool | None:
        asked = [d in wanted for d in self.documents]
        shared = self.__dict__.get("_shared")
        if shared is None:  # the projects several documents mention, with those documents
            docs_of: dict[int, set[int]] = {}
            for x, d in self.pairs:
                docs_of.setdefault(x, set()).add(d)
            shared = self.__dict__["_shared"] = [ds for ds in docs_of.values() if len(ds) > 1]
        if any(0 < sum(asked[d] for d in ds) < len(ds) for ds in shared):
            return None
        seen: set[int] = set()
        members: list[tuple[int, int]] = []
        for x, d in self.pairs:
            if asked[d] and x not in seen:
                seen.add(x)
                if keep(self.entries[x][2]):
                    members.append((x, d))
        owners = [graph.budget(self.documents[d]) for _x, d in members]
        names = Texts([self.entries[x][0] for x, _d in members])
        descriptions = Texts([self.entries[x][1] for x, _d in members])
        indicators = Texts([self.entries[x][4] if len(self.entries[x]) > 4 else "" for x, _d in members])

        def row(k: int) -> Row:
            x, _d = members[k]
            label, amount, unit, source, iri, key, attrs = _decoded(self.entries[x][3])
            b = owners[k]
            return Row(label, amount, unit, b.department, b.year, source, iri, key, attrs)

        def amount(k: int) -> Decimal | None:
            printed = self.entries[members[k][0]][3][1]  # the encoded row's amount: {"$D": "…"} or None
            return None if printed is None else _decoded(printed)

        return Pool(names, descriptions, [True] * len(members), row, [b.department for b in owners], amount,
                    indicators)


class _Recording(Graph):
    """A ``Graph`` keeping the rows of its last query: the order the store-wide project query
    returns its (project, document) pairs in, which ``Graph.rows`` does not hand out."""

    raw: list[dict] = []

    def run(self, sparql: str, log: list[str] | None = None) -> list[dict]:
        self.raw = super().run(sparql, log)
        return self.raw


def build_texts(store) -> ProjectTexts | None:
    """The index read from the graph: the store-wide project query (``nlp.sparql.build``'s, as a
    question over every budget runs it) and ``Graph.rows``' rows of it. ``None`` where the graph
    is small enough that questions read it document by document."""
    graph = _Recording(store)
    budgets = graph.budgets()
    if not budgets:
        return None
    queries = build("projects", [b.iri for b in budgets], Constraints(), graph_documents=len(budgets))
    if len(queries) != 1 or queries[0].doc is not None:
        return None
    rows = graph.rows("projects", budgets, Constraints(), [])  # the rows exactly as a question reads them
    wanted = {b.iri for b in budgets}
    raw = [r for r in graph.raw if r.get("doc") in wanted]
    position = {r.iri: i for i, r in enumerate(rows)}
    documents: list[str] = []
    doc_at: dict[str, int] = {}
    pairs: list[tuple[int, int]] = []
    seen: set[tuple[str, str]] = set()
    for r in raw:
        x, d = r["x"], r["doc"]
        if (x, d) in seen or x not in position:
            continue
        seen.add((x, d))
        if d not in doc_at:
            doc_at[d] = len(documents)
            documents.append(d)
        pairs.append((position[x], doc_at[d]))
    indicators = _indicator_texts(graph, budgets)
    entries = [[" ".join([r.label, *r.attrs.get("aliases", [])]).lower(), r.attrs.get("description") or "",
                r.attrs.get("category"), _encoded([r.label, r.amount, r.unit, r.source, r.iri, r.key, r.attrs]),
                indicators.get(r.iri, "")]
               for r in rows]
    return ProjectTexts(documents, entries, pairs)


def indicator_line(name: str, target: str | None) -> str:
    """One indicator as the text searched and quoted: its name and its target (冻猪肉储备量 >=1000吨)."""
    target = str(target or "").strip()
    return f"{name} {target}".strip() if target and target not in ("无", "—") else name


def indicator_text(rows: list[Row]) -> str:
    """A project's indicators (rows of the indicators query) joined as one searchable text
    (``INDICATOR_SEP`` between them)."""
    return INDICATOR_SEP.join(indicator_line(r.label, r.attrs.get("target")) for r in rows)


# Every indicator's project, name and target: the index needs no more of them (the indicators query of
# ``nlp.sparql`` also reads levels, weights, kinds and each one's place — three times the work at 10,000).
_INDICATOR_TEXTS = (f"PREFIX bkg: <{BASE}ontology#>\n"
                    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
                    "SELECT ?doc ?x ?target ?name ?goal WHERE {\n"
                    "  ?x bkg:document ?doc .\n"
                    "  ?x a bkg:PerformanceIndicator ; bkg:measures ?target ; rdfs:label ?name .\n"
                    "  OPTIONAL { ?x bkg:target ?goal }\n}")


def _indicator_texts(graph: Graph, budgets: list[Budget]) -> dict[str, str]:
    """Every project's indicator texts by IRI, in the order the indicators query's rows give them
    (``Graph._indicators``: by the indicator's number in its project), read with one query over every
    budget (at the index's refresh, never by a question)."""
    wanted = {b.iri for b in budgets}
    found: dict[str, dict[str, tuple[str, str | None]]] = {}
    for r in graph.run(_INDICATOR_TEXTS):
        target = str(r["target"])
        if r.get("doc") not in wanted or "/project/" not in target:
            continue
        found.setdefault(target, {}).setdefault(str(r["x"]), (r["name"], r.get("goal")))

    def number(x: str) -> int:
        tail = x.rsplit("/", 1)[-1]
        return int(tail) if tail.isdigit() else 0
    return {project: INDICATOR_SEP.join(indicator_line(*of[x]) for x in sorted(of, key=number))
            for project, of in found.items()}


# ----------------------------------------------------------------------------- freshness, save, load
def code_digest() -> str:
    """A digest of the source of the modules whose output the stored index is (``nlp.catalog_store.source_digest``)."""
    from nlp.catalog_store import source_digest

    return source_digest(_FORMAT, _CODE)


def fingerprint(store) -> str | None:
    """The index's fingerprint: the question catalogue's (what the graph holds, by content hash)
    with this code's digest; ``None`` where a document carries no content hash (then nothing
    proves the graph unchanged, and no index is kept or used)."""
    from nlp.catalog_store import content_fingerprint

    content = content_fingerprint(store)
    return None if content is None else hashlib.sha256(f"{content} {code_digest()}".encode()).hexdigest()


def stored(store) -> ProjectTexts | None:
    """The stored index when it is fresh, else ``None`` (never raises: a missing or broken index
    only means reading the graph)."""
    try:
        current = fingerprint(store)
        if current is None:
            return None
        rows = select_values(store, f"SELECT ?f WHERE {{ GRAPH <{CATALOG_GRAPH}> {{ <{_NODE}> <{_FINGERPRINT}> ?f }} }}")
        if [r["f"] for r in rows] != [current]:
            return None
        rows = select_values(store, f"SELECT ?d WHERE {{ GRAPH <{CATALOG_GRAPH}> {{ <{_NODE}> <{_DATA}> ?d }} }}")
        return ProjectTexts.loads(rows[0]["d"]) if len(rows) == 1 else None
    except Exception:  # noqa: BLE001
        log.warning("the stored project texts cannot be read; reading the graph", exc_info=True)
        return None


_LOADED: "weakref.WeakKeyDictionary[Graph, ProjectTexts | None]" = weakref.WeakKeyDictionary()


def of_graph(graph: Graph) -> ProjectTexts | None:
    """The fresh stored index of ``graph``'s store, checked and read once per ``Graph`` (a
    pipeline keeps one: its freshness is that of the catalogue it was built with)."""
    if graph not in _LOADED:
        _LOADED[graph] = stored(graph.store)
    return _LOADED[graph]


def refresh(store) -> bool:
    """Build the index from the graph and store it with its fingerprint (one update), or remove
    it where none can stand (no content hashes, or a graph read document by document). Run by
    ``budgetkg ingest`` after the question catalogue at the end of a run that committed anything.
    False, changing nothing, where the store takes no SPARQL update."""
    update = getattr(store, "update", None)
    if not callable(update) or getattr(store, "read_only", False):
        return False
    node = f"<{_NODE}>"
    clear = f"DELETE WHERE {{ GRAPH <{CATALOG_GRAPH}> {{ {node} ?p ?o }} }}"
    current = fingerprint(store)
    texts = build_texts(store) if current is not None else None
    if texts is None:
        update(clear)
        return False
    from rdflib import Literal

    update(f"{clear} ;\nINSERT DATA {{ GRAPH <{CATALOG_GRAPH}> {{ {node} <{_FINGERPRINT}> "
           f"{ntriples_term(Literal(current))} ; <{_DATA}> {ntriples_term(Literal(texts.dumps()))} }} }}")
    return True


def main(argv: Iterable[str] | None = None) -> int:
    """``python -m nlp.topic_index --store URL``: build and store the index of a store written by
    code that did not (the question catalogue and the documents are not touched)."""
    from nlp.catalog_store import refresh_command

    return refresh_command("python -m nlp.topic_index", main.__doc__, refresh, "project texts stored",
                           "no project texts stored (no content hashes, or a small graph)", argv)


if __name__ == "__main__":
    sys.exit(main())
