"""Entity autocomplete (question box and editor): labels containing the typed text."""
from __future__ import annotations

from typing import Any

from kg.rdf.escape import literal
from web.cache import cached
from web.data.common import LABEL_PATH, labels_for
from web.render import entity_url
from web.vocab import compact


# What a person looking for a name wants first: departments, then projects, then documents and
# classification concepts; data points (observations) and machinery last.
_RANK = """IF(!BOUND(?c), 6, IF(?c = bkg:Department, 0, IF(?c = bkg:Project, 1,
  IF(?c IN (bkg:PolicyDocument, bkg:BudgetDocument), 2,
  IF(?c IN (bkg:FunctionalSubject, bkg:EconomicSubject, bkg:Topic, bkg:FundingSource, bkg:BudgetItem), 3,
  IF(?c = qb:Observation, 8, 5))))))"""


@cached
def search(ctx: Any, q: str, limit: int = 20) -> list[dict]:
    """Nodes whose label contains ``q``: departments and projects before documents, concepts and
    data points, shortest labels first within each; with their class."""
    q = (q or "").strip()[:100]
    if not q:
        return []
    rows = ctx.select(f"""
SELECT ?s (SAMPLE(?l) AS ?label) (SAMPLE(?c) AS ?type) (MIN(?r) AS ?rank) WHERE {{
  ?s {LABEL_PATH} ?l . FILTER(isIRI(?s) && CONTAINS(LCASE(STR(?l)), LCASE({literal(q)})))
  OPTIONAL {{ ?s a ?c }}
  BIND({_RANK} AS ?r)
}} GROUP BY ?s ORDER BY ?rank STRLEN(STR(?label)) LIMIT {int(limit)}""")
    types = labels_for(ctx, [r["type"][1] for r in rows if r.get("type")])
    return [{"iri": r["s"][1], "label": r["label"][1], "url": entity_url(r["s"][1]),
             "type": (types.get(r["type"][1]) or compact(r["type"][1])) if r.get("type") else None}
            for r in rows]
