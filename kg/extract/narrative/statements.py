"""Every amount the narrative states, with the words that name it: the base of the narrative readers.

A 情况说明 is written in a handful of sentence shapes, whatever the province:

    <label> [预算数|为|共] X 万元[，占 Y%][，比<year><baseline> [B 万元] 增加/减少 A 万元[，增长 Z%]][，主要原因是 …]

so each amount (``X万元``, ``X元``, ``X亿元``) is read with its *label* (the words between the previous
clause break or amount and the figure, without numbering, years, the department's name and filler
words), its *role* — ``figure`` (what something is), ``change`` (an 增加/减少 amount) or
``baseline`` (the earlier figure after 比/较) — and the ``占 Y%`` share printed after it. A label
that says nothing (``2026年预算数``) takes the title of the numbered item it stands in
(``（一）因公出国（境）费用。``). The text is matched compacted (the extractions put spaces between
CJK and digits at random and wrap lines mid-word); every amount keeps the line it was printed on.

Thresholds and rates are not amounts: ``单价100万元（含）以上``, ``400元/月``, ``每人500元``.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from dataclasses import dataclass, field
from decimal import Decimal

from kg.extract.narrative.outline import Context, heading_of, item_title, outline
from kg.extract.narrative.text import Span, compact, make_span, money
from kg.extract.source import Line

NUM = r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
AMOUNT_RE = re.compile(r"(?<![\d.,])" + NUM + r"(亿元|万元|元)(?![/／]|以上|以下|[（(]含[)）]|左右)")  # not ``单价100万元（含）以上``
RATE_BEFORE_RE = re.compile(r"(?:每|人均|单价|标准|价值|不超过|不低于|低于|高于|超过|≤|≥|<|>|=)$")
SENTENCE_END = "。！？"
CLAUSE_BREAKS = "，,；;：:、。！？"
CLAUSE_SPLIT = r"[，；;。]|(?<!\d),(?!\d)"  # a clause break, never the comma inside ``16,474.82``
CHANGE_WORD_RE = re.compile(r"(?:增加|减少|增长|下降|降低|减低|上升|调增|调减|压减|增支|减支|节约|小于上年预算数|大于上年预算数"
                            r"|小于上年|大于上年)了?$")
COMPARATOR_RE = re.compile(r"(?:比|较|与|同)(?:上年|上一年|去年|\d{4}年?)")
SHARE_RE = re.compile(r"^[，,]?(?:约)?占(?P<base>[^，,。；;%％\d]{0,16}?)的?" + NUM + r"[%％]")
LEAD_MARKER_RE = re.compile(r"^(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}(?:[、．]|\.(?!\d)))")
LEAD_WORDS_RE = re.compile(r"^(?:其中|包括|具体包括|主要包括|分别为|分别是|主要用于|用于|主要是|主要支出(?:为|有|是)|即|如下|相应(?:安排)?)[：:，,]?")
YEAR_RE = re.compile(r"(?:截至|截止)?\d{4}年(?:度)?(?:\d{1,2}月(?:\d{1,2}日)?)?(?:底|末)?(?:的)?")
SELF_RE = re.compile(r"^(?:本部门|本单位|我单位|我部门|本级|部门|单位(?!资金)|所属各预算单位|各单位)")
TRAILING_FILLER_RE = re.compile(r"(?:为|是|共计|共有|共|达到|达|约|的)+$")
ORG_PREFIX_RE = re.compile(r"^[^，,。；;：:、\d]{0,10}?(?:省|市|州|县|区|盟|旗|国家|中央|中共)[^，,。；;：:、\d]{0,14}?"
                           r"(?:委员会|办公厅|办公室|局|委|厅|办|院|中心)(?:[（(](?:本级|汇总)[）)])?(?=.)")
_BARE_PAGE_NUMBER_RE = re.compile(r"^\s*\d{1,3}\s*$")
ASIDE_RE = re.compile(r"原因|主要是|由于|因为|其中主要(?!支出|用于|包括|项目)")  # not a list: 其中主要支出为办公费…
GENERIC_LABEL_RE = re.compile(r"^(?:年初|全年|当年|本年|今年)?(?:预算|预算数|预算安排|预算总额|安排|金额|合计|总计|总额|资金|"
                              r"金额为|规模)?(?:数)?$")
PERCENT_AFTER_CHANGE_RE = re.compile(r"^[，,]?(?:同比)?(?:增长|下降|增幅|降幅|减幅|减少|增加|上升|降低|变化|增|减)?(?:了)?(?:为)?"
                                     + NUM + r"[%％]")


@dataclass
class Stated:
    """One amount of the narrative (see the module docstring)."""

    value: Decimal  # as printed, in ``unit``
    printed: str  # the digits as printed (``19,577``)
    unit: str  # 万元 | 元 | 亿元
    start: int  # offsets in the span's compacted text (the figure and its unit)
    end: int
    role: str  # figure | change | baseline | aside (a figure quoted inside a reason)
    raw: str  # the words before the figure, as printed (compacted)
    label: str  # the words that name it (see ``clean_label``); an item's title where they say nothing
    line: Line
    context: Context | None
    sentence: int  # index of the sentence (split at 。！？)
    clause_start: int
    direction: str | None = None  # a change amount's 增加 (increase) or 减少 (decrease)
    share: Decimal | None = None  # 占 Y% printed after it
    share_text: str | None = None  # the printed ``Y`` (its precision)
    share_base: str | None = None  # the base the share names (``本年支出预算``), where it names one
    share_end: int | None = None
    percent: str | None = None  # a change amount's 增长 Z% as printed
    extras: dict = field(default_factory=dict)

    @property
    def scope(self) -> str | None:
        return self.context.scope if self.context else None


@dataclass
class Narrative:
    """The narrative as one compacted text with its amounts, sentences and line contexts."""

    span: Span
    amounts: list[Stated]
    sentence_starts: list[int]
    contexts: dict[int, Context]

    def context_at(self, offset: int) -> Context | None:
        return self.contexts.get(self.span.line_at(offset).lineno)

    def sentence_of(self, offset: int) -> int:
        import bisect

        return bisect.bisect_right(self.sentence_starts, offset) - 1

    def sentence_text(self, index: int) -> tuple[int, str]:
        start = self.sentence_starts[index]
        end = self.sentence_starts[index + 1] if index + 1 < len(self.sentence_starts) else len(self.span.text)
        return start, self.span.text[start:end]


# the first year of a span (``2014—`` before ``2017年``): the span names the thing, it is no period
_SPAN_START_RE = re.compile(r"\d{4}\s*[—–\-~～至到]\s*$")


def _without_years(text: str) -> str:
    """The label without the years that date it (``2026年``); a span of years (``2014—2017年“产业转型升级
    无息转贷资金”管理费``, 深圳 2026) is part of the name and stays whole."""
    return YEAR_RE.sub(lambda m: m.group(0) if _SPAN_START_RE.search(m.string[:m.start()]) else "", text)


@lru_cache(maxsize=16384)  # the readers of one document clean the same words several times
def clean_label(raw: str, department: str | None = None) -> str:
    """The name in the words before a figure: numbering, 其中/包括, years, the department's own
    name and filler words removed (``1.一般公共预算拨款收入`` -> ``一般公共预算拨款收入``,
    ``昌吉…局2025年支出预算`` -> ``支出预算``)."""
    text = raw
    for _ in range(3):
        before = text
        text = LEAD_MARKER_RE.sub("", text)
        text = LEAD_WORDS_RE.sub("", text)
        text = text.lstrip("，,；;：:、。 ")
        if text == before:
            break
    # the tail of a wrapped heading's remark (``（详`` + ``见表7）2026年…``): an unopened bracket
    text = re.sub(r"^[^（(]*[）)]", "", text)
    text = _without_years(text)
    if department:
        text = text.replace(department, "")
    # a department's name however printed (``昌吉回族自治州生态环境局``, ``国家信访局``): left out where
    # what follows is a figure the vocabulary names (a project's own name keeps its place name)
    stripped = ORG_PREFIX_RE.sub("", text)
    if stripped and stripped != text:
        from kg.extract.narrative.vocabulary import classify

        rest = SELF_RE.sub("", YEAR_RE.sub("", stripped)).lstrip("的")
        if classify(TRAILING_FILLER_RE.sub("", rest)) is not None:
            text = stripped
    if text.startswith("“") and "”" not in text:
        text = text[1:]
    if text.endswith("”") and "“" not in text:
        text = text[:-1]
    text = SELF_RE.sub("", text)
    text = re.sub(r"^(?:关于|按照[^，,]*[，,])", "", text)
    text = TRAILING_FILLER_RE.sub("", text)
    text = re.sub(r"^(?:的|之)", "", text)
    text = re.sub(r"(?<=[）)])(?:的)?(?:年初)?预算数$", "", text)  # ``…行政运行（项）预算数`` names the 项
    return text.strip("，,；;：:、 ")


def _role(raw: str) -> tuple[str, str | None]:
    """figure / change (with its direction) / baseline, from the words just before the figure."""
    m = CHANGE_WORD_RE.search(raw)
    if m:
        word = m.group(0)
        increase = word.startswith(("增", "上升", "调增", "大于"))
        return "change", "increase" if increase else "decrease"
    if COMPARATOR_RE.search(raw):
        return "baseline", None
    return "figure", None


def _heading_breaks(span: Span) -> list[int]:
    """Offsets where a clause starts although no punctuation says so: the start of a heading
    line, and the end of a heading line that is a title only (``二、收入预算情况说明``)."""
    out: list[int] = []
    lengths = sorted(len(compact(line.text)) for line in span.lines if heading_of(line) is None)
    full = lengths[int(len(lengths) * 0.9)] if lengths else 0  # a line that runs to the margin
    for index, line in enumerate(span.lines):
        head = heading_of(line)
        if head is None:
            continue
        start = span.starts[index]
        out.append(start)
        text = compact(line.text)
        if head.level >= 3 and not re.search(r"(?:说明|情况|概况|解释)$", text):
            continue  # a numbered item runs on into its sentence (``2.…一般行政管`` + ``理事务（项）…``)
        if AMOUNT_RE.search(text) or re.search(r"[：:，,。；;]", text):
            continue  # a heading that goes on into its sentence
        end = start + len(text)
        # a title wrapped onto the next line (``…财政拨款收支预算情况的总`` + ``体说明``)
        following = span.text[end:end + 14]
        tail = re.match(r"^[^，,。；;：:\d]{0,10}?(?:情况说明|说明|明细|情况)(?:说明)?", following)
        if tail:
            out.append(end + tail.end())
        elif len(text) < full * 0.85 or re.search(r"(?:说明|情况|明细|概况|解释)$", text):
            out.append(end)  # a short title line; a full one wraps into its sentence
    return out


class _ClauseBreaks:
    """Where the clauses of a narrative's text may start: after a break character (a comma between
    two digits is a thousands separator, not a break, except at either end of the window asked
    about) and after a heading. Found once per text, then looked up per amount by bisection: the
    search used to walk every character between the amount and the one before it."""

    def __init__(self, text: str, heading_breaks: list[int]) -> None:
        self.chars = [i for i, ch in enumerate(text) if ch in CLAUSE_BREAKS]
        self.thousands = {i for i in self.chars if text[i] == "," and 0 < i < len(text) - 1
                          and text[i - 1].isdigit() and text[i + 1].isdigit()}
        self.headings = sorted(heading_breaks)

    def clause_start(self, start: int, end: int) -> int:
        """The last clause start in ``(start, end]`` of the window ``text[start:end]``, else ``start``."""
        best = start
        k = bisect_left(self.chars, end) - 1
        while k >= 0 and self.chars[k] >= start:
            i = self.chars[k]
            if not (i in self.thousands and start < i < end - 1):
                best = i + 1
                break
            k -= 1
        k = bisect_right(self.headings, end) - 1
        if k >= 0 and self.headings[k] > start:
            best = max(best, self.headings[k])
        return best


def _named_then_stated(lead: str) -> bool:
    """``主要是2014099其他信访事务支出，2026年预算数为3,623.98万元``: 主要是 names the subject, and the figure
    is stated of it in a clause of its own — a statement, not a figure quoted inside a reason."""
    asides = list(ASIDE_RE.finditer(lead))
    return bool(asides) and all(a.group() == "主要是" for a in asides) and \
        bool(re.search(r"[，,]", lead[asides[-1].end():]))


def read_statements(lines: list[Line], department: str | None = None) -> Narrative:
    """Every amount of ``lines`` (narrative lines: table rows with cells are left out)."""
    # a page number printed inside a wrapped sentence (``比上年执行数增加`` / ``3`` / ``7,331.92 万元``)
    # would glue onto the figure after it
    prose = [line for line in lines if line.cells is None and not _BARE_PAGE_NUMBER_RE.match(line.text)]
    span = make_span(prose)
    text = span.text
    contexts = outline(prose)
    sentence_starts = [0] + [m.end() for m in re.finditer(f"[{SENTENCE_END}]", text)]
    narrative = Narrative(span, [], sentence_starts, contexts)
    breaks = _ClauseBreaks(text, _heading_breaks(span))
    previous_end = 0
    previous_figure_end = 0
    for m in AMOUNT_RE.finditer(text):
        before = text[max(0, m.start() - 6):m.start()]
        if RATE_BEFORE_RE.search(before):
            continue
        value = money(m.group(1))
        if value is None:
            continue
        # the clause: back to the last break or the previous amount (its share and percent included)
        window_start = max(previous_end, 0)
        clause_start = breaks.clause_start(window_start, m.start())
        raw = text[clause_start:m.start()]
        # a label wrapped onto the amount of the clause before (``占15.74%，``) stays with its clause
        role, direction = _role(raw)
        sentence_start = sentence_starts[bisect_right(sentence_starts, m.start()) - 1]
        lead = text[max(sentence_start, previous_figure_end):m.start()]
        lead = re.split(r"[；;]", lead)[-1]  # a reason ends at its clause (``…支出；非财政拨款结转结余 32.12``)
        if role == "figure" and ASIDE_RE.search(lead) and not _named_then_stated(lead):
            role = "aside"  # a figure quoted inside a reason (``主要原因是上年预算113万元在…``)
        # the change word may sit in the clause before: ``比上年预算增加``+break is rare; keep simple
        line = span.line_at(m.start())
        context = contexts.get(line.lineno)
        label = clean_label(raw, department)
        if role == "figure" and GENERIC_LABEL_RE.match(label) and _named_then_stated(lead):
            # 主要是2014099其他信访事务支出，2026年预算数为…: the figure is the subject 主要是 names
            named = re.split(r"[，,]", lead[list(ASIDE_RE.finditer(lead))[-1].end():])[0]
            label = clean_label(re.sub(r"^\d{3,7}", "", named), department) or label
        if role == "figure" and GENERIC_LABEL_RE.match(label):
            title = clean_label(item_title(context.item), department) if context else ""
            # the item's own figure, not one of its children's (the item starts in this sentence)
            label = title or label
        stated = Stated(value=value, printed=m.group(1), unit=m.group(2), start=m.start(), end=m.end(), role=role,
                        raw=raw, label=label, line=line, context=context,
                        sentence=narrative.sentence_of(m.start()), clause_start=clause_start, direction=direction)
        after = text[m.end():m.end() + 40]
        share = SHARE_RE.match(after)
        consumed = m.end()
        if share and role == "figure":
            stated.share = money(share.group(2))
            stated.share_text = share.group(2)
            stated.share_base = share.group("base") or None
            stated.share_end = m.end() + share.end()
            consumed = stated.share_end
        if role == "change":
            pct = PERCENT_AFTER_CHANGE_RE.match(after)
            if pct:
                stated.percent = pct.group(1)
                consumed = m.end() + pct.end()
        narrative.amounts.append(stated)
        previous_end = consumed
        if role in ("figure", "change"):
            previous_figure_end = consumed
    return narrative


def statements_of(record_or_department, lines: list[Line]) -> Narrative:
    """``read_statements`` for a record (its department's name is left out of labels)."""
    department = getattr(record_or_department, "department", record_or_department)
    return read_statements(lines, department)
