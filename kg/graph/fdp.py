"""The graph's budget figures and flows as a Fiscal Data Package (datapackage.json + CSV).

Why: the Fiscal Data Package (Open Knowledge / OpenSpending) is what budget tools exchange; a
package written here loads into OpenSpending-style tools and back into Python with the same
amounts. The figures are read from the store by SPARQL (never a copy of the graph in memory);
amounts stay exact decimals in 万元 (the package's model says: currency CNY, factor 10000). CSV
files are UTF-8 with a BOM, so Excel on Chinese Windows opens them as they are.
"""
from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from kg.vocabulary.namespaces import sparql_prefixes

FIGURES_CSV = "budget-figures.csv"
FLOWS_CSV = "funding-flows.csv"

_FIGURES = """
SELECT ?document ?department ?year ?phase ?item ?scheme ?code ?subjectName ?kind ?funding ?scope ?amount ?obs
WHERE {
  ?obs a qb:Observation ; bkg:document ?doc ; bkg:amount ?amount ; bkg:budgetPhase ?ph .
  ?doc rdfs:label ?document .
  ?ph bkg:sourceKey ?phase .
  OPTIONAL { ?obs bkg:department ?d . ?d skos:prefLabel ?department }
  OPTIONAL { ?obs bkg:fiscalYear ?y . ?y bkg:year ?year }
  OPTIONAL { ?obs bkg:item ?i . ?i bkg:sourceKey ?item }
  OPTIONAL { ?obs bkg:subject ?s . ?s skos:notation ?code ; skos:inScheme ?sch . ?sch skos:prefLabel ?scheme
             FILTER(LANG(?scheme) = "en") }
  OPTIONAL { ?obs rdfs:label ?subjectName }
  OPTIONAL { ?obs bkg:expenditureKind ?k . ?k bkg:sourceKey ?kind }
  OPTIONAL { ?obs bkg:fundingSource ?f . ?f bkg:sourceKey ?funding }
  OPTIONAL { ?obs bkg:amountScope ?sc . ?sc bkg:sourceKey ?scope }
} ORDER BY ?document ?obs
"""

_FLOWS = """
SELECT ?document ?department ?year ?phase ?kind ?source ?target ?funding ?amount ?flow
       (SAMPLE(?sl) AS ?sourceName) (SAMPLE(?tl) AS ?targetName)
WHERE {
  ?flow a bkg:FundingFlow ; bkg:document ?doc ; bkg:flowKind ?kind ; bkg:amount ?amount ; bkg:budgetPhase ?ph ;
        bkg:flowSource ?source ; bkg:flowTarget ?target ; bkg:department ?d ; bkg:fiscalYear ?y .
  ?doc rdfs:label ?document . ?ph bkg:sourceKey ?phase . ?d skos:prefLabel ?department . ?y bkg:year ?year .
  OPTIONAL { ?flow bkg:fundingSource ?f . ?f bkg:sourceKey ?funding }
  OPTIONAL { ?source skos:prefLabel|rdfs:label ?sl FILTER(LANG(?sl) IN ("zh", "")) }
  OPTIONAL { ?target skos:prefLabel|rdfs:label ?tl FILTER(LANG(?tl) IN ("zh", "")) }
} GROUP BY ?document ?department ?year ?phase ?kind ?source ?target ?funding ?amount ?flow
ORDER BY ?document ?flow
"""

FIGURE_FIELDS = [
    ("document", "string", "预算文件"), ("department", "string", "部门"), ("fiscal_year", "integer", "年度"),
    ("phase", "string", "预算阶段 (budget / final_account / …)"), ("item", "string", "口径 (部门级数字)"),
    ("classification", "string", "分类 (functional / economic)"), ("subject_code", "string", "科目编码"),
    ("subject_name", "string", "科目名称 (文件所印)"), ("expenditure_kind", "string", "支出类型 (表列)"),
    ("funding_source", "string", "资金来源"), ("scope", "string", "口径范围"),
    ("amount", "number", "金额（万元）"),
]
FLOW_FIELDS = [
    ("document", "string", "预算文件"), ("department", "string", "部门"), ("fiscal_year", "integer", "年度"),
    ("phase", "string", "预算阶段"), ("flow_kind", "string", "资金流类型"), ("source", "string", "来源 IRI"),
    ("source_name", "string", "来源"), ("target", "string", "去向 IRI"), ("target_name", "string", "去向"),
    ("funding_source", "string", "资金来源"), ("amount", "number", "金额（万元）"),
]


@dataclass(frozen=True)
class ExportSummary:
    figures: int
    flows: int
    folder: Path


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def _scheme_key(label) -> str:
    text = str(label or "").lower()
    return "functional" if "functional" in text else "economic" if "economic" in text else ""


