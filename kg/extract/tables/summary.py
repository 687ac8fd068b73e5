"""表1 部门收支总体情况表 and 表4 财政拨款收支总体情况表: two tables side by side.

Each printed line holds an income item on the left (``1.一般公共预算拨款 1,744.68``) and a
functional 类 on the right (``202 外交支出 20.00``), the last line ``收入总计 … 支出总计 …``.
The left side is kept as items with their level (一、 = 0, 1. = 1, 其中 = 2) so the checks can
recompute 本年收入 = Σ its numbered items and so on; the income labels map to Totals keys through
``INCOME_LABELS`` (an additive registry for other templates' wording).

A PDF table is read by its layout (``kg.extract.grid``): the first side is the income, every
other side an expenditure side — functional 类 (their codes printed, or taken from the national
classification for a 类 printed by name only), an 经济分类 by category, or labelled lines
(本年支出合计, 基本支出, 项目支出, 结转下年, 年末结转和结余, 结余分配: ``EXPENDITURE_LABELS``). Each
side's amount is its first figure column; numbering columns (行次) are never read as amounts.
A 收入总计 printed blank beside a printed 支出总计 is the sum of the income headings, marked so.

``fill_from_narrative`` fills Totals the tables leave blank from the narrative's income
statements (``单位资金 0.00万元``, ``财政拨款结转 0.00 万元``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from kg.extract.grid import GridLayout, analyse, cell_text, is_numbering_row
from kg.extract.model import CARRYOVER_BY_SOURCE, Provenance, Record
from kg.extract.profiles.vocabulary import functional_class_code
from kg.extract.source import Line
from kg.extract.tables import register
from kg.extract.tables.contracts import GrandTotals, SummaryData
from kg.extract.tables.fiscal_classes import keep_fiscal_classes
from kg.extract.tables.classification import in_record_unit, printed_unit
from kg.extract.tables.government_economic import read_government_economic
from kg.extract.tables.rows import is_figure
from kg.extract.text_normalize import compact_name, is_money, parse_money, remove_cjk_spaces

# (regex over the bare label, key, section): section "current" (本年收入 part) or "carryover"
INCOME_LABELS: list[tuple[re.Pattern[str], str, str | None]] = []


def register_income_label(pattern: str, key: str, section: str | None = None) -> None:
    INCOME_LABELS.append((re.compile(pattern), key, section))


for _p, _k, _s in [
    (r"(?:本年|当年)收入(?:合计|小计)?", "current_year_income", None),
    (r"上年结转结余|上年结转", "carryover_total", None),
    (r"(?:一般公共预算拨款|一般公共预算)(?:收入)?", "general_public_budget", "current"),
    (r"一般财力", "general_own", "current"),
    (r"上级一般公共预算安排(?:的)?转移支付(?:资金)?", "upper_general", "current"),
    (r"(?:政府性)?基金预算拨款(?:收入)?|政府性基金预算(?:收入)?", "government_fund", "current"),
    (r"上级政府性基金安排(?:的)?转移支付(?:资金)?", "upper_fund", "current"),
    (r"国有资本经营预算拨款(?:收入)?|国有资本经营预算(?:收入)?", "state_capital", "current"),
    (r"上级国有资本经营预算安排(?:的)?转移支付(?:资金)?", "upper_state_capital", "current"),
    (r"财政专户(?:核拨|管理资金)(?:收入)?", "fiscal_special", "current"),
    (r"单位资金", "unit_funds", "current"),
    (r"财政拨款(?:资金)?结转(?:结余)?", "carryover_fiscal", "carryover"),
    (r"非财政拨款(?:资金)?结转(?:结余)?|非财政拨款(?:资金)?结余", "carryover_nonfiscal", "carryover"),
]:
    register_income_label(_p, _k, _s)

# other templates' wording: Shanghai ``1. 一般公共预算资金`` / ``2. 政府性基金``, Jiangsu ``三、其他资金``,
# the 决算 template's ``一般公共预算财政拨款收入`` and ``年初结转和结余``
for _p, _k, _s in [
    (r"一般公共预算(?:资金|财政拨款(?:收入)?)", "general_public_budget", "current"),
    (r"政府性基金(?:预算)?(?:资金|财政拨款(?:收入)?)?", "government_fund", "current"),
    (r"国有资本经营预算(?:资金|财政拨款(?:收入)?)", "state_capital", "current"),
    (r"其他资金", "unit_funds", "current"),
    (r"年初结转和结余", "carryover_total", None),
]:
    register_income_label(_p, _k, _s)

# headings and lines other families print: 财政拨款（收入） over its three budgets (长春, 杭州),
# 上年结余、结转 (深圳), the 决算's 使用非财政拨款结余 and 年初财政拨款结转和结余
for _p, _k, _s in [
    (r"财政拨款(?:收入)?(?:合计|小计)?", "fiscal_total", "current"),
    (r"单位资金(?:收入)?", "unit_funds", "current"),
    (r"上年结余、?结转|上年结转结余资金", "carryover_total", None),
    (r"(?:年初)?财政拨款结转和结余", "carryover_fiscal", None),
    (r"财政拨款结余、?结转", "carryover_fiscal", "carryover"),
    (r"非财政拨款结余、?结转", "carryover_nonfiscal", "carryover"),
    (r"使用非财政拨款结余|用事业基金弥补收支差额", "nonfiscal_surplus_used", None),
    (r"一般公共预算(?:拨款)?(?:收入|资金)", "general_public_budget", "current"),
]:
    register_income_label(_p, _k, _s)

# The expenditure side's labelled lines (not functional 类): 本年支出合计, the 基本/项目 split some
# families set against the income (长沙; 西安's 部门预算支出经济分类 side), 结转下年, 结余分配.
EXPENDITURE_LABELS: list[tuple[re.Pattern[str], str]] = [(re.compile(p), k) for p, k in [
    (r"(?:本年|当年)支出(?:合计|小计)|部门预算", "current_year_expenditure"),
    (r"基本支出|人员经费和公用经费支出", "basic_expenditure"),
    (r"项目支出|专项业务经费支出", "project_expenditure"),
    (r"结转(?:结余)?(?:至|到)?下年(?:支出|资金)?|年终结转结余|年末结转(?:和)?结余|年末财政拨款结转和结余", "carryover_year_end"),
    (r"结余分配", "surplus_distribution"),
    (r"(?:事业单位)?经营支出", "operating_spending"),
]]

# non-fiscal income printed item by item (Shanghai ``二、事业收入`` ``三、事业单位经营收入`` ``四、其他收入``,
# the 决算 template's 上级补助收入 … 其他收入): ``own_*`` keys, summed into ``unit_funds`` where the
# table prints no 单位资金 line of its own (重庆 says ``五、事业收入资金``)
# ``own_*`` item key -> the record's key of that line (``UNIT_FUND_LINES``)
OWN_INCOME_LINES = {"own_service": "unit_business", "own_business": "unit_operating",
                    "own_upper_grant": "unit_upper", "own_affiliates": "unit_affiliated", "own_other": "unit_other"}
for _p, _k, _s in [
    (r"事业收入(?:资金)?", "own_service", "current"),
    (r"(?:事业单位)?经营收入(?:资金)?", "own_business", "current"),
    (r"上级补助收入(?:资金)?", "own_upper_grant", "current"),
    (r"附属单位上缴收入(?:资金)?", "own_affiliates", "current"),
    (r"其他收入(?:资金)?", "own_other", "current"),
]:
    register_income_label(_p, _k, _s)

_NUMBER_PREFIX = re.compile(r"^(?:[一二三四五六七八九十]+、|\d+[.．、]|[（(]\d+[)）])")
_CODE = re.compile(r"^[1-9]\d{2}$")
_GLUED_CODE = re.compile(r"^([1-9]\d{2})([\u4e00-\u9fff].*)$")


@dataclass
class Item:
    """One income item of the left side: level 0 (一、), 1 (1.), 2 (其中 …)."""

    level: int
    label: str
    figures: list[Decimal | None]
    line: Line
    key: str | None = None
    heading: bool = False  # an unnumbered heading (上年结转结余) whose parts may be numbered 一、 again

    @property
    def value(self) -> Decimal | None:
        return self.figures[0] if self.figures else None


@dataclass
class RightRow:
    code: str | None
    name: str
    figures: list[Decimal | None]
    line: Line


def _split_line(text: str) -> tuple[list[str], list[str]]:
    """Left tokens and right tokens (from the functional code on)."""
    tokens = text.split()
    for j, tok in enumerate(tokens):
        if _GLUED_CODE.match(tok):
            m = _GLUED_CODE.match(tok)
            return tokens[:j], [m.group(1), m.group(2), *tokens[j + 1:]]
        if _CODE.match(tok) and j + 1 < len(tokens) and not is_figure(tokens[j + 1]):
            return tokens[:j], tokens[j:]
        if _CODE.match(tok) and j + 1 == len(tokens) and j > 0:
            return tokens[:j], tokens[j:]
    # a glued name tail + code: 出208 社会保障和就业支出
    for j, tok in enumerate(tokens):
        m = re.match(r"^([\u4e00-\u9fff]+?)([1-9]\d{2})$", tok)
        if m and j + 1 < len(tokens) and not is_figure(tokens[j + 1]):
            return tokens[:j] + [m.group(1)], [m.group(2), *tokens[j + 1:]]
    return tokens, []


def _trailing_figures(tokens: list[str]) -> tuple[str, list[Decimal | None]]:
    cut = len(tokens)
    while cut > 0 and is_figure(tokens[cut - 1]):
        cut -= 1
    return compact_name("".join(tokens[:cut])), [parse_money(t) for t in tokens[cut:]]


def _label_key(label: str, section: str, extra=()) -> str | None:
    """The record key an income label names (the shared registry, then the family's own
    ``LabelRule``s). Under a carry-over heading a line naming a kind of funds (北京 04表's
    ``上年结转结余`` / ``一、一般公共预算拨款``, a 决算's ``年初财政拨款结转和结余`` /
    ``政府性基金预算财政拨款``) is that kind's carry-over (``CARRYOVER_BY_SOURCE``), not its income."""
    bare = _NUMBER_PREFIX.sub("", label)
    bare = re.sub(r"^其中[:：]?|^[（(][一二三四五六七八九十]+[)）]", "", bare)  # （一）一般公共预算拨款 (国家信访局, 苏州)
    for pattern, key, sect in INCOME_LABELS:
        if pattern.fullmatch(bare) and (sect is None or sect == section):
            return key
    for rule in extra:
        if re.fullmatch(rule.pattern, bare) and (rule.section is None or rule.section == section):
            return rule.key
    if section == "carryover":  # 深圳 表6 names the kind with the carry-over words after it
        kind = _label_key(_CARRIED_SUFFIX.sub("", bare), "current", extra)
        return CARRYOVER_BY_SOURCE.get(kind) if kind is not None else None
    return None


