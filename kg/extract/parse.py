"""The parsing pipeline: SourceDocument -> Record, as a chain of small stages.

    furniture  -> page numbers and repeated running headers dropped (``page_furniture``)
    family     -> the template family whose profile fits the content best (``kg.extract.profiles``)
    identify   -> department, year, kind, unit (from the content, never the file name)
    sections   -> the document cut into recognised tables and narrative parts
    tables     -> each recognised table read by the parser registered for its kind
    narrative  -> 部门概况, 项目说明, 三公/采购/运行经费 text, 绩效目标表, 名词解释, policy documents
    merge      -> one Project per project over all sections (name + amount)
    checks     -> every identity the tables promise, recomputed with Decimal

Each stage takes plain data and returns plain data; ``ParseContext`` only carries them along.
"""
from __future__ import annotations

import re

from kg.extract.project_aggregates import mark_aggregates
from kg.extract.errors import ExtractionError
from kg.extract.model import Record
from kg.extract.source import SourceDocument


def _prints_figures(parts) -> bool:
    """True where a table of the document prints at least one amount (numbering — 行次, 栏次 —
    is no amount)."""
    from kg.extract.grid import analyse, cell_text, is_numbering_row
    from kg.extract.text_normalize import is_money

    for table in parts.tables:
        layout = analyse(table.lines)
        for line in table.lines:
            if line.cells is None:
                if layout is None and re.search(r"\d\.\d", line.text):
                    return True
                continue
            if layout is None or layout.is_header(line) or is_numbering_row(line.cells):
                continue
            if any(layout.role(i) == "figure" and is_money(cell_text(c)) for i, c in enumerate(line.cells) if c):
                return True
    return False


def parse_document(doc: SourceDocument) -> Record:
    """Read one document into a Record; raises ExtractionError where it is not a budget."""
    from kg.extract import checks, identify, merge, sections
    from kg.extract.narrative import read_narrative
    from kg.extract.page_furniture import drop_page_furniture
    from kg.extract.tables import read_tables

    from kg.extract.pdf_reader import DEFAULT_SETTINGS
    from kg.extract.places import name_places
    from kg.extract.profiles import recognise_document

    record = Record(source=doc.name, files=[doc.name])
    doc.lines = drop_page_furniture(doc.lines)
    family = recognise_document([line.text for line in doc.lines])
    record.template = family.profile.name
    if doc.format == "pdf" and family.profile.pdf != DEFAULT_SETTINGS:
        # the family finds its tables with other settings than the first reading used
        from kg.extract.pdf_reader import read_pdf

        doc = read_pdf(doc.path, family.profile.pdf, doc.limits)
        record.source = doc.name
        doc.lines = drop_page_furniture(doc.lines)
    identify.identify(doc, record)
    parts = sections.split(doc, record, family.profile)
    if not parts.tables and not parts.has_budget_narrative:
        raise ExtractionError(doc.path, "not a budget disclosure: no budget table or budget narrative found")
    read_tables(parts, record)
    if parts.tables and not parts.has_budget_narrative and not _prints_figures(parts):
        raise ExtractionError(doc.path, "a blank form: its tables print no figure (an unfilled template, not a "
                                        "department's disclosure)")
    read_narrative(parts, record)
    parts.project_amounts = merge.merge_projects(record)
    mark_aggregates(record)  # a 专项's target table filled for a whole project table
    record.checks = checks.run_all(parts, record)
    name_places(record, list(doc.lines))  # each finding's and stated change's place, as the page prints it
    return record
