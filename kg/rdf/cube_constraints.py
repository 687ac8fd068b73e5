"""The W3C Data Cube integrity constraints IC-1 … IC-21 as SPARQL ASK queries.

Why here: the graph claims to be a Data Cube (``ontology/budgetkg.ttl``'s structures); these are
the spec's own checks (https://www.w3.org/TR/vocab-data-cube/#wf-rules), run on any store. Each
ASK is true where the constraint is *violated*. Three adaptations, all equivalent on our data:

* the spec runs on a normalised graph where ``qb:componentProperty`` is inferred from
  ``qb:dimension`` / ``qb:measure`` / ``qb:attribute``; here the path ``qb:componentProperty|
  qb:dimension|qb:measure|qb:attribute`` stands for it (no inference needed);
* IC-13 reads an attribute attached at the data set (``qb:componentAttachment qb:DataSet``: the
  measure's unit, currency and multiplier) on the observation's data set, as the spec's
  normalisation would copy it down;
* IC-12 (no duplicate observations) compares every pair of observations of a data set, which is
  quadratic; given IC-11 (every dimension present), a duplicate is a group of observations of one
  data set with the same value of each dimension, so it is asked per structure by GROUP BY.
IC-20 and IC-21 are templates instantiated for each hierarchical code list's parent-child
property; with no ``qb:HierarchicalCodeList`` in the graph they hold vacuously.
"""
from __future__ import annotations

CP = "(qb:componentProperty|qb:dimension|qb:measure|qb:attribute)"

PREFIXES = """PREFIX qb: <http://purl.org/linked-data/cube#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX bkg: <https://budgetkg.org/ontology#>
"""

CONSTRAINTS: dict[str, str] = {
    "IC-1": """ASK { { ?obs a qb:Observation . FILTER NOT EXISTS { ?obs qb:dataSet ?d1 } }
      UNION { ?obs a qb:Observation ; qb:dataSet ?d1, ?d2 . FILTER (?d1 != ?d2) } }""",
    "IC-2": """ASK { { ?ds a qb:DataSet . FILTER NOT EXISTS { ?ds qb:structure ?dsd } }
      UNION { ?ds a qb:DataSet ; qb:structure ?dsd1, ?dsd2 . FILTER (?dsd1 != ?dsd2) } }""",
    "IC-3": f"""ASK {{ ?dsd a qb:DataStructureDefinition .
      FILTER NOT EXISTS {{ ?dsd qb:component/{CP} ?m . ?m a qb:MeasureProperty }} }}""",
    "IC-4": """ASK { ?dim a qb:DimensionProperty . FILTER NOT EXISTS { ?dim rdfs:range [] } }""",
    "IC-5": """ASK { ?dim a qb:DimensionProperty ; rdfs:range skos:Concept .
      FILTER NOT EXISTS { ?dim qb:codeList [] } }""",
    "IC-6": f"""ASK {{ ?dsd qb:component ?spec . ?spec qb:componentRequired "false"^^xsd:boolean ;
      {CP} ?c . FILTER NOT EXISTS {{ ?c a qb:AttributeProperty }} }}""",
    "IC-7": """ASK { ?key a qb:SliceKey . FILTER NOT EXISTS { [ a qb:DataStructureDefinition ] qb:sliceKey ?key } }""",
    "IC-8": f"""ASK {{ ?key a qb:SliceKey ; {CP} ?p . ?dsd qb:sliceKey ?key .
      FILTER NOT EXISTS {{ ?dsd qb:component/{CP} ?p }} }}""",
    "IC-9": """ASK { { ?s a qb:Slice . FILTER NOT EXISTS { ?s qb:sliceStructure ?k } }
      UNION { ?s a qb:Slice ; qb:sliceStructure ?k1, ?k2 . FILTER (?k1 != ?k2) } }""",
    "IC-10": f"""ASK {{ ?s qb:sliceStructure/{CP} ?dim . FILTER NOT EXISTS {{ ?s ?dim [] }} }}""",
    "IC-11": f"""ASK {{ ?obs qb:dataSet/qb:structure/qb:component/{CP} ?dim . ?dim a qb:DimensionProperty .
      FILTER NOT EXISTS {{ ?obs ?dim [] }} }}""",
    # IC-12: see the module docstring (one query per structure, dimensions listed from the DSD)
    # IC-13 on the normalised graph: an attribute attached at the data set (qb:componentAttachment
    # qb:DataSet) is the observation's through its data set (the spec's normalisation pushes it down)
    "IC-13": f"""ASK {{ ?obs qb:dataSet/qb:structure/qb:component ?spec .
      ?spec qb:componentRequired "true"^^xsd:boolean ; {CP} ?attr .
      FILTER NOT EXISTS {{ ?obs ?attr [] }}
      FILTER NOT EXISTS {{ ?spec qb:componentAttachment qb:DataSet . ?obs qb:dataSet ?ds . ?ds ?attr [] }} }}""",
    "IC-14": f"""ASK {{ ?obs qb:dataSet/qb:structure ?dsd .
      FILTER NOT EXISTS {{ ?dsd qb:component/{CP} qb:measureType }}
      ?dsd qb:component/{CP} ?m . ?m a qb:MeasureProperty . FILTER NOT EXISTS {{ ?obs ?m [] }} }}""",
    "IC-15": f"""ASK {{ ?obs qb:dataSet/qb:structure ?dsd ; qb:measureType ?m .
      ?dsd qb:component/{CP} qb:measureType . FILTER NOT EXISTS {{ ?obs ?m [] }} }}""",
    "IC-16": f"""ASK {{ ?obs qb:dataSet/qb:structure ?dsd ; qb:measureType ?m ; ?om [] .
      ?dsd qb:component/{CP} qb:measureType ; qb:component/{CP} ?om . ?om a qb:MeasureProperty .
      FILTER (?om != ?m) }}""",
    "IC-17": f"""ASK {{ {{ SELECT ?numMeasures (COUNT(?obs2) AS ?count) WHERE {{
        {{ SELECT ?dsd (COUNT(?m) AS ?numMeasures) WHERE {{ ?dsd qb:component/{CP} ?m . ?m a qb:MeasureProperty }}
          GROUP BY ?dsd }}
        ?obs1 qb:dataSet/qb:structure ?dsd ; qb:dataSet ?ds ; qb:measureType ?m1 .
        ?obs2 qb:dataSet ?ds ; qb:measureType ?m2 .
        FILTER NOT EXISTS {{ ?dsd qb:component/{CP} ?dim . FILTER (?dim != qb:measureType)
          ?dim a qb:DimensionProperty . ?obs1 ?dim ?v1 . ?obs2 ?dim ?v2 . FILTER (?v1 != ?v2) }}
      }} GROUP BY ?obs1 ?numMeasures HAVING (?count != ?numMeasures) }} }}""",
    "IC-18": """ASK { ?ds qb:slice ?s . ?s qb:observation ?obs . FILTER NOT EXISTS { ?obs qb:dataSet ?ds } }""",
    "IC-19": f"""ASK {{ {{ ?obs qb:dataSet/qb:structure/qb:component/{CP} ?dim . ?dim a qb:DimensionProperty ;
        qb:codeList ?list . ?list a skos:ConceptScheme . ?obs ?dim ?v .
        FILTER NOT EXISTS {{ ?v a skos:Concept ; skos:inScheme ?list }} }}
      UNION {{ ?obs qb:dataSet/qb:structure/qb:component/{CP} ?dim . ?dim a qb:DimensionProperty ;
        qb:codeList ?list . ?list a skos:Collection . ?obs ?dim ?v .
        FILTER NOT EXISTS {{ ?v a skos:Concept . ?list skos:member+ ?v }} }} }}""",
}

