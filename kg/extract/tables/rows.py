"""Read the body of a classification table into rows: subject code, name, figures.

One reader for every table whose rows are ``code name figures…`` (表2, 表3, 表5, 表6, 表7, 表8,
表9 and their Jiangsu/Shanghai/决算 equivalents) and for label rows (``总计``, ``合计``, a unit's
name, ``特定目标 5010003T``).

Text extractions are messy; what this module undoes, generally:

* a code split over tokens and lines (``208 05 05``, ``208 05`` + ``0`` + ``5``, ``21`` + ``1``
  + ``03 99``): digit groups at the start of a row are joined while they extend a 类/款/项 code;
* a name wrapped over lines, or a header printed again after a page break (``编制部门：…``,
  ``※ ※ 1 2 3``): continuation lines are joined, repeated headers skipped;
* a figure cut over lines (``734.`` + ``86``, ``718.0`` + ``0``) is joined, ``3.940`` and
  ``1,744.68`` read exactly, a page number alone on a line dropped.

Which column a figure belongs to is *not* decided here (empty cells vanish in text):
``columns.resolve`` does that with the table's identities. A PDF line with ``cells`` keeps its
column positions instead (``Row.positional``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from kg.extract.grid import GridLayout, analyse, is_numbering_row
from kg.extract.model import Provenance
from kg.extract.source import Line
from kg.extract.text_normalize import compact_name, is_money, is_percentage, parse_money

Money = Decimal | None

_LABEL_RE = re.compile(r"^(?:总计|合计|小计|总合计)")
_SKIP_RE = re.compile(r"^(?:※|\*)")
_HEADER_START_RE = re.compile(r"^(?:编制部门|编制单位|预算单位|部门名称|部门[:：]|单位[:：]|金额单位)")
_NOTE_RE = re.compile(r"^(?:备注|注[:：]|说明[:：])|为空表|无数据|本表无|没有使用")
_PURE_DIGITS = re.compile(r"^\d{1,3}$")


def is_figure(token: str) -> bool:
    """A printed figure: ``1,744.68`` ``3.940`` ``718`` ``-5.00``; not a 7+ digit bare integer
    (a project code such as ``12100039``) nor a number with a leading zero (``04103500``)."""
    token = token.strip()
    try:
        value = parse_money(token)
    except ValueError:
        return False
    if value is None:
        return False
    bare = token.lstrip("-+")
    if "." not in bare and "," not in bare and (len(bare) >= 7 or (len(bare) > 1 and bare[0] == "0")):
        return False
    return True


@dataclass
class Row:
    """One table row as printed.

    ``figures``: for a text row, the printed figures in order (empty cells are gone); for a
    positional row (PDF cells), one entry per figure column with ``None`` for an empty cell.
    ``values`` is filled by the column resolution: column name -> figure (or None).
    """

    code: str | None
    name: str
    figures: list[Money]
    lines: list[Line] = field(default_factory=list)
    positional: bool = False
    values: dict[str, Money] = field(default_factory=dict)
    extra: dict = field(default_factory=dict)

    @property
    def label(self) -> str:
        """The row's identity in a check's ``where``: its code, else its path where it is a subject
        placed by indentation (``公共安全支出/监狱/行政运行``), else its name."""
        return self.code or self.extra.get("path_label") or self.name

    @property
    def is_total(self) -> bool:
        return self.code is None and bool(_LABEL_RE.match(self.name))

    @property
    def level(self) -> int:
        return {3: 1, 5: 2, 7: 3}.get(len(self.code or ""), 0)

    def get(self, column: str) -> Money:
        return self.values.get(column)

    def provenance(self, file: str, table: str) -> Provenance:
        first = self.lines[0] if self.lines else None
        return Provenance(file=file, page=first.page if first else None,
                          line=first.lineno if first else None, table=table, row=self.label)


@dataclass
class _Tok:
    text: str
    line: int  # index into the row's lines
    last: bool  # last token of its line
    alone: bool  # the only token of its line


# a 类 printed as one digit before its 款 and 项 groups and the name (``7 11 02 事业单位医疗``)
_MISPRINTED_CODE_RE = re.compile(r"^\d \d{2} \d{2} [\u4e00-\u9fff（(“]")


def _code_start(tokens: list[str], next_tokens: list[str] | None, previous: list[str] | None = None) -> bool:
    """A line that starts a coded row: ``211 …`` / ``208 05 05`` / ``21`` followed by ``1``."""
    if not tokens:
        return False
    first = tokens[0]
    if re.fullmatch(r"[1-9]\d{2}", first):
        if len(tokens) == 1:
            return True
        second = tokens[1]
        if re.fullmatch(r"\d{2}", second) or not is_figure(second):
            return True
        return False
    if re.fullmatch(r"[1-9]\d{4}|[1-9]\d{6}", first) and len(tokens) > 1 and not is_figure(tokens[1]):
        return True  # 2080505 机关事业单位… (a code printed as one group)
    if re.fullmatch(r"[1-9]\d{4}|[1-9]\d{6}", first) and len(tokens) == 1 and next_tokens \
            and re.match(r"[\u4e00-\u9fff（(“]", next_tokens[0]):
        return True  # 2080505 alone on its line, the name wrapped below it
    m = re.fullmatch(r"([1-9]\d{2}|[1-9]\d{4}|[1-9]\d{6})([\u4e00-\u9fff].*)", first)  # 224灾害防治…
    if m:
        return True
    if re.fullmatch(r"[1-9]\d", first) and len(tokens) == 1 and next_tokens and re.fullmatch(r"\d", next_tokens[0]):
        return True
    if _MISPRINTED_CODE_RE.match(" ".join(tokens[:4])) and not (
            previous and len(previous) == 1 and re.fullmatch(r"[1-9]\d", previous[0])):
        # ``7 11 02 事业单位医疗``: a row whose 类 is misprinted (placed by ``code_repair``) —
        # unless it is the rest of a code split over lines (``21`` / ``1 03 01 大气``)
        return True
    return False


def _split_glued(tokens: list[str]) -> list[str]:
    """``224灾害防治`` -> ``224`` ``灾害防治`` at the start of a coded line."""
    if tokens:
        m = re.fullmatch(r"([1-9]\d{2}|[1-9]\d{4}|[1-9]\d{6})([\u4e00-\u9fff].*)", tokens[0])
        if m:
            return [m.group(1), m.group(2), *tokens[1:]]
    return tokens


_GLUED_FIGURE = re.compile(r"^(.*[\u4e00-\u9fff）)”])(-?\d[\d,]*\.\d{1,6})$")


def _split_glued_figures(tokens: list[str]) -> list[str]:
    """``能力提升403.75`` -> ``能力提升`` ``403.75`` (a name and its figure printed together)."""
    out: list[str] = []
    for tok in tokens:
        m = _GLUED_FIGURE.match(tok)
        if m:
            out.extend([m.group(1), m.group(2)])
        else:
            out.append(tok)
    return out


def _join_figure_parts(toks: list[_Tok]) -> list[_Tok]:
    """``734.`` + ``86`` and ``718.0`` (end of line) + ``0`` (alone on the next) -> one figure."""
    out: list[_Tok] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if nxt is not None and re.fullmatch(r"\d[\d,]*\.", tok.text) and re.fullmatch(r"\d+", nxt.text):
            out.append(_Tok(tok.text + nxt.text, tok.line, nxt.last, False))
            i += 2
            continue
        if (nxt is not None and tok.last and nxt.alone and nxt.line == tok.line + 1
                and re.fullmatch(r"\d[\d,]*\.\d", tok.text) and re.fullmatch(r"\d", nxt.text)):
            out.append(_Tok(tok.text + nxt.text, tok.line, True, False))
            i += 2
            continue
        out.append(tok)
        i += 1
    return out


def _parse_group(lines: list[Line], coded: bool) -> Row:
    """A group of lines (one row) -> code, name and figures."""
    toks: list[_Tok] = []
    for n, line in enumerate(lines):
        parts = _split_glued_figures(line.text.split())
        if n == 0 and coded:
            parts = _split_glued(parts)
        for k, text in enumerate(parts):
            toks.append(_Tok(text, n, k == len(parts) - 1, len(parts) == 1))
    code = None
    i = 0
    extra: dict = {}
    if coded and _MISPRINTED_CODE_RE.match(" ".join(t.text for t in toks[:4])):
        extra["code_groups"] = [t.text for t in toks[:3]]
        i = 3
    elif coded:
        digits = ""
        while i < len(toks) and (_PURE_DIGITS.fullmatch(toks[i].text)
                                 or (i == 0 and re.fullmatch(r"\d{5}|\d{7}", toks[i].text))):
            candidate = digits + toks[i].text
            if len(candidate) > 7:
                break
            if digits and len(digits) >= 3 and len(toks[i].text) == 3:
                break  # a 3-digit group after a 类 code is a figure, not a 款/项 fragment
            digits = candidate
            i += 1
        # back off to the longest valid code length
        while digits and len(digits) not in (3, 5, 7):
            digits = digits[:-1]
            i -= 1 if i > 0 else 0
        code = digits or None
    toks = toks[:i] + _join_figure_parts(toks[i:])
    name_parts: list[str] = []
    figures: list[Money] = []
    # per line: trailing figures are figures; a figure followed by text on its line is name text
    by_line: dict[int, list[_Tok]] = {}
    for tok in toks[i:]:
        by_line.setdefault(tok.line, []).append(tok)
    for n in sorted(by_line):
        line_toks = by_line[n]
        cut = len(line_toks)
        while cut > 0 and (is_figure(line_toks[cut - 1].text) or is_percentage(line_toks[cut - 1].text)):
            cut -= 1
        if cut == len(line_toks) or cut == 0:
            # a line of text only, or of figures only
            if cut == 0 and not name_parts and not figures and not coded:
                name_parts.extend(t.text for t in line_toks)  # a label that is a number
                continue
        name_parts.extend(t.text for t in line_toks[:cut])
        # a percentage among the trailing figures (增减%) is a derived column: neither name nor amount
        figures.extend(parse_money(t.text) for t in line_toks[cut:] if not is_percentage(t.text))
    return Row(code=code, name=compact_name("".join(name_parts)), figures=figures, lines=list(lines), extra=extra)


# A subject code printed inside the name cell: ``[201]一般公共服务支出``, ``2010601-行政运行``,
# ``201 一般公共服务支出``, ``201一般公共服务支出``
_CODE_IN_NAME_RE = re.compile(r"^[\[【［(（]?((?:\d{3}|\d{5}|\d{7}))[\]】］)）]?\s*[-—－.．、]?\s*(?=[\u4e00-\u9fff（(“])")


def _cells_row(line: Line, layout: GridLayout | None = None) -> Row:
    """A PDF row with cells, read by its table's layout (``kg.extract.grid``): the code columns
    joined (``204`` | ``06`` | ``01``; a code printed inside the name cell split off), the label
    columns as the name, one figure per figure column (``None`` where empty); numbering columns
    (行次) are skipped. Without a layout the first figure cell after the name starts the figures.

    ``extra["cell_figures"]`` keeps each figure with its cell index and ``extra["paths"]`` each
    figure column's header path, for header-word placement (``columns.placements``).
    """
    cells = [(c or "").strip() for c in (line.cells or ())]
    if layout is None:
        return _cells_row_unlaid(line, cells)
    code_digits = ""
    groups: list[str] = []
    identifiers: list[str] = []
    extra_first: int | None = None
    name_parts: list[str] = []
    figures: list[Money] = []
    indexed: list[tuple[int, Money]] = []
    paired: list[str] = []
    name_cell: int | None = None
    for i, text in enumerate(cells):
        role = layout.role(i)
        if role in ("numbering", "ratio", "empty"):
            continue
        if i in layout.paired:
            if text.strip():
                paired.append(text.replace(" ", ""))
            continue
        if role == "figure":
            # a figure column's whole number is an amount however long (元 tables print 13961500);
            # only a text row must guard against codes read as figures (``is_figure``)
            value = parse_money(text) if text and is_money(text) else None
            if text and value is None and not any(v is not None for v in figures):
                # a label standing in a figure column (合计 under 类|款|项), or a name's wrapped
                # end set over the column border (an unruled table's ``项目）``)
                name_parts.append(text)
                continue
            figures.append(value)
            indexed.append((i, value))
            continue
        bare = text.replace(" ", "")
        if not bare or bare in ("类", "款", "项"):
            continue
        if role == "identifier":
            identifiers.append(bare)
            continue
        if role == "code":
            if re.fullmatch(r"\d{4}|\d{6}|\d{8,}", bare) and not code_digits:
                identifiers.append(bare)  # a unit's code in the code column (125001): not a subject
                continue
            if re.fullmatch(r"\d{2,7}", bare) and (len(code_digits) + len(bare) <= 7) and (
                    not code_digits or len(bare) == 2):
                if not code_digits and len(bare) == 2:
                    extra_first = i  # a 款/项 group whose 类 (and 款) the table leaves blank
                code_digits += bare
                groups.append(bare)
            elif re.fullmatch(r"\d", bare) and not code_digits:
                code_digits, groups = bare, [bare]  # a misprinted 类 (``7 | 11 | 02``)
            elif re.fullmatch(r"[0-9A-Za-z]+", bare):
                identifiers.append(bare)  # a unit's code (117001): an identifier, not a subject
            else:
                name_parts.append(text)
            continue
        if not name_parts and not code_digits:
            m = _CODE_IN_NAME_RE.match(bare)
            if m:
                code_digits = m.group(1)
                groups = [code_digits]
                bare = bare[m.end():]
        if bare:
            if not name_parts:
                name_cell = i
            name_parts.append(bare)
    misprinted = bool(groups) and len(groups[0]) == 1
    if layout.crossed and not paired:
        code_digits, name_parts, paired = _departmental_first(code_digits, name_parts)
    code = code_digits if len(code_digits) in (3, 5, 7) and not misprinted else None
    name = compact_name("".join(name_parts[:1]) if layout.crossed else "".join(name_parts))
    extra: dict = {"cell_figures": indexed,
                   "paths": {c.index: c.path for c in layout.columns if c.role == "figure"}}
    if identifiers:
        extra["identifier"] = identifiers[0]
    indent = _indent_of(line, name_cell)
    if indent is not None:
        extra["indent"] = indent
    if paired:
        extra["paired_subject"] = _paired_subject(paired)
    if extra_first is not None and code is None:
        extra["code_tail"] = (extra_first, code_digits)  # filled from the row above (``inherit_codes``)
        return Row(code=None, name=compact_name("".join(name_parts)), figures=figures, lines=[line],
                   positional=True, extra=extra)
    if misprinted:
        extra["code_groups"] = groups
    elif code is None and code_digits:
        name = code_digits + name
    return Row(code=code, name=name, figures=figures, lines=[line], positional=True, extra=extra)


# a departmental economic subject printed as a coded name (``30101-基本工资``, 北京's ``3021101-差旅费``)
_DEPARTMENTAL_CODED_RE = re.compile(r"^(3\d{2}(?:\d{2}){0,2})[-－—](.+)$")


def _departmental_first(code_digits: str, name_parts: list[str]) -> tuple[str, list[str], list[str]]:
    """A crossed row of the two economic classifications (北京 预算06表: 政府支出经济分类
    ``50101-工资奖金津补贴`` | 部门支出经济分类 ``30101-基本工资``): the departmental subject (30x) is
    the row's, the government one (50x) its paired subject — the same as where they stand in columns
    of their own (烟台, 西安). Any other row is returned as it is."""
    if not code_digits.startswith("5") or len(code_digits) not in (3, 5):
        return code_digits, name_parts, []
    for k, part in enumerate(name_parts[1:], start=1):
        m = _DEPARTMENTAL_CODED_RE.match(part.replace(" ", ""))
        if m:
            rest = name_parts[:k] + name_parts[k + 1:]
            return m.group(1), [m.group(2)] + name_parts[k + 1:], [code_digits] + rest[:1]
    return code_digits, name_parts, []


def _indent_of(line: Line, cell: int | None) -> float | None:
    """How far the name in ``cell`` stands in from its cell's border (``Line.indents``), if known."""
    if cell is None or not line.indents or cell >= len(line.indents):
        return None
    return line.indents[cell]


