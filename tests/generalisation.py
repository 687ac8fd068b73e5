"""Perturbations of a text extraction the way other documents differ, and the record they must give.

Other departments, provinces and extraction tools print the same budget differently: figures with
or without thousands separators, subject codes joined (``2080505``) or split over lines
(``21\\n\\n1``), full-width digits, the whole budget in 元 rather than 万元, another department and
year, the tables in another order, a running page header repeated through the text. Each
``Perturbation`` rewrites a corpus text one such way and says how the record read from it differs
from the original's (``expect``): nothing but the perturbation itself. ``signature`` is what is
compared: identity, totals, every functional/economic row, the projects and every check.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from decimal import Decimal
from typing import Callable

from kg.extract.model import Record

FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
# a decimal figure; not one already printed in 元 (``<=65509.84元``: the 元 perturbation leaves it)
_FIGURE_RE = re.compile(r"(?<![\d,.A-Za-z\x00])(\d{1,3}(?:,\d{3})+|\d+)\.(\d+)(?![\d%％])(?!\s*[%％])(?!\s*元)")
_DONE = "\x00"  # marks a figure already scaled (removed before the text is returned)
_TABLE_LABEL_RE = re.compile(r"^\s*表\s*(\d{1,2})\s*$")


def _key(value) -> str:
    """A sort key equal for equal values (``Decimal('1.00')`` and ``Decimal('1')`` alike)."""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, (list, tuple)):
        return "(" + ",".join(_key(v) for v in value) + ")"
    return repr(value)


def _map(value, money: Callable[[Decimal], Decimal], text: Callable[[str], str]):
    if isinstance(value, Decimal):
        return money(value)
    if isinstance(value, str):
        return text(value)
    if isinstance(value, dict):
        return {k: _map(v, money, text) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        out = [_map(v, money, text) for v in value]
        return sorted(out, key=_key) if isinstance(value, list) else tuple(out)
    return value


def signature(record: Record) -> dict:
    """What must not change: identity, totals, rows, projects, checks (provenance and page/line
    numbers left out: a perturbation moves lines)."""
    totals = asdict(record.totals)
    totals.pop("provenance", None)
    return {
        "identity": (record.department, record.year, record.kind, record.unit),
        "totals": totals,
        "functional": [(r.code, r.name, r.total, r.basic, r.project) for r in record.functional_subjects],
        "economic": [(r.code, r.name, r.total, r.personnel, r.public) for r in record.economic_subjects],
        "projects": [(p.name, p.amount, p.category, p.functional_code, p.funding_source) for p in record.projects],
        "checks": [(c.rule, c.expected, c.printed, c.ok) for c in record.checks],
        "divisions": list(record.profile.divisions),
    }


@dataclass
class Perturbation:
    """A rewrite of the text and the matching change of the expected signature."""

    name: str
    rewrite: Callable[[str, Record], str]
    expect: Callable[[dict], dict] = lambda sig: sig
    # the narrative's own identities are checked in 万元 (its unit) whatever the tables print: in
    # a document restated in 元 only their rule and outcome compare
    check_values: bool = True

    def comparable(self, sig: dict) -> dict:
        """``sig`` as this perturbation compares it."""
        if self.check_values:
            return sig
        return {**sig, "checks": sorted(((rule, ok) for rule, _, _, ok in sig["checks"]), key=repr)}


def _strip_separators(text: str, record: Record) -> str:
    return re.sub(r"(?<=\d),(?=\d{3}(?:\D|$))", "", text)


def _add_separators(text: str, record: Record) -> str:
    def add(m: re.Match[str]) -> str:
        whole = m.group(1).replace(",", "")
        return f"{int(whole):,}.{m.group(2)}"
    return _FIGURE_RE.sub(add, text)


def _full_width(text: str, record: Record) -> str:
    return text.translate(FULL_WIDTH)


def _join_codes(text: str, record: Record) -> str:
    """``208 05 05 名称`` -> ``2080505 名称``; ``208 05 名称`` -> ``20805 名称`` (at a row's start)."""
    text = re.sub(r"(?m)^(\s*)(\d{3}) +(\d{2}) +(\d{2})(?=\s)", r"\1\2\3\4", text)
    return re.sub(r"(?m)^(\s*)(\d{3}) +(\d{2})(?=\s+[^\d\s])", r"\1\2\3", text)


def _split_codes(text: str, record: Record) -> str:
    """``211 03 01 大气`` -> ``21`` / blank / ``1 03 01 大气``: the trap text extractions set."""
    return re.sub(r"(?m)^(\s*)(2\d)(\d) (\d{2}) (\d{2})(?=\s)", r"\1\2\n\n\3 \4 \5", text)


def _in_yuan(text: str, record: Record) -> str:
    """Every decimal figure ×10000 (two decimals kept), every 万元 printed 元."""
    def scale(m: re.Match[str]) -> str:
        value = Decimal(m.group(1).replace(",", "") + "." + m.group(2)) * 10000
        out = f"{value:,.2f}" if "," in m.group(1) else f"{value:.2f}"
        return out
    def scale_integers(line: str) -> str:
        # a table row's whole-number figures (``大气 718 718``): tokens after the row's name
        head = re.match(r"^\s*(?:\d+\s+)*\D+?(?=\s)", line)
        if head is None or _TABLE_LABEL_RE.match(line) or not re.search(r"[\u4e00-\u9fff]", head.group(0)):
            return line
        # (not a code before a name, not a count before its unit; separators as 元 tables print)
        tail = line[head.end():]
        if len(re.findall(r"(?<=\s)[\d,.]+(?=\s|$)", tail)) < 2:
            return line  # a row has two figures or more (``下设 5`` is a count)
        tail = re.sub(r"(?<=\s)(\d{1,6})(?=\s|$)(?!\s*[年月日号个人%％])(?!\s+\d*[\u4e00-\u9fff])",
                      lambda m: f"{int(m.group(1)) * 10000:,}", tail)
        return line[:head.end()] + tail
    def scale_broken(m: re.Match[str]) -> str:  # ``260.`` + line break + ``00``: one figure
        value = Decimal(m.group(1).replace(",", "") + "." + m.group(3)) * 10000
        whole, decimals = f"{value:.{len(m.group(3))}f}".split(".")
        return f"{_DONE}{whole}.{m.group(2)}{decimals}"
    def scale_split(m: re.Match[str]) -> str:  # ``17.1`` + line break + ``4万元``: one figure
        value = Decimal(m.group(1).replace(",", "") + "." + m.group(2) + m.group(4)) * 10000
        return f"{_DONE}{value:.2f}{m.group(3)}"
    text = re.sub(r"(?<![\d,.])(\d{1,3}(?:,\d{3})+|\d+)\.(\d+)(\s*\n\s*)(\d+)(?=\s*万)", scale_split, text)
    text = re.sub(r"(?<![\d,.])(\d{1,3}(?:,\d{3})+|\d+)\.(\s*\n\s*)(\d{1,2})(?!\d)", scale_broken, text)
    text = _FIGURE_RE.sub(scale, text)
    # whole numbers: table rows of the tables part (before 第三部分), and amounts after a label
    lines = text.split("\n")
    end = next((i for i, line in enumerate(lines) if re.match(r"^\s*第三部分", line)), len(lines))
    narrative = "\n".join(lines[end:])
    narrative = re.sub(r"((?:总额|金额|拨款|资金)[：:]\s*)(\d+)(?=\s|$)",
                       lambda m: f"{m.group(1)}{int(m.group(2)) * 10000}", narrative)
    # a performance table's ``年度预算总`` / ``额：`` / ``10``: the amount alone on its line
    narrative = re.sub(r"((?:额|拨款)[：:]?[ \t]*\n\s*)(\d+)(?=[ \t]*\n)",
                       lambda m: f"{m.group(1)}{int(m.group(2)) * 10000}", narrative)
    text = "\n".join([scale_integers(line) for line in lines[:end]] + [narrative])
    text = re.sub(r"(?<![\d.])(\d+)(\s*)万(\s*)元", lambda m: f"{int(m.group(1)) * 10000}{m.group(2)}{m.group(3)}元", text)
    return re.sub(r"万(\s*)元", r"\1元", text).replace(_DONE, "")  # also ``64.60万`` + a break + ``元``


def _yuan_expect(sig: dict) -> dict:
    out = _map(sig, lambda d: d * 10000, lambda s: s)
    department, year, kind, _ = sig["identity"]
    out["identity"] = (department, year, kind, "元")
    return out


NEW_DEPARTMENT = "青山市自然资源和规划局"
YEAR_SHIFT = 6


def _shift_years(text: str) -> str:
    return re.sub(r"(?<!\d)(20[12]\d)(?!\d)", lambda m: str(int(m.group(1)) + YEAR_SHIFT), text)


def _other_department(text: str, record: Record) -> str:
    return _shift_years(text.replace(record.department, NEW_DEPARTMENT))


def _department_expect(original: Record) -> Callable[[dict], dict]:
    def expect(sig: dict) -> dict:
        out = _map(sig, lambda d: d, lambda s: _shift_years(s.replace(original.department, NEW_DEPARTMENT)))
        _, year, kind, unit = sig["identity"]
        out["identity"] = (NEW_DEPARTMENT, year + YEAR_SHIFT, kind, unit)
        return out
    return expect


def _reorder_tables(text: str, record: Record) -> str:
    """The tables of 第二部分 printed in reverse order (each from its ``表 N`` label to the next)."""
    lines = text.split("\n")
    labels = [i for i, line in enumerate(lines) if _TABLE_LABEL_RE.match(line)]
    if len(labels) < 2:
        return text
    end = next((i for i in range(labels[-1], len(lines)) if re.match(r"^\s*第[一二三四五六七八九十]+部分", lines[i])),
               None)
    if end is None:
        return text
    bounds = labels + [end]
    chunks = [lines[bounds[k]:bounds[k + 1]] for k in range(len(labels))]
    middle = [line for chunk in reversed(chunks) for line in chunk]
    return "\n".join(lines[:labels[0]] + middle + lines[end:])


def _page_headers(text: str, record: Record) -> str:
    """A page number and a running header (the department and year) every 45 lines."""
    lines = text.split("\n")
    out: list[str] = []
    page = 1
    for i, line in enumerate(lines):
        if i and i % 45 == 0:
            page += 1
            out.extend(["", f"- {page} -", "", f"{record.department}{record.year}年部门预算", ""])
        out.append(line)
    return "\n".join(out)


def perturbations(original: Record) -> list[Perturbation]:
    return [
        Perturbation("without_thousands_separators", _strip_separators),
        Perturbation("with_thousands_separators", _add_separators),
        Perturbation("full_width_digits", _full_width),
        Perturbation("codes_joined", _join_codes),
        Perturbation("codes_split_over_lines", _split_codes),
        Perturbation("in_yuan", _in_yuan, _yuan_expect, check_values=False),
        Perturbation("other_department_and_year", _other_department, _department_expect(original)),
        Perturbation("tables_in_reverse_order", _reorder_tables),
        Perturbation("page_numbers_repeated", _page_headers),
    ]


def normalise(sig: dict) -> dict:
    """Lists compared as multisets (a reordered document may list rows in another order)."""
    return _map(sig, lambda d: d, lambda s: s)
