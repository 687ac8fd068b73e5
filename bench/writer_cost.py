"""The writer's own cost of ``budgetkg ingest``: CPU seconds and peak RSS of the ingesting
process itself (``getrusage(RUSAGE_SELF)``; the readers are child processes and not counted),
with how many store writes of each kind it made (``OxigraphStore`` methods, counted as they
return: which batches went in as N-Quads, which as an UPDATE), printed as one JSON line on stderr
after the command's own output.

Why a wrapper and not ``/usr/bin/time``: that counts the readers too (``--jobs``), and the
question of issue 12 is what the one writer costs a document.

    nice -n 10 .venv/bin/python bench/writer_cost.py ingest DOCS --store oxigraph:PATH --jobs 2
"""
from __future__ import annotations

import json
import resource
import sys
import time


def count_writes() -> dict[str, int]:
    """Wrap the store's write methods to count their calls (the counts fill in as they run)."""
    from kg.store.oxigraph import OxigraphStore

    counts: dict[str, int] = {}
    for name in ("replace_graph", "replace_graphs", "load_nquads", "drop_graph", "update"):
        original = getattr(OxigraphStore, name)

        def write(self, *args, _name=name, _original=original, **kwargs):
            counts[_name] = counts.get(_name, 0) + 1
            return _original(self, *args, **kwargs)
        setattr(OxigraphStore, name, write)
    return counts


def mark_end_of_batches() -> dict[str, float]:
    """The writer's CPU and peak RSS when its batches are done, just before the end-of-run
    refresh of derived artefacts (the question catalogue), which has a cost of its own."""
    import kg.graph.ingest as ingest

    marks: dict[str, float] = {}
    original = ingest.refresh_derived

    def refresh(*args, **kwargs):
        usage = resource.getrusage(resource.RUSAGE_SELF)
        marks.update(batches_cpu_s=round(usage.ru_utime + usage.ru_stime, 2),
                     batches_peak_rss_mib=round(usage.ru_maxrss / 1024))
        return original(*args, **kwargs)
    ingest.refresh_derived = refresh
    return marks


def main(argv: list[str]) -> int:
    from kg.cli import main as cli

    writes = count_writes()
    marks = mark_end_of_batches()
    start = time.monotonic()
    code = cli(argv)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(json.dumps({"exit": code, "writer_cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
                      "writer_user_s": round(usage.ru_utime, 2), "writer_sys_s": round(usage.ru_stime, 2),
                      "writer_peak_rss_mib": round(usage.ru_maxrss / 1024), "wall_s": round(time.monotonic() - start, 1), "store_writes": writes, **marks}),
          file=sys.stderr)
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
