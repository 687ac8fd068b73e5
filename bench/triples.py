"""Triples per document, by predicate and by kind of node: where a document's graph spends its size.

Why: the store's size and the writer's bulk load grow with the triples each document writes (every
triple stored twice: its document graph and the materialised union). Before cutting any, measure
which nodes and predicates are the largest shares. The records are read once and cached
(``scripts/mapping_nquads.py``'s ``read_records``), then mapped by ``kg.rdf.mapping.record_triples``
exactly as the ingest maps them; nothing is stored.

    .venv/bin/python bench/triples.py --records /tmp/recs.pkl ../shared/corpus ../shared/realdocs ../shared/national
    .venv/bin/python bench/triples.py --records /tmp/synth.pkl /tmp/synth_folder --top 25

Kinds of node: a node inside a document (``{doc}/obs/…``, ``{doc}/flow/…``, and its source
location ``…/source``) is named by its first path segment; a node outside every document
(a department, a subject, a project, a year: restated by each document that names it) by its
``id/{kind}/`` segment.
"""
from __future__ import annotations

import argparse
import os
import sys
from collections import Counter

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "scripts"))

from mapping_nquads import read_records  # noqa: E402

from kg.rdf.mapping import record_triples  # noqa: E402
from kg.vocabulary.namespaces import ID  # noqa: E402

_ID = str(ID)


def node_kind(subject: str, doc: str) -> str:
    """The kind of a subject node: ``obs``, ``obs → source location`` (a location of one fact),
    ``source location (one per row)`` (a location shared by a row's facts), ``(outside) subject``, …"""
    if subject == doc:
        return "document"
    if subject.startswith(doc + "/source/"):
        return "source location (one per row)"
    inside = subject.startswith(doc + "/")
    if inside:
        parts = subject[len(doc) + 1:].split("/")
    elif subject.startswith(_ID):
        parts = subject[len(_ID):].split("/")
    else:
        return "(outside) other"
    kind = parts[0] if inside else "(outside) " + parts[0]
    if any(p == "source" or p.startswith("source%2F") for p in parts[1:]):  # {node}/source, {node}/source%2F{i}
        return f"{kind} → source location"
    return kind


def short(predicate: str) -> str:
    for sep in ("#", "/"):
        if sep in predicate:
            head, _, tail = predicate.rpartition(sep)
            if tail:
                return f"{head.rsplit('/', 1)[-1]}:{tail}"
    return predicate


def tabulate(records: list) -> tuple[int, Counter, Counter, Counter]:
    """(documents, triples by kind of node, by predicate, nodes by kind)."""
    by_kind: Counter = Counter()
    by_predicate: Counter = Counter()
    nodes: Counter = Counter()
    for record in records:
        doc, triples = record_triples(record)
        doc = str(doc)
        seen: set[str] = set()
        for s, p, _o in triples:
            kind = node_kind(str(s), doc)
            by_kind[kind] += 1
            by_predicate[short(str(p))] += 1
            if str(s) not in seen:
                seen.add(str(s))
                nodes[kind] += 1
    return len(records), by_kind, by_predicate, nodes


def table(title: str, counts: Counter, documents: int, total: int, top: int,
          nodes: Counter | None = None) -> str:
    lines = [f"| {title} | triples/doc | share |" + (" nodes/doc |" if nodes is not None else ""),
             "|---|---:|---:|" + ("---:|" if nodes is not None else "")]
    for key, n in counts.most_common(top):
        row = f"| {key} | {n / documents:,.1f} | {100 * n / total:.1f} % |"
        if nodes is not None:
            row += f" {nodes[key] / documents:,.1f} |"
        lines.append(row)
    rest = total - sum(n for _, n in counts.most_common(top))
    if rest:
        lines.append(f"| (the rest) | {rest / documents:,.1f} | {100 * rest / total:.1f} % |"
                     + (" |" if nodes is not None else ""))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--records", help="pickle of the records (written when missing)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--top", type=int, default=20)
    args = parser.parse_args(argv)
    records = read_records(args.paths, args.records, args.jobs)
    documents, by_kind, by_predicate, nodes = tabulate(records)
    total = sum(by_kind.values())
    print(f"{documents} documents, {total:,} triples, {total / documents:,.1f} a document\n")
    print(table("kind of node", by_kind, documents, total, args.top, nodes))
    print()
    print(table("predicate", by_predicate, documents, total, args.top))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
