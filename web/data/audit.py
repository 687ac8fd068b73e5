"""Each document's failed arithmetic checks (``bkg:hasFinding``), with the difference in 万元."""
from __future__ import annotations

from typing import Any

from web.cache import cached
from web.data.common import LABEL_PATH, location_text, money
from web.vocab import compact

# The extractor's rule names (kg/extract/checks.py), said in Chinese for the page.
RULE_LABELS = {
    "children_sum": "合计 = 各项之和",
    "basic_plus_project": "合计 = 基本支出 + 项目支出",
    "personnel_plus_public": "基本支出 = 人员经费 + 公用经费",
    "row_sum": "行合计 = 各列之和",
    "income_equals_expenditure": "收入总计 = 支出总计",
    "same_figure": "两表同一数字一致",
}


@cached
def audit_findings(ctx: Any) -> dict:
    rows = ctx.select(f"""
SELECT ?doc ?dl ?cc ?f ?rule ?where ?exp ?printed ?file ?page ?line ?table ?row WHERE {{
  ?doc a bkg:BudgetDocument .
  OPTIONAL {{ ?doc {LABEL_PATH} ?dl }}
  OPTIONAL {{ ?doc bkg:checkCount ?cc }}
  OPTIONAL {{ ?doc bkg:hasFinding ?f . OPTIONAL {{ ?f bkg:rule ?rule }} OPTIONAL {{ ?f bkg:where ?where }}
             OPTIONAL {{ ?f bkg:expectedAmount ?exp }} OPTIONAL {{ ?f bkg:printedAmount ?printed }}
             OPTIONAL {{ ?f prov:wasDerivedFrom ?loc . ?loc a bkg:SourceLocation .
                        OPTIONAL {{ ?loc bkg:sourceFile ?file }} OPTIONAL {{ ?loc bkg:page ?page }}
                        OPTIONAL {{ ?loc bkg:line ?line }} OPTIONAL {{ ?loc bkg:table ?table }}
                        OPTIONAL {{ ?loc bkg:row ?row }} }} }}
}} LIMIT 20000""")
    docs: dict[str, dict] = {}
    seen: set[str] = set()
    for r in rows:
        iri = r["doc"][1]
        d = docs.setdefault(iri, {"iri": iri, "label": None, "check_count": None, "findings": []})
        d["label"] = d["label"] or (r["dl"][1] if r.get("dl") else None)
        if r.get("cc") and d["check_count"] is None:
            d["check_count"] = int(r["cc"][1])
        if r.get("f") and r["f"][1] not in seen:
            seen.add(r["f"][1])
            exp, printed = money(r.get("exp")), money(r.get("printed"))
            rule = r["rule"][1] if r.get("rule") else None
            d["findings"].append({"iri": r["f"][1], "rule": rule, "rule_label": RULE_LABELS.get(rule or "", rule),
                                  "source": location_text(r),
                                  "where": r["where"][1] if r.get("where") else compact(r["f"][1]),
                                  "expected": exp, "printed": printed,
                                  "difference": (printed - exp) if exp is not None and printed is not None else None})
    out = sorted(docs.values(), key=lambda d: (-len(d["findings"]), d["label"] or d["iri"]))
    for d in out:
        d["label"] = d["label"] or compact(d["iri"])
        d["findings"].sort(key=lambda f: (f["where"] or "", f["rule"] or ""))
    return {"documents": out, "finding_count": sum(len(d["findings"]) for d in out)}
