"""Performance-target tables (项目支出绩效目标表) printed as ruled tables, read from their cells.

Where the PDF rules the table (福州, 烟台: one table per project), the reader gets each row's
cells and needs no token heuristics: the 一级/二级/三级指标 and 指标值 columns are found by the
header row's words, the project's fields by their label cells (``项目名称``, ``实施单位``,
``资金总额`` …: the value is the next cell that is not itself a label). A merged label cell comes
back repeated or empty; an empty one carries the label of the row above.

The 实施单位 is kept per project: a department whose centres carry some of its projects
(``实施单位 福州市商务发展促进中心``) is asked "which projects does that centre carry".

A grid lists every project in one table (长春 预算表11, 长沙, 重庆 表十二, 北京 预算12表): a 项目名称
column (``单位（项目）名称``, a name led by its code ``11000022T0000004557 94-评审工作经费``) and an
amount column (资金总额, 项目总额, 当年财政拨款预算金额) beside the indicators. The reader repeats a
merged project cell on every row it spans, so a project is a run of rows with one name; 合计 and a
unit's own row (no indicator) are subtotals, kept as the grid's ``total``. A page the reader cut
differently (a continued table that lost its label column or a span's empty column) is aligned
from the right over the header's named columns. A target printed over a sign, a value and a unit
column (``≥`` ``70`` ``%``) is one target ``>=70%``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from kg.extract.model import Indicator
from kg.extract.narrative.text import compact, money, prov
from kg.extract.source import Line
from kg.extract.narrative.performance_titles import NAME_LABEL_RE
from kg.extract.text_normalize import normalize_target

# header words of each indicator column, most specific first
_COLUMNS = {
    "level1": ("一级指标",),
    "level2": ("二级指标",),
    "name": ("三级指标",),
    "target": ("指标值", "目标值", "绩效指标值", "年度指标值"),
    "weight": ("分值", "权重"),
    "basis": ("依据",),
    "actual": ("实际完成值", "实际完成"),  # a 绩效自评表's 实际完成值 beside its 年度指标值
    "core": ("是否核心",),  # 是否核心指标 (重庆): 是 / 否
}
# label cell -> field; the label may carry a colon or a unit (``年度预算资金总额：``)
_FIELDS = (
    ("name", re.compile(NAME_LABEL_RE.pattern + r"[：:]?$")),
    ("unit", re.compile(r"^(?:实施单位|项目实施单位|承担单位|项目承担单位)[：:]?$")),
    ("department", re.compile(r"^(?:主管部门|主管部门及代码|预算部门)[：:]?$")),
    ("budget", re.compile(r"^(?:年度)?(?:预算)?(?:资金)?总额[：:]?(?:[（(]万元[)）])?[：:]?$|^年度预算资金总额[：:]?$")),
    ("fiscal", re.compile(r"^(?:其中[：:])?(?:当年)?财政拨款[：:]?$")),
    ("carryover", re.compile(r"^(?:其中[：:])?上年结转(?:资金)?[：:]?$")),
    ("other", re.compile(r"^(?:其中[：:])?其他资金[：:]?$")),
    # the money of the whole implementation period (西安 ``实施期资金总额：``): the project's amount where the
    # table prints no 年度 figure
    ("period_budget", re.compile(r"^实施期(?:资金)?总额[：:]?(?:[（(]万元[)）])?[：:]?$")),
    # a 绩效自评表 prints its goal as 年度总体目标完成情况 | 预期目标（年初设定） | 实际完成情况, then the texts
    # (项目实施期目标 — the goal of the project's whole implementation period — where no other is printed)
    ("goal", re.compile(r"^(?:年度目标|总体目标|年度绩效目标|项目总体目标|年度总体目标|年度总体目标完成情况|"
                        r"(?:项目)?实施期目标)[：:]?$")),
)
# a target whose measure unit is printed before the sign (``万元 ≤18400``, ``％ =100``)
# or wrapped around it (``平 ≤5137.26 方米``)
_UNIT_FIRST_RE = re.compile(r"^(?P<unit>[^\d<>=≥≤＞＜＝]{1,6})(?P<value>[<>=≥≤＞＜＝]{1,2}=?-?\d[\d,.]*)(?P<rest>[^\d<>=≥≤＞＜＝]{0,6})$")
_DEPARTMENT_CODE_RE = re.compile(r"^(?:\d{2,}[_\-－]|[\[【]\d+[\]】])")  # 101_福州市… , [292]国家信访局
# a column heading beside a label, not its value (a 绩效自评表's 预期目标（年初设定） | 实际完成情况)
_HEADING_CELL_RE = re.compile(r"^(?:预期目标|实际完成情况)(?:[（(][^)）]*[)）])?$")


# columns of a table that lists every project in one grid (长春 预算表11: 单位名称 | 项目名称 | 年度资金总额 |
# 年度绩效目标 | 一级 … 指标值 | 权重; 长沙: 单位编码 | 单位（项目）名称 | 资金总额 …; 重庆: 序号 | 项目名称 |
# 当年财政拨款预算金额 …; 北京 预算12表: 项目名称 | 项目总额 | 其中：财政资金 | 其他资金 …): the project's fields
# printed in its first indicator row. A heading matches where it ends with one of the words.
_ROW_FIELDS = {
    "name": ("项目名称",),
    "budget": ("年度资金总额", "资金总额", "年度金额", "项目金额", "项目总额", "预算金额"),
    "fiscal": ("财政资金",),
    "other": ("其他资金",),
    # 年度绩效目标 / 当年绩效目标: the project's objective, kept whole as its description (its figures list
    # some costs, not the project's parts: no identity is read from them, ``checks._goal_checks``)
    "goal": ("绩效目标", "年度目标"),
}
# the indicator-name column where a table has no 一级/二级/三级 split (重庆: 指标名称 | 指标性质 | 指标值 | 计量单位)
# or 指标内容 (西安: 一级指标 | 二级指标 | 指标内容 | 指标值, each name numbered ``指标 1：``)
_NAME_ONLY_HEADINGS = ("指标名称", "指标内容")
# the one indicator column of a table that prints each row's 一级, 二级 and 三级 as one text (北京 预算13表
# 部门整体支出绩效目标表: 活动 | 绩效指标 | 指标性质 | 指标值 | 度量单位, ``产出指标数量指标财政评审项目数量``)
_GLUED_NAME_HEADINGS = ("绩效指标",)
# the number a table prints before each indicator's name (``指标 1：区域自动气象站运行正常``): no part of it
_NAME_NUMBER_RE = re.compile(r"^指标\d+[：:.、]")
# a row of a template left blank (``指标 1：`` with nothing after it, ``……``): no indicator
_BLANK_NAME_RE = re.compile(r"^[.…·\-—]*$")
# a target printed over three columns: its sign (指标性质, 绩效指标性质, 指标值类型: ≥ ＝ 定性), the
# value (指标值) and its unit (计量单位, 度量单位): one target ``>=70%``
_SIGN_HEADINGS = ("指标性质", "指标值类型")
_UNIT_HEADINGS = ("计量单位", "度量单位")
_SIGN_RE = re.compile(r"^[<>=≥≤＞＜＝]{1,2}$")
_CORE = {"是": True, "否": False}  # 是否核心指标
# a grid row that is a subtotal, not a project (合计, 小计, a unit's own row carries no indicator)
_TOTAL_NAME_RE = re.compile(r"^(?:合计|小计|总计|共计)$")
# a project name printed after its code (北京: ``11000022T0000004557 94-评审工作经费``, the code wrapped
# before its last digits): the code is the project's, the name what follows the dash
_CODE_PREFIX_RE = re.compile(r"^(?P<code>[0-9A-Z]*\d[0-9A-Z]{7,})\s*(?P<tail>\d{0,4})\s*[-－—]\s*(?P<name>\S.*)$")


def split_code(name: str) -> tuple[str | None, str]:
    """(project code, name) of a grid's project cell; (None, name) where no code leads it."""
    m = _CODE_PREFIX_RE.match(name)
    if not m:
        return None, name
    return m.group("code") + m.group("tail"), compact(m.group("name"))


