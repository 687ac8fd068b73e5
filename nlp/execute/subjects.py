"""Classification subjects (功能分类 类/款/项, 经济分类 类/款): a subject's figure in any column
(合计, 基本支出, 项目支出; 人员经费, 公用经费), its children at the level asked, every subject of a
level, ranked, counted, or as a share of the department's total expenditure."""
from __future__ import annotations

import dataclasses
import re
from decimal import Decimal

from kg.rdf.mapping import SCOPED_LABELS
from nlp import derive as D
from nlp import lexicon as L
from nlp.lexicon import COLUMN_CLASSES, FALL_WORDS, MONEY_SOURCE_ASKED, PARTS_OF, RATE_WORDS, RISE_WORDS, EACH_SHARE, STATED_PARTS_ASKED, SUBJECTS_OF_COLUMN, SUM_WORDS, WHICH_SUBJECTS
from nlp.execute.base import (BUDGET_PHASES, Context, Result, budget_column_order, derived_item, executor, figure_input,
                              item_of, listed_sum_and_share, pick_budget_columns, rank_phrase, who,
                              with_note)
from nlp.execute.figures import figures_by_key
from nlp.execute.income import LEVEL_LENGTH, income_of_subjects
from nlp.execute.unit_economic import unit_economic_answer
from nlp.execute.named_subjects import named_subject_answer
from nlp.frames import BOUND_WORDS, COLUMN_BASE, SUBJECT_BASE, Frame
from nlp.graph import Row
from nlp.reply import Item, money
from nlp.sparql import Constraints
from nlp.vocabulary import BROAD_SCOPES, SCOPE_TABLES, WAN


LEVEL_NAME = {3: "类", 5: "款", 7: "项"}

# how a classification is named in an answer
SCHEME_WORDS = {"functional": "功能", "economic": "经济", "government_economic": "政府预算支出经济"}


def _core(name: str) -> str:
    """A subject's name as a statement words it: without its level mark and its 支出/预算支出 ending
    (一般公共预算拨款安排的会议费预算支出 → …会议费, 其他信访事务支出（项） → 其他信访事务)."""
    return re.sub(r"(?:预算)?支出(?:预算)?$", "", re.sub(r"[（(]\d*(?:类|款|项)[）)]$", "", name))


def _plain(name: str) -> str:
    """A subject's name without its level marks anywhere (住房保障（类）支出 → 住房保障支出,
    公共安全支出（204类）司法（06款）信息化建设（13项） → 公共安全支出司法信息化建设, 审计业务（2010804） →
    审计业务) and its
    支出/预算支出 ending (twice where a statement adds one: 城乡社区支出（类）支出), so a statement's
    subject and a table row's name compare."""
    # (委托业务费财政拨款预算: the money's source said after the subject too)
    return re.sub(r"(?:(?:一般公共预算)?(?:财政)?拨款)?(?:(?:预算)?支出(?:预算)?|预算(?:数)?)+$", "",
                  re.sub(r"[（(](?:\d{3,9}(?:类|款|项)?|\d*(?:类|款|项))[）)]|[“”\"‘’]", "", name))  # (quoted: 普陀)


def _ordinal(row: Row) -> int:
    """A statement's place in its document (…/change/7 → 7): the narrative's own order."""
    tail = (row.iri or "").rsplit("/", 1)[-1]
    return int(tail) if tail.isdigit() else 10 ** 6


def table_previous_of(ctx: Context, top: Row) -> list[Row]:
    """The year before a table of the same document prints beside the subject row's code
    (``bkg:PreviousYearFigure``: 部门公开表5's 2025年执行数, then the pair 扣除中央基建投资后), the
    row's own table's first (its scope), the plain pair before a qualified one; empty where no
    table prints one."""
    if not top.key or not top.key.isdigit():
        return []
    rows = [r for r in ctx.rows("previous", [b for b in ctx.budgets()
                                             if (b.department, b.year) == (top.department, top.year)])
            if r.key == top.key]
    scope = top.attrs.get("scope")
    return sorted(rows, key=lambda r: (r.attrs.get("scope") != scope, bool(r.attrs.get("excluding")), r.iri or ""))


def stated_change_of(ctx: Context, top: Row) -> Row | None:
    """The change stated for a subject row: the one its table prints beside it (``table_previous_of``,
    the plain pair), else the one the same document's narrative states (住房保障（类）支出…与上年相比
    增加747.78万元，增长49.88%): where several statements name the subject, the one stating the row's own
    amount wins, else the first in the document (the 支出预算总计 section states the classes first)."""
    printed = table_previous_of(ctx, top)
    if printed:
        return printed[0]
    want = _plain(top.label)
    if len(want) < 2:
        return None
    stated = [r for r in ctx.rows("changes", [b for b in ctx.budgets()
                                              if (b.department, b.year) == (top.department, top.year)])
              if r.amount is not None or r.attrs.get("percent") is not None]
    said = [r for r in stated if _plain(r.label).endswith(want)]
    if not said:
        # the narrative naming the row with its words in another order (表 一般行政管理事务, 说明 一般行政事务管理)
        # and stating the row's own amount: the same subject
        said = [r for r in stated if r.attrs.get("current") == top.amount and top.amount is not None
                and sorted(_plain(r.label)[-len(want):]) == sorted(want)]
    if not said:
        return None
    exact = [r for r in said if r.attrs.get("current") == top.amount]
    return min(exact or said, key=_ordinal)


# 多 after a degree word says how much (减少最多, 压得更多), not that something rose
_DEGREE_MORE_RE = re.compile(r"[最更得]多")


def asks_falls(clause: str) -> bool:
    """Whether a question about changes asks the falls (降幅最大, 压减超过15%, 减少最多), not the rises."""
    clause = _DEGREE_MORE_RE.sub("", clause)
    return bool(re.search(FALL_WORDS, clause)) and not re.search(RISE_WORDS, clause)


def asks_rate(clause: str) -> bool:
    """Whether changes are asked by their rate (涨幅, 涨得最猛) rather than their amount."""
    return bool(re.search(RATE_WORDS, clause))


def _ranked_by_change(rows: list[Row], ctx: Context, frame: Frame) -> list[Row]:
    """Rows ranked by the change their narrative states (哪几个项级科目涨得最猛, 降幅最大的三个科目): by the
    rate where the question speaks of one (幅, 率, 猛, 快), else by the amount; rises first unless the
    question asks the falls. Rows with no stated change are left out."""
    by_rate, falls = asks_rate(frame.clause), asks_falls(frame.clause)
    scored = []
    for r in rows:
        c = stated_change_of(ctx, r)
        if c is None or c.amount is None and c.attrs.get("percent") is None:
            continue
        sign = -1 if (c.amount is not None and c.amount < 0) or c.attrs.get("direction") == "decrease" else 1
        size = abs(Decimal(str(c.attrs.get("percent")))) if by_rate and c.attrs.get("percent") is not None \
            else abs(c.amount or Decimal(0))
        scored.append((sign * size, r))
    scored.sort(key=lambda x: x[0], reverse=not falls)
    n = frame.operation.n or 3
    return [r for _, r in scored[:n]]


# The figure a table's classes add up to, by scheme (the economic tables are of 基本支出)
_WHOLE_OF_CLASSES = {"functional": "expenditure_total", "economic": "basic_expenditure"}


def _printed_whole(ctx: Context, budget, scheme: str, column: str, added) -> str:
    """The total the document prints for the classes just added up, where it is within a hundredth of
    their sum but not equal (长春 基本支出 1208.20 against 1208.19 added: a rounding the reader should
    see); nothing where it agrees or is of another scope."""
    key = _WHOLE_OF_CLASSES.get(scheme)
    if key is None or column not in ("total", "basic"):
        return ""
    rows = [r for r in ctx.rows("figures", [budget], Constraints(items=[key])) if r.amount]
    if not rows or rows[0].amount == added or abs(rows[0].amount - added) > rows[0].amount / 100:
        return ""
    return f"（文件所列{ctx.vocab.label(key)}为{money(rows[0].amount)}万元，与各类相加差{money(abs(rows[0].amount - added))}万元）"


# 哪些…减少了 / 减少超过200万元: the rows are chosen by their stated change (its direction, and a bound on it
# where the bound follows the change word), not by their amount
_MOVED_ASKED = re.compile(r"(?:哪些|哪几|哪个|哪项|哪(?:一)?类|哪(?:一)?块|有没有)[^，,。？?]*(?:减少|下降|压减|降低|减|增加|增长|上升|增)了?(?:的)?(?:[？?]|$)")
_BOUND_ON_CHANGE = re.compile(r"(?:减少|下降|压减|降低|增加|增长|上升|减|增|涨|降)了?(?:超过|多于|不到|少于|不足|高于|低于|\d)")


def bound_on_change(frame: Frame) -> bool:
    """减少超过200万元: the amount bound is on the change, not on the row's amount."""
    return frame.filters.bound is not None and bool(_BOUND_ON_CHANGE.search(frame.clause))


def moved_as_asked(rows: list[Row], ctx: Context, frame: Frame) -> list[Row] | None:
    """哪些项比上年减少了 / 减少超过200万元: the rows whose stated change goes the way asked (and, with a bound
    on the change, by more than it); None where the question chooses rows by something else."""
    on_change = bound_on_change(frame)
    if not on_change and not _MOVED_ASKED.search(frame.clause):
        return None
    falls = asks_falls(frame.clause)
    out = []
    for r in rows:
        c = stated_change_of(ctx, r)
        if c is None or c.amount is None or c.amount == 0 or (c.amount < 0) != falls:
            continue
        if on_change and not frame.filters.bound.admits(abs(c.amount)):
            continue
        out.append(r)
    return out


def _changed_within(rows: list[Row], ctx: Context, frame: Frame) -> list[Row]:
    """哪些比上年压减超过15%: the rows whose stated change goes the way the question asks (a fall where it
    speaks of 降/减/压) by a rate within its bound; rows stating no rate are left out."""
    falls = asks_falls(frame.clause)
    out = []
    for r in rows:
        c = stated_change_of(ctx, r)
        if c is None or c.attrs.get("percent") is None:
            continue
        decrease = (c.amount is not None and c.amount < 0) or c.attrs.get("direction") == "decrease"
        if decrease == falls and frame.filters.rate_bound.admits(abs(Decimal(str(c.attrs["percent"])))):
            out.append(r)
    return out


# a statement's subject named down to a level (…（款）一般行政管理事务（项）): its last level mark
_LEVEL_MARK_RE = re.compile(r"[（(](类|款|项)[）)](?:支出)?$")
_MARK_LENGTH = {"类": 3, "款": 5, "项": 7}


