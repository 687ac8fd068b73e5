"""Year over year for one department: two of its documents compared figure by figure, or — when
the graph holds only one — the changes its narrative states (比上年增加/减少, ``bkg:Change``).

When both exist, each stated change whose previous and current amounts match a headline figure of
the two documents is marked as confirmed (``confirmed``), else left unconfirmed: the narrative
and the tables are two witnesses of one change.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from kg.analytics.figures import HEADLINE, DocumentFigures, document_figures
from kg.analytics.source import Scope, Select, as_money, iri


@dataclass(frozen=True)
class FigureChange:
    item: str
    previous: Decimal | None
    current: Decimal | None

    @property
    def change(self) -> Decimal | None:
        return None if self.previous is None or self.current is None else self.current - self.previous

    @property
    def percent(self) -> Decimal | None:
        if self.change is None or not self.previous:
            return None
        return (self.change * 100 / self.previous).quantize(Decimal("0.01"))


@dataclass(frozen=True)
class StatedChange:
    subject: str
    previous: Decimal | None
    current: Decimal | None
    amount: Decimal | None
    direction: str | None
    reason: str | None
    confirmed: bool | None = None  # None: no second document to check against


@dataclass
class YearOverYear:
    department: str
    previous: DocumentFigures | None
    current: DocumentFigures | None
    figures: list[FigureChange] = field(default_factory=list)
    stated: list[StatedChange] = field(default_factory=list)

    @property
    def mode(self) -> str:
        """``documents`` (two documents compared), ``narrative`` (stated changes only) or ``none``."""
        if self.previous and self.current:
            return "documents"
        return "narrative" if self.stated else "none"


def year_over_year(select: Select, department: str, phase: str | None = "budget") -> YearOverYear:
    """The department's latest document against the one of the year before (same phase)."""
    docs = [d for d in document_figures(select, Scope(department=department, phase=phase))]
    by_year = {}
    for d in docs:
        by_year.setdefault(d.year, d)
    years = sorted(by_year)
    current = by_year[years[-1]] if years else None
    previous = by_year.get(str(int(years[-1]) - 1)) if years else None
    out = YearOverYear(department, previous, current)
    if current and previous:
        out.figures = [FigureChange(k, previous.figures.get(k), current.figures.get(k)) for k in HEADLINE
                       if k in previous.figures or k in current.figures]
    if current:
        known = set()
        if previous:
            known = {(previous.figures[k], current.figures[k]) for k in previous.figures
                     if k in current.figures}
        out.stated = [StatedChange(c.subject, c.previous, c.current, c.amount, c.direction, c.reason,
                                   ((c.previous, c.current) in known) if previous else None)
                      for c in stated_changes(select, current.document)]
    return out


def stated_changes(select: Select, document: str) -> list[StatedChange]:
    """The ``bkg:Change`` statements of one document's narrative."""
    rows = select(f"""
SELECT ?c ?subject ?prev ?cur ?amount ?dir ?reason WHERE {{
  ?c a bkg:Change ; bkg:document {iri(document)} .
  OPTIONAL {{ ?c bkg:changeSubject ?subject }} OPTIONAL {{ ?c bkg:previousAmount ?prev }}
  OPTIONAL {{ ?c bkg:currentAmount ?cur }} OPTIONAL {{ ?c bkg:changeAmount ?amount }}
  OPTIONAL {{ ?c bkg:direction ?dir }} OPTIONAL {{ ?c bkg:reason ?reason }}
}}""")
    seen: dict[str, StatedChange] = {}
    for r in rows:
        if r["c"] in seen:
            continue
        m = {k: (as_money(r[k]) if r.get(k) is not None else None) for k in ("prev", "cur", "amount")}
        seen[r["c"]] = StatedChange(r.get("subject") or "", m["prev"], m["cur"], m["amount"], r.get("dir"),
                                    r.get("reason"))
    return sorted(seen.values(), key=lambda c: (c.subject, c.current or 0))
