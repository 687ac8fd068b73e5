"""Where a functional subject's money comes from: the income table by subject (部门收入总表,
收入预算总表: one cell per subject × source, ``bkg:incomeStructure``).

Two questions, one executor: the sources of a named subject (社会福利事业单位的钱财政拨款和事业
收入各出多少, 这个科目的钱从哪来), and the subjects a named source pays for (事业收入用在哪些科目,
哪些科目用了政府性基金). A source the table does not print as a column of its own is the sum of
its parts (财政拨款 = 一般公共预算 + 政府性基金 + 国有资本经营; 单位资金 = 事业收入 + 经营收入 + …),
computed with ``Decimal`` and shown with its formula. Where the document prints no income table
by subject (its income table is by unit), the tables of one kind of funds stand in: the subject's
一般公共预算 and 政府性基金 rows against its row of the all-funds table, the rest derived and said
to be other money — never a figure of another subject or department.
"""
from __future__ import annotations

import re
from decimal import Decimal

from kg.extract.model import INCOME_SOURCE_KEYS
from nlp import derive as D
from nlp.lexicon import PARTS_OF
from nlp.execute.base import Context, Result, derived_item, figure_input, item_of, listed_sum_and_share, who, with_note
from nlp.frames import Frame
from nlp.graph import Budget, Row
from nlp.reply import Item, money
from nlp.sparql import Constraints
from nlp.vocabulary import COLUMN_OF_MEASURE, WAN

# a source asked -> the printed columns it is the sum of, where it is not printed itself
PARTS_OF_SOURCE: dict[str, tuple[str, ...]] = {
    "fiscal": ("general_public_budget", "general_public_budget_own", "upper_level_transfer", "government_fund",
               "upper_fund", "state_capital", "upper_state_capital"),
    "general_public_budget": ("general_public_budget_own", "upper_level_transfer"),
    "unit_funds": ("unit_business", "unit_operating", "unit_upper", "unit_affiliated", "unit_other"),
    "carryover": ("carryover_fiscal", "carryover_nonfiscal"),
}
# the columns said when a question asks where a subject's money comes from without naming one:
# the most specific printed columns (a subtotal only where its parts are not printed)
SUBTOTALS = {"fiscal": PARTS_OF_SOURCE["fiscal"], "unit_funds": PARTS_OF_SOURCE["unit_funds"]}
# the scope of the tables that cover one kind of funds -> the source it is
SCOPE_SOURCES = {"general_public_budget": "general_public_budget", "government_fund": "government_fund"}
LEVEL_LENGTH = {1: 3, 2: 5, 3: 7}


def source_label(ctx: Context, key: str) -> str:
    """A source's Chinese name (the funding concept's label; 上年结转 for either carry-over)."""
    if key == "carryover":
        return "上年结转"
    if key == "total":
        return "合计"
    return ctx.vocab.funding.get(key, key)


def value_of(cells: dict[str, Row], key: str, ctx: Context, label: str) -> tuple[Decimal | None, D.Derived | None]:
    """The figure of source ``key`` in one subject's cells: printed, else the sum of its printed
    parts (a derived figure with its formula); None where neither is printed."""
    if key in cells:
        return cells[key].amount, None
    parts = [cells[p] for p in PARTS_OF_SOURCE.get(key, ()) if p in cells and cells[p].amount is not None]
    if not parts:
        if key in ("fiscal", "general_public_budget") and "total" in cells and len(cells) > 1 and \
                not any(k in cells for k in PARTS_OF_SOURCE["fiscal"] + ("fiscal",)):
            return Decimal(0), None  # the row prints money, none of it in a fiscal column
        return None, None
    if len(parts) == 1:
        return parts[0].amount, None
    d = D.total([figure_input(p, source_label(ctx, p.attrs["source"])) for p in parts], label)
    return d.value, d


def _printed_sources(cells: dict[str, Row]) -> list[str]:
    """Every column a subject's row prints, in the table's order, subtotals left out where their
    parts are printed."""
    keys = sorted((k for k in cells if k != "total"),
                  key=lambda k: INCOME_SOURCE_KEYS.index(k) if k in INCOME_SOURCE_KEYS else len(INCOME_SOURCE_KEYS))
    return [k for k in keys if not (k in SUBTOTALS and any(p in cells for p in SUBTOTALS[k]))]


