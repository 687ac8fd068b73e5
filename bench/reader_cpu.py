"""CPU of the reader per document, in total and by phase, in one process and without a
profiler's overhead (cProfile triples the reader's time and inflates small calls most, so its
shares mislead): each phase's function is wrapped with a timer for the outermost call.

    .venv/bin/python bench/reader_cpu.py FOLDER [--profile OUT.prof]

FOLDER holds text documents (``budgetkg synth --departments 10 --years 2024..2025 --format txt
--seed 7 --out FOLDER`` makes the 20 the results quote). Every document is read once to warm the
imports and caches of the process, then once measured (``time.process_time``). With
``--profile``, a third pass runs under cProfile and its statistics are written to OUT.prof (read
them with ``python -m pstats``). Figures are printed, never asserted.
"""
from __future__ import annotations

import argparse
import collections
import importlib
import sys
import time
from pathlib import Path
from typing import Callable

# (module, function): the reader's phases; nested ones (read_statements inside read_narrative)
# are counted inside their parent too
PHASES = [("kg.extract.tables", "read_tables"), ("kg.extract.checks", "run_all"),
          ("kg.extract.narrative", "read_narrative"), ("kg.extract.narrative.statements", "read_statements"),
          ("kg.extract.sections", "split"), ("kg.extract.profiles", "recognise_document"),
          ("kg.extract.narrative.performance", "read_performance_tables"),
          ("kg.extract.narrative.facts", "read_facts")]


def _timed(function: Callable, name: str, totals: collections.Counter, depth: collections.Counter) -> Callable:
    def wrapper(*args, **kwargs):
        depth[name] += 1
        started = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            depth[name] -= 1
            if depth[name] == 0:
                totals[name] += time.process_time() - started
    return wrapper


def install_timers(totals: collections.Counter) -> None:
    """Replace each phase function, in every loaded ``kg`` module that imported it by name."""
    depth: collections.Counter = collections.Counter()
    for module_name, name in PHASES:
        module = importlib.import_module(module_name)
        original = getattr(module, name)
        wrapper = _timed(original, name, totals, depth)
        for loaded in list(sys.modules.values()):
            if getattr(loaded, "__name__", "").startswith("kg.") and getattr(loaded, name, None) is original:
                setattr(loaded, name, wrapper)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder")
    ap.add_argument("--profile", help="also write a cProfile of one more pass to this file")
    args = ap.parse_args(argv)
    from kg.extract.worker import read_document

    paths = sorted(str(p) for p in Path(args.folder).iterdir() if p.suffix == ".txt")
    for path in paths:
        read_document(path)
    totals: collections.Counter = collections.Counter()
    install_timers(totals)
    started = time.process_time()
    for path in paths:
        read_document(path)
    total = time.process_time() - started
    print(f"{len(paths)} documents, CPU per document: {total / len(paths) * 1000:.1f} ms")
    for name, seconds in totals.most_common():
        print(f"  {name:26s} {seconds / len(paths) * 1000:7.1f} ms")
    if args.profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
        for path in paths:
            read_document(path)
        profiler.disable()
        profiler.dump_stats(args.profile)
        print(f"profile written to {args.profile}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
