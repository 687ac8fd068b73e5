"""Benchmark: how long extraction of a folder takes, per document and in all.

    python scripts/bench_extract.py ../shared/national [--jobs 2]

Prints one line per document (wall seconds of its extraction in its worker, pages) and the
totals: wall time of the whole run and the CPU time it used (this process and its workers).
Figures, never assertions: the machine it runs on decides them.
"""
from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _pages(path: str) -> int | None:
    if not path.lower().endswith(".pdf"):
        return None
    import pypdf

    try:
        return len(pypdf.PdfReader(path).pages)
    except Exception:  # a file the extraction refuses is still timed
        return None


def main() -> int:
    from kg.extract.pipeline import extract_paths

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    lines: list[tuple[float, str]] = []

    def progress(p) -> None:
        pages = _pages(p.path)
        lines.append((p.seconds, f"{p.seconds:7.1f}s  {pages or '-':>4} pages  {os.path.relpath(p.path)}"
                                 f"{'  FAILED ' + p.failure.reason if p.failure else ''}"))

    started = time.perf_counter()
    records, failures = extract_paths(args.paths, combine=False, progress=progress, jobs=args.jobs)
    wall = time.perf_counter() - started
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime
    for _, line in sorted(lines, reverse=True):
        print(line)
    print(f"documents {len(records) + len(failures)} (failed {len(failures)}), jobs {args.jobs}: "
          f"wall {wall:.1f}s, cpu {cpu:.1f}s, load average {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