def _of_subject(frame: Frame, ctx: Context, b, code: str, name: str, cells: dict[str, Row],
                items: list[Item], parts: list[str], derived: list[D.Derived]) -> None:
    """The sources of one subject row of the income table, as the question asks them."""
    asked = [s for s in frame.filters.sources if s != "any"] or _printed_sources(cells)
    top = cells.get("total")
    label = top.label if top is not None else name
    said: list[str] = []
    if top is not None:
        items.append(item_of(top, f"{label}（{code}）合计", code=code, funding="合计"))
    for key in asked:
        word = source_label(ctx, key)
        value, d = value_of(cells, key, ctx, f"{label}{word}")
        if value is None:
            said.append(f"{word}未列示")
            continue
        if d is not None:
            derived.append(d)
            items.append(derived_item(d, code=code, funding=word))
            said.append(f"{word}{money(value)}万元（{d.formula}）")
            continue
        row = cells.get(key) or top
        items.append(Item(f"{label}（{code}）{word}", money(value), WAN, b.department, b.year,
                          row.source if row is not None else None, {"code": code, "funding": word}))
        said.append(f"{word}{money(value)}万元")
    head = f"{who(b.department, b.year)}{code} {label}" + (f"合计{money(top.amount)}万元，其中" if top is not None else "：")
    parts.append(head + "、".join(said) + "（收入总表按科目列示）")


def _from_scoped(frame: Frame, ctx: Context, b, code: str, name: str, items: list[Item], parts: list[str],
                 derived: list[D.Derived]) -> bool:
    """A subject of a document whose income table is not by subject: its 一般公共预算 and 政府性基金
    rows (the tables of one kind of funds) against its all-funds row; the rest derived. False where
    the graph holds neither."""
    whole = [r for r in ctx.rows("subjects", [b], Constraints(scheme="functional", code_prefix=code))
             if r.key == code and r.attrs.get("column") == "total"]
    scoped = [r for r in ctx.rows("scoped", [b], Constraints(code_prefix=code))
              if r.key == code and r.attrs.get("column") == "total" and r.attrs.get("scope") in SCOPE_SOURCES]
    if not whole or not scoped:
        return False
    top = whole[0]
    label = top.label or name
    items.append(item_of(top, f"{label}（{code}）合计", code=code, funding="合计"))
    said = []
    for r in scoped:
        word = source_label(ctx, SCOPE_SOURCES[r.attrs["scope"]])
        items.append(item_of(r, f"{label}（{code}）{word}", code=code, funding=word))
        said.append(f"{word}{money(r.amount)}万元")
    covered = D.total([figure_input(r, source_label(ctx, SCOPE_SOURCES[r.attrs["scope"]])) for r in scoped],
                      "财政拨款安排") if len(scoped) > 1 else None
    base = covered.value if covered is not None else scoped[0].amount
    rest = D.difference(figure_input(top, f"{label}合计"),
                        D.Input("其中" + "、".join(source_label(ctx, SCOPE_SOURCES[r.attrs["scope"]]) for r in scoped),
                                base, WAN, b.department, b.year), f"{label}其余资金")
    derived += [d for d in (covered, rest) if d is not None]
    items.append(derived_item(rest, code=code, funding="其他资金"))
    whence = _other_income(ctx, b, items)
    parts.append(f"{who(b.department, b.year)}{code} {label}合计{money(top.amount)}万元，其中" + "、".join(said)
                 + f"，其余{money(rest.value)}万元不是这些财政拨款（{rest.formula}）{whence}（文件的收入总表不按科目列示，"
                   "按一般公共预算、政府性基金支出表推算）")
    return True


# the income lines of the narrative that are no appropriation (其他收入7387.66万元)
NONFISCAL_LINE = re.compile(r"事业收入|经营收入|其他收入|上级补助收入|附属单位上缴|财政专户")