# the carry-over words a line under the carry-over heading may repeat after its kind of funds
# (``1.一般公共预算拨款结余、结转``)
_CARRIED_SUFFIX = re.compile(r"(?:结余、?结转|结转(?:和)?结余|结转)$")


_GRAND_LEFT_RE = re.compile(r"^(?:收入)?总计$|^收入合计$|^合计$")
_GRAND_RIGHT_RE = re.compile(r"^(?:支出)?总计$|^支出合计$|^合计$")
_ORDINAL_RE = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、])")


def expenditure_key(label: str) -> str | None:
    """The record key an expenditure-side line names (本年支出合计, 基本支出, 结转下年 …)."""
    bare = _ORDINAL_RE.sub("", label)
    bare = re.sub(r"^其中[:：]?", "", bare)
    for pattern, key in EXPENDITURE_LABELS:
        if pattern.fullmatch(bare):
            return key
    return None


def _class_code(name: str, code_cell: str) -> str | None:
    """A functional 类's code: printed in its own column or before the name, else the national
    classification's code for the 类 name (杭州 and 北京 print names only)."""
    if re.fullmatch(r"[1-9]\d{2}", code_cell):
        return code_cell
    m = re.match(r"^[\[【]?([1-9]\d{2})[\]】]?(?=[\u4e00-\u9fff])", name)
    if m:
        return m.group(1)
    return functional_class_code(name)


