"""One graph node as a page: its facts, its edges both ways, its figures, where each comes from.

Vocabulary-neutral on purpose: whatever the ontology adds, the page shows it. The named graph a
fact sits in is the budget document it was read from (one named graph per document); the
document-internal provenance nodes (``prov:wasDerivedFrom`` … of H4's mapping) appear as edges.
"""
from __future__ import annotations

from typing import Any

from kg.rdf.escape import iri as iri_term
from kg.store.union_rule import kept_out
from web.cache import cached
from web.data.common import LABEL_PATH, decimal, labels_for, location_text, money, pick_label
from web.vocab import compact

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
NUMERIC = ("decimal", "integer", "double", "float", "int", "long")
EDGE_LIMIT = 500
# The materialised union and staging graphs of some stores are machinery, not documents.
NOT_MACHINERY = ('FILTER(?g != <https://budgetkg.org/graph/union> && '
                 '!STRSTARTS(STR(?g), "https://budgetkg.org/graph/staging/"))')
MONEY_PROPERTIES = ("amount", "expectedAmount", "printedAmount", "targetAmount")


def _is_number(term: Any) -> bool:
    return term is not None and term[0] == "literal" and bool(term[2]) and \
        term[2].rsplit("#", 1)[-1] in NUMERIC


SAME_AS = "http://www.w3.org/2002/07/owl#sameAs"


def _coded_value_names() -> dict[str, dict[str, str]]:
    """Chinese names of the coded values a few properties hold (a change's direction, a coverage's
    scope), by the property's local name: a page shows the name, never the code."""
    from kg.rdf.narrative import COVERAGE_LABELS

    return {"direction": {"increase": "增加", "decrease": "减少", "flat": "持平"},
            "coverageScope": dict(COVERAGE_LABELS)}


CODED_VALUE_NAMES = _coded_value_names()


@cached
def entity(ctx: Any, iri: str) -> dict | None:
    """The data behind ``/entity/…``; ``None`` where the graph says nothing about ``iri``."""
    ref = iri_term(iri)
    # the node's triples: the union's, then its provenance from its document's graph (kept out of
    # the union: kg.store.union_rule)
    out_rows = ctx.select(f"SELECT ?p ?o WHERE {{ {{ {ref} ?p ?o }} UNION {{ GRAPH ?pg {{ {ref} ?p ?o }} "
                          f"{kept_out(ref, '?p')} }} }} "
                          f"LIMIT {EDGE_LIMIT * 4}")
    graph_rows = ctx.select(f"SELECT DISTINCT ?p ?o ?g WHERE {{ GRAPH ?g {{ {ref} ?p ?o }} {NOT_MACHINERY} }} "
                            f"LIMIT {EDGE_LIMIT * 4}")
    # what points at the node, and at the nodes declared the same (a policy document cited by its
    # title alone, ``owl:sameAs`` its numbered form): the page lists every project citing it
    in_rows = ctx.select(f"SELECT ?s ?p WHERE {{ {{ ?s ?p {ref} }} UNION {{ ?twin <{SAME_AS}> {ref} . ?s ?p ?twin "
                         f"FILTER(?p != <{SAME_AS}>) }} UNION {{ GRAPH ?pg {{ ?s ?p {ref} }} {kept_out('?s', '?p')} }} }} "
                         f"LIMIT {EDGE_LIMIT + 1}")
    if not out_rows and not in_rows:
        return None
    where: dict[tuple, list[str]] = {}
    for r in graph_rows:
        where.setdefault((r["p"], r["o"]), []).append(r["g"][1])

    nodes = [r["o"][1] for r in out_rows if r["o"][0] == "uri"] + [r["p"][1] for r in out_rows] + \
        [r["s"][1] for r in in_rows if r["s"][0] == "uri"] + [r["p"][1] for r in in_rows] + \
        [g for gs in where.values() for g in gs] + [iri]
    labels = labels_for(ctx, nodes)

    label_rows = ctx.select(f"SELECT ?l WHERE {{ {ref} {LABEL_PATH} ?l }}")
    label = pick_label((r["l"][1], r["l"][3]) for r in label_rows) or compact(iri)
    types = [{"iri": r["o"][1], "label": labels.get(r["o"][1]) or compact(r["o"][1])}
             for r in out_rows if r["p"][1] == RDF_TYPE and r["o"][0] == "uri"]

    facts, outgoing, figures = [], [], []
    for r in out_rows:
        p, o = r["p"], r["o"]
        if p[1] == RDF_TYPE:
            continue
        docs = [{"iri": g, "label": labels.get(g) or compact(g)} for g in where.get((p, o), [])]
        pred = {"iri": p[1], "label": labels.get(p[1]) or compact(p[1])}
        if o[0] == "literal":
            shown = CODED_VALUE_NAMES.get(p[1].rsplit("#", 1)[-1], {}).get(o[1], o[1])
            item = {"predicate": pred, "value": shown, "datatype": o[2], "lang": o[3], "documents": docs}
            if _is_number(o):
                item["number"] = decimal(o)
                if p[1].rsplit("#", 1)[-1] in MONEY_PROPERTIES:
                    item["number"] = money(o)
                    item["value"] = format(item["number"], "f")
            facts.append(item)
        else:
            outgoing.append({"predicate": pred, "target": {"iri": o[1], "label": labels.get(o[1]) or
                                                           compact(o[1])}, "documents": docs})
    incoming = [{"predicate": {"iri": r["p"][1], "label": labels.get(r["p"][1]) or compact(r["p"][1])},
                 "source": {"iri": r["s"][1], "label": labels.get(r["s"][1]) or compact(r["s"][1])}}
                for r in in_rows[:EDGE_LIMIT] if r["s"][0] == "uri"]
    figures = figures_by_year(ctx, iri, labels)
    return {
        "iri": iri, "label": label, "types": types, "facts": facts, "outgoing": outgoing,
        "incoming": incoming, "incoming_truncated": len(in_rows) > EDGE_LIMIT, "figures": figures,
    }


