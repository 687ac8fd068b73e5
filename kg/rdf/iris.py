"""Stable IRIs: the same thing gets the same IRI whichever document mentions it.

Why: facts from several documents and years only meet in the graph if every document names a
department, a subject code, a policy document or a project with the same IRI. Every IRI here is
computed from a normalised key, never from a counter, so ingesting a document again (or another
document naming the same things) yields the same IRIs.

Scheme (all under ``https://budgetkg.org/id/``; ``{x}`` percent-encoded UTF-8):
- ``department/{department_key}``          one per department, aliases resolved by the key
- ``year/{yyyy}``                           fiscal years
- ``subject/functional/{code}``, ``subject/economic/{code}``   SKOS concepts (功能/经济分类);
  ``subject/economic/2007/{code}``, ``subject/functional/2019/{code}`` an earlier national scheme's,
  ``subject/economic/{code}/local-{digest}`` a unit's own (``kg.rdf.subject_schemes``)
- ``policy/{sha1(policy_key)[:16]}``        by normalised 文号, else the bare title
- ``project/{yyyy}/{sha1(dept|year|category|name)[:16]}``  a project of one department and year
- ``document/{yyyy}/{sha1(dept|year|kind)[:16]}``  one budget; also the IRI of its named graph
  (``document/source/{sha1(file)[:16]}`` where department or year is unknown)
- ``{document}/…``                          things that exist only inside one document
  (observations, flows, indicators, findings, provenance locations, the qb:DataSet)
- fixed concepts: ``funding/{key}``, ``item/{key}``, ``expenditure-kind/{key}``, ``phase/{key}``,
  ``category/{key}``, ``indicator-kind/{key}``, ``topic/{key}``, ``scheme/{name}``

Every variable part goes through ``iri_part`` — one function, whatever the part holds: a subject
code or a name read from a hostile records file may contain ``\\ " < > { } |``, spaces, line
breaks, characters outside the BMP, or run to thousands of characters, and must still give a
valid IRI that every store and serialisation accepts (a raw ``}`` in an IRI used to end the
SPARQL update half-way). Parts are percent-encoded UTF-8 (only ``A-Z a-z 0-9 - . _ ~`` stay), and
a part longer than ``MAX_PART`` characters is cut and followed by a digest of the whole, so the
IRI stays short and still unique.
"""
from __future__ import annotations

import functools
import hashlib
import re
from urllib.parse import quote

from rdflib import URIRef

from kg.names.department import canonical_key, equivalent_forms
from kg.vocabulary.namespaces import ID


MAX_PART = 160  # characters of one encoded part (a CJK character encodes to 9)


def iri_part(text: object) -> str:
    """One segment of an IRI: percent-encoded UTF-8, never longer than ``MAX_PART`` (a longer
    one keeps its start and ends in ``~`` and a digest of the whole text). Unencodable input (a
    lone surrogate) is encoded by its code points, never an error."""
    return _encoded_part(str(text))


@functools.lru_cache(maxsize=65536)
def _encoded_part(raw: str) -> str:
    """``iri_part`` of a text, cached: a document's mapping encodes the same codes, keys and names
    for every node inside it (a quarter of a million parts for 100 documents)."""
    encoded = quote(raw.encode("utf-8", "surrogatepass"), safe="")
    if len(encoded) <= MAX_PART:
        return encoded
    head = encoded[: MAX_PART - 18]
    cut = head.rfind("%", len(head) - 2)  # never end inside a %XX escape
    if cut != -1:
        head = head[:cut]
    return f"{head}~{_digest(raw)}"


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


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
    return ID[f"department/{iri_part(department_key(name))}"]


def division(dept_name: str, division_name: str) -> URIRef:
    return inside(department(dept_name), "unit", compact(division_name))


def year(y: int) -> URIRef:
    return ID[f"year/{iri_part(int(y))}"]


def functional_subject(code: str) -> URIRef:
    return ID[f"subject/functional/{iri_part(compact(code))}"]


def economic_subject(code: str) -> URIRef:
    return ID[f"subject/economic/{iri_part(compact(code))}"]


