"""``budgetkg synth``: write a benchmark corpus of generated disclosures with their ground truth."""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    from kg.synth.templates import TEMPLATES

    p = sub.add_parser("synth", help="generate a benchmark corpus of budget disclosures with ground truth",
                       description="Generate budget disclosures of invented figures for real-sounding departments "
                                   "(places × department kinds × subordinate units), year after year with "
                                   "continuing projects, each beside its record (shared/spec/records.md layout) "
                                   "as the ground truth an exact reader must produce. Deterministic with --seed.",
                       epilog="templates: " + "; ".join(f"{n}: {t.title}" for n, t in TEMPLATES.items()))
    p.add_argument("--departments", type=int, required=True, metavar="N", help="how many departments")
    p.add_argument("--years", required=True, metavar="A..B", help="the budget years, e.g. 2021..2025")
    p.add_argument("--out", required=True, type=Path, metavar="DIR", help="folder to write into")
    p.add_argument("--format", default="txt", choices=("txt", "pdf", "both"),
                   help="plain-text extractions (fast), PDFs (reportlab, ruled tables), or both in DIR/txt and DIR/pdf")
    p.add_argument("--errors", type=float, default=0.0, metavar="RATE",
                   help="share of documents carrying one planted discrepancy, recorded in the truth's checks")
    p.add_argument("--seed", type=int, default=0, metavar="S", help="the same seed writes the same corpus")
    p.add_argument("--templates", default=None, metavar="NAMES",
                   help="comma-separated templates (default: those today's extractor reads exactly)")
    p.add_argument("--quiet", action="store_true", help="no progress line")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from kg.synth.corpus import CorpusOptions, parse_years, write_corpus

    try:
        options = CorpusOptions(out=args.out, departments=args.departments, years=parse_years(args.years),
                                format=args.format, errors=args.errors, seed=args.seed)
        if args.templates:
            options.templates = tuple(t.strip() for t in args.templates.split(",") if t.strip())
        options.validate()
    except ValueError as exc:
        print(f"budgetkg synth: error: {exc}", file=sys.stderr)
        return 2
    total = options.departments * len(options.years)
    started = time.perf_counter()
    count = 0

    def progress(_item) -> None:
        nonlocal count
        count += 1
        if not args.quiet and (count % 50 == 0 or count == total):
            rate = count / max(time.perf_counter() - started, 1e-9)
            print(f"\r{count}/{total} documents, {rate:.1f}/s", end="", file=sys.stderr, flush=True)

    try:
        summary = write_corpus(options, progress)
    except ValueError as exc:
        print(f"budgetkg synth: error: {exc}", file=sys.stderr)
        return 2
    if not args.quiet:
        print(file=sys.stderr)
    rate = summary.documents / max(summary.seconds, 1e-9)
    print(f"{summary.documents} documents in {options.out} ({summary.seconds:.1f} s, {rate:.1f}/s); "
          f"errors planted: {dict(summary.errors) or 'none'}; manifest {summary.manifest}")
    return 0
