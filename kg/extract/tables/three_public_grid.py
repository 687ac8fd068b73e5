"""三公 tables laid out in columns (上海, 江苏, 浙江, 长春, 西安, the 决算 template), read from PDF cells.

The Xinjiang 表10 lists the 三公 items down its rows; most other families put them across the
header (合计 | 因公出国（境）费 | 公务接待费 | 公务用车购置及运行费: 小计 | 购置费 | 运行费 …) with the
figures in a row below. Each column is named by its header path (``kg.extract.grid``), then:

* 江苏 and 西安 add 会议费 and 培训费: the 三公 total is then the 三公 小计 column, not 合计;
* the 决算 template prints every item as 预算数 | 决算数 — as column groups, or as two rows
  labelled 预算数 and 决算数: a 决算 record takes 决算数, a budget 预算数, and every phase's
  figures are kept (``ThreePublicData.phases``, the record's ``phased``);
* 西安 prints 上年 | 当年 | 增减变化情况 groups: the document's year is 当年;
* a table of one row per unit (杭州, 湖州) is read from its 合计 row, each unit's row kept apart
  (``three_public_units``);
* 上海 adds 机关运行经费预算数 (the operating expenses);
* a table in 万元 inside a record in 元 is converted exactly (``in_record_unit``).

Only rows with cells (PDF) are read here; text rows are left to ``three_public``.
"""
from __future__ import annotations

import re
from decimal import Decimal

from kg.extract.grid import analyse, cell_text, is_numbering_row
from kg.extract.model import Provenance, Record
from kg.extract.tables.classification import printed_unit
from kg.extract.source import Line
from kg.extract.profiles.vocabulary import phase_of, without_year
from kg.extract.tables.contracts import ThreePublicData
from kg.extract.text_normalize import is_money, parse_money

# header words that say which year a column holds (not what it holds)
_YEAR_GROUP_RE = re.compile(r"^(?:上年|当年|本年|增减变化情况|增减|变化情况|当年预算|上年结转结余|本年预算)$")
# a column per source of funds under each item (深圳): the item is the group's, the sources add up
_SOURCE_RE = re.compile(r"^(?:一般公共预算(?:拨款)?|政府性基金(?:预算)?(?:拨款)?|国有资本经营预算(?:拨款)?)$")
_SKIPPED_GROUP_RE = re.compile(r"^(?:上年|增减变化情况|增减|变化情况|上年结转结余)$")


_YEAR_PREFIX_RE = re.compile(r"^(20\d\d)\s*年度?")


def _years(path: tuple[str, ...]) -> set[int]:
    """The years a column's headers name (``2025年预算数`` | ``2026年预算数``)."""
    return {int(m.group(1)) for p in path for m in [_YEAR_PREFIX_RE.match(p)] if m}


_bare = without_year
_phase = phase_of


# What a header word names, searched anywhere in the word: a header set in narrow columns can
# carry a neighbour's character (``公公务接待费``) or lose its first (``务用车购置及运行维护``).
ITEM_WORDS: tuple[tuple[str, str], ...] = (
    ("operating_expenses", r"机关运行经费"),
    ("overseas", r"因公出国"),
    ("reception", r"公务接待|接待费"),
    ("meetings", r"会议费"),
    ("training", r"培训费"),
    ("vehicles", r"购置及运行"),
    ("vehicle_purchase", r"^(?:其中[:：])?(?:公务用车)?购置|车购置"),
    ("vehicle_operation", r"^(?:其中[:：])?(?:公务用车)?运行|车运行"),
    # a header naming the 三公 explicitly is the 三公 figure (beside 会议费 and 培训费 where printed);
    # a bare 合计 is the table's total
    ("subtotal", r"^三公经费(?:合计|总计|.*总额)?$"),
    ("total", r"^(?:合计|总计)$"),
)


def item_key(name: str) -> str | None:
    """What one header word names (None for a group word such as 当年 or 小计)."""
    for key, pattern in ITEM_WORDS:
        if re.search(pattern, name):
            return key
    return None


def _key(path: tuple[str, ...]) -> str | None:
    """What a column holds, from its header path: the leaf's item, or for a 小计/合计 leaf the
    item of the nearest group that names one (公务用车购置及运行费 / 小计 = vehicles); a 小计 under
    no item group is the 三公 subtotal (beside 会议费 and 培训费)."""
    names = [_bare(p) for p in path]
    names = [p for p in names if not _phase([p]) and not _YEAR_GROUP_RE.match(p) and not _SOURCE_RE.match(p)]
    if not names:
        return None
    leaf, groups = names[-1], names[:-1]
    if leaf in ("小计", "合计"):
        for group in reversed(groups):
            key = item_key(group)
            if key not in (None, "total"):
                return key
        return "subtotal" if leaf == "小计" else "total"
    if re.match(r"^科研", leaf):
        return None  # 科研因公出国（境）费用: inside 因公出国 but not the item itself
    return item_key(leaf)


