"""The narrative's own arithmetic, recomputed: 比上年 changes, 占比, the parts of a total, 完成率, and
the narrative's figures against the tables'. Findings about the document, never corrections.

Rules (registered with ``kg.extract.rules``; ids as the records print them):

* ``change_amount``   增减额等于本年减上年: a change printed with both figures (``比2025年年初预算数
                      44021.20万元增加148.16万元``): |本年 − 上年| against the printed amount.
* ``change_percent``  增减幅度: the printed 增长/下降 % against amount ÷ 上年 (上年 = 本年 ∓ amount, or
                      the printed earlier figure); a printed direction the figures contradict is a
                      finding of its own (expected 增加 and printed 减少 compare as signed percents).
* ``change_parts_sum`` 分项增减之和等于总增减: the parts listed after a change (其中/主要是) against it.
* ``share_percent``   占比: ``X万元，占Y%`` against X ÷ the total it is a share of (the total the
                      sentence names — 占本年支出预算 — or the total the list belongs to).
* ``narrative_sum``   说明所列分项之和等于总数: ``X万元，其中：A a、B b…`` Σ parts against X.
* ``completion_rate`` 完成率: a 决算's ``年初预算为A，支出决算为B，完成年初预算的Z%``.
* ``same_figure``     the narrative's totals (收入/支出总计, 基本/项目支出, 一般公共预算, 机关运行经费,
                      政府采购) against the same figures of the tables.
* ``same_figure``     also the narrative's 财政拨款收支总计 (财政拨款收入支出总计0.3万元) against the grand
                      total of the 财政拨款收支总表, which the department totals never stand in for.
* ``same_figure``     also the narrative's 一般公共预算当年拨款 against the tables' 一般公共预算 of the year
                      (a 当年拨款 that adds the 上年结转 is said so).
* ``narrative_sum``   also the functional subjects the narrative lists one by one against the total of
                      their section (``kg.extract.narrative.subject_lists``).
* ``baseline_year``   比较年度: a budget compares with the year before it (``比2026年预算`` in a 2026
                      budget is a slip).

Rounding is told apart from a material finding by what the printed precision allows: every printed
figure stands for an interval (±half a unit of its last place), and a percentage recomputed from
rounded amounts may move within the interval those bounds give; a printed percentage inside that
interval, widened by 1.5 units of its own last place (its own rounding, and the adjustment that
makes a list of shares add up to 100%), is ``rounding``, outside it ``material``. A share that does
not name its total is tried against the totals it may belong to (its list's, its section's),
and reported against the first where none fits.
"""
from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from kg.extract.model import Check, Provenance, Record
from kg.extract.narrative.changes import read_changes
from kg.extract.narrative.compositions import read_compositions
from kg.extract.narrative.facts import in_record_unit, read_facts
from kg.extract.narrative.statements import NUM, Narrative, Stated, read_statements
from kg.extract.narrative.subject_lists import subject_list_checks
from kg.extract.narrative.text import money
from kg.extract.narrative.vocabulary import KEY_NAMES, classify, key_name, side_of
from kg.extract.rules import CENT, fixed_judge, precision, register_checks, register_rule
from kg.units import convert

HUNDRED = Decimal(100)
HALF = Decimal("0.5")

register_rule("change_amount", "增减额等于本年减上年", "a change printed with both years' figures")
register_rule("change_percent", "比上年增减幅度", "the printed 增长/下降 % against the change ÷ the earlier figure")
register_rule("change_parts_sum", "分项增减之和等于总增减", "the parts a change lists (其中/主要是) against the change")
register_rule("share_percent", "占比", "a printed 占 Y% against the figure ÷ the total it is a share of")
register_rule("narrative_sum", "说明所列分项之和等于总数", "a total and the parts the narrative lists for it")
register_rule("completion_rate", "完成率", "a 决算's 完成年初预算的 Z% against 决算数 ÷ 年初预算数")
register_rule("baseline_year", "比较年度", "a budget compares with the year before it", fixed_judge("notice"))


def _quantize_like(value: Decimal, printed: Decimal) -> Decimal:
    """``value`` rounded half-up to the printed figure's places."""
    return value.quantize(precision(printed), rounding=ROUND_HALF_UP)


def _half(value: Decimal) -> Decimal:
    return precision(value) * HALF


def _ratio_bounds(numerator: Decimal, denominator: Decimal) -> tuple[Decimal, Decimal] | None:
    """The range of 100·n/d when n and d are each printed figures (±half a unit of their places)."""
    n_lo, n_hi = numerator - _half(numerator), numerator + _half(numerator)
    d_lo, d_hi = denominator - _half(denominator), denominator + _half(denominator)
    if d_lo <= 0:
        return None
    n_lo = max(n_lo, Decimal(0))
    return HUNDRED * n_lo / d_hi, HUNDRED * n_hi / d_lo