def _read_grid(lines: list[Line], layout: GridLayout, items: list[Item], right: list[RightRow],
               grand: GrandTotals, spending: dict[str, RightRow]) -> None:
    """A two-sided table read by its layout: block 0 is the income side, every other block an
    expenditure side (functional 类, or 经济分类 by category, or labelled lines); each side's
    first figure column is its amount (numbering columns — 行次 — are never read)."""
    blocks = layout.blocks
    seen: set[tuple] = set()
    for line in lines:
        if line.cells is None or layout.is_header(line) or is_numbering_row(line.cells):
            continue
        if tuple(line.cells) in seen:
            continue  # a row printed again after a page break
        seen.add(tuple(line.cells))
        sides = []
        for block in blocks:
            label = "".join(cell_text(line.cells[i]) for i in block
                            if i < len(line.cells) and layout.role(i) == "label")
            code = "".join(cell_text(line.cells[i]) for i in block
                           if i < len(line.cells) and layout.role(i) == "code")
            figures = [parse_money(cell_text(line.cells[c.index])) if c.index < len(line.cells)
                       and is_money(cell_text(line.cells[c.index])) else None
                       for c in layout.figure_columns(blocks.index(block))]
            sides.append((label, code, figures))
        left_label, _, left_figures = sides[0]
        if _GRAND_LEFT_RE.match(left_label):
            grand.income_total = left_figures[0] if left_figures else None
            grand.line = line
        elif left_label:
            _add_item(items, left_label, left_figures[:1] if left_figures and left_figures[0] is not None else [],
                      line)
        for number, (label, code, figures) in enumerate(sides[1:], start=1):
            if not label:
                continue
            value = figures[0] if figures else None
            if _GRAND_RIGHT_RE.match(label):
                if grand.expenditure_total is None:
                    grand.expenditure_total = value
                    grand.expenditure_figures = figures
                    grand.line = grand.line or line
                continue
            economic_side = any(re.search(r"经济", p) for i in blocks[number]
                                for p in layout.columns[i].path)
            class_code = None if economic_side else _class_code(label, code)
            if class_code is not None:
                right.append(RightRow(class_code, _ORDINAL_RE.sub("", re.sub(r"^[\[【]?[1-9]\d{2}[\]】]?", "", label)),
                                      [value], line))
                continue
            key = expenditure_key(label)
            if key is not None and (key not in spending or spending[key].figures[0] is None):
                spending[key] = RightRow(None, label, [value], line)  # the first that prints a figure