def read_grid(table, record: Record) -> bool:
    """Read a column-layout 三公 table into ``record.totals``; False where it is not one."""
    from kg.extract.tables.classification import in_record_unit

    layout = analyse(table.lines)
    if layout is None:
        return False
    paths = [c.path for c in layout.columns]
    # a column of another year (重庆: 2025年预算数 | 2026年预算数) or of differences is not this budget's;
    # the year before's columns are kept apart (``_previous_year``)
    earlier = [_earlier_year(p, record.year) for p in paths]
    keys = [_key(p) if not any(_SKIPPED_GROUP_RE.match(_bare(g)) for g in p[:-1])
            and not (record.year and _years(p) and record.year not in _years(p)) else None for p in paths]
    if sum(1 for k in keys if k in ("overseas", "reception", "vehicles", "vehicle_operation")) < 2:
        return False  # the items run down the rows: not a column layout
    rows = [line for line in table.lines if line.cells is not None and not layout.is_header(line)
            and not is_numbering_row(line.cells) and any(c and is_money(cell_text(c)) for c in line.cells)]
    if not rows:
        return False
    own = "final" if (record.kind or "").endswith("决算") else "budget"
    budget_phases = ("budget", "initial_budget", "adjusted_budget")
    # (phase, line) of the rows to read: rows labelled 预算数/决算数, else the 合计 row or the first
    labelled = [(_phase([cell_text(c) for c in line.cells if c and not is_money(cell_text(c))]), line) for line in rows]
    before_row = None
    if any(phase for phase, _ in labelled):
        chosen = [(phase, line) for phase, line in labelled if phase]
    else:
        total_row = next((line for line in rows if any(re.match(r"^(?:合计|总计)$", cell_text(c)) for c in line.cells
                                                        if c)), None)
        # a row per year (深圳: 2025年 | 2026年 | 增减变化金额): the document's year
        year_row = next((line for line in rows if record.year and any(
            re.fullmatch(rf"{record.year}年?度?", cell_text(c)) for c in line.cells if c)), None)
        chosen = [(None, total_row or year_row or rows[0])]
        # …and the row of the year before, where the table prints one (深圳: 2025年 | 2026年)
        before_row = next((line for line in rows if record.year and year_row is not None and any(
            re.fullmatch(rf"{record.year - 1}年?度?", cell_text(c)) for c in line.cells if c)), None)
    phases: dict[str, dict[str, tuple[Decimal | None, int, Line]]] = {}
    for row_phase, line in chosen:
        cells = list(line.cells or ())
        for col, key in enumerate(keys):
            if key is None or layout.role(col) != "figure":
                continue
            phase = row_phase or _phase(paths[col]) or own
            text = cell_text(cells[col]) if col < len(cells) else ""
            value = parse_money(text) if text and is_money(text) else None
            found = phases.setdefault(phase, {})
            if key in found and _SOURCE_RE.match(paths[col][-1]) and _SOURCE_RE.match(paths[found[key][1]][-1]) \
                    and paths[col][:-1] == paths[found[key][1]][:-1]:
                # another source of funds of the same item: the item is their sum
                before = found[key][0]
                if value is not None:
                    found[key] = ((before or Decimal(0)) + value, found[key][1], line)
                continue
            found.setdefault(key, (value, col, line))
    values = phases.get(own) or (next((phases[p] for p in budget_phases if p in phases), None) if own == "budget"
                                 else None) or next(iter(phases.values()))
    tp = record.totals.three_public
    has_other = "meetings" in values or "training" in values
    total_key = "subtotal" if (has_other or "total" not in values) and "subtotal" in values else "total"
    mapping = {"total": total_key, "overseas": "overseas", "reception": "reception", "vehicles": "vehicles",
               "vehicle_purchase": "vehicle_purchase", "vehicle_operation": "vehicle_operation"}
    written = dict(mapping)
    if has_other:  # 会议费, 培训费 and the 合计 with them, as the 三公 table prints them
        written.update({"meetings": "meetings", "training": "training"})
        if total_key == "subtotal":
            written["with_meetings_training"] = "total"
    for attr, key in written.items():
        if key not in values:
            continue
        value, col, line = values[key]
        setattr(tp, attr, in_record_unit(value, table, record))
        record.totals.provenance[f"three_public.{attr}"] = Provenance(
            file=record.source, page=line.page, line=line.lineno, table=table.label, row="/".join(paths[col]),
            unit=printed_unit(table, record))
    if "operating_expenses" in values and record.totals.operating_expenses is None:
        value, col, line = values["operating_expenses"]
        if value is not None:
            record.totals.operating_expenses = in_record_unit(value, table, record)
            record.totals.provenance["operating_expenses"] = Provenance(
                file=record.source, page=line.page, line=line.lineno, table=table.label, row=paths[col][-1],
                unit=printed_unit(table, record))
    # a table by unit (杭州, 湖州 表7): each unit's row besides the 合计, and Σ units = 合计 per column
    from kg.extract.tables.three_public_units import read_units

    current = {attr: values[key][1] for attr, key in written.items() if key in values}
    before_columns, change_columns = year_columns(layout, paths, earlier, current)
    identities = read_units(table, record, layout, paths, rows, current, before_columns, change_columns) \
        if not any(phase for phase, _ in labelled) else []
    if own == "budget" and not any(phase for phase, _ in labelled):
        identities += printed_changes(table, record, paths, chosen[0][1], current, before_columns, change_columns)
    # the columns as label rows (printed figures, table unit): what ``checks`` recomputes
    from kg.extract.tables.three_public import LabelRow

    table.rows = [LabelRow(key, "/".join(paths[col]), [value], [line])
                  for key, (value, col, line) in values.items() if key != "operating_expenses"]
    table.data = ThreePublicData(
        values={key: value for key, (value, _, _) in values.items()},
        phases={phase: {key: value for key, (value, _, _) in found.items()} for phase, found in phases.items()},
        identities=identities)
    record.phased.extend(_phased(record, table, phases, mapping))
    if own == "budget":
        record.changes.extend(_previous_year(record, table, layout, paths, keys, earlier, chosen, before_row))
    return True


