"""Which triples the store's materialised union (its default graph) holds, and why: the one rule
the bulk loader (``kg.graph.load.nquads_lines``), the transactional updates
(``kg.store.base.replace_graphs_update``, ``edit_updates``, the SPARQL server's staging) and
``kg.store.base.union_cleanup`` apply.

Why a union at all: queries join facts of several documents (a department's years, a subject every
document restates) and need them as a *set* — a triple N documents state must match once, which
oxigraph's and Virtuoso's own union of named graphs does not do (``base.union_cleanup``). Why not
every triple: each triple in the union is stored a second time (half of the store and of the bulk
loader's work, bench/RESULTS.md issue12d–f), and a family that no reader joins across documents
gains nothing from being there.

Out of the union — kept only in the graph of the document that printed it, where nothing of it is
lost:

- **source locations** (``bkg:SourceLocation`` nodes: file, page, line, table, row and printed unit
  of a printed row; ``kg.rdf.iris.is_source_location``). A quarter of the union of the 36 real
  documents and of a generated one. A location belongs to one document and is only ever read as
  the place a fact the reader already holds was printed, by following the fact's
  ``prov:wasDerivedFrom``. Readers read it in its graph: ``?x prov:wasDerivedFrom ?loc .
  GRAPH ?locGraph { ?loc … }`` (``nlp.sparql.LOCATION``, query 24, the web pages' provenance).

Everything else stays in the union: the facts, their ``prov:wasDerivedFrom`` link and
``bkg:printedValue``, the documents, the department registry and the links. The in-memory store
(rdflib's ``default_union``) keeps no materialised union and is unaffected; its readers' ``GRAPH``
patterns find the locations all the same.
"""
from __future__ import annotations

from typing import Iterable, Iterator

from kg.rdf.iris import SOURCE_LOCATION_PATTERN, is_source_location


def in_union(subject: object) -> bool:
    """Whether a triple about ``subject`` belongs in the union (the rule above)."""
    return not is_source_location(str(subject))


def union_triples(triples: Iterable[tuple]) -> Iterator[tuple]:
    """The triples of a document graph that the union holds."""
    return (t for t in triples if in_union(t[0]))


def union_filter(subject: str = "?s") -> str:
    """The rule as a SPARQL expression on a subject variable: true where the union holds it."""
    return f'!REGEX(STR({subject}), "{SOURCE_LOCATION_PATTERN.replace(chr(92), chr(92) * 2)}")'