def read_two_sided(lines: list[Line]) -> tuple[list[Item], list[RightRow], GrandTotals, dict[str, RightRow]]:
    """Left items, right rows, the two totals (``收入总计``, ``支出总计``) and the expenditure
    side's labelled lines of 表1/表4."""
    items: list[Item] = []
    right: list[RightRow] = []
    grand = GrandTotals()
    spending: dict[str, RightRow] = {}
    layout = analyse(lines)
    if layout is not None and len(layout.blocks) >= 2:
        _read_grid(lines, layout, items, right, grand, spending)
        _settle_levels(items)
        return items, right, grand, spending
    started = False
    for line in lines:
        text = remove_cjk_spaces(line.text)
        compact = compact_name(text)
        if re.search(r"为空表|^备注|^注[:：]", compact):
            break
        if "收入总计" in compact or "支出总计" in compact or compact.startswith(("收入合计", "支出合计")):
            m = re.search(r"收入(?:总计|合计)\s*((?:[-\d,.]+\s*)*)", text)
            if m:
                figs = [parse_money(t) for t in m.group(1).split() if is_figure(t)]
                grand.income_total = figs[0] if figs else None
            m = re.search(r"支出(?:总计|合计)\s*((?:[-\d,.]+\s*)*)", text)
            if m:
                figs = [parse_money(t) for t in m.group(1).split() if is_figure(t)]
                grand.expenditure_total = figs[0] if figs else None
                grand.expenditure_figures = figs
            grand.line = line
            continue
        left, right_tokens = _split_line(text)
        if not started:
            if (left and re.match(r"^(?:一、|1[.．])", left[0])) or right_tokens:
                started = True
            else:
                continue
        if left:
            label, figs = _trailing_figures(left)
            if label:
                _add_item(items, label, figs, line)
            elif figs and items and not items[-1].figures:
                items[-1].figures = figs
        if right_tokens:
            code = right_tokens[0]
            name, figs = _trailing_figures(right_tokens[1:])
            right.append(RightRow(code if _CODE.match(code) and code != "000" else None, name, figs, line))
    _settle_levels(items)
    return items, right, grand, spending