def export_fdp(store, folder: str | Path) -> ExportSummary:
    """Write ``datapackage.json``, ``budget-figures.csv`` and ``funding-flows.csv`` into ``folder``."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    figures = store.query(sparql_prefixes() + _FIGURES).dicts()
    rows = [[r.get("document"), r.get("department"), r.get("year"), r.get("phase"), r.get("item"),
             _scheme_key(r.get("scheme")), r.get("code"), r.get("subjectName") if r.get("code") else None,
             r.get("kind"), r.get("funding"), r.get("scope"), r.get("amount")] for r in figures]
    _write_csv(out / FIGURES_CSV, [f[0] for f in FIGURE_FIELDS], rows)
    flows = store.query(sparql_prefixes() + _FLOWS).dicts()
    flow_rows = [[r.get("document"), r.get("department"), r.get("year"), r.get("phase"), r.get("kind"),
                  r.get("source"), r.get("sourceName"), r.get("target"), r.get("targetName"), r.get("funding"),
                  r.get("amount")] for r in flows]
    _write_csv(out / FLOWS_CSV, [f[0] for f in FLOW_FIELDS], flow_rows)
    (out / "datapackage.json").write_text(json.dumps(_descriptor(), ensure_ascii=False, indent=2) + "\n",
                                          encoding="utf-8")
    return ExportSummary(len(rows), len(flow_rows), out)


def _write_csv(path: Path, header: list[str], rows: list[list]) -> None:
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        for row in rows:
            w.writerow([_cell(_python(v)) for v in row])


def _python(term):
    from kg.store.base import to_python

    value = to_python(term)
    if isinstance(value, float):  # never: amounts are xsd:decimal; guard against a backend's float
        return Decimal(str(term))
    return value


def _schema(fields) -> dict:
    schema = {"fields": [{"name": n, "type": t, "title": title} for n, t, title in fields]}
    for field in schema["fields"]:
        if field["name"] == "amount":
            field["decimalChar"] = "."
    return schema


def _descriptor() -> dict:
    return {
        "name": "budgetkg-budgets",
        "title": "部门预算与决算公开数据",
        "profile": "fiscal-data-package",
        "resources": [
            {"name": "budget-figures", "path": FIGURES_CSV, "format": "csv", "mediatype": "text/csv",
             "encoding": "utf-8", "profile": "tabular-data-resource", "schema": _schema(FIGURE_FIELDS)},
            {"name": "funding-flows", "path": FLOWS_CSV, "format": "csv", "mediatype": "text/csv",
             "encoding": "utf-8", "profile": "tabular-data-resource", "schema": _schema(FLOW_FIELDS)},
        ],
        "model": {
            "measures": {"amount": {"source": "amount", "currency": "CNY", "factor": 10000,
                                    "title": "金额（万元）"}},
            "dimensions": {
                "organization": {"dimensionType": "entity", "primaryKey": ["department"],
                                 "attributes": {"department": {"source": "department"}}},
                "date": {"dimensionType": "datetime", "primaryKey": ["fiscal_year"],
                         "attributes": {"fiscal_year": {"source": "fiscal_year"}}},
                "phase": {"dimensionType": "classification", "classificationType": "phase",
                          "primaryKey": ["phase"], "attributes": {"phase": {"source": "phase"}}},
                "item": {"dimensionType": "classification", "primaryKey": ["item"],
                         "attributes": {"item": {"source": "item"}}},
                "subject": {"dimensionType": "classification", "classificationType": "functional",
                            "primaryKey": ["classification", "subject_code"],
                            "attributes": {"classification": {"source": "classification"},
                                           "subject_code": {"source": "subject_code"},
                                           "subject_name": {"source": "subject_name"}}},
                "expenditure_kind": {"dimensionType": "classification", "primaryKey": ["expenditure_kind"],
                                     "attributes": {"expenditure_kind": {"source": "expenditure_kind"}}},
                "funding_source": {"dimensionType": "fact", "primaryKey": ["funding_source"],
                                   "attributes": {"funding_source": {"source": "funding_source"}}},
                "document": {"dimensionType": "other", "primaryKey": ["document"],
                             "attributes": {"document": {"source": "document"}}},
            },
        },
    }


def load_fdp(folder: str | Path) -> dict[str, list[dict[str, str]]]:
    """A package back as rows per resource (values as text; amounts to parse with ``Decimal``)."""
    base = Path(folder)
    descriptor = json.loads((base / "datapackage.json").read_text(encoding="utf-8"))
    out = {}
    for res in descriptor["resources"]:
        with open(base / res["path"], encoding="utf-8-sig", newline="") as fh:
            out[res["name"]] = list(csv.DictReader(fh))
    return out