def _ranked_statements(ctx: Context, budget, want: int, frame: Frame, items: list[Item],
                       parts: list[str]) -> list[Row]:
    """The narrative's stated changes of the subjects of one level (a subject named down to 项 by its
    level marks), ranked as :func:`_ranked_by_change` ranks rows — for a budget whose tables print no
    row of that level. Each is said with its change, rate and reason, from the statement."""
    said = [r for r in ctx.rows("changes", [budget]) if (m := _LEVEL_MARK_RE.search(r.label))
            and _MARK_LENGTH[m.group(1)] == want and (r.amount is not None or r.attrs.get("percent") is not None)]
    by_rate, falls = asks_rate(frame.clause), asks_falls(frame.clause)
    bound = frame.filters.rate_bound
    if bound is not None:  # 哪些项级科目比上年增长超过100%: the statements whose rate goes that way within the bound
        by_rate = True
        said = [r for r in said if r.attrs.get("percent") is not None and (r.attrs["percent"] < 0) == falls
                and bound.admits(abs(Decimal(str(r.attrs["percent"]))))]
    if not said:
        return []

    def size(r: Row) -> Decimal:  # signed (the graph's changes carry their direction in their sign)
        return r.attrs["percent"] if by_rate and r.attrs.get("percent") is not None else (r.amount or Decimal(0))

    ranked = sorted(said, key=size, reverse=not falls)
    if bound is None:
        ranked = ranked[:frame.operation.n or 3]
    phrases = []
    for i, r in enumerate(ranked, 1):
        rate, current = r.attrs.get("percent"), r.attrs.get("current")
        up = (r.amount if r.amount is not None else rate) >= 0
        # the subject's own amount where the statement prints it, its change beside it
        # the item named by the subject's own name (其他司法支出), its path (类、款) in the sentence
        own = stated_subject_name(r.label)
        items.append(Item(own, money(current) if current is not None else None, WAN if current is not None else None,
                          r.department, r.year, r.source, {"rank": i, "path": r.label}))
        if r.amount is not None:
            items.append(Item(f"{r.label}比上年{'增加' if up else '减少'}", money(abs(r.amount)), WAN,
                              r.department, r.year, r.source))
        if rate is not None:
            items.append(Item(f"{r.label}比上年{'增长' if up else '下降'}", f"{abs(rate)}", "%",
                              r.department, r.year, r.source))
        phrase = f"{i}. {r.label}" + (f"{money(current)}万元，" if current is not None else "") + \
            f"比上年{'增加' if up else '减少'}" + (f"{money(abs(r.amount))}万元" if r.amount is not None else "") + \
            (f"，{'增长' if up else '下降'}{abs(rate)}%" if rate is not None else "")
        if r.attrs.get("reason"):
            phrase += f"（原因：{r.attrs['reason']}）"
        phrases.append(phrase)
    which = f"比上年{'降幅' if falls else '增幅'}{bound.describe(percent=True)}的{len(ranked)}个" if bound is not None else \
        f"比上年增减中{'降' if falls else '涨'}{'幅' if by_rate else '额'}最大的{len(ranked)}个"
    parts.append(f"{who(budget.department, budget.year)}的表格未列{LEVEL_NAME.get(want, '')}级科目，情况说明逐项列出的"
                 + which + "：" + "；".join(phrases))
    return ranked


def _row_of_the_stated_scope(ctx: Context, top: Row, stated: Row) -> Row:
    """The row a statement's change is of: where it stands in the 说明 of one kind of funds' table (五、关于一般公共预算
    支出表的说明——其他信访事务支出) and prints no figure of its own, that table's row of the subject (国家信访局:
    3,623.98 of the 一般公共预算支出表, not 36,230.56 of the 部门支出总表 that holds 中央基建 too)."""
    place = str(stated.attrs.get("place") or "")
    if stated.attrs.get("current") is not None or top.attrs.get("scope") or not top.key:
        return top
    scope = next((key for key, label in SCOPED_LABELS.items() if f"{label}支出表" in place or f"{label}预算支出表" in place),
                 None)
    if scope is None:
        return top
    budgets = [b for b in ctx.budgets() if (b.department, b.year) == (top.department, top.year)]
    scoped = [s for s in ctx.rows("subjects", budgets, Constraints(scheme="functional", code_prefix=top.key,
                                                                   amount_scope=scope))
              if s.key == top.key and s.amount is not None and (s.attrs.get("column") in (None, "total"))]
    return scoped[0] if scoped else top


def _changes_counted(ctx: Context, rows: list[Row], clause: str, items: list[Item], parts: list[str]) -> list[D.Derived]:
    """有几个比上年减少？一共减了多少: the rows whose stated change goes the way asked, counted, and their
    changes added up (the rows without a stated change are not counted either way)."""
    falls = asks_falls(clause)
    moved = []
    for r in rows:
        c = stated_change_of(ctx, r)
        if c is not None and c.amount is not None and (c.amount < 0) == falls and c.amount != 0:
            moved.append((r, c))
    word = "减少" if falls else "增加"
    if not moved:
        parts.append(f"其中没有比上年{word}的科目")
        return []
    first = moved[0][0]
    items.append(Item(f"比上年{word}的科目个数", str(len(moved)), "个", first.department, first.year))
    d = D.total([D.Input(f"{r.label}{word}", abs(c.amount), WAN, r.department, r.year, c.source) for r, c in moved],
                f"{len(moved)}个科目比上年{word}合计")
    items.append(derived_item(d))
    parts.append(f"其中比上年{word}的有{len(moved)}个（" + "、".join(r.label for r, _ in moved) + f"），{d.formula}")
    return [d]


def _stated_change(ctx: Context, top: Row, items: list[Item], parts: list[str]) -> list[D.Derived]:
    """涨了多少 of a subject row: the change the same document's narrative states for that subject,
    with the year before derived from it (``stated_change_of``); where a table prints the year
    before beside the row, that figure and its change and rate (``_table_change``)."""
    r = stated_change_of(ctx, top)
    if r is not None and r.attrs.get("table"):
        return _table_change(ctx, top, items, parts)
    if r is None:
        parts.append(f"文件未列示{top.label}比上年的增减（图谱中没有）")
        return []
    top = _row_of_the_stated_scope(ctx, top, r)
    now = figure_input(top, f"{top.year}年{top.label}")
    said_now = r.attrs.get("current")
    if said_now is not None and said_now != top.amount:
        # the statement is of its own figure (普陀区社会福利院: 738.66 of 财政拨款, the table's row 958.48 of all
        # funds): its change and the year before are of that figure
        now = D.Input(f"{top.year}年{top.label}（说明所列）", said_now, WAN, top.department, top.year, r.source)
        parts.append(f"说明所列{top.label}为{money(said_now)}万元（表中该科目为{money(top.amount)}万元）")
    delta, rate = r.amount, r.attrs.get("percent")
    up = (delta if delta is not None else rate) >= 0
    phrase = "比上年" + (f"{'增加' if up else '减少'}{money(abs(delta))}万元" if delta is not None else "")
    if delta is not None:
        items.append(Item(f"{top.year}年{top.label}比上年{'增加' if up else '减少'}", money(abs(delta)), WAN,
                          top.department, top.year, r.source))
    if rate is not None:
        items.append(Item(f"{top.year}年{top.label}比上年{'增长' if up else '下降'}", str(abs(rate)), "%",
                          top.department, top.year, r.source))
        phrase += f"{'，' if delta is not None else ''}{'增长' if up else '下降'}{abs(rate)}%"
    if r.attrs.get("reason"):
        phrase += f"（{r.attrs['reason']}）"
    derived: list[D.Derived] = []
    d = D.previous_from_change(now, delta, top.label, top.year - 1) if delta is not None else \
        D.previous_from_rate(now, rate, top.label, top.year - 1)
    if d is not None:
        derived.append(d)
        items.append(derived_item(d))
        phrase += f"；据此推算{top.year - 1}年为{money(d.value)}万元（{d.formula}）"
        if delta is None:  # the change in money, from the derived year before
            change = D.difference(now, D.Input(d.label, d.value, WAN, top.department, top.year - 1),
                                  f"{top.year}年{top.label}比上年{'增加' if up else '减少'}（推算）")
            derived.append(change)
            items.append(derived_item(change))
            phrase += f"，即{'增加' if up else '减少'}{money(abs(change.value))}万元"
    parts.append(f"{who(top.department, top.year)}{top.label}{phrase}")
    return derived


# what a previous column holds, as an answer says it (the kinds of ``bkg:previousKind``)
_PREVIOUS_WORDS = {"上年执行数": "执行数", "上年预算": "预算数", "上年决算": "决算数"}


def _table_change(ctx: Context, top: Row, items: list[Item], parts: list[str]) -> list[D.Derived]:
    """A subject row's year before as its table prints it: for each pair the table prints (the plain
    one, then each qualified one: 扣除中央基建投资后), this year's figure of that table, the earlier
    figure, and the change and growth derived from the two (``derive.growth``, exact, with formula);
    a printed 增减额 / 增减(%) that differs from the derived one is said beside it."""
    derived: list[D.Derived] = []
    said: dict[tuple, str] = {}  # (current, previous) -> the pair that said them
    for r in table_previous_of(ctx, top):
        scope = SCOPED_LABELS.get(r.attrs.get("scope") or "", "")
        excluding = r.attrs.get("excluding")
        pair = (r.attrs.get("current"), r.attrs.get("previous"), r.attrs.get("scope"))
        if pair in said:  # a qualified pair equal to one said (nothing left out in this row): said once
            parts[-1] += f"；扣除{excluding}后两数相同" if excluding else ""
            continue
        said[pair] = excluding or ""
        what = "".join(x for x in (f"{scope}口径" if scope else "", f"扣除{excluding}后" if excluding else ""))
        qualifier = f"（{what}）" if what else ""
        year_before = r.attrs.get("previous_year") or top.year - 1
        word = _PREVIOUS_WORDS.get(r.attrs.get("kind") or "", "数")
        current, previous = r.attrs.get("current") or Decimal(0), r.attrs.get("previous") or Decimal(0)
        label = r.label or top.label
        now = D.Input(f"{top.year}年{label}预算数{qualifier}", current, WAN, top.department, top.year, r.source)
        then = D.Input(f"{year_before}年{label}{word}{qualifier}", previous, WAN, top.department, year_before, r.source)
        items.append(Item(now.label, money(current), WAN, top.department, top.year, r.source))
        items.append(Item(then.label, money(previous), WAN, top.department, year_before, r.source))
        grown = D.growth(now, then, f"{top.year}年{label}{qualifier}")
        derived += grown
        items += [derived_item(d) for d in grown]
        delta = current - previous
        phrase = (f"{who(top.department, top.year)}{label}{qualifier}：{top.year}年预算数{money(current)}万元，"
                  f"{year_before}年{word}{money(previous)}万元，{'增加' if delta >= 0 else '减少'}{money(abs(delta))}万元")
        rate = next((d for d in grown if d.unit == "%"), None)
        if rate is not None:
            phrase += f"，{'增长' if delta >= 0 else '下降'}{rate.value}%"
        printed_change, printed_rate = r.amount if r.attrs.get("printed_change") else None, r.attrs.get("percent")
        if printed_change is not None and printed_change != delta:
            phrase += f"（表列增减额{money(printed_change)}万元，与两数之差不符）"
        if printed_rate is not None and rate is not None and abs(printed_rate) != rate.value:
            phrase += f"（表列增减{printed_rate}%）"
        parts.append(phrase)
    return derived


