"""Money figures printed in the PDFs' tables that no record holds: the measure of issue 9 at the extraction end.

Why: "every fact askable" starts with every printed figure being read. A figure no record holds
can be asked of nobody, and nothing else shows which tables lose them. This reads each PDF's table
pages straight with pdfplumber (independently of the project's own PDF reader), takes every money
figure of every table cell, and looks for the same value anywhere in the record that
``budgetkg extract --json`` prints for that file (any field, any unit conversion the page's 单位
line implies). The figures held by none are grouped by table title and column header, printed as a
table and written as JSON, so a run before and after a change shows which classes it closed.

    .venv/bin/python bench/unread_figures.py ../shared/national ../shared/realdocs --json /tmp/unread.json
    .venv/bin/python bench/unread_figures.py --records-cache /tmp/unread_recs ...   # reuse extracts

What counts as a money figure: a cell whose text is a number with a decimal point or thousands
separators (``1,234``, ``56.70``, ``-3.00``), not zero. Bare integers are left out: in these tables
they are subject codes, 行次, counts of people or vehicles, not money. A table is pdfplumber's
ruled table (``find_tables``), its title the nearest line above it naming a 表 (or the previous
page's title for a table continuing without one), its header rows those above its first figure.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Iterable, Iterator

import pdfplumber

_MONEY = re.compile(r"^[-−]?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)$")
_NUMBER = re.compile(r"^[-−]?[\d,]*\.?\d+$")
_UNIT = re.compile(r"单位\s*[：:]\s*(万元|千元|元|亿元)")
_FACTORS = {"元": Decimal(1), "千元": Decimal(1000), "万元": Decimal(10000), "亿元": Decimal(100000000)}


def figure(text: str | None) -> Decimal | None:
    """The money figure a cell prints, or None (blank, text, a bare integer, zero)."""
    if not text:
        return None
    t = re.sub(r"\s+", "", text)
    if not _MONEY.match(t):
        return None
    try:
        value = Decimal(t.replace(",", "").replace("−", "-"))
    except InvalidOperation:
        return None
    return None if value == 0 else value


def record_values(node: object, out: set[Decimal]) -> set[Decimal]:
    """Every number anywhere in a record (any key, any depth), normalised, so a figure is found
    whatever field holds it."""
    if isinstance(node, dict):
        for value in node.values():
            record_values(value, out)
    elif isinstance(node, list):
        for value in node:
            record_values(value, out)
    elif isinstance(node, (int, float)) and not isinstance(node, bool):
        out.add(Decimal(str(node)).normalize())
    elif isinstance(node, str):
        t = node.replace(",", "").strip()
        if t and _NUMBER.match(t):
            try:
                out.add(Decimal(t).normalize())
            except InvalidOperation:
                pass
    return out


def held(value: Decimal, page_unit: str | None, record_unit: str | None, values: set[Decimal]) -> bool:
    """Whether a record holds the printed figure: as printed, or converted from the page's unit
    into the record's (a 元 table in a 万元 budget), exactly or to the record's two decimals."""
    candidates = [value]
    if page_unit and record_unit and page_unit != record_unit and page_unit in _FACTORS and record_unit in _FACTORS:
        candidates.append(value * _FACTORS[page_unit] / _FACTORS[record_unit])
    for v in candidates:
        if v.normalize() in values or v.quantize(Decimal("0.01")).normalize() in values:
            return True
    return False


@dataclass
class Cell:
    page: int
    title: str
    column: str
    row: str
    value: Decimal


@dataclass
class Table:
    title: str
    header: list[str]
    width: int


def _title_above(page: "pdfplumber.page.Page", top: float) -> str | None:
    """The nearest line above a table that names a table (… 表 / 情况 …), not its 单位 line."""
    if top <= 1:
        return None
    try:
        text = page.crop((0, 0, page.width, top)).extract_text() or ""
    except ValueError:
        return None
    lines = [re.sub(r"\s+", "", ln) for ln in text.splitlines()]
    lines = [ln for ln in lines if ln and not ln.startswith(("单位", "编制单位", "金额单位")) and not _UNIT.search(ln)]
    for ln in reversed(lines):
        if ("表" in ln or "情况" in ln or "明细" in ln) and len(ln) <= 60:
            return ln
    return None


def _column_header(rows: list[list[str | None]], col: int) -> str:
    """The header path over one column: each header row's cell there, or the merged cell to its left."""
    parts: list[str] = []
    for row in rows:
        c = col
        while c > 0 and c < len(row) and row[c] is None:
            c -= 1
        text = re.sub(r"\s+", "", row[c] or "") if c < len(row) else ""
        if text and (not parts or parts[-1] != text):
            parts.append(text)
    return "/".join(parts) or "(无表头)"


