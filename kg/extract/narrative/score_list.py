"""A 决算's list of project self-evaluation scores (项目自评分表): one line per project, its name and
its 自评分数, no amounts.

    项目名称 自评分数
    质量抽检和试验检测管理 100
    2019年度聘请专家人员经费 96.53

Guangdong's 决算 prints this under 预算绩效管理 instead of one self-evaluation sheet per project
(Xi'an's, read by ``performance``). Each line becomes a project with its score (``amount`` unknown),
merged by name with any other section that names the project.
"""
from __future__ import annotations

import re
from decimal import Decimal

from kg.extract.model import Project, Provenance
from kg.extract.narrative.text import compact
from kg.extract.source import Line

TABLE = "项目自评分表"
_HEADER_RE = re.compile(r"^(?:序号)?项目名称(?:自评|评价)?(?:分数|得分|评分|分值)$")
_ROW_RE = re.compile(r"^(?:\d{1,2}\s+)?(?P<name>\S.{1,60}?)\s+(?P<score>\d{1,3}(?:\.\d{1,2})?)\s*分?$")
_PAGE_RE = re.compile(r"^[-—–]*\s*\d{1,3}\s*[-—–]*$")


def read_score_lists(lines: list[Line], file: str) -> list[Project]:
    """Every project of every 项目名称 / 自评分数 list, with its score (0–100) and the line it stands on."""
    out: list[Project] = []
    index = 0
    while index < len(lines):
        if not _HEADER_RE.match(compact(lines[index].text)):
            index += 1
            continue
        index += 1
        while index < len(lines):
            text = lines[index].text.strip()
            if _PAGE_RE.match(text):
                index += 1
                continue
            m = _ROW_RE.match(text)
            if not m or Decimal(m.group("score")) > 100 or not re.search(r"[\u4e00-\u9fff]", m.group("name")):
                break
            line = lines[index]
            out.append(Project(name=m.group("name").strip(), self_evaluation_score=Decimal(m.group("score")),
                               provenance=[Provenance(file=file, page=line.page, line=line.lineno, table=TABLE,
                                                      row=m.group("name").strip())]))
            index += 1
    return out
