"""Every document's graph as sorted N-Quads, one file per document: the before/after proof for a
change to the mapping (``kg.rdf.mapping``) or to the N-Quads writer (``kg.graph.load``).

Why a script and a records cache: a change to the mapping must not change a single quad, and
reading the 56 real documents takes minutes. The records are read once (``--records``, a pickle
of the ``Record`` objects, written when missing) and the same records are then mapped by two
checkouts of the code, each writing its quads; ``diff -r`` of the two folders is the proof:

    .venv/bin/python scripts/mapping_nquads.py --records /tmp/recs.pkl --out /tmp/after \\
        ../shared/corpus ../shared/realdocs ../shared/national
    PYTHONPATH=/path/to/main .venv/bin/python /path/to/this/script.py --records /tmp/recs.pkl --out /tmp/before
    diff -r /tmp/before /tmp/after

Each file holds what the bulk loader writes for the document (``kg.graph.load.nquads_lines``:
every triple in the named graph and in the default graph), sorted; and, where the code has both,
the script checks that ``record_to_graph`` gives the same triples as that writer.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import pickle
import sys

from kg.extract.pipeline import extract_paths
from kg.extract.model import Record


def read_records(paths: list[str], cache: str | None, jobs: int) -> list[Record]:
    """The records of ``paths`` (combined per budget, as ``ingest`` reads them), from ``cache``
    when it exists."""
    if cache and os.path.exists(cache):
        with open(cache, "rb") as handle:
            return pickle.load(handle)
    records, failures = extract_paths(paths, jobs=jobs)
    for failure in failures:
        print(f"not read: {failure}", file=sys.stderr)
    if cache:
        with open(cache, "wb") as handle:
            pickle.dump(records, handle)
    return records


def document_lines(record: Record) -> list[str]:
    """The document's N-Quads as the bulk loader writes them, sorted."""
    from kg.graph import load
    from kg.rdf import mapping

    if hasattr(mapping, "record_triples"):  # the one-pass mapping: also check the Graph it gives
        iri, triples = mapping.record_triples(record)
        _, graph = mapping.record_to_graph(record)
        if set(graph) != set(triples) or len(graph) != len(triples):
            raise SystemExit(f"{record.source}: record_to_graph and record_triples differ")
    else:
        iri, triples = mapping.record_to_graph(record)
    return sorted(load.nquads_lines(str(iri), triples))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", help="documents or folders (not needed when --records exists)")
    parser.add_argument("--records", help="pickle of the records: read when it exists, else written")
    parser.add_argument("--out", required=True, help="folder for one .nq file per document")
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args(argv)
    records = read_records(args.paths, args.records, args.jobs)
    os.makedirs(args.out, exist_ok=True)
    quads = 0
    for record in records:
        lines = document_lines(record)
        name = hashlib.sha1(f"{record.source}|{'|'.join(record.files)}".encode()).hexdigest()[:16]
        with open(os.path.join(args.out, f"{name}.nq"), "w", encoding="utf-8") as handle:
            handle.writelines(lines)
        quads += len(lines)
    print(f"{len(records)} documents, {quads} quad lines -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
