"""How many units a department's budget covers, and how many of each kind it oversees, as the
部门概况 states it — counts that no list may stand in for, since a list printed beside them is often
partial, merged or absent:

    纳入2022年度本部门决算编制范围的单位共28个，包括本级及所属27个二级预算单位     (西安 卫健委 决算)
    纳入本部门2019年度部门汇总预算编制范围的预算单位共2家                      (江苏 高院)
    下设直属事业单位6个，…；下辖区县气象局8个，分别为…                          (西安 气象局)
    本部门包括27个内设机构、1个下属差额拨款事业单位和1个派出机构                  (江苏 高院)
    有2个下属单位 / 下属1家预算单位 / 本部门中，行政单位1家，参公单位1家        (广州, 上海)

Each count is a ``UnitCount``: the kind as printed (``预算单位``, ``二级预算单位``, ``区县气象局``,
``直属事业单位`` …), the number, ``covered`` where it counts every unit the budget (or 决算) covers —
the department itself included — rather than units under it, and the sentence's provenance. The
department's divisions (内设机构, 处室, 科室) are its ``divisions``, not units: never counted here.
"""
from __future__ import annotations

import re

from kg.extract.model import Provenance, UnitCount
from kg.extract.narrative.text import CN_NUMERALS, Span

_N = rf"(?P<n>\d{{1,4}}|[{CN_NUMERALS}两]{{1,3}})"
_CLASSIFIER = r"(?P<cls>个|家)"
# what a unit's kind ends in: a unit, an organ, a body of the state (局, 院, 所, 监狱, 中心 …)
_KIND_END = r"(?:单位|机构|局|院|所(?!属)|监狱|中心|站|队|学校)"
_KIND = rf"(?P<kind>[^，,。；;：:、\d（）()“”\s个家共有和及与]{{0,12}}?{_KIND_END})(?!项目|建设|工程)"
# the budget's whole scope: ``纳入…编制范围的(预算)单位共(有|计)N个``
_COVERED_RE = re.compile(rf"纳入[^。；;，,]{{0,40}}?(?:编制)?范围的{_KIND}(?:共计|共有|共|有|为)?{_N}{_CLASSIFIER}")
# ``下辖区县气象局8个``, ``下设直属事业单位6个``, ``下属预算单位共3个``: kind, then its number
_KIND_FIRST_RE = re.compile(rf"(?P<lead>下辖|下设|下属|所属|直属|管辖|本部门中[，,]?|[，,、])"
                            rf"{_KIND}(?:共计|共有|共|有|为)?{_N}{_CLASSIFIER}(?=[，,。；;：:（(]|分别|$)")
# ``有2个下属单位``, ``本级及所属27个二级预算单位``, ``1个下属差额拨款事业单位和1个派出机构``
_NUMBER_FIRST_RE = re.compile(rf"(?<![\d.]){_N}\s*{_CLASSIFIER}{_KIND}")
# the department's divisions counted (``包括32个机关行政科室及7个下属单位``, ``内设机构15个``, ``设27个内设机构``)
_DIVISION_KIND = r"(?:机关)?(?:行政|职能|内设)?(?:科室|处室|股室|机构)"
_DIVISION_COUNT_RE = re.compile(
    rf"(?<![\d.])(?P<n>\d{{1,3}}|[{CN_NUMERALS}两]{{1,3}})\s*个(?P<kind>(?:机关)?(?:行政|职能)?(?:科室|处室|股室)|内设(?:机构|科室|处室))"
    rf"|(?P<kind2>内设(?:机构|科室|处室)|机关(?:行政)?(?:科室|处室))(?:共计|共有|共|有|为)?(?P<n2>\d{{1,3}}|[{CN_NUMERALS}两]{{1,3}})个")
_DIVISION_RE = re.compile(r"内设|处室|科室|股室|机关行政|职能|业务|机构设置|专门委员会|派驻")
_COVERED_KIND_RE = re.compile(r"^(?:二级)?(?:预算|决算)?单位$")
_NOT_A_UNIT_RE = re.compile(r"项目|指标|资金|车|设备|人员|政府采购|会议|培训|次|批|经营|企业|生产|左右")
# a kind that names no unit (``区县气象局``, ``监狱``) counts only where a word of governing stands before it
_GOVERNED_RE = re.compile(r"下辖|下设|下属|所属|直属|管辖|包括|本部门中")
_UNIT_WORD_RE = re.compile(r"(?:单位|机构)$")
_SUBORDINATE_RE = re.compile(r"下属|所属|直属|下辖")
_ITSELF_RE = re.compile(r"本级|本部")
# none under it, said in words (只有本级，没有其他二级预算单位; 本单位无独立核算下属单位): a count of 0
_NONE_RE = re.compile(r"(?:没有|无)(?:其他|其它)?(?P<kind>(?:独立核算)?(?:的)?(?:下属|所属)?(?:二级)?(?:预算)?单位)")


