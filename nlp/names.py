"""Department names as people say them: abbreviation rules over the department-identity module.

Identity itself (which printed spellings are one department, its full spellings, the short forms
of a place, the leading places of a name, the budget-scope suffix) is ``kg.names.department``'s,
the one definition extraction and the graph use too; this layer adds the ways a question shortens
a name, derived from the graph's own names by the rules of the language and
never listed per department:

- the organisation word's long forms dropped: 人民政府 → 政府, 人民法院 → 法院, 人民检察院 → 检察院,
  高级人民法院 → 高院, 中级人民法院 → 中院, 街道办事处 → 街道 / 街道办;
- 办公厅 / 办公室 → 办, and 人民政府办公室 → 府办 (区府办, 市府办), 委办公厅 → 委办 (省委办);
- the places dropped, keeping the level character of the innermost one (江苏省人民检察院 →
  省检察院, 上海市普陀区人民政府办公室 → 区府办), or kept in a short form (江苏高院);
- any name whose characters stand in order in the organisation word, beginning with its first
  character and ending in its organisation character (卫健委 of 卫生健康委员会, 规划资源局 of
  规划和自然资源局, 人社局 of 人力资源和社会保障局): ``abbreviates``.

A short form several departments share (区府办 of two districts, 财政局 of five cities) names all
of them: the question service asks back which one was meant (``nlp.resolve``).
"""
from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache

from kg.names.department import equivalent_forms, place_forms, short_forms, split_place, strip_budget_suffix

__all__ = ["abbreviates", "closest_names", "department_aliases", "misspells", "org_forms", "place_forms",
           "split_place", "strip_budget_suffix"]

# Organisation words and the shorter forms people use for them (a rule of the language: the
# 人民 of 人民政府/人民法院/人民检察院 and the 事处 of 办事处 are dropped in speech; 办公厅/办公室 is 办).
ORG_RULES: list[tuple[str, tuple[str, ...]]] = [
    ("人民政府办公厅", ("政府办公厅", "政府办", "府办")),
    ("人民政府办公室", ("政府办公室", "政府办", "府办")),
    ("人民政府", ("政府",)),
    ("委员会办公厅", ("委办公厅", "委办")),
    ("委办公厅", ("委办",)),
    ("常委会办公厅", ("办公厅", "办")),
    # a representative body's office publishes the body's budget: people name the body (省政协, 省人大)
    ("人大常委会办公厅", ("人大常委会", "人大")),
    ("政协办公厅", ("政协",)),
    ("办公厅", ("办",)),
    ("办公室", ("办",)),
    ("街道办事处", ("街道", "街道办")),
    ("办事处", ("",)),
    ("高级人民法院", ("高院", "高级法院")),
    ("中级人民法院", ("中院", "中级法院")),
    ("人民法院", ("法院",)),
    ("人民检察院", ("检察院",)),
]
_LEVEL = re.compile(r"(省|市|区|县|州|旗|盟)$")
# An organisation word's last character(s): the kind of body (局, 委, 院, 办, 中心 …).
ORG_END = re.compile(r"(?:分局|中心|局|厅|委员会|委|法院|院|所|站|办公室|办公厅|办|大队|支队|队|处|馆|部|街道)$")
# The one-character kind of a body people leave unsaid after its field (福州民政 for 福州市民政局).
_KIND_CHAR = re.compile(r"(?<=[\u4e00-\u9fff]{2})[局厅委]$")


def org_forms(org: str) -> list[str]:
    """The organisation word and its spoken forms (人民检察院 → 检察院; 人民政府办公室 → 政府办 …),
    each rule applied to the end of the word, then again to the result."""
    out = [org]
    for form in out:
        for long, shorts in ORG_RULES:
            if form.endswith(long):
                for short in shorts:
                    candidate = form[: len(form) - len(long)] + short
                    if candidate and candidate not in out:
                        out.append(candidate)
    return out


_PARTY_OFFICE = re.compile(r"^(?:中共|中国共产党)?([\u4e00-\u9fff]*?)委(?:员会)?办")


def _spoken(alias: str) -> bool:
    """A form people say: not a party office stripped of its area's level (江苏委办公厅, 委办公厅)."""
    m = _PARTY_OFFICE.match(alias)
    return not m or bool(m.group(1)) and m.group(1)[-1] in "省市区县州旗盟"


# a branch named inside its department's name (泉州市公安局台商投资区分局): place, the department's
# kind, the branch's own place, 分局/支队/大队
_BRANCH = re.compile(r"^(?P<city>[\u4e00-\u9fff]{2,4}?[市州盟])(?P<kind>[\u4e00-\u9fff]{2,4}?)局"
                     r"(?P<place>[\u4e00-\u9fff]{2,8}?)(?P<tail>分局|支队|大队)$")


