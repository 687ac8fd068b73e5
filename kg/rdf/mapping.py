"""One Record -> the triples of its named graph.

Why one function per kind of fact: each block (document, department, subjects, observations,
projects, flows, indicators, policy documents, findings) is small and testable, and every node it
makes is keyed by a stable IRI (``iris.py``), so mapping the same record twice gives the same
graph. Amounts are written in 万元 (converted exactly from 元); the printed figure and unit stay
on the node's source location (PROV). Every literal passes the privacy filter.
"""
from __future__ import annotations

import dataclasses
import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, RDF, RDFS, SKOS, XSD

from kg.units import convert
from kg.extract.model import Check, Indicator, PolicyDocument, Project, ProjectFunds, Provenance, Record, UNIT_FUND_LINES, CARRYOVER_BY_SOURCE
from kg.extract.places import section_at, table_titles
from kg.rdf import iris
from kg.extract.targets import parse_target  # noqa: F401  (one reading of a target's figure, also the records')
from kg.extract.text_normalize import merged_policy_keys
from kg.rdf.concepts import match_indicator_kinds
from kg.rdf.flows import SHARES, FlowPlan, Node, plan_flows, reserve_fact
from kg.rdf.subject_schemes import SubjectConcept, economic_concept, functional_concept, under
from kg.rdf.policy import facts as policy_facts, issued_year
from kg.rdf.topics import topic_evidence
from kg.vocabulary.namespaces import BKG, QB, Terms, bind_all
from kg.rdf.narrative import map_narrative
from kg.rdf.evaluation_cells import map_evaluation_cells
from kg.rdf.privacy import scrub

# Each term made once (``Terms``): the blocks below name a term for every triple they write.
BKG, QB, DCTERMS, ORG, PROV, RDF, RDFS, SKOS, XSD = (Terms(ns) for ns in (BKG, QB, DCTERMS, ORG, PROV, RDF, RDFS,
                                                                          SKOS, XSD))

WAN = "万元"
CNY = URIRef("http://publications.europa.eu/resource/authority/currency/CNY")

# Totals keys that are income from a funding source: they become source -> department flows.
INCOME_SOURCES = ("general_public_budget", "upper_level_transfer", "government_fund", "state_capital",
                  "unit_funds", "carryover_fiscal", "carryover_nonfiscal")
TOTAL_KEYS = ("income_total", "expenditure_total", "current_year_income", "general_public_budget",
              "upper_level_transfer", "government_fund", "state_capital", "unit_funds",
              "carryover_total", "carryover_fiscal", "carryover_nonfiscal", "basic_expenditure",
              "personnel", "public_expenses", "project_expenditure", "operating_expenses",
              # the spending side of a 决算's 收入支出决算总表: what was spent this year, carried
              # forward and distributed
              "current_year_expenditure", "carryover_year_end", "surplus_distribution",
              "carryover_year_end_fiscal", "carryover_year_end_nonfiscal",
              # 单位资金 line by line where the summary table prints its lines
              *UNIT_FUND_LINES,
              # 上年结转结余 by the kind of funds carried over
              *CARRYOVER_BY_SOURCE.values(),
              # the year's own 财政拨款 (the 财政拨款收支总表's 本年收入)
              "fiscal_current_year")
THREE_PUBLIC_KEYS = ("total", "overseas", "reception", "vehicles", "vehicle_purchase", "vehicle_operation",
                     "meetings", "training", "with_meetings_training")  # the last three: columns beside the 三公
PROCUREMENT_KEYS = ("total", "goods", "works", "services")


def to_wan(value: Decimal, unit: str | None) -> Decimal:
    """A figure in the document's unit -> 万元, exactly (``kg.units.convert``)."""
    return convert(value, unit or WAN, WAN)


def decimal_literal(value: Decimal) -> Literal:
    """xsd:decimal in plain positional notation (never an exponent), as many places as needed."""
    text = format(value, "f")
    if "." not in text:  # "2.0", not "2": Virtuoso stores a point-less decimal as an integer
        text += ".0"
    return _decimal_of_text(text)


@lru_cache(maxsize=1 << 16)
def _decimal_of_text(text: str) -> Literal:
    """Keyed by the text, never by the Decimal: 1.0 and 1.00 are equal Decimals but other literals."""
    return Literal(text, datatype=XSD.decimal)


@lru_cache(maxsize=1 << 12)
def integer_literal(value: int) -> Literal:
    """xsd:integer (page and line numbers, counts, levels: they repeat across a document)."""
    return Literal(int(value))


def printed(value: Decimal | None) -> str | None:
    """The figure as printed, every digit kept (北京's 44169.357532)."""
    if value is None:
        return None
    from kg.extract.text_normalize import exact_money

    return exact_money(value)


def phase_key(kind: str | None) -> str:
    return "final_account" if kind and "决算" in kind else "budget"


def policy_issued_year(number: str | None) -> int | None:
    """The year a 文号 (or a standard's number) gives; see ``kg.rdf.policy``."""
    return issued_year(number)


@dataclass
class _Context:
    """What one record's mapping writes into: ``triples``, an insertion-ordered set (a dict's keys)
    of rdflib term tuples. Not an rdflib ``Graph``: its indexes and events cost ≈ 30 µs a triple,
    most of the mapping's time, and nothing here queries the triples but one pass in ``_flows``."""

    record: Record
    triples: dict[tuple, None]
    doc: URIRef
    dept: URIRef | None
    year: URIRef | None
    phase: URIRef
    policy_keys: dict[str, str]  # title-only policy key -> the numbered key of the same title
    dataset: URIRef  # department-level figures (bkg:budgetStructure)
    classification: URIRef  # cells of classification tables (bkg:classificationStructure)
    # (functional?, code) -> the name the document prints for it: a parent code or a project's
    # functional code resolves to the same concept as its printed row (kg.rdf.subject_schemes)
    printed_subjects: dict[tuple[bool, str], str] = field(default_factory=dict)
    locations: set[URIRef] = field(default_factory=set)  # the source locations written (``_location``)
    titles: dict[str, str] | None = None  # each table's printed title by its label (``_location``)

    def add(self, s, p, o) -> None:
        if o is None:
            return
        if isinstance(o, Literal) and o.datatype in (None, XSD.string) and isinstance(o.value, str):
            o = _plain_text(str(o), o.language)
            if o is None:
                return
        self.triples[(s, p, o)] = None

    def text(self, s, p, value: str | None) -> None:
        if value:
            if type(value) is str:  # the common case, without a Literal made and scrubbed per call
                o = _plain_text(value, None)
                if o is not None:
                    self.triples[(s, p, o)] = None
            else:
                self.add(s, p, Literal(value))

    def money(self, s, p, value: Decimal | None) -> None:
        if value is not None:
            self.add(s, p, decimal_literal(to_wan(value, self.record.unit)))


@lru_cache(maxsize=1 << 16)
def _plain_text(text: str, language: str | None) -> Literal | None:
    """A text as the graph holds it: phone numbers scrubbed (``kg.rdf.privacy``), None when
    nothing is left, a plain literal (an xsd:string is written without its datatype). Cached:
    labels, units, files and table names repeat on every observation of a document."""
    text = scrub(text)
    if not text:
        return None
    return Literal(text, lang=language) if language else Literal(text)


def document_iri(record: Record) -> URIRef:
    """The IRI of a record's budget document, which is also its named graph."""
    return iris.document(record.department, record.year, record.kind, record.source)


def record_to_graph(record: Record) -> tuple[URIRef, Graph]:
    """Map one record; returns (graph IRI, an rdflib Graph of its triples, prefixes bound). Pure:
    touches no store. For writing to a store, ``record_triples`` is the same without the Graph."""
    doc, triples = record_triples(record)
    g = Graph()
    bind_all(g)
    g.addN((s, p, o, g) for s, p, o in triples)
    return doc, g


