"""Where the performance tables of a document start and end, and what their titles name.

A table starts at its title: ``…项目支出绩效目标表`` (a number or a qualifier printed after it,
``（预算表11）``, ``（一级项目）``, is not part of it), a title naming its project alone with the
table's 项目名称 field below (信访业务培训绩效目标表), or a title wrapped over two lines above a
ruled table (泉州 ``301007_泉州市公安局晋江国际机场分局_机场公安综`` / ``合修缮改造项目绩效目标表``). It
ends at a part heading or a numbered narrative heading — never at a narrow cell's numbered
fragment (北京 ``一、在分类分级``). A table printed one per project without a 项目名称 field is
named by its title; a unit leading the title (``单位编码_单位_项目``) is the project's 实施单位.
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.narrative.text import compact
from kg.extract.profiles.vocabulary import LEADING_NUMBER_RE, QUALIFIER_RE, TRAILING_NUMBER_RE
from kg.extract.source import Line


@lru_cache(maxsize=16384)  # asked of every line, several times per document
def _bare_title(text: str) -> str:
    """A title without what is printed after it: its number (``…绩效目标表预算表（预算表11）``, the
    profiles' own pattern) or a qualifier (重庆 ``…项目绩效目标表（一级项目）``)."""
    c = re.sub(r"(?<=表)预算表$", "", TRAILING_NUMBER_RE.sub("", compact(text)))
    bare = QUALIFIER_RE.sub("", c)
    return bare if bare.endswith(("绩效目标表", "绩效自评表")) else c


def _is_title(text: str) -> str | None:
    """``project`` / ``department`` where a line is a performance table's title."""
    c = _bare_title(text)
    if c.endswith("绩效自评表") and "项目" in c and len(c) <= 80 and not re.search(r"[，。；：:,]", c):
        return "project"  # a 决算's 项目支出绩效自评表: the same fields, with what was spent
    if not c.endswith("绩效目标表"):
        return None
    # a long title names its project (``困难残疾人生活补贴和…（省补助市级配套项目）项目绩效目标表``);
    # a sentence that mentions the tables is no title
    if len(c) > 24 and (len(c) > 80 or not c.endswith("项目绩效目标表") or re.search(r"[，。；：:,]", c)):
        return None
    if "部门整体" in c or "整体支出" in c or "单位整体" in c:
        return "department"
    if "项目" in c:
        return "project"
    return None


def _is_end(text: str) -> bool:
    """A line that ends a table: a part heading or a numbered narrative heading."""
    c = compact(text)
    return bool(re.match(r"^(?:第[一二三四五六七八九十]+部分|[（(][一二三四五六七八九十]+[)）][^\d]|"
                         r"[一二三四五六七八九十]+、)", c))


# the label of a table's project-name field: 项目名称, or 专项（项目）名称 where a table is filled for a
# 专项 as a whole (西安 专项业务经费绩效目标表: ``专项（项目）名称 | 其他履职经费``)
NAME_LABEL_RE = re.compile(r"^(?:项目名称|专项[（(]项目[)）]名称|项目[（(]专项[)）]名称|专项名称)")


# How many lines after a title named by its project alone (信访业务培训绩效目标表) its 项目名称 field
# stands: the table's own first rows (a year, the field itself).
_NAMED_TITLE_REACH = 4


def _names_its_project(lines: list[Line], at: int) -> bool:
    """Whether ``lines[at]`` is a title that names its project alone (信访业务培训绩效目标表,
    部门专项业务经费绩效目标表): a short line ending in 绩效目标表, no sentence, and the table's
    项目名称 field right below it — a contents line or a sentence mentioning the tables has none."""
    c = re.sub(r"(?<=表)预算表$", "", TRAILING_NUMBER_RE.sub("", compact(lines[at].text)))
    if not c.endswith("绩效目标表") or len(c) > 40 or re.search(r"[，。；：:,、]", c):
        return False
    if "部门整体" in c or "单位整体" in c or ("整体支出" in c and "专项" not in c):
        return False
    return any(NAME_LABEL_RE.match(compact(l.text)) for l in lines[at + 1:at + 1 + _NAMED_TITLE_REACH])


# the first half of a title wrapped over two lines (泉州 ``301007_泉州市公安局晋江国际机场分局_机场公安综`` /
# ``合修缮改造项目绩效目标表``): a long run of name characters, no sentence, no number of its own
_TITLE_HALF_RE = re.compile(r"[\w（）()“”\"、·\-—]{15,60}")


def _ruled_below(lines: list[Line], at: int) -> bool:
    """Whether a ruled table starts right below ``lines[at]`` (a title, not a sentence naming it)."""
    return any(l.cells is not None for l in lines[at + 1:at + 3])


def _wrapped_title(lines: list[Line], at: int) -> Line | None:
    """``lines[at]`` joined with the line before it where a title wrapped there: the line ends in
    绩效目标表, a ruled table follows, and the line before is a title's first half (long, no
    sentence, not a heading, not a title itself). None where the title did not wrap."""
    if at == 0 or lines[at].cells is not None or lines[at - 1].cells is not None:
        return None
    c = compact(lines[at].text)
    before = compact(lines[at - 1].text)
    # the break may fall inside the words themselves (…科技兴警绩效 / 目标表)
    if not (before + c).endswith("绩效目标表") or not c.endswith("表") or re.search(r"[，。；：:,]", c) \
            or not _ruled_below(lines, at):
        return None
    if not _TITLE_HALF_RE.fullmatch(before) or len(before) < len(c) or before.endswith(("表", "说明", "情况")) \
            or _is_end(before) or LEADING_NUMBER_RE.match(before) or re.fullmatch(r"[\d\W]+", before):
        return None
    first = lines[at - 1]
    return Line(text=before + c, lineno=first.lineno, page=first.page)


def find_tables(lines: list[Line]) -> list[tuple[str, list[Line]]]:
    """The performance tables of a document: (kind, lines from the title to the table's end)."""
    out: list[tuple[str, list[Line]]] = []
    current: list[Line] | None = None
    for at, line in enumerate(lines):
        wrapped = _wrapped_title(lines, at)
        if wrapped is not None and _is_title(wrapped.text) != "department" and title_name(wrapped.text):
            if current and current[-1] is lines[at - 1]:
                current.pop()  # the title's first half is no row of the table before
            current = [wrapped]
            out.append(("project", current))
            continue
        # a title that names its project's field below is a project's table whatever its words (西安
        # 专项资金整体支出绩效目标表: ``专项（项目）名称`` below it, one 专项's money and targets)
        kind = "project" if _names_its_project(lines, at) else _is_title(line.text)
        if kind:
            current = [line]
            out.append((kind, current))
        elif current is not None:
            if _is_end(line.text) and not _cell_fragment(lines, at):
                current = None
            else:
                current.append(line)
    return out


# a narrow merged cell printed as text lines (北京 预算12表's 绩效目标 column: ``一、在分类分级`` /
# ``工作成果基础`` …): its lines are this short, and a ruled row of the table follows soon
_FRAGMENT_CHARS = 10
_FRAGMENT_REACH = 40


def _cell_fragment(lines: list[Line], at: int) -> bool:
    """Whether a heading-like line is a fragment of a wrapped cell, not a heading: it and the
    three lines after it are short text without a label's colon, and a ruled row follows soon."""
    after = lines[at + 1:at + 4]
    if len(after) < 3 or any(l.cells is not None for l in after):
        return False
    if any(len(compact(l.text)) > _FRAGMENT_CHARS or re.search(r"[：:]", l.text) for l in (lines[at], *after)):
        return False
    return any(l.cells is not None for l in lines[at + 4:at + 1 + _FRAGMENT_REACH])


# a title that names the kind of table, not a project: 项目支出绩效目标表, 市级一般性项目绩效目标表,
# 部门专项业务经费绩效目标表, 重点专项资金绩效目标表
_GENERIC_TITLE_NAME_RE = re.compile(
    r"^(?:[省市区县]级)?(?:部门|单位|本部门|本单位)?(?:一般性|重点|主要|专项|特定目标类?)?"
    r"(?:项目支出|项目|专项资金|专项业务经费|专项经费|业务经费|资金|专项转移支付)?(?:项目)?$")
# a title led by its unit (泉州 ``301007_泉州市公安局晋江国际机场分局_机场公安综合修缮改造项目绩效目标表``)
_UNIT_LED_TITLE_RE = re.compile(r"^\d{3,}[_＿](?P<unit>[^_＿]{2,40})[_＿](?P<name>.+)$")


def _title_core(text: str) -> str:
    """The words of a title between its number and year and the words 绩效目标表."""
    c = _bare_title(text)
    c = LEADING_NUMBER_RE.sub("", c)
    c = re.sub(r"^\d{4}年(?:度)?", "", c)
    return re.sub(r"(?:绩效目标表|绩效自评表)$", "", c)


def title_name(text: str) -> str | None:
    """The project a one-table-per-project title names (``…机场公安综合修缮改造项目``), or None where
    the title names only the kind of table."""
    core = _title_core(text)
    m = _UNIT_LED_TITLE_RE.match(core)
    name = m.group("name") if m else core
    return None if len(name) < 2 or _GENERIC_TITLE_NAME_RE.match(name) else name


def title_unit(text: str) -> str | None:
    """The unit a title is led by (``301007_泉州市公安局晋江国际机场分局_…``), else None."""
    m = _UNIT_LED_TITLE_RE.match(_title_core(text))
    return m.group("unit") if m else None
