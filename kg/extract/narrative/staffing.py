"""人员情况: the staffing counts and their kinds, in every province's wording.

    编制数22，实有人数51人，其中：在职22人，增加2人；退休29人，…离休0人。            (Xinjiang)
    人员编制125人，其中行政编制111人，事业编制14人；实有人员119人，其中行政108人，…
    单位管理的离退休人员104人。                                                  (Xi'an)
    编制339名，其中行政编制199名、行政附属编制104名、事业编制36名。实际在编在职人员274名，
    离退休人员150名。                                                            (Jiangsu)
    编制在职人员共有145人，其中参公人员47人、事业单位人员98人。                      (Xi'an 气象)

A count names what it counts (编制, 实有, 在职, 退休, 离休, 离退休); the kinds listed after its
其中 (行政, 事业, 工勤, 参公, 行政附属 …) are that count's parts (``Staffing.by_kind``). A change in a
count (``增加2人``) is not a count: it is that count's change from the year before (``Staffing.changes``,
signed: 在职29人，减少3人 -> -3). The counts are read in a window from the first one, so a
``在职`` elsewhere (a reason: ``减少在职人员1名``) is not taken.
"""
from __future__ import annotations

import re

from kg.extract.model import Provenance, Staffing
from kg.extract.narrative.text import Span

_COUNT_RE = re.compile(
    r"(?P<what>人员编制数?|编制(?:数|人数)|(?<!在编)编制(?!在职)|实有(?:人数|人员)|实际在编在职人员|在编在职人员|编制在职人员|"
    r"在职(?:人员|职工)?|离退休(?:人员|干部)?|(?<!离)退休(?:人员)?|离休(?:人员|干部)?)"
    r"(?:共有|共计|共|为|总数|数)?(?P<n>\d+)(?P<unit>人|名)?(?![\d.,万元])")
_COUNT_NOUN_RE = re.compile(r"(?:编制(?:数|人数)|实有人数)$")  # a count without 人 (``编制数22，``)
_KIND_RE = re.compile(r"(?P<kind>行政附属|行政|事业|工勤|参公|参照公务员法管理|机关)(?:编制|单位人员|人员)?(?P<n>\d+)(?:人|名)")
_CHANGE_BEFORE_RE = re.compile(r"(?:增加|减少|调出|调入|增|减|新增)$")
_FIELDS = {"编制": "authorized", "实有": "actual", "在职": "active", "在编在职": "active", "退休": "retired",
           "离休": "retired_veteran", "离退休": "retirees"}
# the printed name of each count, as ``by_kind`` and the JSON name it
COUNT_NAMES = {"authorized": "编制数", "actual": "实有人数", "active": "在职", "retired": "退休",
               "retired_veteran": "离休", "retirees": "离退休"}
_WINDOW = 240
# a count's change stated right after it (``在职 29 人，减少 3 人``, ``在职22人，比上年增加2人``)
_CHANGE_AFTER_RE = re.compile(r"[，,]?(?:比上年|较上年|与上年相比|同比)?[，,]?(?P<dir>增加|减少|新增|增|减)(?P<n>\d+)(?:人|名)")


def _field(what: str) -> str:
    if what.startswith("离退休"):
        return "retirees"
    if "在职" in what:
        return "active"
    if what.startswith("离休"):
        return "retired_veteran"
    if "退休" in what:
        return "retired"
    if what.startswith("实有"):
        return "actual"
    return "authorized"


def _is_count(text: str, m: re.Match[str]) -> bool:
    """A head count: ``…N人/名`` (or ``编制数N``), not a change (``增加2人``) nor money (``离退休 929.97万元``)."""
    if _CHANGE_BEFORE_RE.search(text[max(0, m.start() - 3):m.start()]):
        return False
    return bool(m.group("unit")) or bool(_COUNT_NOUN_RE.search(m.group("what")))


def _window(text: str, start: int) -> str:
    """The staffing sentences: the first count's sentence and the ones right after it that open
    with a count (``单位管理的离退休人员104人。``), so a subordinate unit's counts further on stay out."""
    sentence_start = max(text.rfind("。", 0, start) + 1, start)
    out = ""
    position = sentence_start
    for index in range(4):
        end = text.find("。", position)
        end = len(text) if end < 0 else end + 1
        sentence = text[position:end]
        if index > 0 and not any(_is_count(sentence, m) and m.start() < 40 for m in _COUNT_RE.finditer(sentence)):
            break
        out += sentence
        position = end
    return out[:_WINDOW * 2]


def read_staffing(span: Span, file: str = "") -> Staffing:
    """The staffing counts the text states (first statement of each), with their kinds."""
    staffing = Staffing()
    text = span.text
    first = next((m for m in _COUNT_RE.finditer(text) if _is_count(text, m)), None)
    if first is None:
        return staffing
    window = _window(text, first.start())
    offset = first.start()
    current: str | None = None  # the count whose 其中 list is being read
    current_end = 0
    position = 0
    while position < len(window):
        m = _COUNT_RE.search(window, position)
        k = _KIND_RE.search(window, position)
        # the earlier of the two matches wins; a kind only counts inside a 其中 list
        if m is None and k is None:
            break
        if k is not None and (m is None or k.start() < m.start()) and current is not None \
                and "其中" in window[current_end:k.start()] and not _CHANGE_BEFORE_RE.search(window[:k.start()]):
            name = COUNT_NAMES[current]
            kinds = staffing.by_kind.setdefault(name, {})
            kinds.setdefault(k.group("kind"), int(k.group("n")))
            where = span.line_at(offset + k.start())
            staffing.provenance.setdefault(f"{name}.{k.group('kind')}",
                                           Provenance(file=file, page=where.page, line=where.lineno, row=name))
            position = k.end()
            continue
        if m is None:
            position = k.end()
            continue
        if not _is_count(window, m):
            position = m.end()
            continue
        attr = _field(m.group("what"))
        if getattr(staffing, attr) is None:
            setattr(staffing, attr, int(m.group("n")))
            where = span.line_at(offset + m.start())
            staffing.provenance[COUNT_NAMES[attr]] = Provenance(file=file, page=where.page, line=where.lineno,
                                                                row=COUNT_NAMES[attr])
            changed = _CHANGE_AFTER_RE.match(window, m.end())
            if changed is not None:  # 在职22人，增加2人: the change from the year before, signed
                n = int(changed.group("n"))
                staffing.changes[COUNT_NAMES[attr]] = -n if changed.group("dir").startswith("减") else n
                where = span.line_at(offset + changed.start("n"))
                staffing.provenance[f"{COUNT_NAMES[attr]}.变动"] = Provenance(
                    file=file, page=where.page, line=where.lineno, row=COUNT_NAMES[attr])
        # a 其中 list right after this count lists its kinds (在职 inside 实有's list is a count)
        if attr in ("authorized", "actual") or (attr == "active" and current != "actual"):
            current, current_end = attr, m.end()
        position = m.end()
    return staffing
