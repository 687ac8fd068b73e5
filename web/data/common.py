"""Small helpers the data functions share: labels, literal values, IRIs safe for SPARQL."""
from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any, Iterable

from kg.analytics.source import LABEL_PATH, as_money
from kg.rdf.escape import iri  # the one escape module (an IRI outside IRIREF is refused)

# LABEL_PATH (the properties that name a node) and as_money (a 万元 figure with two decimals) are
# the analytics' own definitions (kg/analytics/source.py): pages and analytics read labels and
# money the same way.


def value(term: Any) -> str | None:
    return None if term is None else term[1]


def decimal(term: Any) -> Decimal | None:
    """A numeric literal as an exact Decimal (never through float)."""
    if term is None:
        return None
    try:
        return Decimal(term[1])
    except (InvalidOperation, TypeError):
        return None


def money(term: Any) -> Decimal | None:
    """A 万元 amount as Decimal with (at least) two decimals, as the records print money; the
    store may hand back ``1500`` for ``1500.00``. Never rounds: extra decimals are kept."""
    d = decimal(term)
    return None if d is None else as_money(d)


def pick_label(candidates: Iterable[tuple[str, str | None]]) -> str | None:
    """The best label among ``(text, lang)``: Chinese first, then untagged, then anything."""
    best, rank = None, 9
    for text, lang in candidates:
        r = 0 if (lang or "").startswith("zh") else 1 if not lang else 2
        if r < rank or (r == rank and best is not None and len(text) < len(best)):
            best, rank = text, r
    return best


def labels_for(ctx: Any, iris: Iterable[str]) -> dict[str, str]:
    """Labels of many nodes in one query (zh preferred)."""
    iris = [i for i in dict.fromkeys(iris) if i]
    out: dict[str, list[tuple[str, str | None]]] = {}
    for start in range(0, len(iris), 200):
        chunk = iris[start:start + 200]
        values = " ".join(iri(i) for i in chunk)
        rows = ctx.select(f"SELECT ?s ?l WHERE {{ VALUES ?s {{ {values} }} ?s {LABEL_PATH} ?l }}")
        for r in rows:
            out.setdefault(r["s"][1], []).append((r["l"][1], r["l"][3]))
    labels = {k: pick_label(v) for k, v in out.items() if v}
    from web.vocab import STANDARD_LABELS

    labels.update({i: STANDARD_LABELS[i] for i in iris if i not in labels and i in STANDARD_LABELS})
    missing = [i for i in iris if i not in labels]
    if missing:
        labels.update(derived_labels(ctx, missing))
    return labels


def derived_labels(ctx: Any, iris: list[str]) -> dict[str, str]:
    """Readable names for the nodes the mapping leaves unlabelled: a funding flow is
    ``资金流 来源 → 去向``, an observation ``数据点 科目 · 列``, a citation ``引用 《标题》``, a source
    location ``出处 文件 第N页/行 表 行``."""
    out: dict[str, str] = {}
    for start in range(0, len(iris), 200):
        values = " ".join(iri(i) for i in iris[start:start + 200])
        # VALUES inside each branch: outside, oxigraph evaluates every branch over the whole graph
        # first and joins after (≈200 ms on a 40k-triple store; ≈5 ms this way)
        values = f"VALUES ?s {{ {values} }}"
        rows = ctx.select(f"""
SELECT ?s ?srcl ?tgtl ?wl ?code ?ekl ?cited ?file ?page ?line ?table ?row WHERE {{
  {{ {values} ?s bkg:flowSource ?src ; bkg:flowTarget ?tgt .
     OPTIONAL {{ ?src {LABEL_PATH} ?srcl }} OPTIONAL {{ ?tgt {LABEL_PATH} ?tgtl }} }}
  UNION
  {{ {values} ?s bkg:item|bkg:subject ?what . OPTIONAL {{ ?what {LABEL_PATH} ?wl }}
     OPTIONAL {{ ?what skos:notation ?code }} OPTIONAL {{ ?s bkg:expenditureKind|bkg:incomeSource ?ek . ?ek {LABEL_PATH} ?ekl }} }}
  UNION
  {{ {values} ?s bkg:citedTitle|bkg:citedNumber ?cited }}
  UNION
  {{ GRAPH ?locGraph {{ {values} ?s a bkg:SourceLocation . OPTIONAL {{ ?s bkg:sourceFile ?file }}
     OPTIONAL {{ ?s bkg:page ?page }} OPTIONAL {{ ?s bkg:line ?line }} OPTIONAL {{ ?s bkg:table ?table }}
     OPTIONAL {{ ?s bkg:row ?row }} }} }}  # a location is in its document's graph only (kg.store.union_rule)
}}""")
        by_node: dict[str, list[dict]] = {}
        for r in rows:
            by_node.setdefault(r["s"][1], []).append(r)
        for node, rs in by_node.items():
            def best(var: str) -> str | None:
                return pick_label((r[var][1], r[var][3]) for r in rs if r.get(var))

            if best("srcl") or best("tgtl"):
                out[node] = f"资金流 {best('srcl') or '?'} → {best('tgtl') or '?'}"
            elif best("cited"):
                out[node] = "引用 " + best("cited")
            elif best("wl") or best("code"):
                what = " ".join(x for x in (best("code"), best("wl")) if x)
                out[node] = "数据点 " + what + (f" · {best('ekl')}" if best("ekl") else "")
            else:
                r = rs[0]
                if r.get("file") or r.get("table") or r.get("line") or r.get("page"):
                    out[node] = "出处 " + location_text(r)
    return out


def location_text(r: dict) -> str:
    """``文件 第3页 表7 行名`` from a row with file/page/line/table/row terms."""
    parts = [value(r.get("file")) or "",
             f"第{value(r['page'])}页" if r.get("page") else "",
             f"第{value(r['line'])}行" if r.get("line") else "",
             value(r.get("table")) or "", value(r.get("row")) or ""]
    return " ".join(p for p in parts if p)