def _other_income(ctx: Context, b, items: list[Item]) -> str:
    """The department's money other than 一般公共预算 and 政府性基金, as its documents state it: the
    income lines of its 说明 (其他收入, 事业收入 …, non-zero), its 国有资本经营预算 and carry-over
    figures; the 单位资金 total where the 说明 names no line. Each said also as an answer row."""
    stated: dict[str, Row] = {}
    for r in ctx.rows("stated", [b]):
        if r.attrs.get("topic") == "income" and r.key == "current" and r.amount and NONFISCAL_LINE.search(r.label):
            stated.setdefault(re.sub(r"^本年", "", r.label), r)
    wanted = ["state_capital", "carryover_total"] + ([] if stated else ["unit_funds"])
    figures = [r for r in ctx.rows("figures", [b], Constraints(items=wanted)) if r.amount]
    named = [(label, r) for label, r in stated.items()] + [(ctx.vocab.label(r.key), r) for r in figures]
    if not named:
        return ""
    items += [item_of(r, label, funding=label) for label, r in named]
    return "；该部门收入中另有" + "、".join(f"{label}{money(r.amount)}万元" for label, r in named)


def _deepest(rows: list[Row]) -> list[Row]:
    """The rows no other row of the list refines (项 under a 款 listed: the 项)."""
    return [r for r in rows if not any(o is not r and o.key != r.key and o.key.startswith(r.key) for o in rows)]


def _subjects_of_source(frame: Frame, ctx: Context, b, key: str, cells: list[Row], items: list[Item],
                        parts: list[str], derived: list[D.Derived], within=None) -> bool:
    """The subjects a source pays for: its non-zero cells, the most specific rows; from the table of
    that kind of funds where the income table is not by subject. ``within``: the subject whose rows
    (``cells``, one level) are asked — their sum is the source's money in it."""
    word = source_label(ctx, key)
    by_code: dict[str, dict[str, Row]] = {}
    for c in cells:
        by_code.setdefault(c.key, {})[c.attrs["source"]] = c
    found: list[tuple[Row, Decimal, D.Derived | None]] = []
    for code, row_cells in by_code.items():
        value, d = value_of(row_cells, key, ctx, f"{next(iter(row_cells.values())).label}{word}")
        if value:
            found.append((row_cells.get(key) or next(iter(row_cells.values())), value, d))
    note = "收入总表按科目列示"
    if not found and key in SCOPE_SOURCES.values():
        scope = next(s for s, k in SCOPE_SOURCES.items() if k == key)
        found = [(r, r.amount, None) for r in ctx.rows("scoped", [b], Constraints(code_prefix=within.code if within else None))
                 if r.attrs.get("scope") == scope and r.attrs.get("column") == "total" and r.amount
                 and (within is None or len(r.key) == len(cells[0].key) if cells else within is None or r.key != within.code)]
        note = f"{word}预算支出表"
    if not found:
        return False
    keep = {id(r) for r in _deepest([r for r, _, _ in found])}
    rows = [(r, v, d) for r, v, d in found if id(r) in keep]
    classes = [(r, v) for r, v, _ in found if len(r.key) == 3]
    if within is not None:  # the rows asked are one level: their sum is the source's money in the subject
        classes = [(r, v) for r, v, _ in rows]
    total = D.total([D.Input(r.label, v, WAN, b.department, b.year, r.source) for r, v in classes], f"{word}合计") \
        if len(classes) > 1 else None
    if total is not None:
        derived.append(total)
        items.append(derived_item(total, funding=word))
    op = frame.operation
    if within is None and classes and re.search(r"(?:功能|经济)(?:分类|科目)", frame.clause) and (
            re.search(r"各类|按类|类级|哪几类|哪些类|分类各", frame.clause)
            or (re.search(r"怎么分|如何分|怎样分|分成|分布|构成", frame.clause) and len(rows) > 6)):
        # 按功能分类各类多少: the 类 rows (the source's money in each class), not its most specific rows —
        # and 按功能科目怎么分 of a source spread over many rows: its classes, the rows' whole said by class
        rows = [(r, v, d) for r, v, d in found if len(r.key) == 3]
    width = LEVEL_LENGTH.get(frame.filters.level or 0) if re.search(r"[类款项]级", frame.clause) else None
    if within is None and width and any(len(r.key) == width for r, _, _ in found):
        rows = [(r, v, d) for r, v, d in found if len(r.key) == width]  # 哪个类级科目最大: the rows of the level named
    listed = rows
    if frame.filters.bound is not None:  # 一般公共预算拨款里哪些项级科目超过4000万: the rows within the bound
        listed = sorted(((r, v, d) for r, v, d in rows if frame.filters.bound.admits(v)), key=lambda x: -x[1])
    if op.name in ("rank", "sort"):  # 项级科目里排前三的: the largest rows, in order
        ranked = sorted(rows, key=lambda x: x[1], reverse=op.descending)
        n = op.n or (len(ranked) if op.name == "sort" else 1)
        listed = ranked[op.nth - 1:op.nth] if op.nth else ranked[:n]
    for r, v, d in listed:
        if d is not None:
            derived.append(d)
        items.append(Item(r.label, money(v), WAN, b.department, b.year, r.source, {"code": r.key, "funding": word}))
    amount = total.value if total is not None else (classes[0][1] if classes else None)
    if amount is None and within is None and rows:  # only the most specific rows: they add up to the source's money
        amount = sum((v for _, v, _ in rows), Decimal(0))
    head = f"{who(b.department, b.year)}{within.name + '中' if within is not None else ''}{word}" + \
        (f"{money(amount)}万元" if amount is not None else "")
    if listed is not rows:
        which = f"其中金额{frame.filters.bound.describe()}的" if frame.filters.bound is not None and op.name not in ("rank", "sort") \
            else f"金额{'最大' if op.descending else '最小'}的"
        shares = ""
        if "share" in (op.name, *op.also) and amount:  # 哪个类级科目最大？占比: its share of the source's money
            for r, v, _ in listed:
                s = D.share(D.Input(r.label, v, WAN, b.department, b.year, r.source),
                            D.Input(f"{word}合计", amount, WAN, b.department, b.year, None))
                if s is not None:
                    derived.append(s)
                    items.append(derived_item(s, funding=word))
                    shares += f"；{s.formula}"
        if op.name in ("rank", "sort") and amount:  # 最大的两个科目合计占多少: their sum, and its share
            shares += listed_sum_and_share(frame, [D.Input(r.label, v, WAN, b.department, b.year, r.source)
                                                          for r, v, _ in listed],
                                           D.Input(f"{word}合计", amount, WAN, b.department, b.year, None), items, derived)
        parts.append(f"{head}安排在{len(rows)}个科目，{which}{len(listed)}个：" + "、".join(
            f"{k}. {r.key} {r.label}{money(v)}万元" for k, (r, v, _) in enumerate(listed, op.nth or 1)) + f"（{note}）" + shares)
        return True
    what = "类" if rows and all(len(r.key) == 3 for r, _, _ in rows) else "科目"
    parts.append(f"{head}安排在{len(rows)}{'' if what == '类' else '个'}{what}：" + "、".join(f"{r.key} {r.label}{money(v)}万元" for r, v, _ in rows)
                 + f"（{note}）")
    return True


