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

from kg.extract.errors import ExtractionError
from kg.extract.model import Record
from kg.extract.source import SourceDocument


def parse_document(doc: SourceDocument) -> Record:
    """Read one document into a Record; raises ExtractionError where it is not a budget."""
    from kg.extract import checks, identify, merge, sections
    from kg.extract.narrative import read_narrative
    from kg.extract.page_furniture import drop_page_furniture
    from kg.extract.tables import read_tables

    from kg.extract.profiles import recognise_document

    record = Record(source=doc.name, files=[doc.name])
    doc.lines = drop_page_furniture(doc.lines)
    family = recognise_document([line.text for line in doc.lines])
    record.template = family.profile.name
    identify.identify(doc, record)
    parts = sections.split(doc, record, family.profile)
    if not parts.tables and not parts.has_budget_narrative:
        raise ExtractionError(doc.path, "not a budget disclosure: no budget table or budget narrative found")
    read_tables(parts, record)
    read_narrative(parts, record)
    merge.merge_projects(record)
    record.checks = checks.run_all(parts, record)
    return record
