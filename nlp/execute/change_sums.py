"""The narrative's stated changes added up the way it lists them (各类科目的增减加起来对得上吗): a 说明 that
states the year's total change (收入预算总计…比上年增加28,997.47万元) and then each functional class with its
own change (社会保障和就业支出（类）支出205.39万元，比上年增加5.31万元 …) promises that the classes' changes
add up to the total's; a 说明 that states each 项 of a class (审计事务（款）行政运行（项）支出2,342万元，比上年增加
27.86万元) promises that the 项 add up to their class, in amount and in change. Each promise is recomputed
with ``Decimal`` from the statements themselves (the graph's ``bkg:Change`` rows) and said with both figures,
the difference and where each stands.

A class is recognised by the tables' own class names (the functional rows of three digits), a 项 by its
款 and 项 names as the tables print them, so the check needs no list of subjects: a document of any
province that states its changes by subject gets it.
"""
from __future__ import annotations

import re
from decimal import Decimal

from nlp import derive as D
from nlp.execute.base import Context, Result, who
from nlp.execute.places import place_of, seen_at
from nlp.graph import Row
from nlp.reply import Item, money
from nlp.sparql import Constraints
from nlp.vocabulary import WAN

# Words asking about stated changes (增减额, 比上年多了, 增加额, 增幅) and words asking for a sum of them.
CHANGES_ASKED = r"增减|增加额|减少额|增加了|减少了|多了|少了|涨了|降了|变化额|增长额"
SUM_ASKED = r"加起来|加总|相加|加在一起|之和|合成|凑成|合计|等于"
# The level words a 说明 prints after a subject's name (社会保障和就业支出（类）支出).
_LEVEL = re.compile(r"[（(](类|款|项)[)）]")
_TOTAL_WORDS = re.compile(r"(?:收入|支出|收支)(?:预算)?总计")


def asked(clause: str) -> bool:
    """Whether a question asks whether stated changes add up (各类科目的增减加起来对得上吗, 各科目增减额能合成
    总增加额吗)."""
    return bool(re.search(CHANGES_ASKED, clause or "") and re.search(SUM_ASKED, clause or "")
                and re.search(r"科目|各类|类级|项级|各项|分类", clause or ""))


def bare(label: str) -> str:
    """A statement's subject without its level marks and the 支出 the sentence repeats after them
    (社会保障和就业支出（类）支出 → 社会保障和就业支出; 审计事务（款）行政运行（项）支出 → 行政运行)."""
    last = _LEVEL.split(label or "")
    if len(last) >= 3:  # …X（项）支出: the name before the last mark
        return last[-3].strip(" “”\"")
    return re.sub(r"(支出)支出$", r"\1", (label or "").strip(" “”\""))


def _heading(row: Row) -> str:
    """The first heading a statement stands under (一、收支预算总体情况说明)."""
    place = place_of(row) or ""
    return re.split(r"——|\s", place)[0]


def _signed(row: Row) -> Decimal | None:
    """A statement's change with its direction (None where it states only a rate); 持平 is 0."""
    if row.amount is not None:
        return row.amount
    return Decimal(0) if row.attrs.get("direction") == "flat" else None


def _class_statements(changes: list[Row], classes: dict[str, str]) -> list[tuple[str, Row]]:
    """(class code, statement) of the statements about a functional class as a whole: named by the
    class's own name, with no 款 or 项 in it; the first run of them under one heading, each class once."""
    found: dict[str, list[tuple[str, Row]]] = {}
    for c in changes:
        levels = _LEVEL.findall(c.label or "")
        if any(level in ("款", "项") for level in levels):
            continue
        code = classes.get(bare(c.label))
        if code:
            found.setdefault(_heading(c), []).append((code, c))
    for heading, rows in found.items():
        once = list({code: (code, c) for code, c in reversed(rows)}.values())[::-1]
        if len(once) >= 2:
            return once
    return []


def _item_statements(changes: list[Row], rows: list[Row]) -> dict[str, list[tuple[str, Row]]]:
    """The statements about a 项 named with its 款 (审计事务（款）行政运行（项）), by the class they belong to
    (the code the tables give that 款 and 项: 2010801 → 201)."""
    names = {r.key: r.label for r in rows if r.key}
    out: dict[str, list[tuple[str, Row]]] = {}
    for c in changes:
        parts = [p.strip(" “”\"") for p in _LEVEL.split(c.label or "")]
        # …款name（款）项name（项）…: the names before the 款 and 项 marks
        marks = _LEVEL.findall(c.label or "")
        if marks[-2:] != ["款", "项"]:
            continue
        section, item = parts[-5] if len(parts) >= 5 else "", parts[-3]
        section = re.split(r"[）)]", section)[-1]
        codes = [code for code, label in names.items() if len(code) == 7 and label == item
                 and names.get(code[:5]) == section]
        if len(codes) == 1:
            out.setdefault(codes[0][:3], []).append((codes[0], c))
    return out


