"""SPARQL templates, one per kind of read, in the vocabulary of ``ontology/budgetkg.ttl``.

Templates hold ``{placeholders}`` only for ``VALUES`` blocks (and a LIMIT), which
``fill`` renders with ``nlp.escape`` — the single function that puts a value into query text.
Nothing a user typed is ever formatted in directly: questions are resolved to IRIs, years, amounts
first, and those go through ``escape.values_block``.
"""
from __future__ import annotations

from nlp.escape import values_block

PREFIXES = """PREFIX bkg: <https://budgetkg.org/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dct: <http://purl.org/dc/terms/>
PREFIX org: <http://www.w3.org/ns/org#>
"""

# ----------------------------------------------------------------------------- catalogue
BUDGETS = """SELECT ?doc ?dept ?label ?year ?kind (SAMPLE(?f) AS ?file) WHERE {
  ?doc a bkg:BudgetDocument ; bkg:department ?dept ; bkg:fiscalYear/bkg:year ?year .
  OPTIONAL { ?doc bkg:documentKind ?kind }
  OPTIONAL { ?doc bkg:sourceFile ?f }
  ?dept rdfs:label ?label .
} GROUP BY ?doc ?dept ?label ?year ?kind"""

DEPARTMENTS = """SELECT DISTINCT ?dept ?label WHERE {
  ?dept a bkg:Department ; (rdfs:label|skos:prefLabel|skos:altLabel) ?label .
}"""

PROJECT_NAMES = """SELECT DISTINCT ?p ?label ?dept ?year ?person WHERE {
  ?p a bkg:Project ; (rdfs:label|skos:altLabel) ?label .
  OPTIONAL { ?p bkg:department ?dept }
  OPTIONAL { ?p bkg:fiscalYear/bkg:year ?year }
  OPTIONAL { ?p bkg:responsiblePerson ?person }
}"""

SUBJECT_NAMES = """SELECT DISTINCT ?s ?code ?label ?type WHERE {
  ?s a ?type ; skos:notation ?code ; skos:prefLabel ?label .
  VALUES ?type { bkg:FunctionalSubject bkg:EconomicSubject }
}"""

POLICY_NAMES = """SELECT DISTINCT ?pol ?title ?number WHERE {
  ?pol a bkg:PolicyDocument .
  OPTIONAL { ?pol dct:title ?title }
  OPTIONAL { ?pol bkg:documentNumber ?number }
}"""

DIVISION_NAMES = """SELECT DISTINCT ?u ?label ?dept WHERE {
  ?u a bkg:Division ; rdfs:label ?label ; org:unitOf ?dept .
}"""

TOPIC_NAMES = """SELECT DISTINCT ?t ?pref ?label ?keyword WHERE {
  ?t a bkg:Topic ; skos:prefLabel ?pref ; (skos:prefLabel|skos:altLabel) ?label .
  FILTER((lang(?label) = "zh" || lang(?label) = "") && (lang(?pref) = "zh" || lang(?pref) = ""))
  OPTIONAL { ?t bkg:keyword ?keyword }
}"""

TERM_NAMES = """SELECT DISTINCT ?term WHERE { ?d a bkg:Definition ; bkg:term ?term . }"""

# ----------------------------------------------------------------------------- reads
LOCATION = """  OPTIONAL { ?x prov:wasDerivedFrom ?loc .
             OPTIONAL { ?loc bkg:sourceFile ?file } OPTIONAL { ?loc bkg:page ?page }
             OPTIONAL { ?loc bkg:line ?line } OPTIONAL { ?loc bkg:table ?table }
             OPTIONAL { ?loc bkg:row ?row } }"""

FIGURES = """SELECT ?doc ?item ?amount ?file ?page ?line ?table ?row WHERE {
  {VALUES_doc}
  {VALUES_item}
  ?x bkg:document ?doc ; bkg:item ?item ; bkg:amount ?amount .
""" + LOCATION + """
}"""

SUBJECTS = """SELECT ?doc ?code ?name ?printed ?kind ?amount ?file ?page ?line ?table ?row WHERE {
  {VALUES_doc}
  ?x bkg:document ?doc ; bkg:subject ?s ; bkg:expenditureKind ?k ; bkg:amount ?amount .
  ?s a {type} ; skos:notation ?code .
  OPTIONAL { ?s skos:prefLabel ?name }
  OPTIONAL { ?x rdfs:label ?printed }
  BIND(REPLACE(STR(?k), "^.*/", "") AS ?kind)
""" + LOCATION + """
}"""

PROJECTS = """SELECT ?x ?name ?doc ?year ?amount ?category ?funding ?fundingLabel ?unit ?person ?code
       ?description ?file ?page ?line ?table ?row WHERE {
  {VALUES_doc}
  {VALUES_x}
  ?x a bkg:Project ; rdfs:label ?name ; bkg:fiscalYear/bkg:year ?year ; bkg:department ?dept .
  ?x bkg:mentionedIn ?doc . ?doc bkg:department ?dept ; bkg:fiscalYear/bkg:year ?year .
  OPTIONAL { ?x bkg:amount ?amount }
  OPTIONAL { ?x bkg:category ?c . BIND(REPLACE(STR(?c), "^.*/", "") AS ?category) }
  OPTIONAL { ?x bkg:fundedBy ?f . BIND(REPLACE(STR(?f), "^.*/", "") AS ?funding)
             OPTIONAL { ?f skos:prefLabel|skos:altLabel ?fundingLabel FILTER(lang(?fundingLabel) = "zh") } }
  OPTIONAL { ?x bkg:responsibleUnit ?u . ?u rdfs:label ?unit }
  OPTIONAL { ?x bkg:responsiblePerson ?person }
  OPTIONAL { ?x bkg:classifiedAs/skos:notation ?code }
  OPTIONAL { ?x bkg:description ?description }
""" + LOCATION + """
}"""

