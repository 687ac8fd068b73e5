"""Asset values the 国有资产 chapter states with no count: a class of assets and what it is worth.

    3.办公家具价值 53.23万元。4.其他资产价值 5,248.80万元。                                   (Xinjiang)
    本单位固定资产总量为4295.98万元，房屋和构筑物3773.63万元，占固定资产总额的87.84%；      (Jilin)
    本部门固定资产金额10,884.06万元，分布构成情况为：…本年度拟购置固定资产9万元            (Guangdong)

``kg.extract.narrative.assets`` reads a count (``N辆``, ``N台（套）``, ``N平方米``) with the value
printed after it; a class printed by its value alone (furniture, other assets, the whole of the fixed
assets and its classes) has no count for that reader to start from, so it was nowhere in the record.
Here a money amount is read with the words before it as its class when those words end in a class
of assets (资产, 房屋, 构筑物, 设备, 家具, 用具, 土地 …) and the amount stands in the chapter on assets;
the share printed after it (``占固定资产总额的87.84%``) is kept, and the date the chapter states
(``截至2025年12月31日``) is the holding's; each printed share is checked against the class's value ÷ the
whole's (``share_percent``, graded as every narrative share is). The value printed after a count (``车辆 2辆，价值 31.56万元``) is
that reader's, never read here.
"""
from __future__ import annotations

import re
from decimal import Decimal

from kg.extract.model import AssetHolding, Check, Provenance, Record
from kg.extract.narrative.facts import in_record_unit
from kg.extract.narrative.statements import NUM, Narrative
from kg.extract.narrative.text import money
from kg.extract.rules import register_checks

# ``<class>[价值|原值|净值|金额|总量|总额|总值|账面价值][为|是|共计] X万元``: the class is the words after
# the last clause break, ending in a word of asset classes
_CLASS = r"(?:资产|房屋|构筑物|设备|家具|用具|装具|土地|车辆|图书|档案|文物|陈列品)"
_VALUE_RE = re.compile(r"(?P<words>[^，,。；;：:、\d]{0,30}?" + _CLASS + r")(?:的)?"
                       r"(?:账面)?(?:价值|原值|净值|金额|总量|总额|总值|合计)?(?:为|是|共计|共|达)?\s*"
                       + NUM + r"\s*(?P<unit>万元|元)(?![/／]|以上|以下|[（(]含[)）])")
_SHARE_RE = re.compile(r"^[，,]?\s*占[^，,。；;%％]{0,14}?的?\s*(\d+(?:\.\d+)?)\s*[%％]")
_PLANNED_RE = re.compile(r"拟购置|计划购置|安排购置|拟新增|新增配置|拟配置")
# numbering and lead words before the class (``3.``, ``其中：``, ``本单位``, ``分布构成情况为：``)
_LEAD_RE = re.compile(r"^(?:\d+[.．、]|[（(][一二三四五六七八九十\d]+[)）]|其中|本部门|本单位|部门|单位|共有|实有|现有|"
                      r"本年度|当年|年度|\d{4}年(?:度)?|[^，,。；;]*?(?:局|委|办|院|厅|中心|部)(?=固定资产|国有资产|资产))+")
_AS_OF_RE = re.compile(r"(?:截至|截止)\s*(\d{4}\s*年\s*(?:\d{1,2}\s*月)?\s*(?:\d{1,2}\s*日)?(?:底|末)?)")
# a class whose words say it is no holding: a planned investment, a purchase, a disposal
_NOT_HELD_RE = re.compile(r"处置|报废|出租|出借|投资|购建|维修|维护|运行|采购|政府|预算|支出|经费|资金|收入")


def _class_of(words: str) -> str | None:
    """The printed class (办公家具, 其他资产, 固定资产, 房屋和构筑物 …) of the words before an amount,
    without the numbering and the lead words; None where nothing of a class is left."""
    text = _LEAD_RE.sub("", words.strip(" .．、:：，,"))
    text = re.sub(r"^.*(?:拟购置|计划购置|安排购置|拟新增|新增配置|拟配置|情况为|构成为|包括|其中)[：:]?", "", text)
    text = text.strip(" ：:的")
    if not text or not re.search(_CLASS + "$", text) or _NOT_HELD_RE.search(text):
        return None
    return text


def chapter_date(narrative: Narrative, offset: int) -> str | None:
    """The last ``截至…`` date stated before ``offset`` in the same chapter (the date a holding stands at)."""
    context = narrative.context_at(offset)
    if context is None:
        return None
    found = None
    for m in _AS_OF_RE.finditer(narrative.span.text, 0, offset):
        there = narrative.context_at(m.start())
        if there is not None and there.chapter == context.chapter:
            found = re.sub(r"\s+", "", m.group(1))
    return found


def in_asset_chapter(narrative: Narrative, offset: int) -> bool:
    """Whether ``offset`` stands in the chapter (or sub-chapter) on the state's assets."""
    context = narrative.context_at(offset)
    return context is not None and "资产" in (context.chapter + context.sub)


def read_asset_values(narrative: Narrative, record: Record) -> list[AssetHolding]:
    """Every class of assets the asset chapter states by its value alone (see the module docstring)."""
    text = narrative.span.text
    out: list[AssetHolding] = []
    seen: set[tuple[str, bool]] = set()
    for m in _VALUE_RE.finditer(text):
        if not in_asset_chapter(narrative, m.start()):
            continue
        kind = _class_of(m.group("words"))
        if kind is None:
            continue
        start, sentence = narrative.sentence_text(narrative.sentence_of(m.start()))
        planned = bool(_PLANNED_RE.search(text[max(start, m.start() - 20):m.start(2)]))
        if (kind, planned) in seen:
            continue
        value = in_record_unit(money(m.group(2)), m.group("unit"), record.unit)
        if value is None:
            continue
        seen.add((kind, planned))
        holding = AssetHolding(kind=kind, value=value, planned=planned)
        share = _SHARE_RE.match(text[m.end():m.end() + 30])
        if share:
            holding.share = Decimal(share.group(1))
        holding.as_of = None if planned else chapter_date(narrative, m.start())
        line = narrative.span.line_at(m.start())
        context = narrative.contexts.get(line.lineno)
        holding.provenance = Provenance(file=record.source, page=line.page, line=line.lineno,
                                        table=context.label if context else None, row=kind)
        out.append(holding)
    return out


def is_whole(kind: str) -> bool:
    """Whether a class is the whole of the assets (固定资产, 国有资产, 资产总额), not one class of them."""
    return bool(re.fullmatch(r"(?:固定|国有)?资产(?:总额|总量|总值|合计)?", kind))


@register_checks("narrative.assets", "资产占比核对")
def asset_share_checks(parts, record: Record) -> list[Check]:
    """share_percent: each class printed with its share (房屋和构筑物3773.63万元，占固定资产总额的87.84%)
    against its value ÷ the whole the chapter states (固定资产总量为4295.98万元)."""
    from kg.extract.narrative.audit import percent_check  # audit imports the narrative readers

    held = [a for a in record.assets if a.count is None and not a.planned and a.value is not None]
    whole = next((a for a in held if is_whole(a.kind)), None)
    if whole is None or not whole.value:
        return []
    out = []
    for a in held:
        if a.share is None or a is whole:
            continue
        where = f"{a.provenance.table if a.provenance and a.provenance.table else '说明'} {a.kind} 占{whole.kind}的比例"
        check = percent_check("share_percent", where, a.value, whole.value, format(a.share, "f"), a.provenance,
                              f"{a.kind}{a.value}÷{whole.kind}{whole.value}")
        if check is not None:
            out.append(check)
    return out