def _add_item(items: list[Item], label: str, figs: list[Decimal | None], line: Line) -> None:
    """Add an income line, joining a label wrapped over two rows (``当年收入`` / ``小计``)."""
    if not figs and not _NUMBER_PREFIX.match(label) and items and not items[-1].figures \
            and _label_key(items[-1].label + label, "current") and not _label_key(label, "current"):
        items[-1].label += label  # a label wrapped over two lines
    elif label in ("小计", "合计") and items:
        items[-1].label += label  # ``当年收入`` / ``小计`` printed over two rows
        if figs and not items[-1].figures:
            items[-1].figures = figs
    else:
        level = 0 if re.match(r"^[一二三四五六七八九十]+、", label) else (
            1 if re.match(r"^\d+[.．、]", label) else 2)
        items.append(Item(level, label, figs, line))


def _settle_levels(items: list[Item]) -> None:
    """Subtotal lines out of the heading levels, unnumbered headings in, then each item's key."""
    section = "current"
    heading_open = False
    if len(items) > 1 and items[0].level == 2 and items[1].level == 1 and not re.match(r"^其中", items[0].label) \
            and not _NUMBER_PREFIX.match(items[0].label):
        items[0].level = 0  # the first line an unnumbered heading over numbered parts (深圳 ``财政拨款`` / ``1.…``)
    for item in items:
        bare = _NUMBER_PREFIX.sub("", item.label)
        if re.search(r"(?:小计|合计)$", bare):
            item.level = -1  # a subtotal line (当年收入小计): a figure, not a heading with parts
        elif item.level == 2 and re.fullmatch(r"上年结转(?:结余|资金)?|上年结余、?结转|年初(?:财政拨款)?结转和结余|"
                                              r"使用非财政拨款结余.*|上年实户资金余额|用事业基金弥补收支差额", bare):
            item.level = 0  # an unnumbered heading (Jiangsu's 上年结转资金)
            item.heading = True
        elif item.level == 0 and section == "carryover" and heading_open:
            item.level = 1  # 一、二、 numbered again under 上年结转结余 (北京 04表): its parts
        if item.level == 0:
            section = "carryover" if "结转" in item.label else "current"
            heading_open = item.heading
        item.key = _label_key(item.label, "current" if item.level == -1 else section)


def _prov(record: Record, table, line: Line, row: str) -> Provenance:
    return Provenance(file=record.source, page=line.page, line=line.lineno, table=table.label, row=row,
                      unit=printed_unit(table, record))


_SUMMARY_KEYS = ("current_year_income", "carryover_total", "general_public_budget", "government_fund",
                 "state_capital", "unit_funds", "carryover_fiscal", "carryover_nonfiscal", "fiscal_total",
                 *CARRYOVER_BY_SOURCE.values())
_SPENDING_KEYS = ("current_year_expenditure", "basic_expenditure", "project_expenditure", "carryover_year_end",
                  "surplus_distribution")


def read_summary(table, extra_labels=()) -> SummaryData:
    """A two-sided table's reading (items keyed with the family's own labels too)."""
    items, right, grand, spending = read_two_sided(table.lines)
    if extra_labels:
        for item in items:
            if item.key is None:
                item.key = _label_key(item.label, "current", extra_labels)
    data = SummaryData(items=items, right=right, grand=grand, expenditure_items=spending)
    for item in items:
        if item.key is not None and item.key not in data.by_key:
            data.by_key[item.key] = item.value
    data.by_key["income_total"] = grand.income_total
    return data