def branch_aliases(name: str) -> list[str]:
    """A branch as people name it, its kind after its own place (泉州市公安局台商投资区分局 →
    泉州台商投资区公安分局, 台商投资区公安分局, 泉州市台商投资区公安分局): how such branches
    print their own names."""
    m = _BRANCH.match(name)
    if not m:
        return []
    city, kind, place, tail = m.group("city"), m.group("kind"), m.group("place"), m.group("tail")
    short = city[:-1] if len(city) >= 3 else city
    return [f"{city}{place}{kind}{tail}", f"{short}{place}{kind}{tail}", f"{place}{kind}{tail}"]


def department_aliases(name: str) -> list[str]:
    """Every short form of a department's name: the identity module's (places shortened or
    dropped, other names of the organisation word) and the spoken forms of the organisation
    word, with the places kept, shortened, or dropped to the innermost one's level character."""
    bare = strip_budget_suffix(name)
    if bare != name:
        return list(dict.fromkeys([bare, *department_aliases(bare)]))
    return [a for a in dict.fromkeys(_aliases(name)) if a and a != name and _spoken(a)]


def _aliases(name: str) -> list[str]:
    out: list[str] = []
    for spelling in equivalent_forms(name):  # 中共江苏省委办公厅 → 江苏省委办公厅, 重庆市人民政府办公厅 → 重庆市政府办公厅
        out += [spelling, *short_forms(spelling)]
        places, org = split_place(spelling)
        if not org or places and re.match(r"中国|中共", places[0]):
            continue  # a party or CPPCC long form: its "place" is no place (中国人民政治协商会议江苏省)
        heads: list[str] = [""]
        if places:
            heads += ["".join(places)] + place_forms(places[-1])
            if len(places) > 1:
                heads += [outer + inner for outer in place_forms(places[0]) for inner in place_forms(places[-1])]
            level = _LEVEL.search(places[-1])
            if level:
                heads.append(level.group(1))
        for form in org_forms(org):
            for head in heads:
                alias = head + form
                if len(alias) >= 2 and (head or len(form) >= 3):
                    out.append(alias)
        stem = _KIND_CHAR.sub("", org)
        if stem != org and len(stem) >= 2:  # 福州民政, 西安审计: a named place and the body's field, its kind left unsaid
            out += [head + stem for head in heads if len(head) >= 2]
    return out


def _subsequence(short: str, long: str) -> bool:
    """Whether every character of ``short`` appears in ``long`` in order."""
    it = iter(long)
    return all(ch in it for ch in short)


@lru_cache(maxsize=4096)
def _abbreviation_forms(name: str) -> tuple[str, ...]:
    """The forms of a name an abbreviation may be read from: the name (without its budget scope),
    its innermost place shortened with each spoken form of its organisation word, and those forms
    alone (computed once per name)."""
    name = strip_budget_suffix(name)
    places, org = split_place(name)
    forms = [name]
    if places and org:
        forms += [f + o for f in place_forms(places[-1]) for o in org_forms(org)] + org_forms(org)
    return tuple(forms)


def abbreviates(span: str, name: str) -> bool:
    """Whether ``span`` is a short form of the department ``name``: its characters in order in
    the name (or in the name without its places, or with them shortened), beginning where that
    form begins, ending in its organisation character (卫健委, 规划资源局, 江苏高院, 监控中心)."""
    if len(span) < 3 or re.search(r"(.)\1", span):
        return False
    head = ORG_END.sub("", span)
    if len(span) == 3 and len(head) < 2:  # 中中心: too little of a name besides its organisation word
        return False
    forms = _abbreviation_forms(name)
    if span == forms[0]:
        return False
    for form in forms:
        if len(form) < len(span) or span[-1] not in form[-3:] or not _subsequence(span, form):
            continue
        if form[0] == span[0] or form.endswith(span):
            return True
    return False


def misspells(span: str, name: str, common: tuple[str, ...] = ()) -> bool:
    """A name typed with one wrong character (克州生态环竟局): same length, one character off,
    and not ending in another department's common name (普陀区民政局 is not 普陀区财政局)."""
    if not (len(span) == len(name) >= 5 and sum(a != b for a, b in zip(span, name)) == 1):
        return False
    return not any(span.endswith(org) and not name.endswith(org) for org in common)


def closest_names(text: str, names: list[str], n: int = 3) -> list[str]:
    """The graph's names most like ``text`` (an unknown department or unit): by shared place,
    then by the organisation word, then by overall likeness."""
    places, org = split_place(text)
    scored = []
    for name in dict.fromkeys(names):
        their_places, their_org = split_place(name)
        same_place = bool(places) and any(p in their_places or any(p.startswith(f) for f in place_forms(q))
                                          for p in places for q in their_places)
        same_org = bool(org) and (org == their_org or org[-1:] == their_org[-1:])
        ratio = SequenceMatcher(None, text, name).ratio()
        scored.append((same_place * 2 + same_org + ratio, name))
    scored.sort(key=lambda s: -s[0])
    return [name for score, name in scored[:n] if score >= 0.8]
