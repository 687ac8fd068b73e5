"""Two table kinds the question service asks about and the tables' other mappings do not hold:

* a 决算's 部门整体支出绩效自评 (``Record.department_self_evaluation``): one ``bkg:DepartmentSelfEvaluation``
  per place printing it (the table, the narrative's statement), with the figures a project's 绩效自评表
  gives a project and in the same terms (``bkg:amount`` the 全年预算数, ``bkg:executedAmount``,
  ``bkg:executionRate``, ``bkg:selfEvaluationScore``), and the table's task rows as
  ``bkg:SelfEvaluationTask`` (the same terms, plus 分值 ``bkg:weight`` and 完成情况);
* the cells of a functional × economic table (``Record.functional_economic``, 北京 预算03表): one
  ``bkg:FunctionalEconomicCell`` per printed row and column (合计/基本/项目), with the functional subject
  (``bkg:functionalSubject``), the departmental economic one (``bkg:economicSubject``) and the 50x one
  beside it (``bkg:governmentSubject``).

Neither is a ``qb:Observation``: a cross cell has two subjects where the document's classification data
set has one dimension ``bkg:subject`` (its cube keeps one subject per observation: IC-12), so the cell
names them by properties of their own, and a self-evaluation is a
statement of its own, like ``bkg:PerformanceCoverage``. Money in 万元 like every amount of the graph.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from rdflib import Literal
from rdflib.namespace import RDF, RDFS

from kg.rdf import iris
from kg.vocabulary.namespaces import BKG, Terms

BKG, RDF, RDFS = (Terms(ns) for ns in (BKG, RDF, RDFS))

if TYPE_CHECKING:
    from kg.rdf.mapping import _Context

# what each place of a self-evaluation is, for people
SOURCE_LABELS = {"table": "部门整体支出绩效自评表", "narrative": "部门整体支出绩效自评结果（说明）"}


def map_evaluation_cells(ctx: "_Context") -> None:
    """Both kinds of ``ctx.record`` into ``ctx``, with the mapping's own writers (imported here:
    ``mapping`` imports this module)."""
    from kg.rdf.mapping import _location, _subject_node, decimal_literal

    _self_evaluations(ctx, _location, decimal_literal)
    _cross_cells(ctx, _location, _subject_node)


def _self_evaluations(ctx: "_Context", location, decimal_literal) -> None:
    for e in ctx.record.department_self_evaluation:
        node = iris.inside(ctx.doc, "self-evaluation", e.source)
        ctx.add(node, RDF.type, BKG.DepartmentSelfEvaluation)
        ctx.add(ctx.doc, BKG.statesSelfEvaluation, node)
        ctx.add(node, BKG.document, ctx.doc)
        ctx.text(node, BKG.evaluationSource, e.source)
        ctx.text(node, RDFS.label, SOURCE_LABELS.get(e.source, e.source))
        ctx.money(node, BKG.amount, e.budget)
        ctx.money(node, BKG.executedAmount, e.executed)
        if e.rate is not None:
            ctx.add(node, BKG.executionRate, decimal_literal(e.rate))
        if e.score is not None:
            ctx.add(node, BKG.selfEvaluationScore, decimal_literal(e.score))
        location(ctx, node, e.provenance, e.budget)
        for i, t in enumerate(e.tasks):
            task = iris.inside(ctx.doc, "self-evaluation", e.source, "task", str(i))
            ctx.add(task, RDF.type, BKG.SelfEvaluationTask)
            ctx.add(node, BKG.evaluationTask, task)
            ctx.add(task, BKG.document, ctx.doc)
            ctx.text(task, RDFS.label, iris.compact(t.name))
            ctx.text(task, BKG.description, t.content)
            ctx.text(task, BKG.taskStatus, t.status)
            if t.total:
                ctx.add(task, BKG.isTotalRow, Literal(True))
            ctx.money(task, BKG.amount, t.budget)
            ctx.money(task, BKG.executedAmount, t.executed)
            ctx.money(task, BKG.fiscalAmount, t.budget_fiscal)
            ctx.money(task, BKG.executedFiscalAmount, t.executed_fiscal)
            for prop, value in ((BKG.executionRate, t.rate), (BKG.weight, t.weight), (BKG.selfEvaluationScore, t.score)):
                if value is not None:
                    ctx.add(task, prop, decimal_literal(value))
            location(ctx, task, t.provenance, t.budget)


def _cross_cells(ctx: "_Context", location, subject_node) -> None:
    from kg.rdf.mapping import _government_concept

    seen: dict[str, int] = {}
    for cell in ctx.record.functional_economic:
        key = f"{cell.functional_code}-{cell.economic_code}-{cell.government_code or ''}"
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > 1:
            key += f"~{seen[key]}"
        functional = subject_node(ctx, cell.functional_code, cell.functional_name, True)
        economic = subject_node(ctx, cell.economic_code, cell.economic_name, False)
        for kind in ("total", "basic", "project"):
            value = getattr(cell, kind)
            if value is None:
                continue
            node = iris.inside(ctx.doc, "cross", key, kind)
            ctx.add(node, RDF.type, BKG.FunctionalEconomicCell)
            ctx.add(node, BKG.document, ctx.doc)
            ctx.add(node, BKG.functionalSubject, functional)
            ctx.add(node, BKG.economicSubject, economic)
            if cell.government_code:
                ctx.add(node, BKG.governmentSubject, _government_concept(ctx, cell.government_code, cell.government_name))
            ctx.add(node, BKG.expenditureKind, iris.expenditure_kind(kind))
            ctx.text(node, RDFS.label, f"{cell.functional_name}·{cell.economic_name}")
            ctx.money(node, BKG.amount, value)
            location(ctx, node, cell.provenance, value)
