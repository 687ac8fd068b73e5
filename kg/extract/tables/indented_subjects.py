"""Functional subjects printed by name only, their level shown by indentation.

Some templates print the functional classification without codes (杭州 表1 收支总表, 表3 支出总表,
表5 一般公共预算支出表): the 类 stands at the cell's margin, its 款 one step in, their 项 two steps
in (公共安全支出 → 司法 / 监狱 / 强制隔离戒毒 → 行政运行 …). The 类 names are the national
classification's and get their codes from it (``functional_class_code``); the 款 and 项 names are
too many and too ambiguous to be looked up (行政运行 stands under every 款), so they keep no code and
are placed by their path instead: the names of their ancestors from the 类 down.

The level of a row is read from how far its name stands in from its cell's border (the PDF
reader's ``Line.indents``, kept per row as ``Row.extra["indent"]``): the distinct indentations of
the table's name cells, smallest first, are 类, 款, 项. The tree is taken only where it is a
tree — every row at the margin a national 类, no row more than one step deeper than the row above
it — and its arithmetic is checked like a coded table's: every parent against the sum of its
children (``checks.parent_groups`` follows ``extra["subject_parent"]``). A table with no
indentation read (a text extraction) keeps its 类 rows only, as before.
"""
from __future__ import annotations

from kg.extract.profiles.vocabulary import functional_class_code
from kg.extract.tables.rows import Row

# indentations closer than this (PDF points) are one step: producers set steps of 10 pt or so
_SAME_STEP = 3.0
# at most 类, 款, 项
_MAX_LEVELS = 3


def _steps(indents: list[float]) -> list[float]:
    """The distinct indentations, smallest first, those within ``_SAME_STEP`` of another as one."""
    steps: list[float] = []
    for value in sorted(indents):
        if not steps or value - steps[-1] > _SAME_STEP:
            steps.append(value)
    return steps


def _level(indent: float, steps: list[float]) -> int:
    return 1 + min(range(len(steps)), key=lambda i: abs(steps[i] - indent))


def path_label(path: tuple[str, ...]) -> str:
    """A code-less subject's identity in a check's ``where`` and its provenance's ``row``
    (``公共安全支出/监狱/行政运行``): its path, since one name stands under many parents."""
    return "/".join(path)


def place_indented(rows: list[Row]) -> bool:
    """Give a names-only functional table's rows their levels from the indentation: the 类 rows
    their national codes, every 款/项 row ``extra["subject_level"]``, ``extra["subject_path"]`` (its
    ancestors' names and its own) and ``extra["subject_parent"]`` (the row above it one level up).
    True where the table was read so; False (rows untouched) where it prints codes, shows no
    indentation, or its indentation is not a tree under national 类 names."""
    if any(row.code for row in rows):
        return False
    named = [row for row in rows if not row.is_total and row.name and any(f is not None for f in row.figures)]
    if not named or any(row.extra.get("indent") is None for row in named):
        return False
    steps = _steps([row.extra["indent"] for row in named])
    if not 2 <= len(steps) <= _MAX_LEVELS:
        return False
    placed: list[tuple[Row, int, str | None]] = []
    stack: list[Row] = []  # the latest row of each level above the current one
    for row in named:
        level = _level(row.extra["indent"], steps)
        code = functional_class_code(row.name) if level == 1 else None
        if (level == 1) != (code is not None) or level > len(stack) + 1:
            return False  # a margin row that is no 类, a 类 name indented, or a level skipped
        stack[level - 1:] = [row]
        placed.append((row, level, code))
    paths: dict[int, tuple[str, ...]] = {}
    parents: dict[int, Row | None] = {}
    stack = []
    for row, level, code in placed:
        stack[level - 1:] = [row]
        parent = stack[level - 2] if level > 1 else None
        parents[id(row)] = parent
        paths[id(row)] = (paths[id(parent)] if parent is not None else ()) + (row.name,)
    for row, level, code in placed:
        if code is not None:
            row.code = code
            row.extra["code_from_name"] = True
            continue
        row.extra["subject_level"] = level
        row.extra["subject_path"] = paths[id(row)]
        row.extra["subject_parent"] = parents[id(row)]
        row.extra["path_label"] = path_label(paths[id(row)])
    return True


def is_uncoded_subject(row: Row) -> bool:
    """A 款/项 row placed by its indentation (``place_indented``): a subject without a code."""
    return row.extra.get("subject_level") is not None
