"""Recognise a document's template family and its tables from their content.

Two questions, answered from what the document prints, never from its file name:

* ``classify_title(text)``: is this line a table's title, and of which kind? The title's number
  (表1, 预算01表, 公开01表, 公开表1, 表一, 一、, （预算表 1）, none), its year and its department are
  cut off; what remains is read with the shared vocabulary (``vocabulary.TITLE_RULES``) — or, where
  the recognised family prints that very title, with the family's own table list.
* ``recognise(lines)``: which family's profile fits the document best: each profile scores a
  point for every one of its table titles the document prints, for its numbering scheme and for
  each of its signature words.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.extract.profiles.model import TemplateProfile
from kg.extract.profiles.vocabulary import (CONTINUED_RE, LEADING_NUMBER_RE, QUALIFIER_RE, TITLE_END_RE,
                                            TRAILING_NUMBER_RE, kind_of_title, number_key)

_QUOTES = str.maketrans("", "", "“”\"'‘’")
# What stands before a title's own words: a department's name, a year, the budget's scope.
_YEAR_RE = re.compile(r"20\d\d\s*年?度?")
_SCOPE_RE = re.compile(r"^(?:部门综合预算|市级部门|区级部门|县级部门|省级部门|预算单位|部门（单位）|部门|单位|本年度?)+")
# Words that make a line a sentence or a reference, not a title.
_PROSE_RE = re.compile(r"[，。；;,]|……|\.\.\.|^(?:关于|说明|注|见|详见|附件|如|按|根据|其中|本表|此表)")


@dataclass(frozen=True)
class TitleMatch:
    """A table title: its kind, its printed number in one spelling (``表3``, ``公开03表``, ``三、``
    or ``""``), its title as printed without number/year/department, and its qualifier
    (``按功能分类科目``) where printed."""

    kind: str
    number: str
    title: str
    qualifier: str = ""
    continued: bool = False


@lru_cache(maxsize=16384)  # every reader of a document asks about the same candidate lines
def _bare(text: str) -> tuple[str, str, str, bool, str]:
    """(number, bare title, qualifier, continued, printed title) of a candidate line: the
    printed title is the line without its number, year and ``（续）``; the bare title is that
    without the department's name, the budget's scope and the qualifier too."""
    compact = re.sub(r"\s+", "", text).translate(_QUOTES)
    number = ""
    m = LEADING_NUMBER_RE.match(compact)
    if m and len(compact) > m.end():
        number = number_key(m.group(0))
        compact = compact[m.end():]
    m = TRAILING_NUMBER_RE.search(compact)
    if m:
        number = number or number_key(re.sub(r"[（()）]", "", m.group(0)))
        compact = compact[:m.start()]
    continued = bool(CONTINUED_RE.search(compact))
    compact = CONTINUED_RE.sub("", compact)
    qualifier = ""
    m = QUALIFIER_RE.search(compact)
    if m:
        qualifier = m.group(0)[1:-1]
        compact = compact[:m.start()]
    # a department's name and a year before the title's own words
    years = list(_YEAR_RE.finditer(compact))
    if years and years[-1].start() <= 40:
        compact = compact[years[-1].end():]
    printed = compact + (f"（{qualifier}）" if qualifier else "")
    compact = _SCOPE_RE.sub("", compact)
    return number, compact, qualifier, continued, printed


def classify_title(text: str, profile: TemplateProfile | None = None) -> TitleMatch | None:
    """The title a line prints, or None where it is no table title (see the module docstring)."""
    compact = re.sub(r"\s+", "", text)
    if not compact or len(compact) > 70 or _PROSE_RE.search(compact):
        return None
    number, bare, qualifier, continued, printed = _bare(compact)
    if not bare or not TITLE_END_RE.search(bare) or len(bare) < 3:
        return None
    full = bare + (f"（{qualifier}）" if qualifier else "")
    kind = None
    if profile is not None:
        kind = _profile_titles(profile).get(_title_key(full)) or _profile_titles(profile).get(_title_key(bare))
    kind = kind or kind_of_title(full)
    if kind is None:
        return None
    return TitleMatch(kind=kind, number=number, title=printed, qualifier=qualifier, continued=continued)


@lru_cache(maxsize=16384)
def _title_key(title: str) -> str:
    return _SCOPE_RE.sub("", re.sub(r"[\s（）()“”\"]", "", title))


@lru_cache(maxsize=None)
def _profile_titles(profile: TemplateProfile) -> dict[str, str]:
    return {_title_key(spec.title): spec.kind for spec in profile.tables}


# --- the family ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class ProfileMatch:
    """The best-fitting profile, its score and what scored (for the record's ``template``)."""

    profile: TemplateProfile
    score: int
    evidence: tuple[str, ...]


def recognise(texts: list[str], profiles: tuple[TemplateProfile, ...]) -> ProfileMatch:
    """Score every profile against the document's short lines; the highest wins (the first
    registered on a tie). A document none fits still gets the first profile, scored 0."""
    short = [re.sub(r"\s+", "", t).translate(_QUOTES) for t in texts]
    short = [t for t in short if 0 < len(t) <= 70]
    titles = {_title_key(_bare(t)[1]) for t in short} | {_title_key(t) for t in short}
    joined = "\n".join(short)
    best: ProfileMatch | None = None
    for profile in profiles:
        evidence: list[str] = []
        for spec in profile.tables:
            if _title_key(spec.title) in titles:
                evidence.append(spec.title)
        for pattern in profile.numbering:
            if len(re.findall(rf"(?m)^{pattern}|{pattern}$", joined)) >= 3:
                evidence.append(pattern)
        for word in profile.signature:
            if re.search(word, joined):
                evidence.append(word)
                evidence.append(word)  # a signature word counts double: only this family prints it
        score = len(evidence)
        if best is None or score > best.score:
            best = ProfileMatch(profile, score, tuple(dict.fromkeys(evidence)))
    assert best is not None
    return best