@dataclass
class CellTable:
    """What a ruled performance table prints: its fields and indicator rows. A grid of several
    projects (a 项目名称 column beside the indicators) is also read as one ``CellTable`` per project
    in ``projects``."""

    fields: dict[str, str]
    indicators: list[Indicator]
    projects: list["CellTable"] | None = None
    line: Line | None = None  # a grid project's first row (its provenance)
    total: str | None = None  # a grid's 合计 row: the money of every project it lists
    total_line: Line | None = None


def is_ruled(lines: list[Line]) -> bool:
    """True where the table's indicator header is a row of cells (the table is ruled)."""
    return _header(lines) is not None


# the words of an indicator header printed as a text line above ruled rows (西安 专项资金整体支出绩效目标表:
# ``一级指标 二级指标 指标内容 指标值`` unruled, its rows ruled)
_HEADER_WORDS = frozenset({"一级指标", "二级指标", "三级指标", "指标内容", "指标名称", "指标值", "分值", "权重",
                           "分值权重"})


def _header_cells(line: Line) -> tuple[str | None, ...] | None:
    """A row's cells; for a text line made of indicator-header words only, those words (the rows
    below are then aligned to them from the right, ``_column_in_row``)."""
    if line.cells is not None:
        return line.cells
    words = line.text.split()
    if len(words) >= 3 and "指标值" in words and all(w in _HEADER_WORDS for w in words):
        return tuple(words)
    return None


