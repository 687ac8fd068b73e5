"""国有资产占有使用情况: vehicles by type, 房屋, large equipment — held, and planned purchases.

    共有车辆3辆，其中：部级领导干部用车0辆、…执法执勤用车3辆、…其他用车0辆；单价100万元（含）以上设备
    （不含车辆）0台（套）。2026年部门预算安排购置车辆0辆，其中：…                           (Shanghai)
    2.车辆 2辆，价值 31.56万元；其中：一般公务用车 0辆，价值 0.00万元；…                 (Xinjiang)
    实有车辆 15 辆，其中，部级领导干部用车 1 辆、机要通信用车 2 辆、…                      (central)

Each count (``N辆``, ``N台（套）``, ``N平方米``) is read with the words before it as its kind, the
``价值 X万元`` printed with it, and whether the sentence plans a purchase (安排购置) rather than
states a holding. Only kinds of assets are kept (vehicles, equipment, buildings), so counts in
performance targets (``采购设备322件``) and elsewhere stay out; each kind is taken once per
holding/purchase (the first statement).
"""
from __future__ import annotations

import re

from kg.extract.model import AssetHolding, Provenance, Record
from kg.extract.narrative.asset_values import chapter_date, read_asset_values
from kg.extract.narrative.facts import in_record_unit
from kg.extract.narrative.statements import NUM, Narrative
from kg.extract.narrative.text import money

_COUNT_RE = re.compile(r"(?P<kind>[^，,。；;：:、\d]{1,30}?)(?P<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?P<unit>辆|台[（(]套[)）]|台|套|平方米)")
# ``，价值 31.56万元`` after a count, or its amount printed beside it (``计划购置车辆 0 辆、0.00 万元``)
_VALUE_RE = re.compile(r"^(?:[，,]?\s*(?:账面)?(?:价值|原值|净值)(?:为)?|、)\s*" + NUM + r"\s*(万元|元)(?![/／]|以上|以下)")
_VALUE_BEFORE_RE = re.compile(r"价值" + NUM + r"(万元|元)(?:（含）|\(含\))?(?:以上|及以上)?(?:的)?")
_ASSET_KIND_RE = re.compile(r"车辆|用车|公务车|机动车$|设备|房屋|办公用房|业务用房|土地")
_PLANNED_RE = re.compile(r"安排.{0,4}购置|拟购置|计划购置|购置(?:车辆|设备|单位价值|单价)|新增(?:配置|配备)?(?:车辆|设备|公务用车)"
                         r"|拟新增")
_LEAD_RE = re.compile(r"^(?:\d+[.．、]|[（(][一二三四五六七八九十\d]+[)）]|其中|共有|实有|现有|合计|共计|部门|单位|本部门|本单位|"
                      r"[^，,。；;]*?截至[^，,。；;]*?(?:底|末|日)[，,]?|[^，,。；;]*?(?:局|委|办|院|厅|中心|部)(?=共有|实有|现有))+")
_THRESHOLD_RE = re.compile(r"(?:单位|单件)?(?:价值|单价)在?" + NUM + r"万元(?:（含）|\(含\))?(?:以上|及以上)")


def _kind(words: str) -> tuple[str, str | None]:
    """(kind, threshold) of the words before a count: ``其中：一般公务用车`` -> 一般公务用车;
    ``单价100万元（含）以上设备（不含车辆）`` -> 设备, 单价100万元（含）以上."""
    threshold = _THRESHOLD_RE.search(words)
    text = _LEAD_RE.sub("", words.lstrip(".．、:：，, "))
    text = re.sub(r"[（(]不含车辆[)）]", "", text)
    text = _THRESHOLD_RE.sub("", text).lstrip("的")
    if "设备" in text:
        return "设备", threshold.group(0) if threshold else None
    if re.search(r"房屋|用房", text):
        return "房屋", None
    # a vehicle type is the words after the last verb or list word (``…共有车辆`` -> 车辆,
    # ``2026年拟新增配置公务用车`` -> 公务用车)
    text = re.sub(r"^.*(?:共有|实有|现有|保有量?为?|安排购置|拟新增配置|新增配置|拟购置|计划购置|购置|其中[：:，,]?|说明|情况)",
                  "", text)
    text = re.sub(r"^(?:年|数|量为|当年)+", "", text)
    # every vehicle, however the document words the whole fleet (``固定资产账上共有机动车3辆``)
    return ("车辆" if text in ("", "机动车", "汽车", "车") else text), None


