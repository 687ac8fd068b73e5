"""Narrative readers: 部门概况, 项目说明, 三公/采购/运行经费 text, 绩效目标表, 名词解释, 政策文件.

STUB: to be completed (see the extraction issue).
"""
from __future__ import annotations

from kg.extract.model import Record


def read_narrative(parts, record: Record) -> None:
    return None
