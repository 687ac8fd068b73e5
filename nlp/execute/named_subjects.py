"""Functional subjects printed without codes: the 款 and 项 of a names-only table (杭州 表3/表5, their
level shown by indentation; scheme ``functional-named`` in ``kg/rdf/mapping.py``, no ``skos:notation``).

The subject readers of ``subjects.py`` select rows by code (``skos:notation``), so they never see these
rows. A question that names such a subject by its printed name as a subject — the name followed by its
level (“监狱”这一款, 强制隔离戒毒款, 行政运行项, 监狱科目) — is answered here from the budget's code-less rows:
the subject named (the longest printed name the clause holds so; a 款 before a 项 of the same name), its
children with their figures in the column and the kind of funds asked (一般公共预算: the scoped table's
rows where the budget prints one), added up against the subject's own printed figure; a subject
without children answers with its own figure.
"""
from __future__ import annotations

import re
from decimal import Decimal

from kg.rdf import iris
from nlp import derive as D
from nlp.execute.base import Context, Result, derived_item, figure_input, item_of, who
from nlp.frames import Frame
from nlp.graph import Row, dec, source_of
from nlp.reply import money
from nlp.sparql import LOCATION, LOCATION_VARS
from nlp.vocabulary import PREFIXES, SCOPE_TABLES, WAN

NAMED_SCHEME = str(iris.scheme("functional-named"))
_QB = "http://purl.org/linked-data/cube#dataSet"

# a name asked as a subject: followed by its level word (“监狱”这一款, 强制隔离戒毒款下面, 行政运行项)
_LEVEL_AFTER = r"[”\"'」]?(?:这一?个?|那一?个?)?[（(]?(?:款|项(?!目)|类|科目)"  # (强制隔离戒毒（款）下 too)
_COLUMNS = {"basic": "基本支出", "project": "项目支出"}
# read for the departments a question names, not for every budget of the graph
_MAX_BUDGETS = 4


def _rows(ctx: Context, doc: str) -> list[dict]:
    """Every cell of the document's code-less functional rows, with its subject, level, parent and scope."""
    text = (PREFIXES + f"SELECT ?x ?s ?label ?level ?parent ?column ?amount ?scope {' '.join(LOCATION_VARS)} WHERE {{\n"
            f"  ?x bkg:document <{doc}> ; bkg:subject ?s ; bkg:expenditureKind ?k ; bkg:amount ?amount ;\n"
            f"     <{_QB}> ?ds .\n"
            f"  ?s skos:inScheme <{NAMED_SCHEME}> ; skos:prefLabel ?label ; bkg:level ?level ; skos:broader ?parent .\n"
            "  OPTIONAL { ?ds bkg:amountScope ?scope }\n"
            "  BIND(REPLACE(STR(?k), \"^.*/\", \"\") AS ?column)\n" + LOCATION + "\n}")
    return ctx.graph.run(text, ctx.log)


def _named(rows: list[dict], clause: str) -> str | None:
    """The subject the clause names as a subject: the longest label followed by a level word; a 款
    before a 项 of the same name."""
    found = [(len(str(r["label"])), -int(r["level"]), str(r["s"])) for r in rows
             if re.search(re.escape(str(r["label"])) + _LEVEL_AFTER, clause)]
    return max(found)[2] if found else None


def _as_row(r: dict, b) -> Row:
    return Row(str(r["label"]), dec(r["amount"]), WAN, b.department, b.year, source_of(r), str(r["s"]), None,
               {"column": str(r["column"]), "parent": str(r["parent"]), "line": int(r.get("line") or 0)})


def named_subject_answer(frame: Frame, ctx: Context, budgets) -> Result | None:
    """The answer from code-less subject rows (see the module), or None where the clause names none."""
    if len(budgets) > _MAX_BUDGETS or not re.search(_LEVEL_AFTER, frame.clause):
        return None  # no subject named by its level word, or a question over many budgets
    f = frame.filters
    column = f.column or "total"
    items, parts, derived, kept = [], [], [], []
    for b in budgets:
        rows = _rows(ctx, b.iri)
        subject = _named(rows, frame.clause) if rows else None
        if subject is None:
            continue
        scoped = [r for r in rows if f.amount_scope and str(r.get("scope") or "").endswith("/" + f.amount_scope)]
        use = scoped or [r for r in rows if not r.get("scope")]
        cells = [_as_row(r, b) for r in use if str(r["column"]) == column]
        top = next((r for r in cells if r.iri == subject), None)
        children = sorted((r for r in cells if r.attrs["parent"] == subject), key=lambda r: r.attrs["line"])  # as printed
        if top is None and not children:
            continue
        name = top.label if top is not None else next(str(r["label"]) for r in rows if str(r["s"]) == subject)
        table = (SCOPE_TABLES.get(f.amount_scope) or "一般公共预算支出表") if scoped else "支出总表"
        wording = _COLUMNS.get(column, "")
        if not children:
            items.append(item_of(top))
            kept.append(top)
            parts.append(f"{who(b.department, b.year)}{name}{wording}{money(top.amount)}万元（{table}）")
            continue
        items += [item_of(r) for r in children]
        kept += children
        whole = D.total([figure_input(r, r.label) for r in children], f"{name}下各项合计")
        derived.append(whole)
        items.append(derived_item(whole))
        text = (f"{who(b.department, b.year)}{name}下各项{wording}（{table}）：" +
                "、".join(f"{r.label}{money(r.amount)}万元" for r in children) + f"，{whole.formula}")
        if top is not None:
            kept.append(top)
            same = top.amount == whole.value
            text += f"；表中{name}合计{money(top.amount)}万元" + ("，相符" if same else
                                                            f"，差{money(abs(top.amount - whole.value))}万元")
        parts.append(text)
    if not items:
        return None
    return Result(items=items, text="；".join(parts) + "。", derived=derived, rows=kept)
