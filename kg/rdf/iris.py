"""Stable IRIs: the same thing gets the same IRI whichever document mentions it.

Why: facts from several documents and years only meet in the graph if every document names a
department, a subject code, a policy document or a project with the same IRI. Every IRI here is
computed from a normalised key, never from a counter, so ingesting a document again (or another
document naming the same things) yields the same IRIs.

Scheme (all under ``https://budgetkg.org/id/``; ``{x}`` percent-encoded UTF-8):
- ``department/{department_key}``          one per department, aliases resolved by the key
- ``year/{yyyy}``                           fiscal years
- ``subject/functional/{code}``, ``subject/economic/{code}``   SKOS concepts (功能/经济分类)
- ``policy/{sha1(policy_key)[:16]}``        by normalised 文号, else the bare title
- ``project/{yyyy}/{sha1(dept|year|category|name)[:16]}``  a project of one department and year
- ``document/{yyyy}/{sha1(dept|year|kind)[:16]}``  one budget; also the IRI of its named graph
  (``document/source/{sha1(file)[:16]}`` where department or year is unknown)
- ``{document}/…``                          things that exist only inside one document
  (observations, flows, indicators, findings, provenance locations, the qb:DataSet)
- fixed concepts: ``funding/{key}``, ``item/{key}``, ``expenditure-kind/{key}``, ``phase/{key}``,
  ``category/{key}``, ``indicator-kind/{key}``, ``topic/{key}``, ``scheme/{name}``
"""
from __future__ import annotations

import hashlib
import re
from urllib.parse import quote

from rdflib import URIRef

from kg.names.department import canonical_key, equivalent_forms
from kg.rdf.namespaces import ID

def _slug(text: str) -> str:
    return quote(text, safe="")


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def compact(text: str | None) -> str:
    """Whitespace removed: the form names are compared in (records.md names have none anyway)."""
    return re.sub(r"\s+", "", text or "")


def department_key(name: str) -> str:
    """The key under which every spelling of one department meets (``kg.names.department``)."""
    return canonical_key(name)


def department_names(name: str) -> list[str]:
    """Every known name of the department (the printed one first), for skos:altLabel."""
    return equivalent_forms(name)


def department(name: str) -> URIRef:
    return ID[f"department/{_slug(department_key(name))}"]


def division(dept_name: str, division_name: str) -> URIRef:
    return URIRef(f"{department(dept_name)}/unit/{_slug(compact(division_name))}")


def year(y: int) -> URIRef:
    return ID[f"year/{int(y)}"]


def functional_subject(code: str) -> URIRef:
    return ID[f"subject/functional/{compact(code)}"]


def economic_subject(code: str) -> URIRef:
    return ID[f"subject/economic/{compact(code)}"]


def parent_code(code: str) -> str | None:
    """The 款 of a 项 and the 类 of a 款 (functional 3/5/7 digits; economic 3/5)."""
    code = compact(code)
    if len(code) == 7:
        return code[:5]
    if len(code) == 5:
        return code[:3]
    return None


def policy(key: str) -> URIRef:
    """``key`` is ``PolicyDocument.key()`` (normalised 文号, else title)."""
    return ID[f"policy/{_digest(key)}"]


def project(dept_name: str | None, y: int | None, category: str | None, name: str,
            disambiguator: str = "") -> URIRef:
    """A project of one department and fiscal year. The category is part of the identity because
    one document may hold a current and a carried-over project of the same name; the optional
    disambiguator (the amount) separates two of the same name and category in one document."""
    key = "|".join([department_key(dept_name or ""), str(y or ""), category or "current",
                    compact(name), disambiguator])
    return ID[f"project/{y or 'unknown'}/{_digest(key)}"]


def document(dept_name: str | None, y: int | None, kind: str | None, source: str) -> URIRef:
    """One budget (a narrative PDF and its tables PDF are one budget); also its named graph."""
    if dept_name and y:
        return ID[f"document/{int(y)}/{_digest('|'.join([department_key(dept_name), str(int(y)), kind or '预算']))}"]
    return ID[f"document/source/{_digest(source)}"]


def inside(doc: URIRef, *parts: str) -> URIRef:
    """A node that exists only inside one document: ``{doc}/part/part``."""
    return URIRef(str(doc) + "".join("/" + _slug(str(p)) for p in parts))


def funding_source(key: str) -> URIRef:
    return ID[f"funding/{key}"]


def item(key: str) -> URIRef:
    return ID[f"item/{key}"]


def expenditure_kind(key: str) -> URIRef:
    return ID[f"expenditure-kind/{key}"]


def phase(key: str) -> URIRef:
    return ID[f"phase/{key}"]


def category(key: str) -> URIRef:
    return ID[f"category/{key}"]


def indicator_kind(key: str) -> URIRef:
    return ID[f"indicator-kind/{key}"]


def topic(key: str) -> URIRef:
    return ID[f"topic/{key}"]


def policy_kind(key: str) -> URIRef:
    return ID[f"policy-kind/{key}"]


def scheme(name: str) -> URIRef:
    return ID[f"scheme/{name}"]


def short_digest(text: str) -> str:
    """A short stable digest, for IRIs of nodes keyed by long text (indicator of a project …)."""
    return _digest(text)