def income_of_subjects(frame: Frame, ctx: Context) -> Result | None:
    """The sources of the named functional subjects, or the subjects of the named sources; None
    where the graph holds neither (the caller answers the subject's own figures)."""
    f = frame.filters
    if not f.sources or (f.scheme or "functional") != "functional":
        return None
    budgets, note = ctx.scope(frame)
    if not budgets:
        return None
    parents = [s for s in f.subjects if s.kind == "functional_subject" and s.code]
    prefix = parents[0].code if len(parents) == 1 else None
    cells = ctx.rows("income", budgets, Constraints(code_prefix=prefix))
    # (a 项 has no rows below it: 公交运营补助的钱从哪几块出 asks its sources, not its breakdown)
    breakdown = bool(f.level or re.search(PARTS_OF + r"|明细|哪些|哪几|分到|分配到", frame.clause)) \
        and not (parents and all(len(p.code) >= 7 for p in parents)
                 and re.search(r"从哪|来自|出自|哪几块出|来源|什么钱", frame.clause))
    items: list[Item] = []
    parts: list[str] = []
    derived: list[D.Derived] = []
    kept: list[Row] = []
    for b in budgets:
        mine = [c for c in cells if (c.department, c.year) == (b.department, b.year)]
        if parents and breakdown:  # 节能环保支出里的一般公共预算拨款分到了哪几个项级科目
            for p in parents:
                want = LEVEL_LENGTH.get(f.level or 0) or len(p.code) + 2
                inside = [c for c in mine if c.key.startswith(p.code) and len(c.key) == max(want, len(p.code) + 2)]
                for key in [s for s in f.sources if s not in ("any", "total")]:
                    _subjects_of_source(frame, ctx, b, key, inside, items, parts, derived, within=p)
            continue
        if parents:
            for p in parents:
                own = {c.attrs["source"]: c for c in mine if c.key == p.code}
                if own:
                    _of_subject(frame, ctx, b, p.code, p.name, own, items, parts, derived)
                    kept += list(own.values())
                else:
                    _from_scoped(frame, ctx, b, p.code, p.name, items, parts, derived)
            continue
        for key in [s for s in f.sources if s not in ("any", "total")]:
            _subjects_of_source(frame, ctx, b, key, mine, items, parts, derived)
    if not items:
        return None
    return Result(items, with_note("；".join(parts) + "。", note), derived, kept)