def _previous_from_tables(frame: Frame, ctx: Context, parents: list) -> Result | None:
    """A subject's figure of a year the graph holds no budget of, where the next year's table prints
    it beside the row (部门公开表5's 2025年执行数, and 扣除中央基建投资后执行数): the printed figure, never
    one derived from a narrative that may compare with another of the pair. With a 扣掉… asked, the
    pair leaving that out; otherwise every pair the table prints, the plain one first."""
    f = frame.filters
    names = {d.name for d in f.departments}
    held = [b for b in ctx.budgets() if b.department in names]
    asked = [y for y in f.years if not any(b.year == y for b in held)]
    nexts = [b for y in asked for b in held if b.year == y + 1]
    codes = {p.iri.rsplit("/", 1)[-1] for p in parents if p.iri}
    if not nexts or not codes:
        return None
    items: list[Item] = []
    parts: list[str] = []
    for b in nexts:
        rows = sorted((r for r in ctx.rows("previous", [b]) if r.key in codes),
                      key=lambda r: (bool(r.attrs.get("excluding")), r.iri or ""))
        if f.excluding:
            rows = [r for r in rows if r.attrs.get("excluding") and
                    (f.excluding in r.attrs["excluding"] or r.attrs["excluding"] in f.excluding)] or rows
        for r in rows:
            if r.attrs.get("previous") is None:
                continue
            year = r.attrs.get("previous_year") or b.year - 1
            word = _PREVIOUS_WORDS.get(r.attrs.get("kind") or "", "数")
            qualifier = f"（扣除{r.attrs['excluding']}后）" if r.attrs.get("excluding") else ""
            label = f"{year}年{r.label}{word}{qualifier}"
            items.append(Item(label, money(r.attrs["previous"]), WAN, b.department, year, r.source))
            said = f"{who(b.department, b.year)}预算表列：{label}{money(r.attrs['previous'])}万元"
            current = r.attrs.get("current")
            if current is not None:  # and the budget's own figure beside it, with the change the two make
                now = D.Input(f"{b.year}年{r.label}预算数{qualifier}", current, WAN, b.department, b.year, r.source)
                then = D.Input(label, r.attrs["previous"], WAN, b.department, year, r.source)
                grown = D.growth(now, then, f"{b.year}年{r.label}{qualifier}")
                # (the row named as the tables name it, code first — 2150516 工程建设及运行维护 — beside the label)
                coded = {"code": r.key, "subject": f"{r.key} {r.label}"} if (r.key or "").isdigit() else {}
                items.append(Item(now.label, money(current), WAN, b.department, b.year, r.source, coded))
                items += [derived_item(d) for d in grown]
                said += f"，{b.year}年预算数{money(current)}万元，" + "，".join(d.formula for d in grown)
            parts.append(said)
    if not items:
        return None
    return Result(items, "；".join(parts) + "。", [], [])


def _from_next_year(frame: Frame, ctx: Context, parents: list) -> Result | None:
    """A subject's figure of a year the graph holds no budget of, where the next year's budget
    states its change (比上年增加/减少): the year before derived from it (倒推), with its formula;
    where the next year's budget states none, said so (文件未列示) — never another year's figure."""
    f = frame.filters
    names = {d.name for d in f.departments}
    held = [b for b in ctx.budgets() if b.department in names]
    asked = [y for y in f.years if not any(b.year == y for b in held)]
    nexts = [b for y in asked for b in held if b.year == y + 1]
    if not asked or not nexts or not parents:
        return None
    items: list[Item] = []
    derived: list[D.Derived] = []
    parts: list[str] = []
    changes = ctx.rows("changes", nexts)
    for b in nexts:
        for subject in {p.name: p for p in parents}.values():
            said = [r for r in changes if (r.department, r.year) == (b.department, b.year) and
                    _plain(r.label).endswith(_plain(subject.name))]  # 水利（款）水利工程建设（项）支出
            # a statement printing the subject's own figure before one that names it only in passing
            said.sort(key=lambda r: r.attrs.get("current") is None)
            if not said or said[0].attrs.get("current") is None:
                parts.append(f"{who(b.department, b.year)}的预算未列示{subject.name}比上年的增减，"
                             f"无法推算{b.year - 1}年的数（文件未列示）")
                continue
            r = said[0]
            if r.attrs.get("previous") is None and r.attrs.get("printed_previous") is not None:
                # 2170.39万元，2025年当年预算执行数2149.45万元，增加0.97%: the year before as the 说明 prints it,
                # not derived back from its rounded rate
                r = dataclasses.replace(r, attrs={**r.attrs, "previous": r.attrs["printed_previous"]})
            now = D.Input(f"{b.year}年{subject.name}", r.attrs["current"], WAN, b.department, b.year, r.source)
            if r.attrs.get("previous") is not None:  # the document prints the year before itself
                items += [Item(f"{b.year - 1}年{subject.name}", money(r.attrs["previous"]), WAN, b.department, b.year,
                               r.source), Item(f"{b.year}年{subject.name}", money(now.value), WAN, b.department, b.year,
                                               r.source)]
                said = f"{who(b.department, b.year)}{subject.name}{money(now.value)}万元"
                if r.amount is not None:  # the change it states, from which the year before follows
                    up = r.amount >= 0
                    items.append(Item(f"{b.year}年{subject.name}比上年{'增加' if up else '减少'}", money(abs(r.amount)),
                                      WAN, b.department, b.year, r.source))
                    said += f"，比上年{'增加' if up else '减少'}{money(abs(r.amount))}万元"
                if r.attrs.get("percent") is not None:  # (and the rate it states, 下降22.17%: said, the rows stay the figures)
                    rate = r.attrs["percent"]
                    said += f"，{'增长' if rate >= 0 else '下降'}{abs(rate)}%"
                said += f"，{b.year - 1}年为{money(r.attrs['previous'])}万元"
                if r.amount is None:  # (no change in money printed: the gap between the two printed figures)
                    gap = D.difference(now, D.Input(f"{b.year - 1}年{subject.name}", r.attrs["previous"], WAN,
                                                    b.department, b.year - 1, r.source))
                    derived.append(gap)
                    items.append(derived_item(gap))
                    said += f"，即{'增加' if now.value >= r.attrs['previous'] else '减少'}{money(gap.value)}万元"
                parts.append(said)
                continue
            rate = r.attrs.get("percent")
            if r.amount is None and rate is None:
                continue
            d = D.previous_from_change(now, r.amount, subject.name, b.year - 1) if r.amount is not None else \
                D.previous_from_rate(now, rate, subject.name, b.year - 1)
            if d is None:
                continue
            derived.append(d)
            up = (r.amount if r.amount is not None else rate) >= 0
            items += [Item(f"{b.year}年{subject.name}", money(now.value), WAN, b.department, b.year, r.source)]
            phrase = f"{who(b.department, b.year)}{subject.name}{money(now.value)}万元，比上年"
            if r.amount is not None:
                items.append(Item(f"{b.year}年{subject.name}比上年{'增加' if up else '减少'}", money(abs(r.amount)), WAN,
                                  b.department, b.year, r.source))
                phrase += f"{'增加' if up else '减少'}{money(abs(r.amount))}万元"
            if rate is not None:
                items.append(Item(f"{b.year}年{subject.name}比上年{'增长' if up else '下降'}", str(abs(rate)), "%",
                                  b.department, b.year, r.source))
                said = f"{'增长' if up else '下降'}{abs(rate)}%"
                phrase += f"（{said}）" if r.amount is not None else said
            items.append(derived_item(d))
            if r.amount is None:  # the change in money, from the derived year before
                change = D.difference(now, D.Input(d.label, d.value, WAN, b.department, b.year - 1))
                derived.append(change)
                items.append(derived_item(change))
                phrase += f"，即{'增加' if up else '减少'}{money(abs(change.value))}万元"
            parts.append(phrase + f"；图谱中没有{b.year - 1}年的预算，据此推算{b.year - 1}年为{money(d.value)}万元"
                                  f"（{d.formula}）")
    if not parts:
        return None
    return Result(items, "。".join(parts) + "。", derived, [])


# A classification subject as the narrative names it (一般公共服务支出（类）其他一般公共服务支出（款）…（项））
_SUBJECT_LABEL = re.compile(r"[（(][类款项][)）]")


def stated_subject_name(label: str) -> str:
    """The subject a statement's label names, without its path (一般公共服务支出（类）…其他一般公共服务支出
    （项） → 其他一般公共服务支出): the item named by its own name, its 类 and 款 said in the sentence."""
    return re.sub(r"[（(][类款项][）)]$", "", re.split(r"[（(][类款][）)]", label)[-1]) or label
_SUBJECT_ASKED = r"科目|列在|放在|列支|列入|哪[一个]?[类款项](?!目)"


def subjects_stated_for(frame: Frame, ctx: Context, budgets, words: list[str],
                        enumerated: bool = False) -> Result | None:
    """Money the words name that no project carries, where the narrative says which subject holds it
    (监狱改扩建的钱放在哪个科目: 其他一般公共服务支出（项）12,868万元, up by 3,618.24 for 北郊监狱改扩建工程):
    the subjects whose stated change gives the words as its reason. None where no statement does."""
    said = words if enumerated else (frame.filters.keywords or words)
    # (or which budget's money it is: 公交运营补贴用的是哪一本预算的钱 — the statement says where it went)
    if not (enumerated or re.search(_SUBJECT_ASKED + r"|哪一?本预算|什么预算|哪类预算|哪种预算|" + MONEY_SOURCE_ASKED,
                                    frame.clause)) or len("".join(said)) < 3:
        return None  # asked where the money is put (列在哪个科目), by words that name something particular
    rows = [r for r in ctx.rows("changes", budgets) if _SUBJECT_LABEL.search(r.label) and r.attrs.get("reason")]
    found = [r for r in rows if all(w in r.attrs["reason"] for w in said)]
    if not found:
        return None
    items, parts = [], []
    for r in found:
        current = r.attrs.get("current")
        name = stated_subject_name(r.label)
        items.append(Item(name, str(current) if current is not None else None, "万元", r.department, r.year, r.source))
        figure = f"{name}" + (f"{money(current)}万元" if current is not None else "")
        against = r.attrs.get("compared_with") or "上年"
        if r.amount is not None:
            figure += f"，比{against}{'增加' if r.amount >= 0 else '减少'}{money(abs(r.amount))}万元"
        percent = r.attrs.get("percent")
        if percent is not None:  # 增长39.1%: the statement's own rate, as printed
            figure += f"，{'增长' if percent >= 0 else '下降'}{format(abs(percent).normalize(), 'f')}%"
        parts.append(f"{who(r.department, r.year)}没有与“{'、'.join(said)}”相关的项目；"
                     f"说明写明这笔钱列在{r.label}：{figure}（{r.attrs['reason']}）")
    return Result(items, "；".join(parts) + "。", [], found)