def _paired_subject(cells: list[str]) -> tuple[str | None, str]:
    """The paired classification's code (its digit groups joined) and name."""
    digits = "".join(c for c in cells if re.fullmatch(r"\d{1,7}", c))
    name = compact_name("".join(c for c in cells if not re.fullmatch(r"\d{1,7}", c)))
    return (digits if len(digits) in (3, 5, 7) else None), name


def inherit_code(row: Row, previous: list[Row], layout: GridLayout | None) -> None:
    """A row printing only its 款 (or 项) group, its 类 left blank as the same as above (长沙:
    `` | 40 | | 信访事务``): the blank groups are the nearest coded row's."""
    tail = row.extra.pop("code_tail", None)
    if tail is None or layout is None:
        return
    first, digits = tail
    code_columns = [c.index for c in layout.columns if c.role == "code"]
    if not code_columns or first not in code_columns:
        return
    missing = code_columns.index(first)  # how many groups stand blank before the printed ones
    above = next((r.code for r in reversed(previous) if r.code), None)
    if above is None:
        return
    # one code column printing a 款 as its two digits (西安: ``05 行政事业单位离退休`` under 208)
    prefix = 3 if len(code_columns) == 1 and len(digits) == 2 else {1: 3, 2: 5}.get(missing)
    if prefix is None or len(above) < prefix:
        return
    code = above[:prefix] + digits
    if len(code) in (5, 7):
        row.code = code
        row.extra["code_inherited"] = above[:prefix]