def figures_by_year(ctx: Any, iri: str, labels: dict[str, str] | None = None) -> list[dict]:
    """Every amount about the node, with its year, document and printed location: the node's own
    decimal facts, and those of the nodes pointing at it (observations, flows, findings). The
    printed location is the ontology's provenance link (``prov:wasDerivedFrom`` a
    ``bkg:SourceLocation``, as ``ontology/shapes.ttl`` requires), read in the location's document
    graph (``kg.store.union_rule``); naming the predicate instead of matching any edge to a
    location halves the query on a department with many figures."""
    ref = iri_term(iri)
    rows = ctx.select(f"""
SELECT ?via ?p ?v ?g ?year ?what ?ek ?file ?page ?line ?table ?row WHERE {{
  {{ GRAPH ?g {{ {ref} ?p ?v }} BIND({ref} AS ?via) }}
  UNION
  {{ GRAPH ?g {{ ?via ?link {ref} . ?via ?p ?v }} }}
  FILTER(?p IN (bkg:amount, bkg:expectedAmount, bkg:printedAmount))
  {NOT_MACHINERY}
  OPTIONAL {{ ?g bkg:fiscalYear/bkg:year ?year }}
  OPTIONAL {{ ?via bkg:item|bkg:subject ?what }}
  OPTIONAL {{ ?via bkg:expenditureKind|bkg:incomeSource ?ek }}  # a table column, or an income source
  OPTIONAL {{ GRAPH ?locGraph {{ ?via prov:wasDerivedFrom ?loc . ?loc a bkg:SourceLocation .
             OPTIONAL {{ ?loc bkg:sourceFile ?file }} OPTIONAL {{ ?loc bkg:page ?page }}
             OPTIONAL {{ ?loc bkg:line ?line }} OPTIONAL {{ ?loc bkg:table ?table }} OPTIONAL {{ ?loc bkg:row ?row }} }} }}
}} LIMIT 2000""")
    names = dict(labels or {})
    missing = ({r["p"][1] for r in rows} | {r["via"][1] for r in rows} | {r["g"][1] for r in rows} |
               {r[k][1] for r in rows for k in ("what", "ek") if r.get(k)}) - set(names)
    if missing:
        names.update(labels_for(ctx, missing))
    seen: dict[tuple, dict] = {}
    for r in rows:
        key = (r["via"][1], r["p"][1], r["v"][1], r["g"][1])
        fig = seen.get(key)
        if fig is None:
            fig = seen[key] = {
                "year": r["year"][1][:4] if r.get("year") else None,
                "measure": _measure(r, names), "amount": money(r["v"]),
                "via": {"iri": r["via"][1], "label": names.get(r["via"][1]) or
                        ("本实体" if r["via"][1] == iri else "数据点")},
                "document": {"iri": r["g"][1], "label": names.get(r["g"][1]) or compact(r["g"][1])},
                "sources": []}
        if r.get("file") or r.get("table") or r.get("page") or r.get("line"):
            src = location_text(r)
            if src not in fig["sources"]:
                fig["sources"].append(src)
    out = list(seen.values())
    for f in out:
        f["source"] = "；".join(f["sources"])
    out.sort(key=lambda f: (f["year"] or "", f["measure"], f["via"]["label"]))
    return out


def _measure(row: dict, names: dict[str, str]) -> str:
    """What a figure is: its item or subject and column where the observation says, else the
    property (``金额（万元）``, ``应为（万元）`` …)."""
    parts = [names.get(row[k][1]) or compact(row[k][1]) for k in ("what", "ek") if row.get(k)]
    if row.get("what") and row["what"][1].rsplit("/", 1)[-1].isdigit():
        parts[0] = f"{row['what'][1].rsplit('/', 1)[-1]} {parts[0]}" if parts[0] != compact(row["what"][1]) \
            else row["what"][1].rsplit("/", 1)[-1]
    return " · ".join(parts) or names.get(row["p"][1]) or compact(row["p"][1])


@cached
def entity_turtle(ctx: Any, iri: str) -> str:
    """The node's own triples and those pointing at it, as Turtle (the ``.ttl`` variant)."""
    from web.results import to_turtle
    from web.vocab import prefixes

    ref = iri_term(iri)
    res = ctx.query(f"CONSTRUCT {{ {ref} ?p ?o . ?s ?q {ref} }} WHERE {{ {{ {ref} ?p ?o }} UNION "
                    f"{{ ?s ?q {ref} }} UNION {{ GRAPH ?pg {{ {ref} ?p ?o }} {kept_out(ref, '?p')} }} UNION "
                    f"{{ GRAPH ?pg {{ ?s ?q {ref} }} {kept_out('?s', '?q')} }} }}")
    return to_turtle(res, prefixes())