def record_triples(record: Record) -> tuple[URIRef, list[tuple]]:
    """Map one record; returns (graph IRI, its triples, each once, as tuples of rdflib terms).
    Pure: touches no store. What the bulk loader and the N-Quads shards write."""
    doc = document_iri(record)
    ctx = _Context(record=record, triples={}, doc=doc,
                   dept=iris.department(record.department) if record.department else None,
                   year=iris.year(record.year) if record.year else None,
                   phase=iris.phase(phase_key(record.kind)),
                   policy_keys=merged_policy_keys([*record.policy_documents,
                                                   *(d for p in record.projects for d in p.policy_documents)]),
                   dataset=iris.inside(doc, "dataset"),
                   classification=iris.inside(doc, "dataset", "classification"),
                   printed_subjects=_printed_subjects(record))
    _document(ctx)
    _department(ctx)
    _totals(ctx)
    _subject_rows(ctx)
    _income_rows(ctx)
    _unit_income_rows(ctx)
    _unit_expenditure_rows(ctx)
    _unit_three_public_rows(ctx)
    _unit_economic_rows(ctx)
    _purchased_services(ctx)
    _procurement_items(ctx)
    _government_economic_rows(ctx)
    policies = _policies(ctx)
    _projects(ctx, policies)
    _department_indicators(ctx)
    _phased(ctx)
    plan = _flows(ctx)
    _findings(ctx, plan.checks)
    _definitions(ctx)
    _changes(ctx)
    _executions(ctx)
    map_narrative(ctx)
    map_evaluation_cells(ctx)
    return doc, list(ctx.triples)


# ------------------------------------------------------------------------------------ blocks

def _location(ctx: _Context, node: URIRef, prov: Provenance | None, value: Decimal | None = None,
              own: int | None = None) -> URIRef:
    """``node`` was printed at a SourceLocation: file, page/line, table, row and the unit the row is
    printed in. One location per (file, page, line, table, row, unit) of the document, shared by
    every fact of that row (a classification row's cells, a flow and the observation it carries):
    its seven triples are written once, not once per fact. What differs between the facts of one
    row — the figure as the page prints it — stays on the fact: ``node bkg:printedValue``.
    ``own``: the index of a location of the fact's own (``iris.own_location``), for a fact printed in several places (a
    project: its table row, its 说明, its performance sheet): the question service cites the first
    location the store returns, and the store orders a fact's locations by their IRIs, so these keep
    the IRIs they had (issue 12f left their citations unchanged; which place to cite is not decided
    by the graph — see bench/RESULTS.md)."""
    unit = ((prov.printed_unit(ctx.record.unit) if prov else ctx.record.unit) or WAN) if value is not None else None
    file = prov.file if prov else ctx.record.source
    key = (file, prov.page, prov.line, prov.table, prov.row, unit) if prov else (file, None, None, None, None, unit)
    loc = iris.own_location(node, own) if own is not None else iris.source_location(ctx.doc, key)
    if loc not in ctx.locations:
        ctx.locations.add(loc)
        ctx.add(loc, RDF.type, BKG.SourceLocation)
        ctx.add(loc, BKG.document, ctx.doc)
        ctx.text(loc, BKG.sourceFile, file)
        if prov:
            if prov.page is not None:
                ctx.add(loc, BKG.page, integer_literal(prov.page))
            if prov.line is not None:
                ctx.add(loc, BKG.line, integer_literal(prov.line))
            ctx.text(loc, BKG.table, prov.table)
            if prov.table:  # the table's printed title beside its label (公开09表: 一般公共预算财政拨款…决算表)
                if ctx.titles is None:
                    ctx.titles = table_titles(ctx.record)
                ctx.text(loc, BKG.tableTitle, ctx.titles.get(prov.table))
            if not prov.table or prov.table.startswith("说明"):  # a line of the 说明: the headings above it
                ctx.text(loc, BKG.section, section_at(ctx.record.sections, file, prov.line))
            ctx.text(loc, BKG.row, prov.row)
        ctx.text(loc, BKG.printedUnit, unit)
    if value is not None:  # as the page prints it: in the table's own unit where it has one
        ctx.text(node, BKG.printedValue, printed(convert(value, ctx.record.unit or WAN, unit)))
    ctx.add(node, PROV.wasDerivedFrom, loc)
    return loc


def _year_node(ctx: _Context, y: int) -> URIRef:
    node = iris.year(y)
    ctx.add(node, RDF.type, BKG.FiscalYear)
    ctx.add(node, BKG.year, integer_literal(y))
    ctx.add(node, RDFS.label, Literal(f"{int(y)}年"))
    return node


def _department_node(ctx: _Context, name: str, own: bool = False) -> URIRef:
    """The node of a department a document names (a subordinate unit, a project's 实施单位). Where it
    is the document's own department under another printed form (长春市信访局 in a table of
    长春市信访局（本级）), only its other names are added: its label stays the one the document's
    title gives it, so one department never carries two labels. ``own``: the document's department
    itself, named by its title."""
    node = iris.department(name)
    names = iris.department_names(name)
    ctx.add(node, RDF.type, BKG.Department)
    ctx.add(node, RDF.type, ORG.FormalOrganization)
    if own or node != ctx.dept:
        ctx.text(node, RDFS.label, names[0])
    for alias in names:
        ctx.text(node, SKOS.altLabel, alias)
    ctx.text(node, BKG.key, iris.department_key(name))
    ctx.add(node, BKG.mentionedIn, ctx.doc)
    return node


def _document(ctx: _Context) -> None:
    r, doc = ctx.record, ctx.doc
    ctx.add(doc, RDF.type, BKG.BudgetDocument)
    label = f"{r.department or r.source}{f'{r.year}年' if r.year else ''}{r.kind or ''}"
    ctx.text(doc, RDFS.label, label)
    ctx.text(doc, DCTERMS.title, label)
    ctx.text(doc, BKG.documentKind, r.kind)
    ctx.text(doc, BKG.printedUnit, r.unit)
    ctx.add(doc, BKG.budgetPhase, ctx.phase)
    for name in dict.fromkeys([r.source, *r.files]):
        ctx.text(doc, BKG.sourceFile, name)
    if r.year:
        ctx.add(doc, BKG.fiscalYear, _year_node(ctx, r.year))
    if ctx.dept:
        ctx.add(doc, BKG.department, ctx.dept)
    ctx.add(doc, BKG.checkCount, Literal(len(r.checks)))
    _data_set(ctx, ctx.dataset, BKG.budgetStructure, f"{label} 预算数据")
    _data_set(ctx, ctx.classification, BKG.classificationStructure, f"{label} 分类数据")


def _department(ctx: _Context) -> None:
    r = ctx.record
    if not r.department:
        return
    dept = _department_node(ctx, r.department, own=True)
    s = r.profile.staffing
    for prop, value in ((BKG.authorizedStaff, s.authorized), (BKG.actualStaff, s.actual),
                        (BKG.activeStaff, s.active), (BKG.retiredStaff, s.retired),
                        (BKG.retiredVeteranStaff, s.retired_veteran)):
        if value is not None:
            ctx.add(ctx.doc, prop, Literal(int(value)))
    ctx.text(ctx.doc, BKG.functions, r.profile.functions)
    for name in r.profile.divisions:
        unit = iris.division(r.department, name)
        ctx.add(unit, RDF.type, BKG.Division)
        ctx.add(unit, RDF.type, ORG.OrganizationalUnit)
        ctx.text(unit, RDFS.label, iris.compact(name))
        ctx.add(unit, ORG.unitOf, dept)
        ctx.add(dept, ORG.hasUnit, unit)
        ctx.add(unit, BKG.mentionedIn, ctx.doc)
    for name in r.profile.subordinate_units:
        sub = _department_node(ctx, name)
        ctx.add(dept, ORG.hasSubOrganization, sub)


def _observation(ctx: _Context, node: URIRef, value: Decimal, prov: Provenance | None,
                 phase: URIRef | None = None, cell: bool = False, dataset: URIRef | None = None) -> None:
    """One figure; ``cell``: a classification-table cell (its own data set and structure);
    ``dataset``: another data set than the document's (a scoped table's cells)."""
    ctx.add(node, RDF.type, QB.Observation)
    ctx.add(node, QB.dataSet, dataset or (ctx.classification if cell else ctx.dataset))
    ctx.add(node, BKG.document, ctx.doc)
    if ctx.dept:
        ctx.add(node, BKG.department, ctx.dept)
    if ctx.year:
        ctx.add(node, BKG.fiscalYear, ctx.year)
    ctx.add(node, BKG.budgetPhase, phase or ctx.phase)
    ctx.money(node, BKG.amount, value)
    _location(ctx, node, prov, value)


def _data_set(ctx: _Context, node: URIRef, structure: URIRef, label: str) -> URIRef:
    """A qb:DataSet of the document with its structure, and the measure's attributes stated once on
    it (``_measure``): the structures attach unit, currency and multiplier at the data set
    (``qb:componentAttachment qb:DataSet``), so each observation has them through its data set
    instead of restating three triples."""
    ctx.add(node, RDF.type, QB.DataSet)
    ctx.add(node, QB.structure, structure)
    ctx.add(node, BKG.document, ctx.doc)
    ctx.text(node, RDFS.label, label)
    _measure(ctx, node)
    return node


