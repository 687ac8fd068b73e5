"""The functional subjects a 说明 lists one by one, added up against the total the section names.

Every template explains its money by functional subject in the narrative, in one of a few shapes:
numbered items (``财政拨款支出主要内容如下：1.“社会保障和就业支出（类）…社会福利事业单位（项）”738.66万元…``),
one subject per line with its code (``气象服务（2200509）1396.15万元``), or the classes with their
shares (``一般公共服务支出15,291.3万元，占81.65%``). The list is of the money the section is about
(财政拨款收支总预算, 一般公共预算当年拨款, 支出预算), so its parts, added up, should give the total the
section states before it. A list that does not is a finding about the document (the parts do not
make the total: one listed figure is wrong, or a subject is left out), never a correction.

A figure names a functional subject when its label carries the levels (``（类）…（款）…（项）``), a
subject code (``（2080506）``), or is the name of a class the document's own tables print. The parts
are grouped by section and level (a class and its items are never added together); a subject
stated twice in its item (title and sentence) counts once. The total is the nearest figure before
the list, in its section (else its chapter), that names a whole of the money (支出预算, 财政拨款支出,
一般公共预算拨款支出, 当年拨款, 财政拨款收支总预算) and is at least the largest part. A list that names
fewer subjects than the tables print at its level and falls short of the total is a list of the main
ones (or one the reader did not recognise whole): it is not added up.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from kg.extract.model import Check, Provenance, Record
from kg.extract.narrative.facts import in_record_unit
from kg.extract.narrative.statements import Narrative, Stated
from kg.extract.narrative.vocabulary import classify, side_of
from kg.extract.rules import precision

# ``（类）``/``（款）``/``（项）`` as a label prints a subject's levels; the deepest one is its level.
_LEVEL_WORDS = {"类": 1, "款": 2, "项": 3}
_LEVEL_RE = re.compile(r"[（(]\d{0,3}(类|款|项)[）)]")
# a functional subject's code in brackets after the name (``事业单位医疗（2101102）``); the functional
# classification's codes start with 2 (3xx and 5xx are economic subjects)
_CODE_RE = re.compile(r"[（(](2\d{2}|2\d{4}|2\d{6})[）)]")
_CODE_LEVELS = {3: 1, 5: 2, 7: 3}
LEVEL_NAMES = {1: "类", 2: "款", 3: "项"}
# How a finding about such a list ends its ``where`` (``说明四 财政拨款收支总预算 所列类级科目``).
LIST_WHERE = re.compile(r"所列[类款项]级科目$")
_QUOTES = re.compile(r"[“”\"‘’]")
# The wholes a list of subjects adds up to (classify keys); 当年拨款 is read without a side word.
_WHOLE_KEYS = {("expenditure", "expenditure_total"), ("expenditure", "fiscal_expenditure"),
               ("expenditure", "general_public_budget_expenditure"), ("expenditure", "current_year_expenditure"),
               ("expenditure", "government_fund_expenditure")}
_FISCAL_PREFIX = re.compile(r"^.*?财政拨款(?:预算)?")


@dataclass(frozen=True)
class SubjectList:
    """One section's subjects of one level, in the order printed, and the total they should make."""

    total: Stated
    parts: tuple[Stated, ...]
    level: int


def subject_level(label: str, class_names: set[str]) -> int | None:
    """The level (1 类, 2 款, 3 项) of the functional subject a label names, or None."""
    levels = [_LEVEL_WORDS[m] for m in _LEVEL_RE.findall(label)]
    if levels:
        return max(levels)
    code = _CODE_RE.search(label)
    if code and _CODE_RE.sub("", label).strip():
        return _CODE_LEVELS[len(code.group(1))]
    return 1 if _QUOTES.sub("", label) in class_names else None


def _is_whole(stated: Stated) -> bool:
    """A figure naming a whole of the section's money (see the module docstring)."""
    label = _QUOTES.sub("", stated.label or "")
    if "收支" in label:  # 财政拨款收支总预算: both sides' total of the 财政拨款 money
        return classify(_FISCAL_PREFIX.sub("", label)) == ("total", "income_and_expenditure")
    side = side_of(label)
    found = classify(label, side)
    if found in _WHOLE_KEYS:
        return True
    # 一般公共预算当年拨款 (no 收入/支出 word): the year's appropriation, which the subjects spend
    return side is None and found == ("income", "general_public_budget") and "拨款" in label


def _section_key(stated: Stated) -> tuple[str, str, str] | None:
    c = stated.context
    return (c.chapter, c.label or "", c.sub or "") if c is not None else None


