"""A total and the parts the narrative lists for it: ``X万元，其中：A a万元、B b万元…``.

    收入预算 4,678.70万元，其中：一般公共预算 736.38万元，占 15.74%，…。上级…资金 1,008.30万元，…  (Xinjiang)
    深圳市财政局（本级）预算 37,385.88 万元，包括在职人员经费 8,009.83 万元、公用经费 1,466.93 万元…
    （五）项目支出 26,361.57 万元，具体包括：1.预决算管理业务 18,808.16 万元，主要包括：…
    2026 年预算数 84.42 万元，包括公务用车购置费预算 44.92 万元、公务用车运行维护费预算 39.50 万元。

A composition starts at a figure followed by a list word (其中, 包括, 具体包括, 主要包括, 分别为, 主要
用于). Its parts are either the numbered items that follow (``1.…`` ``2.…``, each item's first
figure) or, inline, the first figure of each clause after the list word — across the following
sentences as long as each opens with a figure of its own (Xinjiang prints one part per sentence;
a sentence without a figure, ``政府性基金预算未安排。``, is passed over) — until a heading, a
sentence that opens otherwise, or the next list. A part that has its own list is one part: its
own parts belong to it. Figures quoted in a reason and change amounts are never parts.

The compositions feed the sub-items of a project (``NarrativeFigure`` topic ``subitem``) and the
audit's ``narrative_sum`` check (Σ parts against the total).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from decimal import Decimal

from kg.extract.narrative.outline import MARKERS
from kg.extract.narrative.statements import AMOUNT_RE, CLAUSE_SPLIT, Narrative, Stated
from kg.extract.narrative.vocabulary import classify

_MARKER_RE = re.compile(r"^[，,]?(?P<word>其中|具体包括|主要包括|包括|分别为|分别是|主要用于|具体用于|主要是)[:：，,]?")
_PART_LABEL_MAX = 40  # a part's label is short; a longer lead-in is prose, not a list item


@dataclass
class Composition:
    """A total (``head``) and the parts listed for it; ``word`` is the list word as printed."""

    head: Stated
    parts: list[Stated] = field(default_factory=list)
    word: str = "其中"
    end: int = 0  # where the list ends in the span text
    implicit: bool = False  # listed after a bare comma (no list word): recognised because the parts add up

    @property
    def partial(self) -> bool:
        """True where the list word says the parts may not be all (主要…)."""
        return self.word.startswith("主要")


def _line_starts(narrative: Narrative) -> dict[int, tuple[int, str]]:
    """Span offsets where a line starts with a heading or numbered marker -> (level, marker)."""
    out: dict[int, tuple[int, str]] = {}
    for index in range(len(narrative.span.lines)):
        start = narrative.span.starts[index]
        text = narrative.span.text[start:start + 8]
        for level, pattern in MARKERS:
            m = pattern.match(text)
            if m:
                out[start] = (level, m.group(0))
                break
    return out


def _number(marker: str) -> int | None:
    digits = re.search(r"\d+", marker)
    return int(digits.group()) if digits else None


def starts_list(narrative: Narrative, stated: Stated) -> bool:
    """True where a figure is followed by a list word and the list's first clause holds a figure
    (``…万元，其中：一般公共预算拨款 18,417.70 万元``; not ``…万元，主要用于保障…``)."""
    text = narrative.span.text
    tail = stated.share_end or stated.end
    m = _MARKER_RE.match(text[tail:tail + 8])
    if not m:
        return False
    first_clause = re.split(CLAUSE_SPLIT, text[tail + m.end():tail + m.end() + 200])[0]
    return bool(AMOUNT_RE.search(first_clause)) or bool(re.match(r"\d{1,2}[.．、]", text[tail + m.end():]))


def _is_part(stated: Stated) -> bool:
    return stated.role == "figure" and len(stated.raw) <= _PART_LABEL_MAX and bool(stated.label)


# An implicit list is taken only where its parts come this close to the total (a list the auditor
# would read as the total's parts: ``项目支出预算474.56万元，A 116万元，B 30万元，C 312万元，D 15.56万元。``);
# a gap inside it is what the narrative_sum check reports.
IMPLICIT_LIST_CLOSENESS = Decimal("0.05")


def read_compositions(narrative: Narrative, implicit: bool = False) -> list[Composition]:
    """Every composition of the narrative, in document order (nested ones included). With
    ``implicit``, also the lists printed after a bare comma with no list word (see
    ``_implicit_composition``): the audit reads them, the records do not."""
    text = narrative.span.text
    amounts = narrative.amounts
    starts = _line_starts(narrative)
    out: list[Composition] = []
    for index, head in enumerate(amounts):
        if head.role != "figure":
            continue
        tail = (head.share_end or head.end)
        m = _MARKER_RE.match(text[tail:tail + 8])
        if not m:
            if implicit:
                found = _implicit_composition(narrative, head, amounts[index + 1:], starts)
                if found is not None:
                    out.append(found)
            continue
        composition = Composition(head=head, word=m.group("word"))
        list_start = tail + m.end()
        following = amounts[index + 1:]
        # numbered items right after the list word (on the next line), or an inline list whose
        # first clause holds its first part (``主要用于单位公务出国…等支出`` is a description)
        next_item = next((s for s in sorted(starts) if s >= list_start), None)
        if next_item is not None and next_item - list_start <= 2 and starts[next_item][0] >= 3:
            composition.parts, composition.end = _numbered_parts(narrative, following, next_item, starts)
        else:
            first_clause = re.split(CLAUSE_SPLIT, text[list_start:list_start + 200])[0]
            if not AMOUNT_RE.search(first_clause):
                continue
            # one part per sentence (Xinjiang's 收入/支出 lists) only for a 收入/支出 total
            across = not composition.partial and (classify(head.label) or ("",))[0] in ("income", "expenditure", "total")
            composition.parts, composition.end = _inline_parts(narrative, following, list_start, starts,
                                                               across_sentences=across)
        if len(composition.parts) >= 2:
            out.append(composition)
    explicit = [(c.head.start, c.end) for c in out if not c.implicit]
    # a figure inside an explicit list is one of its parts: what follows it is that list's, not its own
    out = [c for c in out if not c.implicit or not any(s < c.head.start < e for s, e in explicit)]
    heads = {id(c.head): c for c in out}
    for composition in out:
        # ``…财政拨款 2,904.03万元，非财政拨款 30.00万元，其中：1．…`` — a list after the last part of
        # an outer list that adds up to more than that part is the outer total's list
        outer = next((c for c in out if c is not composition and composition.head in c.parts), None)
        total = sum((p.value for p in composition.parts), Decimal(0))
        if outer is not None and total > composition.head.value and \
                abs(total - outer.head.value) < abs(total - composition.head.value):
            outer.parts = [p for p in outer.parts if p.start < composition.head.start] + [composition.head]
            composition.head = outer.head
    heads = {id(c.head): c for c in out}
    for composition in out:
        # a part that heads its own list stands for that list: its own parts are not the outer list's
        kept: list[Stated] = []
        skip_until = -1
        for part in composition.parts:
            if part.start < skip_until:
                continue
            kept.append(part)
            inner = heads.get(id(part))
            if inner is not None and inner is not composition:
                skip_until = inner.end
        composition.parts = kept
    return [c for c in out if len(c.parts) >= 2]


def _implicit_composition(narrative: Narrative, head: Stated, following: list[Stated],
                          starts: dict[int, tuple[int, str]]) -> Composition | None:
    """``X万元，A a万元，B b万元…。`` — a figure followed by a comma and, in the same sentence, clauses
    each opening with a figure of its own, whose sum is within ``IMPLICIT_LIST_CLOSENESS`` of X and
    each below it: X's parts, listed without a list word."""
    text = narrative.span.text
    tail = head.share_end or head.end
    if not re.match(r"[，,]", text[tail:tail + 1]):
        return None
    parts, end = _inline_parts(narrative, following, tail + 1, starts, across_sentences=False)
    parts = [p for p in parts if p.sentence == head.sentence]
    if len(parts) < 2 or any(p.unit != head.unit or p.value <= 0 or p.value >= head.value for p in parts):
        return None
    if any(p.start > q.start and p.clause_start == q.clause_start for p in parts for q in parts if p is not q):
        return None
    total = sum((p.value for p in parts), Decimal(0))
    if head.value <= 0 or abs(total - head.value) > head.value * IMPLICIT_LIST_CLOSENESS:
        return None
    return Composition(head=head, parts=parts, word="所列", end=end, implicit=True)


