"""What a cited policy document's 文号 and title tell about it: year, issuer, kind.

Why so little and so strict: a 文号 prefix of a city or province (昌州财建, 新环办) cannot be read
in general — the same characters mean different bodies in different places — so the issuer is
stored only where the title states it (《财政部、司法部关于…》), the 文号 names it (生态环境部部令
第29号), or the prefix is one of the few national ones in ``NATIONAL_PREFIXES`` (the same in every
document of the country). The year in 〔2021〕 (or the -2017 of a standard) is always derivable.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# National 文号 prefixes -> issuing body. Longest prefix first wins; the prefix must open the
# 文号 (新环办… is a provincial body, not 环办…).
NATIONAL_PREFIXES: tuple[tuple[str, str], ...] = (
    ("中办发", "中共中央办公厅、国务院办公厅"),
    ("中发", "中共中央、国务院"),
    ("国办发", "国务院办公厅"),
    ("国办函", "国务院办公厅"),
    ("国发", "国务院"),
    ("国函", "国务院"),
    ("国环规", "生态环境部"),
    ("环办", "生态环境部办公厅"),
    ("环", "生态环境部"),
    ("财办", "财政部办公厅"),
    ("财", "财政部"),
    ("发改办", "国家发展和改革委员会办公厅"),
    ("发改", "国家发展和改革委员会"),
)

# Bodies a 文号 may print before 令 (生态环境部部令第29号, 环境保护部令第5号).
_ORDER_RE = re.compile(r"^(.{2,12}?部)部?令")
_YEAR_RE = re.compile(r"[〔\[【(（]\s*((?:19|20)\d\d)\s*年?\s*[〕\]】)）]")
_ORDER_YEAR_RE = re.compile(r"令((?:19|20)\d\d)年第")  # 交通运输部令2015年第22号
_STANDARD_RE = re.compile(r"^(GB|HJ|GBZ|CJ|DB\d*)(/T|/Z)?\s*[\d.]+\s*[-—–]\s*((?:19|20)\d\d)$", re.I)
_TITLE_ISSUER_RE = re.compile(r"^《?([\u4e00-\u9fff、，]{2,40}?)关于")
_ORG_SUFFIXES = ("中央", "国务院", "部", "厅", "局", "委", "委员会", "院", "办公室", "政府", "办公厅", "署", "总局")

# Title endings -> kind key (policy-kind/{key} in schemes.ttl); the last matching word decides.
_TITLE_KINDS: tuple[tuple[str, str], ...] = (
    ("通知", "notice"), ("意见", "opinion"), ("方案", "programme"), ("规划", "plan"),
    ("计划", "plan"), ("纲要", "plan"), ("要点", "plan"), ("办法", "measures"), ("规定", "measures"),
    ("细则", "measures"), ("措施", "measures"), ("条例", "regulation"), ("法", "law"), ("标准", "standard"),
    ("规范", "standard"), ("导则", "standard"), ("准则", "standard"), ("清单", "other"),
    ("合同", "other"),
)
POLICY_KINDS = ("standard", "order", "law", "regulation", "measures", "opinion", "notice",
                "programme", "plan", "other")


@dataclass(frozen=True)
class PolicyFacts:
    """What can be said about a cited document without reading it."""

    year: int | None = None
    issuer: str | None = None
    issuer_basis: str | None = None  # "title" | "number" | "prefix-table"
    kind: str | None = None


def _clean(text: str | None) -> str:
    return re.sub(r"\s+", "", text or "")


def issued_year(number: str | None) -> int | None:
    """〔2021〕 / [2021] / （2023年） in a 文号, or the year of a standard (HJ 212-2017)."""
    n = _clean(number)
    m = _YEAR_RE.search(n) or _ORDER_YEAR_RE.search(n)
    if m:
        return int(m.group(1))
    m = _STANDARD_RE.match(n)
    return int(m.group(3)) if m else None


def issuer(number: str | None, title: str | None) -> tuple[str | None, str | None]:
    """(issuer, basis): stated by the title, named by the 文号, or a national prefix; else Nones."""
    t = _clean(title)
    m = _TITLE_ISSUER_RE.match(t)
    if m and m.group(1).rstrip("、，").endswith(_ORG_SUFFIXES) and "印发" not in m.group(1):
        return m.group(1).rstrip("、，"), "title"
    n = _clean(number)
    m = _ORDER_RE.match(n)
    if m:
        return m.group(1), "number"
    for prefix, body in sorted(NATIONAL_PREFIXES, key=lambda x: -len(x[0])):
        rest = n[len(prefix):]
        if n.startswith(prefix) and rest and (re.match(r"[\u4e00-\u9fff]*[〔\[【(（]", rest)):
            return body, "prefix-table"
    return None, None


def kind(number: str | None, title: str | None) -> str | None:
    """standard (GB/HJ numbers, 标准/规范 titles), order (…令), else the genre the title ends with."""
    n = _clean(number)
    if _STANDARD_RE.match(n) or re.match(r"^(GB|HJ)(/T)?\d", n, re.I):
        return "standard"
    if "令" in n:
        return "order"
    t = re.sub(r"[《》〈〉]", "", _clean(title))
    t = re.sub(r"[（(][^（）()]*[)）]$", "", t)  # （试行）, （2021-2025年）
    for word, key in sorted(_TITLE_KINDS, key=lambda x: -len(x[0])):
        if t.endswith(word):
            return key
    return None


def facts(number: str | None, title: str | None) -> PolicyFacts:
    who, basis = issuer(number, title)
    return PolicyFacts(issued_year(number), who, basis, kind(number, title))