def _measure(ctx: _Context, node: URIRef) -> None:
    """The measure's attributes: 万元 as text (older queries read it), the currency CNY and the
    unit multiplier 4 (10⁴ yuan), as Data Cube / OpenBudgets.eu attributes; on a data set (all its
    observations) or on a funding flow."""
    for p, o in _MEASURE:
        ctx.add(node, p, o)


_MEASURE = ((BKG.unitOfMeasure, Literal(WAN)), (BKG.currency, CNY), (BKG.unitMultiplier, Literal(4)))


def _totals(ctx: _Context) -> None:
    t = ctx.record.totals
    figures: list[tuple[str, Decimal | None]] = [(k, getattr(t, k)) for k in TOTAL_KEYS]
    figures += [(f"three_public.{k}", getattr(t.three_public, k)) for k in THREE_PUBLIC_KEYS]
    figures += [(f"procurement.{k}", getattr(t.procurement, k)) for k in PROCUREMENT_KEYS]
    for key, value in figures:
        if value is None:
            continue
        obs = iris.inside(ctx.doc, "obs", "item", key)
        _observation(ctx, obs, value, t.provenance.get(key))
        ctx.add(obs, BKG.item, iris.item(key))
        if key in INCOME_SOURCES:
            ctx.add(obs, BKG.fundingSource, iris.funding_source(key))
    reserve = reserve_fact(ctx.record)
    if reserve is not None:  # 单位预留机动经费: a part of 支出总计 the 说明 states (Jiangsu), no table prints
        obs = iris.inside(ctx.doc, "obs", "item", "reserve")
        _observation(ctx, obs, reserve.value, reserve.provenance)
        ctx.add(obs, BKG.item, iris.item("reserve"))


# a record's phase names -> the phase concepts of the graph
PHASE_CONCEPTS = {"budget": "budget", "initial_budget": "initial_budget", "adjusted_budget": "adjusted_budget",
                  "final": "final_account"}


def _phased(ctx: _Context) -> None:
    """The figures a 决算 prints for its other phases (预算数, 年初预算数, 调整预算数), each an
    observation of its own phase: the document's own phase is the record's other figures."""
    own = phase_key(ctx.record.kind)
    in_totals = {*TOTAL_KEYS, *(f"three_public.{k}" for k in THREE_PUBLIC_KEYS),
                 *(f"procurement.{k}" for k in PROCUREMENT_KEYS)}
    for figure in ctx.record.phased:
        phase = PHASE_CONCEPTS.get(figure.phase)
        parts = figure.key.split(".")
        cell = len(parts) == 3 and parts[1].isdigit()
        # the document's own phase is its other figures already (totals, subject rows); an item
        # only a phased statement gives (a 决算's stated 财政拨款支出) is mapped in every phase
        if figure.value is None or phase is None or (phase == own and (cell or figure.key in in_totals)):
            continue
        obs = iris.inside(ctx.doc, "obs", "phase", phase, *parts)
        _observation(ctx, obs, figure.value, figure.provenance, iris.phase(phase), cell)
        if cell:  # {table kind}.{subject code}.{column}
            ctx.add(obs, BKG.subject, _subject_node(ctx, parts[1], None, True))
            ctx.add(obs, BKG.expenditureKind, iris.expenditure_kind(parts[2]))
        else:
            ctx.add(obs, BKG.item, iris.item(figure.key))


def _executions(ctx: _Context) -> None:
    """The narrative's stated 预算 vs 决算 comparisons: both figures, the budget's phase, the rate
    as printed and recomputed (Decimal), the reason, the functional row where one is named. The
    row's figures are phased observations too (``_phased``): this node keeps what ties them."""
    for i, execution in enumerate(ctx.record.executions):
        if execution.budget is None or execution.final is None:
            continue
        node = iris.inside(ctx.doc, "execution", str(i))
        ctx.add(node, RDF.type, BKG.BudgetExecution)
        ctx.add(ctx.doc, BKG.statesExecution, node)
        ctx.add(node, BKG.document, ctx.doc)
        if ctx.year:
            ctx.add(node, BKG.fiscalYear, ctx.year)
        ctx.text(node, BKG.executionSubject, execution.subject)
        if execution.code:
            ctx.add(node, BKG.subject, _subject_node(ctx, execution.code, None, True))
        phase = PHASE_CONCEPTS.get(execution.budget_phase, "initial_budget")
        ctx.add(node, BKG.budgetPhase, iris.phase(phase))
        ctx.money(node, BKG.budgetAmount, execution.budget)
        ctx.money(node, BKG.finalAmount, execution.final)
        if execution.rate is not None:
            ctx.add(node, BKG.statedCompletionRate, decimal_literal(execution.rate))
        computed = execution.computed_rate()
        if computed is not None:
            ctx.add(node, BKG.completionRate, decimal_literal(computed))
        ctx.text(node, BKG.reason, execution.reason)
        _location(ctx, node, execution.provenance, execution.final)


def _subject_concept(ctx: _Context, code: str, name: str | None, functional: bool) -> SubjectConcept:
    """The concept of a subject code as this document prints it (``kg.rdf.subject_schemes``), in
    its parent's scheme where the parent is of an earlier version or the unit's own."""
    code = iris.compact(code)
    printed = name or ctx.printed_subjects.get((functional, code))
    concept = (functional_concept if functional else economic_concept)(code, printed, ctx.record.year)
    parent = iris.parent_code(code)
    if parent:
        concept = under(_subject_concept(ctx, parent, None, functional), concept, code)
    return concept


def _subject_node(ctx: _Context, code: str, name: str | None, functional: bool) -> URIRef:
    """The concept of a subject code as this document prints it: national (of the document's
    year) or the unit's own (``kg.rdf.subject_schemes``), with its parents."""
    code = iris.compact(code)
    concept = _subject_concept(ctx, code, name, functional)
    node = concept.iri
    ctx.add(node, RDF.type, BKG.FunctionalSubject if functional else BKG.EconomicSubject)
    ctx.add(node, RDF.type, SKOS.Concept)
    ctx.add(node, SKOS.inScheme, concept.scheme)
    ctx.add(node, SKOS.notation, Literal(code))
    level = {3: 1, 5: 2, 7: 3}.get(len(code))
    if level:
        ctx.add(node, BKG.level, Literal(level))
    ctx.text(node, SKOS.prefLabel, concept.label)
    ctx.text(node, SKOS.altLabel, concept.alt_label)
    ctx.add(node, SKOS.closeMatch, concept.close_match)
    parent = iris.parent_code(code)
    if parent:
        ctx.add(node, SKOS.broader, _subject_node(ctx, parent, None, functional))
    return node


def _named_subject_node(ctx: _Context, row) -> URIRef | None:
    """The concept of a functional row printed without a code (a names-only table's 款 or 项, placed
    by its indentation): no code is known, so it has none — it is its path of names under its 类
    (``iris.named_subject``, scheme ``functional-named``), its level and its parent (the 类's national
    concept, or the 款 it stands under). None where its 类 is not known."""
    from kg.extract.profiles.vocabulary import functional_class_code

    path = (*row.path, row.name)
    class_code = functional_class_code(path[0])
    if class_code is None or len(path) < 2:
        return None
    node = iris.named_subject("functional", class_code, "/".join(path))
    ctx.add(node, RDF.type, BKG.FunctionalSubject)
    ctx.add(node, RDF.type, SKOS.Concept)
    ctx.add(node, SKOS.inScheme, iris.scheme("functional-named"))
    ctx.add(node, BKG.level, Literal(len(path)))
    ctx.text(node, SKOS.prefLabel, row.name)
    parent = (_subject_node(ctx, class_code, None, True) if len(path) == 2
              else _named_subject_node(ctx, dataclasses.replace(row, path=tuple(path[:-2]), name=path[-2])))
    if parent is not None:
        ctx.add(node, SKOS.broader, parent)
    return node


def _row_subject(ctx: _Context, row, name: str | None, functional: bool) -> URIRef | None:
    """A classification row's subject concept: by its code, or by its path where it has none."""
    if row.code:
        return _subject_node(ctx, row.code, name, functional)
    return _named_subject_node(ctx, row) if functional and getattr(row, "path", ()) else None


def _printed_subjects(record: Record) -> dict[tuple[bool, str], str]:
    out: dict[tuple[bool, str], str] = {}
    rows = [(True, r) for r in record.functional_subjects] + [(False, r) for r in record.economic_subjects]
    for functional, r in rows:
        if r.name and r.code:
            out.setdefault((functional, iris.compact(r.code)), r.name)
    return out