def page_cells(path: Path) -> Iterator[tuple[Cell, str | None]]:
    """Every money figure of every ruled table of the PDF, with its title, column header, row
    label and the page's unit."""
    last: Table | None = None
    with pdfplumber.open(path) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            text = page.extract_text() or ""
            unit_match = _UNIT.search(re.sub(r"\s+", "", text))
            page_unit = unit_match.group(1) if unit_match else None
            for found in page.find_tables():
                rows = found.extract()
                if not rows:
                    continue
                first = next((i for i, r in enumerate(rows) if any(figure(c) is not None for c in r)), None)
                if first is None:
                    continue
                width = max(len(r) for r in rows)
                title = _title_above(page, found.bbox[1])
                header_rows = rows[:first]
                has_header = any(any(c and not _NUMBER.match(re.sub(r"\s+", "", c)) for c in r) for r in header_rows)
                if title is None and last is not None:
                    title = last.title
                if not has_header and last is not None and last.width == width:
                    headers = last.header
                else:
                    headers = [_column_header(header_rows, c) for c in range(width)]
                table = Table(title or "(无标题)", headers, width)
                last = table
                for r in rows[first:]:
                    label = next((re.sub(r"\s+", "", c) for c in r if c and figure(c) is None and re.sub(r"\s+", "", c)), "")
                    for c, text_cell in enumerate(r):
                        value = figure(text_cell)
                        if value is not None:
                            column = headers[c] if c < len(headers) else "(无表头)"
                            yield Cell(number, table.title, column, label, value), page_unit


def extract_record(path: Path, cache: Path | None) -> dict:
    """``budgetkg extract --json`` of one file, through the CLI as a user runs it (cached by content
    and the code's commit where a cache folder is given)."""
    key = None
    if cache is not None:
        head = subprocess.run(["git", "rev-parse", "HEAD"], capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "diff", "HEAD", "--", "kg"], capture_output=True, text=True).stdout
        digest = hashlib.sha256(path.read_bytes() + head.encode() + dirty.encode()).hexdigest()[:24]
        key = cache / f"{digest}.json"
        if key.exists():
            return json.loads(key.read_text(encoding="utf-8"))
    proc = subprocess.run([sys.executable, "-m", "kg.cli", "extract", "--json", "--no-combine", str(path)],
                          capture_output=True, text=True)
    record = json.loads(proc.stdout) if proc.stdout.strip() else {}
    if key is not None:
        key.parent.mkdir(parents=True, exist_ok=True)
        key.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    return record


def pdfs(paths: Iterable[str]) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        q = Path(p)
        out.extend(sorted(q.rglob("*.pdf")) if q.is_dir() else [q])
    return out


@dataclass
class Tally:
    total: int = 0
    unread: int = 0
    examples: list[dict] = field(default_factory=list)


def measure(files: list[Path], cache: Path | None, progress: bool = True) -> dict:
    by_class: dict[tuple[str, str, str], Tally] = defaultdict(Tally)
    docs: dict[str, dict] = {}
    for path in files:
        if progress:
            print(f"… {path}", file=sys.stderr)
        record = extract_record(path, cache)
        values = record_values(record, set())
        record_unit = record.get("unit") if isinstance(record, dict) else None
        total = unread = 0
        for cell, page_unit in page_cells(path):
            total += 1
            tally = by_class[(path.name, cell.title, cell.column)]
            tally.total += 1
            if not held(cell.value, page_unit, record_unit, values):
                unread += 1
                tally.unread += 1
                if len(tally.examples) < 3:
                    tally.examples.append({"page": cell.page, "row": cell.row, "value": str(cell.value)})
        docs[str(path)] = {"figures": total, "unread": unread}
    classes = [
        {"file": f, "title": t, "column": c, "figures": v.total, "unread": v.unread, "examples": v.examples}
        for (f, t, c), v in by_class.items() if v.unread
    ]
    classes.sort(key=lambda x: -x["unread"])
    figures = sum(d["figures"] for d in docs.values())
    unread = sum(d["unread"] for d in docs.values())
    return {"figures": figures, "unread": unread, "share_unread": round(unread / figures, 4) if figures else 0,
            "documents": docs, "classes": classes}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", default=["../shared/national", "../shared/realdocs"])
    ap.add_argument("--json", help="write the full result (every class, examples) here")
    ap.add_argument("--records-cache", help="folder caching each file's extract by content and code")
    ap.add_argument("--top", type=int, default=40, help="classes printed (default 40)")
    args = ap.parse_args(argv)
    result = measure(pdfs(args.paths), Path(args.records_cache) if args.records_cache else None)
    print(f"{'unread':>6} {'of':>5}  file | table title | column header")
    for c in result["classes"][: args.top]:
        print(f"{c['unread']:>6} {c['figures']:>5}  {c['file'][:28]} | {c['title'][:40]} | {c['column'][:50]}")
    print()
    for doc, d in sorted(result["documents"].items(), key=lambda kv: -kv[1]["unread"]):
        print(f"{d['unread']:>6} {d['figures']:>5}  {Path(doc).name}")
    print(f"\nunread {result['unread']} of {result['figures']} table figures ({result['share_unread']:.2%})")
    if args.json:
        Path(args.json).write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