def government_economic_subject(code: str) -> URIRef:
    """A subject of the 政府预算支出经济分类 (501 机关工资福利支出 …), a classification of its own."""
    return ID[f"subject/government-economic/{iri_part(compact(code))}"]


def economic_subject_version(version: str, code: str) -> URIRef:
    """An economic subject of an earlier national scheme whose code meant something else then."""
    return ID[f"subject/economic/{iri_part(version)}/{iri_part(compact(code))}"]


def functional_subject_version(version: str, code: str) -> URIRef:
    """A functional subject of an earlier national scheme (a renamed 款 before its rename)."""
    return ID[f"subject/functional/{iri_part(version)}/{iri_part(compact(code))}"]


def local_subject(scheme_name: str, code: str, name_key: str) -> URIRef:
    """A unit's own subject: the code with the name it prints, apart from the national concept."""
    return ID[f"subject/{iri_part(scheme_name)}/{iri_part(compact(code))}/local-{short_digest(name_key)}"]


def named_subject(scheme_name: str, class_code: str, path_key: str) -> URIRef:
    """A subject printed without a code (a names-only table's 款 or 项): its 类 and the digest of its
    path of names (``公共安全支出/监狱/行政运行``), the same IRI for the same path in every document."""
    return ID[f"subject/{iri_part(scheme_name)}/{iri_part(compact(class_code))}/named-{short_digest(path_key)}"]


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
    return ID[f"project/{iri_part(y or 'unknown')}/{_digest(key)}"]


def document(dept_name: str | None, y: int | None, kind: str | None, source: str) -> URIRef:
    """One budget (a narrative PDF and its tables PDF are one budget); also its named graph."""
    if dept_name and y:
        return ID[f"document/{iri_part(int(y))}/{_digest('|'.join([department_key(dept_name), str(int(y)), kind or '预算']))}"]
    return ID[f"document/source/{_digest(source)}"]


def inside(doc: URIRef, *parts: str) -> URIRef:
    """A node that exists only inside one document: ``{doc}/part/part``."""
    return URIRef(str(doc) + "".join("/" + iri_part(p) for p in parts))


def source_location(doc: URIRef, key: tuple) -> URIRef:
    """The one SourceLocation of a document's printed row: ``{doc}/source/{digest}`` of its key
    (file, page, line, table, row, printed unit). A digest, not the parts: the parts are long CJK
    texts, and every fact of the row points at the node."""
    return URIRef(f"{doc}/source/{_digest(repr(key))}")


def own_location(node: URIRef, i: int) -> URIRef:
    """The ``i``-th SourceLocation of a fact printed in several places (a project: its table row,
    its 说明, its performance sheet): ``{node}/source%2F{i}``."""
    return inside(node, f"source/{int(i)}")


def funding_source(key: str) -> URIRef:
    return ID[f"funding/{iri_part(key)}"]


def item(key: str) -> URIRef:
    return ID[f"item/{iri_part(key)}"]


def expenditure_kind(key: str) -> URIRef:
    return ID[f"expenditure-kind/{iri_part(key)}"]


def phase(key: str) -> URIRef:
    return ID[f"phase/{iri_part(key)}"]


def category(key: str) -> URIRef:
    return ID[f"category/{iri_part(key)}"]


def indicator_kind(key: str) -> URIRef:
    return ID[f"indicator-kind/{iri_part(key)}"]


def topic(key: str) -> URIRef:
    return ID[f"topic/{iri_part(key)}"]


def policy_kind(key: str) -> URIRef:
    return ID[f"policy-kind/{iri_part(key)}"]


def scheme(name: str) -> URIRef:
    return ID[f"scheme/{iri_part(name)}"]


def short_digest(text: str) -> str:
    """A short stable digest, for IRIs of nodes keyed by long text (indicator of a project …)."""
    return _digest(text)


def amount_scope(key: str) -> URIRef:
    """The funds a classification figure covers: ``scope/all_funds|current_year|fiscal|general_public_budget``."""
    return ID[f"scope/{iri_part(key)}"]
