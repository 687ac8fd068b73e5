"""The counts the narrative states beside a figure: how many people, times, days, groups or
vehicles an amount pays for.

    会议费预算5.6万元，拟召开…会议，人数约400人；培训费预算10万元，…培训，人数约800人      (长沙)
    公务接待费支出0.16万元，…共接待国外来访团组0个，来访外宾0人次；发生国内接待1次，接待人数共13人  (佛山 决算)
    公务用车购置支出为0万元，2019年公务用车购置数0辆                                      (佛山 决算)
    会议费…召开会议12次，参会人员1200人，会期2天                                          (any province)

A count belongs to the figure printed before it, up to the next figure of the narrative, the next
heading, or two sentences on (a 决算's 公务接待 counts follow the amount in the next sentence).
Only figures that pay for countable things carry counts (三公 and its parts, 会议费, 培训费): a
project's indicators (``培训5期``) are read by the performance-table reader, not here.

Each count keeps the words that name it as printed (``人数``, ``接待国外来访团组``, ``来访外宾``,
``发生国内接待``), its number and its unit (人, 人次, 次, 个, 批次, 天, 期, 辆).
"""
from __future__ import annotations

import re
from decimal import Decimal

from kg.extract.model import StatedCount
from kg.extract.narrative.outline import heading_of
from kg.extract.narrative.statements import Narrative, Stated
from kg.extract.narrative.text import prov

COUNTED_TOPICS = {"three_public", "meetings", "training"}
COUNT_RE = re.compile(r"(?P<label>[^，,。；;：:、\d（）()]{0,14}?)(?P<filler>(?:共计|合计|累计|共|约|为|达|计)*)"
                      r"(?P<n>\d{1,7})(?P<unit>人次|人天|批次|人|次|个|天|期|辆|场|批)"
                      r"(?!单位|月|日|号|年|项|部门|万|元|%|％|以上|以下|（含|\(含)")
_LABEL_FILLER_RE = re.compile(r"^(?:个单位|个|年|月|日|其中|另|并|全年|共|约|拟|计划|预计|预算)+|(?:共计|合计|共|约|为|达|计|的)+$")
_MAX_SENTENCES = 2


def stated_counts(narrative: Narrative, stated: Stated, topic: str, file: str) -> list[StatedCount]:
    """The counts printed after ``stated`` (see the module docstring); none for other topics."""
    if topic not in COUNTED_TOPICS:
        return []
    text = narrative.span.text
    start = stated.share_end or stated.end
    end = _reach(narrative, stated)
    out: list[StatedCount] = []
    for m in COUNT_RE.finditer(text, start, end):
        label = _LABEL_FILLER_RE.sub("", m.group("label")) or m.group("filler")  # ``累计0人次``
        line = narrative.span.line_at(m.start("n"))
        context = narrative.contexts.get(line.lineno)
        where = prov(file, line, context.label if context else None, label or None)
        out.append(StatedCount(label=label, count=Decimal(m.group("n")), unit=m.group("unit"), provenance=where))
    return out


def _reach(narrative: Narrative, stated: Stated) -> int:
    """Where the words about ``stated`` end: the next figure, heading or two sentences on."""
    text = narrative.span.text
    after = [s.start for s in narrative.amounts if s.start > stated.end and s.role in ("figure", "change", "baseline")]
    end = min(after, default=len(text))
    sentence = narrative.sentence_of(stated.end)
    last = sentence + _MAX_SENTENCES
    if last < len(narrative.sentence_starts):
        end = min(end, narrative.sentence_starts[last])
    for index, line_start in enumerate(narrative.span.starts):
        if stated.end < line_start < end and _is_heading(narrative, index):
            end = line_start
            break
    return end


def _is_heading(narrative: Narrative, index: int) -> bool:
    return heading_of(narrative.span.lines[index]) is not None