def read_assets(narrative: Narrative, record: Record) -> list[AssetHolding]:
    """Every asset count of the narrative (see the module docstring)."""
    text = narrative.span.text
    out: list[AssetHolding] = []
    seen: set[tuple[str, str | None, bool]] = set()
    for m in _COUNT_RE.finditer(text):
        words = m.group("kind")
        if not _ASSET_KIND_RE.search(words):
            continue
        start, sentence = narrative.sentence_text(narrative.sentence_of(m.start()))
        planned = bool(_PLANNED_RE.search(text[start:m.end()]))
        clause = re.split(r"[，,。；;：:、]", text[max(0, m.start("n") - 40):m.start("n")])[-1]
        kind, threshold = _kind(words)
        if threshold is None and kind == "设备":  # ``单位价值100万元以上的设备``: the limit is before the digits
            found = _THRESHOLD_RE.search(clause)
            threshold = found.group(0) if found else None
        if kind in ("设备",) and threshold is None and not planned:
            # ``设备`` with no threshold: a general equipment count is only an asset in an asset chapter
            context = narrative.context_at(m.start())
            if context is None or "资产" not in (context.chapter + context.sub):
                continue
        if (kind, threshold, planned) in seen:
            continue
        seen.add((kind, threshold, planned))
        holding = AssetHolding(kind=kind, count=money(m.group("n")), count_unit=m.group("unit"),
                               planned=planned, threshold=threshold)
        value = _VALUE_RE.match(text[m.end():m.end() + 30])
        if value:
            holding.value = in_record_unit(money(value.group(1)), value.group(2), record.unit)
        as_of = re.search(r"(?:截至|截止)(\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?(?:底|末)?)", sentence)
        # a holding stands at the date its chapter states, where its own sentence states none
        holding.as_of = None if planned else (as_of.group(1) if as_of else chapter_date(narrative, m.start()))
        line = narrative.span.line_at(m.start())
        context = narrative.contexts.get(line.lineno)
        holding.provenance = Provenance(file=record.source, page=line.page, line=line.lineno,
                                        table=context.label if context else None, row=kind)
        out.append(holding)
    out.extend(_none_planned(narrative, record, seen))
    out.extend(read_asset_values(narrative, record))  # the classes stated by their value alone
    return out


# ``2026年部门预算未安排购置车辆`` / ``未安排购置车辆经费``: a planned purchase of none, said in words
_NONE_PLANNED_RE = re.compile(r"(?:未|没有|不)(?:安排|计划)?(?:购置|购买|新增配置|配置)(?P<kind>车辆|公务用车)")


def _none_planned(narrative: Narrative, record: Record, seen: set) -> list[AssetHolding]:
    """The planned purchase of no vehicles a sentence states without a count, unless a count of
    planned vehicles was read already."""
    if any(planned and kind != "设备" for kind, _threshold, planned in seen):
        return []
    m = _NONE_PLANNED_RE.search(narrative.span.text)
    if m is None:
        return []
    line = narrative.span.line_at(m.start())
    context = narrative.contexts.get(line.lineno)
    return [AssetHolding(kind="车辆", count=money("0"), count_unit="辆", planned=True,
                         provenance=Provenance(file=record.source, page=line.page, line=line.lineno,
                                               table=context.label if context else None, row="车辆"))]
