"""The narrative against the tables (说明里的数字前后对不上吗): each statement the 情况说明 makes about a
functional subject (住房公积金（项）2026年预算安排201.50万元，比上年增加5.27%) is compared with the row the
tables print for that subject, and a statement that gives its year-before amount with its change is
recomputed (current − previous against the stated 增减额, ÷ previous against the stated rate). Every
mismatch is listed with both figures; consistent statements are counted, not listed.

The statements are the graph's ``bkg:Change`` records; the rows are its functional-subject
observations. Arithmetic is on ``Decimal``; a rate is recomputed to two decimals, half up, as printed.
"""
from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from nlp.execute.base import Context, Result, who
from nlp.execute.places import place_of, seen_at
from nlp.graph import Row
from nlp.reply import Item, money
from nlp.sparql import Constraints
from nlp.vocabulary import WAN

# A subject named with its levels and their codes (公共安全支出（204类）司法（06款）其他司法支出（99项）).
_CODED = re.compile(r"[（(](\d{3})类[）)].*?[（(](\d{2})款[）)](?:.*?[（(](\d{2})项[）)])?")
# A subject named by its levels without codes (…（类）…（款）社会福利事业单位（项）): the last level's name.
_LEVEL_NAME = re.compile(r"([\u4e00-\u9fff、]+)[（(](?:类|款|项)[）)]")
_COLUMNS = {"total": "合计", "basic": "基本支出", "project": "项目支出"}
CENT = Decimal("0.01")
# Words asking about the narrative against the tables (说明里的数字, 正文和表, 前后对不上).
NARRATIVE_WORDS = r"说明|文字|正文|前后|表里|表中|跟表|和表|与表|写的|写得|所写"
# Words naming the 说明 itself (not 表中 alone: 决算表中哪些合计对不上 asks of the tables).
NARRATIVE_NAMED = r"说明|文字|正文|写的|写得|所写"
# Words asking whether the narrative agrees with itself (前后说得一样吗, 两处矛盾吗).
SELF_AGREEMENT_WORDS = r"前后|两处|矛盾|一样|一致"


def _subject_of(label: str, rows: list[Row]) -> list[Row]:
    """The table rows (every column) of the subject a statement names, by code or by its last level's name."""
    m = _CODED.search(label)
    if m:
        code = "".join(g for g in m.groups() if g)
        return [r for r in rows if r.key == code]
    names = _LEVEL_NAME.findall(label)
    if names:
        name = names[-1].strip("“”\"")
        coded = {r.key for r in rows if r.label == name and len(r.key) == 2 * len(names) + 1}
        return [r for r in rows if r.key in coded]
    return []


def _rate(current: Decimal, previous: Decimal) -> Decimal | None:
    if not previous:
        return None
    return ((current - previous) * 100 / previous).quantize(CENT, rounding=ROUND_HALF_UP)


def own_name(label: str) -> str:
    """A statement's subject by its own (last level's) name: 一般公共服务支出（类）信访事务（款）其他信访事务支出（项）
    and 其他信访事务支出 are one subject, as a reader takes them."""
    names = _LEVEL_NAME.findall(label or "")
    name = names[-1] if names else re.sub(r"[（(]\d{3,7}[）)]", "", label or "")
    return name.strip("“”\" ")


def implied_current(change: Row) -> tuple[Decimal, Decimal] | None:
    """The current figure a statement printing only its change and rate implies (比上年减少21,519.26万元，减少
    85.59%: previous = 21,519.26 ÷ 85.59%, current = previous − 21,519.26), with how far the rate's rounding
    to its printed place lets it be off; None where the statement lacks either."""
    amount, percent = change.amount, change.attrs.get("percent")
    if amount is None or percent is None or not percent or not amount:
        return None
    previous = abs(amount) * 100 / abs(percent)
    tolerance = previous * _places(percent) / 2 / abs(percent) + CENT
    return previous + amount, tolerance


