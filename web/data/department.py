"""A department's page as a dashboard: what its budget amounts to, where the money goes, how it
compares with the year before and with its peers, and its projects.

Built from ``kg.analytics`` (figures, year over year, peers) and a few queries over the chosen
document (one year and phase: the latest budget unless ``year`` is asked). Amounts stay Decimal;
the template prints them with thousands separators and two decimals.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from kg.analytics.figures import document_figures, item_labels
from kg.analytics.peers import MEASURES, peers
from kg.analytics.source import Scope, as_money, iri, labels, web_select
from kg.analytics.yoy import year_over_year
from kg.names.department import department_kind
from web.cache import cached
from web.render import entity_url
from web.data.entity import CODED_VALUE_NAMES

DEPARTMENT_TYPE = "https://budgetkg.org/ontology#Department"
CARD_ITEMS = ("income_total", "expenditure_total", "basic_expenditure", "project_expenditure",
              "three_public.total", "operating_expenses", "procurement.total")
PHASE_LABELS = {"budget": "预算", "final": "决算"}
CATEGORY_LABELS = {"current": "本年项目", "carryover": "结转项目", "unit_funds": "单位资金项目"}


def is_department(ctx: Any, iri_text: str) -> bool:
    return bool(ctx.select(f"SELECT ?t WHERE {{ {iri(iri_text)} a ?t . FILTER(?t = <{DEPARTMENT_TYPE}>) }} LIMIT 1"))


@cached
def department_dashboard(ctx: Any, department: str, year: str | None = None) -> dict | None:
    """The dashboard of ``department`` (IRI) for ``year`` (default: its latest budget)."""
    select = web_select(ctx)
    docs = document_figures(select, Scope(department=department))
    if not docs:
        return None
    budgets = [d for d in docs if d.phase == "budget"] or docs
    chosen = next((d for d in docs if d.year == year), None) if year else None
    doc = chosen or max(budgets, key=lambda d: d.year)
    names = item_labels(select, list(CARD_ITEMS))
    card = [{"key": k, "label": names[k], "amount": doc.figures.get(k),
             "share": doc.share(k) if k in ("basic_expenditure", "project_expenditure") else None}
            for k in CARD_ITEMS]
    y = year_over_year(select, department, doc.phase or "budget")
    yoy_items = item_labels(select, [f.item for f in y.figures])
    group = peers(select, None, None, doc.phase or "budget", same_kind_as=doc.department_label)
    kind = department_kind(doc.department_label)
    if len(group) < 2:  # no other department of its kind in the graph: all departments
        group, kind = peers(select, None, None, doc.phase or "budget"), None
    trees = scoped_subject_trees(select, doc.document, "functional")
    functional, scope = trees[0]["tree"], trees[0]["label"]
    return {
        "document": {"iri": doc.document, "url": entity_url(doc.document), "year": doc.year,
                     "phase": PHASE_LABELS.get(doc.phase or "", doc.kind or ""), "kind": doc.kind},
        "documents": [{"year": d.year, "phase": PHASE_LABELS.get(d.phase or "", d.kind or ""), "iri": d.document,
                       "selected": d.document == doc.document} for d in docs],
        "card": card, "staff": doc.staff,
        "functional": functional, "functional_scope": scope,
        "functional_scopes": [{"key": t["key"], "label": t["label"] or "本表口径", "tree": t["tree"]} for t in trees],
        "economic": economic_rows(select, doc.document),
        "yoy": {"mode": y.mode,
                "previous": y.previous.year if y.previous else None, "current": y.current.year if y.current else None,
                "figures": [{"label": yoy_items.get(f.item, f.item), "previous": f.previous, "current": f.current,
                             "change": f.change, "percent": f.percent} for f in y.figures],
                "stated": [{"subject": c.subject, "previous": c.previous, "current": c.current, "amount": c.amount,
                            "direction": CODED_VALUE_NAMES["direction"].get(c.direction or "", c.direction or ""),
                            "reason": c.reason, "confirmed": c.confirmed} for c in y.stated]},
        "peers": {"measures": MEASURES, "kind": kind,
                  "rows": [{"label": p.label, "url": entity_url(p.department), "year": p.year, "values": p.values,
                            "outliers": [MEASURES[m] for m in p.outliers], "self": p.department == department}
                           for p in group]},
        "projects": projects(select, doc.document),
    }


def subject_tree(select, document: str, scheme: str) -> list[dict]:
    """The document's subjects of ``scheme`` as a tree (类 → 款 → 项): see :func:`subject_tree_with_scope`."""
    return subject_tree_with_scope(select, document, scheme)[0]


def subject_tree_with_scope(select, document: str, scheme: str) -> tuple[list[dict], str | None]:
    """The tree of the document's main classification table and the Chinese name of the funds it
    covers (``None`` where the graph does not say): see :func:`scoped_subject_trees`."""
    main = scoped_subject_trees(select, document, scheme)[0]
    return main["tree"], main["label"]


# the scopes of the tables that cover one kind of funds, in the order the switch offers them
NARROW_SCOPES = {"general_public_budget": "一般公共预算", "government_fund": "政府性基金"}


