"""部门概况: 主要职能, divisions (科室/处室/内设机构), staffing (编制数, 实有人数, 在职, 退休, 离休),
subordinate units.

Every province words this part its own way, so the reader knows several phrasings and takes the
first that matches:

* a sentence with the list: ``下设 7个处室，分别是：办公室、…。`` (Xinjiang), ``机关设9个内设机构，
  包括：办公室、…。`` (Shanghai), ``内设机构包括省政协办公厅、研究室和 10个专门委员会，`` and
  ``下设办公厅、研究室和3 个专门委员会、…，`` (Jiangsu);
* a numbered list under a heading line: ``（一）机关内设机构`` + ``1、办公室`` ``2、组织人事处`` …;
* subordinate units the same way (``下属事业单位包括：…等。``, ``（二）下属差额拨款事业单位`` + list)
  and the budget units the budget covers (``具体包括：1.区司法局本部 2.区法律援助中心``), the
  department itself (``本级``, ``本部``) left out.

Sentences are matched on the joined, compacted text, since they wrap mid-word (``办\\n公室``);
lists are matched line by line, since each item is a line of its own. Staffing counts are read in
the sentence window that starts at the first ``编制`` count, so a ``在职`` elsewhere is not taken.
"""
from __future__ import annotations

import re

from kg.extract.model import Profile, Staffing, UnitCount
from kg.extract.narrative.staffing import read_staffing
from kg.extract.narrative.text import compact, make_span
from kg.extract.narrative.unit_counts import read_unit_counts
from kg.extract.source import Line

_ORGANS = r"(?:内设机构|职能科室|科室|处室|股室|机构|部门|科|处|室)"
_LIST_INTRO = r"[，,：:]?(?:分别(?:是|为)|具体(?:包括|为)|包括|即)?[：:]?"
_INTRO = r"(?:[，,]?(?:分别是|分别为|具体包括|包括|如下|为)[：:]?|[：:])"
_DIVISION_SENTENCES = [
    # ``32个内设机构具体包括：…`` (Beijing), ``处室分别是：…`` (Guangzhou), ``设下列内设机构：…`` (Zhuhai)
    re.compile(r"(?:\d+个)?(?:内设机构|内设处室|职能处室|处室|科室)(?:\d+个)?(?:具体)?" + _INTRO
               + r"([^，,。；;]+、[^，,。；;]+)(?:[。；;，,]|$)"),
    re.compile(rf"(?:下设|内设|设有|设)(\d+|[一二三四五六七八九十两]+)个(?:内设)?{_ORGANS}{_LIST_INTRO}(.+?)[。；;]"),
    re.compile(r"内设机构(?:包括|有|为)[：:]?([^，,。；;]*、[^，,。；;]*)"),
    re.compile(r"(?:下设|机关设)([^，,。；;：:]*、[^，,。；;]*)"),
]
_SUBORDINATE_SENTENCES = [
    # ``12个直属事业单位具体包括：…``, ``下设二级预算单位4个，分别是：…``, ``有2个下属单位，分别是：…``,
    # ``下设直属事业单位6个，分别为…``, ``下属单位具体包括：…``
    re.compile(r"(?:\d+个)?(?:直属|下属|所属|二级)(?:事业)?(?:预算)?单位(?:\d+个)?(?:具体)?"
               r"(?:[，,]?(?:分别是|分别为|具体包括)[：:]?|[，,]?包括[：:]|[：:])(.+?)[。；;]"),
    re.compile(rf"下属(?:预算)?单位(?:共|有)?(\d+)个{_LIST_INTRO}(.+?)[。；;]"),
    re.compile(r"下属[^，,。；;：:]{0,8}单位(?:包括|有|为)[：:]?(.+?)[。；;]"),
    # ``1 个非独立核算参公单位：深圳市财政国库支付中心。``
    re.compile(r"(?:\d+|[一二三四五六七八九十两]+)\s*个[^，,。；;：:个]{0,12}单位[：:](.+?)[。；;]"),
]
# 派出机构 (a department's dispatched offices: 珠海商务局's 口岸分局, 江苏高院's 铁路运输法院) are units of the
# department as its subordinates are: the list after the word (``派出机构包括：…``), or before it
# (``拱北口岸分局、…、青茂口岸分局，为珠海市商务局派出机构。``)
_DISPATCHED_SENTENCES = [
    re.compile(r"派出机构(?:\d+个)?(?:具体)?(?:[，,]?(?:分别是|分别为|具体包括)[：:]?|[，,]?包括[：:]?|[：:])(.+?)[。；;]"),
    re.compile(r"(?:^|[。；;：:])([^。；;：:]+?)[，,]?(?:均|都)?(?:为|是|系)[^。；;，,、]{0,20}派出机构[。；;]"),
    # (西安市审计局's ``设4个派出审计处，分别为：…`` are left out: one word names all four, and the
    # question service reads such a word as the units themselves, not as a set of the department's)
]
# A subordinate unit named alone (``下属单位包括：苏州市经济责任审计中心（非独立编制预算单位）。``) is taken
# where the name ends as an organisation's does; a list of one is otherwise too easily prose.
_ORGANISATION_END = re.compile(r"(?:中心|所|站|院|队|馆|局|校|会|社|台|园|场|厂|公司|办公室|监狱)(?:[（(][^）)]*[）)])?$")
_ITEM_RE = re.compile(r"^(?:\d{1,2}|[（(]\d{1,2}[)）])[、.．]?(?=\D)(.+)$")
_PAGE_RE = re.compile(r"^[-—–]*\d{1,3}[-—–]*$")
_SELF_RE = re.compile(r"本级|本部|机关$|机关（本级）|（本级）|\(本级\)")