def _header(lines: list[Line]) -> tuple[int, dict[str, int]] | None:
    for i, line in enumerate(lines):
        row = _header_cells(line)
        if row is None or (line.cells is None and not any(l.cells is not None for l in lines[i + 1:i + 3])):
            continue  # a text line of header words heads ruled rows only where ruled rows follow it
        cells = [compact(c or "") for c in row]
        three_levels = any(c.startswith("三级指标") for c in cells)
        glued = not three_levels and not any(c in _NAME_ONLY_HEADINGS for c in cells) and \
            any(c in _GLUED_NAME_HEADINGS for c in cells) and not any(c.startswith(("一级", "二级")) for c in cells)
        if not three_levels and not glued and not any(c in _NAME_ONLY_HEADINGS for c in cells):
            continue
        columns: dict[str, int] = {}
        for key, words in _COLUMNS.items():
            # a heading that is the word itself first (长沙: 指标值类型 | 指标值 — the sign, then the value)
            exact = next((k for k, cell in enumerate(cells) if k not in columns.values() and cell in words), None)
            if exact is not None and key == "target":
                columns[key] = exact
                continue
            for k, cell in enumerate(cells):
                if k not in columns.values() and any(cell.startswith(w) or (key in ("weight", "basis") and w in cell)
                                                     for w in words):
                    columns[key] = k
                    break
        if not three_levels:
            columns["name"] = next(k for k, c in enumerate(cells) if c in (_GLUED_NAME_HEADINGS if glued
                                                                           else _NAME_ONLY_HEADINGS))
            if glued:
                columns["glued_levels"] = columns["name"]
        if "target" not in columns:  # 本年绩效指标值: the value column by its last words
            k = next((k for k, c in enumerate(cells) if c.endswith("指标值") and k not in columns.values()), None)
            if k is not None:
                columns["target"] = k
        if "name" in columns and "target" in columns:
            if "weight" not in columns and any(w in cells[columns["target"]] for w in _COLUMNS["weight"]):
                columns["target_weight"] = columns["target"]  # ``指标值 权重`` read as one cell
            for key, words in (("target_sign", _SIGN_HEADINGS), ("target_unit", _UNIT_HEADINGS)):
                k = next((k for k, c in enumerate(cells) if c.endswith(words) and k not in columns.values()), None)
                if k is not None and k > columns["name"]:
                    columns[key] = k
            # the project's columns, by the words of this header row and of a second one printed
            # below it as wide (北京: 其中： over 财政资金 | 其他资金); 单位（项目）名称 ends with 项目名称
            stacked = [cells] + [[compact(c or "") for c in l.cells] for l in lines[i + 1:i + 2]
                                 if l.cells is not None and len(l.cells) == len(cells)
                                 and any(compact(c or "").startswith("三级指标") for c in l.cells)]
            for key, words in _ROW_FIELDS.items():
                k = next((k for row in stacked for k, cell in enumerate(re.sub(r"[（()）]", "", c) for c in row)
                          if k not in columns.values() and (cell.startswith(words) or cell.endswith(words))), None)
                if k is not None and k < columns["name"]:
                    columns["project_" + key] = k
            return i, columns
    return None


def _column_in_row(k: int | None, header: list[str], width: int) -> int | None:
    """Where header column ``k`` stands in a row of ``width`` cells. A row as wide as the header
    keeps its columns; a row of a page the reader cut otherwise (a continued table that lost its
    label column or a span's empty column) is counted from the right over the header's named
    columns — the indicator columns end every row — and a column left of the row's first cell is
    not in it (a row holding only indicator cells has no project cells)."""
    if k is None or width == len(header):
        return k if k is not None and k < width else None
    named = [i for i, word in enumerate(header) if word]
    if k not in named:
        return None
    at = width - (len(named) - named.index(k))
    return at if at >= 0 else None