@executor("subjects")
def subjects(frame: Frame, ctx: Context) -> Result:
    """A subject's rows (``subjects_of``); a subject the tables do not hold answered from the figures
    the narrative states for it (一般公共预算拨款安排的会议费预算支出1305.25万元), said to be so."""
    op = frame.operation
    share_of_figure = op.name == "share" and bool(op.base) and not op.base.startswith(SUBJECT_BASE) \
        and bool(frame.filters.subjects)  # 住房保障支出占财政拨款的比重: a share of that figure, not the source's cell
    if not frame.filters.subjects and (frame.filters.scheme or "functional") == "functional" and frame.filters.keywords:
        # 强制隔离戒毒（款）下一般公共预算拨款安排到哪些项: a 款 a names-only table prints without a code, named as
        # a subject — its rows in the kind of funds asked, before any reading of that kind of funds as a whole
        budgets, _ = ctx.scope(frame)
        named = named_subject_answer(frame, ctx, budgets) if budgets else None
        if named is not None:
            return named
    income = None if share_of_figure else income_of_subjects(frame, ctx)  # 钱从哪来 / 财政拨款多少 of a subject
    if income is not None:
        return income
    by_unit = unit_economic_answer(frame, ctx)  # 各单位工资福利支出各多少: the table printing units over their 类
    if by_unit is not None:
        return by_unit
    if frame.filters.keywords and not frame.filters.subjects:  # 监狱改扩建的预算列在什么科目
        budgets, _ = ctx.scope(frame)
        stated = subjects_stated_for(frame, ctx, budgets, frame.filters.keywords) if budgets else None
        if stated is not None:
            return stated
    result = subjects_of(frame, ctx)
    if result.items or not frame.filters.subjects:
        return _with_money_enumerated(frame, ctx, result)
    budgets, note = ctx.scope(frame)
    stated = ctx.rows("stated", budgets) if budgets else []
    items, parts = [], []
    for subject in {s.name: s for s in frame.filters.subjects}.values():
        want = _core(subject.name)
        for r in stated:
            if r.key == "current" and len(want) >= 2 and want in _core(r.label):
                items.append(item_of(r, r.label))
                counts = r.attrs.get("counts") or []
                for label, count, unit in counts:  # 人数约400人: what the amount pays for
                    items.append(Item(f"{r.label}{label}", f"{count:f}", unit, r.department, r.year, r.source))
                said = "".join(f"，{label}{count:f}{unit}" for label, count, unit in counts)
                parts.append(f"{who(r.department, r.year)}{r.label}{money(r.amount)}万元{said}")
    if not items:
        items, parts = _stated_by_path(frame, ctx, budgets)
    if not items:
        return _with_money_enumerated(frame, ctx, result)
    return _with_money_enumerated(frame, ctx, Result(
        items, with_note("；".join(parts) + "（预算表未列此科目，数字取自文件的文字说明）。", note), [], []))


def _with_money_enumerated(frame: Frame, ctx: Context, result: Result) -> Result:
    """A subject enumerated with money the narrative names by what it is for (监狱行政运行和监狱改扩建
    各安排了多少): that money too, from the statement whose reason names it, after the subject's rows."""
    names = "".join(s.name for s in frame.filters.subjects)
    # (a word that names one of the subjects in short — 物业费 for 物业管理费 — is that subject, not money besides)
    words = [w for g in frame.filters.keyword_groups for w in g
             if len(w) >= 3 and w not in names and not any(w in d.name for d in frame.filters.departments)
             and not any(w[:2] in s.name for s in frame.filters.subjects)]
    if not words or not frame.filters.subjects or not re.search(r"[和、及与]", frame.clause):
        return result
    budgets, _ = ctx.scope(frame)
    extra = subjects_stated_for(frame, ctx, budgets, words[-1:], enumerated=True) if budgets else None
    if extra is None:
        return result
    return Result(result.items + extra.items, "；".join(t.rstrip("。") for t in (result.text, extra.text) if t) + "。",
                  result.derived + extra.derived, result.rows + extra.rows)


def _stated_by_path(frame: Frame, ctx: Context, budgets) -> tuple[list[Item], list[str]]:
    """A subject the tables print no row of (杭州's tables stop at the 类) where the narrative states it
    by its path (公共安全支出（类）监狱（款）行政运行（项）48,375.27万元): those statements, narrowed to
    the paths whose 类 or 款 the clause also names (监狱行政运行) where it names one."""
    if not budgets:
        return [], []
    rows = [r for r in ctx.rows("changes", budgets) if _SUBJECT_LABEL.search(r.label)
            and r.attrs.get("current") is not None]
    items, parts = [], []
    for subject in {s.name: s for s in frame.filters.subjects}.values():
        want = _core(subject.name)
        same = [r for r in rows if len(want) >= 2 and _core(stated_subject_name(r.label)) == want]
        clause = frame.clause
        for d in frame.filters.departments:  # 司法 of 杭州市司法局 names no 款
            clause = clause.replace(d.name, "")
        named = [r for r in same if any(len(p) >= 2 and p in clause
                                        for p in re.split(r"[（(][类款项][）)]", r.label)[:-2])]
        for r in named or same:
            name = stated_subject_name(r.label)
            items.append(Item(name, money(r.attrs["current"]), WAN, r.department, r.year, r.source))
            change = "" if r.amount is None else \
                f"，比上年{'增加' if r.attrs.get('direction') != 'decrease' else '减少'}{money(abs(r.amount))}万元"
            parts.append(f"{who(r.department, r.year)}{r.label}{money(r.attrs['current'])}万元{change}")
    return items, parts


def _at_level(rows: list[Row], want: int, scheme: str) -> list[Row]:
    """The rows of a level (code length ``want``). An economic 款 the table does not print but
    subdivides (北京 预算06表 ``3021101 差旅费``, ``3021503 三类会议费``: no 30211/30215 row) stands at
    the 款 level by its own row, so a class's make-up is not short of it."""
    out = [r for r in rows if len(r.key) == want]
    if scheme == "economic" and want == 5:
        printed = {r.key for r in out}
        out += [r for r in rows if len(r.key) == 7 and r.key[:5] not in printed]
    return out


def _rolled_up(rows: list[Row], want: int, ctx: Context, scheme: str) -> list[Row]:
    """The rows of a level a table does not print (its 类 where it lists 项 only), each the exact sum
    of the most specific printed rows under it, named as the classification names the code."""
    kind = "functional_subject" if scheme == "functional" else "economic_subject"
    names = {e.code: e.name for e in ctx.catalog.of_kind(kind) if e.code}
    deepest = max((len(r.key or "") for r in rows), default=0)
    if deepest <= want:
        return []
    groups: dict[str, list[Row]] = {}
    for r in rows:
        if r.key and len(r.key) == deepest and r.amount is not None:
            groups.setdefault(r.key[:want], []).append(r)
    out = []
    for code, members in sorted(groups.items()):
        if code not in names:
            continue
        first = members[0]
        # where it stands: the table of its rows, the rows under the code (first one's page and line)
        where = f"{first.source.rsplit(' ', 1)[0]} {code}下各行之和" if first.source else None
        out.append(dataclasses.replace(first, label=names[code], amount=sum((m.amount for m in members), Decimal(0)),
                                       key=code, iri=None, source=where))
    return out


# the scope of a table of the whole general budget by economic subject (西安 表6), beside the basic one
WHOLE_ECONOMIC_SCOPE = "general_public_budget"


def _basic_and_project_tables(rows: list[Row]) -> tuple[list[Row], str]:
    """An economic row printed in a 基本支出 table and again in a 项目支出 table (广州 表6 and 表7: 委托业务费
    25.30 and 208.00) and in no table of the whole: its 合计 is the two added (233.30), the basic table's
    figure its 基本支出. Without it, 委托业务费多少 would answer the basic table's figure as the whole."""
    out: list[Row] = []
    said: list[str] = []
    by_code: dict[tuple, dict[str, Row]] = {}
    for r in rows:
        by_code.setdefault((r.department, r.year, r.key, r.attrs.get("phase")), {})[r.attrs.get("column") or "total"] = r
    for r in rows:
        cols = by_code[(r.department, r.year, r.key, r.attrs.get("phase"))]
        total, project = cols.get("total"), cols.get("project")
        split = total is not None and project is not None and "basic" not in cols and \
            "基本支出" in (total.attrs.get("place") or "") and "项目支出" in (project.attrs.get("place") or "")
        if not split or r is project:
            out.append(r)
            continue
        basic = dataclasses.replace(r, attrs={**r.attrs, "column": "basic"})
        whole = dataclasses.replace(r, amount=(total.amount or 0) + (project.amount or 0),
                                    attrs={**r.attrs, "column": "total", "place": None},
                                    source="；".join(x for x in (total.source, project.source) if x))
        out += [whole, basic]
        if len(said) < 3:
            said.append(f"{r.key} {r.label} = 基本支出{money(total.amount)} + 项目支出{money(project.amount)} = "
                        f"{money(whole.amount)}万元")
    if not said:
        return rows, ""
    return out, "基本支出表和项目支出表分列，合计为两表相加（" + "；".join(said) + "）"


# A subjects table's column as an answer names it.
_COLUMN_WORDING = {"project": "项目支出", "basic": "基本支出", "personnel": "人员经费", "public": "公用经费"}


def _whole_budget_economic(ctx: Context, budgets, parents, rows: list[Row], note: str,
                           basic_asked: bool, column: str = "total") -> tuple[list[Row], str]:
    """Economic rows asked without 基本支出/人员经费/公用经费: where a budget prints the economic
    classification of its whole general budget (basic and project spending: 西安 表6, ``302`` with its
    专项业务经费) beside the basic one (表8), that table's rows answer — the basic table's 302 is the
    basic part only. Budgets without such a table keep their own rows. Asked of 基本支出 (人员经费,
    公用经费), the basic table answers; a budget that prints no basic table by economic subject (深圳:
    表8 only, 基本支出 | 项目支出) answers from the whole table's column."""
    whole = ctx.rows("subjects", budgets, Constraints(scheme="economic", code_prefix=_common_prefix(parents),
                                                     amount_scope=WHOLE_ECONOMIC_SCOPE))
    if basic_asked:
        own = {(r.department, r.year) for r in rows}
        whole = [r for r in whole if (r.department, r.year) not in own]
    if not whole:
        return rows, note
    covered = {(r.department, r.year) for r in whole}
    kept = [r for r in rows if (r.department, r.year) not in covered]
    # (its 项目支出/专项业务经费 column asked, the rows are of that column only: the table named, not its whole)
    said = "以下为一般公共预算支出经济分类表的数（含基本支出和项目支出）" if column == "total" else \
        f"以下为一般公共预算支出经济分类表中{_COLUMN_WORDING.get(column, column)}一栏的数"
    return whole + kept, "；".join(x for x in (note, said) if x)


def _children_named_by_words(ctx: Context, budgets: list, scheme: str, parents: list, words: list[str]) -> list:
    """The rows under a named 类/款 that the question's other words name by a part of their names
    (立法 → 人大立法, 监督 → 人大监督 under 人大事务), with the named rows already under it: the subjects
    asked, where every word names exactly one row there; [] otherwise (the words are about something else)."""
    from nlp.frames import Ref

    scopes = [p for p in parents if p.code and len(p.code) in (3, 5)]
    if len(scopes) != 1 or not words:
        return []
    scope = scopes[0]
    rows = ctx.rows("subjects", budgets, Constraints(scheme=scheme, code_prefix=scope.code, columns=["total"]))
    inside = {r.key: r for r in rows if r.key and len(r.key) > len(scope.code)}
    found: dict[str, Row] = {}
    for w in words:
        hits = {k: r for k, r in inside.items() if len(w) >= 2 and w in (r.label or "")}
        if len(hits) != 1:
            return []
        found.update(hits)
    kind = "functional_subject" if scheme == "functional" else "economic_subject"
    others = [p for p in parents if p is not scope and p.code and p.code.startswith(scope.code)]
    return others + [Ref(kind, f"{scope.iri.rsplit('/', 1)[0]}/{k}", r.label, k) for k, r in sorted(found.items())
                     if not any(o.code == k for o in others)]