def percent_check(rule: str, where: str, numerator: Decimal, denominator: Decimal, printed_text: str,
                  provenance: Provenance | None, note: str, expected_sign: int = 1,
                  printed_sign: int = 1) -> Check | None:
    """A printed percentage against 100·numerator/denominator (signed: a decrease is negative),
    graded by the interval the printed figures' rounding allows (see the module docstring)."""
    printed = money(printed_text)
    if printed is None or denominator <= 0:
        return None
    try:
        exact = HUNDRED * numerator / denominator
    except InvalidOperation:
        return None
    expected = _quantize_like(exact, printed) * expected_sign
    signed_printed = printed * printed_sign
    ok = expected == signed_printed
    bounds = _ratio_bounds(numerator, denominator)
    # half a unit for the printed rounding, one more for the largest-remainder adjustment that makes
    # a list of shares add up to 100% (``59.0%`` for 58.94%, ``1.44%`` for 1.427%)
    slack = precision(printed) * Decimal("1.5")
    if bounds is None:
        low = high = exact
    else:
        low, high = bounds
    tolerance = max(high - exact, exact - low) + slack
    check = Check(rule, where, expected, signed_printed, ok, provenance, tolerance=tolerance, unit="%", note=note)
    if not ok:
        inside = expected_sign == printed_sign and low - slack <= printed <= high + slack
        check.severity = "rounding" if inside else "material"
    return check


def _grade_ok(check: Check | None) -> bool:
    return check is not None and (check.ok or check.severity == "rounding")


def _prov(change: dict) -> Provenance | None:
    data = change.get("provenance") or {}
    if not data.get("file"):
        return None
    return Provenance(file=data["file"], page=data.get("page"), line=data.get("line"), table=data.get("table"),
                      row=change.get("subject"))


def _where(change: dict, what: str) -> str:
    table = (change.get("provenance") or {}).get("table") or "说明"
    return f"{table} {change.get('subject') or '（未名）'} {what}"


def change_checks(changes: list[dict], record: Record) -> list[Check]:
    """change_amount, change_percent, change_parts_sum and baseline_year of every statement."""
    out: list[Check] = []
    budget = (record.kind or "").endswith("预算")
    for index, change in enumerate(changes):
        if change.get("parent"):
            continue
        amount = money(change.get("amount")) if change.get("amount") else None
        current = money(change.get("current")) if change.get("current") else None
        baseline = money(change.get("baseline")) if change.get("baseline") else None
        direction = change.get("direction")
        if current is None:
            current = _table_figure(record, change.get("key"))
        where = _prov(change)
        if current is not None and baseline is not None and amount is not None:
            out.append(Check("change_amount", _where(change, "增减额"), abs(current - baseline), amount,
                             abs(current - baseline) == amount, where,
                             tolerance=max(precision(current), precision(baseline), precision(amount)),
                             note=f"本年{change['current']}，上年{change['baseline']}"))
        if amount is None and current is not None and baseline is not None:
            amount = abs(current - baseline)
        previous = baseline
        if previous is None and current is not None and amount is not None and direction in ("increase", "decrease"):
            previous = current - amount if direction == "increase" else current + amount
        if change.get("percent") and previous is not None and amount is not None:
            # signed percents: the direction the figures give against the direction printed
            printed_sign = -1 if direction == "decrease" else 1
            expected_sign = printed_sign
            if current is not None and baseline is not None and direction in ("increase", "decrease"):
                expected_sign = 1 if current > baseline else -1 if current < baseline else printed_sign
            if previous == 0:
                printed = money(change["percent"])
                if printed == HUNDRED:  # 上年为零: the templates print 100% by convention
                    out.append(Check("change_percent", _where(change, "增减幅度"), printed, printed, True, where,
                                     unit="%", note="上年为零，按惯例印100%"))
            else:
                # (上年 derived from 本年 and the change: 本年 said too, so the working can be followed)
                derived_from = f"；上年 = 本年{current}{'−' if direction == 'increase' else '＋'}{amount}" \
                    if baseline is None and current is not None else ""
                check = percent_check("change_percent", _where(change, "增减幅度"), amount, previous,
                                      change["percent"], where, note=f"增减额{amount}÷上年{previous}{derived_from}",
                                      expected_sign=expected_sign, printed_sign=printed_sign)
                if check is not None:
                    out.append(check)
        year = change.get("baseline_year")
        if budget and year and record.year and change.get("baseline_kind", "").startswith("上年") \
                and year != record.year - 1:
            out.append(Check("baseline_year", _where(change, "比较年度"), Decimal(record.year - 1), Decimal(year),
                             False, where, unit="年", note=f"{record.year}年预算与{year}年比较"))
        parts = _direct_parts(changes, index)
        if len(parts) >= 2 and change.get("amount") and all(p.get("amount") for p in parts) \
                and direction in ("increase", "decrease") and "收支" not in (change.get("subject") or ""):
            signed = lambda c: money(c["amount"]) * (1 if c["direction"] == "increase" else -1)  # noqa: E731
            expected = sum((signed(p) for p in parts), Decimal(0))
            printed = signed(change)
            check = Check("change_parts_sum", _where(change, "分项增减之和"), expected, printed, expected == printed,
                          where, tolerance=max(precision(money(p["amount"])) for p in [change, *parts]),
                          note="、".join(f"{p['subject']}{'增加' if p['direction'] == 'increase' else '减少'}"
                                        f"{p['amount']}" for p in parts))
            if abs(expected) < abs(printed) and not check.ok and change.get("reason") and \
                    (change["reason"] or "").startswith(tuple(p["subject"][:2] for p in parts)):
                check.severity = "notice"  # a 主要是 list names the main parts, maybe not all
            out.append(check)
    return out


