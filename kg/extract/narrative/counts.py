"""The counts the narrative states about a figure: how many people, times, days, groups or
vehicles an amount pays for.

    会议费预算5.6万元，拟召开…会议，人数约400人；培训费预算10万元，…培训，人数约800人      (长沙)
    公务接待费支出0.16万元，…共接待国外来访团组0个，来访外宾0人次；发生国内接待1次，接待人数共13人  (佛山 决算)
    3.公务接待情况  2024年度，…公务接待10批次、152人次，全部为国内公务接待                    (central 决算)

Two placements, whatever the province:

- *after the figure*: a count belongs to the figure printed before it, up to the next amount, the
  next heading, or two sentences on (a 决算's 公务接待 counts follow the amount in the next sentence);
- *in the figure's item*: a numbered item about one expense (``1.因公出国（境）情况``, ``3.公务接待情况``)
  whose counts stand before its amount, or in an item that prints no amount at all (the amount was
  stated in the summary above): the counts belong to that expense's figure — the item's own, else
  the last one stated before the item.

Only figures that pay for countable things carry counts (三公 and its parts, 会议费, 培训费): a
project's indicators (``培训5期``) are read by the performance-table reader, not here. Each count
keeps the words that name it as printed (``人数``, ``接待国外来访团组``, ``来访外宾``, ``发生国内接待``),
its number and its unit (人, 人次, 次, 个, 批次, 天, 期, 辆).
"""
from __future__ import annotations

import re
from decimal import Decimal

from kg.extract.model import NarrativeFigure, StatedCount
from kg.extract.narrative.outline import heading_of
from kg.extract.narrative.statements import Narrative, Stated
from kg.extract.narrative.text import prov

COUNTED_TOPICS = {"three_public", "meetings", "training"}
COUNT_RE = re.compile(r"(?P<label>[^，,。；;：:、\d（）()]{0,14}?)(?P<filler>(?:共计|合计|累计|共|约|为|达|计)*)"
                      r"(?P<n>\d{1,7})(?P<unit>人次|人天|批次|人|次|个|天|期|辆|场|批)"
                      r"(?!单位|月|日|号|年|项|部门|万|元|%|％|以上|以下|（含|\(含)")
_LABEL_FILLER_RE = re.compile(r"^(?:个单位|个|年(?![末初底])|月|日|其中|另|并|全年|共|约|拟|计划|预计|预算)+|(?:共计|合计|共|约|为|达|计|的)+$")
_MAX_SENTENCES = 2
# what an item's title names -> the (topic, keys) of the figure its counts belong to
_ITEM_TOPICS: list[tuple[re.Pattern[str], str, tuple[str, ...]]] = [
    (re.compile(r"出国"), "three_public", ("overseas",)),
    (re.compile(r"接待"), "three_public", ("reception",)),
    (re.compile(r"公务用车|公车|车辆"), "three_public", ("vehicles", "vehicle_operation", "vehicle_purchase")),
    (re.compile(r"会议"), "meetings", ("total",)),
    (re.compile(r"培训"), "training", ("total",)),
]


# the events a 会议费 / 培训费 sentence names (拟召开A、B等会议, 拟开展A、B等培训): their names, the kind after them
EVENTS_RE = re.compile(r"(?:拟|计划|预计|主要用于)?(?:召开|举办|开展|组织)(?P<names>[^，,。；;：:]{4,120}?)等?(?P<kind>会议|培训)(?:[，,。；;]|$)")
_EVENT_KINDS = {"meetings": "会议", "training": "培训"}


def _events(text: str, start: int, end: int, kind: str) -> list[str]:
    """The events of one kind the words after a figure name one by one (``全市信访工作联席会议、特护期
    信访安全保障工作调度会``); none where they name only the kind (召开会议)."""
    m = EVENTS_RE.search(text, start, end)
    if m is None or m.group("kind") != kind:
        return []
    names = [n for n in re.split(r"[、]|(?<=[会训堂班])(?:和|及|以及)", m.group("names")) if len(n) >= 3]
    return names if names and not any(re.search(r"\d", n) for n in names) else []


def attach_counts(narrative: Narrative, pairs: list[tuple[Stated, NarrativeFigure]], file: str) -> None:
    """Add to each figure of ``pairs`` the counts the narrative states about it (module docstring), and to
    a 会议费 / 培训费 the events its sentence names."""
    text = narrative.span.text
    used: set[int] = set()
    for stated, fact in pairs:
        if fact.topic not in COUNTED_TOPICS:
            continue
        if fact.topic in _EVENT_KINDS and not fact.events:
            fact.events = _events(text, stated.share_end or stated.end, _reach(narrative, stated),
                                  _EVENT_KINDS[fact.topic])
        for m in COUNT_RE.finditer(text, stated.share_end or stated.end, _reach(narrative, stated)):
            fact.counts.append(_count(narrative, m, file))
            used.add(m.start("n"))
    for start, end, topic, keys in _counted_items(narrative):
        found = [m for m in COUNT_RE.finditer(text, start, end) if m.start("n") not in used]
        if not found:
            continue
        mine = [(s, f) for s, f in pairs if f.topic == topic and f.key in keys]
        target = next((f for s, f in mine if start <= s.start < end), None) or \
            next((f for s, f in reversed(mine) if s.start < start), None)
        if target is None:
            continue
        for m in found:
            target.counts.append(_count(narrative, m, file))
            used.add(m.start("n"))


def _count(narrative: Narrative, m: re.Match[str], file: str) -> StatedCount:
    label = _LABEL_FILLER_RE.sub("", m.group("label")) or m.group("filler")  # ``累计0人次``
    line = narrative.span.line_at(m.start("n"))
    context = narrative.contexts.get(line.lineno)
    return StatedCount(label=label, count=Decimal(m.group("n")), unit=m.group("unit"),
                       provenance=prov(file, line, context.label if context else None, label or None))


def _reach(narrative: Narrative, stated: Stated) -> int:
    """Where the words about ``stated`` end: the next amount, heading or two sentences on."""
    text = narrative.span.text
    after = [s.start for s in narrative.amounts if s.start > stated.end]
    end = min(after, default=len(text))
    last = narrative.sentence_of(stated.end) + _MAX_SENTENCES
    if last < len(narrative.sentence_starts):
        end = min(end, narrative.sentence_starts[last])
    for index, line_start in enumerate(narrative.span.starts):
        if stated.end < line_start < end and heading_of(narrative.span.lines[index]) is not None:
            return line_start
    return end


def _counted_items(narrative: Narrative) -> list[tuple[int, int, str, tuple[str, ...]]]:
    """(start, end, topic, keys) of every numbered item whose title names one countable expense."""
    heads = [(narrative.span.starts[i], heading_of(line)) for i, line in enumerate(narrative.span.lines)]
    heads = [(start, head) for start, head in heads if head is not None]
    out = []
    for n, (start, head) in enumerate(heads):
        named = [(topic, keys) for pattern, topic, keys in _ITEM_TOPICS if pattern.search(head.title)]
        if len(named) != 1 or not head.marker or re.search(r"\d", head.title) or len(head.title) > 24:
            continue  # a chapter naming several expenses, or a line stating figures (``2.车辆 2辆，价值…``)
        end = next((s for s, h in heads[n + 1:] if h.level <= head.level), len(narrative.span.text))
        out.append((start, end, *named[0]))
    return out