def _grid_target(value: str | None, sign: str | None, unit: str | None) -> str:
    """One target from a grid's sign, value and unit columns (``≥`` ``70`` ``%`` -> ``≥70%``);
    a qualitative sign (定性) adds nothing to its value."""
    value = (value or "").strip()
    if sign and _SIGN_RE.match(sign) and value:
        value = sign + value
    if unit and value and re.search(r"\d$", value):
        value += unit
    return value


def _field_key(cell: str) -> str | None:
    return next((key for key, pattern in _FIELDS if pattern.match(cell)), None)


# a 绩效自评表's money header: 年初预算数 | 全年预算数（A） | 全年执行数（B） | 分值 | 执行率 | 得分
_SELF_EVALUATION_COLUMNS = (("initial_budget", "年初预算数"), ("budget", "全年预算数"), ("executed", "全年执行数"),
                            ("execution_rate", "执行率"))
# the 其中 lines under it split the 全年预算数 column (a blank line: — or nothing)
_SPLIT_KEYS = ("fiscal", "carryover", "other")


def _self_evaluation(rows: list[Line], out: dict[str, str]) -> None:
    """年初预算数, 全年预算数, 全年执行数, 执行率 of the 年度资金总额 row under a 绩效自评表's money
    header, and the 全年预算数 of each 其中 line (当年财政拨款 / 上年结转资金 / 其他资金)."""
    columns: dict[str, int] = {}
    total_seen = False
    for line in rows:
        cells = [compact(c or "") for c in (line.cells or ())]
        if not columns:
            for key, word in _SELF_EVALUATION_COLUMNS:
                k = next((k for k, c in enumerate(cells) if c.startswith(word)), None)
                if k is not None:
                    columns[key] = k
            if "executed" not in columns:
                columns.clear()
            continue
        if any(c.startswith("年度资金总额") for c in cells):
            total_seen = True
            for key, k in columns.items():
                value = cells[k].rstrip("%％") if k < len(cells) else ""
                if value and money(value) is not None:
                    out[key] = value
            continue
        split = next((key for key in (_field_key(c) for c in cells) if key in _SPLIT_KEYS), None)
        if total_seen and split and split not in out and "budget" in columns:
            k = columns["budget"]
            value = cells[k] if k < len(cells) else ""
            out[split] = value if money(value) is not None else ""  # blank: no money of that kind
        elif total_seen and not split:
            return


def _fields(rows: list[Line]) -> dict[str, str]:
    """The project's fields from the label cells above the indicator header."""
    out: dict[str, str] = {}
    _self_evaluation(rows, out)
    for line in rows:
        cells = [compact(c or "") for c in (line.cells or ())]
        for k, cell in enumerate(cells):
            key = _field_key(cell)
            if key is None or key in out:
                continue
            value = next((c for c in cells[k + 1:] if c and c != cell), "")
            if not value or _field_key(value) or _HEADING_CELL_RE.match(value):
                continue
            if key == "department":
                value = _DEPARTMENT_CODE_RE.sub("", value)
            out[key] = value
            if key == "goal" and "executed" in out:  # a 绩效自评表: 预期目标, then 实际完成情况
                achieved = [c for c in cells[k + 1:] if c and c not in (cell, value) and not _HEADING_CELL_RE.match(c)]
                if achieved:
                    out["achieved"] = achieved[-1]
    return _unswapped(out)


# what names money, not a department: a 专项's or a project's name (安全生产专项资金, 其他履职经费)
_MONEY_NAME_RE = re.compile(r"(?:资金|经费|项目|专项)$")


def _unswapped(fields: dict[str, str]) -> dict[str, str]:
    """The fields with the project's name and its 主管部门 put back where a table filled them the other
    way round (西安 2019: ``专项（项目）名称 西安市安全生产监督管理局`` / ``主管部门 安全生产专项资金``): the
    主管部门 cell names money and the name cell does not."""
    name, department = fields.get("name"), fields.get("department")
    if name and department and _MONEY_NAME_RE.search(department) and not _MONEY_NAME_RE.search(name):
        return {**fields, "name": department, "department": name}
    return fields