def _subject_rows(ctx: _Context) -> None:
    """One observation per printed figure of every functional (合计/基本/项目) and economic
    (合计/人员/公用) row, linked to its subject concept."""
    tables = (
        ("functional", True, ("total", "basic", "project", "personnel", "public"), ctx.record.functional_subjects),
        ("economic", False, ("total", "personnel", "public"), ctx.record.economic_subjects),
    )
    for scheme, functional, kinds, rows in tables:
        for row, key in zip(rows, _row_keys(rows)):
            subj = _row_subject(ctx, row, row.name, functional)
            if subj is None:
                continue
            for kind in kinds:
                value = getattr(row, kind)
                if value is None:
                    continue
                obs = iris.inside(ctx.doc, "obs", scheme, key, kind)
                _observation(ctx, obs, value, row.provenance, cell=True)
                ctx.add(obs, BKG.subject, subj)
                ctx.add(obs, BKG.expenditureKind, iris.expenditure_kind(kind))
                ctx.text(obs, RDFS.label, row.name)  # the name this document prints for the code
                if not functional:
                    _paired_government(ctx, obs, row)
            if functional:
                _previous_figures(ctx, row, subj, key, None)
    _scoped_subject_rows(ctx)
    _scoped_economic_rows(ctx)
    _project_economic_rows(ctx)


def _row_keys(rows) -> list[str]:
    """Each row's key in its observations' IRIs: its code, and where a table prints one code on
    several rows (长春 表6: 30208 取暖费 and 30208 物业管理费) the later ones ``code~2``, ``code~3`` …, so
    every printed row keeps its own cells instead of two rows' figures meeting on one node."""
    seen: dict[str, int] = {}
    keys = []
    for row in rows:
        # a row printed without a code: its path of names (the same digest as its concept's)
        code = row.code or f"named-{iris.short_digest('/'.join((*getattr(row, 'path', ()), row.name)))}"
        seen[code] = seen.get(code, 0) + 1
        keys.append(code if seen[code] == 1 else f"{code}~{seen[code]}")
    return keys


def _government_concept(ctx: _Context, code: str, name: str | None) -> URIRef:
    """The 政府预算支出经济分类 subject of a code (its own scheme, never a bkg:EconomicSubject)."""
    subj = iris.government_economic_subject(code)
    ctx.add(subj, RDF.type, BKG.GovernmentEconomicSubject)
    ctx.add(subj, RDF.type, SKOS.Concept)
    ctx.add(subj, SKOS.inScheme, iris.scheme("government-economic"))
    ctx.add(subj, SKOS.notation, Literal(code))
    ctx.add(subj, BKG.level, Literal(1 if len(code) == 3 else 2))
    ctx.text(subj, SKOS.prefLabel, name or None)
    return subj


def _paired_government(ctx: _Context, obs: URIRef, row) -> None:
    """The 50x subjects the table prints beside a departmental economic row (``bkg:governmentSubject``
    on each of the row's cells): the row read through the government's classification."""
    for paired in getattr(row, "government", None) or []:
        if paired.code:
            ctx.add(obs, BKG.governmentSubject, _government_concept(ctx, paired.code, paired.name))


def _scoped_economic_rows(ctx: _Context) -> None:
    """The economic rows of a table of the whole general budget (西安 表6: 人员经费 | 公用经费 |
    专项业务经费), beside the basic table's own rows: a data set of their own carrying
    ``bkg:amountScope`` (the same subjects as the basic table: IC-12), every cell the scope too, so a
    reader of the basic rows never adds them in and a reader of the whole budget reads these."""
    for scope, rows in ctx.record.scoped_economic.items():
        _scoped_rows(ctx, scope, rows, ("classification-economic", "scoped-economic", "经济分类数据"),
                     ("total", "basic", "personnel", "public", "project"), functional=False)


def _project_economic_rows(ctx: _Context) -> None:
    """The general budget's project spending by economic subject (广东 表7): each row one cell of kind
    ``project`` (the basic table's rows are of the kinds total/personnel/public, so a reader of the
    economic rows asked of 项目支出 finds these), in a data set of its own, every cell carrying the funds
    it covers (``bkg:amountScope`` general_public_budget)."""
    rows = ctx.record.project_economic
    if not rows:
        return
    cells = _data_set(ctx, iris.inside(ctx.doc, "dataset", "classification-project-economic"),
                      BKG.classificationStructure, "一般公共预算项目支出经济分类数据")
    for row, key in zip(rows, _row_keys(rows)):
        if row.project is None:
            continue
        obs = iris.inside(ctx.doc, "obs", "project-economic", key, "project")
        _observation(ctx, obs, row.project, row.provenance, dataset=cells)
        ctx.add(obs, BKG.subject, _subject_node(ctx, row.code, row.name, False))
        ctx.add(obs, BKG.expenditureKind, iris.expenditure_kind("project"))
        ctx.add(obs, BKG.amountScope, iris.amount_scope("general_public_budget"))
        ctx.text(obs, RDFS.label, row.name)


# the scopes of classification rows a table of one kind of funds prints, by the words of that kind; ``fiscal``
# the 财政拨款收支总表's 类 (``kg.extract.tables.fiscal_classes``)
SCOPED_LABELS = {"general_public_budget": "一般公共预算", "government_fund": "政府性基金", "fiscal": "财政拨款"}


def _scoped_subject_rows(ctx: _Context) -> None:
    """The functional rows of the tables that cover one kind of funds (一般公共预算支出表,
    政府性基金预算支出表): each scope its own data set carrying ``bkg:amountScope`` — the same
    subjects and columns as the main table, so they may not share its data set (IC-12) — and
    every observation the scope too. Readers that want the document's own figures skip
    observations whose data set has an amount scope."""
    for scope, rows in ctx.record.scoped_functional.items():
        # the concept keeps the main table's name: these tables print extra columns (增减%) that a
        # reader may leave in the name, and the scope is the data set's, not the subject's
        _scoped_rows(ctx, scope, rows, ("classification", "scoped", "分类数据"),
                     ("total", "basic", "project", "personnel", "public"), functional=True)


def _scoped_rows(ctx: _Context, scope: str, rows, names: tuple[str, str, str], kinds: tuple[str, ...],
                 functional: bool) -> None:
    """One scope's classification rows as a data set of their own: ``names`` are the data set's and
    the observations' local names and the data set's label; every cell carries the scope."""
    dataset_name, obs_name, label = names
    cells = _data_set(ctx, iris.inside(ctx.doc, "dataset", dataset_name, scope), BKG.classificationStructure,
                      f"{SCOPED_LABELS.get(scope, scope)}{label}")
    ctx.add(cells, BKG.amountScope, iris.amount_scope(scope))
    for row, key in zip(rows, _row_keys(rows)):  # a code printed on two rows: two observations, never one
        subj = _row_subject(ctx, row, None, functional)
        if subj is None:
            continue
        for kind in kinds:
            value = getattr(row, kind)
            if value is None:
                continue
            obs = iris.inside(ctx.doc, "obs", obs_name, scope, key, kind)
            _observation(ctx, obs, value, row.provenance, dataset=cells)
            ctx.add(obs, BKG.subject, subj)
            ctx.add(obs, BKG.expenditureKind, iris.expenditure_kind(kind))
            ctx.add(obs, BKG.amountScope, iris.amount_scope(scope))
            ctx.text(obs, RDFS.label, row.name)
            if not functional:
                _paired_government(ctx, obs, row)
        if functional:
            _previous_figures(ctx, row, subj, key, scope)


def _previous_figures(ctx: _Context, row, subj: URIRef, key: str, scope: str | None) -> None:
    """A subject row's year before, where its table prints it (``model.PreviousFigure``): one
    ``bkg:PreviousYearFigure`` per previous column, stated by the document, about the row's subject
    and of the row's amount scope, with both figures, the printed change (its size and direction, as
    a ``bkg:Change`` carries them) and rate, the kind and year of the earlier figure, what both leave
    out, and the row's location."""
    for i, p in enumerate(getattr(row, "previous", None) or []):
        node = iris.inside(ctx.doc, "previous", scope or "all", key, str(i))
        ctx.add(node, RDF.type, BKG.PreviousYearFigure)
        ctx.add(ctx.doc, BKG.statesPreviousFigure, node)
        ctx.add(node, BKG.subject, subj)
        if scope:
            ctx.add(node, BKG.amountScope, iris.amount_scope(scope))
        ctx.text(node, RDFS.label, row.name)
        ctx.money(node, BKG.previousAmount, p.amount)
        ctx.money(node, BKG.currentAmount, p.current)
        ctx.text(node, BKG.previousKind, p.kind)
        if p.year:
            ctx.add(node, BKG.previousYear, Literal(int(p.year), datatype=XSD.integer))
        ctx.text(node, BKG.excludedPart, p.excluding)
        if p.change is not None:
            ctx.money(node, BKG.changeAmount, abs(p.change))
            ctx.text(node, BKG.direction, "increase" if p.change > 0 else "decrease" if p.change < 0 else "flat")
        if p.percent is not None:
            ctx.add(node, BKG.changePercent, decimal_literal(abs(p.percent)))
        _location(ctx, node, row.provenance, p.amount)


