"""Where a finding stands, named as the page prints it: a table by its number and printed title
(``公开09表 一般公共预算财政拨款三公经费支出决算表``), a figure of the 情况说明 by the numbered headings it
stands under (``第三部分 四、关于财政拨款收支总表的说明``), then the figure, joined as ``place——figure``.

A check's ``where`` (``公开09表 决算数/合计``, ``说明 绩效自评涉及资金 vs 公开03表 项目支出``) is the
project's short form, good for grouping and matching but not what a reader finds on the page: the
table's number alone, or ``说明`` for a whole chapter. The records already hold what the page prints
— each recognised table's label and title (``Record.tables``), and the narrative's outline
(``kg.extract.narrative.outline``) — so the place is composed from them once, at extraction, and
kept on the check (``Check.place``) and on each stated change (``place``), for the graph and the
answers to cite.
"""
from __future__ import annotations

import bisect
import re

from kg.extract.model import Provenance, Record
from kg.extract.narrative.outline import Context, Heading, item_title, outline
from kg.extract.source import Line

# The joint between a place and its figure (as the writers and the documents' own indexes use it).
JOINT = "——"
# A table label at the start of a ``where`` (表3, 公开09表, 预算表6, 部门公开表4).
_TABLE_LABEL = re.compile(r"^\S*表\s*[0-9一二三四五六七八九十]+$")
# The short section word of a narrative ``where`` (说明, 说明四, 说明八（二）, 部门预算编制说明).
_NARRATIVE_LABEL = re.compile(r"^\S*说明[一二三四五六七八九十（）()\d]*$")


def table_titles(record: Record) -> dict[str, str]:
    """Each recognised table's printed title by its label (the first table of a label wins: a label
    printed twice is one table continued). A label a 说明's own unnumbered table was given (西安 说明十's
    会议费明细表 as 表1) yields to the recognised table printed under it (表1 部门综合预算收支总表)."""
    out: dict[str, str] = {}
    recognised: set[str] = set()
    for t in record.tables:
        label, title = t.get("label"), t.get("title")
        if not (label and title) or str(label) in recognised:
            continue
        if str(label) not in out or t.get("kind") not in (None, "other"):
            out[str(label)] = str(title)
        if t.get("kind") not in (None, "other"):
            recognised.add(str(label))
    return out


def _heading_text(head: Heading) -> str:
    """A heading as printed, up to its first figure or stop (``6、公共安全支出（204类）…（99项）``, not the
    amount the same line goes on to state)."""
    return f"{head.marker}{item_title(head) or head.title}".strip()


def section_of(context: Context | None) -> str:
    """The numbered headings a narrative line stands under, as printed: its chapter (四、…) and the
    nearest heading inside it ((一)…, 1.…); "" where the line stands under none. A part (第三部分 …)
    is left out: every chapter of the 说明 stands under the same one."""
    if context is None or not context.heads:
        return ""
    heads = list(context.heads)
    chapter = [h for h in heads if h.level == 1] or [h for h in heads if h.level == 0]
    inner = [h for h in heads if h.level >= 2]
    return " ".join(_heading_text(h) for h in chapter[-1:] + inner[-1:] if _heading_text(h))


def joined(place: str, figure: str) -> str:
    """``place——figure``, without the words of the figure the place already says (an item titled
    by its subject: ``6、…其他司法支出（99项）——增减幅度``; a table whose title is the figure)."""
    figure = " ".join(w for w in figure.split() if w not in place)
    return f"{place}{JOINT}{figure}" if figure else place


def _table_place(label: str, titles: dict[str, str]) -> str:
    title = titles.get(label)
    return f"{label} {title}" if title and title not in label else label


# A subject code as a check's ``where`` names a table's row (302, 2010601).
_SUBJECT_CODE = re.compile(r"\d{3}(?:\d{2}){0,2}")


