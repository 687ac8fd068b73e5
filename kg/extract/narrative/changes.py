"""比上年增加/减少 statements of the 情况说明 -> ``record.changes`` (``model.ChangeStatement``).

Every province compares this year with an earlier figure in one sentence shape with many words:

    一般公共预算 736.38万元，占 15.74%，比上年预算增加 78.20万元，增长 11.88%，主要原因是 …   (Xinjiang)
    2026 年度收入预算 44169.36 万元，比 2025 年年初预算数 44021.20 万元增加 148.16 万元，增长 0.34%。
    2026 年预算数为 5,826.21 万元，比 2025 年执行数增加 271.14 万元，增幅 4.88%，主要是 …    (central)
    2025年当年预算执行数为1690.69万元，2026年预算安排1672.67万元，比2025年预算执行数减少1.07%。
    公务接待费 10 万元，与 2025 持平；   …较上年无增减。   本年数小于上年预算数403.75万元

A statement is found at its comparator (比/较/与/同 + a year or 上年 + what it compares with:
预算, 年初预算, 执行数, 决算); it gives the subject (the figure before the comparator, or the words
there), this year's figure (``current``), the earlier figure where printed (``baseline``, or a
``…执行数为 X`` figure earlier in the sentence), the direction, the amount, the percentage and the
reason (主要原因是/主要是 … to the end of the sentence). Parts listed after the statement
(``其中：A增加 x万元，B减少 y万元`` or ``主要是A增加 x万元、B增加 y万元``) are statements of their own
with ``parent`` set. A comparator inside a reason (``主要原因是…较上年增加。``) is not a statement.
Amounts are kept as printed (in the unit printed, which the narrative readers take to be 万元).
"""
from __future__ import annotations

import re
from dataclasses import asdict
from decimal import ROUND_HALF_UP, Decimal

from kg.extract.model import ChangeStatement
from kg.extract.narrative.outline import item_title
from kg.extract.narrative.statements import CLAUSE_SPLIT, NUM, Narrative, Stated, clean_label, read_statements
from kg.extract.narrative.text import money, prov
from kg.extract.narrative.vocabulary import BUDGET_TOTALS, classify, side_of
from kg.extract.source import Line
from kg.extract.text_normalize import format_money
from kg.units import convert

_KIND = r"(?P<kind>年初预算数|年初预算|预算执行数|执行数|预算数|预算|执行|决算数|决算|预)?"
CHANGE_RE = re.compile(
    r"(?P<cmp>(?:比|较|与|同|和)(?:(?P<year>\d{4})年?度?|上年度?|上一年度?|去年)(?:同期)?的?(?:相比|比较)?"
    r"(?:[^，,。；;\d比较与]{0,16}?(?=年初预算|预算|执行|决算))?" + _KIND + r"(?:数)?(?:相比|比较)?[，,]?)"
    r"(?:(?P<base>" + NUM[1:-1] + r")(?P<bunit>万元|元))?"
    r"(?P<dir>增加|减少|增长|下降|降低|减低|上升|持平|相同|一致|无增减|无变化|未发生变化|没有变化|未变化|变化|增|减)"
    r"(?:了)?(?:(?P<amt>" + NUM[1:-1] + r")(?P<unit>万元|元))?"
    r"(?:[，,]?(?:同比)?(?:增长|下降|增幅|降幅|减幅|减少|增加|上升|降低|变化|增|减)?(?:了)?(?:为)?(?P<pct>" + NUM[1:-1] + r")[%％])?")
# a 决算 against its own year's budget, and Jiangsu's ``本年数小于上年预算数403.75万元``
CHANGE_SAME_YEAR_RE = re.compile(
    r"(?P<cmp>(?:比|较)(?P<kind>年初预算数|年初预算|调整预算数|全年预算数|预算数))"
    r"(?P<dir>增加|减少|增长|下降)(?:(?P<amt>" + NUM[1:-1] + r")(?P<unit>万元|元))?"
    r"(?:[，,]?(?:增长|下降|增幅|降幅|减幅)?(?P<pct>" + NUM[1:-1] + r")[%％])?")