def _sum_line(values: list[Decimal]) -> str:
    """``a + b − c`` with each figure's sign as the statements give it."""
    text = D.grouped(values[0]) if values else "0"
    for v in values[1:]:
        text += f" − {D.grouped(-v)}" if v < 0 else f" + {D.grouped(v)}"
    return text


def _said(value: Decimal) -> str:
    return f"{'增加' if value >= 0 else '减少'}{money(abs(value))}万元"


def audit_change_sums(ctx: Context, budgets, clause: str, stated: list[Decimal]) -> Result:
    """The classes' stated changes against the total's (and against a change the question states); where
    the question asks of the 项, each class's 项 against the class, in amount and in change."""
    items: list[Item] = []
    parts: list[str] = []
    derived: list[D.Derived] = []
    by_item = re.search(r"项级|各项", clause or "")
    for b in budgets:
        changes = ctx.rows("changes", [b])
        if not changes:
            continue
        rows = [r for r in ctx.rows("subjects", [b], Constraints(scheme="functional", columns=["total"]))
                if r.attrs.get("phase") in (None, b.phase)]
        classes = {r.label: r.key for r in rows if r.key and len(r.key) == 3}
        statements = _class_statements(changes, classes)
        if not statements:
            continue
        head = who(b.department, b.year)
        if by_item:
            _items_against_classes(statements, _item_statements(changes, rows), b, items, parts, derived)
        values = [_signed(c) for _, c in statements]
        if any(v is None for v in values):
            continue
        total = sum(values, Decimal(0))
        formula = f"各类增减之和 = {_sum_line(values)} = {D.grouped(total)}万元"
        derived.append(D.Derived("各类增减之和", total, WAN, formula,
                                 [D.Input(bare(c.label), v, WAN, b.department, b.year, c.source)
                                  for (_, c), v in zip(statements, values)], b.department, b.year))
        for (_, c), v in zip(statements, values):
            items.append(Item(f"{bare(c.label)}比上年增减", money(v), WAN, b.department, b.year, c.source,
                              {"place": place_of(c), "item": bare(c.label)}))
        items.append(Item("各类增减之和", money(total), WAN, b.department, b.year, None, {"formula": formula}))
        heading = _heading(statements[0][1])
        whole = next((c for c in changes if _TOTAL_WORDS.search(c.label or "") and _signed(c) is not None
                      and _heading(c) == heading), None) or \
            next((c for c in changes if _TOTAL_WORDS.search(c.label or "") and _signed(c) is not None), None)
        sentence = f"{head}说明所列{len(values)}类支出比上年的增减：{formula}"
        against = ([(f"{whole.label.strip('“”')}比上年增减（说明所写）", _signed(whole), whole)] if whole else []) + \
            [("问题所说的数", v, None) for v in stated if whole is None or abs(v) != abs(_signed(whole))]
        for label, value, row in against:
            items.append(Item(label, money(value), WAN, b.department, b.year, row.source if row else None,
                              {"place": place_of(row)} if row else {}))
            if value == total:
                sentence += f"；与{label}{_said(value)}一致，对得上" + seen_at(place_of(row) if row else None)
                continue
            gap = abs(total - value)
            items.append(Item(f"各类增减之和与{label}相差", money(gap), WAN, b.department, b.year, None,
                              {"formula": f"{D.grouped(max(total, value))} − {D.grouped(min(total, value))} = "
                                          f"{D.grouped(gap)}"}))
            sentence += f"；{label}为{_said(value)}，相差{money(gap)}万元，对不上" + \
                seen_at(place_of(row) if row else None)
        if not against:
            sentence += "；说明没有写总的增减额可对照"
        parts.append(sentence)
    if not items:
        return Result()
    return Result(items, "；".join(parts) + "。", derived, [])