def subject_names(record: Record) -> dict[str, str]:
    """The names the record's subject rows print beside their codes (302 → 商品和服务支出)."""
    out: dict[str, str] = {}
    for s in [*record.functional_subjects, *record.economic_subjects]:
        if s.code and s.name and s.code not in out:
            out[s.code] = s.name
    return out


def _named_rows(figure: str, names: dict[str, str]) -> str:
    """A row a ``where`` names by its code alone, with the name the table prints beside it (预算表6 302 →
    302 商品和服务支出): a code alone says nothing to a reader."""
    words = figure.split()
    return " ".join(f"{w} {names[w]}" if _SUBJECT_CODE.fullmatch(w) and names.get(w) and names[w] not in figure
                    else w for w in words)


def _one_place(where: str, prov: Provenance | None, titles: dict[str, str],
               contexts: dict[int, Context], names: dict[str, str] | None = None) -> str | None:
    """``place——figure`` of one side of a ``where``: its first word names a table (a title is added,
    a row named by its code gets its printed name) or the narrative (its headings stand in for it);
    otherwise the provenance's table or line says."""
    words = where.split()
    if not words:
        return None
    first, rest = words[0], " ".join(words[1:])
    if _TABLE_LABEL.match(first) or first in titles:
        table = _table_place(first, titles)
        return joined(table, _named_rows(rest, names or {}))
    if _NARRATIVE_LABEL.match(first):
        section = section_of(contexts.get(prov.line)) if prov is not None and prov.line is not None else ""
        return joined(section or first, rest)
    if prov is not None and prov.table and prov.table in titles:
        return joined(_table_place(prov.table, titles), where)
    # a line of the 说明 (no table): the headings above it; a table's line is not read so (a grid's
    # cells may start with 一、 or 1. and are no headings)
    if prov is not None and prov.line is not None and not prov.table:
        section = section_of(contexts.get(prov.line))
        if section:
            return joined(section, where)
    return None


def place_of(where: str, prov: Provenance | None, titles: dict[str, str],
             contexts: dict[int, Context], names: dict[str, str] | None = None) -> str | None:
    """A check's place as printed: the side its provenance stands on (the figure found wrong); the
    other side of a comparison (``… vs 公开03表 项目支出``) stays in ``where``. ``names``: the subject
    names by code (``subject_names``)."""
    return _one_place(re.split(r"\s+vs\s+", where or "")[0], prov, titles, contexts, names)


def sections(file: str, contexts: dict[int, Context]) -> list[dict]:
    """The 说明's headings by line, compactly: one entry where the headings above a line change
    (``{"file", "line", "section"}``), so any fact of the narrative can be placed by its line
    (``section_at``) — a figure the 说明 states, not only a finding — without the lines themselves."""
    out: list[dict] = []
    last = None
    for lineno in sorted(contexts):
        section = section_of(contexts[lineno])
        if section != last:
            out.append({"file": file, "line": lineno, "section": section})
            last = section
    return out


def section_at(entries: list[dict], file: str, line: int | None) -> str | None:
    """The headings above ``line`` of ``file`` (``sections``' entries, in line order per file)."""
    if line is None:
        return None
    mine = [e for e in entries if e.get("file") == file]
    k = bisect.bisect_right([e["line"] for e in mine], line) - 1
    return (mine[k].get("section") or None) if k >= 0 else None


def name_places(record: Record, lines: list[Line]) -> None:
    """Set the printed place of every check and every stated change of ``record`` (read from
    ``lines``, the document's own), and keep the 说明's headings by line (``Record.sections``)."""
    titles = table_titles(record)
    names = subject_names(record)
    contexts = outline(lines) if lines else {}
    record.sections = sections(record.source, contexts)
    for check in record.checks:
        if check.place is None:
            check.place = place_of(check.where, check.provenance, titles, contexts, names)
    for change in record.changes:
        prov = change.get("provenance")
        line = getattr(prov, "line", None) if not isinstance(prov, dict) else prov.get("line")
        if change.get("place") is None and line is not None and change.get("subject"):
            section = section_of(contexts.get(line))
            if section:
                change["place"] = joined(section, str(change["subject"]))

