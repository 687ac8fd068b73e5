"""The data behind the Sankey: funding sources → departments → functional subjects → projects.

Read from H4's ``bkg:FundingFlow`` nodes (``bkg:flowSource``, ``bkg:flowTarget``, ``bkg:amount``
in 万元, ``bkg:fiscalYear``, ``bkg:document`` whose ``bkg:department`` is the department) and the projects' ``bkg:classifiedAs``. The
department → subject link is the sum of the department's projects under that 类 (functional
subject, level 1), so every subject node passes on exactly what it receives. Amounts stay Decimal.
"""
from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Any

from web.cache import cached
from web.data.common import LABEL_PATH, iri_ref, labels_for, literal, money
from web.render import entity_url
from web.vocab import compact, ontology_ns

KIND_LABELS = {"funding": "资金来源", "department": "部门", "subject": "功能分类科目", "project": "项目"}
UNCLASSIFIED = "urn:budgetkg:unclassified"


def _filters(department: str | None, year: str | None, var: str = "?flow") -> str:
    out = ""
    if year:
        out += f"{var} bkg:fiscalYear/bkg:year ?fy . FILTER(STR(?fy) = {literal(str(year).strip())})\n"
    if department:
        if department.startswith(("http://", "https://")):
            out += f"{var} bkg:document/bkg:department {iri_ref(department)} .\n"
        else:
            out += (f"{var} bkg:document/bkg:department ?fdept . ?fdept {LABEL_PATH}|skos:altLabel ?fdl . "
                    f"FILTER(CONTAINS(STR(?fdl), {literal(department.strip())}))\n")
    return out


@cached
def flows(ctx: Any, department: str | None = None, year: str | None = None) -> dict:
    """Nodes (id, label, kind, iri, value 万元) and links (source/target node index, value)."""
    rows = ctx.select(f"""
SELECT DISTINCT ?flow ?src ?tgt ?amount ?srcType ?tgtType ?dept WHERE {{
  ?flow a bkg:FundingFlow ; bkg:flowSource ?src ; bkg:flowTarget ?tgt ; bkg:amount ?amount .
  OPTIONAL {{ ?flow bkg:document/bkg:department ?dept }}
  OPTIONAL {{ ?src a ?srcType . FILTER(?srcType IN (bkg:FundingSource, bkg:Department, bkg:Project)) }}
  OPTIONAL {{ ?tgt a ?tgtType . FILTER(?tgtType IN (bkg:FundingSource, bkg:Department, bkg:Project)) }}
  {_filters(department, year)}
}} LIMIT 20000""")
    ns = ontology_ns()

    def kind(t: Any) -> str | None:
        return {"FundingSource": "funding", "Department": "department", "Project": "project"}.get(
            t[1][len(ns):] if t else "")

    fund_dept: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    dept_proj: dict[tuple[str, str], Decimal] = {}
    fund_proj: dict[tuple[str, str], Decimal] = {}
    seen_flows: set[str] = set()
    for r in rows:
        if r["flow"][1] in seen_flows:
            continue
        seen_flows.add(r["flow"][1])
        sk, tk, amount = kind(r.get("srcType")), kind(r.get("tgtType")), money(r["amount"])
        if amount is None or amount <= 0:
            continue
        src, tgt = r["src"][1], r["tgt"][1]
        if sk == "funding" and tk == "department":
            fund_dept[(src, tgt)] += amount
        elif sk == "department" and tk == "project":
            dept_proj[(src, tgt)] = dept_proj.get((src, tgt), Decimal(0)) + amount
        elif sk == "funding" and tk == "project" and r.get("dept"):
            fund_proj[(r["dept"][1], tgt)] = fund_proj.get((r["dept"][1], tgt), Decimal(0)) + amount
    for key, amount in fund_proj.items():  # a project reached only from its source: via its department
        if not any(k[1] == key[1] for k in dept_proj):
            dept_proj[key] = amount

    projects = sorted({p for _, p in dept_proj})
    subject_of = _top_subjects(ctx, projects)
    dept_subj: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    subj_proj: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    for (dept, proj), amount in dept_proj.items():
        subj = subject_of.get(proj, UNCLASSIFIED)
        dept_subj[(dept, subj)] += amount
        subj_proj[(subj, proj)] += amount

    edges = [("funding", "department", k, v) for k, v in fund_dept.items()] + \
            [("department", "subject", k, v) for k, v in dept_subj.items()] + \
            [("subject", "project", k, v) for k, v in subj_proj.items()]
    iris = {k[0] for *_, k, _ in edges} | {k[1] for *_, k, _ in edges}
    labels = labels_for(ctx, [i for i in iris if i != UNCLASSIFIED])
    index: dict[str, int] = {}
    nodes: list[dict] = []
    inflow: dict[str, Decimal] = defaultdict(Decimal)
    outflow: dict[str, Decimal] = defaultdict(Decimal)

    def node(iri: str, k: str) -> int:
        if iri not in index:
            index[iri] = len(nodes)
            real = iri != UNCLASSIFIED
            nodes.append({"id": iri, "iri": iri if real else None, "url": entity_url(iri) if real else None,
                          "label": (labels.get(iri) or compact(iri)) if real else "未注明科目",
                          "kind": k, "kind_label": KIND_LABELS[k], "value": Decimal(0)})
        return index[iri]

    links = []
    for sk, tk, (s, t), v in sorted(edges, key=lambda e: (["funding", "department", "subject"].index(e[0]), -e[3])):
        links.append({"source": node(s, sk), "target": node(t, tk), "value": v})
        outflow[s] += v
        inflow[t] += v
    for n in nodes:
        n["value"] = max(inflow[n["id"]], outflow[n["id"]])
    return {"department": department, "year": year, "nodes": nodes, "links": links,
            "total": sum((l["value"] for l in links if nodes[l["source"]]["kind"] == "funding"), Decimal(0))}


def _top_subjects(ctx: Any, projects: list[str]) -> dict[str, str]:
    """Each project's functional subject at 类 level (the 3-digit ancestor of its 项)."""
    out: dict[str, str] = {}
    for start in range(0, len(projects), 300):
        chunk = " ".join(iri_ref(p) for p in projects[start:start + 300])
        rows = ctx.select(f"""
SELECT ?p ?top WHERE {{ VALUES ?p {{ {chunk} }}
  ?p bkg:classifiedAs ?s . ?s skos:broader* ?top .
  FILTER NOT EXISTS {{ ?top skos:broader ?up }} }}""")
        for r in rows:
            out.setdefault(r["p"][1], r["top"][1])
    return out


@cached
def flow_choices(ctx: Any) -> dict:
    """The departments and years that have funding flows (the Sankey's filters)."""
    rows = ctx.select("""
SELECT DISTINCT ?dept ?year WHERE { ?flow a bkg:FundingFlow .
  OPTIONAL { ?flow bkg:document/bkg:department ?dept } OPTIONAL { ?flow bkg:fiscalYear/bkg:year ?year } } LIMIT 5000""")
    depts = sorted({r["dept"][1] for r in rows if r.get("dept")})
    labels = labels_for(ctx, depts)
    return {"departments": [{"iri": d, "label": labels.get(d) or compact(d)} for d in depts],
            "years": sorted({r["year"][1] for r in rows if r.get("year")})}