def _numbered_parts(narrative: Narrative, following: list[Stated], first_item: int,
                    starts: dict[int, tuple[int, str]]) -> tuple[list[Stated], int]:
    """Items numbered 1, 2, 3 … of one style from ``first_item``: each item's first figure. A
    heading of a higher level, or numbering that does not go on, ends the list."""
    level, marker = starts[first_item]
    style = re.sub(r"\d+", "#", marker)
    expected = _number(marker)
    items: list[int] = []
    for offset in sorted(s for s in starts if s >= first_item):
        item_level, item_marker = starts[offset]
        if item_level < level:
            items.append(offset)  # the end of the last item
            break
        if item_level == level and re.sub(r"\d+", "#", item_marker) == style:
            if _number(item_marker) != expected:
                items.append(offset)
                break
            items.append(offset)
            expected = (expected or 0) + 1
    else:
        items.append(len(narrative.span.text))
    parts: list[Stated] = []
    end = first_item
    for item_start, item_end in zip(items, items[1:]):
        first = next((a for a in following if item_start <= a.start < item_end), None)
        if first is None or first.role != "figure":
            break
        parts.append(first)
        end = item_end
    return parts, end


def _inline_parts(narrative: Narrative, following: list[Stated], list_start: int,
                  starts: dict[int, tuple[int, str]], across_sentences: bool) -> tuple[list[Stated], int]:
    """The first figure of each clause after the list word; with ``across_sentences``, sentence
    after sentence while each opens with a figure of its own."""
    text = narrative.span.text
    stop = next((s for s in sorted(starts) if s > list_start), len(text))
    parts: list[Stated] = []
    end = list_start
    sentence = narrative.sentence_of(list_start)
    interrupted = False  # a change, a quoted figure or a reason since the last part
    for stated in following:
        if stated.start >= stop:
            break
        if stated.sentence != sentence:
            sentence_start = narrative.sentence_starts[stated.sentence]
            opens = stated.clause_start == sentence_start and stated.start - sentence_start <= _PART_LABEL_MAX
            if not across_sentences or not _is_part(stated) or not opens or \
                    (classify(stated.label) or ("",))[0] not in ("income", "expenditure"):
                break  # the sentence opens otherwise: the list is over
            if starts_list(narrative, stated) and parts:
                break  # a new list begins
            sentence = stated.sentence
        if not _is_part(stated):
            interrupted = interrupted or stated.role in ("change", "baseline", "aside")
            continue
        if parts and starts_list(narrative, stated):
            if interrupted:
                break  # ``…，较上年增加142.30万元…；本部门当年预算支出4,203.47万元，其中：`` a new statement
            parts.append(stated)  # the list's last part, heading a list of its own
            end = stated.share_end or stated.end
            break
        if any(p.clause_start == stated.clause_start for p in parts):
            continue  # one part per clause
        parts.append(stated)
        end = stated.share_end or stated.end
    return parts, end


