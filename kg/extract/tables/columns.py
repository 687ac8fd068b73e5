"""Decide which column each printed figure of a text row belongs to, from the identities.

Text extractions drop empty cells, so ``117.00 117.00`` may be 合计 + 基本支出 or 合计 +
项目支出. Never decided by counting: every order-preserving placement of the figures into the
table's columns is scored by the row's own identities (合计 = 基本 + 项目; 总计 = 小计 + …),
and where those leave a choice, siblings are placed jointly so that their columns add up to
their parent's (parent = Σ children, column by column), top-down from the table's 总计/合计.
A row with PDF cells keeps its positions.

Printed figures are never changed: a placement only says where a figure stands; a row that
cannot add up is placed as well as it can and the failed identity is reported by the checks.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from decimal import Decimal

from kg.extract.profiles.vocabulary import phase_of
from kg.extract.tables.rows import Money, Row
from kg.units import scale

_MISSING_SUM = Decimal("0.5")  # cost of a sum column left blank while its parts are printed (万元)
_TIE = Decimal("0.05")  # placements whose errors differ by less are tied (rounding gaps, 万元)
_MAX_COMBOS = 20000
# Group headers over columns that hold another year's figures or differences, not this budget's.
SKIPPED_GROUP_RE = re.compile(r"^(?:上年(?!结转|结余|实户)|上年度(?!结转)|增减|变化|比上年|同比)")


@dataclass
class Schema:
    """A table's figure columns, in print order, and the identities between them.

    ``sums``: (column, parts) with column = Σ parts. ``first_is_total``: the first printed
    figure of a text row is always the first column (a row's 合计 is never blank).
    """

    columns: list[str]
    sums: list[tuple[str, list[str]]] = field(default_factory=list)
    first_is_total: bool = True
    # PDF cells: (column, regex over the header word above the cell[, regex one of the group
    # headers above it must match]), first match wins; a column may be one that text placement
    # never tries (Shanghai's 事业收入) — list it in ``header_only`` so it is kept in ``row.values``.
    header_patterns: list[tuple[str, ...]] = field(default_factory=list)
    header_only: list[str] = field(default_factory=list)
    # where nothing else decides, how rarely a column is used (0 = common): breaks ties only
    rarity: dict[str, int] = field(default_factory=dict)
    # sum columns this document never prints (its 合计 row leaves them blank over printed parts)
    unprinted: frozenset[str] = frozenset()
    # the table's unit in 万元 (元: 10000): the costs below are amounts, measured in the table's unit
    scale: Decimal = Decimal(1)
    # the budget's year: columns headed with another year are not read
    year: int | None = None
    # a 决算: its 预算数 / 年初预算数 / 调整预算数 columns are other phases, kept apart (``phased``)
    final: bool = False

    @property
    def all_columns(self) -> list[str]:
        return self.columns + [c for c in self.header_only if c not in self.columns]

    def column_for(self, header: str) -> str | None:
        return self.column_for_path((header,))

    def column_for_path(self, path: tuple[str, ...]) -> str | None:
        """The column a figure cell belongs to, from its header path (group headers, then the
        word right above it). A column under a group of another year or of differences
        (``上年``, ``增减变化``) belongs to no column of this table's year."""
        import re

        if not path:
            return None
        leaf, groups = path[-1], path[:-1]
        if any(SKIPPED_GROUP_RE.search(g) for g in groups):
            return None
        if self.year and any(int(y) != self.year for g in path for y in re.findall(r"(20\d\d)\s*年", g)):
            return None  # a column of another year than the budget's (2025年预算数 beside 2026年预算数)
        if self.final and phase_of(path) not in (None, "final"):
            return None  # a 决算's budget columns: other phases than its own
        path = tuple(p for p in path if phase_of([p]) is None) or path
        leaf, groups = path[-1], path[:-1]
        for column, pattern, *group in self.header_patterns:
            if not re.search(pattern, leaf):
                continue
            if group and not any(re.search(group[0], g) for g in groups):
                continue
            return column
        return None


Placement = dict[str, Decimal]


def _value(col: str, placed: Placement, schema: Schema, depth: int = 0) -> Decimal:
    """A column's value: printed, else (for a sum column) the sum of its parts, else 0."""
    return _Identities(schema).value(col, placed, depth)


def identity_error(placed: Placement, schema: Schema) -> Decimal:
    """How far a placement is from satisfying the row's identities (0 = all hold)."""
    return _Identities(schema).error(placed)


class _Identities:
    """A schema's identities prepared once for the many placements of a row that are scored
    against them: the parts of each sum column looked up by name (not by scanning every
    identity for every column of every placement), which identities only a PDF header can
    fill, and the cost of a missing sum. The values and errors are exactly those of the scans
    they replace: the same first identity of a column, the same Decimal sums in the same order."""

    def __init__(self, schema: Schema) -> None:
        header_only = set(schema.header_only)
        self.parts_of: dict[str, list[str]] = {}
        for total, parts in schema.sums:
            self.parts_of.setdefault(total, parts)  # the first identity of a column, as the scan found it
        # (total, parts, every part only a PDF header can name)
        self.sums = [(total, parts, all(p in header_only for p in parts)) for total, parts in schema.sums]
        self.unprinted = schema.unprinted
        self.missing = _MISSING_SUM * schema.scale

    def value(self, col: str, placed: Placement, depth: int = 0) -> Decimal:
        if col in placed:
            return placed[col]
        if depth < 4:
            parts = self.parts_of.get(col)
            if parts is not None:
                return self._sum(parts, placed, depth + 1)
        return Decimal(0)

    def _sum(self, parts: list[str], placed: Placement, depth: int) -> Decimal:
        """Σ ``value(p, placed, depth)`` over ``parts``, from 0, in order (a printed part read
        directly, without a call)."""
        total = Decimal(0)
        for p in parts:
            total += placed[p] if p in placed else self.value(p, placed, depth)
        return total

    def error(self, placed: Placement) -> Decimal:
        err = Decimal(0)
        for total, parts, header_only in self.sums:
            if header_only and not any(p in placed for p in parts):
                continue  # parts only a PDF header can name: unknown in a text row
            if total in placed:
                err += abs(placed[total] - self._sum(parts, placed, 0))
            elif any(p in placed and placed[p] != 0 for p in parts) and total not in self.unprinted:
                err += self.missing
        return err


def placements(row: Row, schema: Schema, hints: dict[str, Decimal] | None = None) -> list[tuple[Decimal, Placement]]:
    """Every placement of the row's figures with its error, best first.

    ``hints``: figures known from another table for some columns (表1's 一般财力 for 表2's
    一般公共预算 column): a placement that agrees with them wins a tie.
    """
    cols = schema.columns
    identities = _Identities(schema)
    if row.positional and schema.header_patterns and row.extra.get("paths"):
        paths = row.extra["paths"]
        placed: Placement = {}
        mapped = 0
        for index, value in row.extra.get("cell_figures", []):
            column = schema.column_for_path(paths.get(index, ()))
            if column is None:
                continue
            mapped += 1
            if value is not None and column not in placed:
                placed[column] = value
        if mapped:
            return [(identities.error(placed), placed)]
    if row.positional:
        figs = list(row.figures)
        if len(figs) > len(cols):
            figs = figs[-len(cols):]
        placed = {c: f for c, f in zip(cols, figs) if f is not None}
        return [(identities.error(placed), placed)]
    figs = [f for f in row.figures if f is not None]
    if not figs:
        return [(Decimal(0), {})]
    if len(figs) > len(cols):
        figs = figs[:len(cols)] if schema.first_is_total else figs[-len(cols):]
    out: list[tuple[Decimal, Placement]] = []
    if schema.first_is_total:
        rest_cols = cols[1:]
        for combo in itertools.combinations(range(len(rest_cols)), len(figs) - 1):
            placed = {cols[0]: figs[0]}
            placed.update({rest_cols[i]: f for i, f in zip(combo, figs[1:])})
            out.append((identities.error(placed), placed))
    else:
        for combo in itertools.combinations(range(len(cols)), len(figs)):
            placed = {cols[i]: f for i, f in zip(combo, figs)}
            out.append((identities.error(placed), placed))
    if schema.rarity:
        out = [(err + Decimal("0.0001") * schema.scale * sum(schema.rarity.get(c, 0) for c in placed), placed)
               for err, placed in out]
    if hints:
        # a figure 表1 gives to another column than the one tried costs as much as a blank sum
        def hint_cost(placed: Placement) -> Decimal:
            cost = Decimal(0)
            for c, v in placed.items():
                if c in hints and hints[c] == v:
                    continue
                if any(hv == v and hc != c for hc, hv in hints.items()):
                    cost += (_MISSING_SUM + Decimal("0.01")) * schema.scale
            return cost

        def hint_score(placed: Placement) -> int:
            return -sum(1 for c, v in placed.items() if c in hints and hints[c] == v)
        out = [(err + hint_cost(placed), placed) for err, placed in out]
        out.sort(key=lambda item: (item[0], hint_score(item[1])))
    else:
        out.sort(key=lambda item: item[0])
    return out


def parent_code(code: str, known: set[str]) -> str | None:
    """The nearest printed ancestor of a subject code (项 -> 款 -> 类)."""
    for cut in (5, 3):
        if len(code) > cut and code[:cut] in known:
            return code[:cut]
    return None


def implied(place: Placement, schema: Schema) -> Placement:
    """A placement with the one blank part of an identity filled in (合计 100, 基本 40 -> 项目 60),
    for fitting children only: printed figures are never replaced."""
    out = dict(place)
    for total, parts in schema.sums:
        needed = [p for p in parts if p not in schema.header_only]
        missing = [p for p in needed if p not in out]
        if total in out and len(missing) == 1 and len(needed) > 1:
            out[missing[0]] = out[total] - sum((out[p] for p in needed if p in out), Decimal(0))
    return out


def _fit(parent: Placement, children: list[Placement], columns: list[str]) -> Decimal:
    err = Decimal(0)
    for col in columns:
        total = sum((c.get(col, Decimal(0)) for c in children), Decimal(0))
        if col in parent:
            err += abs(parent[col] - total)
        else:
            err += abs(total)
    return err


class _Fitter:
    """Scores the children's placements against one parent: Σ children, column by column, against
    the parent's figures (its one blank identity part implied), plus the children's own errors.

    A search scores thousands of combinations of the same few placements, so the parent is implied
    once and each placement becomes a vector over ``schema.all_columns`` once; the exhaustive search
    adds the vectors level by level instead of re-summing every child at every leaf. The scores are
    exactly those of :func:`_fit` (the same Decimal sums in the same order)."""

    def __init__(self, parent: Placement, schema: Schema) -> None:
        self.columns = schema.all_columns
        whole = implied(parent, schema)
        self.target = [whole.get(c) for c in self.columns]
        self.zero = tuple(Decimal(0) for _ in self.columns)

    def vector(self, place: Placement) -> tuple[Decimal, ...]:
        return tuple(place.get(c, Decimal(0)) for c in self.columns)

    def fit(self, sums: tuple[Decimal, ...]) -> Decimal:
        err = Decimal(0)
        for want, got in zip(self.target, sums):
            err += abs(got) if want is None else abs(want - got)
        return err

    def score(self, combo: list[tuple[Decimal, Placement]]) -> tuple[Decimal, Decimal]:
        sums = self.zero
        errors = Decimal(0)
        for error, place in combo:
            sums = tuple(a + b for a, b in zip(sums, self.vector(place)))
            errors += error
        return self.fit(sums) + errors, errors

    def best_of_all(self, options: list[list[tuple[Decimal, Placement]]]) -> list[tuple[Decimal, Placement]]:
        """The combination with the lowest score, the first in ``itertools.product`` order on a tie.

        Branches are cut where the children's errors alone reach the best score found: every
        placement's error is ≥ 0, so no combination below them can score strictly lower."""
        vectors = [[(error, self.vector(place)) for error, place in opts] for opts in options]
        best: list[int] = []
        best_score: tuple[Decimal, Decimal] | None = None
        chosen: list[int] = []

        def walk(level: int, sums: tuple[Decimal, ...], errors: Decimal) -> None:
            nonlocal best, best_score
            if level == len(vectors):
                score = (self.fit(sums) + errors, errors)
                if best_score is None or score < best_score:
                    best_score, best = score, list(chosen)
                return
            for index, (error, vector) in enumerate(vectors[level]):
                if best_score is not None and errors + error >= best_score[0]:
                    continue  # errors only grow and the fit is ≥ 0: no leaf below can score lower
                chosen.append(index)
                walk(level + 1, tuple(a + b for a, b in zip(sums, vector)), errors + error)
                chosen.pop()

        walk(0, self.zero, Decimal(0))
        return [options[level][index] for level, index in enumerate(best)]


def _search(fitter: _Fitter, trimmed: list[list[tuple[Decimal, Placement]]],
            start: list[tuple[Decimal, Placement]] | None = None) -> list[tuple[Decimal, Placement]]:
    sizes = 1
    for opts in trimmed:
        sizes *= len(opts)
    if sizes <= _MAX_COMBOS:
        return fitter.best_of_all(trimmed)
    # too many: coordinate descent from a start (everyone's own best by default)
    chosen = list(start) if start else [opts[0] for opts in trimmed]
    current = fitter.score(chosen)
    for _ in range(20):
        improved = False
        for i, opts in enumerate(trimmed):
            for cand in opts:
                trial = chosen[:i] + [cand] + chosen[i + 1:]
                score = fitter.score(trial)
                if score < current:
                    chosen, current, improved = trial, score, True
        if not improved:
            break
    return chosen


def _choose(parent: Placement, options: list[list[tuple[Decimal, Placement]]], schema: Schema) -> list[Placement]:
    """The children's placements that together fit the parent best (fit + their own errors).

    First among each child's best placements only; then, letting a child take a placement that
    costs a blank sum column, if that fits the parent better.
    """
    if not options:
        return []
    fitter = _Fitter(parent, schema)
    tie = _TIE * schema.scale
    narrow = [[o for o in opts if o[0] <= opts[0][0] + tie][:16] for opts in options]
    best = _search(fitter, narrow)
    wide = [[o for o in opts if o[0] <= opts[0][0] + tie + _MISSING_SUM * schema.scale][:16] for opts in options]
    if any(len(w) > len(n) for w, n in zip(wide, narrow)):
        other = _search(fitter, wide, start=best)
        if fitter.score(other) < fitter.score(best):
            best = other
    return [p for _, p in best]


def segments(rows: list[Row]) -> list[tuple[Row | None, list[Row]]]:
    """The rows grouped under the unit rows a department table prints for each of its units
    (``XX局本级 120.00 …`` followed by that unit's 类/款/项 rows). Without unit rows: one group
    headed by None. The 总计/合计 row belongs to no group, nor does a row that prints the
    department as a whole again under its name (杭州 ``杭州市司法局`` = 合计 above its units; 西安
    ``117 西安市审计局`` over ``117001 西安市审计局``): it is the total once more, not a unit."""
    out: list[tuple[Row | None, list[Row]]] = [(None, [])]
    total = next((r for r in rows if r.is_total), None)
    repeats = [f for f in total.figures if f is not None] if total is not None else []
    for row in rows:
        if row.is_total:
            continue
        if row.code is None and repeats and [f for f in row.figures if f is not None] == repeats:
            row.extra["repeats_total"] = True
            continue
        if row.code is None and any(f is not None for f in row.figures) and not row.extra.get("subject_level"):
            out.append((row, []))  # a unit's row (a 款/项 placed by its indentation is no unit)
        else:
            out[-1][1].append(row)
    return [seg for seg in out if seg[0] is not None or seg[1]]


def resolve(rows: list[Row], schema: Schema, hints: dict[str, Decimal] | None = None,
            unit: str | None = None, year: int | None = None, final: bool = False) -> None:
    """Set ``row.values`` (every column, None where blank) for every row of a classification table.

    ``unit``: the table's unit; the tolerances (a rounding gap, the cost of a blank sum) are
    amounts, so a table in 元 gets them ×10000 — the same budget reads the same in 元 or 万元.

    The root is the table's 总计/合计 row (or, without one, a virtual parent with no figures);
    类 rows are its children, 款 rows children of their 类, 项 of their 款. Where the table
    prints a row per unit, the units are the root's children and each unit's rows its own tree.
    """
    if (year and schema.year != year) or schema.final != final:
        import dataclasses

        schema = dataclasses.replace(schema, year=year or schema.year, final=final)
    if unit and scale(unit) != schema.scale:
        import dataclasses

        schema = dataclasses.replace(schema, scale=scale(unit))
    root = next((r for r in rows if r.is_total), None)
    if root is not None and not schema.unprinted:
        # a sum column the 合计 row leaves blank over printed parts is one the document does not
        # print at all: rows below are then not charged for leaving it blank
        place = placements(root, schema, hints)[0][1]
        unprinted = frozenset(total for total, parts in schema.sums
                              if total not in place and any(p in place for p in parts))
        if unprinted:
            import dataclasses

            schema = dataclasses.replace(schema, unprinted=unprinted)
    segs = segments(rows)
    heads = [h for h, _ in segs if h is not None]
    if not heads:
        _resolve_tree(rows, schema, hints, root, None)
        return
    root_place: Placement | None = None
    if root is not None:
        root_place = placements(root, schema, hints)[0][1]
        root.values = {c: root_place.get(c) for c in schema.all_columns}
        chosen = _choose(root_place, [placements(h, schema) for h in heads], schema)
    else:
        chosen = [placements(h, schema)[0][1] for h in heads]
    head_place = {id(h): p for h, p in zip(heads, chosen)}
    for head, members in segs:
        if head is None:
            _resolve_tree(members, schema, hints, None, None)
            continue
        head.values = {c: head_place[id(head)].get(c) for c in schema.all_columns}
        _resolve_tree(members, schema, None, head, head_place[id(head)])


def _resolve_tree(rows: list[Row], schema: Schema, hints: dict[str, Decimal] | None, root: Row | None,
                  fixed_root: Placement | None) -> None:
    """Place one tree of rows under ``root`` (placed here unless ``fixed_root`` is given)."""
    coded = [r for r in rows if r.code]
    known = {r.code for r in coded if r.code}
    children: dict[int | None, list[Row]] = {}
    by_code = {r.code: r for r in coded}
    for r in coded:
        parent = parent_code(r.code or "", known)
        key = id(by_code[parent]) if parent else None
        children.setdefault(key, []).append(r)
    placed: dict[int, Placement] = {}
    root_place: Placement = {}
    if root is not None and fixed_root is not None:
        root_place = fixed_root
        placed[id(root)] = root_place
    elif root is not None:
        options = placements(root, schema, hints)
        tied = [o for o in options if o[0] <= options[0][0] + _TIE * schema.scale][:8]
        root_place = tied[0][1]
        kids = children.get(None, [])
        if len(tied) > 1 and kids:
            # ``合计 100.00 100.00``: which column, the 类 rows below tell
            kid_options = [placements(k, schema) for k in kids]

            def cost(place: Placement) -> Decimal:
                chosen = _choose(place, kid_options, schema)
                return _fit(implied(place, schema), chosen, schema.all_columns)
            root_place = min(tied, key=lambda o: (cost(o[1]) + o[0], o[0]))[1]
        placed[id(root)] = root_place
    # top-down: resolve the children of each resolved parent jointly
    queue: list[tuple[int | None, Placement]] = [(None, root_place)]
    while queue:
        key, parent_place = queue.pop(0)
        kids = children.get(key, [])
        if not kids:
            continue
        options = [placements(k, schema) for k in kids]
        if key is None and root is None:
            choice = [opts[0][1] for opts in options]
        else:
            choice = _choose(parent_place, options, schema)
        for kid, place in zip(kids, choice):
            placed[id(kid)] = place
            queue.append((id(kid), place))
    if root is not None and root_place:
        _refit_leaves(coded, children, by_code, known, placed, root_place, schema)
    for r in rows:
        place = placed.get(id(r))
        if place is None:
            opts = placements(r, schema, hints)
            place = opts[0][1]
        r.values = {c: place.get(c) for c in schema.all_columns}


def _refit_leaves(coded: list[Row], children: dict[int | None, list[Row]], by_code: dict[str | None, Row],
                  known: set[str], placed: dict[int, Placement], root_place: Placement, schema: Schema) -> None:
    """Place the most specific rows by the table's printed 合计 where the hierarchy misled them.

    Top-down, a 项 row is fitted to its 款, the 款 to its 类: where a 类 row prints its total and one
    figure (``211 节能环保支出 1151.88 1151.88`` over 项 rows drawn from three sources) that figure
    lands in one column and drags every row below it there (``92.00 75.14 16.86`` read as two
    carry-overs). The table's 合计 promises more: each of its columns is the sum of that column
    over the most specific rows. Where the leaves, placed jointly against the 合计, add up to it
    better than the top-down placement does (by more than a rounding gap), they are placed so;
    each row above them is then placed by its own children, bottom-up, and a row that none of its
    placements fits (its one printed figure cannot be the sum of any one column below it) keeps
    its total only: where that figure stands is unknown, so it is not given to a source."""
    leaves = [r for r in coded if not children.get(id(r))]
    if len(leaves) < 2 or len(leaves) == len(coded):
        return  # one level only: the top-down fit already placed the leaves against the 合计
    tie = _TIE * schema.scale
    fitter = _Fitter(root_place, schema)
    current = [(identity_error(placed[id(r)], schema), placed[id(r)]) for r in leaves]
    options = [placements(r, schema) for r in leaves]
    refit = _choose(root_place, options, schema)
    refit_scored = [next(o for o in opts if o[1] is p) for opts, p in zip(options, refit)]
    if fitter.score(refit_scored)[0] + tie >= fitter.score(current)[0]:
        return
    if fitter.fit(tuple(map(sum, zip(fitter.zero, *[fitter.vector(p) for p in refit])))) > tie:
        return  # the leaves do not add up to the 合计 either: nothing better to go on
    for r, place in zip(leaves, refit):
        placed[id(r)] = place
    # the rows above the leaves, deepest first, each by its own children
    inner = sorted((r for r in coded if children.get(id(r))), key=lambda r: -len(r.code or ""))
    for r in inner:
        kids = [placed[id(k)] for k in children[id(r)]]
        best = min(placements(r, schema),
                   key=lambda o: (_fit(implied(o[1], schema), kids, schema.all_columns) + o[0], o[0]))
        if _fit(implied(best[1], schema), kids, schema.all_columns) + best[0] > tie:
            first = schema.columns[0]
            best = (best[0], {first: best[1][first]} if first in best[1] else {})
        placed[id(r)] = best[1]


def column_sum(rows: list[Row], column: str) -> Money:
    """Σ of a column over rows (None where every row leaves it blank)."""
    values = [r.get(column) for r in rows if r.get(column) is not None]
    if not values:
        return None
    return sum(values, Decimal(0))