def _profile_lines(lines: list[Line]) -> list[Line]:
    """The lines of 第一部分 (部门概况) where the document labels it (the longest such part: the table
    of contents names it too), else every line (the phrasings below are anchored well enough not
    to match a table or the 说明)."""
    parts: list[list[Line]] = []
    inside = False
    for line in lines:
        text = compact(line.text)
        if re.match(r"^第[一二三四五六七八九十]+部分", text):
            inside = "概况" in text
            if inside:
                parts.append([])
            continue
        if inside:
            parts[-1].append(line)
    longest = max(parts, key=len, default=[])
    return longest if len(longest) > 3 else list(lines)


def _names(listed: str) -> list[str]:
    """A printed enumeration (``A、B和C等``) as names; brackets inside a name are kept."""
    out: list[str] = []
    depth = 0
    current = ""
    for ch in listed:
        depth += ch in "（(【[" and 1 or 0
        depth -= ch in "）)】]" and 1 or 0
        if depth == 0 and ch in "、，,":
            out.append(current)
            current = ""
        else:
            current += ch
    out.append(current)
    names: list[str] = []
    for name in out:
        name = re.sub(r"等$", "", name.strip())
        # ``研究室和10个专门委员会``: the last two items joined by 和/及
        if "（" in name or "(" in name:  # ``办公室（与党组纪检组及人事教育处合署办公）`` is one name
            names.append(name)
            continue
        names.extend(part for part in re.split(r"(?<=[室厅处科局部会组队院站所心])(?:和|及)", name) if part)
    return [n for n in names if n]


_NAME_MAX = 40  # a division's or a unit's name; a longer "name" is prose the pattern ran into


_NUMBERED_RUN_RE = re.compile(r"(?<![\d.])1[、.．]\D.*?(?<![\d.])2[、.．]\D")


def _sentence_list(text: str, patterns: list[re.Pattern[str]], one_organisation: bool = False) -> list[str]:
    """The first enumeration a pattern finds in the joined text. A run of numbered items (``1、A2、B``)
    is a list printed one item per line that the join flattened: its items cannot be told from the
    numbers and the line after it, so it is left to :func:`_numbered_list`, which reads it by line."""
    for pattern in patterns:
        for m in pattern.finditer(text):
            if _NUMBERED_RUN_RE.search(m.group(m.lastindex or 1)):
                continue
            names = _names(m.group(m.lastindex or 1))
            if any(len(name) > _NAME_MAX or re.search(r"\d{3,}", name) for name in names):
                continue
            if names and (len(names) > 1 or m.lastindex == 2 or
                          (one_organisation and _ORGANISATION_END.search(names[0]))):
                return names
    return []