@register("summary")
def parse_summary(table, record: Record, parts) -> None:
    """表1: the income items and the department totals; its 类 rows kept for the checks."""
    profile = getattr(parts, "profile", None)
    data = read_summary(table, profile.income_labels if profile is not None else ())
    table.rows = data.right
    table.data = data
    items, grand = data.items, data.grand
    upper = [(item.value, item) for item in items
             if item.key and item.key.startswith("upper_") and item.value is not None]
    t = record.totals
    if t.income_total is not None:
        return  # a second summary table (a 单位 version): the first one's totals stand
    read_government_economic(table, record)
    line = grand.line
    for key, value, row in (("income_total", grand.income_total, "收入总计"),
                            ("expenditure_total", grand.expenditure_total, "支出总计")):
        if value is not None:
            setattr(t, key, in_record_unit(value, table, record))
            t.provenance[key] = _prov(record, table, line, row)
    for item in items:
        key = item.key
        if key in _SUMMARY_KEYS and getattr(t, key) is None and item.value is not None:
            setattr(t, key, in_record_unit(item.value, table, record))
            t.provenance[key] = _prov(record, table, item.line, item.label)
    for key in _SPENDING_KEYS:
        row = data.expenditure_items.get(key)
        if row is not None and row.figures and row.figures[0] is not None and getattr(t, key) is None:
            setattr(t, key, in_record_unit(row.figures[0], table, record))
            t.provenance[key] = _prov(record, table, row.line, row.name)
    _fill_unit_funds(items, table, record)
    if t.income_total is None and t.expenditure_total is not None:
        _income_total_from_items(data, table, record)
    if upper:
        t.upper_level_transfer = in_record_unit(sum((v for v, _ in upper), Decimal(0)), table, record)
        t.provenance["upper_level_transfer"] = _prov(record, table, upper[0][1].line, upper[0][1].label)
    # 本年收入 + 上年结转结余 = 收入总计: a blank 上年结转结余 where the two printed totals agree is 0
    if t.carryover_total is None and t.income_total is not None and t.current_year_income is not None \
            and t.income_total == t.current_year_income:
        t.carryover_total = Decimal("0.00")
        t.provenance["carryover_total"] = _prov(record, table, line or table.lines[0], "上年结转结余 (收入总计 − 本年收入)")


def _income_total_from_items(data: SummaryData, table, record: Record) -> None:
    """A 收入总计 printed blank beside a printed 支出总计 (上海市审计局 2026): the sum of the income
    headings (一、二、…) the table prints, marked as computed in its provenance. The blank stays a
    finding of the checks (收入总计 = Σ its items, printed blank)."""
    tops = [item for item in data.items if item.level == 0]
    values = [item.value for item in tops if item.value is not None]
    if not values or not data.grand.line:
        return
    record.totals.income_total = in_record_unit(sum(values, Decimal(0)), table, record)
    record.totals.provenance["income_total"] = _prov(
        record, table, data.grand.line, "收入总计（空白；" + " + ".join(_NUMBER_PREFIX.sub("", i.label) for i in tops) + "）")


def _fill_unit_funds(items: list[Item], table, record: Record) -> None:
    """单位资金 as the sum of the non-fiscal income items (``own_*``) the table prints figures for;
    left blank where it prints a 单位资金 line itself or none of those items carries a figure."""
    t = record.totals
    own = [item for item in items if item.key and item.key.startswith("own_")]
    printed = [item for item in own if item.value is not None]
    for item in printed:  # each line kept as its own figure too (事业收入多少, 各占多少)
        key = OWN_INCOME_LINES.get(item.key)
        if key is not None and getattr(t, key) is None:
            setattr(t, key, in_record_unit(item.value, table, record))
            t.provenance[key] = _prov(record, table, item.line, item.label)
    if t.unit_funds is not None or not printed:
        return
    t.unit_funds = in_record_unit(sum((item.value for item in printed), Decimal(0)), table, record)
    t.provenance["unit_funds"] = _prov(record, table, printed[0].line,
                                       " + ".join(_NUMBER_PREFIX.sub("", item.label) for item in own))


@register("fiscal_summary")
def parse_fiscal_summary(table, record: Record, parts) -> None:
    """表4: kept for the checks (财政拨款 totals against 表5 and 表1), and the source of the
    appropriations by budget where the 收支总表 prints them as one line (广东's ``一、预算拨款``:
    一般公共预算, 政府性基金, 国有资本经营 are only split here)."""
    profile = getattr(parts, "profile", None)
    data = read_summary(table, profile.income_labels if profile is not None else ())
    table.rows = data.right
    table.data = data
    keep_fiscal_classes(table, record)  # its 类: the 财政拨款 by functional class (scope ``fiscal``)
    t = record.totals
    _fiscal_carryover(data, table, record)
    _carryover_by_kind(data, table, record)
    _current_fiscal(data, table, record)
    _fiscal_current_year(data, table, record)
    if t.fiscal_total is None or any(getattr(t, key) is not None for key in _APPROPRIATIONS):
        return
    for item in data.items:
        if item.key in _APPROPRIATIONS and getattr(t, item.key) is None and item.value is not None:
            setattr(t, item.key, in_record_unit(item.value, table, record))
            t.provenance[item.key] = _prov(record, table, item.line, item.label)


