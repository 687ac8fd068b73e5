"""The graph vocabulary as the web app needs it: prefixes, the entity namespace, label predicates.

Read from ``ontology/budgetkg.ttl`` (H4's ontology) where it exists, so the editor's preloaded
prefixes and the entity URLs follow the ontology instead of a copy kept here.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"

STANDARD_PREFIXES = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "prov": "http://www.w3.org/ns/prov#",
}
FALLBACK_ONTOLOGY_NS = "https://budgetkg.org/ontology#"

# Chinese names for the standard vocabulary terms the ontology reuses (it labels only its own).
STANDARD_LABELS = {
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#type": "类型",
    "http://www.w3.org/2000/01/rdf-schema#label": "名称",
    "http://www.w3.org/2000/01/rdf-schema#comment": "说明",
    "http://www.w3.org/2004/02/skos/core#prefLabel": "正式名称",
    "http://www.w3.org/2004/02/skos/core#altLabel": "别名",
    "http://www.w3.org/2004/02/skos/core#notation": "编码",
    "http://www.w3.org/2004/02/skos/core#broader": "上级",
    "http://www.w3.org/2004/02/skos/core#narrower": "下级",
    "http://www.w3.org/2004/02/skos/core#inScheme": "所属分类体系",
    "http://www.w3.org/2004/02/skos/core#Concept": "概念",
    "http://www.w3.org/2004/02/skos/core#ConceptScheme": "分类体系",
    "http://www.w3.org/ns/prov#wasDerivedFrom": "出处",
    "http://purl.org/dc/terms/title": "标题",
    "http://purl.org/dc/terms/issued": "发布年份",
    "http://www.w3.org/ns/org#hasUnit": "内设机构",
    "http://www.w3.org/ns/org#unitOf": "所属部门",
    "http://www.w3.org/ns/org#hasSubOrganization": "下属单位",
    "http://www.w3.org/ns/org#FormalOrganization": "正式组织",
    "http://www.w3.org/ns/org#OrganizationalUnit": "组织单元",
    "http://purl.org/linked-data/cube#dataSet": "数据集",
    "http://purl.org/linked-data/cube#DataSet": "数据集",
    "http://purl.org/linked-data/cube#Observation": "数据点",
    "http://purl.org/linked-data/cube#structure": "数据结构",
    "http://www.w3.org/2002/07/owl#Class": "类",
    "http://www.w3.org/2002/07/owl#ObjectProperty": "对象属性",
    "http://www.w3.org/2002/07/owl#DatatypeProperty": "数据属性",
}

LABEL_PREDICATES = [
    "http://www.w3.org/2000/01/rdf-schema#label",
    "http://www.w3.org/2004/02/skos/core#prefLabel",
    "http://purl.org/dc/terms/title",
]


@lru_cache(maxsize=1)
def prefixes() -> dict[str, str]:
    """Every ``@prefix``/``PREFIX`` of the ontology files, plus the standard ones."""
    from kg.vocabulary.namespaces import PREFIXES  # the graph's own namespaces, the same the ingest and queries use

    found = dict(STANDARD_PREFIXES)
    found.update(PREFIXES)
    pat = re.compile(r"^\s*@?prefix\s+([A-Za-z][\w-]*)?:\s*<([^>]+)>", re.I | re.M)
    for path in sorted(ONTOLOGY_DIR.glob("*.ttl")) if ONTOLOGY_DIR.is_dir() else []:
        for name, ns in pat.findall(path.read_text(encoding="utf-8")):
            if name:
                found.setdefault(name, ns)
    return found


@lru_cache(maxsize=1)
def ontology_ns() -> str:
    """The project's ontology namespace (the prefix the ontology file declares for its terms)."""
    p = prefixes()
    for key in ("bkg", "budget", "budgetkg", "kg"):
        if key in p:
            return p[key]
    return FALLBACK_ONTOLOGY_NS


@lru_cache(maxsize=1)
def data_ns() -> str:
    """The root of every instance IRI (entity pages live at ``/entity/<the rest>``)."""
    from kg.vocabulary.namespaces import ID

    return str(ID)


def sparql_prologue() -> str:
    """``PREFIX`` lines for every known prefix (the editor preloads these)."""
    return "".join(f"PREFIX {k}: <{v}>\n" for k, v in prefixes().items())


def compact(iri: str) -> str:
    """``prefix:local`` where a known prefix matches, else the IRI itself."""
    best = ""
    for name, ns in prefixes().items():
        if iri.startswith(ns) and len(ns) > len(best):
            best, best_name = ns, name
    if best:
        local = iri[len(best):]
        if re.fullmatch(r"[\w\-.%/]*", local):
            return f"{best_name}:{local}"
    return iri


_DECLARED = re.compile(r"^\s*PREFIX\s+([A-Za-z][\w.-]*)?\s*:", re.I | re.M)


def with_prologue(text: str) -> str:
    """``text`` with a ``PREFIX`` line for every project prefix it uses without declaring: the
    endpoint applies the same prefixes as ``budgetkg sparql``, so the example queries it serves
    (written without prefixes) run verbatim. A prefix the caller declares is left as declared."""
    declared = {m or "" for m in _DECLARED.findall(text)}
    lines = "".join(f"PREFIX {k}: <{v}>\n" for k, v in prefixes().items() if k not in declared)
    return lines + text