def _stated_twice(changes: list[Row]) -> list[tuple[str, Decimal, list[Row]]]:
    """Statements of one item with one current amount whose stated changes differ (说明三：基本支出320.04万元，
    比上年减少6.9万元；说明五：基本支出320.04万元，比上年减少1.9万元): the narrative contradicts itself.
    The item is its own name (the levels above it unsaid); a statement that prints no current figure is of
    the current figure its change and rate imply, where exactly one stated current figure of that item fits
    it. Statements of one item with different current amounts are of different scopes (all funds against
    一般公共预算) and are left alone."""
    groups: dict[tuple[str, Decimal], list[Row]] = {}
    for c in changes:
        current, stated = c.attrs.get("current"), c.amount
        if current is None or stated is None:
            continue
        groups.setdefault((own_name(c.label), current), []).append(c)
    for c in changes:
        implied = implied_current(c) if c.attrs.get("current") is None else None
        if implied is None:
            continue
        fits = [key for key in groups if key[0] == own_name(c.label) and abs(key[1] - implied[0]) <= implied[1]]
        if len(fits) == 1:
            groups[fits[0]].append(c)
    return [(name, current, rows) for (name, current), rows in groups.items()
            if len({r.amount for r in rows}) > 1]


def _contradictions(budgets, ctx: Context, clause: str, named_only: bool = False) -> Result:
    """The items the narrative states twice with different changes, those the question names first (with
    ``named_only``, only those): each statement's change and the previous-year figure it implies."""
    items: list[Item] = []
    parts: list[str] = []
    for b in budgets:
        twice = _stated_twice(ctx.rows("changes", [b]))
        named = [t for t in twice if t[0] and t[0] in clause]
        for name, current, rows in named if named or named_only else twice:
            said = "；".join(f"{'增加' if r.amount >= 0 else '减少'}{money(abs(r.amount))}万元"
                            + (f"（{abs(r.attrs['percent'])}%）" if r.attrs.get("percent") is not None else "")
                            + f"，即上年{money(current - r.amount)}万元" + seen_at(place_of(r))
                            for r in rows)
            items.append(Item(name, money(current), WAN, b.department, b.year, rows[0].source))
            for r in rows:
                items.append(Item(f"{name}比上年增减", money(r.amount), WAN, b.department, b.year, r.source,
                                  {"printed": money(r.amount), "expected": "、".join(money(x.amount) for x in rows
                                                                                    if x is not r),
                                   "rule": "narrative_twice", "stated_in": "说明", "place": place_of(r)}))
                items.append(Item(f"{name}按此说法的上年数", money(current - r.amount), WAN, b.department, b.year,
                                  r.source, {"formula": f"{money(current)} − ({money(r.amount)}) = "
                                                        f"{money(current - r.amount)}", "place": place_of(r)}))
            parts.append(f"{who(b.department, b.year)}说明中{name}同为{money(current)}万元，比上年的增减却有"
                         f"{len(rows)}种说法：{said}，前后不一致")
    if not items:
        return Result()
    return Result(items, "；".join(parts) + "。", [], [])


def _rate_fits(figure: Decimal | None, previous: Decimal | None, said: Decimal | None) -> bool:
    """Whether a stated rate is the change from ``previous`` to ``figure`` (to the printed cent)."""
    if figure is None or previous is None or said is None:
        return False
    rate = _rate(figure, previous)
    return rate is not None and abs(rate - said) <= _places(said)


def _places(printed: Decimal) -> Decimal:
    """One unit of a printed rate's last place (``5.3`` → 0.1), never less than 0.01: the rounding allowed."""
    exponent = printed.as_tuple().exponent
    return max(Decimal(1).scaleb(exponent), CENT) if isinstance(exponent, int) and exponent < 0 else Decimal(1)


def one_digit_slip(printed: Decimal, fits) -> tuple[Decimal, str] | None:
    """The figure a printed one is with one digit too many (43269.3 → 3269.3, the “4”), where exactly one
    such figure ``fits`` (the statement's rate follows from it): (that figure, the digit); else None."""
    text = f"{printed:f}"
    found: dict[Decimal, str] = {}
    for i, ch in enumerate(text):
        if not ch.isdigit():
            continue
        rest = text[:i] + text[i + 1:]
        if not rest or rest.startswith(".") or (rest[0] == "0" and not rest.startswith("0.")):
            continue
        value = Decimal(rest)
        if value and value != printed and fits(value):  # (a trailing 0 of the decimals left out is no slip)
            found.setdefault(value, ch)
    return next(iter(found.items())) if len(found) == 1 else None