def _current_fiscal(data: SummaryData, table, record: Record) -> None:
    """财政拨款 of the year itself (``fiscal_total``: the three budgets' appropriations, no carry-over)
    from the 本年收入 line of a 财政拨款收支总表, where the 收支总表 printed no 财政拨款 line — 重庆 folds
    the carry-over into its 一般公共预算资金 there (18,417.70), and 表四's ``一、本年收入 17,552.65`` is
    the only place the year's own appropriations are printed."""
    t = record.totals
    if t.fiscal_total is not None:
        return
    current = next((item for item in data.items if item.level == 0 and item.key == "current_year_income"
                    and item.value is not None), None)
    if current is None:
        return
    t.fiscal_total = in_record_unit(current.value, table, record)
    t.provenance["fiscal_total"] = _prov(record, table, current.line, current.label)


def _fiscal_current_year(data: SummaryData, table, record: Record) -> None:
    """The year's own 财政拨款 (``fiscal_current_year``) as the 财政拨款收支总表's 本年收入 line prints it:
    what 当年新拨的财政拨款 asks, beside the 上年结转 the same table adds to it."""
    t = record.totals
    current = next((item for item in data.items if item.level == 0 and item.key == "current_year_income"
                    and item.value is not None), None)
    if current is None or t.fiscal_current_year is not None:
        return
    t.fiscal_current_year = in_record_unit(current.value, table, record)
    t.provenance["fiscal_current_year"] = _prov(record, table, current.line, current.label)


def _carryover_by_kind(data: SummaryData, table, record: Record) -> None:
    """The carry-over by kind of funds a 财政拨款收支总表 prints under its 上年结转结余 heading (北京
    预算04表, a 决算's 公开04表) where the 收支总表 printed the carry-over as one line: each kind
    printed with a figure is its own total (a blank line is no figure)."""
    t = record.totals
    for item in data.items:
        if item.key in CARRYOVER_BY_SOURCE.values() and item.value is not None and getattr(t, item.key) is None:
            setattr(t, item.key, in_record_unit(item.value, table, record))
            t.provenance[item.key] = _prov(record, table, item.line, item.label)


# the current-year appropriations a 财政拨款收支总表 splits 财政拨款 into
_APPROPRIATIONS = ("general_public_budget", "government_fund", "state_capital")

# a 决算's 财政拨款收入支出决算总表 carry-over lines: (the table's key, the record's fiscal key, the
# all-funds key of 收入支出决算总表, the record's non-fiscal key). Everything in this table is
# 财政拨款, so its 年初结转和结余 / 年末结转和结余 are the fiscal parts whatever the label says.
_FISCAL_CARRYOVER = (("carryover_total", "carryover_fiscal", "carryover_total", "carryover_nonfiscal"),
                     ("carryover_year_end", "carryover_year_end_fiscal", "carryover_year_end",
                      "carryover_year_end_nonfiscal"))


def _fiscal_carryover(data: SummaryData, table, record: Record) -> None:
    """A 决算's 年初 and 年末 财政拨款结转和结余 from its 财政拨款收入支出决算总表 (the year-start
    line on the income side, the year-end on the expenditure side), and each one's non-fiscal rest
    where 收入支出决算总表 prints the all-funds figure (marked as computed in its provenance).
    A budget's 上年结转 line there is the fiscal carry-over too, read where the 收支总表 split none off
    (重庆 folds the carry-over into its 一般公共预算资金 line: 表四's ``二、上年结转 865.06`` is the only
    place it is printed); its 结转下年 is a plan, not a year's end, and is left to the 收支总表."""
    t = record.totals
    final = "决算" in (record.kind or "")
    year_start = next((item for item in data.items if item.level == 0 and item.key in ("carryover_total",
                                                                                      "carryover_fiscal")), None)
    year_end = data.expenditure_items.get("carryover_year_end") if final else None
    found = {"carryover_total": (year_start.value, year_start.line, year_start.label) if year_start else None,
             "carryover_year_end": (year_end.figures[0], year_end.line, year_end.name)
             if year_end is not None and year_end.figures else None}
    for table_key, fiscal_key, all_key, rest_key in _FISCAL_CARRYOVER:
        cell = found[table_key]
        if cell is None or cell[0] is None or getattr(t, fiscal_key) is not None:
            continue
        value, line, label = cell
        fiscal = in_record_unit(value, table, record)
        setattr(t, fiscal_key, fiscal)
        t.provenance[fiscal_key] = _prov(record, table, line, label)
        whole = getattr(t, all_key)
        if whole is not None and getattr(t, rest_key) is None and fiscal <= whole:
            setattr(t, rest_key, whole - fiscal)
            where = t.provenance.get(all_key)
            t.provenance[rest_key] = Provenance(
                file=record.source, page=line.page, line=line.lineno, table=table.label,
                row=f"{where.row if where else all_key}（{where.table if where else ''}）− {label}")