def _table_figure(record: Record, key: str | None) -> Decimal | None:
    """The tables' own figure of a department total a statement names without printing it (收、支总计
    比2023年各增加5,834.37万元，增长35.74%): its rate is checked against that figure, as a reader
    checks it. Only the department totals; a key two figures share (``total``) is never looked up."""
    if not key or key == "total" or not hasattr(record.totals, key):
        return None
    value = getattr(record.totals, key, None)
    return value if isinstance(value, Decimal) and value > 0 else None


def _direct_parts(changes: list[dict], index: int) -> list[dict]:
    """The parts listed right after statement ``index`` (its own, not a part's own parts)."""
    subject = changes[index].get("subject")
    out = []
    for change in changes[index + 1:]:
        if not change.get("parent"):
            break
        if change["parent"] == subject:
            out.append(change)
    return out


_BASE_WORDS = [("基本支出", ("expenditure", "basic_expenditure")), ("项目支出", ("expenditure", "project_expenditure")),
               ("三公", ("three_public", "total")), ("支出", ("expenditure", "expenditure_total")),
               ("收入", ("income", "income_total"))]


def _named_base(stated: Stated, stated_totals: dict[tuple[str, str], Decimal], record: Record) -> Decimal | None:
    """The total a share names (``占本年支出预算``, ``占部门支出总额的``, ``占“三公”经费的``), in 万元:
    the narrative's own statement of it, else the record's total."""
    words = (stated.share_base or "").rstrip("的")
    if not words:
        return None
    # ``占政府采购支出合同总额``: the procurement total, whatever else the words say (支出)
    found = ("procurement", "total") if "政府采购" in words else classify(words, side_of(words))
    if found is None:
        words = re.sub(r"^(?:本年|部门|本部门|当年)+", "", words)
        found = classify(words, side_of(words))
    if found is None:
        found = next((k for w, k in _BASE_WORDS if w in words), None)
    if found is None:
        return None
    if found == ("income", "income_total") and found not in stated_totals and ("total", "income_and_expenditure") \
            in stated_totals:
        found = ("total", "income_and_expenditure")
    value = stated_totals.get(found)
    if value is None and found == ("expenditure", "expenditure_total"):
        value = stated_totals.get(("total", "income_and_expenditure"))
    if value is not None:
        return value
    from kg.extract.narrative.vocabulary import TOTALS_KEYS

    field = TOTALS_KEYS.get(found)
    if found[0] in ("three_public", "procurement"):
        value = getattr(getattr(record.totals, found[0]), found[1], None)
    elif field:
        value = getattr(record.totals, field)
    if value is not None and record.unit and record.unit != "万元":
        value = convert(value, record.unit, "万元")
    return value


def _current_year_bases(stated: Stated, record: Record) -> list[Decimal]:
    """``占总支出`` / ``占总收入`` of a 决算 may mean the year's own total (本年支出合计, 本年收入合计)
    rather than 支出总计 with its 结转结余: both are candidates, the one the share fits is checked."""
    words = stated.share_base or ""
    keys = [key for word, key in (("支出", "current_year_expenditure"), ("收入", "current_year_income"))
            if word in words and "基本" not in words and "项目" not in words]
    out = []
    for key in keys:
        value = getattr(record.totals, key, None)
        if value is not None and record.unit and record.unit != "万元":
            value = convert(value, record.unit, "万元")
        if value is not None:
            out.append(value)
    return out