def _items_against_classes(statements: list[tuple[str, Row]], by_class: dict[str, list[tuple[str, Row]]], b,
                           items: list[Item], parts: list[str], derived: list[D.Derived]) -> None:
    """Each class the 说明 states against the 项 it states under it: their amounts and their changes."""
    for code, c in statements:
        members = by_class.get(code) or []
        if not members:
            continue
        name = bare(c.label)
        amounts = [m.attrs.get("current") for _, m in members]
        changes = [_signed(m) for _, m in members]
        said = []
        for what, values, printed in (("金额", amounts, c.attrs.get("current")), ("增减", changes, _signed(c))):
            if any(v is None for v in values) or printed is None:
                continue
            total = sum(values, Decimal(0))
            formula = f"{name}所列项级{what}之和 = {_sum_line(values)} = {D.grouped(total)}万元"
            derived.append(D.Derived(f"{name}所列项级{what}之和", total, WAN, formula, [], b.department, b.year))
            items.append(Item(f"{name}所列项级{what}之和", money(total), WAN, b.department, b.year, None,
                              {"formula": formula, "item": name}))
            items.append(Item(f"{name}（类）{what}（说明所写）", money(printed), WAN, b.department, b.year, c.source,
                              {"place": place_of(c), "item": name}))
            said.append(f"{formula}，" + ("与类级所写一致" if total == printed else
                                          f"类级写{money(printed)}万元，相差{money(abs(total - printed))}万元"))
        if said:
            parts.append(f"{who(b.department, b.year)}{name}：" + "；".join(said))


def _core(label: str) -> str:
    """A measure's words a statement names it by (公务用车购置及运行费 → 公务用车购置及运行; “三公”经费合计 → 三公)."""
    core = re.sub(r"[“”\"]", "", label or "")
    core = re.sub(r"经费合计$|合计$", "", core)
    return re.sub(r"费$", "", core)


def _members(key: str, statements: list[Row], vocab) -> dict[str, Row]:
    """The statements of ``key`` and of each figure below it in the ontology (``skos:narrower``), each
    statement given to the figure whose words it holds most of (公务用车购置及运行维护费 → 公务用车购置及运行费,
    not 公务用车购置费): {key: the first such statement}."""
    keys = [key]
    for k in keys:
        keys += [c for c in vocab.children(k) if c not in keys]
    cores = {k: _core(vocab.label(k)) for k in keys}
    out: dict[str, Row] = {}
    for c in statements:
        text = re.sub(r"[“”\"]", "", c.label or "")
        fits = [(len(core), k) for k, core in cores.items() if len(core) >= 2 and core in text]
        if fits:
            k = max(fits)[1]
            # the first statement of each figure — but the 说明's sentence with its rate over a table's 增减 cell
            # of the same figure (烟台 公开表7 and 说明's 增长125%), whose rate is what is checked
            if k not in out or (out[k].attrs.get("percent") is None and c.attrs.get("percent") is not None
                                and out[k].amount == c.amount):
                out[k] = c
    return out


def audit_family_changes(ctx: Context, budgets, key: str) -> Result:
    """A figure family's stated changes (三公: the total, 出国、接待、公车, and 公车's 购置、运行): each
    statement's rate recomputed from its own figures, and the members' changes added up against the whole's,
    at each level where the 说明 states the whole and at least two of its members."""
    from nlp.execute.narrative_audit import _places, _rate

    items: list[Item] = []
    parts: list[str] = []
    vocab = ctx.vocab
    for b in budgets:
        stated = _members(key, ctx.rows("changes", [b]), vocab)
        if key not in stated or len(stated) < 2:
            continue
        said: list[str] = []
        for k, c in stated.items():  # each statement with its own previous year and rate
            current, change = c.attrs.get("current"), _signed(c)
            if current is None or change is None:
                continue
            previous = current - change
            items.append(Item(f"{vocab.label(k)}（说明所写）", money(current), WAN, b.department, b.year, c.source,
                              {"place": place_of(c), "stated_as": c.label.strip(), "item": vocab.label(k)}))
            items.append(Item(f"{vocab.label(k)}比上年增减", money(change), WAN, b.department, b.year, c.source,
                              {"place": place_of(c)}))
            text = f"{vocab.label(k)}{money(current)}万元，{'持平' if not change else _said(change)}"
            percent = c.attrs.get("percent")
            rate = _rate(current, previous) if previous else None
            if previous:
                items.append(Item(f"{vocab.label(k)}上年数", money(previous), WAN, b.department, b.year, c.source,
                                  {"formula": f"{money(current)} − ({money(change)}) = {money(previous)}"}))
            if percent is not None and rate is not None:
                ok = abs(rate - percent) <= _places(percent)
                text += (f"、{'增长' if percent >= 0 else '下降'}{abs(percent)}%（按{money(change)} ÷ {money(previous)} = "
                         f"{rate}%，{'相符' if ok else '对不上'}）")
            elif percent is not None and change and not previous:  # 增长100% from nothing: no rate can be
                text += f"、写{'增长' if percent >= 0 else '下降'}{abs(percent)}%（比较的基数为0，增长率无法计算，对不上）"
            said.append(text)
        for whole in [key] + [k for k in stated if k != key]:
            children = [k for k in vocab.children(whole)]
            have = [k for k in children if k in stated and _signed(stated[k]) is not None]
            if whole not in stated or len(have) < 2 or _signed(stated[whole]) is None:
                continue
            values = [_signed(stated[k]) for k in have]
            total = sum(values, Decimal(0))
            printed = _signed(stated[whole])
            formula = f"{vocab.label(whole)}各项增减之和 = {_sum_line(values)} = {D.grouped(total)}万元"
            missing = [vocab.label(k) for k in children if k not in have]
            items.append(Item(f"{vocab.label(whole)}各项增减之和", money(total), WAN, b.department, b.year, None,
                              {"formula": formula}))
            said.append(formula + (f"（说明未写{'、'.join(missing)}的增减）" if missing else "") + "，" +
                        ("与所写总的增减一致" if total == printed else
                         f"所写总的增减为{money(printed)}万元，相差{money(abs(total - printed))}万元，对不上"))
        if said:
            parts.append(f"{who(b.department, b.year)}说明中{vocab.label(key)}的增减：" + "；".join(said))
    if not items:
        return Result()
    return Result(items, "；".join(parts) + "。", [], [])