def scoped_subject_trees(select, document: str, scheme: str) -> list[dict]:
    """The document's subjects as trees (类 → 款 → 项) for a treemap — name, value (the printed
    total, 万元, as a string), code, children — one per table of funds: first the main table
    (``key`` "main", ``label`` the funds it covers, ``bkg:amountScope``: 全部资金, 财政拨款 … or
    ``None``), then each table that covers one kind of funds only (一般公共预算支出表,
    政府性基金预算支出表: ``key`` its scope, ``label`` 一般公共预算 / 政府性基金), present or not
    (``tree`` empty where the document prints no such table). The main table's figures are of one
    scope only: the widest the document prints (the scope of most observations); where several
    tables of a scope print a subject, the larger figure is kept."""
    rows = select(f"""
SELECT ?s ?code ?broader ?amount ?scope ?scopeLabel ?narrow WHERE {{
  ?o bkg:document {iri(document)} ; bkg:subject ?s ; bkg:amount ?amount ; bkg:expenditureKind ?ek .
  FILTER(STRENDS(STR(?ek), "/total"))
  ?s skos:notation ?code . FILTER(CONTAINS(STR(?s), "/subject/{scheme}/"))
  OPTIONAL {{ ?s skos:broader ?broader }}
  OPTIONAL {{ ?o bkg:amountScope ?scope OPTIONAL {{ ?scope skos:prefLabel ?scopeLabel FILTER(LANG(?scopeLabel) = "zh") }} }}
  OPTIONAL {{ ?o <http://purl.org/linked-data/cube#dataSet>/bkg:amountScope ?narrow }}
}}""")
    main = [r for r in rows if not r.get("narrow")]
    counts: dict[str | None, int] = {}
    for r in main:
        counts[r.get("scope")] = counts.get(r.get("scope"), 0) + 1
    chosen = max(counts, key=lambda k: (counts[k], k or "")) if counts else None
    main_label = next((str(r["scopeLabel"]) for r in main if r.get("scope") == chosen and r.get("scopeLabel")), None)
    out = [{"key": "main", "label": main_label, "tree": _tree(select, [r for r in main if r.get("scope") == chosen])}]
    for key, label in NARROW_SCOPES.items():
        out.append({"key": key, "label": label,
                    "tree": _tree(select, [r for r in rows if str(r.get("narrow") or "").endswith("/" + key)])})
    return out


def _tree(select, rows: list[dict]) -> list[dict]:
    amount: dict[str, Decimal] = {}
    parent: dict[str, str | None] = {}
    code: dict[str, str] = {}
    for r in rows:
        a = as_money(r["amount"])
        amount[r["s"]] = max(amount.get(r["s"], a), a)
        parent[r["s"]] = r.get("broader")
        code[r["s"]] = str(r["code"])
    names = labels(select, list(amount))

    def node(s: str) -> dict:
        kids = sorted((c for c, p in parent.items() if p == s), key=lambda c: -amount[c])
        out = {"name": names.get(s) or code[s], "code": code[s], "value": format(amount[s], "f")}
        if kids:
            out["children"] = [node(c) for c in kids]
        return out

    roots = sorted((s for s, p in parent.items() if p not in amount), key=lambda s: -amount[s])
    return [node(s) for s in roots]


def economic_rows(select, document: str) -> list[dict]:
    """The economic breakdown at 类 level (工资福利支出, 商品和服务支出 …), largest first."""
    tree = subject_tree(select, document, "economic")
    return [{"name": n["name"], "code": n["code"], "amount": Decimal(n["value"]),
             "items": [{"name": c["name"], "code": c["code"], "amount": Decimal(c["value"])} for c in n.get("children", [])]}
            for n in tree]


def projects(select, document: str) -> list[dict]:
    """The document's projects: name, amount, category, subject, funding source."""
    rows = select(f"""
SELECT ?p ?amount ?cat ?subject ?fund WHERE {{
  ?p a bkg:Project ; bkg:mentionedIn {iri(document)} .
  OPTIONAL {{ ?p bkg:amount ?amount }} OPTIONAL {{ ?p bkg:category ?cat }}
  OPTIONAL {{ ?p bkg:classifiedAs ?subject }} OPTIONAL {{ ?p bkg:fundedBy ?fund }}
}}""")
    seen: dict[str, dict] = {}
    for r in rows:
        seen.setdefault(r["p"], r)
    names = labels(select, list(seen) + [r[k] for r in seen.values() for k in ("subject", "fund") if r.get(k)])
    out = [{"label": names.get(p) or p.rsplit("/", 1)[-1], "url": entity_url(p),
            "amount": as_money(r["amount"]) if r.get("amount") is not None else None,
            "category": CATEGORY_LABELS.get(str(r.get("cat") or "").rsplit("/", 1)[-1], ""),
            "subject": names.get(r.get("subject") or "", ""), "funding": names.get(r.get("fund") or "", "")}
           for p, r in seen.items()]
    return sorted(out, key=lambda x: (-(x["amount"] or 0), x["label"]))