def number_of(text: str) -> int | None:
    """An integer printed in digits or in Chinese numerals up to 99 (两, 十二, 二十七)."""
    if text.isdigit():
        return int(text)
    digits = {c: i + 1 for i, c in enumerate(CN_NUMERALS[:9])} | {"两": 2}
    if "十" in text:
        tens, _, ones = text.partition("十")
        value = (digits.get(tens, 0) if tens else 1) * 10 + (digits.get(ones, 0) if ones else 0)
        return value if all(c in digits for c in tens + ones) else None
    return digits.get(text) if len(text) == 1 else None


def read_unit_counts(span: Span, file: str) -> list[UnitCount]:
    """Every count of units the profile text states, in document order, one per (kind, covered)."""
    text = span.text
    found: list[tuple[int, UnitCount]] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match[str], covered: bool) -> None:
        kind, n = m.group("kind"), number_of(m.group("n"))
        before = text[max(0, m.start() - 4):m.start("kind")]
        if n is None or _DIVISION_RE.search(kind) or _NOT_A_UNIT_RE.search(kind) or "内设" in before:
            return
        if not _UNIT_WORD_RE.search(kind) and not _GOVERNED_RE.search(before + kind):
            return
        kind = re.sub(r"^(?:下辖|下设|管辖)", "", kind)  # ``，下辖区县分局三个``: the kind, not its verb
        after = re.split(r"[。；;]", text[m.end():])[0][:40]
        if not covered and _COVERED_KIND_RE.match(kind) and not _SUBORDINATE_RE.search(before + kind) \
                and _ITSELF_RE.search(after):
            covered = True  # ``下设二级预算单位4个，分别是：…办公厅（本级）、…``: the list holds the department itself
        if any(a < m.end("n") and m.start("n") < b for a, b in taken):
            return
        taken.append((m.start("n"), m.end("n")))
        line = span.line_at(m.start("n"))
        found.append((m.start(), UnitCount(kind=kind, count=n, classifier=m.group("cls"), covered=covered,
                                           text=_clause(text, m.start(), m.end()),
                                           provenance=Provenance(file=file, page=line.page, line=line.lineno,
                                                                 row=kind))))

    for m in _DIVISION_COUNT_RE.finditer(text):  # 32个机关行政科室, 内设机构15个: the divisions, counted apart
        n = number_of(m.group("n") or m.group("n2"))
        if n is None or any(a < m.end() and m.start() < b for a, b in taken):
            continue
        taken.append((m.start(), m.end()))
        line = span.line_at(m.start())
        kind = m.group("kind") or m.group("kind2")
        found.append((m.start(), UnitCount(kind=kind, count=n, classifier="个", covered=False,
                                           text=_clause(text, m.start(), m.end()), division=True,
                                           provenance=Provenance(file=file, page=line.page, line=line.lineno,
                                                                 row=kind))))
    for m in _COVERED_RE.finditer(text):
        add(m, covered=bool(_COVERED_KIND_RE.match(m.group("kind"))))
    for m in _NONE_RE.finditer(text):
        kind = m.group("kind").replace("的", "")
        if kind == "单位" or any(a < m.end() and m.start() < b for a, b in taken):
            continue  # (无单位 alone says nothing of units under the department)
        taken.append((m.start(), m.end()))
        line = span.line_at(m.start())
        found.append((m.start(), UnitCount(kind=kind, count=0, classifier="个", covered=False,
                                           text=_clause(text, m.start(), m.end()),
                                           provenance=Provenance(file=file, page=line.page, line=line.lineno,
                                                                 row=kind))))
    for pattern in (_KIND_FIRST_RE, _NUMBER_FIRST_RE):
        for m in pattern.finditer(text):
            add(m, covered=False)
    out: list[UnitCount] = []
    seen: set[tuple[str, bool]] = set()
    for _, count in sorted(found, key=lambda x: x[0]):
        if (count.kind, count.covered, count.division) not in seen:  # the first statement of each
            seen.add((count.kind, count.covered, count.division))
            out.append(count)
    return out


def _clause(text: str, start: int, end: int) -> str:
    """The clause stating a count, as printed: from the punctuation before it (at most 40 characters
    back) to the punctuation after it (``纳入2022年度本部门决算编制范围的单位共28个``)."""
    begin = max([text.rfind(p, max(0, start - 40), start) for p in "。；;，,：:"] + [max(0, start - 40)]) + 1
    if begin == max(0, start - 40) + 1 and start - 40 <= 0:
        begin = max(0, start - 40)
    stop = min([i for i in (text.find(p, end) for p in "。；;，,：:") if i != -1] + [end + 20])
    return text[begin:stop]
