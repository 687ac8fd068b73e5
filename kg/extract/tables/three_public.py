"""表10 财政拨款"三公"经费支出情况表 (and 三公 tables of other templates, row layout).

Rows are labelled (合计, 因公出国（境）费, 公务接待费, 公务用车购置及运行费（小计）, 其中：公务用车
购置费, 公务用车运行费; Jiangsu adds 会议费 and 培训费, whose 合计 then is not the 三公 total: the
三公 total is its 小计 row, or stays blank). A label may wrap and its figures may stand on the
next line; the first figure of a row is its 合计 column. ``THREE_PUBLIC_LABELS`` is additive.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from kg.extract.model import Provenance, Record
from kg.extract.source import Line
from kg.extract.tables import register
from kg.extract.tables.classification import in_record_unit, printed_unit
from kg.extract.tables.contracts import ThreePublicData
from kg.extract.tables.rows import is_figure
from kg.extract.text_normalize import compact_name, parse_money

# (regex at the start of the label — its ordinal (（一）, 1.) and 其中： removed —, field);
# order matters: longer labels first
THREE_PUBLIC_LABELS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^公务用车购置及运行(?:维护)?(?:费|支出)"), "vehicles"),
    (re.compile(r"^公务用车购置(?:费|支出)?"), "vehicle_purchase"),
    (re.compile(r"^公务用车运行(?:维护)?(?:费|支出)?"), "vehicle_operation"),
    (re.compile(r"^因公出国[（(]境[)）](?:费用?|支出)?"), "overseas"),
    (re.compile(r"^公务接待(?:费|支出)"), "reception"),
    (re.compile(r"^会议费"), "meetings"),
    (re.compile(r"^培训费"), "training"),
    (re.compile(r"^(?:三公经费)?小计"), "subtotal"),
    (re.compile(r"^(?:合计|总计)|^三公经费(?:合计|总计|.*总额)?$"), "total"),
]
_QUOTES = str.maketrans("", "", "“”\"'‘’")
_ORDINAL_RE = re.compile(r"^(?:其中[:：]?)?(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d[.、．])?(?:其中[:：]?)?")


@dataclass
class LabelRow:
    key: str
    label: str
    figures: list[Decimal | None] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)

    @property
    def value(self) -> Decimal | None:
        return self.figures[0] if self.figures else None


def read_label_rows(lines: list[Line]) -> list[LabelRow]:
    rows: list[LabelRow] = []
    for line in lines:
        compact = compact_name(line.text).replace('"', "").replace("“", "").replace("”", "")
        if re.search(r"为空表|^备注|^注[:：]", compact):
            break
        if compact.startswith("※"):
            continue
        tokens = line.text.split()
        cut = len(tokens)
        while cut > 0 and is_figure(tokens[cut - 1]):
            cut -= 1
        figures = [parse_money(t) for t in tokens[cut:]]
        label = compact_name("".join(tokens[:cut]))
        bare = _ORDINAL_RE.sub("", label.translate(_QUOTES))
        hit = next((key for pattern, key in THREE_PUBLIC_LABELS if pattern.match(bare)), None)
        if hit:
            rows.append(LabelRow(hit, label, figures, [line]))
        elif rows and not rows[-1].figures:
            rows[-1].label += label
            rows[-1].figures = figures
            rows[-1].lines.append(line)
    return rows


@register("three_public")
def parse_three_public(table, record: Record, parts) -> None:
    from kg.extract.tables.three_public_grid import read_grid

    if read_grid(table, record):  # items across the header (PDF cells): Shanghai, Jiangsu, 决算
        return
    rows = read_label_rows(table.lines)
    table.rows = rows
    table.data = ThreePublicData(values={row.key: row.value for row in reversed(rows)})
    tp = record.totals.three_public
    if tp.total is not None or tp.reception is not None:
        return
    found: dict[str, LabelRow] = {}
    for row in rows:
        found.setdefault(row.key, row)
    has_other = "meetings" in found or "training" in found
    for key in ("overseas", "reception", "vehicles", "vehicle_purchase", "vehicle_operation"):
        row = found.get(key)
        if row is None:
            continue
        value = in_record_unit(row.value, table, record) if row.value is not None else Decimal("0.00")
        if row.value is None and key == "vehicles" and any(
                found[k].value for k in ("vehicle_purchase", "vehicle_operation") if k in found):
            value = None  # a blank 小计 over printed parts is not a zero (its check reports it)
        setattr(tp, key, value)
        _prov(record, table, row, f"three_public.{key}")
    if has_other:  # 会议费, 培训费 and the 合计 with them, as the 三公 table prints them
        for key, attr in (("meetings", "meetings"), ("training", "training"), ("total", "with_meetings_training")):
            row = found.get(key)
            if row is not None and row.value is not None:
                setattr(tp, attr, in_record_unit(row.value, table, record))
                _prov(record, table, row, f"three_public.{attr}")
    total_row = found.get("subtotal") if has_other else found.get("total")
    if total_row is not None:
        tp.total = in_record_unit(total_row.value, table, record) if total_row.value is not None else None
        _prov(record, table, total_row, "three_public.total")


def _prov(record: Record, table, row: LabelRow, key: str) -> None:
    line = row.lines[0]
    record.totals.provenance[key] = Provenance(file=record.source, page=line.page, line=line.lineno,
                                               table=table.label, row=row.label, unit=printed_unit(table, record))
