"""ONE builder: a frame's focus and filters become SPARQL.

There is no template per question kind. Each focus has a *shape* — the graph pattern its rows
stand in, how a row reaches its budget document, the variables it yields — and each filter a
*constraint* compiled into that shape (a subject code prefix, a column, a category, a funding
source, a person, a policy document, an amount bound, an indicator kind). The builder joins them.
Every value enters the text through ``kg.rdf.escape`` (the project's one escape module); a
budget document is bound as a direct IRI in the pattern (one query per document), never through a
``VALUES`` join, which Oxigraph plans as a scan. Arithmetic is never done in SPARQL: the rows come
back with exact decimals and ``nlp.derive`` computes in Python.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from kg.rdf import iris
from kg.rdf.escape import decimal as dec_term, integer, iri, literal
from nlp.vocabulary import PREFIXES


# Where a figure was printed: its provenance (link and location) is kept in its document's graph
# only, not in the union (``kg.store.union_rule``), so it is read there — the link and the location in one GRAPH
# pattern, which oxigraph evaluates for the bound ?x by index look-ups (with the link outside the
# GRAPH it joined every location of every document instead: 20× slower questions).
LOCATION = """  OPTIONAL { GRAPH ?locGraph { ?x prov:wasDerivedFrom ?loc . ?loc a bkg:SourceLocation .
    OPTIONAL { ?loc bkg:sourceFile ?file } OPTIONAL { ?loc bkg:page ?page }
    OPTIONAL { ?loc bkg:line ?line } OPTIONAL { ?loc bkg:table ?table } OPTIONAL { ?loc bkg:row ?row }
    OPTIONAL { ?loc bkg:tableTitle ?tableTitle } OPTIONAL { ?loc bkg:section ?section } } }"""
LOCATION_VARS = ("?file", "?page", "?line", "?table", "?row", "?tableTitle", "?section")
# The phase of a figure (预算数, 年初预算数, 调整预算数 or 决算数): a 决算 prints several per row.
# Every observation has one (kg.rdf.mapping); its key is taken off the IRI in Python (nlp.graph).
PHASE = "  ?x bkg:budgetPhase ?phase ."


@dataclass(frozen=True)
class Shape:
    """Where the rows of one focus stand in the graph. ``anchor`` links ``?x`` to the budget
    document ``{doc}`` (a direct IRI); ``body`` is the rest of the pattern; ``located`` rows carry
    their source location."""

    anchor: str
    body: str
    select: tuple[str, ...]
    located: bool = True
    order: str = ""


# The subject rows of the document's own tables: those of a table of one kind of funds (一般公共预算
# 支出表) carry that scope on their data set. Written as an OPTIONAL kept when unbound, not as
# FILTER NOT EXISTS with a path: Oxigraph evaluated that NOT EXISTS against every scoped row of the
# graph for each row (1.1 s for one 决算's 213 rows on the 36 documents; this form 0.07 s, same rows).
_OWN_ROWS = ("  OPTIONAL { ?x <http://purl.org/linked-data/cube#dataSet> ?scopedSet . ?scopedSet bkg:amountScope ?narrower }\n"
             "  FILTER(!BOUND(?narrower))\n")

SHAPES: dict[str, Shape] = {
    "figures": Shape("?x bkg:document {doc} .", "?x bkg:item ?item ; bkg:amount ?amount .\n" + PHASE,
                     ("?item", "?amount", "?phase")),
    "subjects": Shape("?x bkg:document {doc} .",
                      "?x bkg:subject ?s ; bkg:expenditureKind ?k ; bkg:amount ?amount .\n"
                      + _OWN_ROWS +
                      "  ?s a {scheme} ; skos:notation ?code .\n"
                      # the phase among the required patterns: after the BIND, Oxigraph joined it by
                      # scanning every observation's phase (0.5 s a document at 1,000 documents)
                      + PHASE + "\n"
                      "  OPTIONAL { ?s skos:prefLabel ?name } OPTIONAL { ?x rdfs:label ?printed }\n"
                      "  BIND(REPLACE(STR(?k), \"^.*/\", \"\") AS ?column)",
                      ("?code", "?name", "?printed", "?column", "?amount", "?phase"), order="ORDER BY ?code"),
    # the income table by subject: one cell per subject × source (bkg:incomeStructure)
    "income": Shape("?x bkg:document {doc} .",
                    "?x bkg:incomeSource ?src ; bkg:subject ?s ; bkg:amount ?amount .\n"
                    "  ?s skos:notation ?code .\n" + PHASE + "\n"
                    "  OPTIONAL { ?s skos:prefLabel ?name } OPTIONAL { ?x rdfs:label ?printed }\n"
                    "  BIND(REPLACE(STR(?src), \"^.*/\", \"\") AS ?source)",
                    ("?code", "?name", "?printed", "?source", "?amount", "?phase"), order="ORDER BY ?code"),
    # the tables by unit: one cell per budget unit × source (bkg:unitIncomeStructure), and per unit
    # × funds × kind of spending (bkg:unitExpenditureStructure: ?kind bound); ?own where the unit is
    # the department itself (its 本级 row)
    "units": Shape("?x bkg:document {doc} .",
                   "?x bkg:incomeSource ?src ; bkg:budgetUnit ?u ; bkg:amount ?amount .\n" + PHASE + "\n"
                   "  ?u rdfs:label ?unitName . OPTIONAL { ?x rdfs:label ?printed }\n"
                   "  OPTIONAL { ?x bkg:expenditureKind ?k }\n"
                   "  BIND(EXISTS { {doc} bkg:department ?u } AS ?own)\n"
                   "  BIND(REPLACE(STR(?src), \"^.*/\", \"\") AS ?source)\n"
                   "  BIND(IF(BOUND(?k), REPLACE(STR(?k), \"^.*/\", \"\"), \"\") AS ?kind)",
                   ("?u", "?unitName", "?printed", "?own", "?source", "?kind", "?amount", "?phase"), order="ORDER BY ?u"),
    # the tables by unit whose columns are items (the 三公 table by unit: bkg:unitThreePublicStructure):
    # one cell per budget unit × item (?item: item/three_public.*), ?own as above
    "unit_items": Shape("?x bkg:document {doc} .",
                        "?x bkg:unitItem ?item ; bkg:budgetUnit ?u ; bkg:amount ?amount .\n" + PHASE + "\n"
                        "  ?u rdfs:label ?unitName . OPTIONAL { ?x rdfs:label ?printed }\n"
                        # the year before and the change, where the table prints them beside the year (西安 表13)
                        "  OPTIONAL { ?x bkg:previousAmount ?previous } OPTIONAL { ?x bkg:changeAmount ?change }\n"
                        "  OPTIONAL { ?x bkg:direction ?direction }\n"
                        "  BIND(EXISTS { {doc} bkg:department ?u } AS ?own)",
                        ("?u", "?unitName", "?printed", "?own", "?item", "?amount", "?phase", "?previous", "?change",
                         "?direction"), order="ORDER BY ?u"),
    # the economic 类 rows printed under each unit of a table of one kind of spending by unit (广东 表11:
    # bkg:UnitEconomicCell), their 总计 column (funding/total); ?own as above
    "unit_economic": Shape("?x bkg:document {doc} .",
                           "?x a bkg:UnitEconomicCell ; bkg:budgetUnit ?u ; bkg:amount ?amount ; rdfs:label ?name ;\n"
                           "     bkg:expenditureKind ?k ; bkg:fundingSource <https://budgetkg.org/id/funding/total> .\n"
                           "  ?u rdfs:label ?unitName . OPTIONAL { ?x bkg:economicSubject/skos:notation ?code }\n"
                           "  BIND(EXISTS { {doc} bkg:department ?u } AS ?own)\n"
                           "  BIND(REPLACE(STR(?k), \"^.*/\", \"\") AS ?kind)",
                           ("?u", "?unitName", "?own", "?name", "?code", "?kind", "?amount"), order="ORDER BY ?x"),
    # the functional rows of the tables that cover one kind of funds (一般公共预算支出表, 政府性基金
    # 预算支出表): their data set carries the scope
    "scoped": Shape("?x bkg:document {doc} .",
                    "?x <http://purl.org/linked-data/cube#dataSet> ?ds ; bkg:subject ?s ; bkg:expenditureKind ?k ;\n"
                    "     bkg:amount ?amount .\n  ?ds bkg:amountScope ?sc .\n"
                    "  ?s a bkg:FunctionalSubject ; skos:notation ?code .\n" + PHASE + "\n"
                    "  OPTIONAL { ?s skos:prefLabel ?name } OPTIONAL { ?x rdfs:label ?printed }\n"
                    "  BIND(REPLACE(STR(?k), \"^.*/\", \"\") AS ?column) BIND(REPLACE(STR(?sc), \"^.*/\", \"\") AS ?scope)",
                    ("?code", "?name", "?printed", "?column", "?scope", "?amount", "?phase"), order="ORDER BY ?code"),
    "projects": Shape("?x bkg:mentionedIn {doc} .",
                      "?x a bkg:Project ; rdfs:label ?name .\n"
                      "  OPTIONAL { ?x bkg:amount ?amount }\n"
                      "  OPTIONAL { ?x bkg:category ?c . BIND(REPLACE(STR(?c), \"^.*/\", \"\") AS ?category) }\n"
                      "  OPTIONAL { ?x bkg:fundedBy ?f . BIND(REPLACE(STR(?f), \"^.*/\", \"\") AS ?funding) }\n"
                      "  OPTIONAL { ?x bkg:responsibleUnit/rdfs:label ?unit }\n"
                      "  OPTIONAL { ?x bkg:supervisingDepartment/rdfs:label ?supervisor }\n"
                      "  OPTIONAL { ?x bkg:responsiblePerson ?person }\n"
                      "  OPTIONAL { ?x bkg:classifiedAs/skos:notation ?code }\n"
                      "  OPTIONAL { ?x bkg:description ?description }\n"
                      "  OPTIONAL { ?x bkg:executionPeriod ?period }\n"
                      "  OPTIONAL { ?x skos:altLabel ?alias }\n"
                      # a 决算's 绩效自评表: 年初预算数, 全年执行数, 执行率, 自评得分
                      "  OPTIONAL { ?x bkg:initialBudgetAmount ?initial } OPTIONAL { ?x bkg:executedAmount ?executed }\n"
                      "  OPTIONAL { ?x bkg:executionRate ?rate } OPTIONAL { ?x bkg:selfEvaluationScore ?score }\n"
                      # the 其中 lines of its table (财政拨款 / 上年结转 / 其他资金)
                      "  OPTIONAL { ?x bkg:fundsPart ?fp . ?fp bkg:fundingSource ?fs ; bkg:amount ?fundsAmount .\n"
                      "             BIND(REPLACE(STR(?fs), \"^.*/\", \"\") AS ?fundsSource) }",
                      ("?x", "?name", "?amount", "?category", "?funding", "?unit", "?supervisor", "?person", "?code",
                       "?description", "?period", "?alias", "?initial", "?executed", "?rate", "?score",
                       "?fundsSource", "?fundsAmount"), order="ORDER BY DESC(?amount)"),
    "indicators": Shape("?x bkg:document {doc} .",
                        "?x a bkg:PerformanceIndicator ; bkg:measures ?target ; rdfs:label ?name .\n"
                        "  OPTIONAL { ?x bkg:level1 ?level1 } OPTIONAL { ?x bkg:level2 ?level2 }\n"
                        "  OPTIONAL { ?x bkg:target ?goal } OPTIONAL { ?x bkg:weight ?weight }\n"
                        "  OPTIONAL { ?x bkg:indicatorKind ?ik . ?ik bkg:sourceKey ?kind }\n"
                        "  OPTIONAL { ?x bkg:coreIndicator ?core } OPTIONAL { ?x bkg:actualValue ?actual }",
                        ("?x", "?target", "?name", "?level1", "?level2", "?goal", "?weight", "?kind", "?core",
                         "?actual")),
    "policies": Shape("?x bkg:mentionedIn {doc} .",
                      "?x a bkg:Project ; bkg:basedOn ?pol ; rdfs:label ?project .\n"
                      "  OPTIONAL { ?pol dct:title ?title } OPTIONAL { ?pol bkg:documentNumber ?number }\n"
                      "  OPTIONAL { ?x bkg:citation ?cit . ?cit bkg:citedDocument ?pol ; bkg:citedTitle ?cited }",
                      ("?x", "?project", "?pol", "?title", "?number", "?cited"), located=False),
    # the documents a budget cites in its own narrative (根据《…的批复》填列), as well as its projects'
    "document_policies": Shape("?x bkg:document {doc} .",
                               "?x a bkg:Citation ; bkg:citedDocument ?pol .\n"
                               "  OPTIONAL { ?x bkg:citedTitle ?cited } OPTIONAL { ?pol dct:title ?title }\n"
                               "  OPTIONAL { ?pol bkg:documentNumber ?number }",
                               ("?pol", "?title", "?number", "?cited")),
    "staff": Shape("BIND({doc} AS ?x)",
                   "OPTIONAL { ?x bkg:authorizedStaff ?authorizedStaff }\n"
                   "  OPTIONAL { ?x bkg:actualStaff ?actualStaff }\n"
                   "  OPTIONAL { ?x bkg:activeStaff ?activeStaff }\n"
                   "  OPTIONAL { ?x bkg:retiredStaff ?retiredStaff }\n"
                   "  OPTIONAL { ?x bkg:retiredVeteranStaff ?retiredVeteranStaff }\n"
                   "  OPTIONAL { ?x bkg:retireeStaff ?retireeStaff }\n"
                   "  OPTIONAL { ?x bkg:sourceFile ?file }",
                   ("?authorizedStaff", "?actualStaff", "?activeStaff", "?retiredStaff", "?retiredVeteranStaff",
                    "?retireeStaff", "?file"), located=False),
    # vehicles and large equipment a department holds (as of a date) or plans to buy (bkg:AssetHolding)
    "assets": Shape("?x bkg:document {doc} .",
                    "?x a bkg:AssetHolding ; rdfs:label ?name ; bkg:assetKind ?kind ; bkg:planned ?planned .\n"
                    "  OPTIONAL { ?x bkg:assetCount ?count } OPTIONAL { ?x bkg:countUnit ?countUnit }\n"
                    "  OPTIONAL { ?x bkg:asOf ?asOf } OPTIONAL { ?x bkg:valueThreshold ?threshold }\n"
                    "  OPTIONAL { ?x bkg:amount ?value } OPTIONAL { ?x bkg:sharePercent ?share }",
                    # 车辆 3 辆，价值 64.52 万元; 办公家具价值 53.23 万元 (a class by its value alone: no count)
                    ("?x", "?name", "?kind", "?count", "?countUnit", "?planned", "?asOf", "?threshold", "?value",
                     "?share"),
                    order="ORDER BY ?x"),
    # a count of units the 部门概况 states (纳入…编制范围的单位共28个, 下辖区县气象局8个: bkg:UnitCount)
    "unit_counts": Shape("?x bkg:document {doc} .",
                         "?x a bkg:UnitCount ; bkg:unitKind ?kind ; bkg:unitCount ?count ; bkg:countUnit ?countUnit ;\n"
                         "     bkg:coversBudget ?covered . OPTIONAL { ?x bkg:statedSentence ?sentence }\n"
                         "  OPTIONAL { ?x bkg:unitNames ?names }",
                         ("?x", "?kind", "?count", "?countUnit", "?covered", "?sentence", "?names"), order="ORDER BY ?x"),
    # a count of the department's divisions the 部门概况 states where it lists none (32个机关行政科室)
    "division_counts": Shape("?x bkg:document {doc} .",
                             "?x a bkg:DivisionCount ; bkg:unitKind ?kind ; bkg:unitCount ?count ; bkg:countUnit ?countUnit ;\n"
                             "     bkg:coversBudget ?covered . OPTIONAL { ?x bkg:statedSentence ?sentence }",
                             ("?x", "?kind", "?count", "?countUnit", "?covered", "?sentence"), order="ORDER BY ?x"),
    # a staffing count by kind of post (编制数（行政） 199, 实有人数（事业） 11: bkg:StaffCount)
    "staff_kinds": Shape("?x bkg:document {doc} .",
                         "?x a bkg:StaffCount ; rdfs:label ?name ; bkg:staffKind ?kind ; bkg:staffCategory ?category ;\n"
                         "     bkg:headcount ?n .",
                         ("?x", "?name", "?kind", "?category", "?n"), order="ORDER BY ?x"),
    # a staffing count's change from the year before (在职29人，减少3人: bkg:StaffChange, signed)
    "staff_changes": Shape("?x bkg:document {doc} .",
                           "?x a bkg:StaffChange ; rdfs:label ?name ; bkg:staffCategory ?category ;\n"
                           "     bkg:headcountChange ?n .",
                           ("?x", "?name", "?category", "?n"), order="ORDER BY ?x"),
    # what the 绩效目标设置情况 says is under performance-target management (bkg:PerformanceCoverage):
    # the projects (with their count where stated) or the department's whole spending, and the money
    "coverage": Shape("{doc} bkg:statesPerformanceCoverage ?x .",
                      "?x bkg:coverageScope ?scope .\n"
                      "  OPTIONAL { ?x bkg:coveredProjects ?n } OPTIONAL { ?x bkg:amount ?amount }\n"
                      "  OPTIONAL { ?x bkg:coveredFirstLevelProjects ?first }\n"
                      "  OPTIONAL { ?x bkg:coveredSecondLevelProjects ?second }\n"
                      "  OPTIONAL { ?x bkg:sharePercent ?share }\n"
                      "  OPTIONAL { ?x bkg:coveredProjectNames ?named }\n"
                      "  OPTIONAL { ?x rdfs:label ?name }",
                      ("?x", "?scope", "?n", "?amount", "?name", "?first", "?second", "?share", "?named"),
                      order="ORDER BY ?x"),
    # a 决算's 部门整体支出绩效自评 (bkg:DepartmentSelfEvaluation, the table's and the narrative's) and the
    # table's task rows (bkg:SelfEvaluationTask): 全年预算数, 全年执行数, 执行率, 分值, 得分 (``nlp.execute.evaluation_cells``)
    "self_evaluation": Shape("{doc} bkg:statesSelfEvaluation ?e .",
                             "?e bkg:evaluationSource ?source .\n"
                             "  { ?e a bkg:DepartmentSelfEvaluation . BIND(?e AS ?x) }\n"
                             "  UNION { ?e bkg:evaluationTask ?x . BIND(?x AS ?t) }\n"
                             "  OPTIONAL { ?x rdfs:label ?name } OPTIONAL { ?x bkg:amount ?amount }\n"
                             "  OPTIONAL { ?x bkg:executedAmount ?executed } OPTIONAL { ?x bkg:executionRate ?rate }\n"
                             "  OPTIONAL { ?x bkg:selfEvaluationScore ?score } OPTIONAL { ?x bkg:weight ?weight }\n"
                             "  OPTIONAL { ?x bkg:taskStatus ?status } OPTIONAL { ?x bkg:isTotalRow ?total }",
                             ("?x", "?e", "?t", "?source", "?name", "?amount", "?executed", "?rate", "?score", "?weight",
                              "?status", "?total"), order="ORDER BY ?e ?x"),
    # the cells of a functional × economic table (bkg:FunctionalEconomicCell, 北京 预算03表)
    "cross_cells": Shape("?x bkg:document {doc} .",
                         "?x a bkg:FunctionalEconomicCell ; bkg:functionalSubject ?fs ; bkg:economicSubject ?es ;\n"
                         "     bkg:expenditureKind ?k ; bkg:amount ?amount .\n"
                         "  ?fs skos:notation ?fcode . ?es skos:notation ?ecode .\n"
                         "  OPTIONAL { ?fs skos:prefLabel ?fname } OPTIONAL { ?es skos:prefLabel ?ename }\n"
                         "  OPTIONAL { ?x bkg:governmentSubject ?gs . ?gs skos:notation ?gcode }\n"
                         "  BIND(STRAFTER(STR(?k), \"expenditure-kind/\") AS ?column)",
                         ("?x", "?fcode", "?fname", "?ecode", "?ename", "?gcode", "?column", "?amount"),
                         order="ORDER BY ?x"),
    # a 决算's stated 预算 vs 决算 comparison (bkg:BudgetExecution): the subject, both figures, the reason given
    "executions": Shape("{doc} bkg:statesExecution ?x .",
                        "?x bkg:executionSubject ?name ; bkg:budgetAmount ?budget ; bkg:finalAmount ?amount .\n"
                        "  OPTIONAL { ?x bkg:reason ?reason } OPTIONAL { ?x bkg:statedCompletionRate ?rate }",
                        ("?x", "?name", "?budget", "?amount", "?reason", "?rate"), order="ORDER BY ?x"),
    # a figure the narrative states (会议费预算支出1305.25万元: bkg:NarrativeFigure), current or previous year
    "stated": Shape("{doc} bkg:statesFigure ?x .",
                    "?x rdfs:label ?name ; bkg:amount ?amount .\n"
                    "  OPTIONAL { ?x bkg:period ?period } OPTIONAL { ?x bkg:figureTopic ?topic }\n"
                    "  OPTIONAL { ?x bkg:figureKey ?figureKey } OPTIONAL { ?x bkg:partOf ?parent }\n"
                    "  OPTIONAL { ?x bkg:serviceClass ?serviceClass }\n"  # 政府购买服务: the 指导性目录's class
                    "  OPTIONAL { ?x bkg:sharePercent ?share }\n"  # 上年结转结余347.32（0.4%）: the share it prints
                    "  OPTIONAL { ?x bkg:eventDate ?date } OPTIONAL { ?x bkg:eventNames ?events }\n"  # 时间; 拟召开A、B等会议
                    "  OPTIONAL { ?x bkg:statesCount ?c . ?c bkg:countValue ?count ; bkg:countUnit ?countUnit .\n"
                    "             OPTIONAL { ?c rdfs:label ?countLabel } }",  # 人数约400人 printed with the figure
                    ("?x", "?name", "?amount", "?period", "?topic", "?figureKey", "?parent", "?c", "?countLabel", "?count",
                     "?countUnit", "?serviceClass", "?share", "?date", "?events"),
                    order="ORDER BY ?x ?c"),
    # a purchase a 政府采购 table prints item by item (bkg:Purchase): what it is for, the item, its money by source
    "purchases": Shape("{doc} bkg:statesPurchase ?x .",
                       "?x rdfs:label ?name ; bkg:amount ?amount .\n"
                       "  OPTIONAL { ?x bkg:purchaseItem ?item } OPTIONAL { ?x bkg:procurementCategory ?category }\n"
                       "  OPTIONAL { ?x bkg:procurementMethod ?method }\n"
                       "  OPTIONAL { ?x bkg:fundsPart ?fp . ?fp bkg:fundingSource ?fs ; bkg:amount ?fundsAmount .\n"
                       "             BIND(REPLACE(STR(?fs), \"^.*/\", \"\") AS ?fundsSource) }",
                       ("?x", "?name", "?amount", "?item", "?category", "?method", "?fundsSource", "?fundsAmount"),
                       order="ORDER BY DESC(?amount) ?x"),
    "functions": Shape("BIND({doc} AS ?x)", "?x bkg:functions ?functions . OPTIONAL { ?x bkg:sourceFile ?file }",
                       ("?functions", "?file"), located=False),
    "divisions": Shape("?x bkg:mentionedIn {doc} .", "?x a bkg:Division ; rdfs:label ?name .",
                       ("?x", "?name"), located=False, order="ORDER BY ?x"),
    "subordinates": Shape("{doc} bkg:department ?dept .",
                          "?dept org:hasSubOrganization ?x . ?x rdfs:label ?name ; bkg:mentionedIn {doc} .",
                          ("?x", "?name"), located=False, order="ORDER BY ?name"),
    "findings": Shape("{doc} bkg:hasFinding ?x .",
                      "?x bkg:where ?where . OPTIONAL { ?x bkg:rule ?rule } OPTIONAL { ?x bkg:working ?working }\n"
                      "  OPTIONAL { ?x bkg:severity ?severity } OPTIONAL { ?x bkg:place ?place }\n"
                      "  OPTIONAL { ?x bkg:expectedAmount ?expected } OPTIONAL { ?x bkg:printedAmount ?printed }\n"
                      "  OPTIONAL { ?x bkg:expectedPercent ?expected } OPTIONAL { ?x bkg:printedPercent ?printed }\n"
                      "  OPTIONAL { ?x bkg:expectedYear ?expected } OPTIONAL { ?x bkg:printedYear ?printed }\n"
                      "  OPTIONAL { ?x bkg:expectedCount ?expected } OPTIONAL { ?x bkg:printedCount ?printed }",
                      ("?x", "?rule", "?where", "?expected", "?printed", "?working", "?severity", "?place"),
                      order="ORDER BY ?x"),
    "changes": Shape("{doc} bkg:statesChange ?x .",
                     "?x bkg:changeSubject ?subject ; bkg:direction ?direction .\n"
                     "  OPTIONAL { ?x bkg:changeAmount ?amount }\n"
                     "  OPTIONAL { ?x bkg:changePercent ?percent } OPTIONAL { ?x bkg:currentAmount ?current }\n"
                     "  OPTIONAL { ?x bkg:reason ?reason } OPTIONAL { ?x bkg:previousAmount ?previous }\n"
                     "  OPTIONAL { ?x bkg:printedPreviousAmount ?printedPrevious } OPTIONAL { ?x bkg:place ?place }\n"
                     "  OPTIONAL { ?x bkg:comparedWith ?comparedWith } OPTIONAL { ?x bkg:partOfChange ?whole }",
                     ("?x", "?subject", "?direction", "?amount", "?percent", "?current", "?reason", "?previous", "?printedPrevious",
                      "?place", "?comparedWith", "?whole"),
                     order="ORDER BY ?x"),
    # a subject row's year before as its table prints it (bkg:PreviousYearFigure: 2025年执行数 | 增减额 | 增减(%))
    "previous": Shape("{doc} bkg:statesPreviousFigure ?x .",
                      "?x bkg:subject ?s ; bkg:previousKind ?kind . ?s skos:notation ?code .\n"
                      "  OPTIONAL { ?x rdfs:label ?name } OPTIONAL { ?x bkg:previousAmount ?previous }\n"
                      "  OPTIONAL { ?x bkg:currentAmount ?current } OPTIONAL { ?x bkg:changeAmount ?amount }\n"
                      "  OPTIONAL { ?x bkg:direction ?direction } OPTIONAL { ?x bkg:changePercent ?percent }\n"
                      "  OPTIONAL { ?x bkg:previousYear ?previousYear } OPTIONAL { ?x bkg:excludedPart ?excluding }\n"
                      "  OPTIONAL { ?x bkg:amountScope ?sc . BIND(REPLACE(STR(?sc), \"^.*/\", \"\") AS ?scope) }",
                      ("?x", "?code", "?name", "?kind", "?previous", "?current", "?amount", "?direction", "?percent",
                       "?previousYear", "?excluding", "?scope"), order="ORDER BY ?code ?x"),
    "definitions": Shape("{doc} bkg:defines ?x .", "?x bkg:term ?term ; bkg:definitionText ?text .",
                         ("?term", "?text"), located=False),
}


@dataclass
class Query:
    """One SPARQL text and the budget document it is anchored on (None: the whole graph)."""

    focus: str
    text: str
    doc: str | None = None


@dataclass
class Constraints:
    """What the filters of a frame compile to, per focus (all optional)."""

    items: list[str] = field(default_factory=list)  # measure keys of bkg:BudgetItem
    scheme: str | None = None  # functional | economic | government_economic (政府预算支出经济分类, 5xx)
    code_prefix: str | None = None
    code_length: int | None = None
    columns: list[str] = field(default_factory=list)
    projects: list[str] = field(default_factory=list)  # project IRIs
    category: list[str] = field(default_factory=list)
    funding: list[str] = field(default_factory=list)
    person: str | None = None
    unit: str | None = None  # the IRI of a project's 实施单位 / 承担单位
    policy: str | None = None
    project_code_prefix: str | None = None
    bound: tuple[str, Decimal, Decimal | None] | None = None
    indicator_target: str | None = None  # an IRI: a project, or the department itself
    indicator_kinds: list[str] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)
    descending: bool = True
    # figures and subject rows of these phases besides the document's own (a 决算's 预算数 columns)
    phases: list[str] = field(default_factory=list)
    amount_scope: str | None = None  # subject rows of the table of one kind of funds, not the document's own


def _in(var: str, terms: list[str]) -> str:
    """``FILTER(?var = t)`` for one value, ``FILTER(?var IN (…))`` for several (terms escaped)."""
    if len(terms) == 1:
        return f"  FILTER(sameTerm({var}, {terms[0]}))\n"
    return f"  FILTER({var} IN ({', '.join(terms)}))\n"


def _values(var: str, terms: list[str]) -> str:
    """``VALUES ?var { … }``: the rows whose ``var`` is one of ``terms`` — what ``_in`` keeps where
    ``var`` is bound by a required pattern, written so oxigraph joins on the values instead of
    filtering after the group's OPTIONALs (a project's citations in one document: 0.54 s a query at
    10,000 documents with the FILTER, under 1 ms with VALUES)."""
    return f"  VALUES {var} {{ {' '.join(terms)} }}\n"


def joins_items(focus: str, c: Constraints | None, doc: str | None) -> bool:
    """Whether the query ``build`` writes for ``focus`` under ``c`` anchored on ``doc`` (None: every
    document) reads several items as a ``VALUES ?item`` join: its rows come grouped by item, where a
    FILTER read them document by document (``nlp.graph.Graph.rows`` groups them by document again)."""
    return focus == "figures" and doc is None and c is not None and len(c.items) > 1


def _constraint_text(focus: str, c: Constraints, store_wide: bool = False) -> str:
    """The filters of ``c`` in the pattern language of ``focus``; ``store_wide``: the query reads
    every document (its document a variable)."""
    out = ""
    if focus == "figures" and c.items:
        items = [iri(str(iris.item(k))) for k in c.items]
        # several items over every document: joined on their values, looked up by item — the FILTER
        # read every figure of every budget first (财政拨款's three parts at 10,000 documents: 51 s of
        # CPU, 1.3 s as VALUES; the same rows, grouped by item where the FILTER grouped them by
        # document). Anchored on one document the FILTER stays: that document's figures are few.
        out += _values("?item", items) if store_wide and joins_items(focus, c, None) else _in("?item", items)
    if focus in ("subjects", "income", "scoped"):
        if c.code_prefix:
            out += f"  FILTER(STRSTARTS(STR(?code), {literal(c.code_prefix)}))\n"
        if c.code_length:
            out += f"  FILTER(STRLEN(STR(?code)) = {integer(c.code_length)})\n"
        if c.columns:
            out += _in("?k", [iri(str(iris.expenditure_kind(k))) for k in c.columns])
    if focus in ("projects", "policies"):
        if c.projects and focus == "policies":
            out += _values("?x", [iri(p) for p in c.projects])
        elif c.projects:
            out += _in("?x", [iri(p) for p in c.projects])
        if c.category:
            out += "  ?x bkg:category ?cat .\n" + _in("?cat", [iri(str(iris.category(k))) for k in c.category])
        if c.funding:
            out += "  ?x bkg:fundedBy ?fund .\n" + _in("?fund", [iri(str(iris.funding_source(k))) for k in c.funding])
        if c.person:
            out += f"  ?x bkg:responsiblePerson {literal(c.person)} .\n"
        if c.unit:
            out += f"  ?x bkg:responsibleUnit {iri(c.unit)} .\n"
        if c.policy and focus == "projects":
            out += f"  ?x bkg:basedOn {iri(c.policy)} .\n"
        if c.project_code_prefix:
            out += ("  ?x bkg:classifiedAs/skos:notation ?pcode .\n"
                    f"  FILTER(STRSTARTS(STR(?pcode), {literal(c.project_code_prefix)}))\n")
        if c.bound and focus == "projects":
            op, low, high = c.bound
            if op == "between" and high is not None:
                out += f"  FILTER(?amount >= {dec_term(low)} && ?amount <= {dec_term(high)})\n"
            elif op in (">", ">=", "<", "<="):
                out += f"  FILTER(?amount {op} {dec_term(low)})\n"
    if focus == "indicators":
        if c.indicator_target:
            out += _in("?target", [iri(c.indicator_target)])
        if c.indicator_kinds:
            out += ("  ?x bkg:indicatorKind ?want . ?want bkg:sourceKey ?wantKey .\n"
                    + _in("?wantKey", [literal(k) for k in c.indicator_kinds]))
    if focus == "definitions" and c.terms:
        out += _in("?term", [literal(t) for t in c.terms])
    return out


# Above this many documents one query reads them all (its document a variable, the rows kept by
# the caller) instead of one query per document: fewer round trips, and no VALUES join. Only while
# the documents asked are a large share of the graph's (more than 1 in ``MANY_SHARE``): a query
# over every document of a large graph reads every document's rows to keep a few (a department's
# five years in a graph of 1,000 documents: 4,000 rows and 10 s, against five anchored queries of
# a few milliseconds each).
MANY_DOCUMENTS = 4
MANY_SHARE = 8


def build(focus: str, docs: list[str], c: Constraints | None = None, graph_documents: int | None = None) -> list[Query]:
    """The queries that read the rows of ``focus`` from the budget documents ``docs`` under the
    constraints ``c``: one per document, each anchored on the document's IRI (one query with the
    document a variable where there are more than ``MANY_DOCUMENTS``). A project query with named
    projects and no documents reads those projects wherever they are. ``graph_documents``: how
    many budget documents the graph holds (``MANY_SHARE``; unknown: one query above
    ``MANY_DOCUMENTS``)."""
    c = c or Constraints()
    shape = SHAPES[focus]
    scheme = {"functional": "bkg:FunctionalSubject", "economic": "bkg:EconomicSubject",
              "government_economic": "bkg:GovernmentEconomicSubject"}.get(c.scheme or "functional")
    select = ("?doc",) + shape.select + (LOCATION_VARS if shape.located else ())
    body = shape.body.replace("{scheme}", scheme)
    if focus == "figures" and len(c.items) == 1:  # one figure: its item bound in the pattern itself
        item = iri(str(iris.item(c.items[0])))
        body = body.replace("bkg:item ?item", f"bkg:item {item}") + f"\n  BIND({item} AS ?item)"
        c = Constraints(**{**c.__dict__, "items": []})
    if focus == "subjects" and c.amount_scope:  # the rows of that kind of funds' table instead of the own ones
        body = body.replace(_OWN_ROWS, f"  ?x <http://purl.org/linked-data/cube#dataSet>/bkg:amountScope "
                                       f"{iri(str(iris.amount_scope(c.amount_scope)))} .\n")
    targets: list[str | None] = list(docs) if docs else ([None] if focus in ("projects", "policies") and
                                                          (c.projects or c.policy) else [])
    if len(targets) > MANY_DOCUMENTS and (graph_documents is None or len(targets) * MANY_SHARE > graph_documents):
        targets = [None]
    constraints = _constraint_text(focus, c, store_wide=targets == [None])
    if focus == "projects" and c.bound:  # an amount bound keeps only projects with an amount: required
        body = body.replace("OPTIONAL { ?x bkg:amount ?amount }", "?x bkg:amount ?amount .")
    if focus in ("projects", "policies") and constraints:
        # the constraints' patterns among the required ones, before the OPTIONALs: after them the
        # optional attributes of every project of the graph were read before the constraint kept a
        # few (same rows: the constraints share no variable with the OPTIONALs but ?x)
        head, sep, rest = body.partition("\n  OPTIONAL")
        if sep:
            body, constraints = head + "\n" + constraints.rstrip("\n") + sep + rest, ""
    order = shape.order
    if focus in ("projects", "subjects", "figures") and not c.descending and "DESC(?amount)" in order:
        order = "ORDER BY ?amount"
    queries: list[Query] = []
    for doc in targets:
        if doc is None:
            anchor = shape.anchor.replace("{doc}", "?doc") if "BIND(" not in shape.anchor else "?x a bkg:BudgetDocument ."
            anchor = anchor.replace("BIND(?doc AS ?x)", "")
            if shape.anchor.startswith("BIND("):  # the document itself is the row
                anchor = "?x a bkg:BudgetDocument . BIND(?x AS ?doc)"
            bind = ""
            body_doc = body.replace("{doc}", "?doc")
        else:
            ref = iri(doc)
            anchor = shape.anchor.replace("{doc}", ref)
            bind = f"  BIND({ref} AS ?doc)\n"
            body_doc = body.replace("{doc}", ref)
        text = (PREFIXES + f"SELECT {' '.join(select)} WHERE {{\n{bind}  {anchor}\n  "
                + body_doc + "\n" + constraints
                + (LOCATION + "\n" if shape.located else "") + "}" + (f"\n{order}" if order else ""))
        queries.append(Query(focus, text, doc))
    return queries