def implied_previous(current: Decimal, percent: Decimal) -> Decimal | None:
    """The previous year's figure a stated rate implies: current ÷ (1 + rate), to the cent."""
    factor = 1 + percent / 100
    if factor <= 0:
        return None
    return (current / factor).quantize(CENT, rounding=ROUND_HALF_UP)


# Words of a statement's subject that name no figure of their own (通过一般公共预算财政拨款安排的“三公”经费预算:
# 三公 is what a question names it by).
_GENERIC = r"通过|一般公共预算|财政拨款|安排的?|预算|经费|支出|资金|费用?|的|“|”|\""


def _named_words(label: str) -> list[str]:
    """The words of a statement's subject a question names it by (三公 of 财政拨款安排的“三公”经费预算)."""
    return [w for w in re.split(_GENERIC, label) if len(w) >= 2]


def _agreeing(c: Row, clause: str, only, agreeing: list, b) -> None:
    """A statement the question names (三公经费的增长率算得对吗) whose change agrees with its own current and
    previous figures: told with its recomputation, since the question asks of it — not only of mismatches."""
    current, previous, said = c.attrs.get("current"), c.attrs.get("previous"), c.attrs.get("percent")
    if only is not None or current is None or previous is None or c.amount is None or said is None:
        return
    words = _named_words(c.label)
    if not words or not any(w in clause for w in words) or current - previous != c.amount:
        return
    rate = _rate(current, previous)
    if rate is None or abs(rate - said) > _places(said):
        return
    name = c.label.strip("“”\"")
    text = (f"{name}：说明写{money(current)}万元，比上年{'增加' if c.amount >= 0 else '减少'}{money(abs(c.amount))}万元、"
            f"{'增长' if said >= 0 else '下降'}{abs(said)}%，按({money(current)} − {money(previous)}) ÷ {money(previous)} = "
            f"{rate}%，一致")
    extra = [Item(name, money(current), WAN, b.department, b.year, c.source),
             Item(f"{name}上年数", money(previous), WAN, b.department, b.year, c.source),
             Item(f"{name}增减幅度", f"{said}", "%", b.department, b.year, c.source,
                  {"printed": f"{said}%", "expected": f"{rate}%", "formula": f"({money(current)} − {money(previous)}) ÷ "
                                                                            f"{money(previous)}"})]
    if len([a for a in agreeing if a[0].label == c.label]) == 0 and len(agreeing) < 3:
        agreeing.append((c, text, extra))


def audit_narrative(ctx: Context, budgets, only: list[str] | None = None, clause: str = "") -> Result:
    """Every statement about a functional subject against its table row, and every stated change
    against its own inputs; the mismatches as items (label, both figures), the rest counted. With
    ``only`` (subject codes the question names) just those subjects, shown whether or not they agree."""
    against_tables = re.search(r"表", clause) is not None and not re.search(r"矛盾|前后", clause)
    twice = _contradictions(budgets, ctx, clause, named_only=only is not None or against_tables) \
        if re.search(SELF_AGREEMENT_WORDS, clause) else Result()
    if only is None and twice.items and not re.search(r"表", clause):
        return twice  # 说明里前后说得一样吗: the statements that contradict each other (和表里一致吗: the tables too)
    checked = _audited(ctx, budgets, only, clause)
    if not twice.items:
        return checked
    # 其他信访事务支出比上年是增是减，前后说法一致吗: the subject named, stated twice — both statements first,
    # then its statement against the tables
    return Result(twice.items + checked.items, twice.text + checked.text, twice.derived + checked.derived, [])