# ``与2023年度相比，收入支出总计减少56.95万元，下降1.87%``: the subject after the comparison
CHANGE_AFTER_RE = re.compile(
    r"(?P<cmp>(?:与|同|比|较)(?:(?P<year>\d{4})年?度?|上年度?|上一年度?)(?:同期)?(?:相比|比较)[，,]?)"
    r"(?P<subj>[^，,。；;：:\d]{2,24}?)(?P<dir>增加|减少|增长|下降)(?:了)?(?P<amt>" + NUM[1:-1] + r")(?P<unit>万元|元)"
    r"(?:[，,](?:增长|下降|增幅|降幅|减幅)?(?P<pct>" + NUM[1:-1] + r")[%％])?")
CHANGE_THAN_RE = re.compile(r"(?P<cmp>本年(?:数)?(?P<dir>小于|大于)上年(?P<kind>预算数|预算|决算数|执行数))"
                            r"(?P<amt>" + NUM[1:-1] + r")(?P<unit>万元|元)")
_REASON_RE = re.compile(r"(?:(?:增长|下降|增加|减少|变动|变化|增减)的?)?(?:主要)?原因(?:是|为|主要是|主要为)?[：:，,]?|主要是|主要用于")
_INSIDE_REASON_RE = re.compile(r"原因|主要是|由于|因为")
# a second comparison of the figure just stated, with something left out (``…减少20,766.6万元，下降
# 55.76%，扣除中央基建后比2025年执行数增加2,775.6万元``): the same figure, qualified
LEFT_OUT_WORDS = r"扣除|剔除|除去|扣减|不含|不考虑"  # as documents print them; questions add colloquial ones
_EXCLUDING_RE = re.compile(rf"(?:{LEFT_OUT_WORDS})(?P<what>[\u4e00-\u9fff、A-Za-z]{{1,16}}?)(?:等?因素)?(?:后|外|以后)?")
_PART_RE = re.compile(r"^(?:其中[：:，,]?|主要是|主要原因是|\d{1,2}[.．、])*(?P<subj>[^，,；;。：:\d%％]{2,30}?)"
                      r"(?P<dir>增加|减少|增长|下降)(?P<amt>" + NUM[1:-1] + r")(?P<unit>万元|元)"
                      r"(?:[，,](?:增长|下降|增幅|降幅|减幅)?(?P<pct>" + NUM[1:-1] + r")[%％])?")
# what may stand between a figure and its comparator (a share ``，占15.74%，`` is consumed already)
_GAP_WORDS_RE = re.compile(r"(?:[，,]?(?:同比|同|预算|预算数|相比|其中|（[^）]{0,10}）))*")
_DIRECTIONS = {"增加": "increase", "增长": "increase", "上升": "increase", "增": "increase", "大于": "increase",
               "减少": "decrease", "下降": "decrease", "降低": "decrease", "减低": "decrease", "减": "decrease", "小于": "decrease"}
_BASELINE_KINDS = [("执行", "上年执行数"), ("决算", "上年决算"), ("年初", "年初预算"), ("调整", "调整预算"),
                   ("全年", "调整预算"), ("预", "上年预算")]


def _direction(word: str, amount: str | None) -> str:
    if word in _DIRECTIONS:
        return _DIRECTIONS[word]
    if word == "变化" and amount is not None and money(amount) != 0:
        return "change"
    return "flat"


def _baseline_kind(kind: str | None, same_year: bool, final: bool = False) -> str:
    """What the statement compares with; a 决算 that names nothing compares with last year's 决算."""
    for word, name in _BASELINE_KINDS:
        if kind and word in kind:
            return name if not (same_year and name == "上年预算") else "年初预算"
    if same_year:
        return "年初预算"
    return "上年决算" if final else "上年预算"


