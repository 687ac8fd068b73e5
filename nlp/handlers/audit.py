"""Figures that do not add up: the document's failed checks, grouped by the figure they are about,
and a project's own allocation details added up against its budget."""
from __future__ import annotations

import re
from decimal import Decimal

from nlp.handlers.base import WAN, Context, Result, handler, project_phrase, who, with_note
from nlp.handlers.projects import linked_projects
from nlp.intents import Intent
from nlp.numbers import find_amounts
from nlp.reply import Item, money
from nlp.rows import ProjectRow


def _table_no(table: str) -> int:
    """The number of a table label (表11 → 11), for ordering."""
    m = re.search(r"\d+", table or "")
    return int(m.group()) if m else 0


_TOTAL_ROWS = re.compile(r"^(收入总计|支出总计|总计|收支总计)$")


def _finding_groups(findings) -> list[tuple[str, list]]:
    """Failed checks grouped by the figure they are about: the same subject code or total in
    several tables is one finding naming every table."""
    groups: dict[tuple, list] = {}
    for f in findings:
        m = re.match(r"^(表\d+)\s+(.*)$", f.where)
        table, rest = (m.group(1), m.group(2)) if m else ("", f.where)
        code = re.match(r"^(\d{3,7})(?:\s|$)", rest)
        if code and rest.strip() == code.group(1):
            key = ("code", code.group(1), str(f.printed))
        elif _TOTAL_ROWS.match(rest.replace("收入方", "").strip()):
            key = ("total", "收支总计", str(f.printed))
        else:
            key = ("other", f.where, str(f.printed))
        groups.setdefault(key, []).append((table, f))
    return [(k, v) for k, v in groups.items()]


@handler("audit")
def audit(intent: Intent, ctx: Context) -> Result:
    """Failed checks of the budgets (or a named project's own arithmetic), one item per figure."""
    rows = linked_projects(intent, ctx)
    if rows:
        return _audit_projects(rows, ctx)
    budgets, note = ctx.scope(intent)
    if not budgets:
        return Result()
    findings = ctx.graph.findings(budgets)
    names = {}
    for r in ctx.graph.subjects(budgets, "functional"):
        names[r.code] = r.name
    items, parts = [], []
    for key, members in _finding_groups(findings):
        f0 = members[0][1]
        members.sort(key=lambda m: _table_no(m[0]))
        tables = "、".join(dict.fromkeys(t for t, _ in members if t))
        if key[0] == "code":
            label = f"{key[1]} {names.get(key[1], '')}（{tables}）".replace(" （", "（")
        elif key[0] == "total" and len(members) > 1:
            rows = "、".join(dict.fromkeys(f.where.replace(" ", "") for _, f in members))
            label = f"收支总计（{rows}）"
        else:
            label = f0.where
        items.append(Item(label, None, None, f0.department, f0.year, f0.source,
                          {"printed": money(f0.printed), "expected": money(f0.expected), "rule": f0.rule}))
        parts.append(f"{label}：印{money(f0.printed)}，分项之和为{money(f0.expected)}")
    tables = "决算表" if budgets and all("决算" in (b.kind or "") for b in budgets) else "预算表"
    if not items:
        names = "、".join(who(b.department, b.year) for b in budgets)
        return Result(text=f"{names}的{tables}中没有发现合计数与分项之和对不上的地方（图谱中没有核对未通过的记录）。")
    by = {(i.department, i.year) for i in items}
    head = "、".join(who(d, y) for d, y in sorted(by))
    return Result(items, with_note(f"{head}的{tables}中有{len(items)}处合计数与分项之和不符：" + "；".join(parts) + "。", note))


def _audit_projects(rows: list[ProjectRow], ctx: Context) -> Result:
    """A project's own arithmetic: the amounts its allocation details list, added up, against
    its budget; plus any failed check of the document that names it."""
    items, parts = [], []
    budgets = [b for b in ctx.graph.budgets() if any(b.department == p.department and b.year == p.year
                                                      for p in rows)]
    findings = ctx.graph.findings(budgets)
    for p in rows:
        text = p.description or ""
        # a stated total (共计16.20万元) is not one of the details it sums
        # nor is a rate (400元/月/点, 每人500元)
        amounts = [a.value for a in find_amounts(text)
                   if not re.search(r"(共计|合计|总计|总额|共)[为是:：]?$", text[max(0, a.start - 4):a.start])
                   and not re.match(r"\s*(/|每|一次|一人)", text[a.end:a.end + 3])
                   and not re.search(r"(每|单价|标准)[^，,。；;]{0,4}$", text[max(0, a.start - 6):a.start])]
        if p.amount is not None and len(amounts) >= 2:
            total = sum(amounts, Decimal(0))
            detail = "+".join(f"{a.normalize():f}" for a in amounts)
            ok = total == p.amount
            items.append(Item(p.name, money(p.amount), WAN, p.department, p.year, p.source,
                              {"label_amount": "预算安排规模"}))
            items.append(Item(f"资金分配明细合计（{detail}）", money(total), WAN, p.department, p.year, p.source,
                              {"description": p.description}))
            parts.append(f"{project_phrase(p)}的资金分配明细合计{money(total)}万元（{detail}），"
                         + ("与预算一致" if ok else f"与预算{money(p.amount)}万元{'不符' if not ok else ''}"))
        for f in findings:
            if p.name in f.where or any(a in f.where for a in p.aliases if len(a) >= 4):
                items.append(Item(f.where, None, None, f.department, f.year, f.source,
                                  {"printed": money(f.printed), "expected": money(f.expected)}))
                parts.append(f"{f.where}：印{money(f.printed)}，应为{money(f.expected)}")
    if not items:
        return Result()
    return Result(items, "；".join(parts) + "。")