def _printed_under_another_code(ctx: Context, budgets, scheme: str, parents: list, rows: list[Row]
                                ) -> tuple[list, list[Row]]:
    """Subjects named that the budgets print under another code than the national one (长春 预算表6:
    ``30208 物业管理费`` beside ``30208 取暖费``; 物业管理费 is 30209 nationally): each such subject read
    as the code its printed row carries, so the row of that name answers. Unchanged where no row of a
    budget prints the name. Economic subjects only: a functional name (行政运行) stands under many 款."""
    printed = [r for r in ctx.rows("subjects", budgets, Constraints(scheme=scheme)) if r.label]
    moved = []
    for parent in parents:
        code = next((r.key for r in printed if r.label == parent.name and r.key != parent.code), None)
        moved.append(dataclasses.replace(parent, code=code) if code else parent)
    if moved == parents:
        return parents, rows
    codes = {p.code for p in moved}
    return moved, [r for r in printed if r.key in codes]


def _within_broad_scope(frame: Frame, parents: list) -> bool:
    """Whether the rows of a scope that prints the 类 only (``BROAD_SCOPES``: the 财政拨款收支总表's) can
    answer the frame: the 类 asked (none named, or every one named a 类), their total column, a figure
    of the document's own phase — not a 项 (哪些项级科目的财政拨款支出…), a column (基本支出), nor a
    完成率 against the 年初预算 the table does not print."""
    f = frame.filters
    op = {frame.operation.name, *frame.operation.also}
    # no 类 named: the classes the question asks by their level word (按功能分类各是多少, 类级), not the
    # subjects a bound or a ranking picks out of every level (超过1000万的支出科目有哪些)
    classes = all(len(p.code or "") == 3 for p in parents) if parents else \
        f.level == 1 or (f.level is None and f.bound is None and not op & {"rank", "sort"})
    return classes and (f.level or 1) == 1 and (f.column or "total") == "total" \
        and not {"initial_budget", "adjusted_budget"} & set(f.phases) and "completion" not in op


