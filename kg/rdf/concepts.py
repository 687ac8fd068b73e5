"""Keyword matchers over the concept schemes: which kinds an indicator is of (the topics of a
project are weighed in ``kg.rdf.topics``; ``match_topics`` remains for callers with names only).

Why keywords live in the ``.ttl`` files: the topic scheme is data an analyst extends (a synonym,
a subject code) without reading Python; this module only applies it, the same way for every
document.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable

from rdflib import URIRef
from rdflib.namespace import RDF, SKOS

from kg.vocabulary.namespaces import BKG
from kg.vocabulary.ontology_files import scheme_graph


@dataclass(frozen=True)
class Concept:
    iri: URIRef
    keywords: tuple[str, ...]
    subject_codes: tuple[str, ...] = ()
    broader: tuple[URIRef, ...] = field(default=())


def _concepts(file: str, cls: URIRef) -> list[Concept]:
    g = scheme_graph(file)
    out = []
    for iri in sorted(g.subjects(RDF.type, cls)):
        keywords = tuple(sorted({str(k) for k in g.objects(iri, BKG.keyword)}, key=lambda k: (-len(k), k)))
        codes = tuple(sorted(str(s).rsplit("/", 1)[-1] for s in g.objects(iri, BKG.relatedSubject)))
        broader = tuple(sorted(g.objects(iri, SKOS.broader)))
        out.append(Concept(URIRef(iri), keywords, codes, broader))  # type: ignore[arg-type]
    return out


@lru_cache(maxsize=None)
def topics() -> tuple[Concept, ...]:
    return tuple(_concepts("topics.ttl", BKG.Topic))


@lru_cache(maxsize=None)
def indicator_kinds() -> tuple[Concept, ...]:
    return tuple(_concepts("schemes.ttl", BKG.IndicatorKind))


def match_topics(texts: Iterable[str | None], functional_code: str | None = None) -> list[URIRef]:
    """Topics of a project whose names are ``texts`` (kept for callers that have only names);
    the weighted rule with description and citations is ``kg.rdf.topics.topic_evidence``."""
    from kg.rdf.topics import topic_evidence

    return [ev.topic for ev in topic_evidence(list(texts), functional_code)]


def match_indicator_kinds(level2: str | None, level1: str | None = None) -> list[URIRef]:
    """Kinds whose keyword occurs in the 二级指标 (else the 一级指标), with their broader kinds."""
    text = level2 or level1 or ""
    by_iri = {k.iri: k for k in indicator_kinds()}
    found: list[URIRef] = []
    for kind in indicator_kinds():
        if any(k in text for k in kind.keywords):
            found.append(kind.iri)
    for iri in list(found):
        for parent in by_iri[iri].broader:
            if parent not in found:
                found.append(parent)
    return sorted(found)
