"""Plant the discrepancies real disclosures carry, and the findings they must produce.

Real documents contradict themselves in a few recurring ways (``../shared/spec/templates.md``):
a printed subtotal off by a cent of rounding, a subject code misprinted, a narrative figure that
differs from its table. ``plant_errors`` draws such errors into a Budget (``Budget.misprints``:
what the document prints instead of the true figure) and records, in ``Budget.findings``, every
failed check an exact reader must report for them — the ground truth's ``checks``.

Each kind is one function that knows the identities its error breaks, so the findings are
derived, not observed: a reader that reports more or fewer has a bug, or the document does.
"""
from __future__ import annotations

import random
from decimal import Decimal
from typing import Callable

from kg.extract.model import Check
from kg.synth.budget import Budget
from kg.synth.subjects import FUNCTIONAL_NAMES
from kg.synth.rows import functional_rows

CENT = Decimal("0.01")
COLUMN_TITLE = {"basic": "基本支出", "project": "项目支出"}


def _fail(rule: str, where: str, expected: Decimal, printed: Decimal) -> Check:
    return Check(rule=rule, where=where, expected=expected, printed=printed, ok=False)


def rounding_gap(b: Budget, rng: random.Random) -> bool:
    """A 款 row of 表3 printed a cent higher (its 合计 and the column that carries it), as when
    the subtotal was rounded from unrounded parts: the 款 fails Σ项, its 类 fails Σ款."""
    rows = {code: (basic, project) for code, basic, project in functional_rows(b, False)}
    candidates = [c for c in rows if len(c) == 5]
    if not candidates:
        return False
    kuan = rng.choice(candidates)
    cls = kuan[:3]
    basic, project = rows[kuan]
    column = "project" if project is not None else "basic"
    value = rows[kuan][0 if column == "basic" else 1]
    total = (basic or 0) + (project or 0)
    b.misprints[("表3", kuan, "total")] = total + CENT
    b.misprints[("表3", kuan, column)] = value + CENT
    c_basic, c_project = rows[cls]
    c_total = (c_basic or 0) + (c_project or 0)
    c_value = c_basic if column == "basic" else c_project
    title = COLUMN_TITLE[column]
    b.findings += [_fail("children_sum", f"表3 {kuan}", total, total + CENT),
                   _fail("children_sum", f"表3 {kuan} {title}", value, value + CENT),
                   _fail("children_sum", f"表3 {cls}", c_total + CENT, c_total),
                   _fail("children_sum", f"表3 {cls} {title}", c_value + CENT, c_value)]
    return True


def code_misprint(b: Budget, rng: random.Random) -> bool:
    """A 项 row of 表3 printed with its 类 cut to one digit (``7 11 02`` under ``210 11``): the
    reader places it by its 款 and reports the misprint against the 款's printed total."""
    rows = {code: (basic, project) for code, basic, project in functional_rows(b, False)}
    candidates = [c for c in rows if len(c) == 7]
    if not candidates:
        return False
    item = rng.choice(candidates)
    kuan = item[:5]
    shown = f"{item[2]} {item[3:5]} {item[5:7]}"
    b.misprints[("表3", item, "code")] = shown

    def total(code: str) -> Decimal:
        basic, project = rows[code]
        return (basic or 0) + (project or 0)

    siblings = [c for c in rows if len(c) == 7 and c.startswith(kuan) and c != item]
    without = sum((total(c) for c in siblings), Decimal("0.00"))
    b.findings.append(_fail("code_misprint", f"表3 {item} {FUNCTIONAL_NAMES[item]}：科目编码印为“{shown}”",
                            total(kuan), without))
    return True


def narrative_three_public(b: Budget, rng: random.Random) -> bool:
    """The 情况说明 states a 公务接待费 other than 表10's (last year's figure, or a slip)."""
    table = b.three_public["reception"]
    said = b.prior.three_public["reception"] if b.prior is not None else None
    if said is None or said == table:
        said = table + Decimal(rng.choice(("0.10", "1.00", "0.01")))
    b.misprints[("说明十", "reception", "total")] = said
    b.findings.append(_fail("same_figure", "说明十 “三公”经费 公务接待费 vs 表10", table, said))
    # the paragraph's parts then no longer add up to the total it states (that of 表10)
    parts_said = sum((v for k, v in b.three_public.items() if k != "reception"), said)
    b.findings.append(_fail("narrative_sum", "说明十 财政拨款“三公”经费数 所列分项", parts_said, b.three_public_total))
    return True


ERROR_KINDS: dict[str, Callable[[Budget, random.Random], bool]] = {
    "rounding_gap": rounding_gap, "code_misprint": code_misprint, "narrative_three_public": narrative_three_public}


def plant_errors(b: Budget, rate: float, seed: int) -> list[str]:
    """With probability ``rate``, one error of a kind the document's template can carry, drawn at
    random; returns the kinds planted."""
    from kg.synth.templates import template

    kinds = sorted(template(b.department.template).error_kinds)
    if rate <= 0 or not kinds:
        return []
    rng = random.Random(f"errors:{seed}:{b.department.name}:{b.year}")
    if rng.random() >= rate:
        return []
    kind = rng.choice(kinds)
    return [kind] if ERROR_KINDS[kind](b, rng) else []