def _whole_label(text: str, part: Stated, since: int) -> str:
    """A part's label with the 、-joined words before it that state no amount of their own
    (``主要用于局本级会计管理和人才培养、财政事务综合管理经费、解决改制历史遗留经费等支出652.00万元``: the
    three are one item), back to ``since`` (the list word or the part before); the label as read
    where anything else stands between."""
    lead = text[since:part.clause_start]
    lead = _MARKER_RE.sub("", lead.lstrip("，,；;：:、 "))
    lead = re.sub(r"^(?:其中|主要|具体)?(?:用于|包括|包含|是|为)[:：]?", "", lead)
    if not lead or not lead.endswith("、") or re.search(r"[，,。；;：:]|\d", lead) or len(lead) > _PART_LABEL_MAX:
        return part.label
    return lead + part.label


def subitems(compositions: list[Composition], record, text: str | None = None) -> list:
    """The listed parts the vocabulary does not name (a project's or a subject's own items:
    ``预决算管理业务 18,808.16万元，主要包括：…代理银行手续费 1,585.88万元``) as ``subitem`` facts of
    their total, in the record's unit; with ``text`` (the span the parts were read from), a part's
    label keeps the 、-joined words before it that state no amount of their own."""
    from kg.extract.model import NarrativeFigure
    from kg.extract.narrative.facts import in_record_unit, provenance_of
    from kg.extract.narrative.vocabulary import classify

    out = []
    for composition in compositions:
        since = composition.head.share_end or composition.head.end
        for part in composition.parts:
            label = _whole_label(text, part, since) if text is not None else part.label
            since = part.share_end or part.end
            if classify(part.label) is not None:
                continue
            value = in_record_unit(part.value, part.unit, record.unit)
            if value is None:
                continue
            out.append(NarrativeFigure(topic="subitem", key=label, label=label, value=value,
                                       printed=part.printed, printed_unit=part.unit, scope=part.scope,
                                       share=part.share, parent=composition.head.label,
                                       provenance=provenance_of(part, record.source)))
    return out
