"""Each document's failed arithmetic checks (``bkg:hasFinding``), with the difference in 万元."""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from flask import url_for

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
    "indicator_costs_sum": "绩效指标成本 = 项目金额",
    "code_misprint": "科目编码与名称相符",
    "carryover_total": "结转合计 = 各项结转之和",
    "fiscal_summary": "财政拨款收支总表自洽",
    "is_total": "合计行 = 各行之和",
    "flow_conservation": "资金流入 = 流出（资金守恒）",
    "share_percent": "说明的占比 = 分项 ÷ 总数",
    "change_percent": "说明的增减幅度 = 增减额 ÷ 上年数",
    "completion_rate": "说明的完成率 = 决算数 ÷ 预算数",
}
# A difference at most this large (万元) is rounding: tables print each figure rounded to two
# decimals, so a sum of rounded parts may miss the rounded total by a few hundredths.
ROUNDING = Decimal("0.10")


@cached
def audit_findings(ctx: Any, pdf_pages: bool = False) -> dict:
    """Every document's failed checks, each marked material or rounding, with a summary; with
    ``pdf_pages`` a finding read from a PDF page links to that page drawn with its cells outlined."""
    rows = ctx.select(f"""
SELECT ?doc ?dl ?cc ?f ?rule ?where ?exp ?printed ?pexp ?pprinted ?file ?page ?line ?table ?row WHERE {{
  ?doc a bkg:BudgetDocument .
  OPTIONAL {{ ?doc {LABEL_PATH} ?dl }}
  OPTIONAL {{ ?doc bkg:checkCount ?cc }}
  OPTIONAL {{ ?doc bkg:hasFinding ?f . OPTIONAL {{ ?f bkg:rule ?rule }} OPTIONAL {{ ?f bkg:where ?where }}
             OPTIONAL {{ ?f bkg:expectedAmount ?exp }} OPTIONAL {{ ?f bkg:printedAmount ?printed }}
             OPTIONAL {{ ?f bkg:expectedPercent ?pexp }} OPTIONAL {{ ?f bkg:printedPercent ?pprinted }}
             OPTIONAL {{ GRAPH ?locGraph {{ ?f prov:wasDerivedFrom ?loc . ?loc a bkg:SourceLocation .
                        OPTIONAL {{ ?loc bkg:sourceFile ?file }} OPTIONAL {{ ?loc bkg:page ?page }}
                        OPTIONAL {{ ?loc bkg:line ?line }} OPTIONAL {{ ?loc bkg:table ?table }}
                        OPTIONAL {{ ?loc bkg:row ?row }} }} }} }}
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
            percent = r.get("pexp") is not None or r.get("pprinted") is not None
            if percent:  # a narrative's percentage: a material finding by the audit's own grading
                exp, printed = money(r.get("pexp")), money(r.get("pprinted"))
            rule = r["rule"][1] if r.get("rule") else None
            diff = (printed - exp) if exp is not None and printed is not None else None
            is_pdf = bool(r.get("file") and r["file"][1].lower().endswith(".pdf") and r.get("page"))
            d["findings"].append({"iri": r["f"][1], "rule": rule, "rule_label": RULE_LABELS.get(rule or "", "其他核对"),
                                  "material": percent or diff is None or abs(diff) > ROUNDING,
                                  "unit": "%" if percent else "万元",
                                  "page_url": (url_for("pages.audit_page", finding=r["f"][1]) if pdf_pages and is_pdf
                                               else None),
                                  "source": location_text(r),
                                  "where": r["where"][1] if r.get("where") else compact(r["f"][1]),
                                  "expected": exp, "printed": printed,
                                  "difference": (printed - exp) if exp is not None and printed is not None else None})
    out = sorted(docs.values(), key=lambda d: (-len(d["findings"]), d["label"] or d["iri"]))
    for d in out:
        d["label"] = d["label"] or compact(d["iri"])
        d["findings"].sort(key=lambda f: (not f["material"], f["where"] or "", f["rule"] or ""))
    findings = [f for d in out for f in d["findings"]]
    by_rule: dict[str, dict] = {}
    for f in findings:
        entry = by_rule.setdefault(f["rule_label"], {"rule": f["rule_label"], "material": 0, "rounding": 0})
        entry["material" if f["material"] else "rounding"] += 1
    summary = {"documents": len(out), "with_findings": sum(1 for d in out if d["findings"]),
               "checks": sum(d["check_count"] or 0 for d in out), "findings": len(findings),
               "material": sum(1 for f in findings if f["material"]),
               "rounding": sum(1 for f in findings if not f["material"]),
               "by_rule": sorted(by_rule.values(), key=lambda e: (-e["material"] - e["rounding"], e["rule"]))}
    return {"documents": out, "finding_count": len(findings), "summary": summary}
