"""SHACL validation of a store's graph with pySHACL (``ontology/shapes.ttl``).

Why over the union of every named graph: a project's links (its policy documents, topics,
funding source) point to nodes typed in other graphs (the global graph, the same department
named in other documents), so only the union can be checked for classes.
"""
from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph
from rdflib.namespace import RDF

from kg.vocabulary.namespaces import SH
from kg.vocabulary.ontology_files import shapes_graph


@dataclass(frozen=True)
class Violation:
    focus: str
    path: str | None
    message: str
    severity: str
    shape: str | None = None

    def __str__(self) -> str:
        where = f" {self.path}" if self.path else ""
        return f"{self.severity}: <{self.focus}>{where}: {self.message}"


def validate_graph(data: Graph) -> list[Violation]:
    """Every SHACL result (empty list: the graph conforms)."""
    from pyshacl import validate

    _conforms, report, _text = validate(data, shacl_graph=shapes_graph(), inference="none",
                                        abort_on_first=False, allow_warnings=True)
    out = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        path = report.value(result, SH.resultPath)
        message = report.value(result, SH.resultMessage)
        severity = report.value(result, SH.resultSeverity)
        out.append(Violation(focus=str(report.value(result, SH.focusNode)),
                             path=str(path) if path is not None else None,
                             message=str(message) if message is not None else "constraint violated",
                             severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation",
                             shape=str(report.value(result, SH.sourceShape))))
    return sorted(out, key=lambda v: (v.focus, v.path or "", v.message))


def validate_store(store) -> list[Violation]:
    data = Graph()
    for s, p, o, _g in store.quads():
        data.add((s, p, o))
    return validate_graph(data)