_IC12_DIMENSIONS = f"""SELECT ?dsd ?dim WHERE {{ ?dsd a qb:DataStructureDefinition ; qb:component/{CP} ?dim .
  ?dim a qb:DimensionProperty }} ORDER BY ?dsd ?dim"""


def _ic12_queries(store) -> list[str]:
    dims: dict[str, list[str]] = {}
    for dsd, dim in store.query(PREFIXES + _IC12_DIMENSIONS).values():
        dims.setdefault(dsd, []).append(dim)
    out = []
    for dsd, names in sorted(dims.items()):
        pattern = " ".join(f"<{d}> ?v{i} ;" for i, d in enumerate(names))
        group = " ".join(f"?v{i}" for i in range(len(names)))
        out.append(f"""ASK {{ {{ SELECT ?ds {group} (COUNT(DISTINCT ?obs) AS ?n) WHERE {{
          ?ds qb:structure <{dsd}> . ?obs qb:dataSet ?ds ; {pattern} a qb:Observation }}
          GROUP BY ?ds {group} HAVING (COUNT(DISTINCT ?obs) > 1) }} }}""")
    return out


# IC-20 / IC-21 are templates over each hierarchical code list's parent-child property $p
_IC20 = f"""ASK {{ ?obs qb:dataSet/qb:structure/qb:component/{CP} ?dim . ?dim a qb:DimensionProperty ;
  qb:codeList ?list . ?list a qb:HierarchicalCodeList ; qb:parentChildProperty <$p> . ?obs ?dim ?v .
  FILTER NOT EXISTS {{ ?list qb:hierarchyRoot/<$p>* ?v }} }}"""
_IC21 = f"""ASK {{ ?obs qb:dataSet/qb:structure/qb:component/{CP} ?dim . ?dim a qb:DimensionProperty ;
  qb:codeList ?list . ?list a qb:HierarchicalCodeList ; qb:parentChildProperty [ owl:inverseOf <$p> ] .
  ?obs ?dim ?v . FILTER NOT EXISTS {{ ?list qb:hierarchyRoot/^<$p>* ?v }} }}"""


def _hierarchy_properties(store) -> list[str]:
    rows = store.query(PREFIXES + "SELECT DISTINCT ?p WHERE { ?l a qb:HierarchicalCodeList ; "
                                  "qb:parentChildProperty ?p . FILTER(isIRI(?p)) }").values()
    return [r[0] for r in rows]


def violated_constraints(store) -> dict[str, bool]:
    """IC name -> whether the graph violates it (True: a violation exists)."""
    result = {}
    for name, ask in CONSTRAINTS.items():
        text = PREFIXES + "PREFIX owl: <http://www.w3.org/2002/07/owl#>\n" + ask
        result[name] = bool(store.query(text).boolean)
    result["IC-12"] = any(bool(store.query(PREFIXES + q).boolean) for q in _ic12_queries(store))
    owl = "PREFIX owl: <http://www.w3.org/2002/07/owl#>\n"
    hierarchy = _hierarchy_properties(store)
    result["IC-20"] = any(bool(store.query(PREFIXES + owl + _IC20.replace("$p", p)).boolean) for p in hierarchy)
    result["IC-21"] = any(bool(store.query(PREFIXES + owl + _IC21.replace("$p", p)).boolean) for p in hierarchy)
    return dict(sorted(result.items(), key=lambda kv: int(kv[0].split("-")[1])))
