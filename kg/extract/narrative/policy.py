"""Policy documents cited in a text: titles in 《》, 文号 (``环办监测函〔2021〕218号``), 部令, standards.

A title is paired with the 文号 printed right after it (``《…》（环办监测函〔2021〕218号）``) or, for
部令 and 文号 printed first, right before it (``生态环境部部令第29号（2023年）《生态环境统计管理办法》``).
A 文号 followed by a bare title (``克财预[2024]001号关于2024年环保业务经费预算的通知``) gives that
title. Only titles that name a document type (通知, 办法, 方案, 规划, 标准, …) count: a newspaper
such as 《中国环境报》 is not a policy document.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.model import PolicyDocument, Provenance
from kg.extract.narrative.text import compact

DOC_TYPES = ("通知", "意见", "办法", "方案", "规定", "决定", "条例", "规划", "计划", "纲要", "细则",
             "标准", "规范", "准则", "指南", "要点", "清单", "制度", "批复", "决议", "目录", "法",
             "函", "公告", "通告", "规程", "导则", "战略", "措施", "要求", "指引", "守则")
_DOC_ALT = "|".join(sorted(DOC_TYPES, key=len, reverse=True))
_TRAILING_PAREN_RE = re.compile(r"[（(][^（）()]*[)）]$")
_CJK = r"\u4e00-\u9fff"
_NUMBER_RE = re.compile(rf"([{_CJK}]{{1,16}})[〔【\[［(（](\d{{4}})[〕】\]］)）](第?\d+号)")
# 部令: ``生态环境部部令第29号（2023年）`` or with the year inside, ``交通运输部令2015年第22号``
_ORDER_RE = re.compile(rf"([{_CJK}]{{2,16}}令)(?:(\d{{4}})年)?第(\d+)号(?:[（(](\d{{4}})年[)）])?")
_STANDARD_RE = re.compile(r"(?<![A-Za-z])((?:GB/T|GB|HJ/T|HJ|DB\d{0,4}/T|DB\d{0,4})\d+(?:\.\d+)*-\d{4})")
# Where the issuer's abbreviation starts (``issuer_abbreviation``): after the last verb that
# introduces a citation; then after an organ's name or a particle, where what is left still reads as
# an abbreviation (``厅字``, ``沪府发``, ``和政发`` keep their first character).
_CITING_VERB_RE = re.compile(r".*(?:根据|依据|按照|参照|印发|下发|转发)")
_ORGAN_ENDS = "厅局室府会"
_PARTICLES = "的据为是及和与在对"  # not 经: 苏经信发 is an abbreviation
_CLOSING_MARKS = "》）)」”号"
_MIN_ABBREVIATION = 2  # an issuer's abbreviation is at least two characters (国发, 厅字)
# A bare title (no 《》) must end with an unambiguous document type (``执法`` is not a 法).
_BARE_DOC_ALT = "|".join(("通知", "意见", "办法", "方案", "规定", "决定", "条例", "规划", "纲要", "细则",
                          "批复", "公告", "通告", "决议"))
_BARE_TITLE_RE = re.compile(rf"^((?:[^，。；：！？,;:《》]|〈[^〉]*〉|“[^”]*”){{2,90}}?(?:{_BARE_DOC_ALT}))(?!的)")


# a title and its 文号 stand next to each other or one character apart (``《…》（X〔2016〕8号）``); a list's
# separator between them makes two documents (``《安全生产法》、国务院[2010]23号令``)
_LIST_SEPARATORS = "、，,；;。及和与"


def _adjacent(gap: str) -> bool:
    return gap == "" or (len(gap) == 1 and gap not in _LIST_SEPARATORS)


@dataclass
class _Hit:
    start: int
    end: int
    text: str


def is_policy_title(title: str) -> bool:
    """True where a 《》 title names a document type (not a newspaper, book or system)."""
    bare = title.strip("《》").rstrip("〉")  # a title ending in the one it forwards: 《关于转发…〈…的通知〉》
    while _TRAILING_PAREN_RE.search(bare):
        bare = _TRAILING_PAREN_RE.sub("", bare)
    return bare.endswith(DOC_TYPES)


def _titles(text: str) -> list[_Hit]:
    """Every outermost 《…》 in ``text`` (nested 《》 kept inside)."""
    hits: list[_Hit] = []
    depth, start = 0, 0
    for i, ch in enumerate(text):
        if ch == "《":
            if depth == 0:
                start = i
            depth += 1
        elif depth and i - start > 150:  # an unclosed 《: give up on it
            depth = 0
        elif ch == "》" and depth:
            depth -= 1
            if depth == 0:
                hits.append(_Hit(start, i + 1, text[start:i + 1]))
    return hits


def issuer_abbreviation(run: str, before: str = "") -> str:
    """The 机关代字 at the end of ``run`` (the CJK characters printed before a 文号's 〔year〕).

    What precedes it is cut: a citing verb (``根据``, ``印发``) always; an organ's name
    (``…财政厅``) where at least two characters name it and two are left; a particle (``和``, ``的``)
    where two are left and it joins something — inside the run, or after a closing mark in
    ``before`` (``）和国办发``). A run-initial ``和`` after an opening bracket is the abbreviation's own
    first character (和政发, 和静卫发 are 和静县's)."""
    verb = _CITING_VERB_RE.match(run)
    if verb:
        run, before = run[verb.end():], "据"
    for at in range(len(run) - _MIN_ABBREVIATION - 1, -1, -1):
        ch = run[at]
        organ = ch in _ORGAN_ENDS and at >= 2
        particle = ch in _PARTICLES and (at >= 1 or (before != "" and before[-1] in _CLOSING_MARKS))
        if organ or particle:
            return run[at + 1:]
    return run


def _numbers(text: str) -> list[_Hit]:
    """Every 文号, 部令 number and standard number in ``text``, in order."""
    hits: list[_Hit] = []
    for m in _NUMBER_RE.finditer(text):
        prefix = issuer_abbreviation(m.group(1), text[max(0, m.start(1) - 1):m.start(1)])
        if not prefix:
            continue
        start = m.start(1) + len(m.group(1)) - len(prefix)
        hits.append(_Hit(start, m.end(), text[start:m.end()]))
    for m in _ORDER_RE.finditer(text):
        prefix = issuer_abbreviation(m.group(1), text[max(0, m.start(1) - 1):m.start(1)])
        if len(prefix) < 2:
            continue
        start = m.start(1) + len(m.group(1)) - len(prefix)
        hits.append(_Hit(start, m.end(), text[start:m.end()]))
    for m in _STANDARD_RE.finditer(text):
        hits.append(_Hit(m.start(1), m.end(1), m.group(1)))
    hits.sort(key=lambda h: h.start)
    return hits


def _bare_title(text: str, at: int) -> _Hit | None:
    """A title printed without 《》 starting at ``at`` (``关于…的通知``), or None. A bracket closing
    round the 文号 (``（市人社发〔2016〕165号）的有关规定``) ends the citation: no title follows it; nor
    does one follow a 令's number (``国务院[2010]23号令及…的有关规定``)."""
    if text.startswith(("）", ")", "令"), at):
        return None
    for lead in ("文件", "文", "的"):
        if text.startswith(lead, at):
            at += len(lead)
            break
    m = _BARE_TITLE_RE.match(text[at:])
    if not m:
        return None
    title = m.group(1)
    if not (title.startswith("关于") or "的" in title):
        return None
    return _Hit(at, at + len(title), title)


_MARK = "\u2063"  # invisible separator
_BEFORE_RE = re.compile(rf"关于(?:[^，。；：！？,;:（）()]|《[^》]*》|〈[^〉]*〉|“[^”]*”){{2,100}}(?:{_BARE_DOC_ALT})$")


def _title_before(text: str, at: int, numbers: list[_Hit]) -> _Hit | None:
    """A bare title printed just before its bracketed 文号: ``关于…的通知（X〔2008〕36号）``."""
    if at == 0 or text[at - 1] not in "（(":
        return None
    floor = max([n.end for n in numbers if n.end <= at - 1] + [0, at - 1 - 110])
    segment = text[floor:at - 1]
    starts = [m.start() for m in re.finditer("关于", segment)]
    for start in starts:  # the earliest 关于 that makes the whole segment one title
        m = _BEFORE_RE.fullmatch(segment[start:])
        if m:
            return _Hit(floor + start, at - 1, segment[start:])
    return None


def _clean(value: str | None) -> str | None:
    return value.replace(_MARK, "") if value else value


def find_policy_documents(raw: str, provenance: Provenance | None = None) -> list[PolicyDocument]:
    """Every policy document cited in ``raw`` (joined text; whitespace is ignored), in order."""
    # a space between two CJK characters on one line separates table columns (``大气 昌州财建…``):
    # it must stop a 文号's issuer prefix, so it becomes a mark that no pattern takes as a CJK char
    text = compact(re.sub(r"(?<=[\u4e00-\u9fff])[ \t\u3000]+(?=[\u4e00-\u9fff])", _MARK, raw))
    titles = [t for t in _titles(text) if is_policy_title(t.text)]
    numbers = _numbers(text)
    docs: list[tuple[int, PolicyDocument]] = []
    used_numbers: set[int] = set()
    used_titles: set[int] = set()
    for ti, title in enumerate(titles):  # 《title》 then its number, next to it or in brackets after it
        for ni, number in enumerate(numbers):
            if ni not in used_numbers and number.start >= title.end and _adjacent(text[title.end:number.start]):
                docs.append((title.start, PolicyDocument(title.text, number.text, provenance)))
                used_numbers.add(ni)
                used_titles.add(ti)
                break
    for ni, number in enumerate(numbers):  # number then 《title》 or a bare title
        if ni in used_numbers:
            continue
        title_hit = next((t for ti, t in enumerate(titles) if ti not in used_titles
                          and t.start >= number.end and _adjacent(text[number.end:t.start])), None)
        if title_hit is not None:
            used_titles.add(titles.index(title_hit))
            docs.append((number.start, PolicyDocument(title_hit.text, number.text, provenance)))
            continue
        before = _title_before(text, number.start, numbers)
        if before is not None:  # 关于转发《…》的通知（沪财行〔2008〕36号）
            docs.append((before.start, PolicyDocument(before.text, number.text, provenance)))
            continue
        bare = _bare_title(text, number.end)
        docs.append((number.start, PolicyDocument(bare.text if bare else None, number.text, provenance)))
        while bare is not None and bare.end < len(text) and text[bare.end] in "及和、":
            bare = _bare_title(text, bare.end + 1)
            if bare is not None:
                docs.append((bare.start, PolicyDocument(bare.text, None, provenance)))
    for ti, title in enumerate(titles):
        if ti not in used_titles:
            docs.append((title.start, PolicyDocument(title.text, None, provenance)))
    docs.sort(key=lambda d: d[0])
    found = dedupe([PolicyDocument(_clean(d.title), _clean(d.number), d.provenance) for _, d in docs])
    return [d for d in found if not _back_reference(d, found)]


def _back_reference(doc: PolicyDocument, docs: list[PolicyDocument]) -> bool:
    """《条例》 after 《信访工作条例》: a short form of a document cited in full, no document of its own."""
    def words(title: str | None) -> str:
        return (title or "").strip("《》")

    short = words(doc.title)
    return not doc.number and 0 < len(short) <= 4 and any(
        other is not doc and len(words(other.title)) > len(short) and words(other.title).endswith(short)
        for other in docs)


def _bare(title: str | None) -> str:
    return PolicyDocument(title).key() if title else ""


def same_document(a: PolicyDocument, b: PolicyDocument) -> bool:
    """Same 文号 with compatible titles, or the same title where either lacks a 文号.

    One 文号 can cover two documents (two budget notices under ``克财预[2024]001号``), so a
    shared number with two different titles stays two documents.
    """
    if a.number and b.number:
        if a.key() != b.key():
            return False
        return not a.title or not b.title or _bare(a.title) == _bare(b.title)
    return bool(a.title and b.title) and _bare(a.title) == _bare(b.title)


def dedupe(docs: list[PolicyDocument]) -> list[PolicyDocument]:
    """Drop repeats; a copy with a title or a 文号 completes the one kept."""
    out: list[PolicyDocument] = []
    for doc in docs:
        hit = next((i for i, old in enumerate(out) if same_document(old, doc)), None)
        if hit is None:
            out.append(doc)
            continue
        old = out[hit]
        out[hit] = PolicyDocument(old.title or doc.title, old.number or doc.number, old.provenance)
    return out