def share_checks(narrative: Narrative, compositions, record: Record) -> list[Check]:
    """share_percent of every ``X万元，占Y%`` whose total is known."""
    out: list[Check] = []
    owner = {id(part): c.head for c in compositions for part in c.parts}
    stated_totals: dict[tuple[str, str], Decimal] = {}
    for stated in narrative.amounts:
        if stated.role != "figure" or stated.unit not in ("万元", "元"):
            continue
        found = classify(stated.label, side_of(stated.context.chapter) if stated.context else None)
        if found is not None and (stated.scope == "department" or found[0] not in ("income", "expenditure")):
            stated_totals.setdefault(found, _wan(stated))
    for stated in narrative.amounts:
        if stated.share is None or stated.share_text is None or stated.unit not in ("万元", "元"):
            continue
        part = _wan(stated)
        named = _named_base(stated, stated_totals, record)
        if stated.share_base:
            candidates = [named, *_current_year_bases(stated, record)] if named is not None else []
        else:  # the total the share belongs to is not named: its list's total, or its section's
            head = owner.get(id(stated))
            candidates = ([_wan(head)] if head is not None else []) + \
                [_wan(c) for c in _section_totals(narrative, stated)]
        candidates = [c for c in dict.fromkeys(candidates) if c is not None and c >= part and c > 0]
        if not candidates:
            continue  # the total is not printed here (or what was read is not a total)
        # the share as the sentence names it (占“三公”经费的比例): a reader asks about it in those words
        base_words = (stated.share_base or "").rstrip("的")
        share = f"占{base_words}的比例" if base_words else "占比"
        where = f"{stated.context.label if stated.context and stated.context.label else '说明'} {stated.label} {share}"
        line = stated.line
        where_prov = Provenance(record.source, line.page, line.lineno,
                                stated.context.label if stated.context else None, stated.label)
        checks = [percent_check("share_percent", where, part, base, stated.share_text, where_prov,
                                note=f"{stated.printed}÷{base}" + (f"（占{stated.share_base}）" if stated.share_base else ""))
                  for base in candidates]
        check = next((c for c in checks if _grade_ok(c)), checks[0])
        if check is not None:
            if check.severity == "material":
                check.note += _implied_base(stated, part, record)
            out.append(check)
    return out


# Totals a misprinted share may have been figured on, by name (the record's own, in its unit).
_THREE_PUBLIC_BASES = (("with_meetings_training", "“三公”经费、会议费和培训费合计"), ("total", "“三公”经费"))


def _record_bases(record: Record) -> list[tuple[str, Decimal]]:
    """Every total the record holds, by its Chinese name, in 万元: the department's, then 三公's."""
    totals = record.totals
    out: list[tuple[str, Decimal]] = []
    for key, name in KEY_NAMES.items():
        value = getattr(totals, key, None)
        if isinstance(value, Decimal):
            out.append((name, value))
    for key, name in _THREE_PUBLIC_BASES:
        value = getattr(totals.three_public, key, None)
        if isinstance(value, Decimal):
            out.append((name, value))
    unit = record.unit or "万元"
    return [(name, convert(value, unit, "万元")) for name, value in out]


def _implied_base(stated: Stated, part: Decimal, record: Record) -> str:
    """A share that does not fit its named total, and the record's total it does fit (占“三公”经费的8.75%
    is 222.5 ÷ 2,542.60, the 三公、会议费和培训费 together): said after the check's working, so the reader
    sees which total the document divided by."""
    for name, base in _record_bases(record):
        if base <= 0 or base < part:
            continue
        fits = percent_check("share_percent", "", part, base, stated.share_text, None, "")
        if fits is not None and fits.ok:
            return f"；所印{stated.share_text}%与{stated.printed}÷{base}（{name}）相符"
    return ""


def _wan(stated: Stated) -> Decimal:
    """A printed amount in 万元 (exactly), the unit the shares are recomputed in."""
    return convert(stated.value, stated.unit, "万元") if stated.unit == "元" else stated.value


def _section_totals(narrative: Narrative, stated: Stated) -> list[Stated]:
    """Figures printed before a share in its subsection, then in its chapter (the totals it may be
    a share of), nearest section first."""
    context = stated.context
    if context is None:
        return []
    earlier = [c for c in narrative.amounts if c.start < stated.start and c.role == "figure" and c.context
               and c.unit in ("万元", "元") and c is not stated]
    in_sub = [c for c in earlier if context.sub and c.context.sub == context.sub and c.context.chapter == context.chapter]
    in_chapter = [c for c in earlier if c.context.chapter == context.chapter and c not in in_sub]
    # a section's total is its largest figure before the share (its parts follow it)
    return sorted(in_sub, key=lambda c: -_wan(c)) + sorted(in_chapter, key=lambda c: -_wan(c))