# the income sources whose money is a scope of classification figures (``scope/…``): a cell of the
# income table covers that source's money only
SOURCE_SCOPES = {"total": "all_funds", "fiscal": "fiscal", "general_public_budget": "general_public_budget",
                 "government_fund": "government_fund"}


def _income_rows(ctx: _Context) -> None:
    """The income table by functional subject (部门收入总表): one observation per subject × source
    as printed, in a data set of its own (``bkg:incomeStructure``: the source is a dimension, so
    the cells of one row are told apart — IC-12). Each cell carries the source twice: the
    dimension ``bkg:incomeSource`` and the attribute ``bkg:fundingSource`` the budget figures use,
    and the scope of the money where the source is one (财政拨款, 一般公共预算, 政府性基金, 合计)."""
    rows = ctx.record.functional_income
    if not rows:
        return
    cells = _income_dataset(ctx, "income", BKG.incomeStructure, "分科目收入数据")
    for row in rows:
        subj = _subject_node(ctx, row.code, None, True)
        for key, value in row.sources.items():
            obs = _income_cell(ctx, cells, iris.inside(ctx.doc, "obs", "income", row.code, key), key, value, row)
            ctx.add(obs, BKG.subject, subj)


def _income_dataset(ctx: _Context, name: str, structure: URIRef, label: str) -> URIRef:
    """A data set of one income table's printed cells (by subject, by unit)."""
    return _data_set(ctx, iris.inside(ctx.doc, "dataset", name), structure, label)


def _income_cell(ctx: _Context, cells: URIRef, obs: URIRef, key: str, value, row) -> URIRef:
    """One printed income cell: its amount and location, the source as dimension
    (``bkg:incomeSource``) and as the attribute the budget figures use (``bkg:fundingSource``), and
    the scope of the money where the source is one."""
    _observation(ctx, obs, value, row.provenance, dataset=cells)
    ctx.add(obs, BKG.incomeSource, iris.funding_source(key))
    ctx.add(obs, BKG.fundingSource, iris.funding_source(key))
    if key in SOURCE_SCOPES:
        ctx.add(obs, BKG.amountScope, iris.amount_scope(SOURCE_SCOPES[key]))
    ctx.text(obs, RDFS.label, row.name)
    return obs


def _budget_unit_node(ctx: _Context, name: str) -> URIRef:
    """A unit of the department's tables by unit: the department itself for its 本级 row, else a
    department node linked as its org:hasSubOrganization (one node per unit for every such table)."""
    unit = _department_node(ctx, name)
    if unit != ctx.dept:
        ctx.add(ctx.dept, ORG.hasSubOrganization, unit)
    return unit


def _unit_income_rows(ctx: _Context) -> None:
    """The income table by unit (收入总体情况表 with a 单位名称 column): each budget unit as a
    department node (the department itself for its 本级 row, else linked as its
    org:hasSubOrganization), and one observation per unit × source as printed, in a data set of its
    own (``bkg:unitIncomeStructure``: the unit and the source are its dimensions). A cell carries
    the source as ``bkg:incomeSource`` and ``bkg:fundingSource`` as the income-by-subject cells do."""
    rows = ctx.record.unit_income
    if not rows or ctx.dept is None:
        return
    cells = _income_dataset(ctx, "unit-income", BKG.unitIncomeStructure, "分单位收入数据")
    for row in rows:
        unit = _budget_unit_node(ctx, row.name)
        for key, value in row.sources.items():
            obs = iris.inside(ctx.doc, "obs", "unit-income", iris.department_key(row.name), key)
            ctx.add(_income_cell(ctx, cells, obs, key, value, row), BKG.budgetUnit, unit)


def _unit_expenditure_rows(ctx: _Context) -> None:
    """The expenditure table by unit (西安 表3 部门综合预算支出总表): the same units as the income
    table by unit (``_department_node``, linked as the department's org:hasSubOrganization), one
    observation per unit × printed column in a data set of its own (``bkg:unitExpenditureStructure``):
    its dimensions are the unit, the funds that pay (``bkg:incomeSource``: funding/total for a
    column of a kind of spending) and the kind of spending (``bkg:expenditureKind``:
    expenditure-kind/total for a column of funds). No cell carries ``bkg:subject``, so readers of
    the classification tables never count them."""
    rows = ctx.record.unit_expenditure
    if not rows or ctx.dept is None:
        return
    cells = _income_dataset(ctx, "unit-expenditure", BKG.unitExpenditureStructure, "分单位支出数据")
    for row in rows:
        unit = _budget_unit_node(ctx, row.name)
        columns = [(source, "total", value) for source, value in row.sources.items()]
        columns += [("total", kind, value) for kind, value in row.kinds.items()]
        for source, kind, value in columns:
            obs = iris.inside(ctx.doc, "obs", "unit-expenditure", iris.department_key(row.name), source, kind)
            _income_cell(ctx, cells, obs, source, value, row)
            ctx.add(obs, BKG.budgetUnit, unit)
            ctx.add(obs, BKG.expenditureKind, iris.expenditure_kind(kind))


def _unit_three_public_rows(ctx: _Context) -> None:
    """The 三公 table printed by unit (杭州 表7 一般公共预算"三公"经费预算表 with a 单位名称 column): the
    same units as the other tables by unit (``_budget_unit_node``), one observation per unit × printed
    三公 figure in a data set of its own (``bkg:unitThreePublicStructure``): its dimensions are the
    unit and the 三公 item (``bkg:unitItem``: the department figures' ``item/three_public.*``
    concepts). The cells carry no ``bkg:item``, so a reader of the department's figures never
    counts a unit's row as the department's. Where the table prints the year before and the change
    beside the year (西安 表13 上年 | 当年 | 增减变化情况), the unit's cell of this year carries them as
    printed: ``bkg:previousAmount``, ``bkg:previousYear``, ``bkg:changeAmount`` (its size) and
    ``bkg:direction`` — the terms a ``bkg:Change`` uses — never an observation of their own, so no
    reader of the year's cells counts last year's."""
    rows = ctx.record.unit_three_public
    if not rows or ctx.dept is None:
        return
    cells = _income_dataset(ctx, "unit-three-public", BKG.unitThreePublicStructure, "分单位三公经费数据")
    for row in rows:
        unit = _budget_unit_node(ctx, row.name)
        for key, value in row.parts.items():
            obs = iris.inside(ctx.doc, "obs", "unit-three-public", iris.department_key(row.name), key)
            _observation(ctx, obs, value, row.provenance, dataset=cells)
            ctx.add(obs, BKG.budgetUnit, unit)
            ctx.add(obs, BKG.unitItem, iris.item(f"three_public.{key}"))
            ctx.text(obs, RDFS.label, row.name)
            previous, change = row.previous.get(key), row.change.get(key)
            if previous is not None:
                ctx.money(obs, BKG.previousAmount, previous)
                if ctx.record.year:
                    ctx.add(obs, BKG.previousYear, Literal(int(ctx.record.year) - 1, datatype=XSD.integer))
            if change is not None:
                ctx.money(obs, BKG.changeAmount, abs(change))
                ctx.text(obs, BKG.direction, "increase" if change > 0 else "decrease" if change < 0 else "flat")


