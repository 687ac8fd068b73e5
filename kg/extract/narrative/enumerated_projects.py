"""Projects the narrative enumerates under the project expenditure (深圳 and many 2026 templates)::

    （五）项目支出 26,361.57 万元，具体包括：
    1.预决算管理业务 18,808.16 万元，主要包括：深圳市承担的…贴息资金 10,000.00 万元，用于…；
      市本级政府采购业务费 3600.00 万元，用于…
    2.财政综合管理业务 2,714.03 万元，主要用于机关运行保障…

A document printing its projects only this way (no 项目名称： blocks, no project table by name)
yields them here. The list is found by ``compositions`` (a figure, a list word, the parts that
follow): a composition whose total the vocabulary knows as 项目支出 and whose parts it does not
know (a list of functional subjects, ``其中：一般公共服务支出 417.41万元``, is no list of projects).
Each part is a project; the rest of its item — its own parts (``主要包括：a x万元；b …``) and what
it is for — is kept as the project's description, the way ``project_sheets`` keeps a sheet's
年度预算安排. Whether the projects add up to the stated 项目支出 is ``enumeration_checks`` (registered here as
the producer ``narrative.projects``; the audit's ``narrative_sum`` of other lists leaves these to it).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from kg.extract.model import Check, Project, Provenance, Record
from kg.extract.narrative.compositions import Composition, read_compositions
from kg.extract.narrative.facts import in_record_unit
from kg.extract.narrative.statements import Narrative, Stated
from kg.extract.narrative.text import scrub_phones
from kg.extract.narrative.vocabulary import classify
from kg.extract.profiles.vocabulary import functional_class_code
from kg.extract.rules import precision, register_checks

# where the next numbered item begins, left at the end of an item's text (``…党务管理等。3.``)
_TRAILING_MARKER_RE = re.compile(r"(?:[（(]?[一二三四五六七八九十\d]{1,2}[)）.．、])+$")
SECTION = "项目支出情况说明"  # a 说明 section: ``merge`` joins these to the tables' projects by name


@dataclass
class EnumeratedProject:
    """One item of an enumerated 项目支出, as printed (amount in the printed unit)."""

    part: Stated
    detail: str  # the item's words after its figure: its own parts and what it is for


def project_lists(narrative: Narrative) -> list[Composition]:
    """The compositions that enumerate the project expenditure by project."""
    return [c for c in read_compositions(narrative) if enumerates_projects(c)]


def enumerates_projects(composition: Composition) -> bool:
    """True where the total is the 项目支出 and no part is a figure the vocabulary knows (a list of
    functional subjects or expenditure kinds is no list of projects)."""
    if (classify(composition.head.label) or ("", ""))[1] != "project_expenditure":
        return False
    return not any(classify(part.label) is not None or functional_class_code(part.label) is not None
                   for part in composition.parts)


def _items(narrative: Narrative, composition: Composition) -> list[EnumeratedProject]:
    text = narrative.span.text
    out = []
    for k, part in enumerate(composition.parts):
        stop = composition.parts[k + 1].start if k + 1 < len(composition.parts) else composition.end
        stop = max(stop, part.end)
        detail = text[part.share_end or part.end:stop]
        if k + 1 < len(composition.parts):
            detail = detail[:len(detail) - len(composition.parts[k + 1].raw)] \
                if detail.endswith(composition.parts[k + 1].raw) else detail
        detail = _TRAILING_MARKER_RE.sub("", detail.strip("，,；; ")).strip("，,；; ")
        out.append(EnumeratedProject(part, detail))
    return out


def read_enumerated_projects(narrative: Narrative, file: str, unit: str | None,
                             department: str | None) -> list[Project]:
    """Every project an enumerated 项目支出 names, amount in the record's ``unit``."""
    projects: list[Project] = []
    for composition in project_lists(narrative):
        for item in _items(narrative, composition):
            value = in_record_unit(item.part.value, item.part.unit, unit)
            if value is None:
                continue
            line = item.part.line
            where = Provenance(file=file, page=line.page, line=line.lineno, table=SECTION, row=item.part.label)
            projects.append(Project(name=item.part.label, amount=value, category="current",
                                    responsible_unit=department,
                                    description=scrub_phones(item.detail) or None, provenance=[where]))
    return projects


def enumeration_checks(narrative: Narrative, file: str) -> list[Check]:
    """``narrative_sum``: the projects listed add up to the 项目支出 stated before them, to the
    precision printed; a 主要包括 list falling short names the main projects only (a notice)."""
    out: list[Check] = []
    for composition in project_lists(narrative):
        head, parts = composition.head, composition.parts
        if any(p.unit != head.unit for p in parts):
            continue
        expected = sum((p.value for p in parts), Decimal(0))
        tolerance = max([precision(head.value)] + [precision(p.value) for p in parts])
        line = head.line
        check = Check("narrative_sum", f"{SECTION} {head.label} 所列项目", expected, head.value,
                      expected == head.value,
                      Provenance(file=file, page=line.page, line=line.lineno, table=SECTION, row=head.label),
                      tolerance=tolerance,
                      note=f"{composition.word}：" + "、".join(f"{p.label}{p.printed}" for p in parts))
        if not check.ok and composition.partial and expected < head.value:
            check.severity = "notice"
        out.append(check)
    return out


@register_checks("narrative.projects", "说明所列项目之和等于项目支出")
def enumerated_project_checks(parts, record: Record) -> list[Check]:
    """The producer of ``enumeration_checks`` over the document's narrative (``kg.extract.checks``)."""
    from kg.extract.narrative.audit import narrative_lines
    from kg.extract.narrative.statements import read_statements

    lines = narrative_lines(parts)
    if not lines:
        return []
    return enumeration_checks(read_statements(lines, record.department), record.source)