def composition_checks(compositions, record: Record) -> list[Check]:
    """narrative_sum of every listed total (政府采购 is checked by ``narrative.checks``, a 项目支出
    listed by project by ``narrative.enumerated_projects``)."""
    from kg.extract.narrative.enumerated_projects import enumerates_projects

    out: list[Check] = []
    for composition in compositions:
        head = composition.head
        if classify(head.label) in (("procurement", "total"),) or \
                (enumerates_projects(composition) and not composition.implicit):
            continue  # an explicit list of projects is checked by ``enumeration_checks``
        parts = without_subparts(composition.parts)
        if any(p.unit != head.unit for p in parts):
            continue
        expected = sum((p.value for p in parts), Decimal(0))
        tolerance = max([precision(head.value)] + [precision(p.value) for p in parts])
        line = head.line
        listed = "所列项目" if enumerates_projects(composition) else "所列分项"
        where = f"{head.context.label if head.context and head.context.label else '说明'} {head.label} {listed}"
        check = Check("narrative_sum", where, expected, head.value, expected == head.value,
                      Provenance(record.source, line.page, line.lineno,
                                 head.context.label if head.context else None, head.label),
                      tolerance=tolerance, note=f"{composition.word}：" + "、".join(
                          f"{p.label}{p.printed}" for p in parts))
        if not check.ok and composition.partial and expected < head.value:
            check.severity = "notice"  # 主要用于/主要包括 may name the main parts only
        elif not check.ok and expected < head.value - tolerance and not _exhaustive(composition):
            check.severity = "notice"  # a 其中 list of some parts, not all
        out.append(check)
    return out


def without_subparts(parts: list) -> list:
    """The parts of a list without the breakdown of one of them printed right after it
    (``公务用车购置及运行费5.00、公务用车购置费0.00、公务用车运行费5.00``): the parts that follow a part, add
    up to it and share the first words of its name are that part's own, not more of the total's —
    counting them twice would report a gap the document does not have."""
    out, i = [], 0
    while i < len(parts):
        part = parts[i]
        out.append(part)
        running, j = Decimal(0), i + 1
        while j < len(parts) and running < part.value and parts[j].unit == part.unit:
            running += parts[j].value
            j += 1
        stem = (part.label or "")[:2]
        while j < len(parts) and parts[j].value == 0 and parts[j].unit == part.unit and running == part.value \
                and (parts[j].label or "").startswith(stem):
            j += 1  # a zero part at the end of the breakdown (运行费5.00、购置费0.00)
        if j - i - 1 >= 2 and running == part.value and part.value and len(stem) == 2 \
                and all((q.label or "").startswith(stem) for q in parts[i + 1:j]):
            i = j
            continue
        i += 1
    return out


def _exhaustive(composition) -> bool:
    """True where the parts are the kinds that make up their total (income sources, 基本+项目,
    三公's parts, 政府采购's three kinds): a gap there is material."""
    topics = {(classify(p.label) or ("", ""))[0] for p in composition.parts}
    head_topic = (classify(composition.head.label) or ("", ""))[0]
    return bool(topics) and topics <= {"income", "expenditure", "three_public", "procurement"} \
        and head_topic in ("income", "expenditure", "three_public", "procurement", "total")


_EXECUTION_RE = re.compile(r"(?:年初预算|全年预算|调整预算|预算)(?:数)?为?" + NUM + r"万元[，,](?:\d{4}年度?)?(?:支出)?决算(?:数)?为?" + NUM
                           + r"万元[，,]完成(?:年初|全年)?预算(?:" + NUM + r"万元)?的?" + NUM + r"[%％]")


def completion_checks(narrative: Narrative, record: Record) -> list[Check]:
    """completion_rate of every ``年初预算为A，支出决算为B，完成年初预算的Z%``."""
    out: list[Check] = []
    text = narrative.span.text
    for m in _EXECUTION_RE.finditer(text):
        budget, final, percent = money(m.group(1)), money(m.group(2)), m.group(4)
        if budget is None or final is None or budget == 0:
            continue
        line = narrative.span.line_at(m.start())
        context = narrative.contexts.get(line.lineno)
        head = re.split(r"[，,。；;：:]", text[max(0, m.start() - 40):m.start()])[-1]
        where = f"{context.label if context and context.label else '说明'} {head or '支出'} 完成率"
        check = percent_check("completion_rate", where, final, budget, percent,
                              Provenance(record.source, line.page, line.lineno, context.label if context else None,
                                         head or None), note=f"决算{m.group(2)}÷年初预算{m.group(1)}")
        if check is not None:
            out.append(check)
    return out