def _unit_economic_rows(ctx: _Context) -> None:
    """The economic 类 rows under each unit of a table of one kind of spending by unit (广东 表11
    部门预算基本支出预算表): one ``bkg:UnitEconomicCell`` per unit × row × printed column — the unit
    (``bkg:budgetUnit``, the units of the other tables by unit), the 类 (``bkg:economicSubject`` where
    the name is a national 类; the printed name as label either way), the kind of spending
    (``bkg:expenditureKind``), the funds of the column (``bkg:fundingSource``: funding/total for
    总计), amount and row. Not a qb:Observation and no ``bkg:subject``: a reader of the department's
    economic figures never counts one unit's row as the department's."""
    rows = ctx.record.unit_economic
    if not rows or ctx.dept is None:
        return
    seen: dict[str, int] = {}
    for row in rows:
        unit = _budget_unit_node(ctx, row.unit)
        subject = _subject_node(ctx, row.code, row.name, False) if row.code else None
        key = f"{iris.department_key(row.unit)}-{row.kind}-{row.code or row.name}"
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > 1:
            key += f"~{seen[key]}"
        for source, value in (("total", row.total), *row.funds.items()):
            if value is None:
                continue
            node = iris.inside(ctx.doc, "unit-economic", key, source)
            ctx.add(node, RDF.type, BKG.UnitEconomicCell)
            ctx.add(node, BKG.document, ctx.doc)
            ctx.add(node, BKG.budgetUnit, unit)
            if subject is not None:
                ctx.add(node, BKG.economicSubject, subject)
            ctx.add(node, BKG.expenditureKind, iris.expenditure_kind(row.kind))
            ctx.add(node, BKG.fundingSource, iris.funding_source(source))
            ctx.text(node, RDFS.label, row.name)
            ctx.money(node, BKG.amount, value)
            _location(ctx, node, row.provenance, value)


# the whole a purchased service's row is part of: the item's label (``bkg:partOf``), so the question
# service's reading of a figure's stated items (里面…各多少) finds the rows under 政府购买服务
PURCHASED_SERVICES_WHOLE = "政府购买服务"


def _purchased_services(ctx: _Context) -> None:
    """A 政府购买服务 table (北京 预算11表): its 合计 the budget item ``item/purchased_services`` (an
    observation like every total), and each row a ``bkg:PurchasedService`` — a stated part of that
    item (``bkg:NarrativeFigure``, topic ``subitem``, ``bkg:partOf`` 政府购买服务), so every reader of a
    figure's stated items reads them — with the 指导性目录 classes it prints (``bkg:serviceClass``,
    the widest, and ``bkg:serviceSubclass``), its amount and the row it was printed on."""
    services = ctx.record.purchased_services
    if services is None:
        return
    if services.total is not None:
        obs = iris.inside(ctx.doc, "obs", "item", "purchased_services")
        _observation(ctx, obs, services.total, services.provenance)
        ctx.add(obs, BKG.item, iris.item("purchased_services"))
    for i, row in enumerate(services.rows):
        if row.amount is None:
            continue
        node = iris.inside(ctx.doc, "purchased-service", str(i))
        ctx.add(node, RDF.type, BKG.PurchasedService)
        ctx.add(node, RDF.type, BKG.NarrativeFigure)
        ctx.add(ctx.doc, BKG.statesFigure, node)
        ctx.add(node, BKG.document, ctx.doc)
        ctx.text(node, BKG.figureTopic, "subitem")
        ctx.text(node, BKG.figureKey, row.name)
        ctx.text(node, RDFS.label, iris.compact(row.name))
        ctx.money(node, BKG.amount, row.amount)
        ctx.text(node, BKG.period, "current")
        ctx.text(node, BKG.partOf, PURCHASED_SERVICES_WHOLE)
        if row.classes:
            ctx.text(node, BKG.serviceClass, row.classes[0][1])
        if len(row.classes) > 1:
            ctx.text(node, BKG.serviceSubclass, row.classes[1][1])
        _location(ctx, node, row.provenance, row.amount)


def _procurement_items(ctx: _Context) -> None:
    """A 政府采购 table read item by item: each purchase a ``bkg:Purchase`` of the document
    (``bkg:statesPurchase``) — the name it is for as its label (专项名称 / 采购项目, else the item bought), the
    item (``bkg:purchaseItem``), 品目大类, method and economic subject as printed, its amount and row — and its
    money by source as ``bkg:fundsPart`` / ``bkg:ProjectFunds``, the parts a project's funds use: a purchase is
    money for a named thing from named sources, so one reading of sources serves both."""
    items = ctx.record.procurement_items
    if items is None:
        return
    for i, row in enumerate(items.rows):
        if row.amount is None or not row.name:
            continue
        node = iris.inside(ctx.doc, "purchase", str(i))
        ctx.add(node, RDF.type, BKG.Purchase)
        ctx.add(ctx.doc, BKG.statesPurchase, node)
        ctx.add(node, BKG.document, ctx.doc)
        ctx.text(node, RDFS.label, iris.compact(row.name))
        ctx.text(node, BKG.purchaseItem, row.item)
        ctx.text(node, BKG.procurementCategory, row.category)
        ctx.text(node, BKG.procurementMethod, row.method)
        ctx.text(node, BKG.economicSubjectName, row.economic)
        ctx.text(node, BKG.budgetUnitName, row.unit)
        ctx.money(node, BKG.amount, row.amount)
        _location(ctx, node, row.provenance, row.amount)
        _funds_parts(ctx, node, f"purchase-{i}", row.funds, row.provenance)


def _government_economic_rows(ctx: _Context) -> None:
    """The 政府预算支出经济分类 classes (501 …) a 收支总表 prints beside the departmental 30x side:
    subjects of their own scheme and class (``bkg:GovernmentEconomicSubject``), their cells in a
    data set of their own, so a reader of the economic (30x) rows never adds them in."""
    rows = ctx.record.government_economic_subjects
    if not rows:
        return
    cells = _data_set(ctx, iris.inside(ctx.doc, "dataset", "government-economic"), BKG.classificationStructure,
                      "政府预算支出经济分类数据")
    for row in rows:
        subj = _government_concept(ctx, row.code, row.name)
        if row.total is None:
            continue
        obs = iris.inside(ctx.doc, "obs", "government-economic", row.code, "total")
        _observation(ctx, obs, row.total, row.provenance, dataset=cells)
        ctx.add(obs, BKG.subject, subj)
        ctx.add(obs, BKG.expenditureKind, iris.expenditure_kind("total"))
        ctx.text(obs, RDFS.label, row.name)


def _policy_key(ctx: _Context, doc: PolicyDocument) -> str:
    """The document's identity, a title-only mention merged into the numbered form of its title."""
    key = doc.key()
    return ctx.policy_keys.get(key, key)


def _policy_node(ctx: _Context, doc: PolicyDocument) -> URIRef:
    key = _policy_key(ctx, doc)
    node = iris.policy(key)
    ctx.add(node, RDF.type, BKG.PolicyDocument)
    ctx.text(node, DCTERMS.title, iris.compact(doc.title) if doc.title else None)
    ctx.text(node, RDFS.label, iris.compact(doc.title or doc.number or ""))
    ctx.text(node, BKG.documentNumber, iris.compact(doc.number) if doc.number else None)
    ctx.text(node, BKG.key, key)
    known = policy_facts(doc.number, doc.title)
    if known.year:
        ctx.add(node, DCTERMS.issued, Literal(str(known.year), datatype=XSD.gYear))
    if known.issuer:
        ctx.text(node, BKG.issuerName, known.issuer)
        ctx.text(node, BKG.issuerBasis, known.issuer_basis)
    if known.kind:
        ctx.add(node, BKG.policyKind, iris.policy_kind(known.kind))
    ctx.add(node, BKG.mentionedIn, ctx.doc)
    ctx.add(ctx.doc, BKG.cites, node)
    return node


def _policies(ctx: _Context) -> dict[str, URIRef]:
    """The documents the budget cites in its own narrative (根据《…的批复》填列), each with a citation
    of the budget's own where the record says where it is printed: the policy node is shared by every
    budget citing it, so the place belongs to the citation, as a project's does."""
    out: dict[str, URIRef] = {}
    for i, doc in enumerate(ctx.record.policy_documents):
        node = _policy_node(ctx, doc)
        out[_policy_key(ctx, doc)] = node
        if doc.provenance is None:
            continue
        _citation(ctx, "document", i, node, doc)
    return out


def _citation(ctx: _Context, owner: str, i: int, policy: URIRef, doc: PolicyDocument) -> URIRef:
    """Where a budget cites a policy document, as printed there (its title and 文号 as the citing text
    gives them, its page and line): the policy node is shared by every budget citing it, the citation is
    this budget's own. ``owner`` names the citing thing inside the document (a project's local name, or
    ``document`` for the budget's own narrative)."""
    citation = iris.inside(ctx.doc, "citation", owner, str(i))
    ctx.add(citation, RDF.type, BKG.Citation)
    ctx.add(citation, BKG.citedDocument, policy)
    ctx.add(citation, BKG.document, ctx.doc)
    ctx.text(citation, BKG.citedTitle, iris.compact(doc.title) if doc.title else None)
    ctx.text(citation, BKG.citedNumber, iris.compact(doc.number) if doc.number else None)
    if doc.provenance is not None:  # where the text cites it (a 项目简介 cell, a 说明 paragraph)
        _location(ctx, citation, doc.provenance)
    return citation


