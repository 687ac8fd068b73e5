"""The narrative's facts (情况说明) as triples: staffing by kind, assets and vehicles, and every
amount the narrative states, each a node of its document with its provenance.

Why a module of its own: ``mapping.py`` maps the tables' figures; these facts come from the
prose (``kg.extract.narrative``) and have their own shape — a staffing count is a number of
people of one kind inside one count (编制数 行政 111), a vehicle holding a count of one type, a
stated figure an amount with its topic, period and scope. The question service reads them with
the ontology's terms (``bkg:StaffCount``, ``bkg:AssetHolding``, ``bkg:NarrativeFigure``); the
stated changes and their reasons are ``bkg:Change`` (``mapping._changes``).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from rdflib import Literal
from rdflib.namespace import RDF, RDFS, XSD

from kg.rdf import iris
from kg.vocabulary.namespaces import BKG, Terms

BKG, RDF, RDFS, XSD = (Terms(ns) for ns in (BKG, RDF, RDFS, XSD))  # each term made once

if TYPE_CHECKING:  # the mapping's context, passed in: one definition of how a node is written
    from kg.rdf.mapping import _Context


def map_narrative(ctx: "_Context") -> None:
    """Every narrative fact of ``ctx.record`` into ``ctx.graph``, with the mapping's own writers
    of a SourceLocation and an exact xsd:decimal (imported here: ``mapping`` imports this module)."""
    from kg.rdf.mapping import _location, decimal_literal

    _staff_counts(ctx, _location)
    _unit_counts(ctx, _location)
    _assets(ctx, _location, decimal_literal)
    _figures(ctx, _location, decimal_literal)
    _coverage(ctx, _location)


def _staff_counts(ctx: "_Context", location) -> None:
    """离退休 on the document, one StaffCount per (count, kind) printed (编制数 行政 111), and one StaffChange
    per count whose change from the year before is printed beside it (在职 −3)."""
    s = ctx.record.profile.staffing
    if s.retirees is not None:
        ctx.add(ctx.doc, BKG.retireeStaff, Literal(int(s.retirees)))
    for category, kinds in sorted(s.by_kind.items()):
        for kind, count in sorted(kinds.items()):
            node = iris.inside(ctx.doc, "staff", category, kind)
            ctx.add(node, RDF.type, BKG.StaffCount)
            ctx.add(ctx.doc, BKG.statesStaffCount, node)
            ctx.add(node, BKG.document, ctx.doc)
            ctx.text(node, BKG.staffCategory, category)
            ctx.text(node, BKG.staffKind, kind)
            ctx.text(node, RDFS.label, f"{category}（{kind}）")
            ctx.add(node, BKG.headcount, Literal(int(count)))
            location(ctx, node, s.provenance.get(f"{category}.{kind}") or s.provenance.get(category))
    for category, change in sorted(s.changes.items()):
        # 在职29人，减少3人: the count's change from the year before, signed
        node = iris.inside(ctx.doc, "staff-change", category)
        ctx.add(node, RDF.type, BKG.StaffChange)
        ctx.add(ctx.doc, BKG.statesStaffChange, node)
        ctx.add(node, BKG.document, ctx.doc)
        ctx.text(node, BKG.staffCategory, category)
        ctx.text(node, RDFS.label, f"{category}比上年增减")
        ctx.add(node, BKG.headcountChange, Literal(int(change)))
        location(ctx, node, s.provenance.get(f"{category}.变动") or s.provenance.get(category))


def _stated_node(ctx: "_Context", local: str, i: int, cls, link):
    """The node of the ``i``-th statement of one kind in a document: its class, the document's link
    to it and its own link back to the document (one shape for counts, assets and figures)."""
    node = iris.inside(ctx.doc, local, str(i))
    ctx.add(node, RDF.type, cls)
    ctx.add(ctx.doc, link, node)
    ctx.add(node, BKG.document, ctx.doc)
    return node


def _unit_counts(ctx: "_Context", location) -> None:
    """How many units the budget covers (单位共28个) or the department oversees of a kind (区县气象局8个)."""
    for i, c in enumerate(ctx.record.profile.unit_counts):
        # a count of divisions (32个机关行政科室) is a class of its own: never read as a count of units
        node = _stated_node(ctx, "units", i, BKG.DivisionCount if c.division else BKG.UnitCount,
                            BKG.statesDivisionCount if c.division else BKG.statesUnitCount)
        ctx.text(node, BKG.unitKind, c.kind)
        ctx.text(node, RDFS.label, c.kind)
        ctx.add(node, BKG.unitCount, Literal(int(c.count)))
        ctx.text(node, BKG.countUnit, c.classifier)
        ctx.add(node, BKG.coversBudget, Literal(bool(c.covered), datatype=XSD.boolean))
        ctx.text(node, BKG.statedSentence, c.text or None)
        ctx.text(node, BKG.unitNames, "、".join(c.names) or None)  # the units counted, as listed
        location(ctx, node, c.provenance)


def _assets(ctx: "_Context", location, decimal_literal) -> None:
    """国有资产: a holding or a planned purchase by kind (车辆, 一般公务用车, 房屋 …), or a class stated by its
    value alone (固定资产, 办公家具: no count)."""
    for i, a in enumerate(ctx.record.assets):
        node = _stated_node(ctx, "asset", i, BKG.AssetHolding, BKG.statesAsset)
        ctx.text(node, BKG.assetKind, a.kind)
        ctx.text(node, RDFS.label, ("计划购置" if a.planned else "") + a.kind)
        if a.count is not None:
            ctx.add(node, BKG.assetCount, decimal_literal(a.count))
        ctx.text(node, BKG.countUnit, a.count_unit)
        ctx.money(node, BKG.amount, a.value)
        ctx.add(node, BKG.planned, Literal(bool(a.planned), datatype=XSD.boolean))
        ctx.text(node, BKG.valueThreshold, a.threshold)
        ctx.text(node, BKG.asOf, a.as_of)
        if a.share is not None:  # 占固定资产总额的87.84%
            ctx.add(node, BKG.sharePercent, decimal_literal(a.share))
        location(ctx, node, a.provenance, a.value)


def _figures(ctx: "_Context", location, decimal_literal) -> None:
    """Every amount the narrative states, typed by topic and key (income/general_public_budget,
    three_public/reception, subitem/<name> …), in 万元 like every amount of the graph."""
    for i, f in enumerate(ctx.record.narrative):
        node = _stated_node(ctx, "stated", i, BKG.NarrativeFigure, BKG.statesFigure)
        ctx.text(node, BKG.figureTopic, f.topic)
        ctx.text(node, BKG.figureKey, f.key)
        ctx.text(node, RDFS.label, iris.compact(f.label))
        ctx.money(node, BKG.amount, f.value)
        ctx.text(node, BKG.period, f.period)
        ctx.text(node, BKG.scope, f.scope)
        if f.share is not None:
            ctx.add(node, BKG.sharePercent, decimal_literal(f.share))
        ctx.text(node, BKG.partOf, f.parent)
        ctx.text(node, BKG.eventDate, f.date)  # 培训费明细表's 时间, as printed
        ctx.text(node, BKG.eventNames, "、".join(f.events) or None)  # 拟召开A、B等会议: the events named
        location(ctx, node, f.provenance, f.value)
        for j, c in enumerate(f.counts):
            # how many people, times, groups the amount pays for (会议费 … 人数约400人)
            count = iris.inside(ctx.doc, "stated", str(i), "count", str(j))
            ctx.add(count, RDF.type, BKG.StatedCount)
            ctx.add(node, BKG.statesCount, count)
            ctx.add(count, BKG.document, ctx.doc)
            ctx.text(count, RDFS.label, c.label)
            ctx.add(count, BKG.countValue, decimal_literal(c.count))
            ctx.text(count, BKG.countUnit, c.unit)
            location(ctx, count, c.provenance, None)


# what each scope of a coverage statement is, for people
COVERAGE_LABELS = {"projects": "实行绩效目标管理的项目", "department": "部门整体支出绩效目标管理",
                   "self_evaluation": "开展绩效自评的项目", "department_evaluation": "开展部门评价的项目"}


def _coverage(ctx: "_Context", location) -> None:
    """绩效目标管理 coverage: the projects (count where stated) and the money under performance targets."""
    for c in ctx.record.performance_coverage:
        node = iris.inside(ctx.doc, "coverage", c.scope)
        ctx.add(node, RDF.type, BKG.PerformanceCoverage)
        ctx.add(ctx.doc, BKG.statesPerformanceCoverage, node)
        ctx.add(node, BKG.document, ctx.doc)
        ctx.text(node, BKG.coverageScope, c.scope)
        ctx.text(node, RDFS.label, COVERAGE_LABELS.get(c.scope, c.scope))
        if c.projects is not None:
            ctx.add(node, BKG.coveredProjects, Literal(int(c.projects)))
        for level, count in ((1, c.first_level), (2, c.second_level)):
            if count is not None:  # 一级项目7个、二级项目16个
                ctx.add(node, BKG.coveredFirstLevelProjects if level == 1 else BKG.coveredSecondLevelProjects,
                        Literal(int(count)))
        ctx.money(node, BKG.amount, c.amount)
        if c.named:  # the projects a 部门评价 names, as printed, in one literal (one value per node for the readers)
            ctx.text(node, BKG.coveredProjectNames, "、".join(c.named))
        if c.share is not None:  # 占部门预算项目支出总额的65.9%: the share as printed
            from kg.rdf.mapping import decimal_literal

            ctx.add(node, BKG.sharePercent, decimal_literal(c.share))
        location(ctx, node, c.provenance, c.amount)