_COMPARED = ("income_total", "expenditure_total", "current_year_income", "basic_expenditure", "project_expenditure",
             "general_public_budget", "government_fund", "state_capital", "carryover_total", "operating_expenses")


# The narrative's 三公 total and the 会议费 / 培训费 beside it, against the 三公 table's (``Totals.three_public``).
_FAMILY_COMPARED = {("three_public", "total"): "total", ("meetings", "total"): "meetings",
                    ("training", "total"): "training"}
_FAMILY_NAMES = {"total": "“三公”经费", "meetings": "会议费", "training": "培训费"}


def table_checks(narrative: Narrative, record: Record) -> list[Check]:
    """same_figure: the narrative's department totals against the tables' (tables in the record's
    unit; the narrative's printed precision is the rounding allowed)."""
    from kg.extract.narrative.vocabulary import TOTALS_KEYS

    out: list[Check] = []
    totals = record.totals
    done: set[str] = set()
    facts = read_facts(narrative, record)
    for fact in facts:
        if fact.period != "current":
            continue
        family = _FAMILY_COMPARED.get((fact.topic, fact.key))
        names = ["income_total", "expenditure_total"] if (fact.topic, fact.key) == ("total", "income_and_expenditure") \
            else [f"three_public.{family}"] if family else [TOTALS_KEYS.get((fact.topic, fact.key))]
        for name in names:
            if (name not in _COMPARED and not family) or name in done:
                continue
            if fact.scope == "fiscal" and fact.topic != "operating_expenses" and not family:
                continue  # (三公、会议费、培训费 are the 财政拨款's in the tables as well)
            source = totals.provenance.get(name)
            table_value = getattr(totals.three_public, family) if family else getattr(totals, name)
            if source is None or table_value is None or (source.table or "").startswith("说明") or source.table is None:
                continue
            done.add(name)
            step = precision(money(fact.printed))  # the narrative's printed precision, in its own unit
            tolerance = in_record_unit(step, fact.printed_unit, record.unit)
            # the table's figure rounded as the narrative prints it (``9628.22万元`` for 96,282,213.44元)
            in_printed_unit = in_record_unit(table_value, record.unit or "万元", fact.printed_unit)
            ok = in_printed_unit is not None and \
                in_printed_unit.quantize(step, rounding=ROUND_HALF_UP) == money(fact.printed)
            label = _FAMILY_NAMES[family] if family else KEY_NAMES.get(name, name) if name != "operating_expenses" \
                else "机关运行经费"
            check = Check("same_figure", f"{fact.provenance.table or '说明'} {label} vs {source.table}",
                          table_value, fact.value, ok, fact.provenance, tolerance=max(tolerance or CENT, CENT),
                          note=f"说明印{fact.printed}{fact.printed_unit}")
            if not ok and _unit_word_misprinted(fact, table_value, record.unit, step):
                # ``预算支出1682.76元`` beside 1682.76万元 in every table: the number is the table's,
                # the unit word is the slip — told, not graded as a wrong figure
                check.severity = "notice"
                check.note += f"（数字与表中{table_value}{record.unit}一致，单位字样疑误印）"
            out.append(check)
    return out


# A project's name as the narrative may print it: without a leading year (``2026信访专项经费``) or
# the department's own name, and without the word 项目 the table adds or drops.
_YEAR_LEAD_RE = re.compile(r"^(?:\d{4}年?度?)")


def _project_key(name: str, department: str | None) -> str:
    key = re.sub(r"[“”\"（）()\s]", "", name)
    if department:
        key = key.replace(department, "")
    key = _YEAR_LEAD_RE.sub("", key)
    return re.sub(r"项目$", "", key)