# a group of columns holding the change from the year before to the year (西安 增减变化情况)
_CHANGE_GROUP_RE = re.compile(r"^(?:增减变化情况|增减变化|增减|变化情况|增减额)$")


def bare_path(path: tuple[str, ...]) -> tuple[str, ...]:
    """A column's header path without its year or phase words: the same item of 上年 | 当年 |
    增减变化情况 (or 2021年 | 2022年) has one bare path."""
    words = (_YEAR_PREFIX_RE.sub("", _bare(x)) for x in path)
    return tuple(p for p in words if p and not _YEAR_GROUP_RE.match(p) and not _phase([p]))


def year_columns(layout, paths, earlier: list[int | None], current: dict[str, int]
                 ) -> tuple[dict[str, int], dict[str, int]]:
    """For each item read from this year's column, the column of the same item in the year
    before's group and in the group of changes (增减变化情况), where the table prints them: the
    columns whose header path is the item's once the year and group words are left out."""
    before: dict[str, int] = {}
    change: dict[str, int] = {}
    for attr, col in current.items():
        want = bare_path(paths[col])
        for c, path in enumerate(paths):
            if c == col or layout.role(c) != "figure" or bare_path(path) != want:
                continue
            if earlier[c] is not None:
                before.setdefault(attr, c)
            elif any(_CHANGE_GROUP_RE.match(_bare(g)) for g in path[:-1]):
                change.setdefault(attr, c)
    return before, change


def printed_changes(table, record: Record, paths, line: Line, current: dict[str, int], before: dict[str, int],
                    change: dict[str, int]) -> list:
    """The table's own arithmetic across its year groups, on the department's row: this year's
    figure less the year before's is the printed 增减 (``previous_year_change``), printed figures."""
    from kg.extract.tables.contracts import Identity

    cells = list(line.cells or ())

    def printed(col: int) -> Decimal | None:
        text = cell_text(cells[col]) if col < len(cells) and cells[col] else ""
        return parse_money(text) if text and is_money(text) else None

    out = []
    for attr, col in current.items():
        if attr not in change:
            continue
        now, then, delta = printed(col), printed(before[attr]) if attr in before else None, printed(change[attr])
        if delta is None and (now is None or then is None):
            continue
        expected = (now or Decimal(0)) - (then or Decimal(0))
        header = "/".join(paths[change[attr]])
        out.append(Identity("previous_year_change", f"{table.label} {header}（本年数减上年数）", expected, delta,
                            Provenance(file=record.source, page=line.page, line=line.lineno, table=table.label,
                                       row=header, unit=printed_unit(table, record))))
    return out