def _compared_with(cmp: str | None) -> str | None:
    """What the statement compares with, in its own words (``比2025年当年预算执行数`` → ``2025年当年预算
    执行数``): the name an audit answer gives the earlier figure, as the page does. None where the
    comparator names no figure of its own (与上年相比)."""
    words = re.sub(r"^(?:比|较|与|同|和)|(?:相比|比较)?[，,]?$", "", cmp or "")
    return words if re.search(r"预算|执行|决算", words) else None


def _named_before(figure: Stated) -> str:
    """The words that name an earlier figure where the sentence prints it (``2025年当年预算执行数为
    1690.69万元`` → ``2025年当年预算执行数``)."""
    return re.sub(r"(?:为|是|：|:)$", "", re.split(r"[，,。；;：:]", figure.raw.rstrip("：:"))[-1])


def _where(narrative: Narrative, offset: int, file: str) -> dict:
    line = narrative.span.line_at(offset)
    context = narrative.contexts.get(line.lineno)
    return {k: v for k, v in asdict(prov(file, line, context.label if context else None)).items() if v is not None}


def _current(narrative: Narrative, cmp_start: int) -> Stated | None:
    """The figure the statement is about: the last figure before the comparator in its sentence,
    with nothing but a connector (``，``, a share) between."""
    sentence_start = narrative.sentence_starts[narrative.sentence_of(cmp_start)]
    before = [s for s in narrative.amounts if sentence_start <= s.start and s.end <= cmp_start]
    if not before:
        return None
    last = before[-1]
    if last.role != "figure":
        return None
    end = last.share_end or last.end
    gap = narrative.span.text[end:cmp_start].strip("，,：: ")
    gap = re.sub(r"^[（(][^）)]{0,20}[）)][，,]?", "", gap)  # a remark on the figure (``（含购置税等附加费用）``)
    if not re.search(r"[。；;]", gap) and (_GAP_WORDS_RE.fullmatch(gap) or re.match(r"^(?:主要)?(?:用于|包括)|^为(?![\d])", gap)):
        return last
    # a new subject between (``事业收入812.48万元，收入比2025年增加``): the sentence's figure of that
    # subject, where it prints one
    words = clean_label(re.split(CLAUSE_SPLIT, gap)[-1])
    found = classify(words, side_of(words))
    if found is not None:
        for s in before:
            if s.role == "figure" and classify(s.label, side_of(s.label) or side_of(words)) == found:
                return s
    return None


def _prior_figure(narrative: Narrative, current: Stated | None, cmp_start: int, kind: str | None) -> Stated | None:
    """An earlier figure printed before the current one in the sentence (``2025年当年预算执行数为
    1690.69万元，2026年预算安排…``) where the comparator names the same kind."""
    if current is None or not kind:
        return None
    sentence_start = narrative.sentence_starts[narrative.sentence_of(cmp_start)]
    for s in narrative.amounts:
        if sentence_start <= s.start < current.start and s.role == "figure":
            words = "执行" if "执行" in kind else "决算" if "决算" in kind else None
            if words and words in s.raw:
                return s
    return None


_PRINTED_AMOUNT_RE = re.compile(r"\d[\d,]*\.\d+")
# a figure in a unit of things, not money (84.71吨, 372228U, 120人): the clause states a count
_QUANTITY_RE = re.compile(r"\d(?:吨|U|个|人次|人|次|辆|台|套|件|份|家|户|床|张|平方米)")
# a clause naming a subject by its code and name (``科目为2014099其他信访事务支出``)
_NAMED_SUBJECT_RE = re.compile(r"\d{3,7}([^\d，,。；;：:为是]{2,30}?(?:支出|费))$")