def _cells_row_unlaid(line: Line, cells: list[str]) -> Row:
    """A row of cells read without a layout: code cells, name cells, then figures."""
    code_digits = ""
    groups: list[str] = []
    name_parts: list[str] = []
    start = 0
    for i, text in enumerate(cells):
        if not text:
            continue
        if not name_parts and not code_digits and text in ("类", "款", "项"):
            continue
        if not name_parts and re.fullmatch(r"\d{2,7}", text.replace(" ", "")) and len(code_digits) < 7:
            code_digits += text.replace(" ", "")
            groups.append(text.replace(" ", ""))
            start = i + 1
            continue
        if is_figure(text):
            break
        name_parts.append(text)
        start = i + 1
    figures: list[Money] = []
    indexed: list[tuple[int, Money]] = []
    for i in range(start, len(cells)):
        value = parse_money(cells[i]) if cells[i] and is_figure(cells[i]) else None
        figures.append(value)
        indexed.append((i, value))
    code = code_digits if len(code_digits) in (3, 5, 7) else None
    name = compact_name("".join(name_parts))
    if code is None and code_digits:
        name = code_digits + name
    return Row(code=code, name=name, figures=figures, lines=[line], positional=True,
               extra={"cell_figures": indexed})


def read_rows(lines: list[Line], coded: bool = True, label_rows: bool = True) -> list[Row]:
    """Every row of a table body (the lines after its title).

    ``coded``: rows start with a subject code (classification tables). ``label_rows``: a line
    starting with 总计/合计/小计, or — once the previous row has its figures — a line of text
    ending in figures (a unit's name, ``特定目标 5010003T``) starts a row of its own.
    Reading stops at a note (``备注：…为空表``).
    """
    rows: list[Row] = []
    groups: list[tuple[list[Line], bool | None]] = []
    current: list[Line] | None = None
    current_coded = False
    current_has_figures = False
    started = False
    skipping = False
    header: set[str] = set()  # the header's lines, to skip where a page break repeats them
    layout = analyse(lines)
    header_texts = {compact_name(line.text) for line in lines if layout is not None and layout.is_header(line)}
    seen_rows: set[tuple] = set()
    for idx, line in enumerate(lines):
        text = line.text.strip()
        compact = compact_name(text)
        if not compact:
            continue
        if _NOTE_RE.search(compact) and not line.cells:
            break
        if _SKIP_RE.match(compact):
            continue
        if line.cells is not None and any(c for c in line.cells):
            # PDF table row: the cells are the row, read by the table's layout
            if layout is not None and (layout.is_header(line) or is_numbering_row(line.cells)
                                       or compact_name(line.text) in header_texts):
                continue  # the header, its numbering row, or the header repeated after a page break
            key = tuple(line.cells)
            if key in seen_rows and started and _LABEL_RE.match(compact_name(line.text)):
                continue  # a 合计 row printed again on the next page
            seen_rows.add(key)
            row = _cells_row(line, layout)
            if not row.code and not row.name and not started and any(f is not None for f in row.figures):
                row.name = "合计"  # the table's total printed first with its label cell left blank (长春)
            if not row.code and not any(f is not None for f in row.figures) and not _LABEL_RE.match(row.name):
                continue
            if row.code or row.name:
                if current is not None:
                    groups.append((current, current_coded))
                    current = None
                groups.append(([line], None))  # None: read from its cells
                started = True
            continue
        tokens = text.split()
        nxt = lines[idx + 1].text.split() if idx + 1 < len(lines) else None
        prev_tokens = lines[idx - 1].text.split() if idx > 0 else None
        is_code = coded and _code_start(tokens, nxt, prev_tokens)
        ends_with_figure = bool(tokens) and is_figure(tokens[-1])
        next_all_figures = bool(nxt) and all(is_figure(t) for t in nxt)
        is_label = label_rows and (
            (_LABEL_RE.match(compact) is not None and (ends_with_figure or next_all_figures))
            or (started and current_has_figures and not is_code and ends_with_figure
                and re.match(r"[\u4e00-\u9fff（(“]", compact) is not None)
            or (not started and not is_code and ends_with_figure
                and re.match(r"[\u4e00-\u9fff]", compact) is not None and not coded))
        if _HEADER_START_RE.match(compact):
            skipping = True
            continue
        if started and compact in header and not (is_code or is_label):
            continue
        if is_code or is_label:
            if current is not None:
                groups.append((current, current_coded))
            current = [line]
            current_coded = is_code
            current_has_figures = ends_with_figure and len(tokens) > 1 and bool(re.search(r"[^\d\s.,]", text))
            started = True
            skipping = False
            continue
        if not started and (len(compact) >= 3 or " " in text):
            header.add(compact)
        if skipping or not started or current is None:
            continue
        # a page number alone on a line after a finished row
        if (len(tokens) == 1 and _PURE_DIGITS.fullmatch(tokens[0]) and current_has_figures):
            prev_tokens = current[-1].text.split()
            if not (re.fullmatch(r"\d[\d,]*\.\d?", prev_tokens[-1]) if prev_tokens else False):
                continue
        current.append(line)
        if ends_with_figure and any(re.search(r"[^\d\s]", l.text) for l in current[1:] + current[:1]
                                    if not re.fullmatch(r"[\d\s]+", l.text)):
            current_has_figures = True
    if current is not None:
        groups.append((current, current_coded))
    for group, group_coded in groups:
        if group_coded is None:
            row = _cells_row(group[0], layout)
            if not row.code and not row.name and not rows:
                row.name = "合计"
            inherit_code(row, rows, layout)
            rows.append(row)
        else:
            rows.append(_parse_group(group, group_coded))
    return rows
