"""Which concept a printed subject code stands for: the national classification of its year, or a
unit's own (local) scheme.

A code is not a concept. The national economic classification gives 30203 the name 咨询费, but a
unit that keeps its own codes (a Shanghai welfare home's 30203 is 水费) or a document of an older
year (2017's 30311 is 住房公积金, since 2018 it is 代缴社会保险费) prints the same digits for
something else. Putting every printed 30203 on one IRI gives that IRI several names and merges
different money. So, for each printed (code, name, year):

- the name is the national name of the code in the scheme of its year (compared without spaces,
  with full-width brackets and without 的; a known earlier name of the same item, or a misprint one
  character away from it, counts too) → the national concept, named with the national name (the
  printed form stays on the observation's ``rdfs:label``, a variant becomes ``skos:altLabel``);
- the name is the code's name in an earlier national scheme (the 2007–2017 economic
  classification) → that version's concept, ``subject/economic/2007/{code}`` in its own scheme;
- otherwise (another code's national name, or a name the national scheme does not have, or a
  7-digit economic code the national scheme never defines) → a local concept
  ``subject/economic/{code}/local-{digest of the name}`` in the local scheme, linked by
  ``skos:closeMatch`` to the national concept of the same name where there is one.

Codes the reference does not know (most functional 款 and 项) keep the national IRI and their
printed name, as before. The reference names are the extraction vocabulary's
(``kg.extract.profiles.vocabulary``): one list of the national classification for the project.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from rdflib import URIRef

from kg.extract.profiles.vocabulary import ECONOMIC_CLASSES, ECONOMIC_ITEMS
from kg.rdf import iris


def name_key(name: str) -> str:
    """A subject name compared without spaces, with full-width brackets and without 的."""
    bare = re.sub(r"\s+", "", name).replace("(", "（").replace(")", "）")
    return bare.replace("的", "")


# the national economic classification in force since 2018: code -> name
NATIONAL_ECONOMIC: dict[str, str] = {
    **{code: name for name, code in ECONOMIC_CLASSES.items()},
    **{cls + suffix: name for cls, items in ECONOMIC_ITEMS.items() for name, suffix in items.items()},
}
# the 2007–2017 economic classification where it differs from today's (部门预算支出经济分类, before
# the 2018 reform): the items of 303 that moved or went away, 301's 社会保障缴费
ECONOMIC_2007: dict[str, str] = {
    "30104": "社会保障缴费", "30307": "医疗费", "30310": "生产补贴", "30311": "住房公积金",
    "30312": "提租补贴", "30313": "购房补贴", "30314": "采暖补贴", "30315": "物业服务补贴",
}
ECONOMIC_2007_LAST_YEAR = 2017
# earlier or local names of a national item for the same thing (printed by documents of later years)
ECONOMIC_ALIASES: dict[str, tuple[str, ...]] = {
    "30108": ("机关事业单位基本养老保险费",),
    "30110": ("城镇职工基本医疗保险缴费",),
}
# the functional classification's renamed 款 with the last year of the earlier name
FUNCTIONAL_EARLIER: dict[str, tuple[int, str]] = {
    "20805": (2019, "行政事业单位离退休"),
}

_NATIONAL_KEYS = {name_key(n): code for code, n in NATIONAL_ECONOMIC.items()}


@dataclass(frozen=True)
class SubjectConcept:
    """Where a printed subject goes: the concept, its scheme, its one preferred name (``None``:
    leave the name as the graph has it), a variant printed name, a national concept it matches."""

    iri: URIRef
    scheme: URIRef
    label: str | None
    alt_label: str | None = None
    close_match: URIRef | None = None
    national: bool = True


def _near(a: str, b: str) -> bool:
    """One character changed, missing or extra, in names of four or more (维护（护）费 for
    维修（护）费, 因公出国（境）费 for 因公出国（境）费用): a misprint, not another subject."""
    if min(len(a), len(b)) < 4 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def economic_concept(code: str, name: str | None, year: int | None) -> SubjectConcept:
    """The concept of an economic subject printed as ``code`` ``name`` in a document of ``year``."""
    code = iris.compact(code)
    national = iris.economic_subject(code)
    scheme = iris.scheme("economic")
    known = NATIONAL_ECONOMIC.get(code)
    if not name:
        return SubjectConcept(national, scheme, known)
    key = name_key(name)
    if year is not None and year <= ECONOMIC_2007_LAST_YEAR and code in ECONOMIC_2007 \
            and key == name_key(ECONOMIC_2007[code]):
        return SubjectConcept(iris.economic_subject_version("2007", code), iris.scheme("economic-2007"),
                              ECONOMIC_2007[code], close_match=_national_named(key), national=False)
    if known is None and len(code) <= 5:
        return SubjectConcept(national, scheme, name)  # a code the reference does not hold: as printed
    if known is not None:
        if key == name_key(known):
            return SubjectConcept(national, scheme, known, alt_label=name if name != known else None)
        other = _NATIONAL_KEYS.get(key)
        if other is None and (key in {name_key(a) for a in ECONOMIC_ALIASES.get(code, ())}
                              or _near(key, name_key(known))):
            return SubjectConcept(national, scheme, known, alt_label=name)
    return SubjectConcept(iris.local_subject("economic", code, key), iris.scheme("economic-local"), name,
                          close_match=_national_named(key), national=False)


def functional_concept(code: str, name: str | None, year: int | None) -> SubjectConcept:
    """The concept of a functional subject: the national one, or the earlier version of a renamed 款."""
    code = iris.compact(code)
    earlier = FUNCTIONAL_EARLIER.get(code)
    if name and earlier and year is not None and year <= earlier[0] and name_key(name) == name_key(earlier[1]):
        return SubjectConcept(iris.functional_subject_version(str(earlier[0]), code),
                              iris.scheme(f"functional-{earlier[0]}"), earlier[1],
                              close_match=iris.functional_subject(code), national=False)
    return SubjectConcept(iris.functional_subject(code), iris.scheme("functional"), name)


def _national_named(key: str) -> URIRef | None:
    code = _NATIONAL_KEYS.get(key)
    return iris.economic_subject(code) if code else None


def under(parent: SubjectConcept, child: SubjectConcept, code: str) -> SubjectConcept:
    """A child printed under a parent of an earlier version or of the unit's own scheme belongs to
    that scheme too (one ``skos:broader`` per concept): 2019's 2080505 sits under 2019's 20805."""
    if parent.national or not child.national:
        return child
    code = iris.compact(code)
    version = str(parent.iri).rsplit("/", 2)[-2]
    if "/subject/functional/" in str(parent.iri):
        return SubjectConcept(iris.functional_subject_version(version, code), parent.scheme, child.label,
                              close_match=child.iri, national=False)
    if str(parent.scheme).endswith("economic-2007"):
        return SubjectConcept(iris.economic_subject_version("2007", code), parent.scheme, child.label,
                              close_match=child.iri, national=False)
    return SubjectConcept(iris.local_subject("economic", code, name_key(child.label or code)), parent.scheme,
                          child.label, close_match=child.iri, national=False)
