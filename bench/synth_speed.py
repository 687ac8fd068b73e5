"""Benchmark the corpus generator: documents per second (text and PDF) and how exactly the
extractor reads each template's documents back. Prints a table; ``--json FILE`` writes the figures.

    .venv/bin/python bench/synth_speed.py [--departments 200] [--pdf-departments 5] [--read 20]

Generation is timed through ``kg.synth.corpus.write_corpus`` (documents and their truths written
to a temporary folder, as ``budgetkg synth`` does); agreement is the share of documents whose
extraction equals their ground truth on every key (``kg.synth.compare``), and the share of
truth fields reproduced, scored with ../shared/tools/score_records.py's logic where present.
"""
from __future__ import annotations

import argparse
import json
import platform
import sys
import tempfile
import time
from pathlib import Path

from kg.extract.pipeline import extract_file
from kg.extract.serialize import record_json
from kg.synth.compare import differences
from kg.synth.corpus import CorpusOptions, write_corpus
from kg.synth.templates import TEMPLATES


def generation_rate(fmt: str, departments: int, years: range, seed: int) -> tuple[int, float]:
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        summary = write_corpus(CorpusOptions(out=Path(folder), departments=departments, years=years, format=fmt,
                                             errors=0.1, seed=seed))  # every default template read in fmt
        return summary.documents, time.perf_counter() - started


def _scorer():
    here = Path(__file__).resolve().parent.parent.parent / "shared" / "tools" / "score_records.py"
    if not here.is_file():
        return None
    import importlib.util

    spec = importlib.util.spec_from_file_location("score_records", here)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def agreement(template: str, fmt: str, departments: int, seed: int) -> dict:
    scorer = _scorer()
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        write_corpus(CorpusOptions(out=out, departments=departments, years=range(2024, 2026), format=fmt,
                                   errors=0.2, seed=seed, templates=(template,)))
        exact, total, fields, right, seconds = 0, 0, 0, 0, 0.0
        misses: list[str] = []
        for doc in sorted(out.glob(f"*.{fmt}")):
            truth = json.loads(doc.with_suffix(".json").read_text(encoding="utf-8"))
            started = time.perf_counter()
            got = record_json(extract_file(str(doc)))
            seconds += time.perf_counter() - started
            diffs = differences(truth, got)
            total += 1
            exact += not diffs
            misses += [f"{doc.name}: {d}" for d in diffs[:3]]
            if scorer is not None:
                tally = scorer.score(truth, got)
                fields += sum(n for n, _ in tally.rows.values())
                right += sum(r for _, r in tally.rows.values())
        return {"template": template, "format": fmt, "documents": total, "exact": exact,
                "score_records": round(right / fields, 4) if fields else None,
                "extract_docs_per_s": round(total / seconds, 2) if seconds else None, "misses": misses[:10]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--departments", type=int, default=200, help="departments of the text run (× 5 years)")
    parser.add_argument("--pdf-departments", type=int, default=5, help="departments of the PDF run (× 5 years)")
    parser.add_argument("--read", type=int, default=10, help="departments per template read back (× 2 years)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)
    years = range(2021, 2026)
    results: dict = {"machine": f"{platform.machine()} {platform.python_version()}", "generation": [], "agreement": []}
    print("generation (write documents + truths)")
    for fmt, departments in (("txt", args.departments), ("pdf", args.pdf_departments)):
        documents, seconds = generation_rate(fmt, departments, years, args.seed)
        rate = documents / seconds
        results["generation"].append({"format": fmt, "documents": documents, "seconds": round(seconds, 2),
                                      "docs_per_s": round(rate, 1), "ms_per_doc": round(1000 / rate, 2)})
        print(f"  {fmt:4s} {documents:6d} documents {seconds:8.2f} s  {rate:8.1f} docs/s  {1000 / rate:7.2f} ms/doc")
    print("agreement (extraction vs ground truth)")
    for name, spec in TEMPLATES.items():
        for fmt in spec.formats:
            departments = args.read if fmt == "txt" else max(1, args.read // 5)
            row = agreement(name, fmt, departments, args.seed)
            results["agreement"].append(row)
            print(f"  {name:10s} {fmt:4s} exact {row['exact']}/{row['documents']}  score_records "
                  f"{row['score_records']}  extraction {row['extract_docs_per_s']} docs/s")
            for miss in row["misses"]:
                print("     ", miss)
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
