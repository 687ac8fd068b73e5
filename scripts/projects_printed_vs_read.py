"""Projects a PDF prints against the projects the extraction reads, per document.

What the PDF prints is found independently of the extraction's table recognition, from the
reader's lines (``kg.extract.pdf_reader.read_pdf``):

* a ``项目名称`` label (a cell or ``项目名称：…`` text): the next non-empty cell or the rest of
  the line (绩效目标表, 绩效自评表, narrative project blocks);
* a ruled table whose header has a ``项目名称`` column (项目支出表 and its kin): every row's
  cell in that column that is not a 合计 / 小计 row.

A printed name is "read" when a read project's name or alias equals it or contains it (or the
other way round, after removing spaces). Prints one block per document and a summary line;
``--missing`` prints only the printed names not read.

Usage: .venv/bin/python scripts/projects_printed_vs_read.py ../shared/national ../shared/realdocs [--missing]
"""
from __future__ import annotations

import argparse
import re
import sys

from kg.extract.pdf_reader import read_pdf
from kg.extract.pipeline import expand_paths, extract_file

_LABEL = "项目名称"
_TOTAL_RE = re.compile(r"^(?:合计|小计|总计|本级|汇总)$")


def _compact(text: str | None) -> str:
    return re.sub(r"\s+", "", text or "")


def printed_projects(path: str) -> list[str]:
    """Project names the PDF prints (see the module docstring), in order, without repeats."""
    doc = read_pdf(path)
    names: list[str] = []
    column: dict[int, int] = {}  # table number -> index of its 项目名称 column
    for line in doc.lines:
        if line.cells is None:
            m = re.match(r"^项目名称[：:]\s*(\S.{1,60})$", line.text.strip())
            if m:
                names.append(_compact(m.group(1)))
            continue
        cells = [_compact(c) for c in line.cells]
        if _LABEL in cells:
            k = cells.index(_LABEL)
            value = next((c for c in cells[k + 1:] if c and c != _LABEL), "")
            header = sum(1 for c in cells if c.endswith(("金额", "合计", "拨款", "代码", "科目"))) >= 1
            if header and line.table is not None:
                column[line.table] = k
            elif value and not re.fullmatch(r"[\d.,]+", value):
                names.append(value)
            continue
        k = column.get(line.table) if line.table is not None else None
        if k is not None and k < len(cells):
            value = re.sub(r"^\d{6,}\S*\s*", "", cells[k])
            if value and not _TOTAL_RE.match(value) and not re.fullmatch(r"[\d.,\-]+", value):
                names.append(value)
    seen: set[str] = set()
    return [n for n in names if not (n in seen or seen.add(n))]


def _read(name: str, read_names: list[str]) -> bool:
    return any(name == r or (len(name) >= 4 and name in r) or (len(r) >= 4 and r in name) for r in read_names)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--missing", action="store_true", help="print only the printed names not read")
    args = parser.parse_args(argv)
    total_printed = total_read = 0
    files, _unlistable = expand_paths(args.paths, (".pdf",))
    for path in files:
        try:
            record = extract_file(path)
            printed = printed_projects(path)
        except Exception as exc:  # a refused document is reported, the others still run
            print(f"== {path}: cannot be read ({exc})")
            continue
        read_names = [_compact(n) for p in record.projects for n in p.all_names()]
        found = [n for n in printed if _read(n, read_names)]
        total_printed += len(printed)
        total_read += len(found)
        print(f"== {path}: printed {len(printed)}, read {len(found)} of them; "
              f"{len(record.projects)} projects in the record")
        for name in printed:
            ok = name in found
            if not ok or not args.missing:
                print(f"   {'ok ' if ok else 'MISS'} {name}")
    print(f"printed {total_printed}, read {total_read}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