def subjects_of(frame: Frame, ctx: Context) -> Result:
    if frame.filters.amount_scope in BROAD_SCOPES and not _within_broad_scope(frame, list(frame.filters.subjects)):
        frame = dataclasses.replace(frame, filters=dataclasses.replace(frame.filters.copy(), amount_scope=None))
    f = frame.filters
    op = frame.operation
    budgets, note = ctx.scope(frame)
    scheme = f.scheme or "functional"
    parents = [s for s in f.subjects if s.kind == ("functional_subject" if scheme == "functional" else "economic_subject")]
    if scheme == "functional" and not parents and budgets:
        # a 款/项 a names-only table prints without a code (杭州 监狱), named by its printed name
        named = named_subject_answer(frame, ctx, budgets)
        if named is not None:
            return named
    if budgets and parents and f.keywords:
        named_inside = _children_named_by_words(ctx, budgets, scheme, parents, f.keywords)
        if named_inside:  # 人大事务款下面，立法、监督、代表工作各多少: those 项, the 款 their scope
            parents = named_inside
            f.subjects = [s for s in named_inside]
    if not budgets and f.years and f.departments:
        printed_previous = _previous_from_tables(frame, ctx, parents)
        if printed_previous is not None:
            return printed_previous
        derived_previous = _from_next_year(frame, ctx, parents or list(f.subjects))
        if derived_previous is not None:
            return derived_previous
    rows = ctx.rows("subjects", budgets, Constraints(scheme=scheme, code_prefix=_common_prefix(parents),
                                                    amount_scope=f.amount_scope if scheme == "functional" else None))
    if scheme == "functional" and f.column in ("personnel", "public") and not f.amount_scope and budgets \
            and not any(r.attrs.get("column") == f.column for r in rows):
        # 行政运行的人员经费: the main table prints no 人员经费 column; the 一般公共预算支出表 that prints it
        # beside the row (重庆 表5) answers, said to be its figure
        scoped = ctx.rows("subjects", budgets, Constraints(scheme=scheme, code_prefix=_common_prefix(parents),
                                                           amount_scope="general_public_budget"))
        if any(r.attrs.get("column") == f.column for r in scoped):
            rows = scoped
            table = SCOPE_TABLES.get("general_public_budget") or f"{SCOPED_LABELS['general_public_budget']}支出表"
            note = "；".join(x for x in (note, f"以下为{table}的数") if x)
    if f.amount_scope in BROAD_SCOPES:
        # the 财政拨款收支总表 prints every 类 of the template, most of them 0.00: the classes with money
        rows = [r for r in rows if r.amount]
    if f.amount_scope and scheme == "functional":
        scoped = {(r.department, r.year) for r in rows}
        # a budget without a table of that kind of funds: its own rows, said so
        plain = [b for b in budgets if (b.department, b.year) not in scoped]
        if plain:
            rows += ctx.rows("subjects", plain, Constraints(scheme=scheme, code_prefix=_common_prefix(parents)))
            note = "；".join(x for x in (note, "、".join(who(b.department, b.year) for b in plain) +
                                         f"没有单列{SCOPED_LABELS[f.amount_scope]}支出表，以下为其全部资金的数") if x)
        if scoped:
            table = SCOPE_TABLES.get(f.amount_scope) or f"{SCOPED_LABELS[f.amount_scope]}支出表"
            note = "；".join(x for x in (note, f"以下为{table}的数") if x)
    if not rows and parents and budgets and scheme == "economic":
        parents, rows = _printed_under_another_code(ctx, budgets, scheme, parents, rows)
    if f.without:  # 除了行政运行: those rows set aside
        rows = [r for r in rows if r.key not in f.without]
    if scheme == "economic":
        rows, note = _whole_budget_economic(ctx, budgets, parents, rows, note,
                                            basic_asked=(f.column or "total") not in ("total", "project"),
                                            column=f.column or "total")
        asked_columns = set(f.columns or [f.column or "total"])
        rows, joined = _basic_and_project_tables(rows) if asked_columns in ({"total"}, {"basic", "project"}) \
            else (rows, "")  # (基本支出里的工资福利: the basic table's own rows, as printed)
        if joined:
            note = "；".join(x for x in (note, joined) if x)
    if not rows:
        return Result()
    if op.name == "completion" and ("rank" in op.also or f.rate_bound is not None) and not parents:
        ranked = _completion_ranked(frame, ctx, budgets, scheme, rows)
        if ranked is not None:
            return ranked
    items: list[Item] = []
    parts: list[str] = []
    derived: list[D.Derived] = []
    kept: list[Row] = []
    asked = {op.name, *op.also}
    changed = bool(asked & {"growth", "change"}) and (f.column or "total") == "total"
    # a share or a change of a named subject is about its own figure; its make-up only where asked
    own_figure = frame.own_figure or bool(asked & {"share", "growth", "change"}) and not f.level and \
        not ({"rank", "sort"} & asked) and not re.search(PARTS_OF + r"|明细|哪些|哪几|分别|" + WHICH_SUBJECTS, frame.clause)

    for b in budgets:
        tops_said = False  # the column's classes already said with their total
        column = f.column or "total"
        wording = _COLUMN_WORDING.get(column, "")
        mine = [r for r in rows if (r.department, r.year) == (b.department, b.year) and r.attrs["column"] == column]
        if not mine:  # that column is blank in this table: the totals (of the classes the column is made of)
            mine = [r for r in rows if (r.department, r.year) == (b.department, b.year) and r.attrs["column"] == "total"]
            classes = COLUMN_CLASSES.get(column) if scheme == "economic" and not parents else None
            if classes:
                mine = [r for r in mine if r.key.startswith(classes)]
                tops = [r for r in mine if len(r.key) == 3]
                if tops:
                    # 公用经费里最多的三项: the column's own total (its classes added up) is said with its rows
                    whole = D.total([figure_input(r, r.label) for r in tops], f"{wording}合计")
                    derived.append(whole)
                    items.append(derived_item(whole))
                    parts.append(f"{who(b.department, b.year)}{wording}合计{money(whole.value)}万元，由" + "、".join(
                        f"{r.key} {r.label}{money(r.amount)}万元" for r in tops) + "构成")
                    tops_said = True
            else:
                wording = ""
        if not mine:
            continue
        tops = [r for r in mine if len(r.key or "") == 3 and r.amount]
        if not parents and scheme == "economic" and column != "total" and wording and tops and \
                not any(p.startswith(f"{who(b.department, b.year)}{wording}合计") for p in parts) and \
                (op.name in ("rank", "sort") or f.bound is not None):
            # 公用经费211万，花得最多的是哪三项: the column's own total (its classes added up) beside its rows
            whole = D.total([figure_input(r, r.label) for r in tops], f"{wording}合计")
            derived.append(whole)
            items.append(derived_item(whole))
            parts.append(f"{who(b.department, b.year)}{wording}合计{money(whole.value)}万元，由" + "、".join(
                f"{r.key} {r.label}{money(r.amount)}万元" for r in tops) + "构成")
        if not parents:
            # every subject of a level (类 unless said); a rank without a level ranks the most specific rows
            deepest = 7 if scheme == "functional" else 5
            # 项目支出都在哪个科目: the most specific rows that column fills, not every class with its zeros
            filled = column != "total" and bool(re.search(SUBJECTS_OF_COLUMN, frame.clause))
            want = LEVEL_LENGTH.get(f.level or 0) or (deepest if op.name in ("rank", "sort") or f.bound or filled else 3)
            level_rows = sorted(_at_level(mine, want, scheme), key=lambda r: r.key)
            rolled = not level_rows and f.level is not None
            if rolled:  # 泉州's 一般公共预算支出表 prints 项 rows only: its 类 are their sums, said so
                level_rows = _rolled_up(mine, want, ctx, scheme)
            if filled:
                level_rows = [r for r in level_rows if r.amount]
            moved = moved_as_asked(level_rows, ctx, frame) if changed and f.rate_bound is None and level_rows else None
            if moved is not None:  # 哪些项级科目比上年减少了: the rows whose stated change goes that way
                level_rows = moved
            elif f.bound is not None:  # 哪些科目超过1000万: the rows of that level within the bound
                level_rows = sorted((r for r in level_rows if f.bound.admits(r.amount)),
                                    key=lambda r: r.amount or 0, reverse=True)
            ranked_change = changed and bool({"rank", "sort"} & asked)
            ranked_named = ""  # (the rows a ranking asked after a breakdown picked, said after every row)
            if ranked_change:  # 哪几个项级科目比上年涨得最猛: ranked by their stated change, not their size
                level_rows = _ranked_by_change(level_rows, ctx, frame)
                if not level_rows and scheme == "functional":
                    # the tables print no rows of that level (杭州: 类 only) while the narrative states a
                    # change for each subject of it: the statements themselves, ranked
                    stated = _ranked_statements(ctx, b, want, frame, items, parts)
                    if stated:
                        kept += stated
                        continue
            elif op.name in ("rank", "sort") and "breakdown" in op.also:
                # 按项级科目怎么分？最大的是哪个: every row, largest first, the ones asked named after them
                every_row = sorted(level_rows, key=lambda r: r.amount or 0, reverse=op.descending)
                top = _rank(level_rows, op)
                level_rows = every_row
                picked = "、".join(f"{r.key} {r.label}（{money(r.amount)}万元）" for r in top)
                if all(r.amount is not None for r in every_row):  # (how many rows, and what they add up to)
                    picked += f"；该级科目共{len(every_row)}个，合计{money(sum((r.amount for r in every_row), Decimal(0)))}万元"
                ranked_named = f"其中{rank_phrase(op, len(top))}是{picked}"
            elif op.name in ("rank", "sort"):
                every_row = list(level_rows)  # (the whole the first few are read against)
                level_rows = _rank(level_rows, op)
            elif changed and f.rate_bound is not None and not level_rows and scheme == "functional":
                # 哪些项级科目比上年增长超过100% of a budget whose tables print no row of that level: the
                # narrative's statements of that level within the bound
                stated = _ranked_statements(ctx, b, want, frame, items, parts)
                if stated:
                    kept += stated
                    continue
            shares: list[str] = []  # each row's share, said after the rows
            for i, r in enumerate(level_rows, 1):
                items.append(item_of(r, code=r.key, **({"rank": i} if op.name in ("rank", "sort") or ranked_change else {})))
                derived += _share_of_total(frame, ctx, b, r, items, shares)
            kept += level_rows
            within = f"{f.bound.describe()}的{len(level_rows)}个" if f.bound is not None else ""
            parts.append(f"{who(b.department, b.year)}按{SCHEME_WORDS.get(scheme, '经济')}分类"
                         f"（{LEVEL_NAME.get(want, '')}级{'，表中未列该级，由下级科目加总' if rolled and level_rows else ''}）{within}：" +
                         ("、".join(f"{r.key} {r.label}{money(r.amount)}万元" for r in level_rows) or "没有"))
            if op.name in ("rank", "sort") and not ranked_change and 0 < len(level_rows) < len(every_row) \
                    and all(r.amount is not None for r in every_row):
                # 最大的三个项级科目: the first few beside the whole of that level they are taken from
                whole = sum((r.amount for r in every_row), Decimal(0))
                first = sum((r.amount for r in level_rows), Decimal(0))
                if whole:
                    these = f"这{len(level_rows)}个合计{money(first)}万元，" if len(level_rows) > 1 else ""
                    parts[-1] += (f"（该级科目共{len(every_row)}个，合计{money(whole)}万元；{these}"
                                  f"占{D.percent(first, whole)}%）")
            if ranked_named:
                parts[-1] += f"；{ranked_named}"
                ranked_named = ""
            parts += shares
            if want == 3 and f.level is None and len(level_rows) == 1 and op.name not in ("rank", "sort") \
                    and f.bound is None and not changed:
                # all of it in one class (政府性基金支出花在哪些科目: 212 only): the rows that say what for
                only = level_rows[0]
                below = sorted((r for r in mine if r.key.startswith(only.key) and len(r.key) > 3), key=lambda r: r.key)
                if below:
                    items += [item_of(r, code=r.key) for r in below]
                    kept += below
                    parts[-1] += "，其下：" + "、".join(f"{r.key} {r.label}{money(r.amount)}万元" for r in below)
            if (want == 3 or filled) and len(level_rows) >= 2 and f.bound is None and op.name not in ("rank", "sort", "sum") \
                    and "sum" not in op.also and not tops_said and (filled or re.search(
                        r"各|分别|几大块|几块|怎么分|如何分|分成|分为|分布|构成|组成|哪几[类块项]|花在哪", frame.clause)):
                # 基本支出按经济分类三大块各多少: the classes with the whole they make up
                whole = D.total([figure_input(r, r.label) for r in level_rows],
                                f"{wording}{'各类' if want == 3 else ''}合计" if wording else "各类合计")
                derived.append(whole)
                items.append(derived_item(whole))
                parts[-1] += f"，{whole.formula}" + _printed_whole(ctx, b, scheme, column, whole.value)
            if changed and len(level_rows) <= 12:  # 分几大块？各比上年增减多少: each row's stated change
                for r in level_rows:
                    derived += _stated_change(ctx, r, items, parts)
            continue
        if changed and {"rank", "sort"} & asked and len(parents) >= 2:
            # 工资福利、商品服务…各多少？哪项涨得最多: the rows named, ranked by the change the narrative
            # states for each — not the rows inside the first of them
            named: list[Row] = []
            for p in parents:
                named += [r for r in mine if r.key == p.code and r.attrs.get("column", "total") == "total"
                          and all(r is not x for x in named)]
            # the few rows named are all ranked, the first answering (by amount and by rate they may differ)
            every = dataclasses.replace(frame, operation=dataclasses.replace(op, n=max(len(named), op.n or 0)))
            ranked = _ranked_by_change(named, ctx, every)
            if ranked:
                word = "减少" if asks_falls(frame.clause) else "增加"
                by = "幅度" if asks_rate(frame.clause) else "金额"
                for i, r in enumerate(ranked, 1):
                    items.append(item_of(r, code=r.key, rank=i))
                kept += ranked
                parts.append(f"{who(b.department, b.year)}{'、'.join(p.name for p in parents)}按比上年{word}{by}排序："
                             + "；".join(f"{i}. {r.key} {r.label}{money(r.amount)}万元" for i, r in enumerate(ranked, 1))
                             + f"，{word}最多的是{ranked[0].label}")
                for r in ranked:
                    derived += _stated_change(ctx, r, items, parts)
                continue
        for parent in parents:
            code = parent.code or ""
            same_code = [r for r in mine if r.key == code]
            # one code printed on two rows (长春 30208 取暖费 and 物业管理费): the row of the name asked
            top = next((r for r in same_code if r.label == parent.name), same_code[0] if same_code else None)
            want = LEVEL_LENGTH.get(f.level or 0) or len(code) + 2
            if want <= len(code):
                want = len(code) + 2
            if scheme == "economic":
                want = min(want, 5)
            children = sorted((r for r in _at_level(mine, want, scheme) if r.key.startswith(code) and r.key != code),
                              key=lambda r: r.key)
            deeper = [r for r in mine if r.key.startswith(code) and len(r.key) == want + 2]
            if deeper and not f.level and (len(children) == 1 or (not children and scheme == "functional")
                                           or (not children and re.search(PARTS_OF, frame.clause))
                                           or re.search(WHICH_SUBJECTS, frame.clause)):
                # one 款 (or a table printing no 款 rows, 泉州 221 → 2210201…; 花在哪两个科目: the rows
                # that name what the money is for): its 项 instead
                want, children = want + 2, sorted(deeper, key=lambda r: r.key)
            moved = moved_as_asked(children, ctx, frame) if changed and f.rate_bound is None and children else None
            if moved is not None:  # 法院款下面哪些项比上年减少超过200万元: by their stated change
                children = moved
            elif f.bound is not None and children:
                children = [r for r in children if f.bound.admits(r.amount)]
            if changed and f.rate_bound is not None and children:  # 哪些比上年压减超过15%
                children = _changed_within(children, ctx, frame)
            if any(p.code and p.code != code and p.code.startswith(code) for p in parents):
                children = []  # 工资福利支出里基本工资、奖金各多少: its named rows answer, not all its rows
            printed = {p.code for p in parents if any(r.key == p.code for r in mine)}  # named rows this budget prints
            # one of several things asked (人员经费、公用经费、对个人和家庭补助) — not a row named with the class it
            # is in (公共安全支出里，法院款下面各项: the 款 is where to look, the class only says where it is)
            side_by_side = {c for c in printed if not any(o != c and (o.startswith(c) or c.startswith(o)) for o in printed)}
            enumerated = len(side_by_side) >= 2 or "、" in frame.clause
            if top is not None and enumerated and re.search(r"各|分别", frame.clause) \
                    and not re.search(PARTS_OF, frame.clause):
                children = []  # 工资、商品服务、资本性支出各多少: each class's own figure, not its make-up
            if top is not None and op.name == "sum" and len(printed) == 1 \
                    and not re.search(PARTS_OF, frame.clause):
                children = []  # 商品和服务支出总共多少: the class's own printed total, not its rows added up
            if top is not None and own_figure and len(children) > 1:
                # 节能环保支出多少，占比多少: the class's own figure, not its make-up (a class that is
                # all one row still says which row that is)
                children = []
            if not children and top is None:
                continue
            if len(f.columns) >= 2:  # 节能环保支出中基本支出和项目支出各是多少: the row itself, column by column
                mine = [r for r in rows if (r.department, r.year) == (b.department, b.year) and r.key == code]
                own = [r for r in mine if r.attrs["column"] in f.columns]
                own.sort(key=lambda r: f.columns.index(r.attrs["column"]))
                held = {r.attrs["column"] for r in own}
                if own and {"personnel", "public"} & set(f.columns) - held:
                    # 人员经费、公用经费、专项业务经费各多少 of a row the graph holds by 基本支出 only: the 基本支出
                    # (their sum) and the row's total, never one column alone standing for the three
                    own = [r for r in mine if r.attrs["column"] == "basic"] + own
                total_row = next((r for r in mine if r.attrs["column"] == "total"), None) \
                    if own and "total" not in f.columns else None
                if total_row is not None:  # the row's 合计 said first (the rows stay the columns asked)
                    own = [total_row] + own
                if own:
                    words = {"project": "项目支出", "basic": "基本支出", "personnel": "人员经费", "public": "公用经费",
                             "total": "合计"}
                    for r in own:
                        if r is not total_row:
                            items.append(item_of(r, f"{r.label}{words.get(r.attrs['column'], '')}", code=r.key))
                    kept += own
                    parts.append(f"{who(b.department, b.year)}{own[0].key} {own[0].label}：" + "，".join(
                        f"{words.get(r.attrs['column'], '')}{money(r.amount)}万元" for r in own))
                    missing = [words[c] for c in ("personnel", "public") if c in f.columns and c not in
                               {r.attrs["column"] for r in own}]
                    if missing:
                        parts[-1] += f"（{'、'.join(missing)}图谱中未分列，合在基本支出里）"
                    continue
            # an economic 款's own rows (3030101…) are no 项: the scheme stops at 款, its rows are 明细
            lvl = LEVEL_NAME.get(want, "")
            rows_word = "明细科目" if scheme == "economic" and want > 5 else f"{lvl}级科目"
            if not children and top is not None:
                items.append(item_of(top, code=top.key))
                kept.append(top)
                parts.append(f"{who(b.department, b.year)}：{top.key} {top.label}{wording}{money(top.amount)}万元")
                if re.search(STATED_PARTS_ASKED, frame.clause):  # 1153万都花在哪几块？分别是哪个单位的
                    stated = _stated_parts(ctx, b, top)
                    carriers = _units_named(ctx, b, stated) if re.search(r"单位|谁", frame.clause) else {}
                    items += [item_of(r, **({"unit": carriers[r.label]} if r.label in carriers else {}))
                              for r in stated]
                    kept += stated
                    if stated:
                        parts[-1] += "，说明列出：" + "；".join(
                            f"{r.label}{money(r.amount)}万元" + (f"（{carriers[r.label]}）" if r.label in carriers else "")
                            for r in stated)
                derived += _share_of_total(frame, ctx, b, top, items, parts)
                if changed:
                    derived += _stated_change(ctx, top, items, parts)
                continue
            by_change = changed and op.name in ("rank", "sort")
            if by_change:  # 三项各多少？哪项涨得最多: ranked by the change the narrative states for each
                children = _ranked_by_change(children, ctx, frame)
            elif op.name in ("rank", "sort"):
                children = _rank(children, op)
            each_share = bool(children) and ("share_each" in asked or bool(re.search(EACH_SHARE, frame.clause)))
            if top is not None and op.name not in ("rank", "sort"):
                items.append(item_of(top, f"{top.label}合计（{top.key}）", code=top.key))
                kept.append(top)
                if not each_share:
                    derived += _share_of_total(frame, ctx, b, top, items, parts)
            if each_share and op.name not in ("rank", "sort"):  # 花在哪两个科目？各占多少: each row's share
                for r in children:
                    derived += _share_of_total(frame, ctx, b, r, items, parts)
            for i, r in enumerate(children, 1):
                items.append(item_of(r, code=r.key, **({"rank": i} if op.name in ("rank", "sort") else {})))
            kept += children
            name = top.label if top is not None else parent.name
            head = f"{who(b.department, b.year)}{name}{wording}" + (f"（{code}）合计{money(top.amount)}万元" if top is not None else "")
            if op.name in ("rank", "sort"):
                word = "最大" if op.descending else "最小"
                if by_change:
                    word = "比上年" + ("减少最多" if asks_falls(frame.clause) else "增加最多")
                else:
                    word = "金额" + word
                body = "；".join(f"{i}. {r.key} {r.label}{money(r.amount)}万元" for i, r in enumerate(children, 1))
                parts.append(f"{head}，其{rows_word}中{word}的{len(children)}个：{body}")
                if top is not None:  # 最大的两项合计占多少: their sum, as a share of the class they are rows of
                    parts[-1] += listed_sum_and_share(frame, [figure_input(r, r.label) for r in children],
                                                      figure_input(top, top.label), items, derived)
                if top is not None and "share" in op.also:
                    # 最大的是哪项，占多少: of the class it is a row of
                    for r in children:
                        d = D.share(figure_input(r, r.label), figure_input(top, top.label))
                        if d is not None:
                            derived.append(d)
                            items.append(derived_item(d, of=top.label))
                            parts[-1] += f"；{d.formula}"
            elif op.name == "count" or "count" in op.also:
                items.append(Item(f"{rows_word}个数", str(len(children)), "个", b.department, b.year))
                body = "、".join(f"{r.key} {r.label}{money(r.amount)}万元" for r in children)
                parts.append(f"{head}，共{len(children)}个{rows_word}：{body}")
            elif changed and f.rate_bound is not None:
                body = "、".join(f"{r.key} {r.label}{money(r.amount)}万元" for r in children) or "没有"
                parts.append(f"{head}，其{rows_word}中比上年增减幅度{f.rate_bound.describe(percent=True)}的{len(children)}个：{body}")
            elif moved is not None:
                body = "、".join(f"{r.key} {r.label}{money(r.amount)}万元" for r in children) or "没有"
                how = ("减少" if asks_falls(frame.clause) else "增加") + (f.bound.describe() if bound_on_change(frame) else "")
                parts.append(f"{head}，其{rows_word}中比上年{how}的{len(children)}个：{body}")
            else:
                body = "、".join(f"{r.key} {r.label}{money(r.amount)}万元" for r in children)
                parts.append(f"{head}，由{len(children)}个{rows_word}构成：{body}" if children else head)
            if changed and children and len(children) <= 12:  # 分几大块？各比上年增减多少: each row's stated change
                for r in children:
                    derived += _stated_change(ctx, r, items, parts)
                if op.name == "count" or "count" in op.also:
                    derived += _changes_counted(ctx, children, frame.clause, items, parts)
    if not items:
        return Result()
    derived += _completion(frame, ctx, budgets, scheme, parents, kept, items, parts)
    # (a stated change ranked in place of rows carries no code: no row's parent)
    leaves = [r for r in kept if r.key and not any(o is not r and o.key and o.key.startswith(r.key) and
                                                   (o.department, o.year) == (r.department, r.year) for o in kept)]
    across = len({(r.department, r.year) for r in leaves}) > 1 and not re.search(SUM_WORDS, frame.clause)
    ranked_sum = op.name in ("rank", "sort") and any(d.label.startswith("前") and d.label.endswith("项合计") for d in derived)
    apart = (op.name == "difference" or "difference" in op.also) and len(leaves) == 2
    if apart:  # 两项各安排多少？差多少: the gap between the two rows (the larger first)
        a, b = sorted(leaves, key=lambda r: r.amount or 0, reverse=True)
        gap = D.difference(figure_input(a, a.label), figure_input(b, b.label))
        if gap is not None:
            derived.append(gap)
            items.append(derived_item(gap))
            parts.append(gap.formula)
    summed_asked = op.name == "sum" or "sum" in op.also and (not apart or re.search(L.LISTED_SUM, frame.clause))
    if scheme == "functional" and parents and not frame.filters.amount_scope and not across and len(leaves) <= 4 \
            and op.name in ("list", "lookup") and not ({"share", "difference", "growth", "change", "rank", "completion"}
                                                       & set(op.also)) and (f.column or "total") == "total" \
            and all(len(r.key or "") == 7 for r in leaves):
        _general_budget_beside(ctx, leaves, items, parts, derived, summed=summed_asked or len(leaves) > 1)
    if summed_asked and len(leaves) > 1 and not across and not ranked_sum:
        # (两家的会议费分别多少: each department's row, never one sum of two departments' money unasked)
        d = D.total([figure_input(r, r.label) for r in leaves], "合计")
        derived.append(d)
        items.append(derived_item(d))
        parts.append(d.formula)
        derived += _share_of_sum(frame, ctx, leaves, d, items, parts)
    if op.name == "per_capita":
        named = {p.code for p in parents}
        derived += _per_capita(frame, ctx, budgets, [r for r in kept if r.key in named] or leaves, items, parts)
    return Result(items, with_note("；".join(parts) + "。", note), derived, kept)


