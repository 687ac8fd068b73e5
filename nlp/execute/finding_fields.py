"""What an audit answer's row is about, as structured fields in the document's own words: the item
checked (``item``: 其他司法支出, 因公出国（境）费, 信访局临聘人员经费) and the section of the 说明 it stands
in (``section``: 项目支出情况说明, 收支总表情况说明). A reader — or a program — names a finding by these
words (说明八 临聘人员经费, 因公出国（境）费的占比), not by the project's labels (``说明八 X vs 项目支出表``).

The fields are read off what each row already carries (its ``figure``, ``stated_as`` or label, its
``place``), so every audit executor's rows get them from one function, ``described``.
"""
from __future__ import annotations

import re

from nlp.reply import Item

# A heading's own numbering (八、 （三） 1. 第三部分 6、), not its words.
_NUMBERING = re.compile(r"^(?:第[一二三四五六七八九十]+部分\s*)?(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|"
                        r"\d+[、.．])\s*")
# The measure a finding's figure puts after its item (占“三公”经费的比例, 增减幅度, 所列项级科目, 上年数).
_MEASURE = re.compile(r"(?:占[^占]*(?:比例|比重)|占比|增减幅度|增长率|增减额|比上年增减|上年数|按所写增幅倒推的上年数|"
                      r"所列\S*|表中\S*|成本指标|比较年度)$")
# Rules whose finding is the year a statement compares with (``kg.extract`` ``baseline_year``).
_YEAR_RULES = {"baseline_year"}
# A subject named with its code (其他司法支出（2040699）…): the name before the code.
_CODED_NAME = re.compile(r"^(.+?)[（(]\d{3,7}[）)]")


def section_of(place: str | None) -> str | None:
    """The heading of the 说明 section a place names (``八、项目支出情况说明——信访局临聘人员经费`` →
    项目支出情况说明; the last heading where several stand above the figure); None for a table's place."""
    if not place or "——" not in place:
        return None
    head = place.split("——")[0].strip()
    if re.match(r"^(?:部门公开|公开|预算|决算)?表\s*\d", head):
        return None
    headings = [re.sub(r"[（(](?:详见|见)[^）)]*[）)]$", "", _NUMBERING.sub("", h)).strip()  # not its （详见表1-3）
                for h in re.split(r"\s+", head) if h.strip()]
    headings = [h for h in headings if len(h) >= 4]
    return headings[-1] if headings else None


def item_of(row: Item) -> str | None:
    """The item a row checks, as the document names it: a coded subject's name (其他司法支出（2040699）增减
    幅度 → 其他司法支出), else the figure without its measure (因公出国（境）费支出占“三公”经费的比例 →
    因公出国（境）费: a 费's 支出 is the 费 itself)."""
    if row.extra.get("rule") in _YEAR_RULES:
        return "比较年份"  # what a statement compared with the wrong year has wrong (比2026年预算 in a 2026 budget)
    project = re.match(r"^项目[“\"](.+?)[”\"]", row.label or "")
    if project:  # 项目“辅助人员补助经费-拱北海关” 项目支出表 与 说明七: the project
        return project.group(1)
    coded = _CODED_NAME.match(row.label or "")
    if coded:
        return coded.group(1).strip()
    words = (row.extra.get("where") or row.label or "").split(" ")
    if len(words) >= 3 and "说明" in words[0] and re.fullmatch(r"\S{2,}表", words[1]):
        return " ".join(words[2:])  # a figure of a table the 说明 prints (说明 对比表 2022年专项业务费)
    figure = str(row.extra.get("figure") or "")
    if not figure:
        # a printed figure set beside a recomputed one (本年支出合计（印数）): the figure it names
        printed = re.sub(r"[（(]印数[)）]$", "", row.label or "")
        return printed if printed != (row.label or "") and len(printed) >= 2 else None
    first = words[0] if words and words[0] else ""
    if len(words) >= 2 and re.fullmatch(r"\S{2,}表", first) and "说明" not in first:
        # the figure of a table named by its kind (绩效目标表 菜篮子工程建设专项资金 成本指标): its row
        figure = "".join(re.split(r"\s+vs\s+", " ".join(words[1:]))[0].split())
    name = _MEASURE.sub("", figure).strip()
    levels = re.search(r"([^（）()]+)[（(]\d*项[）)]$", name)  # …司法（06款）其他司法支出（99项）: the 项's own name
    name = levels.group(1) if levels else name
    name = re.sub(r"(费)支出$", r"\1", name)
    # the kind of money after the item is not the item (委托业务费财政拨款预算 → 委托业务费)
    bare = re.sub(r"(?:财政拨款预算|财政拨款|预算)$", "", name)
    name = bare if len(bare) >= 3 else name
    return name if len(name) >= 2 else None


def table_of(place: str | None) -> str | None:
    """The printed title of the table a place names, without its number and year (``表3 部门支出总体情况表
    ——合计`` → 部门支出总体情况表; ``2026年项目支出绩效目标表——合计`` → 项目支出绩效目标表)."""
    if not place:
        return None
    head = place.split("——")[0].strip()
    head = re.sub(r"^(?:\S*表\s*[0-9一二三四五六七八九十]+|\S*[0-9一二三四五六七八九十]+表)\s+", "", head)
    head = re.sub(r"^(?:19|20)\d{2}年度?", "", head)
    return head if re.fullmatch(r"\S{4,}表", head) else None


def row_of(place: str | None) -> str | None:
    """The table's number and the row checked, as a reader names a finding (``表6 一般公共预算基本支出情况表
    ——302 商品和服务支出`` → 表6 302 商品和服务支出); None for a place in the 说明 or with no row."""
    if not place or "——" not in place:
        return None
    head, row = (part.strip() for part in place.split("——", 1))
    number = re.match(r"^(?:\S*表\s*[0-9一二三四五六七八九十]+|\S*[0-9一二三四五六七八九十]+表)(?=\s|$)", head)
    return f"{number.group(0)} {row}" if number and row else None


def described(items: list[Item]) -> list[Item]:
    """The rows with their ``item`` and ``section`` where a row is a check (it has a place or a
    printed figure) and does not carry them yet."""
    for it in items:
        if not (it.extra.get("place") or it.extra.get("printed")):
            continue
        if "item" not in it.extra:
            name = item_of(it)
            if name:
                it.extra["item"] = name
        if "section" not in it.extra:
            section = section_of(it.extra.get("place"))
            if section and not table_of(it.extra.get("place")):
                it.extra["section"] = section
        if "table" not in it.extra:
            table = table_of(it.extra.get("place"))
            if table:
                it.extra["table"] = table
        if "row" not in it.extra:
            row = row_of(it.extra.get("place"))
            if row and row != it.label:
                it.extra["row"] = row
    return items