def project_figure_checks(narrative: Narrative, record: Record) -> list[Check]:
    """same_figure: a project's amount the narrative states by the project's name (``信访局临聘人员
    经费15.56万元`` in 项目支出情况说明) against the amount of the project table that lists it. Only
    names that identify one project's amount are compared, and only figures of the budget's own year
    (a sentence naming another year is about that year)."""
    amounts: dict[str, set[Decimal]] = {}
    sources: dict[str, object] = {}
    for project in record.projects:
        if project.amount is None:
            continue
        table = next((p for p in project.provenance if p.table and not p.table.startswith("说明")), None)
        if table is None:
            continue  # a project the narrative alone names has nothing to be compared with
        for name in project.all_names():
            key = _project_key(name, record.department)
            if len(key) >= 4:
                amounts.setdefault(key, set()).add(project.amount)
                sources.setdefault(key, table)
    out: list[Check] = []
    seen: set[tuple[str, Decimal]] = set()
    for stated in narrative.amounts:
        if stated.role != "figure":
            continue
        key = _project_key(stated.label or "", record.department)
        found = amounts.get(key)
        if not found or len(found) != 1:
            continue
        years = re.findall(r"(\d{4})年", stated.raw)
        if any(int(y) != record.year for y in years):
            continue
        value = in_record_unit(stated.value, stated.unit, record.unit)
        if value is None or (key, value) in seen:
            continue
        seen.add((key, value))
        expected = next(iter(found))
        step = precision(money(stated.printed))
        shown = in_record_unit(expected, record.unit or "万元", stated.unit)
        ok = shown is not None and shown.quantize(step, rounding=ROUND_HALF_UP) == money(stated.printed)
        table = sources[key]
        context = narrative.contexts.get(stated.line.lineno)
        section = context.label if context and context.label else "说明"
        where = Provenance(record.source, stated.line.page, stated.line.lineno, section, stated.label)
        out.append(Check("same_figure", f"{section} {stated.label} vs {table.table}", expected, value, ok, where,
                         tolerance=max(in_record_unit(step, stated.unit, record.unit) or CENT, CENT),
                         note=f"说明印{stated.printed}{stated.unit}，{table.table}第{table.page}页列{expected}{record.unit or ''}"))
    return out


# A label naming the 财政拨款 money's grand total (财政拨款收入支出总计, 财政拨款收支总预算): the
# 财政拨款 words, then a label the vocabulary reads as both sides' total.
_FISCAL_PREFIX = re.compile(r"^.*?财政拨款(?:预算)?")


def fiscal_summary_checks(narrative: Narrative, parts, record: Record) -> list[Check]:
    """same_figure: the 财政拨款收支总计 the narrative states against the grand total of the
    财政拨款收支总表 (the first statement only; the narrative's printed precision is the rounding allowed)."""
    fiscal = parts.table("fiscal_summary") if hasattr(parts, "table") else None
    grand = getattr(getattr(fiscal, "data", None), "grand", None)
    table_value = getattr(grand, "income_total", None) or getattr(grand, "expenditure_total", None)
    if table_value is None:
        return []
    for stated in narrative.amounts:
        label = stated.label or ""
        rest = _FISCAL_PREFIX.sub("", label)
        if rest == label or stated.role != "figure" or classify(rest) != ("total", "income_and_expenditure"):
            continue
        value = in_record_unit(stated.value, stated.unit, record.unit)
        if value is None:
            continue
        step = precision(money(stated.printed))
        shown = in_record_unit(table_value, record.unit or "万元", stated.unit)
        ok = shown is not None and shown.quantize(step, rounding=ROUND_HALF_UP) == money(stated.printed)
        context = narrative.contexts.get(stated.line.lineno)
        section = context.label if context and context.label else "说明"  # 说明四, as the finding names it
        where = Provenance(record.source, stated.line.page, stated.line.lineno, section, stated.label)
        title = f" {fiscal.title}" if getattr(fiscal, "title", None) else ""
        # the year's own 合计 beside a 总计 that adds the carry-over (2,940.05 + 21.63 = 2,961.68)
        by_key = getattr(fiscal.data, "by_key", None) or {}
        year_total, carried = by_key.get("current_year_income"), by_key.get("carryover_total")
        beside = f"（其中本年收入合计{year_total}" + (f"、上年结转{carried}" if carried else "") + "）" \
            if year_total is not None and year_total != table_value else ""
        return [Check("same_figure", f"{section} {stated.label} vs {fiscal.label}{title}", table_value, value, ok,
                      where, tolerance=max(in_record_unit(step, stated.unit, record.unit) or CENT, CENT),
                      note=f"说明印{stated.printed}{stated.unit}，{fiscal.label}总计{table_value}{beside}")]
    return []


# A label naming the year's own 一般公共预算 appropriation (一般公共预算当年拨款, 当年财政拨款收入): money
# without the 上年结转 the 财政拨款收支总预算 adds.
_THIS_YEAR_GRANT = re.compile(r"当年(?:财政)?拨款")
_GRANT_KEYS = {("income", "general_public_budget"), ("expenditure", "general_public_budget_expenditure")}