def _general_budget_beside(ctx: Context, leaves: list[Row], items: list[Item], parts: list[str], derived: list[D.Derived],
                           summed: bool) -> None:
    """执法办案和信息化建设各安排多少: rows named of the document's all-funds table said beside the same rows of its
    一般公共预算支出表 where that table prints them otherwise (泉州 执法办案 23682.00 in all, 12172.00 of 一般公共预算) —
    the 说明 speaks of the latter, the reader sees both."""
    budgets = list({(r.department, r.year): r for r in leaves})
    scoped = [r for r in ctx.rows("subjects", [b for b in ctx.budgets() if (b.department, b.year) in budgets],
                                  Constraints(scheme="functional", amount_scope="general_public_budget"))
              if (r.attrs.get("column") or "total") == "total"]
    by = {(r.department, r.year, r.key): r for r in scoped}
    pairs = [(r, by.get((r.department, r.year, r.key))) for r in leaves]
    if not any(g is not None and g.amount is not None and g.amount != r.amount for r, g in pairs):
        return
    shown = [g for _r, g in pairs if g is not None and g.amount is not None]
    for g in shown:
        items.append(item_of(g, f"{g.key} {g.label}（一般公共预算）"))
    said = "、".join(f"{g.key} {g.label}{money(g.amount)}万元" for g in shown)
    if summed and len(shown) > 1:
        d = D.total([figure_input(g, g.label) for g in shown], "一般公共预算合计")
        derived.append(d)
        items.append(derived_item(d))
        said += f"，{d.formula}"
    parts.append(f"其中一般公共预算拨款（{SCOPE_TABLES.get('general_public_budget') or '一般公共预算支出表'}）：{said}")


def _per_capita(frame: Frame, ctx: Context, budgets, rows: list[Row], items: list[Item], parts: list[str]) -> list[D.Derived]:
    """人均 of a subject's figure (在职人员人均工资福利支出): ÷ the staff count the question names."""
    asked = [k for k in ("activeStaff", "authorizedStaff", "actualStaff") if k in frame.operation.per_keys]
    order = asked + [k for k in ("actualStaff", "activeStaff", "authorizedStaff") if k not in asked]
    counts = ctx.rows("staff", budgets)
    out = []
    for r in rows:  # the count asked, else the nearest one the document prints (实有, 在职, 编制)
        people = next((c for k in order for c in counts if c.key == k and (c.department, c.year) == (r.department, r.year)
                       and c.amount), None)
        key = people.key if people is not None else order[0]
        if people is None or not people.amount:
            continue
        d = D.per_capita(figure_input(r, r.label), D.Input(ctx.vocab.label(key), people.amount, "人", r.department,
                                                           r.year, people.source))
        if d is not None:
            out.append(d)
            items.append(item_of(people, ctx.vocab.label(key)))
            items.append(derived_item(d))
            parts.append(f"{who(r.department, r.year)}{d.formula}")
    return out


def _final_beside(ctx: Context, row: Row, plan: Row) -> Row | None:
    """The 决算数 a 决算's narrative states beside the budget figure ``plan`` of the subject ``row``
    (年初预算为1017.2万元，支出决算为1028.48万元: ``bkg:BudgetExecution``), where it differs from the row's
    own 决算数 — the statement is of 财政拨款 (一般公共预算财政拨款支出决算表), the row of the all-funds
    支出决算表 —, so a completion rate sets figures of one kind of funds against each other. None where
    no statement of that subject prints that budget figure, or the two 决算数 agree."""
    want = _plain(row.label)
    if len(want) < 2 or plan.amount is None:
        return None
    said = [e for e in ctx.rows("executions", [b for b in ctx.budgets()
                                               if (b.department, b.year) == (row.department, row.year)])
            if e.attrs.get("budget") == plan.amount and e.amount is not None and _plain(e.label).endswith(want)]
    return said[0] if len(said) == 1 and said[0].amount != row.amount else None