# The kinds of government funds a 说明 states income and spending of (一般公共预算, 政府性基金, 国有资本经营).
FUND_KINDS = ("一般公共预算", "政府性基金", "国有资本经营")


def _fund_statement(changes: list[Row], kind: str, side: str) -> Row | None:
    """The statement of one kind of funds' income (side 收入) or spending (支出) as a whole: its subject
    names the kind and the side and no subject level; it states its current figure and its change."""
    for c in changes:
        label = c.label or ""
        if kind in label and side in label and not _LEVEL.search(label) and "结转" not in label \
                and c.attrs.get("current") is not None and c.amount is not None:
            return c
    return None


def audit_fund_sides(ctx: Context, budgets, kinds: tuple[str, ...] = FUND_KINDS) -> Result:
    """One kind of funds stated as income and as spending of the same current figure with different
    changes (政府性基金预算拨款收入143,999，比上年增加125,999; 政府性基金支出143,999，比上年增加31,183.05): the
    previous year each implies, their gap, and — where the 说明 states a carry-over that changed by exactly
    that gap (上年结转结余减少94,815.95) — that last year's spending was its income plus that carry-over,
    so both changes hold; otherwise the two statements do not fit each other."""
    items: list[Item] = []
    parts: list[str] = []
    for b in budgets:
        changes = ctx.rows("changes", [b])
        for kind in kinds:
            income, spent = _fund_statement(changes, kind, "收入"), _fund_statement(changes, kind, "支出")
            if income is None or spent is None or income.attrs["current"] != spent.attrs["current"] \
                    or income.amount == spent.amount:
                continue
            before = {}
            said = []
            for side, c in (("收入", income), ("支出", spent)):
                previous = c.attrs["current"] - c.amount
                before[side] = previous
                name = c.label.strip("“”\" ")
                items.append(Item(f"{name}比上年{'增加' if c.amount >= 0 else '减少'}", money(abs(c.amount)), WAN,
                                  b.department, b.year, c.source, {"place": place_of(c), "item": name}))
                items.append(Item(f"{name}按此说法的上年数", money(previous), WAN, b.department, b.year, c.source,
                                  {"formula": f"{money(c.attrs['current'])} − ({money(c.amount)}) = {money(previous)}"}))
                said.append(f"{name}{money(c.attrs['current'])}万元，{_said(c.amount)}，即上年{money(previous)}万元"
                            + seen_at(place_of(c)))
            gap = before["支出"] - before["收入"]
            items.append(Item(f"{kind}上年支出与上年收入相差", money(abs(gap)), WAN, b.department, b.year, None,
                              {"formula": f"{money(before['支出'])} − {money(before['收入'])} = {money(gap)}"}))
            carried = next((c for c in changes if "结转" in (c.label or "") and c.amount is not None
                            and abs(c.amount) == abs(gap)), None)
            text = f"{who(b.department, b.year)}：" + "；".join(said) + f"；两处的上年数相差{money(abs(gap))}万元"
            if carried is not None:
                items.append(Item(f"{carried.label.strip()}比上年增减", money(carried.amount), WAN, b.department,
                                  b.year, carried.source, {"place": place_of(carried)}))
                text += (f"，正是说明所写{carried.label.strip()}的变化（{_said(carried.amount)}）：上年支出 = 上年收入"
                         f"{money(before['收入'])} + 上年结转{money(abs(gap))}，两个增减数各按自己的口径都对得上"
                         f"（收入不含上年结转，支出含）" + seen_at(place_of(carried)))
            else:
                text += "，说明没有写能解释这个差额的上年结转，两处说法对不上"
            parts.append(text)
    if not items:
        return Result()
    return Result(items, "；".join(parts) + "。", [], [])
