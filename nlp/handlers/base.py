"""What every handler shares: the result type, the context, the registry, phrase helpers.

Handlers are registered by intent name (``@handler("dept_total")``), read the graph only through
``nlp.graph.Graph`` (typed rows, every SPARQL text logged), and return ``Result``: the items (each
figure with its department, year and source) and a Chinese sentence that names the department
and year. When the department or year is left open they answer for every budget that matches and
say so; when nothing matches they say so and what was understood, never another entity's figures.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Callable

from nlp.catalog import Catalog
from nlp.intents import METRICS, Intent
from nlp.reply import Item, money
from nlp.rows import Budget, ProjectRow

WAN = "万元"
METRIC_LABELS = {k: label for k, label, _ in METRICS}
SHARE_BASE = {"basic_expenditure": "expenditure_total", "project_expenditure": "expenditure_total",
              "personnel": "basic_expenditure", "public_expenses": "basic_expenditure",
              "current_year_income": "income_total", "general_public_budget": "income_total",
              "government_fund": "income_total", "state_capital": "income_total", "unit_funds": "income_total",
              "carryover_total": "income_total", "carryover_fiscal": "income_total",
              "carryover_nonfiscal": "income_total", "upper_level_transfer": "general_public_budget"}
CATEGORY_LABELS = {"current": "当年预算", "carryover": "上年结转", "unit_funds": "单位资金"}


@dataclass
class Result:
    """What a handler returns: items (empty means nothing found) and the sentence."""
    items: list[Item] = field(default_factory=list)
    text: str = ""


@dataclass
class Context:
    """The graph and catalogue a handler reads, and the scope of a question."""
    graph: "object"  # nlp.graph.Graph (typed loosely to keep this module free of the store)
    catalog: Catalog

    def scope(self, intent: Intent) -> tuple[list[Budget], str]:
        """The budgets a question is about, and a note saying how open slots were filled."""
        budgets: list[Budget] = self.graph.budgets()
        notes: list[str] = []
        if intent.departments:
            budgets = [b for b in budgets if b.department in intent.departments]
        if intent.years:
            within = [b for b in budgets if b.year in intent.years]
            budgets = within
        if intent.department_open and len({b.department for b in budgets}) > 1:
            notes.append(f"问题未指明部门，以下列出图谱中全部{len({b.department for b in budgets})}个部门的结果")
        if not intent.years and len({b.year for b in budgets}) > 1 and not intent.department_open:
            notes.append("问题未指明年度，以下列出各年度")
        return budgets, "；".join(notes)


HANDLERS: dict[str, Callable[[Intent, Context], Result]] = {}


def handler(name: str):
    """Register a handler for an intent (spaCy-style registry by name)."""
    def wrap(fn: Callable[[Intent, Context], Result]):
        HANDLERS[name] = fn
        return fn
    return wrap


def who(department: str, year: int | None) -> str:
    """'部门2024年': every sentence names the department and year."""
    return f"{department}{year}年" if year else department


def pct(part: Decimal, whole: Decimal) -> Decimal | None:
    """``part`` as a percentage of ``whole``, two decimals, half up (None when whole is 0)."""
    if not whole:
        return None
    return (part * 100 / whole).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def project_item(p: ProjectRow, **extra) -> Item:
    """A project as an answer item: name, amount in 万元, department, year, source, category."""
    return Item(p.name, money(p.amount), WAN if p.amount is not None else None, p.department, p.year,
                p.source, {"category": CATEGORY_LABELS.get(p.category or "", p.category), "iri": p.iri, **extra})


def project_phrase(p: ProjectRow) -> str:
    """A project in a sentence: “名称”（部门年份，金额）."""
    amount = f"{money(p.amount)}万元" if p.amount is not None else "金额未列明"
    return f"“{p.name}”（{who(p.department, p.year)}，{amount}）"


def with_note(text: str, note: str) -> str:
    """The sentence, after the note saying how an open department or year was filled."""
    return f"{note}。{text}" if note else text