def _completion(frame: Frame, ctx: Context, budgets, scheme: str, parents, kept: list[Row], items: list[Item],
                parts: list[str]) -> list[D.Derived]:
    """A 决算's subject rows beside their budget column (年初预算数 …), each with its completion
    rate; the lowest and highest rate said where several rows are compared."""
    order = budget_column_order(frame)
    finals = [b for b in budgets if b.final_account]
    if not order or not finals or not kept:
        return []
    rows = ctx.rows("subjects", finals, Constraints(scheme=scheme, code_prefix=_common_prefix(parents),
                                                    phases=list(BUDGET_PHASES)))
    plans = pick_budget_columns(rows, order, lambda r: (r.department, r.year, r.key, r.attrs["column"]))
    out: list[D.Derived] = []
    for r in kept:
        plan = plans.get((r.department, r.year, r.key, r.attrs.get("column")))
        if plan is None:
            continue
        column = ctx.vocab.phase_label(plan.attrs["phase"])
        final, note = _final_beside(ctx, r, plan), ""
        if final is not None:  # the statement's own 决算数, of the same funds as its 预算数
            items.append(item_of(final, f"{r.label}决算数（说明所列，与{column}同口径）", code=r.key))
            note = f"（说明所列与{column}同口径的决算数；表列该科目全部资金决算数{money(r.amount)}万元）"
        basis = final or r
        d = D.completion(figure_input(basis, f"{r.label}决算数"), figure_input(plan, f"{r.label}{column}"), r.label)
        if d is None:
            continue
        items.append(item_of(plan, f"{r.label}（{column}）", code=r.key))
        items.append(derived_item(d, code=r.key))
        out.append(d)
        parts.append(f"{r.key} {r.label}{column}{money(plan.amount)}万元，决算数{money(basis.amount)}万元{note}，"
                     f"完成率{d.value}%")
    if not out:
        parts.append("图谱中没有这些科目的预算数一栏，无法计算完成率")
    if len(out) > 2:
        low = min(out, key=lambda d: d.value)
        parts.append(f"完成率最低的是{low.label[:-3]}（{low.value}%）")
    return out


def _completion_ranked(frame: Frame, ctx: Context, budgets, scheme: str, rows: list[Row]) -> Result | None:
    """哪几个项级科目完成年初预算的比例最低（最高）: every row of the level asked beside its budget column,
    ranked by completion rate (决算数 ÷ 预算数); a row whose budget is 0 has no rate and is left out
    (said). None where the graph holds no budget column for these rows."""
    f, op = frame.filters, frame.operation
    finals = [b for b in budgets if b.final_account]
    order = budget_column_order(frame)
    if not finals or not order:
        return None
    deepest = 7 if scheme == "functional" else 5
    want = LEVEL_LENGTH.get(f.level or 0) or deepest
    plans_rows = ctx.rows("subjects", finals, Constraints(scheme=scheme, phases=list(BUDGET_PHASES)))
    plans = pick_budget_columns(plans_rows, order, lambda r: (r.department, r.year, r.key, r.attrs["column"]))
    rated: list[tuple[D.Derived, Row, Row, Row]] = []
    without = []
    for r in rows:
        if len(r.key) != want or r.attrs.get("column") != "total" or not any(
                (r.department, r.year) == (b.department, b.year) for b in finals):
            continue
        plan = plans.get((r.department, r.year, r.key, "total"))
        if plan is None:
            continue
        basis = _final_beside(ctx, r, plan) or r  # the 决算数 of the same funds as the budget figure
        d = D.completion(figure_input(basis, f"{r.label}决算数"),
                         figure_input(plan, f"{r.label}{ctx.vocab.phase_label(plan.attrs['phase'])}"), r.label)
        if d is None:
            without.append(r)
            continue
        rated.append((d, r, plan, basis))
    if not rated:
        return None
    bound = f.rate_bound
    if bound is not None:  # 完成率不到80%的: every row within the bound, lowest rate first where it is an upper one
        chosen = sorted((t for t in rated if bound.admits(t[0].value)), key=lambda t: t[0].value,
                        reverse=bound.op in (">", ">="))
    else:
        rated.sort(key=lambda t: t[0].value, reverse=op.descending)
        chosen = rated[:op.n or 3]
    items, derived, parts = [], [], []
    for i, (d, r, plan, basis) in enumerate(chosen, 1):
        column = ctx.vocab.phase_label(plan.attrs["phase"])
        items.append(item_of(r, code=r.key, rank=i))
        if basis is not r:
            items.append(item_of(basis, f"{r.label}决算数（说明所列，与{column}同口径）", code=r.key))
        items.append(item_of(plan, f"{r.label}（{column}）", code=r.key))
        items.append(derived_item(d, code=r.key))
        derived.append(d)
        parts.append(f"{i}. {r.key} {r.label}：{column}{money(plan.amount)}万元，决算数{money(basis.amount)}万元，完成率{d.value}%")
    b = finals[0]
    if bound is not None:
        limit = f"{BOUND_WORDS[bound.op]}{bound.low:f}%"
        text = f"{who(b.department, b.year)}{LEVEL_NAME.get(want, '')}级科目中完成率{limit}的{len(chosen)}个：" + \
            ("；".join(parts) if parts else "没有")
    else:
        word = "最高" if op.descending else "最低"
        text = f"{who(b.department, b.year)}{LEVEL_NAME.get(want, '')}级科目中完成率{word}的{len(chosen)}个：" + "；".join(parts)
    if without:
        text += "（" + "、".join(r.label for r in without) + "的预算数为0，无完成率，不参与排序）"
    return Result(items, text + "。", derived, [r for _, r, _, _ in chosen])


def _rank(rows: list[Row], op) -> list[Row]:
    rows = sorted(rows, key=lambda r: r.amount or 0, reverse=op.descending)
    if op.nth:
        return rows[op.nth - 1: op.nth]
    return rows[: op.n] if op.n else rows


def _share_of_total(frame: Frame, ctx: Context, budget, top: Row, items: list[Item], parts: list[str]) -> list[D.Derived]:
    """A subject's share of the figure the question names (占人员经费), else of the department's
    total expenditure (when the question asks 占比)."""
    if frame.operation.name != "share" and "share" not in frame.operation.also:
        return []
    of_column = (frame.operation.base or "").startswith(COLUMN_BASE)
    if of_column or (not frame.operation.base and frame.filters.amount_scope):
        # 一般公共预算按经济分类怎么分？工资福利占多少: of that table's whole, not of 支出总计
        scope = frame.filters.amount_scope
        # 基本支出按经济分类…工资福利占多少: of the 基本支出 column's whole
        column = frame.operation.base[len(COLUMN_BASE):] if of_column else "total"
        scheme = frame.filters.scheme or "functional"
        # the economic rows of one column are the budget's own basic table (as ``subjects_of`` reads them)
        own_rows = scheme == "economic" and column != "total"
        rows = [r for r in ctx.rows("subjects", [budget], Constraints(scheme=scheme, amount_scope=None if own_rows else scope))
                if len(r.key or "") == 3 and r.amount is not None]
        # a table of basic spending prints its rows' own 合计 column (the 基本支出 the breakdown listed)
        classes = [r for r in rows if r.attrs.get("column", "total") == column] or \
            [r for r in rows if own_rows and r.attrs.get("column", "total") == "total"]
        if classes:
            label = f"{SCOPED_LABELS.get(scope or '', '')}{ctx.vocab.columns.get(column, '') if column != 'total' else '支出'}合计"
            whole = D.Input(label, sum((r.amount for r in classes), Decimal(0)), WAN, budget.department, budget.year)
            d = D.share(figure_input(top, top.label), whole, f"{top.label}占{label}比重")
            if d is not None:
                items.append(derived_item(d))
                parts.append(d.formula)
                return [d]
    base_key = "expenditure_total" if of_column else frame.operation.base or "expenditure_total"
    if base_key.startswith(SUBJECT_BASE):  # 其中基本工资占几成: of the subject it is part of (301)
        code = base_key[len(SUBJECT_BASE):]
        column = top.attrs.get("column", "total")
        total = [r for r in ctx.rows("subjects", [budget], Constraints(scheme=frame.filters.scheme or "economic",
                                                                        code_prefix=code))
                 if r.key == code and r.attrs.get("column") == column]
        base_label = total[0].label if total else code
    else:
        total = list(figures_by_key(ctx, [budget], [base_key]).values())[:1]  # 财政拨款: its three kinds summed
        base_label = ctx.vocab.label(base_key) if base_key in ctx.vocab.measures else "财政拨款"
    if not total:
        return []
    d = D.share(figure_input(top, top.label), figure_input(total[0], base_label), f"{top.label}占{base_label}比重")
    if d is None:
        return []
    items.append(derived_item(d))
    parts.append(d.formula)
    return [d]


def _share_of_sum(frame: Frame, ctx: Context, leaves: list[Row], whole: D.Derived, items: list[Item],
                  parts: list[str]) -> list[D.Derived]:
    """两者合计占总支出多少: the sum of the rows asked, as a share of the figure the question names
    (asked with both the sum and a share of a department figure)."""
    op = frame.operation
    base_key = op.base
    if "sum_share" in op.also and not base_key and len(leaves) > 1:
        # 行政运行和其他民政管理事务支出各多少？加起来占多少: the sum, of the whole each row's share was taken of
        budget = next((b for b in ctx.scope(frame)[0] if (b.department, b.year) == (leaves[0].department, leaves[0].year)),
                      None)
        summed = dataclasses.replace(leaves[0], key=None, label=f"{len(leaves)}项合计", amount=whole.value)
        return _share_of_total(frame, ctx, budget, summed, items, parts) if budget is not None else []
    if "share" not in {op.name, *op.also} or not base_key or base_key.startswith(SUBJECT_BASE) or not leaves:
        return []
    budget = next((b for b in ctx.scope(frame)[0] if (b.department, b.year) == (leaves[0].department, leaves[0].year)),
                  None)
    rows = ctx.rows("figures", [budget], Constraints(items=[base_key])) if budget is not None else []
    if not rows:
        return []
    label = ctx.vocab.label(base_key)
    total = D.Input("合计", whole.value, whole.unit, whole.department, whole.year)
    d = D.share(total, figure_input(rows[0], label), f"合计占{label}比重")
    if d is None:
        return []
    items.append(derived_item(d))
    parts.append(d.formula)
    return [d]


def _common_prefix(parents) -> str | None:
    codes = [p.code for p in parents if p.code]
    if len(codes) != 1:
        return None
    return codes[0]


def _stated_parts(ctx: Context, budget, row: Row) -> list[Row]:
    """The items the 说明 states a subject row's money is used for (其他财政事务支出（项）1153.00万元，主要
    用于…652.00万元；市财政项目预算审核中心…371.00万元): the narrative's sub-items whose parent is that row."""
    name = re.sub(r"[（(](?:类|款|项)[）)]", "", row.label)
    return [r for r in ctx.rows("stated", [budget]) if r.attrs.get("topic") == "subitem" and r.key == "current"
            and r.amount is not None and re.sub(r"[（(](?:类|款|项)[）)]", "", r.attrs.get("parent") or "").endswith(name)]


def _units_named(ctx: Context, budget, stated: list[Row]) -> dict[str, str]:
    """The unit each stated use begins with (市财政项目预算审核中心市级预算项目评审经费支出 → 湖州市财政项目预算
    审核中心; 局本级… → the department itself): the department's units as its budget names them
    (subordinate units, the units carrying its projects), matched by the short forms people write."""
    from nlp.execute.units import short_names

    names = {r.label for r in ctx.rows("subordinates", [budget])} | \
        {r.attrs.get("unit") for r in ctx.rows("projects", [budget]) if r.attrs.get("unit")}
    out: dict[str, str] = {}
    for r in stated:
        lead = re.sub(r"^(?:市|区|县|省|州)", "", r.label)
        if re.match(r"(?:局|厅|委|办|院|机关)?本级|机关本部", lead):
            out[r.label] = f"{budget.department}本级"
            continue
        hit = max((n for n in names if n and any(lead.startswith(form) for form in short_names(n))),
                  key=len, default=None)
        if hit:
            out[r.label] = hit
    return out
