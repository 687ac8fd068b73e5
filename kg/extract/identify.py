"""Recognise a document from its content: department, fiscal year, kind and main unit.

STUB: to be completed (see the extraction issue). Keep the signatures.
"""
from __future__ import annotations

import re

from kg.extract.model import Record
from kg.extract.source import SourceDocument


def department_key(name: str) -> str:
    """A key under which aliases of one department meet (昌吉州 = 昌吉回族自治州 …)."""
    return re.sub(r"\s+", "", name or "")


def identify(doc: SourceDocument, record: Record) -> None:
    """Fill record.department, year, kind, unit from the document's text."""
    text = doc.text()[:20000]
    m = re.search(r"编制部门[:：]\s*(\S+?)\s", text)
    if m:
        record.department = m.group(1)
    m = re.search(r"(20\d\d)\s*年", text)
    if m:
        record.year = int(m.group(1))
    record.kind = "部门决算" if "决算" in text[:2000] else "部门预算"
    record.unit = "万元" if "万元" in text else "元"
