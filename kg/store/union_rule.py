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

Out of the union — a fact's provenance, kept only in the graph of the document that printed it,
where nothing of it is lost:

- **source locations** (``bkg:SourceLocation`` nodes: file, page, line, table, row and printed unit
  of a printed row; ``kg.vocabulary.locations.is_source_location``): a quarter of the union of the 36 real
  documents and of a generated one;
- **the link to them and the figure as printed** (``prov:wasDerivedFrom``, ``bkg:printedValue`` on
  the fact): another seventh of what is left.

A document's provenance belongs to that document (a location is ``{doc}/source/…`` or a project's
own ``{project}/source%2F{i}``, written by one document; no location is in two graphs) and is only
ever read as the place a fact the reader already holds was printed. Readers read it in its graph,
link and location in one pattern — ``GRAPH ?g { ?x prov:wasDerivedFrom ?loc . ?loc … }`` — which
oxigraph evaluates for the bound fact by index look-ups (``nlp.sparql.LOCATION``, query 24, the
web pages' provenance, a finding's page image).

Everything else stays in the union: the facts, the documents, the department registry and the
links. The in-memory store (rdflib's ``default_union``) keeps no materialised union and is
unaffected; its readers' ``GRAPH`` patterns find the provenance all the same.
"""
from __future__ import annotations

from typing import Iterable, Iterator

from kg.vocabulary.locations import SOURCE_LOCATION_PATTERN, is_source_location
from kg.vocabulary.namespaces import BKG, PROV

# The predicates of a fact's provenance kept out of the union (above).
PROVENANCE_PREDICATES: frozenset[str] = frozenset({str(PROV.wasDerivedFrom), str(BKG.printedValue)})


def in_union(subject: object, predicate: object) -> bool:
    """Whether the triple (``subject``, ``predicate``, …) belongs in the union (the rule above)."""
    return str(predicate) not in PROVENANCE_PREDICATES and not is_source_location(str(subject))


def union_triples(triples: Iterable[tuple]) -> Iterator[tuple]:
    """The triples of a document graph that the union holds."""
    return (t for t in triples if in_union(t[0], t[1]))


def kept_out(subject: str = "?s", predicate: str = "?p") -> str:
    """SPARQL: ``{ GRAPH ?g { subject predicate ?o } }`` restricted to the triples the union does
    not hold — what a reader of "every triple about a node" adds to the default graph's."""
    return f"FILTER(!({union_filter(subject, predicate)}))"


def union_filter(subject: str = "?s", predicate: str = "?p") -> str:
    """The rule as a SPARQL expression on the subject and predicate variables: true where the
    union holds the triple."""
    predicates = ", ".join(f"<{p}>" for p in sorted(PROVENANCE_PREDICATES))
    return (f'{predicate} NOT IN ({predicates}) && '
            f'!REGEX(STR({subject}), "{SOURCE_LOCATION_PATTERN.replace(chr(92), chr(92) * 2)}")')