def _target(text: str) -> str | None:
    bare = compact(text or "")
    m = _UNIT_FIRST_RE.match(bare)
    # the words before the sign are the unit where nothing follows the value or they are a unit's
    # first character (``平 ≤5137.26 方米``); before a value with its own unit they name what is measured
    # (西安 ``满意度≥92%``, ``全年执法≥12 次``) and stay where printed
    if m and (not m.group("rest") or len(m.group("unit")) == 1):
        bare = m.group("value") + m.group("unit") + m.group("rest")
    return normalize_target(bare)


def read_cell_table(lines: list[Line], file: str, table_name: str | None) -> CellTable | None:
    """The fields and indicators of a ruled performance table, or None where it is not ruled."""
    found = _header(lines)
    if found is None:
        return None
    start, columns = found
    fields = _fields([l for l in lines[:start] if l.cells is not None])
    name_for_rows = fields.get("name") or table_name or "绩效目标表"
    indicators: list[Indicator] = []
    groups: list[CellTable] = []
    last: dict[str, str | None] = {"level1": None, "level2": None}
    self_score = None
    grid = "project_name" in columns
    total: str | None = None
    total_line: Line | None = None
    current: CellTable | None = None  # the grid's project the rows belong to
    filled = False  # the reader repeats a merged project cell on every row it spans
    header = [compact(c or "") for c in (_header_cells(lines[start]) or ())]
    numbered = False  # the table numbers its indicators' names (``指标 1：``)
    for line in lines[start + 1:]:
        if line.cells is None:
            continue
        cells = line.cells

        def raw(key: str) -> str | None:
            k = _column_in_row(columns.get(key), header, len(cells))
            return cells[k] if k is not None else None

        def cell(key: str) -> str | None:
            return compact(raw(key) or "") or None

        if compact(cells[0] or "") == "总分":  # a 绩效自评表's last row: the score it gives itself
            self_score = next((money(compact(c)) for c in reversed(cells) if c and money(compact(c)) is not None), None)
            continue
        name = cell("name")
        if name in _NAME_ONLY_HEADINGS or name == "三级指标":
            continue  # the header printed again (a second header row, a page's repeat)
        if grid and name is None and any(_TOTAL_NAME_RE.match(compact(c or "")) for c in cells[:columns["project_name"] + 1]):
            total, total_line, current = cell("project_budget"), line, None  # 合计 417.41
            continue
        if grid:
            before = current
            current, filled = _grid_row(cell, name, current, filled, groups, line)
            if current is not before:
                last = {"level1": None, "level2": None}  # a project's labels are its own
            elif current is not None:
                _continue_goal(current, cell("project_goal"))
        if name is None:
            continue
        if _NAME_NUMBER_RE.match(name):
            numbered = True
            name = _NAME_NUMBER_RE.sub("", name)
            if _BLANK_NAME_RE.match(name):
                continue  # a template's row left blank (``指标 1：``)
        elif _BLANK_NAME_RE.match(name):
            continue
        elif numbered and indicators and _continues_row(indicators[-1], raw("target"), current):
            indicators[-1].name += name  # the name's cell wrapped onto a row of its own (``…治污减霾工`` / ``作``)
            continue
        if "glued_levels" in columns:
            last["level1"], last["level2"], name = _unglued(name)
        for level in ("level1", "level2"):
            value = cell(level)
            if value:
                last[level] = re.sub(r"[（(]\d+(?:\.\d+)?分[)）]$", "", value)  # 产出指标（50分）
        if cell("level2") and not cell("level1"):  # the row prints its 二级 but not its 一级
            last["level1"] = _carried_level1(last["level1"], last["level2"])
        weight = money(cell("weight") or "") if "weight" in columns else None
        target_text = raw("target")
        if "target_sign" in columns or "target_unit" in columns:
            target_text = _grid_target(target_text, cell("target_sign"), cell("target_unit"))
        if "target_weight" in columns and target_text:
            glued = re.match(r"^(?P<target>.+?)\s+(?P<weight>\d+(?:\.\d+)?)$", target_text.strip())
            if glued:  # ``>=2次 40``: the target, then its weight
                target_text, weight = glued.group("target"), money(glued.group("weight"))
        indicator = Indicator(
            level1=_whole_level1(last["level1"], last["level2"]), level2=last["level2"], name=name,
            target=_target(target_text or ""),
            weight=weight, basis=cell("basis"), actual=_target(cell("actual") or "") if "actual" in columns else None,
            provenance=prov(file, line, "绩效目标表", current.fields["name"] if current else name_for_rows),
            nature=cell("target_sign") if "target_sign" in columns else None,
            core=_CORE.get(cell("core") or "") if "core" in columns else None)
        indicators.append(indicator)
        if current is not None:
            current.indicators.append(indicator)
    if self_score is not None:
        fields["score"] = str(self_score)
    groups = [g for g in groups if g.indicators]  # a subtotal row (合计, a unit's own row) is no project
    return CellTable(fields=fields, indicators=indicators, projects=groups or None, total=total, total_line=total_line)