def compact_text(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _subject(narrative: Narrative, current: Stated | None, cmp_start: int, department: str | None) -> str | None:
    if current is not None:
        return current.label
    sentence_start = narrative.sentence_starts[narrative.sentence_of(cmp_start)]
    head = narrative.span.text[sentence_start:cmp_start]
    pieces = [p for p in re.split(CLAUSE_SPLIT + "|[：:]", head) if p.strip()]
    subject = clean_label(pieces[-1] if pieces else "", department)
    if _QUANTITY_RE.search(subject):
        return None  # a count's change (采血总量84.71吨，比上年增长0.91%): no money's, no change recorded
    if _PRINTED_AMOUNT_RE.search(subject):
        # a clause the reader could not part from its figure (国家信访局 ``2026年预算数3,623.98为万元``, the
        # unit misplaced) names no subject: the subject the sentence named before it (``…项级支出科目为
        # 2014099 其他信访事务支出``), else none
        named = [m.group(1) for p in pieces[:-1] if (m := _NAMED_SUBJECT_RE.search(compact_text(p)))]
        subject = named[-1] if named else ""
    subject = re.sub(r"^(?:本|当)?年(?:度)?", "", subject).strip("的")
    if not subject or re.fullmatch(r"(?:预算|预算数|支出|收入)?", subject):
        context = narrative.context_at(cmp_start)
        subject = clean_label(item_title(context.item), department) if context else subject
    return subject


def _reason(text: str) -> str | None:
    """``主要原因是 …`` at the start of ``text`` (a short lead-in allowed), to the sentence's end."""
    rest = re.sub(r"^[^。主原]{0,24}?(?=(?:(?:增长|下降|增加|减少|变动|变化|增减)的?)?(?:主要)?原因|主要是)", "", text)
    m = _REASON_RE.match(rest.lstrip("，,；;。"))
    if not m:
        return None
    reason = re.split(r"。", rest.lstrip("，,；;。")[m.end():])[0]
    # a reason of several clauses runs on past ``；``; a clause that states a figure of its own
    # (``；公务用车运行维护费支出188.00万元，…``) is the next statement, not the reason
    pieces = re.split(r"[；;]", reason)
    kept = [pieces[0]]
    for piece in pieces[1:]:
        if re.search(r"\d(?:万元|元|亿元)", piece):
            break
        kept.append(piece)
    return "；".join(kept).strip("，,；; ：:") or None


def read_changes(lines: list[Line], file: str, department: str | None = None,
                 narrative: Narrative | None = None, unit: str | None = None,
                 final: bool = False) -> list[ChangeStatement]:
    """Every change statement of the narrative, in document order, parts after their statement.

    With ``unit`` (the record's), amounts are converted into it exactly; without, they stay as
    printed (the audit recomputes percentages from the printed figures and their precision)."""
    narrative = narrative or read_statements(lines, department)
    text = narrative.span.text
    from kg.extract.narrative.compositions import read_compositions

    compositions = read_compositions(narrative)
    head_of = {id(part): c.head for c in compositions for part in c.parts}
    last_part = {id(c.head): c.parts[-1] for c in compositions}
    matches = sorted([*CHANGE_RE.finditer(text), *CHANGE_SAME_YEAR_RE.finditer(text), *CHANGE_THAN_RE.finditer(text),
                      *CHANGE_AFTER_RE.finditer(text)], key=lambda m: (m.start(), -m.end()))
    out: list[ChangeStatement] = []
    taken_until = -1
    for m in matches:
        if m.start() < taken_until:
            continue
        sentence_start = narrative.sentence_starts[narrative.sentence_of(m.start())]
        lead = text[sentence_start:m.start()]
        if _INSIDE_REASON_RE.search(lead):
            last_amount = max((s.end for s in narrative.amounts
                               if sentence_start <= s.start < m.start() and s.role in ("figure", "change")), default=-1)
            reason_at = max(r.end() for r in _INSIDE_REASON_RE.finditer(lead)) + sentence_start
            if reason_at > last_amount:
                continue  # the comparator is inside a reason
        groups = m.groupdict()
        amount_text = groups.get("amt")
        if not amount_text and not groups.get("pct") and _DIRECTIONS.get(groups["dir"]) is not None:
            continue  # ``比2025年执行数减少较为明显的…``: a comparison, not a stated change
        kind = groups.get("kind")
        same_year = m.re is CHANGE_SAME_YEAR_RE
        baseline = groups.get("base")
        if groups.get("subj"):  # the subject follows the comparison: its figure is the sentence's
            context = narrative.context_at(m.start())
            fiscal = context is not None and context.scope == "fiscal"
            named = _enumerated(clean_label(groups["subj"], department), fiscal)
            subject = named[0]
            found_subject = classify(subject, side_of(subject))
            founds = {classify(n, side_of(n)) for n in named} - {None}
            current = next((s for s in narrative.amounts if s.sentence == narrative.sentence_of(m.start())
                            and s.role == "figure" and s.start < m.start() and found_subject is not None
                            and _classified(s.label, fiscal) in founds), None)
            if current is None:  # the figure stated in the sentence before (``…总计2995.39万元。与…相比，``)
                current = next((s for s in reversed(narrative.amounts) if s.start < m.start() and s.role == "figure"
                                and found_subject is not None
                                and _classified(s.label, fiscal) in founds
                                and s.sentence >= narrative.sentence_of(m.start()) - 1), None)
        else:
            current = _current(narrative, m.start()) or _previous_sentence_figure(narrative, m.start()) \
                or _whole_budget_figure(narrative, m.start(), groups, department)
            stated_baseline = _named_baseline(narrative, current, groups.get("year"))
            if stated_baseline is not None:  # ``A预算数为7.61万元，2025年预算数为9.23万元，和2025年相比…``
                current, stated_baseline = stated_baseline, current
                if not baseline:
                    baseline = stated_baseline.printed
                    groups["bunit"] = stated_baseline.unit
            head = head_of.get(id(current)) if current is not None else None
            if head is not None and head.sentence == current.sentence and current is last_part.get(id(head)) \
                    and _fits_head(groups, current, head):
                current = head  # ``收入4,203.47万元，其中：…、其他收入100.00万元，较上年增加142.30万元``
            subject = _subject(narrative, current, m.start(), department)
            if subject is None:
                continue
        if current is None:
            current = _stated_before(narrative, subject, m.start())
        if current is None:
            current = _item_figure(narrative, subject, m.start(), department)
        prior = None if baseline else _prior_figure(narrative, current, m.start(), kind)
        excluding = _EXCLUDING_RE.fullmatch(subject)
        stated_before = next((c for c in reversed(out) if "parent" not in c), None)
        if excluding and stated_before is not None:
            subject = f"{stated_before['subject']}（{excluding.group(0)}）"
            current = None  # the figure compared is the same one, its baseline another
        side = side_of(subject) or (side_of(current.context.chapter) if current and current.context else None)
        found = classify(subject, side)
        year = groups.get("year")
        change: ChangeStatement = {
            "subject": subject,
            "amount": _money(amount_text, groups.get("unit"), unit) if amount_text else None,
            "direction": _direction(groups["dir"], amount_text),
            "percent": _percent(groups.get("pct")),
            "current": _money(current.printed, current.unit, unit) if current is not None else None,
            "reason": _reason(text[m.end():m.end() + 400]),
            "provenance": _where(narrative, m.start(), file),
        }
        if baseline:
            change["baseline"] = _money(baseline, groups.get("bunit"), unit)
        elif prior is not None:
            change["baseline"] = _money(prior.printed, prior.unit, unit)
        change["baseline_kind"] = _baseline_kind(kind, same_year, final)
        compared = _compared_with(_named_before(prior) if prior is not None else None) or \
            _compared_with(groups.get("cmp"))
        if compared:
            change["compared_with"] = compared
        if year:
            change["baseline_year"] = int(year)
        if found is not None:
            change["key"] = found[1]
        if excluding and stated_before is not None:
            change["excluding"] = excluding.group("what")
            if stated_before.get("key"):
                change["key"] = stated_before["key"]
        out.append(change)
        taken_until = m.end()
        out.extend(_parts(narrative, m.end(), subject, file, unit))
    return out


def _enumerated(label: str, fiscal: bool = False) -> list[str]:
    """The figures a label names as stating one amount together (``收入总计、支出总计均`` → 收入总计,
    支出总计; a single figure stays itself). In a 财政拨款 chapter (``财政拨款收入支出决算总体情况说明``)
    a bare 收入总计 is the 财政拨款 money's: the words the chapter leaves out are put back."""
    label = re.sub(r"(?<=\w)(?:均|都|各)(?:为|是)?$", "", label)
    short = re.fullmatch(r"(.*?)收、支(.+)", label)  # 财政拨款收、支总计: 收入总计 and 支出总计
    items = [f"{short.group(1)}收入{short.group(2)}", f"{short.group(1)}支出{short.group(2)}"] if short \
        else label.split("、")
    if fiscal and not any("财政拨款" in i for i in items):
        items = [("财政拨款" + i) if re.match(r"(?:收入|支出)", i) else i for i in items]
    return [i for i in items if i] or [label]


def _classified(label: str, fiscal: bool = False):
    """A figure's (topic, key), its label read as :func:`_enumerated` reads a subject
    (``支出总计均`` of ``收入总计、支出总计均为2,480,372.7万元``)."""
    named = _enumerated(label, fiscal)[0]
    return classify(named, side_of(named))


def _named_baseline(narrative: Narrative, current: Stated | None, year: str | None) -> Stated | None:
    """Where the figure just before the comparator is the baseline itself (printed under the
    comparator's own year: ``2025年预算数为9.23万元，和2025年相比…``), this year's figure printed
    before it in the sentence; else None."""
    if current is None or not year or not current.raw.startswith(year):
        return None
    earlier = [s for s in narrative.amounts
               if s.sentence == current.sentence and s.end <= current.start and s.role == "figure"]
    if not earlier or earlier[-1].raw.startswith(year):
        return None
    return earlier[-1]


def _previous_sentence_figure(narrative: Narrative, cmp_start: int) -> Stated | None:
    """A sentence that opens with its comparator (``基本支出预算数为21968万元。与上年相比增加3397.18万元``)
    is about the figure that ends the sentence before: that figure, where nothing but punctuation
    stands between it and the sentence's end; else None (the subject is found by its words)."""
    text = narrative.span.text
    sentence = narrative.sentence_of(cmp_start)
    start = narrative.sentence_starts[sentence]
    if sentence == 0 or text[start:cmp_start].strip("，,。；;：: "):
        return None
    before = [s for s in narrative.amounts if s.sentence == sentence - 1 and s.end <= start]
    if not before or before[-1].role != "figure":
        return None
    last = before[-1]
    if text[last.share_end or last.end:start].strip("，,。；;：:（）() "):
        return None
    return last


# a statement whose subject is the budget as a whole (``2026年预算比2025年预算增加50.32万元``)
_WHOLE_BUDGET_RE = re.compile(r"(?:部门|单位|本部门|本单位)?(?:预算|预算总额|总预算|收支预算|预算总规模|收支总预算)")


def _whole_budget_figure(narrative: Narrative, cmp_start: int, groups: dict, department: str | None) -> Stated | None:
    """The total a statement about the whole budget compares (``…28.20%。2026年预算比2025年预算
    增加50.32万元，增长3.08%`` — the sentence names no figure of its own): the 收入/支出 total the
    same chapter stated before it. Where the statement prints its rate, the total must reproduce it
    (amount ÷ (total ∓ amount)); a total that does not — a misprinted unit, another side's figure —
    is passed over. Else None."""
    sentence_start = narrative.sentence_starts[narrative.sentence_of(cmp_start)]
    head = clean_label(narrative.span.text[sentence_start:cmp_start], department)
    if not _WHOLE_BUDGET_RE.fullmatch(re.sub(r"^(?:本|当)?年(?:度)?", "", head)):
        return None
    context = narrative.context_at(cmp_start)
    if context is None or not groups.get("amt"):
        return None
    amount = money(groups["amt"])
    decrease = _DIRECTIONS.get(groups["dir"]) == "decrease"
    candidates = []
    for stated in narrative.amounts:
        if stated.start >= sentence_start:
            break
        if stated.role != "figure" or stated.context is None or stated.context.chapter != context.chapter:
            continue
        found = classify(stated.label, side_of(stated.label))
        if found is None or found[1] not in BUDGET_TOTALS or stated.unit != groups.get("unit"):
            continue
        candidates.append(stated)
    for stated in candidates:
        if groups.get("pct") is None:
            return stated
        previous = stated.value + amount if decrease else stated.value - amount
        if previous > 0:
            digits = len(groups["pct"].split(".")[1]) if "." in groups["pct"] else 0
            rate = (amount / previous * 100).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
            if rate == Decimal(groups["pct"]):
                return stated
    return None


def _item_figure(narrative: Narrative, subject: str, offset: int, department: str | None) -> Stated | None:
    """The figure an item titled by the statement's subject prints right after its title
    (``（14）公共安全支出（类）司法（款）其他司法支出（项）669.61 万元，主要用于…。比上年执行数增加…``):
    the item's first figure, on its title line or the line after, where the title names the subject."""
    context = narrative.context_at(offset)
    item = context.item if context is not None else None
    if item is None or clean_label(item_title(item), department) != subject:
        return None
    for stated in narrative.amounts:
        if stated.start >= offset:
            break
        if stated.context is not None and stated.context.item is item and stated.role == "figure":
            return stated if stated.line.lineno <= item.line.lineno + 1 else None
    return None


def _stated_before(narrative: Narrative, subject: str, offset: int) -> Stated | None:
    """The figure of ``subject`` stated earlier in the same chapter (``2026年收入预算1,250.00万元，…。
    收入预算比上年增加50.00万元`` — the statement names its subject without repeating the figure)."""
    found = classify(subject, side_of(subject))
    context = narrative.context_at(offset)
    if found is None or context is None:
        return None
    for stated in reversed(narrative.amounts):
        if stated.start >= offset or stated.role != "figure":
            continue
        if stated.context is None or stated.context.chapter != context.chapter:
            break
        if classify(stated.label, side_of(stated.label) or side_of(context.chapter)) == found:
            return stated
    return None


def _fits_head(groups: dict, part: Stated, head: Stated) -> bool:
    """True where a change after a list's last part is the list total's: the part is smaller than
    the increase, or the printed percentage is the total's, not the part's."""
    amount = money(groups.get("amt")) if groups.get("amt") else None
    if amount is None:
        return False
    increase = _direction(groups["dir"], groups.get("amt")) == "increase"
    if increase and amount >= part.value:
        return True
    percent = money(groups.get("pct")) if groups.get("pct") else None
    if percent is None:
        return False

    def implied(current):
        previous = current - amount if increase else current + amount
        return abs(100 * amount / previous - percent) if previous > 0 else None

    on_part, on_head = implied(part.value), implied(head.value)
    return on_head is not None and (on_part is None or on_head < on_part)


def _percent(printed: str | None) -> str | None:
    """A percentage as a decimal string: thousands separators dropped (``2,168.43`` -> ``2168.43``),
    the form records.md gives every number."""
    return printed.replace(",", "").replace("，", "") if printed else printed


def _money(printed: str, printed_unit: str | None, unit: str | None) -> str | None:
    """A printed amount as a records.md string, in ``unit`` where given (exactly)."""
    value = money(printed)
    if value is None:
        return None
    if unit and printed_unit in ("元", "万元") and printed_unit != unit:
        value = convert(value, printed_unit, unit)
    return format_money(value)


def _parts(narrative: Narrative, start: int, parent: str, file: str, unit: str | None = None,
           follow: bool = True) -> list[ChangeStatement]:
    """The parts a statement lists after ``其中：`` or ``主要是`` (each with its own change), so a
    question about one part (公务用车运行费 of 三公) finds its own figure; a part's own ``其中``
    list (a nested level) is not the statement's."""
    text = narrative.span.text
    sentence = text[start:start + 1200].split("。")[0]
    marker = re.search(r"其中[：:，,]?|主要是|主要原因是", sentence)
    if not marker:
        return []
    out: list[ChangeStatement] = []
    offset = start + marker.start()
    body = sentence[marker.start():]
    nested_parent: str | None = None
    for clause in re.split(r"(?:[；;，、]|(?<!\d),(?!\d))(?=[^，；;、]*?(?:增加|减少|增长|下降)[\d,.]+(?:万元|元))", body):
        clause_start = text.find(clause, offset)
        offset = max(offset, clause_start)
        stripped = clause.strip()
        if out and nested_parent is None and re.match(r"^其中", stripped):
            nested_parent = out[-1]["subject"]  # the last part's own parts follow
        m = _PART_RE.match(stripped)
        if not m or CHANGE_RE.search(stripped):
            continue
        part: ChangeStatement = {
            "subject": clean_label(m.group("subj")).strip("，,：: ") or m.group("subj"),
            "parent": nested_parent or parent,
            "amount": _money(m.group("amt"), m.group("unit"), unit),
            "direction": _DIRECTIONS[m.group("dir")],
            "percent": _percent(m.group("pct")), "current": None,
            "reason": _reason(stripped[m.end():]),
            "provenance": _where(narrative, clause_start if clause_start >= 0 else start, file),
        }
        out.append(part)
    after = text[start + len(sentence) + 1:start + len(sentence) + 8].lstrip()
    numbered = bool(re.match(r"\d{1,2}[.．、]", after))  # 其中：1.收入…，其中…。2.支出…: the list goes on, numbered
    if follow and out and (nested_parent is None or numbered) and marker.group(0).startswith("其中"):
        out += _parts_in_next_sentences(narrative, start + len(sentence) + 1, parent, file, unit)
    return out


def _parts_in_next_sentences(narrative: Narrative, start: int, parent: str, file: str,
                             unit: str | None) -> list[ChangeStatement]:
    """The parts of a ``其中`` list that go on past its sentence (``其中基本支出减少19.11万元，主要是…。
    专项业务经费增加425.5万元，主要原因是…``): each following sentence that opens with a part's own
    change (no comparison of its own, which would make it a statement of its own), until one does not."""
    text = narrative.span.text
    out: list[ChangeStatement] = []
    offset = start
    for sentence in text[start:start + 1200].split("。")[:3]:
        stripped = sentence.strip()
        m = _PART_RE.match(stripped)
        if not m or CHANGE_RE.search(stripped) or re.search(r"[，,；;]", m.group("subj")):
            break
        clause_start = text.find(sentence, offset)
        offset = max(offset, clause_start) + len(sentence) + 1
        subject = clean_label(m.group("subj")).strip("，,：: ") or m.group("subj")
        out.append({
            "subject": subject,
            "parent": parent,
            "amount": _money(m.group("amt"), m.group("unit"), unit),
            "direction": _DIRECTIONS[m.group("dir")],
            "percent": _percent(m.group("pct")), "current": None,
            "reason": _reason(stripped[m.end():]),
            "provenance": _where(narrative, clause_start if clause_start >= 0 else start, file),
        })
        if clause_start >= 0 and re.search(r"其中", stripped[m.end():]):
            # 2.支出预算增加560.66万元，其中基本支出增加385.31万元…: that part's own parts
            out += _parts(narrative, clause_start, subject, file, unit, follow=False)
    return out