def _earlier_year(path: tuple[str, ...], year: int | None) -> int | None:
    """The year before the document's, where a column holds it: a group named 上年 (西安), or a
    header naming that year only (重庆 ``2025年预算数``); else None."""
    if year is None:
        return None
    if any(re.match(r"^上年(?:预算)?(?:数)?$", _bare(g)) for g in path[:-1]):
        return year - 1
    years = _years(path)
    return year - 1 if years == {year - 1} else None


def _previous_year(record: Record, table, layout, paths, keys, earlier, chosen, before_row) -> list:
    """The 三公 items the table prints for the year before as well as for this year, each a change
    statement (``kg.extract.tables.previous_year``): the year before's column of the same item
    (its header path without the year), or the same column in the year before's row."""
    from kg.extract.tables.classification import in_record_unit
    from kg.extract.tables.previous_year import THREE_PUBLIC_ITEMS, previous_year_change

    def figure(line, col: int) -> Decimal | None:
        cells = list(line.cells or ())
        text = cell_text(cells[col]) if col < len(cells) and cells[col] else ""
        return in_record_unit(parse_money(text), table, record) if text and is_money(text) else None

    if record.year is None or not chosen:
        return []
    _phase_of_row, line = chosen[0]
    pairs: list[tuple[str, int, int, object]] = []  # (key, this year's column, the year before's, its line)
    for col, key in enumerate(keys):
        if key is None or layout.role(col) != "figure" or earlier[col] is not None:
            continue
        if before_row is not None:
            pairs.append((key, col, col, before_row))
            continue
        match = next((c for c, p in enumerate(paths) if earlier[c] is not None and layout.role(c) == "figure"
                      and bare_path(p) == bare_path(paths[col])), None)
        if match is not None:
            pairs.append((key, col, match, line))
    # the 三公 total as ``read_grid`` takes it: the 三公 小计 beside 会议费 and 培训费, else 合计
    printed = {k for k, *_ in pairs}
    total_key = "subtotal" if ({"meetings", "training"} & printed or "total" not in printed) \
        and "subtotal" in printed else "total"
    def added(a: Decimal | None, b: Decimal | None) -> Decimal | None:
        return b if a is None else a if b is None else a + b

    # one item: its first column, or the sum of its columns by source of funds (深圳), as ``read_grid``
    items: dict[str, list] = {}
    for key, col, before_col, before_line in pairs:
        # the 合计 beside a 三公 小计 adds 会议费 and 培训费 to it (西安 表13): that sum, not the 三公
        item = "total" if key == total_key else "with_meetings_training" if key == "total" \
            else None if key == "subtotal" else key
        if item not in THREE_PUBLIC_ITEMS:
            continue
        if item in items:
            first = items[item][0]
            if _SOURCE_RE.match(paths[col][-1]) and paths[col][:-1] == paths[first][:-1]:
                items[item][2] = added(items[item][2], figure(line, col))
                items[item][3] = added(items[item][3], figure(before_line, before_col))
            continue
        items[item] = [col, before_col, figure(line, col), figure(before_line, before_col), before_line]
    out = []
    # the 三公 and its parts first, the 合计 with 会议费 and 培训费 last: a reader taking the first change
    # naming the 三公 takes the 三公's
    ordered = sorted(items.items(), key=lambda kv: kv[0] == "with_meetings_training")
    for item, (col, before_col, now, then, before_line) in ordered:
        vocabulary_key, subject = THREE_PUBLIC_ITEMS[item]
        provenance = Provenance(file=record.source, page=before_line.page, line=before_line.lineno,
                                table=table.label, row="/".join(paths[before_col]), unit=printed_unit(table, record))
        change = previous_year_change(record, vocabulary_key, subject, now, then, record.year - 1, provenance)
        if change is not None:
            out.append(change)
    return out


def _phased(record: Record, table, phases, mapping) -> list:
    """Every phase's 三公 figures as phased figures (预算数 and 决算数 of a 决算), with 完成率."""
    from kg.extract.model import PhasedFigure
    from kg.extract.tables.classification import in_record_unit

    if len(phases) < 2:
        return []
    out = []
    for phase, found in phases.items():
        for attr, key in mapping.items():
            if key not in found or found[key][0] is None:
                continue
            value, col, line = found[key]
            out.append(PhasedFigure(key=f"three_public.{attr}", phase=phase,
                                    value=in_record_unit(value, table, record),
                                    provenance=Provenance(file=record.source, page=line.page, line=line.lineno,
                                                          table=table.label, row="/".join(table_path(table, col)),
                                                          unit=printed_unit(table, record))))
    return out


def table_path(table, col: int) -> tuple[str, ...]:
    layout = analyse(table.lines)
    return layout.columns[col].path if layout is not None and col < len(layout.columns) else ()