def _numbered_list(lines: list[Line], heading: re.Pattern[str]) -> list[str]:
    """The items ``1、办公室`` printed one per line under the first heading line matching ``heading``."""
    for i, line in enumerate(lines):
        text = compact(line.text)
        if not heading.search(text) or len(text) > 30 or _ITEM_RE.match(text):
            continue
        items: list[str] = []
        for follow in lines[i + 1:]:
            item_text = compact(follow.text)
            if _PAGE_RE.match(item_text):
                continue
            m = _ITEM_RE.match(item_text)
            if not m:
                break
            items.append(re.split(r"[，,。；;]", m.group(1))[0])
        if items:
            return items
    return []


_RAW_ITEM_RE = re.compile(r"^\s*(?:\d{1,2}|[（(]\d{1,2}[)）])\s*[、.．]?\s*(?=\D)(\S.*)$")
_HEADING_RE = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|第.{1,3}部分|名词解释)")


def _item_name(text: str) -> str:
    """A list item's name: up to the first comma or space (``2 …财政所 预算不单列`` keeps the name)."""
    return re.split(r"[，,。；;\s]", text.strip())[0]


def _budget_units(lines: list[Line]) -> list[str]:
    """The units the budget covers, other than the department itself: ``…单位包括：`` or ``具体包括：``
    followed by an enumeration (inline ``A（本级）、B。``, or numbered items one per line, wrapped
    lines and a ``序号 单位名称`` header row skipped)."""
    for i, line in enumerate(lines):
        text = compact(line.text)
        m = re.search(r"(?:具体包括|单位(?:共计?\d+家)?[，,]?包括)[：:](.*)$", text)
        if not m or re.search(r"内设机构|处室|科室|机构$", text[max(0, m.start() - 12):m.start()]):
            continue  # a list of divisions, not of budget units
        rest = m.group(1)
        items: list[str] = []
        if rest and not _ITEM_RE.match(rest):
            sentence = re.split(r"[。；;]", rest + "".join(compact(x.text) for x in lines[i + 1:i + 4]))[0]
            items = _names(sentence)
        else:
            raw = ([line.text.split("：")[-1].split(":")[-1]] if rest else []) + [x.text for x in lines[i + 1:i + 40]]
            for candidate in raw:
                short = compact(candidate)
                if _PAGE_RE.match(short) or (not items and "名称" in short):
                    continue
                item = _RAW_ITEM_RE.match(candidate)
                if item:
                    items.append(_item_name(item.group(1)))
                elif not items or _HEADING_RE.match(short) or len(short) <= 8:
                    break  # a wrapped item's tail is long; a heading or a title ends the list
        if items:
            return [u for u in items if not _SELF_RE.search(u)]
    return []


_LIST_AFTER_COUNT_RE = re.compile(r"[，,]?(?:分别为|分别是|具体包括|具体为|包括|即)[：:]?(.+?)[。；;]")


def _counted_names(count: UnitCount, text: str, lines: list[Line]) -> list[str]:
    """The names of the units a count counts, where the document lists them: right after the count's
    clause (``下辖区县气象局8个，分别为阎良区气象局、…。``), else one per line under a heading naming the
    kind (``（三）派出机构`` + ``1、徐州铁路运输法院``). Why only as many as the count: a list of another
    length is another list (a sentence going on to name divisions) or a partial one — the count stays
    the document's, the names are not guessed. A count of every unit covered lists the department itself
    too (``江苏省高级人民法院机关（本级）``), as printed."""
    at = text.find(count.text) if count.text else -1
    names: list[str] = []
    if at >= 0:
        m = _LIST_AFTER_COUNT_RE.match(text, at + len(count.text))
        if m and not _NUMBERED_RUN_RE.search(m.group(1)):
            names = [n for n in _names(m.group(1)) if len(n) <= _NAME_MAX]
    if len(names) != count.count and not count.covered:
        names = _numbered_list(lines, re.compile(re.escape(count.kind) + "$"))
    if len(names) != count.count and count.provenance is not None:
        rows = _table_after(lines, count.provenance.line)
        # the table lists every unit the budget covers: the department's own row is no unit under it
        names = rows if count.covered or len(rows) == count.count else [r for r in rows if not _SELF_RE.search(r)]
    return names if len(names) == count.count else []