PROJECT_ALIASES = """SELECT ?x ?alias WHERE {
  {VALUES_x}
  ?x skos:altLabel ?alias .
}"""

INDICATORS = """SELECT ?x ?project ?name ?level1 ?level2 ?target ?weight ?kind ?file ?page ?line ?table ?row WHERE {
  {VALUES_project}
  ?x a bkg:PerformanceIndicator ; bkg:measures ?project ; rdfs:label ?name .
  OPTIONAL { ?x bkg:level1 ?level1 }
  OPTIONAL { ?x bkg:level2 ?level2 }
  OPTIONAL { ?x bkg:target ?target }
  OPTIONAL { ?x bkg:weight ?weight }
  OPTIONAL { ?x bkg:indicatorKind/skos:prefLabel ?kind FILTER(lang(?kind) = "zh") }
""" + LOCATION + """
} ORDER BY ?project ?x"""

POLICIES_OF = """SELECT ?project ?pname ?pol ?title ?number WHERE {
  {VALUES_project}
  ?project bkg:basedOn ?pol .
  OPTIONAL { ?project rdfs:label ?pname }
  OPTIONAL { ?pol dct:title ?title }
  OPTIONAL { ?pol bkg:documentNumber ?number }
}"""

CITING = """SELECT DISTINCT ?x WHERE {
  {VALUES_pol}
  ?x bkg:basedOn ?pol .
}"""

TOPIC_PROJECTS = """SELECT DISTINCT ?x WHERE {
  {VALUES_doc}
  {VALUES_topic}
  ?x bkg:concerns ?topic ; bkg:mentionedIn ?doc .
}"""

PROFILE = """SELECT ?doc ?authorized ?actual ?active ?retired ?veteran ?functions WHERE {
  {VALUES_doc}
  OPTIONAL { ?doc bkg:authorizedStaff ?authorized }
  OPTIONAL { ?doc bkg:actualStaff ?actual }
  OPTIONAL { ?doc bkg:activeStaff ?active }
  OPTIONAL { ?doc bkg:retiredStaff ?retired }
  OPTIONAL { ?doc bkg:retiredVeteranStaff ?veteran }
  OPTIONAL { ?doc bkg:functions ?functions }
}"""

DIVISIONS = """SELECT ?doc ?name WHERE {
  {VALUES_doc}
  ?u a bkg:Division ; rdfs:label ?name ; bkg:mentionedIn ?doc .
} ORDER BY ?doc ?u"""

SUBORDINATES = """SELECT ?doc ?name WHERE {
  {VALUES_doc}
  ?doc bkg:department ?dept .
  ?dept org:hasSubOrganization ?sub .
  ?sub rdfs:label ?name ; bkg:mentionedIn ?doc .
} ORDER BY ?doc ?name"""

FINDINGS = """SELECT ?doc ?x ?rule ?where ?expected ?printed ?file ?page ?line ?table ?row WHERE {
  {VALUES_doc}
  ?doc bkg:hasFinding ?x .
  ?x bkg:where ?where .
  OPTIONAL { ?x bkg:rule ?rule }
  OPTIONAL { ?x bkg:expectedAmount ?expected }
  OPTIONAL { ?x bkg:printedAmount ?printed }
""" + LOCATION + """
} ORDER BY ?doc ?x"""

DEFINITIONS = """SELECT ?doc ?term ?text WHERE {
  {VALUES_term}
  ?doc bkg:defines ?d .
  ?d bkg:term ?term ; bkg:definitionText ?text .
}"""

# 比上年增加/减少 statements of the narrative (bkg:Change); where the graph has none the query is empty.
CHANGES = """SELECT ?doc ?x ?subject ?direction ?amount ?percent ?current ?file ?page ?line ?table ?row WHERE {
  {VALUES_doc}
  ?doc bkg:statesChange ?x .
  ?x bkg:changeSubject ?subject ; bkg:direction ?direction ; bkg:changeAmount ?amount .
  OPTIONAL { ?x bkg:changePercent ?percent }
  OPTIONAL { ?x bkg:currentAmount ?current }
""" + LOCATION + """
} ORDER BY ?doc ?x"""


def fill(template: str, subject_type: str | None = None, **values: list) -> str:
    """The template with each ``{VALUES_var}`` replaced by a ``VALUES ?var`` block of escaped
    values; ``subject_type`` is the one fixed IRI slot, chosen from a closed list."""
    text = template
    if "{type}" in text:
        if subject_type not in ("bkg:FunctionalSubject", "bkg:EconomicSubject"):
            raise ValueError("subject_type must be a subject class")
        text = text.replace("{type}", subject_type)
    for var, vals in values.items():
        text = text.replace("{VALUES_" + var + "}", values_block(var, vals))
    if "{VALUES_" in text:
        raise ValueError("a VALUES slot was left unfilled")
    return PREFIXES + text