# --- the narrative's income statements -------------------------------------------------------

_NARRATIVE_INCOME = [
    # 上年结转结余 by kind of funds, stated before the kind's own income (苏州, 无锡: 上年结转结余的一般公共预算收入 0 万元)
    *((key, rf"上年结转(?:结余|和结余)?(?:中)?的{words}(?:预算)?(?:收入|资金)?")
      for key, words in (("carryover_general_public_budget", "一般公共预算"),
                         ("carryover_government_fund", "政府性基金"),
                         ("carryover_state_capital", "国有资本经营"),
                         ("carryover_fiscal_special", "财政专户管理"),
                         ("carryover_unit_funds", "单位"))),
    ("unit_funds", r"单位资金"),
    ("carryover_fiscal", r"财政拨款结转(?:结余)?"),
    ("carryover_nonfiscal", r"非财政拨款结转结余|非财政拨款结余"),
    ("carryover_total", r"上年结转结余"),
    ("general_public_budget", r"一般公共预算(?:拨款)?(?:收入)?"),
    ("government_fund", r"政府性基金预算(?:拨款)?"),
    ("state_capital", r"国有资本经营预算(?:拨款)?"),
]


def fill_from_narrative(parts, record: Record) -> None:
    """Totals left blank by the tables, from ``收入预算情况说明`` statements ``<item> X万元``.

    Only a statement that begins a line or sentence counts (``单位资金 0.00万元，占 0.00%``), in the
    income section of the narrative; ``未安排`` leaves the figure blank.
    """
    lines = parts.narrative
    start = end = None
    for i, line in enumerate(lines):
        compact = compact_name(line.text)
        # a heading may wrap: ``二、关于…2024 年`` + ``收入预算情况说明``
        heading = compact + (compact_name(lines[i + 1].text) if i + 1 < len(lines) else "")[:12]
        if start is None and re.search(r"收入预算(?:情况)?说明|收入决算(?:情况)?说明", heading) and \
                re.match(r"^[一二三四五六七八九十]+、", compact):
            start = i
        elif start is not None and re.match(r"^[一二三四五六七八九十]+、", compact):
            end = i
            break
    if start is None:
        return
    section = lines[start:end]
    text = "\n".join(remove_cjk_spaces(line.text) for line in section)
    t = record.totals
    unit = "万元"
    for key, label in _NARRATIVE_INCOME:
        if getattr(t, key) is not None:
            continue
        m = re.search(rf"(?:^|[\n。；;，,])\s*(?:{label})\s*([\d,]+(?:\.\d+)?)\s*(万元|元)", text)
        if not m:
            continue
        # the statement names only this item (not 上级一般公共预算… or 非财政拨款… for a shorter label)
        before = text[max(0, m.start() - 6):m.start() + 1]
        if key == "carryover_fiscal" and "非" in before[-2:]:
            continue
        value = parse_money(m.group(1))
        unit = m.group(2)
        if record.unit and unit != record.unit:
            from kg.units import convert

            value = convert(value, unit, record.unit)
        setattr(t, key, value)
        line_no = text[:m.start()].count("\n")
        src = section[min(line_no + (1 if text[m.start()] == "\n" else 0), len(section) - 1)]
        t.provenance[key] = Provenance(file=record.source, page=src.page, line=src.lineno,
                                       table="说明", row=compact_name(m.group(0)).lstrip("。；;，,"))