def _project_iris(record: Record) -> list[URIRef]:
    """IRIs of the record's projects; two of the same name and category are told apart by amount."""
    keys = [((p.category or "current"), iris.compact(p.name)) for p in record.projects]
    counts = Counter(keys)
    out = []
    for p, key in zip(record.projects, keys):
        extra = (printed(p.amount) or "") if counts[key] > 1 else ""
        out.append(iris.project(record.department, record.year, p.category, p.name, extra))
    return out


def project_iris(record: Record) -> list[URIRef]:
    """Public: the IRIs ``record_to_graph`` gives the record's projects, in order."""
    return _project_iris(record)


def _flow_end(ctx: _Context, node: Node, projects: list[URIRef]) -> URIRef:
    """The graph node of one end of a planned flow (``kg.rdf.flows.Node``)."""
    if node.kind == "department":
        return ctx.dept
    if node.kind == "source":
        return iris.funding_source(node.key)
    if node.kind == "project":
        return projects[int(node.key)]
    if node.kind == "subject":
        return _subject_node(ctx, node.key, None, True)
    share = iris.inside(ctx.doc, "share", node.key)
    ctx.add(share, RDF.type, BKG.BudgetShare)
    ctx.add(share, RDFS.label, Literal(SHARES[node.key], lang="zh"))
    ctx.add(share, BKG.shareKind, Literal(node.key))
    ctx.add(share, BKG.document, ctx.doc)
    return share


def _flows(ctx: _Context) -> FlowPlan:
    """The budget's balanced flows (``kg.rdf.flows.plan_flows``), each with its year, phase,
    department, unit and source location; the functional table's scope on its observations."""
    plan = plan_flows(ctx.record)
    if plan.scope:
        ctx.add(ctx.dataset, BKG.functionalScope, iris.amount_scope(plan.scope))
        kind = BKG.expenditureKind
        functional = str(ctx.doc) + "/obs/functional/"
        # the subject's text first (a C string test): comparing every predicate of the document
        # with rdflib's ``==`` (Python code) was a tenth of the mapping
        for obs in [s for s, p, _o in ctx.triples if s.startswith(functional) and p == kind]:
            ctx.add(obs, BKG.amountScope, iris.amount_scope(plan.scope))
    projects = _project_iris(ctx.record)
    for f in plan.flows:
        flow = iris.inside(ctx.doc, "flow", *f.key.split("/"))
        ctx.add(flow, RDF.type, BKG.FundingFlow)
        ctx.add(flow, BKG.flowSource, _flow_end(ctx, f.source, projects))
        ctx.add(flow, BKG.flowTarget, _flow_end(ctx, f.target, projects))
        ctx.add(flow, BKG.flowKind, Literal(f.kind))
        ctx.money(flow, BKG.amount, f.amount)
        _measure(ctx, flow)
        ctx.add(flow, BKG.fundingSource, iris.funding_source(f.funding) if f.funding else None)
        if f.item:  # the 项 whose project column places a project printed without a subject
            ctx.add(flow, BKG.functionalItem, _subject_node(ctx, f.item, None, True))
        ctx.add(flow, BKG.document, ctx.doc)
        ctx.add(flow, BKG.department, ctx.dept)
        ctx.add(flow, BKG.fiscalYear, ctx.year)
        ctx.add(flow, BKG.budgetPhase, ctx.phase)
        _location(ctx, flow, f.provenance, f.amount)
    return plan


def _projects(ctx: _Context, policies: dict[str, URIRef]) -> None:
    for project, node in zip(ctx.record.projects, _project_iris(ctx.record)):
        _project(ctx, project, node, policies)


def _project(ctx: _Context, p: Project, node: URIRef, policies: dict[str, URIRef]) -> None:
    ctx.add(node, RDF.type, BKG.Project)
    ctx.text(node, RDFS.label, iris.compact(p.name))
    ctx.text(node, SKOS.prefLabel, iris.compact(p.name))
    for alias in p.aliases:
        if iris.compact(alias) != iris.compact(p.name):
            ctx.text(node, SKOS.altLabel, iris.compact(alias))
    ctx.add(node, BKG.mentionedIn, ctx.doc)
    ctx.add(node, BKG.fiscalYear, ctx.year)
    ctx.add(node, BKG.department, ctx.dept)
    if p.category:
        ctx.add(node, BKG.category, iris.category(p.category))
    ctx.money(node, BKG.amount, p.amount)
    if p.functional_code:
        ctx.add(node, BKG.classifiedAs, _subject_node(ctx, p.functional_code, None, True))
    source = iris.funding_source(p.funding_source) if p.funding_source else None
    ctx.add(node, BKG.fundedBy, source)
    if p.responsible_unit:
        ctx.add(node, BKG.responsibleUnit, _department_node(ctx, p.responsible_unit))
    if p.supervising_department:
        ctx.add(node, BKG.supervisingDepartment, _department_node(ctx, p.supervising_department))
    ctx.text(node, BKG.responsiblePerson, p.responsible_person)
    ctx.text(node, BKG.description, p.description)
    ctx.text(node, BKG.executionPeriod, p.execution_period)
    ctx.text(node, BKG.projectCode, p.project_code)
    ctx.money(node, BKG.executedAmount, p.executed)
    ctx.money(node, BKG.initialBudgetAmount, p.initial_budget)
    _project_funds(ctx, p, node)
    for prop, figure in ((BKG.executionRate, p.execution_rate), (BKG.selfEvaluationScore, p.self_evaluation_score)):
        if figure is not None:
            ctx.add(node, prop, decimal_literal(figure))
    titles = []
    local = str(node).rsplit("/", 1)[-1]
    for i, doc in enumerate(p.policy_documents):
        key = _policy_key(ctx, doc)
        pol = policies.get(key) or _policy_node(ctx, doc)
        policies[key] = pol
        ctx.add(node, BKG.basedOn, pol)
        ctx.add(node, BKG.citation, _citation(ctx, local, i, pol, doc))
        titles.append(doc.title)
    _topics(ctx, p, node, titles)
    provs = p.provenance or [None]
    for i, prov in enumerate(provs):
        _location(ctx, node, prov, None, own=i)
    if ctx.dept:
        ctx.add(ctx.dept, BKG.allocates, node)
    for i, ind in enumerate(p.indicators):
        _indicator(ctx, iris.inside(ctx.doc, "indicator", local, str(i)), ind, node)


# a performance table's 其中 lines, and a project table's columns by source (广东 表12), -> the funding
# concepts of the graph (其他资金 is the unit's own money)
FUNDS_SOURCES = {"fiscal": "fiscal", "carryover": "carryover_total", "other": "unit_funds",
                 "general_public_budget": "general_public_budget", "government_fund": "government_fund",
                 "state_capital": "state_capital", "fiscal_special": "fiscal_special_account"}


def _project_funds(ctx: _Context, p: Project, node: URIRef) -> None:
    """A project's money by source as its 绩效目标表 / 绩效自评表 prints it (其中：财政拨款 / 上年结转 /
    其他资金): one ``bkg:ProjectFunds`` per printed line, with the funding concept and the amount."""
    if p.funds is None:
        return
    # the table the split is printed in (a performance table's provenance), else the project's first
    where = next((x for x in p.provenance if x and x.table == "绩效目标表"), p.provenance[0] if p.provenance else None)
    _funds_parts(ctx, node, str(node).rsplit("/", 1)[-1], p.funds, where)


def _funds_parts(ctx: _Context, node: URIRef, local: str, funds: ProjectFunds | None, where: Provenance | None) -> None:
    """Money for a named thing by source (a project's, a purchase's): one ``bkg:ProjectFunds`` per printed
    source, with its funding concept, amount and place; ``local`` names the parts inside the document."""
    if funds is None:
        return
    for key, source in FUNDS_SOURCES.items():
        value = getattr(funds, key)
        if value is None:
            continue
        part = iris.inside(ctx.doc, "funds", local, key)
        ctx.add(part, RDF.type, BKG.ProjectFunds)
        ctx.add(node, BKG.fundsPart, part)
        ctx.add(part, BKG.fundingSource, iris.funding_source(source))
        ctx.money(part, BKG.amount, value)
        _location(ctx, part, where, value)