def _audited(ctx: Context, budgets, only: list[str] | None, clause: str) -> Result:
    """The statements against the tables and against their own figures (``audit_narrative`` less the
    contradictions)."""
    items: list[Item] = []
    parts: list[str] = []
    agreeing: list[tuple[Row, str, list[Item]]] = []
    checked = 0
    for b in budgets:
        changes = ctx.rows("changes", [b])
        if not changes:
            continue
        subjects = ctx.rows("subjects", [b], Constraints(scheme="functional"))
        subjects = [r for r in subjects if r.attrs.get("phase") in (None, b.phase)]
        # the same subject's rows in the tables of one kind of funds (一般公共预算支出表): a statement of the
        # 一般公共预算 chapter prints those, not the all-funds table's
        scoped = [r for r in ctx.rows("scoped", [b]) if r.attrs.get("phase") in (None, b.phase) and r.amount is not None]
        for c in changes:
            _agreeing(c, clause, only, agreeing, b)
            current = c.attrs.get("current")
            # the earlier figure as derived from the stated change, else as printed beside the rate
            previous = c.attrs.get("previous") if c.attrs.get("previous") is not None else c.attrs.get("printed_previous")
            name = c.label.strip("“”\"")
            place = place_of(c)  # the 说明's headings above the statement, as printed
            compared = c.attrs.get("compared_with")  # what it compares with, as printed (2025年当年预算执行数)
            rows = _subject_of(name, subjects) if current is not None else []
            if only is not None and not any(r.key.startswith(code) for r in rows[:1] for code in only):
                continue
            # the subject as the tables name it (其他司法支出（2040699）), its statement's words kept apart
            shown = f"{rows[0].label}（{rows[0].key}）" if rows else name
            table_figure = None  # the table's figure where the statement's own differs from it
            if rows:
                checked += 1
                columns = {r.attrs.get("column"): r.amount for r in rows if r.amount is not None}
                agrees = current in {v.quantize(CENT, rounding=ROUND_HALF_UP) for v in columns.values()} or \
                    current in {r.amount.quantize(CENT, rounding=ROUND_HALF_UP) for r in scoped if r.key == rows[0].key}
                if not agrees:
                    table_figure = columns.get("total")
                if not agrees or only is not None:
                    code, label = rows[0].key, rows[0].label
                    printed = "、".join(f"{word}{money(columns[k])}万元" for k, word in _COLUMNS.items()
                                       if k in columns)
                    # as the graph's findings are: where (the subject), the printed figure, what the tables say
                    items.append(Item(f"{label}（{code}）", money(current), WAN, b.department, b.year, c.source,
                                      {"printed": money(current), "expected": printed, "rule": "narrative_table",
                                       "stated_in": "说明",  # and the statement's subject as printed
                                       "stated_as": name if name and name != label else None, "place": place}))
                    for k, word in _COLUMNS.items():
                        if columns.get(k):
                            items.append(Item(f"{label}（{code}）表中{word}", money(columns[k]), WAN, b.department,
                                              b.year, rows[0].source, {"place": place_of(rows[0])}))
                    fits = _rate_fits(table_figure, previous, c.attrs.get("percent"))
                    # the column nearest the statement's figure, and how far it is (738.66 against 基本支出 696.48)
                    near = min(((abs(current - v), k) for k, v in columns.items() if v and k in _COLUMNS),
                               default=None)
                    gap = (f"，与{_COLUMNS[near[1]]}相差{money(near[0])}万元"
                           if near is not None and not agrees and near[0] else "")
                    parts.append(f"{label}（{code}）：说明写{money(current)}万元，表中为{printed}，" +
                                 ("一致" if agrees else "对不上") + gap +
                                 (f"；按表中{money(table_figure)}万元计，比上年{money(previous)}万元增减"
                                  f"{_rate(table_figure, previous)}%，与所写{c.attrs.get('percent')}%一致，"
                                  f"说明中的{money(current)}万元有误" if fits else "") + seen_at(place))
            if current is not None and previous is not None:
                checked += 1
                delta = current - previous
                stated = c.amount
                if stated is not None and stated != delta:
                    items.append(Item(f"{name}增减额", money(stated), WAN, b.department, b.year, c.source,
                                      {"printed": money(stated), "expected": money(delta), "rule": "narrative_change",
                                       "place": place}))
                    parts.append(f"{name}：说明写比上年{'增加' if stated >= 0 else '减少'}{money(abs(stated))}万元，"
                                 f"按{money(current)} − {money(previous)}应为{money(delta)}万元" + seen_at(place, name))
                rate, said = _rate(current, previous), c.attrs.get("percent")
                if _rate_fits(table_figure, previous, said):
                    continue  # the rate fits the table's figure: the statement's current figure is the slip (above)
                if said is not None and rate is not None and abs(rate - said) > _places(said):
                    items.append(Item(f"{shown}增减幅度", f"{said}", "%", b.department, b.year, c.source,
                                      {"printed": f"{said}%", "expected": f"{rate}%", "rule": "narrative_rate",
                                       "stated_as": name if name != shown else None, "place": place}))
                    implied = implied_previous(current, said)
                    # the printed direction and rate agree with each other, and the earlier figure contradicts
                    # them (增加 from a larger figure): the earlier figure is the slip, the rate tells what it was
                    previous_wrong = implied is not None and \
                        ((said > 0 and previous > current) or (said < 0 and previous < current))
                    parts.append(f"{shown}：说明写增减{said}%，按({money(current)} − {money(previous)}) ÷ "
                                 f"{money(previous)}应为{rate}%" +
                                 (f"；按所写增幅倒推，上年应为{money(implied)}万元（说明写{money(previous)}万元）"
                                  if implied is not None else "") +
                                 ("，所写的上年数有误" + (f"（{compared}）" if compared else "") if previous_wrong else "")
                                 + seen_at(place, shown))
                    if previous_wrong:  # the earlier figure also by the statement's own words for it
                        items.append(Item(f"{shown}上年数", money(previous), WAN, b.department, b.year, c.source,
                                          {"printed": money(previous), "expected": money(implied),
                                           "rule": "narrative_previous", "stated_as": name, "place": place,
                                           "compared_with": compared}))
                        slip = one_digit_slip(previous, lambda x: _rate_fits(current, x, said))
                        if slip is not None:  # 43269.3 is 3269.3 with a 4 too many: the rate fits that one
                            # on the previous-year row itself (the answer keeps its rows: one per finding)
                            items[-1].extra.update({
                                "digit_slip": f"去掉多印的“{slip[1]}”即{money(slip[0])}",
                                "slip_formula": f"({money(current)} − {money(slip[0])}) ÷ {money(slip[0])} = "
                                                f"{_rate(current, slip[0])}%"})
                            parts[-1] += (f"；所写{money(previous)}去掉多印的“{slip[1]}”即{money(slip[0])}万元，按它计增减"
                                          f"{_rate(current, slip[0])}%，与所写{said}%相符")
                    if implied is not None:  # which figure is wrong: the rate, or the previous year's figure
                        items.append(Item(f"{shown}按所写增幅倒推的上年数", money(implied), WAN, b.department, b.year,
                                          c.source, {"formula": f"{money(current)} ÷ (1 + {said}%) = {money(implied)}"}))
                elif said is not None and rate is None and current:  # a rate on a base of 0 (增长0%)
                    items.append(Item(name, money(current), WAN, b.department, b.year, c.source))
                    items.append(Item(f"{name}比上年（预算数）增加", money(delta), WAN, b.department, b.year, c.source))
                    items.append(Item(f"{name}增减幅度", f"{said}", "%", b.department, b.year, c.source,
                                      {"printed": f"{said}%", "expected": "无法计算（基数为0）", "rule": "narrative_rate",
                                       "place": place}))
                    parts.append(f"{name}：说明写{money(current)}万元、增加{money(delta)}万元、增长{said}%，"
                                 f"但比较的基数为0，增长率无法计算，写{said}%与增加{money(delta)}万元矛盾" + seen_at(place, name))
    if not checked:
        return Result()
    head = "、".join(who(b.department, b.year) for b in budgets)
    # the statements the question names that agree with their own figures, recomputed (not a mismatch)
    agreed = [(c, text, extra) for c, text, extra in agreeing if not any(i.source == c.source and i.label.startswith(
        c.label.strip("“”\"")) for i in items)]
    told = "；".join(text for _, text, _ in agreed)
    if not items:
        return Result([i for _, _, extra in agreed for i in extra],
                      (f"{head}：{told}。" if told else "") +
                      f"{head}说明中的{checked}处科目金额和增减数与表中一致，没有发现对不上的地方。", [], [])
    if only is not None:
        return Result(items, f"{head}：" + "；".join(parts) + "。", [], [])
    return Result(items + [i for _, _, extra in agreed for i in extra],
                  f"{head}说明中的数字对不上{len(parts)}处：" + "；".join(parts) +
                  f"（共核对{checked}处）。" + (f"问到的其他说法与其本身的数字一致：{told}。" if told else ""), [], [])