_TABLE_ROW_RE = re.compile(r"^\s*(?:\d{1,3}|[（(][一二三四五六七八九十\d]{1,3}[)）])\s*[、.．]?\s*(?=\D)(\S+)")


def _table_after(lines: list[Line], lineno: int | None) -> list[str]:
    """The units a ``序号 单位名称`` table lists right after the line of a count (西安 卫健委 2022 决算: 纳入…
    编制范围的单位共28个 + ``1 西安市卫生健康委员会本级（机关）`` … ``28 …``), one per numbered row, its
    first word the name (a 拟变动情况 column after it left out); [] where no such table follows."""
    at = next((i for i, line in enumerate(lines) if line.lineno == lineno), None)
    if at is None:
        return []
    names: list[str] = []
    header = False
    for line in lines[at + 1:at + 400]:
        text = line.text.strip()
        if _PAGE_RE.match(compact(text)):
            continue
        if not header:
            if "名称" in text and len(compact(text)) <= 20:
                header = True
                continue
            if len(names) == 0 and lines.index(line) - at > 3:
                return []
            continue
        m = _TABLE_ROW_RE.match(text)
        if not m:
            break
        names.append(m.group(1))
    return names


def read_profile(lines: list[Line], file: str = "") -> Profile:
    """The profile of the department as printed; fields it does not print stay empty.

    Staffing is read in 部门概况 where the document states it there, else anywhere in the narrative
    (a 人员情况 note under a table: ``“本年预算数”的实有人员72人，其中：在职人员46人…``)."""
    chosen = _profile_lines(lines)
    span = make_span(chosen)
    text = span.text
    profile = Profile()
    profile.divisions = _sentence_list(text, _DIVISION_SENTENCES) or \
        _numbered_list(chosen, re.compile(r"内设(?:机构|科室|处室)$"))
    units = (_sentence_list(text, _SUBORDINATE_SENTENCES, one_organisation=True)
             or _numbered_list(chosen, re.compile(r"下属.{0,10}单位$"))) \
        + (_sentence_list(text, _DISPATCHED_SENTENCES, one_organisation=True)
           or _numbered_list(chosen, re.compile(r"派出机构$"))) + _budget_units(chosen)
    # a bracket noting how the unit is budgeted (（非独立编制预算单位）) is no part of its name
    units = [re.sub(r"[（(][^（）()]*(?:单位|预算|核算|编制)[^（）()]*[）)]$", "", u) for u in units]
    units = [u for u in dict.fromkeys(units) if not _SELF_RE.search(u)]
    # one unit printed twice, once with a bracket noting what it is (西安市人工影响天气服务保障中心（地方机构） in
    # the list of 直属事业单位, without it in the list of budget units): one unit, its first printing kept
    bare = lambda u: re.sub(r"[（(][^（）()]*[）)]$", "", u)  # noqa: E731
    profile.subordinate_units = [u for i, u in enumerate(units) if all(bare(v) != bare(u) for v in units[:i])]
    profile.unit_counts = read_unit_counts(span, file)
    for count in profile.unit_counts:
        if not count.division:
            count.names = _counted_names(count, text, chosen)
    profile.staffing = read_staffing(span, file)
    if profile.staffing == Staffing() and len(chosen) < len(lines):
        profile.staffing = read_staffing(make_span([line for line in lines if line.cells is None]), file)
    for m in re.finditer(r"主要职能(?:包括)?[：:]?(.+?)(?:[二三]、|机构设置)", text):
        functions = m.group(1).strip()
        if len(functions) >= 10 and "……" not in functions:  # not a table-of-contents entry
            profile.functions = functions
            break
    return profile