def _topics(ctx: _Context, p: Project, node: URIRef, titles: list[str | None]) -> None:
    """``bkg:concerns`` edges, each qualified by a ``bkg:TopicAssignment`` saying which evidence
    (name, subject, description, citation, indicator), which keywords and how strong
    (kg/rdf/topics.py)."""
    local = str(node).rsplit("/", 1)[-1]
    outputs = [ind.name for ind in p.indicators if (ind.level1 or "").startswith("产出")]
    for ev in topic_evidence(p.all_names(), p.functional_code, p.description, titles,
                             ctx.record.department, outputs):
        ctx.add(node, BKG.concerns, ev.topic)
        qualified = iris.inside(ctx.doc, "topic", local, ev.key)
        ctx.add(node, BKG.topicAssignment, qualified)
        ctx.add(qualified, RDF.type, BKG.TopicAssignment)
        ctx.add(qualified, BKG.topic, ev.topic)
        ctx.add(qualified, BKG.strength, decimal_literal(ev.strength))
        for source in ev.sources:
            ctx.text(qualified, BKG.evidence, source)
        for keyword in ev.keywords:
            ctx.text(qualified, BKG.matchedKeyword, keyword)


def _indicator(ctx: _Context, node: URIRef, ind: Indicator, measured: URIRef) -> None:
    ctx.add(node, RDF.type, BKG.PerformanceIndicator)
    ctx.text(node, RDFS.label, iris.compact(ind.name))
    ctx.add(node, BKG.measures, measured)
    ctx.add(node, BKG.document, ctx.doc)
    ctx.add(node, BKG.fiscalYear, ctx.year)
    ctx.text(node, BKG.level1, ind.level1)
    ctx.text(node, BKG.level2, ind.level2)
    for kind in match_indicator_kinds(ind.level2, ind.level1):
        ctx.add(node, BKG.indicatorKind, kind)
    ctx.text(node, BKG.target, ind.target)
    op, number, unit = parse_target(ind.target)
    ctx.text(node, BKG.comparison, op)
    if number is not None:
        ctx.add(node, BKG.targetValue, decimal_literal(number))
    ctx.text(node, BKG.targetUnit, unit)
    if ind.weight is not None:
        ctx.add(node, BKG.weight, decimal_literal(Decimal(ind.weight)))
    ctx.text(node, BKG.basis, ind.basis)
    ctx.text(node, BKG.actualValue, ind.actual)
    ctx.text(node, BKG.indicatorNature, ind.nature)
    if ind.core is not None:
        ctx.add(node, BKG.coreIndicator, Literal(ind.core))
    _location(ctx, node, ind.provenance)


def _department_indicators(ctx: _Context) -> None:
    if not ctx.dept:
        return
    for i, ind in enumerate(ctx.record.department_indicators):
        _indicator(ctx, iris.inside(ctx.doc, "indicator", "department", str(i)), ind, ctx.dept)


def _findings(ctx: _Context, flow_checks: list[Check]) -> None:
    """The failed checks: the record's arithmetic checks, then the flow-conservation checks
    (numbered after them, so a record's own findings keep their IRIs)."""
    for i, check in enumerate([*ctx.record.checks, *flow_checks]):
        # money identities, and the narrative's percentages that are materially wrong (a share of 三公
        # figured on another total): a rounding difference, a completeness note or a count (``unit``
        # set otherwise) stays the audit's (``budgetkg audit``)
        if check.ok or (check.unit and not _material_percent(check) and check.rule not in YEAR_RULES + COUNT_RULES):
            continue
        _finding(ctx, iris.inside(ctx.doc, "finding", str(i)), check)


PERCENT_RULES = ("share_percent", "change_percent", "completion_rate")
# a statement compared with the wrong year (比2026年预算增加 in a 2026 budget): a finding, its years as printed
YEAR_RULES = ("baseline_year",)
# a count the document states twice differently (购置5辆 in the 三公 chapter, 购置车辆6辆 in the assets'): its counts
COUNT_RULES = ("vehicle_count",)


def _material_percent(check: Check) -> bool:
    return check.unit == "%" and check.rule in PERCENT_RULES and check.severity == "material"


def _finding(ctx: _Context, node: URIRef, c: Check) -> None:
    ctx.add(node, RDF.type, BKG.Finding)
    ctx.add(ctx.doc, BKG.hasFinding, node)
    ctx.add(node, BKG.document, ctx.doc)
    ctx.text(node, BKG.rule, c.rule)
    ctx.text(node, BKG.where, c.where)
    ctx.text(node, RDFS.label, c.where)
    ctx.text(node, BKG.working, c.note)  # the inputs of the expected figure, for the reader to redo it
    ctx.text(node, BKG.place, c.place)  # where it stands as the page prints it (the table's title, the 说明's heading)
    ctx.text(node, BKG.severity, c.severity if c.severity in ("material", "rounding", "notice") else None)
    if c.rule in YEAR_RULES:
        for prop, value in ((BKG.expectedYear, c.expected), (BKG.printedYear, c.printed)):
            if value is not None:
                ctx.add(node, prop, Literal(int(value), datatype=XSD.integer))
        _location(ctx, node, c.provenance)
        return
    if c.rule in COUNT_RULES:
        for prop, value in ((BKG.expectedCount, c.expected), (BKG.printedCount, c.printed)):
            if value is not None:
                ctx.add(node, prop, decimal_literal(Decimal(str(value))))
        _location(ctx, node, c.provenance)
        return
    if c.unit == "%":
        for prop, value in ((BKG.expectedPercent, c.expected), (BKG.printedPercent, c.printed)):
            if value is not None:
                ctx.add(node, prop, decimal_literal(Decimal(str(value))))
        _location(ctx, node, c.provenance)
        return
    ctx.money(node, BKG.expectedAmount, c.expected)
    ctx.money(node, BKG.printedAmount, c.printed)
    _location(ctx, node, c.provenance, c.printed)


def _definitions(ctx: _Context) -> None:
    for term, text in sorted(ctx.record.definitions.items()):
        node = iris.inside(ctx.doc, "definition", iris.compact(term))
        ctx.add(node, RDF.type, BKG.Definition)
        ctx.text(node, BKG["term"], iris.compact(term))
        ctx.text(node, RDFS.label, iris.compact(term))
        ctx.text(node, BKG.definitionText, text)
        ctx.add(ctx.doc, BKG.defines, node)


def _decimal(value) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except ArithmeticError:
        return None


def _changes(ctx: _Context) -> None:
    """比上年增减 statements: amount and percent as printed, the direction, the current and the
    derived previous figure."""
    from kg.extract.deserialize import _prov as prov_from_json

    wholes: dict[str, URIRef] = {}  # the latest change stated of each subject: a part names its whole so
    for i, change in enumerate(ctx.record.changes):
        subject = change.get("subject")
        if not subject:
            continue
        node = iris.inside(ctx.doc, "change", str(i))
        whole = wholes.get(change.get("parent") or "")
        if whole is not None:
            ctx.add(node, BKG.partOfChange, whole)
        wholes[subject] = node
        direction = change.get("direction")
        sign = -1 if direction == "decrease" else 1
        amount, percent, current = (_decimal(change.get(k)) for k in ("amount", "percent", "current"))
        ctx.add(node, RDF.type, BKG.Change)
        ctx.add(ctx.doc, BKG.statesChange, node)
        ctx.add(node, BKG.document, ctx.doc)
        ctx.add(node, BKG.fiscalYear, ctx.year)
        ctx.text(node, BKG.changeSubject, iris.compact(subject))
        ctx.text(node, BKG.direction, direction if direction in ("increase", "decrease", "flat") else None)
        ctx.money(node, BKG.changeAmount, amount)  # as printed: the direction says which way
        if percent is not None:
            ctx.add(node, BKG.changePercent, decimal_literal(percent))
        ctx.money(node, BKG.currentAmount, current)
        baseline = _decimal(change.get("baseline"))
        if current is not None and amount is not None:
            ctx.money(node, BKG.previousAmount, current - sign * amount)
        if baseline is not None:  # the earlier figure as printed (比2025年执行数X万元增加Y%), for the audit
            ctx.money(node, BKG.printedPreviousAmount, baseline)
        ctx.text(node, BKG.reason, change.get("reason"))
        ctx.text(node, BKG.place, change.get("place"))  # the 说明's headings it stands under, as printed
        ctx.text(node, BKG.comparedWith, change.get("compared_with"))  # 2025年当年预算执行数, as printed
        prov = change.get("provenance")
        _location(ctx, node, prov if isinstance(prov, Provenance) else prov_from_json(prov), amount)