NONFISCAL_SOURCES = ("fiscal_special_account", "unit_funds", "unit_business", "unit_operating", "unit_upper",
                     "unit_affiliated", "unit_other", "carryover_nonfiscal")


def expenditure_by_source(frame: Frame, ctx: Context, rows: list[Row]) -> Result | None:
    """项目支出是财政拨的吗: a department's 基本/项目支出 split by source — its 财政拨款 part is that
    column of the tables of one kind of funds (一般公共预算, 政府性基金 支出表: a column they print
    blank is 0 of it), the rest is other money, named by the non-fiscal sources of the income table
    by subject (事业收入 …) and beside the department's income. None where the graph holds no
    table of one kind of funds for the document."""
    items: list[Item] = []
    parts: list[str] = []
    derived: list[D.Derived] = []
    owner: dict[tuple[str, int], Budget] = {}
    for x in ctx.budgets():  # each department and year's first budget, as a search of the list found it
        owner.setdefault((x.department, x.year), x)  # (searched per row: 10,000 rows × 10,000 budgets, 5 s)
    for r in rows:
        column = COLUMN_OF_MEASURE.get(r.key or "")
        b = owner.get((r.department, r.year))
        if column is None or b is None or r.amount is None:
            continue
        scoped = [s for s in ctx.rows("scoped", [b]) if len(s.key) == 3 and s.attrs.get("scope") in SCOPE_SOURCES]
        if not scoped:
            continue
        fiscal = sum((s.amount for s in scoped if s.attrs.get("column") == column and s.amount), Decimal(0))
        word = ctx.vocab.label(r.key)
        fiscal_input = D.Input(f"{word}中财政拨款", fiscal, WAN, b.department, b.year, scoped[0].source)
        rest = D.difference(figure_input(r, word), fiscal_input, f"{word}中财政拨款以外的资金")
        derived.append(rest)
        items += [Item(f"{word}中财政拨款", money(fiscal), WAN, b.department, b.year, scoped[0].source,
                       {"funding": "财政拨款"}), derived_item(rest, funding="其他资金")]
        verdict = "不是财政拨款" if not fiscal else ("全部是财政拨款" if not rest.value else "部分是财政拨款")
        said = f"{who(b.department, b.year)}{word}{money(r.amount)}万元{verdict}：一般公共预算和政府性基金支出表的" \
               f"{word}合计{money(fiscal)}万元，其余{money(rest.value)}万元来自财政拨款以外的资金"
        cells = [c for c in ctx.rows("income", [b]) if len(c.key) == 3 and c.attrs["source"] in NONFISCAL_SOURCES
                 and c.amount]
        by_source: dict[str, Decimal] = {}
        for c in cells:
            by_source[c.attrs["source"]] = by_source.get(c.attrs["source"], Decimal(0)) + c.amount
        if by_source:
            for key, value in by_source.items():
                items.append(Item(source_label(ctx, key), money(value), WAN, b.department, b.year, cells[0].source,
                                  {"funding": source_label(ctx, key)}))
            said += "（收入总表按科目列示的非财政拨款收入：" + "、".join(
                f"{source_label(ctx, k)}{money(v)}万元" for k, v in by_source.items()) + "）"
        income = [x for x in ctx.rows("figures", [b], Constraints(items=["income_total", "fiscal_total",
                                                                          "general_public_budget", "unit_funds"]))
                  if x.amount is not None]
        shown = [x for x in income if x.key != "general_public_budget" or not any(y.key == "fiscal_total" for y in income)]
        if shown:
            items += [item_of(x, ctx.vocab.label(x.key)) for x in shown]
            said += "；部门收入：" + "、".join(f"{ctx.vocab.label(x.key)}{money(x.amount)}万元" for x in shown)
        parts.append(said)
    if not items:
        return None
    return Result(items, "。".join(parts) + "。", derived, [])