def appropriation_checks(narrative: Narrative, record: Record) -> list[Check]:
    """same_figure: the 一般公共预算当年拨款 a budget's narrative states against the 一般公共预算 (current
    year) of its income tables. A statement that adds the 上年结转 the tables keep apart (91,842.80 =
    91,495.48 + 347.32) is said so in the note: the 当年拨款 is then printed in the wrong scope."""
    table_value = record.totals.general_public_budget
    source = record.totals.provenance.get("general_public_budget")
    if not (record.kind or "").endswith("预算") or table_value is None or source is None \
            or (source.table or "说明").startswith("说明"):
        return []
    carried = record.totals.carryover_general_public_budget
    out: list[Check] = []
    seen: set[Decimal] = set()
    for stated in narrative.amounts:
        label = stated.label or ""
        if stated.role != "figure" or not _THIS_YEAR_GRANT.search(label) or "结转" in label \
                or classify(label, side_of(label)) not in _GRANT_KEYS:
            continue
        value = in_record_unit(stated.value, stated.unit, record.unit)
        if value is None or value in seen:
            continue
        seen.add(value)
        step = precision(money(stated.printed))
        shown = in_record_unit(table_value, record.unit or "万元", stated.unit)
        ok = shown is not None and shown.quantize(step, rounding=ROUND_HALF_UP) == money(stated.printed)
        context = narrative.contexts.get(stated.line.lineno)
        section = context.label if context and context.label else "说明"
        where = Provenance(record.source, stated.line.page, stated.line.lineno, section, label)
        note = f"说明印{stated.printed}{stated.unit}，{source.table}一般公共预算（当年）{table_value}{record.unit or ''}"
        if not ok and carried and value == table_value + carried:
            note += f"；{stated.printed} = {table_value} + 上年结转{carried}，把上年结转计入了当年拨款"
        out.append(Check("same_figure", f"{section} {label} vs {source.table} 一般公共预算拨款收入", table_value,
                         value, ok, where, tolerance=max(in_record_unit(step, stated.unit, record.unit) or CENT, CENT),
                         note=note))
    return out


def _unit_word_misprinted(fact, table_value: Decimal, unit: str | None, step: Decimal) -> bool:
    """The narrative prints the table's number exactly under another unit word."""
    printed = money(fact.printed)
    return bool(unit and fact.printed_unit and fact.printed_unit != unit and printed is not None
                and table_value.quantize(step, rounding=ROUND_HALF_UP) == printed)
    return out


def _new_lists(checks: list[Check], listed: list[Check], record: Record) -> list[Check]:
    """The subject lists no composition already added up to the same sum against the same total (one
    finding per list; a total with two lists — 基本支出 and 项目支出, then its subjects — keeps both).
    A composition's sums are the narrative's own (万元), a subject list's in the record's unit: they
    are compared in the record's unit, so a document printing its tables in 元 drops the same lists."""
    heads: dict[tuple, list[Check]] = {}
    for c in listed:
        if c.provenance is not None:
            heads.setdefault((c.provenance.page, c.provenance.line), []).append(c)

    def told(check: Check) -> bool:  # a list of the same total already added up, naming its first subject
        first = (check.note or "").split("：", 1)[-1].split("、")[0][:6]
        return any(in_record_unit(c.expected, "万元", record.unit) == check.expected or (first and first in (c.note or ""))
                   for c in heads.get((check.provenance.page, check.provenance.line), []))
    return [c for c in checks if c.provenance is None or not told(c)]


def narrative_lines(parts) -> list:
    """The narrative's lines: the cut-out narrative where the sections are known, else the document."""
    lines = list(getattr(parts, "narrative", None) or [])
    if not lines:
        doc = getattr(parts, "doc", None)
        lines = list(doc.lines) if doc is not None else []
    return [line for line in lines if line.cells is None]


@register_checks("narrative.audit", "说明文字的数字核对")
def narrative_audit(parts, record: Record) -> list[Check]:
    """Every check of this module on one document (see the module docstring)."""
    lines = narrative_lines(parts)
    if not lines:
        return []
    # a narrative printed in 元 is recomputed in 万元, its precision as the 万元 figure shows it
    # (``69,000.00元`` is 6.9万元: the 元 print adds no precision the 万元 one has not)
    from kg.extract.narrative.units import in_wan

    lines = in_wan(lines)
    narrative = read_statements(lines, record.department)
    compositions = read_compositions(narrative, implicit=True)
    changes = read_changes(lines, record.source, record.department, narrative=narrative,
                           final=(record.kind or "").endswith("决算"))
    listed = composition_checks(compositions, record)
    return (change_checks(changes, record) + share_checks(narrative, [c for c in compositions if not c.implicit], record)
            + listed + _new_lists(subject_list_checks(narrative, record, record.source), listed, record)
            + completion_checks(narrative, record)
            + table_checks(narrative, record) + fiscal_summary_checks(narrative, parts, record)
            + appropriation_checks(narrative, record)
            + project_figure_checks(narrative, record))


__all__ = ["narrative_audit", "percent_check", "key_name"]