def read_subject_lists(narrative: Narrative, record: Record) -> list[SubjectList]:
    """The lists of functional subjects the narrative prints, each with the total it should make."""
    class_names = {s.name for s in record.functional_subjects if s.code and len(s.code) == 3}
    figures = [s for s in narrative.amounts if s.role == "figure" and s.unit in ("万元", "元", "亿元")]
    groups: dict[tuple, list[Stated]] = {}
    for stated in figures:
        level = subject_level(stated.label or "", class_names)
        key = _section_key(stated)
        if level is None or key is None:
            continue
        groups.setdefault((key, level), []).append(stated)
    out: list[SubjectList] = []
    # the lists of one chapter whose subsections print no total of their own (一、一般公共服务支出 …
    # 二、社会保障和就业支出 …, each with its 项): one list of the chapter, against the chapter's total
    by_chapter: dict[tuple, list[Stated]] = {}
    for (key, level), members in groups.items():
        parts: dict[str, Stated] = {}
        for stated in members:  # a subject stated twice in its item (title, then sentence) counts once
            parts.setdefault(_QUOTES.sub("", stated.label), stated)
        if len(parts) < 2 or len({p.unit for p in parts.values()}) != 1:
            continue
        listed = tuple(parts.values())
        if any(_two_columns(narrative, p) for p in listed):
            continue  # 年初预算为A，支出决算为B: which figure the label names is not said (completion_rate reads them)
        total, own = _total_before(figures, listed, key)
        if total is not None and own:
            out.append(SubjectList(total, listed, level))
        elif total is not None:
            by_chapter.setdefault((id(total), level), []).extend(listed)
    for (_, level), listed in by_chapter.items():
        listed.sort(key=lambda p: p.start)
        total, _own = _total_before(figures, tuple(listed), _section_key(listed[0]))
        out.append(SubjectList(total, tuple(listed), level))
    return sorted(out, key=lambda f: (f.total.start, f.level))


def _two_columns(narrative: Narrative, stated: Stated) -> bool:
    """A 决算 sentence giving a subject's 年初预算 and its 决算 both (``年初预算为A，支出决算为B``)."""
    _, sentence = narrative.sentence_text(narrative.sentence_of(stated.start))
    return "决算" in sentence and "预算" in sentence.replace("决算", "")


def _total_before(figures: list[Stated], parts: tuple[Stated, ...], key: tuple) -> tuple[Stated | None, bool]:
    """The nearest whole before the first part, in its section, else its chapter (same unit), and
    whether it is the section's own."""
    first, largest = parts[0], max(p.value for p in parts)
    earlier = [s for s in figures if s.start < first.start and s.unit == first.unit and s.value >= largest
               and s.value > 0 and _is_whole(s)]
    in_section = [s for s in earlier if _section_key(s) == key]
    if in_section:
        return in_section[-1], True
    in_chapter = [s for s in earlier if s.context is not None and s.context.chapter == key[0]]
    return (in_chapter[-1] if in_chapter else None), False


def subject_list_checks(narrative: Narrative, record: Record, source: str) -> list[Check]:
    """narrative_sum of every listed run of functional subjects against its section's total."""
    out: list[Check] = []
    for found in read_subject_lists(narrative, record):
        total, parts = found.total, found.parts
        listed = sum((p.value for p in parts), Decimal(0))
        step = max([precision(total.value)] + [precision(p.value) for p in parts])
        # a check's money is in the record's unit (the graph converts it from there)
        expected, printed, tolerance = (in_record_unit(v, total.unit, record.unit)
                                        for v in (listed, total.value, step))
        if expected is None or printed is None:
            continue
        context = total.context
        section = context.label if context is not None and context.label else "说明"
        where = f"{section} {total.label} 所列{LEVEL_NAMES[found.level]}级科目"
        check = Check("narrative_sum", where, expected, printed, listed == total.value,
                      Provenance(source, total.line.page, total.line.lineno, section, total.label),
                      tolerance=tolerance,
                      note=f"{len(parts)}个{LEVEL_NAMES[found.level]}级科目：" + "、".join(
                          f"{_QUOTES.sub('', p.label)}{p.printed}" for p in parts))
        if not check.ok and listed < total.value - step and not _covers_table(found, record):
            continue  # the list names some subjects, not all the table prints: nothing to add up
        out.append(check)
    return out


def _covers_table(found: SubjectList, record: Record) -> bool:
    """Whether the list names at least as many subjects of its level as the tables print (non-zero):
    only then is a shortfall against the total a finding rather than a list of the main ones."""
    # a code-less row (a names-only table) counts by its path
    printed = {s.code or (*s.path, s.name) for s in record.functional_subjects if s.level == found.level and s.total}
    return len(found.parts) >= len(printed)