def _unglued(text: str) -> tuple[str | None, str | None, str]:
    """(一级, 二级, name) of a name printed after its levels (``产出指标数量指标财政评审项目数量``); the
    levels are the standard words it starts with (None where it starts with none)."""
    from kg.extract.narrative.performance import LEVEL1, LEVEL2

    level1 = next((w for w in sorted(LEVEL1, key=len, reverse=True) if text.startswith(w)), None)
    rest = text[len(level1):] if level1 else text
    level2 = next((w for w in sorted(LEVEL2, key=len, reverse=True) if rest.startswith(w)), None)
    name = rest[len(level2):] if level2 else rest
    return level1, level2, name or text


def _continues_row(previous: Indicator, target: str | None, project: CellTable | None) -> bool:
    """Whether an unnumbered row of a table that numbers its names is the previous row's name
    wrapped onto a row of its own: its target is the previous one repeated (the merged cell
    printed again) or blank, and it belongs to the same project."""
    if project is not None and previous not in project.indicators:
        return False
    return not compact(target or "") or _target(target or "") == previous.target


def _carried_level1(level1: str | None, level2: str | None) -> str | None:
    """The 一级指标 of a row that prints its 二级 but no 一级: the one carried down from the rows above,
    unless the row's 二级指标 belongs to another standard 一级 — a merged 一级 cell printed once, mid-span
    (西安: 效益指标 printed on the third of its rows), does not reach back over the rows above it."""
    from kg.extract.narrative.performance import LEVEL1_OF

    implied = LEVEL1_OF.get(level2 or "")
    if implied and level1 in LEVEL1_OF.values() and implied != level1:
        return implied
    return level1


def _whole_level1(level1: str | None, level2: str | None) -> str | None:
    """A 一级指标 cut by a page break (``效益指`` on one page, ``标`` on the next) is the 一级 its 二级
    belongs to where the fragment is part of that label; any other value stays as printed."""
    from kg.extract.narrative.performance import LEVEL1, LEVEL1_OF

    implied = LEVEL1_OF.get(level2 or "")
    if level1 and level1 not in LEVEL1 and implied and level1 in implied:
        return implied
    return level1


def _grid_row(cell, name: str | None, current: CellTable | None, filled: bool,
              groups: list[CellTable], line: Line) -> tuple[CellTable | None, bool]:
    """The project a grid row belongs to: (current project, whether the reader fills merged cells).

    A project cell that differs from the current project's opens the next project (its amount
    printed in this row); the same name again is the merged cell repeated. A row without a
    project cell after such repeats belongs to a project whose cells were lost (a page break cut
    its merged cell): it is given to none. 合计 and rows without an indicator (a unit's subtotal)
    open no project.
    """
    raw = cell("project_name")
    if raw is None:
        return (None if filled else current), filled
    code, project = split_code(raw)
    if project == "项目名称" or project.endswith("（项目）名称") or _TOTAL_NAME_RE.match(project):
        return None, filled
    if current is not None and current.fields["name"] == project:
        if cell("project_budget") and "budget" not in current.fields:
            current.fields["budget"] = cell("project_budget")
        return current, True
    if name is None:
        return None, filled  # a unit's own row (长沙市信访局 417.41): a subtotal, no indicators
    fields_of = {"name": project}
    if code:
        fields_of["code"] = code
    for key in ("budget", "fiscal", "other", "goal"):
        if cell("project_" + key):
            fields_of[key] = cell("project_" + key)
    groups.append(CellTable(fields=fields_of, indicators=[], line=line))
    return groups[-1], filled


def _continue_goal(project: CellTable, text: str | None) -> None:
    """A grid's objective cell wrapped onto the project's next rows (a page or a row boundary cut
    the merged cell): its pieces joined in order; the merged cell repeated on each row adds nothing."""
    if not text:
        return
    goal = project.fields.get("goal") or ""
    if text not in goal:
        project.fields["goal"] = goal + text


def amount(fields: dict[str, str], key: str) -> Decimal | None:
    """A 万元 figure of the table's fields (``资金总额 14.74``)."""
    return money(fields[key]) if fields.get(key) else None
